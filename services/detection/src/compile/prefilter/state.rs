//! The prefilter's scan of one event: walking its fields (parsed, or raw slices of a
//! line), running each indexed field's automaton and maps through the scan memo, and
//! marking needs and, once their need sets hold, rules.

use super::{FieldIndex, Prefilter, SLOTS_PER_AUTOMATON, Target};
use crate::compile::scancache::ScanCache;
use crate::compile::scanner::lowercase_into;
use crate::event::raw::{RawScalar, decode, raw_lines, raw_str, unescape_fragment};
use serde_json::Value;
use std::borrow::Cow;

/// Reusable buffers for [`Prefilter::candidates`]: bitmaps of marked rules and seen
/// needs, the current dotted path, a lowercase copy of a value, the needs one scan
/// found, and the scan memo.
#[derive(Debug, Default)]
pub(crate) struct PrefilterScratch {
    pub(super) marks: Vec<u64>,
    pub(super) seen: Vec<u64>,
    pub(super) path: String,
    pub(super) lower: Vec<u8>,
    pub(super) found: Vec<u32>,
    /// An unescaped string value.
    pub(super) unescaped: Vec<u8>,
    /// Per rule, which of its two need sets have held (see `Prefilter::two_sets`),
    /// and the rules to reset.
    pub(super) progress: Vec<u8>,
    pub(super) touched: Vec<u32>,
    pub(crate) cache: ScanCache,
}

/// One index's pass over one event: marks needs as they are found and rules as their
/// need sets complete.
pub(super) struct State<'a> {
    pub(super) pf: &'a Prefilter,
    pub(super) s: &'a mut PrefilterScratch,
    out: &'a mut Vec<u32>,
}

impl<'a> State<'a> {
    pub(super) fn new(
        pf: &'a Prefilter,
        s: &'a mut PrefilterScratch,
        out: &'a mut Vec<u32>,
    ) -> Self {
        s.marks.clear();
        s.marks.resize(pf.n_rules.div_ceil(64), 0);
        s.seen.clear();
        s.seen.resize(pf.pat_rules.len().div_ceil(64), 0);
        for r in s.touched.drain(..) {
            s.progress[r as usize] = 0;
        }
        if s.progress.len() < pf.n_rules {
            s.progress.resize(pf.n_rules, 0);
        }
        let mut st = State { pf, s, out };
        for &r in &pf.always {
            st.mark_rule(r);
        }
        st
    }

    fn mark_rule(&mut self, r: u32) {
        let (w, b) = ((r / 64) as usize, r % 64);
        if self.s.marks[w] & (1 << b) == 0 {
            self.s.marks[w] |= 1 << b;
            self.out.push(r);
        }
    }

    pub(super) fn mark_need(&mut self, id: u32) {
        // A need seen once already marked all its rules.
        let (w, b) = ((id / 64) as usize, id % 64);
        if self.s.seen[w] & (1 << b) != 0 {
            return;
        }
        self.s.seen[w] |= 1 << b;
        let pf = self.pf;
        for &entry in &pf.pat_rules[id as usize] {
            let r = entry >> 1;
            let (w, b) = ((r / 64) as usize, r % 64);
            if pf.two_sets[w] & (1 << b) == 0 {
                self.mark_rule(r);
                continue;
            }
            // A two-set rule: a candidate once a need of each set has held.
            let p = &mut self.s.progress[r as usize];
            if *p == 0 {
                self.s.touched.push(r);
            }
            *p |= 1 << (entry & 1);
            if *p == 0b11 {
                self.mark_rule(r);
            }
        }
    }

