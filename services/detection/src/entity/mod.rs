//! sea-orm entities of the detection tables: the rule-pack catalogue (provider
//! owned) and each tenant's rule configuration and detection state (tenant owned).

pub mod detection_state;
pub mod rule_exception;
pub mod rule_override;
pub mod rule_pack;
pub mod rule_pack_file;
pub mod rule_pack_version;
pub mod rule_placeholder;
pub mod tenant_rule_pack;

macro_rules! tenant_owned {
    ($module:ident) => {
        impl garrison_core::db::TenantOwned for $module::Entity {
            fn tenant_column() -> $module::Column {
                $module::Column::TenantId
            }
        }
    };
}

tenant_owned!(detection_state);
tenant_owned!(rule_exception);
tenant_owned!(rule_override);
tenant_owned!(rule_placeholder);
tenant_owned!(tenant_rule_pack);

impl garrison_core::db::ProviderOwned for rule_pack::Entity {}
impl garrison_core::db::ProviderOwned for rule_pack_file::Entity {}
impl garrison_core::db::ProviderOwned for rule_pack_version::Entity {}
