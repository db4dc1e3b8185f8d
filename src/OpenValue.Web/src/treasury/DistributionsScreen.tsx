import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Link } from "../routing/router";
import { Empty, ErrorView, Loading } from "../ui/States";
import { formatInstant } from "../ui/format";
import { formatMoney } from "./money";
import { Pager, pagesOf } from "./Pager";
import { ProposeForm } from "./ProposeForm";
import { distributionsPageSize, useDistributions, useLedger } from "./queries";

function DistributionList({ network }: { network: AccountNetwork }) {
  const [page, setPage] = useState(1);
  const list = useDistributions(network.networkId, page);
  if (list.isPending) return <Loading what="distributions" />;
  if (list.isError) return <ErrorView error={list.error} retry={() => list.refetch()} />;
  const { items, totalCount } = list.data;
  if (items.length === 0 && page === 1)
    return (
      <Empty>
        <p>No distribution proposed yet.</p>
      </Empty>
    );
  return (
    <>
      <ul className="cards" aria-label="Distributions">
        {items.map((d) => (
          <li key={d.distributionId} className="card">
            <div className="card-head">
              <Link to={`/n/${network.networkId}/distributions/${d.distributionId}`}>
                {formatMoney(d.amount)} {d.policy}, proposed {formatInstant(d.proposedAt)}
              </Link>
              <span className={`badge badge-${d.status}`}>{d.status}</span>
            </div>
          </li>
        ))}
      </ul>
      <Pager
        label="Pages of distributions"
        page={page}
        pages={pagesOf(totalCount, distributionsPageSize)}
        onPage={setPage}
      />
    </>
  );
}

/** Proposing (with a live preview of the lines) and the distributions, newest first. */
export function DistributionsScreen({ network }: { network: AccountNetwork }) {
  const ledger = useLedger(network.networkId);
  return (
    <>
      <h1>Distributions</h1>
      {ledger.isError ? (
        <ErrorView error={ledger.error} retry={() => ledger.refetch()} />
      ) : (
        <ProposeForm network={network} pools={ledger.data?.pools ?? []} />
      )}
      <section aria-labelledby="distributions-heading">
        <h2 id="distributions-heading">Proposed and paid</h2>
        <DistributionList network={network} />
      </section>
    </>
  );
}
