import { lazy, Suspense, useState } from "react";
import { fieldError } from "../api/problem";
import { asOfInstant } from "../shares/asOf";
import { Field } from "../ui/Field";
import type { AccountNetwork } from "../accounts/session";
import { Empty, ErrorView, Loading } from "../ui/States";
import { formatInstant, formatPercent, formatPoints, todayUtc } from "../ui/format";
import { useActivity, useShares } from "./queries";
import { Link } from "../routing/router";

const SharesChart = lazy(() => import("./SharesChart"));

/** The date shares are shown as of: empty for now; a problem naming asOf is shown here. */
function AsOfField({ date, setDate, error }: { date: string; setDate: (d: string) => void; error: unknown }) {
  return (
    <form className="inline" aria-label="Shares as of" onSubmit={(e) => e.preventDefault()}>
      <Field
        label="Shares as of (end of day, UTC)"
        field="asOf"
        type="date"
        max={todayUtc()}
        value={date}
        error={error}
        hint="Leave empty for now."
        onChange={(e) => setDate(e.target.value)}
      />
    </form>
  );
}

function Shares({ network }: { network: AccountNetwork }) {
  const [date, setDate] = useState("");
  const asOf = asOfInstant(date);
  const shares = useShares(network.networkId, asOf);
  const picker = <AsOfField date={date} setDate={setDate} error={shares.error} />;
  if (shares.isPending)
    return (
      <>
        {picker}
        <Loading what="shares" />
      </>
    );
  if (shares.isError)
    return (
      <>
        {picker}
        {fieldError(shares.error, "asOf") ? null : <ErrorView error={shares.error} retry={() => shares.refetch()} />}
      </>
    );
  const first = shares.data.pages[0]!;
  const lines = shares.data.pages.flatMap((p) => p.members);
  const mine = lines.find((l) => l.memberId === network.memberId);
  // Without a line the member holds nothing, unless their line is on a page not loaded yet.
  const mineUnknown = !mine && shares.hasNextPage;
  return (
    <>
      {picker}
      <dl className="totals">
        <div>
          <dt>Total points</dt>
          <dd data-testid="total-points">{formatPoints(first.totalPoints)}</dd>
        </div>
        <div>
          <dt>Your points</dt>
          <dd data-testid="my-points">{mineUnknown ? "—" : formatPoints(mine?.points ?? "0")}</dd>
        </div>
        <div>
          <dt>Your share</dt>
          <dd data-testid="my-share">{mineUnknown ? "—" : formatPercent(mine?.percent ?? "0")}</dd>
        </div>
      </dl>
      {lines.length === 0 ? (
        <Empty>
          <p>No accepted claims yet, so nobody holds points.</p>
          <p>
            <Link to={`/n/${network.networkId}/claims`}>Submit a claim</Link> to start.
          </p>
        </Empty>
      ) : (
        <div className="split">
          <Suspense fallback={<Loading what="the chart" />}>
            <SharesChart lines={lines} />
          </Suspense>
          <ShareTable
            lines={lines}
            networkId={network.networkId}
            caption={asOf ? `Shares as of ${date}` : "Shares now"}
          />
        </div>
      )}
      {shares.hasNextPage && (
        <button type="button" onClick={() => shares.fetchNextPage()} disabled={shares.isFetchingNextPage}>
          More members
        </button>
      )}
    </>
  );
}

function ShareTable({
  lines,
  networkId,
  caption,
}: {
  lines: { memberId: string; name: string; points: string; percent: string }[];
  networkId: string;
  caption: string;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Member</th>
          <th scope="col" className="num">
            Points
          </th>
          <th scope="col" className="num">
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => (
          <tr key={l.memberId}>
            <th scope="row">
              <Link to={`/n/${networkId}/members/${l.memberId}`}>{l.name}</Link>
            </th>
            <td className="num">{formatPoints(l.points)}</td>
            <td className="num">{formatPercent(l.percent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RecentActivity({ networkId }: { networkId: string }) {
  const activity = useActivity(networkId);
  if (activity.isPending) return <Loading what="recent activity" />;
  if (activity.isError) return <ErrorView error={activity.error} retry={() => activity.refetch()} />;
  if (activity.data.items.length === 0)
    return (
      <Empty>
        <p>Nothing has happened yet.</p>
      </Empty>
    );
  return (
    <ol className="activity">
      {activity.data.items.map((item) => (
        <li key={String(item.sequence)}>
          <span>
            {item.actorName && item.actorId ? (
              <strong>
                <Link to={`/n/${networkId}/members/${item.actorId}`}>{item.actorName}</Link>:{" "}
              </strong>
            ) : null}
            {item.summary}
            {item.memberId && item.memberName && item.memberId !== item.actorId ? (
              <>
                {" "}
                <Link to={`/n/${networkId}/members/${item.memberId}`} className="meta">
                  About {item.memberName}
                </Link>
              </>
            ) : null}
          </span>
          <time dateTime={String(item.at)}>{formatInstant(item.at)}</time>
        </li>
      ))}
    </ol>
  );
}

export function DashboardScreen({ network }: { network: AccountNetwork }) {
  return (
    <>
      <h1>{network.name}</h1>
      <section aria-labelledby="shares-heading">
        <h2 id="shares-heading">Shares</h2>
        <Shares network={network} />
      </section>
      <section aria-labelledby="activity-heading">
        <h2 id="activity-heading">Recent activity</h2>
        <RecentActivity networkId={network.networkId} />
      </section>
    </>
  );
}
