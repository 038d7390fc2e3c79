//! The correlation engine: per-(correlation, group) sliding windows over event time,
//! bounded in memory, serialisable so a caller can persist and restore it.
//!
//! Events may arrive out of time order (shippers batch, buffer and retry). A group
//! keeps its entries for `timespan + max_lateness` behind its newest event, so a
//! late event still meets the events it shares a window with: an in-order event is
//! judged on the window ending at it, a late one on every window of `timespan`
//! that contains it. An event later than that is counted (`late_events`), never
//! silently lost.

use super::{CorrelationDef, SourceRef};
use crate::event::{FieldPath, timestamp_ms};
use crate::parse::{CmpOp, CorrelationKind};
use crate::ruleset::{CompiledRuleSet, RuleIdx};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap, VecDeque};

/// Memory bounds of the engine.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Limits {
    /// Entries kept per group window (oldest dropped first).
    pub max_entries_per_group: usize,
    /// Groups kept per correlation (stalest dropped first).
    pub max_groups: usize,
    /// Event references kept per entry and per emitted match.
    pub max_event_refs: usize,
    /// How far behind a group's newest event an event may arrive and still count.
    #[serde(default = "default_lateness")]
    pub max_lateness_ms: i64,
}

fn default_lateness() -> i64 {
    10 * 60 * 1000
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries_per_group: 10_000,
            max_groups: 100_000,
            max_event_refs: 1_000,
            max_lateness_ms: default_lateness(),
        }
    }
}

/// One contribution to a window.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Entry {
    t: i64,
    /// Position of the contributing source in the correlation's `rules`.
    src: usize,
    events: Vec<u64>,
    value: Option<Value>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Group {
    values: Map<String, Value>,
    entries: VecDeque<Entry>,
    last: i64,
}

/// The engine's whole state: persist it with serde and restore with
/// [`CorrelationEngine::with_state`].
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct EngineState {
    /// Per correlation (by index), per group key.
    groups: Vec<HashMap<String, Group>>,
    /// Last event time seen, used for events without a timestamp.
    last_time: i64,
    /// Contributions that arrived later than `max_lateness` allows.
    #[serde(default)]
    late_events: u64,
}

/// A correlation that fired.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrelationMatch {
    /// Index of the correlation in the rule set.
    pub correlation: usize,
    /// The correlation's id.
    pub id: String,
    /// Caller references of the events in the window (for example line numbers).
    pub events: Vec<u64>,
    /// The group-by values.
    pub group: Map<String, Value>,
    /// Event time (ms) of the event that completed the correlation.
    pub time: i64,
    /// False when the match only feeds another correlation.
    pub emit: bool,
}

/// Evaluates a rule set's correlations event by event.
#[derive(Debug)]
pub struct CorrelationEngine {
    time_field: FieldPath,
    limits: Limits,
    state: EngineState,
}

impl CorrelationEngine {
    /// A fresh engine reading event time from `time_field` (usually `@timestamp`).
    pub fn new(time_field: &str, limits: Limits) -> Self {
        Self::with_state(time_field, limits, EngineState::default())
    }

    /// An engine continuing from persisted state.
    pub fn with_state(time_field: &str, limits: Limits, state: EngineState) -> Self {
        CorrelationEngine {
            time_field: FieldPath::new(time_field, &[]),
            limits,
            state,
        }
    }

    /// The current state, for persistence.
    pub fn state(&self) -> &EngineState {
        &self.state
    }

    /// Contributions refused since the state began because they arrived more than
    /// `timespan + max_lateness` behind their group's newest event.
    pub fn late_events(&self) -> u64 {
        self.state.late_events
    }

    /// Feeds one event and the rules it matched; appends fired correlations to `out`.
    pub fn process(
        &mut self,
        set: &CompiledRuleSet,
        ev: &Value,
        event_ref: u64,
        matched: &[RuleIdx],
        out: &mut Vec<CorrelationMatch>,
    ) {
        if set.correlations.is_empty() {
            return;
        }
        if self.state.groups.len() != set.correlations.len() {
            self.state
                .groups
                .resize_with(set.correlations.len(), HashMap::new);
        }
        let t = self
            .time_field
            .lookup(ev)
            .and_then(timestamp_ms)
            .unwrap_or(self.state.last_time);
        self.state.last_time = self.state.last_time.max(t);
        // Work list of (source, event view, event refs); chained results re-enter it.
        let mut work: Vec<(SourceRef, Value, Vec<u64>)> = Vec::new();
        for &r in matched {
            if !set.rule_to_corr[r as usize].is_empty() {
                work.push((SourceRef::Rule(r), ev.clone(), vec![event_ref]));
            }
        }
        let mut depth = 0;
        while !work.is_empty() && depth <= set.correlations.len() {
            depth += 1;
            let mut next = Vec::new();
            for (src, view, refs) in work {
                for (ci, def) in set.correlations.iter().enumerate() {
                    for (pos, _) in def.sources.iter().enumerate().filter(|(_, s)| **s == src) {
                        if let Some(m) = self.feed(ci, def, pos, &view, &refs, t) {
                            next.push((
                                SourceRef::Correlation(ci),
                                Value::Object(m.group.clone()),
                                m.events.clone(),
                            ));
                            out.push(m);
                        }
                    }
                }
            }
            work = next;
        }
    }

