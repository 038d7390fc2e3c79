//! Literal prefilter: each rule is indexed by "needs" (a field value containing a
//! literal, a field equal to an integer, or a keyword literal anywhere), at least one
//! of which holds for every event the rule matches. Per event, one Aho-Corasick pass
//! over each indexed field's value (plus an integer lookup) yields the few rules worth
//! evaluating; rules without such needs (pure negations) are always evaluated. The
//! needs themselves are derived in [`super::needs`].
//!
//! The index reads either a parsed event or a lazily read line ([`RawEvent`]), and
//! remembers scans of repeated values (`compile/scancache.rs`); `build.rs` builds an
//! index from the rules' keys, `state.rs` walks an event through one.

mod build;
mod state;
mod table;

pub(crate) use build::{Automata, RuleKeys};
pub(crate) use state::PrefilterScratch;

use super::scanner::{Scanner, lowercase_into};
use crate::event::any_string;
use crate::event::raw::RawEvent;
use serde_json::Value;
use state::State;
use std::collections::{HashMap, HashSet};
use table::FieldTable;

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
    /// The rule fields' indexes, looked up for every member of every event (see
    /// `table.rs`).
    fields: FieldTable<FieldIndex>,
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

impl Prefilter {
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
