// The user operations the console uses; codegen turns each into a typed document.
import { graphql } from '../gql';

export const UserFieldsFragment = graphql(`
  fragment UserFields on User {
    id
    email
    displayName
    role
    tenantId
    tenantIds
    allTenants
    disabled
    lastLoginAt
    createdAt
  }
`);

export const UsersQuery = graphql(`
  query Users($tenantId: ID) {
    users(tenantId: $tenantId) {
      ...UserFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserFields
    }
  }
`);

export const DisableUserMutation = graphql(`
  mutation DisableUser($id: ID!) {
    disableUser(id: $id) {
      ...UserFields
    }
  }
`);

export const AssignTenantsMutation = graphql(`
  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {
    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {
      ...UserFields
    }
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($current: String!, $new: String!) {
    changePassword(current: $current, new: $new)
  }
`);
