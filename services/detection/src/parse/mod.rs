//! Parsing Sigma YAML (specification 2.1) into typed documents: detection rules,
//! correlation rules and filter rules, from single or multi-document files.
//!
//! Anything the engine cannot honour is an error with a one-line reason; nothing is
//! silently dropped. Legacy `action: global|reset|repeat` collections are supported by
//! merging documents the way Sigma 1.x tools did.

mod correlation;
mod detection;

pub use correlation::{CmpOp, Correlation, CorrelationKind};
pub use detection::{Detection, FieldItem, Search, SigmaValue};

use serde_json::{Map, Value};

/// Where events come from, as declared by a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogSource {
    pub product: Option<String>,
    pub category: Option<String>,
    pub service: Option<String>,
}

/// Descriptive fields every document may carry.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// The `id`, or the title when a document has none.
    pub id: String,
    pub name: Option<String>,
    pub title: String,
    pub level: Option<String>,
    pub status: Option<String>,
    pub author: Option<String>,
    pub description: Option<String>,
    pub tags: Vec<String>,
}

/// A detection rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub meta: Meta,
    pub logsource: LogSource,
    pub detection: Detection,
}

/// A filter (meta filter): its condition must also hold for the named rules to match.
#[derive(Debug, Clone)]
pub struct Filter {
    pub meta: Meta,
    pub logsource: LogSource,
    /// Ids or names of the rules the filter applies to.
    pub rules: Vec<String>,
    pub detection: Detection,
}

/// One YAML document of a Sigma file.
#[derive(Debug, Clone)]
pub enum Document {
    Rule(Rule),
    Correlation(Correlation),
    Filter(Filter),
}

impl Document {
    /// The document's descriptive fields.
    pub fn meta(&self) -> &Meta {
        match self {
            Document::Rule(r) => &r.meta,
            Document::Correlation(c) => &c.meta,
            Document::Filter(f) => &f.meta,
        }
    }
}

/// Parses a whole file (one or more YAML documents). Any bad document rejects the
/// file, because documents of one file (collections, correlations) depend on each other.
pub fn parse_str(text: &str) -> Result<Vec<Document>, String> {
    let docs: Vec<Value> =
        serde_saphyr::from_multiple(text).map_err(|e| one_line(&format!("invalid YAML: {e}")))?;
    let docs = apply_legacy_actions(docs)?;
    if docs.is_empty() {
        return Err("no YAML document".into());
    }
    docs.iter().map(parse_document).collect()
}

/// Collapses an error message onto one line.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sigma 1.x collections: `action: global` documents are merged into every following
/// document, `reset` forgets the global part, `repeat` reuses the previous document
/// with its own keys on top.
fn apply_legacy_actions(docs: Vec<Value>) -> Result<Vec<Value>, String> {
    let mut global: Option<Value> = None;
    let mut previous: Option<Value> = None;
    let mut out = Vec::new();
    for mut doc in docs {
        let action = doc
            .get("action")
            .and_then(Value::as_str)
            .map(str::to_string);
        if let Some(obj) = doc.as_object_mut() {
            obj.remove("action");
        }
        match action.as_deref() {
            Some("global") => global = Some(doc),
            Some("reset") => global = None,
            Some("repeat") => {
                let Some(prev) = previous.clone() else {
                    return Err("'action: repeat' without a previous document".into());
                };
                let merged = merge(prev, doc);
                previous = Some(merged.clone());
                out.push(merged);
            }
            Some(other) => return Err(format!("unknown legacy action '{other}'")),
            None => {
                let merged = match &global {
                    Some(g) => merge(g.clone(), doc),
                    None => doc,
                };
                previous = Some(merged.clone());
                out.push(merged);
            }
        }
    }
    Ok(out)
}

/// Deep-merges `over` into `base` (maps merge recursively, anything else replaces).
fn merge(base: Value, over: Value) -> Value {
    match (base, over) {
        (Value::Object(mut b), Value::Object(o)) => {
            for (k, v) in o {
                let merged = match b.remove(&k) {
                    Some(bv) => merge(bv, v),
                    None => v,
                };
                b.insert(k, merged);
            }
            Value::Object(b)
        }
        (_, o) => o,
    }
}

