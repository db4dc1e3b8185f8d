import { useState, type FormEvent } from "react";
import type { components } from "../api/schema";
import { TextArea } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { useAppeal, useRevoke } from "./queries";

type Claim = components["schemas"]["ContributionResponse"];

/**
 * A correction of a decision, with its reason: an appeal (of my rejection, or of an acceptance: asking the
 * stewards to revoke it) or a steward's revocation. A button opens the form; Cancel closes it.
 */
export function Correction({
  networkId,
  claim,
  kind,
  label,
}: {
  networkId: string;
  claim: Claim;
  kind: "appeal" | "revoke";
  /** What the button says, e.g. "Appeal" or "Revoke acceptance". */
  label: string;
}) {
  const appeal = useAppeal(networkId);
  const revoke = useRevoke(networkId);
  const action = kind === "appeal" ? appeal : revoke;
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState("");
  const what = `${label} “${claim.description}”`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(
      { contributionId: claim.contributionId, reason },
      {
        onSuccess: () => {
          setOpen(false);
          setReason("");
          setDone(kind === "appeal" ? "Appeal sent." : "Acceptance revoked.");
        },
      },
    );
  };
  if (!open)
    return (
      <div className="review">
        <button type="button" className="secondary" onClick={() => setOpen(true)}>
          {what}
        </button>
        <p role="status" className="hint">
          {done}
        </p>
      </div>
    );
  return (
    <form onSubmit={submit} noValidate aria-label={what} className="review">
      <FormProblem error={action.error} fields={["reason"]} />
      <TextArea
        label={kind === "appeal" ? "Reason for the appeal" : "Reason for the revocation"}
        field="reason"
        error={action.error}
        // The form opens on a click or Enter: the reason is where the keyboard goes next.
        autoFocus
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="row">
        <button type="submit" className={kind === "revoke" ? "danger" : undefined} disabled={action.isPending}>
          {label}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setOpen(false);
            action.reset();
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
