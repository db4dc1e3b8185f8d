import { useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Empty, ErrorView, Loading } from "../ui/States";
import { useMembers } from "../members/queries";
import { formatDate, formatPoints } from "../ui/format";
import { claimsPageSize, useAcceptedClaims, useMyClaims } from "./queries";
import { Correction } from "./Correction";
import { Pager } from "../treasury/Pager";
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
          <ClaimCard
            key={c.contributionId}
            networkId={network.networkId}
            claim={c}
            steward={network.roles.includes("steward")}
          />
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

/** Others' accepted claims: any member may ask the stewards to revoke one; a steward revokes it. */
function AcceptedClaims({ network }: { network: AccountNetwork }) {
  const [page, setPage] = useState(1);
  const claims = useAcceptedClaims(network.networkId, page);
  const members = useMembers(network.networkId);
  const steward = network.roles.includes("steward");
  if (claims.isPending) return <Loading what="accepted claims" />;
  if (claims.isError) return <ErrorView error={claims.error} retry={() => claims.refetch()} />;
  const others = claims.data.items.filter((c) => c.memberId !== network.memberId);
  const name = (id: string) => members.data?.members.find((m) => m.memberId === id)?.name ?? "a member";
  const pages = Math.max(1, Math.ceil(Number(claims.data.totalCount) / claimsPageSize));
  return (
    <>
      {others.length === 0 ? (
        <Empty>
          <p>No other member's claim is accepted{page > 1 ? " on this page" : " yet"}.</p>
        </Empty>
      ) : (
        <ul className="cards" aria-label="Others' accepted claims">
          {others.map((c) => (
            <li key={c.contributionId} className="card">
              <div className="card-head">
                <strong>
                  {name(c.memberId)}: {formatPoints(c.quantity)} {c.unit} of {c.kind}
                </strong>
                {c.revocationRequested && <span className="meta">revocation asked</span>}
              </div>
              <p>{c.description}</p>
              <p className="meta">
                {formatDate(c.occurredOn)}
                {c.points !== null && <> · {formatPoints(c.points)} points</>}
              </p>
              <Correction networkId={network.networkId} claim={c} kind="appeal" label="Ask stewards to revoke" />
              {steward && (
                <Correction networkId={network.networkId} claim={c} kind="revoke" label="Revoke acceptance" />
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager label="Pages of accepted claims" page={page} pages={pages} onPage={setPage} />
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
      <section aria-labelledby="accepted-heading">
        <h2 id="accepted-heading">Others' accepted claims</h2>
        <AcceptedClaims network={network} />
      </section>
    </>
  );
}
