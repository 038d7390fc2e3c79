// The provider's tasks on a case: add one, mark one done.

import { useState, type FormEvent } from 'react';
import { TextField } from '../components/Field';
import type { CaseQuery } from '../gql/graphql';
import { AddTaskMutation, UpdateTaskMutation } from './documents';
import { TASK_STATUS_LABELS } from './labels';
import type { CaseMutation } from './useCaseMutation';

type Task = NonNullable<CaseQuery['case']>['tasks'][number];

export function TasksPanel({ caseId, tasks, mutation }: { caseId: string; tasks: readonly Task[]; mutation: CaseMutation }) {
  const [title, setTitle] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() === '') return;
    void mutation.run(AddTaskMutation, { caseId, title: title.trim() }).then((ok) => ok && setTitle(''));
  };
  return (
    <section aria-labelledby="tasks-title" className="panel">
      <h2 id="tasks-title">Tasks</h2>
      {tasks.length === 0 && <p className="muted">No tasks.</p>}
      <ul className="tasks">
        {tasks.map((t) => (
          <li key={t.id}>
            <span className={t.status === 'DONE' ? 'done' : undefined}>{t.title}</span>{' '}
            <span className="muted">({TASK_STATUS_LABELS[t.status]})</span>{' '}
            {t.status !== 'DONE' && t.status !== 'CANCELLED' && (
              <button
                type="button"
                disabled={mutation.busy}
                aria-label={`Mark "${t.title}" done`}
                onClick={() => void mutation.run(UpdateTaskMutation, { id: t.id, input: { status: 'DONE' } })}
              >
                Mark done
              </button>
            )}
          </li>
        ))}
      </ul>
      <form onSubmit={add} className="row" aria-label="Add a task">
        <TextField label="New task" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" disabled={mutation.busy || title.trim() === ''}>
          Add task
        </button>
      </form>
    </section>
  );
}
