//! Multi-pattern automata for the prefilter.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, packed};
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use wide::u8x16;

/// Largest pattern set given a gate (see [`Scanner`]): the SIMD searcher's limit.
const GATE_MAX_PATTERNS: usize = 64;

/// Most gated parts a pattern set is split into; larger sets (thousands of
/// command-line fragments) are one ungated automaton, as that many SIMD passes would
/// cost more than the one overlapping pass they would spare.
const MAX_GATED_PARTS: usize = 5;

/// Shortest value a split set scans part by part (see [`Scanner`]).
const GATED_MIN_LEN: usize = 1024;

/// Largest pattern set compiled to a DFA (see [`build_ac`]).
const DFA_MAX_PATTERNS: usize = 64;

/// A multi-pattern automaton over lowercase literals.
///
/// Automata are built case-sensitive (several times faster to build than ASCII
/// case-insensitive ones) and search an ASCII-lowercased copy of the value made in a
/// reused buffer.
///
/// Small sets also carry a gate that only asks "any match at all?": the crate's SIMD
/// (Teddy) searcher serves leftmost searches but not overlapping ones, and most
/// values match nothing, so the overlapping pass that reports every pattern runs only
/// behind it (or always, should the searcher decline a set). Mid-sized sets are split
/// into parts of that size, each behind its own gate: several SIMD passes over a long
/// value that matches nothing (a PowerShell context block, say) cost a fraction of
/// one overlapping pass of the whole automaton. Short values go through the whole
/// automaton in one pass: there the gates' fixed costs would dominate. A split set's
/// parts are built when a long value first needs them: many fields never carry one
/// (signatures, registry details, DNS names), and the parts cost several times the
/// whole automaton's build.
///
/// Cloning one is cheap: the automata are reference-counted, and clones share the
/// parts built on demand.
#[derive(Debug, Clone)]
pub(crate) struct Scanner {
    /// All patterns in one ungated automaton (sets too large for one gate).
    whole: Option<Part>,
    /// Gated parts (sets of up to [`MAX_GATED_PARTS`] gates' worth of patterns).
    parts: Parts,
}

/// A scanner's gated parts: built with it (a set small enough for one gate, which
/// has no whole automaton), built on first use, or none (a set too large to split).
#[derive(Debug, Clone)]
enum Parts {
    None,
    Built(Vec<Part>),
    Deferred(Arc<Deferred>),
}

/// Parts built on first use.
#[derive(Debug)]
struct Deferred {
    lits: Vec<String>,
    /// `None` once built if a part could not be: the whole automaton then serves
    /// long values too.
    parts: OnceLock<Option<Vec<Part>>>,
}

impl Parts {
    /// The parts, building deferred ones now.
    fn get(&self) -> Option<&[Part]> {
        match self {
            Parts::None => None,
            Parts::Built(parts) => Some(parts),
            Parts::Deferred(d) => d.parts.get_or_init(|| gated_parts(&d.lits)).as_deref(),
        }
    }
}

/// Some of a scanner's patterns, numbered from `first`.
#[derive(Debug, Clone)]
struct Part {
    ac: AhoCorasick,
    gate: Option<packed::Searcher>,
    first: usize,
}

impl Scanner {
    /// Whether a set of `n` literals is scanned by an automaton walk over every byte
    /// of a short value (no SIMD gate): a scan then costs more than looking its value
    /// up.
    pub(super) fn walks_every_byte(n: usize) -> bool {
        n > GATE_MAX_PATTERNS
    }

    /// Calls `f` with the index of every pattern occurrence (overlapping) in `hay`,
    /// which the caller has ASCII-lowercased (see [`lowercase_into`]).
    pub(super) fn each_match(&self, hay: &[u8], f: &mut dyn FnMut(usize)) {
        let parts = match &self.whole {
            // Checked first: asking for the parts builds deferred ones.
            Some(whole) => match (hay.len() >= GATED_MIN_LEN)
                .then(|| self.parts.get())
                .flatten()
            {
                Some(parts) => parts,
                None => {
                    for m in whole.ac.find_overlapping_iter(hay) {
                        f(m.pattern().as_usize());
                    }
                    return;
                }
            },
            None => self.parts.get().unwrap_or_default(),
        };
        for part in parts {
            if let Some(gate) = &part.gate
                && gate.find(hay).is_none()
            {
                continue;
            }
            for m in part.ac.find_overlapping_iter(hay) {
                f(part.first + m.pattern().as_usize());
            }
        }
    }
}

