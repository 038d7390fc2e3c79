//! With the standard `OTEL_EXPORTER_OTLP_ENDPOINT` set, the binary exports traces
//! over OTLP/HTTP: a local listener stands in for the collector and must receive
//! a POST to `/v1/traces` (flushed at the latest on graceful shutdown).

use garrison_e2e::*;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::mpsc;
use std::time::Duration;

/// Accepts connections and reports each request's path; answers 200.
fn fake_collector() -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let endpoint = format!("http://{}", listener.local_addr().expect("addr"));
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream);
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            let mut length = 0usize;
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).is_err() || header.trim().is_empty() {
                    break;
                }
                if let Some(v) = header.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap_or(0);
                }
            }
            let mut body = vec![0u8; length];
            let _ = reader.read_exact(&mut body);
            let path = request_line
                .split_whitespace()
                .nth(1)
                .unwrap_or("")
                .to_string();
            let _ = tx.send(format!("{path} {}", body.len()));
            let mut stream = reader.into_inner();
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\ncontent-type: application/x-protobuf\r\n\r\n");
        }
    });
    (endpoint, rx)
}

#[test]
fn traces_are_exported_over_otlp_http_when_the_standard_variable_is_set() {
    let (endpoint, requests) = fake_collector();
    let server = Server::start(
        &[
            ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.as_str()),
            ("OTEL_SERVICE_NAME", "garrison-e2e"),
            ("GARRISON_LOG", "info"),
        ],
        &[],
    );
    let health = curl(&[
        "-s",
        "-o",
        "/dev/null",
        "-w",
        "%{http_code}",
        &format!("{}/readyz", server.base),
    ]);
    assert_eq!(String::from_utf8_lossy(&health.stdout), "200");
    let (status, stderr) = server.terminate();
    assert!(status.success(), "{stderr}");
    let mut paths = Vec::new();
    while let Ok(request) = requests.recv_timeout(Duration::from_secs(5)) {
        paths.push(request);
        if paths.iter().any(|p| p.starts_with("/v1/traces")) {
            break;
        }
    }
    let traces = paths
        .iter()
        .find(|p| p.starts_with("/v1/traces"))
        .unwrap_or_else(|| panic!("no trace export; got {paths:?}"));
    let bytes: usize = traces
        .split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(bytes > 0, "an empty trace export: {traces}");
}
