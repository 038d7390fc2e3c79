//! The detection condition language: `and`, `or`, `not`, parentheses, `1 of pattern`,
//! `all of pattern` and `them` (which skips searches named with a leading `_`).
//! Precedence is `not` > `and` > `or`, as in the specification.

/// A parsed condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    And(Vec<Cond>),
    Or(Vec<Cond>),
    Not(Box<Cond>),
    /// A search by name.
    Search(String),
    /// `1 of pattern` (`them` when the pattern is `None`).
    OneOf(Option<String>),
    /// `all of pattern` (`them` when the pattern is `None`).
    AllOf(Option<String>),
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    LParen,
    RParen,
    And,
    Or,
    Not,
    OneOf,
    AllOf,
    Word(String),
}

fn tokenize(s: &str) -> Result<Vec<Tok>, String> {
    let mut toks = Vec::new();
    let mut words = Vec::new();
    // Split on whitespace and parentheses, keeping parentheses as tokens.
    let mut cur = String::new();
    for c in s.chars() {
        match c {
            '(' | ')' => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                words.push(c.to_string());
            }
            c if c.is_whitespace() => {
                if !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let mut i = 0;
    while i < words.len() {
        let w = words[i].as_str();
        let next_is_of = words.get(i + 1).is_some_and(|n| n == "of");
        let t = match w {
            "(" => Tok::LParen,
            ")" => Tok::RParen,
            "and" => Tok::And,
            "or" => Tok::Or,
            "not" => Tok::Not,
            "1" | "any" if next_is_of => {
                i += 1;
                Tok::OneOf
            }
            "all" if next_is_of => {
                i += 1;
                Tok::AllOf
            }
            w if w.parse::<u32>().is_ok() && next_is_of => {
                return Err(format!("unsupported '{w} of' (only '1 of' and 'all of')"));
            }
            w => Tok::Word(w.to_string()),
        };
        toks.push(t);
        i += 1;
    }
    Ok(toks)
}

/// Parses a condition string.
pub fn parse(s: &str) -> Result<Cond, String> {
    let toks = tokenize(s)?;
    let mut p = Parser { toks, pos: 0 };
    let c = p.or()?;
    if p.pos != p.toks.len() {
        return Err(format!("unexpected token in condition '{s}'"));
    }
    Ok(c)
}

struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos)
    }

    fn or(&mut self) -> Result<Cond, String> {
        let mut items = vec![self.and()?];
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Cond::Or(items)
        })
    }

    fn and(&mut self) -> Result<Cond, String> {
        let mut items = vec![self.unary()?];
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            items.push(self.unary()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Cond::And(items)
        })
    }

    fn unary(&mut self) -> Result<Cond, String> {
        let tok = self
            .toks
            .get(self.pos)
            .cloned()
            .ok_or("condition ends unexpectedly")?;
        self.pos += 1;
        match tok {
            Tok::Not => Ok(Cond::Not(Box::new(self.unary()?))),
            Tok::LParen => {
                let c = self.or()?;
                if self.peek() != Some(&Tok::RParen) {
                    return Err("missing ')' in condition".into());
                }
                self.pos += 1;
                Ok(c)
            }
            Tok::OneOf | Tok::AllOf => {
                let Some(Tok::Word(w)) = self.toks.get(self.pos).cloned() else {
                    return Err("'of' without a search pattern".into());
                };
                self.pos += 1;
                let pat = if w == "them" { None } else { Some(w) };
                Ok(if tok == Tok::OneOf {
                    Cond::OneOf(pat)
                } else {
                    Cond::AllOf(pat)
                })
            }
            Tok::Word(w) => Ok(Cond::Search(w)),
            t => Err(format!("unexpected {t:?} in condition")),
        }
    }
}

/// Does a search name match an `of` pattern (`*` wildcards only)?
pub fn pattern_matches(pattern: &str, name: &str) -> bool {
    fn rec(p: &[u8], n: &[u8]) -> bool {
        match p.split_first() {
            None => n.is_empty(),
            Some((b'*', rest)) => (0..=n.len()).any(|i| rec(rest, &n[i..])),
            Some((c, rest)) => n.first() == Some(c) && rec(rest, &n[1..]),
        }
    }
    rec(pattern.as_bytes(), name.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(n: &str) -> Cond {
        Cond::Search(n.into())
    }

    #[test]
    fn precedence_not_and_or() {
        assert_eq!(
            parse("a or b and not c").expect("parses"),
            Cond::Or(vec![
                s("a"),
                Cond::And(vec![s("b"), Cond::Not(Box::new(s("c")))])
            ])
        );
        assert_eq!(
            parse("(a or b) and c").expect("parses"),
            Cond::And(vec![Cond::Or(vec![s("a"), s("b")]), s("c")])
        );
    }

    #[test]
    fn of_forms() {
        assert_eq!(
            parse("1 of sel*").expect("parses"),
            Cond::OneOf(Some("sel*".into()))
        );
        assert_eq!(parse("all of them").expect("parses"), Cond::AllOf(None));
        assert_eq!(
            parse("not 1 of filter_*").expect("parses"),
            Cond::Not(Box::new(Cond::OneOf(Some("filter_*".into()))))
        );
        assert!(parse("2 of sel*").is_err());
    }

    #[test]
    fn malformed_conditions_are_errors() {
        assert!(parse("(a and b").is_err());
        assert!(parse("a and").is_err());
        assert!(parse("a b").is_err());
        assert!(parse("1 of").is_err());
    }

    #[test]
    fn patterns() {
        assert!(pattern_matches("sel*", "selection"));
        assert!(pattern_matches("*_x", "a_x"));
        assert!(!pattern_matches("sel*", "filter"));
        assert!(pattern_matches("exact", "exact"));
    }
}
