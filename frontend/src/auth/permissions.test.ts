import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql';
import {
  ALL_ROLES,
  canAdministerTenants,
  canDisableUser,
  canManageNotifications,
  canManagePlans,
  canSetCustomerReports,
  canManageRulePacks,
  canManageUsers,
  canMergeCases,
  accountReportVisible,
  canReadAccountReports,
  mayReadSharedAccountReport,
  canReadPortfolio,
  canReadAlerts,
  canReadRules,
  canSeeAuditLog,
  canSeeTenantUsers,
  canTriageAlerts,
  canTuneRules,
  creatableRoles,
  homePath,
  navItems,
  tenantSections,
  type Viewer,
} from './permissions';

const viewer = (role: Role, id = 'me'): Viewer => ({
  id,
  role,
  tenantId: role.startsWith('CUSTOMER') ? 'acme-id' : null,
});

describe('homePath', () => {
  it('sends those who triage to the alert queue, account managers to their portfolio, customers to their own tenant', () => {
    expect(homePath(viewer('PROVIDER_ADMIN'))).toBe('/alerts');
    expect(homePath(viewer('ANALYST'))).toBe('/alerts');
    expect(homePath(viewer('ACCOUNT_MANAGER'))).toBe('/portfolio');
    expect(homePath(viewer('CUSTOMER_ADMIN'))).toBe('/tenants/acme-id');
    expect(homePath(viewer('CUSTOMER_VIEWER'))).toBe('/tenants/acme-id');
  });
});

describe('navItems', () => {
  const labels = (role: Role) => navItems(viewer(role)).map((i) => i.label);

  it('gives each role only the pages it can use', () => {
    expect(labels('PROVIDER_ADMIN')).toEqual(['Alerts', 'Cases', 'Tenants', 'Portfolio', 'Billing', 'Notifications', 'Rules', 'Users', 'Settings']);
    expect(labels('ANALYST')).toEqual(['Alerts', 'Cases', 'Assigned tenants', 'Settings']);
    expect(labels('ACCOUNT_MANAGER')).toEqual(['Cases', 'Tenants', 'Portfolio', 'Settings']);
    expect(labels('CUSTOMER_ADMIN')).toEqual(['Our organization', 'Alerts', 'Cases', 'Notifications', 'Users', 'Settings']);
    expect(labels('CUSTOMER_VIEWER')).toEqual(['Our organization', 'Alerts', 'Cases', 'Settings']);
  });

  it('points a customer\'s organization link at their tenant', () => {
    expect(navItems(viewer('CUSTOMER_VIEWER'))[0]?.to).toBe('/tenants/acme-id');
  });
});

describe('the role matrix as the console shows it', () => {
  // Rows mirror services/core/src/snapshots/garrison_core__role__tests__role_matrix.snap.
  const table: Record<Role, [tenantAdmin: boolean, users: boolean, tenantUsers: boolean, audit: boolean]> = {
    PROVIDER_ADMIN: [true, true, true, true],
    ANALYST: [false, false, true, false],
    ACCOUNT_MANAGER: [false, false, true, false],
    CUSTOMER_ADMIN: [false, true, true, true],
    CUSTOMER_VIEWER: [false, false, false, false],
  };
  it.each(ALL_ROLES)('%s', (role) => {
    expect([canAdministerTenants(role), canManageUsers(role), canSeeTenantUsers(role), canSeeAuditLog(role)]).toEqual(
      table[role],
    );
  });
});

describe('alerts and rules as the console shows them', () => {
  // Mirrors the Alert and RulePack rows of the role matrix: provider admins RCUD, analysts
  // triage alerts and read rules, customers read their own alerts, account managers neither.
  const table: Record<Role, [readAlerts: boolean, triage: boolean, packs: boolean, readRules: boolean, tune: boolean]> = {
    PROVIDER_ADMIN: [true, true, true, true, true],
    ANALYST: [true, true, false, true, false],
    ACCOUNT_MANAGER: [false, false, false, false, false],
    CUSTOMER_ADMIN: [true, false, false, false, false],
    CUSTOMER_VIEWER: [true, false, false, false, false],
  };
  it.each(ALL_ROLES)('%s', (role) => {
    expect([canReadAlerts(role), canTriageAlerts(role), canManageRulePacks(role), canReadRules(role), canTuneRules(role)]).toEqual(
      table[role],
    );
  });
});

describe('case merging as the console shows it', () => {
  // Merging updates every case involved: the Case row's U, which provider admins and analysts hold.
  const table: Record<Role, boolean> = {
    PROVIDER_ADMIN: true,
    ANALYST: true,
    ACCOUNT_MANAGER: false,
    CUSTOMER_ADMIN: false,
    CUSTOMER_VIEWER: false,
  };
  it.each(ALL_ROLES)('%s', (role) => {
    expect(canMergeCases(role)).toBe(table[role]);
  });
});

