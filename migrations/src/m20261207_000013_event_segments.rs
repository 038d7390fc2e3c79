//! The event store becomes a table of compressed per-tenant segments: one row
//! holds a batch of one tenant's events (up to thousands), as newline-separated
//! JSON records compressed with LZ4, with the batch's sequence range, time
//! ranges and event-id range in plain columns so reads find their segments by
//! index. A row per event cost two B-tree inserts and about 1.5 KB written twice
//! through the log, per event; a segment costs that once per batch and a
//! quarter of the bytes.
//!
//! Existing rows move into segments of up to 1,000 events (codec `ndjson`,
//! uncompressed, each record carrying its own sequence number, because the old
//! numbers were drawn from one sequence across tenants). Sequence numbers stay
//! per tenant and increasing, so detection's cursors are unchanged.
//!
//! `event_sequences` holds each tenant's last sequence number, so numbers are
//! never reused once retention has deleted a tenant's newest segment. Existing
//! tenants start above every number the old shared sequence gave out, so no
//! detection cursor is ever ahead of new events.
//!
//! On PostgreSQL the table is partitioned by day of the segment's first receipt
//! (`received_at`), as the rows were; the worker's partition maintenance now
//! keeps this table's partitions.
//!
//! `down` restores the row table only while no segment exists: compressed
//! segments cannot be turned back into rows in SQL, and a down migration must
//! never lose events.

use crate::sql;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Statement};

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261207_000013_event_segments"
    }
}

/// Events per converted segment.
const CONVERTED_PER_SEGMENT: u32 = 1000;

const COLUMNS: &str = "tenant_id, first_seq, last_seq, event_count, received_at, \
                       event_from, event_to, id_min, id_max, codec, data";

fn segments_table(postgres: bool) -> String {
    let (uuid, ts, int, bytes, close) = if postgres {
        (
            "UUID",
            "TIMESTAMPTZ",
            "BIGINT",
            "BYTEA",
            "PRIMARY KEY (tenant_id, first_seq, received_at)\n            ) PARTITION BY RANGE (received_at)",
        )
    } else {
        (
            "BLOB",
            "TEXT",
            "INTEGER",
            "BLOB",
            "PRIMARY KEY (tenant_id, first_seq)\n            )",
        )
    };
    format!(
        "CREATE TABLE event_segments (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                first_seq {int} NOT NULL,
                last_seq {int} NOT NULL,
                event_count INTEGER NOT NULL,
                received_at {ts} NOT NULL,
                event_from {ts} NOT NULL,
                event_to {ts} NOT NULL,
                id_min {uuid} NOT NULL,
                id_max {uuid} NOT NULL,
                codec TEXT NOT NULL,
                data {bytes} NOT NULL,
                {close}"
    )
}

/// Segment data is stored out of line as it is (recursing to partitions).
const STORE_UNCOMPRESSED: &str =
    "ALTER TABLE event_segments ALTER COLUMN data SET STORAGE EXTERNAL";

fn sequences_table(postgres: bool) -> String {
    let (uuid, int) = if postgres {
        ("UUID", "BIGINT")
    } else {
        ("BLOB", "INTEGER")
    };
    format!(
        "CREATE TABLE event_sequences (
                tenant_id {uuid} PRIMARY KEY NOT NULL REFERENCES tenants(id),
                last_seq {int} NOT NULL
            )"
    )
}

/// Every tenant starts above the old shared sequence's last number.
fn seed_sequences(postgres: bool) -> &'static str {
    if postgres {
        "INSERT INTO event_sequences (tenant_id, last_seq)
         SELECT id, GREATEST((SELECT last_value FROM events_seq_seq),
                             COALESCE((SELECT max(seq) FROM events_rows), 0))
         FROM tenants"
    } else {
        "INSERT INTO event_sequences (tenant_id, last_seq)
         SELECT id, max(COALESCE((SELECT max(seq) FROM sqlite_sequence
                                  WHERE name IN ('events', 'events_rows')), 0),
                        COALESCE((SELECT max(seq) FROM events_rows), 0))
         FROM tenants"
    }
}

const INDEXES: [&str; 2] = [
    "CREATE INDEX event_segments_tenant_last ON event_segments (tenant_id, last_seq)",
    "CREATE INDEX event_segments_tenant_time ON event_segments (tenant_id, event_to)",
];

