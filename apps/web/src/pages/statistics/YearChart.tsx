import './year-chart.css';
import { useId } from 'react';
import { count, plural } from '../../format';

export interface YearTotal {
  year: number;
  totalConversations: number;
}

const WIDTH = 480;
const HEIGHT = 280;
const MARGIN = { top: 30, right: 12, bottom: 40, left: 76 };

/** A round step for the value axis: 1, 2 or 5 times a power of ten, about four gridlines. */
function niceStep(max: number): number {
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough || 1));
  return [1, 2, 5, 10].map((m) => m * power).find((step) => step >= rough) ?? power * 10;
}

/**
 * Conversations per year as bars, an inline SVG drawn here (no chart library). Only years with
 * figures have a bar: a missing year is unknown, not zero. Screen readers get the figures from
 * the SVG's description; the page's table below it has them too.
 */
export function YearChart({ years, title }: { years: readonly YearTotal[]; title: string }) {
  const id = useId();
  const sorted = [...years].sort((a, b) => a.year - b.year);
  if (sorted.length === 0) return null;
  const max = Math.max(...sorted.map((y) => y.totalConversations), 1);
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = plotWidth / sorted.length;
  const barWidth = Math.min(72, band * 0.6);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, i) => i * step);
  const description = sorted
    .map((year) => `${year.year}: ${plural(year.totalConversations, 'gesprek', 'gesprekken')}`)
    .join('; ');
  return (
    <figure className="year-chart">
      <figcaption className="year-chart__caption" id={`${id}-caption`}>
        {title}
      </figcaption>
      <div className="year-chart__frame" tabIndex={0} role="region" aria-labelledby={`${id}-caption`}>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-labelledby={`${id}-title`}
          aria-describedby={`${id}-desc`}
          className="year-chart__svg"
        >
          <title id={`${id}-title`}>{title}</title>
          <desc id={`${id}-desc`}>{description}</desc>
          {ticks.map((tick) => (
            <g key={tick} aria-hidden="true">
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="year-chart__grid" />
              <text x={MARGIN.left - 8} y={y(tick)} dy="0.35em" textAnchor="end" className="year-chart__axis">
                {count(tick)}
              </text>
            </g>
          ))}
          {sorted.map((year, i) => {
            const x = MARGIN.left + band * i + (band - barWidth) / 2;
            return (
              <g key={year.year} aria-hidden="true">
                <rect
                  x={x}
                  y={y(year.totalConversations)}
                  width={barWidth}
                  height={Math.max(0, y(0) - y(year.totalConversations))}
                  className="year-chart__bar"
                />
                <text
                  x={x + barWidth / 2}
                  y={y(year.totalConversations) - 6}
                  textAnchor="middle"
                  className="year-chart__value"
                >
                  {count(year.totalConversations)}
                </text>
                <text
                  x={x + barWidth / 2}
                  y={HEIGHT - MARGIN.bottom + 20}
                  textAnchor="middle"
                  className="year-chart__axis"
                >
                  {year.year}
                </text>
              </g>
            );
          })}
          <line
            x1={MARGIN.left}
            x2={WIDTH - MARGIN.right}
            y1={y(0)}
            y2={y(0)}
            className="year-chart__baseline"
            aria-hidden="true"
          />
        </svg>
      </div>
    </figure>
  );
}
