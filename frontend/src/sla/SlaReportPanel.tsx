// The tenant's SLA report for a month: attainment per target, MTTD/MTTA/MTTR, breaches, and
// the CSV (fetched with the token, saved as a file).

import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { SLA_TARGET_LABELS } from '../alerts/sla';
import { SeverityBadge } from '../alerts/SeverityBadge';
import { useSession } from '../auth/SessionContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { RelativeTime } from '../components/RelativeTime';
import { problemsOf } from '../graphql/problems';
import { downloadWithToken } from '../lib/download';
import { SlaReportQuery } from './documents';
import { currentMonth, monthRange } from './month';
import { StatsCards } from './StatsCards';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(1)}%`);

export function SlaReportPanel({ tenantId }: { tenantId: string }) {
  const id = useId();
  const { fetch: authed } = useSession();
  const [month, setMonth] = useState(currentMonth);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const range = monthRange(month) ?? monthRange(currentMonth());
  const from = range?.from ?? '';
  const to = range?.to ?? '';
  const [{ data, error, fetching }] = useQuery({ query: SlaReportQuery, variables: { tenantId, from, to } });
  const report = data?.slaReport;
  const csvUrl = `/reports/sla.csv?${new URLSearchParams({ tenant: tenantId, from, to }).toString()}`;
  return (
    <section aria-labelledby="report-title" className="panel">
      <h2 id="report-title">SLA report</h2>
      <div className="row">
        <div className="field">
          <label htmlFor={id}>Month</label>
          <input id={id} type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </div>
        <button
          type="button"
          className="align-field"
          onClick={() => {
            setDownloadError(null);
            downloadWithToken(authed, csvUrl, `sla-${month}.csv`).catch((e: unknown) => setDownloadError(String(e)));
          }}
        >
          Download CSV
        </button>
      </div>
      {downloadError !== null && (
        <p className="error-banner" role="alert">
          {downloadError}
        </p>
      )}
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && report === undefined && <p role="status">Loading the report…</p>}
      {report !== undefined && (
        <>
          <p>
            Attainment <strong>{pct(report.attainmentPercent)}</strong> · {report.breachCount} {report.breachCount === 1 ? 'breach' : 'breaches'}
          </p>
          <table aria-label="Attainment per target">
            <thead>
              <tr>
                <th scope="col">Target</th>
                <th scope="col">Met</th>
                <th scope="col">Breached</th>
                <th scope="col">Open</th>
                <th scope="col">Attainment</th>
              </tr>
            </thead>
            <tbody>
              {report.attainment.map((a) => (
                <tr key={a.target}>
                  <td>{SLA_TARGET_LABELS[a.target]}</td>
                  <td>{a.met}</td>
                  <td>{a.breached}</td>
                  <td>{a.open}</td>
                  <td>{pct(a.percent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <StatsCards report={report} />
          <h3>Breaches</h3>
          {report.breaches.length === 0 ? (
            <p className="muted">No breaches.</p>
          ) : (
            <table aria-label="Breaches">
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Target</th>
                  <th scope="col">Severity</th>
                  <th scope="col">Due</th>
                  <th scope="col">Completed</th>
                </tr>
              </thead>
              <tbody>
                {report.breaches.map((b, i) => (
                  <tr key={i}>
                    <td>
                      <Link to={`/${b.subjectKind === 'CASE' ? 'cases' : 'alerts'}/${encodeURIComponent(b.subjectId)}`}>
                        {b.subjectKind === 'CASE' ? 'Case' : 'Alert'}
                      </Link>
                    </td>
                    <td>{SLA_TARGET_LABELS[b.target]}</td>
                    <td>
                      <SeverityBadge severity={b.severity} />
                    </td>
                    <td>
                      <RelativeTime value={b.dueAt} />
                    </td>
                    <td>
                      <RelativeTime value={b.completedAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
