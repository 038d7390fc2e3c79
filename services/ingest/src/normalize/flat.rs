//! Text payloads' flat fields (CEF, key=value, prose) mapped to ECS and
//! written as the record's fields object directly, without building a map:
//! the same object a map of the originals with the ECS objects laid over it
//! would give, at a fraction of the allocations.

use super::Arrival;
use super::ecs::{Ecs, EcsFields};
use super::paths;
use crate::parse::{FlatFields, Scalar};
use crate::segment::json;
use serde_json::{Map, Value};
use std::borrow::Cow;

/// Each original's name hash, and whether it is left out of the record (a
/// later original of the same name replaces it, or an ECS object does).
#[derive(Debug)]
pub struct Names(Vec<Name>);

#[derive(Debug, Clone, Copy)]
struct Name {
    hash: u64,
    skip: bool,
}

impl Names {
    fn of(originals: &FlatFields<'_>) -> Names {
        let mut names: Vec<Name> = originals
            .iter()
            .map(|(name, _)| Name {
                hash: paths::name_hash(name),
                skip: false,
            })
            .collect();
        // Open addressing over at least twice as many slots as names, latest
        // first: a name met again marks its earlier place. On the stack for
        // the usual line.
        let slots = (originals.len() * 2).next_power_of_two().max(16);
        let mut on_stack = [usize::MAX; 128];
        let mut on_heap = Vec::new();
        let table: &mut [usize] = if slots <= on_stack.len() {
            &mut on_stack[..slots]
        } else {
            on_heap.resize(slots, usize::MAX);
            &mut on_heap
        };
        for i in (0..names.len()).rev() {
            let hash = names[i].hash;
            let mut slot = hash as usize & (slots - 1);
            while let Some(&j) = table.get(slot) {
                if j == usize::MAX {
                    table[slot] = i;
                    break;
                }
                if names[j].hash == hash && originals[j].0 == originals[i].0 {
                    names[i].skip = true;
                    break;
                }
                slot = (slot + 1) & (slots - 1);
            }
        }
        Names(names)
    }
}

/// Maps the originals onto ECS, in [`paths::ECS_MAP`]'s order (which settles
/// which original fills an ECS field that several could).
pub fn map<'a>(originals: &FlatFields<'a>, fields: &mut EcsFields<'a>) -> Names {
    let names = Names::of(originals);
    // (ECS_MAP position, original): one each at most, as the originals left
    // have distinct names.
    let mut mapped = [(0usize, 0usize); paths::ECS_MAP.len()];
    let mut count = 0;
    for (i, ((name, _), n)) in originals.iter().zip(&names.0).enumerate() {
        if !n.skip
            && let Some(e) = paths::ecs_index(name, n.hash)
            && let Some(slot) = mapped.get_mut(count)
        {
            *slot = (e, i);
            count += 1;
        }
    }
    let mapped = &mut mapped[..count];
    mapped.sort_unstable_by_key(|(e, _)| *e);
    for &mut (e, i) in mapped {
        let (Some(id), Some((_, value))) = (paths::target(e), originals.get(i)) else {
            continue;
        };
        let value = match value {
            Scalar::Text(text) => match paths::numeric(id, text) {
                Some(n) => Ecs::Number(n),
                None => Ecs::Text(text.clone()),
            },
            Scalar::Number(n) => Ecs::Number(*n),
            Scalar::Bool(b) => Ecs::Json(Value::Bool(*b)),
        };
        fields.set(id, value);
    }
    names
}

/// The host an original names (`Computer`), as [`map`] then [`body`] settle
/// it, without mapping anything else: the first of [`paths::ECS_MAP`]'s names
/// for `host.name` present (its last value), when that value is text.
pub fn mapped_host(originals: &FlatFields<'_>) -> Option<String> {
    paths::ECS_MAP
        .iter()
        .filter(|(_, path)| *path == paths::path(paths::HOST_NAME))
        .find_map(|(name, _)| originals.iter().rev().find(|(key, _)| key == name))
        .and_then(|(_, value)| match value {
            Scalar::Text(text) => Some(text.to_string()),
            Scalar::Number(_) | Scalar::Bool(_) => None,
        })
}

