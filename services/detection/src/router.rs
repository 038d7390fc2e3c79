//! Candidate selection for a compiled set: one literal prefilter over all rules, or,
//! with log-source routing, one prefilter per route bucket (Windows channel and
//! EventID), so an event only scans for the literals of rules that can apply to it.
//!
//! Routing buckets are built on first use: a large pack has hundreds of buckets and a
//! tenant's stream reaches a fraction of them, while their automata were most of the
//! cost of compiling the set.

use crate::compile::Node;
use crate::compile::prefilter::{Automata, Prefilter, PrefilterScratch, RuleKeys};
use crate::compile::scanner::ScannerCache;
use crate::event::raw::RawEvent;
use crate::logsource::{EventKey, Route};
use crate::parallel::par_map;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// How candidate rules are found.
#[derive(Debug)]
pub(crate) enum Index {
    Global(Box<Prefilter>),
    Routed(Box<Router>),
}

/// Prefilter positions in [`Router::lists`] besides the buckets.
const ANY: usize = 0;
const NOT_WINDOWS: usize = 1;

/// Per-bucket prefilters. Every bucket also holds the rules of no particular log
/// source, so that an event is walked by one prefilter only.
#[derive(Debug)]
pub(crate) struct Router {
    /// Each rule's index keys, derived once and shared by the buckets it is in.
    keys: Vec<RuleKeys>,
    /// The rules of each prefilter: [`ANY`] (rules with no usable log source: events
    /// of a channel no rule names), [`NOT_WINDOWS`] (non-Windows rules and the `ANY`
    /// ones: events without a `Channel`), then the (channel, EventID) and channel-wide
    /// buckets, each with the `ANY` rules; buckets with the same rules share a list.
    lists: Vec<Vec<u32>>,
    /// The prefilter of each list, once an event has needed it.
    built: Vec<OnceLock<Prefilter>>,
    /// The next free scan-memo slot: a prefilter claims its range when built.
    next_slot: AtomicUsize,
    /// Time spent building prefilters on first use (diagnostics).
    build_nanos: AtomicU64,
    /// Automata shared by the buckets' identical literal lists.
    automata: ScannerCache,
    /// Lowercase channel -> its buckets.
    channels: HashMap<String, ChannelBuckets, foldhash::fast::RandomState>,
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
    route: RouteMemo,
}

/// The previous event's routing key and list. Consecutive events mostly come from one
/// channel and EventID, and comparing the channel as spelled costs a fraction of
/// lowercasing and hashing it. A scratch used by another rule set is emptied first
/// (`Scratch::claim`), so the list is always this router's.
#[derive(Debug, Default)]
struct RouteMemo {
    /// Whether `channel`, `event_id` and `list` hold an answer.
    set: bool,
    channel: String,
    event_id: Option<i64>,
    list: usize,
    /// A lowercase copy of the channel.
    lower: String,
}

