//! A prefilter's field table. It is looked up once for every member of every event,
//! so it is an open-addressing table keyed by a name's length and its first and last
//! eight bytes, which settle equality outright for names of up to sixteen bytes (most
//! event field names); longer names are compared in full. The hash is seeded per
//! table, so event keys cannot be crafted to collide.

use std::hash::{BuildHasher, RandomState};

/// An empty slot.
const EMPTY: u32 = u32::MAX;

/// Field names to values (a prefilter's per-field indexes).
#[derive(Debug)]
pub(super) struct FieldTable<V> {
    slots: Vec<u32>,
    entries: Vec<Entry<V>>,
    seed: u64,
}

#[derive(Debug)]
struct Entry<V> {
    len: usize,
    words: (u64, u64),
    name: Box<str>,
    value: V,
}

impl<V> Default for FieldTable<V> {
    fn default() -> Self {
        FieldTable {
            slots: vec![EMPTY; 8],
            entries: Vec::new(),
            seed: RandomState::new().hash_one(0x5eed_u64),
        }
    }
}

/// A name's first and last eight bytes (fewer for shorter names): with its length,
/// the whole name when it is at most sixteen bytes long.
fn words(k: &[u8]) -> (u64, u64) {
    let n = k.len();
    let word = |b: &[u8]| {
        let mut w = [0u8; 8];
        w[..b.len()].copy_from_slice(b);
        u64::from_le_bytes(w)
    };
    match n {
        8.. => (word(&k[..8]), word(&k[n - 8..])),
        4..8 => (word(&k[..4]), word(&k[n - 4..])),
        1..4 => (
            u64::from(k[0]) | u64::from(k[n / 2]) << 8 | u64::from(k[n - 1]) << 16,
            0,
        ),
        0 => (0, 0),
    }
}

impl<V> FieldTable<V> {
    fn slot(&self, (a, b): (u64, u64), len: usize) -> usize {
        let h = (a ^ self.seed).wrapping_mul(0x9E37_79B9_7F4A_7C15)
            ^ b.rotate_left(29).wrapping_mul(0xC2B2_AE3D_27D4_EB4F)
            ^ len as u64;
        (h ^ (h >> 29)) as usize & (self.slots.len() - 1)
    }

    /// Adds a field (a name already present keeps its first value).
    pub(super) fn insert(&mut self, name: String, value: V) {
        if self.get(&name).is_some() {
            return;
        }
        if (self.entries.len() + 1) * 2 > self.slots.len() {
            self.slots = vec![EMPTY; self.slots.len() * 2];
            for e in 0..self.entries.len() {
                self.place(e);
            }
        }
        let words = words(name.as_bytes());
        self.entries.push(Entry {
            len: name.len(),
            words,
            name: name.into_boxed_str(),
            value,
        });
        self.place(self.entries.len() - 1);
    }

    fn place(&mut self, e: usize) {
        let Some(entry) = self.entries.get(e) else {
            return;
        };
        let mask = self.slots.len() - 1;
        let mut i = self.slot(entry.words, entry.len);
        while self.slots[i] != EMPTY {
            i = (i + 1) & mask;
        }
        self.slots[i] = e as u32;
    }

    /// The value of a field name.
    #[inline]
    pub(super) fn get(&self, name: &str) -> Option<&V> {
        let k = name.as_bytes();
        let words = words(k);
        let mask = self.slots.len() - 1;
        let mut i = self.slot(words, k.len());
        loop {
            let e = self.slots[i];
            if e == EMPTY {
                return None;
            }
            let entry = self.entries.get(e as usize)?;
            if entry.len == k.len()
                && entry.words == words
                && (k.len() <= 16 || entry.name.as_bytes() == k)
            {
                return Some(&entry.value);
            }
            i = (i + 1) & mask;
        }
    }

    /// Number of fields.
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The values, in insertion order.
    pub(super) fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|e| &e.value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_names_it_holds_whatever_their_length() {
        let names = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "Image",
            "EventID",
            "abcdefgh",
            "CommandLine",
            "Provider_Guid",
            "exactly_sixteen!",
            "TimeCreated_SystemTime",
            "process.parent.command_line",
            "x.y",
        ];
        let mut t = FieldTable::default();
        for (i, n) in names.iter().enumerate() {
            t.insert(n.to_string(), i);
        }
        t.insert("Image".into(), 99);
        assert_eq!(t.len(), names.len());
        for (i, n) in names.iter().enumerate() {
            assert_eq!(t.get(n), Some(&i), "{n}");
        }
        // Same length and ends, different middle: only a full comparison tells.
        for miss in [
            "b",
            "ba",
            "axc",
            "abce",
            "Imag",
            "Images",
            "EventIDs",
            "abcdefgi",
            "CommandLime",
            "Provider_Gvid",
            "exactly_sixteen?",
            "TimeCreated_SyztemTime",
            "process.parent.commanX_line",
            "x_y",
        ] {
            assert_eq!(t.get(miss), None, "{miss}");
        }
        assert_eq!(t.values().count(), names.len());
    }
}
