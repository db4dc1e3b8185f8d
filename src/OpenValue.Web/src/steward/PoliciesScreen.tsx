import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Field, Select } from "../ui/Field";
import { ErrorView, FormProblem, Loading } from "../ui/States";
import { useReviewPolicy, useSetReviewPolicy, useSetTreasuryPolicy, useTreasuryPolicy } from "./queries";

// A whole number typed goes as a number; anything else as NaN, which JSON sends as null for the server to refuse.
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

function ReviewPolicy({ network, steward }: { network: AccountNetwork; steward: boolean }) {
  const policy = useReviewPolicy(network.networkId);
  const set = useSetReviewPolicy(network.networkId);
  const [draft, setDraft] = useState<string>();
  const [saved, setSaved] = useState("");
  if (policy.isPending) return <Loading what="the review policy" />;
  if (policy.isError) return <ErrorView error={policy.error} retry={() => policy.refetch()} />;
  const value = draft ?? String(policy.data.approvalsRequired);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate(whole(value), {
      onSuccess: (p) => {
        setDraft(undefined);
        setSaved(`A claim now needs ${p.approvalsRequired} approval(s).`);
      },
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="review-policy-heading">
      <h2 id="review-policy-heading">Review policy</h2>
      <p data-testid="approvals-required">
        A claim is accepted after {policy.data.approvalsRequired} approval(s) by reviewers other than its author.
      </p>
      <FormProblem error={set.error} fields={["approvalsRequired"]} />
      <Field
        label="Approvals required"
        field="approvalsRequired"
        error={set.error}
        inputMode="numeric"
        value={value}
        disabled={!steward}
        onChange={(e) => setDraft(e.target.value)}
      />
      {steward && (
        <button type="submit" disabled={set.isPending}>
          Set the review policy
        </button>
      )}
      <p role="status" className="hint">
        {saved}
      </p>
    </form>
  );
}

const fourEyesChoices = [
  ["when-two-treasurers", "when the network has two treasurers or more"],
  ["always", "always (waits for a second treasurer)"],
  ["never", "never"],
] as const;

function TreasuryPolicy({ network, steward }: { network: AccountNetwork; steward: boolean }) {
  const policy = useTreasuryPolicy(network.networkId);
  const set = useSetTreasuryPolicy(network.networkId);
  const [draft, setDraft] = useState<{ fourEyes: string; coolingOffHours: string }>();
  const [saved, setSaved] = useState("");
  if (policy.isPending) return <Loading what="the treasury policy" />;
  if (policy.isError) return <ErrorView error={policy.error} retry={() => policy.refetch()} />;
  const value = draft ?? { fourEyes: policy.data.fourEyes, coolingOffHours: String(policy.data.coolingOffHours) };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    set.mutate(
      { fourEyes: value.fourEyes, coolingOffHours: whole(value.coolingOffHours) },
      {
        onSuccess: () => {
          setDraft(undefined);
          setSaved("Treasury policy set.");
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="treasury-policy-heading">
      <h2 id="treasury-policy-heading">Treasury policy</h2>
      <p data-testid="treasury-policy">
        Second approval: {policy.data.secondApprovalRequired ? "required now" : "not required now"}; cooling-off{" "}
        {policy.data.coolingOffHours} hours.
      </p>
      <FormProblem error={set.error} fields={["fourEyes", "coolingOffHours"]} />
      <div className="row">
        <Select
          label="Four eyes"
          field="fourEyes"
          error={set.error}
          value={value.fourEyes}
          disabled={!steward}
          onChange={(e) => setDraft({ ...value, fourEyes: e.target.value })}
        >
          {fourEyesChoices.map(([v, text]) => (
            <option key={v} value={v}>
              {text}
            </option>
          ))}
        </Select>
        <Field
          label="Cooling-off (hours)"
          field="coolingOffHours"
          error={set.error}
          inputMode="numeric"
          value={value.coolingOffHours}
          disabled={!steward}
          hint="How long before a proposal its proposer's admitting or vouching for the approver still counts."
          onChange={(e) => setDraft({ ...value, coolingOffHours: e.target.value })}
        />
      </div>
      {steward && (
        <button type="submit" disabled={set.isPending}>
          Set the treasury policy
        </button>
      )}
      <p role="status" className="hint">
        {saved}
      </p>
    </form>
  );
}

/** The review and treasury policies: every member sees them, stewards set them. */
export function PoliciesScreen({ network }: { network: AccountNetwork }) {
  const steward = network.roles.includes("steward");
  return (
    <>
      <h1>Policies</h1>
      <ReviewPolicy network={network} steward={steward} />
      <TreasuryPolicy network={network} steward={steward} />
    </>
  );
}
