//! Syslog source bindings: address ranges that name a tenant when a message
//! carries no token. The most specific (longest-prefix) binding wins. A range is
//! bound to at most one tenant (a shared range would make attribution a guess).

use crate::entity::syslog_source;
use chrono::{DateTime, Utc};
use garrison_core::db::{Db, ScopedTx};
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, Scope, TenantId};
use ipnet::IpNet;
use sea_orm::{ActiveValue::Set, ColumnTrait};
use std::net::IpAddr;
use std::sync::RwLock;
use std::time::{Duration, Instant};

garrison_core::typed_id!(
    /// A syslog source binding.
    SyslogSourceId
);

/// A bound range.
#[derive(Debug, Clone)]
pub struct SyslogSource {
    pub id: SyslogSourceId,
    pub tenant_id: TenantId,
    pub cidr: IpNet,
    pub created_at: DateTime<Utc>,
}

/// Parses `10.0.0.0/8`, `2001:db8::/32` or a bare address (a single host).
pub fn parse_cidr(field: &str, raw: &str) -> Result<IpNet> {
    let raw = raw.trim();
    let net = raw
        .parse::<IpNet>()
        .or_else(|_| raw.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| Error::invalid(field, format!("`{raw}` is not an address or CIDR range")))?;
    Ok(net.trunc())
}

/// Binds a range to `tenant`.
pub async fn bind_syslog_source(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    cidr: &str,
) -> Result<SyslogSource> {
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Create)?;
    let net = parse_cidr("cidr", cidr)?;
    let row = syslog_source::ActiveModel {
        id: Set(SyslogSourceId::new().as_uuid()),
        tenant_id: Set(tenant.as_uuid()),
        cidr: Set(net.to_string()),
        created_at: Set(Utc::now()),
    };
    let row = tx.insert(tenant, row).await.map_err(|e| match e {
        // The unique index spans tenants by necessity (one range, one tenant).
        Error::Conflict { .. } => Error::conflict("cidr", format!("`{net}` is already bound")),
        other => other,
    })?;
    garrison_core::audit::record(
        tx,
        tenant,
        "syslog_source.bind",
        &format!("syslog_source:{}", row.id),
        serde_json::json!({"cidr": row.cidr}),
    )
    .await?;
    to_source(row)
}

/// Removes a binding.
pub async fn unbind_syslog_source(tx: &ScopedTx<'_>, id: SyslogSourceId) -> Result<SyslogSource> {
    let row = tx
        .select::<syslog_source::Entity>()
        .filter(syslog_source::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    let tenant = TenantId::from_uuid(row.tenant_id);
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Delete)?;
    tx.delete_where::<syslog_source::Entity>(syslog_source::Column::Id.eq(id.as_uuid()))
        .await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "syslog_source.unbind",
        &format!("syslog_source:{id}"),
        serde_json::json!({"cidr": row.cidr}),
    )
    .await?;
    to_source(row)
}

/// The tenant's bindings.
pub async fn list_syslog_sources(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<SyslogSource>> {
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Read)?;
    let rows = tx
        .select::<syslog_source::Entity>()
        .filter(syslog_source::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_asc(syslog_source::Column::Cidr)
        .all(tx)
        .await?;
    rows.into_iter().map(to_source).collect()
}

fn to_source(row: syslog_source::Model) -> Result<SyslogSource> {
    Ok(SyslogSource {
        id: SyslogSourceId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        cidr: row
            .cidr
            .parse()
            .map_err(|e| Error::internal(format!("stored cidr {}: {e}", row.cidr)))?,
        created_at: row.created_at,
    })
}

/// Bindings, most specific first, and when they were loaded.
type Table = (Vec<(IpNet, TenantId)>, Option<Instant>);

/// Resolves a sender address to a tenant from an in-memory table, reloaded when
/// older than the cache lifetime or after a change in this process.
pub struct SourceResolver {
    db: Db,
    ttl: Duration,
    table: RwLock<Table>,
}

impl SourceResolver {
    pub fn new(db: Db, ttl: Duration) -> SourceResolver {
        SourceResolver {
            db,
            ttl,
            table: RwLock::new((Vec::new(), None)),
        }
    }

    /// The tenant whose most specific binding contains `ip`.
    pub async fn resolve(&self, ip: IpAddr) -> Result<Option<TenantId>> {
        let fresh = {
            let table = self.table.read().unwrap_or_else(|p| p.into_inner());
            table.1.is_some_and(|at| at.elapsed() < self.ttl)
        };
        if !fresh {
            self.reload().await?;
        }
        let ip = canonical(ip);
        let table = self.table.read().unwrap_or_else(|p| p.into_inner());
        Ok(table
            .0
            .iter()
            .find(|(net, _)| net.contains(&ip))
            .map(|(_, tenant)| *tenant))
    }

    /// Forces a reload on the next lookup.
    pub fn invalidate(&self) {
        self.table.write().unwrap_or_else(|p| p.into_inner()).1 = None;
    }

    async fn reload(&self) -> Result<()> {
        let scope = Scope::system("ingest-sources");
        let tx = self.db.begin(&scope).await?;
        let rows = tx.select::<syslog_source::Entity>().all(&tx).await?;
        tx.commit().await?;
        let mut entries: Vec<(IpNet, TenantId)> = rows
            .into_iter()
            .filter_map(|r| {
                r.cidr
                    .parse::<IpNet>()
                    .ok()
                    .map(|n| (n, TenantId::from_uuid(r.tenant_id)))
            })
            .collect();
        // Longest prefix first, so the first containing range is the most specific.
        entries.sort_by_key(|(net, _)| std::cmp::Reverse(net.prefix_len()));
        *self.table.write().unwrap_or_else(|p| p.into_inner()) = (entries, Some(Instant::now()));
        Ok(())
    }
}

/// IPv4-mapped IPv6 senders (dual-stack sockets) match IPv4 bindings.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cidrs_parse_and_normalise() {
        assert_eq!(
            parse_cidr("c", "10.1.2.3/8").expect("ok").to_string(),
            "10.0.0.0/8"
        );
        assert_eq!(
            parse_cidr("c", "192.0.2.7").expect("ok").to_string(),
            "192.0.2.7/32"
        );
        assert_eq!(
            parse_cidr("c", "2001:db8::1/32").expect("ok").to_string(),
            "2001:db8::/32"
        );
        let err = parse_cidr("cidr", "10.0.0.0/33").expect_err("bad");
        assert!(err.to_string().starts_with("cidr:"));
    }
}
