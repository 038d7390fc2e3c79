//! The hunting query language: `field:value` (with `*` wildcards, quoted values
//! for spaces), free-text terms, `AND` / `OR` / `NOT` (case-insensitive) and
//! parentheses; terms side by side are ANDed. Matching is case-insensitive.
//!
//! ```text
//! host:web* AND (event.action:deny OR "failed password") NOT user.name:root
//! ```

use garrison_core::{Error, Result};

/// A parsed query.
#[derive(Debug, Clone, PartialEq)]
pub enum Query {
    /// A field's value matches a (lower-cased) pattern.
    Field {
        path: String,
        pattern: Pattern,
    },
    /// The raw text or message contains the term.
    Text(Pattern),
    And(Vec<Query>),
    Or(Vec<Query>),
    Not(Box<Query>),
}

/// A lower-cased value with `*` wildcards.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    glob: Vec<char>,
    /// The literal pieces between wildcards, for substring search.
    parts: Vec<String>,
}

impl Pattern {
    fn new(raw: &str) -> Pattern {
        let lower = raw.to_lowercase();
        Pattern {
            parts: lower
                .split('*')
                .filter(|p| !p.is_empty())
                .map(str::to_string)
                .collect(),
            glob: lower.chars().collect(),
        }
    }

    /// Whole-value match; `*` spans any text (the classic greedy matcher with
    /// one backtrack point, linear in practice).
    pub fn matches(&self, value: &str) -> bool {
        let text: Vec<char> = value.to_lowercase().chars().collect();
        let (mut p, mut t) = (0usize, 0usize);
        let mut star: Option<(usize, usize)> = None;
        while t < text.len() {
            if p < self.glob.len() && self.glob[p] == '*' {
                star = Some((p, t));
                p += 1;
            } else if p < self.glob.len() && self.glob[p] == text[t] {
                p += 1;
                t += 1;
            } else if let Some((sp, st)) = star {
                p = sp + 1;
                t = st + 1;
                star = Some((sp, st + 1));
            } else {
                return false;
            }
        }
        self.glob[p..].iter().all(|c| *c == '*')
    }

