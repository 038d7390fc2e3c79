// SLA policies, the business calendar and the SLA report of a tenant.
import { graphql } from '../gql';

export const SlaPoliciesQuery = graphql(`
  query SlaPolicies($tenantId: ID!) {
    slaPolicies(tenantId: $tenantId) {
      severity
      acknowledgeSeconds
      respondSeconds
      resolveSeconds
      warnPercent
      calendar
      isDefault
      updatedAt
    }
    businessCalendar(tenantId: $tenantId) {
      timezone
      weeklyHours {
        weekday
        start
        end
      }
      holidays
      isDefault
    }
  }
`);

export const SetSlaPolicyMutation = graphql(`
  mutation SetSlaPolicy($tenantId: ID!, $severity: Severity!, $input: SlaPolicyInput!) {
    setSlaPolicy(tenantId: $tenantId, severity: $severity, input: $input) {
      severity
      acknowledgeSeconds
      respondSeconds
      resolveSeconds
      warnPercent
      calendar
      isDefault
      updatedAt
    }
  }
`);

export const SetBusinessCalendarMutation = graphql(`
  mutation SetBusinessCalendar($tenantId: ID!, $input: BusinessCalendarInput!) {
    setBusinessCalendar(tenantId: $tenantId, input: $input) {
      timezone
      weeklyHours {
        weekday
        start
        end
      }
      holidays
      isDefault
    }
  }
`);

export const SlaReportQuery = graphql(`
  query SlaReport($tenantId: ID!, $from: DateTime!, $to: DateTime!) {
    slaReport(tenantId: $tenantId, from: $from, to: $to) {
      mttd {
        count
        mean
        median
        p90
      }
      mtta {
        count
        mean
        median
        p90
      }
      mttrRespond {
        count
        mean
        median
        p90
      }
      mttrResolve {
        count
        mean
        median
        p90
      }
      attainment {
        target
        met
        breached
        open
        percent
      }
      attainmentPercent
      breachCount
      breaches {
        subjectKind
        subjectId
        target
        severity
        dueAt
        completedAt
      }
    }
  }
`);

export const VerifyAuditChainQuery = graphql(`
  query VerifyAuditChain($tenantId: ID!) {
    verifyAuditChain(tenantId: $tenantId) {
      ok
      records
      unchained
      brokenAtSeq
      brokenRecordId
      reason
    }
  }
`);
