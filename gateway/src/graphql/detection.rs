//! The detection API: rule packs (provider admins import them), and each tenant's
//! rule configuration (packs, overrides, exceptions, placeholders). A change is
//! picked up by the detection role between batches, without a restart.

use super::detection_types::*;
use super::errors::GqlResult;
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use garrison_core::{Error, TenantId};
use garrison_detection::packs::PackFile;
use garrison_detection::packs::import::import_rule_pack;
use garrison_detection::packs::{RulePackId, list_pack_versions, list_rule_packs};
use garrison_detection::tenant::exceptions::{
    RuleExceptionId, add_rule_exception, list_rule_exceptions, remove_rule_exception,
};
use garrison_detection::tenant::rules::list_rules;
use garrison_detection::tenant::{
    AlertingOverride, disable_rule_pack, enable_rule_pack, enabled_packs, list_placeholders,
    set_placeholder, set_rule_override,
};

/// Largest `first` for `rules`.
const MAX_RULES_PAGE: i32 = 1000;

/// Detection reads.
#[derive(Default)]
pub struct DetectionQuery;

#[Object]
impl DetectionQuery {
    /// Every rule pack, by name, with its versions.
    async fn rule_packs(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<RulePack>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let mut out = Vec::new();
        for pack in list_rule_packs(&tx).await.gql()? {
            let versions = list_pack_versions(&tx, pack.id).await.gql()?;
            out.push(RulePack { pack, versions });
        }
        tx.commit().await.gql()?;
        Ok(out)
    }

    /// The packs a tenant runs.
    async fn enabled_rule_packs(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<RulePack>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let packs = enabled_packs(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(packs
            .into_iter()
            .map(|pack| RulePack {
                pack,
                versions: Vec::new(),
            })
            .collect())
    }

    /// Rules of every pack; with `filter.tenantId`, that tenant's effective state.
    async fn rules(
        &self,
        ctx: &Context<'_>,
        filter: Option<RuleFilter>,
        first: Option<i32>,
    ) -> async_graphql::Result<RuleList> {
        let filter = filter.unwrap_or_default();
        let first = match first {
            None => 100,
            Some(n) if (0..=MAX_RULES_PAGE).contains(&n) => n,
            Some(_) => {
                return Err(Error::invalid(
                    "first",
                    format!("must be between 0 and {MAX_RULES_PAGE}"),
                ))
                .gql();
            }
        };
        let core = garrison_detection::tenant::rules::RuleFilter {
            tenant_id: filter
                .tenant_id
                .map(|t| TenantId::parse("filter.tenantId", &t))
                .transpose()
                .gql()?,
            pack_id: filter
                .pack_id
                .map(|p| RulePackId::parse("filter.packId", &p))
                .transpose()
                .gql()?,
            search: filter.search.filter(|s| !s.trim().is_empty()),
            level: filter.level.map(Into::into),
            enabled: filter.enabled,
        };
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let (rules, total) = list_rules(&tx, &core, first as usize).await.gql()?;
        tx.commit().await.gql()?;
        Ok(RuleList {
            total_count: total.min(i32::MAX as usize) as i32,
            nodes: rules.into_iter().map(Rule).collect(),
        })
    }

    /// A tenant's rule exceptions.
    async fn rule_exceptions(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<RuleException>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = list_rule_exceptions(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(RuleException).collect())
    }

    /// A tenant's placeholder values.
    async fn placeholders(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<Placeholder>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = list_placeholders(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list
            .into_iter()
            .map(|(name, values)| Placeholder { name, values })
            .collect())
    }
}

/// Detection changes.
#[derive(Default)]
pub struct DetectionMutation;

#[Object]
impl DetectionMutation {
    /// Imports a pack (provider admins): each string one YAML rule file. A second
    /// import under the same name is the next version; `versions[0]` says what
    /// changed and which files could not be loaded.
    async fn import_rule_pack(
        &self,
        ctx: &Context<'_>,
        name: String,
        rules: Vec<String>,
    ) -> async_graphql::Result<RulePack> {
        let files = rules
            .into_iter()
            .enumerate()
            .map(|(i, yaml)| PackFile {
                source: format!("rules[{i}]"),
                yaml,
            })
            .collect();
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (pack, _) = import_rule_pack(&tx, &name, files, state.clock.now())
            .await
            .gql()?;
        let versions = list_pack_versions(&tx, pack.id).await.gql()?;
        tx.commit().await.gql()?;
        Ok(RulePack { pack, versions })
    }

    /// Runs a pack for a tenant.
    async fn enable_rule_pack(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        pack_id: ID,
    ) -> async_graphql::Result<RulePack> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let pack = RulePackId::parse("packId", &pack_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let pack = enable_rule_pack(&tx, tenant, pack, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(RulePack {
            pack,
            versions: Vec::new(),
        })
    }

    /// Stops running a pack for a tenant.
    async fn disable_rule_pack(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        pack_id: ID,
    ) -> async_graphql::Result<RulePack> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let pack = RulePackId::parse("packId", &pack_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let pack = disable_rule_pack(&tx, tenant, pack, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(RulePack {
            pack,
            versions: Vec::new(),
        })
    }

    /// Switches a rule off or on, changes its severity, or changes how its
    /// matches fold into alerts (`alerting`), for one tenant; nothing set clears
    /// the override.
    async fn set_rule_override(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        rule_id: String,
        enabled: Option<bool>,
        level: Option<super::severity::Severity>,
        alerting: Option<RuleAlertingInput>,
    ) -> async_graphql::Result<RuleOverride> {
        let alerting = alerting.unwrap_or_default();
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let o = set_rule_override(
            &tx,
            tenant,
            &rule_id,
            enabled,
            level.map(Into::into),
            AlertingOverride {
                group_by: alerting.group_by,
                suppression_secs: alerting.suppression_minutes.map(|m| i64::from(m) * 60),
            },
            state.clock.now(),
        )
        .await
        .gql()?;
        tx.commit().await.gql()?;
        Ok(RuleOverride {
            rule_id: o.rule_id,
            enabled: o.enabled,
            level: o.level.map(Into::into),
            suppression_minutes: o.alerting.suppression_secs.map(|s| (s / 60) as i32),
            group_by: o.alerting.group_by,
            updated_at: o.updated_at,
        })
    }

    /// Excludes events from a rule for one tenant: `filter` is a Sigma detection
    /// snippet (searches and an optional condition) or a whole Sigma filter.
    async fn add_rule_exception(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        rule_id: String,
        filter: String,
    ) -> async_graphql::Result<RuleException> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let e = add_rule_exception(&tx, tenant, &rule_id, &filter, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(RuleException(e))
    }

    /// Removes a rule exception.
    async fn remove_rule_exception(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<RuleException> {
        let id = RuleExceptionId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let e = remove_rule_exception(&tx, id, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(RuleException(e))
    }

    /// Sets a tenant's values for an `expand` placeholder (`%name%`); an empty list
    /// removes them.
    async fn set_placeholder(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        name: String,
        values: Vec<String>,
    ) -> async_graphql::Result<Placeholder> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let (name, values) = set_placeholder(&tx, tenant, &name, values, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(Placeholder { name, values })
    }
}
