//! Literal prefilter: each rule is indexed by "needs" (a field value containing a
//! literal, a field equal to an integer, or a keyword literal anywhere), at least one
//! of which holds for every event the rule matches. Per event, one Aho-Corasick pass
//! over each indexed field's value (plus an integer lookup) yields the few rules worth
//! evaluating; rules without such needs (pure negations) are always evaluated. The
//! needs themselves are derived in [`super::needs`].

use super::Node;
use super::needs::{IndexKey, Need, required};
use super::scanner::{Fnv, Scanner, build_ac};
use crate::event::any_string;
use serde_json::Value;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// Index of one event field.
#[derive(Debug, Default)]
struct FieldIndex {
    /// The key id of "this field is present", if any rule needs only that.
    present: Option<u32>,
    ac: Option<Scanner>,
    /// Global pattern id of each local pattern.
    pat_global: Vec<u32>,
    ints: HashMap<i64, u32>,
}

/// The index over all rules of a set.
#[derive(Debug, Default)]
pub struct Prefilter {
    fields: HashMap<String, FieldIndex, BuildHasherDefault<Fnv>>,
    anywhere: Option<Scanner>,
    anywhere_global: Vec<u32>,
    /// Rules per global pattern id.
    pat_rules: Vec<Vec<u32>>,
    /// Rules that must always be evaluated.
    pub always: Vec<u32>,
    n_rules: usize,
}

#[derive(Default)]
struct FieldBuild {
    lits: Vec<String>,
    /// Global key id of each literal.
    ids: Vec<u32>,
    present: Option<u32>,
    ints: HashMap<i64, u32>,
}

/// The builder of a field's index, created (and its order recorded) on first use.
fn field_build<'a>(
    per_field: &'a mut HashMap<String, FieldBuild>,
    order: &mut Vec<String>,
    f: String,
) -> &'a mut FieldBuild {
    if !per_field.contains_key(&f) {
        order.push(f.clone());
    }
    per_field.entry(f).or_default()
}

impl Prefilter {
    /// Builds the index from each rule's node.
    /// `rules` pairs each rule's index in the whole set with its node; `n_rules` is
    /// the size of the whole set (the candidate bitmap covers it).
    pub fn build(rules: &[(u32, &Node)], n_rules: usize) -> Prefilter {
        // Needs are split into per-field keys, so that a literal shared by rules whose
        // field lists differ (a rule field with or without a mapped alternative) is
        // one pattern of each field's automaton, carrying all those rules.
        let mut key_ids: HashMap<IndexKey, u32> = HashMap::new();
        let mut keys: Vec<IndexKey> = Vec::new();
        let mut pat_rules: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for &(rule, n) in rules {
            let Some(needs) = required(n) else {
                always.push(rule);
                continue;
            };
            for key in needs.iter().flat_map(Need::keys) {
                let id = *key_ids.entry(key.clone()).or_insert_with(|| {
                    keys.push(key);
                    pat_rules.push(Vec::new());
                    (pat_rules.len() - 1) as u32
                });
                let rules = &mut pat_rules[id as usize];
                if rules.last() != Some(&rule) {
                    rules.push(rule);
                }
            }
        }
        // Spread the keys over per-field automata / integer maps (in first-seen order,
        // so builds are deterministic).
        let mut per_field: HashMap<String, FieldBuild> = HashMap::new();
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
        let automata = crate::parallel::par_map(&builds, |(_, fb)| build_ac(&fb.lits));
        let mut fields = HashMap::default();
        for ((name, fb), ac) in builds.into_iter().zip(automata) {
            let index = FieldIndex {
                present: fb.present,
                ac,
                pat_global: fb.ids,
                ints: fb.ints,
            };
            fields.insert(name, index);
        }
        // Text needs whose automaton failed to build cannot be indexed safely.
        if fields
            .values()
            .any(|f| f.ac.is_none() && !f.pat_global.is_empty())
            || (!anywhere_lits.is_empty() && build_ac(&anywhere_lits).is_none())
        {
            always = rules.iter().map(|&(r, _)| r).collect();
        }
        let anywhere = build_ac(&anywhere_lits);
        Prefilter {
            fields,
            anywhere,
            anywhere_global,
            pat_rules,
            always,
            n_rules,
        }
    }

