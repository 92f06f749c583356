import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PerDayChart } from "./per-day-chart";

const strings = { title: "Per day", summary: "summary", table: "As a table", day: "Day", count: "Count" };
const render = (days: { day: string; n: number; label: string }[]) => renderToStaticMarkup(createElement(PerDayChart, { days, strings }));

describe("per-day chart", () => {
  it("draws one day as a narrow bar on labelled axes, not a block filling the chart", () => {
    const html = render([{ day: "2026-11-20", n: 7, label: "20 Nov" }]);
    const viewWidth = Number(/viewBox="0 0 (\d+) \d+"/.exec(html)![1]);
    const bars = [...html.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]));
    expect(bars).toHaveLength(1);
    expect(bars[0]! / viewWidth).toBeLessThan(0.1);
    expect(html).toMatch(/class="chart-y"[^>]*><span>7<\/span><span>0<\/span>/);
    expect(html).toMatch(/class="chart-x"[^>]*><span>20 Nov<\/span><\/div>/);
  });

  it("labels the first and last day of a longer run, and scales bars to the busiest day", () => {
    const days = Array.from({ length: 20 }, (_, i) => ({ day: `2026-11-${String(i + 1).padStart(2, "0")}`, n: i === 4 ? 10 : 1, label: `${i + 1} Nov` }));
    const html = render(days);
    expect(html).toContain("<span>1 Nov</span><span>20 Nov</span>");
    const heights = [...html.matchAll(/<rect [^>]*height="(\d+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...heights)).toBe(heights[4]);
    expect(html).toMatch(/<span>10<\/span><span>0<\/span>/);
  });
});
