// The endpoints of one owner: kind, target, events, health (enabled, why the platform disabled
// it, failures, circuit) and their controls.

import { SEVERITY_LABELS } from '../alerts/filters';
import { RelativeTime } from '../components/RelativeTime';
import type { NotificationEndpointFieldsFragment } from '../gql/graphql';
import { EndpointActions } from './EndpointActions';
import { EVENT_LABELS, KIND_LABELS } from './endpointInput';

function Health({ e }: { e: NotificationEndpointFieldsFragment }) {
  if (!e.enabled) {
    return (
      <>
        <span className="badge badge-suspended">Disabled</span>
        {e.disabledReason && <span className="muted"> {e.disabledReason}</span>}
      </>
    );
  }
  return (
    <>
      <span className="badge badge-active">Enabled</span>
      {e.consecutiveFailures > 0 && <span className="muted"> {e.consecutiveFailures} failed in a row</span>}
      {e.retryAt && (
        <span className="muted">
          {' '}
          · paused until <RelativeTime value={e.retryAt} />
        </span>
      )}
    </>
  );
}

export function EndpointTable({ endpoints, onDeleted }: { endpoints: readonly NotificationEndpointFieldsFragment[]; onDeleted: () => void }) {
  if (endpoints.length === 0) return <p className="muted">No endpoints yet.</p>;
  return (
    <table aria-label="Notification endpoints">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Kind</th>
          <th scope="col">Target</th>
          <th scope="col">Events</th>
          <th scope="col">Health</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {endpoints.map((e) => (
          <tr key={e.id}>
            <th scope="row">{e.name}</th>
            <td>
              {KIND_LABELS[e.kind]}
              {e.signed && <span className="muted"> · signed</span>}
            </td>
            <td>
              <code className="detail">{e.target}</code>
            </td>
            <td>
              {e.events.map((ev) => EVENT_LABELS[ev]).join(', ')}
              {e.events.includes('ALERT_RAISED') && <span className="muted"> (alerts from {SEVERITY_LABELS[e.minSeverity]})</span>}
            </td>
            <td>
              <Health e={e} />
            </td>
            <td>
              <EndpointActions endpoint={e} onDeleted={onDeleted} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