/// Settles the host and which originals stay: one a later namesake replaces,
/// or named like an ECS object (`source` beside `source.ip`), gives way.
pub fn body<'a>(
    originals: FlatFields<'a>,
    names: Names,
    mut fields: EcsFields<'a>,
    host: &mut Option<String>,
    arrival: &Arrival,
) -> super::Body<'a> {
    let mut names = names;
    if host.is_none() {
        *host = fields
            .get(paths::HOST_NAME)
            .and_then(Ecs::as_str)
            .map(str::to_string)
            .or_else(|| arrival.host_hint.clone());
    }
    if let Some(h) = host.as_deref()
        && !fields.has(paths::HOST_NAME)
        // An original scalar `host` keeps its place: no object to name it in.
        && !originals.iter().any(|(name, _)| name == "host")
    {
        fields.set(paths::HOST_NAME, Ecs::Text(Cow::Owned(h.to_string())));
    }
    let heads = fields.heads();
    for ((name, _), n) in originals.iter().zip(names.0.iter_mut()) {
        n.skip = n.skip || heads.is_head(name, n.hash);
    }
    super::Body::Flat {
        originals,
        names,
        ecs: fields,
    }
}

/// Writes the fields object: the originals that stay, then the ECS tree.
pub fn write(out: &mut Vec<u8>, originals: &FlatFields<'_>, names: &Names, fields: EcsFields<'_>) {
    out.push(b'{');
    let mut need_comma = false;
    for ((name, value), n) in originals.iter().zip(&names.0) {
        if n.skip {
            continue;
        }
        if need_comma {
            out.push(b',');
        }
        json::write_str(out, name);
        out.push(b':');
        match value {
            Scalar::Text(text) => json::write_str(out, text),
            Scalar::Number(n) => json::write_u64(out, *n),
            Scalar::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
        }
        need_comma = true;
    }
    fields.write_members(out, need_comma);
    out.push(b'}');
}

/// The fields object [`write`] writes, built as a map (for a reader deriving
/// a record's fields): going through its JSON text would cost a reader as
/// much again as deriving the fields did.
pub fn into_map(
    originals: FlatFields<'_>,
    names: &Names,
    fields: EcsFields<'_>,
) -> Map<String, Value> {
    let mut map = Map::new();
    for ((name, value), n) in originals.into_iter().zip(&names.0) {
        if n.skip {
            continue;
        }
        let value = match value {
            Scalar::Text(text) => Value::String(text.into_owned()),
            Scalar::Number(n) => Value::from(n),
            Scalar::Bool(b) => Value::Bool(b),
        };
        map.insert(name.into_owned(), value);
    }
    fields.insert_members(&mut map);
    map
}

#[cfg(test)]
mod tests {
    use super::super::{Arrival, Normalized, normalize};
    use crate::parse::{parse_line, year::Clock};
    use chrono::{DateTime, Utc};
    use garrison_core::TenantId;
    use garrison_core::event::{Channel, Event};
    use serde_json::{Value, json};

    /// Every original name the host may come from is one a receiver keeps
    /// when it reads only what an event's header needs.
    #[test]
    fn host_names_are_header_keys() {
        let names: Vec<&str> = super::paths::ECS_MAP
            .iter()
            .filter(|(_, path)| *path == super::paths::path(super::paths::HOST_NAME))
            .map(|(name, _)| *name)
            .collect();
        assert!(!names.is_empty());
        for name in names {
            assert!(crate::parse::header_key(name), "{name}");
        }
    }