/// Writes the ASCII-lowercased bytes of `s` into the start of `out` and returns
/// them. `out` only grows: zeroing it for every value cost as much as lowercasing.
pub(super) fn lowercase_into<'b>(s: &str, out: &'b mut Vec<u8>) -> &'b [u8] {
    // Sixteen bytes at a time: whole event lines are lowercased for the keyword pass,
    // and byte by byte that was a tenth of evaluating a line.
    let (a, z, bit) = (u8x16::splat(b'A'), u8x16::splat(b'Z'), u8x16::splat(0x20));
    let src = s.as_bytes();
    if out.len() < src.len() {
        out.resize(src.len(), 0);
    }
    let out = &mut out[..src.len()];
    let mut from = src.chunks_exact(16);
    let mut to = out.chunks_exact_mut(16);
    for (d, chunk) in (&mut to).zip(&mut from) {
        let mut bytes = [0u8; 16];
        bytes.copy_from_slice(chunk);
        let v = u8x16::new(bytes);
        // `max(v, 'A') == v` holds exactly for bytes from 'A' up (unsigned).
        let upper = v.max(a).simd_eq(v) & v.min(z).simd_eq(v);
        d.copy_from_slice(&(v | (upper & bit)).to_array());
    }
    for (d, b) in to.into_remainder().iter_mut().zip(from.remainder()) {
        *d = b.to_ascii_lowercase();
    }
    out
}

pub(super) fn build_ac(lits: &[String]) -> Option<Scanner> {
    if lits.is_empty() {
        return None;
    }
    if lits.len() <= GATE_MAX_PATTERNS {
        let parts = Parts::Built(gated_parts(lits)?);
        return Some(Scanner { whole: None, parts });
    }
    let whole = Some(build_part(lits, 0, false)?);
    let parts = if lits.len() <= GATE_MAX_PATTERNS * MAX_GATED_PARTS {
        Parts::Deferred(Arc::new(Deferred {
            lits: lits.to_vec(),
            parts: OnceLock::new(),
        }))
    } else {
        Parts::None
    };
    Some(Scanner { whole, parts })
}

/// `lits` split into gated parts, or `None` if a part cannot be built.
fn gated_parts(lits: &[String]) -> Option<Vec<Part>> {
    lits.chunks(GATE_MAX_PATTERNS)
        .enumerate()
        .map(|(i, chunk)| build_part(chunk, i * GATE_MAX_PATTERNS, true))
        .collect()
}

/// One part of a scanner over `lits`, numbered from `first`.
fn build_part(lits: &[String], first: usize, gated: bool) -> Option<Part> {
    // A full DFA scans fastest but its build time and memory grow with the pattern
    // count; past a threshold (hash IOC lists, command-line fragments) a contiguous
    // NFA keeps the whole set compiling in well under a second.
    let ac_kind = if lits.len() <= DFA_MAX_PATTERNS {
        AhoCorasickKind::DFA
    } else {
        AhoCorasickKind::ContiguousNFA
    };
    let ac = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(ac_kind))
        .build(lits)
        .ok()?;
    // Teddy built directly: the AhoCorasick builder's own heuristics declined it for
    // many of these sets, leaving a plain automaton walk as the "gate".
    let gate = if gated {
        packed::Config::new()
            .match_kind(packed::MatchKind::LeftmostFirst)
            .heuristic_pattern_limits(false)
            .builder()
            .extend(lits)
            .build()
    } else {
        None
    };
    Some(Part { ac, gate, first })
}

/// A test of "could any of these lowercase literals occur here, in any letter case?"
/// run on text as it is, before lowercasing it, for the keyword pass over whole
/// event lines: it lets through under 1% of the shared Windows corpus's lines, and
/// the rest are neither lowercased nor scanned.
///
/// It searches each literal's rarest three bytes ([`rare_window`]) spelled in every
/// letter case: wherever a literal occurs in some case, its window occurs in one of
/// those spellings, so no match is missed. Teddy tells candidates apart by their first
/// bytes, and literals mostly begin with the commonest text: the Mimikatz keywords'
/// first bytes (`eve`, `ker`, `pri`, ...) occur in every line of that corpus, their
/// windows (`::`, `kiw`, ...) in under 1%. A literal holding a pair of rare bytes that
/// are not letters (`::`, which 15 of those 20 keywords hold) is searched for by that
/// pair alone, spelled one way: one fast exact search, and fewer spellings left for
/// the multi-pattern searcher, which is twice as fast at up to 32.
#[derive(Debug, Clone)]
pub(crate) struct CaselessGate {
    pairs: Vec<memchr::memmem::Finder<'static>>,
    searcher: Option<packed::Searcher>,
}

/// Most spellings a gate searches for (the SIMD searcher's limit).
const CASELESS_MAX_PATTERNS: usize = 64;

/// Most rare pairs searched for one by one.
const CASELESS_MAX_PAIRS: usize = 2;

