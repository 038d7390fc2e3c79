import { describe, expect, it } from 'vitest';
import { EMPTY_ENDPOINT, endpointInput, targetProblem } from './endpointInput';

describe('a notification endpoint\'s target', () => {
  it('takes http(s) URLs for webhooks, Slack and Teams', () => {
    expect(targetProblem('WEBHOOK', 'https://hooks.example.com/garrison')).toBeNull();
    expect(targetProblem('SLACK', ' https://hooks.slack.com/services/T/B/X ')).toBeNull();
    expect(targetProblem('TEAMS', 'http://teams.example.com/x?y=1')).toBeNull();
  });

  it('says what is wrong with a URL', () => {
    expect(targetProblem('WEBHOOK', '')).toBe('a URL is required');
    expect(targetProblem('WEBHOOK', 'hooks.example.com')).toMatch(/must be a URL/);
    expect(targetProblem('WEBHOOK', 'ftp://example.com/x')).toBe('must be an http or https URL');
    expect(targetProblem('WEBHOOK', 'https://user:pw@example.com/x')).toBe('must not carry a user name or password');
    expect(targetProblem('WEBHOOK', 'https://example.com/x#frag')).toBe('must not have a #fragment');
  });

  it('takes an email address for email', () => {
    expect(targetProblem('EMAIL', 'soc@acme.example')).toBeNull();
    expect(targetProblem('EMAIL', 'https://acme.example')).toBe('must be an email address');
    expect(targetProblem('EMAIL', '')).toBe('an email address is required');
  });
});

describe('endpointInput', () => {
  it('builds the input for a tenant, events in the API\'s order', () => {
    const result = endpointInput(
      { ...EMPTY_ENDPOINT, name: ' SOC hook ', target: ' https://hooks.example.com/x ', events: ['SLA_BREACHED', 'ALERT_RAISED'], minSeverity: 'MEDIUM' },
      't1',
    );
    expect(result).toEqual({
      input: { tenantId: 't1', name: 'SOC hook', kind: 'WEBHOOK', target: 'https://hooks.example.com/x', events: ['ALERT_RAISED', 'SLA_BREACHED'], minSeverity: 'MEDIUM' },
    });
  });

  it('sends no severity when alerts are not among the events, and no tenant for provider-wide', () => {
    const result = endpointInput({ ...EMPTY_ENDPOINT, name: 'ops', kind: 'EMAIL', target: 'ops@mssp.example', events: ['CASE_CREATED'] }, null);
    expect(result).toEqual({
      input: { tenantId: null, name: 'ops', kind: 'EMAIL', target: 'ops@mssp.example', events: ['CASE_CREATED'], minSeverity: null },
    });
  });

  it('names each missing piece', () => {
    expect(endpointInput({ ...EMPTY_ENDPOINT, events: [] }, null)).toEqual({
      errors: { name: 'is required', target: 'a URL is required', events: 'choose at least one event' },
    });
  });
});