describe('billing and notifications as the console shows them', () => {
  // Mirrors the Billing and Notification rows of the role matrix: provider admins RCUD; account
  // managers read billing (portfolio, reports); customer admins manage their own endpoints.
  // Only billing's Update (provider admins) opens a report to customers.
  const table: Record<Role, [portfolio: boolean, reports: boolean, plans: boolean, notifications: boolean, customerReports: boolean]> = {
    PROVIDER_ADMIN: [true, true, true, true, true],
    ANALYST: [false, false, false, false, false],
    ACCOUNT_MANAGER: [true, true, false, false, false],
    CUSTOMER_ADMIN: [false, false, false, true, false],
    CUSTOMER_VIEWER: [false, false, false, false, false],
  };
  it.each(ALL_ROLES)('%s', (role) => {
    expect([
      canReadPortfolio(role),
      canReadAccountReports(role),
      canManagePlans(role),
      canManageNotifications(role),
      canSetCustomerReports(role),
    ]).toEqual(table[role]);
  });
});

describe('the account report shared with customers', () => {
  // The API answers a customer admin's own accountReport only while billingAccount.customerReports
  // is on (customer admins read billing; viewers do not); staff who read billing always.
  const table: Record<Role, [mayBeShared: boolean, off: boolean, unknown: boolean, on: boolean]> = {
    PROVIDER_ADMIN: [false, true, true, true],
    ANALYST: [false, false, false, false],
    ACCOUNT_MANAGER: [false, true, true, true],
    CUSTOMER_ADMIN: [true, false, false, true],
    CUSTOMER_VIEWER: [false, false, false, false],
  };
  it.each(ALL_ROLES)('%s', (role) => {
    expect([
      mayReadSharedAccountReport(role),
      accountReportVisible(role, false),
      accountReportVisible(role, undefined),
      accountReportVisible(role, true),
    ]).toEqual(table[role]);
  });
});

describe('creatableRoles', () => {
  it('lets provider admins create every role and customer admins only customer users', () => {
    expect(creatableRoles('PROVIDER_ADMIN')).toEqual(ALL_ROLES);
    expect(creatableRoles('CUSTOMER_ADMIN')).toEqual(['CUSTOMER_ADMIN', 'CUSTOMER_VIEWER']);
    expect(creatableRoles('ANALYST')).toEqual([]);
    expect(creatableRoles('CUSTOMER_VIEWER')).toEqual([]);
  });
});

describe('canDisableUser', () => {
  const target = (role: Role, id = 'other', disabled = false) => ({ id, role, disabled });

  it('never offers to disable oneself or someone already disabled', () => {
    expect(canDisableUser(viewer('PROVIDER_ADMIN', 'me'), target('ANALYST', 'me'))).toBe(false);
    expect(canDisableUser(viewer('PROVIDER_ADMIN'), target('ANALYST', 'x', true))).toBe(false);
  });

  it('lets customer admins disable customer users but not provider staff', () => {
    expect(canDisableUser(viewer('CUSTOMER_ADMIN'), target('CUSTOMER_VIEWER'))).toBe(true);
    expect(canDisableUser(viewer('CUSTOMER_ADMIN'), target('CUSTOMER_ADMIN'))).toBe(true);
    expect(canDisableUser(viewer('CUSTOMER_ADMIN'), target('ANALYST'))).toBe(false);
  });

  it('gives analysts and viewers no disable button at all', () => {
    expect(canDisableUser(viewer('ANALYST'), target('CUSTOMER_VIEWER'))).toBe(false);
    expect(canDisableUser(viewer('CUSTOMER_VIEWER'), target('CUSTOMER_VIEWER'))).toBe(false);
  });
});

describe('tenantSections', () => {
  const labels = (role: Role) => tenantSections(role, 't1').map((i) => i.label);

  it('offers hunting to every role that reads events, ingest settings to admins only', () => {
    expect(labels('PROVIDER_ADMIN')).toEqual(['Overview', 'Hunt', 'Rules', 'Ingest', 'SLA', 'Report', 'Audit log']);
    expect(labels('ANALYST')).toEqual(['Overview', 'Hunt', 'Rules', 'SLA']);
    expect(labels('CUSTOMER_ADMIN')).toEqual(['Overview', 'Hunt', 'Ingest', 'SLA', 'Audit log']);
    expect(labels('CUSTOMER_VIEWER')).toEqual(['Overview', 'Hunt', 'SLA']);
  });

  it('gives account managers the SLA section and the account report', () => {
    expect(labels('ACCOUNT_MANAGER')).toEqual(['Overview', 'SLA', 'Report']);
  });

  it('gives a customer admin "Report" only while the provider shares it', () => {
    const shared = (role: Role, flag: boolean | undefined) => tenantSections(role, 't1', flag).map((i) => i.label);
    expect(shared('CUSTOMER_ADMIN', true)).toEqual(['Overview', 'Hunt', 'Ingest', 'SLA', 'Report', 'Audit log']);
    expect(shared('CUSTOMER_ADMIN', false)).toEqual(['Overview', 'Hunt', 'Ingest', 'SLA', 'Audit log']);
    expect(shared('CUSTOMER_ADMIN', undefined)).toEqual(['Overview', 'Hunt', 'Ingest', 'SLA', 'Audit log']);
    expect(shared('CUSTOMER_VIEWER', true)).toEqual(['Overview', 'Hunt', 'SLA']);
    expect(tenantSections('CUSTOMER_ADMIN', 't1', true).find((i) => i.label === 'Report')?.to).toBe('/tenants/t1/report');
  });

  it('links within the tenant', () => {
    expect(tenantSections('ANALYST', 'a b').map((i) => i.to)).toEqual([
      '/tenants/a%20b',
      '/tenants/a%20b/hunt',
      '/tenants/a%20b/rules',
      '/tenants/a%20b/sla',
    ]);
  });
});
