//! The bus on NATS JetStream, for roles that run apart.
//!
//! Layout, designed for many tenants with a bounded number of consumers:
//! - stream `GARRISON_STORED`, subjects `garrison.stored.<partition>.<tenant>`
//!   (`garrison` is the configurable namespace);
//!   a notice says "tenant T's events up to sequence S are committed";
//! - one durable pull consumer per partition, `garrison-detection-p<N>`, filtered to
//!   `garrison.stored.<N>.*`; the detection process holding partition N's lease
//!   pulls from it, so a tenant's correlation windows live in one process;
//! - explicit acknowledgement after the alerts are committed, redelivery after
//!   the ack wait when a process dies, and after `max_deliver` failed attempts the
//!   notice goes to `garrison.dead.stored.<partition>.<tenant>` (stream
//!   `GARRISON_DEAD`, kept a week) and is terminated.
//!
//! Stream limits (age, bytes) discard the oldest notices. That loses no event:
//! events live in the store, and detection sweeps every tenant it owns from its
//! durable cursor on a timer and whenever it takes a partition.

use super::{
    Acker, Bus, Delivery, DeliveryStream, LocalBus, PartitionConsumer, StoredNotice, Subscription,
    partition_of,
};
use crate::config::BusConfig;
use crate::{Error, Result};
use async_nats::jetstream::{self, AckKind, consumer, stream};
use async_trait::async_trait;
use futures_util::StreamExt;
use std::time::Duration;

/// Names under one namespace (`garrison` by default).
#[derive(Debug, Clone)]
pub struct Names {
    ns: String,
}

impl Names {
    pub fn new(namespace: &str) -> Names {
        Names {
            ns: namespace.to_string(),
        }
    }
    /// The stream of stored-event notices (`GARRISON_STORED`).
    pub fn stream(&self) -> String {
        format!("{}_STORED", self.ns.to_ascii_uppercase())
    }
    /// The stream that keeps dead-lettered notices (`GARRISON_DEAD`).
    pub fn dead_stream(&self) -> String {
        format!("{}_DEAD", self.ns.to_ascii_uppercase())
    }
    /// `garrison.stored.<partition>.<tenant>`.
    pub fn stored(&self, partition: u32, tenant: &str) -> String {
        format!("{}.stored.{partition}.{tenant}", self.ns)
    }
    /// `garrison.dead.<what>`.
    pub fn dead(&self, what: &str) -> String {
        format!("{}.dead.{what}", self.ns)
    }
    /// Every partition's and tenant's notices.
    pub fn stored_pattern(&self) -> String {
        format!("{}.stored.*.*", self.ns)
    }
    /// The durable consumer of a partition.
    pub fn consumer(&self, partition: u32) -> String {
        format!("{}-detection-p{partition}", self.ns)
    }
}
/// How long a publish waits for JetStream's acknowledgement.
const PUBLISH_TIMEOUT: Duration = Duration::from_secs(5);

/// The JetStream bus.
pub struct NatsBus {
    client: async_nats::Client,
    js: jetstream::Context,
    config: BusConfig,
    names: Names,
    /// Every notice on the stream's subjects, for [`Bus::subscribe`] (wake-ups
    /// that need no acknowledgement).
    local: std::sync::Arc<LocalBus>,
}

impl NatsBus {
    /// Connects, and creates or updates the streams to match `config`.
    pub async fn connect(url: &str, config: &BusConfig) -> Result<NatsBus> {
        let client = async_nats::ConnectOptions::new()
            .name("garrison")
            .connect(url)
            .await
            .map_err(|e| Error::Unavailable(format!("NATS at {}: {e}", redact(url))))?;
        let js = jetstream::new(client.clone());
        let names = Names::new(&config.namespace);
        let stored = stream::Config {
            name: names.stream(),
            subjects: vec![names.stored_pattern()],
            max_age: Duration::from_secs(config.stream_max_age_secs.max(60)),
            max_bytes: config.stream_max_bytes,
            discard: stream::DiscardPolicy::Old,
            storage: stream::StorageType::File,
            ..Default::default()
        };
        ensure_stream(&js, stored).await?;
        let dead = stream::Config {
            name: names.dead_stream(),
            subjects: vec![names.dead(">")],
            max_age: Duration::from_secs(7 * 24 * 3600),
            discard: stream::DiscardPolicy::Old,
            storage: stream::StorageType::File,
            ..Default::default()
        };
        ensure_stream(&js, dead).await?;
        let local = std::sync::Arc::new(LocalBus::new(4096));
        spawn_forwarder(client.clone(), names.stored_pattern(), local.clone()).await?;
        Ok(NatsBus {
            client,
            js,
            config: config.clone(),
            names,
            local,
        })
    }

