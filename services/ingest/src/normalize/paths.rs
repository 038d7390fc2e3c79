//! Which original field names map to which ECS paths, and the numbering of
//! every ECS path an event can get: fixed at compile time, so that the
//! per-event work compares numbers, not names.

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
pub(super) const PATHS: [&str; 46] = [
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
pub(super) const SYSLOG_MEMBERS: u64 = {
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
}
