//! Authentication: signing keys, access tokens (JWT, EdDSA), the `/auth/*`
//! endpoints, sign-in throttling, and turning a bearer token into a [`Scope`].

pub mod keys;
pub mod routes;
pub mod throttle;
pub mod token;

use crate::state::AppState;
use axum::http::HeaderMap;
use garrison_core::{Error, Result, Scope, users};

/// Verifies the request's bearer token and loads its user, producing the scope.
/// Every failure is `unauthenticated` (the caller learns nothing about why).
pub async fn scope_from_headers(state: &AppState, headers: &HeaderMap) -> Result<Scope> {
    let token = bearer(headers).ok_or(Error::Unauthenticated)?;
    scope_from_token(state, token).await
}

/// Verifies an access token and loads its user, producing the scope.
pub async fn scope_from_token(state: &AppState, token: &str) -> Result<Scope> {
    let claims = state.keys.verify(token).map_err(|reason| {
        tracing::debug!(%reason, "access token rejected");
        Error::Unauthenticated
    })?;
    let user = users::load_active_user(&state.db, claims.user_id()?)
        .await?
        .ok_or(Error::Unauthenticated)?;
    Ok(users::scope_of(&user))
}

/// The token of an `Authorization: Bearer <token>` header.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
}
