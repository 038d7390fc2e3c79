// Adding an exception to one rule for one tenant: a Sigma detection snippet in YAML. The
// server parses it; its complaint shows beside the box.

import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { AddRuleExceptionMutation } from './documents';

interface Props {
  tenantId: string;
  ruleId: string;
  ruleTitle: string;
  onAdded: () => void;
}

const EXAMPLE = "selection:\n  User: 'CORP\\svc-backup'";

export function AddExceptionForm({ tenantId, ruleId, ruleTitle, onAdded }: Props) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [{ fetching }, add] = useMutation(AddRuleExceptionMutation);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (filter.trim() === '') {
      setProblems([{ code: 'INVALID_INPUT', field: 'filter', message: 'write the events to leave out' }]);
      return;
    }
    const result = await add({ tenantId, ruleId, filter });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    setProblems([]);
    setFilter('');
    onAdded();
  };

  const { byField, general } = splitByField(problems, ['filter']);
  const error = byField.filter;
  return (
    <form className="add-exception" aria-label={`Add an exception to ${ruleTitle}`} onSubmit={(e) => void onSubmit(e)} noValidate>
      <div className="field">
        <label htmlFor={id}>Exception filter</label>
        <textarea
          id={id}
          className="code"
          rows={4}
          spellCheck={false}
          placeholder={EXAMPLE}
          value={filter}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={`${id}-hint${error === undefined ? '' : ` ${id}-error`}`}
          onChange={(e) => setFilter(e.target.value)}
        />
        <small id={`${id}-hint`} className="hint">
          A Sigma detection snippet (YAML): events it matches no longer raise this rule for this tenant.
        </small>
        {error !== undefined && (
          <small id={`${id}-error`} className="field-error">
            Exception filter: {error}
          </small>
        )}
      </div>
      <ErrorBanner problems={general} />
      <button type="submit" disabled={fetching}>
        {fetching ? 'Adding…' : 'Add exception'}
      </button>
    </form>
  );
}
