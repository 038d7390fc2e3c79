//! Roles and the permission matrix (role x resource x action), kept as one table.
//!
//! The matrix is snapshot-tested (`role_matrix.snap`) so every change to who may do
//! what shows up in review. Which *tenants* a caller reaches is the scope's job;
//! this table says only what a role may do inside the tenants it reaches.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Who a user is to the platform (DESIGN.md, "Who uses it").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    ProviderAdmin,
    Analyst,
    AccountManager,
    CustomerAdmin,
    CustomerViewer,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 5] = [
        Role::ProviderAdmin,
        Role::Analyst,
        Role::AccountManager,
        Role::CustomerAdmin,
        Role::CustomerViewer,
    ];

    /// Stored and logged name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::ProviderAdmin => "provider_admin",
            Role::Analyst => "analyst",
            Role::AccountManager => "account_manager",
            Role::CustomerAdmin => "customer_admin",
            Role::CustomerViewer => "customer_viewer",
        }
    }

    /// Parses a stored or submitted name; `field` names the argument on error.
    pub fn parse(field: &str, raw: &str) -> crate::Result<Role> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str().eq_ignore_ascii_case(raw.trim()))
            .ok_or_else(|| crate::Error::invalid(field, format!("unknown role `{raw}`")))
    }

    /// Customer roles belong to exactly one home tenant; provider staff do not.
    pub fn is_customer(self) -> bool {
        matches!(self, Role::CustomerAdmin | Role::CustomerViewer)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A kind of thing a permission is about. Later services add theirs here so the
/// whole matrix stays in one reviewed table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resource {
    Tenant,
    ProviderUser,
    CustomerUser,
    TenantAssignment,
    AuditLog,
    IngestToken,
    Event,
    RulePack,
    Alert,
    Case,
    SharedComment,
    InternalComment,
    SlaReport,
    SlaPolicy,
    ResponseAction,
    Notification,
    Billing,
}

impl Resource {
    /// Every resource, in display order.
    pub const ALL: [Resource; 17] = [
        Resource::Tenant,
        Resource::ProviderUser,
        Resource::CustomerUser,
        Resource::TenantAssignment,
        Resource::AuditLog,
        Resource::IngestToken,
        Resource::Event,
        Resource::RulePack,
        Resource::Alert,
        Resource::Case,
        Resource::SharedComment,
        Resource::InternalComment,
        Resource::SlaReport,
        Resource::SlaPolicy,
        Resource::ResponseAction,
        Resource::Notification,
        Resource::Billing,
    ];
}

/// What is done to a resource.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Read,
    Create,
    Update,
    Delete,
}

impl Action {
    /// Every action, in display order.
    pub const ALL: [Action; 4] = [Action::Read, Action::Create, Action::Update, Action::Delete];
}

/// The matrix. `R`ead, `C`reate, `U`pdate, `D`elete per cell; absent letters are denied.
fn grants(role: Role, resource: Resource) -> &'static str {
    use Resource as Res;
    use Role::*;
    match (role, resource) {
        (ProviderAdmin, _) => "RCUD",

        (Analyst, Res::Tenant) => "R",
        (Analyst, Res::ProviderUser | Res::CustomerUser) => "R",
        (Analyst, Res::Event) => "R",
        // Analysts tune rules for the tenants they work (overrides, exceptions,
        // placeholders); importing packs stays with provider admins.
        (Analyst, Res::RulePack) => "RU",
        (Analyst, Res::Alert) => "RCU",
        (Analyst, Res::Case) => "RCU",
        (Analyst, Res::SharedComment | Res::InternalComment) => "RCU",
        (Analyst, Res::SlaReport | Res::SlaPolicy) => "R",
        // Analysts propose response actions; the customer decides.
        (Analyst, Res::ResponseAction) => "RC",
        (Analyst, _) => "",

        (AccountManager, Res::Tenant) => "R",
        (AccountManager, Res::CustomerUser) => "R",
        (AccountManager, Res::Case | Res::SharedComment) => "R",
        (AccountManager, Res::SlaReport | Res::SlaPolicy | Res::Billing) => "R",
        (AccountManager, Res::ResponseAction) => "R",
        (AccountManager, _) => "",

        (CustomerAdmin, Res::Tenant) => "R",
        (CustomerAdmin, Res::CustomerUser) => "RCUD",
        (CustomerAdmin, Res::AuditLog) => "R",
        (CustomerAdmin, Res::IngestToken) => "RCD",
        (CustomerAdmin, Res::Event | Res::Alert) => "R",
        (CustomerAdmin, Res::Case) => "RC",
        (CustomerAdmin, Res::SharedComment) => "RC",
        (CustomerAdmin, Res::SlaReport | Res::SlaPolicy | Res::Billing) => "R",
        // The customer approves or rejects what the provider proposes to do.
        (CustomerAdmin, Res::ResponseAction) => "RU",
        (CustomerAdmin, Res::Notification) => "RCUD",
        (CustomerAdmin, _) => "",

        (CustomerViewer, Res::Tenant) => "R",
        (CustomerViewer, Res::Event | Res::Alert | Res::Case | Res::SharedComment) => "R",
        (CustomerViewer, Res::SlaReport | Res::SlaPolicy | Res::ResponseAction) => "R",
        (CustomerViewer, _) => "",
    }
}

/// Whether `role` may perform `action` on `resource` (inside tenants it reaches).
pub fn allows(role: Role, resource: Resource, action: Action) -> bool {
    let letter = match action {
        Action::Read => 'R',
        Action::Create => 'C',
        Action::Update => 'U',
        Action::Delete => 'D',
    };
    grants(role, resource).contains(letter)
}

/// The matrix rendered as a table, for the snapshot test and the README.
pub fn render_matrix() -> String {
    let mut out = String::from("resource           ");
    for role in Role::ALL {
        out.push_str(&format!("{:<16}", role.as_str()));
    }
    out.push('\n');
    for resource in Resource::ALL {
        out.push_str(&format!("{:<19}", format!("{resource:?}")));
        for role in Role::ALL {
            let cell: String = Action::ALL
                .into_iter()
                .map(|a| {
                    if allows(role, resource, a) {
                        format!("{a:?}").chars().next().unwrap_or('?')
                    } else {
                        '-'
                    }
                })
                .collect();
            out.push_str(&format!("{cell:<16}"));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_matrix_snapshot() {
        insta::assert_snapshot!("role_matrix", render_matrix());
    }

    #[test]
    fn customers_never_touch_provider_users_or_rule_packs() {
        for role in [Role::CustomerAdmin, Role::CustomerViewer] {
            for action in Action::ALL {
                assert!(!allows(role, Resource::ProviderUser, action));
                assert!(!allows(role, Resource::InternalComment, action));
                assert!(!allows(role, Resource::TenantAssignment, action));
            }
        }
    }

    #[test]
    fn role_parse_names_field() {
        assert_eq!(
            Role::parse("role", "ANALYST").expect("parses"),
            Role::Analyst
        );
        let err = Role::parse("input.role", "root").expect_err("unknown");
        assert_eq!(err.to_string(), "input.role: unknown role `root`");
    }
}
