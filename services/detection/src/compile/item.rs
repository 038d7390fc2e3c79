//! Compiling one detection (searches + condition) with all value modifiers.

use super::strmatch::{StrKind, StrMatcher};
use super::values::{encode, expand};
use super::{DatePart, FieldTest, KeywordTest, Node, Pred};
use crate::condition::{Cond, parse as parse_condition, pattern_matches};
use crate::event::FieldPath;
use crate::fieldmap;
use crate::modifiers::Modifier;
use crate::parse::{CmpOp, Detection, FieldItem, LogSource, Search, SigmaValue};
use crate::pattern::SigmaString;
use std::collections::HashMap;

/// What compilation needs besides the rule itself.
#[derive(Debug, Clone, Copy)]
pub struct CompileCtx<'a> {
    pub logsource: &'a LogSource,
    /// Values for `expand` placeholders (`%name%` -> values), per tenant.
    pub placeholders: &'a HashMap<String, Vec<String>>,
}

/// Compiles a detection into one tree: the OR of its conditions.
pub fn compile_detection(det: &Detection, ctx: CompileCtx<'_>) -> Result<Node, String> {
    let mut searches: Vec<(&str, Node)> = Vec::new();
    for (name, s) in &det.searches {
        let n = compile_search(s, ctx).map_err(|e| format!("search '{name}': {e}"))?;
        searches.push((name, n));
    }
    let mut alts = Vec::new();
    for c in &det.conditions {
        let cond = parse_condition(c)?;
        alts.push(lower(&cond, &searches)?);
    }
    Ok(or(alts))
}

fn or(mut v: Vec<Node>) -> Node {
    if v.len() == 1 {
        v.remove(0)
    } else {
        Node::Or(v)
    }
}

fn and(mut v: Vec<Node>) -> Node {
    if v.len() == 1 {
        v.remove(0)
    } else {
        Node::And(v)
    }
}

fn lower(c: &Cond, searches: &[(&str, Node)]) -> Result<Node, String> {
    Ok(match c {
        Cond::And(v) => and(v
            .iter()
            .map(|x| lower(x, searches))
            .collect::<Result<_, _>>()?),
        Cond::Or(v) => or(v
            .iter()
            .map(|x| lower(x, searches))
            .collect::<Result<_, _>>()?),
        Cond::Not(x) => Node::Not(Box::new(lower(x, searches)?)),
        Cond::Search(name) => searches
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, node)| node.clone())
            .ok_or_else(|| format!("condition names unknown search '{name}'"))?,
        Cond::OneOf(p) | Cond::AllOf(p) => {
            let picked: Vec<Node> = searches
                .iter()
                .filter(|(n, _)| match p {
                    Some(p) => pattern_matches(p, n),
                    None => !n.starts_with('_'),
                })
                .map(|(_, node)| node.clone())
                .collect();
            if picked.is_empty() {
                return Err(format!(
                    "'of {}' matches no search",
                    p.as_deref().unwrap_or("them")
                ));
            }
            if matches!(c, Cond::OneOf(_)) {
                or(picked)
            } else {
                and(picked)
            }
        }
    })
}

fn compile_search(s: &Search, ctx: CompileCtx<'_>) -> Result<Node, String> {
    Ok(match s {
        Search::AllOf(items) => and(items
            .iter()
            .map(|i| compile_item(i, ctx))
            .collect::<Result<_, _>>()?),
        Search::AnyOf(v) => or(v
            .iter()
            .map(|x| compile_search(x, ctx))
            .collect::<Result<_, _>>()?),
        Search::Keywords(item) => compile_item(item, ctx)?,
    })
}

