import { useState } from "react";
import type { components } from "../api/schema";
import { formatDate, formatPoints } from "../ui/format";
import { AmendForm } from "./AmendForm";
import { Correction } from "./Correction";
import { StatusBadge } from "./StatusBadge";

type Claim = components["schemas"]["ContributionResponse"];

/**
 * One of my claims: what, its status and points, what reviewers said, amending when changes were asked for,
 * appealing a rejection, and (stewards) revoking an acceptance.
 */
export function ClaimCard({ networkId, claim, steward }: { networkId: string; claim: Claim; steward: boolean }) {
  const [amending, setAmending] = useState(false);
  const reviews = claim.reviews.length;
  return (
    <li className="card">
      <div className="card-head">
        <strong>
          {formatPoints(claim.quantity)} {claim.unit} of {claim.kind}
        </strong>
        <StatusBadge status={claim.status} />
      </div>
      <p>{claim.description}</p>
      <p className="meta">
        {formatDate(claim.occurredOn)} · {reviews} review{reviews === 1 ? "" : "s"}
        {claim.points !== null && <> · {formatPoints(claim.points)} points</>}
      </p>
      {claim.reviews
        .filter((r) => r.reason)
        .map((r, i) => (
          <p key={i} className="reason">
            Reviewer ({r.verdict}): {r.reason}
          </p>
        ))}
      {claim.status === "changes-requested" &&
        (amending ? (
          <AmendForm networkId={networkId} claim={claim} done={() => setAmending(false)} />
        ) : (
          <button type="button" className="secondary" onClick={() => setAmending(true)}>
            Amend “{claim.description}”
          </button>
        ))}
      {claim.revocation && <p className="reason">Revoked: {claim.revocation.reason}</p>}
      {claim.status === "rejected" && <Correction networkId={networkId} claim={claim} kind="appeal" label="Appeal" />}
      {claim.status === "accepted" && steward && (
        <Correction networkId={networkId} claim={claim} kind="revoke" label="Revoke acceptance" />
      )}
    </li>
  );
}
