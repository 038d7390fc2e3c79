// The tenant operations the console uses; codegen turns each into a typed document.
import { graphql } from '../gql';

export const TenantFieldsFragment = graphql(`
  fragment TenantFields on Tenant {
    id
    name
    slug
    status
    timezone
    createdAt
    updatedAt
  }
`);

export const TenantsQuery = graphql(`
  query Tenants($first: Int, $after: String) {
    tenants(first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          ...TenantFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const TenantQuery = graphql(`
  query Tenant($id: ID!) {
    tenant(id: $id) {
      ...TenantFields
    }
  }
`);

export const AuditLogQuery = graphql(`
  query AuditLog($tenantId: ID!, $first: Int, $after: String) {
    auditLog(tenantId: $tenantId, first: $first, after: $after) {
      totalCount
      edges {
        cursor
        node {
          id
          actorId
          actorName
          action
          target
          detail
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateTenantMutation = graphql(`
  mutation CreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      ...TenantFields
    }
  }
`);

export const SuspendTenantMutation = graphql(`
  mutation SuspendTenant($id: ID!) {
    suspendTenant(id: $id) {
      ...TenantFields
    }
  }
`);

export const ActivateTenantMutation = graphql(`
  mutation ActivateTenant($id: ID!) {
    activateTenant(id: $id) {
      ...TenantFields
    }
  }
`);

export const UpdateTenantMutation = graphql(`
  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {
    updateTenant(id: $id, input: $input) {
      ...TenantFields
    }
  }
`);
