import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Empty, ErrorView, Loading } from "../ui/States";
import { formatDate, formatPoints } from "../ui/format";
import { claimsPageSize, useMyClaims } from "./queries";
import { SubmitClaimForm } from "./SubmitClaimForm";
import { StatusBadge } from "./StatusBadge";

function MyClaims({ network }: { network: AccountNetwork }) {
  const [page, setPage] = useState(1);
  const claims = useMyClaims(network.networkId, network.memberId, page);
  if (claims.isPending) return <Loading what="your claims" />;
  if (claims.isError) return <ErrorView error={claims.error} retry={() => claims.refetch()} />;
  const { items, totalCount } = claims.data;
  if (items.length === 0 && page === 1) return <Empty><p>You have not submitted a claim yet.</p></Empty>;
  const pages = Math.max(1, Math.ceil(Number(totalCount) / claimsPageSize));
  return (
    <>
      <ul className="cards" aria-label="Your claims">
        {items.map((c) => (
          <li key={c.contributionId} className="card">
            <div className="card-head">
              <strong>{formatPoints(c.quantity)} {c.unit} of {c.kind}</strong>
              <StatusBadge status={c.status} />
            </div>
            <p>{c.description}</p>
            <p className="meta">
              {formatDate(c.occurredOn)} · {c.reviews.length} review{c.reviews.length === 1 ? "" : "s"}
              {c.points !== null && <> · {formatPoints(c.points)} points</>}
            </p>
            {c.reviews.filter((r) => r.reason).map((r, i) => (
              <p key={i} className="reason">Reviewer ({r.verdict}): {r.reason}</p>
            ))}
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label="Pages of your claims" className="pager">
          <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1}>Previous</button>
          <span>Page {page} of {pages}</span>
          <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages}>Next</button>
        </nav>
      )}
    </>
  );
}

export function MyClaimsScreen({ network }: { network: AccountNetwork }) {
  return (
    <>
      <h1>My claims</h1>
      <SubmitClaimForm network={network} />
      <section aria-labelledby="mine-heading">
        <h2 id="mine-heading">Submitted</h2>
        <MyClaims network={network} />
      </section>
    </>
  );
}
