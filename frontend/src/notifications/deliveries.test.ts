import { describe, expect, it } from 'vitest';
import { latency, outcomeLabel, responseCode } from './deliveries';

describe('delivery log wording', () => {
  it('names each outcome the API documents, with its tone', () => {
    expect(outcomeLabel('delivered')).toEqual({ label: 'Delivered', tone: 'ok' });
    expect(outcomeLabel('failed')).toEqual({ label: 'Failed, will retry', tone: 'retry' });
    expect(outcomeLabel('dead').tone).toBe('bad');
    expect(outcomeLabel('gone').tone).toBe('bad');
    expect(outcomeLabel('expired').tone).toBe('bad');
  });

  it('shows an unknown outcome as spelled', () => {
    expect(outcomeLabel('throttled')).toEqual({ label: 'throttled', tone: 'bad' });
  });

  it('shows the response code, or a dash when nobody answered', () => {
    expect(responseCode(204)).toBe('204');
    expect(responseCode(null)).toBe('—');
    expect(responseCode(undefined)).toBe('—');
  });

  it('shows latency in ms below a second', () => {
    expect(latency(87)).toBe('87 ms');
    expect(latency(2400)).toBe('2.4 s');
  });
});
