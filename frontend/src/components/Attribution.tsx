// A person's name where something says who wrote or did it; the fallbacks ("System", "A removed
// user") are muted so they do not read as someone's name.

import { attribution } from '../lib/attribution';

interface Props {
  id: string | null | undefined;
  name: string | null | undefined;
  inline?: boolean;
  /** Bold, for the author line of a comment. */
  strong?: boolean;
}

export function Attribution({ id, name, inline = false, strong = false }: Props) {
  const a = attribution(id, name, inline);
  if (!a.named) return <span className="muted">{a.text}</span>;
  return strong ? <strong>{a.text}</strong> : <span>{a.text}</span>;
}
