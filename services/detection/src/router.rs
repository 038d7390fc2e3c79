//! Candidate selection for a compiled set: one literal prefilter over all rules, or,
//! with log-source routing, one prefilter per route bucket (Windows channel and
//! EventID), so an event only scans for the literals of rules that can apply to it.

use crate::compile::Node;
use crate::compile::prefilter::{Prefilter, PrefilterScratch};
use crate::event::raw::RawEvent;
use crate::logsource::{EventKey, Route};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// How candidate rules are found.
#[derive(Debug)]
pub(crate) enum Index {
    Global(Box<Prefilter>),
    Routed(Box<Router>),
}

/// Per-bucket prefilters.
#[derive(Debug)]
pub(crate) struct Router {
    /// Rules with no usable log source: every event.
    any: Prefilter,
    /// Non-Windows rules: events without a `Channel`.
    not_windows: Prefilter,
    /// Lowercase channel -> its buckets.
    channels: HashMap<String, ChannelBuckets, foldhash::fast::RandomState>,
    buckets: Vec<Prefilter>,
}

#[derive(Debug, Default)]
struct ChannelBuckets {
    /// Rules for the whole channel (service-level log sources).
    star: Option<usize>,
    /// Rules for one EventID, together with the channel-wide ones.
    /// Looked up per event: a fast hash (keys come from rules, never from events).
    by_event_id: HashMap<i64, usize, foldhash::fast::RandomState>,
}

/// Reusable buffers for [`Index::candidates`].
#[derive(Debug, Default)]
pub(crate) struct IndexScratch {
    pub(crate) pf: PrefilterScratch,
    channel: String,
}

impl Index {
    /// Builds the index; `rules` holds each rule's node and route, in set order.
    pub(crate) fn build(rules: &[(&Node, &Route)], routing: bool) -> Index {
        let n = rules.len();
        let all: Vec<(u32, &Node)> = rules
            .iter()
            .enumerate()
            .map(|(i, (node, _))| (i as u32, *node))
            .collect();
        if !routing {
            return Index::Global(Box::new(Prefilter::build(&all, n))).with_slots();
        }
        let mut any = Vec::new();
        let mut not_windows = Vec::new();
        let mut star: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
        let mut exact: BTreeMap<(String, i64), BTreeSet<u32>> = BTreeMap::new();
        for (i, (_, route)) in rules.iter().enumerate() {
            let r = i as u32;
            match route {
                Route::Any => any.push(r),
                Route::NotWindows => not_windows.push(r),
                Route::Windows(alts) => {
                    for alt in alts {
                        let Some(ch) = &alt.channel else {
                            any.push(r);
                            break;
                        };
                        let ch = ch.to_ascii_lowercase();
                        match alt.event_id {
                            Some(id) => exact.entry((ch, id)).or_default().insert(r),
                            None => star.entry(ch).or_default().insert(r),
                        };
                    }
                }
            }
        }
        // Rule lists of every prefilter: [any, not_windows, buckets...].
        let mut lists: Vec<Vec<u32>> = vec![any, not_windows];
        let mut channels: HashMap<String, ChannelBuckets, _> = HashMap::default();
        for (ch, rs) in &star {
            lists.push(rs.iter().copied().collect());
            channels.entry(ch.clone()).or_default().star = Some(lists.len() - 3);
        }
        for ((ch, id), rs) in &exact {
            let channel_wide = star.get(ch).into_iter().flatten().copied();
            lists.push(rs.iter().copied().chain(channel_wide).collect());
            channels
                .entry(ch.clone())
                .or_default()
                .by_event_id
                .insert(*id, lists.len() - 3);
        }
        let mut built = crate::parallel::par_map(&lists, |ids| {
            let mut v = ids.clone();
            v.sort_unstable();
            v.dedup();
            let pairs: Vec<(u32, &Node)> = v.iter().map(|&r| all[r as usize]).collect();
            Prefilter::build(&pairs, n)
        })
        .into_iter();
        let (Some(any), Some(not_windows)) = (built.next(), built.next()) else {
            return Index::Global(Box::new(Prefilter::build(&all, n))).with_slots();
        };
        Index::Routed(Box::new(Router {
            any,
            not_windows,
            channels,
            buckets: built.collect(),
        }))
        .with_slots()
    }

