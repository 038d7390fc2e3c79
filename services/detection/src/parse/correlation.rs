//! The `correlation` section of a correlation rule (all seven types of the spec).

use super::{Meta, scalar_string};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Correlation types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CorrelationKind {
    EventCount,
    ValueCount,
    Temporal,
    TemporalOrdered,
    ValueSum,
    ValueAvg,
    ValuePercentile,
}

/// A comparison of a correlation condition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum CmpOp {
    Gt,
    Gte,
    Lt,
    Lte,
    Eq,
    Neq,
}

impl CmpOp {
    /// Applies the comparison `lhs op rhs`.
    pub fn holds(self, lhs: f64, rhs: f64) -> bool {
        match self {
            CmpOp::Gt => lhs > rhs,
            CmpOp::Gte => lhs >= rhs,
            CmpOp::Lt => lhs < rhs,
            CmpOp::Lte => lhs <= rhs,
            CmpOp::Eq => (lhs - rhs).abs() < f64::EPSILON,
            CmpOp::Neq => (lhs - rhs).abs() >= f64::EPSILON,
        }
    }
}

/// A parsed correlation rule.
#[derive(Debug, Clone)]
pub struct Correlation {
    pub meta: Meta,
    pub kind: CorrelationKind,
    /// Ids or names of the rules (or correlations) it correlates.
    pub rules: Vec<String>,
    pub group_by: Vec<String>,
    pub timespan_ms: i64,
    /// All comparisons must hold (a range is two of them).
    pub condition: Vec<(CmpOp, f64)>,
    /// The field for value_* types.
    pub field: Option<String>,
    /// alias -> (rule id or name -> event field).
    pub aliases: BTreeMap<String, BTreeMap<String, String>>,
    /// Whether the referenced rules also report matches of their own.
    pub generate: bool,
}

/// Parses the `correlation:` mapping of a document.
pub fn parse(meta: Meta, v: &Value, generate_top: Option<bool>) -> Result<Correlation, String> {
    let obj = v.as_object().ok_or("'correlation' is not a mapping")?;
    let kind = match obj.get("type").and_then(Value::as_str) {
        Some("event_count") => CorrelationKind::EventCount,
        Some("value_count") => CorrelationKind::ValueCount,
        Some("temporal") => CorrelationKind::Temporal,
        Some("temporal_ordered") => CorrelationKind::TemporalOrdered,
        Some("value_sum") => CorrelationKind::ValueSum,
        Some("value_avg") => CorrelationKind::ValueAvg,
        Some("value_percentile") => CorrelationKind::ValuePercentile,
        Some(t) => return Err(format!("unsupported correlation type '{t}'")),
        None => return Err("correlation without 'type'".into()),
    };
    let rules: Vec<String> = match obj.get("rules") {
        Some(Value::Array(a)) => a.iter().map(scalar_string).collect::<Result<_, _>>()?,
        Some(v @ Value::String(_)) => vec![scalar_string(v)?],
        _ => return Err("correlation without 'rules'".into()),
    };
    if rules.is_empty() {
        return Err("correlation with an empty 'rules' list".into());
    }
    let group_by = match obj.get("group-by") {
        Some(Value::Array(a)) => a.iter().map(scalar_string).collect::<Result<_, _>>()?,
        Some(v @ Value::String(_)) => vec![scalar_string(v)?],
        None => Vec::new(),
        Some(_) => return Err("'group-by' is not a list".into()),
    };
    let timespan_ms = match obj.get("timespan") {
        Some(t) => parse_timespan(&scalar_string(t)?)?,
        None => return Err("correlation without 'timespan'".into()),
    };
    let mut condition = Vec::new();
    let mut field = None;
    match obj.get("condition") {
        Some(Value::Object(c)) => {
            for (k, v) in c {
                let op = match k.as_str() {
                    "gt" => CmpOp::Gt,
                    "gte" => CmpOp::Gte,
                    "lt" => CmpOp::Lt,
                    "lte" => CmpOp::Lte,
                    "eq" => CmpOp::Eq,
                    "neq" => CmpOp::Neq,
                    "field" => {
                        field = Some(scalar_string(v)?);
                        continue;
                    }
                    other => return Err(format!("unsupported correlation condition '{other}'")),
                };
                let n = v
                    .as_f64()
                    .ok_or_else(|| format!("condition '{k}' is not a number"))?;
                condition.push((op, n));
            }
        }
        None if matches!(
            kind,
            CorrelationKind::Temporal | CorrelationKind::TemporalOrdered
        ) => {}
        None => return Err("correlation without 'condition'".into()),
        Some(_) => return Err("correlation 'condition' is not a mapping".into()),
    }
    let needs_field = matches!(
        kind,
        CorrelationKind::ValueCount
            | CorrelationKind::ValueSum
            | CorrelationKind::ValueAvg
            | CorrelationKind::ValuePercentile
    );
    if needs_field && field.is_none() {
        return Err("this correlation type needs 'field' in its condition".into());
    }
    if condition.is_empty()
        && !matches!(
            kind,
            CorrelationKind::Temporal | CorrelationKind::TemporalOrdered
        )
    {
        return Err("correlation condition has no comparison".into());
    }
    let mut aliases = BTreeMap::new();
    if let Some(a) = obj.get("aliases") {
        let a = a.as_object().ok_or("'aliases' is not a mapping")?;
        for (alias, m) in a {
            let m = m.as_object().ok_or("alias entry is not a mapping")?;
            let mut per_rule = BTreeMap::new();
            for (rule, f) in m {
                per_rule.insert(rule.clone(), scalar_string(f)?);
            }
            aliases.insert(alias.clone(), per_rule);
        }
    }
    let generate = obj
        .get("generate")
        .and_then(Value::as_bool)
        .or(generate_top)
        .unwrap_or(false);
    Ok(Correlation {
        meta,
        kind,
        rules,
        group_by,
        timespan_ms,
        condition,
        field,
        aliases,
        generate,
    })
}

/// `timespan`: a number followed by s, m, h, d (or w, M, y as extensions).
pub fn parse_timespan(s: &str) -> Result<i64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: i64 = num.parse().map_err(|_| format!("invalid timespan '{s}'"))?;
    let mult = match unit {
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        "d" => 86_400_000,
        "w" => 7 * 86_400_000,
        "M" => 30 * 86_400_000,
        "y" => 365 * 86_400_000,
        _ => return Err(format!("invalid timespan unit in '{s}'")),
    };
    Ok(n * mult)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timespans() {
        assert_eq!(parse_timespan("90m"), Ok(5_400_000));
        assert_eq!(parse_timespan("1d"), Ok(86_400_000));
        assert!(parse_timespan("1x").is_err());
        assert!(parse_timespan("h").is_err());
    }
}