    /// A syslog line normalised as the TCP receiver would, with `flags`.
    fn normalized<'a>(line: &'a str, flags: &[&str]) -> Normalized<'a> {
        let now: DateTime<Utc> = "2026-11-01T12:00:00Z".parse().expect("time");
        let arrival = Arrival::new(TenantId::new(), Channel::SyslogTcp, now, 4096);
        let parsed = parse_line(line, &Clock::new(now, chrono_tz::Tz::UTC));
        let mut normalized = normalize(parsed, line, &arrival);
        normalized.flag(flags);
        normalized
    }

    fn event(line: &str, flags: &[&str]) -> Event {
        normalized(line, flags).into_event()
    }

    /// The record's fields object as a reader gets it, the record checked to
    /// give no name twice in one object (a map parsed from it would hide that).
    fn stored_fields(line: &str, flags: &[&str]) -> Value {
        let mut record = Vec::new();
        normalized(line, flags).into_record(&mut record);
        serde_json::from_slice::<Unique>(&record).expect("no name twice in an object");
        let fields = crate::segment::record::Record::parse(&record)
            .expect("record")
            .written_fields();
        Value::Object(fields)
    }

    /// Any JSON, refused if an object gives a name twice.
    struct Unique;

    impl<'de> serde::Deserialize<'de> for Unique {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(UniqueVisitor)
        }
    }

    struct UniqueVisitor;

    impl<'de> serde::de::Visitor<'de> for UniqueVisitor {
        type Value = Unique;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("JSON")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Unique, A::Error> {
            let mut names = std::collections::HashSet::new();
            while let Some(name) = map.next_key::<String>()? {
                if !names.insert(name.clone()) {
                    return Err(serde::de::Error::custom(format!("`{name}` given twice")));
                }
                map.next_value::<Unique>()?;
            }
            Ok(Unique)
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Unique, A::Error> {
            while seq.next_element::<Unique>()?.is_some() {}
            Ok(Unique)
        }

        fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
            Ok(Unique)
        }

        fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
            Ok(Unique)
        }

        fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
            Ok(Unique)
        }

        fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
            Ok(Unique)
        }

        fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
            Ok(Unique)
        }

        fn visit_unit<E>(self) -> Result<Unique, E> {
            Ok(Unique)
        }
    }

    #[test]
    fn duplicates_keep_the_last_and_ecs_objects_replace_their_namesakes() {
        let line = "<14>Nov  1 00:00:00 fw1 app: src=10.0.0.3 src=10.0.0.9 dpt=x dpt=81 \
                    log=zzz message=m1 source=flat host.name=dotted";
        let fields = stored_fields(line, &[]);
        assert_eq!(
            fields,
            json!({
                "src": "10.0.0.9",
                "dpt": "81",
                "host.name": "dotted",
                "message": "src=10.0.0.3 src=10.0.0.9 dpt=x dpt=81 log=zzz message=m1 source=flat host.name=dotted",
                "source": {"ip": "10.0.0.9"},
                "destination": {"port": 81},
                "process": {"name": "app"},
                "host": {"name": "fw1"},
                "log": {
                    "format": "kv",
                    "syslog": {
                        "priority": 14,
                        "facility": {"code": 1},
                        "severity": {"code": 6},
                        "appname": "app"
                    }
                }
            })
        );
    }

    #[test]
    fn an_original_host_scalar_stays_and_flags_join_the_log_object() {
        let line = "<14>Nov  1 00:00:00 fw1 app[42]: host=abc a=1";
        let fields = stored_fields(line, &["truncated"]);
        assert_eq!(fields["host"], "abc");
        assert_eq!(fields["a"], "1");
        assert_eq!(fields["process"], json!({"name": "app", "pid": 42}));
        assert_eq!(fields["log"]["flags"], json!(["truncated"]));
        assert_eq!(fields["log"]["syslog"]["procid"], "42");
        assert_eq!(event(line, &[]).host.as_deref(), Some("fw1"));
    }

    #[test]
    fn a_json_payload_keeps_its_objects_and_gains_the_host_name() {
        let line = r#"<14>Nov  1 00:00:00 h1 app: {"host":{"ip":"10.0.0.1"},"process":{"pid":9},"ProcessId":"77"}"#;
        let fields = stored_fields(line, &["invalid_utf8"]);
        assert_eq!(
            fields["host"],
            json!({"ip": "10.0.0.1", "name": "h1"}),
            "the header's host name joins the object received"
        );
        assert_eq!(
            fields["process"],
            json!({"name": "app", "pid": 77}),
            "ECS objects replace the ones received"
        );
        assert_eq!(fields["ProcessId"], "77");
        assert_eq!(fields["log"]["flags"], json!(["invalid_utf8"]));
        let line = r#"{"host":{"ip":"10.0.0.1"},"Computer":"pc1","ProcessId":"77"}"#;
        let fields = stored_fields(line, &[]);
        assert_eq!(fields["host"], json!({"name": "pc1"}));
        assert_eq!(fields["process"], json!({"pid": 77}));
    }

    #[test]
    fn prose_fields_keep_their_types_and_empty_payloads_write_an_object() {
        let line = "<38>Nov  1 00:00:00 srv-17 sshd[1]: Failed password for invalid user bob from 61.194.93.247 port 33031 ssh2";
        let fields = stored_fields(line, &[]);
        assert_eq!(fields["ssh_invalid_user"], true);
        assert_eq!(fields["ssh_src_port"], 33031);
        assert_eq!(
            fields["source"],
            json!({"ip": "61.194.93.247", "port": 33031})
        );
        assert_eq!(fields["user"], json!({"name": "bob"}));
        assert_eq!(fields["event"], json!({"outcome": "failure"}));
        let fields = stored_fields("just words", &[]);
        assert_eq!(
            fields,
            json!({"message": "just words", "log": {"format": "text"}})
        );
    }
}
