//! Parsing one received record into fields: syslog (RFC 5424 with structured
//! data, RFC 3164 with year and time-zone inference), CEF (inside syslog or
//! alone), JSON objects, and key=value lines. The result is mapped to ECS names by
//! [`crate::normalize`].

pub mod bsd;
pub mod cef;
pub mod json;
pub mod kv;
pub mod kv_time;
pub mod rfc5424;
pub mod sshd;
pub mod syslog;
pub mod year;

use chrono::{DateTime, Utc};
use memchr::memmem;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::sync::LazyLock;

/// Which format a record was recognised as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Rfc5424,
    Rfc3164,
    Cef,
    Json,
    KeyValue,
    Text,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Rfc5424 => "rfc5424",
            Format::Rfc3164 => "rfc3164",
            Format::Cef => "cef",
            Format::Json => "json",
            Format::KeyValue => "kv",
            Format::Text => "text",
        }
    }
}

/// Syslog header fields, when the record had a syslog header. Borrowed from
/// the line where they can be.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SyslogHeader<'a> {
    pub facility: Option<u8>,
    pub severity: Option<u8>,
    pub hostname: Option<&'a str>,
    pub appname: Option<&'a str>,
    pub procid: Option<Cow<'a, str>>,
    pub msgid: Option<&'a str>,
    /// `(sd-id, [(param, value)])`, in order.
    pub structured_data: Vec<(String, Vec<(String, String)>)>,
    pub version: Option<u32>,
}

/// A value parsed out of text: what CEF, key=value and prose parsers find.
#[derive(Debug, Clone, PartialEq)]
pub enum Scalar<'a> {
    Text(Cow<'a, str>),
    Number(u64),
    Bool(bool),
}

impl Scalar<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Scalar::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn to_value(&self) -> Value {
        match self {
            Scalar::Text(text) => Value::String(text.to_string()),
            Scalar::Number(n) => Value::from(*n),
            Scalar::Bool(b) => Value::Bool(*b),
        }
    }
}

/// A text payload's fields under their original names, in the order they
/// came, borrowed from the line: building a map of owned strings for every
/// field of every line was a third of the receiving path.
pub type FlatFields<'a> = Vec<(Cow<'a, str>, Scalar<'a>)>;

/// The text under `name` among flat fields: the last one given.
pub fn flat_text<'f>(pairs: &'f FlatFields<'_>, name: &str) -> Option<&'f str> {
    pairs
        .iter()
        .rev()
        .find(|(key, _)| key == name)
        .and_then(|(_, value)| value.as_str())
}

/// The fields a payload carried under their own names.
#[derive(Debug, Clone, PartialEq)]
pub enum Fields<'a> {
    /// Name/value pairs from text (CEF, key=value, prose). A name given twice
    /// keeps its last value, as a map would.
    Flat(FlatFields<'a>),
    /// A JSON object's members, nested as they came.
    Object(Map<String, Value>),
}

impl Default for Fields<'_> {
    fn default() -> Self {
        Fields::Flat(Vec::new())
    }
}

impl Fields<'_> {
    /// The text value under `name` (the last one given, for flat fields).
    pub fn get_str(&self, name: &str) -> Option<&str> {
        match self {
            Fields::Flat(pairs) => flat_text(pairs, name),
            Fields::Object(map) => map.get(name).and_then(Value::as_str),
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        match self {
            Fields::Flat(pairs) => pairs.iter().any(|(key, _)| key == name),
            Fields::Object(map) => map.contains_key(name),
        }
    }

    /// As a JSON object (later duplicates win).
    #[cfg(test)]
    pub fn to_map(&self) -> Map<String, Value> {
        match self {
            Fields::Flat(pairs) => pairs
                .iter()
                .map(|(key, value)| (key.to_string(), value.to_value()))
                .collect(),
            Fields::Object(map) => map.clone(),
        }
    }
}

/// A parsed record, before ECS mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    /// The outermost format (syslog wins over the payload inside it).
    pub format: Format,
    /// The payload format inside a syslog message (`Cef`, `KeyValue`, `Json`, `Text`).
    pub payload: Format,
    pub timestamp: Option<DateTime<Utc>>,
    pub syslog: Option<SyslogHeader<'a>>,
    /// The free-text message (after the syslog header).
    pub message: Cow<'a, str>,
    /// Fields found in the payload under their original names (CEF header and
    /// extensions, key=value pairs, JSON members).
    pub fields: Fields<'a>,
}

