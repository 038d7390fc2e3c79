import { describe, expect, it } from 'vitest';
import {
  alertFilter,
  alertFiltersToParams,
  alertOrder,
  DEFAULT_ALERT_FILTERS,
  matchesFilters,
  parseAlertFilters,
  type AlertQueueFilters,
} from './filters';

describe('alert queue filters in the URL', () => {
  it('keeps the default queue (open alerts, newest first) at the plain URL', () => {
    expect(alertFiltersToParams(DEFAULT_ALERT_FILTERS).toString()).toBe('');
    expect(parseAlertFilters(new URLSearchParams())).toEqual(DEFAULT_ALERT_FILTERS);
  });

  it('round-trips every filter and the order', () => {
    const filters: AlertQueueFilters = {
      tenant: 'tenant-1',
      status: 'acknowledged',
      severity: ['CRITICAL', 'HIGH'],
      unassigned: true,
      rule: 'b1d9f1a2-rule',
      order: 'severity',
    };
    const params = alertFiltersToParams(filters);
    expect(params.toString()).toBe(
      'tenant=tenant-1&status=acknowledged&severity=critical%2Chigh&unassigned=1&rule=b1d9f1a2-rule&order=severity',
    );
    expect(parseAlertFilters(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it('orders severities most severe first whatever the link says, and ignores nonsense', () => {
    const parsed = parseAlertFilters(new URLSearchParams('severity=low,CRITICAL,bogus&status=snoozed&order=oldest&unassigned=no'));
    expect(parsed).toEqual({ ...DEFAULT_ALERT_FILTERS, severity: ['CRITICAL', 'LOW'] });
  });
});

describe('the API arguments', () => {
  it('sends only what is set, with "open" as new and acknowledged', () => {
    expect(alertFilter(DEFAULT_ALERT_FILTERS)).toEqual({ status: ['NEW', 'ACKNOWLEDGED'] });
    expect(alertFilter({ ...DEFAULT_ALERT_FILTERS, status: 'all' })).toEqual({});
    expect(
      alertFilter({ ...DEFAULT_ALERT_FILTERS, tenant: 't1', severity: ['HIGH'], rule: 'r1', unassigned: true, status: 'closed' }),
    ).toEqual({ tenantIds: ['t1'], status: ['CLOSED'], severity: ['HIGH'], ruleId: 'r1', unassigned: true });
    expect(alertOrder(DEFAULT_ALERT_FILTERS)).toBe('NEWEST');
    expect(alertOrder({ ...DEFAULT_ALERT_FILTERS, order: 'severity' })).toBe('SEVERITY');
  });

  it('tests one alert the way the server does', () => {
    const alert = { tenant: { id: 't1' }, status: 'NEW' as const, severity: 'HIGH' as const, ruleId: 'r1', assigneeId: null };
    expect(matchesFilters(alert, DEFAULT_ALERT_FILTERS)).toBe(true);
    expect(matchesFilters({ ...alert, status: 'CLOSED' }, DEFAULT_ALERT_FILTERS)).toBe(false);
    expect(matchesFilters(alert, { ...DEFAULT_ALERT_FILTERS, tenant: 't2' })).toBe(false);
    expect(matchesFilters(alert, { ...DEFAULT_ALERT_FILTERS, severity: ['CRITICAL'] })).toBe(false);
    expect(matchesFilters({ ...alert, assigneeId: 'u1' }, { ...DEFAULT_ALERT_FILTERS, unassigned: true })).toBe(false);
  });
});
