//! One batch of a tenant's stored events through its rules: detection matches and
//! correlation matches become [`NewAlert`]s, folded per (rule, group key) so a
//! burst of matches is one alert with a count, not thousands of rows.

use crate::correlation::{CorrelationEngine, CorrelationMatch};
use crate::parse::Meta;
use crate::ruleset::{RuleIdx, Scratch};
use crate::tenant::effective::TenantRules;
use chrono::{DateTime, TimeZone, Utc};
use garrison_core::TenantId;
use garrison_core::alerting::NewAlert;
use garrison_core::event::{EventId, StoredEvent};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashMap};

/// How matches become alerts.
#[derive(Debug, Clone)]
pub struct AlertOptions {
    /// Group-key parts: a label and the event fields that may carry it (first found).
    pub group_by: Vec<(String, Vec<String>)>,
    /// How long later matches of one rule and group update the same alert.
    pub suppression_secs: i64,
    /// Event ids kept per alert.
    pub max_event_ids: usize,
}

impl Default for AlertOptions {
    fn default() -> Self {
        let fields = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        AlertOptions {
            group_by: vec![
                (
                    "host".into(),
                    fields(&["host.name", "Computer", "hostname", "ComputerName"]),
                ),
                (
                    "user".into(),
                    fields(&["user.name", "User", "TargetUserName", "SubjectUserName"]),
                ),
            ],
            suppression_secs: 3600,
            max_event_ids: 100,
        }
    }
}

/// What a batch produced.
#[derive(Debug, Default)]
pub struct BatchOutput {
    pub alerts: Vec<NewAlert>,
    /// Emitted detection and correlation matches (before folding).
    pub matches: u64,
    pub last_seq: i64,
}

/// The event as the engine reads it: its fields, with `@timestamp` added when the
/// shipper did not send one (correlation windows run on event time).
pub fn engine_view(stored: &StoredEvent) -> Value {
    let mut fields = stored.event.fields.clone();
    if !fields.contains_key("@timestamp") {
        fields.insert(
            "@timestamp".into(),
            Value::String(stored.event.timestamp.to_rfc3339()),
        );
    }
    if let Some(host) = &stored.event.host
        && !fields.contains_key("host.name")
        && fields.get("host").and_then(|h| h.get("name")).is_none()
    {
        fields.insert("host.name".into(), Value::String(host.clone()));
    }
    Value::Object(fields)
}

