// The new-endpoint form's draft turned into `CreateNotificationEndpointInput`, or the errors to
// show beside each field: a name, an http(s) URL without credentials or fragment (an email
// address for EMAIL), at least one event. The server checks the same and more (private
// networks, SMTP configured); its errors land in the same places.

import type { CreateNotificationEndpointInput, NotificationEventType, NotificationKind, Severity } from '../gql/graphql';

export const KINDS: readonly NotificationKind[] = ['WEBHOOK', 'SLACK', 'TEAMS', 'EMAIL'];

export const KIND_LABELS: Record<NotificationKind, string> = {
  WEBHOOK: 'Webhook (signed JSON)',
  SLACK: 'Slack',
  TEAMS: 'Microsoft Teams',
  EMAIL: 'Email',
};

export const EVENTS: readonly NotificationEventType[] = ['ALERT_RAISED', 'CASE_CREATED', 'CASE_UPDATED', 'CUSTOMER_COMMENTED', 'SLA_WARNING', 'SLA_BREACHED'];

export const EVENT_LABELS: Record<NotificationEventType, string> = {
  ALERT_RAISED: 'Alert raised',
  CASE_CREATED: 'Case created',
  CASE_UPDATED: 'Case updated',
  CUSTOMER_COMMENTED: 'Customer commented',
  SLA_WARNING: 'SLA warning',
  SLA_BREACHED: 'SLA breached',
  PAYMENT_FAILED: 'Payment failed (provider staff only)',
};

export interface EndpointDraft {
  name: string;
  kind: NotificationKind;
  target: string;
  events: readonly NotificationEventType[];
  minSeverity: Severity;
}

export const EMPTY_ENDPOINT: EndpointDraft = {
  name: '',
  kind: 'WEBHOOK',
  target: '',
  events: ['ALERT_RAISED', 'SLA_BREACHED'],
  minSeverity: 'HIGH',
};

export type EndpointErrors = Partial<Record<'name' | 'target' | 'events', string>>;

/** Why `raw` is not a target for `kind`, or null when it is. */
export function targetProblem(kind: NotificationKind, raw: string): string | null {
  const value = raw.trim();
  if (value === '') return kind === 'EMAIL' ? 'an email address is required' : 'a URL is required';
  if (kind === 'EMAIL') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? null : 'must be an email address';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be a URL such as https://hooks.example.com/garrison';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be an http or https URL';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.hash !== '') return 'must not have a #fragment';
  return null;
}

export function endpointInput(d: EndpointDraft, tenantId: string | null): { input: CreateNotificationEndpointInput } | { errors: EndpointErrors } {
  const errors: EndpointErrors = {};
  const name = d.name.trim();
  if (name === '') errors.name = 'is required';
  else if ([...name].length > 200) errors.name = 'must be at most 200 characters';
  const target = targetProblem(d.kind, d.target);
  if (target !== null) errors.target = target;
  if (d.events.length === 0) errors.events = 'choose at least one event';
  if (Object.keys(errors).length > 0) return { errors };
  return {
    input: {
      tenantId,
      name,
      kind: d.kind,
      target: d.target.trim(),
      events: EVENTS.filter((e) => d.events.includes(e)),
      minSeverity: d.events.includes('ALERT_RAISED') ? d.minSeverity : null,
    },
  };
}
