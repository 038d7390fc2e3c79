//! The ECS side of normalizing: which original names map to which ECS paths,
//! and one event's ECS fields, held by path number rather than by name so
//! that setting, sorting and nesting them compares no strings.

use super::super::segment::json;
use serde_json::Value;
use std::borrow::Cow;
use std::hash::BuildHasher;
use std::sync::LazyLock;

/// Original names mapped to ECS paths. Applied to payload fields of every format.
pub const ECS_MAP: &[(&str, &str)] = &[
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

/// Every ECS path an event can get, in byte order. A path's position is its
/// number, so sorting numbers sorts paths; and as `.` sorts before `[a-z_]`,
/// the paths under one object stay adjacent. None is a prefix of another
/// except `log.syslog`, which is set only when no `log.syslog.*` is.
const PATHS: [&str; 46] = [
    "destination.domain",
    "destination.ip",
    "destination.port",
    "destination.user.name",
    "dns.question.name",
    "event.action",
    "event.code",
    "event.outcome",
    "event.reason",
    "file.path",
    "host.name",
    "log.flags",
    "log.format",
    "log.syslog",
    "log.syslog.appname",
    "log.syslog.facility.code",
    "log.syslog.msgid",
    "log.syslog.priority",
    "log.syslog.procid",
    "log.syslog.severity.code",
    "log.syslog.structured_data",
    "log.syslog.version",
    "message",
    "network.transport",
    "observer.name",
    "observer.product",
    "observer.vendor",
    "process.command_line",
    "process.executable",
    "process.hash.raw",
    "process.name",
    "process.parent.command_line",
    "process.parent.executable",
    "process.pid",
    "process.working_directory",
    "registry.path",
    "source.domain",
    "source.ip",
    "source.port",
    "source.user.name",
    "url.original",
    "user.name",
    "user.target.name",
    "winlog.channel",
    "winlog.logon.type",
    "winlog.provider_name",
];

/// An ECS path's number: its position in [`PATHS`].
pub type PathId = u8;

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const fn before(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut i = 0;
    while i < a.len() && i < b.len() {
        if a[i] != b[i] {
            return a[i] < b[i];
        }
        i += 1;
    }
    a.len() < b.len()
}

/// A path's number, found at compile time: a path missing from [`PATHS`]
/// does not build.
pub const fn id(path: &str) -> PathId {
    let mut i = 0;
    while i < PATHS.len() {
        if same(PATHS[i], path) {
            return i as PathId;
        }
        i += 1;
    }
    panic!("an ECS path missing from PATHS")
}

// Numbers fit a 64-bit set, and sorted numbers are sorted paths.
const _: () = {
    assert!(PATHS.len() <= 64);
    let mut i = 1;
    while i < PATHS.len() {
        assert!(before(PATHS[i - 1], PATHS[i]), "PATHS out of order");
        i += 1;
    }
};

pub const HOST_NAME: PathId = id("host.name");
pub const LOG_FLAGS: PathId = id("log.flags");
pub const LOG_FORMAT: PathId = id("log.format");
pub const LOG_SYSLOG: PathId = id("log.syslog");
pub const SYSLOG_APPNAME: PathId = id("log.syslog.appname");
pub const SYSLOG_FACILITY: PathId = id("log.syslog.facility.code");
pub const SYSLOG_MSGID: PathId = id("log.syslog.msgid");
pub const SYSLOG_PRIORITY: PathId = id("log.syslog.priority");
pub const SYSLOG_PROCID: PathId = id("log.syslog.procid");
pub const SYSLOG_SEVERITY: PathId = id("log.syslog.severity.code");
pub const SYSLOG_STRUCTURED_DATA: PathId = id("log.syslog.structured_data");
pub const SYSLOG_VERSION: PathId = id("log.syslog.version");
pub const MESSAGE: PathId = id("message");
pub const PROCESS_NAME: PathId = id("process.name");
pub const PROCESS_PID: PathId = id("process.pid");

/// The set of `log.syslog.*` paths.
const SYSLOG_MEMBERS: u64 = {
    let prefix = b"log.syslog.";
    let mut mask = 0;
    let mut i = 0;
    while i < PATHS.len() {
        let path = PATHS[i].as_bytes();
        let mut j = 0;
        while j < prefix.len() && j < path.len() && path[j] == prefix[j] {
            j += 1;
        }
        if j == prefix.len() {
            mask |= 1 << i;
        }
        i += 1;
    }
    mask
};

/// [`ECS_MAP`]'s targets by number.
const TARGETS: [PathId; ECS_MAP.len()] = {
    let mut targets = [0; ECS_MAP.len()];
    let mut i = 0;
    while i < ECS_MAP.len() {
        targets[i] = id(ECS_MAP[i].1);
        i += 1;
    }
    targets
};

/// The path [`ECS_MAP`]'s entry `e` maps to.
pub fn target(e: usize) -> Option<PathId> {
    TARGETS.get(e).copied()
}

pub fn path(id: PathId) -> &'static str {
    PATHS.get(usize::from(id)).copied().unwrap_or("")
}

