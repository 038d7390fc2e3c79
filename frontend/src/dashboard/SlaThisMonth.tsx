// SLA attainment this month with MTTA and MTTR, from the tenant's SLA report.

import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { SlaReportQuery } from '../sla/documents';
import { currentMonth, monthRange } from '../sla/month';
import { StatsCards } from '../sla/StatsCards';

export function SlaThisMonth({ tenantId }: { tenantId: string }) {
  const range = useMemo(() => monthRange(currentMonth()), []);
  const [{ data, error }] = useQuery({ query: SlaReportQuery, variables: { tenantId, from: range?.from ?? '', to: range?.to ?? '' } });
  const report = data?.slaReport;
  return (
    <section aria-labelledby="sla-month-title" className="panel">
      <h2 id="sla-month-title">SLA this month</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {report === undefined ? (
        error === undefined && <p role="status">Loading the SLA report…</p>
      ) : (
        <>
          <p>
            Attainment{' '}
            <strong>{report.attainmentPercent === null || report.attainmentPercent === undefined ? '—' : `${report.attainmentPercent.toFixed(1)}%`}</strong> ·{' '}
            {report.breachCount} {report.breachCount === 1 ? 'breach' : 'breaches'} ·{' '}
            <Link to={`/tenants/${encodeURIComponent(tenantId)}/sla`}>Full report</Link>
          </p>
          <StatsCards report={report} only="customer" />
        </>
      )}
    </section>
  );
}
