import { useEffect, useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { navigate } from "../routing/router";
import { Field, Select } from "../ui/Field";
import { FormProblem, Loading } from "../ui/States";
import { Pager, usePage } from "./Pager";
import { formatFine, formatMoney, formatRounding } from "./money";
import { usePreview, usePropose, type Ledger, type Preview, type ProposalBody } from "./queries";

const policies = ["pro-rata", "balanced", "recent"] as const;
const fields = ["amount", "amount.amount", "amount.currency", "policy", "projectId", "windowDays"];

interface Draft {
  amount: string;
  policy: string;
  projectId: string;
  windowDays: string;
}

function bodyOf(draft: Draft, currency: string): ProposalBody | null {
  if (draft.amount.trim() === "") return null;
  return {
    amount: { amount: draft.amount.trim(), currency },
    policy: draft.policy,
    projectId: draft.projectId || null,
    // A whole number typed is sent as one; anything else goes as typed for the server to refuse at the field.
    windowDays: draft.policy === "recent" ? (Number.parseInt(draft.windowDays, 10) as number) : null,
  };
}

/** The body to preview, once typing has paused: one request per pause, not per key. */
function useSettled<T>(value: T, ms = 350): T {
  const [settled, setSettled] = useState(value);
  const text = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(text) as T), ms);
    return () => clearTimeout(timer);
  }, [text, ms]);
  return settled;
}

function PreviewTable({ preview }: { preview: Preview }) {
  const { rows, page, pages, setPage } = usePage(preview.lines, 50);
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Lines, scrollable">
      <table aria-label="Preview of the lines">
        <caption>
          Preview: {formatMoney(preview.amount)} of {formatMoney(preview.undistributed)} undistributed, split by largest
          remainder (the lines sum exactly to the amount)
          {preview.secondApprovalRequired ? "; needs a second treasurer's approval" : ""}
        </caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col" className="num">
              Share
            </th>
            <th scope="col" className="num">
              Before rounding
            </th>
            <th scope="col" className="num">
              Rounding
            </th>
            <th scope="col" className="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((l) => (
            <tr key={l.memberId}>
              <th scope="row">{l.name}</th>
              <td className="num">{l.share === null ? "—" : formatFine(l.share)}</td>
              <td className="num">{l.unrounded === null ? "—" : formatFine(l.unrounded)}</td>
              <td className="num">{l.rounding === null ? "—" : formatRounding(l.rounding)}</td>
              <td className="num">{formatMoney(l.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager label="Pages of the preview" page={page} pages={pages} onPage={setPage} />
    </div>
  );
}

/** Propose a distribution; its lines are previewed live (nothing is recorded) until it is proposed. */
export function ProposeForm({ network, pools }: { network: AccountNetwork; pools: Ledger["pools"] }) {
  const [draft, setDraft] = useState<Draft>({ amount: "", policy: "pro-rata", projectId: "", windowDays: "90" });
  const [key, setKey] = useState(() => crypto.randomUUID());
  const propose = usePropose(network.networkId);
  const body = useSettled(bodyOf(draft, network.currency));
  const preview = usePreview(network.networkId, body);
  const error = propose.error ?? (body ? preview.error : null);
  const set = (change: Partial<Draft>) => {
    propose.reset();
    setDraft({ ...draft, ...change });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const now = bodyOf(draft, network.currency);
    if (!now) return;
    propose.mutate(
      { key, ...now },
      {
        onSuccess: (d) => {
          setKey(crypto.randomUUID());
          navigate(`/n/${network.networkId}/distributions/${d.distributionId}`);
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="propose-heading">
      <h2 id="propose-heading">Propose a distribution</h2>
      <FormProblem error={error} fields={fields} />
      <div className="row">
        <Field
          label={`Amount (${network.currency})`}
          field="amount.amount"
          error={error}
          inputMode="decimal"
          value={draft.amount}
          onChange={(e) => set({ amount: e.target.value })}
        />
        <Select
          label="Policy"
          field="policy"
          error={error}
          value={draft.policy}
          onChange={(e) => set({ policy: e.target.value })}
        >
          {policies.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </Select>
        <Select
          label="Pool"
          field="projectId"
          error={error}
          value={draft.projectId}
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
        {draft.policy === "recent" && (
          <Field
            label="Window (days)"
            field="windowDays"
            error={error}
            inputMode="numeric"
            value={draft.windowDays}
            onChange={(e) => set({ windowDays: e.target.value })}
          />
        )}
      </div>
      <div aria-live="polite">
        {!body ? (
          <p className="hint">Type an amount to see the lines it would have.</p>
        ) : preview.isPending ? (
          <Loading what="the preview" />
        ) : preview.data && !preview.isError ? (
          <PreviewTable preview={preview.data} />
        ) : null}
      </div>
      <button type="submit" disabled={propose.isPending || !body}>
        {propose.isPending ? "Proposing…" : "Propose"}
      </button>
    </form>
  );
}
