// An alert's `group` (JSON: what its matches were grouped by, e.g. host and user) as
// displayable pairs, host and user first.

const FIRST = ['host', 'user'];

export function groupEntries(group: unknown): Array<[string, string]> {
  if (typeof group !== 'object' || group === null || Array.isArray(group)) return [];
  const entries = Object.entries(group as Record<string, unknown>)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]);
  const rank = (k: string) => {
    const i = FIRST.findIndex((f) => k.toLowerCase().includes(f));
    return i < 0 ? FIRST.length : i;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}
