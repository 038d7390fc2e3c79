//! HTTP ingest on the gateway port (or the ingest role's own listener): the
//! native NDJSON endpoint, Splunk HEC, and Elasticsearch bulk. Each resolves its
//! tenant from an ingest token in the `Authorization` header, never the payload.

pub mod body;
pub mod bulk;
pub mod events;
pub mod hec;

use crate::Ingest;
use axum::Router;
use axum::http::HeaderMap;
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use garrison_core::TenantId;
use garrison_core::event::LogSource;
use std::sync::Arc;

/// The ingest routes.
pub fn router(ingest: Arc<Ingest>) -> Router {
    Router::new()
        .route("/ingest/v1/events", post(events::post_events))
        .route("/services/collector/event", post(hec::post_event))
        .route("/services/collector/event/1.0", post(hec::post_event))
        .route("/services/collector", post(hec::post_event))
        .route("/services/collector/raw", post(hec::post_raw))
        .route("/services/collector/raw/1.0", post(hec::post_raw))
        .route("/services/collector/health", get(hec::health))
        .route("/services/collector/health/1.0", get(hec::health))
        // The Elasticsearch clients send bulk requests as PUT; shippers as POST.
        .route("/_bulk", post(bulk::post_bulk).put(bulk::post_bulk))
        .route(
            "/{index}/_bulk",
            post(bulk::post_bulk_index).put(bulk::post_bulk_index),
        )
        .with_state(ingest)
}

/// The token in `Authorization`: `Bearer t`, `Splunk t`, `ApiKey t` (or an
/// Elastic API key `base64(id:t)`), or Basic with the token as the password.
pub fn presented_token(headers: &HeaderMap) -> Option<String> {
    let value = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .trim();
    let (scheme, credential) = value.split_once(' ')?;
    let credential = credential.trim();
    match scheme.to_ascii_lowercase().as_str() {
        "bearer" | "splunk" => Some(credential.to_string()),
        "apikey" => {
            if crate::tokens::prefix_of(credential).is_some() {
                return Some(credential.to_string());
            }
            let decoded = String::from_utf8(STANDARD.decode(credential).ok()?).ok()?;
            decoded.split_once(':').map(|(_, key)| key.to_string())
        }
        "basic" => {
            let decoded = String::from_utf8(STANDARD.decode(credential).ok()?).ok()?;
            let (user, password) = decoded.split_once(':')?;
            Some(if password.is_empty() { user } else { password }.to_string())
        }
        _ => None,
    }
}

/// Charges `count` events and `bytes` to the tenant's quota. A refused request
/// is counted against the tenant as rejected (best effort: if the writer is full
/// the count is lost with the request, which the sender is told to retry).
pub fn charge(
    ingest: &Ingest,
    tenant: TenantId,
    limits: crate::quota::Limits,
    channel: garrison_core::event::Channel,
    count: u64,
    bytes: u64,
) -> Result<(), crate::quota::Refusal> {
    ingest
        .quotas
        .try_take(tenant, limits, count, bytes)
        .inspect_err(|_| {
            let rejected = crate::writer::Rejected {
                tenant_id: tenant,
                channel,
                count,
                bytes,
            };
            let _ = ingest
                .writer
                .try_submit(crate::writer::Submission::of_rejected(vec![rejected]));
        })
}

/// Why a request could not be attributed.
pub enum AuthFailure {
    /// No credential at all.
    Missing,
    /// A credential that names no active tenant.
    Invalid,
    /// The store could not be asked.
    Unavailable,
}

/// Resolves the request's tenant (active tenants only), with the log-source
/// tags its token applies.
pub async fn authenticate(
    ingest: &Ingest,
    headers: &HeaderMap,
) -> Result<(TenantId, crate::directory::TenantInfo, LogSource), AuthFailure> {
    let token = presented_token(headers).ok_or(AuthFailure::Missing)?;
    let resolved = ingest
        .tokens
        .resolve(&token)
        .await
        .map_err(|_| AuthFailure::Unavailable)?
        .ok_or(AuthFailure::Invalid)?;
    let info = ingest
        .directory
        .get(resolved.tenant_id)
        .await
        .map_err(|_| AuthFailure::Unavailable)?
        .ok_or(AuthFailure::Invalid)?;
    if !info.active {
        return Err(AuthFailure::Invalid);
    }
    Ok((resolved.tenant_id, info, resolved.log_source))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn with(value: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            axum::http::header::AUTHORIZATION,
            HeaderValue::from_str(value).expect("header"),
        );
        h
    }

    #[test]
    fn every_accepted_scheme() {
        let t = "gi_abcd1234_s3cret";
        assert_eq!(
            presented_token(&with(&format!("Bearer {t}"))).as_deref(),
            Some(t)
        );
        assert_eq!(
            presented_token(&with(&format!("Splunk {t}"))).as_deref(),
            Some(t)
        );
        assert_eq!(
            presented_token(&with(&format!("ApiKey {t}"))).as_deref(),
            Some(t)
        );
        let api_key = STANDARD.encode(format!("id1:{t}"));
        assert_eq!(
            presented_token(&with(&format!("ApiKey {api_key}"))).as_deref(),
            Some(t)
        );
        let basic = STANDARD.encode(format!("elastic:{t}"));
        assert_eq!(
            presented_token(&with(&format!("Basic {basic}"))).as_deref(),
            Some(t)
        );
        assert_eq!(presented_token(&with("Digest x")), None);
    }
}
