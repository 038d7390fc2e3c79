//! The GraphQL API: schema assembly, limits, the HTTP handler, and error mapping.
//!
//! Resolvers are thin: decode arguments, open a scoped transaction, call the
//! service function, encode. Authorization of record lives in the services.

mod alert_types;
mod alerts;
mod billing;
mod billing_report_types;
mod billing_types;
mod case_enums;
mod case_part_types;
mod case_parts;
mod case_types;
mod cases;
mod detection;
mod detection_types;
mod errors;
mod event_histogram;
mod ingest;
mod ingest_certs;
mod ingest_types;
mod mutation;
mod names;
mod notify;
mod notify_types;
mod query;
pub mod severity;
mod sla;
mod sla_report_types;
mod sla_types;
mod types;

/// Every root query field, one object per service.
#[derive(async_graphql::MergedObject, Default)]
pub struct Query(
    query::SpineQuery,
    ingest::IngestQuery,
    ingest_certs::CertificateQuery,
    detection::DetectionQuery,
    alerts::AlertQuery,
    cases::CaseQuery,
    sla::SlaQuery,
    billing::BillingQuery,
    notify::NotifyQuery,
);

/// Every root mutation field, one object per service.
#[derive(async_graphql::MergedObject, Default)]
pub struct Mutation(
    mutation::SpineMutation,
    ingest::IngestMutation,
    ingest_certs::CertificateMutation,
    detection::DetectionMutation,
    alerts::AlertMutation,
    cases::CaseMutation,
    case_parts::CasePartMutation,
    sla::SlaMutation,
    billing::BillingMutation,
    notify::NotifyMutation,
);

pub use alerts::Subscription;

pub use errors::gql;
pub use sla::sla_csv;

use crate::auth;
use crate::state::AppState;
use async_graphql::{Data, Schema, ServerError};
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use garrison_core::Scope;
use garrison_core::scope::TenantAccess;
use tracing::Instrument;

/// The schema type.
pub type GarrisonSchema = Schema<Query, Mutation, Subscription>;

/// Deepest query accepted.
const MAX_DEPTH: usize = 12;
/// Most expensive query accepted (async-graphql's default cost of 1 per field).
const MAX_COMPLEXITY: usize = 1000;

/// Builds the schema. Introspection is on only in dev mode.
pub fn build_schema(state: Option<AppState>, dev: bool) -> GarrisonSchema {
    let mut builder = Schema::build(Query::default(), Mutation::default(), Subscription)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY);
    if !dev {
        builder = builder.disable_introspection();
    }
    if let Some(state) = state {
        builder = builder.data(state);
    }
    builder.finish()
}

/// The SDL, as committed in `gateway/schema.graphql`.
pub fn sdl() -> String {
    build_schema(None, true).sdl()
}

/// `POST /graphql`: a bearer token is required before anything executes.
pub async fn handler(
    State((state, schema)): State<(AppState, GarrisonSchema)>,
    headers: HeaderMap,
    request: GraphQLRequest,
) -> Response {
    let scope = match auth::scope_from_headers(&state, &headers).await {
        Ok(scope) => scope,
        Err(e) => return unauthenticated(e),
    };
    // A span per operation carrying who acts and, for single-tenant callers, the tenant.
    let tenant = match scope.tenants() {
        TenantAccess::Only(set) if set.len() == 1 => set.iter().next().map(|t| t.to_string()),
        _ => None,
    };
    let span = tracing::info_span!(
        "graphql",
        user_id = ?scope.user_id(),
        role = %scope.role(),
        tenant_id = tenant.as_deref().unwrap_or("")
    );
    let request = request
        .into_inner()
        .data(scope)
        .data(names::NameBook::default());
    let mut response = schema.execute(request).instrument(span).await;
    for error in &mut response.errors {
        tag_request_error(error);
    }
    GraphQLResponse::from(response).into_response()
}

/// `GET /graphql/ws`: subscriptions (graphql-transport-ws, or the older
/// graphql-ws). Browsers cannot set headers on a WebSocket, so the access token
/// comes in the `connection_init` payload as `{"authorization": "Bearer <token>"}`
/// (or `{"token": "<token>"}`); without a valid one the connection is refused.
pub async fn ws_handler(
    State((state, schema)): State<(AppState, GarrisonSchema)>,
    protocol: async_graphql_axum::GraphQLProtocol,
    upgrade: axum::extract::WebSocketUpgrade,
) -> Response {
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| {
            async_graphql_axum::GraphQLWebSocket::new(socket, schema, protocol)
                .on_connection_init(move |payload| async move {
                    let token = init_token(&payload)
                        .ok_or_else(|| async_graphql::Error::new("authentication required"))?;
                    let scope = auth::scope_from_token(&state, &token)
                        .await
                        .map_err(|e| async_graphql::Error::new(e.public_message()))?;
                    let mut data = Data::default();
                    data.insert(scope);
                    Ok(data)
                })
                .serve()
        })
}

/// The access token of a `connection_init` payload.
fn init_token(payload: &serde_json::Value) -> Option<String> {
    let obj = payload.as_object()?;
    let raw = ["authorization", "Authorization", "token"]
        .iter()
        .find_map(|k| obj.get(*k).and_then(serde_json::Value::as_str))?;
    let token = match raw.split_once(' ') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest,
        _ => raw,
    };
    let token = token.trim();
    (!token.is_empty()).then(|| token.to_string())
}

/// `GET /graphql`: the GraphiQL page, in dev mode only.
pub async fn graphiql() -> impl IntoResponse {
    Html(
        async_graphql::http::GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .finish(),
    )
}

/// Parse and validation errors are the caller's: give them a code too.
fn tag_request_error(error: &mut ServerError) {
    let has_code = error
        .extensions
        .as_ref()
        .is_some_and(|e| e.get("code").is_some());
    if !has_code {
        error
            .extensions
            .get_or_insert_with(Default::default)
            .set("code", "INVALID_INPUT");
    }
}

fn unauthenticated(error: garrison_core::Error) -> Response {
    let message = error.public_message();
    let body = serde_json::json!({
        "data": null,
        "errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]
    });
    (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response()
}

/// The caller's scope from the request data.
pub(crate) fn scope<'a>(ctx: &'a async_graphql::Context<'_>) -> async_graphql::Result<&'a Scope> {
    ctx.data::<Scope>()
        .map_err(|_| gql(garrison_core::Error::Unauthenticated))
}

/// The shared state from the schema data.
pub(crate) fn state<'a>(
    ctx: &'a async_graphql::Context<'_>,
) -> async_graphql::Result<&'a AppState> {
    ctx.data::<AppState>()
        .map_err(|_| gql(garrison_core::Error::internal("schema without state")))
}
