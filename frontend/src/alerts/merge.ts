// Live changes over the loaded pages of the queue. The pages come from the server; raised and
// updated alerts (from the alertEvents subscription, and from this console's own triage) are
// applied on top, in arrival order, so the table is always "pages + what happened since".

import type { AlertFieldsFragment } from '../gql/graphql';
import { matchesFilters, severityRank, type AlertQueueFilters } from './filters';

export interface AlertChange {
  /** `LEFT`: the server says the updated alert no longer matches the view (`matchesFilter`). */
  kind: 'RAISED' | 'UPDATED' | 'LEFT';
  alert: AlertFieldsFragment;
}

export interface MergedQueue {
  alerts: AlertFieldsFragment[];
  /** How the changes moved the total: +1 per alert that joined the view, -1 per one that left. */
  delta: number;
}

/** Negative when `a` comes before `b` in the queue's order. */
export function compareAlerts(a: AlertFieldsFragment, b: AlertFieldsFragment, filters: AlertQueueFilters): number {
  if (filters.order === 'severity') {
    const bySeverity = severityRank(b.severity) - severityRank(a.severity);
    if (bySeverity !== 0) return bySeverity;
  }
  // Newest first: by instant, then by the full RFC 3339 string (nanoseconds), then by id.
  const byTime = Date.parse(b.createdAt) - Date.parse(a.createdAt);
  if (byTime !== 0 && !Number.isNaN(byTime)) return byTime;
  return b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);
}

/**
 * One change applied to the list. An alert the server says left the view is removed (when not
 * loaded, it was counted beyond the loaded rows unless every page is loaded). A known alert is replaced in place, or removed when it no
 * longer matches the filter. An unknown one that matches is inserted in order when it falls
 * inside what is loaded (`complete`: every page is loaded, so anywhere is inside); beyond the
 * last loaded row, "Load more" will bring it (and the change, applied again, replaces it).
 */
export function applyChange(
  list: readonly AlertFieldsFragment[],
  change: AlertChange,
  filters: AlertQueueFilters,
  complete: boolean,
): MergedQueue {
  const index = list.findIndex((a) => a.id === change.alert.id);
  if (change.kind === 'LEFT') {
    if (index < 0) return { alerts: [...list], delta: complete ? 0 : -1 };
    const next = [...list];
    next.splice(index, 1);
    return { alerts: next, delta: -1 };
  }
  const matches = matchesFilters(change.alert, filters);
  if (index >= 0) {
    const next = [...list];
    if (matches) {
      next[index] = change.alert;
      return { alerts: next, delta: 0 };
    }
    next.splice(index, 1);
    return { alerts: next, delta: -1 };
  }
  if (!matches) return { alerts: [...list], delta: 0 };
  const at = list.findIndex((a) => compareAlerts(change.alert, a, filters) < 0);
  // Beyond the loaded rows: a raised alert still counts; an updated one may have been counted.
  if (at < 0 && !complete) return { alerts: [...list], delta: change.kind === 'RAISED' ? 1 : 0 };
  const next = [...list];
  next.splice(at < 0 ? next.length : at, 0, change.alert);
  return { alerts: next, delta: 1 };
}

export function applyChanges(
  list: readonly AlertFieldsFragment[],
  changes: readonly AlertChange[],
  filters: AlertQueueFilters,
  complete: boolean,
): MergedQueue {
  let merged: MergedQueue = { alerts: [...list], delta: 0 };
  for (const change of changes) {
    const step = applyChange(merged.alerts, change, filters, complete);
    merged = { alerts: step.alerts, delta: merged.delta + step.delta };
  }
  return merged;
}