/// Compiles one `Field|modifiers: values` item (or a keyword list when the field is empty).
pub fn compile_item(item: &FieldItem, ctx: CompileCtx<'_>) -> Result<Node, String> {
    let mods = &item.modifiers;
    let has = |m: Modifier| mods.contains(&m);
    let all = has(Modifier::All);
    let values = if has(Modifier::Expand) {
        expand(&item.values, ctx.placeholders)?
    } else {
        item.values.clone()
    };

    if item.field.is_empty() {
        if mods.iter().any(|m| {
            !matches!(
                m,
                Modifier::All
                    | Modifier::Contains
                    | Modifier::StartsWith
                    | Modifier::EndsWith
                    | Modifier::Cased
                    | Modifier::Windash
                    | Modifier::Re
                    | Modifier::ReI
                    | Modifier::ReM
                    | Modifier::ReS
                    | Modifier::Base64
                    | Modifier::Base64Offset
                    | Modifier::Utf16Le
                    | Modifier::Utf16Be
                    | Modifier::Utf16
                    | Modifier::Expand
            )
        }) {
            return Err("keyword search with a field-only modifier".into());
        }
        let mut per_value = Vec::new();
        for v in &values {
            // Keywords are full-text terms: without an anchoring modifier they match anywhere.
            let mut m = mods.clone();
            if !has(Modifier::StartsWith) && !has(Modifier::EndsWith) && !has(Modifier::Re) {
                m.push(Modifier::Contains);
            }
            let mut variants = Vec::new();
            for p in string_preds(v, &m)? {
                match p {
                    Pred::Str(s) => variants.push(s),
                    _ => return Err("keyword value is not a string".into()),
                }
            }
            per_value.push(variants);
        }
        // As for fields: under `all` a value that expands to variants holds when any
        // of them does.
        if all && per_value.iter().any(|p| p.len() > 1) {
            let parts = per_value
                .into_iter()
                .map(|preds| Node::Keyword(Box::new(KeywordTest { preds, all: false })))
                .collect();
            return Ok(Node::And(parts));
        }
        let preds = per_value.into_iter().flatten().collect();
        return Ok(Node::Keyword(Box::new(KeywordTest { preds, all })));
    }

    let candidates = fieldmap::candidates(&item.field, ctx.logsource);
    let path = FieldPath::new(&item.field, &candidates);
    let mut preds = Vec::new();
    let date = mods.iter().find_map(|m| date_part(*m));
    let cmp = mods.iter().find_map(|m| cmp_op(*m));

    if has(Modifier::Exists) {
        let [SigmaValue::Bool(b)] = values.as_slice() else {
            return Err("'exists' needs a single boolean".into());
        };
        preds.push(Pred::Exists(*b));
    } else if has(Modifier::Cidr) {
        for v in &values {
            let text = v.as_text();
            let net: ipnet::IpNet = text
                .parse()
                .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| format!("invalid CIDR '{text}'"))?;
            preds.push(Pred::Cidr(net));
        }
    } else if date.is_some() || cmp.is_some() {
        for v in &values {
            let n = match v {
                SigmaValue::Int(i) => *i as f64,
                SigmaValue::Float(f) => *f,
                SigmaValue::Str(s) => s
                    .trim()
                    .parse()
                    .map_err(|_| format!("'{s}' is not a number"))?,
                _ => return Err("comparison needs a number".into()),
            };
            let op = cmp.unwrap_or(CmpOp::Eq);
            preds.push(match date {
                Some(part) => Pred::Date(part, op, n),
                None => Pred::Num(op, n),
            });
        }
    } else if has(Modifier::FieldRef) {
        let kind = if has(Modifier::Contains) {
            StrKind::Contains
        } else if has(Modifier::StartsWith) {
            StrKind::Prefix
        } else if has(Modifier::EndsWith) {
            StrKind::Suffix
        } else {
            StrKind::Exact
        };
        for v in &values {
            let name = v.as_text();
            let other = FieldPath::new(&name, &fieldmap::candidates(&name, ctx.logsource));
            preds.push(Pred::FieldRef(other, kind.clone(), has(Modifier::Cased)));
        }
    } else {
        let mut per_value = Vec::new();
        for v in &values {
            if *v == SigmaValue::Null {
                per_value.push(vec![Pred::Null]);
                continue;
            }
            per_value.push(string_preds(v, mods)?);
        }
        if all && !has(Modifier::Neq) && per_value.iter().any(|p| p.len() > 1) {
            // Under `all` each value must hold, and a value that expands to variants
            // (windash's dashes, base64offset's offsets) holds when any variant does:
            // an AND of one "any of" test per value.
            let parts = per_value
                .into_iter()
                .map(|variants| {
                    Node::Field(Box::new(FieldTest {
                        path: path.clone(),
                        preds: super::literalset::fold(variants),
                        all: false,
                    }))
                })
                .collect();
            return Ok(Node::And(parts));
        }
        preds.extend(per_value.into_iter().flatten());
    }
    if has(Modifier::Neq) {
        preds = preds.into_iter().map(|p| Pred::Not(Box::new(p))).collect();
    }
    if !all {
        preds = super::literalset::fold(preds);
    }
    Ok(Node::Field(Box::new(FieldTest { path, preds, all })))
}

/// String predicates for one value: encodings, windash, wildcards and anchoring.
fn string_preds(v: &SigmaValue, mods: &[Modifier]) -> Result<Vec<Pred>, String> {
    let has = |m: Modifier| mods.contains(&m);
    let mut cased = has(Modifier::Cased);
    if has(Modifier::Re) {
        let SigmaValue::Str(p) = v else {
            return Err("'re' needs a string".into());
        };
        let m = StrMatcher::regex(
            p,
            has(Modifier::ReI),
            has(Modifier::ReM),
            has(Modifier::ReS),
        )?;
        return Ok(vec![Pred::Str(m)]);
    }
    let text = v.as_text();
    let mut strings: Vec<SigmaString> = if let Some(encoded) = encode(&text, mods)? {
        // Encoded forms are literal byte strings; base64 is case-sensitive by nature.
        cased = true;
        encoded.iter().map(|e| SigmaString::literal(e)).collect()
    } else {
        let mut s = SigmaString::parse(&text);
        if has(Modifier::Windash) {
            s = s.windash();
        }
        vec![s]
    };
    let (lead, trail) = if has(Modifier::Contains) {
        (true, true)
    } else {
        (has(Modifier::EndsWith), has(Modifier::StartsWith))
    };
    let mut out = Vec::new();
    for mut s in strings.drain(..) {
        if lead {
            s = s.star_prefix();
        }
        if trail {
            s = s.star_suffix();
        }
        // Small windash expansions stay literal matchers; large ones become one regex.
        let variants = s.expand_classes(125).unwrap_or_else(|| vec![s.clone()]);
        for var in variants {
            out.push(Pred::Str(StrMatcher::from_sigma(&var, cased)?));
        }
    }
    Ok(out)
}

fn date_part(m: Modifier) -> Option<DatePart> {
    Some(match m {
        Modifier::Minute => DatePart::Minute,
        Modifier::Hour => DatePart::Hour,
        Modifier::Day => DatePart::Day,
        Modifier::Week => DatePart::Week,
        Modifier::Month => DatePart::Month,
        Modifier::Year => DatePart::Year,
        _ => return None,
    })
}

fn cmp_op(m: Modifier) -> Option<CmpOp> {
    Some(match m {
        Modifier::Gt => CmpOp::Gt,
        Modifier::Gte => CmpOp::Gte,
        Modifier::Lt => CmpOp::Lt,
        Modifier::Lte => CmpOp::Lte,
        _ => return None,
    })
}
