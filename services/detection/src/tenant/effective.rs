//! A tenant's effective rule set: the current versions of its enabled packs, its
//! exceptions compiled in as filters, its placeholder values, compiled once; plus
//! the overrides applied when a match becomes an alert. [`RulesKey`] says when a
//! compiled set is stale (the tenant's revision, or a pack's version, moved).

use super::exceptions::exception_document;
use super::overrides::AlertingOverride;
use crate::entity::{
    detection_state, rule_exception, rule_override, rule_pack, rule_placeholder, tenant_rule_pack,
};
use crate::packs::PackFile;
use crate::packs::RulePackId;
use crate::packs::catalog::load_pack_files;
use crate::packs::import::is_placeholder_gap;
use crate::rejection::Rejection;
use crate::ruleset::{CompiledRuleSet, RuleSetBuilder};
use garrison_core::db::ScopedTx;
use garrison_core::{Result, Severity, TenantId};
use sea_orm::ColumnTrait;
use std::collections::{HashMap, HashSet};

/// What a compiled set was built from; a different key means recompile.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RulesKey {
    pub revision: i64,
    /// (pack, version), sorted.
    pub packs: Vec<(RulePackId, i32)>,
}

/// Reads the key cheaply (two small queries), to decide whether to recompile.
pub async fn rules_key(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<RulesKey> {
    let revision = tx
        .select::<detection_state::Entity>()
        .filter(detection_state::Column::TenantId.eq(tenant.as_uuid()))
        .one(tx)
        .await?
        .map(|s| s.rules_revision)
        .unwrap_or(0);
    let ids: Vec<uuid::Uuid> = tx
        .select::<tenant_rule_pack::Entity>()
        .filter(tenant_rule_pack::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?
        .into_iter()
        .map(|r| r.pack_id)
        .collect();
    let mut packs: Vec<(RulePackId, i32)> = if ids.is_empty() {
        Vec::new()
    } else {
        tx.select_catalog::<rule_pack::Entity>()
            .filter(rule_pack::Column::Id.is_in(ids))
            .all(tx)
            .await?
            .into_iter()
            .map(|p| (RulePackId::from_uuid(p.id), p.version))
            .collect()
    };
    packs.sort();
    Ok(RulesKey { revision, packs })
}

/// Everything a tenant's set is compiled from.
#[derive(Debug, Clone, Default)]
pub struct TenantRuleSource {
    pub key: RulesKey,
    pub files: Vec<PackFile>,
    /// Exception filter documents (already valid Sigma).
    pub exceptions: Vec<PackFile>,
    pub placeholders: HashMap<String, Vec<String>>,
    pub disabled: HashSet<String>,
    pub levels: HashMap<String, Severity>,
    pub alerting: HashMap<String, AlertingOverride>,
}

/// Loads what `tenant`'s set is compiled from.
pub async fn load_rule_source(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<TenantRuleSource> {
    let key = rules_key(tx, tenant).await?;
    let mut files = Vec::new();
    for (pack, version) in &key.packs {
        for mut f in load_pack_files(tx, *pack, *version).await? {
            // Sources are unique per pack; prefix them so two packs never collide.
            f.source = format!("{pack}/{}", f.source);
            files.push(f);
        }
    }
    let mut exceptions = Vec::new();
    for row in tx
        .select::<rule_exception::Entity>()
        .filter(rule_exception::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?
    {
        match exception_document(&row.rule_id, &row.id.to_string(), &row.filter) {
            Ok(yaml) => exceptions.push(PackFile {
                source: format!("exception/{}", row.id),
                yaml,
            }),
            // Validated when added; the engine may since have grown stricter.
            Err(reason) => {
                tracing::warn!(exception = %row.id, %reason, "exception no longer compiles; skipped")
            }
        }
    }
    let placeholders = tx
        .select::<rule_placeholder::Entity>()
        .filter(rule_placeholder::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?
        .into_iter()
        .map(|r| {
            let values = serde_json::from_str(&r.placeholder_values).unwrap_or_default();
            (r.name, values)
        })
        .collect();
    let mut disabled = HashSet::new();
    let mut levels = HashMap::new();
    let mut alerting = HashMap::new();
    for row in tx
        .select::<rule_override::Entity>()
        .filter(rule_override::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?
    {
        let o = super::overrides::to_override(row);
        if o.enabled == Some(false) {
            disabled.insert(o.rule_id.clone());
        }
        if let Some(level) = o.level {
            levels.insert(o.rule_id.clone(), level);
        }
        if o.alerting != AlertingOverride::default() {
            alerting.insert(o.rule_id, o.alerting);
        }
    }
    Ok(TenantRuleSource {
        key,
        files,
        exceptions,
        placeholders,
        disabled,
        levels,
        alerting,
    })
}

/// A tenant's compiled rules and how its overrides apply to matches.
#[derive(Debug)]
pub struct TenantRules {
    pub key: RulesKey,
    pub set: CompiledRuleSet,
    /// Rules that load but wait for a placeholder value, and any other rejections.
    pub rejections: Vec<Rejection>,
    disabled: HashSet<String>,
    levels: HashMap<String, Severity>,
    alerting: HashMap<String, AlertingOverride>,
}

impl TenantRules {
    /// Compiles a tenant's source (CPU-heavy for large packs: run it off the async
    /// executor). Routing is on: stored Windows events carry `Channel`/`EventID`,
    /// and syslog events carry neither, so Windows rules never run on them.
    pub fn compile(source: TenantRuleSource) -> TenantRules {
        let mut builder = RuleSetBuilder::new()
            .routing(true)
            .placeholders(source.placeholders);
        for f in source.files.iter().chain(source.exceptions.iter()) {
            builder.add_yaml(&f.source, &f.yaml);
        }
        let (set, rejections) = builder.build();
        let unexpected = rejections
            .iter()
            .filter(|r| !is_placeholder_gap(&r.reason))
            .count();
        if unexpected > 0 {
            tracing::warn!(
                rejected = unexpected,
                "rules of enabled packs failed to compile for a tenant"
            );
        }
        TenantRules {
            key: source.key,
            set,
            rejections,
            disabled: source.disabled,
            levels: source.levels,
            alerting: source.alerting,
        }
    }

    /// How the tenant wants `rule_id`'s matches folded into alerts, if it changed it.
    pub fn alerting(&self, rule_id: &str) -> Option<&AlertingOverride> {
        self.alerting.get(rule_id)
    }

    /// Whether the tenant switched `rule_id` off.
    pub fn is_disabled(&self, rule_id: &str) -> bool {
        self.disabled.contains(rule_id)
    }

    /// The tenant's severity for a rule: its override, else the rule's `level`.
    pub fn severity(&self, rule_id: &str, level: Option<&str>) -> Severity {
        if let Some(s) = self.levels.get(rule_id) {
            return *s;
        }
        level
            .and_then(|l| Severity::parse("level", l).ok())
            .unwrap_or(Severity::Medium)
    }
}