/// Ports and pids are numbers in ECS; addresses and names stay strings.
pub fn numeric(id: PathId, text: &str) -> Option<u64> {
    let path = path(id);
    if path.ends_with(".port") || path.ends_with(".pid") {
        text.parse().ok()
    } else {
        None
    }
}

/// A path split for nesting: the objects it sits in, and its own name.
struct Shape {
    parents: Vec<&'static str>,
    leaf: &'static str,
}

static SHAPES: LazyLock<Vec<Shape>> = LazyLock::new(|| {
    PATHS
        .iter()
        .map(|path| {
            let mut parents: Vec<&'static str> = path.split('.').collect();
            let leaf = parents.pop().unwrap_or(path);
            Shape { parents, leaf }
        })
        .collect()
});

/// Each top-level name a path starts with: its hash, itself, and the set of
/// paths under it.
static HEADS: LazyLock<Vec<(u64, &'static str, u64)>> = LazyLock::new(|| {
    let mut heads: Vec<(u64, &'static str, u64)> = Vec::new();
    for (i, path) in PATHS.iter().enumerate() {
        let head = path.split('.').next().unwrap_or(path);
        match heads.iter_mut().find(|(_, name, _)| *name == head) {
            Some((_, _, under)) => *under |= 1 << i,
            None => heads.push((name_hash(head), head, 1 << i)),
        }
    }
    heads
});

/// The hasher of field names, keyed per process: names come from senders,
/// and the table that finds names given twice (see `flat::Names`) must not
/// be fed names chosen to collide.
static NAME_HASHER: LazyLock<foldhash::fast::RandomState> =
    LazyLock::new(foldhash::fast::RandomState::default);

/// A field name's hash: computed once per field, then used both to find the
/// name in [`ECS_MAP`] and to find names given twice.
pub fn name_hash(name: &str) -> u64 {
    NAME_HASHER.hash_one(name)
}

/// [`ECS_MAP`] as an open-addressed table by name hash: (hash, position),
/// position `usize::MAX` marking a free slot. A quarter full, so most names
/// (which are not in it) are turned away by the first slot they probe.
const SLOTS: usize = 256;
static ECS_BY_HASH: LazyLock<Vec<(u64, usize)>> = LazyLock::new(|| {
    let mut table = vec![(0, usize::MAX); SLOTS];
    for (i, (original, _)) in ECS_MAP.iter().enumerate() {
        let hash = name_hash(original);
        let mut slot = hash as usize % SLOTS;
        while table[slot].1 != usize::MAX {
            slot = (slot + 1) % SLOTS;
        }
        table[slot] = (hash, i);
    }
    table
});

/// The [`ECS_MAP`] position of an original name whose hash is `hash`.
pub fn ecs_index(name: &str, hash: u64) -> Option<usize> {
    let table = &*ECS_BY_HASH;
    let mut slot = hash as usize % SLOTS;
    loop {
        let (h, i) = *table.get(slot)?;
        if i == usize::MAX {
            return None;
        }
        if h == hash
            && ECS_MAP
                .get(i)
                .is_some_and(|(original, _)| *original == name)
        {
            return Some(i);
        }
        slot = (slot + 1) % SLOTS;
    }
}

/// The objects an event's ECS paths are under.
pub struct Heads {
    /// One bit per entry of [`HEADS`] (fewer than [`PATHS`], so at most 64).
    found: u64,
    /// One bit per hash modulo 64: most names are turned away by it alone.
    filter: u64,
}

impl Heads {
    pub fn is_head(&self, name: &str, hash: u64) -> bool {
        if self.filter & (1 << (hash % 64)) == 0 {
            return false;
        }
        HEADS
            .iter()
            .enumerate()
            .any(|(i, (h, head, _))| self.found & (1 << i) != 0 && *h == hash && *head == name)
    }
}

/// An ECS field's value.
#[derive(Debug, Clone)]
pub enum Ecs<'a> {
    Text(Cow<'a, str>),
    Number(u64),
    Json(Value),
}

impl Ecs<'_> {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Ecs::Text(text) => Some(text),
            Ecs::Json(value) => value.as_str(),
            Ecs::Number(_) => None,
        }
    }

    pub fn into_value(self) -> Value {
        match self {
            Ecs::Text(text) => Value::String(text.into_owned()),
            Ecs::Number(n) => Value::from(n),
            Ecs::Json(value) => value,
        }
    }

    fn write(&self, out: &mut Vec<u8>) {
        match self {
            Ecs::Text(text) => json::write_str(out, text),
            Ecs::Number(n) => json::write_u64(out, *n),
            Ecs::Json(value) => json::write_value(out, value),
        }
    }
}

