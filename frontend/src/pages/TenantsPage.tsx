// The tenant list for provider staff: every tenant for admins, the assigned ones for analysts
// and account managers (whose billing view is the portfolio page). Pages of the connection load
// on demand; search, status filter and sort apply to what is loaded and live in the URL.

import { useState } from 'react';
import { Link } from 'react-router';
import { canAdministerTenants, tenantListTitle } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import type { TenantFieldsFragment } from '../gql/graphql';
import { problemsOf } from '../graphql/problems';
import { usePaginated } from '../graphql/usePaginated';
import { CreateTenantForm } from '../tenants/CreateTenantForm';
import { TenantsQuery } from '../tenants/documents';
import { applyFilters, toggleSort } from '../tenants/filters';
import { TenantFilterBar } from '../tenants/TenantFilterBar';
import { TenantTable } from '../tenants/TenantTable';
import { useTenantFilters } from '../tenants/useTenantFilters';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 50;
const NO_VARIABLES = {};

export function TenantsPage() {
  const viewer = useViewer();
  const [filters, setFilters] = useTenantFilters();
  const [created, setCreated] = useState<TenantFieldsFragment | null>(null);
  const list = usePaginated(TenantsQuery, NO_VARIABLES, (d) => d.tenants, PAGE_SIZE);
  const shown = applyFilters(list.nodes, filters);
  const title = tenantListTitle(viewer.role);
  useDocumentTitle(title);

  return (
    <section aria-labelledby="tenants-title">
      <h1 id="tenants-title">{title}</h1>
      {canAdministerTenants(viewer.role) && (
        <CreateTenantForm
          onCreated={(tenant) => {
            setCreated(tenant);
            list.reload();
          }}
        />
      )}
      {created !== null && (
        <p className="notice" role="status">
          Created <Link to={`/tenants/${encodeURIComponent(created.id)}`}>{created.name}</Link>.
        </p>
      )}
      <TenantFilterBar filters={filters} onChange={setFilters} />
      {list.error !== null && <ErrorBanner problems={problemsOf(list.error)} />}
      <p className="count" aria-live="polite">
        {list.totalCount === null
          ? 'Loading tenants…'
          : `Showing ${shown.length} of ${list.totalCount} ${list.totalCount === 1 ? 'tenant' : 'tenants'}`}
      </p>
      <TenantTable tenants={shown} filters={filters} onSort={(key) => setFilters(toggleSort(filters, key))} />
      {list.hasNextPage && (
        <button type="button" onClick={list.loadMore} disabled={list.loading}>
          {list.loading ? 'Loading…' : 'Load more tenants'}
        </button>
      )}
    </section>
  );
}
