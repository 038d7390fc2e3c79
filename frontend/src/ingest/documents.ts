// The ingest operations the console uses: tokens (with their log-source tags), syslog source
// bindings, syslog TLS client certificates, limits and statistics.
import { graphql } from '../gql';

export const IngestTokenFieldsFragment = graphql(`
  fragment IngestTokenFields on IngestToken {
    id
    name
    prefix
    createdAt
    lastUsedAt
    revokedAt
    logSource {
      product
      category
      service
    }
  }
`);

export const IngestTokensQuery = graphql(`
  query IngestTokens($tenantId: ID!) {
    ingestTokens(tenantId: $tenantId) {
      ...IngestTokenFields
    }
  }
`);

export const CreateIngestTokenMutation = graphql(`
  mutation CreateIngestToken($tenantId: ID!, $name: String!, $logSource: LogSourceInput) {
    createIngestToken(tenantId: $tenantId, name: $name, logSource: $logSource) {
      token
      ingestToken {
        ...IngestTokenFields
      }
    }
  }
`);

export const RevokeIngestTokenMutation = graphql(`
  mutation RevokeIngestToken($id: ID!) {
    revokeIngestToken(id: $id) {
      ...IngestTokenFields
    }
  }
`);

export const SetIngestTokenLogSourceMutation = graphql(`
  mutation SetIngestTokenLogSource($id: ID!, $logSource: LogSourceInput!) {
    setIngestTokenLogSource(id: $id, logSource: $logSource) {
      ...IngestTokenFields
    }
  }
`);

export const SyslogSourcesQuery = graphql(`
  query SyslogSources($tenantId: ID!) {
    syslogSources(tenantId: $tenantId) {
      id
      cidr
      createdAt
    }
  }
`);

export const BindSyslogSourceMutation = graphql(`
  mutation BindSyslogSource($tenantId: ID!, $cidr: String!) {
    bindSyslogSource(tenantId: $tenantId, cidr: $cidr) {
      id
      cidr
      createdAt
    }
  }
`);

export const UnbindSyslogSourceMutation = graphql(`
  mutation UnbindSyslogSource($id: ID!) {
    unbindSyslogSource(id: $id) {
      id
    }
  }
`);

export const SyslogCertificateFieldsFragment = graphql(`
  fragment SyslogCertificateFields on SyslogCertificate {
    id
    name
    fingerprint
    createdAt
  }
`);

export const SyslogCertificatesQuery = graphql(`
  query SyslogCertificates($tenantId: ID!) {
    syslogCertificates(tenantId: $tenantId) {
      ...SyslogCertificateFields
    }
  }
`);

export const BindSyslogCertificateMutation = graphql(`
  mutation BindSyslogCertificate($tenantId: ID!, $name: String!, $certificate: String!) {
    bindSyslogCertificate(tenantId: $tenantId, name: $name, certificate: $certificate) {
      ...SyslogCertificateFields
    }
  }
`);

export const UnbindSyslogCertificateMutation = graphql(`
  mutation UnbindSyslogCertificate($id: ID!) {
    unbindSyslogCertificate(id: $id) {
      id
    }
  }
`);

export const IngestLimitsQuery = graphql(`
  query IngestLimits($tenantId: ID!) {
    ingestLimits(tenantId: $tenantId) {
      eventsPerSecond
      bytesPerDay
      retentionDays
    }
  }
`);

export const SetIngestLimitsMutation = graphql(`
  mutation SetIngestLimits($tenantId: ID!, $eventsPerSecond: Int, $bytesPerDay: Int, $retentionDays: Int) {
    setIngestLimits(
      tenantId: $tenantId
      eventsPerSecond: $eventsPerSecond
      bytesPerDay: $bytesPerDay
      retentionDays: $retentionDays
    ) {
      eventsPerSecond
      bytesPerDay
      retentionDays
    }
  }
`);

export const IngestHealthQuery = graphql(`
  query IngestHealth($tenantId: ID!, $dayFrom: DateTime!, $hourFrom: DateTime!, $to: DateTime!) {
    day: ingestStats(tenantId: $tenantId, from: $dayFrom, to: $to) {
      sources {
        source
        received
        stored
        rejected
        deadLettered
        bytes
      }
    }
    lastHour: ingestStats(tenantId: $tenantId, from: $hourFrom, to: $to) {
      sources {
        source
        received
      }
    }
    hosts: ingestHosts(tenantId: $tenantId, from: $dayFrom, to: $to) {
      host
      events
      lastSeenAt
    }
  }
`);
