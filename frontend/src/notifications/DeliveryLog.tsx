// One endpoint's latest delivery attempts (`notificationDeliveries`, newest first): when, which
// event, the attempt number, the outcome, the response code, latency and error. "Refresh"
// fetches again, since deliveries happen in the background.

import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { RelativeTime } from '../components/RelativeTime';
import { problemsOf } from '../graphql/problems';
import { latency, outcomeLabel, responseCode } from './deliveries';
import { NotificationDeliveriesQuery } from './documents';

/** How many attempts the log shows (the API allows up to 100). */
const SHOWN = 25;

export function DeliveryLog({ endpointId, name }: { endpointId: string; name: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({
    query: NotificationDeliveriesQuery,
    variables: { endpointId, first: SHOWN },
    requestPolicy: 'network-only',
  });
  const deliveries = data?.notificationDeliveries;
  return (
    <section className="delivery-log" aria-label={`Deliveries of ${name}`}>
      <div className="actions">
        <strong>Latest deliveries</strong>
        <button type="button" disabled={fetching} onClick={() => refetch({ requestPolicy: 'network-only' })}>
          {fetching ? 'Refreshing…' : 'Refresh'}
          <span className="visually-hidden"> deliveries of {name}</span>
        </button>
      </div>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {deliveries === undefined ? (
        error === undefined && <p role="status">Loading deliveries…</p>
      ) : deliveries.length === 0 ? (
        <p className="muted">No deliveries yet.</p>
      ) : (
        <table aria-label={`Delivery log of ${name}`}>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Event</th>
              <th scope="col">Attempt</th>
              <th scope="col">Status</th>
              <th scope="col">Response code</th>
              <th scope="col">Latency</th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => {
              const outcome = outcomeLabel(d.outcome);
              return (
                <tr key={d.id}>
                  <td>
                    <RelativeTime value={d.attemptedAt} />
                  </td>
                  <td>
                    <code>{d.event}</code>
                  </td>
                  <td>{d.attempt}</td>
                  <td>
                    <span className={`badge delivery-${outcome.tone}`}>{outcome.label}</span>
                  </td>
                  <td>{responseCode(d.statusCode)}</td>
                  <td>{latency(d.latencyMs)}</td>
                  <td className="detail">{d.error ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
