//! Compiled string matchers: exact, prefix, suffix, contains, wildcard glob and regex,
//! case-insensitive by default, without allocating on the hot path for ASCII needles
//! (the overwhelming majority of Sigma values).

use super::fold::Fold;
use crate::pattern::{Part, SigmaString};
use memchr::memmem::Finder;
use regex::Regex;

/// Shortest value a case-insensitive substring test folds whole and searches with a
/// precompiled finder; shorter ones are compared in place.
const FOLD_MIN_LEN: usize = 64;

/// How a string is compared.
#[derive(Debug, Clone)]
pub enum StrKind {
    Exact,
    Prefix,
    Suffix,
    Contains,
    /// A wildcard pattern that is not a simple prefix/suffix/contains.
    Glob(Regex),
    /// The `re` modifier (unanchored search).
    Regex(Regex),
}

/// A compiled string comparison.
#[derive(Debug, Clone)]
pub struct StrMatcher {
    pub kind: StrKind,
    /// The literal needle, lowercased unless `cased` (empty for Glob/Regex).
    pub needle: String,
    pub cased: bool,
    /// The needle as an integer, so `4688` matches a numeric event value directly.
    pub int: Option<i64>,
    /// For globs: the longest literal run (lowercased unless cased), for prefiltering.
    pub glob_lit: Option<String>,
    ascii: bool,
    /// For `Contains` with a needle: its precompiled SIMD substring finder (boxed:
    /// it is large, and most matchers have none).
    finder: Option<Box<Finder<'static>>>,
}

impl StrMatcher {
    /// Compiles a Sigma string; wildcards at the ends become prefix/suffix/contains.
    pub fn from_sigma(s: &SigmaString, cased: bool) -> Result<StrMatcher, String> {
        // `**` is `*`: collapsing runs lets `contains: '*'` (any value) and the like
        // become plain literal tests instead of regexes over the whole value.
        let mut parts: Vec<Part> = Vec::with_capacity(s.parts.len());
        for p in &s.parts {
            if !(*p == Part::Star && parts.last() == Some(&Part::Star)) {
                parts.push(p.clone());
            }
        }
        let parts = &parts;
        let lead = parts.first() == Some(&Part::Star);
        let trail = parts.len() > usize::from(lead) && parts.last() == Some(&Part::Star);
        let inner = &parts[usize::from(lead)..parts.len() - usize::from(trail)];
        let simple = inner.iter().all(|p| matches!(p, Part::Lit(_)));
        if simple {
            let lit: String = inner
                .iter()
                .map(|p| if let Part::Lit(l) = p { l.as_str() } else { "" })
                .collect();
            let kind = match (lead, trail) {
                (false, false) => StrKind::Exact,
                (false, true) => StrKind::Prefix,
                (true, false) => StrKind::Suffix,
                (true, true) => StrKind::Contains,
            };
            return Ok(Self::literal(kind, &lit, cased));
        }
        // Case-insensitively, ASCII letters fold in ASCII only, as in the literal
        // comparisons: `(?i)` alone would also let the Kelvin sign match `k` and `ſ`
        // match `s`, which the prefilter's index of the glob's literal run cannot see.
        // Other characters fold by Unicode.
        let mut re = String::from("(?s)^");
        for p in parts {
            match p {
                Part::Lit(l) => l.chars().for_each(|c| push_char(&mut re, c, cased)),
                Part::Star => re.push_str(".*"),
                Part::One => re.push('.'),
                Part::AnyOf(cs) => {
                    re.push_str("(?:");
                    for (i, &c) in cs.iter().enumerate() {
                        if i > 0 {
                            re.push('|');
                        }
                        push_char(&mut re, c, cased);
                    }
                    re.push(')');
                }
            }
        }
        re.push('$');
        let rx = Regex::new(&re).map_err(|e| format!("wildcard pattern: {e}"))?;
        let glob_lit = parts
            .iter()
            .filter_map(|p| if let Part::Lit(l) = p { Some(l) } else { None })
            .max_by_key(|l| l.len())
            .map(|l| if cased { l.clone() } else { l.to_lowercase() });
        Ok(StrMatcher {
            kind: StrKind::Glob(rx),
            needle: String::new(),
            cased,
            int: None,
            glob_lit,
            ascii: true,
            finder: None,
        })
    }

    /// A literal comparison of the given kind.
    pub fn literal(kind: StrKind, lit: &str, cased: bool) -> StrMatcher {
        // Lowercased character by character, as values are (`str::to_lowercase`
        // would turn a final Σ into ς, which no value's Σ becomes).
        let needle = if cased {
            lit.to_string()
        } else {
            lit.chars().flat_map(char::to_lowercase).collect()
        };
        let int = match kind {
            StrKind::Exact => lit.parse::<i64>().ok(),
            _ => None,
        };
        // Characters without case (emoji, symbols) need no Unicode folding: ASCII
        // folding is then exact, and much cheaper.
        let ascii = needle.chars().all(|c| {
            c.is_ascii()
                || (c.to_lowercase().eq(std::iter::once(c))
                    && c.to_uppercase().eq(std::iter::once(c)))
        });
        let finder = (matches!(kind, StrKind::Contains) && !needle.is_empty())
            .then(|| Box::new(Finder::new(needle.as_bytes()).into_owned()));
        StrMatcher {
            kind,
            needle,
            cased,
            int,
            glob_lit: None,
            ascii,
            finder,
        }
    }

