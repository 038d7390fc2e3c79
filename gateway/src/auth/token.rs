//! Access-token claims.

use garrison_core::{Error, Role, UserId};
use serde::{Deserialize, Serialize};

/// What an access token says. The scope is not in the token: it is computed per
/// request from the user's current record, so revocations apply at once.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub iat: u64,
    pub nbf: u64,
    pub exp: u64,
    pub jti: String,
    /// Informational (the console picks a home page by it); never trusted for access.
    pub role: Role,
}

impl AccessClaims {
    pub(crate) fn new(
        user: UserId,
        role: Role,
        issuer: &str,
        audience: &str,
        ttl_secs: u64,
    ) -> AccessClaims {
        let now = jsonwebtoken::get_current_timestamp();
        AccessClaims {
            sub: user.to_string(),
            iss: issuer.into(),
            aud: audience.into(),
            iat: now,
            nbf: now,
            exp: now + ttl_secs,
            jti: uuid::Uuid::new_v4().to_string(),
            role,
        }
    }

    /// The user the token was issued to.
    pub fn user_id(&self) -> garrison_core::Result<UserId> {
        UserId::parse("sub", &self.sub).map_err(|_| Error::Unauthenticated)
    }
}

/// Why a token was refused (logged at debug, never returned).
#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("no signing key")]
    NoKey,
    #[error("{0}")]
    Invalid(String),
}
