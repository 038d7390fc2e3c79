// Rule packs and a tenant's detection tuning: enabled packs, rules with overrides, exceptions
// and placeholder values.
import { graphql } from '../gql';

export const RulePacksQuery = graphql(`
  query RulePacks {
    rulePacks {
      id
      name
      version
      ruleCount
      updatedAt
      versions {
        version
        importedAt
        ruleCount
        added
        removed
        changed
        rejected {
          source
          reason
        }
      }
    }
  }
`);

export const ImportRulePackMutation = graphql(`
  mutation ImportRulePack($name: String!, $rules: [String!]!) {
    importRulePack(name: $name, rules: $rules) {
      id
      name
      version
      ruleCount
      updatedAt
      versions {
        version
        importedAt
        ruleCount
        added
        removed
        changed
        rejected {
          source
          reason
        }
      }
    }
  }
`);

export const TenantPacksQuery = graphql(`
  query TenantPacks($tenantId: ID!) {
    rulePacks {
      id
      name
      version
      ruleCount
    }
    enabledRulePacks(tenantId: $tenantId) {
      id
    }
  }
`);

export const EnableRulePackMutation = graphql(`
  mutation EnableRulePack($tenantId: ID!, $packId: ID!) {
    enableRulePack(tenantId: $tenantId, packId: $packId) {
      id
    }
  }
`);

export const DisableRulePackMutation = graphql(`
  mutation DisableRulePack($tenantId: ID!, $packId: ID!) {
    disableRulePack(tenantId: $tenantId, packId: $packId) {
      id
    }
  }
`);

export const RulesQuery = graphql(`
  query Rules($filter: RuleFilter, $first: Int) {
    rules(filter: $filter, first: $first) {
      totalCount
      nodes {
        id
        title
        description
        kind
        status
        tags
        product
        category
        service
        packId
        packName
        enabled
        level
        overridden
        packEnabled
        overrideEnabled
        overrideLevel
        ruleLevel
        exceptionCount
      }
    }
  }
`);

export const SetRuleOverrideMutation = graphql(`
  mutation SetRuleOverride($tenantId: ID!, $ruleId: String!, $enabled: Boolean, $level: Severity) {
    setRuleOverride(tenantId: $tenantId, ruleId: $ruleId, enabled: $enabled, level: $level) {
      ruleId
      enabled
      level
      updatedAt
    }
  }
`);

export const RuleExceptionsQuery = graphql(`
  query RuleExceptions($tenantId: ID!) {
    ruleExceptions(tenantId: $tenantId) {
      id
      ruleId
      filter
      createdAt
    }
  }
`);

export const AddRuleExceptionMutation = graphql(`
  mutation AddRuleException($tenantId: ID!, $ruleId: String!, $filter: String!) {
    addRuleException(tenantId: $tenantId, ruleId: $ruleId, filter: $filter) {
      id
      ruleId
      filter
      createdAt
    }
  }
`);

export const RemoveRuleExceptionMutation = graphql(`
  mutation RemoveRuleException($id: ID!) {
    removeRuleException(id: $id) {
      id
    }
  }
`);

export const PlaceholdersQuery = graphql(`
  query Placeholders($tenantId: ID!) {
    placeholders(tenantId: $tenantId) {
      name
      values
    }
  }
`);

export const SetPlaceholderMutation = graphql(`
  mutation SetPlaceholder($tenantId: ID!, $name: String!, $values: [String!]!) {
    setPlaceholder(tenantId: $tenantId, name: $name, values: $values) {
      name
      values
    }
  }
`);
