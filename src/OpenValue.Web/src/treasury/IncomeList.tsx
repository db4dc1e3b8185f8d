import { useState, type FormEvent } from "react";
import type { AccountNetwork } from "../accounts/session";
import { ApiError } from "../api/problem";
import { Link } from "../routing/router";
import { Field } from "../ui/Field";
import { Empty, ErrorView, FormProblem, Loading } from "../ui/States";
import { formatDate, formatInstant } from "../ui/format";
import { formatMoney } from "./money";
import { Pager, pagesOf } from "./Pager";
import { incomePageSize, useIncome, useReverseIncome, type Income, type Ledger } from "./queries";

/** The distributions a refused reversal names: the money went into them. */
export function HeldBy({ error, networkId }: { error: unknown; networkId: string }) {
  if (!(error instanceof ApiError) || error.problem.code !== "income-distributed") return null;
  const ids = (error.problem as { distributionIds?: string[] }).distributionIds ?? [];
  return (
    <ul aria-label="Distributions holding this income">
      {ids.map((id) => (
        <li key={id}>
          <Link to={`/n/${networkId}/distributions/${id}`}>Distribution {id.slice(-8)}</Link>
        </li>
      ))}
    </ul>
  );
}

function Reverse({ networkId, income }: { networkId: string; income: Income }) {
  const reverse = useReverseIncome(networkId);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const label = `Reverse ${formatMoney(income.amount)} received ${formatDate(income.receivedOn)}`;
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reverse.mutate({ incomeId: income.incomeId, reason }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={label}>
      <FormProblem error={reverse.error} fields={["reason"]} />
      <HeldBy error={reverse.error} networkId={networkId} />
      <Field
        label="Why it is reversed"
        field="reason"
        error={reverse.error}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="actions">
        <button type="submit" className="danger" disabled={reverse.isPending}>
          Reverse the income
        </button>
        <button type="button" className="secondary" onClick={() => setOpen(false)}>
          Keep it
        </button>
      </div>
    </form>
  );
}

export function IncomeList({ network, pools }: { network: AccountNetwork; pools: Ledger["pools"] }) {
  const [page, setPage] = useState(1);
  const income = useIncome(network.networkId, page);
  if (income.isPending) return <Loading what="income" />;
  if (income.isError) return <ErrorView error={income.error} retry={() => income.refetch()} />;
  const { items, totalCount } = income.data;
  if (items.length === 0 && page === 1)
    return (
      <Empty>
        <p>No income recorded yet.</p>
      </Empty>
    );
  const poolName = (projectId: string | null) =>
    projectId ? `Project: ${pools.find((p) => p.projectId === projectId)?.name ?? projectId}` : "The network";
  return (
    <>
      <ul className="cards" aria-label="Income records">
        {items.map((i) => (
          <li key={i.incomeId} className="card">
            <div className="card-head">
              <strong>{formatMoney(i.amount)}</strong>
              <span className="meta">
                {i.source} · {poolName(i.projectId)} · received {formatDate(i.receivedOn)}
              </span>
            </div>
            {i.note && <p>{i.note}</p>}
            {i.reversed ? (
              <p className="reason">
                Reversed {i.reversedAt ? formatInstant(i.reversedAt) : ""}
                {i.reversalReason ? `: ${i.reversalReason}` : ""}
              </p>
            ) : (
              <Reverse networkId={network.networkId} income={i} />
            )}
          </li>
        ))}
      </ul>
      <Pager label="Pages of income" page={page} pages={pagesOf(totalCount, incomePageSize)} onPage={setPage} />
    </>
  );
}
