// An accessible time bar chart drawn by uPlot (through UPlotChart): one bar per time range, a
// time axis in the viewer's zone, and the same numbers as a visually hidden table for screen
// readers (leave it out with `table={false}` when a visible table beside the chart has them).
// Hovering a bar describes it below the chart. With `onSelect` each bar is also a button laid
// over the drawn bar (named by its hint, reachable by keyboard) that reports a click. Options are
// read through a ref, so new bars reach the plot with `setData` instead of a new plot.

import { useCallback, useMemo, useRef, useState } from 'react';
import type uPlot from 'uplot';
import { maxValue, timeBarSeries, timeTickLabels, type TimeBar } from './series';
import { UPlotChart, type ChartOptions, type PlotArea } from './UPlotChart';

export interface Bar extends TimeBar {
  label: string;
  /** What hovering the bar tells (default "label: value"). */
  hint?: string;
}

interface Props {
  title: string;
  bars: readonly Bar[];
  onSelect?: (index: number) => void;
  /** The value axis's labels (default: the number). */
  formatValue?: (value: number) => string;
  /** With few bars: a tick under each bar's middle, labelled by this (default: time ticks by uPlot). */
  barTick?: (bar: Bar) => string;
  /** The value axis's tick steps (default: uPlot's round numbers). */
  valueIncrs?: number[];
  /** The visually hidden table of the numbers (default on). */
  table?: boolean;
  height?: number;
}

/** A CSS custom property of the chart's element, for colours that follow the theme and print. */
function cssVar(u: uPlot, name: string, fallback: string): string {
  return getComputedStyle(u.root).getPropertyValue(name).trim() || fallback;
}

function barLabel(bar: Bar | undefined, tick: ((bar: Bar) => string) | undefined): string {
  return bar === undefined || tick === undefined ? '' : tick(bar);
}

export function BarChart({ title, bars, onSelect, barTick, formatValue, valueIncrs, table = true, height = 140 }: Props) {
  const [active, setActive] = useState<number | null>(null);
  const [area, setArea] = useState<PlotArea | null>(null);
  const hint = (b: Bar) => b.hint ?? `${b.label}: ${b.value ?? '–'}`;
  const current = active === null ? undefined : bars[active];
  const selectable = onSelect !== undefined;
  const tickAtBars = barTick !== undefined;

  const { data, range } = useMemo(() => timeBarSeries(bars), [bars]);
  // Read by the plot when it (re)scales, so new bars update the plot rather than replace it.
  const scale = useRef({ bars, range, max: maxValue(bars), formatValue, barTick });
  scale.current = { bars, range, max: maxValue(bars), formatValue, barTick };
  const options = useCallback(
    (U: typeof uPlot): ChartOptions => ({
      legend: { show: false },
      // Selectable charts are hovered through their buttons; the others through uPlot's cursor.
      cursor: selectable ? { show: false } : { y: false, points: { show: false }, drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: () => scale.current.range ?? [0, 1] },
        y: { range: () => [0, scale.current.max * 1.05] },
      },
      axes: [
        {
          stroke: (u) => cssVar(u, '--muted', '#666'),
          grid: { show: false },
          ...(!tickAtBars
            ? { values: (_u: uPlot, splits: number[], _axis: number, _space: number, incr: number) => timeTickLabels(splits, incr) }
            : {
                splits: (u: uPlot) => [...(u.data[0] as number[])],
                values: (_u: uPlot, splits: number[]) => splits.map((_, i) => barLabel(scale.current.bars[i], scale.current.barTick)),
              }),
        },
        {
          stroke: (u) => cssVar(u, '--muted', '#666'),
          grid: { stroke: (u) => cssVar(u, '--line', '#ddd'), width: 1 },
          size: 64,
          ...(valueIncrs === undefined ? {} : { incrs: valueIncrs }),
          values: (_u, splits) => splits.map((v) => scale.current.formatValue?.(v) ?? v.toLocaleString()),
        },
      ],
      series: [
        {},
        {
          fill: (u) => cssVar(u, '--accent', '#1f5fc4'),
          stroke: (u) => cssVar(u, '--accent', '#1f5fc4'),
          width: 0,
          paths: U.paths.bars!({ size: [0.85, Infinity], gap: 1 }),
          points: { show: false },
        },
      ],
      hooks: selectable ? {} : { setCursor: [(u) => setActive(u.cursor.idx ?? null)] },
    }),
    [selectable, tickAtBars, valueIncrs],
  );

  // Each button covers its bar's share of the x range (a short last bucket stays short).
  const span = (b: Bar) => {
    if (range === null || range[1] <= range[0]) return undefined;
    const whole = (range[1] - range[0]) * 1000;
    return { left: `${((b.from - range[0] * 1000) / whole) * 100}%`, width: `${((b.to - b.from) / whole) * 100}%` };
  };

  return (
    <figure className={selectable ? 'bar-chart selectable' : 'bar-chart'}>
      <figcaption>{title}</figcaption>
      <UPlotChart options={options} data={data} height={height} onPlotArea={setArea}>
        {selectable && (
          <ul
            className="bars"
            aria-label={title}
            onMouseLeave={() => setActive(null)}
            style={area === null ? undefined : { left: area.left, top: area.top, width: area.width, height: area.height }}
          >
            {bars.map((b, i) => (
              <li key={i} style={span(b)}>
                <button
                  type="button"
                  aria-label={hint(b)}
                  title={hint(b)}
                  data-value={b.value ?? ''}
                  onMouseEnter={() => setActive(i)}
                  onFocus={() => setActive(i)}
                  onBlur={() => setActive(null)}
                  onClick={() => onSelect(i)}
                />
              </li>
            ))}
          </ul>
        )}
      </UPlotChart>
      <div className="bar-axis muted" aria-hidden="true">
        <span className="bar-readout">
          {current !== undefined ? hint(current) : selectable ? 'Click a bar to search its time only' : '\u00a0'}
        </span>
      </div>
      {table && (
        <table className="visually-hidden">
          <caption>{title}</caption>
          <tbody>
            {bars.map((b, i) => (
              <tr key={i}>
                <th scope="row">{b.label}</th>
                <td>{b.value ?? 'none'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </figure>
  );
}