    /// Substring match of the literal pieces, in order (free text).
    pub fn contained_in(&self, haystack_lower: &str) -> bool {
        let mut rest = haystack_lower;
        for part in &self.parts {
            match rest.find(part.as_str()) {
                Some(at) => rest = &rest[at + part.len()..],
                None => return false,
            }
        }
        true
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Word(String),
    Quoted(String),
    FieldValue(String, String),
    And,
    Or,
    Not,
    Open,
    Close,
}

/// Parses a query; the error names the position of the problem.
pub fn parse(input: &str) -> Result<Option<Query>> {
    let tokens = tokenize(input)?;
    if tokens.is_empty() {
        return Ok(None);
    }
    let mut parser = Parser { tokens, at: 0 };
    let query = parser.or()?;
    if parser.at < parser.tokens.len() {
        return Err(Error::invalid(
            "filter.query",
            format!(
                "unexpected `{:?}` at term {}",
                parser.tokens[parser.at],
                parser.at + 1
            ),
        ));
    }
    Ok(Some(query))
}

fn tokenize(input: &str) -> Result<Vec<Token>> {
    let chars: Vec<char> = input.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c == '(' {
            tokens.push(Token::Open);
            i += 1;
        } else if c == ')' {
            tokens.push(Token::Close);
            i += 1;
        } else if c == '"' {
            let (text, next) = quoted(&chars, i)?;
            tokens.push(Token::Quoted(text));
            i = next;
        } else {
            let start = i;
            while i < chars.len()
                && !chars[i].is_whitespace()
                && chars[i] != '('
                && chars[i] != ')'
                && chars[i] != ':'
            {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            if i < chars.len() && chars[i] == ':' {
                i += 1;
                let value = if i < chars.len() && chars[i] == '"' {
                    let (text, next) = quoted(&chars, i)?;
                    i = next;
                    text
                } else {
                    let vstart = i;
                    while i < chars.len() && !chars[i].is_whitespace() && chars[i] != ')' {
                        i += 1;
                    }
                    chars[vstart..i].iter().collect()
                };
                if word.is_empty() || value.is_empty() {
                    return Err(Error::invalid(
                        "filter.query",
                        format!("`{word}:` needs a field name and a value"),
                    ));
                }
                tokens.push(Token::FieldValue(word, value));
            } else {
                tokens.push(match word.to_ascii_uppercase().as_str() {
                    "AND" => Token::And,
                    "OR" => Token::Or,
                    "NOT" => Token::Not,
                    _ => Token::Word(word),
                });
            }
        }
    }
    Ok(tokens)
}

fn quoted(chars: &[char], start: usize) -> Result<(String, usize)> {
    let mut i = start + 1;
    let mut text = String::new();
    while i < chars.len() && chars[i] != '"' {
        if chars[i] == '\\' && i + 1 < chars.len() {
            i += 1;
        }
        text.push(chars[i]);
        i += 1;
    }
    if i >= chars.len() {
        return Err(Error::invalid("filter.query", "unterminated quote"));
    }
    Ok((text, i + 1))
}

struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn or(&mut self) -> Result<Query> {
        let mut items = vec![self.and()?];
        while self.peek() == Some(&Token::Or) {
            self.at += 1;
            items.push(self.and()?);
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Query::Or(items)
        })
    }

    fn and(&mut self) -> Result<Query> {
        let mut items = vec![self.unary()?];
        loop {
            match self.peek() {
                Some(Token::And) => {
                    self.at += 1;
                    items.push(self.unary()?);
                }
                Some(Token::Or) | Some(Token::Close) | None => break,
                Some(_) => items.push(self.unary()?),
            }
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Query::And(items)
        })
    }

    fn unary(&mut self) -> Result<Query> {
        let token = self
            .peek()
            .cloned()
            .ok_or_else(|| Error::invalid("filter.query", "ends where a term was expected"))?;
        self.at += 1;
        match token {
            Token::Not => Ok(Query::Not(Box::new(self.unary()?))),
            Token::Open => {
                let inner = self.or()?;
                if self.peek() != Some(&Token::Close) {
                    return Err(Error::invalid("filter.query", "missing `)`"));
                }
                self.at += 1;
                Ok(inner)
            }
            Token::FieldValue(path, value) => Ok(Query::Field {
                path,
                pattern: Pattern::new(&value),
            }),
            Token::Word(text) | Token::Quoted(text) => Ok(Query::Text(Pattern::new(&text))),
            Token::Close => Err(Error::invalid("filter.query", "unexpected `)`")),
            Token::And | Token::Or => Err(Error::invalid(
                "filter.query",
                "AND/OR needs a term on both sides",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precedence_and_implicit_and() {
        let q =
            parse(r#"host:web* AND (event.action:deny OR "failed password") NOT user.name:root"#)
                .expect("ok")
                .expect("some");
        let Query::And(items) = q else {
            panic!("and expected")
        };
        assert_eq!(items.len(), 3);
        assert!(matches!(items[1], Query::Or(_)));
        assert!(matches!(items[2], Query::Not(_)));
    }

    #[test]
    fn wildcards() {
        assert!(Pattern::new("web*").matches("WEB01"));
        assert!(!Pattern::new("web*").matches("myweb01"));
        assert!(Pattern::new("*web*").matches("myweb01"));
        assert!(Pattern::new("*.exe").matches("c:\\x\\whoami.EXE"));
        assert!(!Pattern::new("*.exe").matches("a.exe.bak"));
        assert!(Pattern::new("deny").matches("Deny"));
        assert!(!Pattern::new("deny").matches("denyx"));
        assert!(Pattern::new("a*c").matches("abbbc"));
    }

    #[test]
    fn errors_name_the_argument() {
        for bad in ["(a", "a AND", "\"open", "host:", ")"] {
            let err = parse(bad).expect_err(bad);
            assert!(err.to_string().starts_with("filter.query:"), "{bad}: {err}");
        }
        assert_eq!(parse("   ").expect("ok"), None);
    }
}
