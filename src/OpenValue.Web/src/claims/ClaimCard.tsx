import { useState } from "react";
import type { components } from "../api/schema";
import { formatDate, formatPoints } from "../ui/format";
import { AmendForm } from "./AmendForm";
import { StatusBadge } from "./StatusBadge";

type Claim = components["schemas"]["ContributionResponse"];

/** One of my claims: what, its status and points, what reviewers said, and amending when changes were asked for. */
export function ClaimCard({ networkId, claim }: { networkId: string; claim: Claim }) {
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
    </li>
  );
}
