import type { components } from "../api/schema";
import { StatusBadge } from "../claims/StatusBadge";
import { formatDate, formatPoints } from "../ui/format";

type Claim = components["schemas"]["ContributionResponse"];

/** A short list of a member's latest claims: what, when, status and points. */
export function RecentClaims({ claims, label }: { claims: Claim[]; label: string }) {
  if (claims.length === 0)
    return (
      <div className="state empty">
        <p>No claims yet.</p>
      </div>
    );
  return (
    <ul className="cards" aria-label={label}>
      {claims.map((c) => (
        <li key={c.contributionId} className="card">
          <div className="card-head">
            <strong>
              {formatPoints(c.quantity)} {c.unit} of {c.kind}
            </strong>
            <StatusBadge status={c.status} />
          </div>
          <p>{c.description}</p>
          <p className="meta">
            {formatDate(c.occurredOn)}
            {c.points !== null && <> · {formatPoints(c.points)} points</>}
          </p>
        </li>
      ))}
    </ul>
  );
}
