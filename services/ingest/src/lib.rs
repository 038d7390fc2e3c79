//! garrison-ingest: every customer's logs in, tenant-stamped at the edge.
//!
//! Receivers (syslog over UDP/TCP with RFC 6587 framing; HTTP NDJSON, Splunk HEC
//! and Elasticsearch bulk endpoints) attribute each record to a tenant from an
//! ingest token or a bound source range, never from the payload; parse and
//! normalize it to ECS; check the tenant's quota; and hand it to the batch writer,
//! which commits, meters usage and announces the stored range on the bus.
//! Nothing is acknowledged before it is committed, and nothing is dropped without
//! being counted.

pub mod backfill;
pub mod certificates;
pub mod demo;
pub mod directory;
pub mod entity;
pub mod framing;
pub mod http;
pub mod metrics;
pub mod normalize;
pub mod parse;
pub mod pipeline;
pub mod quota;
pub mod read;
pub mod retention;
pub mod search;
pub mod segment;
pub mod settings;
pub mod sources;
pub mod stats;
pub mod store;
pub mod syslog;
pub mod tls;
pub mod tokens;
pub mod writer;

use certificates::CertificateResolver;
use directory::TenantDirectory;
use garrison_core::bus::Bus;
use garrison_core::config::IngestConfig;
use garrison_core::db::Db;
use quota::{Limits, Quotas};
use sources::SourceResolver;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokens::TokenResolver;
use writer::{Writer, WriterConfig};

/// The running ingest service: shared by every receiver.
pub struct Ingest {
    pub config: IngestConfig,
    pub writer: Writer,
    pub tokens: TokenResolver,
    pub sources: SourceResolver,
    pub certificates: CertificateResolver,
    pub directory: TenantDirectory,
    pub quotas: Quotas,
    /// Records refused because no tenant could be named (no token, no binding).
    unattributed: AtomicU64,
}

impl Ingest {
    /// Starts the batch writer and returns the service.
    pub fn start(
        db: Db,
        bus: Arc<dyn Bus>,
        config: IngestConfig,
    ) -> (Arc<Ingest>, writer::WriterThread) {
        let ttl = Duration::from_secs(config.credential_cache_secs);
        let writer_config = WriterConfig {
            batch_max_events: config.batch_max_events.max(1),
            linger: Duration::from_millis(config.batch_linger_ms),
            queue_capacity: config.queue_capacity,
        };
        let (writer, task) = Writer::start(db.clone(), bus, writer_config);
        let defaults = Limits {
            events_per_second: config.events_per_second,
            bytes_per_day: config.bytes_per_day,
        };
        let ingest = Ingest {
            tokens: TokenResolver::new(db.clone(), ttl),
            sources: SourceResolver::new(db.clone(), ttl),
            certificates: CertificateResolver::new(db.clone(), ttl),
            directory: TenantDirectory::new(db, ttl, defaults),
            quotas: Quotas::default(),
            writer,
            config,
            unattributed: AtomicU64::new(0),
        };
        (Arc::new(ingest), task)
    }

    /// Counts records refused for want of a tenant.
    pub fn count_unattributed(&self, channel: garrison_core::event::Channel, n: u64) {
        metrics::record(None, channel, "unattributed", n);
        let total = self.unattributed.fetch_add(n, Ordering::Relaxed) + n;
        tracing::debug!(count = n, total, "records without a tenant rejected");
    }

    /// How many records were refused for want of a tenant since start.
    pub fn unattributed(&self) -> u64 {
        self.unattributed.load(Ordering::Relaxed)
    }
}
