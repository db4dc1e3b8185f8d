import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { formatMoney } from "../treasury/money";
import { Field } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { atAmount } from "./problems";
import { useApproveBucket, useCancelBucket, useFundBucket, type Bucket, type Round } from "./queries";

/** Move budget into the bucket, or (a negative amount) take some back; refusals about the amount show at it. */
function FundForm({ network, round, bucket }: { network: AccountNetwork; round: Round; bucket: Bucket }) {
  const fund = useFundBucket(network.networkId, round.roundId, bucket.bucketId);
  const [amount, setAmount] = useState("");
  const [done, setDone] = useState("");
  const error = atAmount(fund.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone("");
    fund.mutate(
      { amount, currency: network.currency },
      {
        onSuccess: (result) => {
          setAmount("");
          setDone(`${bucket.title} now holds ${formatMoney(result.bucket.total)}.`);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Fund ${bucket.title}`}>
      <FormProblem error={error} fields={["amount.amount"]} />
      <Field
        label={`Amount for ${bucket.title} (${network.currency})`}
        field="amount.amount"
        error={error}
        hint="A negative amount takes budget back."
        inputMode="decimal"
        value={amount}
        onChange={(e) => setAmount(e.target.value)}
      />
      <button type="submit" disabled={fund.isPending}>
        {fund.isPending ? "Funding…" : `Fund ${bucket.title}`}
      </button>
      <p role="status" className="hint">
        {done}
      </p>
    </form>
  );
}

function Approve({ network, round, bucket }: { network: AccountNetwork; round: Round; bucket: Bucket }) {
  const approve = useApproveBucket(network.networkId, round.roundId, bucket.bucketId);
  return (
    <div className="review">
      <FormProblem error={approve.error} fields={[]} />
      <button type="button" onClick={() => approve.mutate(undefined)} disabled={approve.isPending}>
        Approve {bucket.title}
      </button>
    </div>
  );
}

function Cancel({ network, round, bucket }: { network: AccountNetwork; round: Round; bucket: Bucket }) {
  const cancel = useCancelBucket(network.networkId, round.roundId, bucket.bucketId);
  return (
    <div className="review">
      <FormProblem error={cancel.error} fields={[]} />
      <button type="button" className="secondary" onClick={() => cancel.mutate(undefined)} disabled={cancel.isPending}>
        Cancel {bucket.title}
      </button>
    </div>
  );
}

/** One bucket: its goals, total and funders, and what the signed-in member may do with it. */
export function BucketCard({ network, round, bucket }: { network: AccountNetwork; round: Round; bucket: Bucket }) {
  const open = round.status === "open";
  const mine = bucket.ownerId === network.memberId;
  const steward = network.roles.includes("steward");
  const hasBudget = round.members.some((m) => m.memberId === network.memberId);
  const live = bucket.status === "open" || bucket.status === "proposed";
  return (
    <li className="card" aria-labelledby={`bucket-${bucket.bucketId}`}>
      <div className="card-head">
        <h3 id={`bucket-${bucket.bucketId}`}>
          {bucket.line}. {bucket.title}
        </h3>
        <span className={`badge badge-${bucket.status}`} data-testid="bucket-status">
          {bucket.status}
        </span>
      </div>
      <p>
        <strong data-testid="bucket-total">{formatMoney(bucket.total)}</strong> of a minimum{" "}
        {formatMoney(bucket.minGoal)} and a maximum {formatMoney(bucket.maxGoal)}; proposed by {bucket.ownerName}
      </p>
      {bucket.description && <p>{bucket.description}</p>}
      {bucket.funders.length === 0 ? (
        <p className="meta">No funder yet.</p>
      ) : (
        <ul aria-label={`Funders of ${bucket.title}`}>
          {bucket.funders.map((f) => (
            <li key={f.memberId}>
              {f.name}: {formatMoney(f.amount)}
            </li>
          ))}
        </ul>
      )}
      {open && bucket.status === "open" && hasBudget && <FundForm network={network} round={round} bucket={bucket} />}
      <div className="actions">
        {open && bucket.status === "proposed" && steward && <Approve network={network} round={round} bucket={bucket} />}
        {open && live && (mine || steward) && <Cancel network={network} round={round} bucket={bucket} />}
      </div>
    </li>
  );
}
