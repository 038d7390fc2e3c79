// The frame of a tenant's pages: its name, status and facts, the admin's status control, and
// links to the sections the viewer's role may open (a customer admin's "Report" only while the
// provider shares it). A tenant outside the caller's scope is "not found", exactly like one that
// does not exist.

import { useState, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useQuery } from 'urql';
import { canAdministerTenants, isCustomerRole, tenantSections } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { NotFound } from '../components/NotFound';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge } from '../components/StatusBadge';
import type { TenantFieldsFragment } from '../gql/graphql';
import { problemsOf } from '../graphql/problems';
import { TenantQuery } from './documents';
import { EditTenantForm } from './EditTenantForm';
import { TenantStatusControl } from './TenantStatusControl';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { useReportShared } from '../billing/useReportShared';

export function TenantLayout({ tenantId, children }: { tenantId: string; children: (tenant: TenantFieldsFragment) => ReactNode }) {
  const viewer = useViewer();
  const [editing, setEditing] = useState(false);
  const [{ data, error, fetching }] = useQuery({ query: TenantQuery, variables: { id: tenantId } });
  const { shared: reportShared } = useReportShared(viewer.role, tenantId);
  useDocumentTitle(data?.tenant?.name ?? null);

  if (fetching && data === undefined) return <p role="status">Loading tenant…</p>;
  const problems = error === undefined ? [] : problemsOf(error);
  // A malformed id in the URL is as absent as an id from another tenant.
  const absent = problems.some((p) => p.code === 'NOT_FOUND' || p.code === 'INVALID_INPUT');
  const tenant = data?.tenant ?? null;
  if (absent || (error === undefined && tenant === null)) return <NotFound what="tenant" />;
  if (tenant === null) return <ErrorBanner problems={problems} />;

  const sections = tenantSections(viewer.role, tenant.id, reportShared);
  return (
    <section aria-labelledby="tenant-title">
      <header className="page-header">
        <div>
          <h1 id="tenant-title">
            {tenant.name} <StatusBadge status={tenant.status} />
          </h1>
          <dl className="facts">
            <dt>Slug</dt>
            <dd>
              <code>{tenant.slug}</code>
            </dd>
            <dt>Time zone</dt>
            <dd>{tenant.timezone}</dd>
            <dt>Created</dt>
            <dd>
              <RelativeTime value={tenant.createdAt} />
            </dd>
          </dl>
        </div>
        {canAdministerTenants(viewer.role) && (
          <div className="actions">
            {!editing && (
              <button type="button" onClick={() => setEditing(true)}>
                Edit tenant
              </button>
            )}
            <TenantStatusControl tenant={tenant} />
          </div>
        )}
      </header>
      {editing && <EditTenantForm key={tenant.id} tenant={tenant} onDone={() => setEditing(false)} />}
      {sections.length > 0 && (
        <nav aria-label={isCustomerRole(viewer.role) ? 'Organization sections' : 'Tenant sections'} className="subnav">
          {sections.map((s) => (
            <NavLink key={s.to} to={s.to} end>
              {s.label}
            </NavLink>
          ))}
        </nav>
      )}
      {children(tenant)}
    </section>
  );
}
