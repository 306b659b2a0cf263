import { useEffect, useRef } from "react";
import type { EChartsCoreOption } from "echarts/core";

/**
 * An ECharts canvas. The chart library is imported lazily (only the parts in ../lib/echarts), so
 * it never weighs on the first page load.
 */
export function EChart({ option, height = 260, label }: { option: EChartsCoreOption; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption: (o: EChartsCoreOption) => void; dispose: () => void; resize: () => void } | null = null;
    const onResize = () => chart?.resize();
    void import("../lib/echarts").then(({ echarts }) => {
      if (disposed || !ref.current) return;
      chart = echarts.init(ref.current, undefined, { renderer: "canvas" });
      // Short animations, none for people who ask for reduced motion.
      const reduced = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false;
      chart.setOption({ animation: !reduced, animationDuration: 300, animationDurationUpdate: 200, ...option });
      window.addEventListener("resize", onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener("resize", onResize);
      chart?.dispose();
    };
  }, [option]);
  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={label} />;
}
