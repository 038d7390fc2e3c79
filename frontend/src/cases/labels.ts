// Words for case enums.
import type { ActionStatus, CaseSource, CaseStatus, ObservableKind, TaskStatus } from '../gql/graphql';

export const CASE_STATUSES: readonly CaseStatus[] = [
  'NEW',
  'ACKNOWLEDGED',
  'INVESTIGATING',
  'CONTAINED',
  'WAITING_ON_CUSTOMER',
  'RESOLVED',
  'CLOSED',
];

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  NEW: 'New',
  ACKNOWLEDGED: 'Acknowledged',
  INVESTIGATING: 'Investigating',
  CONTAINED: 'Contained',
  WAITING_ON_CUSTOMER: 'Waiting on customer',
  RESOLVED: 'Resolved',
  CLOSED: 'Closed',
};

export const CASE_SOURCE_LABELS: Record<CaseSource, string> = {
  ALERT: 'Alert',
  ANALYST: 'Analyst',
  CUSTOMER: 'Customer report',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  OPEN: 'Open',
  IN_PROGRESS: 'In progress',
  DONE: 'Done',
  CANCELLED: 'Cancelled',
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  PROPOSED: 'Awaiting decision',
  APPROVED: 'Approved',
  REJECTED: 'Rejected',
};

export const OBSERVABLE_KINDS: readonly ObservableKind[] = ['IP', 'DOMAIN', 'URL', 'HASH', 'USER', 'HOST', 'EMAIL'];
