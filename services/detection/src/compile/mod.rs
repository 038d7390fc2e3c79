//! Compiling parsed detections into match trees, and evaluating them on events.
//!
//! A compiled rule is one [`Node`] tree (searches inlined into the condition), whose
//! leaves hold precompiled matchers: no regex compilation or string allocation happens
//! while an event is evaluated.

pub mod fold;
mod item;
pub mod literalset;
pub mod needs;
pub mod prefilter;
mod reads;
mod scancache;
pub(crate) mod scanner;
mod spellings;
pub mod strmatch;
mod values;

pub use item::{CompileCtx, compile_detection};

use crate::event::{FieldPath, any_string};
use crate::parse::CmpOp;
use fold::Fold;
use serde_json::Value;
use strmatch::StrMatcher;

/// A node of a compiled condition.
#[derive(Debug, Clone)]
pub enum Node {
    And(Vec<Node>),
    Or(Vec<Node>),
    Not(Box<Node>),
    Const(bool),
    Field(Box<FieldTest>),
    Keyword(Box<KeywordTest>),
}

/// One `Field|modifiers: values` test.
#[derive(Debug, Clone)]
pub struct FieldTest {
    pub path: FieldPath,
    pub preds: Vec<Pred>,
    /// `all` modifier: every value must match (otherwise any).
    pub all: bool,
}

/// A field-less keyword search over every string value of the event.
#[derive(Debug, Clone)]
pub struct KeywordTest {
    pub preds: Vec<StrMatcher>,
    pub all: bool,
}

/// Date parts for the `minute`..`year` modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatePart {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

/// A compiled predicate on one field value.
#[derive(Debug, Clone)]
pub enum Pred {
    Str(StrMatcher),
    /// Many case-insensitive literals at once (see [`literalset`]).
    Set(Box<literalset::LiteralSet>),
    /// `null`: the field is absent or null.
    Null,
    /// `exists`: the field is present (and not null) when true.
    Exists(bool),
    /// `neq`: the inner predicate does not hold (also true when the field is absent).
    Not(Box<Pred>),
    /// `gt`/`gte`/`lt`/`lte` against a number.
    Num(CmpOp, f64),
    Cidr(ipnet::IpNet),
    /// `fieldref`: compare with another field of the same event.
    FieldRef(FieldPath, strmatch::StrKind, bool),
    /// A date part of a timestamp field compared with a number.
    Date(DatePart, CmpOp, f64),
}

impl Node {
    /// Evaluates the node on an event. `scratch` holds case-folded copies of the
    /// event's strings: [`Fold::reset`] it before evaluating another event.
    pub fn eval(&self, ev: &Value, scratch: &mut Fold) -> bool {
        match self {
            Node::And(v) => v.iter().all(|n| n.eval(ev, scratch)),
            Node::Or(v) => v.iter().any(|n| n.eval(ev, scratch)),
            Node::Not(n) => !n.eval(ev, scratch),
            Node::Const(b) => *b,
            Node::Field(f) => f.eval(ev, scratch),
            Node::Keyword(k) => {
                let one = |m: &StrMatcher, scratch: &mut Fold| {
                    any_string(ev, &mut |s| m.is_match(s, scratch))
                };
                if k.all {
                    k.preds.iter().all(|m| one(m, scratch))
                } else {
                    k.preds.iter().any(|m| one(m, scratch))
                }
            }
        }
    }
}

impl FieldTest {
    fn eval(&self, ev: &Value, scratch: &mut Fold) -> bool {
        let v = self.path.lookup(ev);
        if self.preds.is_empty() {
            return false;
        }
        if self.all {
            self.preds.iter().all(|p| p.eval(v, ev, scratch))
        } else {
            self.preds.iter().any(|p| p.eval(v, ev, scratch))
        }
    }
}

impl Pred {
    fn eval(&self, v: Option<&Value>, ev: &Value, scratch: &mut Fold) -> bool {
        match self {
            Pred::Null => matches!(v, None | Some(Value::Null)),
            Pred::Exists(want) => matches!(v, Some(x) if !x.is_null()) == *want,
            Pred::Not(inner) => !inner.eval(v, ev, scratch),
            _ => match v {
                None | Some(Value::Null) => false,
                Some(Value::Array(a)) => a.iter().any(|x| self.scalar(x, ev, scratch)),
                Some(x) => self.scalar(x, ev, scratch),
            },
        }
    }

    fn scalar(&self, v: &Value, ev: &Value, scratch: &mut Fold) -> bool {
        match self {
            Pred::Set(set) => match v {
                Value::String(s) => set.is_match(s, scratch),
                Value::Number(n) => {
                    let mut buf = StackBuf::default();
                    use std::fmt::Write;
                    write!(buf, "{n}").is_ok()
                        && scratch.transient(|f| set.is_match(buf.as_str(), f))
                }
                Value::Bool(b) => set.is_match(if *b { "true" } else { "false" }, scratch),
                _ => false,
            },
            Pred::Str(m) => match v {
                Value::String(s) => m.is_match(s, scratch),
                Value::Number(n) => {
                    if let (Some(want), Some(have)) = (m.int, n.as_i64()) {
                        return want == have;
                    }
                    let mut buf = StackBuf::default();
                    use std::fmt::Write;
                    if write!(buf, "{n}").is_err() {
                        return false;
                    }
                    scratch.transient(|f| m.is_match(buf.as_str(), f))
                }
                Value::Bool(b) => m.is_match(if *b { "true" } else { "false" }, scratch),
                _ => false,
            },
            Pred::Num(op, want) => number(v).is_some_and(|x| op.holds(x, *want)),
            Pred::Cidr(net) => v
                .as_str()
                .and_then(|s| s.trim().parse::<std::net::IpAddr>().ok())
                .is_some_and(|ip| net.contains(&ip)),
            Pred::FieldRef(other, kind, cased) => {
                let Some(o) = other.lookup(ev) else {
                    return false;
                };
                let (Some(a), Some(b)) = (text(v), text(o)) else {
                    return false;
                };
                scratch.transient(|f| StrMatcher::literal(kind.clone(), &b, *cased).is_match(&a, f))
            }
            Pred::Date(part, op, want) => crate::event::timestamp_ms(v)
                .and_then(chrono::DateTime::from_timestamp_millis)
                .is_some_and(|t| op.holds(date_part(&t, *part), *want)),
            Pred::Null | Pred::Exists(_) | Pred::Not(_) => false,
        }
    }
}

fn date_part(t: &chrono::DateTime<chrono::Utc>, part: DatePart) -> f64 {
    use chrono::{Datelike, Timelike};
    f64::from(match part {
        DatePart::Minute => t.minute(),
        DatePart::Hour => t.hour(),
        DatePart::Day => t.day(),
        DatePart::Week => t.iso_week().week(),
        DatePart::Month => t.month(),
        DatePart::Year => t.year().unsigned_abs(),
    })
}

/// A number from a JSON number or numeric text.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// Text of a scalar, for `fieldref` comparisons (rare enough to allocate).
fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A fixed-size buffer for formatting numbers without allocating.
struct StackBuf {
    buf: [u8; 48],
    len: usize,
}

impl Default for StackBuf {
    fn default() -> Self {
        StackBuf {
            buf: [0; 48],
            len: 0,
        }
    }
}

impl StackBuf {
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl std::fmt::Write for StackBuf {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}
