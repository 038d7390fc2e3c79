// An accessible bar chart without a dependency: CSS bars for the eye, and the same numbers as
// a visually hidden table for screen readers.

interface Bar {
  label: string;
  value: number;
}

export function BarChart({ title, bars }: { title: string; bars: readonly Bar[] }) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <figure className="bar-chart">
      <figcaption>{title}</figcaption>
      <ul className="bars" aria-hidden="true">
        {bars.map((b) => (
          <li key={b.label} style={{ height: `${(b.value / max) * 100}%` }} title={`${b.label}: ${b.value}`} />
        ))}
      </ul>
      <div className="bar-axis muted" aria-hidden="true">
        <span>{bars[0]?.label}</span>
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
