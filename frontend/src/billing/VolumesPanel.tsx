// A report's alert and case volumes: counts by severity, disposition and status.

import type { AccountReportQuery } from '../gql/graphql';
import { humanize } from './labels';

type Report = AccountReportQuery['accountReport'];
type Counts = Report['alertsBySeverity'];

function CountTable({ title, counts }: { title: string; counts: Counts }) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <table aria-label={title} className="compact">
      <caption>{title}</caption>
      <tbody>
        {counts.length === 0 ? (
          <tr>
            <td className="muted">None</td>
          </tr>
        ) : (
          counts.map((c) => (
            <tr key={c.key}>
              <th scope="row">{humanize(c.key)}</th>
              <td>{c.count}</td>
            </tr>
          ))
        )}
      </tbody>
      {counts.length > 0 && (
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            <td>{total}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

export function VolumesPanel({ report }: { report: Report }) {
  return (
    <section aria-labelledby="volumes-title" className="panel report-section">
      <h2 id="volumes-title">Alerts and cases</h2>
      <div className="volume-tables">
        <CountTable title="Alerts by severity" counts={report.alertsBySeverity} />
        <CountTable title="Alerts by disposition" counts={report.alertsByDisposition} />
        <CountTable title="Cases by severity" counts={report.casesBySeverity} />
        <CountTable title="Cases by status" counts={report.casesByStatus} />
      </div>
    </section>
  );
}
