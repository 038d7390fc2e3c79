// Which rule packs a tenant runs. Provider admins switch each on or off; analysts read.

import { useEffect, useState } from 'react';
import { useClient, useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf, type Problem } from '../graphql/problems';
import { DisableRulePackMutation, EnableRulePackMutation, TenantPacksQuery } from './documents';

interface Props {
  tenantId: string;
  tenantName: string;
  canTune: boolean;
  /** The packs the tenant runs, once known. */
  onLoaded: (enabledPackIds: ReadonlySet<string>) => void;
  /** After a pack was switched: the rules' effective state changed. */
  onChanged: (enabledPackIds: ReadonlySet<string>) => void;
}

export function TenantPacksPanel({ tenantId, tenantName, canTune, onLoaded, onChanged }: Props) {
  const client = useClient();
  const [{ data, error }, refetch] = useQuery({ query: TenantPacksQuery, variables: { tenantId } });
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const enabledIds = (data?.enabledRulePacks ?? []).map((p) => p.id);
  const enabledKey = data === undefined ? null : enabledIds.join(',');
  const enabled = new Set(enabledIds);
  useEffect(() => {
    if (enabledKey !== null) onLoaded(new Set(enabledKey === '' ? [] : enabledKey.split(',')));
  }, [enabledKey, onLoaded]);

  const toggle = async (packId: string, on: boolean) => {
    setBusy(packId);
    setProblems([]);
    const result = on
      ? await client.mutation(EnableRulePackMutation, { tenantId, packId }).toPromise()
      : await client.mutation(DisableRulePackMutation, { tenantId, packId }).toPromise();
    setBusy(null);
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    const next = new Set(enabled);
    if (on) next.add(packId);
    else next.delete(packId);
    onChanged(next);
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <section className="panel" aria-labelledby="tenant-packs-title">
      <h2 id="tenant-packs-title">Rule packs</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      <ErrorBanner problems={problems} />
      {data === undefined ? (
        <p role="status">Loading packs…</p>
      ) : (
        <table>
          <caption className="visually-hidden">Rule packs for {tenantName}</caption>
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">Version</th>
              <th scope="col">Rules</th>
              <th scope="col">Runs for {tenantName}</th>
            </tr>
          </thead>
          <tbody>
            {data.rulePacks.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.version}</td>
                <td>{p.ruleCount}</td>
                <td>
                  {canTune ? (
                    <label className="choice">
                      <input
                        type="checkbox"
                        checked={enabled.has(p.id)}
                        disabled={busy !== null}
                        onChange={(e) => void toggle(p.id, e.target.checked)}
                      />
                      <span className="visually-hidden">Run {p.name} for {tenantName}</span>
                      <span aria-hidden="true">{enabled.has(p.id) ? 'Enabled' : 'Off'}</span>
                    </label>
                  ) : enabled.has(p.id) ? (
                    'Enabled'
                  ) : (
                    <span className="muted">Off</span>
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
