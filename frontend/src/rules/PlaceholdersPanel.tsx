// A tenant's placeholder values (what `%name%` in its rules expands to). Provider admins set,
// edit and remove them; analysts read.

import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf } from '../graphql/problems';
import { PlaceholdersQuery } from './documents';
import { PlaceholderForm } from './PlaceholderForm';

export function PlaceholdersPanel({ tenantId, canTune }: { tenantId: string; canTune: boolean }) {
  const [{ data, error }, refetch] = useQuery({ query: PlaceholdersQuery, variables: { tenantId } });
  const [editing, setEditing] = useState<{ name: string; values: readonly string[] }>({ name: '', values: [] });
  const placeholders = data?.placeholders ?? [];
  return (
    <section className="panel" aria-labelledby="placeholders-title">
      <h2 id="placeholders-title">Placeholders</h2>
      {error !== undefined && <ErrorBanner problems={problemsOf(error)} />}
      {data !== undefined && placeholders.length === 0 && <p className="muted">No placeholders set.</p>}
      {placeholders.length > 0 && (
        <table>
          <caption className="visually-hidden">Placeholder values</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Values</th>
              {canTune && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {placeholders.map((p) => (
              <tr key={p.name}>
                <td>
                  <code>%{p.name}%</code>
                </td>
                <td>
                  <ul className="chips">
                    {p.values.map((v) => (
                      <li key={v} className="chip">
                        <code>{v}</code>
                      </li>
                    ))}
                  </ul>
                </td>
                {canTune && (
                  <td>
                    <button type="button" onClick={() => setEditing({ name: p.name, values: p.values })}>
                      Edit<span className="visually-hidden"> {p.name}</span>
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canTune && (
        <PlaceholderForm
          key={editing.name}
          tenantId={tenantId}
          initial={editing}
          onSaved={() => {
            setEditing({ name: '', values: [] });
            refetch({ requestPolicy: 'network-only' });
          }}
        />
      )}
    </section>
  );
}
