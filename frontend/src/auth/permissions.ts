// What each role sees. The server decides what a role may do (services/core/src/role.rs); this
// mirrors that matrix so the console never shows a control the caller cannot use. A control
// missing here is a deliberate hide, never a security boundary: the API still refuses.

import type { Role } from '../gql/graphql';

export interface Viewer {
  id: string;
  role: Role;
  /** The home tenant of a customer user. */
  tenantId: string | null;
}

export interface NavItem {
  to: string;
  label: string;
}

export const ALL_ROLES: readonly Role[] = [
  'PROVIDER_ADMIN',
  'ANALYST',
  'ACCOUNT_MANAGER',
  'CUSTOMER_ADMIN',
  'CUSTOMER_VIEWER',
];

export const ROLE_LABELS: Record<Role, string> = {
  PROVIDER_ADMIN: 'Provider admin',
  ANALYST: 'Analyst',
  ACCOUNT_MANAGER: 'Account manager',
  CUSTOMER_ADMIN: 'Customer admin',
  CUSTOMER_VIEWER: 'Customer viewer',
};

export function isCustomerRole(role: Role): boolean {
  return role === 'CUSTOMER_ADMIN' || role === 'CUSTOMER_VIEWER';
}

/**
 * Where a role lands after sign-in: those who triage (provider admins, analysts) on the alert
 * queue, account managers on their portfolio, customers on their own tenant.
 */
export function homePath(viewer: Viewer): string {
  if (isCustomerRole(viewer.role) && viewer.tenantId !== null) {
    return `/tenants/${encodeURIComponent(viewer.tenantId)}`;
  }
  if (canTriageAlerts(viewer.role)) return '/alerts';
  return canReadPortfolio(viewer.role) ? '/portfolio' : '/tenants';
}

/** The heading of the tenant list, in the words each staff role uses for it. */
export function tenantListTitle(role: Role): string {
  switch (role) {
    case 'ANALYST':
      return 'Assigned tenants';
    default:
      return 'Tenants';
  }
}

export function navItems(viewer: Viewer): NavItem[] {
  const items: NavItem[] = [];
  if (isCustomerRole(viewer.role)) {
    items.push({ to: homePath(viewer), label: 'Our organization' });
    if (canReadAlerts(viewer.role)) items.push({ to: '/alerts', label: 'Alerts' });
    items.push({ to: '/cases', label: 'Cases' });
  } else {
    if (canReadAlerts(viewer.role)) items.push({ to: '/alerts', label: 'Alerts' });
    items.push({ to: '/cases', label: 'Cases' });
    items.push({ to: '/tenants', label: tenantListTitle(viewer.role) });
    if (canReadPortfolio(viewer.role)) items.push({ to: '/portfolio', label: 'Portfolio' });
    if (canManagePlans(viewer.role)) items.push({ to: '/billing', label: 'Billing' });
  }
  if (canManageNotifications(viewer.role)) items.push({ to: '/notifications', label: 'Notifications' });
  if (canManageRulePacks(viewer.role)) items.push({ to: '/rules', label: 'Rules' });
  if (canManageUsers(viewer.role)) items.push({ to: '/users', label: 'Users' });
  items.push({ to: '/settings', label: 'Settings' });
  return items;
}

