// The event search the Hunt page runs.
import { graphql } from '../gql';

export const EventsQuery = graphql(`
  query Events($tenantId: ID!, $filter: EventFilter, $first: Int, $after: String) {
    events(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
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
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
