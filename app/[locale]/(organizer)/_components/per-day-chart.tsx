import { TableWrap } from "./table-wrap";

/** At least this many day slots, so a chart of one or two days is a narrow bar on an axis, not a block. */
const minSlots = 14;

/**
 * Confirmed signatures per day as an SVG bar chart rendered on the server (no script, no third party), with
 * its axes labelled (the busiest day's count and 0; the first and last day), and the same figures as a table
 * for screen readers and for copying.
 */
export function PerDayChart({
  days,
  strings,
}: {
  days: { day: string; n: number; label: string }[];
  strings: { title: string; summary: string; table: string; day: string; count: string };
}) {
  if (days.length === 0) return null;
  const max = Math.max(1, ...days.map((d) => d.n));
  const bar = 12;
  const gap = 3;
  const height = 120;
  const width = Math.max(days.length, minSlots) * (bar + gap);
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return (
    <figure className="chart">
      <div className="chart-plot">
        <div className="chart-y" aria-hidden="true">
          <span>{max}</span>
          <span>0</span>
        </div>
        <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={`${strings.title}. ${strings.summary}`} className="chart-svg" focusable="false">
          {days.map((d, i) => {
            const h = d.n === 0 ? 0 : Math.max(2, Math.round((d.n / max) * (height - 4)));
            return (
              <rect key={d.day} x={i * (bar + gap)} y={height - h} width={bar} height={h} fill="currentColor">
                <title>{`${d.label}: ${d.n}`}</title>
              </rect>
            );
          })}
        </svg>
      </div>
      <div className="chart-x" aria-hidden="true">
        <span>{first.label}</span>
        {days.length > 1 && <span>{last.label}</span>}
      </div>
      <figcaption className="muted">{strings.summary}</figcaption>
      <details>
        <summary>{strings.table}</summary>
        <TableWrap label={strings.title}>
          <table>
            <thead>
              <tr>
                <th scope="col">{strings.day}</th>
                <th scope="col">{strings.count}</th>
              </tr>
            </thead>
            <tbody>
              {days.map((d) => (
                <tr key={d.day}>
                  <td>{d.label}</td>
                  <td>{d.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </details>
    </figure>
  );
}
