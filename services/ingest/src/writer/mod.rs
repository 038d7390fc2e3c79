//! The batch writer: receivers hand it events; it commits them in batches (by
//! size or linger time), per tenant, then acknowledges, meters usage and
//! announces the stored range on the bus. Nothing is acknowledged before commit.
//!
//! Capacity is counted in events with a semaphore: a receiver waits for room
//! (TCP stops reading: backpressure) or gives up at once (HTTP answers 503), so
//! memory stays bounded whatever the senders do.

use crate::normalize::Normalized;
use chrono::{DateTime, Utc};
use garrison_core::bus::{Bus, StoredNotice};
use garrison_core::event::{Channel, Event};
use garrison_core::{Error, Result, TenantId, db::Db};
use std::collections::BTreeSet;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{OwnedSemaphorePermit, Semaphore, mpsc, oneshot};

mod commit;

/// A record that could not be parsed, kept with the reason.
#[derive(Debug, Clone)]
pub struct DeadLetter {
    pub tenant_id: TenantId,
    pub channel: Channel,
    pub received_at: DateTime<Utc>,
    pub peer: Option<String>,
    pub reason: String,
    pub raw: String,
}

/// Events refused at the door (quota), counted against the tenant.
#[derive(Debug, Clone, Copy)]
pub struct Rejected {
    pub tenant_id: TenantId,
    pub channel: Channel,
    pub count: u64,
    pub bytes: u64,
}

/// An event on its way to the store, with the bytes it arrived as (metering)
/// and already written as its segment record (in its submission's buffer of
/// records): that work happens on the receiver's thread, in
/// parallel, not on the single writer task.
#[derive(Debug)]
pub struct Pending {
    /// The event without its fields and raw text, which are in the record.
    pub event: Event,
    pub bytes: u64,
    record: std::ops::Range<usize>,
}

impl Pending {
    /// The event's record, in its submission's records.
    fn record<'r>(&self, records: &'r [u8]) -> Option<&'r [u8]> {
        records.get(self.record.clone())
    }
}

/// What a receiver submits in one go.
#[derive(Debug, Default)]
pub struct Submission {
    /// Events with the bytes each arrived as (for metering). Private: their
    /// records are places in this submission's `records`, which must never
    /// be read for an event of another submission.
    events: Vec<Pending>,
    /// The events' records, one after another: one buffer per submission,
    /// not one per event allocated by a receiver and freed by the writer
    /// (an event a quota then drops leaves its bytes unused here).
    records: Vec<u8>,
    pub dead_letters: Vec<DeadLetter>,
    pub rejected: Vec<Rejected>,
}

impl Submission {
    /// Adds an event, writing its record now, on the caller's thread: the
    /// writer only ever sees the header and the bytes.
    pub fn push(&mut self, normalized: Normalized<'_>, bytes: u64) {
        self.records.reserve(normalized.record_size_hint());
        let start = self.records.len();
        let event = normalized.into_record(&mut self.records);
        let record = start..self.records.len();
        self.events.push(Pending {
            event,
            bytes,
            record,
        });
    }

    /// Room for `events` events of about `bytes` received in all, so that
    /// writing their records rarely grows (and copies) the buffer.
    pub fn reserve(&mut self, events: usize, bytes: usize) {
        self.events.reserve(events);
        self.records.reserve(events * 256 + bytes * 5 / 4);
    }

    /// The events, in order.
    pub fn events(&self) -> &[Pending] {
        &self.events
    }

    /// Keeps the events `keep` accepts (a dropped event's record stays in the
    /// buffer, unread).
    pub fn retain_events(&mut self, keep: impl FnMut(&Pending) -> bool) {
        self.events.retain(keep);
    }

    /// Moves `other`'s events (with their records), dead letters and
    /// rejections to the end of this submission.
    pub fn append(&mut self, other: Submission) {
        let offset = self.records.len();
        self.records.extend_from_slice(&other.records);
        self.events
            .extend(other.events.into_iter().map(|mut pending| {
                pending.record = pending.record.start + offset..pending.record.end + offset;
                pending
            }));
        self.dead_letters.extend(other.dead_letters);
        self.rejected.extend(other.rejected);
    }

    /// Drops every event and its record.
    pub fn clear_events(&mut self) {
        self.events.clear();
        self.records.clear();
    }

    /// Only events refused at the door.
    pub fn of_rejected(rejected: Vec<Rejected>) -> Submission {
        Submission {
            rejected,
            ..Submission::default()
        }
    }

