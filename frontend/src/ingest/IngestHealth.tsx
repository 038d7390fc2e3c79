// Ingest health on a tenant's page: the last 24 hours and the last hour by channel, and each
// sending host with its last arrival; silent channels and hosts first, their rows marked.

import { useMemo } from 'react';
import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { IngestHealthQuery } from './documents';
import { RelativeTime } from '../components/RelativeTime';
import { healthWindows, hostHealth, sourceHealth } from './health';

const number = new Intl.NumberFormat('en');

export function IngestHealth({ tenantId }: { tenantId: string }) {
  // Fixed when the page opens, so the query does not change (and refetch) on every render.
  const windows = useMemo(() => healthWindows(new Date()), []);
  const [{ data, error, fetching }] = useQuery({ query: IngestHealthQuery, variables: { tenantId, ...windows } });
  const rows = useMemo(
    () => (data === undefined ? [] : sourceHealth(data.day.sources, data.lastHour.sources)),
    [data],
  );
  const hosts = useMemo(() => (data === undefined ? [] : hostHealth(data.hosts, new Date(windows.to))), [data, windows]);

  return (
    <section className="panel" aria-labelledby="ingest-health-title">
      <h2 id="ingest-health-title">Ingest health</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && data === undefined ? (
        <p role="status">Loading ingest statistics…</p>
      ) : (
        <table>
          <caption>Events by source, last 24 hours (silent sources first)</caption>
          <thead>
            <tr>
              <th scope="col">Source</th>
              <th scope="col">Received</th>
              <th scope="col">Last hour</th>
              <th scope="col">Stored</th>
              <th scope="col">Rejected</th>
              <th scope="col">Dead-lettered</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  Nothing received in the last 24 hours.
                </td>
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.source} className={r.silent ? 'silent-source' : undefined}>
                <td>
                  <code>{r.source}</code>
                </td>
                <td>{number.format(r.received)}</td>
                <td>{number.format(r.lastHour)}</td>
                <td>{number.format(r.stored)}</td>
                <td>{number.format(r.rejected)}</td>
                <td>{number.format(r.deadLettered)}</td>
                <td>
                  {r.received === 0 ? (
                    <span className="muted">idle</span>
                  ) : r.silent ? (
                    <span className="badge badge-suspended" title="Sent earlier today, nothing in the last hour">
                      silent
                    </span>
                  ) : (
                    <span className="badge badge-active">receiving</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data !== undefined && (
        <table>
          <caption>Sending hosts, events dated today and yesterday (silent hosts first)</caption>
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Events</th>
              <th scope="col">Last seen</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {hosts.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No host has sent events.
                </td>
              </tr>
            )}
            {hosts.map((h) => (
              <tr key={h.host} className={h.silent ? 'silent-source' : undefined}>
                <td>
                  <code>{h.host}</code>
                </td>
                <td>{number.format(h.events)}</td>
                <td>
                  <RelativeTime value={h.lastSeenAt} />
                </td>
                <td>
                  {h.silent ? (
                    <span className="badge badge-suspended" title="Nothing from this host for over an hour">
                      silent
                    </span>
                  ) : (
                    <span className="badge badge-active">sending</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
