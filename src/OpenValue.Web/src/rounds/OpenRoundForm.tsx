import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { navigate } from "../routing/router";
import { useLedger } from "../treasury/queries";
import { Field, Select } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { useOpenRound } from "./queries";

const fields = [
  "title",
  "amount",
  "amount.amount",
  "amount.currency",
  "projectId",
  "budget",
  "closesAt",
  "capPerBucket",
  "capPerBucket.amount",
  "capPerBucket.currency",
];

/** A week from now, as a `datetime-local` value read as UTC ("2026-12-09T01:30"). */
const inAWeek = (now: Date = new Date()) => new Date(now.getTime() + 7 * 86_400_000).toISOString().slice(0, 16);

const blank = () => ({
  key: crypto.randomUUID(),
  title: "",
  amount: "",
  projectId: "",
  budget: "equal",
  closesAt: inAWeek(),
  cap: "",
  bucketsNeedApproval: false,
});

/** Treasurers: open a round on a pool; its amount is reserved there and split into the members' budgets. */
export function OpenRoundForm({ network }: { network: AccountNetwork }) {
  const open = useOpenRound(network.networkId);
  const ledger = useLedger(network.networkId);
  const [round, setRound] = useState(blank);
  const set = (change: Partial<ReturnType<typeof blank>>) => setRound({ ...round, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { key, title, amount, projectId, budget, closesAt, cap, bucketsNeedApproval } = round;
    open.mutate(
      {
        key,
        title,
        amount: { amount, currency: network.currency },
        projectId: projectId || null,
        budget,
        closesAt: closesAt ? `${closesAt.length === 16 ? closesAt + ":00" : closesAt}Z` : "",
        capPerBucket: cap ? { amount: cap, currency: network.currency } : null,
        bucketsNeedApproval,
      },
      { onSuccess: (opened) => navigate(`/n/${network.networkId}/rounds/${opened.roundId}`) },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="open-round-heading">
      <h2 id="open-round-heading">Open a round</h2>
      <FormProblem error={open.error} fields={fields} />
      <Field
        label="Title"
        field="title"
        error={open.error}
        value={round.title}
        onChange={(e) => set({ title: e.target.value })}
        required
      />
      <div className="row">
        <Field
          label={`Round amount (${network.currency})`}
          field="amount.amount"
          error={open.error}
          inputMode="decimal"
          value={round.amount}
          onChange={(e) => set({ amount: e.target.value })}
          required
        />
        <Select
          label="Pool"
          field="projectId"
          error={open.error}
          value={round.projectId}
          onChange={(e) => set({ projectId: e.target.value })}
        >
          <option value="">The network</option>
          {(ledger.data?.pools ?? [])
            .filter((p) => p.projectId)
            .map((p) => (
              <option key={p.poolId} value={p.projectId!}>
                Project: {p.name}
              </option>
            ))}
        </Select>
        <Select
          label="Budgets"
          field="budget"
          error={open.error}
          value={round.budget}
          onChange={(e) => set({ budget: e.target.value })}
        >
          <option value="equal">Equal for every member</option>
          <option value="by-share">By each member's share</option>
        </Select>
        <Field
          label="Closes at (UTC)"
          field="closesAt"
          error={open.error}
          type="datetime-local"
          value={round.closesAt}
          onChange={(e) => set({ closesAt: e.target.value })}
          required
        />
        <Field
          label={`Cap per member per bucket (${network.currency}, optional)`}
          field="capPerBucket.amount"
          error={open.error}
          inputMode="decimal"
          value={round.cap}
          onChange={(e) => set({ cap: e.target.value })}
        />
      </div>
      <div className="choice">
        <label>
          <input
            type="checkbox"
            checked={round.bucketsNeedApproval}
            onChange={(e) => set({ bucketsNeedApproval: e.target.checked })}
          />
          Buckets need a steward's approval
        </label>
      </div>
      <button type="submit" disabled={open.isPending}>
        {open.isPending ? "Opening…" : "Open the round"}
      </button>
    </form>
  );
}
