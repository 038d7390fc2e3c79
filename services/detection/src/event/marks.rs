//! Bitmaps of a JSON line's string-relevant bytes, one bit per byte, found sixteen
//! bytes at a time: quotes, backslashes and control bytes, and from them the quotes
//! that close strings.
//!
//! Windows events are full of `\\` path separators, so a string crossed byte run by
//! byte run stops at every escape. When a line has no control byte and only valid
//! escapes (nearly every line), [`Marks::mark`] pairs each escaping backslash with
//! the character it escapes once for the whole line, and a string is then crossed in
//! one jump to its closing quote.

use wide::u8x16;

/// Bit `i % 64` of word `i / 64` stands for byte `i` of the line; bits past the end
/// are clear.
#[derive(Debug, Default)]
pub struct Marks {
    /// `"`, `\` or a byte below 0x20: where a byte-run walk must stop (only after
    /// [`Marks::mark_special`]).
    special: Vec<u64>,
    /// Quotes no backslash escapes (valid only after a clean [`Marks::mark`]).
    quotes: Vec<u64>,
    backslashes: Vec<u64>,
}

/// The first set bit at or after bit `i` of `words`, or `len` when there is none.
#[inline]
fn next_in(words: &[u64], i: usize, len: usize) -> usize {
    let mut w = i / 64;
    let Some(&first) = words.get(w) else {
        return len;
    };
    let mut bits = first & (u64::MAX << (i % 64));
    while bits == 0 {
        w += 1;
        match words.get(w) {
            Some(&next) => bits = next,
            None => return len,
        }
    }
    w * 64 + bits.trailing_zeros() as usize
}

impl Marks {
    /// Marks the quotes and backslashes of `s`, reusing this bitmap's storage.
    /// Returns, when the line holds no control byte and every backslash starts a
    /// valid escape, whether any escape is `\u` or `\/` (a character with two
    /// spellings); `None` otherwise, and then the line is for [`Marks::mark_special`]
    /// and [`Marks::next`].
    pub fn mark(&mut self, s: &[u8]) -> Option<bool> {
        for v in [&mut self.quotes, &mut self.backslashes] {
            v.clear();
            v.reserve(s.len().div_ceil(64));
        }
        let mut pass = Pass {
            lowest: u8x16::splat(0xff),
            carry: 0,
            respelled: false,
        };
        let mut blocks = s.chunks_exact(64);
        for (w, block) in (&mut blocks).enumerate() {
            let (q, b) = pass.block(block, w, s)?;
            self.quotes.push(q);
            self.backslashes.push(b);
        }
        let tail = blocks.remainder();
        if !tail.is_empty() {
            // Padded with 0xff: neither quote, backslash nor control byte.
            let mut padded = [0xffu8; 64];
            padded[..tail.len()].copy_from_slice(tail);
            let (q, b) = pass.block(&padded, s.len() / 64, s)?;
            self.quotes.push(q);
            self.backslashes.push(b);
        }
        // `min(v, 0x1f) == v` holds exactly for bytes up to 0x1f (unsigned). A
        // backslash ending the line escapes nothing there is.
        let control = pass.lowest.min(u8x16::splat(0x1f)).simd_eq(pass.lowest);
        (control.to_bitmask() == 0 && pass.carry == 0).then_some(pass.respelled)
    }

    /// Marks the quotes, backslashes and control bytes of `s` for [`Marks::next`]:
    /// for lines [`Marks::mark`] refused, or where crossing strings in one jump
    /// failed, to be walked byte run by byte run.
    pub fn mark_special(&mut self, s: &[u8]) {
        self.special.clear();
        for block in s.chunks(64) {
            let mut word = 0u64;
            for (k, &b) in block.iter().enumerate() {
                word |= u64::from(b == b'"' || b == b'\\' || b < 0x20) << k;
            }
            self.special.push(word);
        }
    }

    /// The index of the first quote, backslash or control byte at or after `i`, or
    /// `len` (the line's length) when there is none.
    #[inline]
    pub fn next(&self, i: usize, len: usize) -> usize {
        next_in(&self.special, i, len)
    }

    /// The first unescaped quote at or after `i`, or `len` (after a clean
    /// [`Marks::mark`] only).
    #[inline]
    pub fn closing_quote(&self, i: usize, len: usize) -> usize {
        next_in(&self.quotes, i, len)
    }

