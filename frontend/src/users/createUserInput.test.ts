import { describe, expect, it } from 'vitest';
import { createUserInput, type UserDraft } from './createUserInput';

const draft = (patch: Partial<UserDraft>): UserDraft => ({
  email: ' new@acme.example ',
  displayName: '',
  password: 'long-enough-password',
  role: 'CUSTOMER_VIEWER',
  homeTenantId: 'acme',
  assignment: { allTenants: false, tenantIds: ['globex'] },
  ...patch,
});

describe('createUserInput', () => {
  it('gives customer users their home tenant and no assignments', () => {
    expect(createUserInput(draft({}))).toEqual({
      email: 'new@acme.example',
      password: 'long-enough-password',
      role: 'CUSTOMER_VIEWER',
      displayName: null,
      tenantId: 'acme',
    });
  });

  it('gives analysts their assigned tenants, or none when they get all', () => {
    expect(createUserInput(draft({ role: 'ANALYST' }))).toMatchObject({ tenantIds: ['globex'], allTenants: false });
    expect(createUserInput(draft({ role: 'ANALYST', assignment: { allTenants: true, tenantIds: ['x'] } }))).toMatchObject({
      tenantIds: [],
      allTenants: true,
    });
    expect(createUserInput(draft({ role: 'ANALYST' }))).not.toHaveProperty('tenantId');
  });

  it('gives provider admins neither, since they reach every tenant', () => {
    const input = createUserInput(draft({ role: 'PROVIDER_ADMIN', displayName: ' Ops ' }));
    expect(input).not.toHaveProperty('tenantId');
    expect(input).not.toHaveProperty('tenantIds');
    expect(input.displayName).toBe('Ops');
  });

  it('sends a missing tenant choice as absent, so the server names the field', () => {
    expect(createUserInput(draft({ homeTenantId: '' })).tenantId).toBeNull();
  });
});
