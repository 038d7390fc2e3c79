//! Listing rules with a tenant's effective state: which pack, whether it runs for
//! the tenant (pack enabled and not overridden off), its effective severity, and
//! how many exceptions narrow it. Summaries are parsed from the stored pack text
//! once per pack version and kept in memory (versions never change once stored).

use super::{enabled_packs, list_overrides};
use crate::packs::catalog::{RuleSummary, load_pack_files, summarize};
use crate::packs::{RulePack, RulePackId, list_rule_packs};
use crate::tenant::exceptions::list_rule_exceptions;
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, Severity, TenantId};
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

/// Parsed summaries per (pack, version).
type SummaryCache = Mutex<HashMap<(RulePackId, i32), Arc<Vec<RuleSummary>>>>;
static SUMMARIES: LazyLock<SummaryCache> = LazyLock::new(Default::default);

/// Which rules to list.
#[derive(Debug, Clone, Default)]
pub struct RuleFilter {
    /// With a tenant: its effective state; without: the catalogue as imported.
    pub tenant_id: Option<TenantId>,
    pub pack_id: Option<RulePackId>,
    /// Case-insensitive text in the id, title or tags.
    pub search: Option<String>,
    pub level: Option<Severity>,
    /// Only rules that run (or, `Some(false)`, only those that do not).
    pub enabled: Option<bool>,
}

/// A rule with its effective state.
#[derive(Debug, Clone)]
pub struct EffectiveRule {
    pub summary: RuleSummary,
    pub pack: RulePack,
    pub enabled: bool,
    /// The tenant's override, else the rule's level.
    pub level: Option<Severity>,
    pub overridden: bool,
    pub exceptions: usize,
    /// Whether the rule's pack runs for the tenant (always true without a tenant).
    pub pack_enabled: bool,
    /// The tenant's override as set (each half may be unset).
    pub override_enabled: Option<bool>,
    pub override_level: Option<Severity>,
    /// The rule's own `level`.
    pub rule_level: Option<Severity>,
}

/// Up to `limit` matching rules (by pack, then file order) and how many match in all.
pub async fn list_rules(
    tx: &ScopedTx<'_>,
    filter: &RuleFilter,
    limit: usize,
) -> Result<(Vec<EffectiveRule>, usize)> {
    if let Some(t) = filter.tenant_id {
        tx.scope().require_in(t, Resource::RulePack, Action::Read)?;
    } else if !tx.scope().can(Resource::RulePack, Action::Read) {
        return Ok((Vec::new(), 0));
    }
    let packs = list_rule_packs(tx).await?;
    let (enabled, overrides, exceptions) = match filter.tenant_id {
        Some(t) => (
            Some(enabled_packs(tx, t).await?),
            list_overrides(tx, t).await?,
            list_rule_exceptions(tx, t).await?,
        ),
        None => (None, Vec::new(), Vec::new()),
    };
    let overrides: HashMap<&str, _> = overrides.iter().map(|o| (o.rule_id.as_str(), o)).collect();
    let mut exception_counts: HashMap<&str, usize> = HashMap::new();
    for e in &exceptions {
        *exception_counts.entry(e.rule_id.as_str()).or_default() += 1;
    }
    let needle = filter.search.as_deref().map(str::to_lowercase);
    let mut out = Vec::new();
    let mut total = 0usize;
    for pack in packs {
        if filter.pack_id.is_some_and(|p| p != pack.id) {
            continue;
        }
        let pack_on = enabled
            .as_ref()
            .is_none_or(|list| list.iter().any(|p| p.id == pack.id));
        for summary in summaries(tx, pack.id, pack.version).await?.iter() {
            let o = overrides.get(summary.rule_id.as_str());
            let on = pack_on && o.and_then(|o| o.enabled) != Some(false);
            let rule_level = summary
                .level
                .as_deref()
                .and_then(|l| Severity::parse("level", l).ok());
            let level = o.and_then(|o| o.level).or(rule_level);
            if filter.enabled.is_some_and(|want| want != on)
                || filter.level.is_some_and(|want| Some(want) != level)
                || needle.as_deref().is_some_and(|n| !mentions(summary, n))
            {
                continue;
            }
            total += 1;
            if out.len() < limit {
                out.push(EffectiveRule {
                    summary: summary.clone(),
                    pack: pack.clone(),
                    enabled: on,
                    level,
                    overridden: o.is_some(),
                    exceptions: exception_counts
                        .get(summary.rule_id.as_str())
                        .copied()
                        .unwrap_or(0),
                    pack_enabled: pack_on,
                    override_enabled: o.and_then(|o| o.enabled),
                    override_level: o.and_then(|o| o.level),
                    rule_level,
                });
            }
        }
    }
    Ok((out, total))
}

fn mentions(s: &RuleSummary, needle: &str) -> bool {
    s.rule_id.to_lowercase().contains(needle)
        || s.title.to_lowercase().contains(needle)
        || s.tags.iter().any(|t| t.to_lowercase().contains(needle))
}

async fn summaries(
    tx: &ScopedTx<'_>,
    pack: RulePackId,
    version: i32,
) -> Result<Arc<Vec<RuleSummary>>> {
    if let Some(hit) = SUMMARIES
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .get(&(pack, version))
    {
        return Ok(hit.clone());
    }
    let files = load_pack_files(tx, pack, version).await?;
    let parsed = Arc::new(summarize(&files));
    SUMMARIES
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .insert((pack, version), parsed.clone());
    Ok(parsed)
}
