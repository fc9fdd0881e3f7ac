/** One bar of the chart: its label and its value. */
export interface Bar {
  label: string;
  value: number;
}

const ROW = 28;
const LABEL_WIDTH = 200;
const BAR_AREA = 360;

/**
 * A horizontal bar chart drawn as SVG, read as one image (`role="img"`) by its name: the numbers
 * themselves are in the table beside it, which is what a screen reader should read.
 */
export function BarChart({ name, bars }: { name: string; bars: Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const height = Math.max(1, bars.length) * ROW;
  return (
    <svg role="img" aria-label={name} viewBox={`0 0 ${LABEL_WIDTH + BAR_AREA + 60} ${height}`} className="bar-chart">
      {bars.map((bar, i) => {
        const width = (bar.value / max) * BAR_AREA;
        const y = i * ROW;
        return (
          <g key={bar.label} aria-hidden="true">
            <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
              {bar.label.length > 28 ? `${bar.label.slice(0, 27)}…` : bar.label}
            </text>
            <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 8} rx={2} />
            <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2} dominantBaseline="middle">
              {bar.value}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
