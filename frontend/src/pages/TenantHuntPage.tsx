// Hunt: search a tenant's events (every role that may read them), with every filter in the
// URL, a histogram of the matches over time (a bar narrows the range to it), results newest
// first, paged with "Load more".

import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { canReadEvents } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { ErrorBanner } from '../components/ErrorBanner';
import { NotFound } from '../components/NotFound';
import { problemsOf, splitByField } from '../graphql/problems';
import { usePaginated } from '../graphql/usePaginated';
import { EventsQuery } from '../hunt/documents';
import { EventTable } from '../hunt/EventTable';
import { eventFilter, huntFiltersToParams, parseHuntFilters, type HuntFilters } from '../hunt/filters';
import { HuntForm } from '../hunt/HuntForm';
import { narrowToBucket } from '../hunt/histogram';
import { HuntHistogram } from '../hunt/HuntHistogram';
import { useHuntFilters } from '../hunt/useHuntFilters';
import { TenantLayout } from '../tenants/TenantLayout';

const PAGE_SIZE = 50;

function Hunt({ tenantId }: { tenantId: string }) {
  const [filters, setFilters] = useHuntFilters();
  const key = huntFiltersToParams(filters).toString();
  // Searching again for the same filters runs the search again (a relative range moves on).
  const [runs, setRuns] = useState(0);
  // A relative range is resolved against the time of the search, not of every render.
  const variables = useMemo(() => {
    void runs;
    return { tenantId, filter: eventFilter(parseHuntFilters(new URLSearchParams(key)), new Date()) };
  }, [tenantId, key, runs]);
  const results = usePaginated(EventsQuery, variables, (d) => d.events, PAGE_SIZE);
  const onSearch = (next: HuntFilters) => {
    if (huntFiltersToParams(next).toString() !== key) setFilters(next);
    else if (next.range === 'custom') results.reload();
    else setRuns((r) => r + 1);
  };
  const problems = results.error === null ? [] : problemsOf(results.error);
  const { byField, general } = splitByField(problems, ['query']);

  return (
    <>
      <HuntForm key={key} filters={filters} queryError={byField.query} onSearch={onSearch} />
      <ErrorBanner problems={general} />
      <HuntHistogram
        tenantId={tenantId}
        filter={variables.filter}
        onSelect={(histogram, index) => {
          const next = narrowToBucket(filters, histogram, index);
          if (next !== null) onSearch(next);
        }}
      />
      <p className="count" aria-live="polite">
        {results.totalCount === null
          ? results.error === null
            ? 'Searching…'
            : ''
          : `${results.nodes.length} of ${results.totalCount} events`}
      </p>
      {results.totalCount !== null && <EventTable events={results.nodes} />}
      {results.hasNextPage && (
        <button type="button" onClick={results.loadMore} disabled={results.loading}>
          {results.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </>
  );
}

export function TenantHuntPage() {
  const { tenantId = '' } = useParams();
  const viewer = useViewer();
  if (!canReadEvents(viewer.role)) return <NotFound />;
  return <TenantLayout tenantId={tenantId}>{(tenant) => <Hunt tenantId={tenant.id} />}</TenantLayout>;
}
