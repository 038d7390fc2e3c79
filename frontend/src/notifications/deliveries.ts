// How a delivery attempt reads in the log: the API's outcome words (`delivered`, `failed`,
// `dead`, `gone`, `expired`) as labels and badge tones, and the answer the target gave.

export type Tone = 'ok' | 'retry' | 'bad';

const OUTCOMES: Record<string, { label: string; tone: Tone }> = {
  delivered: { label: 'Delivered', tone: 'ok' },
  failed: { label: 'Failed, will retry', tone: 'retry' },
  dead: { label: 'Gave up', tone: 'bad' },
  gone: { label: 'Gone (endpoint removed it)', tone: 'bad' },
  expired: { label: 'Expired', tone: 'bad' },
};

/** An outcome the console does not know yet is shown as the API spells it. */
export function outcomeLabel(outcome: string): { label: string; tone: Tone } {
  return OUTCOMES[outcome] ?? { label: outcome, tone: 'bad' };
}

/** The HTTP status or SMTP reply code, or a dash when the target never answered. */
export function responseCode(statusCode: number | null | undefined): string {
  return statusCode === null || statusCode === undefined ? '—' : String(statusCode);
}

/** "120 ms", "2.4 s". */
export function latency(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}