impl CaselessGate {
    /// A gate for `lits` (lowercase); `None` when their windows have too many
    /// spellings (or the SIMD searcher declines them): then every text goes through.
    pub(crate) fn build(lits: &[String]) -> Option<Self> {
        let mut pairs: BTreeSet<&[u8]> = lits
            .iter()
            .filter_map(|l| rare_pair(l.as_bytes()))
            .collect();
        if pairs.len() > CASELESS_MAX_PAIRS {
            pairs.clear();
        }
        let mut spellings: BTreeSet<Vec<u8>> = BTreeSet::new();
        for lit in lits {
            if rare_pair(lit.as_bytes()).is_some_and(|p| pairs.contains(p)) {
                continue;
            }
            let window = rare_window(lit.as_bytes());
            let letters: Vec<usize> = (0..window.len())
                .filter(|&i| window[i].is_ascii_lowercase())
                .collect();
            for case in 0..1u32 << letters.len() {
                let mut s = window.to_vec();
                for (bit, &i) in letters.iter().enumerate() {
                    if case >> bit & 1 == 1 {
                        s[i] = s[i].to_ascii_uppercase();
                    }
                }
                spellings.insert(s);
            }
            if spellings.len() > CASELESS_MAX_PATTERNS {
                return None;
            }
        }
        let searcher = if spellings.is_empty() {
            None
        } else {
            Some(
                packed::Config::new()
                    .match_kind(packed::MatchKind::LeftmostFirst)
                    .heuristic_pattern_limits(false)
                    .builder()
                    .extend(&spellings)
                    .build()?,
            )
        };
        let pairs = pairs
            .into_iter()
            .map(|p| memchr::memmem::Finder::new(p).into_owned())
            .collect();
        Some(CaselessGate { pairs, searcher })
    }

    /// Whether a literal may occur in `text` (false: none does, in any case).
    pub(crate) fn may_match(&self, text: &[u8]) -> bool {
        self.pairs.iter().any(|p| p.find(text).is_some())
            || self
                .searcher
                .as_ref()
                .is_some_and(|s| s.find(text).is_some())
    }
}

/// Two adjacent bytes of a literal, neither a letter, that are rare in event text by
/// [`commonness`] (`::`), if it holds such a pair: they have one spelling in any case.
fn rare_pair(lit: &[u8]) -> Option<&[u8]> {
    lit.windows(2)
        .filter(|w| !w.iter().any(u8::is_ascii_alphabetic))
        .map(|w| (w, w.iter().map(|&b| commonness(b)).sum::<u32>()))
        .filter(|&(_, c)| c <= 2 * commonness(b':'))
        .min_by_key(|&(_, c)| c)
        .map(|(w, _)| w)
}

/// The three bytes of a literal least likely to occur in event text, by
/// [`commonness`] (the whole literal when it is shorter).
fn rare_window(lit: &[u8]) -> &[u8] {
    lit.windows(3)
        .min_by_key(|w| w.iter().map(|&b| commonness(b)).sum::<u32>())
        .unwrap_or(lit)
}

/// A rough rank of how often a byte occurs in lowercased event text: common letters,
/// digits and the punctuation of paths and JSON highest; rare punctuation lowest.
fn commonness(b: u8) -> u32 {
    match b {
        b'e' | b't' | b'a' | b'o' | b'i' | b'n' | b's' | b'r' | b'h' | b'l' | b'd' | b'c'
        | b'u' | b'm' => 10,
        b'0'..=b'9' | b'\\' | b'.' | b'-' | b'/' | b' ' | b'"' | b'_' => 8,
        b'a'..=b'z' => 7,
        b':' | b',' => 6,
        _ => 3,
    }
}

/// Automata built once per distinct literal list. Routing buckets all carry the rules
/// of no particular log source (antivirus signatures, keyword rules), so the fields
/// only those rules read have the same literals in every bucket, and one automaton
/// serves them all.
#[derive(Debug, Default)]
pub(crate) struct ScannerCache {
    built: Mutex<HashMap<Vec<String>, Option<Scanner>, foldhash::fast::RandomState>>,
}

impl ScannerCache {
    /// The automaton over `lits`, built now unless an identical list was built before.
    pub(super) fn get(&self, lits: &[String]) -> Option<Scanner> {
        // A panic elsewhere while holding the lock leaves the map consistent (an
        // entry is inserted whole), so a poisoned lock is still usable.
        let mut built = self.built.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(s) = built.get(lits) {
            return s.clone();
        }
        let s = build_ac(lits);
        built.insert(lits.to_vec(), s.clone());
        s
    }
}

