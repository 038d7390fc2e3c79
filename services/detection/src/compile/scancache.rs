//! A per-thread memo of prefilter scans.
//!
//! Real telemetry repeats its mid-sized values (call stacks, image paths, registry keys,
//! hashes) thousands of times: in the shared Windows corpus, 93% of `CallTrace` bytes
//! and 99% of `SourceImage` bytes repeat an earlier value. Looking a value up costs a
//! fraction of running a large automaton over it, so each field's scan result (the
//! needs it found) is remembered by value. The memo is bounded and starts over when
//! full; the value is stored and compared in full, so a hash collision can never change
//! a result; the hasher is seeded per process, so input cannot aim at collisions.

use std::collections::HashMap;

/// Shorter values are scanned directly: hashing one costs about as much.
const MIN_LEN: usize = 8;
/// Longer values (script blocks, free text) rarely repeat whole: scanned directly, or
/// line by line.
const MAX_LEN: usize = 4096;
/// Longest line of a long value remembered. The lines of long values repeat even
/// when the values do not: in the shared corpus, PowerShell's 5.6 KB context blocks
/// differ by a sequence number, and their longest line (the host application's
/// command line, up to 7 KB) is one of a few hundred.
const MAX_LINE_LEN: usize = 64 << 10;
/// Bytes of remembered values held before the memo starts over.
const MAX_BYTES: usize = 16 << 20;

type Memo = HashMap<Box<str>, Box<[u32]>, foldhash::fast::RandomState>;

/// Scan results by (slot, value). A slot is one automaton of one index, and whether its
/// keys are decoded text or raw JSON (the two never share a slot).
#[derive(Debug, Default)]
pub(crate) struct ScanCache {
    slots: Vec<Option<Memo>>,
    bytes: usize,
    hits: u64,
    lookups: u64,
}

impl ScanCache {
    /// Whether a value of this length is worth remembering.
    pub(crate) fn worth(len: usize) -> bool {
        (MIN_LEN..=MAX_LEN).contains(&len)
    }

    /// Whether a value is too long to remember whole.
    pub(crate) fn too_long(len: usize) -> bool {
        len > MAX_LEN
    }

    /// Whether a line of a long value, of this length, is worth remembering.
    pub(crate) fn worth_line(len: usize) -> bool {
        (MIN_LEN..=MAX_LINE_LEN).contains(&len)
    }

    /// The needs found in `value` by the automaton of `slot`, if remembered.
    pub(crate) fn get(&mut self, slot: usize, value: &str) -> Option<&[u32]> {
        self.lookups += 1;
        let found = self.slots.get(slot)?.as_ref()?.get(value)?;
        self.hits += 1;
        Some(found)
    }

    /// Remembers the needs the automaton of `slot` found in `value`.
    pub(crate) fn put(&mut self, slot: usize, value: &str, needs: &[u32]) {
        if self.bytes + value.len() > MAX_BYTES {
            self.slots.clear();
            self.bytes = 0;
        }
        if self.slots.len() <= slot {
            self.slots.resize_with(slot + 1, || None);
        }
        let memo = self.slots[slot].get_or_insert_with(Memo::default);
        self.bytes += value.len();
        memo.insert(value.into(), needs.into());
    }

    /// Lookups so far and how many were hits (diagnostics).
    pub(crate) fn stats(&self) -> (u64, u64) {
        (self.lookups, self.hits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_per_slot_and_starts_over_when_full() {
        let mut c = ScanCache::default();
        let v = "C:\\Windows\\System32\\ntdll.dll+9d4c4";
        assert!(ScanCache::worth(v.len()));
        assert!(!ScanCache::worth(3));
        assert!(ScanCache::too_long(MAX_LEN + 1) && !ScanCache::worth(MAX_LEN + 1));
        assert!(ScanCache::worth_line(MAX_LEN + 1) && !ScanCache::worth_line(MAX_LINE_LEN + 1));
        assert!(c.get(0, v).is_none());
        c.put(0, v, &[7, 9]);
        assert_eq!(c.get(0, v), Some(&[7, 9][..]));
        assert!(c.get(1, v).is_none(), "slots are separate");
        let big = "x".repeat(MAX_LEN);
        for i in 0..=(MAX_BYTES / MAX_LEN) {
            c.put(2, &format!("{i}{big}"), &[]);
        }
        assert!(c.get(0, v).is_none(), "a full memo starts over");
        assert!(c.bytes <= MAX_BYTES);
        assert_eq!(c.stats().0, 4);
        assert_eq!(c.stats().1, 1);
    }
}
