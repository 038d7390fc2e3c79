// Changing one token's log-source tags in place: the three boxes start from its current tags;
// saving replaces them (a blank box unsets that tag), and the API's complaints sit beside the box.

import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import type { IngestTokenFieldsFragment } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { SetIngestTokenLogSourceMutation } from './documents';
import { LogSourceFields } from './LogSourceFields';
import { LOG_SOURCE_KEYS, logSourceDraftOf, logSourceInput, type LogSourceDraft, type LogSourceErrors } from './logSource';

interface Props {
  token: Pick<IngestTokenFieldsFragment, 'id' | 'name' | 'logSource'>;
  onDone: (saved: boolean) => void;
}

export function TokenLogSourceEditor({ token, onDone }: Props) {
  const [state, save] = useMutation(SetIngestTokenLogSourceMutation);
  const [draft, setDraft] = useState<LogSourceDraft>(() => logSourceDraftOf(token.logSource));
  const [errors, setErrors] = useState<LogSourceErrors>({});
  const [problems, setProblems] = useState<Problem[]>([]);
  const { byField, general } = splitByField(problems, LOG_SOURCE_KEYS);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const tags = logSourceInput(draft);
    if ('errors' in tags) {
      setErrors(tags.errors);
      return;
    }
    setErrors({});
    const result = await save({ id: token.id, logSource: tags.input });
    if (result.error !== undefined) {
      setProblems(problemsOf(result.error));
      return;
    }
    onDone(true);
  };

  return (
    <form className="token-tags-editor" onSubmit={(e) => void onSubmit(e)} noValidate aria-label={`Log-source tags of ${token.name}`}>
      <LogSourceFields
        legend={`Log-source tags of ${token.name}`}
        value={draft}
        errors={{ ...byField, ...errors }}
        onChange={(key, value) => {
          setDraft((d) => ({ ...d, [key]: value }));
          setErrors((e) => ({ ...e, [key]: undefined }));
          setProblems([]);
        }}
      />
      <ErrorBanner problems={general} />
      <div className="actions">
        <button type="submit" disabled={state.fetching}>
          {state.fetching ? 'Saving…' : 'Save tags'}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
