//! Layered, typed configuration: defaults in code, then `garrison.toml`, then
//! `GARRISON_*` environment variables. Unknown keys in the file are an error that
//! names the key; secrets are [`Secret`]s and never print.

mod cluster;

pub use cluster::{BusConfig, WorkerConfig};

use crate::secret::Secret;
use serde::Deserialize;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// Everything Garrison reads at start.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Where files live (the SQLite database, generated keys).
    pub data_dir: PathBuf,
    /// Development mode: GraphiQL and introspection on. Never in production.
    pub dev: bool,
    pub http: HttpConfig,
    pub database: DatabaseConfig,
    pub admin: AdminConfig,
    pub log: LogConfig,
    pub auth: AuthConfig,
    pub ingest: IngestConfig,
    pub billing: BillingConfig,
    pub notify: NotifyConfig,
    pub bus: BusConfig,
    pub worker: WorkerConfig,
}

/// Notifications: the SMTP relay for email endpoints and the console's public URL.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct NotifyConfig {
    /// `smtp://host[:port]` of a relay; without it email endpoints are refused.
    pub smtp_url: Option<Secret<String>>,
    /// The sender address of notification emails.
    pub smtp_from: String,
    /// The console's public URL (`https://soc.example.com`), for absolute links.
    pub console_url: Option<String>,
    /// Let webhooks reach loopback, private and link-local addresses. Off by
    /// default: customers create webhooks, and must not reach the provider's network.
    pub allow_private_targets: bool,
}

impl Default for NotifyConfig {
    fn default() -> Self {
        NotifyConfig {
            smtp_url: None,
            smtp_from: "garrison@localhost.localdomain".into(),
            console_url: None,
            allow_private_targets: false,
        }
    }
}

/// Billing: Stripe, or local mode (estimates only) when no secret key is set.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct BillingConfig {
    /// Stripe's API base (tests point it at a local server).
    pub stripe_api_base: String,
    /// The Stripe secret key; absent: local mode.
    pub stripe_secret_key: Option<Secret<String>>,
    /// The signing secret of the `/webhooks/stripe` endpoint (`whsec_...`).
    pub stripe_webhook_secret: Option<Secret<String>>,
    /// How often the worker syncs usage to Stripe and fetches invoices.
    pub sync_every_secs: u64,
}

impl Default for BillingConfig {
    fn default() -> Self {
        BillingConfig {
            stripe_api_base: "https://api.stripe.com/".into(),
            stripe_secret_key: None,
            stripe_webhook_secret: None,
            sync_every_secs: 3600,
        }
    }
}

/// The HTTP listener.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct HttpConfig {
    pub addr: SocketAddr,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
    /// The built web console (`frontend/dist`), served at `/`.
    pub console_dir: PathBuf,
    /// Mark the refresh-token cookie `Secure` (set behind TLS).
    pub secure_cookies: bool,
}

/// The database.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DatabaseConfig {
    /// `sqlite://...` or `postgres://...`; defaults to `<data_dir>/garrison.db`.
    pub url: Option<Secret<String>>,
    pub max_connections: u32,
}

/// The first provider admin, created on first start when there are no users.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AdminConfig {
    pub email: Option<String>,
    pub password: Option<Secret<String>>,
}

/// Log output.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LogConfig {
    /// A `tracing` filter, e.g. `info,garrison_gateway=debug`.
    pub filter: String,
    /// JSON lines instead of human-readable text.
    pub json: bool,
}

/// Tokens and sessions.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuthConfig {
    pub issuer: String,
    pub audience: String,
    pub access_ttl_secs: u64,
    pub refresh_ttl_secs: u64,
    /// Signing keys, current first, then the previous one kept for verification
    /// during rotation. Empty: generate one and keep it in `<data_dir>/jwt-keys.json`.
    pub signing_keys: Vec<SigningKeyConfig>,
    /// Failed sign-ins allowed per account and per source address in the window.
    pub max_failed_logins: u32,
    pub failed_login_window_secs: u64,
}

