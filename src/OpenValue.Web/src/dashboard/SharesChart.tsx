import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { components } from "../api/schema";

// Only the parts of ECharts this chart draws, so the bundle carries no more of it than needed. The canvas
// renderer styles through the DOM's style properties, which the app's Content-Security-Policy allows.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Line = components["schemas"]["MemberShareResponse"];

/** The largest holders first; the chart is a picture of the table beside it, which carries the exact figures. */
export default function SharesChart({ lines }: { lines: Line[] }) {
  const element = useRef<HTMLDivElement>(null);
  // Ordering for the picture only; every figure shown is the server's string.
  const top = [...lines].sort((a, b) => Number(b.percent) - Number(a.percent)).slice(0, 12);
  const drawn = top.map((l) => `${l.memberId}:${l.percent}`).join(",");

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "canvas" });
    chart.setOption({
      grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${String(v)} %` },
      xAxis: { type: "value", max: 100, axisLabel: { formatter: "{value} %" } },
      yAxis: { type: "category", inverse: true, data: top.map((l) => l.name) },
      series: [{ type: "bar", data: top.map((l) => l.percent), itemStyle: { color: "#1f5f8b" } }],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
    // Redrawn when the drawn figures change, not on every render (the lines are a new array each time).
  }, [drawn]);

  const label = top.map((l) => `${l.name} ${l.percent} %`).join(", ");
  return (
    <div
      ref={element}
      className="chart"
      role="img"
      aria-label={`Shares: ${label}`}
      style={{ height: 40 + top.length * 32 }}
    />
  );
}
