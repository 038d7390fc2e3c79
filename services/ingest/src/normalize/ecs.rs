//! One event's ECS fields, held by path number (see [`super::paths`]) rather
//! than by name, so that setting, sorting and nesting them compares no
//! strings; and writing them as nested JSON members.

use super::paths::{PATHS, PathId, SYSLOG_MEMBERS, name_hash};
use crate::segment::json;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::sync::LazyLock;

/// A path split for nesting: the objects it sits in, and its own name; with
/// each written out once as JSON (`"log":{`, `"code":`), since every event
/// writes a dozen of them.
struct Shape {
    parents: Vec<&'static str>,
    opened: Vec<Vec<u8>>,
    leaf: Vec<u8>,
    name: &'static str,
}

static SHAPES: LazyLock<Vec<Shape>> = LazyLock::new(|| {
    PATHS
        .iter()
        .map(|path| {
            let mut parents: Vec<&'static str> = path.split('.').collect();
            let leaf = parents.pop().unwrap_or(path);
            let member = |name: &str, then: &[u8]| {
                let mut out = Vec::new();
                json::write_str(&mut out, name);
                out.extend_from_slice(then);
                out
            };
            Shape {
                opened: parents.iter().map(|p| member(p, b":{")).collect(),
                parents,
                leaf: member(leaf, b":"),
                name: leaf,
            }
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
#[derive(Debug, Clone)]
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

    /// Removes the text at `id` when it is a slice of `within` (borrowed from
    /// the same line), and returns its byte range there.
    pub fn take_slice_of(&mut self, id: PathId, within: &str) -> Option<(usize, usize)> {
        if !self.has(id) {
            return None;
        }
        let at = self.entries.iter().position(|(p, _)| *p == id)?;
        let Ecs::Text(Cow::Borrowed(text)) = &self.entries[at].1 else {
            return None;
        };
        // Addresses say where the slice sits: two live strings whose bytes lie at
        // the same addresses are the same bytes, so checking that the range fits
        // `within` (and falls on character boundaries) is enough.
        let start = (text.as_ptr() as usize).checked_sub(within.as_ptr() as usize)?;
        let end = start.checked_add(text.len())?;
        let slice = within.get(start..end)?;
        debug_assert_eq!(slice, *text);
        self.entries.swap_remove(at);
        self.present &= !(1 << id);
        Some((start, end))
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
            for opened in &shape.opened[common..] {
                if need_comma {
                    out.push(b',');
                }
                out.extend_from_slice(opened);
                need_comma = false;
            }
            open = &shape.parents;
            if need_comma {
                out.push(b',');
            }
            out.extend_from_slice(&shape.leaf);
            value.write(out);
            need_comma = true;
        }
        for _ in open {
            out.push(b'}');
        }
    }
}

impl EcsFields<'_> {
    /// Inserts the fields into `map` as nested objects, as [`Self::write_members`]
    /// nests them: each object built once, in path order, rather than each
    /// path looked up from the top (which had been a third of a reader's
    /// cost of deriving a record's fields).
    pub fn insert_members(mut self, map: &mut Map<String, Value>) {
        self.entries.sort_unstable_by_key(|(id, _)| *id);
        let shapes = &*SHAPES;
        let mut open: Vec<(&'static str, Map<String, Value>)> = Vec::new();
        for (id, value) in self.entries {
            let Some(shape) = shapes.get(usize::from(id)) else {
                continue;
            };
            let common = open
                .iter()
                .zip(&shape.parents)
                .take_while(|((a, _), b)| a == *b)
                .count();
            while open.len() > common {
                close(&mut open, map);
            }
            for parent in &shape.parents[common..] {
                open.push((parent, Map::new()));
            }
            let into = match open.last_mut() {
                Some((_, inner)) => inner,
                None => &mut *map,
            };
            into.insert(shape.name.to_string(), value.into_value());
        }
        while !open.is_empty() {
            close(&mut open, map);
        }
    }
}

/// Closes the innermost open object into the one around it (or `map`).
fn close(open: &mut Vec<(&'static str, Map<String, Value>)>, map: &mut Map<String, Value>) {
    if let Some((name, object)) = open.pop() {
        let into = match open.last_mut() {
            Some((_, inner)) => inner,
            None => map,
        };
        into.insert(name.to_string(), Value::Object(object));
    }
}

#[cfg(test)]
mod tests {
    use super::super::paths::{
        LOG_FORMAT, MESSAGE, PROCESS_NAME, SYSLOG_FACILITY, SYSLOG_SEVERITY, id,
    };
    use super::*;

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
        let mut map = Map::new();
        map.insert("a".into(), Value::from(1));
        fields.clone().insert_members(&mut map);
        let mut out = b"{\"a\":1".to_vec();
        fields.write_members(&mut out, true);
        out.push(b'}');
        assert_eq!(
            String::from_utf8(out.clone()).expect("utf-8"),
            r#"{"a":1,"log":{"format":"kv","syslog":{"facility":{"code":1},"severity":{"code":6}}},"message":"m","process":{"name":"p","parent":{"executable":"q"}}}"#
        );
        // Built as a map, the same object.
        let written: Map<String, Value> = serde_json::from_slice(&out).expect("json");
        assert_eq!(map, written);
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
