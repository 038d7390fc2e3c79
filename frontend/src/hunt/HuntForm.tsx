// The search form: query, time range (relative or custom), host and source. It edits a draft
// and submits it to the URL, so a search runs when asked, not on every keystroke.

import { useState, type FormEvent } from 'react';
import { SelectField, TextField } from '../components/Field';
import { fromLocalInput, RANGE_LABELS, SOURCES, toLocalInput, type HuntFilters, type RangeKey } from './filters';
import { QueryHelp } from './QueryHelp';

interface Props {
  filters: HuntFilters;
  /** The server's complaint about the query, shown beside it. */
  queryError: string | undefined;
  onSearch: (next: HuntFilters) => void;
}

const RANGES: readonly RangeKey[] = ['1h', '24h', '7d', 'custom'];

export function HuntForm({ filters, queryError, onSearch }: Props) {
  const [draft, setDraft] = useState(filters);
  const set = (patch: Partial<HuntFilters>) => setDraft({ ...draft, ...patch });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft);
  };

  return (
    <form className="panel hunt-form" role="search" aria-label="Search events" onSubmit={onSubmit} noValidate>
      <div className="row">
        <div className="grow">
          <TextField
            label="Query"
            value={draft.query}
            error={queryError}
            placeholder='"failed password" AND user.name:root'
            spellCheck={false}
            onChange={(e) => set({ query: e.target.value })}
          />
          <QueryHelp />
        </div>
      </div>
      <div className="row">
        <SelectField label="Time range" value={draft.range} onChange={(e) => set({ range: e.target.value as RangeKey })}>
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {RANGE_LABELS[r]}
            </option>
          ))}
        </SelectField>
        {draft.range === 'custom' && (
          <>
            <TextField
              label="From"
              type="datetime-local"
              value={toLocalInput(draft.from)}
              onChange={(e) => set({ from: fromLocalInput(e.target.value) })}
            />
            <TextField
              label="To"
              type="datetime-local"
              value={toLocalInput(draft.to)}
              hint="Blank: now."
              onChange={(e) => set({ to: fromLocalInput(e.target.value) })}
            />
          </>
        )}
        <TextField label="Host" value={draft.host} placeholder="any" onChange={(e) => set({ host: e.target.value })} />
        <SelectField label="Source" value={draft.source} onChange={(e) => set({ source: e.target.value })}>
          <option value="">Any source</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="actions">
        <button type="submit">Search</button>
      </div>
    </form>
  );
}
