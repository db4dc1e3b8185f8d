import { lazy, Suspense, useState } from "react";
import type { AccountNetwork } from "../accounts/session";
import { Field, Select } from "../ui/Field";
import { Empty, ErrorView, Loading } from "../ui/States";
import { formatDate, formatPercent, formatPoints, todayUtc } from "../ui/format";
import { asOfInstant } from "./asOf";
import { Explanation } from "./Explanation";
import { LeaveNetwork } from "./LeaveNetwork";
import { PayoutDetails } from "./PayoutDetails";
import { useShareExplanation, useShareHistory, type Step } from "./queries";

const HistoryChart = lazy(() => import("./HistoryChart"));

/** The history of a share: a chart, and a table with every moment's exact figures. */
function History({ network, step, to }: { network: AccountNetwork; step: Step; to?: string }) {
  const history = useShareHistory(network.networkId, network.memberId, step, to);
  if (history.isPending) return <Loading what="your share over time" />;
  if (history.isError) return <ErrorView error={history.error} retry={() => history.refetch()} />;
  const points = history.data.points;
  if (points.every((p) => p.points === "0"))
    return (
      <Empty>
        <p>You held no points in this period.</p>
      </Empty>
    );
  return (
    <div className="split">
      <Suspense fallback={<Loading what="the chart" />}>
        <HistoryChart points={points} />
      </Suspense>
      <div className="scroll" role="region" aria-label={`Your points and share by ${step}`} tabIndex={0}>
        <table>
          <caption>Your points and share by {step}</caption>
          <thead>
            <tr>
              <th scope="col">As of</th>
              <th scope="col" className="num">
                Points
              </th>
              <th scope="col" className="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {[...points].reverse().map((p) => (
              <tr key={String(p.at)}>
                <th scope="row">{formatDate(p.at)}</th>
                <td className="num">{formatPoints(p.points)}</td>
                <td className="num">{formatPercent(p.percent)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The contributor's own share: explained line by line, and over time, as of a chosen date; payout details. */
export function MyShareScreen({ network }: { network: AccountNetwork }) {
  const [date, setDate] = useState("");
  const [step, setStep] = useState<Step>("week");
  const asOf = asOfInstant(date);
  const explained = useShareExplanation(network.networkId, network.memberId, asOf);
  return (
    <>
      <h1>My share</h1>
      <form className="inline" onSubmit={(e) => e.preventDefault()} aria-label="As of">
        <Field
          label="As of (end of day, UTC)"
          field="asOf"
          type="date"
          max={todayUtc()}
          value={date}
          error={explained.error}
          hint="Leave empty for now."
          onChange={(e) => setDate(e.target.value)}
        />
        <Select label="Step" field="step" error={null} value={step} onChange={(e) => setStep(e.target.value as Step)}>
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </Select>
      </form>
      <section aria-labelledby="explained-heading">
        <h2 id="explained-heading">Why you hold it</h2>
        {explained.isPending ? (
          <Loading what="your share" />
        ) : explained.isError ? (
          <ErrorView error={explained.error} retry={() => explained.refetch()} />
        ) : (
          <Explanation explained={explained.data} caption="The accepted contributions that count" />
        )}
      </section>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">Over time</h2>
        <History network={network} step={step} to={asOf} />
      </section>
      <section aria-labelledby="payout-heading">
        <h2 id="payout-heading">Payout details</h2>
        <PayoutDetails network={network} />
      </section>
      <section aria-labelledby="leave-heading">
        <h2 id="leave-heading">Leaving the network</h2>
        <LeaveNetwork network={network} />
      </section>
    </>
  );
}
