//! Observables: the ip addresses, domains, urls, hashes, users, hosts and email
//! addresses a case is about, each checked for its kind, flagged as an IOC or not,
//! and looked up in the tenant's other alerts (events are searched by the
//! gateway through the ingest service).

use super::lookup::{get_case, touch, writable};
use super::{CaseId, Visibility, timeline};
use crate::entity::{alert, case_observable};
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::{Error, Result, TenantId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use sea_orm::sea_query::{Expr, OnConflict};
use serde_json::json;

garrison_core::typed_id!(
    /// One observable.
    ObservableId
);

/// What an observable is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservableKind {
    Ip,
    Domain,
    Url,
    Hash,
    User,
    Host,
    Email,
}

impl ObservableKind {
    pub const ALL: [ObservableKind; 7] = [
        ObservableKind::Ip,
        ObservableKind::Domain,
        ObservableKind::Url,
        ObservableKind::Hash,
        ObservableKind::User,
        ObservableKind::Host,
        ObservableKind::Email,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ObservableKind::Ip => "ip",
            ObservableKind::Domain => "domain",
            ObservableKind::Url => "url",
            ObservableKind::Hash => "hash",
            ObservableKind::User => "user",
            ObservableKind::Host => "host",
            ObservableKind::Email => "email",
        }
    }

    fn from_stored(raw: &str) -> ObservableKind {
        ObservableKind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw)
            .unwrap_or(ObservableKind::Host)
    }

    /// The value in canonical form, or why it is not one of these.
    pub fn parse_value(self, raw: &str) -> std::result::Result<String, &'static str> {
        let v = raw.trim();
        if v.is_empty() || v.len() > 2048 {
            return Err("must be 1 to 2048 characters");
        }
        let ok = match self {
            ObservableKind::Ip => {
                return v
                    .parse::<std::net::IpAddr>()
                    .map(|ip| ip.to_string())
                    .map_err(|_| "is not an IPv4 or IPv6 address");
            }
            ObservableKind::Domain => {
                v.contains('.')
                    && v.split('.').all(|l| {
                        !l.is_empty()
                            && l.len() <= 63
                            && l.chars()
                                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                    })
            }
            ObservableKind::Url => {
                (v.starts_with("http://") || v.starts_with("https://") || v.starts_with("ftp://"))
                    && !v.contains(char::is_whitespace)
            }
            ObservableKind::Hash => {
                matches!(v.len(), 32 | 40 | 64 | 128) && v.chars().all(|c| c.is_ascii_hexdigit())
            }
            ObservableKind::Email => {
                v.split_once('@')
                    .is_some_and(|(l, d)| !l.is_empty() && d.contains('.'))
                    && !v.contains(char::is_whitespace)
            }
            ObservableKind::User | ObservableKind::Host => !v.contains(['\n', '\r']),
        };
        if !ok {
            return Err(match self {
                ObservableKind::Domain => "is not a domain name",
                ObservableKind::Url => "is not an http(s) or ftp URL",
                ObservableKind::Hash => "is not an MD5, SHA-1, SHA-256 or SHA-512 hex digest",
                ObservableKind::Email => "is not an email address",
                _ => "must be one line",
            });
        }
        Ok(match self {
            ObservableKind::Domain | ObservableKind::Hash | ObservableKind::Email => {
                v.to_ascii_lowercase()
            }
            _ => v.to_string(),
        })
    }
}

