import { useId } from 'react';

export interface ChartGroup {
  label: string;
  values: number[];
}

export interface ChartSeries {
  name: string;
  className: string;
}

/** Where the bars and labels sit, in the SVG's own units (it scales to the width it is given). */
const WIDTH = 720;
const LABEL_WIDTH = 250;
const VALUE_GAP = 6;
const VALUE_WIDTH = 44;
const BAR_HEIGHT = 16;
const BAR_GAP = 3;
const GROUP_GAP = 14;
const TOP = 8;
const LABEL_MAX = 34;

const shorten = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/**
 * A horizontal bar chart drawn as inline SVG (no chart library): one group per row of a breakdown, one bar per
 * series, each bar's value written beside it. For a screen reader it is one image with a title and a
 * description, and each bar carries its own title ("Sở Y tế: khen thưởng trong kỳ 3"); the same numbers are in
 * the table below it, which is the accessible form of record.
 */
export function BarChart({
  title,
  description,
  groups,
  series,
  empty,
}: {
  title: string;
  description: string;
  groups: ChartGroup[];
  series: ChartSeries[];
  empty: string;
}) {
  const id = useId();
  if (groups.length === 0) return <p className="muted">{empty}</p>;
  const max = Math.max(1, ...groups.flatMap((group) => group.values));
  const barArea = WIDTH - LABEL_WIDTH - VALUE_GAP - VALUE_WIDTH;
  const groupHeight = series.length * BAR_HEIGHT + (series.length - 1) * BAR_GAP;
  const height = TOP * 2 + groups.length * groupHeight + (groups.length - 1) * GROUP_GAP;
  return (
    <figure className="stats-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        data-testid="statistics-chart"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {groups.map((group, g) => {
          const y0 = TOP + g * (groupHeight + GROUP_GAP);
          return (
            <g key={`${group.label}-${g}`} className="stats-chart__group" data-label={group.label}>
              <title>{group.label}</title>
              <text x={LABEL_WIDTH - 8} y={y0 + groupHeight / 2} textAnchor="end" dominantBaseline="middle" className="stats-chart__label">
                {shorten(group.label)}
              </text>
              {series.map((s, i) => {
                const value = group.values[i] ?? 0;
                const y = y0 + i * (BAR_HEIGHT + BAR_GAP);
                const width = Math.round((value / max) * barArea);
                return (
                  <g key={s.name} data-series={s.name} data-value={value}>
                    <rect x={LABEL_WIDTH} y={y} width={Math.max(width, value > 0 ? 2 : 0)} height={BAR_HEIGHT} className={s.className}>
                      <title>{`${group.label}: ${s.name} ${value}`}</title>
                    </rect>
                    <text x={LABEL_WIDTH + width + VALUE_GAP} y={y + BAR_HEIGHT / 2} dominantBaseline="middle" className="stats-chart__value">
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <figcaption className="stats-chart__legend">
        {series.map((s) => (
          <span key={s.name}>
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <rect width="14" height="14" className={s.className} />
            </svg>{' '}
            {s.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
