//! `scale-bench`: ingest and detection throughput with one and with two
//! processes of each role, on this machine's PostgreSQL and NATS.
//!
//! For each process count it builds a fresh cluster (gateway + workers off),
//! imports SigmaHQ's Windows process-creation rules for every tenant, then:
//! 1. ingest: sends the first `--events` events of `../shared/bench/
//!    windows-events.jsonl.zst` over HTTP (NDJSON batches from several client
//!    threads, spread over the ingest processes) with no detection running, and
//!    times it until the last batch is acknowledged (acknowledged = stored);
//! 2. detection: starts the detection processes and times how long they take to
//!    bring every tenant's cursor to its newest event.
//!
//! Usage: `GARRISON_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test
//! cargo run -p garrison-e2e --bin scale-bench [--release] -- --events 40000`

use garrison_e2e::cluster::{ADMIN, Cluster, Gql, PASSWORD, send_events, unavailable};
use serde_json::{Value, json};
use std::io::BufRead;
use std::time::{Duration, Instant};

const TENANTS: usize = 4;
const BATCH: usize = 1000;
const BATCH_BYTES: usize = 4 << 20;
const CLIENTS: usize = 4;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let events: usize = flag(&args, "--events").unwrap_or(40_000);
    let counts: Vec<usize> = match flag::<usize>(&args, "--processes") {
        Some(n) => vec![n],
        None => vec![1, 2],
    };
    if let Some(why) = unavailable() {
        eprintln!("scale-bench needs PostgreSQL and NATS: {why}");
        std::process::exit(2);
    }
    let corpus = load_corpus(events);
    let rules = load_rules();
    println!(
        "corpus: {} events ({:.1} MB), {} tenants; rules: {} SigmaHQ process_creation files",
        corpus.len(),
        corpus.iter().map(|e| e.to_string().len()).sum::<usize>() as f64 / 1e6,
        TENANTS,
        rules.len()
    );
    for n in counts {
        run(n, &corpus, &rules);
    }
}

fn run(processes: usize, corpus: &[Value], rules: &[String]) {
    let mut cluster = Cluster::new("");
    let gateway = cluster.start("gateway");
    let admin = Gql::login(&cluster.roles[gateway].base, ADMIN, PASSWORD);
    let pack = admin.run(
        "mutation($r: [String!]!) { importRulePack(name: \"bench\", rules: $r) { id ruleCount } }",
        json!({"r": rules}),
    );
    let pack_id = pack["importRulePack"]["id"]
        .as_str()
        .expect("pack")
        .to_string();
    let mut tokens = Vec::new();
    for t in 0..TENANTS {
        let id = admin.run(
            "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }",
            json!({"i": {"name": format!("Bench {t}"), "slug": format!("bench-{t}"), "timezone": "UTC"}}),
        )["createTenant"]["id"]
            .as_str()
            .expect("tenant")
            .to_string();
        admin.run(
            "mutation($t: ID!, $p: ID!) { enableRulePack(tenantId: $t, packId: $p) { id } }",
            json!({"t": id, "p": pack_id}),
        );
        let token = admin.run(
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"bench\") { token } }",
            json!({"t": id}),
        )["createIngestToken"]["token"]
            .as_str()
            .expect("token")
            .to_string();
        tokens.push(token);
    }
    let ingest: Vec<String> = (0..processes)
        .map(|_| {
            let i = cluster.start("ingest");
            cluster.roles[i].base.clone()
        })
        .collect();

    // Ingest: batches round-robin over tenants and ingest processes, CLIENTS at a time.
    let batches: Vec<(usize, &[Value])> = chunks(corpus)
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| (i % TENANTS, chunk))
        .collect();
    let started = Instant::now();
    std::thread::scope(|scope| {
        for client in 0..CLIENTS {
            let batches = &batches;
            let tokens = &tokens;
            let ingest = &ingest;
            scope.spawn(move || {
                for (i, (tenant, chunk)) in batches.iter().enumerate() {
                    if i % CLIENTS != client {
                        continue;
                    }
                    let target = &ingest[i % ingest.len()];
                    let status = send_events(target, &tokens[*tenant], chunk);
                    assert_eq!(status, 200, "batch {i}");
                }
            });
        }
    });
    let ingest_secs = started.elapsed().as_secs_f64();

    // Detection: catch up from zero with the given number of processes.
    let newest =
        cluster.sql("SELECT tenant_id, max(last_seq) FROM event_segments GROUP BY tenant_id");
    let started = Instant::now();
    for _ in 0..processes {
        cluster.start("detection");
    }
    let deadline = Instant::now() + Duration::from_secs(1800);
    loop {
        let caught_up = newest.iter().all(|row| {
            let (tenant, seq) = row.split_once('|').expect("row");
            let cursor = cluster.sql(&format!(
                "SELECT cursor_seq FROM detection_state WHERE tenant_id = '{tenant}'"
            ));
            cursor.first().map(String::as_str) == Some(seq)
        });
        if caught_up {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "detection did not catch up in 30 minutes"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let detect_secs = started.elapsed().as_secs_f64();
    let alerts = cluster.sql("SELECT count(*) FROM alerts");
    println!(
        "{processes} process(es) per role: ingest {:.0} events/s ({} events in {:.1} s); detection {:.0} events/s (caught up in {:.1} s, start-up and rule compilation included; {} alerts)",
        corpus.len() as f64 / ingest_secs,
        corpus.len(),
        ingest_secs,
        corpus.len() as f64 / detect_secs,
        detect_secs,
        alerts.first().map(String::as_str).unwrap_or("?")
    );
}

/// Batches of at most [`BATCH`] events and [`BATCH_BYTES`] (some events are
/// large script blocks; the HTTP body limit is 10 MiB).
fn chunks(corpus: &[Value]) -> Vec<&[Value]> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, event) in corpus.iter().enumerate() {
        let size = event.to_string().len() + 1;
        if i > start && (i - start == BATCH || bytes + size > BATCH_BYTES) {
            out.push(&corpus[start..i]);
            start = i;
            bytes = 0;
        }
        bytes += size;
    }
    if start < corpus.len() {
        out.push(&corpus[start..]);
    }
    out
}

fn flag<T: std::str::FromStr>(args: &[String], name: &str) -> Option<T> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
}

fn load_corpus(limit: usize) -> Vec<Value> {
    let path = "../shared/bench/windows-events.jsonl.zst";
    let mut child = std::process::Command::new("zstd")
        .args(["-dc", path])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("zstd -dc {path}: {e}"));
    let stdout = child.stdout.take().expect("zstd stdout");
    let corpus: Vec<Value> = std::io::BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .filter_map(|line| serde_json::from_str(&line).ok())
        .take(limit)
        .collect();
    let _ = child.kill();
    let _ = child.wait();
    assert!(!corpus.is_empty(), "{path} is missing or empty");
    corpus
}

fn load_rules() -> Vec<String> {
    let dir = "../shared/sigma/rules/windows/process_creation";
    let mut rules: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "yml"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect();
    rules.sort();
    rules
}