/// Log ingestion: listeners, batching, limits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IngestConfig {
    /// Syslog over UDP and TCP (RFC 6587 framing); `None` turns them off.
    pub syslog_addr: Option<SocketAddr>,
    /// Syslog over TLS; off unless set together with `tls_cert` and `tls_key`.
    pub syslog_tls_addr: Option<SocketAddr>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    /// CA bundle for optional client certificates (a bound certificate names its tenant).
    pub tls_client_ca: Option<PathBuf>,
    /// Largest syslog frame or HTTP line kept whole; longer ones are truncated and flagged.
    pub max_frame_bytes: usize,
    /// Raw text kept with each stored event.
    pub raw_cap_bytes: usize,
    /// A batch commits when it holds this many events...
    pub batch_max_events: usize,
    /// ...or when its oldest event has waited this long.
    pub batch_linger_ms: u64,
    /// Events waiting for commit before receivers are slowed (TCP) or refused (HTTP 503).
    pub queue_capacity: usize,
    /// Default per-tenant rate limit (events per second, with a burst of one second).
    pub events_per_second: u32,
    /// Default per-tenant daily volume limit in bytes; `None` is unlimited.
    pub bytes_per_day: Option<u64>,
    /// How long a resolved ingest token or source binding is trusted before re-reading.
    pub credential_cache_secs: u64,
    /// Default retention of events, in days.
    pub retention_days: u32,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            syslog_addr: Some(SocketAddr::from(([127, 0, 0, 1], 5514))),
            syslog_tls_addr: None,
            tls_cert: None,
            tls_key: None,
            tls_client_ca: None,
            max_frame_bytes: 64 * 1024,
            raw_cap_bytes: 8 * 1024,
            batch_max_events: 4096,
            batch_linger_ms: 20,
            queue_capacity: 65_536,
            events_per_second: 20_000,
            bytes_per_day: None,
            credential_cache_secs: 30,
            retention_days: 90,
        }
    }
}

/// One Ed25519 signing key.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SigningKeyConfig {
    pub kid: String,
    /// The 32-byte Ed25519 seed, base64 (standard alphabet).
    pub seed_base64: Secret<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: PathBuf::from("./data"),
            dev: false,
            http: HttpConfig::default(),
            database: DatabaseConfig::default(),
            admin: AdminConfig::default(),
            log: LogConfig::default(),
            auth: AuthConfig::default(),
            ingest: IngestConfig::default(),
            billing: BillingConfig::default(),
            notify: NotifyConfig::default(),
            bus: BusConfig::default(),
            worker: WorkerConfig::default(),
        }
    }
}

impl Default for HttpConfig {
    fn default() -> Self {
        HttpConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8080)),
            max_body_bytes: 10 << 20,
            console_dir: PathBuf::from("frontend/dist"),
            secure_cookies: false,
        }
    }
}

impl Default for DatabaseConfig {
    fn default() -> Self {
        DatabaseConfig {
            url: None,
            max_connections: 16,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            filter: "info".into(),
            json: false,
        }
    }
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            issuer: "garrison".into(),
            audience: "garrison-api".into(),
            access_ttl_secs: 15 * 60,
            refresh_ttl_secs: 14 * 24 * 3600,
            signing_keys: Vec::new(),
            max_failed_logins: 5,
            failed_login_window_secs: 15 * 60,
        }
    }
}

/// Why configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("environment variable {name}: {message}")]
    Env { name: String, message: String },
}

