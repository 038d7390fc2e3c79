//! Test harness: the real server on port 0 over a fresh database (SQLite, or
//! PostgreSQL when `GARRISON_TEST_DATABASE_URL` is set), and a small client.

#![allow(dead_code)]

pub mod tls;

use garrison_core::bus::LocalBus;
use garrison_core::config::Config;
use garrison_core::db::testing::TestDb;
use garrison_gateway::app::{Components, RunningServer, start_with_state};
use garrison_gateway::auth::keys::KeySet;
use garrison_gateway::state::AppState;
use serde_json::{Value, json};

pub const SEED_CURRENT: [u8; 32] = [7u8; 32];
pub const SEED_PREVIOUS: [u8; 32] = [9u8; 32];
pub const ADMIN_EMAIL: &str = "root@provider.test";
pub const PASSWORD: &str = "a-long-test-password";

pub struct TestApp {
    pub server: RunningServer,
    pub base: String,
    pub http: reqwest::Client,
    _db: TestDb,
}

/// Starts the server with a fresh database and a provider admin.
pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Like [`spawn_app`], with a configuration tweak.
pub async fn spawn_app_with(tweak: impl FnOnce(&mut Config)) -> TestApp {
    spawn_app_full(tweak, None).await
}

/// Like [`spawn_app`], on a clock the test steps (SLA timelines).
pub async fn spawn_app_on(clock: garrison_core::clock::SharedClock) -> TestApp {
    spawn_app_full(|_| {}, Some(clock)).await
}

async fn spawn_app_full(
    tweak: impl FnOnce(&mut Config),
    clock: Option<garrison_core::clock::SharedClock>,
) -> TestApp {
    let test_db = TestDb::new().await;
    let mut config = Config::default();
    config.http.addr = "127.0.0.1:0".parse().expect("addr");
    config.auth.max_failed_logins = 5;
    config.ingest.syslog_addr = Some("127.0.0.1:0".parse().expect("addr"));
    config.ingest.batch_linger_ms = 5;
    // Webhook receivers in tests listen on loopback.
    config.notify.allow_private_targets = true;
    tweak(&mut config);
    let keys = KeySet::from_seeds(
        &[("current", SEED_CURRENT), ("previous", SEED_PREVIOUS)],
        &config.auth,
    );
    garrison_core::users::ensure_provider_admin(
        &test_db.db,
        ADMIN_EMAIL,
        &garrison_core::Secret::new(PASSWORD.to_string()),
    )
    .await
    .expect("admin");
    let state = AppState::new(
        test_db.db.clone(),
        config,
        keys,
        std::sync::Arc::new(LocalBus::new(1024)),
    );
    let mut state = state;
    if let Some(clock) = clock {
        state.clock = clock;
    }
    let server = start_with_state(state, Components::ALL)
        .await
        .expect("server starts");
    let base = format!("http://{}", server.addr);
    TestApp {
        server,
        base,
        http: reqwest::Client::new(),
        _db: test_db,
    }
}

impl TestApp {
    /// A raw connection as the database owner: what an insider with database
    /// access could use to tamper with stored rows.
    pub async fn owner_connection(&self) -> sea_orm::DatabaseConnection {
        self._db.owner_connection().await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// Signs in; returns the token response (panics unless 200).
    pub async fn login(&self, email: &str, password: &str) -> Value {
        let response = self.login_raw(email, password).await;
        assert_eq!(response.status(), 200, "sign-in of {email}");
        response.json().await.expect("json")
    }

    pub async fn login_raw(&self, email: &str, password: &str) -> reqwest::Response {
        self.http
            .post(self.url("/auth/login"))
            .json(&json!({"email": email, "password": password}))
            .send()
            .await
            .expect("request")
    }

    /// An access token for the user.
    pub async fn token(&self, email: &str, password: &str) -> String {
        self.login(email, password).await["access_token"]
            .as_str()
            .expect("access_token")
            .to_string()
    }

    /// Runs a GraphQL operation; returns (HTTP status, body).
    pub async fn gql_raw(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> (u16, Value) {
        let mut request = self
            .http
            .post(self.url("/graphql"))
            .json(&json!({"query": query, "variables": variables}));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        (status, response.json().await.expect("json body"))
    }

    /// Runs a GraphQL operation that must succeed; returns `data`.
    pub async fn gql(&self, token: &str, query: &str, variables: Value) -> Value {
        let (status, body) = self.gql_raw(Some(token), query, variables).await;
        assert_eq!(status, 200, "{body}");
        assert!(body.get("errors").is_none(), "unexpected errors: {body}");
        body["data"].clone()
    }

    /// Creates a tenant as `token`; returns its id.
    pub async fn create_tenant(&self, token: &str, slug: &str) -> String {
        let data = self
            .gql(
                token,
                "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }",
                json!({"i": {"name": format!("Tenant {slug}"), "slug": slug, "timezone": "UTC"}}),
            )
            .await;
        data["createTenant"]["id"].as_str().expect("id").to_string()
    }

    /// Creates a user as `token`; returns its id.
    pub async fn create_user(&self, token: &str, input: Value) -> String {
        let data = self
            .gql(
                token,
                "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
                json!({"i": input}),
            )
            .await;
        data["createUser"]["id"].as_str().expect("id").to_string()
    }
}

/// The first error's `extensions.code`.
pub fn error_code(body: &Value) -> String {
    body["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or("<none>")
        .to_string()
}
