// A token's log-source tags as short `key: value` chips, or "none (inferred)" when unset.

import { LOG_SOURCE_LABELS, logSourceEntries } from './logSource';

type Tags = { product?: string | null; category?: string | null; service?: string | null };

export function LogSourceTags({ tags }: { tags: Tags | null | undefined }) {
  const entries = logSourceEntries(tags);
  if (entries.length === 0) return <span className="muted">none (inferred)</span>;
  return (
    <ul className="chips">
      {entries.map(([key, value]) => (
        <li key={key} className="chip">
          <span className="muted">{LOG_SOURCE_LABELS[key].toLowerCase()}:</span> <code>{value}</code>
        </li>
      ))}
    </ul>
  );
}
