//! Case folding for evaluation: a lowercase copy of the last event string folded,
//! kept while the same event is evaluated.
//!
//! Rules test one long value many times case-insensitively (a PowerShell context
//! block against nine substrings in separate searches, a loaded DLL's path against
//! several literal lists); folding it once and searching the copy with precompiled
//! substring finders beats re-scanning it with a caseless compare per test.

use super::scanner::lowercase_into;

/// Reusable folding buffers; one per evaluating thread (inside `Scratch`).
#[derive(Debug, Default)]
pub struct Fold {
    /// Grows only; the folded string is `lower[..lower_len]`.
    lower: Vec<u8>,
    lower_len: usize,
    /// Address and length of the event string `lower` holds. Strings of one event's
    /// tree live, unchanged, for its whole evaluation, so the address names the text;
    /// [`Fold::reset`] forgets it before the next event.
    of: Option<(usize, usize)>,
    /// Set while matching a temporary (a number formatted on the stack) whose address
    /// a later temporary may reuse with other text: such strings are never remembered.
    transient: bool,
    /// Scratch for full Unicode folding (non-ASCII needles).
    pub(crate) text: String,
}

impl Fold {
    /// Forgets the remembered string: call before evaluating another event.
    pub fn reset(&mut self) {
        self.of = None;
    }

    /// `s` with ASCII letters lowercased (other bytes as they are).
    pub fn ascii_lower(&mut self, s: &str) -> &[u8] {
        let key = (s.as_ptr() as usize, s.len());
        if self.transient || self.of != Some(key) {
            self.lower_len = lowercase_into(s, &mut self.lower).len();
            self.of = (!self.transient).then_some(key);
        }
        &self.lower[..self.lower_len]
    }

    /// Runs `f` on a temporary string's matching: nothing folded meanwhile is
    /// remembered.
    pub fn transient<R>(&mut self, f: impl FnOnce(&mut Fold) -> R) -> R {
        let was = std::mem::replace(&mut self.transient, true);
        let r = f(self);
        self.transient = was;
        if !was {
            self.of = None;
        }
        r
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
        assert_eq!(f.of, Some((a.as_ptr() as usize, a.len())));
        let t = String::from("TEMP");
        f.transient(|f| assert_eq!(f.ascii_lower(&t), b"temp"));
        assert_eq!(f.of, None);
        assert_eq!(f.ascii_lower(&a), b"c:\\windows\\powershell.exe");
        f.reset();
        assert_eq!(f.of, None);
    }
}
