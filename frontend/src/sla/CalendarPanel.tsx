// The tenant's business calendar (time zone, weekly open hours, holidays): read by everyone
// who may see SLA settings, edited by provider admins.

import { useId, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/Field';
import type { SlaPoliciesQuery, Weekday } from '../gql/graphql';
import { problemsOf, splitByField, type Problem } from '../graphql/problems';
import { TimezoneOptions } from '../tenants/TimezoneOptions';
import { SetBusinessCalendarMutation } from './documents';
import { WEEKDAY_LABELS, WEEKDAYS } from './labels';

type Calendar = SlaPoliciesQuery['businessCalendar'];
type Hours = Record<Weekday, { open: boolean; start: string; end: string }>;

function hoursOf(c: Calendar): Hours {
  const out = {} as Hours;
  for (const d of WEEKDAYS) {
    const h = c.weeklyHours.find((x) => x.weekday === d);
    out[d] = h === undefined ? { open: false, start: '09:00', end: '17:00' } : { open: true, start: h.start, end: h.end };
  }
  return out;
}

function CalendarForm({ tenantId, calendar, onDone }: { tenantId: string; calendar: Calendar; onDone: () => void }) {
  const client = useClient();
  const zones = useId();
  const [timezone, setTimezone] = useState(calendar.timezone);
  const [hours, setHours] = useState(() => hoursOf(calendar));
  const [holidays, setHolidays] = useState(calendar.holidays.join('\n'));
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const { byField, general } = splitByField(problems, ['timezone', 'holidays', 'weeklyHours']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const input = {
      timezone: timezone.trim(),
      weeklyHours: WEEKDAYS.filter((d) => hours[d].open).map((d) => ({ weekday: d, start: hours[d].start, end: hours[d].end })),
      holidays: holidays.split(/[\s,]+/).filter((h) => h !== ''),
    };
    void client.mutation(SetBusinessCalendarMutation, { tenantId, input }).toPromise().then((r) => {
      setBusy(false);
      if (r.error !== undefined) setProblems(problemsOf(r.error));
      else onDone();
    });
  };
  return (
    <form onSubmit={submit} aria-label="Business calendar" noValidate>
      <TextField label="Time zone" list={zones} value={timezone} error={byField.timezone} onChange={(e) => setTimezone(e.target.value)} />
      <TimezoneOptions id={zones} />
      <fieldset>
        <legend>Open hours</legend>
        {WEEKDAYS.map((d) => (
          <div key={d} className="row">
            <label className="choice">
              <input type="checkbox" checked={hours[d].open} onChange={(e) => setHours({ ...hours, [d]: { ...hours[d], open: e.target.checked } })} />
              {WEEKDAY_LABELS[d]}
            </label>
            <input aria-label={`${WEEKDAY_LABELS[d]} opens`} type="time" value={hours[d].start} disabled={!hours[d].open} onChange={(e) => setHours({ ...hours, [d]: { ...hours[d], start: e.target.value } })} />
            <input aria-label={`${WEEKDAY_LABELS[d]} closes`} type="time" value={hours[d].end} disabled={!hours[d].open} onChange={(e) => setHours({ ...hours, [d]: { ...hours[d], end: e.target.value } })} />
          </div>
        ))}
        {byField.weeklyHours !== undefined && <small className="field-error">Open hours: {byField.weeklyHours}</small>}
      </fieldset>
      <div className="field">
        <label htmlFor={`${zones}-holidays`}>Holidays (YYYY-MM-DD, one a line)</label>
        <textarea id={`${zones}-holidays`} rows={4} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        {byField.holidays !== undefined && <small className="field-error">Holidays: {byField.holidays}</small>}
      </div>
      <ErrorBanner problems={general} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save calendar
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function CalendarPanel({ tenantId, calendar, canEdit, onSaved }: { tenantId: string; calendar: Calendar; canEdit: boolean; onSaved: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <section aria-labelledby="calendar-title" className="panel">
      <h2 id="calendar-title">Business calendar</h2>
      {editing ? (
        <CalendarForm
          tenantId={tenantId}
          calendar={calendar}
          onDone={() => {
            setEditing(false);
            onSaved();
          }}
        />
      ) : (
        <>
          <dl className="facts">
            <dt>Time zone</dt>
            <dd>{calendar.timezone}</dd>
            <dt>Open</dt>
            <dd>
              {calendar.weeklyHours.length === 0
                ? 'never'
                : calendar.weeklyHours.map((h) => `${WEEKDAY_LABELS[h.weekday].slice(0, 3)} ${h.start}–${h.end}`).join(', ')}
            </dd>
            <dt>Holidays</dt>
            <dd>{calendar.holidays.length === 0 ? 'none' : calendar.holidays.join(', ')}</dd>
            <dt>Source</dt>
            <dd>{calendar.isDefault ? 'Default (Mon–Fri 09:00–17:00)' : 'Custom'}</dd>
          </dl>
          {canEdit && (
            <button type="button" onClick={() => setEditing(true)}>
              Edit calendar
            </button>
          )}
        </>
      )}
    </section>
  );
}
