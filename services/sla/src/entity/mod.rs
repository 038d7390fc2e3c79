//! sea-orm entities of the SLA tables (all tenant-owned; see the SLA migration).

pub mod sla_calendar;
pub mod sla_instance;
pub mod sla_policy;

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

tenant_owned!(sla_calendar);
tenant_owned!(sla_instance);
tenant_owned!(sla_policy);