/// An observable on a case.
#[derive(Debug, Clone)]
pub struct Observable {
    pub id: ObservableId,
    pub case_id: CaseId,
    pub tenant_id: TenantId,
    pub kind: ObservableKind,
    pub value: String,
    pub ioc: bool,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

fn to_observable(r: case_observable::Model) -> Observable {
    Observable {
        id: ObservableId::from_uuid(r.id),
        case_id: CaseId::from_uuid(r.case_id),
        tenant_id: TenantId::from_uuid(r.tenant_id),
        kind: ObservableKind::from_stored(&r.kind),
        value: r.value,
        ioc: r.ioc,
        note: r.note,
        created_at: r.created_at,
    }
}

/// Adds an observable (or updates the IOC flag and note of the same kind and value).
pub async fn add_observable(
    tx: &ScopedTx<'_>,
    case: CaseId,
    kind: ObservableKind,
    value: &str,
    ioc: bool,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<Observable> {
    let found = writable(tx, case).await?;
    let value = kind
        .parse_value(value)
        .map_err(|why| Error::invalid("value", why))?;
    let note = note
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string);
    if note.as_ref().is_some_and(|n| n.len() > 2000) {
        return Err(Error::invalid("note", "is longer than 2000 bytes"));
    }
    let conflict = OnConflict::columns([
        case_observable::Column::TenantId,
        case_observable::Column::CaseId,
        case_observable::Column::Kind,
        case_observable::Column::Value,
    ])
    .value(case_observable::Column::Ioc, Expr::value(ioc))
    .value(case_observable::Column::Note, Expr::value(note.clone()))
    .to_owned();
    tx.upsert(
        found.tenant_id,
        case_observable::ActiveModel {
            id: Set(ObservableId::new().as_uuid()),
            tenant_id: Set(found.tenant_id.as_uuid()),
            case_id: Set(case.as_uuid()),
            kind: Set(kind.as_str().into()),
            value: Set(value.clone()),
            ioc: Set(ioc),
            note: Set(note),
            created_at: Set(now),
        },
        conflict,
    )
    .await?;
    timeline::record(
        tx,
        found.tenant_id,
        case,
        "observable_added",
        format!(
            "Observable {} {value}{}",
            kind.as_str(),
            if ioc { " (IOC)" } else { "" }
        ),
        Visibility::Internal,
        now,
    )
    .await?;
    touch(tx, case, now).await?;
    audit::record(
        tx,
        found.tenant_id,
        "case.observable",
        &format!("case:{case}"),
        json!({"kind": kind.as_str(), "value": value, "ioc": ioc}),
    )
    .await?;
    let row = tx
        .select::<case_observable::Entity>()
        .filter(case_observable::Column::CaseId.eq(case.as_uuid()))
        .filter(case_observable::Column::Kind.eq(kind.as_str()))
        .filter(case_observable::Column::Value.eq(value.as_str()))
        .found(tx)
        .await?;
    Ok(to_observable(row))
}

/// The case's observables (staff only: observables are the provider's working notes).
pub async fn list_observables(tx: &ScopedTx<'_>, case: CaseId) -> Result<Vec<Observable>> {
    get_case(tx, case).await?;
    if !super::sees_internal(tx.scope()) {
        return Ok(Vec::new());
    }
    Ok(tx
        .select::<case_observable::Entity>()
        .filter(case_observable::Column::CaseId.eq(case.as_uuid()))
        .order_by_asc(case_observable::Column::Id)
        .all(tx)
        .await?
        .into_iter()
        .map(to_observable)
        .collect())
}

/// How many of the tenant's alerts mention the value in their group (host, user,
/// source address...). Events are counted by the caller through ingest's search.
pub async fn alert_sightings(tx: &ScopedTx<'_>, tenant: TenantId, value: &str) -> Result<u64> {
    tx.check_tenant(tenant)?;
    let needle = value.replace(['%', '_'], "");
    if needle.is_empty() {
        return Ok(0);
    }
    tx.select::<alert::Entity>()
        .filter(alert::Column::TenantId.eq(tenant.as_uuid()))
        .filter(alert::Column::GroupValues.like(format!("%{needle}%")))
        .count(tx)
        .await
}

/// Copies a merged case's observables to the target (duplicates fold), then drops them.
pub(crate) async fn move_observables(tx: &ScopedTx<'_>, from: CaseId, to: CaseId) -> Result<()> {
    let rows = tx
        .select::<case_observable::Entity>()
        .filter(case_observable::Column::CaseId.eq(from.as_uuid()))
        .all(tx)
        .await?;
    for r in rows {
        let tenant = TenantId::from_uuid(r.tenant_id);
        let conflict = OnConflict::columns([
            case_observable::Column::TenantId,
            case_observable::Column::CaseId,
            case_observable::Column::Kind,
            case_observable::Column::Value,
        ])
        .do_nothing()
        .to_owned();
        tx.upsert(
            tenant,
            case_observable::ActiveModel {
                id: Set(ObservableId::new().as_uuid()),
                tenant_id: Set(r.tenant_id),
                case_id: Set(to.as_uuid()),
                kind: Set(r.kind),
                value: Set(r.value),
                ioc: Set(r.ioc),
                note: Set(r.note),
                created_at: Set(r.created_at),
            },
            conflict,
        )
        .await?;
    }
    tx.delete_where::<case_observable::Entity>(case_observable::Column::CaseId.eq(from.as_uuid()))
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_checked_per_kind() {
        assert_eq!(
            ObservableKind::Ip.parse_value(" 203.0.113.9 "),
            Ok("203.0.113.9".into())
        );
        assert!(ObservableKind::Ip.parse_value("203.0.113").is_err());
        assert_eq!(
            ObservableKind::Domain.parse_value("Evil.Example"),
            Ok("evil.example".into())
        );
        assert!(
            ObservableKind::Domain
                .parse_value("no spaces.example")
                .is_err()
        );
        assert!(
            ObservableKind::Url
                .parse_value("javascript:alert(1)")
                .is_err()
        );
        assert!(ObservableKind::Hash.parse_value(&"a".repeat(64)).is_ok());
        assert!(ObservableKind::Hash.parse_value("abc").is_err());
        assert!(ObservableKind::Email.parse_value("x@y").is_err());
        assert!(ObservableKind::User.parse_value("CORP\\alice").is_ok());
    }
}
