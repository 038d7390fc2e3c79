// An accessible bar chart without a dependency: CSS bars for the eye, and the same numbers as
// a visually hidden table for screen readers. With `onSelect` the bars are buttons (named by
// their hint) and the bar under the pointer or focus is described below the chart.

import { useState } from 'react';

interface Bar {
  label: string;
  value: number;
  /** What hovering the bar tells (default "label: value"). */
  hint?: string;
}

interface Props {
  title: string;
  bars: readonly Bar[];
  onSelect?: (index: number) => void;
}

export function BarChart({ title, bars, onSelect }: Props) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const [active, setActive] = useState<number | null>(null);
  const hint = (b: Bar) => b.hint ?? `${b.label}: ${b.value}`;
  const current = active === null ? undefined : bars[active];
  return (
    <figure className={onSelect === undefined ? 'bar-chart' : 'bar-chart selectable'}>
      <figcaption>{title}</figcaption>
      {onSelect === undefined ? (
        <ul className="bars" aria-hidden="true">
          {bars.map((b) => (
            <li key={b.label} style={{ height: `${(b.value / max) * 100}%` }} title={hint(b)} />
          ))}
        </ul>
      ) : (
        <ul className="bars" aria-label={title} onMouseLeave={() => setActive(null)}>
          {bars.map((b, i) => (
            <li key={b.label}>
              <button
                type="button"
                aria-label={hint(b)}
                title={hint(b)}
                data-value={b.value}
                onMouseEnter={() => setActive(i)}
                onFocus={() => setActive(i)}
                onBlur={() => setActive(null)}
                onClick={() => onSelect(i)}
              >
                <span style={{ height: `${(b.value / max) * 100}%` }} />
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="bar-axis muted" aria-hidden="true">
        <span>{bars[0]?.label}</span>
        {onSelect !== undefined && <span className="bar-readout">{current === undefined ? 'Click a bar to search its time only' : hint(current)}</span>}
        <span>{bars[bars.length - 1]?.label}</span>
      </div>
      <table className="visually-hidden">
        <caption>{title}</caption>
        <tbody>
          {bars.map((b) => (
            <tr key={b.label}>
              <th scope="row">{b.label}</th>
              <td>{b.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
