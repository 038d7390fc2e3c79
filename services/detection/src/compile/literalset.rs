//! One matcher for a long list of literal values on one field.
//!
//! SigmaHQ rules often list dozens to hundreds of values for one field (DLL names for
//! side-loading, threat-actor names, tool paths). Tried one by one, such a list costs
//! a comparison per value on every candidate event; here the exact values are one hash
//! lookup, the prefixes and suffixes one lookup per distinct length, and the
//! substrings one Aho-Corasick pass. Only case-insensitive literals whose comparison
//! is ASCII folding alone (ASCII text, or characters without case such as emoji) are
//! folded in; every other predicate is kept as it was.

use super::Pred;
use super::strmatch::{StrKind, StrMatcher};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use std::collections::{BTreeMap, HashSet};

/// Lists shorter than this are left as separate predicates.
const MIN_MEMBERS: usize = 4;

type Set = HashSet<Box<[u8]>, foldhash::fast::RandomState>;

/// Case-insensitive ASCII literals of one field, any of which may match.
#[derive(Debug, Clone)]
pub struct LiteralSet {
    /// The folded matchers, for deriving prefilter needs.
    pub members: Vec<StrMatcher>,
    exact: Set,
    /// (length, prefixes of that length), longest first.
    prefixes: Vec<(usize, Set)>,
    suffixes: Vec<(usize, Set)>,
    contains: Option<AhoCorasick>,
}

fn foldable(m: &StrMatcher) -> bool {
    !m.cased
        && m.int.is_none()
        && !m.needle.is_empty()
        && m.folds_ascii()
        && matches!(
            m.kind,
            StrKind::Exact | StrKind::Prefix | StrKind::Suffix | StrKind::Contains
        )
}

/// Replaces the foldable string predicates of an "any of" list by one [`LiteralSet`]
/// when there are enough of them; returns the list unchanged otherwise.
pub fn fold(preds: Vec<Pred>) -> Vec<Pred> {
    let count = preds
        .iter()
        .filter(|p| matches!(p, Pred::Str(m) if foldable(m)))
        .count();
    if count < MIN_MEMBERS {
        return preds;
    }
    let (mut members, mut rest) = (Vec::new(), Vec::new());
    for p in preds {
        match p {
            Pred::Str(m) if foldable(&m) => members.push(m),
            other => rest.push(other),
        }
    }
    match LiteralSet::new(members) {
        Ok(set) => rest.insert(0, Pred::Set(Box::new(set))),
        Err(members) => rest.extend(members.into_iter().map(Pred::Str)),
    }
    rest
}

impl LiteralSet {
    /// Builds the set; gives the members back if the substring automaton cannot be
    /// built (then they stay separate predicates).
    fn new(members: Vec<StrMatcher>) -> Result<LiteralSet, Vec<StrMatcher>> {
        let mut exact = Set::default();
        let mut prefixes: BTreeMap<usize, Set> = BTreeMap::new();
        let mut suffixes: BTreeMap<usize, Set> = BTreeMap::new();
        let mut contains = Vec::new();
        for m in &members {
            let lit: Box<[u8]> = m.needle.as_bytes().into();
            match m.kind {
                StrKind::Exact => {
                    exact.insert(lit);
                }
                StrKind::Prefix => {
                    prefixes.entry(lit.len()).or_default().insert(lit);
                }
                StrKind::Suffix => {
                    suffixes.entry(lit.len()).or_default().insert(lit);
                }
                _ => contains.push(m.needle.clone()),
            }
        }
        let contains = if contains.is_empty() {
            None
        } else {
            // A contiguous NFA: built fast (thousands of these lists compile per
            // tenant) and small; these automata see only candidate events.
            let built = AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&contains);
            match built {
                Ok(ac) => Some(ac),
                Err(_) => return Err(members),
            }
        };
        Ok(LiteralSet {
            members,
            exact,
            prefixes: prefixes.into_iter().rev().collect(),
            suffixes: suffixes.into_iter().rev().collect(),
            contains,
        })
    }

    /// Whether any member matches `hay`; `scratch` receives its lowercase copy.
    pub fn is_match(&self, hay: &str, scratch: &mut String) -> bool {
        scratch.clear();
        scratch.push_str(hay);
        scratch.make_ascii_lowercase();
        let lower = scratch.as_bytes();
        if self.exact.contains(lower) {
            return true;
        }
        let n = lower.len();
        if self
            .prefixes
            .iter()
            .any(|(len, set)| *len <= n && set.contains(&lower[..*len]))
        {
            return true;
        }
        if self
            .suffixes
            .iter()
            .any(|(len, set)| *len <= n && set.contains(&lower[n - len..]))
        {
            return true;
        }
        self.contains.as_ref().is_some_and(|ac| ac.is_match(lower))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(kind: StrKind, lit: &str) -> Pred {
        Pred::Str(StrMatcher::literal(kind, lit, false))
    }

    #[test]
    fn a_folded_list_matches_exactly_what_its_members_match() {
        let preds = vec![
            m(StrKind::Exact, "cmd.exe"),
            m(StrKind::Prefix, "C:\\Temp\\"),
            m(StrKind::Suffix, "\\evil.dll"),
            m(StrKind::Suffix, ".ps1"),
            m(StrKind::Contains, "mimikatz"),
            // Caseless non-ASCII folds in too.
            m(StrKind::Contains, "😀"),
            // Kept apart: cased, and a number.
            Pred::Str(StrMatcher::literal(StrKind::Contains, "CaseMe", true)),
            m(StrKind::Exact, "4688"),
        ];
        let members: Vec<StrMatcher> = preds
            .iter()
            .filter_map(|p| match p {
                Pred::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect();
        let folded = fold(preds);
        assert_eq!(folded.len(), 3, "one set plus the two kept apart");
        let Some(Pred::Set(set)) = folded.first() else {
            panic!("no set first: {folded:?}");
        };
        assert_eq!(set.members.len(), 6);
        let mut scratch = String::new();
        for hay in [
            "CMD.EXE",
            "cmd.exe ",
            "c:\\temp\\x",
            "C:\\TEMP",
            "D:\\Evil.DLL",
            "evil.dll",
            "run.PS1",
            "ps1",
            "x MimiKatz y",
            "mimikat",
            "",
            "Ünïcode \\evil.dll",
            "smile 😀 please",
            "smile 😃",
        ] {
            let want = members
                .iter()
                .take(6)
                .any(|s| s.is_match(hay, &mut scratch));
            assert_eq!(set.is_match(hay, &mut scratch), want, "{hay:?}");
        }
    }

    #[test]
    fn short_lists_are_left_alone() {
        let preds = vec![m(StrKind::Exact, "a.exe"), m(StrKind::Suffix, "b.exe")];
        assert!(fold(preds).iter().all(|p| matches!(p, Pred::Str(_))));
    }
}
