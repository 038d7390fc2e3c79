// Picks a report month: a month input with previous/next buttons. Months after this one have
// nothing to report, so "Next" stops there.

import { useId } from 'react';
import { isAfter, parseMonth, shiftMonth, thisMonth } from './month';

export function MonthPicker({ month, onChange }: { month: string; onChange: (month: string) => void }) {
  const id = useId();
  const latest = thisMonth();
  return (
    <div className="row month-picker no-print">
      <div className="field">
        <label htmlFor={id}>Month</label>
        <input
          id={id}
          type="month"
          value={month}
          max={latest}
          onChange={(e) => {
            const next = parseMonth(e.target.value);
            if (next !== null) onChange(next);
          }}
        />
      </div>
      <button type="button" className="align-field" onClick={() => onChange(shiftMonth(month, -1))}>
        Previous month
      </button>
      <button type="button" className="align-field" disabled={!isAfter(latest, month)} onClick={() => onChange(shiftMonth(month, 1))}>
        Next month
      </button>
    </div>
  );
}
