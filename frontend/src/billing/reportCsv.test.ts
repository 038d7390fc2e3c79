import { describe, expect, it } from 'vitest';
import { accountCsv, portfolioCsv } from './reportCsv';

describe('report CSV downloads', () => {
  it('asks the API for a tenant\'s month, saved under its slug', () => {
    expect(accountCsv('0190-a b', '2026-05', 'acme')).toEqual({
      url: '/reports/account.csv?tenant=0190-a+b&month=2026-05',
      filename: 'account-acme-2026-05.csv',
    });
    expect(accountCsv('t1', '2026-05').filename).toBe('account-t1-2026-05.csv');
  });

  it('asks for the whole portfolio of a month', () => {
    expect(portfolioCsv('2026-04')).toEqual({ url: '/reports/portfolio.csv?month=2026-04', filename: 'portfolio-2026-04.csv' });
  });
});