    /// The subject a tenant's notices go to.
    pub fn subject(&self, notice: &StoredNotice) -> String {
        let partition = partition_of(notice.tenant_id, self.config.partitions);
        self.names.stored(partition, &notice.tenant_id.to_string())
    }

    /// The JetStream context (operators' tools and tests inspect streams with it).
    pub fn jetstream(&self) -> &jetstream::Context {
        &self.js
    }

    /// The names in use.
    pub fn names(&self) -> &Names {
        &self.names
    }
}

/// Creates the stream, or updates its limits when it exists with others.
async fn ensure_stream(js: &jetstream::Context, config: stream::Config) -> Result<()> {
    let name = config.name.clone();
    match js.get_stream(&name).await {
        Ok(_) => js
            .update_stream(config)
            .await
            .map(|_| ())
            .map_err(|e| Error::Unavailable(format!("JetStream stream {name}: {e}"))),
        Err(_) => js
            .create_stream(config)
            .await
            .map(|_| ())
            .map_err(|e| Error::Unavailable(format!("JetStream stream {name}: {e}"))),
    }
}

/// Copies every notice seen on the subjects into the local broadcast, so
/// [`Bus::subscribe`] works the same on every bus.
async fn spawn_forwarder(
    client: async_nats::Client,
    subjects: String,
    local: std::sync::Arc<LocalBus>,
) -> Result<()> {
    let mut subscriber = client
        .subscribe(subjects)
        .await
        .map_err(|e| Error::Unavailable(format!("NATS subscribe: {e}")))?;
    tokio::spawn(async move {
        while let Some(message) = subscriber.next().await {
            if let Ok(notice) = serde_json::from_slice::<StoredNotice>(&message.payload) {
                local.publish(notice).await;
            }
        }
    });
    Ok(())
}

#[async_trait]
impl Bus for NatsBus {
    async fn publish(&self, notice: StoredNotice) {
        let subject = self.subject(&notice);
        let payload = match serde_json::to_vec(&notice) {
            Ok(p) => p,
            Err(e) => {
                tracing::error!(error = %e, "bus notice did not serialize");
                return;
            }
        };
        // The events are already committed: a lost notice only delays detection
        // until its next sweep, so a slow NATS never blocks ingest for long.
        let sent = tokio::time::timeout(PUBLISH_TIMEOUT, async {
            let ack = self.js.publish(subject, payload.into()).await?;
            ack.await.map(|_| ()).map_err(async_nats::Error::from)
        })
        .await;
        match sent {
            Ok(Ok(())) => {}
            Ok(Err(e)) => {
                tracing::warn!(error = %e, tenant_id = %notice.tenant_id, "bus publish failed; detection catches up on its sweep")
            }
            Err(_) => {
                tracing::warn!(tenant_id = %notice.tenant_id, "bus publish timed out; detection catches up on its sweep")
            }
        }
    }

    fn subscribe(&self) -> Subscription {
        self.local.subscribe()
    }

    fn partitions(&self) -> Option<u32> {
        Some(self.config.partitions.max(1))
    }

    async fn consume_partition(&self, partition: u32) -> Result<PartitionConsumer> {
        let stream_name = self.names.stream();
        let stream = self
            .js
            .get_stream(&stream_name)
            .await
            .map_err(|e| Error::Unavailable(format!("JetStream stream {stream_name}: {e}")))?;
        let name = self.names.consumer(partition);
        let consumer: consumer::PullConsumer = stream
            .get_or_create_consumer(
                &name,
                consumer::pull::Config {
                    durable_name: Some(name.clone()),
                    filter_subject: self.names.stored(partition, "*"),
                    ack_policy: consumer::AckPolicy::Explicit,
                    ack_wait: Duration::from_secs(self.config.ack_wait_secs.max(1)),
                    // One more than ours, so our own dead-lettering runs first.
                    max_deliver: self.config.max_deliver.max(1) + 1,
                    ..Default::default()
                },
            )
            .await
            .map_err(|e| Error::Unavailable(format!("JetStream consumer {name}: {e}")))?;
        let messages = consumer
            .messages()
            .await
            .map_err(|e| Error::Unavailable(format!("JetStream consumer {name}: {e}")))?;
        Ok(PartitionConsumer::new(Box::new(NatsDeliveries {
            messages,
            js: self.js.clone(),
            names: self.names.clone(),
            max_deliver: self.config.max_deliver.max(1),
            partition,
            _client: self.client.clone(),
        })))
    }
}

