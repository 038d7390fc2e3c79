import { describe, expect, it } from 'vitest';
import type { CaseStatus } from '../gql/graphql';
import { canTakeMerges, mergeCandidates, mergeProblemLines, type MergeCase } from './merge';

const mk = (id: string, number: number, tenantId = 'acme', status: CaseStatus = 'NEW', mergedInto: string | null = null): MergeCase => ({
  id,
  number,
  title: `Case ${number}`,
  status,
  tenantId,
  mergedInto,
});

describe('mergeCandidates', () => {
  const target = { id: 'c3', tenantId: 'acme' };

  it('offers the other open cases of the same tenant, by number', () => {
    const cases = [mk('c4', 4), mk('c2', 2, 'acme', 'WAITING_ON_CUSTOMER'), mk('c5', 5, 'acme', 'INVESTIGATING')];
    expect(mergeCandidates(target, cases).map((c) => c.id)).toEqual(['c2', 'c4', 'c5']);
  });

  it('never offers the case itself', () => {
    expect(mergeCandidates(target, [mk('c3', 3), mk('c4', 4)]).map((c) => c.id)).toEqual(['c4']);
  });

  it('never offers another tenant\'s cases, even with the same number', () => {
    expect(mergeCandidates(target, [mk('g4', 4, 'globex'), mk('c4', 4)]).map((c) => c.id)).toEqual(['c4']);
  });

  it('leaves out resolved, closed and already merged cases', () => {
    const cases = [mk('c1', 1, 'acme', 'CLOSED'), mk('c6', 6, 'acme', 'RESOLVED'), mk('c7', 7, 'acme', 'NEW', 'c9'), mk('c8', 8)];
    expect(mergeCandidates(target, cases).map((c) => c.id)).toEqual(['c8']);
  });

  it('offers nothing when the tenant has no other open case', () => {
    expect(mergeCandidates(target, [mk('c3', 3)])).toEqual([]);
  });
});

describe('canTakeMerges', () => {
  it('is true for a case that is neither merged nor closed', () => {
    expect(canTakeMerges({ status: 'INVESTIGATING', mergedInto: null })).toBe(true);
    expect(canTakeMerges({ status: 'RESOLVED' })).toBe(true);
  });
  it('is false for a closed case and for one merged into another', () => {
    expect(canTakeMerges({ status: 'CLOSED', mergedInto: null })).toBe(false);
    expect(canTakeMerges({ status: 'NEW', mergedInto: 'c9' })).toBe(false);
  });
});

describe('mergeProblemLines', () => {
  const sources = [mk('c2', 2), mk('c4', 4)];
  it('names the selected case a sourceIds[i] problem is about', () => {
    const lines = mergeProblemLines(
      [
        { code: 'INVALID_INPUT', field: 'sourceIds[1]', message: 'was already merged into another case' },
        { code: 'INVALID_INPUT', field: 'sourceIds[0]', message: 'belongs to another customer than the target case' },
      ],
      sources,
    );
    expect(lines).toEqual(['#4 Case 4: was already merged into another case', '#2 Case 2: belongs to another customer than the target case']);
  });
  it('names this case for targetId, and passes other problems through', () => {
    expect(
      mergeProblemLines(
        [
          { code: 'FORBIDDEN', field: 'targetId', message: 'not allowed' },
          { code: 'INVALID_INPUT', field: 'sourceIds[7]', message: 'is the target case itself' },
          { code: 'NETWORK', field: null, message: 'The server could not be reached. Try again.' },
        ],
        sources,
      ),
    ).toEqual(['This case: not allowed', 'is the target case itself', 'The server could not be reached. Try again.']);
  });
});