/// How much of a record to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Every field.
    Full,
    /// What the event's header takes from the record (host, severity, time,
    /// log-source tags), for a record whose fields are derived again when
    /// read: a receiver need not build fields nobody reads there. Structured
    /// data is left out, key=value pairs are kept only under the names the
    /// header reads ([`header_key`]), and prose is not searched for fields.
    /// Where the syslog header names the host and the time, the payload is
    /// read at [`Depth::Tags`].
    Header,
    /// What the log-source tags take, for a payload whose syslog header gave
    /// the host and the time (elsewhere it would lose them): a
    /// CEF record's fields are its header's (its extension too if it may
    /// name `deviceProduct`), and key=value pairs are read only if they may
    /// be the ones the tags look for (`payload` reads `Text` otherwise, which
    /// tags the same). JSON objects are read in full at every depth.
    Tags,
}

/// Whether the event's header may read a key=value field of this name: the
/// log-source tags' (`devid` and `logid`, `SRC` and `PROTO`), the host's
/// (what [`crate::normalize::flat::mapped_host`] looks for), or the time's
/// ([`kv_time`]).
pub fn header_key(name: &str) -> bool {
    matches!(
        name,
        "devid" | "logid" | "SRC" | "PROTO" | "Computer" | "eventtime" | "date" | "time" | "tz"
    )
}

/// Parses a text record (a syslog line, CEF, key=value or JSON).
pub fn parse_line<'a>(line: &'a str, ctx: &year::Clock) -> Parsed<'a> {
    parse_to(line, ctx, Depth::Full)
}

/// Parses as much of a text record as its event's header takes (see
/// [`Depth::Header`]): the event header [`crate::normalize`] builds from it
/// (host, severity, time, log-source tags) is the one [`parse_line`]'s
/// gives; its structured data, `payload` and fields may not be. Never
/// normalise it into a record whose fields are written.
pub fn parse_header<'a>(line: &'a str, ctx: &year::Clock) -> Parsed<'a> {
    parse_to(line, ctx, Depth::Header)
}

fn parse_to<'a>(line: &'a str, ctx: &year::Clock, depth: Depth) -> Parsed<'a> {
    let trimmed = line.trim_end_matches(['\r', '\n', '\0']);
    if trimmed.starts_with('<')
        && let Some(parsed) = syslog::parse(trimmed, ctx, depth)
    {
        return parsed;
    }
    // A PRI with no syslog header after it (FortiGate sends `<189>date=...`):
    // the payload starts after it, and the PRI still gives the facility and
    // severity. Its host and time can only come from the payload's fields.
    let (pri, body) = split_pri(trimmed);
    let (payload, fields, timestamp) = parse_payload(body, ctx, depth);
    Parsed {
        format: payload,
        payload,
        timestamp,
        syslog: pri.map(|pri| SyslogHeader {
            facility: Some(pri >> 3),
            severity: Some(pri & 7),
            hostname: None,
            appname: None,
            procid: None,
            msgid: None,
            structured_data: Vec::new(),
            version: None,
        }),
        message: Cow::Borrowed(body),
        fields,
    }
}

/// A leading `<PRI>` (1 to 3 digits) and the rest of the line, or the whole
/// line when it has none. The PRI's value is given when it is one (at most
/// 191); a larger number is still no part of the payload.
fn split_pri(line: &str) -> (Option<u8>, &str) {
    line.strip_prefix('<')
        .and_then(|rest| rest.split_once('>'))
        .filter(|(digits, _)| {
            (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
        })
        .map_or((None, line), |(digits, body)| {
            (digits.parse::<u8>().ok().filter(|p| *p <= 191), body)
        })
}

/// Test support: `cases`, then every `step`-th line of each file of the shared
/// syslog samples (`../shared/bench/syslog-samples`), where present.
#[cfg(test)]
pub(crate) fn with_samples(cases: &[&str], step: usize) -> Vec<String> {
    let mut lines: Vec<String> = cases.iter().map(|s| s.to_string()).collect();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/bench/syslog-samples");
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            for entry in entries.flatten() {
                let text = std::fs::read_to_string(entry.path()).expect("sample");
                lines.extend(text.lines().step_by(step.max(1)).map(str::to_string));
            }
        }
        Err(_) => eprintln!("{} is absent: the cases alone", dir.display()),
    }
    lines
}

