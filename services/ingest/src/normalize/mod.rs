//! From a parsed record to the stored [`Event`]: ECS field names (nested, as ECS
//! nests them) beside the original names, log-source tags for detection's
//! routing, event time falling back to receipt time, and the capped raw text.

mod ecs;
mod flat;
mod paths;

use crate::parse::{Fields, FlatFields, Format, Parsed, SyslogHeader};
use crate::segment::{json, record};
use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use ecs::{Ecs, EcsFields};
use garrison_core::TenantId;
use garrison_core::event::{Channel, Event, EventId, LogSource};
use serde_json::{Map, Value, json};
use std::borrow::Cow;

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

/// The event built from a record: its header, and its fields and raw text
/// ready to be written as its segment record.
#[derive(Debug)]
pub struct Normalized<'a> {
    /// Without fields or raw text: those go straight into the record.
    pub event: Event,
    raw: &'a str,
    body: Body<'a>,
}

#[derive(Debug)]
enum Body<'a> {
    /// A text payload's flat fields beside the ECS tree, written without
    /// building a map: `names` marks originals a later namesake or an ECS
    /// object replaces.
    Flat {
        originals: FlatFields<'a>,
        names: flat::Names,
        ecs: EcsFields<'a>,
    },
    /// A JSON payload: ECS objects merged into the nested object received.
    Tree(Map<String, Value>),
    /// Fields the raw text gives again when read: the record leaves them out
    /// (see [`record::write_derived_record`]), reading it in this zone.
    Derived(Tz),
}

impl<'a> Normalized<'a> {
    /// Marks what happened to the record on its way in (`log.flags`).
    pub fn flag(&mut self, flags: &[&str]) {
        if flags.is_empty() {
            return;
        }
        match &mut self.body {
            Body::Flat { ecs, .. } => ecs.set(paths::LOG_FLAGS, Ecs::Json(json!(flags))),
            Body::Tree(fields) => insert_path(fields, "log.flags", json!(flags)),
            // Never reached: flags are a reason a record keeps its fields.
            Body::Derived(_) => debug_assert!(false, "flags on a derived record"),
        }
    }

    /// The fields as a map, as a reader of the record gets them.
    pub fn into_fields(self) -> Map<String, Value> {
        match self.body {
            Body::Tree(fields) => fields,
            Body::Derived(tz) => derived_fields(self.raw, self.event.received_at, tz),
            Body::Flat {
                originals,
                names,
                ecs,
            } => flat::into_map(originals, &names, ecs),
        }
    }

    /// Room enough for the record, so that writing it rarely reallocates: the
    /// raw text, its fields (much of it again), the ECS fields and the header
    /// come to up to 1.3 times `256 + 4 * raw` over the sample corpus (a line
    /// longer than the raw cap may still outgrow it).
    pub fn record_size_hint(&self) -> usize {
        match self.body {
            // The header and the raw text, a quote in four escaped.
            Body::Derived(_) => 256 + self.raw.len() * 5 / 4,
            Body::Flat { .. } | Body::Tree(_) => 512 + 6 * self.raw.len(),
        }
    }

    /// Appends the event's segment record to `out` and returns its header.
    pub fn into_record(self, out: &mut Vec<u8>) -> Event {
        let Normalized { event, raw, body } = self;
        match body {
            Body::Derived(tz) => record::write_derived_record(&event, raw, tz, out),
            Body::Tree(fields) => record::write_record_with(&event, raw, None, out, |out| {
                json::write_map(out, &fields)
            }),
            Body::Flat {
                originals,
                names,
                mut ecs,
            } => {
                // A text line's message is most of its raw text: stored as its
                // place in that text, it is escaped, copied and compressed once
                // instead of twice (a reader puts it back among the fields).
                let message = ecs.take_slice_of(paths::MESSAGE, raw);
                record::write_record_with(&event, raw, message, out, |out| {
                    flat::write(out, &originals, &names, ecs)
                })
            }
        }
        event
    }

