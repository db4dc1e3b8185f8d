import type { components } from "../api/schema";
import { formatInstant, formatPercent, formatPoints } from "../ui/format";

type Explained = components["schemas"]["ShareExplanationResponse"];

/** The totals of a share and, line by line, the accepted contributions that make it. */
export function Explanation({ explained, caption }: { explained: Explained; caption: string }) {
  const decays = explained.halfLifeDays != null;
  return (
    <>
      <dl className="totals">
        <div>
          <dt>Points</dt>
          <dd data-testid="share-points">{formatPoints(explained.points)}</dd>
        </div>
        <div>
          <dt>Of all points</dt>
          <dd data-testid="share-total">{formatPoints(explained.totalPoints)}</dd>
        </div>
        <div>
          <dt>Share</dt>
          <dd data-testid="share-percent">{formatPercent(explained.percent)}</dd>
        </div>
      </dl>
      {explained.contributions.length === 0 ? (
        <div className="state empty">
          <p>No accepted contribution counts as of {formatInstant(explained.asOf)}.</p>
        </div>
      ) : (
        <div className="scroll" role="region" aria-label={caption} tabIndex={0}>
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">Contribution</th>
                <th scope="col">Rule</th>
                <th scope="col">Accepted</th>
                <th scope="col" className="num">
                  Points
                </th>
                {decays && (
                  <th scope="col" className="num">
                    After decay
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {explained.contributions.map((c) => (
                <tr key={c.contributionId}>
                  <th scope="row">
                    {formatPoints(c.quantity)} {c.unit} of {c.kind}
                  </th>
                  <td>
                    × {formatPoints(c.rate)} × {formatPoints(c.multiplier)} (version {String(c.equationVersion)})
                  </td>
                  <td>{formatInstant(c.acceptedAt)}</td>
                  <td className="num">{formatPoints(c.points)}</td>
                  {decays && <td className="num">{formatPoints(c.decayedPoints)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
