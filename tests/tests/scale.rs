//! The roles apart, on this machine's PostgreSQL and NATS JetStream: one
//! gateway, two ingest, two detection and two worker processes of the real
//! binary. Events for three tenants go to both ingest processes; mid-stream one
//! detection process and the worker running the SLA job are killed with SIGKILL.
//! Afterwards every event is stored exactly once, every expected alert exists
//! exactly once, every SLA breach was notified exactly once, and one tenant's
//! user sees only that tenant's data.
//!
//! Needs `GARRISON_TEST_DATABASE_URL` and a NATS with JetStream (CI has both);
//! without them it prints why and checks nothing.

use garrison_e2e::cluster::{ADMIN, Cluster, Gql, Hook, PASSWORD, send_events, unavailable};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::time::{Duration, Instant};

const RULE: &str = r#"
title: Whoami Execution
id: 5ca1e000-0000-4000-8000-000000000001
logsource: {product: windows, category: process_creation}
detection:
  selection:
    Image|endswith: '\whoami.exe'
  condition: selection
level: medium
"#;

const TENANTS: usize = 3;
const BATCHES: usize = 16;
const BENIGN_PER_BATCH: usize = 25;
/// Batches that carry one matching event (with its own user, so its own alert).
const MATCHING_BATCHES: usize = 4;
/// After this many batches, the kills.
const KILL_AFTER: usize = 6;

fn event(tenant: usize, batch: usize, i: usize, matching: bool) -> Value {
    let image = if matching {
        "C:\\Windows\\System32\\whoami.exe"
    } else {
        "C:\\Windows\\System32\\notepad.exe"
    };
    json!({"@timestamp": chrono_now(), "Channel": "Microsoft-Windows-Sysmon/Operational",
           "EventID": 1, "Computer": format!("ws-{tenant}"),
           "User": format!("user-{tenant}-{batch}-{i}"), "Image": image,
           "marker": format!("{tenant}/{batch}/{i}")})
}

fn chrono_now() -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "+%Y-%m-%dT%H:%M:%SZ"])
        .output()
        .expect("date");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn wait_until(what: &str, limit: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(500));
    }
}

