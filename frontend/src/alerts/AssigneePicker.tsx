// A labelled "Assign to" select (Unassigned, then the staff who can work the tenant) with an
// Assign button: for one alert or case (starting at its assignee) or a bulk selection (starting
// at "Choose…"). Native controls, so it works from the keyboard.

import { useId, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import type { Problem } from '../graphql/problems';
import type { AssignableUser } from './assignable';

/** The select's value for "Unassigned" (ids are never empty). */
const NONE = 'none';

interface Props {
  label: string;
  users: readonly AssignableUser[];
  /** The one item's assignee (null: unassigned); undefined for a bulk selection. */
  current?: string | null | undefined;
  viewerId: string;
  /** Appended to the button: "Assign selected". */
  suffix?: string;
  busy: boolean;
  loading: boolean;
  /** Loading the users failed. */
  problems?: readonly Problem[];
  disabled?: boolean;
  onAssign: (userId: string | null) => Promise<boolean>;
}

export function AssigneePicker({ label, users, current, viewerId, suffix = '', busy, loading, problems = [], disabled = false, onAssign }: Props) {
  const id = useId();
  const [picked, setPicked] = useState<string | null>(null);
  const currentValue = current === undefined ? '' : (current ?? NONE);
  const value = picked ?? currentValue;
  // An assignee the list does not hold (no longer assignable) still shows as the current value.
  const unlisted = current !== undefined && current !== null && !users.some((u) => u.id === current);
  const off = disabled || loading;

  return (
    <div className="assignee-picker">
      <label htmlFor={id}>{label}</label>{' '}
      <select id={id} value={value} disabled={off} onChange={(e) => setPicked(e.target.value)}>
        {current === undefined && <option value="">{loading && !disabled ? 'Loading…' : 'Choose…'}</option>}
        <option value={NONE}>Unassigned</option>
        {unlisted && <option value={current}>Current assignee</option>}
        {users.map((u) => (
          <option key={u.id} value={u.id}>
            {u.id === viewerId ? `${u.name} (you)` : u.name}
          </option>
        ))}
      </select>{' '}
      <button
        type="button"
        disabled={off || busy || value === '' || value === currentValue}
        onClick={() =>
          void onAssign(value === NONE ? null : value).then((ok) => {
            if (ok) setPicked(null);
          })
        }
      >
        Assign{suffix}
      </button>
      <ErrorBanner problems={problems} />
    </div>
  );
}
