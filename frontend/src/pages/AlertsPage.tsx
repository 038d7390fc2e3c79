// The alert queue: alerts of every tenant in the caller's scope in one live table, with
// filters and order in the URL, "Load more" paging, and (for those who triage) bulk
// acknowledge, assign to oneself and close.

import { useState } from 'react';
import { canTriageAlerts, isCustomerRole } from '../auth/permissions';
import { useViewer } from '../auth/ViewerContext';
import { AlertFilterBar } from '../alerts/AlertFilterBar';
import { AlertTable } from '../alerts/AlertTable';
import { alertFiltersToParams } from '../alerts/filters';
import { TriageActions } from '../alerts/TriageActions';
import { useAlertFilters } from '../alerts/useAlertFilters';
import { useAlertQueue } from '../alerts/useAlertQueue';
import { useAlertRules } from '../alerts/useAlertRules';
import { useUserNames } from '../alerts/useUserNames';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { useAllTenants } from '../graphql/useAllTenants';
import { useDocumentTitle } from '../lib/useDocumentTitle';

export function AlertsPage() {
  const viewer = useViewer();
  const triage = canTriageAlerts(viewer.role);
  const [filters, setFilters] = useAlertFilters();
  const queue = useAlertQueue(filters);
  const { tenants } = useAllTenants();
  const rules = useAlertRules();
  const names = useUserNames(triage);
  const key = alertFiltersToParams(filters).toString();
  // The selection belongs to one view of the queue; changing the filter forgets it.
  const [selection, setSelection] = useState<{ key: string; ids: ReadonlySet<string> }>({ key, ids: new Set() });
  const selected = selection.key === key ? selection.ids : new Set<string>();
  const setSelected = (ids: ReadonlySet<string>) => setSelection({ key, ids });
  const selectedAlerts = queue.alerts.filter((a) => selected.has(a.id));
  useDocumentTitle('Alerts');

  return (
    <section aria-labelledby="alerts-title">
      <h1 id="alerts-title">Alerts</h1>
      <AlertFilterBar
        filters={filters}
        onChange={setFilters}
        tenants={isCustomerRole(viewer.role) ? [] : tenants}
        rules={rules}
        showUnassigned={triage}
      />
      {queue.error !== null && <ErrorBanner problems={problemsOf(queue.error)} />}
      {queue.liveError !== null && (
        <p className="error-banner" role="alert">
          Live updates stopped: {problemsOf(queue.liveError)[0]?.message ?? 'the connection failed'}. Reload to resume.
        </p>
      )}
      <div className="queue-header">
        <p className="count" aria-live="polite">
          {queue.totalCount === null
            ? queue.error === null
              ? 'Loading alerts…'
              : ''
            : `${queue.alerts.length} of ${queue.totalCount} ${queue.totalCount === 1 ? 'alert' : 'alerts'}`}
          {queue.raisedSinceLoad > 0 && ` · ${queue.raisedSinceLoad} new since loaded`}
        </p>
        {triage && (
          <div className="bulk">
            <span className="muted">{selectedAlerts.length} selected</span>
            <TriageActions
              alerts={selectedAlerts}
              viewerId={viewer.id}
              noun="selected"
              onUpdated={queue.applyUpdates}
              onDone={() => setSelected(new Set())}
            />
          </div>
        )}
      </div>
      <AlertTable
        alerts={queue.alerts}
        caption="Alerts"
        viewerId={viewer.id}
        names={names}
        selection={
          triage
            ? {
                selected,
                onToggle: (id) => {
                  const next = new Set(selected);
                  if (next.has(id)) next.delete(id);
                  else next.add(id);
                  setSelected(next);
                },
                onToggleAll: (on) =>
                  setSelected(new Set(on ? queue.alerts.filter((a) => a.status !== 'CLOSED').map((a) => a.id) : [])),
              }
            : undefined
        }
      />
      {queue.hasNextPage && (
        <button type="button" onClick={queue.loadMore} disabled={queue.loading}>
          {queue.loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}
