// Who owns an alert, in words: "You", a colleague's name, or "Unassigned".

export function Assignee({ id, viewerId, names }: { id: string | null; viewerId: string; names: ReadonlyMap<string, string> }) {
  if (id === null) return <span className="muted">Unassigned</span>;
  if (id === viewerId) return <>You</>;
  return <>{names.get(id) ?? 'Assigned'}</>;
}