impl Index {
    /// Builds the index; `rules` holds each rule's node and route, in set order.
    pub(crate) fn build(rules: &[(&Node, &Route)], routing: bool) -> Index {
        let n = rules.len();
        let keys: Vec<RuleKeys> = par_map(rules, |(node, _)| RuleKeys::of(node));
        if !routing {
            let all: Vec<(u32, &RuleKeys)> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| (i as u32, k))
                .collect();
            return Index::Global(Box::new(Prefilter::build(&all, n, Automata::Parallel)));
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
        let with_any = |rs: &mut dyn Iterator<Item = u32>| -> Vec<u32> {
            let mut v: Vec<u32> = rs.chain(any.iter().copied()).collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        let mut lists: Vec<Vec<u32>> = vec![
            with_any(&mut std::iter::empty()),
            with_any(&mut not_windows.iter().copied()),
        ];
        // Routes with the same rules share one list, so one prefilter is built for
        // them (Sysmon's three WMI EventIDs, PowerShell's two channels).
        let mut positions: HashMap<Vec<u32>, usize> = lists
            .iter()
            .enumerate()
            .map(|(i, l)| (l.clone(), i))
            .collect();
        let mut position = |list: Vec<u32>| {
            *positions.entry(list).or_insert_with_key(|l| {
                lists.push(l.clone());
                lists.len() - 1
            })
        };
        let mut channels: HashMap<String, ChannelBuckets, _> = HashMap::default();
        for (ch, rs) in &star {
            let i = position(with_any(&mut rs.iter().copied()));
            channels.entry(ch.clone()).or_default().star = Some(i);
        }
        for ((ch, id), rs) in &exact {
            let channel_wide = star.get(ch).into_iter().flatten().copied();
            let i = position(with_any(&mut rs.iter().copied().chain(channel_wide)));
            channels
                .entry(ch.clone())
                .or_default()
                .by_event_id
                .insert(*id, i);
        }
        let built = lists.iter().map(|_| OnceLock::new()).collect();
        Index::Routed(Box::new(Router {
            keys,
            lists,
            built,
            next_slot: AtomicUsize::new(0),
            build_nanos: AtomicU64::new(0),
            automata: ScannerCache::default(),
            channels,
        }))
    }

    /// The candidate rules for an event, sorted, into `out` (cleared first).
    pub(crate) fn candidates(&self, ev: &Value, s: &mut IndexScratch, out: &mut Vec<u32>) {
        out.clear();
        match self {
            Index::Global(p) => p.candidates(ev, &mut s.pf, out),
            Index::Routed(router) => {
                let key = EventKey::of(ev);
                let i = router.list_for(key.channel, key.event_id, &mut s.route);
                router.prefilter(i).candidates(ev, &mut s.pf, out);
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
                let i = router.list_for(key.channel.as_deref(), key.event_id, &mut s.route);
                router.prefilter(i).candidates_raw(ev, &mut s.pf, out);
            }
        }
        out.sort_unstable();
    }

    /// Rules evaluated on every event their route admits (no literal to index by).
    pub(crate) fn unindexed(&self) -> BTreeSet<u32> {
        match self {
            Index::Global(p) => p.always.iter().copied().collect(),
            Index::Routed(r) => (0..r.keys.len() as u32)
                .filter(|&i| r.keys[i as usize].unindexed())
                .collect(),
        }
    }

    /// Scan-memo lookups so far and how many were hits.
    pub(crate) fn memo_stats(s: &IndexScratch) -> (u64, u64) {
        s.pf.cache.stats()
    }

    /// Number of distinct (field, literal) keys indexed.
    pub(crate) fn literal_count(&self) -> usize {
        match self {
            Index::Global(p) => p.literal_count(),
            Index::Routed(r) => r
                .keys
                .iter()
                .flat_map(RuleKeys::keys)
                .collect::<HashSet<_>>()
                .len(),
        }
    }

    /// With routing: how many prefilters were built on first use so far, of how
    /// many, and the time that took.
    pub(crate) fn lazy_builds(&self) -> Option<(usize, usize, std::time::Duration)> {
        match self {
            Index::Global(_) => None,
            Index::Routed(r) => Some((
                r.built.iter().filter(|b| b.get().is_some()).count(),
                r.built.len(),
                std::time::Duration::from_nanos(r.build_nanos.load(Ordering::Relaxed)),
            )),
        }
    }
}

impl Router {
    /// The list whose prefilter serves an event's channel and EventID: [`NOT_WINDOWS`]
    /// without a channel, the (channel, EventID) bucket, else the channel-wide one,
    /// else [`ANY`].
    fn list_for(&self, ch: Option<&str>, event_id: Option<i64>, memo: &mut RouteMemo) -> usize {
        let Some(ch) = ch else {
            return NOT_WINDOWS;
        };
        if memo.set && memo.event_id == event_id && memo.channel == ch {
            return memo.list;
        }
        let list = self.list_uncached(ch, event_id, &mut memo.lower);
        memo.set = true;
        memo.channel.clear();
        memo.channel.push_str(ch);
        memo.event_id = event_id;
        memo.list = list;
        list
    }

    /// [`Router::list_for`] without the memo.
    fn list_uncached(&self, ch: &str, event_id: Option<i64>, lower: &mut String) -> usize {
        lower.clear();
        lower.extend(ch.chars().map(|c| c.to_ascii_lowercase()));
        let Some(cb) = self.channels.get(lower.as_str()) else {
            return ANY;
        };
        event_id
            .and_then(|id| cb.by_event_id.get(&id))
            .or(cb.star.as_ref())
            .copied()
            .unwrap_or(ANY)
    }

