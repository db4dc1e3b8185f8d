import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Empty, ErrorView, Loading } from "../ui/States";
import { claimsPageSize, useMyClaims } from "./queries";
import { SubmitClaimForm } from "./SubmitClaimForm";
import { ClaimCard } from "./ClaimCard";

function MyClaims({ network }: { network: AccountNetwork }) {
  const [page, setPage] = useState(1);
  const claims = useMyClaims(network.networkId, network.memberId, page);
  if (claims.isPending) return <Loading what="your claims" />;
  if (claims.isError) return <ErrorView error={claims.error} retry={() => claims.refetch()} />;
  const { items, totalCount } = claims.data;
  if (items.length === 0 && page === 1)
    return (
      <Empty>
        <p>You have not submitted a claim yet.</p>
      </Empty>
    );
  const pages = Math.max(1, Math.ceil(Number(totalCount) / claimsPageSize));
  return (
    <>
      <ul className="cards" aria-label="Your claims">
        {items.map((c) => (
          <ClaimCard key={c.contributionId} networkId={network.networkId} claim={c} />
        ))}
      </ul>
      {pages > 1 && (
        <nav aria-label="Pages of your claims" className="pager">
          <button type="button" onClick={() => setPage(page - 1)} disabled={page <= 1}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" onClick={() => setPage(page + 1)} disabled={page >= pages}>
            Next
          </button>
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
