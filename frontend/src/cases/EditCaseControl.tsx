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
  const save = (patch: UpdateCaseInput) => void edit.run(UpdateCaseMutation, { id: caseId, input: patch });
  return (
    <>
      <button ref={button} type="button" onClick={() => setOpen(true)}>
        Edit
      </button>
      {open && <EditCaseDialog number={number} original={current} busy={edit.busy} problems={edit.problems} onSave={save} onCancel={close} />}
    </>
  );
}
