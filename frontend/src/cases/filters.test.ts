import { describe, expect, it } from 'vitest';
import { caseFilterInput, caseFiltersToParams, caseOrder, DEFAULT_CASE_FILTERS, parseCaseFilters, type CaseListFilters } from './filters';

describe('case list filters in the URL', () => {
  it('keeps the default (open cases) at the plain URL', () => {
    expect(caseFiltersToParams(DEFAULT_CASE_FILTERS).toString()).toBe('');
    expect(parseCaseFilters(new URLSearchParams())).toEqual(DEFAULT_CASE_FILTERS);
    expect(caseFilterInput(DEFAULT_CASE_FILTERS)).toEqual({ openOnly: true });
  });

  it('round-trips every filter', () => {
    const filters: CaseListFilters = {
      status: 'WAITING_ON_CUSTOMER',
      severity: ['CRITICAL', 'LOW'],
      tenant: 't-1',
      search: 'ransom',
      mine: true,
      order: 'severity',
    };
    const params = caseFiltersToParams(filters);
    expect(params.toString()).toBe('status=waiting_on_customer&severity=critical%2Clow&tenant=t-1&q=ransom&mine=1&order=severity');
    expect(caseOrder(filters)).toBe('SEVERITY');
    expect(parseCaseFilters(params)).toEqual(filters);
    expect(caseFilterInput(filters, 'u-7')).toEqual({
      status: ['WAITING_ON_CUSTOMER'],
      severity: ['CRITICAL', 'LOW'],
      tenantIds: ['t-1'],
      search: 'ransom',
      assigneeId: 'u-7',
    });
  });

  it('reads every status as no status filter and ignores what it does not know', () => {
    const all = parseCaseFilters(new URLSearchParams('status=all&severity=high,bogus'));
    expect(all).toEqual({ ...DEFAULT_CASE_FILTERS, status: 'all', severity: ['HIGH'] });
    expect(caseFilterInput(all)).toEqual({ severity: ['HIGH'] });
    expect(parseCaseFilters(new URLSearchParams('status=nope')).status).toBe('open');
  });

  it('asks for the viewer\'s own cases only with "mine" and a viewer to ask about', () => {
    const mine = parseCaseFilters(new URLSearchParams('mine=1'));
    expect(mine).toEqual({ ...DEFAULT_CASE_FILTERS, mine: true });
    expect(caseFilterInput(mine, 'u-1')).toEqual({ openOnly: true, assigneeId: 'u-1' });
    expect(caseFilterInput(mine)).toEqual({ openOnly: true });
    expect(parseCaseFilters(new URLSearchParams('mine=yes')).mine).toBe(false);
  });

  it('orders newest first unless asked for the most severe first', () => {
    expect(caseOrder(DEFAULT_CASE_FILTERS)).toBe('NEWEST');
    expect(parseCaseFilters(new URLSearchParams('order=bogus')).order).toBe('newest');
    expect(parseCaseFilters(new URLSearchParams('order=severity')).order).toBe('severity');
  });
});
