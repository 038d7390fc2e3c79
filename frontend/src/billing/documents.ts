// The billing operations the console uses: the portfolio, a tenant's account report, the plan
// catalogue and subscriptions.
import { graphql } from '../gql';

export const PortfolioReportQuery = graphql(`
  query PortfolioReport($month: String!) {
    portfolioReport(month: $month) {
      tenantId
      tenantName
      month
      planName
      currency
      includedGb
      bytes
      gb
      maxEndpoints
      estimatedTotalMinor
      overageMinor
      invoiceStatus
      slaAttainmentPercent
      breachCount
      flags
    }
  }
`);

export const PlanFieldsFragment = graphql(`
  fragment PlanFields on Plan {
    id
    name
    currency
    baseFeeMinor
    endpointPriceMinor
    includedGb
    overageGbPriceMinor
    slaTier
    createdAt
    updatedAt
  }
`);

export const AccountReportQuery = graphql(`
  query AccountReport($tenantId: ID!, $month: String!) {
    accountReport(tenantId: $tenantId, month: $month) {
      tenantId
      tenantName
      timezone
      month
      plan {
        ...PlanFields
      }
      usageByDay {
        day
        events
        bytes
        gb
        endpoints
      }
      events
      bytes
      gb
      maxEndpoints
      estimate {
        estimate
        mode
        month
        currency
        totalMinor
        lines {
          kind
          description
          quantity
          amountMinor
          firstDay
          lastDay
        }
      }
      invoices {
        stripeId
        number
        currency
        periodStart
        periodEnd
        amountDue
        amountPaid
        total
        status
        hostedUrl
        pdfUrl
      }
      sla {
        attainment {
          target
          met
          breached
          percent
        }
        attainmentPercent
        mttaSeconds
        mttrSeconds
        breachCount
      }
      alertsBySeverity {
        key
        count
      }
      alertsByDisposition {
        key
        count
      }
      casesBySeverity {
        key
        count
      }
      casesByStatus {
        key
        count
      }
      flags
    }
  }
`);

export const PlansQuery = graphql(`
  query Plans {
    plans {
      ...PlanFields
    }
  }
`);

export const BillingAccountQuery = graphql(`
  query BillingAccount($tenantId: ID!) {
    billingAccount(tenantId: $tenantId) {
      tenantId
      mode
      currentSubscription {
        startsOn
        plan {
          id
          name
        }
      }
      subscriptions {
        startsOn
        plan {
          id
          name
        }
      }
      customerReports
    }
  }
`);

export const CreatePlanMutation = graphql(`
  mutation CreatePlan($input: PlanInput!) {
    createPlan(input: $input) {
      ...PlanFields
    }
  }
`);

export const SubscribeTenantMutation = graphql(`
  mutation SubscribeTenant($tenantId: ID!, $planId: ID!, $startsOn: Date!) {
    subscribeTenant(tenantId: $tenantId, planId: $planId, startsOn: $startsOn) {
      tenantId
      startsOn
      plan {
        id
        name
      }
    }
  }
`);

export const UpdatePlanMutation = graphql(`
  mutation UpdatePlan($id: ID!, $input: PlanPatchInput!) {
    updatePlan(id: $id, input: $input) {
      ...PlanFields
    }
  }
`);

export const CustomerReportsQuery = graphql(`
  query CustomerReports($tenantId: ID!) {
    billingAccount(tenantId: $tenantId) {
      tenantId
      customerReports
    }
  }
`);

export const SetCustomerReportsMutation = graphql(`
  mutation SetCustomerReports($tenantId: ID!, $enabled: Boolean!) {
    setCustomerReports(tenantId: $tenantId, enabled: $enabled)
  }
`);

export const AccountSlaBreachesQuery = graphql(`
  query AccountSlaBreaches($tenantId: ID!, $from: DateTime!, $to: DateTime!) {
    slaReport(tenantId: $tenantId, from: $from, to: $to) {
      breachCount
      breaches {
        subjectKind
        subjectId
        target
        severity
        startedAt
        dueAt
        completedAt
        breachedAt
      }
    }
  }
`);
