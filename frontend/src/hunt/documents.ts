// The event search the Hunt page runs, and the histogram of its matches over time.
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

// How the search's matches spread over its whole range (not just the page), for the chart above
// the results; `first: 0` because the events themselves come from EventsQuery.
export const EventHistogramQuery = graphql(`
  query EventHistogram($tenantId: ID!, $filter: EventFilter, $buckets: Int!) {
    events(tenantId: $tenantId, filter: $filter, first: 0) {
      histogram(buckets: $buckets) {
        from
        to
        bucketSeconds
        counts
      }
    }
  }
`);
