//! sea-orm entities of the cases service's tables (all tenant-owned).

pub mod alert;

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

tenant_owned!(alert);