    /// The unescaped quotes from byte `i` on, one by one (after a clean
    /// [`Marks::mark`] only).
    #[inline]
    pub fn quotes_from(&self, i: usize) -> Quotes {
        let w = i / 64;
        Quotes {
            w,
            bits: self
                .quotes
                .get(w)
                .map_or(0, |&q| q & (u64::MAX << (i % 64))),
        }
    }

    /// The next unescaped quote of `q` (see [`Marks::quotes_from`]), or `usize::MAX`
    /// past the last one.
    #[inline]
    pub fn next_quote(&self, q: &mut Quotes) -> usize {
        while q.bits == 0 {
            q.w += 1;
            match self.quotes.get(q.w) {
                Some(&bits) => q.bits = bits,
                None => return usize::MAX,
            }
        }
        let at = q.w * 64 + q.bits.trailing_zeros() as usize;
        q.bits &= q.bits - 1;
        at
    }

    /// Whether a backslash lies in bytes `from..to`.
    #[inline]
    pub fn any_backslash(&self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        let (first, last) = (from / 64, (to - 1) / 64);
        if first == last {
            // A member name: nearly always within one word.
            let span = (u64::MAX << (from % 64)) & (u64::MAX >> (63 - (to - 1) % 64));
            return self.backslashes.get(first).is_some_and(|&b| b & span != 0);
        }
        (first..=last).any(|w| {
            let mut bits = self.backslashes.get(w).copied().unwrap_or(0);
            if w == first {
                bits &= u64::MAX << (from % 64);
            }
            if w == last {
                bits &= u64::MAX >> (63 - (to - 1) % 64);
            }
            bits != 0
        })
    }
}

/// A position in a line's unescaped quotes, read in order by [`Marks::next_quote`]:
/// strings are crossed quote by quote without searching for each from scratch.
#[derive(Debug, Clone, Copy)]
pub struct Quotes {
    /// The word being read.
    w: usize,
    /// Its quotes not yet read.
    bits: u64,
}

/// The state of [`Marks::mark`] carried from one 64-byte block to the next.
struct Pass {
    /// The smallest byte seen: one comparison at the end finds control bytes.
    lowest: u8x16,
    /// Whether the first byte of the next block is escaped.
    carry: u64,
    /// Whether a `\u` or `\/` escape was seen.
    respelled: bool,
}

impl Pass {
    /// The unescaped quotes and the backslashes of block `w` of `line` (`block` is
    /// the block itself, padded if it is the last); `None` at an invalid escape.
    #[inline]
    fn block(&mut self, block: &[u8], w: usize, line: &[u8]) -> Option<(u64, u64)> {
        let (mut q, mut b) = (0u64, 0u64);
        for (k, chunk) in block.chunks_exact(16).enumerate() {
            let mut a = [0u8; 16];
            a.copy_from_slice(chunk);
            let v = u8x16::new(a);
            q |= u64::from(v.simd_eq(u8x16::splat(b'"')).to_bitmask()) << (16 * k);
            b |= u64::from(v.simd_eq(u8x16::splat(b'\\')).to_bitmask()) << (16 * k);
            self.lowest = self.lowest.min(v);
        }
        let escaped = escaped_by(b, &mut self.carry);
        let quotes = q & !escaped;
        // An escaped backslash or quote is a valid escape with one spelling: only the
        // other escaped bytes (letters, `/`) are looked up. Windows paths make most
        // escapes `\\`.
        let mut others = escaped & !(b | q);
        while others != 0 {
            let at = w * 64 + others.trailing_zeros() as usize;
            others &= others - 1;
            match ESCAPE[usize::from(*line.get(at)?)] {
                Escape::One => {}
                Escape::Slash => self.respelled = true,
                Escape::Unicode => {
                    let hex = line.get(at + 1..at + 5)?;
                    if !hex.iter().all(u8::is_ascii_hexdigit) {
                        return None;
                    }
                    self.respelled = true;
                }
                Escape::Invalid => return None,
            }
        }
        Some((quotes, b))
    }
}

