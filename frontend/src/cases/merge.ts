// Case merging without React: which cases may be merged into a case (open cases of the same
// tenant that are neither the case itself nor already merged), and the API's complaints about a
// source (`sourceIds[2]`) turned into sentences that name the case (`#12 Title: …`).

import type { CaseStatus } from '../gql/graphql';
import type { Problem } from '../graphql/problems';

export interface MergeCase {
  id: string;
  number: number;
  title: string;
  status: CaseStatus;
  tenantId: string;
  mergedInto?: string | null;
}

/** Statuses a case is no longer open in (the API's `openOnly` leaves them out too). */
const DONE: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['RESOLVED', 'CLOSED']);

/** Whether `target` may take other cases at all: not when it was itself merged away or is closed. */
export function canTakeMerges(target: Pick<MergeCase, 'status' | 'mergedInto'>): boolean {
  return (target.mergedInto ?? null) === null && target.status !== 'CLOSED';
}

/**
 * The cases the picker offers for merging into `target`: same tenant, not `target` itself, not
 * merged into anything, not resolved or closed; by case number.
 */
export function mergeCandidates<C extends MergeCase>(target: Pick<MergeCase, 'id' | 'tenantId'>, cases: readonly C[]): C[] {
  return cases
    .filter((c) => c.tenantId === target.tenantId && c.id !== target.id && (c.mergedInto ?? null) === null && !DONE.has(c.status))
    .sort((a, b) => a.number - b.number);
}

export function caseLabel(c: Pick<MergeCase, 'number' | 'title'>): string {
  return `#${c.number} ${c.title}`;
}

const SOURCE_FIELD = /^sourceIds\[(\d+)\]$/;

/**
 * The API's problems with a merge, each as one line: a problem with `sourceIds[i]` names the i-th
 * selected case, one with `targetId` names this case, the rest are shown as they come.
 */
export function mergeProblemLines(problems: readonly Problem[], sources: ReadonlyArray<Pick<MergeCase, 'number' | 'title'>>): string[] {
  return problems.map((p) => {
    const index = p.field === null ? null : SOURCE_FIELD.exec(p.field)?.[1];
    const source = index === undefined || index === null ? undefined : sources[Number(index)];
    if (source !== undefined) return `${caseLabel(source)}: ${p.message}`;
    if (p.field === 'targetId') return `This case: ${p.message}`;
    if (p.field === 'sourceIds') return `Cases to merge: ${p.message}`;
    return p.message;
  });
}
