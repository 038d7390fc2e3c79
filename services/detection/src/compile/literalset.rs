//! One matcher for a long list of literal values on one field.
//!
//! SigmaHQ rules often list dozens to hundreds of values for one field (DLL names for
//! side-loading, threat-actor names, tool paths). Tried one by one, such a list costs
//! a comparison per value on every candidate event; here the exact values are one hash
//! lookup, the prefixes and suffixes one lookup per distinct length, and the
//! substrings one Aho-Corasick pass. That automaton is built when the set is first
//! evaluated: most rules of a large pack never see a candidate event, and building
//! these automata up front was a third of compiling the pack. Only case-insensitive literals whose comparison
//! is ASCII folding alone (ASCII text, or characters without case such as emoji) are
//! folded in; every other predicate is kept as it was.

use super::Pred;
use super::fold::Fold;
use super::strmatch::{StrKind, StrMatcher, contains};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind};
use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

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
    /// The substring literals, and their automaton once built (`None` if it could
    /// not be: then they are searched for one by one).
    contains: Vec<String>,
    contains_ac: OnceLock<Option<AhoCorasick>>,
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
    rest.insert(0, Pred::Set(Box::new(LiteralSet::new(members))));
    rest
}

impl LiteralSet {
    /// Builds the set (its substring automaton waits for the first evaluation).
    fn new(members: Vec<StrMatcher>) -> LiteralSet {
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
        LiteralSet {
            members,
            exact,
            prefixes: prefixes.into_iter().rev().collect(),
            suffixes: suffixes.into_iter().rev().collect(),
            contains,
            contains_ac: OnceLock::new(),
        }
    }

    /// Whether any member matches `hay` (folded through `fold`).
    pub fn is_match(&self, hay: &str, fold: &mut Fold) -> bool {
        let lower = fold.ascii_lower(hay);
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
        if self.contains.is_empty() {
            return false;
        }
        // A contiguous NFA: built fast and small; these automata see only candidate
        // events.
        let ac = self.contains_ac.get_or_init(|| {
            AhoCorasickBuilder::new()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .build(&self.contains)
                .ok()
        });
        match ac {
            Some(ac) => ac.is_match(lower),
            None => self
                .contains
                .iter()
                .any(|c| contains(lower, c.as_bytes(), false)),
        }
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
        let mut scratch = Fold::default();
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
