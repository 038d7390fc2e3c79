//! The `detection` section: named searches (maps, lists of maps, keyword lists) and
//! the condition(s).

use crate::modifiers::{Modifier, split_key};
use serde_json::{Map, Value};

/// A typed scalar from a detection value list.
#[derive(Debug, Clone, PartialEq)]
pub enum SigmaValue {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Null,
}

impl SigmaValue {
    /// The value as rule text (numbers in their decimal form).
    pub fn as_text(&self) -> String {
        match self {
            SigmaValue::Str(s) => s.clone(),
            SigmaValue::Int(i) => i.to_string(),
            SigmaValue::Float(f) => f.to_string(),
            SigmaValue::Bool(b) => b.to_string(),
            SigmaValue::Null => String::new(),
        }
    }
}

/// One `Field|modifiers: values` entry; an empty field means a keyword search.
#[derive(Debug, Clone)]
pub struct FieldItem {
    pub field: String,
    pub modifiers: Vec<Modifier>,
    pub values: Vec<SigmaValue>,
}

/// A named search of the detection section.
#[derive(Debug, Clone)]
pub enum Search {
    /// A map: every item must hold.
    AllOf(Vec<FieldItem>),
    /// A list: any element must hold.
    AnyOf(Vec<Search>),
    /// A field-less keyword list: any value found anywhere in the event.
    Keywords(FieldItem),
}

/// A parsed detection section.
#[derive(Debug, Clone)]
pub struct Detection {
    pub searches: Vec<(String, Search)>,
    /// One or more conditions; a list means any of them.
    pub conditions: Vec<String>,
}

/// Parses a detection (or filter) mapping.
pub fn parse(det: &Map<String, Value>) -> Result<Detection, String> {
    let conditions = match det.get("condition") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .map(|c| {
                c.as_str()
                    .map(str::to_string)
                    .ok_or("condition list holds a non-string")
            })
            .collect::<Result<_, _>>()?,
        Some(_) => return Err("'condition' is neither a string nor a list".into()),
        None => return Err("detection has no 'condition'".into()),
    };
    for c in &conditions {
        if c.contains('|') {
            return Err(format!(
                "legacy aggregation in condition '{}' (use a correlation rule)",
                super::one_line(c)
            ));
        }
    }
    let mut searches = Vec::new();
    for (name, v) in det {
        // `timeframe` only served the legacy aggregations rejected above.
        if name == "condition" || name == "timeframe" {
            continue;
        }
        let s = parse_search(v).map_err(|e| format!("search '{name}': {e}"))?;
        searches.push((name.clone(), s));
    }
    Ok(Detection {
        searches,
        conditions,
    })
}

fn parse_search(v: &Value) -> Result<Search, String> {
    match v {
        Value::Object(m) => parse_map(m),
        Value::Array(items) => {
            if items.iter().all(|i| !i.is_object() && !i.is_array()) {
                return Ok(Search::Keywords(FieldItem {
                    field: String::new(),
                    modifiers: Vec::new(),
                    values: items.iter().map(scalar).collect::<Result<_, _>>()?,
                }));
            }
            let mut alts = Vec::new();
            for i in items {
                alts.push(match i {
                    Value::Object(m) => parse_map(m)?,
                    Value::Array(_) => return Err("nested list in a search".into()),
                    s => Search::Keywords(FieldItem {
                        field: String::new(),
                        modifiers: Vec::new(),
                        values: vec![scalar(s)?],
                    }),
                });
            }
            Ok(Search::AnyOf(alts))
        }
        s => Ok(Search::Keywords(FieldItem {
            field: String::new(),
            modifiers: Vec::new(),
            values: vec![scalar(s)?],
        })),
    }
}

fn parse_map(m: &Map<String, Value>) -> Result<Search, String> {
    let mut items = Vec::new();
    for (k, v) in m {
        let (field, modifiers) = split_key(k)?;
        let values = match v {
            Value::Array(a) => a.iter().map(scalar).collect::<Result<_, _>>()?,
            Value::Object(_) => return Err(format!("field '{k}' has a mapping as value")),
            s => vec![scalar(s)?],
        };
        items.push(FieldItem {
            field: field.to_string(),
            modifiers,
            values,
        });
    }
    Ok(Search::AllOf(items))
}

fn scalar(v: &Value) -> Result<SigmaValue, String> {
    Ok(match v {
        Value::String(s) => SigmaValue::Str(s.clone()),
        Value::Number(n) => match n.as_i64() {
            Some(i) => SigmaValue::Int(i),
            None => SigmaValue::Float(n.as_f64().unwrap_or_default()),
        },
        Value::Bool(b) => SigmaValue::Bool(*b),
        Value::Null => SigmaValue::Null,
        _ => return Err(format!("unexpected nested value {v}")),
    })
}