fn parse_document(doc: &Value) -> Result<Document, String> {
    let obj = doc.as_object().ok_or("document is not a YAML mapping")?;
    let meta = parse_meta(obj)?;
    if let Some(c) = obj.get("correlation") {
        let generate_top = obj.get("generate").and_then(Value::as_bool);
        return correlation::parse(meta, c, generate_top).map(Document::Correlation);
    }
    if let Some(f) = obj.get("filter") {
        let logsource = parse_logsource(obj.get("logsource"))?;
        let fobj = f.as_object().ok_or("'filter' is not a mapping")?;
        let rules = match fobj.get("rules") {
            Some(Value::Array(a)) => a.iter().map(scalar_string).collect::<Result<_, _>>()?,
            Some(v @ Value::String(_)) => vec![scalar_string(v)?],
            _ => return Err("filter without 'rules'".into()),
        };
        let mut body = fobj.clone();
        body.remove("rules");
        let detection = detection::parse(&body)?;
        return Ok(Document::Filter(Filter {
            meta,
            logsource,
            rules,
            detection,
        }));
    }
    let Some(det) = obj.get("detection") else {
        return Err("document has no 'detection', 'correlation' or 'filter' section".into());
    };
    let det = det.as_object().ok_or("'detection' is not a mapping")?;
    let logsource = parse_logsource(obj.get("logsource"))?;
    let detection = detection::parse(det)?;
    Ok(Document::Rule(Rule {
        meta,
        logsource,
        detection,
    }))
}

fn parse_meta(obj: &Map<String, Value>) -> Result<Meta, String> {
    let title = obj
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let id = obj.get("id").map(scalar_string).transpose()?;
    let name = obj.get("name").map(scalar_string).transpose()?;
    let id = match (id, &name) {
        (Some(id), _) => id,
        (None, Some(n)) => n.clone(),
        (None, None) if !title.is_empty() => title.clone(),
        (None, None) => return Err("document has neither 'id', 'name' nor 'title'".into()),
    };
    let tags = match obj.get("tags") {
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    Ok(Meta {
        id,
        name,
        title,
        level: text("level"),
        status: text("status"),
        author: text("author"),
        description: text("description"),
        tags,
    })
}

fn parse_logsource(v: Option<&Value>) -> Result<LogSource, String> {
    let Some(v) = v else {
        return Ok(LogSource::default());
    };
    let obj = v.as_object().ok_or("'logsource' is not a mapping")?;
    let text = |k: &str| {
        obj.get(k)
            .and_then(Value::as_str)
            .map(str::to_ascii_lowercase)
    };
    Ok(LogSource {
        product: text("product"),
        category: text("category"),
        service: text("service"),
    })
}

/// A scalar rendered as text (ids and names may be written unquoted as numbers).
pub(crate) fn scalar_string(v: &Value) -> Result<String, String> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Number(n) => Ok(n.to_string()),
        Value::Bool(b) => Ok(b.to_string()),
        _ => Err(format!("expected a scalar, found {v}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn global_action_merges_into_following_documents() {
        let text = "action: global\ntitle: t\nlogsource: {product: windows}\ndetection:\n  condition: sel\n---\nid: a\ndetection:\n  sel: {x: 1}\n---\nid: b\ndetection:\n  sel: {x: 2}\n";
        let docs = parse_str(text).expect("parses");
        assert_eq!(docs.len(), 2);
        let Document::Rule(r) = &docs[1] else {
            panic!("rule expected")
        };
        assert_eq!(r.meta.id, "b");
        assert_eq!(r.logsource.product.as_deref(), Some("windows"));
        assert_eq!(r.detection.conditions, vec!["sel".to_string()]);
    }

    #[test]
    fn rejects_documents_without_detection() {
        assert!(parse_str("title: x\nid: y\n").is_err());
        assert!(parse_str("title: [").is_err());
    }
}
