// An alert's matching events, oldest first, each opening to its fields as a tree and its raw line.

import { RelativeTime } from '../components/RelativeTime';
import type { AlertQuery } from '../gql/graphql';
import { FieldTree } from '../hunt/FieldTree';

type AlertEvent = AlertQuery['alert']['events'][number];

export function AlertEvents({ events, eventCount }: { events: readonly AlertEvent[]; eventCount: number }) {
  return (
    <section aria-labelledby="alert-events-title">
      <h2 id="alert-events-title">Matching events</h2>
      <p className="count">
        {events.length === eventCount
          ? `${eventCount} ${eventCount === 1 ? 'event' : 'events'}, oldest first`
          : `${events.length} of ${eventCount} events still in storage, oldest first`}
      </p>
      {events.map((e, i) => (
        <article key={e.id} className="alert-event" aria-label={`Event ${e.seq}`}>
          {/* The first event open, the rest a click (or Enter) away: an alert can hold hundreds. */}
          <details open={i === 0}>
            <summary>
              <RelativeTime value={e.timestamp} /> · {e.host ?? <span className="muted">unknown host</span>} ·{' '}
              <code>{e.source}</code> <code className="raw-summary">{e.raw}</code>
            </summary>
            <div className="event-detail">
              <FieldTree value={e.fields} />
              <h3>Raw line{e.rawTruncated ? ' (truncated)' : ''}</h3>
              <pre className="raw">{e.raw}</pre>
            </div>
          </details>
        </article>
      ))}
    </section>
  );
}
