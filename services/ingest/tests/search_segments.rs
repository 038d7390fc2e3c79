//! Search over several segments: pages, cursors inside a segment, ranges that
//! cut segments, segments counted whole from their headers, filters that read
//! every event, and histograms. Each is checked against the same events
//! counted in plain Rust. Against SQLite, or PostgreSQL when
//! `GARRISON_TEST_DATABASE_URL` is set.

use chrono::{DateTime, Duration, Utc};
use garrison_core::bus::{Bus, LocalBus};
use garrison_core::config::IngestConfig;
use garrison_core::db::testing::TestDb;
use garrison_core::{Scope, TenantId};
use garrison_ingest::Ingest;
use garrison_ingest::search::{EventFilter, cursor_of, histogram, search_events};
use std::sync::Arc;

mod common;

/// Event `i` (from 0) happened at `start + i minutes` on host `web<i % 3>`.
fn at(start: DateTime<Utc>, i: i64) -> DateTime<Utc> {
    start + Duration::minutes(i)
}

/// Three segments of ten events each (one submission each), numbered 1..=30.
async fn thirty_events(test: &TestDb, tenant: TenantId, start: DateTime<Utc>) {
    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(64));
    let (ingest, _task) = Ingest::start(test.db.clone(), bus, IngestConfig::default());
    for segment in 0..3 {
        let lines = (segment * 10..segment * 10 + 10).map(|i| {
            format!(
                "<13>1 {} web{} app - - - event {i}",
                at(start, i).to_rfc3339(),
                i % 3
            )
        });
        common::commit(&ingest, common::submission(tenant, lines)).await;
    }
}

fn seqs(page: &garrison_ingest::search::EventPage) -> Vec<i64> {
    page.events.iter().map(|e| e.seq).collect()
}

#[tokio::test]
async fn pages_cursors_ranges_and_filters_over_segments() {
    let test = TestDb::new().await;
    let a = test.tenant("alpha").await;
    let b = test.tenant("bravo").await;
    let start = Utc::now() - Duration::hours(3);
    thirty_events(&test, a, start).await;
    thirty_events(&test, b, start).await;
    let scope = Scope::for_tenant_task("test", a);
    let tx = test.db.begin(&scope).await.expect("begin");
    let everything = EventFilter {
        from: Some(start - Duration::minutes(1)),
        to: Some(start + Duration::hours(1)),
        ..Default::default()
    };

    // Newest first, five at a time; the total is every event, never B's.
    let page = search_events(&tx, a, everything.clone(), Some(5), None)
        .await
        .expect("search");
    assert_eq!(seqs(&page), [30, 29, 28, 27, 26]);
    assert_eq!(page.total_count, 30);
    assert!(page.has_next_page);
    // A cursor inside the middle segment, and one on its first event.
    let cursor = cursor_of(14);
    let page = search_events(&tx, a, everything.clone(), Some(5), Some(&cursor))
        .await
        .expect("search");
    assert_eq!(seqs(&page), [13, 12, 11, 10, 9]);
    assert_eq!(page.total_count, 30);
    assert!(page.has_next_page);
    let cursor = cursor_of(11);
    let page = search_events(&tx, a, everything.clone(), Some(10), Some(&cursor))
        .await
        .expect("search");
    assert_eq!(seqs(&page), [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    assert!(!page.has_next_page, "nothing older than the first event");
    // A count alone reads no event but still knows there are more.
    let page = search_events(&tx, a, everything.clone(), Some(0), None)
        .await
        .expect("count");
    assert!(page.events.is_empty());
    assert_eq!(page.total_count, 30);
    assert!(page.has_next_page);

    // A range that cuts the first and last segments: events 5..=24.
    let cut = EventFilter {
        from: Some(at(start, 5)),
        to: Some(at(start, 25)),
        ..Default::default()
    };
    let page = search_events(&tx, a, cut.clone(), Some(3), None)
        .await
        .expect("search");
    assert_eq!(page.total_count, 20);
    assert_eq!(seqs(&page), [25, 24, 23], "event 24 is number 25");

    // Host and query filters read every event.
    let on_web1 = EventFilter {
        host: Some("web1".into()),
        ..everything.clone()
    };
    let page = search_events(&tx, a, on_web1, Some(100), None)
        .await
        .expect("search");
    let expected: Vec<i64> = (0..30i64)
        .rev()
        .filter(|i| i % 3 == 1)
        .map(|i| i + 1)
        .collect();
    assert_eq!(seqs(&page), expected);
    assert_eq!(page.total_count, 10);
    let query = EventFilter {
        query: Some("message:\"event 1*\" AND NOT host:web0".into()),
        ..cut.clone()
    };
    let page = search_events(&tx, a, query, Some(100), None)
        .await
        .expect("search");
    // Events 10..=19 in the range, minus those on web0 (12, 15, 18).
    let expected: Vec<i64> = (10..20i64)
        .rev()
        .filter(|i| i % 3 != 0)
        .map(|i| i + 1)
        .collect();
    assert_eq!(seqs(&page), expected);

    // Histogram: ten-minute buckets over the first half hour; whole segments
    // inside one bucket are counted from their headers, the rest event by event.
    let half_hour = EventFilter {
        from: Some(start),
        to: Some(at(start, 30)),
        ..Default::default()
    };
    let h = histogram(&tx, a, &half_hour, 3).await.expect("histogram");
    assert_eq!(h.bucket_secs, 600);
    assert_eq!(h.counts, [10, 10, 10]);
    let h = histogram(&tx, a, &half_hour, 6).await.expect("histogram");
    assert_eq!(h.counts, [5, 5, 5, 5, 5, 5]);
    let h = histogram(&tx, a, &cut, 2).await.expect("histogram");
    assert_eq!(h.counts, [10, 10]);
    tx.commit().await.expect("commit");
}
