//! A Garrison cluster on this machine for scale-out tests and benchmarks: a fresh
//! PostgreSQL database, a NATS namespace of its own, and any number of
//! `garrison serve --roles <role>` processes on loopback ports, all sharing one
//! data directory (the gateway's signing keys) and one configuration file.

use crate::{curl, curl_with_stdin, free_port, garrison_bin, post_json};
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const ADMIN: &str = "ops@scale.test";
pub const PASSWORD: &str = "a-long-scale-test-password";

/// Why a cluster cannot be built here (printed by tests that then skip).
pub fn unavailable() -> Option<String> {
    if std::env::var("GARRISON_TEST_DATABASE_URL").map_or(true, |v| v.is_empty()) {
        return Some(
            "GARRISON_TEST_DATABASE_URL is not set (the scale-out tests need PostgreSQL)".into(),
        );
    }
    let nats = nats_url();
    let hostport = nats.trim_start_matches("nats://").to_string();
    if std::net::TcpStream::connect(&hostport).is_err() {
        return Some(format!("no NATS at {nats}"));
    }
    None
}

/// `GARRISON_TEST_NATS_URL`, default the local server.
pub fn nats_url() -> String {
    std::env::var("GARRISON_TEST_NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".into())
}

/// A role process.
pub struct Role {
    pub name: String,
    pub child: Child,
    pub base: String,
}