#[test]
fn roles_apart_lose_and_double_nothing_when_processes_die() {
    if let Some(why) = unavailable() {
        eprintln!("skipped: {why}");
        return;
    }
    let mut cluster = Cluster::new("");
    let gateway = cluster.start("gateway");
    let admin = Gql::login(&cluster.roles[gateway].base, ADMIN, PASSWORD);
    let hook = Hook::start();

    let pack = admin.run(
        "mutation($r: [String!]!) { importRulePack(name: \"scale\", rules: $r) { id } }",
        json!({"r": [RULE]}),
    )["importRulePack"]["id"]
        .as_str()
        .expect("pack id")
        .to_string();
    let mut tenants = Vec::new();
    let mut tokens = Vec::new();
    for t in 0..TENANTS {
        let id = admin.run(
            "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }",
            json!({"i": {"name": format!("Scale {t}"), "slug": format!("scale-{t}"), "timezone": "UTC"}}),
        )["createTenant"]["id"]
            .as_str()
            .expect("tenant id")
            .to_string();
        let token = admin.run(
            "mutation($t: ID!) { createIngestToken(tenantId: $t, name: \"shipper\") { token } }",
            json!({"t": id}),
        )["createIngestToken"]["token"]
            .as_str()
            .expect("ingest token")
            .to_string();
        admin.run(
            "mutation($t: ID!, $p: ID!) { enableRulePack(tenantId: $t, packId: $p) { id } }",
            json!({"t": id, "p": pack}),
        );
        admin.run(
            "mutation($t: ID!) { setSlaPolicy(tenantId: $t, severity: MEDIUM, input: {acknowledgeSeconds: 60, respondSeconds: 60, resolveSeconds: 60, calendar: TWENTY_FOUR_SEVEN}) { isDefault } }",
            json!({"t": id}),
        );
        admin.run(
            "mutation($i: CreateNotificationEndpointInput!) { createNotificationEndpoint(input: $i) { endpoint { id } } }",
            json!({"i": {"tenantId": id, "name": "soc hook", "kind": "WEBHOOK", "target": hook.url, "events": ["SLA_BREACHED"]}}),
        );
        tenants.push(id);
        tokens.push(token);
    }
    admin.run(
        "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }",
        json!({"i": {"email": "lead@scale-0.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": tenants[0]}}),
    );

    let ingest = [cluster.start("ingest"), cluster.start("ingest")];
    let detection = [cluster.start("detection"), cluster.start("detection")];
    let workers = [cluster.start("worker"), cluster.start("worker")];
    // Let the detection processes split the partitions between them.
    wait_until(
        "both detection processes to own partitions",
        Duration::from_secs(30),
        || {
            let owners = cluster.sql(
            "SELECT count(DISTINCT holder) FROM leases WHERE name LIKE 'detection.partition.%' AND expires_at > now()",
        );
            owners.first().map(String::as_str) == Some("2")
        },
    );

    let mut sent = [0usize; TENANTS];
    let mut killed_worker = None;
    for batch in 0..BATCHES {
        if batch == KILL_AFTER {
            cluster.roles[detection[0]].kill_hard();
            let sla_pid = cluster
                .lease_holder_pid("job.sla")
                .expect("a worker holds the SLA job");
            let victim = workers
                .iter()
                .copied()
                .find(|w| cluster.roles[*w].pid() == sla_pid)
                .expect("the SLA job's holder is one of our workers");
            cluster.roles[victim].kill_hard();
            killed_worker = Some(victim);
        }
        for t in 0..TENANTS {
            let mut events: Vec<Value> = (0..BENIGN_PER_BATCH)
                .map(|i| event(t, batch, i, false))
                .collect();
            if batch < MATCHING_BATCHES || (KILL_AFTER..KILL_AFTER + 2).contains(&batch) {
                events.push(event(t, batch, BENIGN_PER_BATCH, true));
            }
            let target = &cluster.roles[ingest[(batch + t) % 2]].base;
            assert_eq!(
                send_events(target, &tokens[t], &events),
                200,
                "batch {batch} tenant {t}"
            );
            sent[t] += events.len();
        }
        std::thread::sleep(Duration::from_millis(150));
    }
    let expected_alerts = MATCHING_BATCHES + 2;

    // Every event stored exactly once: the segments hold as many events as were
    // sent, numbered without gaps or overlaps.
    for (t, id) in tenants.iter().enumerate() {
        let rows = cluster.sql(&format!(
            "SELECT sum(event_count), sum(last_seq - first_seq + 1), min(first_seq), max(last_seq) \
             FROM event_segments WHERE tenant_id = '{id}'"
        ));
        let n = sent[t];
        assert_eq!(rows, vec![format!("{n}|{n}|1|{n}")], "tenant {t}");
    }
    // Every expected alert exactly once, raised by the surviving detection process.
    wait_until("every alert", Duration::from_secs(60), || {
        let rows = cluster.sql("SELECT count(*) FROM alerts");
        rows.first().and_then(|c| c.parse::<usize>().ok()) == Some(expected_alerts * TENANTS)
    });
    for id in &tenants {
        let rows = cluster.sql(&format!(
            "SELECT count(*), count(DISTINCT rule_id || group_key), sum(event_count) FROM alerts WHERE tenant_id = '{id}'"
        ));
        // One alert per matching event, each counting its one event once.
        assert_eq!(
            rows,
            vec![format!(
                "{expected_alerts}|{expected_alerts}|{expected_alerts}"
            )]
        );
    }
    // Each SLA breach notified exactly once, by whichever worker held the jobs.
    let count = |c: &Cluster, sql: &str| -> usize {
        c.sql(sql).first().and_then(|v| v.parse().ok()).unwrap_or(0)
    };
    let clocks = count(
        &cluster,
        "SELECT count(*) FROM sla_instances WHERE subject_kind = 'alert'",
    );
    assert!(
        clocks >= expected_alerts * TENANTS,
        "every alert has SLA clocks ({clocks})"
    );
    wait_until(
        "every open SLA clock to breach and be notified",
        Duration::from_secs(150),
        || {
            let open = count(
                &cluster,
                "SELECT count(*) FROM sla_instances WHERE completed_at IS NULL AND cancelled_at IS NULL AND breached_at IS NULL",
            );
            let breached = count(
                &cluster,
                "SELECT count(*) FROM sla_instances WHERE breached_at IS NOT NULL",
            );
            open == 0 && breached > 0 && hook.received().len() >= breached
        },
    );
    // Give a duplicate (if any) time to arrive before counting.
    std::thread::sleep(Duration::from_secs(3));
    let breached = count(
        &cluster,
        "SELECT count(*) FROM sla_instances WHERE breached_at IS NOT NULL",
    );
    assert!(breached >= expected_alerts * TENANTS, "{breached} breaches");
    let mut per_clock: HashMap<String, usize> = HashMap::new();
    for body in hook.received() {
        assert_eq!(body["type"], "sla.breached");
        let clock = body["data"]["slaInstanceId"]
            .as_str()
            .expect("instance id")
            .to_string();
        *per_clock.entry(clock).or_default() += 1;
    }
    assert_eq!(
        per_clock.len(),
        breached,
        "one notification per breached clock"
    );
    assert!(
        per_clock.values().all(|&n| n == 1),
        "no breach notified twice: {per_clock:?}"
    );
    assert!(killed_worker.is_some());

    // Isolation holds across the processes: tenant 0's user sees tenant 0 only.
    let lead = Gql::login(&cluster.roles[gateway].base, "lead@scale-0.test", PASSWORD);
    let alerts = lead.run(
        "{ alerts(first: 100) { totalCount edges { node { tenantId } } } }",
        json!({}),
    );
    assert_eq!(alerts["alerts"]["totalCount"], expected_alerts);
    for edge in alerts["alerts"]["edges"].as_array().expect("edges") {
        assert_eq!(edge["node"]["tenantId"], tenants[0].as_str());
    }
    let (_, other) = garrison_e2e::post_json(
        &format!("{}/graphql", lead.base),
        &json!({"query": "query($t: ID!) { tenant(id: $t) { id } }", "variables": {"t": tenants[1]}}),
        Some(&lead.token),
    );
    assert_eq!(
        other["errors"][0]["extensions"]["code"], "NOT_FOUND",
        "{other}"
    );
    let _ = detection;
}
