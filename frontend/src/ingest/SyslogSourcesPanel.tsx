// Syslog source bindings: address ranges whose unauthenticated syslog belongs to this tenant.

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import { RelativeTime } from '../components/RelativeTime';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { BindSyslogSourceMutation, SyslogSourcesQuery, UnbindSyslogSourceMutation } from './documents';

export function SyslogSourcesPanel({ tenantId }: { tenantId: string }) {
  const [{ data, error, fetching }, refetch] = useQuery({ query: SyslogSourcesQuery, variables: { tenantId } });
  const [bindState, bind] = useMutation(BindSyslogSourceMutation);
  const [unbindState, unbind] = useMutation(UnbindSyslogSourceMutation);
  const [cidr, setCidr] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const { byField, general } = splitByField(problems, ['cidr']);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await bind({ tenantId, cidr: cidr.trim() });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setCidr('');
    reload();
  };

  const onUnbind = async (id: string) => {
    const result = await unbind({ id });
    setProblems(result.error === undefined ? [] : problemsOf(result.error));
    reload();
  };

  const sources = data?.syslogSources ?? [];
  return (
    <section className="panel" aria-labelledby="syslog-title">
      <h2 id="syslog-title">Syslog sources</h2>
      <p className="hint">Syslog from these addresses belongs to this tenant when the message carries no token.</p>
      <form className="row" onSubmit={(e) => void onSubmit(e)} noValidate>
        <TextField
          label="Address range"
          required
          value={cidr}
          error={byField.cidr}
          hint="CIDR such as 10.1.0.0/16 or 2001:db8::/48, or one address."
          onChange={(e) => setCidr(e.target.value)}
        />
        <button type="submit" className="align-field" disabled={bindState.fetching || cidr.trim() === ''}>
          Bind range
        </button>
      </form>
      <ErrorBanner problems={general} />
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {fetching && data === undefined ? (
        <p role="status">Loading syslog sources…</p>
      ) : (
        <table>
          <caption>Bound address ranges</caption>
          <thead>
            <tr>
              <th scope="col">Range</th>
              <th scope="col">Bound</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sources.length === 0 && (
              <tr>
                <td colSpan={3} className="muted">
                  No ranges bound.
                </td>
              </tr>
            )}
            {sources.map((s) => (
              <tr key={s.id}>
                <td>
                  <code>{s.cidr}</code>
                </td>
                <td>
                  <RelativeTime value={s.createdAt} />
                </td>
                <td>
                  <ConfirmButton
                    label={`Unbind ${s.cidr}`}
                    confirmLabel={`Confirm unbinding ${s.cidr}`}
                    warning="Untokened syslog from it is refused from now on."
                    busy={unbindState.fetching}
                    onConfirm={() => void onUnbind(s.id)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
