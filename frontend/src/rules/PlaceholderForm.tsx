// Setting a placeholder's values for a tenant: a name (as in `%name%`) and one value per
// line; no values removes the placeholder.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { SetPlaceholderMutation } from './documents';

interface Props {
  tenantId: string;
  initial: { name: string; values: readonly string[] };
  onSaved: () => void;
}

export function PlaceholderForm({ tenantId, initial, onSaved }: Props) {
  const valuesId = useId();
  const [name, setName] = useState(initial.name);
  const [values, setValues] = useState(initial.values.join('\n'));
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, save] = useMutation(SetPlaceholderMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const list = values
      .split('\n')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    const result = await save({ tenantId, name: name.trim(), values: list });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setName('');
    setValues('');
    onSaved();
  };

  const { byField, general } = splitByField(problems, ['name', 'values']);
  return (
    <form aria-label="Set a placeholder" onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="row">
        <TextField label="Placeholder name" value={name} error={byField.name} hint="As in %name% in a rule." onChange={(e) => setName(e.target.value)} />
        <div className="field">
          <label htmlFor={valuesId}>Values</label>
          <textarea
            id={valuesId}
            className="code"
            rows={3}
            value={values}
            aria-invalid={byField.values === undefined ? undefined : true}
            aria-describedby={`${valuesId}-hint${byField.values === undefined ? '' : ` ${valuesId}-error`}`}
            onChange={(e) => setValues(e.target.value)}
          />
          <small id={`${valuesId}-hint`} className="hint">
            One per line; none removes the placeholder.
          </small>
          {byField.values !== undefined && (
            <small id={`${valuesId}-error`} className="field-error">
              Values: {byField.values}
            </small>
          )}
        </div>
      </div>
      <ErrorBanner problems={general} />
      <button type="submit" disabled={fetching}>
        {fetching ? 'Saving…' : 'Save placeholder'}
      </button>
    </form>
  );
}
