import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Link } from "../routing/router";
import { formatMoney } from "../treasury/money";
import { Pager, pagesOf } from "../treasury/Pager";
import { Empty, ErrorView, Loading } from "../ui/States";
import { formatInstant } from "../ui/format";
import { OpenRoundForm } from "./OpenRoundForm";
import { roundsPageSize, useRounds } from "./queries";

function RoundList({ network }: { network: AccountNetwork }) {
  const [page, setPage] = useState(1);
  const list = useRounds(network.networkId, page);
  if (list.isPending) return <Loading what="rounds" />;
  if (list.isError) return <ErrorView error={list.error} retry={() => list.refetch()} />;
  const { items, totalCount } = list.data;
  if (items.length === 0 && page === 1)
    return (
      <Empty>
        <p>No round opened yet.</p>
      </Empty>
    );
  return (
    <>
      <ul className="cards" aria-label="Rounds">
        {items.map((r) => (
          <li key={r.roundId} className="card">
            <div className="card-head">
              <Link to={`/n/${network.networkId}/rounds/${r.roundId}`}>
                {r.title}: {formatMoney(r.amount)}
              </Link>
              <span className={`badge badge-${r.status}`}>{r.status}</span>
            </div>
            <p className="meta">
              Budgets {r.budget === "equal" ? "equal" : "by share"}; {r.bucketCount}{" "}
              {r.bucketCount === 1 ? "bucket" : "buckets"};{" "}
              {r.status === "open" ? `closes ${formatInstant(r.closesAt)}` : "closed"}
            </p>
          </li>
        ))}
      </ul>
      <Pager label="Pages of rounds" page={page} pages={pagesOf(totalCount, roundsPageSize)} onPage={setPage} />
    </>
  );
}

/** Co-budgeting rounds, newest first; treasurers open one. */
export function RoundsScreen({ network }: { network: AccountNetwork }) {
  return (
    <>
      <h1>Rounds</h1>
      {network.roles.includes("treasurer") && <OpenRoundForm network={network} />}
      <section aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Co-budgeting rounds</h2>
        <RoundList network={network} />
      </section>
    </>
  );
}
