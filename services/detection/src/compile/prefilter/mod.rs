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

use super::scanner::{CaselessGate, Scanner, lowercase_into};
use crate::event::any_string;
use crate::event::raw::RawEvent;
use serde_json::Value;
use state::State;
use std::collections::{HashMap, HashSet};
use table::FieldTable;

/// Scan-memo slots of each automaton: decoded values, raw JSON text, and the lines of
/// long values, decoded and raw.
const SLOTS_PER_AUTOMATON: usize = 4;

/// Index of one event field.
#[derive(Debug, Default)]
struct FieldIndex {
    /// The key id of "this field is present", if any rule needs only that.
    present: Option<u32>,
    ac: Option<Scanner>,
    /// This field's automaton's slots in the scan memo (relative to the index's base).
    slot: u32,
    /// Whether values too long to remember whole are scanned line by line through the
    /// memo (see `State::scan_lines`): the automaton is costly, no literal of this
    /// field holds a line break, and no exact need is as long as such a value.
    by_line: bool,
    /// Global pattern id of each local pattern.
    pat_global: Vec<u32>,
    /// Whole lowercase values -> their need (exact-match needs).
    exact: HashMap<Box<[u8]>, u32, foldhash::fast::RandomState>,
    /// Integer needs. Looked up per numeric field of every event: a fast hash (the
    /// keys come from rules, never from events).
    ints: HashMap<i64, u32, foldhash::fast::RandomState>,
}

impl FieldIndex {
    /// Whether values' text (strings, and the text of numbers and booleans) is
    /// scanned or looked up at all.
    fn reads_text(&self) -> bool {
        self.ac.is_some() || !self.exact.is_empty()
    }
}