impl Config {
    /// Loads defaults, then `file` (if given), then the process environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let env: HashMap<String, String> = std::env::vars().collect();
        Config::load_from(file, &env)
    }

    /// Like [`Config::load`] with an explicit environment (for tests).
    pub fn load_from(
        file: Option<&Path>,
        env: &HashMap<String, String>,
    ) -> Result<Config, ConfigError> {
        let mut config = match file {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                    path: path.to_path_buf(),
                    source,
                })?;
                Config::parse_toml(&text).map_err(|message| ConfigError::Parse {
                    path: path.to_path_buf(),
                    message,
                })?
            }
            None => Config::default(),
        };
        config.apply_env(env)?;
        Ok(config)
    }

    /// Parses TOML text; the error names the unknown or malformed key.
    pub fn parse_toml(text: &str) -> Result<Config, String> {
        toml::from_str(text).map_err(|e| e.message().to_string() + &location(&e))
    }

    fn apply_env(&mut self, env: &HashMap<String, String>) -> Result<(), ConfigError> {
        let get = |name: &str| env.get(name).filter(|v| !v.is_empty()).cloned();
        if let Some(v) = get("GARRISON_DATA_DIR") {
            self.data_dir = PathBuf::from(v);
        }
        if let Some(v) = get("GARRISON_HTTP_ADDR") {
            self.http.addr = v.parse().map_err(|e| ConfigError::Env {
                name: "GARRISON_HTTP_ADDR".into(),
                message: format!("`{v}` is not a socket address ({e})"),
            })?;
        }
        if let Some(v) = get("GARRISON_DATABASE_URL") {
            self.database.url = Some(Secret::new(v));
        }
        if let Some(v) = get("GARRISON_ADMIN_EMAIL") {
            self.admin.email = Some(v);
        }
        if let Some(v) = get("GARRISON_ADMIN_PASSWORD") {
            self.admin.password = Some(Secret::new(v));
        }
        if let Some(v) = get("GARRISON_LOG") {
            self.log.filter = v;
        }
        if let Some(v) = get("GARRISON_SYSLOG_ADDR") {
            self.ingest.syslog_addr = parse_optional_addr("GARRISON_SYSLOG_ADDR", &v)?;
        }
        if let Some(v) = get("GARRISON_SYSLOG_TLS_ADDR") {
            self.ingest.syslog_tls_addr = parse_optional_addr("GARRISON_SYSLOG_TLS_ADDR", &v)?;
        }
        if let Some(v) = get("GARRISON_STRIPE_API_BASE") {
            self.billing.stripe_api_base = v;
        }
        if let Some(v) = get("GARRISON_STRIPE_SECRET_KEY") {
            self.billing.stripe_secret_key = Some(Secret::new(v));
        }
        if let Some(v) = get("GARRISON_STRIPE_WEBHOOK_SECRET") {
            self.billing.stripe_webhook_secret = Some(Secret::new(v));
        }
        if let Some(v) = get("GARRISON_SMTP_URL") {
            self.notify.smtp_url = Some(Secret::new(v));
        }
        if let Some(v) = get("GARRISON_NOTIFY_ALLOW_PRIVATE_TARGETS") {
            self.notify.allow_private_targets =
                parse_bool("GARRISON_NOTIFY_ALLOW_PRIVATE_TARGETS", &v)?;
        }
        if let Some(v) = get("GARRISON_BUS_URL") {
            self.bus.url = Some(Secret::new(v));
        }
        if let Some(v) = get("GARRISON_BUS_PARTITIONS") {
            self.bus.partitions = match v.parse::<u32>() {
                Ok(n) if (1..=1024).contains(&n) => n,
                _ => {
                    return Err(ConfigError::Env {
                        name: "GARRISON_BUS_PARTITIONS".into(),
                        message: format!("`{v}` is not a partition count from 1 to 1024"),
                    });
                }
            };
        }
        if let Some(v) = get("GARRISON_DEV") {
            self.dev = parse_bool("GARRISON_DEV", &v)?;
        }
        Ok(())
    }

    /// The database URL: configured, or the SQLite file under the data directory.
    pub fn database_url(&self) -> Secret<String> {
        match &self.database.url {
            Some(url) => url.clone(),
            None => Secret::new(format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("garrison.db").display()
            )),
        }
    }
}

