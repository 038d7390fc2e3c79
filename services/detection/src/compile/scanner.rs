//! Multi-pattern automata for the prefilter, and the small hash used for its field map.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::hash::Hasher;

/// Largest pattern set built ASCII case-insensitive (see [`Scanner`]).
const FOLDING_MAX_PATTERNS: usize = 64;

/// Largest pattern set compiled to a DFA (see [`build_ac`]).
const DFA_MAX_PATTERNS: usize = 1000;

/// A multi-pattern automaton over lowercase literals.
///
/// Small sets are built ASCII case-insensitive and search the value as is (cheap to
/// build, and the crate's SIMD prefilters apply). Large sets are built case-sensitive,
/// which builds several times faster, and search an ASCII-lowercased copy of the value
/// made in a reused buffer.
#[derive(Debug)]
pub(super) struct Scanner {
    ac: AhoCorasick,
    folds: bool,
}

impl Scanner {
    /// Calls `f` with the index of every pattern occurrence (overlapping) in `s`.
    pub(super) fn each_match(&self, s: &str, lower: &mut Vec<u8>, f: &mut dyn FnMut(usize)) {
        let hay: &[u8] = if self.folds {
            s.as_bytes()
        } else {
            lower.clear();
            lower.extend(s.bytes().map(|b| b.to_ascii_lowercase()));
            lower
        };
        for m in self.ac.find_overlapping_iter(hay) {
            f(m.pattern().as_usize());
        }
    }
}

pub(super) fn build_ac(lits: &[String]) -> Option<Scanner> {
    if lits.is_empty() {
        return None;
    }
    // A full DFA scans fastest but its build time and memory grow with the pattern
    // count; past a threshold (hash IOC lists, command-line fragments) a contiguous
    // NFA keeps the whole set compiling in well under a second.
    let kind = if lits.len() <= DFA_MAX_PATTERNS {
        AhoCorasickKind::DFA
    } else {
        AhoCorasickKind::ContiguousNFA
    };
    let folds = lits.len() <= FOLDING_MAX_PATTERNS;
    let ac = AhoCorasickBuilder::new()
        .ascii_case_insensitive(folds)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(lits)
        .ok()?;
    Some(Scanner { ac, folds })
}

/// FNV-1a for the per-field index, looked up once per event field. The map holds only
/// rule field names and never grows from event input, so a flooding attack has nothing
/// to fill; a simple fast hash beats SipHash here.
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