    /// The prefilter of list `i`, built now if no event needed it before.
    fn prefilter(&self, i: usize) -> &Prefilter {
        self.built[i].get_or_init(|| {
            let start = std::time::Instant::now();
            let pairs: Vec<(u32, &RuleKeys)> = self.lists[i]
                .iter()
                .map(|&r| (r, &self.keys[r as usize]))
                .collect();
            let mut p = Prefilter::build(&pairs, self.keys.len(), Automata::Shared(&self.automata));
            p.set_slot_base(self.next_slot.fetch_add(p.slot_count(), Ordering::Relaxed));
            let took = u64::try_from(start.elapsed().as_nanos()).unwrap_or(u64::MAX);
            self.build_nanos.fetch_add(took, Ordering::Relaxed);
            p
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::event::raw::RawEvent;
    use crate::ruleset::{RuleSetBuilder, Scratch};

    fn set(yaml: &str) -> crate::CompiledRuleSet {
        let mut b = RuleSetBuilder::new().routing(true);
        b.add_yaml("t", yaml);
        let (set, rejected) = b.build();
        assert!(rejected.is_empty(), "{rejected:?}");
        set
    }

    /// Routes with the same rules share one prefilter: Sysmon's three WMI EventIDs
    /// are built once, and still route their events alike.
    #[test]
    fn routes_with_the_same_rules_share_one_prefilter() -> Result<(), String> {
        let wmi = set(
            "title: a\nid: a\nlogsource: {product: windows, category: wmi_event}\ndetection:\n  s:\n    Destination|contains: 'evil.vbs'\n  condition: s\n",
        );
        let (built, total, _) = wmi.lazy_builds().ok_or("routing is on")?;
        assert_eq!(built, 0);
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        for id in [19, 20, 21] {
            let line = format!(
                r#"{{"Channel":"Microsoft-Windows-Sysmon/Operational","EventID":{id},"Destination":"x evil.vbs"}}"#
            );
            wmi.matches_raw(&RawEvent::parse(&line)?, &mut scratch, &mut out)
                .map_err(|e| e.to_string())?;
            assert_eq!(out, [0], "{line}");
        }
        let (built, shared_total, _) = wmi.lazy_builds().ok_or("routing is on")?;
        assert_eq!(built, 1, "one prefilter for the three EventIDs");
        // The two fixed lists (no usable log source; not Windows) and one bucket.
        assert_eq!((total, shared_total), (3, 3));
        Ok(())
    }

    /// The route memo answers repeated keys, never a different channel, EventID or
    /// rule set: one scratch serves two sets here.
    #[test]
    fn consecutive_events_reuse_their_route_only_when_it_applies() -> Result<(), String> {
        let logon = "title: a\nid: a\nlogsource: {product: windows, service: security}\ndetection:\n  s:\n    EventID: 4625\n  condition: s\n";
        let service = "title: b\nid: b\nlogsource: {product: windows, service: system}\ndetection:\n  s:\n    EventID: 7045\n  condition: s\n";
        let both = set(&format!("{logon}---\n{service}"));
        let only_service = set(service);
        let mut scratch = Scratch::default();
        let mut out = Vec::new();
        let mut ids = |set: &crate::CompiledRuleSet, line: &str| -> Result<Vec<String>, String> {
            set.matches_raw(&RawEvent::parse(line)?, &mut scratch, &mut out)
                .map_err(|e| e.to_string())?;
            Ok(out.iter().map(|&r| set.rule(r).meta.id.clone()).collect())
        };
        let security = r#"{"Channel":"Security","EventID":4625}"#;
        assert_eq!(ids(&both, security)?, ["a"]);
        assert_eq!(ids(&both, security)?, ["a"]);
        assert_eq!(
            ids(&both, r#"{"Channel":"SECURITY","EventID":4625}"#)?,
            ["a"]
        );
        assert!(ids(&both, r#"{"Channel":"System","EventID":4625}"#)?.is_empty());
        assert!(ids(&both, r#"{"Channel":"Security","EventID":7045}"#)?.is_empty());
        assert_eq!(ids(&both, r#"{"Channel":"System","EventID":7045}"#)?, ["b"]);
        // The same key under another set: that set's own route.
        assert_eq!(
            ids(&only_service, r#"{"Channel":"System","EventID":7045}"#)?,
            ["b"]
        );
        assert!(ids(&only_service, security)?.is_empty());
        Ok(())
    }
}
