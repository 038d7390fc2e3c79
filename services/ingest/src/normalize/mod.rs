//! From a parsed record to the stored [`Event`]: ECS field names (nested, as ECS
//! nests them) beside the original names, log-source tags for detection's
//! routing, event time falling back to receipt time, and the capped raw text.

use crate::parse::{Format, Parsed};
use chrono::{DateTime, Utc};
use garrison_core::TenantId;
use garrison_core::event::{Channel, Event, EventId, LogSource};
use serde_json::{Map, Value, json};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Where and when a record arrived.
#[derive(Debug, Clone)]
pub struct Arrival {
    pub tenant_id: TenantId,
    pub channel: Channel,
    pub received_at: DateTime<Utc>,
    /// Host named by the transport (HEC `host`, bulk doc) when the record lacks one.
    pub host_hint: Option<String>,
    /// Log-source tags set by the sender (HEC `sourcetype`, token configuration).
    pub log_source_hint: LogSource,
    pub raw_cap: usize,
}

impl Arrival {
    /// An arrival without transport hints.
    pub fn new(
        tenant_id: TenantId,
        channel: Channel,
        received_at: DateTime<Utc>,
        raw_cap: usize,
    ) -> Arrival {
        Arrival {
            tenant_id,
            channel,
            received_at,
            host_hint: None,
            log_source_hint: LogSource::default(),
            raw_cap,
        }
    }

    /// With the host and log-source tags the transport supplied.
    pub fn hinted(mut self, host: Option<String>, log_source: LogSource) -> Arrival {
        self.host_hint = host;
        self.log_source_hint = log_source;
        self
    }

    /// With the sending token's configured tags laid over any transport hints:
    /// what the operator configured wins over what the transport suggests.
    pub fn tagged(mut self, token: &LogSource) -> Arrival {
        let hint = &mut self.log_source_hint;
        for (mine, theirs) in [
            (&mut hint.product, &token.product),
            (&mut hint.category, &token.category),
            (&mut hint.service, &token.service),
        ] {
            if theirs.is_some() {
                mine.clone_from(theirs);
            }
        }
        self
    }
}

/// Original names mapped to ECS paths. Applied to payload fields of every format.
const ECS_MAP: &[(&str, &str)] = &[
    // CEF
    ("src", "source.ip"),
    ("dst", "destination.ip"),
    ("spt", "source.port"),
    ("dpt", "destination.port"),
    ("suser", "source.user.name"),
    ("duser", "destination.user.name"),
    ("shost", "source.domain"),
    ("dhost", "destination.domain"),
    ("act", "event.action"),
    ("proto", "network.transport"),
    ("request", "url.original"),
    ("deviceProduct", "observer.product"),
    ("deviceVendor", "observer.vendor"),
    ("name", "event.reason"),
    // key=value firewalls (FortiGate, UFW/iptables)
    ("srcip", "source.ip"),
    ("dstip", "destination.ip"),
    ("srcport", "source.port"),
    ("dstport", "destination.port"),
    ("SRC", "source.ip"),
    ("DST", "destination.ip"),
    ("SPT", "source.port"),
    ("DPT", "destination.port"),
    ("PROTO", "network.transport"),
    ("action", "event.action"),
    ("devname", "observer.name"),
    // sudo
    ("COMMAND", "process.command_line"),
    ("USER", "user.target.name"),
    ("PWD", "process.working_directory"),
    // Sysmon / Windows flattened to Sigma names
    ("Image", "process.executable"),
    ("CommandLine", "process.command_line"),
    ("ParentImage", "process.parent.executable"),
    ("ParentCommandLine", "process.parent.command_line"),
    ("ProcessId", "process.pid"),
    ("User", "user.name"),
    ("TargetFilename", "file.path"),
    ("DestinationIp", "destination.ip"),
    ("DestinationPort", "destination.port"),
    ("SourceIp", "source.ip"),
    ("SourcePort", "source.port"),
    ("QueryName", "dns.question.name"),
    ("TargetObject", "registry.path"),
    ("Hashes", "process.hash.raw"),
    ("Computer", "host.name"),
    ("EventID", "event.code"),
    ("Channel", "winlog.channel"),
    ("Provider_Name", "winlog.provider_name"),
    ("TargetUserName", "user.target.name"),
    ("SubjectUserName", "user.name"),
    ("IpAddress", "source.ip"),
    ("LogonType", "winlog.logon.type"),
    // OpenSSH authentication lines
    ("ssh_user", "user.name"),
    ("ssh_src_ip", "source.ip"),
    ("ssh_src_port", "source.port"),
    ("ssh_outcome", "event.outcome"),
];

