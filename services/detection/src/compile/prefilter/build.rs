//! Building a prefilter: each rule's needs spread over per-field automata, exact maps
//! and integer maps, and the keyword automata.

use super::{FieldIndex, Prefilter};
use crate::compile::Node;
use crate::compile::needs::{IndexKey, Need, on_long_fields, required_sets};
use crate::compile::scancache::ScanCache;
use crate::compile::scanner::{CaselessGate, Scanner, ScannerCache, build_ac};
use std::collections::{HashMap, HashSet};

/// The maps of a build: keyed by rule literals only, and hashed in bulk when a
/// bucket is built mid-stream, so a fast hash rather than SipHash.
type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

#[derive(Default)]
struct FieldBuild {
    lits: Vec<String>,
    /// Global key id of each literal.
    ids: Vec<u32>,
    present: Option<u32>,
    exact: FastMap<String, u32>,
    ints: FastMap<i64, u32>,
}

/// The builder of a field's index, created (and its order recorded) on first use.
fn field_build<'a>(
    per_field: &'a mut FastMap<String, FieldBuild>,
    order: &mut Vec<String>,
    f: String,
) -> &'a mut FieldBuild {
    if !per_field.contains_key(&f) {
        order.push(f.clone());
    }
    per_field.entry(f).or_default()
}

/// How a prefilter's automata are built.
#[derive(Clone, Copy)]
pub(crate) enum Automata<'a> {
    /// Spread over the cores (an eager build of the whole set).
    Parallel,
    /// In place, reusing those of identical literal lists (a routing bucket built on
    /// first use, in the middle of a stream).
    Shared(&'a ScannerCache),
}

/// What the prefilter indexes one rule by: for each of its need sets (one or two, see
/// [`required_sets`]), the index keys any one of which satisfies it; `None` when the
/// rule cannot be indexed and is always evaluated. Derived once per rule and shared by
/// every prefilter (routing bucket) the rule belongs to.
#[derive(Debug, Clone)]
pub(crate) struct RuleKeys {
    sets: Option<Vec<Vec<IndexKey>>>,
    /// The second set is on long free text: indexed only in a prefilter that scans
    /// its fields for other rules anyway (see [`on_long_fields`]).
    second_on_long: bool,
}

impl RuleKeys {
    /// The keys of a rule's compiled node.
    pub(crate) fn of(node: &Node) -> RuleKeys {
        let sets = required_sets(node);
        let second_on_long = sets
            .as_ref()
            .and_then(|s| s.get(1))
            .is_some_and(|s| on_long_fields(s));
        RuleKeys {
            sets: sets.map(|sets| {
                sets.iter()
                    .map(|needs| needs.iter().flat_map(Need::keys).collect())
                    .collect()
            }),
            second_on_long,
        }
    }

    /// Whether the rule is evaluated on every event its route admits.
    pub(crate) fn unindexed(&self) -> bool {
        self.sets.is_none()
    }

    /// The rule's distinct index keys.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &IndexKey> {
        self.sets.iter().flatten().flatten()
    }

    /// The sets a prefilter indexes the rule by: a second set on long text only when
    /// `scanned` says its keys are scanned for anyway.
    fn sets_given(&self, scanned: &Scanned<'_>) -> Option<&[Vec<IndexKey>]> {
        let sets = self.sets.as_deref()?;
        match sets {
            [first, second] if self.second_on_long && !second.iter().all(|k| scanned.has(k)) => {
                Some(std::slice::from_ref(first))
            }
            _ => Some(sets),
        }
    }

    /// The sets every prefilter indexes the rule by.
    fn firm_sets(&self) -> &[Vec<IndexKey>] {
        let sets = self.sets.as_deref().unwrap_or_default();
        if self.second_on_long {
            &sets[..1]
        } else {
            sets
        }
    }
}

/// What a prefilter scans for whatever its long second sets: the literals of each
/// field's automaton.
#[derive(Default)]
struct Scanned<'a> {
    literals: FastMap<&'a str, HashSet<&'a str>>,
}

