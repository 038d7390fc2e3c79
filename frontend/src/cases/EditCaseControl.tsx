// "Edit" on a case page: opens the edit dialog over the case's headline fields and sends
// `updateCase` with only what changed. The page shows it to provider staff who work cases;
// customers comment on a case rather than edit it (the API refuses them too).

import { useCallback, useRef, useState } from 'react';
import type { UpdateCaseInput } from '../gql/graphql';
import type { EditableCase } from './caseEdit';
import { UpdateCaseMutation } from './documents';
import { EditCaseDialog } from './EditCaseDialog';
import { useCaseMutation } from './useCaseMutation';

interface Props {
  caseId: string;
  number: number;
  current: EditableCase;
  /** Called once a change is saved, so the page reloads the case and its timeline. */
  onSaved: () => void;
}

export function EditCaseControl({ caseId, number, current, onSaved }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  const saved = useCallback(() => {
    close();
    onSaved();
  }, [close, onSaved]);
  const edit = useCaseMutation(saved);
  // What the API said before this opening is about an earlier attempt: not shown again.
  const stale = useRef(edit.problems);
  const start = () => {
    stale.current = edit.problems;
    setOpen(true);
  };
  const problems = edit.problems === stale.current ? [] : edit.problems;
  const save = (patch: UpdateCaseInput) => void edit.run(UpdateCaseMutation, { id: caseId, input: patch });
  return (
    <>
      <button ref={button} type="button" onClick={start}>
        Edit
      </button>
      {open && <EditCaseDialog number={number} original={current} busy={edit.busy} problems={problems} onSave={save} onCancel={close} />}
    </>
  );
}
