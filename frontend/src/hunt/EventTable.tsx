// Search results, newest first; each row opens to the event's fields and its raw line.

import { Fragment, useState } from 'react';
import { RelativeTime } from '../components/RelativeTime';
import type { EventsQuery } from '../gql/graphql';
import { FieldTree } from './FieldTree';

export type EventNode = EventsQuery['events']['edges'][number]['node'];

function EventDetail({ event, id }: { event: EventNode; id: string }) {
  return (
    <div id={id} className="event-detail" role="region" aria-label={`Event ${event.seq}`}>
      <h3>Raw line{event.rawTruncated ? ' (truncated)' : ''}</h3>
      <pre className="raw">{event.raw}</pre>
      <h3>Fields</h3>
      <FieldTree value={event.fields} />
      <p className="muted">
        Received <RelativeTime value={event.receivedAt} />
        {event.severity === null || event.severity === undefined ? '' : `, severity ${event.severity}`}
      </p>
    </div>
  );
}

function kind(e: EventNode): string {
  return [e.product, e.category, e.service].filter((v): v is string => typeof v === 'string' && v !== '').join(' / ');
}

export function EventTable({ events }: { events: readonly EventNode[] }) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <table className="events">
      <caption>Events, newest first</caption>
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Details</span>
          </th>
          <th scope="col">Time</th>
          <th scope="col">Host</th>
          <th scope="col">Source</th>
          <th scope="col">Kind</th>
          <th scope="col">Raw</th>
        </tr>
      </thead>
      <tbody>
        {events.length === 0 && (
          <tr>
            <td colSpan={6} className="muted">
              No events match.
            </td>
          </tr>
        )}
        {events.map((e) => {
          const expanded = open.has(e.id);
          const detailId = `event-${e.id}`;
          return (
            <Fragment key={e.id}>
              <tr>
                <td>
                  <button type="button" aria-expanded={expanded} aria-controls={detailId} onClick={() => toggle(e.id)}>
                    {expanded ? 'Hide' : 'Show'}
                    <span className="visually-hidden"> event {e.seq}</span>
                  </button>
                </td>
                <td>
                  <RelativeTime value={e.timestamp} />
                </td>
                <td>{e.host ?? <span className="muted">unknown</span>}</td>
                <td>
                  <code>{e.source}</code>
                </td>
                <td>{kind(e)}</td>
                <td className="raw-preview">
                  <code>{e.raw}</code>
                </td>
              </tr>
              {expanded && (
                <tr className="detail-row">
                  <td colSpan={6}>
                    <EventDetail event={e} id={detailId} />
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
