// The edit-case form's draft turned into `updateCase`'s input: only the fields that changed are
// sent (absent ones stay as they are on the server), tags are typed as comma-separated text, and
// the title is required. The server checks the same rules; this catches them before a round trip.

import type { Pap, Severity, Tlp, UpdateCaseInput } from '../gql/graphql';
import type { Problem } from '../graphql/problems';

/** What the form holds: the case's values as typed, tags as one line of text. */
export interface CaseDraft {
  title: string;
  description: string;
  severity: Severity;
  tags: string;
  tlp: Tlp;
  pap: Pap;
}

/** The case as loaded, which the draft starts from and is compared with. */
export interface EditableCase {
  title: string;
  description: string;
  severity: Severity;
  tags: readonly string[];
  tlp: Tlp;
  pap: Pap;
}

export type CaseEditField = keyof CaseDraft;
export type CaseEditErrors = Partial<Record<CaseEditField, string>>;

export const CASE_EDIT_FIELDS: readonly CaseEditField[] = ['title', 'description', 'severity', 'tags', 'tlp', 'pap'];
export const TLPS: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER_STRICT', 'RED'];
export const PAPS: readonly Pap[] = ['CLEAR', 'GREEN', 'AMBER', 'RED'];
export const TLP_LABELS: Record<Tlp, string> = {
  CLEAR: 'TLP:CLEAR',
  GREEN: 'TLP:GREEN',
  AMBER: 'TLP:AMBER',
  AMBER_STRICT: 'TLP:AMBER+STRICT',
  RED: 'TLP:RED',
};

const MAX_TITLE_BYTES = 300;
const MAX_TAGS = 50;
const MAX_TAG_CHARS = 64;

export function caseDraftOf(c: EditableCase): CaseDraft {
  return { title: c.title, description: c.description, severity: c.severity, tags: c.tags.join(', '), tlp: c.tlp, pap: c.pap };
}

/** `"Phishing, finance ,, phishing"` → `["phishing", "finance"]`: trimmed, lower case (as stored), no blanks or repeats. */
export function parseTags(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim().toLowerCase();
    if (tag !== '' && !out.includes(tag)) out.push(tag);
  }
  return out;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

export type CasePatchResult = { patch: UpdateCaseInput } | { errors: CaseEditErrors } | { unchanged: true };

export function casePatch(original: EditableCase, draft: CaseDraft): CasePatchResult {
  const errors: CaseEditErrors = {};
  const title = draft.title.trim();
  if (title === '') errors.title = 'is required';
  else if (new TextEncoder().encode(title).length > MAX_TITLE_BYTES) errors.title = `must be at most ${MAX_TITLE_BYTES} bytes`;
  const tags = parseTags(draft.tags);
  if (tags.length > MAX_TAGS) errors.tags = `at most ${MAX_TAGS} tags`;
  else {
    const long = tags.find((t) => [...t].length > MAX_TAG_CHARS);
    if (long !== undefined) errors.tags = `“${long.slice(0, 20)}…” is longer than ${MAX_TAG_CHARS} characters`;
  }
  if (Object.keys(errors).length > 0) return { errors };

  const patch: UpdateCaseInput = {};
  if (title !== original.title) patch.title = title;
  const description = draft.description.trim();
  if (description !== original.description.trim()) patch.description = description;
  if (draft.severity !== original.severity) patch.severity = draft.severity;
  if (!sameList(tags, original.tags)) patch.tags = tags;
  if (draft.tlp !== original.tlp) patch.tlp = draft.tlp;
  if (draft.pap !== original.pap) patch.pap = draft.pap;
  return Object.keys(patch).length === 0 ? { unchanged: true } : { patch };
}

/** The form field an API problem is about: `input.tags[2]` arrives as `tags[2]` and belongs to Tags. */
export function editFieldOf(problem: Problem): CaseEditField | null {
  const field = problem.field?.replace(/\[\d+\]$/, '') ?? null;
  return field !== null && (CASE_EDIT_FIELDS as readonly string[]).includes(field) ? (field as CaseEditField) : null;
}