    /// Gives each prefilter its own range of scan-memo slots (they share one memo).
    fn with_slots(mut self) -> Self {
        let mut base = 0;
        let mut place = |p: &mut Prefilter| {
            p.set_slot_base(base);
            base += p.slot_count();
        };
        match &mut self {
            Index::Global(p) => place(p),
            Index::Routed(r) => {
                place(&mut r.any);
                place(&mut r.not_windows);
                r.buckets.iter_mut().for_each(place);
            }
        }
        self
    }

    /// The candidate rules for an event, sorted, into `out` (cleared first).
    pub(crate) fn candidates(&self, ev: &Value, s: &mut IndexScratch, out: &mut Vec<u32>) {
        out.clear();
        match self {
            Index::Global(p) => p.candidates(ev, &mut s.pf, out),
            Index::Routed(router) => {
                let key = EventKey::of(ev);
                router.any.candidates(ev, &mut s.pf, out);
                let bucket = router.bucket(key.channel, key.event_id, &mut s.channel);
                if let Some(p) = bucket {
                    p.candidates(ev, &mut s.pf, out);
                }
            }
        }
        out.sort_unstable();
    }

    /// [`Index::candidates`] for a lazily read line.
    pub(crate) fn candidates_raw(
        &self,
        ev: &RawEvent<'_>,
        s: &mut IndexScratch,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        match self {
            Index::Global(p) => p.candidates_raw(ev, &mut s.pf, out),
            Index::Routed(router) => {
                let key = EventKey::of_raw(ev);
                router.any.candidates_raw(ev, &mut s.pf, out);
                let bucket = router.bucket(key.channel.as_deref(), key.event_id, &mut s.channel);
                if let Some(p) = bucket {
                    p.candidates_raw(ev, &mut s.pf, out);
                }
            }
        }
        out.sort_unstable();
    }

    fn prefilters(&self) -> Vec<&Prefilter> {
        match self {
            Index::Global(p) => vec![p],
            Index::Routed(r) => {
                let mut v = vec![&r.any, &r.not_windows];
                v.extend(r.buckets.iter());
                v
            }
        }
    }

    /// Rules evaluated on every event their route admits (no literal to index by).
    pub(crate) fn unindexed(&self) -> BTreeSet<u32> {
        self.prefilters()
            .iter()
            .flat_map(|p| p.always.iter().copied())
            .collect()
    }

    /// Scan-memo lookups so far and how many were hits.
    pub(crate) fn memo_stats(s: &IndexScratch) -> (u64, u64) {
        s.pf.cache.stats()
    }

    /// Number of (field, literal) keys over all prefilters.
    pub(crate) fn literal_count(&self) -> usize {
        self.prefilters().iter().map(|p| p.literal_count()).sum()
    }
}

impl Router {
    /// The prefilter for an event's channel and EventID besides `any`: `not_windows`
    /// without a channel, the (channel, EventID) bucket, else the channel-wide one.
    fn bucket(
        &self,
        ch: Option<&str>,
        event_id: Option<i64>,
        lower: &mut String,
    ) -> Option<&Prefilter> {
        let Some(ch) = ch else {
            return Some(&self.not_windows);
        };
        lower.clear();
        lower.extend(ch.chars().map(|c| c.to_ascii_lowercase()));
        let cb = self.channels.get(lower.as_str())?;
        let b = event_id
            .and_then(|id| cb.by_event_id.get(&id))
            .or(cb.star.as_ref())?;
        self.buckets.get(*b)
    }
}
