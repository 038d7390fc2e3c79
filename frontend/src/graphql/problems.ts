// GraphQL errors as the console shows them: the stable `extensions.code`, and for bad input the
// field the server named (e.g. `input.slug`) so the message can sit next to that field.

import type { CombinedError } from 'urql';

export type ProblemCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INVALID_INPUT'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'INTERNAL'
  | 'NETWORK';

export interface Problem {
  code: ProblemCode;
  /** The form field the server blamed, without its argument prefix (`input.slug` → `slug`). */
  field: string | null;
  /** The server's message with the `field: ` prefix removed when a field is named. */
  message: string;
}

const KNOWN: ReadonlySet<string> = new Set<ProblemCode>([
  'NOT_FOUND',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'INVALID_INPUT',
  'CONFLICT',
  'UNAVAILABLE',
  'INTERNAL',
]);

function codeOf(raw: unknown): ProblemCode {
  return typeof raw === 'string' && KNOWN.has(raw) ? (raw as ProblemCode) : 'INTERNAL';
}

/** `input.tenantIds` → `tenantIds`: forms name fields after the input's own keys. */
export function fieldKey(raw: string): string {
  const parts = raw.split('.');
  return parts[parts.length - 1] ?? raw;
}

function stripFieldPrefix(message: string, rawField: string): string {
  const prefix = `${rawField}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

/**
 * Some errors (a CONFLICT such as a taken slug) name their field only in the message, as
 * `input.slug: ...`; the prefix is recovered so they can sit beside the field too.
 */
const FIELD_PREFIX = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*): /;

function fieldOf(extensionField: unknown, message: string): string | null {
  if (typeof extensionField === 'string') return extensionField;
  return FIELD_PREFIX.exec(message)?.[1] ?? null;
}

export function problemsOf(error: CombinedError): Problem[] {
  if (error.networkError !== undefined) {
    return [{ code: 'NETWORK', field: null, message: 'The server could not be reached. Try again.' }];
  }
  return error.graphQLErrors.map((e) => {
    const rawField = fieldOf(e.extensions.field, e.message);
    return {
      code: codeOf(e.extensions.code),
      field: rawField === null ? null : fieldKey(rawField),
      message: rawField === null ? e.message : stripFieldPrefix(e.message, rawField),
    };
  });
}

export function isNotFound(error: CombinedError | undefined): boolean {
  return error !== undefined && problemsOf(error).some((p) => p.code === 'NOT_FOUND');
}

/** Problems split into those a form can show beside one of `fields`, and the rest. */
export function splitByField(
  problems: readonly Problem[],
  fields: readonly string[],
): { byField: Record<string, string>; general: Problem[] } {
  const byField: Record<string, string> = {};
  const general: Problem[] = [];
  for (const p of problems) {
    if (p.field !== null && fields.includes(p.field) && byField[p.field] === undefined) {
      byField[p.field] = p.message;
    } else {
      general.push(p);
    }
  }
  return { byField, general };
}
