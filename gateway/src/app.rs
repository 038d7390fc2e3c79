//! The HTTP application: the router, and starting/stopping the server with the
//! components its roles ask for.

use crate::auth::keys::KeySet;
use crate::state::AppState;
use crate::wiring::IngestEventLog;
use crate::{auth, graphql, health};
use axum::Router;
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use garrison_cases::alerts::raise::DbAlertSink;
use garrison_core::bus::nats::NatsBus;
use garrison_core::bus::{Bus, LocalBus};
use garrison_core::config::Config;
use garrison_core::db::Db;
use garrison_detection::consumer::{Detection, DetectionConfig};
use garrison_ingest::Ingest;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::trace::TraceLayer;

/// What one process runs, from its roles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Components {
    /// GraphQL, auth and the console.
    pub gateway: bool,
    /// Syslog listeners and the HTTP ingest endpoints.
    pub ingest: bool,
    /// Stored events through each tenant's rules into alerts.
    pub detection: bool,
    /// Background jobs (retention, SLA clocks; billing sync later).
    pub worker: bool,
}

impl Components {
    /// Everything (the embedded default).
    pub const ALL: Components = Components {
        gateway: true,
        ingest: true,
        detection: true,
        worker: true,
    };
}

/// Everything served on the HTTP port. Every role serves the probes.
pub fn router(state: AppState, components: Components) -> Router {
    let probes = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz));
    let mut app = probes.with_state(state.clone());
    if let (true, Some(ingest)) = (components.ingest, &state.ingest) {
        app = app.merge(garrison_ingest::http::router(ingest.clone()));
    }
    if components.gateway {
        let schema = graphql::build_schema(Some(state.clone()), state.config.dev);
        let mut graphql = post(graphql::handler);
        if state.config.dev {
            graphql = graphql.get(graphql::graphiql);
        }
        let graphql_routes = Router::new()
            .route("/graphql", graphql)
            .route("/graphql/ws", get(graphql::ws_handler))
            .route("/reports/sla.csv", get(graphql::sla_csv))
            .route(
                "/reports/account.csv",
                get(crate::billing_http::account_csv),
            )
            .route(
                "/reports/portfolio.csv",
                get(crate::billing_http::portfolio_csv),
            );
        let auth_routes = Router::new()
            .route("/auth/login", post(auth::routes::login))
            .route("/auth/refresh", post(auth::routes::refresh))
            .route("/auth/logout", post(auth::routes::logout))
            .route("/attachments/{id}", get(crate::attachments::download))
            .route(
                "/webhooks/stripe",
                post(crate::billing_http::stripe_webhook),
            );
        app = app
            .merge(auth_routes.with_state(state.clone()))
            .merge(graphql_routes.with_state((state.clone(), schema)));
    }
    // `GET /` is the console for browsers and the cluster-info document for bulk
    // shippers probing what they believe is Elasticsearch.
    let console = crate::console::router(&state.config.http.console_dir);
    let ingest_on = components.ingest && state.ingest.is_some();
    let root_console = console.clone();
    app = app.route(
        "/",
        get(move |headers: HeaderMap, request: axum::extract::Request| {
            root(headers, request, ingest_on, root_console)
        }),
    );
    if components.gateway {
        app = app.merge(console);
    }
    // One limit, the configured one: axum's own 2 MiB default for extracted
    // bodies would otherwise reject ingest batches the configuration allows.
    app.layer(axum::extract::DefaultBodyLimit::disable())
        .layer(RequestBodyLimitLayer::new(state.config.http.max_body_bytes))
        .layer(
        TraceLayer::new_for_http().make_span_with(|req: &axum::http::Request<_>| {
            tracing::info_span!("http", method = %req.method(), path = %req.uri().path())
        }),
    )
}