    fn feed(
        &mut self,
        ci: usize,
        def: &CorrelationDef,
        pos: usize,
        view: &Value,
        refs: &[u64],
        t: i64,
    ) -> Option<CorrelationMatch> {
        let mut values = Map::new();
        for g in &def.group_by {
            let f = def.group_field(g, pos);
            let v = FieldPath::new(f, &[])
                .lookup(view)
                .cloned()
                .unwrap_or(Value::Null);
            values.insert(g.clone(), v);
        }
        let key = serde_json::to_string(&values).unwrap_or_default();
        let value = def
            .field
            .as_ref()
            .and_then(|f| FieldPath::new(f, &[]).lookup(view).cloned());
        let keep = def
            .timespan_ms
            .saturating_add(self.limits.max_lateness_ms.max(0));
        let groups = &mut self.state.groups[ci];
        let fresh = !groups.contains_key(&key);
        if fresh && groups.len() >= self.limits.max_groups {
            evict_stalest(groups, t.saturating_sub(keep));
        }
        let group = groups.entry(key.clone()).or_default();
        // The group's newest event ever, not its newest remaining entry: a firing
        // clears entries, and a very late event must not look on time after one.
        let newest = if fresh { t } else { group.last.max(t) };
        let horizon = newest.saturating_sub(keep);
        if t < horizon {
            self.state.late_events += 1;
            return None;
        }
        group.values = values;
        group.last = group.last.max(t);
        let mut events = refs.to_vec();
        events.truncate(self.limits.max_event_refs);
        group.entries.push_back(Entry {
            t,
            src: pos,
            events,
            value: value.clone(),
        });
        group.entries.retain(|e| e.t >= horizon);
        while group.entries.len() > self.limits.max_entries_per_group {
            group.entries.pop_front();
        }
        let window = firing_window(def, &group.entries, t, newest, value.as_ref())?;
        let mut ev_refs: Vec<u64> = window
            .iter()
            .flat_map(|&i| group.entries[i].events.iter().copied())
            .collect();
        ev_refs.sort_unstable();
        ev_refs.dedup();
        ev_refs.truncate(self.limits.max_event_refs);
        let m = CorrelationMatch {
            correlation: ci,
            id: def.meta.id.clone(),
            events: ev_refs,
            group: group.values.clone(),
            time: t,
            emit: def.emit,
        };
        // A fired window starts over, so one burst raises one match.
        let mut i = 0;
        group.entries.retain(|_| {
            i += 1;
            window.binary_search(&(i - 1)).is_err()
        });
        Some(m)
    }
}

fn evict_stalest(groups: &mut HashMap<String, Group>, horizon: i64) {
    groups.retain(|_, g| g.last >= horizon);
    if let Some(k) = groups
        .iter()
        .min_by_key(|(_, g)| g.last)
        .map(|(k, _)| k.clone())
    {
        groups.remove(&k);
    }
}

fn holds(cond: &[(CmpOp, f64)], x: f64) -> bool {
    cond.iter().all(|(op, n)| op.holds(x, *n))
}