    /// The whole event, fields and raw text included, as it reads back from
    /// its record.
    pub fn into_event(self) -> Event {
        // What a reader derives for a record that leaves its fields out.
        let derived = match self.body {
            Body::Derived(tz) => Some(derived_fields(self.raw, self.event.received_at, tz)),
            Body::Flat { .. } | Body::Tree(_) => None,
        };
        let mut line = Vec::new();
        let tenant = self.event.tenant_id;
        let head = self.into_record(&mut line);
        record::Record::parse(&line)
            .and_then(|r| {
                let fields = derived.unwrap_or_else(|| r.written_fields());
                r.to_stored_with(0, tenant, fields)
            })
            .map(|stored| stored.event)
            .unwrap_or(head)
    }
}

/// The fields of a text record stored without them (see
/// [`normalize_derived`]): what a full parse and [`normalize`] make of the
/// same text at the same receipt time in the same zone, as a record that
/// writes them holds. Both can matter beyond the event time:
/// the year inferred for a BSD date decides whether `Feb 29` is a date at all,
/// and so whether the line has a syslog header.
pub fn derived_fields(raw: &str, received_at: DateTime<Utc>, tz: Tz) -> Map<String, Value> {
    // Tenant and channel shape only the event's header, never its fields.
    let arrival = Arrival::new(
        TenantId::from_uuid(uuid::Uuid::nil()),
        Channel::SyslogTcp,
        received_at,
        usize::MAX,
    );
    let parsed = crate::parse::parse_line(raw, &crate::parse::year::Clock::new(received_at, tz));
    normalize(parsed, raw, &arrival).into_fields()
}

/// The event's header as the syslog header, the transport and the payload's
/// format give it (the host may still come from the fields).
struct Header {
    host: Option<String>,
    severity: Option<u8>,
    log_source: LogSource,
}

fn header_of(parsed: &Parsed<'_>, arrival: &Arrival) -> Header {
    let mut head = Header {
        host: None,
        severity: None,
        log_source: arrival.log_source_hint.clone(),
    };
    if let Some(syslog) = &parsed.syslog {
        head.host = syslog.hostname.map(str::to_string);
        head.severity = syslog.severity;
        if head.log_source.service.is_none() {
            head.log_source.service = syslog.appname.map(str::to_ascii_lowercase);
        }
    }
    infer_log_source(parsed, &mut head.log_source);
    head
}

fn event_of(
    head: Header,
    timestamp: Option<DateTime<Utc>>,
    raw_truncated: bool,
    arrival: &Arrival,
) -> Event {
    Event {
        id: event_id(arrival.received_at),
        tenant_id: arrival.tenant_id,
        received_at: arrival.received_at,
        timestamp: timestamp.unwrap_or(arrival.received_at),
        channel: arrival.channel,
        host: head.host,
        severity: head.severity,
        log_source: head.log_source,
        fields: Map::new(),
        raw: String::new(),
        raw_truncated,
    }
}

thread_local! {
    /// Each receiving thread's own UUIDv7 counter: ids from the shared one
    /// took a lock and a clock read per event (2.6% of a run's CPU).
    static IDS: uuid::ContextV7 = const { uuid::ContextV7::new() };
}

/// A UUIDv7 for an event received at `at` (the batch's clock reading). The
/// thread's counter never goes back: an id is stamped with `at` or, after a
/// later batch on the same thread, that batch's millisecond. Ids stay
/// distinct (the counter, then random bits) and roughly ordered by receipt.
fn event_id(at: DateTime<Utc>) -> EventId {
    let secs = u64::try_from(at.timestamp()).unwrap_or(0);
    let uuid = IDS.with(|ids| {
        uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
            ids,
            secs,
            at.timestamp_subsec_nanos(),
        ))
    });
    EventId::from_uuid(uuid)
}

