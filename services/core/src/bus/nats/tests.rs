//! The JetStream bus against the NATS on this machine (`GARRISON_TEST_NATS_URL`,
//! default `nats://127.0.0.1:4222`). Each test uses its own namespace, so runs
//! and tests never share streams. Without a reachable NATS they print why and
//! pass without checking (the scale-out suite needs one; CI has one).

use super::*;
use crate::TenantId;

fn url() -> String {
    std::env::var("GARRISON_TEST_NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".into())
}

async fn bus(config: BusConfig) -> Option<NatsBus> {
    let ns = format!("gt{}", uuid::Uuid::new_v4().simple());
    let config = BusConfig {
        namespace: ns,
        ..config
    };
    match NatsBus::connect(&url(), &config).await {
        Ok(bus) => Some(bus),
        Err(e) => {
            eprintln!("skipped: no NATS JetStream at {} ({e})", url());
            None
        }
    }
}

async fn cleanup(bus: &NatsBus) {
    let _ = bus.jetstream().delete_stream(bus.names().stream()).await;
    let _ = bus
        .jetstream()
        .delete_stream(bus.names().dead_stream())
        .await;
}

fn notice(tenant: TenantId, seq: i64) -> StoredNotice {
    StoredNotice {
        tenant_id: tenant,
        last_seq: seq,
        count: 1,
    }
}

async fn next(consumer: &mut PartitionConsumer) -> Delivery {
    tokio::time::timeout(Duration::from_secs(10), consumer.next())
        .await
        .expect("a delivery within 10 s")
        .expect("the consumer is open")
}

#[tokio::test]
async fn a_partition_consumer_gets_its_tenants_notices_once_acknowledged() {
    let Some(bus) = bus(BusConfig::default()).await else {
        return;
    };
    let tenant = TenantId::new();
    let partition = partition_of(tenant, 16);
    let mut consumer = bus.consume_partition(partition).await.expect("consumer");
    bus.publish(notice(tenant, 1)).await;
    bus.publish(notice(tenant, 2)).await;
    let first = next(&mut consumer).await;
    assert_eq!(first.notice, notice(tenant, 1));
    assert_eq!(first.attempts(), 1);
    first.done().await;
    let second = next(&mut consumer).await;
    assert_eq!(second.notice, notice(tenant, 2));
    second.done().await;
    // Acknowledged notices do not come back, even to a new consumer instance.
    drop(consumer);
    let mut again = bus.consume_partition(partition).await.expect("consumer");
    assert!(
        tokio::time::timeout(Duration::from_millis(700), again.next())
            .await
            .is_err(),
        "nothing left to deliver"
    );
    cleanup(&bus).await;
}

#[tokio::test]
async fn unacknowledged_notices_are_redelivered_then_dead_lettered() {
    let Some(bus) = bus(BusConfig {
        max_deliver: 2,
        ack_wait_secs: 1,
        ..BusConfig::default()
    })
    .await
    else {
        return;
    };
    let tenant = TenantId::new();
    let partition = partition_of(tenant, 16);
    let mut consumer = bus.consume_partition(partition).await.expect("consumer");
    bus.publish(notice(tenant, 7)).await;
    // A crash: delivered, never acknowledged. It comes back after the ack wait.
    let lost = next(&mut consumer).await;
    std::mem::forget(lost);
    let retried = next(&mut consumer).await;
    assert_eq!(retried.notice, notice(tenant, 7));
    assert_eq!(retried.attempts(), 2);
    // The last allowed attempt fails: dead-lettered, with the reason.
    retried.failed("rules did not compile").await;
    let dead = bus
        .jetstream()
        .get_stream(bus.names().dead_stream())
        .await
        .expect("dead stream");
    let subject = bus.names().dead(&format!("stored.{partition}.{tenant}"));
    let kept = dead
        .get_last_raw_message_by_subject(&subject)
        .await
        .expect("the notice was dead-lettered");
    let kept_notice: StoredNotice = serde_json::from_slice(&kept.payload).expect("notice json");
    assert_eq!(kept_notice, notice(tenant, 7));
    assert!(
        tokio::time::timeout(Duration::from_millis(1500), consumer.next())
            .await
            .is_err(),
        "a dead-lettered notice is not delivered again"
    );
    cleanup(&bus).await;
}

#[tokio::test]
async fn partitions_keep_tenants_apart_and_subscribers_see_every_notice() {
    let Some(bus) = bus(BusConfig {
        partitions: 4,
        ..BusConfig::default()
    })
    .await
    else {
        return;
    };
    let mut wakeups = bus.subscribe();
    let a = TenantId::new();
    let b = (0..64)
        .map(|_| TenantId::new())
        .find(|t| partition_of(*t, 4) != partition_of(a, 4))
        .expect("a tenant on another partition");
    let mut consumer_a = bus.consume_partition(partition_of(a, 4)).await.expect("a");
    bus.publish(notice(b, 1)).await;
    bus.publish(notice(a, 1)).await;
    let got = next(&mut consumer_a).await;
    assert_eq!(
        got.notice.tenant_id, a,
        "b's notice is not on a's partition"
    );
    got.done().await;
    let mut seen = Vec::new();
    for _ in 0..2 {
        match tokio::time::timeout(Duration::from_secs(5), wakeups.recv()).await {
            Ok(crate::bus::Received::Notice(n)) => seen.push(n.tenant_id),
            other => panic!("expected a notice, got {:?}", other.is_ok()),
        }
    }
    assert!(seen.contains(&a) && seen.contains(&b));
    cleanup(&bus).await;
}

#[tokio::test]
async fn the_stream_discards_its_oldest_notices_at_its_byte_limit() {
    let Some(bus) = bus(BusConfig {
        stream_max_bytes: 4096,
        ..BusConfig::default()
    })
    .await
    else {
        return;
    };
    let tenant = TenantId::new();
    for seq in 1..=200 {
        bus.publish(notice(tenant, seq)).await;
    }
    let mut stream = bus
        .jetstream()
        .get_stream(bus.names().stream())
        .await
        .expect("stream");
    let info = stream.info().await.expect("info");
    assert!(info.state.bytes <= 4096, "{} bytes kept", info.state.bytes);
    assert!(info.state.messages < 200, "old notices were discarded");
    // The newest survives: a consumer starting now still learns the latest position.
    let mut consumer = bus
        .consume_partition(partition_of(tenant, 16))
        .await
        .expect("consumer");
    let mut last = 0;
    while let Ok(Some(d)) = tokio::time::timeout(Duration::from_millis(700), consumer.next()).await
    {
        last = d.notice.last_seq;
        d.done().await;
    }
    assert_eq!(last, 200);
    cleanup(&bus).await;
}
