//! The raw spellings of a case-insensitive needle with cased non-ASCII characters
//! (`Ⓜ️`, Cyrillic homoglyphs), for indexing it in the prefilter.
//!
//! Such a needle matches where the value, lowercased character by character, contains
//! the (lowercase) needle. The prefilter scans values lowercased in ASCII only, so it
//! cannot look for the needle itself; but a matching value holds, at the match, each
//! needle character in one of the forms that lowercase to it (`Ⓜ` or `ⓜ`), and the
//! spellings are every such sequence. Indexed by them, homoglyph and emoji rules wait
//! for their characters instead of running on every command line.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Most spellings a needle is indexed by; beyond it the needle is not indexed.
const MAX_SPELLINGS: usize = 16;

/// Each character's other forms, by the single character they lowercase to, and the
/// characters that occur inside a longer lowercase form (`İ` lowercases to `i̇`).
struct Reverse {
    forms: HashMap<char, Vec<char>>,
    in_expansion: Vec<char>,
}

/// Past the first two planes no character has a case (the rest are ideographs, tags,
/// variation selectors and private use; a test checks it against the standard
/// library's tables).
const CASED_BELOW: u32 = 0x2_0000;

/// Built once, on the first needle that needs it (a pass over the first two planes,
/// a few milliseconds).
fn reverse() -> &'static Reverse {
    static REVERSE: OnceLock<Reverse> = OnceLock::new();
    REVERSE.get_or_init(|| {
        let mut forms: HashMap<char, Vec<char>> = HashMap::new();
        let mut in_expansion = Vec::new();
        for c in (0..CASED_BELOW).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l != c => forms.entry(l).or_default().push(c),
                (Some(_), Some(_)) => in_expansion.extend(c.to_lowercase()),
                _ => {}
            }
        }
        Reverse {
            forms,
            in_expansion,
        }
    })
}

/// Whether some non-ASCII character lowercases to this ASCII one, or into a longer
/// form holding it: the Kelvin sign to `k`, `İ` to `i` and a combining dot. A run of
/// ASCII without these occurs, as is, in any value whose lowercase holds it.
pub(crate) fn reached_from_non_ascii(c: char) -> bool {
    let rev = reverse();
    rev.in_expansion.contains(&c)
        || rev
            .forms
            .get(&c)
            .is_some_and(|f| f.iter().any(|x| !x.is_ascii()))
}

/// The spellings of `needle` (already lowercased) as the prefilter sees values: ASCII
/// letters lowercased, everything else as is. `None` when there are more than
/// [`MAX_SPELLINGS`], or when a needle character can come from inside another
/// character's longer lowercase form (a match could then begin or end mid-character).
pub(crate) fn spellings(needle: &str) -> Option<Vec<String>> {
    let rev = reverse();
    let mut out = vec![String::new()];
    for ch in needle.chars() {
        if rev.in_expansion.contains(&ch) {
            return None;
        }
        let mut forms = vec![ch.to_ascii_lowercase()];
        for &f in rev.forms.get(&ch).into_iter().flatten() {
            let f = f.to_ascii_lowercase();
            if !forms.contains(&f) {
                forms.push(f);
            }
        }
        if out.len() * forms.len() > MAX_SPELLINGS {
            return None;
        }
        out = out
            .iter()
            .flat_map(|s| forms.iter().map(move |f| format!("{s}{f}")))
            .collect();
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{CASED_BELOW, spellings};

    #[test]
    fn no_character_past_the_first_two_planes_changes_in_lowercase() {
        let changed = (CASED_BELOW..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .find(|&c| c.to_lowercase().ne(std::iter::once(c)));
        assert_eq!(changed, None);
    }

    fn sorted(needle: &str) -> Option<Vec<String>> {
        spellings(needle).map(|mut v| {
            v.sort();
            v
        })
    }

    #[test]
    fn every_form_that_lowercases_to_a_needle_character_is_a_spelling() {
        // Cyrillic А (U+0410) lowercases to а (U+0430).
        assert_eq!(
            sorted("\u{430}"),
            Some(vec!["\u{410}".into(), "\u{430}".into()])
        );
        // Ⓜ️: the circled letter has two forms, the variation selector one.
        assert_eq!(
            sorted("\u{24dc}\u{fe0f}"),
            Some(vec!["\u{24c2}\u{fe0f}".into(), "\u{24dc}\u{fe0f}".into()])
        );
        // ω has three: Ω, ω and the ohm sign; ASCII letters stay lowercase, and k
        // gains the Kelvin sign.
        assert_eq!(sorted("\u{3c9}").map(|v| v.len()), Some(3));
        assert_eq!(
            sorted("k\u{430}"),
            Some(vec![
                "k\u{410}".into(),
                "k\u{430}".into(),
                "\u{212a}\u{410}".into(),
                "\u{212a}\u{430}".into()
            ])
        );
    }

    #[test]
    fn only_k_and_i_are_reached_from_non_ascii_characters() {
        let reached: String = ('\0'..='\x7f')
            .filter(|&c| super::reached_from_non_ascii(c))
            .collect();
        assert_eq!(reached, "ik");
    }

    #[test]
    fn needles_with_too_many_spellings_or_inside_a_longer_lowercase_are_not_spelled() {
        // Six cased Cyrillic letters: 64 spellings.
        assert_eq!(
            spellings("\u{43f}\u{440}\u{438}\u{432}\u{435}\u{442}"),
            None
        );
        // İ lowercases to "i" and a combining dot: a match may begin inside it.
        assert_eq!(spellings("\u{430}i"), None);
        assert_eq!(spellings("\u{307}\u{430}"), None);
    }
}
