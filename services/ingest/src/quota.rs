//! Per-tenant quotas: events per second (a token bucket with one second of burst)
//! and bytes per UTC day. Each tenant has its own bucket, so one tenant's flood
//! is refused at the door and never queues ahead of another tenant's events.
//! Counted per process (several ingest processes each enforce the limit).

use chrono::{Datelike, Utc};
use garrison_core::TenantId;
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

/// A tenant's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub events_per_second: u32,
    pub bytes_per_day: Option<u64>,
}

/// Why a request was refused, and when to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Rate { retry_after_secs: u64 },
    DailyBytes { retry_after_secs: u64 },
}

impl Refusal {
    pub fn retry_after_secs(self) -> u64 {
        match self {
            Refusal::Rate { retry_after_secs } | Refusal::DailyBytes { retry_after_secs } => {
                retry_after_secs
            }
        }
    }
}

struct Bucket {
    tokens: f64,
    refilled: Instant,
    day: u32,
    bytes_today: u64,
}

/// The quota book.
#[derive(Default)]
pub struct Quotas {
    buckets: Mutex<HashMap<TenantId, Bucket>>,
}

impl Quotas {
    /// Takes `events` and `bytes` from the tenant's allowance, all or nothing.
    pub fn try_take(
        &self,
        tenant: TenantId,
        limits: Limits,
        events: u64,
        bytes: u64,
    ) -> Result<(), Refusal> {
        let rate = f64::from(limits.events_per_second.max(1));
        let now = Instant::now();
        let today = Utc::now().ordinal();
        let mut buckets = self.buckets.lock().unwrap_or_else(|p| p.into_inner());
        let bucket = buckets.entry(tenant).or_insert(Bucket {
            tokens: rate,
            refilled: now,
            day: today,
            bytes_today: 0,
        });
        bucket.tokens =
            (bucket.tokens + now.duration_since(bucket.refilled).as_secs_f64() * rate).min(rate);
        bucket.refilled = now;
        if bucket.day != today {
            bucket.day = today;
            bucket.bytes_today = 0;
        }
        if let Some(cap) = limits.bytes_per_day
            && bucket.bytes_today + bytes > cap
        {
            return Err(Refusal::DailyBytes {
                retry_after_secs: seconds_to_midnight(),
            });
        }
        let wanted = events as f64;
        if wanted > bucket.tokens {
            // A request larger than a whole second's burst can never fit: say so
            // with the time a full bucket takes, not forever.
            let missing = (wanted - bucket.tokens).min(rate);
            return Err(Refusal::Rate {
                retry_after_secs: (missing / rate).ceil().max(1.0) as u64,
            });
        }
        bucket.tokens -= wanted;
        bucket.bytes_today += bytes;
        Ok(())
    }
}

fn seconds_to_midnight() -> u64 {
    let now = Utc::now();
    let midnight = (now.date_naive() + chrono::Days::new(1))
        .and_hms_opt(0, 0, 0)
        .map(|m| m.and_utc());
    midnight
        .map(|m| (m - now).num_seconds().max(1) as u64)
        .unwrap_or(3600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_is_per_tenant_and_refills() {
        let quotas = Quotas::default();
        let limits = Limits {
            events_per_second: 100,
            bytes_per_day: None,
        };
        let (a, b) = (TenantId::new(), TenantId::new());
        assert!(quotas.try_take(a, limits, 100, 0).is_ok());
        assert!(matches!(
            quotas.try_take(a, limits, 10, 0),
            Err(Refusal::Rate { .. })
        ));
        assert!(
            quotas.try_take(b, limits, 100, 0).is_ok(),
            "B unaffected by A"
        );
        std::thread::sleep(std::time::Duration::from_millis(120));
        assert!(quotas.try_take(a, limits, 10, 0).is_ok(), "refilled");
    }

    #[test]
    fn daily_bytes_cap() {
        let quotas = Quotas::default();
        let limits = Limits {
            events_per_second: 1000,
            bytes_per_day: Some(1000),
        };
        let a = TenantId::new();
        assert!(quotas.try_take(a, limits, 1, 900).is_ok());
        assert!(matches!(
            quotas.try_take(a, limits, 1, 200),
            Err(Refusal::DailyBytes { .. })
        ));
    }
}