#[cfg(test)]
mod tests {
    use super::{
        CaselessGate, GATED_MIN_LEN, Parts, Scanner, build_ac, lowercase_into, rare_pair,
        rare_window,
    };

    /// The gate lets through every text holding a literal in any letter case, and
    /// stops text that holds none.
    #[test]
    fn a_caseless_gate_misses_no_literal() {
        let lits: Vec<String> = [
            "event::clear",
            "kiwi legit printer",
            "\\\\mimilib.dll",
            "ab",
            "sekurlsa::",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(rare_window(b"event::clear"), b"t::");
        assert_eq!(rare_window(b"ab"), b"ab");
        assert_eq!(rare_pair(b"event::clear"), Some(&b"::"[..]));
        assert_eq!(rare_pair(b"kiwi legit printer"), None);
        let Some(gate) = CaselessGate::build(&lits) else {
            panic!("no gate built");
        };
        let filler = "C:\\\\Windows\\\\System32 EventID 4688 Keywords ".repeat(3);
        assert!(!gate.may_match(filler.as_bytes()));
        for lit in &lits {
            let spellings = [lit.clone(), lit.to_ascii_uppercase(), mixed_case(lit)];
            for spelled in spellings {
                for at in [0, 7, filler.len()] {
                    let hay = format!("{}{spelled}{}", &filler[..at], &filler[at..]);
                    assert!(gate.may_match(hay.as_bytes()), "{hay}");
                }
            }
        }
        // Windows with too many spellings: no gate rather than a wrong one.
        let wordy: Vec<String> = [
            "bfg", "jkp", "qvw", "xyz", "bjq", "fkv", "gpw", "bkw", "fpz",
        ]
        .map(String::from)
        .to_vec();
        assert!(CaselessGate::build(&wordy).is_none());
        // More rare pairs than are searched one by one: their literals' windows are
        // spelled out instead, and still let through each literal in any case.
        let paired: Vec<String> = ["a::b", "c;;d", "e((f", "g))h"].map(String::from).to_vec();
        let Some(gate) = CaselessGate::build(&paired) else {
            panic!("no gate built");
        };
        assert!(gate.pairs.is_empty());
        for lit in &paired {
            let hay = format!("xx {} yy", lit.to_ascii_uppercase());
            assert!(gate.may_match(hay.as_bytes()), "{hay}");
        }
        assert!(!gate.may_match(b"nothing here"));
    }

    fn mixed_case(s: &str) -> String {
        s.chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect()
    }

    /// A set split into gated parts finds in long values what its whole automaton
    /// finds, and builds the parts only once a long value needs them.
    #[test]
    fn deferred_parts_are_built_for_long_values_only_and_agree_with_the_whole() {
        let lits: Vec<String> = (0..150).map(|i| format!("tool{i:03}.exe")).collect();
        let Some(scanner) = build_ac(&lits) else {
            panic!("the set builds");
        };
        let deferred = |s: &Scanner| match &s.parts {
            Parts::Deferred(d) => d.parts.get().is_some(),
            other => panic!("parts are deferred: {other:?}"),
        };
        let found = |s: &Scanner, hay: &str| {
            let mut got = Vec::new();
            s.each_match(hay.as_bytes(), &mut |p| got.push(p));
            got.sort_unstable();
            got
        };
        assert_eq!(found(&scanner, "run tool007.exe and tool149.exe"), [7, 149]);
        assert!(!deferred(&scanner), "a short value built the parts");
        let clone = scanner.clone();
        let long = format!(
            "{}tool000.exe {} tool064.exe tool128.exe",
            "x".repeat(GATED_MIN_LEN),
            "y".repeat(100)
        );
        assert_eq!(found(&clone, &long), [0, 64, 128]);
        // Clones share what one of them built.
        assert!(deferred(&scanner));
        let whole = scanner.whole.as_ref().map(|w| {
            let mut got: Vec<usize> =
                w.ac.find_overlapping_iter(long.as_bytes())
                    .map(|m| m.pattern().as_usize())
                    .collect();
            got.sort_unstable();
            got
        });
        assert_eq!(whole.as_deref(), Some(&[0, 64, 128][..]));
    }

    #[test]
    fn lowercasing_sixteen_at_a_time_matches_byte_by_byte() {
        let text = "Mixed CASE @[`{ ÄÖÜ éÉ C:\\WINDOWS\\System32 zZaA@[ 0123456789";
        for start in 0..text.len() {
            for end in start..=text.len() {
                let Some(part) = text.get(start..end) else {
                    continue;
                };
                let mut out = vec![b'?'; 7];
                let lower = lowercase_into(part, &mut out);
                assert_eq!(lower, part.to_ascii_lowercase().as_bytes(), "{part:?}");
            }
        }
    }
}
