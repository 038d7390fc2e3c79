// Who owns an alert or case, in words: "You", the owner's name (from the API, else from the
// users the caller may list), or "Unassigned".

interface Props {
  id: string | null;
  viewerId: string;
  names: ReadonlyMap<string, string>;
  /** The owner's name as the API gives it (`Alert.assignee`), when it does. */
  name?: string | null | undefined;
}

export function Assignee({ id, viewerId, names, name }: Props) {
  if (id === null) return <span className="muted">Unassigned</span>;
  if (id === viewerId) return <>You</>;
  return <>{name ?? names.get(id) ?? 'Assigned'}</>;
}
