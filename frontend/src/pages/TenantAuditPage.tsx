// A tenant's audit log (provider admins, and customer admins for their own tenant), paged
// through the `auditLog` connection.

import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { canSeeAuditLog } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { NotFound } from '../components/NotFound';
import { problemsOf } from '../graphql/problems';
import { usePaginated } from '../graphql/usePaginated';
import { AuditTable } from '../tenants/AuditTable';
import { AuditLogQuery } from '../tenants/documents';
import { TenantLayout } from '../tenants/TenantLayout';
import { VerifyChain } from '../tenants/VerifyChain';
import { UsersQuery } from '../users/documents';

const PAGE_SIZE = 25;

function AuditLog({ tenant }: { tenant: { id: string; name: string } }) {
  const tenantId = tenant.id;
  const variables = useMemo(() => ({ tenantId }), [tenantId]);
  const log = usePaginated(AuditLogQuery, variables, (d) => d.auditLog, PAGE_SIZE);
  // Names for actors the caller may see; the rest show a short id.
  const [{ data: people }] = useQuery({ query: UsersQuery, variables: {} });
  const emails = useMemo(() => new Map((people?.users ?? []).map((u) => [u.id, u.email])), [people]);

  return (
    <>
      <VerifyChain tenantId={tenantId} />
      {log.error !== null && <ErrorBanner problems={problemsOf(log.error)} />}
      <p className="count" aria-live="polite">
        {log.totalCount === null ? 'Loading the audit log…' : `${log.nodes.length} of ${log.totalCount} entries`}
      </p>
      <AuditTable entries={log.nodes} tenant={tenant} userEmail={(id) => emails.get(id)} />
      {log.hasNextPage && (
        <button type="button" onClick={log.loadMore} disabled={log.loading}>
          {log.loading ? 'Loading…' : 'Load older entries'}
        </button>
      )}
    </>
  );
}

export function TenantAuditPage() {
  const { tenantId = '' } = useParams();
  const viewer = useViewer();
  if (!canSeeAuditLog(viewer.role)) return <NotFound />;
  return <TenantLayout tenantId={tenantId}>{(tenant) => <AuditLog tenant={tenant} />}</TenantLayout>;
}
