//! Case folding for evaluation: lowercase copies of the last few event strings folded,
//! kept while the same event is evaluated.
//!
//! Rules test one long value many times case-insensitively (a PowerShell context
//! block against nine substrings in separate searches, a loaded DLL's path against
//! several literal lists); folding it once and searching the copy with precompiled
//! substring finders beats re-scanning it with a caseless compare per test.

use super::scanner::lowercase_into;

/// Strings remembered folded at once: a rule often tests two long values in turn
/// (a PowerShell context block, then its payload, then the context block again for
/// its next filter), and each would otherwise be folded again on every return.
const SLOTS: usize = 4;

/// Reusable folding buffers; one per evaluating thread (inside `Scratch`).
#[derive(Debug, Default)]
pub struct Fold {
    slots: [Slot; SLOTS],
    /// The slot the next string not remembered is folded into.
    next: usize,
    /// Where temporaries are folded, so that they never displace a remembered string.
    temporary: Slot,
    /// Set while matching a temporary (a number formatted on the stack) whose address
    /// a later temporary may reuse with other text: such strings are never remembered.
    transient: bool,
    /// Scratch for full Unicode folding (non-ASCII needles).
    pub(crate) text: String,
}

/// One folded string.
#[derive(Debug, Default)]
struct Slot {
    /// Grows only; the folded string is `lower[..len]`.
    lower: Vec<u8>,
    len: usize,
    /// Address and length of the event string `lower` holds. Strings of one event's
    /// tree live, unchanged, for its whole evaluation, so the address names the text;
    /// [`Fold::reset`] forgets it before the next event. Never set for temporaries.
    of: Option<(usize, usize)>,
}

impl Fold {
    /// Forgets the remembered strings: call before evaluating another event.
    pub fn reset(&mut self) {
        for slot in &mut self.slots {
            slot.of = None;
        }
    }

    /// `s` with ASCII letters lowercased (other bytes as they are).
    pub fn ascii_lower(&mut self, s: &str) -> &[u8] {
        if self.transient {
            let slot = &mut self.temporary;
            slot.len = lowercase_into(s, &mut slot.lower).len();
            return &slot.lower[..slot.len];
        }
        let key = (s.as_ptr() as usize, s.len());
        let at = match self.slots.iter().position(|slot| slot.of == Some(key)) {
            Some(at) => at,
            None => {
                let at = self.next;
                self.next = (at + 1) % SLOTS;
                let slot = &mut self.slots[at];
                slot.len = lowercase_into(s, &mut slot.lower).len();
                slot.of = Some(key);
                at
            }
        };
        let slot = &self.slots[at];
        &slot.lower[..slot.len]
    }

    /// Runs `f` on a temporary string's matching: nothing folded meanwhile is
    /// remembered.
    pub fn transient<R>(&mut self, f: impl FnOnce(&mut Fold) -> R) -> R {
        let was = std::mem::replace(&mut self.transient, true);
        let r = f(self);
        self.transient = was;
        r
    }

    /// Whether `s` is remembered folded (tests).
    #[cfg(test)]
    fn remembers(&self, s: &str) -> bool {
        let key = (s.as_ptr() as usize, s.len());
        self.slots.iter().any(|slot| slot.of == Some(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_string_folds_once_and_temporaries_are_never_remembered() {
        let mut f = Fold::default();
        let a = String::from("C:\\Windows\\PowerShell.EXE");
        assert_eq!(f.ascii_lower(&a), b"c:\\windows\\powershell.exe");
        assert!(f.remembers(&a));
        let t = String::from("TEMP");
        f.transient(|f| assert_eq!(f.ascii_lower(&t), b"temp"));
        assert!(!f.remembers(&t));
        // However many temporaries, the remembered strings stay.
        let texts: Vec<String> = (0..SLOTS - 1).map(|i| format!("Text-{i}")).collect();
        for t in &texts {
            f.ascii_lower(t);
        }
        for i in 0..2 * SLOTS {
            let t = format!("TEMP-{i}");
            f.transient(|f| assert_eq!(f.ascii_lower(&t), t.to_ascii_lowercase().as_bytes()));
        }
        assert!(
            f.remembers(&a),
            "a temporary does not displace a remembered string"
        );
        assert!(texts.iter().all(|t| f.remembers(t)));
        assert_eq!(f.ascii_lower(&a), b"c:\\windows\\powershell.exe");
        f.reset();
        assert!(!f.remembers(&a));
    }

    /// Strings tested in turn stay folded, up to the number of slots; the oldest
    /// gives way, and each still folds to its own text.
    #[test]
    fn several_strings_stay_folded_and_the_oldest_gives_way() {
        let mut f = Fold::default();
        let texts: Vec<String> = (0..=SLOTS).map(|i| format!("Value-{i}-ABC")).collect();
        for t in &texts[..SLOTS] {
            assert_eq!(f.ascii_lower(t), t.to_ascii_lowercase().as_bytes());
        }
        assert!(texts[..SLOTS].iter().all(|t| f.remembers(t)));
        assert_eq!(
            f.ascii_lower(&texts[SLOTS]),
            texts[SLOTS].to_ascii_lowercase().as_bytes()
        );
        assert!(!f.remembers(&texts[0]));
        assert!(texts[1..].iter().all(|t| f.remembers(t)));
        for t in texts.iter().rev() {
            assert_eq!(f.ascii_lower(t), t.to_ascii_lowercase().as_bytes());
        }
    }
}