/// What one fresh scan runs: a field's automaton and exact map, its automaton alone
/// (over one line of a long value), or the keyword automaton.
enum Target<'a> {
    Field(&'a FieldIndex),
    Line(&'a FieldIndex),
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
    /// Whether a line may hold one of those in any case, asked before lowercasing it.
    anywhere_gate: Option<CaselessGate>,
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
    /// Number of scan-memo slots this index uses (see [`SLOTS_PER_AUTOMATON`]).
    pub(crate) fn slot_count(&self) -> usize {
        SLOTS_PER_AUTOMATON * (self.fields.len() + 1)
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
                // Nearly every line holds no keyword in any case: the gate spares
                // lowercasing and scanning it.
                if !self
                    .anywhere_gate
                    .as_ref()
                    .is_none_or(|g| g.may_match(ev.line().as_bytes()))
                {
                    return;
                }
                let mut buf = std::mem::take(&mut st.s.lower);
                let lower = lowercase_into(ev.line(), &mut buf);
                ac.each_match(lower, &mut |p| {
                    st.mark_need(self.anywhere_global[p]);
                });
                st.s.lower = buf;
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

    /// Matches `line` parsed (into `want`) and read lazily (into `got`); whether the
    /// lazy read built a tree (had candidate rules).
    fn both_ways(
        set: &CompiledRuleSet,
        line: &str,
        scratch: (&mut Scratch, &mut Scratch),
        want: &mut Vec<u32>,
        got: &mut Vec<u32>,
    ) -> Result<bool, String> {
        let ev: serde_json::Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        set.matches(&ev, scratch.0, want);
        set.matches_raw(&RawEvent::parse(line)?, scratch.1, got)
            .map_err(|e| e.to_string())
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
                let tree = both_ways(&set, line, (&mut parsed, &mut lazy), &mut want, &mut got)?;
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

    /// Rules indexed by a cased non-ASCII needle's spellings, and by literals that
    /// spell a number or a boolean, are found in both letter cases and in number and
    /// boolean values (as evaluation reads them), and are not candidates elsewhere.
    #[test]
    fn spelled_and_scalar_literals_are_found_wherever_evaluation_finds_them() -> Result<(), String>
    {
        let yaml = "title: a\nid: a\ndetection:\n  s:\n    CommandLine|contains:\n      - \"\\u0410\"\n      - \"\\u24c2\\ufe0f\"\n  condition: s\n---\ntitle: b\nid: b\ndetection:\n  s:\n    Code|contains: '123456789'\n  condition: s\n---\ntitle: c\nid: c\ndetection:\n  s:\n    Flag: 'true'\n  condition: s\n---\ntitle: d\nid: d\ndetection:\n  s:\n    Ratio: '-0.0'\n  condition: s\n";
        let mut b = RuleSetBuilder::new();
        b.add_yaml("t", yaml);
        let (set, rejected) = b.build();
        assert!(rejected.is_empty(), "{rejected:?}");
        // (line, matching rules); a line with none builds no tree.
        let cases: [(&str, &[u32]); 12] = [
            (r#"{"CommandLine":"x А y"}"#, &[0]),
            (r#"{"CommandLine":"x а y"}"#, &[0]),
            (r#"{"CommandLine":"x Ⓜ️ y"}"#, &[0]),
            (r#"{"CommandLine":"x ⓜ️ y"}"#, &[0]),
            (r#"{"CommandLine":"x A M y"}"#, &[]),
            (r#"{"Code":"a123456789b"}"#, &[1]),
            (r#"{"Code":91234567890}"#, &[1]),
            (r#"{"Code":[1, 1234567890]}"#, &[1]),
            (r#"{"Code":12345678}"#, &[]),
            (r#"{"Flag":true}"#, &[2]),
            (r#"{"Flag":"TRUE","Ratio":-0}"#, &[2, 3]),
            (r#"{"Flag":false,"Ratio":0}"#, &[]),
        ];
        let mut parsed = Scratch::default();
        let mut lazy = Scratch::default();
        let (mut want, mut got) = (Vec::new(), Vec::new());
        for (line, rules) in cases {
            let tree = both_ways(&set, line, (&mut parsed, &mut lazy), &mut want, &mut got)?;
            assert_eq!(want, rules, "parsed: {line}");
            assert_eq!(got, rules, "lazy: {line}");
            assert_eq!(tree, !rules.is_empty(), "candidates: {line}");
        }
        Ok(())
    }

    /// Values too long to remember whole are scanned line by line through the memo
    /// and find what a whole scan finds; a field with a literal spanning a line break
    /// is scanned whole.
    #[test]
    fn long_values_are_scanned_line_by_line_with_the_same_result() -> Result<(), String> {
        // More literals than one SIMD gate holds make the field's automaton costly.
        let mut yaml = String::new();
        for i in 0..70 {
            yaml.push_str(&format!(
                "title: r{i}\nid: r{i}\ndetection:\n  s:\n    ContextInfo|contains: 'marker-{i:02}='\n  condition: s\n---\n"
            ));
        }
        yaml.push_str("title: nl\nid: nl\ndetection:\n  s:\n    Script|contains: \"end-of-one\\nstart-of-next\"\n  condition: s\n");
        for i in 0..70 {
            yaml.push_str(&format!(
                "---\ntitle: s{i}\nid: s{i}\ndetection:\n  s:\n    Script|contains: 'word{i:02}'\n  condition: s\n"
            ));
        }
        let mut b = RuleSetBuilder::new();
        b.add_yaml("t", &yaml);
        let (set, rejected) = b.build();
        assert!(rejected.is_empty(), "{rejected:?}");
        let filler =
            "        Host Application = C:\\Windows\\powershell.exe -NoProfile\n".repeat(90);
        let with = |extra: &str, seq: usize| {
            serde_json::json!({
                "ContextInfo": format!("{filler}        Sequence Number = {seq}\n{extra}"),
                "Script": format!("{filler}end-of-one\nstart-of-next and word07"),
            })
        };
        let events = [
            with("        Command Name = MARKER-05=x\n", 1),
            with("        Command Name = MARKER-05=x\n", 2),
            with("        Command Name = plain\n", 3),
            with("marker-6\n9=split\n", 4),
        ];
        let mut lazy = Scratch::default();
        let mut parsed = Scratch::default();
        let (mut got, mut want) = (Vec::new(), Vec::new());
        let mut ids = Vec::new();
        for ev in &events {
            let line = ev.to_string();
            assert!(line.len() > 2 * 4096);
            set.matches_raw(&RawEvent::parse(&line)?, &mut lazy, &mut got)
                .map_err(|e| e.to_string())?;
            set.matches(ev, &mut parsed, &mut want);
            assert_eq!(got, want, "{line}");
            ids.push(
                got.iter()
                    .map(|&r| set.rule(r).meta.id.clone())
                    .collect::<Vec<_>>(),
            );
        }
        let nl_and_word = ["nl", "s7"];
        assert_eq!(ids[0], [&["r5"][..], &nl_and_word].concat());
        assert_eq!(ids[1], ids[0]);
        assert_eq!(ids[2], nl_and_word);
        // A literal is not found across a line break it does not hold.
        assert_eq!(ids[3], nl_and_word);
        // The repeated lines were answered from the memo.
        let (lookups, hits) = CompiledRuleSet::memo_stats(&lazy);
        assert!(hits * 2 >= lookups && hits > 300, "{hits} of {lookups}");
        Ok(())
    }

    /// A rule picked by its image also waits for its command-line literal, but only
    /// where the command line is walked by an automaton for other rules anyway.
    #[test]
    fn a_second_set_on_long_text_is_indexed_only_where_that_text_is_scanned() {
        let a = "title: a\nid: a\ndetection:\n  img:\n    Image|endswith: '\\reg.exe'\n  cli:\n    CommandLine|contains: 'VulnerableDriverBlocklistEnable'\n  condition: img and cli\n";
        // More literals than one SIMD gate holds.
        let words: String = (0..70)
            .map(|i| format!("      - 'tool{i:02}.exe'\n"))
            .collect();
        let b = format!(
            "title: b\nid: b\ndetection:\n  s:\n    CommandLine|contains:\n{words}  condition: s\n"
        );
        let build = |yaml: &str| {
            let mut builder = RuleSetBuilder::new();
            builder.add_yaml("t", yaml);
            builder.build().0
        };
        let with_b = build(&format!("{a}---\n{b}"));
        let alone = build(a);
        let plain = json!({"Image": "C:\\Windows\\reg.exe", "CommandLine": "reg add HKLM\\x"});
        let rare = json!({"Image": "C:\\Windows\\reg.exe", "CommandLine": "reg add VulnerableDriverBlocklistEnable"});
        let mut scratch = Scratch::default();
        assert_eq!(with_b.candidate_count(&plain, &mut scratch), 0);
        assert_eq!(with_b.candidate_count(&rare, &mut scratch), 1);
        // Alone, the command line is not scanned at all: the image decides.
        assert_eq!(alone.candidate_count(&plain, &mut scratch), 1);
        assert_eq!(alone.candidate_count(&rare, &mut scratch), 1);
        for set in [&with_b, &alone] {
            let mut out = Vec::new();
            set.matches(&rare, &mut scratch, &mut out);
            assert_eq!(out, vec![0]);
        }
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
