// The endpoints of one owner: kind, target, events, health (enabled, why the platform disabled
// it, failures, circuit), their controls, and each one's delivery log on demand.

import { Fragment, useState } from 'react';
import { SEVERITY_LABELS } from '../alerts/filters';
import { RelativeTime } from '../components/RelativeTime';
import type { NotificationEndpointFieldsFragment } from '../gql/graphql';
import { DeliveryLog } from './DeliveryLog';
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
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setOpen(next);
  };
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
          <Fragment key={e.id}>
            <tr>
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
                <button type="button" aria-expanded={open.has(e.id)} aria-controls={open.has(e.id) ? `deliveries-${e.id}` : undefined} onClick={() => toggle(e.id)}>
                  <span aria-hidden="true">{open.has(e.id) ? '▾ ' : '▸ '}</span>
                  Deliveries
                  <span className="visually-hidden"> of {e.name}</span>
                </button>
              </td>
            </tr>
            {open.has(e.id) && (
              <tr id={`deliveries-${e.id}`}>
                <td colSpan={6}>
                  <DeliveryLog endpointId={e.id} name={e.name} />
                </td>
              </tr>
            )}
          </Fragment>
        ))}
      </tbody>
    </table>
  );
}
