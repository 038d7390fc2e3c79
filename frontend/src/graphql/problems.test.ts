import { CombinedError } from 'urql';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldKey, problemsOf, splitByField } from './problems';

const gqlError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('problemsOf', () => {
  it('names the field of bad input and drops the prefix from the message', () => {
    const problems = problemsOf(
      gqlError("input.slug: must be 2-63 characters of a-z, 0-9 and '-'", { code: 'INVALID_INPUT', field: 'input.slug' }),
    );
    expect(problems).toEqual([
      { code: 'INVALID_INPUT', field: 'slug', message: "must be 2-63 characters of a-z, 0-9 and '-'" },
    ]);
  });

  it('recovers the field of a conflict that names it only in its message', () => {
    expect(problemsOf(gqlError('input.slug: `acme` is already taken', { code: 'CONFLICT' }))).toEqual([
      { code: 'CONFLICT', field: 'slug', message: '`acme` is already taken' },
    ]);
  });

  it('leaves messages without a field prefix whole', () => {
    expect(problemsOf(gqlError('not allowed: only provider admins', { code: 'FORBIDDEN' }))).toEqual([
      { code: 'FORBIDDEN', field: null, message: 'not allowed: only provider admins' },
    ]);
  });

  it('treats unknown codes as internal and network failures as their own kind', () => {
    expect(problemsOf(gqlError('boom', { code: 'SOMETHING_NEW' }))[0]?.code).toBe('INTERNAL');
    const network = new CombinedError({ networkError: new TypeError('Failed to fetch') });
    expect(problemsOf(network)[0]?.code).toBe('NETWORK');
  });
});

describe('fieldKey', () => {
  it('keeps the last path segment', () => {
    expect(fieldKey('input.tenantId')).toBe('tenantId');
    expect(fieldKey('tenantIds')).toBe('tenantIds');
  });
});

describe('splitByField', () => {
  it('puts problems beside the form fields they name and keeps the rest general', () => {
    const { byField, general } = splitByField(
      [
        { code: 'INVALID_INPUT', field: 'email', message: 'is not an email address' },
        { code: 'INVALID_INPUT', field: 'first', message: 'must not be negative' },
        { code: 'INTERNAL', field: null, message: 'internal error' },
      ],
      ['email', 'password'],
    );
    expect(byField).toEqual({ email: 'is not an email address' });
    expect(general.map((p) => p.message)).toEqual(['must not be negative', 'internal error']);
  });
});
