//! Literal prefilter: each rule is indexed by "needs" (a field value containing a
//! literal, a field equal to an integer, or a keyword literal anywhere), at least one
//! of which holds for every event the rule matches. Per event, one Aho-Corasick pass
//! over each indexed field's value (plus an integer lookup) yields the few rules worth
//! evaluating; rules without such needs (pure negations) are always evaluated. The
//! needs themselves are derived in [`super::needs`].
//!
//! The index reads either a parsed event or a lazily read line ([`RawEvent`]), and
//! remembers scans of repeated values (`compile/scancache.rs`); `state.rs` walks an
//! event through one index.

mod state;

pub(crate) use state::PrefilterScratch;

use super::Node;
use super::needs::{IndexKey, Need, required_sets};
use super::scanner::{Scanner, ScannerCache, build_ac, lowercase_into};
use crate::event::any_string;
use crate::event::raw::RawEvent;
use serde_json::Value;
use state::State;
use std::collections::{HashMap, HashSet};

/// Index of one event field.
#[derive(Debug, Default)]
struct FieldIndex {
    /// The key id of "this field is present", if any rule needs only that.
    present: Option<u32>,
    ac: Option<Scanner>,
    /// This field's automaton's slot in the scan memo (relative to the index's base).
    slot: u32,
    /// Global pattern id of each local pattern.
    pat_global: Vec<u32>,
    /// Whole lowercase values -> their need (exact-match needs).
    exact: HashMap<Box<[u8]>, u32, foldhash::fast::RandomState>,
    /// Integer needs. Looked up per numeric field of every event: a fast hash (the
    /// keys come from rules, never from events).
    ints: HashMap<i64, u32, foldhash::fast::RandomState>,
}

impl FieldIndex {
    /// Whether string values are scanned or looked up at all.
    fn reads_text(&self) -> bool {
        self.ac.is_some() || !self.exact.is_empty()
    }
}

