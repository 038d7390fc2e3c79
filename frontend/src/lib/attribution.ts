// Who wrote or did something, in words: the display name the API gives, else "System" when no
// person acted, else "A removed user" when the person's account no longer exists. Comments,
// case timeline entries, response actions and audit entries all say it the same way.

export interface Attribution {
  text: string;
  /** False for the fallbacks, which the console shows muted. */
  named: boolean;
}

/**
 * `inline` gives the lower-case form for the middle of a sentence ("proposed by a removed
 * user"); otherwise the form that starts a line ("System").
 */
export function attribution(id: string | null | undefined, name: string | null | undefined, inline = false): Attribution {
  const trimmed = name?.trim() ?? '';
  if (trimmed !== '') return { text: trimmed, named: true };
  if (id === null || id === undefined || id === '') return { text: inline ? 'the system' : 'System', named: false };
  return { text: inline ? 'a removed user' : 'A removed user', named: false };
}
