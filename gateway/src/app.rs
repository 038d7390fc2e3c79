//! The HTTP application: the router, and starting/stopping the server.

use crate::auth::keys::KeySet;
use crate::state::AppState;
use crate::{auth, graphql, health};
use axum::Router;
use axum::routing::{get, post};
use garrison_core::config::Config;
use garrison_core::db::Db;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

/// Everything served on the HTTP port. With `gateway` false only the probes are
/// served (the ingest, detection and worker roles still answer `/healthz`).
pub fn router(state: AppState, gateway: bool) -> Router {
    let probes = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz));
    if !gateway {
        return probes.with_state(state);
    }
    let schema = graphql::build_schema(Some(state.clone()), state.config.dev);
    let mut graphql_routes = Router::new().route("/graphql", post(graphql::handler));
    if state.config.dev {
        graphql_routes =
            graphql_routes.route("/graphql", get(graphql::graphiql).post(graphql::handler));
    }
    let auth_routes = Router::new()
        .route("/auth/login", post(auth::routes::login))
        .route("/auth/refresh", post(auth::routes::refresh))
        .route("/auth/logout", post(auth::routes::logout));
    let max_body = state.config.http.max_body_bytes;
    let console = crate::console::router(&state.config.http.console_dir);
    probes
        .merge(auth_routes)
        .with_state(state.clone())
        .merge(graphql_routes.with_state((state, schema)))
        .merge(console)
        .layer(RequestBodyLimitLayer::new(max_body))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
        }))
}

/// A running server (for `serve` and for tests).
pub struct RunningServer {
    pub addr: SocketAddr,
    pub state: AppState,
    shutdown: tokio::sync::watch::Sender<bool>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl RunningServer {
    /// Stops accepting, lets in-flight requests finish (bounded), and returns.
    pub async fn stop(self) {
        let _ = self.shutdown.send(true);
        let _ = tokio::time::timeout(Duration::from_secs(30), self.task).await;
    }

    /// Waits until the server ends (after a shutdown signal).
    pub async fn wait(self) -> std::io::Result<()> {
        match self.task.await {
            Ok(result) => result,
            Err(e) => Err(std::io::Error::other(e)),
        }
    }

    /// A handle that asks the server to stop.
    pub fn shutdown_handle(&self) -> tokio::sync::watch::Sender<bool> {
        self.shutdown.clone()
    }
}

/// Opens the database (migrating), creates the first admin if there are no users,
/// loads keys, binds `config.http.addr`, serves.
pub async fn start(config: Config, gateway: bool) -> anyhow::Result<RunningServer> {
    let db = Db::open(&config.database_url(), config.database.max_connections).await?;
    // Before the port opens, so nobody can reach a server without an admin.
    crate::bootstrap::ensure_first_admin(&db, &config).await?;
    let keys = KeySet::load(&config.auth, &config.data_dir)?;
    let state = AppState::new(db, config, keys);
    start_with_state(state, gateway).await
}

/// Binds and serves an already-built state.
pub async fn start_with_state(state: AppState, gateway: bool) -> anyhow::Result<RunningServer> {
    let listener = TcpListener::bind(state.config.http.addr).await?;
    let addr = listener.local_addr()?;
    let app = router(state.clone(), gateway).into_make_service_with_connect_info::<SocketAddr>();
    let (shutdown, mut stop) = tokio::sync::watch::channel(false);
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stop.wait_for(|s| *s).await;
            })
            .await
    });
    Ok(RunningServer {
        addr,
        state,
        shutdown,
        task,
    })
}
