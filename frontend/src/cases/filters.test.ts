import { describe, expect, it } from 'vitest';
import { caseFilterInput, caseFiltersToParams, DEFAULT_CASE_FILTERS, parseCaseFilters, type CaseListFilters } from './filters';

describe('case list filters in the URL', () => {
  it('keeps the default (open cases) at the plain URL', () => {
    expect(caseFiltersToParams(DEFAULT_CASE_FILTERS).toString()).toBe('');
    expect(parseCaseFilters(new URLSearchParams())).toEqual(DEFAULT_CASE_FILTERS);
    expect(caseFilterInput(DEFAULT_CASE_FILTERS)).toEqual({ openOnly: true });
  });

  it('round-trips every filter', () => {
    const filters: CaseListFilters = { status: 'WAITING_ON_CUSTOMER', severity: ['CRITICAL', 'LOW'], tenant: 't-1', search: 'ransom' };
    const params = caseFiltersToParams(filters);
    expect(params.toString()).toBe('status=waiting_on_customer&severity=critical%2Clow&tenant=t-1&q=ransom');
    expect(parseCaseFilters(params)).toEqual(filters);
    expect(caseFilterInput(filters)).toEqual({ status: ['WAITING_ON_CUSTOMER'], severity: ['CRITICAL', 'LOW'], tenantIds: ['t-1'], search: 'ransom' });
  });

  it('reads every status as no status filter and ignores what it does not know', () => {
    const all = parseCaseFilters(new URLSearchParams('status=all&severity=high,bogus'));
    expect(all).toEqual({ ...DEFAULT_CASE_FILTERS, status: 'all', severity: ['HIGH'] });
    expect(caseFilterInput(all)).toEqual({ severity: ['HIGH'] });
    expect(parseCaseFilters(new URLSearchParams('status=nope')).status).toBe('open');
  });
});
