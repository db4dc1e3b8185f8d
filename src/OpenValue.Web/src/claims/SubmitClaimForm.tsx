import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Field, Select, TextArea } from "../ui/Field";
import { ErrorView, FormProblem, Loading } from "../ui/States";
import { todayUtc } from "../ui/format";
import { useKinds, useProjects, useSubmitClaim, type ClaimInput } from "./queries";

const fields = ["kind", "quantity", "unit", "occurredOn", "description", "evidenceUrl", "projectId"] as const;

// A fresh client id per claim: a retried submission (a lost answer) is the same claim, not a second one.
const blank = (): ClaimInput => ({
  id: crypto.randomUUID(),
  kind: "work",
  quantity: "",
  unit: "",
  occurredOn: todayUtc(),
  description: "",
  evidenceUrl: null,
  projectId: null,
});

export function SubmitClaimForm({ network }: { network: AccountNetwork }) {
  const kinds = useKinds(network.networkId, network.currency);
  const projects = useProjects(network.networkId);
  const submit = useSubmitClaim(network.networkId);
  const [claim, setClaim] = useState(blank);
  const [submitted, setSubmitted] = useState(false);

  if (kinds.isPending || projects.isPending) return <Loading what="the claim form" />;
  if (kinds.isError) return <ErrorView error={kinds.error} retry={() => kinds.refetch()} />;
  if (projects.isError) return <ErrorView error={projects.error} retry={() => projects.refetch()} />;

  const unit = kinds.data.find((k) => k.kind === claim.kind)?.unit ?? "";
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(false);
    submit.mutate(
      { ...claim, unit },
      {
        onSuccess: () => {
          setClaim(blank());
          setSubmitted(true);
        },
      },
    );
  };
  const set = (change: Partial<ClaimInput>) => setClaim({ ...claim, ...change });

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="submit-heading">
      <h2 id="submit-heading">Submit a claim</h2>
      <FormProblem error={submit.error} fields={fields} />
      {submitted && (
        <p role="status" className="ok">
          Claim submitted. Reviewers will see it in their queue.
        </p>
      )}
      <div className="row">
        <Select
          label="Kind"
          field="kind"
          error={submit.error}
          value={claim.kind}
          onChange={(e) => set({ kind: e.target.value })}
        >
          {kinds.data.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.kind}
            </option>
          ))}
        </Select>
        <Field
          label={`Quantity (${unit})`}
          field="quantity"
          error={submit.error}
          inputMode="decimal"
          value={claim.quantity}
          onChange={(e) => set({ quantity: e.target.value })}
          required
        />
        <Field
          label="Date worked"
          field="occurredOn"
          error={submit.error}
          type="date"
          max={todayUtc()}
          value={claim.occurredOn}
          onChange={(e) => set({ occurredOn: e.target.value })}
          required
        />
      </div>
      <TextArea
        label="What you did"
        field="description"
        error={submit.error}
        rows={3}
        value={claim.description}
        onChange={(e) => set({ description: e.target.value })}
        required
      />
      <Field
        label="Evidence link (optional)"
        field="evidenceUrl"
        error={submit.error}
        type="url"
        placeholder="https://…"
        value={claim.evidenceUrl ?? ""}
        onChange={(e) => set({ evidenceUrl: e.target.value || null })}
      />
      {projects.data.projects.length > 0 && (
        <Select
          label="Project (optional)"
          field="projectId"
          error={submit.error}
          value={claim.projectId ?? ""}
          onChange={(e) => set({ projectId: e.target.value || null })}
        >
          <option value="">The whole network</option>
          {projects.data.projects.map((p) => (
            <option key={p.projectId} value={p.projectId}>
              {p.name}
            </option>
          ))}
        </Select>
      )}
      <button type="submit" disabled={submit.isPending}>
        {submit.isPending ? "Submitting…" : "Submit claim"}
      </button>
    </form>
  );
}
