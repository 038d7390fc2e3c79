// The notification endpoint operations the console uses: list, create (a webhook's signing
// secret comes back once), enable/disable, test and delete.
import { graphql } from '../gql';

export const NotificationEndpointFieldsFragment = graphql(`
  fragment NotificationEndpointFields on NotificationEndpoint {
    id
    tenantId
    name
    kind
    target
    events
    minSeverity
    enabled
    disabledReason
    signed
    consecutiveFailures
    retryAt
    createdAt
    updatedAt
  }
`);

export const NotificationEndpointsQuery = graphql(`
  query NotificationEndpoints($tenantId: ID) {
    notificationEndpoints(tenantId: $tenantId) {
      ...NotificationEndpointFields
    }
  }
`);

export const CreateNotificationEndpointMutation = graphql(`
  mutation CreateNotificationEndpoint($input: CreateNotificationEndpointInput!) {
    createNotificationEndpoint(input: $input) {
      signingSecret
      endpoint {
        ...NotificationEndpointFields
      }
    }
  }
`);

export const UpdateNotificationEndpointMutation = graphql(`
  mutation UpdateNotificationEndpoint($id: ID!, $input: UpdateNotificationEndpointInput!) {
    updateNotificationEndpoint(id: $id, input: $input) {
      ...NotificationEndpointFields
    }
  }
`);

export const DeleteNotificationEndpointMutation = graphql(`
  mutation DeleteNotificationEndpoint($id: ID!) {
    deleteNotificationEndpoint(id: $id) {
      id
    }
  }
`);

export const TestNotificationEndpointMutation = graphql(`
  mutation TestNotificationEndpoint($id: ID!) {
    testNotificationEndpoint(id: $id) {
      ...NotificationEndpointFields
    }
  }
`);

export const NotificationDeliveriesQuery = graphql(`
  query NotificationDeliveries($endpointId: ID!, $first: Int) {
    notificationDeliveries(endpointId: $endpointId, first: $first) {
      id
      deliveryId
      event
      attempt
      attemptedAt
      outcome
      statusCode
      error
      latencyMs
    }
  }
`);