/// The bytes of a 64-byte word escaped by a backslash: in a run of backslashes
/// every second one is escaped, and the byte after an odd-length run is. `carry`
/// says whether bit 0 is escaped by the previous word and is set for the next.
///
/// Runs are told apart by where they start: adding each run's start bit to the
/// run carries past its end, so the bit after a run flips with the run's length
/// and start parity (the method of simdjson's stage 1).
#[inline]
fn escaped_by(backslash: u64, carry: &mut u64) -> u64 {
    const EVEN: u64 = 0x5555_5555_5555_5555;
    let backslash = backslash & !*carry;
    let follows_escape = (backslash << 1) | *carry;
    let odd_starts = backslash & !EVEN & !follows_escape;
    let (even_ends, overflow) = odd_starts.overflowing_add(backslash);
    *carry = u64::from(overflow);
    (EVEN ^ (even_ends << 1)) & follows_escape
}

/// What may follow a backslash.
#[derive(Clone, Copy)]
enum Escape {
    Invalid,
    /// `\" \\ \b \f \n \r \t`: one character, one spelling.
    One,
    /// `\/`: a second spelling of `/`.
    Slash,
    /// `\uXXXX`.
    Unicode,
}

const ESCAPE: [Escape; 256] = {
    let mut t = [Escape::Invalid; 256];
    let one = *b"\"\\bfnrt";
    let mut i = 0;
    while i < one.len() {
        t[one[i] as usize] = Escape::One;
        i += 1;
    }
    t[b'/' as usize] = Escape::Slash;
    t[b'u' as usize] = Escape::Unicode;
    t
};

#[cfg(test)]
mod tests {
    use super::Marks;

    /// Agrees with a byte-by-byte search at every starting offset, across block
    /// boundaries and in the tail.
    #[test]
    fn finds_what_a_byte_scan_finds() {
        let mut line = String::new();
        for i in 0..300 {
            line.push(match i % 37 {
                0 => '"',
                5 => '\\',
                11 if i % 3 == 0 => '\u{1f}',
                13 => 'é',
                17 => ' ',
                19 => '#',
                23 => ']',
                _ => 'a',
            });
        }
        let s = line.as_bytes();
        let mut marks = Marks::default();
        marks.mark_special(s);
        for i in 0..=s.len() {
            let want = (i..s.len())
                .find(|&j| s[j] == b'"' || s[j] == b'\\' || s[j] < 0x20)
                .unwrap_or(s.len());
            assert_eq!(marks.next(i, s.len()), want, "from {i}");
        }
    }

    /// The word-at-a-time pairing agrees with walking the bytes, for runs of
    /// backslashes of every length crossing word boundaries.
    #[test]
    fn escaped_bytes_match_a_sequential_walk() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..5_000 {
            let len = 1 + (seed % 300) as usize;
            let line: Vec<u8> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    if seed.is_multiple_of(3) { b'a' } else { b'\\' }
                })
                .collect();
            let mut want = vec![false; len + 1];
            let mut i = 0;
            while i < len {
                if line[i] == b'\\' {
                    want[i + 1] = true;
                    i += 2;
                } else {
                    i += 1;
                }
            }
            let mut carry = 0;
            for (w, block) in line.chunks(64).enumerate() {
                let bits = block
                    .iter()
                    .enumerate()
                    .fold(0u64, |m, (k, &b)| m | u64::from(b == b'\\') << k);
                let got = super::escaped_by(bits, &mut carry);
                for k in 0..block.len() {
                    assert_eq!(
                        got >> k & 1 == 1,
                        want[w * 64 + k],
                        "{line:?} at {}",
                        w * 64 + k
                    );
                }
            }
            assert_eq!(carry == 1, len.is_multiple_of(64) && want[len], "{line:?}");
        }
    }

    #[test]
    fn short_and_empty_lines() {
        let mut marks = Marks::default();
        marks.mark_special(b"");
        assert_eq!(marks.next(0, 0), 0);
        marks.mark_special(b"ab\x01");
        assert_eq!(marks.next(0, 3), 2);
        marks.mark_special(b"plain");
        assert_eq!(marks.next(1, 5), 5);
        // Bytes just above each special one are not special.
        marks.mark_special(b"#]! ####!!!!]]]]#]! ####!!!!]]]]#]! ####!!!!]]]]#]! ####!!!!]]]]x");
        assert_eq!(marks.next(0, 65), 65);
    }
}
