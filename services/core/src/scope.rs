//! The caller's scope: who is acting, in which role, over which tenants.
//!
//! Fields are private and there are only a few named constructors, so a scope can
//! only come from a user loaded from the database (after a token was verified),
//! from a background task acting for one tenant, from the platform itself, or from
//! a test. Every read or write of tenant-owned data goes through one.

use crate::ids::{TenantId, UserId};
use crate::role::{self, Action, Resource, Role};
use crate::{Error, Result};
use std::collections::BTreeSet;

/// Which tenants a scope reaches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenantAccess {
    /// Every tenant, present and future (provider admins, "all tenants" grants).
    All,
    /// Exactly these tenants.
    Only(BTreeSet<TenantId>),
}

/// Who is acting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in user.
    User(UserId),
    /// A background task (named) acting for the platform or one tenant.
    Task(&'static str),
}

/// The caller's scope. See the module docs.
#[derive(Debug, Clone)]
pub struct Scope {
    actor: Actor,
    role: Role,
    tenants: TenantAccess,
}

impl Scope {
    /// The scope of a signed-in user. Built only by `users::scope_of` from the
    /// user's record as loaded from the database (so a disabled user or a revoked
    /// assignment takes effect at once).
    pub(crate) fn for_user_record(user: UserId, role: Role, tenants: TenantAccess) -> Scope {
        Scope {
            actor: Actor::User(user),
            role,
            tenants,
        }
    }

    /// A background task acting for exactly one tenant (ingest, detection, clocks).
    pub fn for_tenant_task(task: &'static str, tenant: TenantId) -> Scope {
        Scope {
            actor: Actor::Task(task),
            role: Role::ProviderAdmin,
            tenants: TenantAccess::Only(BTreeSet::from([tenant])),
        }
    }

    /// The platform itself (seeding, bootstrap, cross-tenant jobs).
    pub fn system(task: &'static str) -> Scope {
        Scope {
            actor: Actor::Task(task),
            role: Role::ProviderAdmin,
            tenants: TenantAccess::All,
        }
    }

    /// The sign-in machinery: reads the registry, reaches no tenant.
    pub(crate) fn registry() -> Scope {
        Scope {
            actor: Actor::Task("registry"),
            role: Role::CustomerViewer,
            tenants: TenantAccess::Only(BTreeSet::new()),
        }
    }

    /// A scope for tests, with any role and tenants.
    #[cfg(any(test, feature = "test-util"))]
    pub fn for_test(role: Role, tenants: TenantAccess) -> Scope {
        Scope {
            actor: Actor::Task("test"),
            role,
            tenants,
        }
    }

    /// Who is acting.
    pub fn actor(&self) -> &Actor {
        &self.actor
    }

    /// The acting user, if a user is acting.
    pub fn user_id(&self) -> Option<UserId> {
        match self.actor {
            Actor::User(id) => Some(id),
            Actor::Task(_) => None,
        }
    }

    /// The role the scope acts in.
    pub fn role(&self) -> Role {
        self.role
    }

    /// The tenants reached.
    pub fn tenants(&self) -> &TenantAccess {
        &self.tenants
    }

    /// Whether the scope reaches `tenant`.
    pub fn reaches(&self, tenant: TenantId) -> bool {
        match &self.tenants {
            TenantAccess::All => true,
            TenantAccess::Only(set) => set.contains(&tenant),
        }
    }

    /// Whether the role permits the action (anywhere in the scope).
    pub fn can(&self, resource: Resource, action: Action) -> bool {
        role::allows(self.role, resource, action)
    }

    /// Fails with `forbidden` unless the role permits the action.
    pub fn require(&self, resource: Resource, action: Action) -> Result<()> {
        if self.can(resource, action) {
            Ok(())
        } else {
            Err(Error::Forbidden(format!(
                "{} may not {action:?} {resource:?}",
                self.role
            )))
        }
    }

    /// Checks that `tenant` is reachable (else `not_found`, never `forbidden`) and the
    /// role permits the action there.
    pub fn require_in(&self, tenant: TenantId, resource: Resource, action: Action) -> Result<()> {
        if !self.reaches(tenant) {
            return Err(Error::NotFound);
        }
        // A role that may not even read the resource must not learn it exists.
        if !self.can(resource, Action::Read) {
            return Err(Error::NotFound);
        }
        self.require(resource, action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn out_of_scope_is_not_found_and_wrong_role_is_forbidden() {
        let a = TenantId::new();
        let b = TenantId::new();
        let scope = Scope::for_test(
            Role::CustomerViewer,
            TenantAccess::Only(BTreeSet::from([a])),
        );
        assert!(matches!(
            scope.require_in(b, Resource::Case, Action::Read),
            Err(Error::NotFound)
        ));
        assert!(matches!(
            scope.require_in(a, Resource::Case, Action::Create),
            Err(Error::Forbidden(_))
        ));
        assert!(scope.require_in(a, Resource::Case, Action::Read).is_ok());
        assert!(matches!(
            scope.require_in(a, Resource::InternalComment, Action::Read),
            Err(Error::NotFound)
        ));
    }
}
