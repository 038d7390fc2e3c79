// Observables with their sightings in the tenant's events and alerts; staff add more.

import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../components/Field';
import type { CaseQuery, ObservableKind } from '../gql/graphql';
import { splitByField } from '../graphql/problems';
import { AddObservableMutation } from './documents';
import { OBSERVABLE_KINDS } from './labels';
import type { CaseMutation } from './useCaseMutation';

type Observable = NonNullable<CaseQuery['case']>['observables'][number];

export function ObservablesPanel({ caseId, observables, mutation }: { caseId: string; observables: readonly Observable[]; mutation: CaseMutation }) {
  const [kind, setKind] = useState<ObservableKind>('IP');
  const [value, setValue] = useState('');
  const [ioc, setIoc] = useState(false);
  const { byField } = splitByField(mutation.problems, ['value', 'kind']);
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim() === '') return;
    void mutation.run(AddObservableMutation, { caseId, kind, value: value.trim(), ioc }).then((ok) => {
      if (ok) {
        setValue('');
        setIoc(false);
      }
    });
  };
  return (
    <section aria-labelledby="observables-title" className="panel">
      <h2 id="observables-title">Observables</h2>
      {observables.length === 0 ? (
        <p className="muted">No observables.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Value</th>
              <th scope="col">IOC</th>
              <th scope="col">Events seen</th>
              <th scope="col">Alerts seen</th>
            </tr>
          </thead>
          <tbody>
            {observables.map((o) => (
              <tr key={o.id}>
                <td>{o.kind}</td>
                <td>
                  <code>{o.value}</code>
                  {o.note !== null && o.note !== undefined && <span className="muted"> — {o.note}</span>}
                </td>
                <td>{o.ioc ? 'IOC' : '—'}</td>
                <td>{o.sightings.events}</td>
                <td>{o.sightings.alerts}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form onSubmit={add} className="row" aria-label="Add an observable">
        <SelectField label="Kind" value={kind} error={byField.kind} onChange={(e) => setKind(e.target.value as ObservableKind)}>
          {OBSERVABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </SelectField>
        <TextField label="Value" value={value} error={byField.value} onChange={(e) => setValue(e.target.value)} />
        <label className="choice">
          <input type="checkbox" checked={ioc} onChange={(e) => setIoc(e.target.checked)} />
          Indicator of compromise
        </label>
        <button type="submit" disabled={mutation.busy || value.trim() === ''}>
          Add observable
        </button>
      </form>
    </section>
  );
}