/// The old rows as segments: grouped by tenant and by thousands of sequence
/// numbers, each record a JSON object with its sequence number (`q`).
fn convert(postgres: bool) -> String {
    let n = CONVERTED_PER_SEGMENT;
    if postgres {
        format!(
            "INSERT INTO event_segments ({COLUMNS})
             SELECT tenant_id, min(seq), max(seq), count(*), min(received_at), min(event_time),
                    max(event_time), min(id::text)::uuid, max(id::text)::uuid, 'ndjson',
                    convert_to(string_agg(json_build_object(
                        'q', seq, 'id', id, 'r', received_at, 't', event_time, 'c', channel,
                        'h', host, 's', severity, 'p', product, 'g', category, 'v', service,
                        'raw', raw, 'x', raw_truncated, 'f', replace(fields, E'\\n', ' ')::json)::text, E'\\n' ORDER BY seq), 'UTF8')
             FROM events_rows GROUP BY tenant_id, seq / {n}"
        )
    } else {
        // UUIDs are 16-byte blobs here: JSON holds them as 32 hex digits.
        format!(
            "INSERT INTO event_segments ({COLUMNS})
             SELECT tenant_id, min(seq), max(seq), count(*), min(received_at), min(event_time),
                    max(event_time), min(id), max(id), 'ndjson',
                    CAST(group_concat(json_object(
                        'q', seq, 'id', lower(hex(id)), 'r', received_at, 't', event_time,
                        'c', channel, 'h', host, 's', severity, 'p', product, 'g', category,
                        'v', service, 'raw', raw,
                        'x', json(CASE WHEN raw_truncated THEN 'true' ELSE 'false' END),
                        'f', json(fields)), char(10) ORDER BY seq) AS BLOB)
             FROM events_rows GROUP BY tenant_id, seq / {n}"
        )
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = sql::is_postgres(manager);
        let create = segments_table(postgres);
        let convert = convert(postgres);
        let sequences = sequences_table(postgres);
        let seed = seed_sequences(postgres);
        if postgres {
            let days = sql::daily_partitions("event_segments", "events_rows");
            let mut statements = vec![
                "ALTER TABLE events RENAME TO events_rows",
                &create,
                // Already compressed: PostgreSQL's own TOAST compression would
                // spend the server's time failing to shrink it.
                STORE_UNCOMPRESSED,
                "CREATE TABLE event_segments_default PARTITION OF event_segments DEFAULT",
                &days,
                &convert,
                &sequences,
                seed,
                "DROP TABLE events_rows",
            ];
            statements.extend(INDEXES);
            sql::run(manager, &statements).await?;
            sql::enable_rls(manager, "event_segments").await?;
            sql::enable_rls(manager, "event_sequences").await?;
            sql::enable_rls_on_partitions(manager, "event_segments").await?;
            sql::grant_app_role(manager).await
        } else {
            let mut statements = vec![
                "ALTER TABLE events RENAME TO events_rows",
                &create,
                &convert,
                &sequences,
                seed,
                "DROP TABLE events_rows",
            ];
            statements.extend(INDEXES);
            sql::run(manager, &statements).await
        }
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let held = manager
            .get_connection()
            .query_one_raw(Statement::from_string(
                manager.get_database_backend(),
                "SELECT count(*) AS n FROM event_segments",
            ))
            .await?
            .map(|row| row.try_get::<i64>("", "n"))
            .transpose()?
            .unwrap_or(0);
        if held > 0 {
            return Err(DbErr::Migration(format!(
                "event_segments holds {held} segments of compressed events, which cannot be \
                 turned back into rows in SQL; export the events or restore a backup instead"
            )));
        }
        let postgres = sql::is_postgres(manager);
        let [by_time, by_seq] = crate::m20261122_000002_ingest::EVENTS_INDEXES;
        if postgres {
            let create = crate::m20261201_000011_event_partitions::events_table(
                "events",
                "seq BIGSERIAL",
                ",\n                PRIMARY KEY (seq, received_at)\n            ) PARTITION BY RANGE (received_at)",
            );
            sql::run(
                manager,
                &[
                    "DROP TABLE event_segments",
                    &create,
                    "CREATE TABLE events_default PARTITION OF events DEFAULT",
                    by_time,
                    by_seq,
                    // Rows number on above every number given out, so no
                    // detection cursor is ahead of them.
                    "SELECT setval('events_seq_seq', max(last_seq)) FROM event_sequences \
                     HAVING max(last_seq) > 0",
                    "DROP TABLE event_sequences",
                ],
            )
            .await?;
            sql::enable_rls(manager, "events").await?;
            sql::enable_rls_on_partitions(manager, "events").await?;
            sql::grant_app_role(manager).await
        } else {
            let create = crate::m20261122_000002_ingest::events_table(false);
            sql::run(
                manager,
                &[
                    "DROP TABLE event_segments",
                    &create,
                    by_time,
                    by_seq,
                    "INSERT INTO sqlite_sequence (name, seq) SELECT 'events', max(last_seq) \
                     FROM event_sequences HAVING max(last_seq) > 0",
                    "DROP TABLE event_sequences",
                ],
            )
            .await
        }
    }
}
