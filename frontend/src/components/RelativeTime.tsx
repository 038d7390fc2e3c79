// A timestamp shown as "5 minutes ago", with the absolute time in the viewer's time zone on
// hover and on keyboard focus (a CSS tooltip from data-absolute; see styles.css).

import { formatAbsolute, formatRelative, parseTimestamp } from '../lib/time';
import { useNow } from '../lib/useNow';

export function RelativeTime({ value }: { value: string | null | undefined }) {
  const now = useNow();
  const when = value === null || value === undefined ? null : parseTimestamp(value);
  if (when === null) return <span className="muted">never</span>;
  const absolute = formatAbsolute(when);
  return (
    <time className="relative-time" dateTime={value ?? undefined} data-absolute={absolute} aria-label={absolute} tabIndex={0}>
      {formatRelative(when, now)}
    </time>
  );
}
