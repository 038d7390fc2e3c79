//! sea-orm entities of the notification tables (see the notify migration).
//! `notify_endpoints`, `notify_outbox` and `notify_deliveries` are tenant-owned;
//! `notify_provider_endpoints` is the provider's catalogue (no tenant).

pub mod delivery;
pub mod endpoint;
pub mod outbox;
pub mod provider_endpoint;

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

tenant_owned!(endpoint);
tenant_owned!(outbox);
tenant_owned!(delivery);

impl garrison_core::db::ProviderOwned for provider_endpoint::Entity {}