/// One event's ECS fields. The first value set for a path stays.
#[derive(Debug)]
pub struct EcsFields<'a> {
    entries: Vec<(PathId, Ecs<'a>)>,
    present: u64,
}

impl Default for EcsFields<'_> {
    fn default() -> Self {
        // Room for a syslog header and a firewall line's mapped fields.
        EcsFields {
            entries: Vec::with_capacity(16),
            present: 0,
        }
    }
}

impl<'a> EcsFields<'a> {
    pub fn has(&self, id: PathId) -> bool {
        self.present & (1 << id) != 0
    }

    pub fn get(&self, id: PathId) -> Option<&Ecs<'a>> {
        if !self.has(id) {
            return None;
        }
        self.entries.iter().find(|(p, _)| *p == id).map(|(_, v)| v)
    }

    pub fn set(&mut self, id: PathId, value: Ecs<'a>) {
        if !self.has(id) {
            self.present |= 1 << id;
            self.entries.push((id, value));
        }
    }

    /// Whether any `log.syslog.*` path is set.
    pub fn has_syslog_members(&self) -> bool {
        self.present & SYSLOG_MEMBERS != 0
    }

    /// The objects the set paths are under, for asking of many names.
    pub fn heads(&self) -> Heads {
        let mut heads = Heads {
            found: 0,
            filter: 0,
        };
        for (i, &(hash, _, under)) in HEADS.iter().enumerate() {
            if self.present & under != 0 {
                heads.found |= 1 << i;
                heads.filter |= 1 << (hash % 64);
            }
        }
        heads
    }

    /// The paths and values, for building a map.
    pub fn into_paths(self) -> impl Iterator<Item = (&'static str, Ecs<'a>)> {
        self.entries
            .into_iter()
            .map(|(id, value)| (path(id), value))
    }

    /// Writes the fields as nested members of an object already open, after
    /// other members if `need_comma`.
    pub fn write_members(mut self, out: &mut Vec<u8>, mut need_comma: bool) {
        self.entries.sort_unstable_by_key(|(id, _)| *id);
        let shapes = &*SHAPES;
        let mut open: &[&'static str] = &[];
        for (id, value) in &self.entries {
            let Some(shape) = shapes.get(usize::from(*id)) else {
                continue;
            };
            let common = open
                .iter()
                .zip(&shape.parents)
                .take_while(|(a, b)| a == b)
                .count();
            for _ in common..open.len() {
                out.push(b'}');
                need_comma = true;
            }
            for segment in &shape.parents[common..] {
                if need_comma {
                    out.push(b',');
                }
                json::write_str(out, segment);
                out.extend_from_slice(b":{");
                need_comma = false;
            }
            open = &shape.parents;
            if need_comma {
                out.push(b',');
            }
            json::write_str(out, shape.leaf);
            out.push(b':');
            value.write(out);
            need_comma = true;
        }
        for _ in open {
            out.push(b'}');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_plain_and_none_is_inside_another() {
        for path in PATHS {
            assert!(
                path.bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'_' || b == b'.'),
                "{path}: byte order is segment order only for [a-z_.]"
            );
            for other in PATHS {
                let inside = other.len() > path.len()
                    && other.starts_with(path)
                    && other.as_bytes()[path.len()] == b'.';
                assert!(
                    !inside || path == "log.syslog",
                    "{other} sits inside {path}: an object and a value under one name"
                );
            }
        }
    }

    #[test]
    fn members_nest_by_path_whatever_order_they_were_set_in() {
        let mut fields = EcsFields::default();
        fields.set(MESSAGE, Ecs::Text("m".into()));
        fields.set(SYSLOG_FACILITY, Ecs::Number(1));
        fields.set(PROCESS_NAME, Ecs::Text("p".into()));
        fields.set(LOG_FORMAT, Ecs::Text("kv".into()));
        fields.set(SYSLOG_SEVERITY, Ecs::Number(6));
        fields.set(
            LOG_FORMAT,
            Ecs::Text("ignored: the first value stays".into()),
        );
        fields.set(id("process.parent.executable"), Ecs::Text("q".into()));
        let mut out = b"{\"a\":1".to_vec();
        fields.write_members(&mut out, true);
        out.push(b'}');
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            r#"{"a":1,"log":{"format":"kv","syslog":{"facility":{"code":1},"severity":{"code":6}}},"message":"m","process":{"name":"p","parent":{"executable":"q"}}}"#
        );
    }

    #[test]
    fn heads_are_known_only_once_a_path_under_them_is_set() {
        let mut fields = EcsFields::default();
        assert!(!fields.heads().is_head("source", name_hash("source")));
        fields.set(id("source.ip"), Ecs::Text("10.0.0.1".into()));
        assert!(fields.heads().is_head("source", name_hash("source")));
        assert!(!fields.heads().is_head("sourc", name_hash("sourc")));
        assert!(
            !fields
                .heads()
                .is_head("destination", name_hash("destination"))
        );
    }
}
