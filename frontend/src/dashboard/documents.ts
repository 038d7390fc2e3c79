// The customer dashboard's operations: open cases by severity, alert counts per hour over the
// last 24 hours (one request: an aliased count per hour, as the API has no histogram), and the
// MTTA/MTTR trend (one request: an aliased SLA report per month, TREND_MONTHS in trend.ts).
import { graphql } from '../gql';

export const HOURS = 24;

export const AlertVolumeQuery = graphql(`
  query AlertVolume($tenantId: ID!, $t0: DateTime!, $t1: DateTime!, $t2: DateTime!, $t3: DateTime!, $t4: DateTime!, $t5: DateTime!, $t6: DateTime!, $t7: DateTime!, $t8: DateTime!, $t9: DateTime!, $t10: DateTime!, $t11: DateTime!, $t12: DateTime!, $t13: DateTime!, $t14: DateTime!, $t15: DateTime!, $t16: DateTime!, $t17: DateTime!, $t18: DateTime!, $t19: DateTime!, $t20: DateTime!, $t21: DateTime!, $t22: DateTime!, $t23: DateTime!, $t24: DateTime!) {
    h0: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t0, to: $t1 }, first: 0) {
      totalCount
    }
    h1: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t1, to: $t2 }, first: 0) {
      totalCount
    }
    h2: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t2, to: $t3 }, first: 0) {
      totalCount
    }
    h3: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t3, to: $t4 }, first: 0) {
      totalCount
    }
    h4: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t4, to: $t5 }, first: 0) {
      totalCount
    }
    h5: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t5, to: $t6 }, first: 0) {
      totalCount
    }
    h6: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t6, to: $t7 }, first: 0) {
      totalCount
    }
    h7: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t7, to: $t8 }, first: 0) {
      totalCount
    }
    h8: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t8, to: $t9 }, first: 0) {
      totalCount
    }
    h9: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t9, to: $t10 }, first: 0) {
      totalCount
    }
    h10: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t10, to: $t11 }, first: 0) {
      totalCount
    }
    h11: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t11, to: $t12 }, first: 0) {
      totalCount
    }
    h12: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t12, to: $t13 }, first: 0) {
      totalCount
    }
    h13: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t13, to: $t14 }, first: 0) {
      totalCount
    }
    h14: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t14, to: $t15 }, first: 0) {
      totalCount
    }
    h15: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t15, to: $t16 }, first: 0) {
      totalCount
    }
    h16: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t16, to: $t17 }, first: 0) {
      totalCount
    }
    h17: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t17, to: $t18 }, first: 0) {
      totalCount
    }
    h18: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t18, to: $t19 }, first: 0) {
      totalCount
    }
    h19: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t19, to: $t20 }, first: 0) {
      totalCount
    }
    h20: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t20, to: $t21 }, first: 0) {
      totalCount
    }
    h21: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t21, to: $t22 }, first: 0) {
      totalCount
    }
    h22: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t22, to: $t23 }, first: 0) {
      totalCount
    }
    h23: alerts(filter: { tenantIds: [$tenantId], status: [NEW, ACKNOWLEDGED, CLOSED], from: $t23, to: $t24 }, first: 0) {
      totalCount
    }
  }
`);

export const OpenCaseSeveritiesQuery = graphql(`
  query OpenCaseSeverities($tenantId: ID!) {
    cases(filter: { tenantIds: [$tenantId], openOnly: true }, first: 200) {
      totalCount
      edges {
        node {
          id
          severity
        }
      }
    }
  }
`);

export const MttTrendQuery = graphql(`
  query MttTrend($tenantId: ID!, $periods: [SlaPeriodInput!]!) {
    slaTrend(tenantId: $tenantId, periods: $periods) {
      mtta {
        count
        median
      }
      mttrRespond {
        count
        median
      }
      mttrResolve {
        count
        median
      }
    }
  }
`);