/// Evaluates `events` (in sequence order) and folds the matches into alerts.
pub fn evaluate_batch(
    tenant: TenantId,
    rules: &TenantRules,
    engine: &mut CorrelationEngine,
    events: &[StoredEvent],
    options: &AlertOptions,
    now: DateTime<Utc>,
) -> BatchOutput {
    let mut out = BatchOutput::default();
    let mut folded: BTreeMap<(String, String), NewAlert> = BTreeMap::new();
    let mut scratch = Scratch::default();
    let mut matched: Vec<RuleIdx> = Vec::new();
    let mut fired: Vec<CorrelationMatch> = Vec::new();
    let by_seq: HashMap<i64, (EventId, DateTime<Utc>)> = events
        .iter()
        .map(|s| (s.seq, (s.event.id, s.event.timestamp)))
        .collect();
    for stored in events {
        out.last_seq = out.last_seq.max(stored.seq);
        let view = engine_view(stored);
        rules.set.matches(&view, &mut scratch, &mut matched);
        for &r in &matched {
            let info = rules.set.rule(r);
            if !info.emit || rules.is_disabled(&info.meta.id) {
                continue;
            }
            out.matches += 1;
            let (key, group) = match rules
                .alerting(&info.meta.id)
                .and_then(|a| a.group_by.as_ref())
            {
                // The tenant's own grouping for this rule: each field is its label.
                Some(fields) => group_of(
                    &view,
                    fields.iter().map(|f| (f.as_str(), std::slice::from_ref(f))),
                ),
                None => group_of(
                    &view,
                    options
                        .group_by
                        .iter()
                        .map(|(label, names)| (label.as_str(), names.as_slice())),
                ),
            };
            let hit = Hit {
                event: Some(stored.event.id),
                count: 1,
                first: stored.event.timestamp,
                last: stored.event.timestamp,
                seq: stored.seq,
            };
            fold(
                &mut folded,
                (tenant, rules),
                &info.meta,
                key,
                group,
                hit,
                (options, now),
            );
        }
        fired.clear();
        engine.process(&rules.set, &view, stored.seq as u64, &matched, &mut fired);
        for m in fired.iter().filter(|m| m.emit) {
            let Some(meta) = rules.set.correlation_meta(m.correlation) else {
                continue;
            };
            if rules.is_disabled(&meta.id) {
                continue;
            }
            out.matches += 1;
            let known: Vec<(EventId, DateTime<Utc>)> = m
                .events
                .iter()
                .filter_map(|s| by_seq.get(&(*s as i64)).copied())
                .collect();
            let at = Utc
                .timestamp_millis_opt(m.time)
                .single()
                .unwrap_or(stored.event.timestamp);
            let first = known.iter().map(|(_, t)| *t).min().unwrap_or(at);
            let (key, group) = correlation_group(&m.group);
            // One hit per correlation match; its events ride along as ids.
            let mut ids: Vec<EventId> = known.iter().map(|(id, _)| *id).collect();
            ids.truncate(options.max_event_ids);
            let entry = folded
                .entry((meta.id.clone(), key.clone()))
                .or_insert_with(|| {
                    new_alert(tenant, rules, meta, key, group, first, (options, now))
                });
            for id in ids {
                if entry.event_ids.len() < options.max_event_ids && !entry.event_ids.contains(&id) {
                    entry.event_ids.push(id);
                }
            }
            entry.event_count += m.events.len().max(1) as u64;
            entry.first_event_at = entry.first_event_at.min(first);
            entry.last_event_at = entry.last_event_at.max(at);
            entry.last_seq = entry.last_seq.max(stored.seq);
        }
    }
    out.alerts = folded.into_values().collect();
    out
}

struct Hit {
    event: Option<EventId>,
    count: u64,
    first: DateTime<Utc>,
    last: DateTime<Utc>,
    seq: i64,
}

fn fold(
    folded: &mut BTreeMap<(String, String), NewAlert>,
    (tenant, rules): (TenantId, &TenantRules),
    meta: &Meta,
    key: String,
    group: Map<String, Value>,
    hit: Hit,
    (options, now): (&AlertOptions, DateTime<Utc>),
) {
    let entry = folded
        .entry((meta.id.clone(), key.clone()))
        .or_insert_with(|| new_alert(tenant, rules, meta, key, group, hit.first, (options, now)));
    if let Some(id) = hit.event
        && entry.event_ids.len() < options.max_event_ids
    {
        entry.event_ids.push(id);
    }
    entry.event_count += hit.count;
    entry.first_event_at = entry.first_event_at.min(hit.first);
    entry.last_event_at = entry.last_event_at.max(hit.last);
    entry.last_seq = entry.last_seq.max(hit.seq);
}

fn new_alert(
    tenant: TenantId,
    rules: &TenantRules,
    meta: &Meta,
    group_key: String,
    group: Map<String, Value>,
    first: DateTime<Utc>,
    (options, now): (&AlertOptions, DateTime<Utc>),
) -> NewAlert {
    let (techniques, tactics) = attack_tags(&meta.tags);
    NewAlert {
        tenant_id: tenant,
        rule_id: meta.id.clone(),
        rule_title: if meta.title.is_empty() {
            meta.id.clone()
        } else {
            meta.title.clone()
        },
        rule_description: meta.description.clone(),
        severity: rules.severity(&meta.id, meta.level.as_deref()),
        techniques,
        tactics,
        group_key,
        group,
        event_ids: Vec::new(),
        event_count: 0,
        first_event_at: first,
        last_event_at: first,
        last_seq: 0,
        detected_at: now,
        suppression_secs: rules
            .alerting(&meta.id)
            .and_then(|a| a.suppression_secs)
            .unwrap_or(options.suppression_secs),
    }
}

