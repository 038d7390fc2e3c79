// Everything that happened on the case in time order, each with who did it (by name, else
// "System" or "a removed user"); staff record analyst events with their own time (local time in
// the form, sent as an instant).

import { useId, useState, type FormEvent } from 'react';
import { Attribution } from '../components/Attribution';
import { RelativeTime } from '../components/RelativeTime';
import type { CaseQuery, Visibility } from '../gql/graphql';
import { AddTimelineEventMutation } from './documents';
import type { CaseMutation } from './useCaseMutation';
import { VisibilityBadge } from './VisibilityBadge';

type Entry = NonNullable<CaseQuery['case']>['timeline'][number];

function localNow(): string {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
}

function TimelineForm({ caseId, mutation }: { caseId: string; mutation: CaseMutation }) {
  const id = useId();
  const [at, setAt] = useState(localNow);
  const [summary, setSummary] = useState('');
  const [visibility, setVisibility] = useState<Visibility>('INTERNAL');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const when = new Date(at);
    if (summary.trim() === '' || Number.isNaN(when.getTime())) return;
    void mutation
      .run(AddTimelineEventMutation, { caseId, at: when.toISOString(), summary: summary.trim(), visibility })
      .then((ok) => ok && setSummary(''));
  };
  return (
    <form onSubmit={submit} className="row" aria-label="Record an event">
      <div className="field">
        <label htmlFor={`${id}-at`}>When</label>
        <input id={`${id}-at`} type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-summary`}>What happened</label>
        <input id={`${id}-summary`} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-vis`}>Visibility</label>
        <select id={`${id}-vis`} value={visibility} onChange={(e) => setVisibility(e.target.value as Visibility)}>
          <option value="INTERNAL">Internal</option>
          <option value="SHARED">Shared</option>
        </select>
      </div>
      <button type="submit" disabled={mutation.busy || summary.trim() === ''}>
        Record event
      </button>
    </form>
  );
}

export function TimelinePanel({ caseId, entries, staff, mutation }: { caseId: string; entries: readonly Entry[]; staff: boolean; mutation: CaseMutation }) {
  const sorted = [...entries].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">Timeline</h2>
      <ol className="timeline">
        {sorted.map((e) => (
          <li key={e.id} className={e.visibility === 'INTERNAL' ? 'internal' : undefined}>
            <RelativeTime value={e.at} /> · {e.summary} <span className="muted">({e.kind.replace(/_/g, ' ')})</span> · by{' '}
            <Attribution id={e.actorId} name={e.actorName} inline />
            {staff && e.visibility === 'INTERNAL' && (
              <>
                {' '}
                <VisibilityBadge visibility="INTERNAL" />
              </>
            )}
          </li>
        ))}
      </ol>
      {staff && <TimelineForm caseId={caseId} mutation={mutation} />}
    </section>
  );
}
