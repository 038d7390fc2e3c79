// Writing a comment: staff choose internal (the provider's staff only) or shared with the
// customer, internal by default; customers only share.

import { useId, useState, type FormEvent } from 'react';
import type { Visibility } from '../gql/graphql';

interface Props {
  staff: boolean;
  busy: boolean;
  onSubmit: (body: string, visibility: Visibility) => Promise<boolean>;
}

export function CommentComposer({ staff, busy, onSubmit }: Props) {
  const id = useId();
  const [body, setBody] = useState('');
  const [visibility, setVisibility] = useState<Visibility>(staff ? 'INTERNAL' : 'SHARED');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim() === '') return;
    void onSubmit(body.trim(), visibility).then((ok) => {
      if (ok) setBody('');
    });
  };
  const internal = visibility === 'INTERNAL';
  return (
    <form className={`composer ${internal ? 'internal' : 'shared'}`} onSubmit={submit} aria-label="Add a comment">
      {staff && (
        <fieldset className="checklist">
          <legend>Visibility</legend>
          <label>
            <input type="radio" name={`${id}-vis`} checked={internal} onChange={() => setVisibility('INTERNAL')} />
            Internal (staff only)
          </label>
          <label>
            <input type="radio" name={`${id}-vis`} checked={!internal} onChange={() => setVisibility('SHARED')} />
            Shared with the customer
          </label>
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-body`}>{internal ? 'Internal comment' : 'Comment'}</label>
        <textarea id={`${id}-body`} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      <button type="submit" disabled={busy || body.trim() === ''}>
        {internal ? 'Add internal comment' : 'Add shared comment'}
      </button>
    </form>
  );
}