impl Role {
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGKILL: no shutdown, no lease released, nothing flushed.
    pub fn kill_hard(&mut self) {
        let _ = Command::new("kill")
            .args(["-KILL", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

impl Drop for Role {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The shared pieces every role process uses.
pub struct Cluster {
    pub database_url: String,
    admin_url: String,
    database: String,
    pub namespace: String,
    pub dir: tempfile::TempDir,
    config_file: std::path::PathBuf,
    pub roles: Vec<Role>,
}

impl Cluster {
    /// A fresh database and namespace; `extra_toml` is appended to the config.
    pub fn new(extra_toml: &str) -> Cluster {
        let admin_url =
            std::env::var("GARRISON_TEST_DATABASE_URL").expect("checked by unavailable()");
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        let database = format!("garrison_scale_{}_{stamp}", std::process::id());
        psql(&admin_url, &format!("CREATE DATABASE {database}"));
        let database_url = match admin_url.rsplit_once('/') {
            Some((server, _)) => format!("{server}/{database}"),
            None => panic!("GARRISON_TEST_DATABASE_URL has no database name: {admin_url}"),
        };
        let namespace = format!("scale{stamp}");
        let dir = tempfile::tempdir().expect("tempdir");
        let config_file = dir.path().join("garrison.toml");
        let config = format!(
            "[bus]\nnamespace = \"{namespace}\"\npartitions = 8\npartition_lease_secs = 3\nack_wait_secs = 5\n\n\
             [worker]\nlease_secs = 3\nsla_every_secs = 2\ndeliver_every_secs = 1\n\n{extra_toml}"
        );
        std::fs::write(&config_file, config).expect("write config");
        Cluster {
            database_url,
            admin_url,
            database,
            namespace,
            dir,
            config_file,
            roles: Vec::new(),
        }
    }

    /// Starts `garrison serve --roles <role>` and waits for its `/healthz`.
    pub fn start(&mut self, role: &str) -> usize {
        let port = free_port();
        let index = self.roles.len();
        let log = std::fs::File::create(self.dir.path().join(format!("{role}-{index}.log")))
            .expect("log file");
        let child = Command::new(garrison_bin())
            .args(["serve", "--roles", role, "--config"])
            .arg(&self.config_file)
            .env("GARRISON_HTTP_ADDR", format!("127.0.0.1:{port}"))
            .env("GARRISON_DATA_DIR", self.dir.path())
            .env("GARRISON_DATABASE_URL", &self.database_url)
            .env("GARRISON_BUS_URL", nats_url())
            .env("GARRISON_SYSLOG_ADDR", "off")
            .env("GARRISON_NOTIFY_ALLOW_PRIVATE_TARGETS", "true")
            .env("GARRISON_ADMIN_EMAIL", ADMIN)
            .env("GARRISON_ADMIN_PASSWORD", PASSWORD)
            .env("GARRISON_LOG", "info")
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn garrison serve");
        let base = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(60);
        while !curl(&["-sf", &format!("{base}/healthz")]).status.success() {
            assert!(
                Instant::now() < deadline,
                "{role} did not become healthy; see {}",
                self.dir.path().display()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        self.roles.push(Role {
            name: role.to_string(),
            child,
            base,
        });
        index
    }

    /// Runs SQL as the database owner (past row-level security) and returns the
    /// output rows, `|`-separated.
    pub fn sql(&self, query: &str) -> Vec<String> {
        psql(&self.database_url, query)
    }

    /// The process id holding a lease now, if any (from its holder id).
    pub fn lease_holder_pid(&self, lease: &str) -> Option<u32> {
        let rows = self.sql(&format!(
            "SELECT holder FROM leases WHERE name = '{lease}' AND expires_at > now()"
        ));
        rows.first()
            .and_then(|h| h.split(':').nth(1))
            .and_then(|pid| pid.parse().ok())
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        self.roles.clear();
        if std::env::var("GARRISON_KEEP_SCALE_DB").is_err() {
            psql(
                &self.admin_url,
                &format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.database),
            );
        }
    }
}

/// Runs one statement with `psql` and returns the rows.
pub fn psql(url: &str, query: &str) -> Vec<String> {
    let out = Command::new("psql")
        .args([url, "-v", "ON_ERROR_STOP=1", "-tAc", query])
        .output()
        .expect("psql is installed");
    assert!(
        out.status.success(),
        "psql failed on `{query}`: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// A GraphQL client against one process.
pub struct Gql {
    pub base: String,
    pub token: String,
}

impl Gql {
    pub fn login(base: &str, email: &str, password: &str) -> Gql {
        let (status, tokens) = post_json(
            &format!("{base}/auth/login"),
            &json!({"email": email, "password": password}),
            None,
        );
        assert_eq!(status, 200, "login {email}: {tokens}");
        Gql {
            base: base.to_string(),
            token: tokens["access_token"].as_str().expect("token").to_string(),
        }
    }

    /// Runs a query; panics on GraphQL errors (setup must not fail quietly).
    pub fn run(&self, query: &str, variables: Value) -> Value {
        let (status, body) = post_json(
            &format!("{}/graphql", self.base),
            &json!({"query": query, "variables": variables}),
            Some(&self.token),
        );
        assert!(
            status == 200 && body["errors"].is_null(),
            "{query}: {status} {body}"
        );
        body["data"].clone()
    }
}

/// Sends NDJSON events to an ingest process; returns the HTTP status.
pub fn send_events(base: &str, token: &str, events: &[Value]) -> u16 {
    let body: String = events.iter().map(|e| format!("{e}\n")).collect();
    let url = format!("{base}/ingest/v1/events");
    let auth = format!("Authorization: Bearer {token}");
    let out = curl_with_stdin(
        &[
            "-s",
            "-o",
            "/dev/null",
            "-w",
            "%{http_code}",
            "-XPOST",
            &url,
            "-H",
            &auth,
            "--data-binary",
            "@-",
        ],
        body.as_bytes(),
    );
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .unwrap_or(0)
}

/// A webhook receiver on a loopback port that records every request body.
pub struct Hook {
    pub url: String,
    pub bodies: Arc<Mutex<Vec<String>>>,
}

impl Hook {
    pub fn start() -> Hook {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind hook");
        let url = format!("http://{}/hook", listener.local_addr().expect("addr"));
        let bodies = Arc::new(Mutex::new(Vec::new()));
        let sink = bodies.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                if let Some(body) = read_request(stream) {
                    sink.lock().unwrap_or_else(|p| p.into_inner()).push(body);
                }
            }
        });
        Hook { url, bodies }
    }

    pub fn received(&self) -> Vec<Value> {
        self.bodies
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .filter_map(|b| serde_json::from_str(b).ok())
            .collect()
    }
}

/// Reads one HTTP/1.1 request (Content-Length bodies), answers 204.
fn read_request(mut stream: std::net::TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    let header_end = loop {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
        if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
    };
    let head = String::from_utf8_lossy(&data[..header_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while data.len() < header_end + length {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        data.extend_from_slice(&buf[..n]);
    }
    let _ = stream.write_all(b"HTTP/1.1 204 No Content\r\nconnection: close\r\n\r\n");
    Some(String::from_utf8_lossy(&data[header_end..]).to_string())
}
