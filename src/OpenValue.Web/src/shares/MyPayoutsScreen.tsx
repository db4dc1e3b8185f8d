import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import type { components } from "../api/schema";
import { Link } from "../routing/router";
import { formatMoney } from "../treasury/money";
import { Pager, pagesOf } from "../treasury/Pager";
import { Empty, ErrorView, Loading } from "../ui/States";
import { formatInstant } from "../ui/format";
import { payoutsPageSize, useMemberPayouts } from "./queries";

type Payout = components["schemas"]["MemberPayoutResponse"];

/** Where the money came from: a distribution by its policy (treasurers can open it), or a round's funded bucket. */
function Source({ network, p }: { network: AccountNetwork; p: Payout }) {
  if (p.roundId)
    return <Link to={`/n/${network.networkId}/rounds/${p.roundId}`}>co-budgeting round (your bucket)</Link>;
  const what = `${p.policy} distribution`;
  return network.roles.includes("treasurer") ? (
    <Link to={`/n/${network.networkId}/distributions/${p.distributionId}`}>{what}</Link>
  ) : (
    <>{what}</>
  );
}

/** How a payout stands, in words: paid, a reissue, reversed (and why), or reversed and paid again. */
export function payoutStatus(p: Pick<Payout, "status" | "reissueOf" | "reversalReason">): string {
  if (p.status === "issued") return p.reissueOf ? "paid (a reissue)" : "paid";
  const why = p.reversalReason ? ` (${p.reversalReason})` : "";
  return p.status === "reissued" ? `reversed${why}, paid again` : `reversed${why}`;
}

/** The amount and status come right after the reference, so a phone shows them before the table scrolls sideways. */
function PayoutTable({ network, items }: { network: AccountNetwork; items: Payout[] }) {
  return (
    <div className="scroll" role="region" aria-label="Payouts to you, scrollable" tabIndex={0}>
      <table>
        <caption>Payouts to you, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Reference</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Status</th>
            <th scope="col">Issued</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.payoutId}>
              <th scope="row">{p.reference}</th>
              <td className="num">{formatMoney(p.amount)}</td>
              <td>{payoutStatus(p)}</td>
              <td>{formatInstant(p.issuedAt)}</td>
              <td>
                <Source network={network} p={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the network has paid me: every payout, newest first, a page at a time, and what stands in all. The server
 * sums it; the browser only formats the amounts it is given.
 */
export function MyPayoutsScreen({ network }: { network: AccountNetwork }) {
  const [page, setPage] = useState(1);
  const payouts = useMemberPayouts(network.networkId, network.memberId, page);
  return (
    <>
      <h1>My payouts</h1>
      {payouts.isPending ? (
        <Loading what="your payouts" />
      ) : payouts.isError ? (
        <ErrorView error={payouts.error} retry={() => payouts.refetch()} />
      ) : payouts.data.totalCount === 0 ? (
        <Empty>
          <p>
            Nothing has been paid to you yet. Treasurers pay members from distributions of income, and a co-budgeting
            round pays each funded bucket to its owner.
          </p>
        </Empty>
      ) : (
        <>
          <dl className="totals">
            <div>
              <dt>Paid to you (reversed payouts left out)</dt>
              <dd data-testid="payouts-paid">{formatMoney(payouts.data.paid)}</dd>
            </div>
            <div>
              <dt>Payouts</dt>
              <dd data-testid="payouts-count">{payouts.data.totalCount}</dd>
            </div>
          </dl>
          <PayoutTable network={network} items={payouts.data.items} />
          <Pager
            label="Pages of payouts"
            page={page}
            pages={pagesOf(payouts.data.totalCount, payoutsPageSize)}
            onPage={setPage}
          />
        </>
      )}
      <p>
        Treasurers pay you by the details you set on <Link to={`/n/${network.networkId}/share`}>My share</Link>.
      </p>
    </>
  );
}
