//! Literal prefilter: each rule is indexed by literals at least one of which must occur
//! in some string value of any event it matches. One Aho-Corasick pass over an event's
//! strings then yields the few rules worth evaluating; rules without such literals
//! (pure numeric or negated logic) are always evaluated.

use super::strmatch::StrKind;
use super::{Node, Pred};
use crate::event::any_string;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde_json::Value;
use std::collections::HashMap;

/// Literals (lowercase ASCII) one of which must be present for the node to match,
/// or `None` when no such set can be derived.
pub fn required_literals(node: &Node) -> Option<Vec<String>> {
    match node {
        Node::Const(false) => Some(Vec::new()),
        Node::Const(true) | Node::Not(_) => None,
        Node::Or(v) => {
            let mut all = Vec::new();
            for n in v {
                all.extend(required_literals(n)?);
            }
            Some(all)
        }
        Node::And(v) => v
            .iter()
            .filter_map(required_literals)
            .max_by_key(|s| score(s)),
        Node::Field(f) => {
            let sets = f.preds.iter().map(pred_literal);
            if f.all {
                sets.flatten().map(|l| vec![l]).max_by_key(|s| score(s))
            } else {
                sets.collect()
            }
        }
        Node::Keyword(k) => {
            let lits = k
                .preds
                .iter()
                .map(|m| str_literal(&m.kind, &m.needle, m.int, m.glob_lit.as_deref()));
            if k.all {
                lits.flatten().map(|l| vec![l]).max_by_key(|s| score(s))
            } else {
                lits.collect()
            }
        }
    }
}

/// Prefer sets whose shortest literal is longest, then smaller sets.
fn score(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let min = set.iter().map(String::len).min().unwrap_or(usize::MAX);
    (min, std::cmp::Reverse(set.len()))
}

fn pred_literal(p: &Pred) -> Option<String> {
    match p {
        Pred::Str(m) => str_literal(&m.kind, &m.needle, m.int, m.glob_lit.as_deref()),
        _ => None,
    }
}

fn str_literal(
    kind: &StrKind,
    needle: &str,
    int: Option<i64>,
    glob: Option<&str>,
) -> Option<String> {
    let lit = match kind {
        StrKind::Exact | StrKind::Prefix | StrKind::Suffix | StrKind::Contains => needle,
        StrKind::Glob(_) => glob?,
        StrKind::Regex(_) => return None,
    };
    // Numbers and booleans may be stored as JSON numbers/bools, which are not scanned.
    let numeric = int.is_some() || lit.parse::<f64>().is_ok();
    if lit.is_empty() || !lit.is_ascii() || numeric || lit == "true" || lit == "false" {
        return None;
    }
    Some(lit.to_ascii_lowercase())
}

/// The index over all rules of a set.
#[derive(Debug, Default)]
pub struct Prefilter {
    ac: Option<AhoCorasick>,
    /// Rules per pattern id.
    pat_rules: Vec<Vec<u32>>,
    /// Rules that must always be evaluated.
    pub always: Vec<u32>,
    /// Number of rules (size of the candidate bitmap).
    n_rules: usize,
}

impl Prefilter {
    /// Builds the index from each rule's node.
    pub fn build(nodes: &[&Node]) -> Prefilter {
        let mut pat_ids: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut pat_rules: Vec<Vec<u32>> = Vec::new();
        let mut always = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            let rule = i as u32;
            match required_literals(n) {
                None => always.push(rule),
                Some(lits) => {
                    for l in lits {
                        let id = *pat_ids.entry(l.clone()).or_insert_with(|| {
                            pats.push(l);
                            pat_rules.push(Vec::new());
                            pats.len() - 1
                        });
                        if pat_rules[id].last() != Some(&rule) {
                            pat_rules[id].push(rule);
                        }
                    }
                }
            }
        }
        let ac = if pats.is_empty() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&pats)
                .ok()
        };
        if ac.is_none() {
            // Without an automaton every indexed rule must be evaluated.
            always = (0..nodes.len() as u32).collect();
        }
        Prefilter {
            ac,
            pat_rules,
            always,
            n_rules: nodes.len(),
        }
    }

    /// Number of distinct literals indexed.
    pub fn literal_count(&self) -> usize {
        self.pat_rules.len()
    }

    /// Collects the candidate rules for an event into `out` (sorted, deduplicated).
    /// `marks` and `seen` are reusable bitmaps (rules, patterns).
    pub fn candidates(
        &self,
        ev: &Value,
        marks: &mut Vec<u64>,
        seen: &mut Vec<u64>,
        out: &mut Vec<u32>,
    ) {
        out.clear();
        marks.clear();
        marks.resize(self.n_rules.div_ceil(64), 0);
        seen.clear();
        seen.resize(self.pat_rules.len().div_ceil(64), 0);
        let mark = |r: u32, marks: &mut Vec<u64>, out: &mut Vec<u32>| {
            let (w, b) = ((r / 64) as usize, r % 64);
            if marks[w] & (1 << b) == 0 {
                marks[w] |= 1 << b;
                out.push(r);
            }
        };
        for &r in &self.always {
            mark(r, marks, out);
        }
        if let Some(ac) = &self.ac {
            any_string(ev, &mut |s| {
                for m in ac.find_overlapping_iter(s) {
                    // A pattern seen once already marked all its rules.
                    let p = m.pattern().as_usize();
                    let (w, b) = (p / 64, p % 64);
                    if seen[w] & (1 << b) != 0 {
                        continue;
                    }
                    seen[w] |= 1 << b;
                    for &r in &self.pat_rules[p] {
                        mark(r, marks, out);
                    }
                }
                false
            });
        }
        out.sort_unstable();
    }
}