/// Test support: `line` with each character replaced by, preceded by each of
/// `changes`, and removed.
#[cfg(test)]
pub(crate) fn one_byte_changes(line: &str, changes: &[&str]) -> Vec<String> {
    let mut variants = Vec::new();
    for (at, c) in line.char_indices() {
        let end = at + c.len_utf8();
        for change in changes {
            variants.push(format!("{}{change}{}", &line[..at], &line[end..]));
            variants.push(format!("{}{change}{}", &line[..at], &line[at..]));
        }
        variants.push(format!("{}{}", &line[..at], &line[end..]));
    }
    variants
}

/// A substring searcher built once: building one per search cost more than
/// the search on lines this short.
pub(crate) type Needle = LazyLock<memmem::Finder<'static>>;

static CEF: Needle = Needle::new(|| memmem::Finder::new(b"CEF:"));

/// Where `needle` first occurs in `text`.
pub(crate) fn find(needle: &Needle, text: &str) -> Option<usize> {
    needle.find(text.as_bytes())
}

/// Recognises the payload of a message: CEF, a JSON object, key=value, or text.
///
/// Short of [`Depth::Full`], only what [`crate::normalize`] builds an event's
/// header from is read (see [`Depth`]).
pub fn parse_payload<'a>(
    message: &'a str,
    ctx: &year::Clock,
    depth: Depth,
) -> (Format, Fields<'a>, Option<DateTime<Utc>>) {
    let body = message.trim();
    // CEF starts within the first 64 bytes (after a prefix some devices add).
    let head = &body.as_bytes()[..body.len().min(64 + 3)];
    let cef = |at: &'a str| match depth {
        Depth::Full | Depth::Header => cef::parse(at),
        Depth::Tags => cef::parse_header(at),
    };
    if let Some(cef) = CEF.find(head).and_then(|i| cef(body.get(i..)?)) {
        return (Format::Cef, Fields::Flat(cef), None);
    }
    if body.starts_with('{')
        && let Some(object) = json::parse_object(body)
    {
        let timestamp = json::timestamp_of(&object);
        return (Format::Json, Fields::Object(object), timestamp);
    }
    if depth == Depth::Tags && !may_hold_tagged_pairs(body) {
        return (Format::Text, Fields::default(), None);
    }
    let pairs = match depth {
        Depth::Full => kv::parse(body),
        Depth::Header | Depth::Tags => kv::parse_keeping(body, header_key),
    };
    if let Some(pairs) = pairs {
        let fields = Fields::Flat(pairs);
        let timestamp = kv_time::timestamp_of(|name| fields.get_str(name), ctx);
        return (Format::KeyValue, fields, timestamp);
    }
    if depth == Depth::Full
        && let Some(auth) = sshd::parse(body)
    {
        return (Format::Text, Fields::Flat(auth), None);
    }
    (Format::Text, Fields::default(), None)
}

/// Whether key=value pairs in `body` may include a pair of keys the log-source
/// tags look for (`devid` and `logid`: FortiGate; `SRC` and `PROTO`: iptables).
/// A key is text of the line, so a line lacking either name of a pair cannot
/// hold that pair.
fn may_hold_tagged_pairs(body: &str) -> bool {
    let has = |needle: &Needle| find(needle, body).is_some();
    (has(&DEVID) && has(&LOGID)) || (has(&SRC) && has(&PROTO))
}

static DEVID: Needle = Needle::new(|| memmem::Finder::new(b"devid"));
static LOGID: Needle = Needle::new(|| memmem::Finder::new(b"logid"));
static SRC: Needle = Needle::new(|| memmem::Finder::new(b"SRC"));
static PROTO: Needle = Needle::new(|| memmem::Finder::new(b"PROTO"));
