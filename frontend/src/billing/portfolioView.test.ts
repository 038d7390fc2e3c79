import { describe, expect, it } from 'vitest';
import { parseView, sortRows, toggleSort, viewToParams, type PortfolioRow } from './portfolioView';

const now = new Date(2026, 4, 20); // May 2026, local time

function row(name: string, over: Partial<PortfolioRow> = {}): PortfolioRow {
  return {
    tenantId: name.toLowerCase(),
    tenantName: name,
    month: '2026-05',
    planName: 'Essentials',
    currency: 'usd',
    includedGb: 50,
    bytes: 0,
    gb: '0',
    maxEndpoints: 0,
    estimatedTotalMinor: 0,
    overageMinor: 0,
    invoiceStatus: null,
    slaAttainmentPercent: null,
    breachCount: 0,
    flags: [],
    ...over,
  };
}

describe('the portfolio view in the URL', () => {
  it('defaults to this month by name, and leaves defaults out of the URL', () => {
    const view = parseView(new URLSearchParams(''), now);
    expect(view).toEqual({ month: '2026-05', sort: 'name', dir: 'asc' });
    expect(viewToParams(view, now).toString()).toBe('');
  });

  it('keeps another month and the sort, and ignores what it does not know', () => {
    const view = parseView(new URLSearchParams('month=2026-03&sort=sla&dir=desc'), now);
    expect(view).toEqual({ month: '2026-03', sort: 'sla', dir: 'desc' });
    expect(viewToParams(view, now).toString()).toBe('month=2026-03&sort=sla&dir=desc');
    expect(parseView(new URLSearchParams('month=2026-13&sort=drop+table&dir=up'), now)).toEqual({ month: '2026-05', sort: 'name', dir: 'asc' });
  });

  it('flips the direction on the same column and starts a new one ascending', () => {
    const view = { month: '2026-05', sort: 'name', dir: 'asc' } as const;
    expect(toggleSort(view, 'name')).toEqual({ ...view, dir: 'desc' });
    expect(toggleSort({ ...view, dir: 'desc' }, 'gb')).toEqual({ ...view, sort: 'gb', dir: 'asc' });
  });
});

describe('sorting the portfolio', () => {
  const rows = [
    row('Initech', { bytes: 30, slaAttainmentPercent: 99.5, breachCount: 0, planName: null, estimatedTotalMinor: null }),
    row('acme', { bytes: 200, slaAttainmentPercent: 80, breachCount: 3, invoiceStatus: 'open' }),
    row('Globex', { bytes: 100, slaAttainmentPercent: null, breachCount: 1, invoiceStatus: 'paid' }),
  ];
  const names = (sorted: PortfolioRow[]) => sorted.map((r) => r.tenantName);

  it('sorts names without regard to case', () => {
    expect(names(sortRows(rows, 'name', 'asc'))).toEqual(['acme', 'Globex', 'Initech']);
    expect(names(sortRows(rows, 'name', 'desc'))).toEqual(['Initech', 'Globex', 'acme']);
  });

  it('sorts numbers as numbers', () => {
    expect(names(sortRows(rows, 'gb', 'desc'))).toEqual(['acme', 'Globex', 'Initech']);
    expect(names(sortRows(rows, 'breaches', 'asc'))).toEqual(['Initech', 'Globex', 'acme']);
  });

  it('keeps tenants without the figure last in either direction', () => {
    expect(names(sortRows(rows, 'sla', 'asc'))).toEqual(['acme', 'Initech', 'Globex']);
    expect(names(sortRows(rows, 'sla', 'desc'))).toEqual(['Initech', 'acme', 'Globex']);
    expect(names(sortRows(rows, 'plan', 'desc'))).toEqual(['acme', 'Globex', 'Initech']);
    expect(names(sortRows(rows, 'invoice', 'asc'))).toEqual(['acme', 'Globex', 'Initech']);
  });

  it('leaves the loaded list as it was', () => {
    sortRows(rows, 'gb', 'asc');
    expect(names(rows)).toEqual(['Initech', 'acme', 'Globex']);
  });
});