struct NatsDeliveries {
    messages: consumer::pull::Stream,
    js: jetstream::Context,
    names: Names,
    max_deliver: i64,
    partition: u32,
    _client: async_nats::Client,
}

#[async_trait]
impl DeliveryStream for NatsDeliveries {
    async fn next(&mut self) -> Option<Delivery> {
        loop {
            match self.messages.next().await? {
                Ok(message) => {
                    let Ok(notice) = serde_json::from_slice::<StoredNotice>(&message.payload)
                    else {
                        // Not ours to understand: keep it for inspection, stop redelivery.
                        tracing::warn!(subject = %message.subject, "malformed bus notice dead-lettered");
                        let dead = self.names.dead(&format!("malformed.{}", self.partition));
                        let _ = self.js.publish(dead, message.payload.clone()).await;
                        let _ = message.ack_with(AckKind::Term).await;
                        continue;
                    };
                    let attempts = message
                        .info()
                        .map(|i| u64::try_from(i.delivered).unwrap_or(1))
                        .unwrap_or(1);
                    return Some(Delivery::new(
                        notice,
                        Box::new(NatsAcker {
                            message,
                            js: self.js.clone(),
                            names: self.names.clone(),
                            attempts,
                            max_deliver: self.max_deliver,
                            partition: self.partition,
                        }),
                    ));
                }
                Err(e) => {
                    tracing::warn!(error = %e, partition = self.partition, "JetStream pull failed; retrying");
                    tokio::time::sleep(Duration::from_millis(500)).await;
                }
            }
        }
    }
}

struct NatsAcker {
    message: jetstream::Message,
    js: jetstream::Context,
    names: Names,
    attempts: u64,
    max_deliver: i64,
    partition: u32,
}

#[async_trait]
impl Acker for NatsAcker {
    fn attempts(&self) -> u64 {
        self.attempts
    }

    async fn ack(&self) -> Result<()> {
        self.message
            .ack()
            .await
            .map_err(|e| Error::Unavailable(format!("JetStream ack: {e}")))
    }

    async fn retry(&self, notice: &StoredNotice, reason: &str) -> Result<()> {
        if i64::try_from(self.attempts).unwrap_or(i64::MAX) >= self.max_deliver {
            let subject = self
                .names
                .dead(&format!("stored.{}.{}", self.partition, notice.tenant_id));
            let mut headers = async_nats::HeaderMap::new();
            headers.insert("Garrison-Reason", reason);
            headers.insert("Garrison-Attempts", self.attempts.to_string().as_str());
            let sent = self
                .js
                .publish_with_headers(subject, headers, self.message.payload.clone())
                .await
                .map_err(|e| Error::Unavailable(format!("dead-letter publish: {e}")))?;
            sent.await
                .map_err(|e| Error::Unavailable(format!("dead-letter publish: {e}")))?;
            tracing::error!(tenant_id = %notice.tenant_id, attempts = self.attempts, reason, "bus notice dead-lettered");
            return self
                .message
                .ack_with(AckKind::Term)
                .await
                .map_err(|e| Error::Unavailable(format!("JetStream term: {e}")));
        }
        // Back off with the attempts, so a failing tenant does not spin.
        let delay = Duration::from_secs(2u64.saturating_pow(self.attempts.min(6) as u32));
        self.message
            .ack_with(AckKind::Nak(Some(delay)))
            .await
            .map_err(|e| Error::Unavailable(format!("JetStream nak: {e}")))
    }
}

/// The URL without credentials, for messages.
fn redact(url: &str) -> String {
    match url.split_once('@') {
        Some((scheme_user, host)) => {
            let scheme = scheme_user.split("://").next().unwrap_or("nats");
            format!("{scheme}://***@{host}")
        }
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests;
