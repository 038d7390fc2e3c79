//! Per-rule overrides for one tenant: switch a rule off or on, change its
//! severity, and change how its matches fold into alerts (the group-by fields and
//! the suppression window) — e.g. group a noisy scanner rule by source address
//! only, for a day.

use super::{bump_revision, require_tuning, valid_rule_id};
use crate::entity::rule_override;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, Severity, TenantId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::ExprTrait;
use serde_json::json;

/// Longest suppression window a rule may have.
pub const MAX_SUPPRESSION_SECS: i64 = 7 * 24 * 3600;
/// Most group-by fields.
pub const MAX_GROUP_FIELDS: usize = 5;

/// How a rule's matches become alerts, when the tenant changed it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AlertingOverride {
    /// Event fields whose values form the group key (instead of host and user).
    pub group_by: Option<Vec<String>>,
    /// How long later matches update the same alert.
    pub suppression_secs: Option<i64>,
}

impl AlertingOverride {
    fn is_empty(&self) -> bool {
        self.group_by.is_none() && self.suppression_secs.is_none()
    }

    fn validate(&self) -> Result<()> {
        if let Some(fields) = &self.group_by {
            if fields.is_empty() || fields.len() > MAX_GROUP_FIELDS {
                return Err(Error::invalid(
                    "groupBy",
                    format!("name 1 to {MAX_GROUP_FIELDS} event fields"),
                ));
            }
            for (i, f) in fields.iter().enumerate() {
                let ok = !f.is_empty()
                    && f.len() <= 100
                    && f.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "_.-@".contains(c));
                if !ok {
                    return Err(Error::invalid(
                        format!("groupBy[{i}]"),
                        "is not a field name (letters, digits, '_', '.', '-', '@')",
                    ));
                }
            }
        }
        if let Some(secs) = self.suppression_secs
            && !(0..=MAX_SUPPRESSION_SECS).contains(&secs)
        {
            return Err(Error::invalid(
                "suppressionMinutes",
                "must be between 0 and 7 days",
            ));
        }
        Ok(())
    }
}

/// A tenant's override of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleOverride {
    pub rule_id: String,
    pub enabled: Option<bool>,
    pub level: Option<Severity>,
    pub alerting: AlertingOverride,
    pub updated_at: DateTime<Utc>,
}

/// Sets (or, with nothing set, clears) `tenant`'s override of `rule_id`.
pub async fn set_rule_override(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    rule_id: &str,
    enabled: Option<bool>,
    level: Option<Severity>,
    alerting: AlertingOverride,
    now: DateTime<Utc>,
) -> Result<RuleOverride> {
    require_tuning(tx, tenant)?;
    let rule_id = valid_rule_id(rule_id)?;
    alerting.validate()?;
    let key = rule_override::Column::TenantId
        .eq(tenant.as_uuid())
        .and(rule_override::Column::RuleId.eq(rule_id.as_str()));
    tx.delete_where::<rule_override::Entity>(key).await?;
    if enabled.is_some() || level.is_some() || !alerting.is_empty() {
        tx.insert(
            tenant,
            rule_override::ActiveModel {
                tenant_id: Set(tenant.as_uuid()),
                rule_id: Set(rule_id.clone()),
                enabled: Set(enabled),
                level: Set(level.map(|l| l.as_str().to_string())),
                group_by: Set(alerting
                    .group_by
                    .as_ref()
                    .map(|g| serde_json::to_string(g).unwrap_or_default())),
                suppression_secs: Set(alerting.suppression_secs),
                updated_at: Set(now),
            },
        )
        .await?;
    }
    bump_revision(tx, tenant, now).await?;
    audit::record(
        tx,
        tenant,
        "rule.override",
        &rule_id,
        json!({"enabled": enabled, "level": level.map(|l| l.as_str()),
               "groupBy": alerting.group_by, "suppressionSecs": alerting.suppression_secs}),
    )
    .await?;
    Ok(RuleOverride {
        rule_id,
        enabled,
        level,
        alerting,
        updated_at: now,
    })
}

/// `tenant`'s overrides.
pub async fn list_overrides(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<RuleOverride>> {
    tx.scope()
        .require_in(tenant, Resource::RulePack, Action::Read)?;
    Ok(tx
        .select::<rule_override::Entity>()
        .filter(rule_override::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?
        .into_iter()
        .map(to_override)
        .collect())
}

pub(crate) fn to_override(r: rule_override::Model) -> RuleOverride {
    RuleOverride {
        level: r
            .level
            .as_deref()
            .and_then(|l| Severity::parse("level", l).ok()),
        alerting: AlertingOverride {
            group_by: r
                .group_by
                .as_deref()
                .and_then(|g| serde_json::from_str(g).ok()),
            suppression_secs: r.suppression_secs,
        },
        rule_id: r.rule_id,
        enabled: r.enabled,
        updated_at: r.updated_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alerting_overrides_name_what_is_wrong() {
        let bad = AlertingOverride {
            group_by: Some(vec!["source.ip".into(), "bad field".into()]),
            suppression_secs: None,
        };
        assert!(
            bad.validate()
                .expect_err("space")
                .to_string()
                .starts_with("groupBy[1]:")
        );
        let long = AlertingOverride {
            group_by: None,
            suppression_secs: Some(MAX_SUPPRESSION_SECS + 1),
        };
        assert!(
            long.validate()
                .expect_err("too long")
                .to_string()
                .starts_with("suppressionMinutes:")
        );
        let ok = AlertingOverride {
            group_by: Some(vec!["source.ip".into()]),
            suppression_secs: Some(86_400),
        };
        assert!(ok.validate().is_ok());
    }
}
