import { describe, expect, it } from 'vitest';
import { attribution } from './attribution';

describe('attribution', () => {
  it('uses the name the API gives', () => {
    expect(attribution('u1', 'Ada Analyst')).toEqual({ text: 'Ada Analyst', named: true });
    expect(attribution(null, ' Ada Analyst ')).toEqual({ text: 'Ada Analyst', named: true });
  });

  it('says System when nobody acted', () => {
    expect(attribution(null, null)).toEqual({ text: 'System', named: false });
    expect(attribution(undefined, undefined)).toEqual({ text: 'System', named: false });
    expect(attribution(null, '', true)).toEqual({ text: 'the system', named: false });
  });

  it('says a removed user when the id is there but the name is not', () => {
    expect(attribution('u1', null)).toEqual({ text: 'A removed user', named: false });
    expect(attribution('u1', '  ', true)).toEqual({ text: 'a removed user', named: false });
  });
});
