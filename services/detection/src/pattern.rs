//! Sigma string values: wildcards (`*`, `?`), the spec's backslash escaping, and the
//! character classes `windash` introduces.
//!
//! Escaping follows the specification (and pySigma): a backslash escapes `*`, `?` and
//! itself; any other backslash is a literal backslash, so `C:\Windows\*` is the literal
//! `C:\Windows\` followed by a wildcard.

/// One piece of a Sigma string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Literal text.
    Lit(String),
    /// `*`: any run of characters, possibly empty.
    Star,
    /// `?`: exactly one character.
    One,
    /// Exactly one of these characters (used by `windash`).
    AnyOf(Vec<char>),
}

/// A parsed Sigma string value.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SigmaString {
    pub parts: Vec<Part>,
}

/// The five dash characters `windash` expands a leading `-` or `/` into.
pub const WINDASH_CHARS: [char; 5] = ['-', '/', '\u{2013}', '\u{2014}', '\u{2015}'];

impl SigmaString {
    /// Parses a rule value, interpreting wildcards and escapes.
    pub fn parse(s: &str) -> Self {
        let mut out = SigmaString::default();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.peek() {
                    Some(&n @ ('*' | '?' | '\\')) => {
                        chars.next();
                        out.push_char(n);
                    }
                    _ => out.push_char('\\'),
                },
                '*' => out.push_part(Part::Star),
                '?' => out.push_part(Part::One),
                c => out.push_char(c),
            }
        }
        out
    }

    /// A string with no wildcards at all (used for encoded values and `re`).
    pub fn literal(s: &str) -> Self {
        let mut out = SigmaString::default();
        if !s.is_empty() {
            out.parts.push(Part::Lit(s.to_string()));
        }
        out
    }

    fn push_char(&mut self, c: char) {
        if let Some(Part::Lit(l)) = self.parts.last_mut() {
            l.push(c);
        } else {
            self.parts.push(Part::Lit(c.to_string()));
        }
    }

    fn push_part(&mut self, p: Part) {
        // Consecutive stars mean the same as one.
        if p == Part::Star && self.parts.last() == Some(&Part::Star) {
            return;
        }
        self.parts.push(p);
    }

    /// True when the value contains `*`, `?` or a character class.
    pub fn has_wildcards(&self) -> bool {
        self.parts.iter().any(|p| !matches!(p, Part::Lit(_)))
    }

    /// Adds a leading `*` (for `contains` and `endswith`).
    pub fn star_prefix(mut self) -> Self {
        if self.parts.first() != Some(&Part::Star) {
            self.parts.insert(0, Part::Star);
        }
        self
    }

    /// Adds a trailing `*` (for `contains` and `startswith`).
    pub fn star_suffix(mut self) -> Self {
        self.push_part(Part::Star);
        self
    }

    /// The value as plain text, wildcards rendered as their characters. Used where a
    /// modifier (base64, utf16) needs bytes: the spec treats such values as literals.
    pub fn plain_text(&self) -> String {
        let mut s = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(l) => s.push_str(l),
                Part::Star => s.push('*'),
                Part::One => s.push('?'),
                Part::AnyOf(c) => s.push(c.first().copied().unwrap_or('-')),
            }
        }
        s
    }

    /// `windash`: every `-` or `/` that starts a command-line flag (start of the value or
    /// after a non-word character, and followed by a word character) may be any of the
    /// five dash characters.
    pub fn windash(self) -> Self {
        let mut out = SigmaString::default();
        for p in self.parts {
            let Part::Lit(l) = p else {
                out.push_part(p);
                continue;
            };
            let chars: Vec<char> = l.chars().collect();
            for (i, &c) in chars.iter().enumerate() {
                let prev_ok = i == 0 || !is_word(chars[i - 1]);
                let next_ok = chars.get(i + 1).is_some_and(|&n| is_word(n));
                if (c == '-' || c == '/') && prev_ok && next_ok {
                    out.push_part(Part::AnyOf(WINDASH_CHARS.to_vec()));
                } else {
                    out.push_char(c);
                }
            }
        }
        out
    }

    /// Expands character classes into alternative strings when that stays small, so
    /// the common `windash` case keeps fast literal matching instead of a regex.
    pub fn expand_classes(&self, limit: usize) -> Option<Vec<SigmaString>> {
        let mut acc = vec![SigmaString::default()];
        for p in &self.parts {
            match p {
                Part::AnyOf(cs) => {
                    if acc.len() * cs.len() > limit {
                        return None;
                    }
                    let mut next = Vec::with_capacity(acc.len() * cs.len());
                    for a in &acc {
                        for &c in cs {
                            let mut b = a.clone();
                            b.push_char(c);
                            next.push(b);
                        }
                    }
                    acc = next;
                }
                Part::Lit(l) => {
                    for a in &mut acc {
                        for c in l.chars() {
                            a.push_char(c);
                        }
                    }
                }
                other => {
                    for a in &mut acc {
                        a.push_part(other.clone());
                    }
                }
            }
        }
        Some(acc)
    }
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lit(s: &str) -> Part {
        Part::Lit(s.to_string())
    }

    #[test]
    fn escapes_follow_the_spec() {
        assert_eq!(SigmaString::parse(r"a\*b").parts, vec![lit("a*b")]);
        assert_eq!(SigmaString::parse(r"a\?b").parts, vec![lit("a?b")]);
        assert_eq!(SigmaString::parse(r"a\\b").parts, vec![lit(r"a\b")]);
        assert_eq!(
            SigmaString::parse(r"C:\Windows\x").parts,
            vec![lit(r"C:\Windows\x")]
        );
        assert_eq!(
            SigmaString::parse(r"a\\*").parts,
            vec![lit(r"a\"), Part::Star]
        );
        assert_eq!(SigmaString::parse(r"a\\\*").parts, vec![lit(r"a\*")]);
        assert_eq!(SigmaString::parse(r"trail\").parts, vec![lit(r"trail\")]);
    }

    #[test]
    fn wildcards_are_parts() {
        let s = SigmaString::parse("a*b?c**");
        assert_eq!(
            s.parts,
            vec![
                lit("a"),
                Part::Star,
                lit("b"),
                Part::One,
                lit("c"),
                Part::Star
            ]
        );
        assert!(s.has_wildcards());
        assert!(!SigmaString::parse("abc").has_wildcards());
    }

    #[test]
    fn windash_only_touches_flag_dashes() {
        let s = SigmaString::parse(" -enc x-y").windash();
        let variants = s.expand_classes(100).expect("small");
        assert_eq!(variants.len(), 5);
        assert!(
            variants
                .iter()
                .any(|v| v.plain_text() == " \u{2015}enc x-y")
        );
        assert!(variants.iter().all(|v| v.plain_text().ends_with("x-y")));
    }
}