impl<'a> Scanned<'a> {
    fn of(rules: &[(u32, &'a RuleKeys)]) -> Self {
        let mut s = Scanned::default();
        for key in rules.iter().flat_map(|(_, rk)| rk.firm_sets()).flatten() {
            if let IndexKey::Text(f, lit) = key {
                s.literals.entry(f).or_default().insert(lit);
            }
        }
        s
    }

    /// Whether indexing `key` costs no more scanning: its field's automaton runs
    /// anyway and is already past the size of a SIMD-gated one (a few more literals
    /// do not slow an automaton walk, but would push a gated set past its gate), or
    /// it is a lookup. The keyword automaton is gated: never extended.
    fn has(&self, key: &IndexKey) -> bool {
        match key {
            IndexKey::Text(f, _) => self
                .literals
                .get(f.as_str())
                .is_some_and(|lits| Scanner::walks_every_byte(lits.len())),
            IndexKey::Anywhere(_) => false,
            IndexKey::Exact(..) | IndexKey::Int(..) | IndexKey::Present(_) => true,
        }
    }
}

impl Prefilter {
    /// Builds the index over some rules of a set.
    /// `rules` pairs each rule's index in the whole set with its keys; `n_rules` is
    /// the size of the whole set (the candidate bitmap covers it).
    pub(crate) fn build(
        rules: &[(u32, &RuleKeys)],
        n_rules: usize,
        automata: Automata<'_>,
    ) -> Prefilter {
        // Needs are split into per-field keys, so that a literal shared by rules whose
        // field lists differ (a rule field with or without a mapped alternative) is
        // one pattern of each field's automaton, carrying all those rules.
        let mut key_ids: FastMap<&IndexKey, u32> = FastMap::default();
        let mut keys: Vec<IndexKey> = Vec::new();
        let mut pat_rules: Vec<Vec<u32>> = Vec::new();
        let mut two_sets = vec![0u64; n_rules.div_ceil(64)];
        let mut always = Vec::new();
        let scanned = Scanned::of(rules);
        for &(rule, rk) in rules {
            let Some(sets) = rk.sets_given(&scanned) else {
                always.push(rule);
                continue;
            };
            if sets.len() == 2 {
                two_sets[(rule / 64) as usize] |= 1 << (rule % 64);
            }
            for (set, set_keys) in sets.iter().enumerate() {
                let entry = rule << 1 | set as u32;
                for key in set_keys {
                    let id = *key_ids.entry(key).or_insert_with(|| {
                        keys.push(key.clone());
                        pat_rules.push(Vec::new());
                        (pat_rules.len() - 1) as u32
                    });
                    let rules = &mut pat_rules[id as usize];
                    if !rules.contains(&entry) {
                        rules.push(entry);
                    }
                }
            }
        }
        // Spread the keys over per-field automata / integer maps (in first-seen order,
        // so builds are deterministic).
        let mut per_field: FastMap<String, FieldBuild> = FastMap::default();
        let mut field_order: Vec<String> = Vec::new();
        let mut anywhere_lits = Vec::new();
        let mut anywhere_global = Vec::new();
        for (id, key) in keys.into_iter().enumerate() {
            let id = id as u32;
            match key {
                IndexKey::Text(f, lit) => {
                    let fb = field_build(&mut per_field, &mut field_order, f);
                    fb.lits.push(lit);
                    fb.ids.push(id);
                }
                IndexKey::Exact(f, lit) => {
                    field_build(&mut per_field, &mut field_order, f)
                        .exact
                        .insert(lit, id);
                }
                IndexKey::Int(f, v) => {
                    field_build(&mut per_field, &mut field_order, f)
                        .ints
                        .insert(v, id);
                }
                IndexKey::Anywhere(lit) => {
                    anywhere_lits.push(lit);
                    anywhere_global.push(id);
                }
                IndexKey::Present(f) => {
                    field_build(&mut per_field, &mut field_order, f).present = Some(id);
                }
            }
        }
        let builds: Vec<(String, FieldBuild)> = field_order
            .into_iter()
            .filter_map(|name| per_field.remove(&name).map(|fb| (name, fb)))
            .collect();
        // Automaton construction dominates compile time; fields build independently.
        let build = |lits: &[String]| match automata {
            Automata::Parallel => build_ac(lits),
            Automata::Shared(cache) => cache.get(lits),
        };
        let scanners: Vec<Option<Scanner>> = match automata {
            Automata::Parallel => crate::parallel::par_map(&builds, |(_, fb)| build_ac(&fb.lits)),
            Automata::Shared(_) => builds.iter().map(|(_, fb)| build(&fb.lits)).collect(),
        };
        let mut fields = super::FieldTable::default();
        let mut nested = HashSet::default();
        for (slot, ((name, fb), ac)) in builds.into_iter().zip(scanners).enumerate() {
            let by_line = Scanner::walks_every_byte(fb.lits.len())
                && !fb.lits.iter().any(|l| l.contains('\n'))
                && fb.exact.keys().all(|k| !ScanCache::too_long(k.len()));
            let index = FieldIndex {
                present: fb.present,
                ac,
                slot: slot as u32,
                by_line,
                pat_global: fb.ids,
                ints: fb.ints.into_iter().collect(),
                exact: fb
                    .exact
                    .into_iter()
                    .map(|(k, v)| (k.into_bytes().into_boxed_slice(), v))
                    .collect(),
            };
            for (i, _) in name.match_indices('.') {
                nested.insert(name[..i].to_string());
            }
            fields.insert(name, index);
        }
        let anywhere = build(&anywhere_lits);
        let escaped: Vec<String> = anywhere_lits.iter().map(|l| json_escaped(l)).collect();
        let anywhere_escaped = build(&escaped);
        let anywhere_gate = CaselessGate::build(&escaped);
        // Text needs whose automaton failed to build cannot be indexed safely.
        if fields
            .values()
            .any(|f| f.ac.is_none() && !f.pat_global.is_empty())
            || (!anywhere_lits.is_empty() && (anywhere.is_none() || anywhere_escaped.is_none()))
        {
            always = rules.iter().map(|&(r, _)| r).collect();
        }
        Prefilter {
            fields,
            nested,
            anywhere,
            anywhere_escaped,
            anywhere_gate,
            anywhere_global,
            pat_rules,
            two_sets,
            always,
            n_rules,
            slot_base: 0,
        }
    }
}

/// A literal as it reads inside a JSON string (`"` and `\` and control characters
/// escaped, the rest as is).
fn json_escaped(lit: &str) -> String {
    let quoted = serde_json::to_string(lit).unwrap_or_default();
    quoted
        .strip_prefix('"')
        .and_then(|q| q.strip_suffix('"'))
        .unwrap_or_default()
        .to_string()
}
