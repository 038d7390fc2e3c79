//! SLA policies: per tenant and severity, the acknowledge, respond and resolve
//! targets, the warning threshold, and the calendar the clocks run on.
//!
//! A tenant that has not overridden a severity gets the default template below.
//! Targets are durations in seconds of the policy's calendar: on a business-hours
//! policy, eight hours is one business day of the default 09:00-17:00 calendar.
//!
//! | severity | acknowledge | respond | resolve | calendar |
//! |---|---|---|---|---|
//! | critical | 15 min | 30 min | 4 h | 24x7 |
//! | high | 30 min | 1 h | 8 h | 24x7 |
//! | medium | 2 h | 4 h | 24 h (3 business days) | business hours |
//! | low | 4 h | 8 h (1 business day) | 40 h (5 business days) | business hours |
//! | informational | 8 h (1 business day) | 16 h (2 business days) | 80 h (10 business days) | business hours |
//!
//! The warning fires at 75% of each target unless the policy says otherwise.

use crate::calendar::CalendarKind;
use crate::entity::sla_policy;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, Severity, TenantId};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::OnConflict;

/// Default warning threshold, percent of the target.
pub const DEFAULT_WARN_PERCENT: u8 = 75;
/// Shortest target accepted.
pub const MIN_TARGET_SECS: i64 = 60;
/// Longest target accepted (a year).
pub const MAX_TARGET_SECS: i64 = 366 * 24 * 3600;

/// The targets of one severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    pub acknowledge_secs: i64,
    pub respond_secs: i64,
    pub resolve_secs: i64,
    pub warn_percent: u8,
    pub calendar: CalendarKind,
}

/// A tenant's effective policy for one severity.
#[derive(Debug, Clone)]
pub struct SlaPolicy {
    pub tenant_id: TenantId,
    pub severity: Severity,
    pub targets: Targets,
    /// True when this is the default template (the tenant has not overridden it).
    pub is_default: bool,
    pub updated_at: Option<DateTime<Utc>>,
}

/// The default template (see the module docs).
pub fn default_targets(severity: Severity) -> Targets {
    const MIN: i64 = 60;
    const HOUR: i64 = 3600;
    let (acknowledge_secs, respond_secs, resolve_secs, calendar) = match severity {
        Severity::Critical => (15 * MIN, 30 * MIN, 4 * HOUR, CalendarKind::TwentyFourSeven),
        Severity::High => (30 * MIN, HOUR, 8 * HOUR, CalendarKind::TwentyFourSeven),
        Severity::Medium => (2 * HOUR, 4 * HOUR, 24 * HOUR, CalendarKind::BusinessHours),
        Severity::Low => (4 * HOUR, 8 * HOUR, 40 * HOUR, CalendarKind::BusinessHours),
        Severity::Informational => (8 * HOUR, 16 * HOUR, 80 * HOUR, CalendarKind::BusinessHours),
    };
    Targets {
        acknowledge_secs,
        respond_secs,
        resolve_secs,
        warn_percent: DEFAULT_WARN_PERCENT,
        calendar,
    }
}

/// `setSlaPolicy`'s input as received at the edge.
#[derive(Debug, Clone)]
pub struct PolicyInput {
    pub acknowledge_secs: i64,
    pub respond_secs: i64,
    pub resolve_secs: i64,
    /// Absent means [`DEFAULT_WARN_PERCENT`].
    pub warn_percent: Option<i32>,
    pub calendar: CalendarKind,
}

impl PolicyInput {
    /// Checks ranges; errors name the argument (`input.respondSeconds`).
    pub fn parse(&self) -> Result<Targets> {
        for (field, value) in [
            ("input.acknowledgeSeconds", self.acknowledge_secs),
            ("input.respondSeconds", self.respond_secs),
            ("input.resolveSeconds", self.resolve_secs),
        ] {
            if !(MIN_TARGET_SECS..=MAX_TARGET_SECS).contains(&value) {
                return Err(Error::invalid(
                    field,
                    format!(
                        "must be between {MIN_TARGET_SECS} seconds and {MAX_TARGET_SECS} seconds (366 days), got {value}"
                    ),
                ));
            }
        }
        // Resolving includes acknowledging and responding, so it cannot be due first.
        if self.resolve_secs < self.acknowledge_secs.max(self.respond_secs) {
            return Err(Error::invalid(
                "input.resolveSeconds",
                "must not be shorter than acknowledgeSeconds or respondSeconds",
            ));
        }
        let warn_percent = match self.warn_percent {
            None => DEFAULT_WARN_PERCENT,
            Some(p @ 1..=99) => p as u8,
            Some(p) => {
                return Err(Error::invalid(
                    "input.warnPercent",
                    format!("must be between 1 and 99, got {p}"),
                ));
            }
        };
        Ok(Targets {
            acknowledge_secs: self.acknowledge_secs,
            respond_secs: self.respond_secs,
            resolve_secs: self.resolve_secs,
            warn_percent,
            calendar: self.calendar,
        })
    }
}

