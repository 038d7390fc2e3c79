import { describe, expect, it } from 'vitest';
import { caseDraftOf, casePatch, editFieldOf, parseTags, type EditableCase } from './caseEdit';

const CASE: EditableCase = {
  title: 'Whoami on web-01',
  description: 'Seen at 09:00.',
  severity: 'MEDIUM',
  tags: ['recon', 'windows'],
  tlp: 'AMBER',
  pap: 'GREEN',
};

describe('parseTags', () => {
  it('splits on commas, trims, lower-cases and drops blanks and repeats', () => {
    expect(parseTags(' Phishing, finance ,, phishing ,')).toEqual(['phishing', 'finance']);
    expect(parseTags('')).toEqual([]);
    expect(parseTags('  ,  ')).toEqual([]);
  });
});

describe('casePatch', () => {
  it('sends nothing when nothing changed, even after reformatting the tags', () => {
    expect(casePatch(CASE, caseDraftOf(CASE))).toEqual({ unchanged: true });
    expect(casePatch(CASE, { ...caseDraftOf(CASE), tags: 'Recon,windows ', title: ' Whoami on web-01 ' })).toEqual({ unchanged: true });
  });

  it('sends only the changed fields', () => {
    const draft = { ...caseDraftOf(CASE), title: 'Whoami on web-01 (confirmed)', severity: 'HIGH' as const };
    expect(casePatch(CASE, draft)).toEqual({ patch: { title: 'Whoami on web-01 (confirmed)', severity: 'HIGH' } });
  });

  it('sends the tags as a list, and an empty list to clear them', () => {
    expect(casePatch(CASE, { ...caseDraftOf(CASE), tags: 'recon, windows, finance' })).toEqual({
      patch: { tags: ['recon', 'windows', 'finance'] },
    });
    expect(casePatch(CASE, { ...caseDraftOf(CASE), tags: '' })).toEqual({ patch: { tags: [] } });
  });

  it('sends the description trimmed, TLP and PAP when changed', () => {
    const draft = { ...caseDraftOf(CASE), description: '  New text \n', tlp: 'RED' as const, pap: 'RED' as const };
    expect(casePatch(CASE, draft)).toEqual({ patch: { description: 'New text', tlp: 'RED', pap: 'RED' } });
  });

  it('requires a title and checks tag lengths', () => {
    expect(casePatch(CASE, { ...caseDraftOf(CASE), title: '   ' })).toEqual({ errors: { title: 'is required' } });
    const result = casePatch(CASE, { ...caseDraftOf(CASE), tags: `ok, ${'x'.repeat(65)}` });
    expect('errors' in result && result.errors.tags).toMatch(/longer than 64 characters/);
    const many = Array.from({ length: 51 }, (_, i) => `t${i}`).join(',');
    expect(casePatch(CASE, { ...caseDraftOf(CASE), tags: many })).toEqual({ errors: { tags: 'at most 50 tags' } });
  });
});

describe('editFieldOf', () => {
  it('maps the API\'s field names onto the form, a tag\'s index onto Tags', () => {
    expect(editFieldOf({ code: 'INVALID_INPUT', field: 'title', message: 'must not be empty' })).toBe('title');
    expect(editFieldOf({ code: 'INVALID_INPUT', field: 'tags[2]', message: 'must be 1 to 64 characters' })).toBe('tags');
    expect(editFieldOf({ code: 'INVALID_INPUT', field: 'id', message: 'merged' })).toBeNull();
    expect(editFieldOf({ code: 'FORBIDDEN', field: null, message: 'no' })).toBeNull();
  });
});
