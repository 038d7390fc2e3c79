import { describe, expect, it } from 'vitest';
import { assignableInAll, canBeAssigned, userName, type StaffUser } from './assignable';

const user = (id: string, role: StaffUser['role'], extra: Partial<StaffUser> = {}): StaffUser => ({
  id,
  email: `${id}@example.test`,
  displayName: id.toUpperCase(),
  role,
  disabled: false,
  ...extra,
});

describe('canBeAssigned', () => {
  it('keeps analysts and provider admins who are not disabled', () => {
    expect(canBeAssigned(user('a', 'ANALYST'))).toBe(true);
    expect(canBeAssigned(user('p', 'PROVIDER_ADMIN'))).toBe(true);
    expect(canBeAssigned(user('d', 'ANALYST', { disabled: true }))).toBe(false);
    expect(canBeAssigned(user('m', 'ACCOUNT_MANAGER'))).toBe(false);
    expect(canBeAssigned(user('c', 'CUSTOMER_ADMIN'))).toBe(false);
    expect(canBeAssigned(user('v', 'CUSTOMER_VIEWER'))).toBe(false);
  });
});

describe('userName', () => {
  it('is the display name, else the email', () => {
    expect(userName({ displayName: 'Ada Analyst', email: 'ada@x' })).toBe('Ada Analyst');
    expect(userName({ displayName: ' ', email: 'ada@x' })).toBe('ada@x');
  });
});

describe('assignableInAll', () => {
  it('lists one tenant\'s working staff by name, without customers or disabled users', () => {
    const acme = [user('zed', 'ANALYST'), user('amy', 'PROVIDER_ADMIN'), user('cust', 'CUSTOMER_ADMIN'), user('off', 'ANALYST', { disabled: true }), user('sam', 'ACCOUNT_MANAGER')];
    expect(assignableInAll([acme])).toEqual([
      { id: 'amy', name: 'AMY' },
      { id: 'zed', name: 'ZED' },
    ]);
  });

  it('offers only those who reach every tenant of the selection', () => {
    const admin = user('admin', 'PROVIDER_ADMIN');
    const ada = user('ada', 'ANALYST');
    const bea = user('bea', 'ANALYST');
    const acme = [admin, ada, bea, user('acme-lead', 'CUSTOMER_ADMIN')];
    const globex = [admin, ada, user('globex-lead', 'CUSTOMER_ADMIN')];
    const initech = [admin];
    expect(assignableInAll([acme, globex]).map((u) => u.id)).toEqual(['ada', 'admin']);
    expect(assignableInAll([acme, globex, initech]).map((u) => u.id)).toEqual(['admin']);
  });

  it('does not count someone disabled in one list as reaching it', () => {
    const ada = user('ada', 'ANALYST');
    expect(assignableInAll([[ada], [{ ...ada, disabled: true }]])).toEqual([]);
  });

  it('is nobody without tenants, and lists a user once', () => {
    expect(assignableInAll([])).toEqual([]);
    const ada = user('ada', 'ANALYST');
    expect(assignableInAll([[ada, ada]])).toEqual([{ id: 'ada', name: 'ADA' }]);
  });
});
