import { useState, type FormEvent } from "react";
import type { components } from "../api/schema";
import { Field, TextArea } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { useAmendClaim } from "./queries";

type Claim = components["schemas"]["ContributionResponse"];

const fields = ["quantity", "description", "evidenceUrl"] as const;

/** The author's answer to a request for changes: the claim again, changed, for a new round of review. */
export function AmendForm({ networkId, claim, done }: { networkId: string; claim: Claim; done: () => void }) {
  const amend = useAmendClaim(networkId);
  const [quantity, setQuantity] = useState(claim.quantity);
  const [description, setDescription] = useState(claim.description);
  const [evidenceUrl, setEvidenceUrl] = useState(claim.evidenceUrl ?? "");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    amend.mutate(
      {
        contributionId: claim.contributionId,
        kind: claim.kind,
        unit: claim.unit,
        occurredOn: String(claim.occurredOn),
        projectId: claim.projectId,
        quantity,
        description,
        evidenceUrl: evidenceUrl || null,
      },
      { onSuccess: done },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label={`Amend the claim: ${claim.description}`}>
      <FormProblem error={amend.error} fields={fields} />
      <Field
        label={`Quantity (${claim.unit})`}
        field="quantity"
        error={amend.error}
        inputMode="decimal"
        value={quantity}
        onChange={(e) => setQuantity(e.target.value)}
      />
      <TextArea
        label="What you did"
        field="description"
        error={amend.error}
        rows={3}
        value={description}
        onChange={(e) => setDescription(e.target.value)}
      />
      <Field
        label="Evidence link (optional)"
        field="evidenceUrl"
        error={amend.error}
        type="url"
        value={evidenceUrl}
        onChange={(e) => setEvidenceUrl(e.target.value)}
      />
      <div className="actions">
        <button type="submit" disabled={amend.isPending}>
          {amend.isPending ? "Sending…" : "Send for review again"}
        </button>
        <button type="button" className="secondary" onClick={done}>
          Cancel
        </button>
      </div>
    </form>
  );
}
