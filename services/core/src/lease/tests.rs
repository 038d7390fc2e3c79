//! Leases on the real database: one holder at a time, renewal, hand-over after
//! expiry or release, and fencing of a replaced holder's writes.

use super::*;
use crate::Scope;
use crate::db::testing::TestDb;
use tokio::sync::watch;

const TTL: Duration = Duration::from_secs(10);

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_800_000_000 + seconds, 0).expect("valid time")
}

#[tokio::test]
async fn one_holder_at_a_time_and_renewal_keeps_the_epoch() {
    let t = TestDb::new().await;
    let a = acquire(&t.db, "job.sla", "a", TTL, at(0))
        .await
        .expect("lease operation");
    let a = a.expect("a free lease is granted");
    assert_eq!(a.epoch, 1);
    assert_eq!(
        acquire(&t.db, "job.sla", "b", TTL, at(5))
            .await
            .expect("lease operation"),
        None,
        "an unexpired lease is not taken"
    );
    let renewed = acquire(&t.db, "job.sla", "a", TTL, at(8))
        .await
        .expect("lease operation");
    assert_eq!(renewed.map(|h| h.epoch), Some(1), "renewal keeps the epoch");
    assert_eq!(
        acquire(&t.db, "job.sla", "b", TTL, at(15))
            .await
            .expect("lease operation"),
        None,
        "renewal moved the expiry to 18s"
    );
}

#[tokio::test]
async fn an_expired_or_released_lease_changes_hands_with_a_new_epoch() {
    let t = TestDb::new().await;
    acquire(&t.db, "job.sla", "a", TTL, at(0))
        .await
        .expect("lease operation");
    let b = acquire(&t.db, "job.sla", "b", TTL, at(11))
        .await
        .expect("lease operation");
    assert_eq!(b.map(|h| h.epoch), Some(2), "taken after expiry");
    release(&t.db, "job.sla", "b", at(12))
        .await
        .expect("lease operation");
    let a = acquire(&t.db, "job.sla", "a", TTL, at(12))
        .await
        .expect("lease operation");
    assert_eq!(a.map(|h| h.epoch), Some(3), "taken at once after release");
    // Releasing a lease one does not hold changes nothing.
    release(&t.db, "job.sla", "b", at(13))
        .await
        .expect("lease operation");
    assert_eq!(
        acquire(&t.db, "job.sla", "b", TTL, at(13))
            .await
            .expect("lease operation"),
        None
    );
}

#[tokio::test]
async fn a_replaced_holder_is_fenced_out() {
    let t = TestDb::new().await;
    let scope = Scope::system("lease-test");
    let a = acquire(&t.db, "partition.3", "a", TTL, at(0))
        .await
        .expect("lease operation")
        .expect("granted");
    let tx = t.db.begin(&scope).await.expect("lease operation");
    fence(&tx, &a, "a", at(1)).await.expect("a still holds it");
    tx.commit().await.expect("lease operation");

    acquire(&t.db, "partition.3", "b", TTL, at(20))
        .await
        .expect("lease operation");
    let tx = t.db.begin(&scope).await.expect("lease operation");
    let err = fence(&tx, &a, "a", at(21)).await.expect_err("fenced out");
    assert!(matches!(err, Error::Conflict { .. }), "{err:?}");
    tx.rollback().await.expect("lease operation");

    // Even if a takes it back later, its old epoch stays fenced.
    release(&t.db, "partition.3", "b", at(22))
        .await
        .expect("lease operation");
    let again = acquire(&t.db, "partition.3", "a", TTL, at(22))
        .await
        .expect("lease operation")
        .expect("granted again");
    assert!(again.epoch > a.epoch);
    let tx = t.db.begin(&scope).await.expect("lease operation");
    assert!(fence(&tx, &a, "a", at(23)).await.is_err());
    fence(&tx, &again, "a", at(23))
        .await
        .expect("the new epoch");
    tx.commit().await.expect("lease operation");
}

#[tokio::test]
async fn live_lists_unexpired_leases_under_a_prefix_and_prune_clears_old_ones() {
    let t = TestDb::new().await;
    acquire(&t.db, "member.detection.a", "a", TTL, at(0))
        .await
        .expect("lease operation");
    acquire(&t.db, "member.detection.b", "b", TTL, at(5))
        .await
        .expect("lease operation");
    acquire(&t.db, "job.sla", "a", TTL, at(5))
        .await
        .expect("lease operation");
    let now = live(&t.db, "member.detection.", at(12))
        .await
        .expect("lease operation");
    assert_eq!(
        now,
        vec![Holding {
            name: "member.detection.b".into(),
            holder: "b".into()
        }]
    );
    assert_eq!(
        prune(&t.db, "member.", at(12))
            .await
            .expect("lease operation"),
        1
    );
    assert_eq!(
        prune(&t.db, "member.", at(12))
            .await
            .expect("lease operation"),
        0
    );
}

#[tokio::test]
async fn concurrent_claims_grant_exactly_one() {
    let t = TestDb::new().await;
    let mut tasks = Vec::new();
    for i in 0..8 {
        let db = t.db.clone();
        tasks.push(tokio::spawn(async move {
            acquire(&db, "job.retention", &format!("w{i}"), TTL, at(0)).await
        }));
    }
    let mut granted = 0;
    for task in tasks {
        // SQLite may answer a concurrent writer with "busy"; that is a refusal too.
        if let Ok(Ok(Some(_))) = task.await {
            granted += 1;
        }
    }
    assert_eq!(granted, 1);
}

#[test]
fn holder_ids_are_unique_per_process_start() {
    let a = holder_id("worker");
    let b = holder_id("worker");
    assert!(a.starts_with("worker@"));
    assert_ne!(a, b);
}

#[tokio::test]
async fn keepers_hand_a_job_over_when_its_holder_stops() {
    let t = TestDb::new().await;
    let names = vec!["job.sla".to_string()];
    let ttl = Duration::from_millis(600);
    let a = Keeper::new(t.db.clone(), "a".into(), names.clone(), ttl);
    let b = Keeper::new(t.db.clone(), "b".into(), names, ttl);
    a.renew_all().await;
    b.renew_all().await;
    assert!(a.held("job.sla").is_some());
    assert!(b.held("job.sla").is_none());
    // a stops renewing (as if killed): b gets it once a's claim lapses.
    tokio::time::sleep(Duration::from_millis(700)).await;
    assert!(a.held("job.sla").is_none(), "a's claim lapsed locally too");
    b.renew_all().await;
    assert!(b.held("job.sla").is_some());
    a.renew_all().await;
    assert!(a.held("job.sla").is_none());
}

#[tokio::test]
async fn a_stopped_keeper_releases_at_once() {
    let t = TestDb::new().await;
    let names = vec!["job.retention".to_string()];
    let ttl = Duration::from_secs(60);
    let a = Keeper::new(t.db.clone(), "a".into(), names.clone(), ttl);
    let (stop, shutdown) = watch::channel(false);
    let task = a.spawn(shutdown);
    for _ in 0..50 {
        if a.held("job.retention").is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(a.held("job.retention").is_some());
    stop.send(true).expect("lease operation");
    task.await.expect("lease operation");
    let b = Keeper::new(t.db.clone(), "b".into(), names, ttl);
    b.renew_all().await;
    assert!(b.held("job.retention").is_some(), "no wait for a's expiry");
}
