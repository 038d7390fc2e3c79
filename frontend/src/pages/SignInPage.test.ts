import { describe, expect, it } from 'vitest';
import { safeNext } from './SignInPage';

describe('safeNext', () => {
  it('returns to a page of the console', () => {
    expect(safeNext('/tenants?q=acme')).toBe('/tenants?q=acme');
  });

  it('refuses other origins and loops back to sign-in', () => {
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/sign-in?next=/x')).toBe('/');
    expect(safeNext(null)).toBe('/');
  });
});