    /// Whether ASCII case folding is the whole of this literal's case-insensitive
    /// comparison (its characters are ASCII or have no case, like emoji).
    pub fn folds_ascii(&self) -> bool {
        self.ascii
    }

    /// Compiles a `re` value with its flags.
    pub fn regex(pattern: &str, i: bool, m: bool, s: bool) -> Result<StrMatcher, String> {
        let mut flags = String::new();
        for (on, f) in [(i, 'i'), (m, 'm'), (s, 's')] {
            if on {
                flags.push(f);
            }
        }
        let full = if flags.is_empty() {
            pattern.to_string()
        } else {
            format!("(?{flags}){pattern}")
        };
        let rx = Regex::new(&full)
            .map_err(|e| format!("regex '{pattern}': {}", first_line(&e.to_string())))?;
        Ok(StrMatcher {
            kind: StrKind::Regex(rx),
            needle: String::new(),
            cased: true,
            int: None,
            glob_lit: None,
            ascii: true,
            finder: None,
        })
    }

    /// Matches a string. `fold` holds case-folded copies of the event's strings.
    #[inline]
    pub fn is_match(&self, hay: &str, fold: &mut Fold) -> bool {
        match &self.kind {
            StrKind::Glob(r) | StrKind::Regex(r) => r.is_match(hay),
            kind => {
                if let Some(finder) = &self.finder
                    && (self.cased || self.ascii && hay.len() >= FOLD_MIN_LEN)
                {
                    let hay = if self.cased {
                        hay.as_bytes()
                    } else {
                        fold.ascii_lower(hay)
                    };
                    return finder.find(hay).is_some();
                }
                if self.cased {
                    literal_match(kind, hay.as_bytes(), self.needle.as_bytes(), false)
                } else if self.ascii {
                    literal_match(kind, hay.as_bytes(), self.needle.as_bytes(), true)
                } else if hay.is_ascii() {
                    // ASCII text folds to ASCII; it cannot contain a cased non-ASCII needle.
                    false
                } else {
                    let text = &mut fold.text;
                    text.clear();
                    for c in hay.chars() {
                        text.extend(c.to_lowercase());
                    }
                    literal_match(kind, text.as_bytes(), self.needle.as_bytes(), false)
                }
            }
        }
    }
}

/// One character of a glob, as a regex: itself (cased, or ASCII other than a
/// letter), both ASCII cases of an ASCII letter, or a Unicode case-insensitive group.
fn push_char(re: &mut String, c: char, cased: bool) {
    let text = regex::escape(c.encode_utf8(&mut [0; 4]));
    if cased || c.is_ascii() && !c.is_ascii_alphabetic() {
        re.push_str(&text);
    } else if c.is_ascii() {
        re.push('[');
        re.push(c.to_ascii_lowercase());
        re.push(c.to_ascii_uppercase());
        re.push(']');
    } else {
        re.push_str("(?i:");
        re.push_str(&text);
        re.push(')');
    }
}

fn first_line(s: &str) -> String {
    crate::parse::one_line(s)
}

