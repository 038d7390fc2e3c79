// The case list: cases of every tenant in scope (customers: their own), filters in the URL,
// "Load more" paging with the total.

import { useMemo } from 'react';
import { canTriageAlerts, canWorkCases, isCustomerRole } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { useUserNames } from '../alerts/useUserNames';
import { CaseFilterBar } from '../cases/CaseFilterBar';
import { CaseTable } from '../cases/CaseTable';
import { CasesQuery } from '../cases/documents';
import { caseFilterInput, caseOrder } from '../cases/filters';
import { useCaseFilters } from '../cases/useCaseFilters';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { useAllTenants } from '../graphql/useAllTenants';
import { usePaginated } from '../graphql/usePaginated';
import { useDocumentTitle } from '../lib/useDocumentTitle';

const PAGE_SIZE = 50;

export function CasesPage() {
  const viewer = useViewer();
  const [filters, setFilters] = useCaseFilters();
  const variables = useMemo(
    () => ({ filter: caseFilterInput(filters, viewer.id), orderBy: caseOrder(filters) }),
    [filters, viewer.id],
  );
  const list = usePaginated(CasesQuery, variables, (d) => d.cases, PAGE_SIZE);
  const { tenants } = useAllTenants();
  const names = useUserNames(canTriageAlerts(viewer.role));
  useDocumentTitle('Cases');
  return (
    <section aria-labelledby="cases-title">
      <h1 id="cases-title">Cases</h1>
      <CaseFilterBar filters={filters} onChange={setFilters} tenants={isCustomerRole(viewer.role) ? [] : tenants} showMine={canWorkCases(viewer.role)} />
      {list.error !== null && <ErrorBanner problems={problemsOf(list.error)} />}
      <p className="count" aria-live="polite">
        {list.totalCount === null
          ? list.error === null
            ? 'Loading cases…'
            : ''
          : `${list.nodes.length} of ${list.totalCount} ${list.totalCount === 1 ? 'case' : 'cases'}`}
      </p>
      <CaseTable cases={list.nodes} viewerId={viewer.id} names={names} />
      {list.hasNextPage && (
        <button type="button" onClick={list.loadMore} disabled={list.loading}>
          {list.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