/// The group key (`host=web01|user=root`) and values of an event, from labelled
/// parts each read from the first of its candidate fields that the event has.
fn group_of<'a>(
    view: &Value,
    parts: impl Iterator<Item = (&'a str, &'a [String])>,
) -> (String, Map<String, Value>) {
    let mut key = String::new();
    let mut group = Map::new();
    for (label, fields) in parts {
        let Some(value) = fields.iter().find_map(|f| text_at(view, f)) else {
            continue;
        };
        if !key.is_empty() {
            key.push('|');
        }
        key.push_str(label);
        key.push('=');
        key.push_str(&value);
        group.insert(label.to_string(), Value::String(value));
    }
    (key, group)
}

fn correlation_group(values: &Map<String, Value>) -> (String, Map<String, Value>) {
    let sorted: BTreeMap<&String, &Value> = values.iter().collect();
    let key = sorted
        .iter()
        .map(|(k, v)| match v {
            Value::String(s) => format!("{k}={s}"),
            other => format!("{k}={other}"),
        })
        .collect::<Vec<_>>()
        .join("|");
    (key, values.clone())
}

/// A field as text: an exact key first, then the dotted path into nested objects.
fn text_at(view: &Value, field: &str) -> Option<String> {
    let obj = view.as_object()?;
    let found = obj.get(field).or_else(|| {
        let mut cur = view;
        for part in field.split('.') {
            cur = cur.as_object()?.get(part)?;
        }
        Some(cur)
    })?;
    match found {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// ATT&CK technique ids (`attack.t1059.001` -> `T1059.001`) and tactics
/// (`attack.execution` -> `execution`) from Sigma tags. Group and software ids
/// (`attack.g0016`, `attack.s0002`) are neither.
pub fn attack_tags(tags: &[String]) -> (Vec<String>, Vec<String>) {
    let mut techniques = Vec::new();
    let mut tactics = Vec::new();
    for tag in tags {
        let Some(rest) = tag
            .to_ascii_lowercase()
            .strip_prefix("attack.")
            .map(str::to_string)
        else {
            continue;
        };
        let bytes = rest.as_bytes();
        let is_id = |prefix: u8| {
            bytes.first() == Some(&prefix) && bytes.get(1).is_some_and(u8::is_ascii_digit)
        };
        if is_id(b't') {
            techniques.push(rest.to_ascii_uppercase());
        } else if is_id(b'g') || is_id(b's') {
            continue;
        } else if !rest.is_empty() {
            tactics.push(rest.replace('_', "-"));
        }
    }
    (techniques, tactics)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn attack_tags_split_techniques_and_tactics() {
        let tags: Vec<String> = [
            "attack.execution",
            "attack.t1059.001",
            "attack.g0016",
            "attack.privilege_escalation",
            "cve.2021-44228",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (t, a) = attack_tags(&tags);
        assert_eq!(t, vec!["T1059.001"]);
        assert_eq!(a, vec!["execution", "privilege-escalation"]);
    }

    #[test]
    fn group_keys_use_the_first_field_found() {
        let options = AlertOptions::default();
        let parts = || {
            options
                .group_by
                .iter()
                .map(|(l, n)| (l.as_str(), n.as_slice()))
        };
        let ev = json!({"host": {"name": "web01"}, "User": "CORP\\alice"});
        let (key, group) = group_of(&ev, parts());
        assert_eq!(key, "host=web01|user=CORP\\alice");
        assert_eq!(group["host"], json!("web01"));
        let (key, _) = group_of(&json!({"message": "x"}), parts());
        assert_eq!(key, "");
    }
}
