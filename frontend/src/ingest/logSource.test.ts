import { describe, expect, it } from 'vitest';
import { EMPTY_LOG_SOURCE, hasLogSource, logSourceDraftOf, logSourceEntries, logSourceInput } from './logSource';

describe('logSourceInput', () => {
  it('lower-cases and trims, sending blanks as null', () => {
    expect(logSourceInput({ product: ' Windows ', category: 'process_creation', service: '' })).toEqual({
      input: { product: 'windows', category: 'process_creation', service: null },
    });
    expect(logSourceInput(EMPTY_LOG_SOURCE)).toEqual({ input: { product: null, category: null, service: null } });
  });

  it('names the boxes whose text the server would refuse', () => {
    const result = logSourceInput({ product: 'win dows', category: 'ok', service: 'x'.repeat(65) });
    expect('errors' in result && Object.keys(result.errors).sort()).toEqual(['product', 'service']);
  });
});

describe('tags as shown', () => {
  it('lists only the set tags, in product, category, service order', () => {
    const tags = { product: 'windows', category: null, service: 'sysmon' };
    expect(logSourceEntries(tags)).toEqual([
      ['product', 'windows'],
      ['service', 'sysmon'],
    ]);
    expect(hasLogSource(tags)).toBe(true);
    expect(hasLogSource({ product: null, category: null, service: null })).toBe(false);
    expect(logSourceEntries(undefined)).toEqual([]);
  });

  it('starts the form from the token\'s tags', () => {
    expect(logSourceDraftOf({ product: 'linux', category: null, service: undefined })).toEqual({ product: 'linux', category: '', service: '' });
  });
});