/// Builds the event of a text record whose fields are derived again when
/// read (see [`Body::Derived`]): only its header is worked out now, with no
/// ECS fields built for a text payload's flat fields. `parsed` is what `raw`
/// gave read in `tz` at the arrival's time, at [`crate::parse::Depth::Header`]
/// or deeper; the record keeps the zone for its readers. Raw text the cap
/// cuts cannot give its fields back: such a record gets them written out,
/// from the text read again in full.
pub fn normalize_derived<'a>(
    parsed: Parsed<'a>,
    raw: &'a str,
    arrival: &Arrival,
    tz: Tz,
) -> Normalized<'a> {
    if raw.len() > arrival.raw_cap {
        let clock = crate::parse::year::Clock::new(arrival.received_at, tz);
        return normalize(crate::parse::parse_line(raw, &clock), raw, arrival);
    }
    let Fields::Flat(originals) = &parsed.fields else {
        // A JSON payload's host may come from anywhere in its tree.
        let mut full = normalize(parsed, raw, arrival);
        full.body = Body::Derived(tz);
        return full;
    };
    let mut head = header_of(&parsed, arrival);
    if head.host.is_none() {
        head.host = flat::mapped_host(originals).or_else(|| arrival.host_hint.clone());
    }
    Normalized {
        event: event_of(head, parsed.timestamp, false, arrival),
        raw,
        body: Body::Derived(tz),
    }
}

/// Builds the event.
pub fn normalize<'a>(parsed: Parsed<'a>, raw: &'a str, arrival: &Arrival) -> Normalized<'a> {
    let mut ecs = EcsFields::default();
    let mut head = header_of(&parsed, arrival);
    let mut host = head.host.take();
    if let Some(header) = &parsed.syslog {
        syslog_fields(header, &mut ecs);
    }
    ecs.set(
        paths::LOG_FORMAT,
        Ecs::Text(Cow::Borrowed(parsed.payload.as_str())),
    );
    let Parsed {
        message,
        fields,
        timestamp,
        ..
    } = parsed;
    let body = match fields {
        Fields::Flat(originals) => {
            let names = flat::map(&originals, &mut ecs);
            ecs.set(paths::MESSAGE, Ecs::Text(message));
            flat::body(originals, names, ecs, &mut host, arrival)
        }
        Fields::Object(originals) => {
            map_object(&originals, &mut ecs);
            ecs.set(paths::MESSAGE, Ecs::Text(message));
            Body::Tree(tree_body(originals, ecs, &mut host, arrival))
        }
    };
    let (raw, raw_truncated) = cap(raw, arrival.raw_cap);
    Normalized {
        event: event_of(Header { host, ..head }, timestamp, raw_truncated, arrival),
        raw,
        body,
    }
}

/// `log.syslog.*` and the process the header names.
fn syslog_fields<'a>(header: &SyslogHeader<'a>, ecs: &mut EcsFields<'a>) {
    if let (Some(facility), Some(sev)) = (header.facility, header.severity) {
        ecs.set(
            paths::SYSLOG_PRIORITY,
            Ecs::Number(u64::from(facility) * 8 + u64::from(sev)),
        );
        ecs.set(paths::SYSLOG_FACILITY, Ecs::Number(facility.into()));
        ecs.set(paths::SYSLOG_SEVERITY, Ecs::Number(sev.into()));
    }
    if let Some(app) = header.appname {
        ecs.set(paths::SYSLOG_APPNAME, Ecs::Text(Cow::Borrowed(app)));
        ecs.set(paths::PROCESS_NAME, Ecs::Text(Cow::Borrowed(app)));
    }
    if let Some(procid) = &header.procid {
        ecs.set(paths::SYSLOG_PROCID, Ecs::Text(procid.clone()));
        if let Ok(pid) = procid.parse::<u64>() {
            ecs.set(paths::PROCESS_PID, Ecs::Number(pid));
        }
    }
    if let Some(msgid) = header.msgid {
        ecs.set(paths::SYSLOG_MSGID, Ecs::Text(Cow::Borrowed(msgid)));
    }
    if let Some(version) = header.version {
        ecs.set(paths::SYSLOG_VERSION, Ecs::Number(version.into()));
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
        ecs.set(paths::SYSLOG_STRUCTURED_DATA, Ecs::Json(Value::Object(sd)));
    }
    if !ecs.has_syslog_members() {
        // A header with nothing to say still says it was syslog.
        ecs.set(paths::LOG_SYSLOG, Ecs::Json(Value::Object(Map::new())));
    }
}

