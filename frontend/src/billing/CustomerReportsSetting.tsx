// Whether a tenant's customer admins may read its account report (`BillingAccount.customerReports`):
// provider admins switch it with a labelled checkbox (`setCustomerReports`); account managers, who
// only read billing, see the setting as text.

import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { canSetCustomerReports } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf, type Problem } from '../graphql/problems';
import { CustomerReportsQuery, SetCustomerReportsMutation } from './documents';

export function CustomerReportsSetting({ tenantId, tenantName }: { tenantId: string; tenantName: string }) {
  const id = useId();
  const viewer = useViewer();
  const [{ data, error }, refetch] = useQuery({ query: CustomerReportsQuery, variables: { tenantId } });
  const [{ fetching }, setCustomerReports] = useMutation(SetCustomerReportsMutation);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  // What the API last accepted, shown at once; the refetch then confirms it.
  const [saved, setSaved] = useState<boolean | null>(null);
  const enabled = saved ?? data?.billingAccount.customerReports;

  const onChange = async (next: boolean) => {
    setProblems([]);
    setNotice(null);
    const result = await setCustomerReports({ tenantId, enabled: next });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    setSaved(result.data?.setCustomerReports ?? next);
    setNotice(next ? `${tenantName}'s customer admins can now read this report.` : `${tenantName}'s customer admins can no longer read this report.`);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section aria-labelledby={`${id}-title`} className="panel no-print customer-reports">
      <h3 id={`${id}-title`}>Customer access</h3>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {enabled === undefined ? (
        error === undefined && <p role="status">Loading the setting…</p>
      ) : canSetCustomerReports(viewer.role) ? (
        <div className="choice">
          <input id={id} type="checkbox" checked={enabled} disabled={fetching} onChange={(e) => void onChange(e.target.checked)} />
          <label htmlFor={id}>Customer admins may read this report</label>
        </div>
      ) : (
        <p>
          {enabled ? `${tenantName}'s customer admins may read this report.` : `${tenantName}'s customer admins may not read this report.`}{' '}
          <span className="muted">A provider admin changes this.</span>
        </p>
      )}
      {notice !== null && (
        <p className="muted" role="status">
          {notice}
        </p>
      )}
      <ErrorBanner problems={problems} />
    </section>
  );
}
