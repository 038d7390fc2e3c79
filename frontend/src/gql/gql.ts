/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n": typeof types.TenantFieldsFragmentDoc,
    "\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.TenantsDocument,
    "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.TenantDocument,
    "\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditLogDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": typeof types.CreateTenantDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.SuspendTenantDocument,
    "\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": typeof types.ActivateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n": typeof types.UpdateTenantDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n": typeof types.UserFieldsFragmentDoc,
    "\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n": typeof types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n": typeof types.AssignTenantsDocument,
    "\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n": typeof types.ChangePasswordDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n": types.ViewerDocument,
    "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n": types.TenantFieldsFragmentDoc,
    "\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.TenantsDocument,
    "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.TenantDocument,
    "\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditLogDocument,
    "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n": types.CreateTenantDocument,
    "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.SuspendTenantDocument,
    "\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n": types.ActivateTenantDocument,
    "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n": types.UpdateTenantDocument,
    "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n": types.UserFieldsFragmentDoc,
    "\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n": types.UsersDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n": types.DisableUserDocument,
    "\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n": types.AssignTenantsDocument,
    "\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n": types.ChangePasswordDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      email\n      displayName\n      role\n      tenantId\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n"): (typeof documents)["\n  fragment TenantFields on Tenant {\n    id\n    name\n    slug\n    status\n    timezone\n    createdAt\n    updatedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Tenants($first: Int, $after: String) {\n    tenants(first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          ...TenantFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditLog($tenantId: ID!, $first: Int, $after: String) {\n    auditLog(tenantId: $tenantId, first: $first, after: $after) {\n      totalCount\n      edges {\n        cursor\n        node {\n          id\n          actorId\n          action\n          target\n          detail\n          createdAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTenant($input: CreateTenantInput!) {\n    createTenant(input: $input) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation SuspendTenant($id: ID!) {\n    suspendTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation ActivateTenant($id: ID!) {\n    activateTenant(id: $id) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenant($id: ID!, $input: UpdateTenantInput!) {\n    updateTenant(id: $id, input: $input) {\n      ...TenantFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n"): (typeof documents)["\n  fragment UserFields on User {\n    id\n    email\n    displayName\n    role\n    tenantId\n    tenantIds\n    allTenants\n    disabled\n    lastLoginAt\n    createdAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  query Users($tenantId: ID) {\n    users(tenantId: $tenantId) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation DisableUser($id: ID!) {\n    disableUser(id: $id) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n"): (typeof documents)["\n  mutation AssignTenants($userId: ID!, $tenantIds: [ID!]!, $allTenants: Boolean) {\n    assignTenants(userId: $userId, tenantIds: $tenantIds, allTenants: $allTenants) {\n      ...UserFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n"): (typeof documents)["\n  mutation ChangePassword($current: String!, $new: String!) {\n    changePassword(current: $current, new: $new)\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;