    /// What must still be recorded of a submission the writer could not
    /// take (a datagram cannot wait for room): its events counted as
    /// rejected on `channel`, and its own rejections and dead letters kept.
    pub fn into_lost(self, channel: Channel) -> Submission {
        let mut rejected: Vec<Rejected> = self
            .events
            .iter()
            .map(|p| Rejected {
                tenant_id: p.event.tenant_id,
                channel,
                count: 1,
                bytes: p.bytes,
            })
            .collect();
        rejected.extend(self.rejected);
        Submission {
            rejected,
            dead_letters: self.dead_letters,
            ..Submission::default()
        }
    }

    fn size(&self) -> usize {
        (self.events.len() + self.dead_letters.len()).max(1)
    }
}

struct Job {
    submission: Submission,
    ack: Option<oneshot::Sender<Result<()>>>,
    _permit: OwnedSemaphorePermit,
}

/// The handle receivers use.
#[derive(Clone)]
pub struct Writer {
    sender: mpsc::UnboundedSender<Job>,
    room: Arc<Semaphore>,
    capacity: usize,
}

/// Where the writer runs (see [`Writer::start`]).
#[derive(Debug)]
pub enum WriterThread {
    /// Its own thread, which ends once every [`Writer`] handle is dropped.
    Dedicated(std::thread::JoinHandle<()>),
    /// Its own thread could not be started.
    Shared,
}

/// Batching knobs.
#[derive(Debug, Clone, Copy)]
pub struct WriterConfig {
    pub batch_max_events: usize,
    pub linger: Duration,
    pub queue_capacity: usize,
}

/// Why a submission was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Busy {
    /// The queue is full: retry shortly.
    Full,
    /// The writer has stopped.
    Stopped,
}

impl Writer {
    /// Starts the writer on a thread of its own.
    ///
    /// The commit loop waits on the database dozens of times per batch; on the
    /// shared runtime each wake-up queued behind receivers parsing whole reads,
    /// so the single writer idled while the queue stayed full (the machine was
    /// two-thirds busy at saturation). Its own thread runs it the moment the
    /// database answers. The thread ends when every [`Writer`] handle is gone.
    pub fn start(db: Db, bus: Arc<dyn Bus>, config: WriterConfig) -> (Writer, WriterThread) {
        let (sender, receiver) = mpsc::unbounded_channel();
        let capacity = config.queue_capacity.max(config.batch_max_events).max(1);
        let room = Arc::new(Semaphore::new(capacity));
        // Handed over through a slot so that, should the thread not start, the
        // caller's runtime can still run the loop.
        let slot = Arc::new(std::sync::Mutex::new(Some((db, bus, receiver))));
        let theirs = slot.clone();
        let dedicated = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            // Its blocking threads prepare batches (see `run`).
            .thread_name("ingest-prepare")
            .build()
            .and_then(|runtime| {
                std::thread::Builder::new()
                    .name("ingest-writer".into())
                    .spawn(move || {
                        let parts = theirs.lock().ok().and_then(|mut s| s.take());
                        if let Some((db, bus, receiver)) = parts {
                            runtime.block_on(run(db, bus, config, receiver));
                        }
                    })
            });
        let thread = match dedicated {
            Ok(handle) => WriterThread::Dedicated(handle),
            Err(e) => {
                // Only when the process is out of threads: the writer then shares
                // the caller's runtime rather than not running.
                tracing::warn!(error = %e, "ingest writer shares the runtime");
                if let Some((db, bus, receiver)) = slot.lock().ok().and_then(|mut s| s.take()) {
                    tokio::spawn(run(db, bus, config, receiver));
                }
                WriterThread::Shared
            }
        };
        (
            Writer {
                sender,
                room,
                capacity,
            },
            thread,
        )
    }

    /// Submits and waits for the commit (HTTP). Refuses at once when full.
    pub async fn submit_and_wait(
        &self,
        submission: Submission,
    ) -> std::result::Result<Result<()>, Busy> {
        let permits = submission.size().min(self.capacity) as u32;
        let permit = self
            .room
            .clone()
            .try_acquire_many_owned(permits)
            .map_err(|_| Busy::Full)?;
        let (ack, done) = oneshot::channel();
        self.sender
            .send(Job {
                submission,
                ack: Some(ack),
                _permit: permit,
            })
            .map_err(|_| Busy::Stopped)?;
        done.await.map_err(|_| Busy::Stopped)
    }

