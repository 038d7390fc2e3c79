//! GraphQL types of the detection API: rule packs and their versions, rules with
//! a tenant's effective state, overrides, exceptions and placeholders.

use super::severity::Severity;
use async_graphql::{Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_detection::packs::catalog::RuleKind as CoreRuleKind;
use garrison_detection::packs::{self, PackVersion};
use garrison_detection::tenant::exceptions::RuleException as CoreException;
use garrison_detection::tenant::rules::EffectiveRule;

/// A rule pack at its current version.
pub struct RulePack {
    pub pack: packs::RulePack,
    /// Newest first; loaded by the resolver that made the pack.
    pub versions: Vec<PackVersion>,
}

#[Object]
impl RulePack {
    async fn id(&self) -> ID {
        ID(self.pack.id.to_string())
    }
    async fn name(&self) -> &str {
        &self.pack.name
    }
    async fn version(&self) -> i32 {
        self.pack.version
    }
    async fn rule_count(&self) -> i32 {
        self.pack.rule_count
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.pack.created_at
    }
    async fn updated_at(&self) -> DateTime<Utc> {
        self.pack.updated_at
    }
    /// Every imported version, newest first: what each added, removed, changed
    /// and could not load.
    async fn versions(&self) -> Vec<RulePackVersion> {
        self.versions.iter().cloned().map(RulePackVersion).collect()
    }
}

/// One import of a pack.
pub struct RulePackVersion(pub PackVersion);

#[Object]
impl RulePackVersion {
    async fn version(&self) -> i32 {
        self.0.version
    }
    async fn imported_at(&self) -> DateTime<Utc> {
        self.0.imported_at
    }
    async fn rule_count(&self) -> i32 {
        self.0.rule_count
    }
    /// Rule ids new in this version.
    async fn added(&self) -> &[String] {
        &self.0.changes.added
    }
    async fn removed(&self) -> &[String] {
        &self.0.changes.removed
    }
    /// Rule ids whose text changed.
    async fn changed(&self) -> &[String] {
        &self.0.changes.changed
    }
    /// Files that were not stored, each with its reason.
    async fn rejected(&self) -> Vec<RuleRejection> {
        self.0
            .rejected
            .iter()
            .map(|r| RuleRejection {
                source: r.source.clone(),
                reason: r.reason.clone(),
            })
            .collect()
    }
}

/// A rule file that could not be loaded.
#[derive(SimpleObject)]
pub struct RuleRejection {
    pub source: String,
    pub reason: String,
}

/// What kind of Sigma document a rule is.
#[derive(Enum, Copy, Clone, PartialEq, Eq)]
pub enum RuleKind {
    Detection,
    Correlation,
    Filter,
}

impl From<CoreRuleKind> for RuleKind {
    fn from(k: CoreRuleKind) -> Self {
        match k {
            CoreRuleKind::Detection => RuleKind::Detection,
            CoreRuleKind::Correlation => RuleKind::Correlation,
            CoreRuleKind::Filter => RuleKind::Filter,
        }
    }
}

/// A rule, with a tenant's effective state when the query named a tenant.
pub struct Rule(pub EffectiveRule);

#[Object]
impl Rule {
    /// The Sigma id.
    async fn id(&self) -> &str {
        &self.0.summary.rule_id
    }
    async fn title(&self) -> &str {
        &self.0.summary.title
    }
    async fn description(&self) -> Option<&str> {
        self.0.summary.description.as_deref()
    }
    async fn kind(&self) -> RuleKind {
        self.0.summary.kind.into()
    }
    /// Sigma `status` (stable, test, experimental, ...).
    async fn status(&self) -> Option<&str> {
        self.0.summary.status.as_deref()
    }
    async fn tags(&self) -> &[String] {
        &self.0.summary.tags
    }
    async fn product(&self) -> Option<&str> {
        self.0.summary.product.as_deref()
    }
    async fn category(&self) -> Option<&str> {
        self.0.summary.category.as_deref()
    }
    async fn service(&self) -> Option<&str> {
        self.0.summary.service.as_deref()
    }
    async fn pack_id(&self) -> ID {
        ID(self.0.pack.id.to_string())
    }
    async fn pack_name(&self) -> &str {
        &self.0.pack.name
    }
    /// Whether it runs (for the tenant: pack enabled and not overridden off).
    async fn enabled(&self) -> bool {
        self.0.enabled
    }
    /// The effective severity (the tenant's override, else the rule's level).
    async fn level(&self) -> Option<Severity> {
        self.0.level.map(Severity::from)
    }
    async fn overridden(&self) -> bool {
        self.0.overridden
    }
    /// Whether the rule's pack runs for the tenant.
    async fn pack_enabled(&self) -> bool {
        self.0.pack_enabled
    }
    /// The tenant's override as set (null halves are not overridden).
    async fn override_enabled(&self) -> Option<bool> {
        self.0.override_enabled
    }
    async fn override_level(&self) -> Option<Severity> {
        self.0.override_level.map(Severity::from)
    }
    /// The rule's own `level` in its pack.
    async fn rule_level(&self) -> Option<Severity> {
        self.0.rule_level.map(Severity::from)
    }
    async fn exception_count(&self) -> i32 {
        self.0.exceptions.min(i32::MAX as usize) as i32
    }
}

/// A page of rules.
#[derive(SimpleObject)]
pub struct RuleList {
    pub total_count: i32,
    pub nodes: Vec<Rule>,
}

/// Which rules to list.
#[derive(InputObject, Default)]
pub struct RuleFilter {
    /// With a tenant: its effective state.
    pub tenant_id: Option<ID>,
    pub pack_id: Option<ID>,
    /// Text in the id, title or tags.
    pub search: Option<String>,
    pub level: Option<Severity>,
    pub enabled: Option<bool>,
}

/// How one rule's matches fold into alerts for a tenant.
#[derive(InputObject, Default)]
pub struct RuleAlertingInput {
    /// Event fields whose values group matches into one alert (instead of host and user).
    pub group_by: Option<Vec<String>>,
    /// How long later matches update the same alert (default 60 minutes, at most 7 days).
    pub suppression_minutes: Option<i32>,
}

/// A tenant's override of one rule.
#[derive(SimpleObject)]
pub struct RuleOverride {
    pub rule_id: String,
    pub enabled: Option<bool>,
    pub level: Option<Severity>,
    /// Event fields that group this rule's matches into alerts (null: host and user).
    pub group_by: Option<Vec<String>>,
    /// The suppression window (null: 60 minutes).
    pub suppression_minutes: Option<i32>,
    pub updated_at: DateTime<Utc>,
}

/// A tenant's exclusion from one rule.
pub struct RuleException(pub CoreException);

#[Object]
impl RuleException {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    async fn rule_id(&self) -> &str {
        &self.0.rule_id
    }
    /// The Sigma snippet as given.
    async fn filter(&self) -> &str {
        &self.0.filter
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// A tenant's values for an `expand` placeholder.
#[derive(SimpleObject)]
pub struct Placeholder {
    pub name: String,
    pub values: Vec<String>,
}
