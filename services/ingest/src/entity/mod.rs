//! sea-orm entities of the ingest tables (all tenant-owned; see the ingest migration).

pub mod dead_letter;
pub mod event_segment;
pub mod event_sequence;
pub mod hosts_daily;
pub mod ingest_settings;
pub mod ingest_token;
pub mod syslog_certificate;
pub mod syslog_source;
pub mod usage_hourly;

/// Implements `TenantOwned` for an entity whose tenant column is `TenantId`.
macro_rules! tenant_owned {
    ($module:ident) => {
        impl garrison_core::db::TenantOwned for $module::Entity {
            fn tenant_column() -> $module::Column {
                $module::Column::TenantId
            }
        }
    };
}

tenant_owned!(dead_letter);
tenant_owned!(event_segment);
tenant_owned!(event_sequence);
tenant_owned!(hosts_daily);
tenant_owned!(ingest_settings);
tenant_owned!(ingest_token);
tenant_owned!(syslog_certificate);
tenant_owned!(syslog_source);
tenant_owned!(usage_hourly);