    /// Submits, waiting for room first (TCP backpressure); does not wait for commit.
    pub async fn submit_when_room(&self, submission: Submission) -> std::result::Result<(), Busy> {
        let permits = submission.size().min(self.capacity) as u32;
        let permit = self
            .room
            .clone()
            .acquire_many_owned(permits)
            .await
            .map_err(|_| Busy::Stopped)?;
        self.sender
            .send(Job {
                submission,
                ack: None,
                _permit: permit,
            })
            .map_err(|_| Busy::Stopped)
    }

    /// Waits (up to `limit`) until everything submitted so far is committed: the
    /// queue's permits all return once the writer has finished each job. Used at
    /// shutdown so events read from sockets are not lost with the process.
    pub async fn drain(&self, limit: Duration) -> bool {
        let all = self.capacity as u32;
        match tokio::time::timeout(limit, self.room.acquire_many(all)).await {
            Ok(Ok(permits)) => {
                drop(permits);
                true
            }
            _ => false,
        }
    }

    /// Submits if there is room, else returns it (UDP drops and counts).
    pub fn try_submit(
        &self,
        submission: Submission,
    ) -> std::result::Result<(), (Busy, Submission)> {
        let permits = submission.size().min(self.capacity) as u32;
        match self.room.clone().try_acquire_many_owned(permits) {
            Ok(permit) => self
                .sender
                .send(Job {
                    submission,
                    ack: None,
                    _permit: permit,
                })
                .map_err(|e| (Busy::Stopped, e.0.submission)),
            Err(_) => Err((Busy::Full, submission)),
        }
    }
}

/// The writer's loop, in two stages that overlap: while one batch is being
/// committed (the database's time, mostly on its own thread), the next is
/// collected and prepared (compressed: the writer's largest cost) on a
/// blocking thread. Done one after the other, each stage had waited for the
/// other and receivers for both. Batches commit in the order they were
/// collected; their permits are held until then, so the queue's bound still
/// counts every event not yet committed.
async fn run(
    db: Db,
    bus: Arc<dyn Bus>,
    config: WriterConfig,
    mut receiver: mpsc::UnboundedReceiver<Job>,
) {
    // One batch prepared ahead, no more: memory stays within the permits.
    let (ready, mut to_commit) = mpsc::channel::<Prepared>(1);
    let committer = tokio::spawn(async move {
        while let Some(prepared) = to_commit.recv().await {
            commit_prepared(&db, bus.as_ref(), prepared).await;
        }
    });
    loop {
        let Some(first) = receiver.recv().await else {
            break;
        };
        let mut jobs = vec![first];
        let mut count = jobs[0].submission.size();
        let deadline = tokio::time::Instant::now() + config.linger;
        while count < config.batch_max_events {
            match tokio::time::timeout_at(deadline, receiver.recv()).await {
                Ok(Some(job)) => {
                    count += job.submission.size();
                    jobs.push(job);
                }
                Ok(None) | Err(_) => break,
            }
        }
        let prepared = match tokio::task::spawn_blocking(move || prepare(jobs)).await {
            Ok(prepared) => prepared,
            Err(e) => {
                // Its jobs' acknowledgements are dropped with it: HTTP senders
                // hear that the writer stopped, nothing is reported stored.
                tracing::error!(error = %e, "ingest batch could not be prepared");
                continue;
            }
        };
        if ready.send(prepared).await.is_err() {
            break;
        }
    }
    drop(ready);
    if let Err(e) = committer.await {
        tracing::error!(error = %e, "ingest committer stopped");
    }
}

/// A batch ready to commit: each tenant's share prepared (or the reason it
/// could not be), and what each job waits for.
struct Prepared {
    tenants: Vec<(TenantId, Result<commit::Ready>)>,
    jobs: Vec<Waiting>,
}

/// A job whose events are on their way to commit: its acknowledgement, the
/// tenants it carried, and its room in the queue, held until then.
struct Waiting {
    ack: Option<oneshot::Sender<Result<()>>>,
    tenants: BTreeSet<TenantId>,
    _permit: OwnedSemaphorePermit,
}

