//! Upgrading a store of one row per event: the migration to segments moves
//! every row, keeps each event's sequence number, fields and times, and the
//! writer numbers new events on from there. Against SQLite, or PostgreSQL when
//! `GARRISON_TEST_DATABASE_URL` is set.

use chrono::{DateTime, Duration, Utc};
use garrison_core::bus::{Bus, LocalBus};
use garrison_core::config::IngestConfig;
use garrison_core::db::testing::TestDb;
use garrison_core::db::{Db, MigrationDirection};
use garrison_core::event::Channel;
use garrison_core::{Scope, TenantId};
use garrison_ingest::Ingest;
use sea_orm::{ConnectionTrait, DbBackend, Statement, Value};
use std::sync::Arc;

mod common;

/// One row of the old table, its values bound so each backend stores them its way.
async fn insert_row(
    conn: &sea_orm::DatabaseConnection,
    seq: Option<i64>,
    tenant: TenantId,
    at: DateTime<Utc>,
    text: &str,
) {
    let backend = conn.get_database_backend();
    // Without a number the table draws the next one.
    let (first, skip) = match seq {
        Some(_) => ("seq, ", 0),
        None => ("", 1),
    };
    let marks: Vec<String> = (1..=14 - skip)
        .map(|i| match backend {
            DbBackend::Postgres => format!("${i}"),
            _ => "?".to_string(),
        })
        .collect();
    let sql = format!(
        "INSERT INTO events ({first}id, tenant_id, received_at, event_time, channel, host, \
         severity, product, category, service, fields, raw, raw_truncated) VALUES ({})",
        marks.join(", ")
    );
    let seq = seq.unwrap_or(0);
    let fields = serde_json::json!({"message": text, "source": {"ip": "10.0.0.1"}}).to_string();
    let mut values: Vec<Value> = vec![
        seq.into(),
        uuid::Uuid::now_v7().into(),
        tenant.as_uuid().into(),
        (at + Duration::seconds(1)).into(),
        at.into(),
        "http".into(),
        Some(format!("host{}", seq % 2)).into(),
        Some(5i16).into(),
        Some("linux".to_string()).into(),
        None::<String>.into(),
        None::<String>.into(),
        fields.into(),
        // PostgreSQL text holds no NUL byte; the fields' JSON escapes it.
        format!("raw \"{}\"", text.replace('\0', "")).into(),
        (seq % 7 == 0).into(),
    ];
    values.drain(..skip);
    conn.execute_raw(Statement::from_sql_and_values(backend, sql, values))
        .await
        .expect("insert an old row");
}