/** Create tenants and suspend or reactivate them. */
export function canAdministerTenants(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/** The Users page: create and disable users (customer admins: of their own tenant only). */
export function canManageUsers(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'CUSTOMER_ADMIN';
}

/** A tenant's user list on its page. */
export function canSeeTenantUsers(role: Role): boolean {
  return role !== 'CUSTOMER_VIEWER';
}

export function canSeeAuditLog(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'CUSTOMER_ADMIN';
}

/** A tenant's ingest tokens and syslog source bindings: read, create, revoke (own tenant for customers). */
export function canManageIngest(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'CUSTOMER_ADMIN';
}

/** A tenant's ingest limits: only provider admins read and change them. */
export function canSetIngestLimits(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/** A tenant's events and ingest statistics (the Hunt page, ingest health): everyone but account managers. */
export function canReadEvents(role: Role): boolean {
  return role !== 'ACCOUNT_MANAGER';
}

/** The alert queue and alert pages: everyone but account managers (customers: own tenant, read-only). */
export function canReadAlerts(role: Role): boolean {
  return role !== 'ACCOUNT_MANAGER';
}

/** Acknowledge, assign and close alerts: provider admins and analysts. */
export function canTriageAlerts(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'ANALYST';
}

/** Work cases: change status, assign, tasks, observables, internal comments, propose actions, escalate alerts. */
export function canWorkCases(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'ANALYST';
}

/**
 * Merge other cases of the same tenant into a case: updating cases, which the server grants provider
 * admins and analysts (customer admins may only create and read them).
 */
export function canMergeCases(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'ANALYST';
}

/** Comment (shared) on a case: staff who work cases and customer admins. */
export function canCommentOnCases(role: Role): boolean {
  return canWorkCases(role) || role === 'CUSTOMER_ADMIN';
}

/** Report an incident, and approve or reject proposed response actions: customer admins. */
export function canReportIncidents(role: Role): boolean {
  return role === 'CUSTOMER_ADMIN';
}

export function canDecideActions(role: Role): boolean {
  return role === 'CUSTOMER_ADMIN';
}

/** A tenant's SLA policies, calendar and report: everyone reads; provider admins edit. */
export function canEditSla(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/** Import rule packs (the Rules page): provider admins. */
export function canManageRulePacks(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/** A tenant's detection rules, enabled packs, exceptions and placeholders: provider staff who triage. */
export function canReadRules(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'ANALYST';
}

/** Enable packs for a tenant, override rules, add exceptions, set placeholders: provider admins. */
export function canTuneRules(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/**
 * The sections of a tenant's pages a role may open; a lone "Overview" is not worth a menu.
 * `reportShared` is the tenant's `BillingAccount.customerReports` as far as the console knows it
 * (undefined while unknown): a customer admin gets "Report" only when it is true.
 */
export function tenantSections(role: Role, tenantId: string, reportShared?: boolean): NavItem[] {
  const base = `/tenants/${encodeURIComponent(tenantId)}`;
  const items: NavItem[] = [{ to: base, label: 'Overview' }];
  if (canReadEvents(role)) items.push({ to: `${base}/hunt`, label: 'Hunt' });
  if (canReadRules(role)) items.push({ to: `${base}/rules`, label: 'Rules' });
  if (canManageIngest(role)) items.push({ to: `${base}/ingest`, label: 'Ingest' });
  items.push({ to: `${base}/sla`, label: 'SLA' });
  if (accountReportVisible(role, reportShared)) items.push({ to: `${base}/report`, label: 'Report' });
  if (canSeeAuditLog(role)) items.push({ to: `${base}/audit`, label: 'Audit log' });
  return items.length === 1 ? [] : items;
}

/**
 * The portfolio (every reachable tenant's month) and any tenant's account report: provider staff
 * who read billing, i.e. account managers and provider admins.
 */
export function canReadPortfolio(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'ACCOUNT_MANAGER';
}

export function canReadAccountReports(role: Role): boolean {
  return canReadPortfolio(role);
}

/**
 * Whether a role's own tenant report may have been shared with it: customer admins read billing
 * (so `billingAccount.customerReports`), and the API answers their `accountReport` only while that
 * flag is on. Customer viewers do not read billing at all.
 */
export function mayReadSharedAccountReport(role: Role): boolean {
  return role === 'CUSTOMER_ADMIN';
}

/**
 * Whether the tenant's report is offered (its "Report" section and page): always to provider staff
 * who read billing, to a customer admin only once the flag is known to be on.
 */
export function accountReportVisible(role: Role, reportShared: boolean | undefined): boolean {
  if (canReadAccountReports(role)) return true;
  return mayReadSharedAccountReport(role) && reportShared === true;
}

/**
 * Open (or close) a tenant's account report to its customer admins: provider admins. Account
 * managers read billing only, so they see the setting without the switch.
 */
export function canSetCustomerReports(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/** The plan catalogue and subscriptions (the Billing page): provider admins. */
export function canManagePlans(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/**
 * Notification endpoints: provider admins (provider-wide and any tenant's) and customer admins
 * (their own tenant's).
 */
export function canManageNotifications(role: Role): boolean {
  return role === 'PROVIDER_ADMIN' || role === 'CUSTOMER_ADMIN';
}

/** Change which tenants provider staff work on. */
export function canAssignTenants(role: Role): boolean {
  return role === 'PROVIDER_ADMIN';
}

/** The roles a caller may give a new user. */
export function creatableRoles(role: Role): Role[] {
  switch (role) {
    case 'PROVIDER_ADMIN':
      return [...ALL_ROLES];
    case 'CUSTOMER_ADMIN':
      return ['CUSTOMER_ADMIN', 'CUSTOMER_VIEWER'];
    default:
      return [];
  }
}

/** Whether `viewer` is shown a Disable button for `target`: never for oneself. */
export function canDisableUser(
  viewer: Viewer,
  target: { id: string; role: Role; disabled: boolean },
): boolean {
  if (target.disabled || target.id === viewer.id) return false;
  if (viewer.role === 'PROVIDER_ADMIN') return true;
  return viewer.role === 'CUSTOMER_ADMIN' && isCustomerRole(target.role);
}

/** Whether the assignments of `target` can be edited: provider staff who are not admins. */
export function isAssignable(role: Role): boolean {
  return role === 'ANALYST' || role === 'ACCOUNT_MANAGER';
}