    /// The index of the field a member names, if any, after marking that field's
    /// presence need. `path` is the dotted path of the object holding the member
    /// (empty at the top level, where the member's own name is looked up as it is);
    /// it is extended by the member's name when nested.
    pub(super) fn enter(&mut self, path: &mut String, k: &str) -> Option<&'a FieldIndex> {
        let name = if path.is_empty() {
            k
        } else {
            path.push('.');
            path.push_str(k);
            path.as_str()
        };
        let fi = self.pf.fields.get(name)?;
        if let Some(id) = fi.present {
            self.mark_need(id);
        }
        Some(fi)
    }

    /// Scans top-level fields, and nested objects under their dotted names.
    pub(super) fn scan_object(&mut self, obj: &serde_json::Map<String, Value>, path: &mut String) {
        for (k, v) in obj {
            let len = path.len();
            if let Some(fi) = self.enter(path, k) {
                self.scan_value(fi, v);
            }
            if let Value::Object(inner) = v {
                if len == 0 {
                    path.push_str(k);
                }
                self.scan_object(inner, path);
            }
            path.truncate(len);
        }
    }

    fn scan_value(&mut self, fi: &FieldIndex, v: &Value) {
        match v {
            Value::String(s) => {
                self.scan_text(fi, s);
                self.scan_int_text(fi, s);
            }
            Value::Number(n) => {
                self.scan_number(fi, n);
                // Evaluation compares a number's or boolean's text with string
                // values (`1240` contains "24").
                if fi.reads_text() {
                    self.scan_text(fi, &n.to_string());
                }
            }
            Value::Bool(b) => self.scan_text(fi, if *b { "true" } else { "false" }),
            Value::Array(a) => {
                for x in a {
                    self.scan_value(fi, x);
                }
            }
            _ => {}
        }
    }

    /// The memo slot of a field's automaton; `raw` when keyed by JSON text.
    fn field_slot(&self, fi: &FieldIndex, raw: bool) -> usize {
        self.pf.slot_base + SLOTS_PER_AUTOMATON * fi.slot as usize + usize::from(raw)
    }

    /// The memo slot of a field's automaton for the lines of long values; `raw` when
    /// keyed by JSON text.
    fn line_slot(&self, fi: &FieldIndex, raw: bool) -> usize {
        self.pf.slot_base + SLOTS_PER_AUTOMATON * fi.slot as usize + 2 + usize::from(raw)
    }

    /// The memo slot of the keyword automaton.
    fn anywhere_slot(&self, raw: bool) -> usize {
        self.pf.slot_base + SLOTS_PER_AUTOMATON * self.pf.fields.len() + usize::from(raw)
    }

    /// Marks the needs remembered for `key` in `slot`; false when not remembered.
    fn recall(&mut self, slot: usize, key: &str) -> bool {
        ScanCache::worth(key.len()) && self.recall_any(slot, key)
    }

    /// [`State::recall`] whatever the key's length.
    fn recall_any(&mut self, slot: usize, key: &str) -> bool {
        let mut cache = std::mem::take(&mut self.s.cache);
        let hit = match cache.get(slot, key) {
            Some(found) => {
                for &id in found {
                    self.mark_need(id);
                }
                true
            }
            None => false,
        };
        self.s.cache = cache;
        hit
    }

    /// Runs a field's automaton over a value, through the memo. `raw` is the value's
    /// JSON text when read from a line: the memo is then keyed by it, so a repeated
    /// value is not even unescaped.
    fn scan_text(&mut self, fi: &FieldIndex, text: &str) {
        if !fi.reads_text() {
            return;
        }
        let slot = self.field_slot(fi, false);
        if !self.recall(slot, text) {
            self.scan_field(fi, slot, text, text);
        }
    }

    /// Scans a field's value not found in the memo: whole, or line by line when too
    /// long to remember whole.
    fn scan_field(&mut self, fi: &FieldIndex, slot: usize, text: &str, key: &str) {
        if fi.by_line && ScanCache::too_long(text.len()) {
            self.scan_lines(fi, text);
        } else {
            self.scan_fresh(Target::Field(fi), slot, text, key);
        }
    }

    /// Scans a long value line by line, each line through the memo: long telemetry
    /// values (PowerShell context and script blocks) rarely repeat whole, but their
    /// lines do. The needs found are those of a whole scan: no literal of the field
    /// holds a line break, so none spans two lines, and no exact need is as long as
    /// such a value (see `FieldIndex::by_line`).
    fn scan_lines(&mut self, fi: &FieldIndex, text: &str) {
        let slot = self.line_slot(fi, false);
        for line in text.split('\n') {
            if !(ScanCache::worth_line(line.len()) && self.recall_any(slot, line)) {
                self.scan_fresh(Target::Line(fi), slot, line, line);
            }
        }
    }

    /// [`State::scan_lines`] over a raw JSON string, split at its `\n` escapes: a
    /// remembered line is not even unescaped. Only for fields without exact or
    /// integer needs, which would need the whole decoded value.
    fn scan_raw_lines(&mut self, fi: &FieldIndex, text: &str) {
        let slot = self.line_slot(fi, true);
        let mut buf = std::mem::take(&mut self.s.unescaped);
        for line in raw_lines(text) {
            if ScanCache::worth_line(line.len()) && self.recall_any(slot, line) {
                continue;
            }
            if let Some(s) = unescape_fragment(line, &mut buf) {
                self.scan_fresh(Target::Line(fi), slot, s, line);
            }
        }
        self.s.unescaped = buf;
    }

    /// Scans `text` for a target's needs and remembers what it found under `key`.
    fn scan_fresh(&mut self, target: Target<'_>, slot: usize, text: &str, key: &str) {
        let mut found = std::mem::take(&mut self.s.found);
        found.clear();
        let lower = lowercase_into(text, &mut self.s.lower);
        match target {
            Target::Field(fi) => {
                if let Some(ac) = &fi.ac {
                    ac.each_match(lower, &mut |p| found.push(fi.pat_global[p]));
                }
                if let Some(&id) = fi.exact.get(lower) {
                    found.push(id);
                }
            }
            Target::Line(fi) => {
                if let Some(ac) = &fi.ac {
                    ac.each_match(lower, &mut |p| found.push(fi.pat_global[p]));
                }
            }
            Target::Anywhere(ac) => {
                let pf = self.pf;
                ac.each_match(lower, &mut |p| found.push(pf.anywhere_global[p]));
            }
        }
        for &id in &found {
            self.mark_need(id);
        }
        let remember = match target {
            Target::Line(_) => ScanCache::worth_line(key.len()),
            Target::Field(_) | Target::Anywhere(_) => ScanCache::worth(key.len()),
        };
        if remember {
            self.s.cache.put(slot, key, &found);
        }
        self.s.found = found;
    }

    /// The keyword automaton over one string value (`raw`: its JSON text, if read
    /// from a line, already known not to be remembered).
    pub(super) fn scan_anywhere(&mut self, text: &str, raw: Option<&str>) {
        let pf = self.pf;
        let Some(ac) = &pf.anywhere else {
            return;
        };
        let slot = self.anywhere_slot(raw.is_some());
        if raw.is_none() && self.recall(slot, text) {
            return;
        }
        self.scan_fresh(Target::Anywhere(ac), slot, text, raw.unwrap_or(text));
    }

    fn scan_int_text(&mut self, fi: &FieldIndex, s: &str) {
        if !fi.ints.is_empty()
            && let Ok(i) = s.trim().parse::<i64>()
            && let Some(&id) = fi.ints.get(&i)
        {
            self.mark_need(id);
        }
    }

    fn scan_number(&mut self, fi: &FieldIndex, n: &serde_json::Number) {
        let i = n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64));
        if let Some(id) = i.and_then(|i| fi.ints.get(&i)) {
            self.mark_need(*id);
        }
    }

    /// [`State::scan_object`] over a line's raw members.
    pub(super) fn scan_raw_object(&mut self, fields: &[(Cow<'_, str>, &str)], path: &mut String) {
        let pf = self.pf;
        for (k, v) in fields {
            let len = path.len();
            if let Some(fi) = self.enter(path, k) {
                self.scan_raw_value(fi, v);
            }
            if v.starts_with('{') {
                if len == 0 {
                    path.push_str(k);
                }
                if pf.nested.contains(path.as_str())
                    && let RawScalar::Object(inner) = decode(v)
                {
                    self.scan_raw_object(&inner, path);
                }
            }
            path.truncate(len);
        }
    }

    fn scan_raw_value(&mut self, fi: &FieldIndex, text: &str) {
        if text.starts_with('"') {
            if fi.by_line
                && fi.exact.is_empty()
                && fi.ints.is_empty()
                && ScanCache::too_long(text.len())
            {
                self.scan_raw_lines(fi, text);
                return;
            }
            // A remembered value is not even unescaped.
            let remembered = !fi.reads_text() || self.recall(self.field_slot(fi, true), text);
            if remembered && fi.ints.is_empty() {
                return;
            }
            let mut buf = std::mem::take(&mut self.s.unescaped);
            if let Some(s) = raw_str(text, &mut buf) {
                if !remembered {
                    let slot = self.field_slot(fi, true);
                    self.scan_field(fi, slot, s, text);
                }
                self.scan_int_text(fi, s);
            }
            self.s.unescaped = buf;
            return;
        }
        // Besides strings, numbers, booleans and arrays can hold a need.
        if text == "true" || text == "false" {
            self.scan_text(fi, text);
            return;
        }
        let number = text.starts_with(|c: char| c == '-' || c.is_ascii_digit());
        if !(text.starts_with('[') || number && (!fi.ints.is_empty() || fi.reads_text())) {
            return;
        }
        match decode(text) {
            RawScalar::Str(_) => {}
            RawScalar::Number(n) => {
                self.scan_number(fi, &n);
                // The text evaluation reads is that of serde_json's number, which
                // may differ from the line's (`-0` reads `-0.0`).
                if fi.reads_text()
                    && let Ok(n) = serde_json::from_str::<serde_json::Number>(text)
                {
                    self.scan_text(fi, &n.to_string());
                }
            }
            RawScalar::Array(items) => {
                for x in items {
                    self.scan_raw_value(fi, x);
                }
            }
            RawScalar::Object(_) | RawScalar::Other => {}
        }
    }

    /// The keyword automaton over every string in a raw value.
    pub(super) fn anywhere_raw(&mut self, text: &str) {
        if !text.starts_with(['"', '[', '{']) {
            return;
        }
        if text.starts_with('"') {
            if !self.recall(self.anywhere_slot(true), text) {
                let mut buf = std::mem::take(&mut self.s.unescaped);
                if let Some(s) = raw_str(text, &mut buf) {
                    self.scan_anywhere(s, Some(text));
                }
                self.s.unescaped = buf;
            }
            return;
        }
        match decode(text) {
            RawScalar::Array(items) => {
                for x in items {
                    self.anywhere_raw(x);
                }
            }
            RawScalar::Object(members) => {
                for (_, x) in members {
                    self.anywhere_raw(x);
                }
            }
            RawScalar::Str(_) | RawScalar::Number(_) | RawScalar::Other => {}
        }
    }
}
