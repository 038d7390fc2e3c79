//! Typed ids: a `TenantId` can never be passed where a `UserId` is expected.
//!
//! Every id is a UUIDv7 (time-ordered, so primary-key indexes stay append-mostly).

/// Declares a typed id wrapping a UUID, with parsing that names the field on error.
#[macro_export]
macro_rules! typed_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(uuid::Uuid);

        impl $name {
            /// A fresh, time-ordered id.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7())
            }

            /// Wraps an id read from storage.
            pub fn from_uuid(id: uuid::Uuid) -> Self {
                Self(id)
            }

            /// The raw UUID, for storage.
            pub fn as_uuid(&self) -> uuid::Uuid {
                self.0
            }

            /// Parses an id received at an edge; `field` names the argument in the error.
            pub fn parse(field: &str, raw: &str) -> $crate::Result<Self> {
                uuid::Uuid::parse_str(raw.trim())
                    .map(Self)
                    .map_err(|_| $crate::Error::invalid(field, "is not a valid id"))
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                write!(f, "{}({})", stringify!($name), self.0)
            }
        }
    };
}

typed_id!(
    /// A customer organization.
    TenantId
);
typed_id!(
    /// A person who signs in.
    UserId
);
typed_id!(
    /// A refresh-token family: every token rotated from one login.
    SessionFamilyId
);
typed_id!(
    /// An audit-log entry.
    AuditId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_names_the_field() {
        let err = TenantId::parse("tenantId", "nope").expect_err("must fail");
        assert_eq!(err.to_string(), "tenantId: is not a valid id");
        let id = TenantId::new();
        assert_eq!(TenantId::parse("x", &id.to_string()).expect("parses"), id);
    }
}
