//! The worker's jobs by lease name: each runs only in the worker process that
//! holds its lease (see `garrison_core::lease`). Operators see these names in the
//! `leases` table.

pub const JOB_SLA: &str = "job.sla";
pub const JOB_NOTIFY: &str = "job.notify";
pub const JOB_RETENTION: &str = "job.retention";
pub const JOB_BILLING: &str = "job.billing";
pub const JOB_PARTITIONS: &str = "job.partitions";

/// Every job, for the keeper of a worker process.
pub const ALL: [&str; 5] = [
    JOB_SLA,
    JOB_NOTIFY,
    JOB_RETENTION,
    JOB_BILLING,
    JOB_PARTITIONS,
];