/// The tenant's effective policy for every severity, most urgent first.
pub async fn list_policies(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<SlaPolicy>> {
    tx.scope()
        .require_in(tenant, Resource::SlaPolicy, Action::Read)?;
    let rows = tx
        .select::<sla_policy::Entity>()
        .filter(sla_policy::Column::TenantId.eq(tenant.as_uuid()))
        .all(tx)
        .await?;
    Ok(Severity::ALL
        .into_iter()
        .rev()
        .map(|severity| {
            let row = rows.iter().find(|r| r.severity == severity.rank());
            effective(tenant, severity, row)
        })
        .collect())
}

/// Overrides the tenant's policy for one severity (provider admins). Clocks already
/// running keep the targets they started with. `now` stamps `updated_at`.
pub async fn set_policy(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    severity: Severity,
    input: PolicyInput,
    now: DateTime<Utc>,
) -> Result<SlaPolicy> {
    tx.scope()
        .require_in(tenant, Resource::SlaPolicy, Action::Update)?;
    let targets = input.parse()?;
    let row = sla_policy::ActiveModel {
        tenant_id: Set(tenant.as_uuid()),
        severity: Set(severity.rank()),
        acknowledge_secs: Set(targets.acknowledge_secs),
        respond_secs: Set(targets.respond_secs),
        resolve_secs: Set(targets.resolve_secs),
        warn_percent: Set(i16::from(targets.warn_percent)),
        calendar: Set(targets.calendar.as_str().to_string()),
        updated_at: Set(now),
    };
    let conflict =
        OnConflict::columns([sla_policy::Column::TenantId, sla_policy::Column::Severity])
            .update_columns([
                sla_policy::Column::AcknowledgeSecs,
                sla_policy::Column::RespondSecs,
                sla_policy::Column::ResolveSecs,
                sla_policy::Column::WarnPercent,
                sla_policy::Column::Calendar,
                sla_policy::Column::UpdatedAt,
            ])
            .to_owned();
    tx.upsert(tenant, row, conflict).await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "sla.policy.set",
        &format!("tenant:{tenant}"),
        serde_json::json!({
            "severity": severity.as_str(),
            "acknowledgeSeconds": targets.acknowledge_secs,
            "respondSeconds": targets.respond_secs,
            "resolveSeconds": targets.resolve_secs,
            "warnPercent": targets.warn_percent,
            "calendar": targets.calendar.as_str(),
        }),
    )
    .await?;
    Ok(SlaPolicy {
        tenant_id: tenant,
        severity,
        targets,
        is_default: false,
        updated_at: Some(now),
    })
}

/// The effective targets without a permission check, for the clocks.
pub(crate) async fn load_targets(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    severity: Severity,
) -> Result<Targets> {
    let row = tx
        .select::<sla_policy::Entity>()
        .filter(sla_policy::Column::TenantId.eq(tenant.as_uuid()))
        .filter(sla_policy::Column::Severity.eq(severity.rank()))
        .one(tx)
        .await?;
    Ok(effective(tenant, severity, row.as_ref()).targets)
}

fn effective(tenant: TenantId, severity: Severity, row: Option<&sla_policy::Model>) -> SlaPolicy {
    match row {
        Some(r) => SlaPolicy {
            tenant_id: tenant,
            severity,
            targets: Targets {
                acknowledge_secs: r.acknowledge_secs,
                respond_secs: r.respond_secs,
                resolve_secs: r.resolve_secs,
                warn_percent: u8::try_from(r.warn_percent).unwrap_or(DEFAULT_WARN_PERCENT),
                calendar: CalendarKind::from_stored(&r.calendar),
            },
            is_default: false,
            updated_at: Some(r.updated_at),
        },
        None => SlaPolicy {
            tenant_id: tenant,
            severity,
            targets: default_targets(severity),
            is_default: true,
            updated_at: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(ack: i64, respond: i64, resolve: i64, warn: Option<i32>) -> PolicyInput {
        PolicyInput {
            acknowledge_secs: ack,
            respond_secs: respond,
            resolve_secs: resolve,
            warn_percent: warn,
            calendar: CalendarKind::TwentyFourSeven,
        }
    }

    fn field(input: PolicyInput) -> String {
        match input.parse() {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected invalid input, got {other:?}"),
        }
    }

    #[test]
    fn defaults_get_less_urgent_with_severity() {
        for pair in Severity::ALL.windows(2) {
            let (lower, higher) = (default_targets(pair[0]), default_targets(pair[1]));
            assert!(
                lower.acknowledge_secs >= higher.acknowledge_secs,
                "{pair:?}"
            );
            assert!(lower.resolve_secs >= higher.resolve_secs, "{pair:?}");
        }
        let critical = default_targets(Severity::Critical);
        assert_eq!(
            (
                critical.acknowledge_secs,
                critical.respond_secs,
                critical.resolve_secs
            ),
            (900, 1800, 14_400)
        );
        assert_eq!(critical.calendar, CalendarKind::TwentyFourSeven);
        assert_eq!(
            default_targets(Severity::Low).calendar,
            CalendarKind::BusinessHours
        );
    }

    #[test]
    fn input_errors_name_the_argument() {
        assert_eq!(
            field(input(59, 600, 3600, None)),
            "input.acknowledgeSeconds"
        );
        assert_eq!(field(input(600, -1, 3600, None)), "input.respondSeconds");
        assert_eq!(
            field(input(600, 900, MAX_TARGET_SECS + 1, None)),
            "input.resolveSeconds"
        );
        assert_eq!(field(input(600, 900, 800, None)), "input.resolveSeconds");
        assert_eq!(field(input(600, 900, 3600, Some(100))), "input.warnPercent");
        let ok = input(600, 900, 3600, None).parse().expect("valid");
        assert_eq!(ok.warn_percent, DEFAULT_WARN_PERCENT);
    }
}