/// Splits a batch by tenant and prepares each tenant's share.
fn prepare(jobs: Vec<Job>) -> Prepared {
    let mut by_tenant: foldhash::HashMap<TenantId, commit::TenantBatch> =
        foldhash::HashMap::default();
    // Each tenant's events counted first: growing a list of thousands of
    // events by doubling had copied each of them over and over.
    let mut counts: foldhash::HashMap<TenantId, usize> = foldhash::HashMap::default();
    for pending in jobs.iter().flat_map(|job| &job.submission.events) {
        *counts.entry(pending.event.tenant_id).or_default() += 1;
    }
    for (tenant, count) in counts {
        by_tenant
            .entry(tenant)
            .or_default()
            .events
            .reserve_exact(count);
    }
    // Each submission's records, which its events point into.
    let mut records: Vec<Vec<u8>> = Vec::with_capacity(jobs.len());
    let mut waiting = Vec::with_capacity(jobs.len());
    for job in jobs {
        let Job {
            submission,
            ack,
            _permit,
        } = job;
        let mut tenants = BTreeSet::new();
        let buffer = records.len();
        records.push(submission.records);
        for pending in submission.events {
            tenants.insert(pending.event.tenant_id);
            by_tenant
                .entry(pending.event.tenant_id)
                .or_default()
                .events
                .push((buffer, pending));
        }
        for letter in submission.dead_letters {
            tenants.insert(letter.tenant_id);
            by_tenant
                .entry(letter.tenant_id)
                .or_default()
                .dead_letters
                .push(letter);
        }
        for rejected in submission.rejected {
            by_tenant
                .entry(rejected.tenant_id)
                .or_default()
                .rejected
                .push(rejected);
        }
        waiting.push(Waiting {
            ack,
            tenants,
            _permit,
        });
    }
    let tenants = by_tenant
        .into_iter()
        .map(|(tenant, batch)| (tenant, commit::prepare_tenant(batch, &records, tenant)))
        .collect();
    Prepared {
        tenants,
        jobs: waiting,
    }
}

/// Commits each tenant's share, announces what was stored, then answers the
/// jobs: a job fails if any tenant it carried did.
async fn commit_prepared(db: &Db, bus: &dyn Bus, prepared: Prepared) {
    let mut failed: BTreeSet<TenantId> = BTreeSet::new();
    for (tenant, ready) in prepared.tenants {
        let result = match ready {
            Ok(ready) => {
                let stored = ready.stored;
                commit::commit_ready(db, tenant, ready)
                    .await
                    .map(|last| last.map(|last_seq| (last_seq, stored)))
            }
            Err(e) => Err(e),
        };
        match result {
            Ok(Some((last_seq, count))) => {
                bus.publish(StoredNotice {
                    tenant_id: tenant,
                    last_seq,
                    count,
                })
                .await
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!(tenant_id = %tenant, error = %e, "ingest batch commit failed");
                failed.insert(tenant);
            }
        }
    }
    for job in prepared.jobs {
        if let Some(ack) = job.ack {
            let result = if job.tenants.iter().any(|t| failed.contains(t)) {
                Err(Error::Unavailable("event store".into()))
            } else {
                Ok(())
            };
            let _ = ack.send(result);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::Arrival;
    use crate::pipeline::text_event;
    use garrison_core::TenantId;

    #[test]
    fn a_lost_submission_keeps_its_rejections_and_dead_letters() {
        let tenant = TenantId::new();
        let mut submission = Submission::default();
        let arrival = Arrival::new(tenant, Channel::SyslogUdp, Utc::now(), 1024);
        for line in [
            "<13>Jan  1 00:00:00 host app: one",
            "<13>Jan  1 00:00:00 host app: two!",
        ] {
            submission.push(
                text_event(line, &[], chrono_tz::Tz::UTC, &arrival),
                line.len() as u64,
            );
        }
        submission.rejected.push(Rejected {
            tenant_id: tenant,
            channel: Channel::SyslogUdp,
            count: 3,
            bytes: 90,
        });
        submission.dead_letters.push(DeadLetter {
            tenant_id: tenant,
            channel: Channel::SyslogUdp,
            received_at: Utc::now(),
            peer: None,
            reason: "unreadable".into(),
            raw: "x".into(),
        });
        let lost = submission.into_lost(Channel::SyslogUdp);
        assert!(lost.events().is_empty());
        let counts: Vec<(u64, u64)> = lost.rejected.iter().map(|r| (r.count, r.bytes)).collect();
        assert_eq!(counts, vec![(1, 33), (1, 34), (3, 90)]);
        assert!(lost.rejected.iter().all(|r| r.tenant_id == tenant));
        assert_eq!(lost.dead_letters.len(), 1);
        assert_eq!(lost.dead_letters[0].reason, "unreadable");
    }
}
