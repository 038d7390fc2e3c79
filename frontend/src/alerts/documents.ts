// The alert queue's operations: the page query, one alert with its events, triage mutations and
// the live feed of raised and changed alerts.
import { graphql } from '../gql';

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    tenant {
      id
      name
      slug
    }
    ruleId
    ruleTitle
    severity
    status
    disposition
    assigneeId
    assignee {
      id
      displayName
    }
    groupKey
    group
    eventCount
    firstEventAt
    lastEventAt
    createdAt
    sla {
      target
      status
      dueAt
      warnAt
      paused
    }
  }
`);

export const AlertsQuery = graphql(`
  query Alerts($filter: AlertFilter, $first: Int, $after: String, $orderBy: AlertOrder) {
    alerts(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      edges {
        cursor
        node {
          ...AlertFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AlertQuery = graphql(`
  query Alert($id: ID!) {
    alert(id: $id) {
      ...AlertFields
      ruleDescription
      closeComment
      caseId
      techniques
      tactics
      detectedAt
      detectionDelaySeconds
      acknowledgedAt
      closedAt
      sla {
        target
        status
        calendar
        dueAt
        completedAt
      }
      events {
        id
        seq
        timestamp
        receivedAt
        source
        host
        severity
        product
        category
        service
        fields
        raw
        rawTruncated
      }
    }
  }
`);

export const AlertEventsSubscription = graphql(`
  subscription AlertEvents($filter: AlertFilter) {
    alertEvents(filter: $filter) {
      kind
      matchesFilter
      alert {
        ...AlertFields
      }
    }
  }
`);

export const AcknowledgeAlertsMutation = graphql(`
  mutation AcknowledgeAlerts($ids: [ID!]!) {
    acknowledgeAlerts(ids: $ids) {
      ...AlertFields
      acknowledgedAt
    }
  }
`);

export const AssignAlertsMutation = graphql(`
  mutation AssignAlerts($ids: [ID!]!, $userId: ID) {
    assignAlerts(ids: $ids, userId: $userId) {
      ...AlertFields
    }
  }
`);

export const CloseAlertsMutation = graphql(`
  mutation CloseAlerts($ids: [ID!]!, $disposition: Disposition!, $comment: String) {
    closeAlerts(ids: $ids, disposition: $disposition, comment: $comment) {
      ...AlertFields
      closeComment
      closedAt
    }
  }
`);

export const AlertRulesQuery = graphql(`
  query AlertRules($tenantIds: [ID!]) {
    ruleTriageStats(tenantIds: $tenantIds) {
      tenantId
      ruleId
      ruleTitle
      alerts
    }
  }
`);
