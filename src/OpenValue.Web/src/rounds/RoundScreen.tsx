import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Link } from "../routing/router";
import { formatMoney } from "../treasury/money";
import { Pager, usePage } from "../treasury/Pager";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { formatInstant } from "../ui/format";
import { BucketCard } from "./BucketCard";
import { ProposeBucketForm } from "./ProposeBucketForm";
import { roundCsvUrl, useCloseRound, useRound, type Round } from "./queries";

function MyBudget({ network, round }: { network: AccountNetwork; round: Round }) {
  const mine = round.members.find((m) => m.memberId === network.memberId);
  if (!mine)
    return (
      <Empty>
        <p>You have no budget in this round (budgets went to the members at its opening).</p>
      </Empty>
    );
  return (
    <dl className="totals" aria-label="My budget">
      <div>
        <dt>My budget</dt>
        <dd data-testid="my-budget">{formatMoney(mine.budget)}</dd>
      </div>
      <div>
        <dt>Allocated</dt>
        <dd data-testid="my-allocated">{formatMoney(mine.allocated)}</dd>
      </div>
      <div>
        <dt>Remaining</dt>
        <dd data-testid="my-remaining">{formatMoney(mine.remaining)}</dd>
      </div>
    </dl>
  );
}

function Budgets({ round }: { round: Round }) {
  const { rows, page, pages, setPage } = usePage(round.members, 50);
  return (
    <section aria-labelledby="budgets-heading">
      <h2 id="budgets-heading">Every member's budget</h2>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Budgets, scrollable">
        <table>
          <caption>Budgets (they sum to {formatMoney(round.amount)})</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col" className="num">
                Budget
              </th>
              <th scope="col" className="num">
                Allocated
              </th>
              <th scope="col" className="num">
                Remaining
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.memberId}>
                <th scope="row">{m.name}</th>
                <td className="num">{formatMoney(m.budget)}</td>
                <td className="num">{formatMoney(m.allocated)}</td>
                <td className="num">{formatMoney(m.remaining)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager label="Pages of budgets" page={page} pages={pages} onPage={setPage} />
    </section>
  );
}

function Closing({ network, round }: { network: AccountNetwork; round: Round }) {
  const close = useCloseRound(network.networkId, round.roundId);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <div className="review">
      <FormProblem error={close.error} fields={[]} />
      <button type="button" onClick={() => close.mutate(key)} disabled={close.isPending}>
        {close.isPending ? "Closing…" : "Close the round"}
      </button>
    </div>
  );
}

function Payouts({ network, round }: { network: AccountNetwork; round: Round }) {
  const { rows, page, pages, setPage } = usePage(round.payouts, 50);
  return (
    <section aria-labelledby="round-payouts-heading">
      <h2 id="round-payouts-heading">Payouts</h2>
      <p>
        <a href={roundCsvUrl(network.networkId, round.roundId)} download>
          Download the payouts (CSV)
        </a>
      </p>
      {round.payouts.length === 0 ? (
        <Empty>
          <p>No bucket reached its minimum: everything returned to the pool.</p>
        </Empty>
      ) : (
        <ul className="cards" aria-label="Payouts">
          {rows.map((p) => (
            <li key={p.payoutId} className="card">
              {p.reference}: {p.name} {formatMoney(p.amount)}
            </li>
          ))}
        </ul>
      )}
      <Pager label="Pages of payouts" page={page} pages={pages} onPage={setPage} />
    </section>
  );
}

function Details({ network, round }: { network: AccountNetwork; round: Round }) {
  const open = round.status === "open";
  const treasurer = network.roles.includes("treasurer");
  const buckets = usePage(round.buckets, 20);
  return (
    <>
      <h1>{round.title}</h1>
      <dl className="totals">
        <div>
          <dt>Amount</dt>
          <dd data-testid="round-amount">{formatMoney(round.amount)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="round-status">{round.status}</dd>
        </div>
        {round.paid && (
          <div>
            <dt>Paid</dt>
            <dd data-testid="round-paid">{formatMoney(round.paid)}</dd>
          </div>
        )}
        {round.returned && (
          <div>
            <dt>Returned to the pool</dt>
            <dd data-testid="round-returned">{formatMoney(round.returned)}</dd>
          </div>
        )}
      </dl>
      <p className="meta">
        Budgets {round.budget === "equal" ? "equal" : "by share"}; open from {formatInstant(round.opensAt)} to{" "}
        {formatInstant(round.closesAt)}
        {round.capPerBucket ? `; at most ${formatMoney(round.capPerBucket)} from one member into one bucket` : ""}
        {round.bucketsNeedApproval ? "; buckets wait for a steward's approval" : ""}
        {round.closedAt ? `; closed ${formatInstant(round.closedAt)}` : ""}
      </p>
      {open && treasurer && <Closing network={network} round={round} />}
      <section aria-labelledby="my-budget-heading">
        <h2 id="my-budget-heading">My budget</h2>
        <MyBudget network={network} round={round} />
      </section>
      <section aria-labelledby="buckets-heading">
        <h2 id="buckets-heading">Buckets</h2>
        {round.buckets.length === 0 ? (
          <Empty>
            <p>No bucket proposed yet.</p>
          </Empty>
        ) : (
          <ul className="cards" aria-label="Buckets">
            {buckets.rows.map((b) => (
              <BucketCard key={b.bucketId} network={network} round={round} bucket={b} />
            ))}
          </ul>
        )}
        <Pager label="Pages of buckets" page={buckets.page} pages={buckets.pages} onPage={buckets.setPage} />
      </section>
      {open && <ProposeBucketForm network={network} round={round} />}
      {!open && treasurer && <Payouts network={network} round={round} />}
      <Budgets round={round} />
    </>
  );
}

/** One round: my budget, the buckets with their funders, proposing and funding, approval, closing, the CSV. */
export function RoundScreen({ network, roundId }: { network: AccountNetwork; roundId: string }) {
  const round = useRound(network.networkId, roundId);
  return (
    <>
      <p>
        <Link to={`/n/${network.networkId}/rounds`}>All rounds</Link>
      </p>
      {round.isPending ? (
        <>
          <h1>Round</h1>
          <Loading what="the round" />
        </>
      ) : round.isError ? (
        <>
          <h1>Round</h1>
          <ErrorView error={round.error} retry={() => round.refetch()} />
        </>
      ) : (
        <Details network={network} round={round.data} />
      )}
    </>
  );
}