/// FNV-1a: looked up for every field of every event, against names that come
/// from [`ECS_MAP`] only (an event's names are looked up, never inserted, so
/// a weak hash cannot be turned against it). SipHash was 3% of the receiving
/// path.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// [`ECS_MAP`]'s positions by original name.
static ECS_BY_ORIGINAL: LazyLock<FnvMap<&'static str, usize>> = LazyLock::new(|| {
    ECS_MAP
        .iter()
        .enumerate()
        .map(|(i, (original, _))| (*original, i))
        .collect()
});

/// Builds the event.
pub fn to_event(parsed: Parsed, raw: &str, arrival: &Arrival) -> Event {
    let mut fields = Map::new();
    let mut host = None;
    let mut severity = None;
    let mut log_source = arrival.log_source_hint.clone();

    if let Some(header) = &parsed.syslog {
        let mut syslog = Map::new();
        if let (Some(facility), Some(sev)) = (header.facility, header.severity) {
            syslog.insert(
                "priority".into(),
                json!(u32::from(facility) * 8 + u32::from(sev)),
            );
            syslog.insert("facility".into(), json!({"code": facility}));
            syslog.insert("severity".into(), json!({"code": sev}));
        }
        if let Some(app) = &header.appname {
            syslog.insert("appname".into(), json!(app));
            insert_path(&mut fields, "process.name", json!(app));
        }
        if let Some(procid) = &header.procid {
            syslog.insert("procid".into(), json!(procid));
            if let Ok(pid) = procid.parse::<u64>() {
                insert_path(&mut fields, "process.pid", json!(pid));
            }
        }
        if let Some(msgid) = &header.msgid {
            syslog.insert("msgid".into(), json!(msgid));
        }
        if let Some(version) = header.version {
            syslog.insert("version".into(), json!(version));
        }
        if !header.structured_data.is_empty() {
            let sd: Map<String, Value> = header
                .structured_data
                .iter()
                .filter(|(id, _)| !id.starts_with("garrison@"))
                .map(|(id, params)| {
                    let params: Map<String, Value> = params
                        .iter()
                        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                        .collect();
                    (id.clone(), Value::Object(params))
                })
                .collect();
            syslog.insert("structured_data".into(), Value::Object(sd));
        }
        insert_path(&mut fields, "log.syslog", Value::Object(syslog));
        host = header.hostname.clone();
        severity = header.severity;
        if log_source.service.is_none() {
            log_source.service = header.appname.as_ref().map(|a| a.to_ascii_lowercase());
        }
    }

    insert_path(&mut fields, "log.format", json!(parsed.payload.as_str()));
    // One pass over the record's own fields; applied in ECS_MAP's order, which
    // settles which original fills an ECS field that several could.
    let mut mapped: Vec<(usize, &Value)> = parsed
        .fields
        .iter()
        .filter_map(|(name, value)| ECS_BY_ORIGINAL.get(name.as_str()).map(|&i| (i, value)))
        .collect();
    mapped.sort_unstable_by_key(|(i, _)| *i);
    for (i, value) in mapped {
        if let Some((_, ecs)) = ECS_MAP.get(i)
            && get_path(&fields, ecs).is_none()
        {
            insert_path(&mut fields, ecs, typed(ecs, value));
        }
    }
    infer_log_source(&parsed, &mut log_source);
    let Parsed {
        message,
        fields: originals,
        timestamp,
        ..
    } = parsed;
    fields.insert("message".into(), Value::String(message));
    // Originals stay reachable under their own names unless that would clobber an
    // ECS object (e.g. a payload key `source` beside `source.ip`): the few ECS
    // members are laid over the originals' map, rather than each of the many
    // originals moved into a new one.
    let mut fields = fields
        .into_iter()
        .fold(originals, |mut merged, (key, value)| {
            merged.insert(key, value);
            merged
        });
    if host.is_none() {
        host = get_path(&fields, "host.name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| arrival.host_hint.clone());
    }
    if let Some(h) = &host
        && get_path(&fields, "host.name").is_none()
    {
        insert_path(&mut fields, "host.name", json!(h));
    }
    let timestamp = timestamp.unwrap_or(arrival.received_at);
    let (raw, raw_truncated) = cap(raw, arrival.raw_cap);
    Event {
        id: EventId::new(),
        tenant_id: arrival.tenant_id,
        received_at: arrival.received_at,
        timestamp,
        channel: arrival.channel,
        host,
        severity,
        log_source,
        fields,
        raw,
        raw_truncated,
    }
}

/// Ports and pids are numbers in ECS; addresses and names stay strings.
fn typed(ecs: &str, value: &Value) -> Value {
    if (ecs.ends_with(".port") || ecs.ends_with(".pid"))
        && let Some(n) = value.as_str().and_then(|s| s.parse::<u64>().ok())
    {
        return json!(n);
    }
    value.clone()
}

fn infer_log_source(parsed: &Parsed, log_source: &mut LogSource) {
    let fields = &parsed.fields;
    match parsed.payload {
        Format::Cef => {
            if log_source.product.is_none() {
                log_source.product = fields
                    .get("deviceProduct")
                    .and_then(Value::as_str)
                    .map(|p| p.to_ascii_lowercase().replace(' ', "_"));
            }
            log_source.category.get_or_insert_with(|| "firewall".into());
        }
        Format::KeyValue if fields.contains_key("devid") && fields.contains_key("logid") => {
            log_source.product.get_or_insert_with(|| "fortigate".into());
            log_source.category.get_or_insert_with(|| "firewall".into());
        }
        Format::KeyValue if fields.contains_key("SRC") && fields.contains_key("PROTO") => {
            log_source.product.get_or_insert_with(|| "linux".into());
            log_source.category.get_or_insert_with(|| "firewall".into());
        }
        Format::Json if fields.contains_key("EventID") || fields.contains_key("Channel") => {
            log_source.product.get_or_insert_with(|| "windows".into());
            if log_source.service.is_none() {
                log_source.service = fields
                    .get("Channel")
                    .and_then(Value::as_str)
                    .map(windows_service);
            }
        }
        _ => {
            if parsed.syslog.is_some() && log_source.product.is_none() {
                log_source.product = Some("linux".into());
            }
        }
    }
}

/// Sigma's Windows service names for common channels.
fn windows_service(channel: &str) -> String {
    match channel {
        "Microsoft-Windows-Sysmon/Operational" => "sysmon".into(),
        "Security" => "security".into(),
        "System" => "system".into(),
        "Application" => "application".into(),
        "Microsoft-Windows-PowerShell/Operational" => "powershell".into(),
        "Windows PowerShell" => "powershell-classic".into(),
        other => other.to_ascii_lowercase(),
    }
}

/// Caps text at `max` bytes on a character boundary.
pub fn cap(text: &str, max: usize) -> (String, bool) {
    if text.len() <= max {
        return (text.to_string(), false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (text[..end].to_string(), true)
}

/// Sets a dotted path, creating objects on the way (an existing scalar wins).
pub fn insert_path(map: &mut Map<String, Value>, path: &str, value: Value) {
    match path.split_once('.') {
        None => {
            map.insert(path.to_string(), value);
        }
        Some((head, rest)) => {
            // Looked up before it is created: many paths share their head
            // (`source.`, `log.`), and an owned key costs an allocation.
            if let Some(existing) = map.get_mut(head) {
                if let Value::Object(inner) = existing {
                    insert_path(inner, rest, value);
                }
                return;
            }
            let mut inner = Map::new();
            insert_path(&mut inner, rest, value);
            map.insert(head.to_string(), Value::Object(inner));
        }
    }
}

/// Reads a dotted path.
pub fn get_path<'a>(map: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    match path.split_once('.') {
        None => map.get(path),
        Some((head, rest)) => map
            .get(head)?
            .as_object()
            .and_then(|inner| get_path(inner, rest)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_line, year::Clock};

    fn arrival() -> Arrival {
        Arrival {
            tenant_id: TenantId::new(),
            channel: Channel::SyslogTcp,
            received_at: Utc::now(),
            host_hint: None,
            log_source_hint: LogSource::default(),
            raw_cap: 64,
        }
    }

    #[test]
    fn cef_maps_to_ecs_and_keeps_originals() {
        let line = "<14>Nov  1 00:00:00 PA-3220 CEF:0|Palo Alto Networks|PAN-OS|10.2.4|end|TRAFFIC|1|src=10.2.106.157 dst=103.239.161.105 spt=24605 dpt=443 act=deny";
        let parsed = parse_line(line, &Clock::new(Utc::now(), chrono_tz::Tz::UTC));
        let event = to_event(parsed, line, &arrival());
        assert_eq!(
            get_path(&event.fields, "source.ip"),
            Some(&json!("10.2.106.157"))
        );
        assert_eq!(
            get_path(&event.fields, "destination.port"),
            Some(&json!(443))
        );
        assert_eq!(event.fields["src"], "10.2.106.157");
        assert_eq!(event.fields["act"], "deny");
        assert_eq!(event.host.as_deref(), Some("PA-3220"));
        assert_eq!(event.log_source.product.as_deref(), Some("pan-os"));
        assert_eq!(event.severity, Some(6));
        assert!(event.raw_truncated, "raw capped at 64 bytes");
        assert_eq!(event.raw.len(), 64);
    }

    #[test]
    fn sysmon_json_gets_windows_log_source() {
        let line = r#"{"EventID":1,"Channel":"Microsoft-Windows-Sysmon/Operational","Image":"C:\\x\\whoami.exe","Computer":"ws1","UtcTime":"2026-11-01 10:00:00.000"}"#;
        let parsed = parse_line(line, &Clock::new(Utc::now(), chrono_tz::Tz::UTC));
        let event = to_event(parsed, line, &arrival());
        assert_eq!(event.log_source.product.as_deref(), Some("windows"));
        assert_eq!(event.log_source.service.as_deref(), Some("sysmon"));
        assert_eq!(event.host.as_deref(), Some("ws1"));
        assert_eq!(event.fields["Image"], "C:\\x\\whoami.exe");
        assert_eq!(
            get_path(&event.fields, "process.executable"),
            Some(&json!("C:\\x\\whoami.exe"))
        );
        assert_eq!(event.timestamp.to_rfc3339(), "2026-11-01T10:00:00+00:00");
    }

    #[test]
    fn each_original_name_maps_once_and_the_table_order_decides() {
        assert_eq!(
            ECS_BY_ORIGINAL.len(),
            ECS_MAP.len(),
            "an original listed twice"
        );
        // `src` comes before `srcip` and `SRC` in the table: it fills source.ip.
        let line =
            "<14>Nov  1 00:00:00 fw1 app: SRC=10.0.0.3 srcip=10.0.0.2 src=10.0.0.1 dstport=53";
        let parsed = parse_line(line, &Clock::new(Utc::now(), chrono_tz::Tz::UTC));
        let event = to_event(parsed, line, &arrival());
        assert_eq!(
            get_path(&event.fields, "source.ip"),
            Some(&json!("10.0.0.1"))
        );
        assert_eq!(
            get_path(&event.fields, "destination.port"),
            Some(&json!(53))
        );
        assert_eq!(event.fields["srcip"], "10.0.0.2");
        assert_eq!(event.fields["SRC"], "10.0.0.3");
        assert_eq!(
            event.fields["message"],
            "SRC=10.0.0.3 srcip=10.0.0.2 src=10.0.0.1 dstport=53"
        );
    }

    #[test]
    fn cap_respects_char_boundaries() {
        assert_eq!(cap("héllo", 2), ("h".to_string(), true));
        assert_eq!(cap("abc", 5), ("abc".to_string(), false));
    }
}