#[tokio::test]
async fn rows_move_into_segments_and_numbering_continues() {
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let b = test.tenant("bravo").await;
    // Back to the row table (nothing stored yet, so `down` may run).
    Db::migrate(&test.url, MigrationDirection::Down)
        .await
        .expect("down to rows");
    let owner = test.owner_connection().await;
    let start = Utc::now() - Duration::hours(2);
    // 1,500 of A's rows and every tenth one B's: A's numbers have gaps, as one
    // sequence across tenants left them.
    let mut a_seqs = Vec::new();
    for seq in 1..=1650i64 {
        let at = start + Duration::seconds(seq);
        if seq % 11 == 0 {
            insert_row(&owner, Some(seq), b, at, &format!("b{seq}")).await;
        } else {
            // One message with characters JSON must escape, NUL among them.
            let text = if seq == 15 {
                "a15 nul\0 newline\n quote\"".to_string()
            } else {
                format!("a{seq}")
            };
            insert_row(&owner, Some(seq), a, at, &text).await;
            a_seqs.push(seq);
        }
    }
    owner.close().await.expect("close");
    Db::migrate(&test.url, MigrationDirection::Up)
        .await
        .expect("up to segments");

    let scope = Scope::for_tenant_task("test", a);
    let tx = test.db.begin(&scope).await.expect("begin");
    let moved = garrison_ingest::store::events_after(&tx, a, 0, 10_000)
        .await
        .expect("read");
    let seqs: Vec<i64> = moved.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, a_seqs, "every row, in order, with its number");
    let one = moved.iter().find(|e| e.seq == 14).expect("seq 14");
    assert_eq!(one.event.fields["message"], "a14");
    assert_eq!(one.event.fields["source"]["ip"], "10.0.0.1");
    let odd = moved.iter().find(|e| e.seq == 15).expect("seq 15");
    assert_eq!(odd.event.fields["message"], "a15 nul\0 newline\n quote\"");
    assert_eq!(one.event.raw, "raw \"a14\"");
    assert!(one.event.raw_truncated);
    assert_eq!(one.event.host.as_deref(), Some("host0"));
    assert_eq!(one.event.severity, Some(5));
    assert_eq!(one.event.channel, Channel::Http);
    assert_eq!(one.event.log_source.product.as_deref(), Some("linux"));
    let at = start + Duration::seconds(14);
    assert_eq!(
        one.event.timestamp.timestamp_micros(),
        at.timestamp_micros()
    );
    assert_eq!(
        one.event.received_at.timestamp_micros(),
        (at + Duration::seconds(1)).timestamp_micros()
    );
    // Reading on from a cursor inside a moved segment.
    let after = garrison_ingest::store::events_after(&tx, a, 1000, 3)
        .await
        .expect("read");
    let next: Vec<i64> = after.iter().map(|e| e.seq).collect();
    assert_eq!(next, [1002, 1003, 1004], "1001 was B's");
    // Search sees them too, by field.
    let page = garrison_ingest::search::search_events(
        &tx,
        a,
        garrison_ingest::search::EventFilter {
            query: Some("message:a1*".into()),
            ..Default::default()
        },
        Some(5),
        None,
    )
    .await
    .expect("search");
    let expected = a_seqs
        .iter()
        .filter(|s| s.to_string().starts_with('1'))
        .count() as u64;
    assert_eq!(page.total_count, expected);
    tx.commit().await.expect("commit");

    // New events number on above every number the old shared sequence gave
    // out (B's last row was 1650), so no cursor can be ahead of them.
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(64));
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, IngestConfig::default());
    let lines = (0..3).map(|i| format!("<13>1 {} web app - - - new {i}", Utc::now().to_rfc3339()));
    common::commit(&ingest, common::submission(a, lines)).await;
    let tx = test.db.begin(&scope).await.expect("begin");
    let last_old = *a_seqs.last().expect("a row");
    let new = garrison_ingest::store::events_after(&tx, a, last_old, 10)
        .await
        .expect("read");
    let new_seqs: Vec<i64> = new.iter().map(|e| e.seq).collect();
    assert_eq!(new_seqs, [1651, 1652, 1653]);
    assert_eq!(new[2].event.fields["message"], "new 2");
    tx.commit().await.expect("commit");

    // Segments cannot go back to rows: `down` refuses rather than lose them.
    let refused = Db::migrate(&test.url, MigrationDirection::Down).await;
    let message = format!("{:?}", refused.expect_err("down refuses"));
    assert!(message.contains("cannot be"), "{message}");

    // Once retention has emptied the store, `down` restores the row table,
    // numbering on above every number given out (detection's cursors).
    garrison_ingest::retention::enforce_retention(&test.db, 0)
        .await
        .expect("everything expires");
    Db::migrate(&test.url, MigrationDirection::Down)
        .await
        .expect("down once empty");
    let owner = test.owner_connection().await;
    insert_row(&owner, None, a, Utc::now(), "after down").await;
    let row = owner
        .query_one_raw(Statement::from_string(
            owner.get_database_backend(),
            "SELECT max(seq) AS n FROM events",
        ))
        .await
        .expect("query")
        .expect("row");
    let seq: i64 = row.try_get("", "n").expect("n");
    assert_eq!(seq, 1654, "numbered on from 1653");
    owner.close().await.expect("close");
}
