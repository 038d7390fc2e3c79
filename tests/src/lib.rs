//! garrison-e2e: end-to-end tests of the `garrison` binary, driven from outside
//! with real clients (`curl`, signals, the CLI). Helpers for the tests live here.

pub mod cluster;

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The built `garrison` binary beside this executable (`make test` builds it
/// first; so does `cargo build -p garrison-gateway`), or `GARRISON_BIN`.
pub fn garrison_bin() -> PathBuf {
    if let Some(path) = std::env::var_os("GARRISON_BIN") {
        return PathBuf::from(path);
    }
    let exe = std::env::current_exe().expect("current exe");
    // Tests live in target/<profile>/deps, binaries (scale-bench) in target/<profile>.
    let bin = exe
        .ancestors()
        .skip(1)
        .take(2)
        .map(|dir| dir.join("garrison"))
        .find(|candidate| candidate.exists());
    bin.unwrap_or_else(|| {
        panic!(
            "the garrison binary is missing beside {}: run `cargo build -p garrison-gateway` first",
            exe.display()
        )
    })
}

/// A free loopback port (bound then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// A running `garrison serve` process, killed on drop.
pub struct Server {
    pub child: Child,
    pub base: String,
    pub data_dir: tempfile::TempDir,
}

impl Server {
    /// Starts `garrison serve` with a fresh data directory and `env`, waiting for
    /// `/healthz`.
    pub fn start(env: &[(&str, &str)], args: &[&str]) -> Server {
        let data_dir = tempfile::tempdir().expect("tempdir");
        let port = free_port();
        let mut command = Command::new(garrison_bin());
        command
            .arg("serve")
            .args(args)
            .env("GARRISON_HTTP_ADDR", format!("127.0.0.1:{port}"))
            .env("GARRISON_DATA_DIR", data_dir.path())
            // Tests run in parallel: no fixed syslog port.
            .env("GARRISON_SYSLOG_ADDR", "off")
            .env_remove("GARRISON_DATABASE_URL")
            .env("GARRISON_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in env {
            command.env(k, v);
        }
        let child = command.spawn().expect("spawn garrison serve");
        let server = Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            data_dir,
        };
        server.wait_healthy();
        server
    }

    fn wait_healthy(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if curl(&["-sf", &format!("{}/healthz", self.base)])
                .status
                .success()
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("garrison did not become healthy at {}", self.base);
    }

    /// Sends SIGTERM and waits (bounded) for the exit status.
    pub fn terminate(mut self) -> (std::process::ExitStatus, String) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                let mut stderr = String::new();
                if let Some(mut e) = self.child.stderr.take() {
                    use std::io::Read;
                    let _ = e.read_to_string(&mut stderr);
                }
                return (status, stderr);
            }
            assert!(
                Instant::now() < deadline,
                "garrison did not stop after SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `curl` with arguments.
pub fn curl(args: &[&str]) -> Output {
    Command::new("curl")
        .args(args)
        .output()
        .expect("curl is installed")
}

/// Runs `curl` with arguments, writing `input` to its stdin.
pub fn curl_with_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new("curl")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("curl is installed");
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(input);
    }
    child.wait_with_output().expect("curl runs")
}

/// POSTs JSON with curl; returns (status, body as JSON).
pub fn post_json(
    url: &str,
    body: &serde_json::Value,
    bearer: Option<&str>,
) -> (u16, serde_json::Value) {
    let auth;
    let mut args = vec![
        "-s",
        "-o",
        "-",
        "-w",
        "\n%{http_code}",
        "-X",
        "POST",
        "-H",
        "content-type: application/json",
    ];
    if let Some(token) = bearer {
        auth = format!("authorization: Bearer {token}");
        args.extend(["-H", auth.as_str()]);
    }
    // The body goes through stdin: large ones exceed the argument limit.
    args.extend(["--data-binary", "@-", url]);
    let output = curl_with_stdin(&args, body.to_string().as_bytes());
    let text = String::from_utf8_lossy(&output.stdout).to_string();
    let (body, status) = text.rsplit_once('\n').expect("status line");
    let json = serde_json::from_str(body).unwrap_or(serde_json::Value::Null);
    (status.trim().parse().expect("status"), json)
}

/// Runs the binary with arguments and environment.
pub fn run(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(garrison_bin());
    command.args(args).env_remove("GARRISON_DATABASE_URL");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run garrison")
}