async fn root(
    headers: HeaderMap,
    request: axum::extract::Request,
    ingest_on: bool,
    console: Router,
) -> Response {
    if ingest_on && garrison_ingest::http::bulk::wants_cluster_info(&headers) {
        return garrison_ingest::http::bulk::cluster_info();
    }
    use tower::ServiceExt;
    match console.oneshot(request).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
    .into_response()
}

/// A running server (for `serve` and for tests).
pub struct RunningServer {
    pub addr: SocketAddr,
    /// The syslog UDP/TCP address, when the ingest role listens.
    pub syslog_addr: Option<SocketAddr>,
    /// The syslog TLS address, when configured.
    pub syslog_tls_addr: Option<SocketAddr>,
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
/// loads keys, starts the components, binds `config.http.addr`, serves.
pub async fn start(config: Config, components: Components) -> anyhow::Result<RunningServer> {
    let db = Db::open(&config.database_url(), config.database.max_connections).await?;
    // Before the port opens, so nobody can reach a server without an admin.
    crate::bootstrap::ensure_first_admin(&db, &config).await?;
    let keys = KeySet::load(&config.auth, &config.data_dir)?;
    let bus: Arc<dyn Bus> = match &config.bus.url {
        Some(url) => Arc::new(NatsBus::connect(url.expose(), &config.bus).await?),
        None => Arc::new(LocalBus::new(4096)),
    };
    let state = AppState::new(db, config, keys, bus);
    start_with_state(state, components).await
}

/// Starts the components over an already-built state, binds and serves.
pub async fn start_with_state(
    mut state: AppState,
    components: Components,
) -> anyhow::Result<RunningServer> {
    let mut syslog_addr = None;
    let mut syslog_tls_addr = None;
    if components.ingest {
        let (ingest, _writer) = Ingest::start(
            state.db.clone(),
            state.bus.clone(),
            state.config.ingest.clone(),
        );
        if let Some(addr) = state.config.ingest.syslog_addr {
            let (bound, _tasks) = garrison_ingest::syslog::start(ingest.clone(), addr).await?;
            syslog_addr = Some(bound);
        }
        let ingest_config = &state.config.ingest;
        if let Some(addr) = ingest_config.syslog_tls_addr {
            let (Some(cert), Some(key)) = (&ingest_config.tls_cert, &ingest_config.tls_key) else {
                anyhow::bail!(
                    "ingest.syslog_tls_addr is set but ingest.tls_cert and ingest.tls_key are not"
                );
            };
            let tls = garrison_ingest::tls::server_config(
                cert,
                key,
                ingest_config.tls_client_ca.as_deref(),
            )?;
            let (bound, _task) = garrison_ingest::tls::start(ingest.clone(), addr, tls).await?;
            syslog_tls_addr = Some(bound);
        }
        state.ingest = Some(ingest);
    }
    let (shutdown, mut stop) = tokio::sync::watch::channel(false);
    if components.worker {
        crate::worker::spawn_jobs(state.db.clone(), state.config.clone(), shutdown.subscribe());
    }
    if components.detection {
        let detection = Detection::new(
            state.db.clone(),
            Arc::new(IngestEventLog::new(state.db.clone())),
            Arc::new(DbAlertSink::new(state.db.clone(), state.alert_feed.clone())),
            state.clock.clone(),
            DetectionConfig {
                partition_lease: Duration::from_secs(state.config.bus.partition_lease_secs.max(3)),
                ..DetectionConfig::default()
            },
        );
        detection.spawn(state.bus.clone(), shutdown.subscribe());
        state.detection = Some(detection);
    }
    let listener = TcpListener::bind(state.config.http.addr).await?;
    let addr = listener.local_addr()?;
    let app = router(state.clone(), components).into_make_service_with_connect_info::<SocketAddr>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async move {
                let _ = stop.wait_for(|s| *s).await;
            })
            .await
    });
    Ok(RunningServer {
        addr,
        syslog_addr,
        syslog_tls_addr,
        state,
        shutdown,
        task,
    })
}
