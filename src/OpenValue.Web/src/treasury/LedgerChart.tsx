import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { Ledger } from "./queries";
import { formatMoney } from "./money";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/**
 * Income against what was distributed, per pool: a picture of the figures beside it. ECharts draws the server's
 * decimal strings as they are; the label and the table carry the exact figures.
 */
export default function LedgerChart({ ledger }: { ledger: Ledger }) {
  const element = useRef<HTMLDivElement>(null);
  const pools = ledger.pools;
  const drawn = pools.map((p) => `${p.poolId}:${p.totals.netIncome.amount}:${p.totals.distributed.amount}`).join();

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "canvas" });
    chart.setOption({
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: pools.map((p) => p.name) },
      yAxis: { type: "value" },
      series: [
        {
          name: "Income",
          type: "bar",
          data: pools.map((p) => p.totals.netIncome.amount),
          itemStyle: { color: "#1f5f8b" },
        },
        {
          name: "Distributed",
          type: "bar",
          data: pools.map((p) => p.totals.distributed.amount),
          itemStyle: { color: "#1e6b36" },
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
    // Redrawn when the figures change, not on every render.
  }, [drawn]);

  const label = pools
    .map(
      (p) => `${p.name}: income ${formatMoney(p.totals.netIncome)}, distributed ${formatMoney(p.totals.distributed)}`,
    )
    .join("; ");
  return (
    <div ref={element} className="chart ledger-chart" role="img" aria-label={`Income and distributed: ${label}`} />
  );
}