/// Maps a JSON object's members onto ECS, in [`paths::ECS_MAP`]'s order (which
/// settles which original fills an ECS field that several could).
fn map_object(originals: &Map<String, Value>, ecs: &mut EcsFields<'_>) {
    let mut mapped: Vec<(usize, &Value)> = originals
        .iter()
        .filter_map(|(name, value)| {
            paths::ecs_index(name, paths::name_hash(name)).map(|e| (e, value))
        })
        .collect();
    mapped.sort_unstable_by_key(|(e, _)| *e);
    for (e, value) in mapped {
        if let Some(id) = paths::target(e) {
            let value = match value.as_str().and_then(|text| paths::numeric(id, text)) {
                Some(n) => Ecs::Number(n),
                None => Ecs::Json(value.clone()),
            };
            ecs.set(id, value);
        }
    }
}

/// The ECS objects laid over the JSON object received, and the host.
fn tree_body(
    originals: Map<String, Value>,
    ecs: EcsFields<'_>,
    host: &mut Option<String>,
    arrival: &Arrival,
) -> Map<String, Value> {
    let mut tree = Map::new();
    ecs.insert_members(&mut tree);
    // The few ECS members are laid over the originals' map, rather than each
    // of the many originals moved into a new one.
    let mut fields = tree
        .into_iter()
        .fold(originals, |mut merged, (key, value)| {
            merged.insert(key, value);
            merged
        });
    if host.is_none() {
        *host = get_path(&fields, "host.name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .or_else(|| arrival.host_hint.clone());
    }
    if let Some(h) = host.as_deref()
        && get_path(&fields, "host.name").is_none()
    {
        insert_path(&mut fields, "host.name", json!(h));
    }
    fields
}

fn infer_log_source(parsed: &Parsed, log_source: &mut LogSource) {
    let fields = &parsed.fields;
    match parsed.payload {
        Format::Cef => {
            if log_source.product.is_none() {
                log_source.product = fields
                    .get_str("deviceProduct")
                    .map(|p| p.to_ascii_lowercase().replace(' ', "_"));
            }
            log_source.category.get_or_insert_with(|| "firewall".into());
        }
        Format::KeyValue if fields.contains("devid") && fields.contains("logid") => {
            log_source.product.get_or_insert_with(|| "fortigate".into());
            log_source.category.get_or_insert_with(|| "firewall".into());
        }
        Format::KeyValue if fields.contains("SRC") && fields.contains("PROTO") => {
            log_source.product.get_or_insert_with(|| "linux".into());
            log_source.category.get_or_insert_with(|| "firewall".into());
        }
        Format::Json if fields.contains("EventID") || fields.contains("Channel") => {
            log_source.product.get_or_insert_with(|| "windows".into());
            if log_source.service.is_none() {
                log_source.service = fields.get_str("Channel").map(windows_service);
            }
        }
        _ => {
            // A syslog header (not a bare PRI before another device's payload)
            // says a Unix-like sender.
            let header = matches!(parsed.format, Format::Rfc5424 | Format::Rfc3164);
            if header && log_source.product.is_none() {
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
pub fn cap(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
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

    /// Ids for events received at one instant: version 7, stamped with that
    /// instant, distinct and in order.
    #[test]
    fn event_ids_are_distinct_ordered_and_stamped_with_receipt() {
        let at: DateTime<Utc> = "2026-11-01T12:00:00.123456Z".parse().expect("time");
        let ids: Vec<uuid::Uuid> = (0..10_000).map(|_| event_id(at).as_uuid()).collect();
        assert!(ids.windows(2).all(|w| w[0] < w[1]), "in order, none twice");
        for id in [ids[0], ids[9_999]] {
            assert_eq!(id.get_version_num(), 7);
            let (secs, nanos) = id.get_timestamp().expect("v7").to_unix();
            assert_eq!((secs, nanos / 1_000_000), (1_793_534_400, 123));
        }
    }

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

    /// A text line's message is stored once, as a range of its raw text, and
    /// reads back in full; one beyond the raw text's cap is stored whole.
    #[test]
    fn a_message_inside_the_raw_text_is_stored_once() {
        let payload = "src=10.0.0.3 dst=10.0.0.9 action=deny";
        let line = format!("<14>Nov  1 00:00:00 fw1 app: {payload}");
        let mut wide = arrival();
        wide.raw_cap = 4096;
        let clock = Clock::new(wide.received_at, chrono_tz::Tz::UTC);
        let mut record = Vec::new();
        normalize(parse_line(&line, &clock), &line, &wide).into_record(&mut record);
        let text = String::from_utf8_lossy(&record);
        assert_eq!(text.matches(payload).count(), 1, "{text}");
        let read = record::Record::parse(&record).expect("record");
        assert_eq!(read.written_fields()["message"], payload);
        // Capped at 32 bytes, the raw text holds only the start of the message.
        let mut narrow = arrival();
        narrow.raw_cap = 32;
        let mut record = Vec::new();
        normalize(parse_line(&line, &clock), &line, &narrow).into_record(&mut record);
        let read = record::Record::parse(&record).expect("record");
        assert_eq!(read.raw(), &line[..32]);
        assert_eq!(read.written_fields()["message"], payload);
    }

    /// A line normalised and read back from its record.
    fn event_of(line: &str) -> Event {
        let parsed = parse_line(line, &Clock::new(Utc::now(), chrono_tz::Tz::UTC));
        normalize(parsed, line, &arrival()).into_event()
    }

    #[test]
    fn cef_maps_to_ecs_and_keeps_originals() {
        let line = "<14>Nov  1 00:00:00 PA-3220 CEF:0|Palo Alto Networks|PAN-OS|10.2.4|end|TRAFFIC|1|src=10.2.106.157 dst=103.239.161.105 spt=24605 dpt=443 act=deny";
        let event = event_of(line);
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
        let event = event_of(line);
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

    /// A bare PRI gives severity but names no product; a syslog header still
    /// says Linux.
    #[test]
    fn a_bare_pri_gives_severity_but_no_product() {
        let event = event_of("<166>%ASA-6-302013: Built outbound TCP connection");
        assert_eq!(event.severity, Some(6));
        assert_eq!(event.log_source.product, None);
        assert_eq!(
            event.fields["message"],
            "%ASA-6-302013: Built outbound TCP connection"
        );
        let event = event_of("<38>Nov  1 00:00:00 srv-17 sshd[1]: Accepted password for bob");
        assert_eq!(event.log_source.product.as_deref(), Some("linux"));
    }

    #[test]
    fn each_original_name_maps_once_and_the_table_order_decides() {
        let mut originals: Vec<&str> = paths::ECS_MAP
            .iter()
            .map(|(original, _)| *original)
            .collect();
        originals.sort_unstable();
        originals.dedup();
        assert_eq!(
            originals.len(),
            paths::ECS_MAP.len(),
            "an original listed twice"
        );
        // `src` comes before `srcip` and `SRC` in the table: it fills source.ip.
        let line =
            "<14>Nov  1 00:00:00 fw1 app: SRC=10.0.0.3 srcip=10.0.0.2 src=10.0.0.1 dstport=53";
        let event = event_of(line);
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
        assert_eq!(cap("héllo", 2), ("h", true));
        assert_eq!(cap("abc", 5), ("abc", false));
    }
}
