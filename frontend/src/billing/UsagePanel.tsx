// A report's usage: the month's totals against the plan, and one bar chart per measure by
// local day (events, GB, endpoints seen), each day drawn as the viewer's calendar day of that date.

import type { AccountReportQuery } from '../gql/graphql';
import { BarChart, type Bar } from '../components/charts/BarChart';
import { localDay } from '../components/charts/series';
import { formatGb } from './labels';

type Report = AccountReportQuery['accountReport'];

export function UsagePanel({ report }: { report: Report }) {
  const days = report.usageByDay;
  const bars = (value: (d: (typeof days)[number]) => number): Bar[] =>
    days.flatMap((d) => {
      const range = localDay(d.day);
      return range === null ? [] : [{ ...range, label: d.day, value: value(d) }];
    });
  return (
    <section aria-labelledby="usage-title" className="panel report-section">
      <h2 id="usage-title">Usage</h2>
      <div className="cards">
        <div className="card" role="group" aria-label="Events">
          <span className="muted">Events</span>
          <span className="big">{report.events.toLocaleString()}</span>
        </div>
        <div className="card" role="group" aria-label="Data">
          <span className="muted">Data</span>
          <span className="big" title={`${report.gb} GB`}>{formatGb(report.gb)} GB</span>
          {report.plan !== null && report.plan !== undefined && <span className="muted">{report.plan.includedGb} GB included</span>}
        </div>
        <div className="card" role="group" aria-label="Endpoints">
          <span className="muted">Endpoints (most in a day)</span>
          <span className="big">{report.maxEndpoints}</span>
        </div>
      </div>
      {days.length === 0 ? (
        <p className="muted">No usage recorded this month.</p>
      ) : (
        <div className="usage-charts">
          <BarChart title="Events per day" bars={bars((d) => d.events)} />
          <BarChart title="GB per day" bars={bars((d) => Number(d.gb))} />
          <BarChart title="Endpoints per day" bars={bars((d) => d.endpoints)} />
        </div>
      )}
    </section>
  );
}
