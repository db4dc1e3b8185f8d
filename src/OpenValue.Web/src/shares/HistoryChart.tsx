import { useEffect, useRef } from "react";
import * as echarts from "echarts/core";
import { LineChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import type { components } from "../api/schema";
import { formatDate } from "../ui/format";

echarts.use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Point = components["schemas"]["SharePoint"];

/** The member's share over time; the table beside it carries the exact figures. */
export default function HistoryChart({ points }: { points: Point[] }) {
  const element = useRef<HTMLDivElement>(null);
  const drawn = points.map((p) => `${String(p.at)}:${p.percent}`).join(",");

  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current, undefined, { renderer: "canvas" });
    chart.setOption({
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis", valueFormatter: (v: unknown) => `${String(v)} %` },
      xAxis: { type: "category", data: points.map((p) => formatDate(p.at)) },
      yAxis: { type: "value", min: 0, axisLabel: { formatter: "{value} %" } },
      series: [{ type: "line", step: "end", data: points.map((p) => p.percent), itemStyle: { color: "#1f5f8b" } }],
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [drawn]);

  const last = points.at(-1);
  const first = points[0];
  const label =
    first && last
      ? `Your share from ${formatDate(first.at)} (${first.percent} %) to ${formatDate(last.at)} (${last.percent} %)`
      : "Your share over time";
  return <div ref={element} className="chart" role="img" aria-label={label} style={{ height: 240 }} />;
}
