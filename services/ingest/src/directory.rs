//! What ingest needs to know about a tenant at the door: whether it is active,
//! its time zone (for zoneless syslog times) and its quota, cached briefly.

use crate::entity::ingest_settings;
use crate::quota::Limits;
use chrono_tz::Tz;
use garrison_core::tenants::{self, TenantStatus};
use garrison_core::{Error, Result, Scope, TenantId, db::Db};
use sea_orm::ColumnTrait;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A tenant as ingest sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TenantInfo {
    pub active: bool,
    pub tz: Tz,
    pub limits: Limits,
}

/// The cache.
pub struct TenantDirectory {
    db: Db,
    ttl: Duration,
    defaults: Limits,
    cache: Mutex<HashMap<TenantId, (Option<TenantInfo>, Instant)>>,
}

impl TenantDirectory {
    pub fn new(db: Db, ttl: Duration, defaults: Limits) -> TenantDirectory {
        TenantDirectory {
            db,
            ttl,
            defaults,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The tenant, or `None` if it does not exist.
    pub async fn get(&self, tenant: TenantId) -> Result<Option<TenantInfo>> {
        {
            let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            if let Some((info, at)) = cache.get(&tenant)
                && at.elapsed() < self.ttl
            {
                return Ok(*info);
            }
        }
        let info = self.load(tenant).await?;
        self.cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(tenant, (info, Instant::now()));
        Ok(info)
    }

    /// Forgets a tenant (after its settings change in this process).
    pub fn invalidate(&self, tenant: TenantId) {
        self.cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(&tenant);
    }

    async fn load(&self, tenant: TenantId) -> Result<Option<TenantInfo>> {
        let scope = Scope::for_tenant_task("ingest", tenant);
        let tx = self.db.begin(&scope).await?;
        let found = match tenants::get_tenant(&tx, tenant).await {
            Ok(t) => t,
            Err(Error::NotFound) => return Ok(None),
            Err(e) => return Err(e),
        };
        let settings = tx
            .select::<ingest_settings::Entity>()
            .filter(ingest_settings::Column::TenantId.eq(tenant.as_uuid()))
            .one(&tx)
            .await?;
        tx.commit().await?;
        let limits = Limits {
            events_per_second: settings
                .as_ref()
                .and_then(|s| s.events_per_second)
                .and_then(|v| u32::try_from(v).ok())
                .unwrap_or(self.defaults.events_per_second),
            bytes_per_day: settings
                .as_ref()
                .and_then(|s| s.bytes_per_day)
                .and_then(|v| u64::try_from(v).ok())
                .or(self.defaults.bytes_per_day),
        };
        Ok(Some(TenantInfo {
            active: found.status == TenantStatus::Active,
            tz: found.timezone.parse().unwrap_or(Tz::UTC),
            limits,
        }))
    }
}