/// A socket address, or `off` for none.
fn parse_optional_addr(name: &str, value: &str) -> Result<Option<SocketAddr>, ConfigError> {
    if value.eq_ignore_ascii_case("off") {
        return Ok(None);
    }
    value.parse().map(Some).map_err(|e| ConfigError::Env {
        name: name.into(),
        message: format!("`{value}` is not a socket address or `off` ({e})"),
    })
}

fn parse_bool(name: &str, value: &str) -> Result<bool, ConfigError> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(ConfigError::Env {
            name: name.into(),
            message: format!("`{value}` is not a boolean"),
        }),
    }
}

fn location(e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => format!(" (at byte {})", span.start),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_named() {
        let err =
            Config::parse_toml("[http]\nadress = \"127.0.0.1:1\"\n").expect_err("unknown key");
        assert!(err.contains("adress"), "{err}");
        let err = Config::parse_toml("colour = 1\n").expect_err("unknown key");
        assert!(err.contains("colour"), "{err}");
    }

    #[test]
    fn env_overrides_file_and_secrets_do_not_print() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("garrison.toml");
        std::fs::write(
            &file,
            "data_dir = \"/srv/g\"\n[http]\naddr = \"0.0.0.0:9000\"\n",
        )
        .expect("write");
        let env = HashMap::from([
            (
                "GARRISON_HTTP_ADDR".to_string(),
                "127.0.0.1:9999".to_string(),
            ),
            (
                "GARRISON_ADMIN_PASSWORD".to_string(),
                "very-secret-password".to_string(),
            ),
            (
                "GARRISON_DATABASE_URL".to_string(),
                "postgres://u:pw-in-url@h/db".to_string(),
            ),
            (
                "GARRISON_STRIPE_SECRET_KEY".to_string(),
                "sk_test_stripe-key-in-env".to_string(),
            ),
            (
                "GARRISON_STRIPE_WEBHOOK_SECRET".to_string(),
                "whsec_hook-secret-in-env".to_string(),
            ),
        ]);
        let config = Config::load_from(Some(&file), &env).expect("loads");
        assert_eq!(config.http.addr.port(), 9999);
        assert_eq!(config.data_dir, PathBuf::from("/srv/g"));
        let printed = format!("{config:?}");
        assert!(!printed.contains("very-secret-password"));
        assert!(!printed.contains("pw-in-url"));
        assert!(!printed.contains("stripe-key-in-env"));
        assert!(!printed.contains("hook-secret-in-env"));
        assert!(config.billing.stripe_secret_key.is_some());
    }

    #[test]
    fn default_database_is_sqlite_under_data_dir() {
        let env = HashMap::from([("GARRISON_DATA_DIR".to_string(), "/tmp/x".to_string())]);
        let config = Config::load_from(None, &env).expect("loads");
        assert_eq!(
            config.database_url().expose(),
            "sqlite:///tmp/x/garrison.db?mode=rwc"
        );
        assert_eq!(config.http.addr.to_string(), "127.0.0.1:8080");
    }

    #[test]
    fn bad_env_value_names_the_variable() {
        let env = HashMap::from([("GARRISON_HTTP_ADDR".to_string(), "nowhere".to_string())]);
        let err = Config::load_from(None, &env).expect_err("bad addr");
        assert!(err.to_string().contains("GARRISON_HTTP_ADDR"));
    }
}

#[cfg(test)]
mod example_tests {
    /// The example file in the repository parses with every documented key.
    #[test]
    fn example_config_parses() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../garrison.example.toml");
        let text = std::fs::read_to_string(&path).expect("garrison.example.toml");
        let config = super::Config::parse_toml(&text).expect("example parses");
        assert_eq!(config.http.addr.to_string(), "127.0.0.1:8080");
    }
}
