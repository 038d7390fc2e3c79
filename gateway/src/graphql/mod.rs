//! The GraphQL API: schema assembly, limits, the HTTP handler, and error mapping.
//!
//! Resolvers are thin: decode arguments, open a scoped transaction, call the
//! service function, encode. Authorization of record lives in the services.

mod errors;
mod ingest;
mod ingest_types;
mod mutation;
mod query;
mod types;

/// Every root query field, one object per service.
#[derive(async_graphql::MergedObject, Default)]
pub struct Query(query::SpineQuery, ingest::IngestQuery);

/// Every root mutation field, one object per service.
#[derive(async_graphql::MergedObject, Default)]
pub struct Mutation(mutation::SpineMutation, ingest::IngestMutation);

pub use errors::gql;

use crate::auth;
use crate::state::AppState;
use async_graphql::{EmptySubscription, Schema, ServerError};
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use garrison_core::Scope;
use garrison_core::scope::TenantAccess;
use tracing::Instrument;

/// The schema type.
pub type GarrisonSchema = Schema<Query, Mutation, EmptySubscription>;

/// Deepest query accepted.
const MAX_DEPTH: usize = 12;
/// Most expensive query accepted (async-graphql's default cost of 1 per field).
const MAX_COMPLEXITY: usize = 1000;

/// Builds the schema. Introspection is on only in dev mode.
pub fn build_schema(state: Option<AppState>, dev: bool) -> GarrisonSchema {
    let mut builder = Schema::build(Query::default(), Mutation::default(), EmptySubscription)
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
    let request = request.into_inner().data(scope);
    let mut response = schema.execute(request).instrument(span).await;
    for error in &mut response.errors {
        tag_request_error(error);
    }
    GraphQLResponse::from(response).into_response()
}

/// `GET /graphql`: the GraphiQL page, in dev mode only.
pub async fn graphiql() -> impl IntoResponse {
    Html(
        async_graphql::http::GraphiQLSource::build()
            .endpoint("/graphql")
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
