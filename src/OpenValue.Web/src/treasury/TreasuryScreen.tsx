import { lazy, Suspense } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Empty, ErrorView, Loading } from "../ui/States";
import { IncomeForm } from "./IncomeForm";
import { IncomeList } from "./IncomeList";
import { formatMoney } from "./money";
import { Pager, usePage } from "./Pager";
import { useLedger, type Ledger } from "./queries";

const LedgerChart = lazy(() => import("./LedgerChart"));
const membersPageSize = 20;

function Totals({ ledger }: { ledger: Ledger }) {
  const figures: [string, string, { amount: string; currency: string }][] = [
    ["Income", "ledger-income", ledger.netIncome],
    ["Reserved", "ledger-reserved", ledger.reserved],
    ["Distributed", "ledger-distributed", ledger.distributed],
    ["Undistributed", "ledger-undistributed", ledger.undistributed],
  ];
  return (
    <dl className="totals">
      {figures.map(([label, id, money]) => (
        <div key={id}>
          <dt>{label}</dt>
          <dd data-testid={id}>{formatMoney(money)}</dd>
        </div>
      ))}
    </dl>
  );
}

function PaidToDate({ ledger }: { ledger: Ledger }) {
  const paid = ledger.members;
  const { rows: lines, page, pages, setPage } = usePage(paid, membersPageSize);
  if (paid.length === 0)
    return (
      <Empty>
        <p>No members yet.</p>
      </Empty>
    );
  return (
    <>
      <table>
        <caption>Paid to date</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" className="num">
              Paid
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((m) => (
            <tr key={m.memberId}>
              <th scope="row">{m.name}</th>
              <td className="num">{formatMoney(m.paid)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Pages of paid to date" page={page} pages={pages} onPage={setPage} />
    </>
  );
}

function LedgerSection({ ledger }: { ledger: Ledger }) {
  return (
    <>
      <Totals ledger={ledger} />
      <div className="split">
        <Suspense fallback={<Loading what="the chart" />}>
          <LedgerChart ledger={ledger} />
        </Suspense>
        <div className="table-scroll" tabIndex={0} role="region" aria-label="By pool, scrollable">
          <table>
            <caption>By pool</caption>
            <thead>
              <tr>
                <th scope="col">Pool</th>
                <th scope="col" className="num">
                  Income
                </th>
                <th scope="col" className="num">
                  Distributed
                </th>
                <th scope="col" className="num">
                  Undistributed
                </th>
              </tr>
            </thead>
            <tbody>
              {ledger.pools.map((p) => (
                <tr key={p.poolId}>
                  <th scope="row">{p.name}</th>
                  <td className="num">{formatMoney(p.totals.netIncome)}</td>
                  <td className="num">{formatMoney(p.totals.distributed)}</td>
                  <td className="num">{formatMoney(p.totals.undistributed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <PaidToDate ledger={ledger} />
    </>
  );
}

/** The treasurer's money screen: the ledger and its chart, recording income, the income records. */
export function TreasuryScreen({ network }: { network: AccountNetwork }) {
  const ledger = useLedger(network.networkId);
  return (
    <>
      <h1>Treasury</h1>
      <section aria-labelledby="ledger-heading">
        <h2 id="ledger-heading">Ledger</h2>
        {ledger.isPending ? (
          <Loading what="the ledger" />
        ) : ledger.isError ? (
          <ErrorView error={ledger.error} retry={() => ledger.refetch()} />
        ) : (
          <LedgerSection ledger={ledger.data} />
        )}
      </section>
      <IncomeForm network={network} pools={ledger.data?.pools ?? []} />
      <section aria-labelledby="income-heading">
        <h2 id="income-heading">Income</h2>
        <IncomeList network={network} pools={ledger.data?.pools ?? []} />
      </section>
    </>
  );
}
