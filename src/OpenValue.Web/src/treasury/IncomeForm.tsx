import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Field, Select, TextArea } from "../ui/Field";
import { FormProblem } from "../ui/States";
import { todayUtc } from "../ui/format";
import { formatMoney } from "./money";
import { useRecordIncome, type Ledger } from "./queries";

const sources = ["sale", "licence-fee", "grant", "donation", "service", "other"] as const;
const fields = ["amount", "amount.amount", "amount.currency", "source", "projectId", "receivedOn", "note"];

const blank = () => ({
  key: crypto.randomUUID(),
  amount: "",
  source: "sale",
  projectId: "",
  receivedOn: todayUtc(),
  note: "",
});

/** Income by source, for the network or one project (its pool); a retry with the same key records it once. */
export function IncomeForm({ network, pools }: { network: AccountNetwork; pools: Ledger["pools"] }) {
  const record = useRecordIncome(network.networkId);
  const [income, setIncome] = useState(blank);
  const [recorded, setRecorded] = useState<string>();
  const set = (change: Partial<ReturnType<typeof blank>>) => setIncome({ ...income, ...change });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { key, amount, projectId, note, ...rest } = income;
    record.mutate(
      {
        key,
        ...rest,
        amount: { amount, currency: network.currency },
        projectId: projectId || null,
        note: note || null,
      },
      {
        onSuccess: (result) => {
          setRecorded(`Recorded ${formatMoney(result.amount)} of income.`);
          setIncome(blank());
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="income-form-heading">
      <h2 id="income-form-heading">Record income</h2>
      <FormProblem error={record.error} fields={fields} />
      <div className="row">
        <Field
          label={`Amount (${network.currency})`}
          field="amount.amount"
          error={record.error}
          inputMode="decimal"
          value={income.amount}
          onChange={(e) => set({ amount: e.target.value })}
          required
        />
        <Select
          label="Source"
          field="source"
          error={record.error}
          value={income.source}
          onChange={(e) => set({ source: e.target.value })}
        >
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
        <Select
          label="Pool"
          field="projectId"
          error={record.error}
          value={income.projectId}
          onChange={(e) => set({ projectId: e.target.value })}
        >
          <option value="">The network</option>
          {pools
            .filter((p) => p.projectId)
            .map((p) => (
              <option key={p.poolId} value={p.projectId!}>
                Project: {p.name}
              </option>
            ))}
        </Select>
        <Field
          label="Received on"
          field="receivedOn"
          error={record.error}
          type="date"
          value={income.receivedOn}
          onChange={(e) => set({ receivedOn: e.target.value })}
        />
      </div>
      <TextArea
        label="Note (treasurers only)"
        field="note"
        error={record.error}
        value={income.note}
        onChange={(e) => set({ note: e.target.value })}
      />
      <button type="submit" disabled={record.isPending}>
        {record.isPending ? "Recording…" : "Record income"}
      </button>
      <p role="status" className="hint">
        {recorded ?? ""}
      </p>
    </form>
  );
}
