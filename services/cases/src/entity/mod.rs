//! sea-orm entities of the cases service's tables (all tenant-owned).

pub mod alert;
pub mod case;
pub mod case_action;
pub mod case_attachment;
pub mod case_comment;
pub mod case_counter;
pub mod case_observable;
pub mod case_task;
pub mod case_timeline;

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
tenant_owned!(case);
tenant_owned!(case_action);
tenant_owned!(case_attachment);
tenant_owned!(case_comment);
tenant_owned!(case_counter);
tenant_owned!(case_observable);
tenant_owned!(case_task);
tenant_owned!(case_timeline);
