import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Link, match, usePath } from "../routing/router";
import { Pager, usePage } from "./Pager";
import { Field } from "../ui/Field";
import { ErrorView, FormProblem, Loading } from "../ui/States";
import { formatInstant, formatPoints } from "../ui/format";
import { formatMoney } from "./money";
import {
  csvUrl,
  useDistribution,
  useDistributionStep,
  useReissue,
  useReversePayout,
  type Distribution,
  type Payout,
} from "./queries";

function Step({
  networkId,
  d,
  step,
  label,
}: {
  networkId: string;
  d: Distribution;
  step: Parameters<typeof useDistributionStep>[2];
  label: string;
}) {
  const run = useDistributionStep(networkId, d.distributionId, step);
  return (
    <div className="review">
      <FormProblem error={run.error} fields={[]} />
      <button
        type="button"
        className={step === "cancellation" ? "secondary" : undefined}
        onClick={() => run.mutate(undefined)}
        disabled={run.isPending}
      >
        {label}
      </button>
    </div>
  );
}

function ReversePayout({ networkId, payout }: { networkId: string; payout: Payout }) {
  const reverse = useReversePayout(networkId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const label = `Reverse ${payout.reference}`;
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reverse.mutate({ payoutId: payout.payoutId, reason }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <FormProblem error={reverse.error} fields={["reason"]} />
      <Field
        label={`Why ${payout.reference} is reversed`}
        field="reason"
        error={reverse.error}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={reverse.isPending}>
          Reverse the payout
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}

function Reissue({ networkId, payout }: { networkId: string; payout: Payout }) {
  const reissue = useReissue(networkId);
  const [key] = useState(() => crypto.randomUUID());
  return (
    <div className="review">
      <FormProblem error={reissue.error} fields={[]} />
      <button
        type="button"
        onClick={() => reissue.mutate({ payoutId: payout.payoutId, key })}
        disabled={reissue.isPending}
      >
        Reissue {payout.reference}
      </button>
    </div>
  );
}

function Payouts({ networkId, d }: { networkId: string; d: Distribution }) {
  const { rows, page, pages, setPage } = usePage(d.payouts, 50);
  return (
    <section aria-labelledby="payouts-heading">
      <h2 id="payouts-heading">Payouts</h2>
      <p>
        <a href={csvUrl(networkId, d.distributionId)} download>
          Download the payouts (CSV)
        </a>
      </p>
      <ul className="cards" aria-label="Payouts">
        {rows.map((p) => (
          <li key={p.payoutId} className="card">
            <div className="card-head">
              <strong>
                {p.reference}: {p.name} {formatMoney(p.amount)}
              </strong>
              <span className="meta">
                {p.reversed ? `reversed${p.reversalReason ? ` (${p.reversalReason})` : ""}` : "to pay"}
                {p.reissuedAs ? " · reissued" : ""}
                {p.reissueOf ? " · a reissue" : ""}
              </span>
            </div>
            {!p.reversed && <ReversePayout networkId={networkId} payout={p} />}
            {p.reversed && !p.reissuedAs && <Reissue networkId={networkId} payout={p} />}
          </li>
        ))}
      </ul>
      <Pager label="Pages of payouts" page={page} pages={pages} onPage={setPage} />
    </section>
  );
}

function Lines({ d }: { d: Distribution }) {
  const { rows, page, pages, setPage } = usePage(d.lines, 50);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Lines, scrollable">
      <table>
        <caption>Lines (they sum to {formatMoney(d.amount)})</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" className="num">
              Points
            </th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.line}>
              <th scope="row">{l.name}</th>
              <td className="num">{formatPoints(l.points)}</td>
              <td className="num">{formatMoney(l.amount)}</td>
              <td>{l.explanation}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Pages of lines" page={page} pages={pages} onPage={setPage} />
    </div>
  );
}

function Details({ network, d }: { network: AccountNetwork; d: Distribution }) {
  const id = network.networkId;
  return (
    <>
      <dl className="totals">
        <div>
          <dt>Amount</dt>
          <dd data-testid="distribution-amount">{formatMoney(d.amount)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd data-testid="distribution-status">{d.status}</dd>
        </div>
        <div>
          <dt>Policy</dt>
          <dd>{d.policy}</dd>
        </div>
      </dl>
      <p className="meta">
        Shares as of {formatInstant(d.asOf)}, value equation {d.equationVersion ?? "default"}; proposed{" "}
        {formatInstant(d.proposedAt)}
        {d.approvedAt ? `, approved ${formatInstant(d.approvedAt)}` : ""}
        {d.secondApprovalRequired ? " (four eyes: a second treasurer approves)" : ""}
      </p>
      <div className="actions">
        {d.status === "proposed" && <Step networkId={id} d={d} step="approval" label="Approve" />}
        {d.status === "approved" && <Step networkId={id} d={d} step="payouts" label="Issue payouts" />}
        {(d.status === "proposed" || d.status === "approved") && (
          <Step networkId={id} d={d} step="cancellation" label="Cancel the distribution" />
        )}
      </div>
      <Lines d={d} />
      {d.status === "paid" && <Payouts networkId={id} d={d} />}
    </>
  );
}

/** One distribution: its lines, approval by a second treasurer, payouts, the CSV, reversals and reissues. */
export function DistributionScreen({ network }: { network: AccountNetwork }) {
  const path = usePath();
  const distributionId = match("/n/:networkId/distributions/:distributionId", path)?.distributionId ?? "";
  const distribution = useDistribution(network.networkId, distributionId);
  return (
    <>
      <p>
        <Link to={`/n/${network.networkId}/distributions`}>All distributions</Link>
      </p>
      <h1>Distribution</h1>
      {distribution.isPending ? (
        <Loading what="the distribution" />
      ) : distribution.isError ? (
        <ErrorView error={distribution.error} retry={() => distribution.refetch()} />
      ) : (
        <Details network={network} d={distribution.data} />
      )}
    </>
  );
}
