//! A tenant's rule configuration: which packs it runs, per-rule overrides
//! (enabled, severity), exceptions (Sigma snippets excluded from a rule) and
//! `expand` placeholder values. Every change bumps the tenant's rules revision,
//! which the detection role watches to recompile and swap the tenant's rule set
//! between batches (nothing in flight is lost: the cursor is durable).

pub mod effective;
pub mod exceptions;
pub mod overrides;
pub mod rules;

pub use overrides::{AlertingOverride, RuleOverride, list_overrides, set_rule_override};

use crate::entity::{detection_state, rule_pack, rule_placeholder, tenant_rule_pack};
use crate::packs::{RulePack, RulePackId, to_pack};
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use serde_json::json;

/// Checks the caller may tune `tenant`'s rules.
pub(crate) fn require_tuning(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<()> {
    tx.scope()
        .require_in(tenant, Resource::RulePack, Action::Update)
}

/// Records that `tenant`'s rule configuration changed.
pub(crate) async fn bump_revision(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    now: DateTime<Utc>,
) -> Result<()> {
    let row = detection_state::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        cursor_seq: Set(0),
        rules_revision: Set(1),
        correlation_state: Set(None),
        updated_at: Set(now),
    };
    let conflict = OnConflict::column(detection_state::Column::TenantId)
        .value(
            detection_state::Column::RulesRevision,
            Expr::col((
                detection_state::Entity,
                detection_state::Column::RulesRevision,
            ))
            .add(1),
        )
        .value(detection_state::Column::UpdatedAt, Expr::value(now))
        .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    Ok(())
}

async fn find_pack(tx: &ScopedTx<'_>, pack: RulePackId) -> Result<RulePack> {
    let row = tx
        .select_catalog::<rule_pack::Entity>()
        .filter(rule_pack::Column::Id.eq(pack.as_uuid()))
        .one(tx)
        .await?
        .ok_or_else(|| Error::invalid("packId", "no such rule pack"))?;
    Ok(to_pack(row))
}

/// Runs `pack` (its current version, and later ones as they are imported) for `tenant`.
pub async fn enable_rule_pack(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    pack: RulePackId,
    now: DateTime<Utc>,
) -> Result<RulePack> {
    require_tuning(tx, tenant)?;
    let found = find_pack(tx, pack).await?;
    let row = tenant_rule_pack::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        pack_id: Set(pack.as_uuid()),
        enabled_at: Set(now),
    };
    let conflict = OnConflict::columns([
        tenant_rule_pack::Column::TenantId,
        tenant_rule_pack::Column::PackId,
    ])
    .do_nothing()
    .to_owned();
    if tx.upsert(tenant, row, conflict).await? > 0 {
        bump_revision(tx, tenant, now).await?;
        audit::record(
            tx,
            tenant,
            "rule_pack.enable",
            &pack.to_string(),
            json!({"name": found.name, "version": found.version}),
        )
        .await?;
    }
    Ok(found)
}

/// Stops running `pack` for `tenant`.
pub async fn disable_rule_pack(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    pack: RulePackId,
    now: DateTime<Utc>,
) -> Result<RulePack> {
    require_tuning(tx, tenant)?;
    let found = find_pack(tx, pack).await?;
    let gone = tx
        .delete_where::<tenant_rule_pack::Entity>(
            tenant_rule_pack::Column::TenantId
                .eq(tenant.as_uuid())
                .and(tenant_rule_pack::Column::PackId.eq(pack.as_uuid())),
        )
        .await?;
    if gone > 0 {
        bump_revision(tx, tenant, now).await?;
        audit::record(
            tx,
            tenant,
            "rule_pack.disable",
            &pack.to_string(),
            json!({"name": found.name}),
        )
        .await?;
    }
    Ok(found)
}

/// The packs `tenant` runs.
pub async fn enabled_packs(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<RulePack>> {
    tx.scope()
        .require_in(tenant, Resource::RulePack, Action::Read)?;
    let ids: Vec<uuid::Uuid> = tx
        .select::<tenant_rule_pack::Entity>()
        .filter(tenant_rule_pack::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?
        .into_iter()
        .map(|r| r.pack_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(tx
        .select_catalog::<rule_pack::Entity>()
        .filter(rule_pack::Column::Id.is_in(ids))
        .order_by_asc(rule_pack::Column::Name)
        .all(tx)
        .await?
        .into_iter()
        .map(to_pack)
        .collect())
}

/// Most values one placeholder may carry.
pub const MAX_PLACEHOLDER_VALUES: usize = 1000;

/// Sets `tenant`'s values for the `expand` placeholder `name` (`%name%` in rules;
/// given with or without the percent signs). An empty list removes it.
pub async fn set_placeholder(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    name: &str,
    values: Vec<String>,
    now: DateTime<Utc>,
) -> Result<(String, Vec<String>)> {
    require_tuning(tx, tenant)?;
    let name = name.trim().trim_matches('%').to_string();
    if name.is_empty()
        || name.len() > 100
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.')
    {
        return Err(Error::invalid(
            "name",
            "must be 1 to 100 letters, digits, '_', '-' or '.'",
        ));
    }
    if values.len() > MAX_PLACEHOLDER_VALUES {
        return Err(Error::invalid(
            "values",
            format!("at most {MAX_PLACEHOLDER_VALUES} values"),
        ));
    }
    if let Some(i) = values.iter().position(|v| v.len() > 1024) {
        return Err(Error::invalid(
            format!("values[{i}]"),
            "is longer than 1024 bytes",
        ));
    }
    let key = rule_placeholder::Column::TenantId
        .eq(tenant.as_uuid())
        .and(rule_placeholder::Column::Name.eq(name.as_str()));
    tx.delete_where::<rule_placeholder::Entity>(key).await?;
    if !values.is_empty() {
        tx.insert(
            tenant,
            rule_placeholder::ActiveModel {
                tenant_id: Set(tenant.as_uuid()),
                name: Set(name.clone()),
                placeholder_values: Set(serde_json::to_string(&values).unwrap_or_default()),
                updated_at: Set(now),
            },
        )
        .await?;
    }
    bump_revision(tx, tenant, now).await?;
    audit::record(
        tx,
        tenant,
        "rule.placeholder",
        &name,
        json!({"values": values.len()}),
    )
    .await?;
    Ok((name, values))
}

/// `tenant`'s placeholder values, by name.
pub async fn list_placeholders(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
) -> Result<Vec<(String, Vec<String>)>> {
    tx.scope()
        .require_in(tenant, Resource::RulePack, Action::Read)?;
    Ok(tx
        .select::<rule_placeholder::Entity>()
        .filter(rule_placeholder::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_asc(rule_placeholder::Column::Name)
        .all(tx)
        .await?
        .into_iter()
        .map(|r| {
            let values = serde_json::from_str(&r.placeholder_values).unwrap_or_default();
            (r.name, values)
        })
        .collect())
}

pub(crate) fn valid_rule_id(raw: &str) -> Result<String> {
    let id = raw.trim();
    if id.is_empty() || id.len() > 200 {
        return Err(Error::invalid("ruleId", "must be 1 to 200 characters"));
    }
    Ok(id.to_string())
}