/// What one fresh scan runs: a field's automaton and exact map, or the keyword
/// automaton.
enum Target<'a> {
    Field(&'a FieldIndex),
    Anywhere(&'a Scanner),
}

/// The index over all rules of a set.
#[derive(Debug, Default)]
pub struct Prefilter {
    /// Looked up for every member of every event: foldhash, which hashes a short
    /// name in a few word operations (the map holds only rule field names).
    fields: HashMap<String, FieldIndex, foldhash::fast::RandomState>,
    /// Dotted prefixes of indexed field names: the nested objects worth descending into.
    nested: HashSet<String, foldhash::fast::RandomState>,
    anywhere: Option<Scanner>,
    /// The keyword literals as they read inside JSON text, to scan a whole line at once.
    anywhere_escaped: Option<Scanner>,
    anywhere_global: Vec<u32>,
    /// Per need id, the rules it serves, each as `rule << 1 | set` (which of the
    /// rule's need sets it belongs to).
    pat_rules: Vec<Vec<u32>>,
    /// Rules with two need sets (bitmap): candidates only once both hold.
    two_sets: Vec<u64>,
    /// Rules that must always be evaluated.
    pub always: Vec<u32>,
    n_rules: usize,
    /// First scan-memo slot of this index (see [`Prefilter::set_slot_base`]).
    slot_base: usize,
}

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
pub(crate) struct RuleKeys(Option<Vec<Vec<IndexKey>>>);

impl RuleKeys {
    /// The keys of a rule's compiled node.
    pub(crate) fn of(node: &Node) -> RuleKeys {
        RuleKeys(required_sets(node).map(|sets| {
            sets.iter()
                .map(|needs| needs.iter().flat_map(Need::keys).collect())
                .collect()
        }))
    }

    /// Whether the rule is evaluated on every event its route admits.
    pub(crate) fn unindexed(&self) -> bool {
        self.0.is_none()
    }

    /// The rule's distinct index keys.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &IndexKey> {
        self.0.iter().flatten().flatten()
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
        for &(rule, rk) in rules {
            let Some(sets) = &rk.0 else {
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
        let mut fields = HashMap::default();
        let mut nested = HashSet::default();
        for (slot, ((name, fb), ac)) in builds.into_iter().zip(scanners).enumerate() {
            let index = FieldIndex {
                present: fb.present,
                ac,
                slot: slot as u32,
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
            anywhere_global,
            pat_rules,
            two_sets,
            always,
            n_rules,
            slot_base: 0,
        }
    }

    /// Number of scan-memo slots this index uses: per automaton, one for decoded
    /// values and one for raw JSON text.
    pub(crate) fn slot_count(&self) -> usize {
        2 * (self.fields.len() + 1)
    }

    /// Places this index's memo slots after those of the indexes before it, so that
    /// several indexes can share one scan memo.
    pub(crate) fn set_slot_base(&mut self, base: usize) {
        self.slot_base = base;
    }

    /// Number of distinct needs indexed.
    pub fn literal_count(&self) -> usize {
        self.pat_rules.len()
    }

    /// Appends the candidate rules for an event to `out` (deduplicated within this
    /// index, unsorted), using the reusable buffers in `s`.
    pub(crate) fn candidates(&self, ev: &Value, s: &mut PrefilterScratch, out: &mut Vec<u32>) {
        let mut st = State::new(self, s, out);
        if let Some(obj) = ev.as_object() {
            let mut path = std::mem::take(&mut st.s.path);
            path.clear();
            st.scan_object(obj, &mut path);
            st.s.path = path;
        }
        if self.anywhere.is_some() {
            any_string(ev, &mut |text| {
                st.scan_anywhere(text, None);
                false
            });
        }
    }

    /// [`Prefilter::candidates`] for a lazily read line: only the fields this index
    /// knows are decoded.
    pub(crate) fn candidates_raw(
        &self,
        ev: &RawEvent<'_>,
        s: &mut PrefilterScratch,
        out: &mut Vec<u32>,
    ) {
        let mut st = State::new(self, s, out);
        let mut path = std::mem::take(&mut st.s.path);
        path.clear();
        st.scan_raw_object(ev.fields(), &mut path);
        st.s.path = path;
        if self.anywhere.is_none() {
            return;
        }
        // Keyword literals: one pass over the whole line with their escaped forms,
        // instead of one per string. Outside strings the line holds only keys,
        // numbers and punctuation, so a hit there is at worst one rule too many.
        // Only `\u` escapes (`\u00e9`) and `\/` can spell a character two ways; lines
        // using them are scanned string by string.
        match &self.anywhere_escaped {
            Some(ac) if ev.single_spelling() => {
                let mut lower = std::mem::take(&mut st.s.lower);
                lowercase_into(ev.line(), &mut lower);
                ac.each_match(&lower, &mut |p| {
                    st.mark_need(self.anywhere_global[p]);
                });
                st.s.lower = lower;
            }
            _ => {
                for (_, v) in ev.fields() {
                    st.anywhere_raw(v);
                }
            }
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

#[cfg(test)]
mod tests {
    use crate::CompiledRuleSet;
    use crate::event::raw::RawEvent;
    use crate::ruleset::{RuleSetBuilder, Scratch};
    use serde_json::json;

    /// Two rules need the same literal under different field lists (one has a mapped
    /// alternative name); both must still be found whatever the build order.
    #[test]
    fn a_literal_shared_across_field_lists_keeps_all_its_rules() {
        let yaml = "title: a\nid: a\nlogsource: {product: windows, category: process_creation}\ndetection:\n  s:\n    Image|endswith: '\\x.exe'\n  condition: s\n---\ntitle: b\nid: b\nlogsource: {product: windows, category: image_load}\ndetection:\n  s:\n    Image|endswith: '\\x.exe'\n  condition: s\n";
        for _ in 0..20 {
            let mut b = RuleSetBuilder::new();
            b.add_yaml("t", yaml);
            let (set, _) = b.build();
            let mut out = Vec::new();
            set.matches(
                &json!({"Image": "C:\\x.exe"}),
                &mut Scratch::default(),
                &mut out,
            );
            assert_eq!(out, vec![0, 1]);
        }
    }

    /// The lazy line reader and the parsed event find the same matches: nested
    /// objects under dotted names, escaped text, arrays, numbers as text, keywords in
    /// nested strings, and repeated values answered from the scan memo.
    #[test]
    fn lazily_read_lines_match_like_parsed_events() -> Result<(), String> {
        let yaml = "title: a\nid: a\ndetection:\n  s:\n    process.executable|endswith: '\\evil-tool.exe'\n  condition: s\n---\ntitle: b\nid: b\ndetection:\n  s:\n    EventID: 4688\n    CommandLine|contains: 'quoted \"arg\" here'\n  condition: s\n---\ntitle: c\nid: c\ndetection:\n  keywords:\n    - 'sekurlsa::logonpasswords'\n  condition: keywords\n---\ntitle: d\nid: d\ndetection:\n  s:\n    Tags|contains: 'lateral-movement'\n  condition: s\n";
        let mut b = RuleSetBuilder::new();
        b.add_yaml("t", yaml);
        let (set, rejected) = b.build();
        assert!(rejected.is_empty(), "{rejected:?}");
        let lines = [
            r#"{"process":{"executable":"C:\\Temp\\Evil-Tool.exe"}}"#,
            r#"{"process.executable":"C:\\Temp\\evil-tool.exe"}"#,
            r#"{"process":{"executable":"C:\\Temp\\benign.exe"}}"#,
            r#"{"EventID":"4688","CommandLine":"run.exe quoted \"arg\" here and more"}"#,
            r#"{"EventID":4688,"CommandLine":"run.exe quoted arg here"}"#,
            r#"{"a":{"b":["x","mimikatz # sekurlsa::logonpasswords"]}}"#,
            r#"{"Tags":["initial","lateral-movement-by-wmi-and-more-words"]}"#,
            r#"{"Tags":"no such tag in this rather long value"}"#,
            // A keyword spelled with a \u escape: found string by string.
            r#"{"msg":"mimikatz sekurlsa\u003a:logonpasswords"}"#,
        ];
        let mut parsed = Scratch::default();
        let mut lazy = Scratch::default();
        let (mut want, mut got) = (Vec::new(), Vec::new());
        let mut total = 0;
        for round in 0..2 {
            for (i, line) in lines.into_iter().enumerate() {
                let ev: serde_json::Value =
                    serde_json::from_str(line).map_err(|e| e.to_string())?;
                set.matches(&ev, &mut parsed, &mut want);
                let raw = RawEvent::parse(line)?;
                let tree = set
                    .matches_raw(&raw, &mut lazy, &mut got)
                    .map_err(|e| e.to_string())?;
                assert_eq!(got, want, "round {round}: {line}");
                // No rule's literal occurs in these: no tree is built for them.
                if i == 2 || i == 7 {
                    assert!(!tree, "{line}");
                }
                total += got.len();
            }
        }
        // a twice, b, c twice, d: once per round.
        assert_eq!(total, 2 * 6);
        let (lookups, hits) = CompiledRuleSet::memo_stats(&lazy);
        assert!(hits > 0 && hits * 2 >= lookups, "{hits} of {lookups}");
        Ok(())
    }

    #[test]
    fn rules_are_indexed_by_literals_presence_or_not_at_all() {
        let yaml = "title: a\nid: a\ndetection:\n  s:\n    Size|gt: 5\n  condition: s\n---\ntitle: b\nid: b\ndetection:\n  s:\n    Name: 'abc'\n  condition: s\n---\ntitle: c\nid: c\ndetection:\n  s:\n    Name: 'abc'\n  condition: not s\n";
        let mut b = RuleSetBuilder::new();
        b.add_yaml("t", yaml);
        let (set, _) = b.build();
        // Only the negated rule cannot be indexed.
        assert_eq!(set.unindexed_rules(), 1);
        let mut scratch = Scratch::default();
        assert_eq!(set.candidate_count(&json!({"Other": 1}), &mut scratch), 1);
        assert_eq!(set.candidate_count(&json!({"Size": 9}), &mut scratch), 2);
        assert_eq!(
            set.candidate_count(&json!({"Name": "ABC"}), &mut scratch),
            2
        );
        assert_eq!(
            set.candidate_count(&json!({"Name": "xyz"}), &mut scratch),
            1
        );
    }
}
