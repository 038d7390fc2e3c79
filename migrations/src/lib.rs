//! garrison-migrations: Garrison's schema as one ordered list of migrations.
//!
//! Every migration has an `up` and a `down` and runs on SQLite and PostgreSQL. The
//! SQL is written per backend on purpose: the two differ exactly where isolation
//! lives (PostgreSQL row-level security and the unprivileged application role), and
//! spelling it out keeps that visible in review instead of hidden in a builder.

pub use sea_orm_migration::prelude::*;

mod m20261122_000001_identity;
mod m20261122_000002_ingest;
mod m20261201_000003_detection;
mod m20261201_000004_alerts;
mod m20261201_000005_sla;
mod m20261201_000006_cases;
mod m20261201_000007_audit_chain;
mod m20261201_000008_notify;
mod m20261201_000009_billing;
mod m20261201_000010_leases;
mod m20261201_000011_event_partitions;
mod m20261201_000012_ingest_sources;
mod m20261207_000013_event_segments;
mod sql;

/// The application role every request runs as on PostgreSQL. It owns nothing and is
/// not a superuser, so row-level security applies to it.
pub const APP_ROLE: &str = "garrison_app";

/// Garrison's migrator: the one ordered list.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_identity::Migration),
            Box::new(m20261122_000002_ingest::Migration),
            Box::new(m20261201_000003_detection::Migration),
            Box::new(m20261201_000004_alerts::Migration),
            Box::new(m20261201_000005_sla::Migration),
            Box::new(m20261201_000006_cases::Migration),
            Box::new(m20261201_000007_audit_chain::Migration),
            Box::new(m20261201_000008_notify::Migration),
            Box::new(m20261201_000009_billing::Migration),
            Box::new(m20261201_000010_leases::Migration),
            Box::new(m20261201_000011_event_partitions::Migration),
            Box::new(m20261201_000012_ingest_sources::Migration),
            Box::new(m20261207_000013_event_segments::Migration),
        ]
    }
}
