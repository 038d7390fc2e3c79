//! sea-orm entities of the billing tables (see the billing migration): the plan
//! catalogue, Stripe objects and processed webhook events are the provider's;
//! everything else is tenant-owned.

pub mod account;
pub mod invoice;
pub mod meter_push;
pub mod notice;
pub mod plan;
pub mod stripe_object;
pub mod subscription;
pub mod webhook_event;

macro_rules! tenant_owned {
    ($module:ident) => {
        impl garrison_core::db::TenantOwned for $module::Entity {
            fn tenant_column() -> $module::Column {
                $module::Column::TenantId
            }
        }
    };
}

tenant_owned!(account);
tenant_owned!(invoice);
tenant_owned!(meter_push);
tenant_owned!(notice);
tenant_owned!(subscription);

impl garrison_core::db::ProviderOwned for plan::Entity {}
impl garrison_core::db::ProviderOwned for stripe_object::Entity {}
impl garrison_core::db::ProviderOwned for webhook_event::Entity {}
