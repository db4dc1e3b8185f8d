import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Field, TextArea } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { useProposeBucket, type Round } from "./queries";

const fields = ["title", "description", "minGoal", "minGoal.amount", "maxGoal", "maxGoal.amount"];
const blank = { title: "", description: "", min: "", max: "" };

/** Any member proposes a bucket: what it is for and the least and most it may take. */
export function ProposeBucketForm({ network, round }: { network: AccountNetwork; round: Round }) {
  const propose = useProposeBucket(network.networkId, round.roundId);
  const [bucket, setBucket] = useState(blank);
  const [done, setDone] = useState("");
  const set = (change: Partial<typeof blank>) => setBucket({ ...bucket, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone("");
    const currency = network.currency;
    propose.mutate(
      {
        title: bucket.title,
        description: bucket.description || null,
        minGoal: { amount: bucket.min, currency },
        maxGoal: { amount: bucket.max, currency },
      },
      {
        onSuccess: (proposed) => {
          setBucket(blank);
          setDone(
            proposed.status === "proposed"
              ? `Proposed ${proposed.title}: it waits for a steward's approval.`
              : `Proposed ${proposed.title}.`,
          );
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="propose-bucket-heading">
      <h2 id="propose-bucket-heading">Propose a bucket</h2>
      <FormProblem error={propose.error} fields={fields} />
      <Field
        label="Bucket title"
        field="title"
        error={propose.error}
        value={bucket.title}
        onChange={(e) => set({ title: e.target.value })}
        required
      />
      <TextArea
        label="Description (optional)"
        field="description"
        error={propose.error}
        value={bucket.description}
        onChange={(e) => set({ description: e.target.value })}
      />
      <div className="row">
        <Field
          label={`Minimum goal (${network.currency})`}
          field="minGoal.amount"
          error={propose.error}
          inputMode="decimal"
          value={bucket.min}
          onChange={(e) => set({ min: e.target.value })}
          required
        />
        <Field
          label={`Maximum goal (${network.currency})`}
          field="maxGoal.amount"
          error={propose.error}
          inputMode="decimal"
          value={bucket.max}
          onChange={(e) => set({ max: e.target.value })}
          required
        />
      </div>
      <button type="submit" disabled={propose.isPending}>
        {propose.isPending ? "Proposing…" : "Propose the bucket"}
      </button>
      <p role="status" className="hint">
        {done}
      </p>
    </form>
  );
}
