//! `POST /auth/login`, `/auth/refresh`, `/auth/logout`.

use crate::http::{ApiError, ApiJson};
use crate::state::AppState;
use axum::Json;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use garrison_core::{Error, Secret, sessions, users};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

/// The refresh-token cookie.
const REFRESH_COOKIE: &str = "garrison_refresh";

/// Sign-in body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    email: String,
    password: String,
}

/// Refresh and sign-out body.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    refresh_token: String,
}

/// Tokens returned by sign-in and refresh.
#[derive(Serialize)]
pub struct TokenResponse {
    access_token: String,
    refresh_token: String,
    token_type: &'static str,
    expires_in: u64,
}

/// Signs in. Wrong email and wrong password answer identically.
pub async fn login(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Response {
    if body.email.len() > 254 || body.password.len() > 1024 {
        return ApiError(Error::invalid("email", "or password is too long")).into_response();
    }
    let ip = peer.ip();
    if let Some(wait) = state.throttle.check(&body.email, ip) {
        crate::metrics::record_sign_in("throttled");
        return throttled(wait);
    }
    let password = Secret::new(body.password);
    let user = match users::check_credentials(&state.db, &body.email, &password).await {
        Ok(users::Credentials::Valid(user)) => user,
        Ok(users::Credentials::Invalid) => {
            state.throttle.fail(&body.email, ip);
            crate::metrics::record_sign_in("invalid");
            tracing::info!(%ip, "sign-in failed");
            return ApiError(Error::Unauthenticated).with_message("invalid email or password");
        }
        Err(e) => return ApiError(e).into_response(),
    };
    state.throttle.succeed(&body.email);
    crate::metrics::record_sign_in("ok");
    tracing::info!(user_id = %user.id, role = %user.role, "signed in");
    match issue(&state, &user).await {
        Ok(tokens) => with_cookie(&state, tokens),
        Err(e) => ApiError(e).into_response(),
    }
}

/// Rotates a refresh token (from the JSON body, or else the httpOnly cookie the
/// console uses); reusing a spent one revokes its whole family.
pub async fn refresh(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let presented = match presented_token(&headers, &body) {
        Ok(token) => token,
        Err(e) => return ApiError(e).into_response(),
    };
    let result = async {
        let (user_id, next) = sessions::rotate(&state.db, &presented, state.refresh_ttl()).await?;
        let user = users::load_active_user(&state.db, user_id)
            .await?
            .ok_or(Error::Unauthenticated)?;
        let access = state
            .keys
            .mint(user.id, user.role)
            .map_err(Error::internal)?;
        Ok::<_, Error>(TokenResponse {
            access_token: access,
            refresh_token: next.token.expose().clone(),
            token_type: "Bearer",
            expires_in: state.keys.ttl_secs(),
        })
    }
    .await;
    match result {
        Ok(tokens) => with_cookie(&state, tokens),
        Err(e) => ApiError(e).into_response(),
    }
}

/// Signs out: ends the refresh token's family and clears the cookie.
pub async fn logout(State(state): State<AppState>, headers: HeaderMap, body: Bytes) -> Response {
    let presented = match presented_token(&headers, &body) {
        Ok(token) => token,
        Err(e) => return ApiError(e).into_response(),
    };
    match sessions::end_session(&state.db, &presented).await {
        Ok(()) => {
            let mut response = StatusCode::NO_CONTENT.into_response();
            set_cookie(&state, &mut response, "", 0);
            response
        }
        Err(e) => ApiError(e).into_response(),
    }
}

/// The refresh token from a JSON body `{"refresh_token"}` or, with an empty body,
/// from the `garrison_refresh` cookie.
fn presented_token(headers: &HeaderMap, body: &Bytes) -> Result<Secret<String>, Error> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return cookie(headers, REFRESH_COOKIE)
            .map(Secret::new)
            // No session to refresh is "not signed in", not a malformed request.
            .ok_or(Error::Unauthenticated);
    }
    serde_json::from_slice::<RefreshRequest>(body)
        .map(|r| Secret::new(r.refresh_token))
        .map_err(|e| Error::invalid("body", e))
}

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_string())
        .filter(|v| !v.is_empty())
}

fn with_cookie(state: &AppState, tokens: TokenResponse) -> Response {
    let token = tokens.refresh_token.clone();
    let mut response = Json(tokens).into_response();
    let max_age = state.config.auth.refresh_ttl_secs;
    set_cookie(state, &mut response, &token, max_age);
    response
}

/// The console keeps its refresh token here, out of reach of page scripts.
fn set_cookie(state: &AppState, response: &mut Response, value: &str, max_age: u64) {
    let secure = if state.config.http.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!(
        "{REFRESH_COOKIE}={value}; HttpOnly; SameSite=Strict; Path=/auth; Max-Age={max_age}{secure}"
    );
    if let Ok(value) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
}

async fn issue(state: &AppState, user: &users::User) -> garrison_core::Result<TokenResponse> {
    let access = state
        .keys
        .mint(user.id, user.role)
        .map_err(Error::internal)?;
    let refresh = sessions::start_session(&state.db, user.id, state.refresh_ttl()).await?;
    Ok(TokenResponse {
        access_token: access,
        refresh_token: refresh.token.expose().clone(),
        token_type: "Bearer",
        expires_in: state.keys.ttl_secs(),
    })
}

fn throttled(wait_secs: u64) -> Response {
    let body = serde_json::json!({"error": {"code": "rate_limited", "message": "too many failed sign-ins; try again later"}});
    let mut response = (StatusCode::TOO_MANY_REQUESTS, Json(body)).into_response();
    if let Ok(value) = HeaderValue::from_str(&wait_secs.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}