fn num(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Most windows tried for one late event: bounds the work a sender can cause by
/// sending its events backwards in time (each try is linear in the window).
const MAX_LATE_WINDOWS: usize = 64;

/// The entries (indices, ascending) of a window of `timespan` containing the
/// event at `t` that satisfies the correlation, if any. An event at or after the
/// newest is judged on the window ending at it (every other window holding it is a
/// subset); a late one on the windows starting at an entry time at or before it,
/// found with one sort and two pointers, the latest starts first and at most
/// [`MAX_LATE_WINDOWS`] of them.
fn firing_window(
    def: &CorrelationDef,
    entries: &VecDeque<Entry>,
    t: i64,
    newest: i64,
    current: Option<&Value>,
) -> Option<Vec<usize>> {
    let span = def.timespan_ms;
    let judge = |mut idx: Vec<usize>| -> Option<Vec<usize>> {
        idx.sort_unstable();
        let view: Vec<&Entry> = idx.iter().map(|&i| &entries[i]).collect();
        fires(def, &view, current).then_some(idx)
    };
    if t >= newest {
        let lo = t.saturating_sub(span);
        return judge(
            (0..entries.len())
                .filter(|&i| (lo..=t).contains(&entries[i].t))
                .collect(),
        );
    }
    // Entries that can share a window with `t`, in time order.
    let (lo, hi) = (t.saturating_sub(span), t.saturating_add(span));
    let mut near: Vec<usize> = (0..entries.len())
        .filter(|&i| (lo..=hi).contains(&entries[i].t))
        .collect();
    near.sort_by_key(|&i| entries[i].t);
    let times: Vec<i64> = near.iter().map(|&i| entries[i].t).collect();
    // Window starts: each distinct entry time at or before `t`, latest first.
    let last_start = times.partition_point(|&x| x <= t);
    let mut tried = 0;
    let mut i = last_start;
    while i > 0 && tried < MAX_LATE_WINDOWS {
        i -= 1;
        // A window starts at the first of the entries sharing its start time.
        if i > 0 && times[i - 1] == times[i] {
            continue;
        }
        let start = times[i];
        let end = times.partition_point(|&x| x <= start.saturating_add(span));
        tried += 1;
        if let Some(found) = judge(near[i..end].to_vec()) {
            return Some(found);
        }
    }
    None
}

/// Decides whether the window satisfies the correlation.
fn fires(def: &CorrelationDef, entries: &[&Entry], current: Option<&Value>) -> bool {
    let n_sources = def.sources.len();
    match def.kind {
        CorrelationKind::EventCount => holds(&def.condition, entries.len() as f64),
        CorrelationKind::ValueCount => {
            let mut distinct: Vec<String> = entries
                .iter()
                .filter_map(|e| e.value.as_ref())
                .filter(|v| !v.is_null())
                .map(|v| v.to_string())
                .collect();
            distinct.sort_unstable();
            distinct.dedup();
            holds(&def.condition, distinct.len() as f64)
        }
        CorrelationKind::Temporal => {
            let mut seen = vec![false; n_sources];
            for e in entries {
                seen[e.src] = true;
            }
            let count = seen.iter().filter(|s| **s).count() as f64;
            if def.condition.is_empty() {
                count >= n_sources as f64
            } else {
                holds(&def.condition, count)
            }
        }
        CorrelationKind::TemporalOrdered => {
            // Longest prefix of the rule order found as a subsequence in time order.
            let mut sorted: Vec<&Entry> = entries.to_vec();
            sorted.sort_by_key(|e| e.t);
            let mut next = 0;
            for e in sorted {
                if next < n_sources && e.src == next {
                    next += 1;
                }
            }
            let count = next as f64;
            if def.condition.is_empty() {
                count >= n_sources as f64
            } else {
                holds(&def.condition, count)
            }
        }
        CorrelationKind::ValueSum | CorrelationKind::ValueAvg => {
            let nums: Vec<f64> = entries
                .iter()
                .filter_map(|e| e.value.as_ref().and_then(num))
                .collect();
            if nums.is_empty() {
                return false;
            }
            let sum: f64 = nums.iter().sum();
            let x = if def.kind == CorrelationKind::ValueSum {
                sum
            } else {
                sum / nums.len() as f64
            };
            holds(&def.condition, x)
        }
        CorrelationKind::ValuePercentile => {
            // Percentile rank (0..100) of the current value within the window: numeric
            // values rank by magnitude, text values by how common they are (share of
            // the window holding the same value), so "rare process name" rules work.
            let Some(cur) = current else { return false };
            let total = entries.iter().filter(|e| e.value.is_some()).count();
            if total == 0 {
                return false;
            }
            let rank = match num(cur) {
                Some(c) => entries
                    .iter()
                    .filter_map(|e| e.value.as_ref().and_then(num))
                    .filter(|v| *v <= c)
                    .count(),
                None => entries
                    .iter()
                    .filter(|e| e.value.as_ref() == Some(cur))
                    .count(),
            };
            holds(&def.condition, 100.0 * rank as f64 / total as f64)
        }
    }
}

impl CorrelationMatch {
    /// The group as an ordered map (stable output).
    pub fn group_sorted(&self) -> BTreeMap<&str, &Value> {
        self.group.iter().map(|(k, v)| (k.as_str(), v)).collect()
    }
}