    /// Number of distinct needs indexed.
    pub fn literal_count(&self) -> usize {
        self.pat_rules.len()
    }

    /// Appends the candidate rules for an event to `out` (deduplicated within this
    /// index, unsorted). `marks` and `seen` are reusable bitmaps (rules, needs);
    /// `path` and `lower` reusable buffers.
    #[allow(clippy::too_many_arguments)]
    pub fn candidates(
        &self,
        ev: &Value,
        marks: &mut Vec<u64>,
        seen: &mut Vec<u64>,
        path: &mut String,
        lower: &mut Vec<u8>,
        out: &mut Vec<u32>,
    ) {
        marks.clear();
        marks.resize(self.n_rules.div_ceil(64), 0);
        seen.clear();
        seen.resize(self.pat_rules.len().div_ceil(64), 0);
        let mut st = State {
            pf: self,
            marks,
            seen,
            out,
            lower,
        };
        for &r in &self.always {
            st.mark_rule(r);
        }
        if let Some(obj) = ev.as_object() {
            path.clear();
            st.scan_object(obj, path);
        }
        if let Some(ac) = &self.anywhere {
            let mut lower = std::mem::take(st.lower);
            any_string(ev, &mut |s| {
                ac.each_match(s, &mut lower, &mut |p| {
                    st.mark_need(self.anywhere_global[p]);
                });
                false
            });
            *st.lower = lower;
        }
    }
}

struct State<'a> {
    pf: &'a Prefilter,
    marks: &'a mut Vec<u64>,
    seen: &'a mut Vec<u64>,
    out: &'a mut Vec<u32>,
    lower: &'a mut Vec<u8>,
}

impl State<'_> {
    fn mark_rule(&mut self, r: u32) {
        let (w, b) = ((r / 64) as usize, r % 64);
        if self.marks[w] & (1 << b) == 0 {
            self.marks[w] |= 1 << b;
            self.out.push(r);
        }
    }

    fn mark_need(&mut self, id: u32) {
        // A need seen once already marked all its rules.
        let (w, b) = ((id / 64) as usize, id % 64);
        if self.seen[w] & (1 << b) != 0 {
            return;
        }
        self.seen[w] |= 1 << b;
        let pf = self.pf;
        for &r in &pf.pat_rules[id as usize] {
            self.mark_rule(r);
        }
    }

    /// Scans top-level fields, and nested objects under their dotted names.
    fn scan_object(&mut self, obj: &serde_json::Map<String, Value>, path: &mut String) {
        let pf = self.pf;
        for (k, v) in obj {
            let len = path.len();
            if len > 0 {
                path.push('.');
            }
            path.push_str(k);
            if let Some(fi) = pf.fields.get(path.as_str()) {
                if let Some(id) = fi.present {
                    self.mark_need(id);
                }
                self.scan_value(fi, v);
            }
            if let Value::Object(inner) = v {
                self.scan_object(inner, path);
            }
            path.truncate(len);
        }
    }

    fn scan_value(&mut self, fi: &FieldIndex, v: &Value) {
        match v {
            Value::String(s) => {
                if let Some(ac) = &fi.ac {
                    let mut lower = std::mem::take(self.lower);
                    ac.each_match(s, &mut lower, &mut |p| {
                        self.mark_need(fi.pat_global[p]);
                    });
                    *self.lower = lower;
                }
                if !fi.ints.is_empty()
                    && let Ok(i) = s.trim().parse::<i64>()
                    && let Some(&id) = fi.ints.get(&i)
                {
                    self.mark_need(id);
                }
            }
            Value::Number(n) => {
                let i = n
                    .as_i64()
                    .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64));
                if let Some(id) = i.and_then(|i| fi.ints.get(&i)) {
                    self.mark_need(*id);
                }
            }
            Value::Array(a) => {
                for x in a {
                    self.scan_value(fi, x);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
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