#[inline]
fn eq(a: &[u8], b: &[u8], fold: bool) -> bool {
    if fold {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

#[inline]
fn literal_match(kind: &StrKind, hay: &[u8], needle: &[u8], fold: bool) -> bool {
    match kind {
        StrKind::Exact => hay.len() == needle.len() && eq(hay, needle, fold),
        StrKind::Prefix => hay.len() >= needle.len() && eq(&hay[..needle.len()], needle, fold),
        StrKind::Suffix => {
            hay.len() >= needle.len() && eq(&hay[hay.len() - needle.len()..], needle, fold)
        }
        StrKind::Contains => contains(hay, needle, fold),
        StrKind::Glob(_) | StrKind::Regex(_) => false,
    }
}

/// Substring search; with `fold`, ASCII case-insensitive (needle already lowercase).
#[inline]
pub fn contains(hay: &[u8], needle: &[u8], fold: bool) -> bool {
    let Some(&first) = needle.first() else {
        return true;
    };
    if hay.len() < needle.len() {
        return false;
    }
    if !fold {
        return memchr::memmem::find(hay, needle).is_some();
    }
    let upper = first.to_ascii_uppercase();
    let last_start = hay.len() - needle.len();
    let mut from = 0;
    while from <= last_start {
        let Some(off) = memchr::memchr2(first, upper, &hay[from..=last_start]) else {
            return false;
        };
        let at = from + off;
        if hay[at + 1..at + needle.len()].eq_ignore_ascii_case(&needle[1..]) {
            return true;
        }
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(v: &str) -> StrMatcher {
        StrMatcher::from_sigma(&SigmaString::parse(v), false).expect("compiles")
    }

    fn hit(mat: &StrMatcher, s: &str) -> bool {
        mat.is_match(s, &mut Fold::default())
    }

    #[test]
    fn classifies_simple_wildcards() {
        assert!(matches!(m("abc").kind, StrKind::Exact));
        assert!(matches!(m("abc*").kind, StrKind::Prefix));
        assert!(matches!(m("*abc").kind, StrKind::Suffix));
        assert!(matches!(m("*abc*").kind, StrKind::Contains));
        assert!(matches!(m("a*c").kind, StrKind::Glob(_)));
        // Runs of stars collapse: these are literal tests, not regexes.
        assert!(matches!(m("**abc**").kind, StrKind::Contains));
        let any = m("***");
        assert!(!matches!(any.kind, StrKind::Glob(_)));
        assert!(hit(&any, "") && hit(&any, "anything at all"));
        assert!(hit(&m("a**c"), "abbc") && !hit(&m("a**c"), "abbd"));
    }

    #[test]
    fn case_insensitive_by_default() {
        assert!(hit(&m("*CMD.exe"), "c:\\windows\\cmd.EXE"));
        assert!(hit(&m("*Ärger*"), "großer ärger"));
        assert!(!hit(&m("*xyz*"), "xy"));
        let cased = StrMatcher::from_sigma(&SigmaString::parse("*CMD*"), true).expect("compiles");
        assert!(!hit(&cased, "cmd"));
        assert!(hit(&cased, "xCMDx"));
    }

    #[test]
    fn non_ascii_needles_lowercase_like_values() {
        // A final capital sigma: lowercased alone it is σ, as in the value.
        assert!(hit(&m("*\u{3a0}\u{391}\u{3a3}"), "x \u{3a0}\u{391}\u{3a3}"));
        assert!(hit(&m("\u{3a0}\u{391}\u{3a3}"), "\u{3c0}\u{3b1}\u{3c3}"));
        assert!(hit(&m("*\u{3a3}*"), "a \u{3a3} b"));
    }

    #[test]
    fn globs_and_single_char_wildcards() {
        assert!(hit(&m("a?c"), "abc"));
        assert!(!hit(&m("a?c"), "abbc"));
        assert!(hit(&m("a*c"), "aXYZc"));
        assert!(hit(&m("*\\*x*"), "1*x2"));
        assert!(!hit(&m("*\\*x*"), "1yx2"));
        assert!(hit(&m("a\\?"), "a?"));
        assert!(!hit(&m("a\\?"), "ab"));
    }

    /// Glob letters fold like literal comparisons: ASCII in ASCII only (the Kelvin
    /// sign is not `k`, the long s not `s`), other letters by Unicode.
    #[test]
    fn globs_fold_ascii_letters_in_ascii_only() {
        let g = m("*sekurlsa::*logonpasswords*");
        assert!(matches!(g.kind, StrKind::Glob(_)));
        assert!(hit(&g, "x SEKURLSA::LogonPasswords"));
        assert!(!hit(&g, "x sekurlsa::logonpa\u{17f}\u{17f}words"));
        assert!(!hit(&g, "x se\u{212a}urlsa::logonpasswords"));
        assert!(hit(&m("*\u{c4}rger*x*"), "GROSSER \u{e4}RGER X"));
        assert!(hit(&m("a?c*[x]"), "ABC..[X]"));
        let cased = StrMatcher::from_sigma(&SigmaString::parse("a*B"), true).expect("compiles");
        assert!(hit(&cased, "axB") && !hit(&cased, "Axb"));
    }

    #[test]
    fn long_values_fold_once_for_many_substring_tests() {
        let hay = format!(
            "{}Host Application = C:\\Windows\\PowerShell.EXE -nop",
            "x = y\r\n".repeat(20)
        );
        let mut fold = Fold::default();
        for (needle, want) in [
            ("*= c:\\windows\\powershell*", true),
            ("*-NOP*", true),
            ("*= pwsh*", false),
        ] {
            assert_eq!(m(needle).is_match(&hay, &mut fold), want, "{needle}");
        }
        let cased = StrMatcher::from_sigma(&SigmaString::parse("*PowerShell.EXE*"), true)
            .expect("compiles");
        assert!(cased.is_match(&hay, &mut fold));
        assert!(!cased.is_match(&hay.to_lowercase(), &mut fold));
    }

    #[test]
    fn contains_scans_all_candidates() {
        assert!(contains(b"aaab", b"ab", true));
        assert!(contains(b"xAB", b"ab", true));
        assert!(!contains(b"a", b"ab", true));
        assert!(contains(b"abc", b"", true));
    }
}
