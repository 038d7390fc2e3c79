//! Billing's HTTP edges: `POST /webhooks/stripe` (Stripe's signature, not a
//! bearer token, authenticates it) and the report downloads
//! `GET /reports/account.csv?tenant=..&month=..` and `/reports/portfolio.csv?month=..`
//! (bearer auth as `/graphql`: 401 without a token, 404 for a tenant the caller may
//! not see, 400 naming a bad parameter).

use crate::auth;
use crate::billing::{IngestLedger, ServiceSources};
use crate::graphql::GarrisonSchema;
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use garrison_billing::period::Month;
use garrison_billing::webhook::{WebhookError, WebhookRefusal, handle_webhook};
use garrison_billing::{csv, portfolio, report};
use garrison_core::{Error, TenantId};
use std::collections::HashMap;

/// `POST /webhooks/stripe`.
pub async fn stripe_webhook(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let Some(secret) = &state.config.billing.stripe_webhook_secret else {
        return crate::http::error_with_field(Error::Unavailable(
            "stripe webhooks are not configured".into(),
        ));
    };
    let signature = headers
        .get("stripe-signature")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    match handle_webhook(&state.db, secret, signature, &body, state.clock.now()).await {
        Ok(outcome) => axum::Json(serde_json::json!({"received": true, "id": outcome.event_id}))
            .into_response(),
        Err(WebhookError::Refused(refusal)) => {
            tracing::warn!(reason = %refusal, "stripe webhook refused");
            let status = match refusal {
                WebhookRefusal::Replay(_) => StatusCode::CONFLICT,
                _ => StatusCode::BAD_REQUEST,
            };
            let body =
                serde_json::json!({"error": {"code": "refused", "message": refusal.to_string()}});
            (status, axum::Json(body)).into_response()
        }
        Err(WebhookError::Failed(e)) => crate::http::error_with_field(e),
    }
}

/// `GET /reports/account.csv?tenant=<id>&month=YYYY-MM`.
pub async fn account_csv(
    State((state, _schema)): State<(AppState, GarrisonSchema)>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let scope = match auth::scope_from_headers(&state, &headers).await {
        Ok(scope) => scope,
        Err(e) => return crate::http::error_with_field(e),
    };
    let parsed = (|| {
        let tenant = TenantId::parse("tenant", required(&params, "tenant")?)?;
        let month = Month::parse("month", required(&params, "month")?)?;
        Ok::<_, Error>((tenant, month))
    })();
    let (tenant, month) = match parsed {
        Ok(p) => p,
        Err(e) => return crate::http::error_with_field(e),
    };
    let ledger = IngestLedger::new(state.db.clone());
    let sources = ServiceSources::new(state.db.clone());
    let now = state.clock.now();
    let result =
        report::account_report(&state.db, &scope, &ledger, &sources, tenant, month, now).await;
    match result {
        Ok(r) => csv_response(
            csv::account_csv(&r),
            &format!("account-{tenant}-{month}.csv"),
        ),
        Err(e) => crate::http::error_with_field(e),
    }
}

/// `GET /reports/portfolio.csv?month=YYYY-MM`.
pub async fn portfolio_csv(
    State((state, _schema)): State<(AppState, GarrisonSchema)>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let scope = match auth::scope_from_headers(&state, &headers).await {
        Ok(scope) => scope,
        Err(e) => return crate::http::error_with_field(e),
    };
    let month = match required(&params, "month").and_then(|m| Month::parse("month", m)) {
        Ok(m) => m,
        Err(e) => return crate::http::error_with_field(e),
    };
    let ledger = IngestLedger::new(state.db.clone());
    let sources = ServiceSources::new(state.db.clone());
    let now = state.clock.now();
    let result =
        portfolio::portfolio_report(&state.db, &scope, &ledger, &sources, month, now).await;
    match result {
        Ok(rows) => csv_response(csv::portfolio_csv(&rows), &format!("portfolio-{month}.csv")),
        Err(e) => crate::http::error_with_field(e),
    }
}

fn csv_response(body: String, filename: &str) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\"")) {
        h.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

fn required<'a>(params: &'a HashMap<String, String>, name: &str) -> Result<&'a str, Error> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| Error::invalid(name, "is required"))
}
