//! Settings that matter only when the roles run apart: the NATS JetStream bus
//! and the worker's leases and job intervals. Defaults suit one machine.

use crate::secret::Secret;
use serde::Deserialize;

/// The bus between ingest and detection.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BusConfig {
    /// `nats://host:4222`: NATS JetStream. Absent: the in-process bus.
    pub url: Option<Secret<String>>,
    /// Prefix of every subject, stream and consumer name, so several
    /// installations (or test runs) can share one NATS.
    pub namespace: String,
    /// Tenants are hashed onto this many partitions; each has one detection
    /// owner at a time. Changing it moves tenants between owners: do it with
    /// the detection role stopped.
    pub partitions: u32,
    /// JetStream stream limits. Notices past either limit are discarded oldest
    /// first; nothing is lost, because events live in the store and detection
    /// sweeps every tenant from its cursor.
    pub stream_max_age_secs: u64,
    pub stream_max_bytes: i64,
    /// Deliveries of one notice before it goes to the dead-letter subject.
    pub max_deliver: i64,
    /// How long a delivered notice may stay unacknowledged before redelivery.
    pub ack_wait_secs: u64,
    /// How long a detection process owns a partition without renewing.
    pub partition_lease_secs: u64,
}

impl Default for BusConfig {
    fn default() -> Self {
        BusConfig {
            url: None,
            namespace: "garrison".into(),
            partitions: 16,
            stream_max_age_secs: 24 * 3600,
            stream_max_bytes: 1 << 30,
            max_deliver: 5,
            ack_wait_secs: 30,
            partition_lease_secs: 15,
        }
    }
}

/// The worker role's jobs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkerConfig {
    /// A job's lease lapses this long after its holder stops renewing; a
    /// standby worker takes over within it (plus a third of it).
    pub lease_secs: u64,
    /// How often SLA clocks are checked for warnings and breaches.
    pub sla_every_secs: u64,
    /// How often due notifications are delivered.
    pub deliver_every_secs: u64,
}

impl Default for WorkerConfig {
    fn default() -> Self {
        WorkerConfig {
            lease_secs: 15,
            sla_every_secs: 30,
            deliver_every_secs: 5,
        }
    }
}
