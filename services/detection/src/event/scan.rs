//! A validating scanner for one JSON object: it checks the whole text against the
//! JSON grammar and returns the top-level members as slices, without building or
//! decoding anything.
//!
//! Locating fields was a fifth of `sigma eval`'s time through serde_json's generic
//! skipping; strings, which are most of an event's bytes, are crossed here by jumps
//! between the line's [`Marks`].

use super::marks::{Marks, Quotes};
use std::borrow::Cow;

/// Deepest nesting accepted (serde_json's default limit).
const MAX_DEPTH: usize = 128;

/// A top-level member: its name (decoded only if it holds escapes) and its value's
/// JSON text.
pub type Member<'a> = (Cow<'a, str>, &'a str);

/// The members of the JSON object in `text`, in order; an error names the problem and
/// its byte offset.
pub fn object_members(text: &str) -> Result<Vec<Member<'_>>, String> {
    object_members_spelled(text).map(|(members, _)| members)
}

/// [`object_members`], and whether every character of the text has one spelling: no
/// `\u` escape (`\u00e9`) and no `\/` anywhere, so a literal can be searched for in
/// the JSON text itself.
pub fn object_members_spelled(text: &str) -> Result<(Vec<Member<'_>>, bool), String> {
    // One bitmap per thread, reused line after line: two allocations per event
    // were a measurable share of reading it. A nested call (none today) gets its own.
    MARKS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut marks) => members_with(text, &mut marks),
        Err(_) => members_with(text, &mut Marks::default()),
    })
}

thread_local! {
    static MARKS: std::cell::RefCell<Marks> = std::cell::RefCell::new(Marks::default());
}

/// [`object_members_spelled`] with a bitmap to fill.
fn members_with<'a>(text: &'a str, marks: &mut Marks) -> Result<(Vec<Member<'a>>, bool), String> {
    if let Some(respelled) = marks.mark(text.as_bytes())
        && let Ok((members, _)) = scan(text, marks, true)
    {
        return Ok((members, !respelled));
    }
    // A control byte, a bad escape or a grammar error: the byte-run walk decides,
    // and names the problem.
    marks.mark_special(text.as_bytes());
    scan(text, marks, false).map(|(members, respelled)| (members, !respelled))
}

/// The members of the object in `text` and whether a `\u` or `\/` escape was
/// crossed; `jump` crosses strings by [`Marks::closing_quote`] (only after a clean
/// [`Marks::mark`], which then answers the escape question itself: a jump does not
/// look inside strings, so it reports none).
fn scan<'a>(text: &'a str, marks: &Marks, jump: bool) -> Result<(Vec<Member<'a>>, bool), String> {
    let mut c = Cursor {
        s: text.as_bytes(),
        text,
        marks,
        jump,
        quotes: marks.quotes_from(0),
        i: 0,
        respelled: false,
        error: None,
    };
    c.ws();
    if c.peek() != Some(b'{') {
        return Err("not a JSON object".into());
    }
    let mut out = Vec::with_capacity(32);
    if c.object(0, &mut |k, v| out.push((k, v))).is_err() {
        return Err(c.take_error());
    }
    c.ws();
    if c.i < c.s.len() {
        return Err(format!("trailing characters at byte {}", c.i));
    }
    Ok((out, c.respelled))
}

struct Cursor<'a, 'm> {
    s: &'a [u8],
    text: &'a str,
    /// Where strings close (jumping) or each run of plain string content ends
    /// (walking).
    marks: &'m Marks,
    /// Whether strings are crossed in one jump (see [`scan`]).
    jump: bool,
    /// Where [`Cursor::compact_member`] left off reading the line's quotes: at or
    /// before `i` (behind it after the general steps crossed a member, and then
    /// caught up). Unused, and possibly stale, while walking.
    quotes: Quotes,
    i: usize,
    /// Whether a `\u` or `\/` escape was crossed.
    respelled: bool,
    /// What stopped the scan, once something has.
    error: Option<String>,
}

/// The scan stopped at an error (kept in [`Cursor::error`]). A zero-sized error keeps
/// every step's result in a register on the hot path; the message is built only when
/// there is one.
struct Stop;

type Step<T> = Result<T, Stop>;

impl<'a> Cursor<'a, '_> {
    /// Records `what` at the current offset and stops.
    #[cold]
    fn fail<T>(&mut self, what: &str) -> Step<T> {
        self.error = Some(format!("{what} at byte {}", self.i));
        Err(Stop)
    }

    /// The recorded error (or a generic one, which cannot happen).
    fn take_error(&mut self) -> String {
        self.error
            .take()
            .unwrap_or_else(|| format!("invalid JSON at byte {}", self.i))
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.i += 1;
        }
    }

    fn expect(&mut self, b: u8, what: &str) -> Step<()> {
        if self.peek() == Some(b) {
            self.i += 1;
            Ok(())
        } else if self.i >= self.s.len() {
            self.fail("EOF while parsing")
        } else {
            self.fail(what)
        }
    }

    /// Steps into an object or list at its opening bracket; true when it is empty
    /// (and already closed).
    fn open(&mut self, depth: usize, close: u8) -> Step<bool> {
        if depth >= MAX_DEPTH {
            return self.fail("recursion limit exceeded");
        }
        self.i += 1;
        self.ws();
        let empty = self.peek() == Some(close);
        if empty {
            self.i += 1;
        }
        Ok(empty)
    }

    /// After an element: true at the closing bracket (consumed), false at a comma.
    fn closes(&mut self, close: u8, inside: &str) -> Step<bool> {
        self.ws();
        match self.peek() {
            Some(b',') => {
                self.i += 1;
                Ok(false)
            }
            Some(b) if b == close => {
                self.i += 1;
                Ok(true)
            }
            None => self.fail(&format!("EOF while parsing {inside}")),
            Some(_) => self.fail(&format!("expected ',' or '{}'", close as char)),
        }
    }

    /// An object at `{`; calls `member` with each member (name, value text).
    fn object<F: FnMut(Cow<'a, str>, &'a str)>(
        &mut self,
        depth: usize,
        member: &mut F,
    ) -> Step<()> {
        if self.open(depth, b'}')? {
            return Ok(());
        }
        loop {
            if let Some((name, value, closed)) = self.compact_member() {
                member(name, value);
                if closed {
                    return Ok(());
                }
                continue;
            }
            let (name, value) = self.member(depth)?;
            member(name, value);
            if self.closes(b'}', "an object")? {
                return Ok(());
            }
        }
    }

    /// A member as nearly every event line writes it, crossed without the general
    /// steps: no space, a name without escapes, then a string or a plain integer
    /// followed by `,` or `}` (consumed; the flag says it closed the object).
    /// Anything else is `None` with nothing consumed, for [`Cursor::member`], which
    /// also names errors. Only while jumping: the line's strings are then known to be
    /// valid, and its quotes are read in order from [`Cursor::quotes`].
    #[inline]
    fn compact_member(&mut self) -> Option<(Cow<'a, str>, &'a str, bool)> {
        if !self.jump {
            return None;
        }
        let s = self.s;
        let start = self.i;
        if s.get(start) != Some(&b'"') {
            return None;
        }
        let mut q = self.quotes;
        if self.marks.next_quote(&mut q) != start {
            // After a member the general steps crossed: catch up.
            q = self.marks.quotes_from(start);
            if self.marks.next_quote(&mut q) != start {
                return None;
            }
        }
        let name_end = self.marks.next_quote(&mut q);
        if s.get(name_end.checked_add(1)?) != Some(&b':')
            || self.marks.any_backslash(start + 1, name_end)
        {
            return None;
        }
        let vstart = name_end + 2;
        let vend = match s.get(vstart)? {
            b'"' => {
                if self.marks.next_quote(&mut q) != vstart {
                    return None;
                }
                self.marks.next_quote(&mut q).checked_add(1)?
            }
            b'1'..=b'9' => {
                let digits = s
                    .get(vstart + 1..)?
                    .iter()
                    .take_while(|b| b.is_ascii_digit());
                vstart + 1 + digits.count()
            }
            _ => return None,
        };
        let closed = match s.get(vend)? {
            b',' => false,
            b'}' => true,
            _ => return None,
        };
        // Every offset here is at an ASCII byte (a quote, colon, comma or brace), so
        // each is a character boundary. Split rather than indexed: indexing a `str`
        // by a range was an out-of-line call per slice, two per member of every line.
        let (_, from_name) = self.text.split_at_checked(start + 1)?;
        let (name, from_colon) = from_name.split_at_checked(name_end - start - 1)?;
        let (value, _) = from_colon
            .get(2..)?
            .split_at_checked(vend.checked_sub(vstart)?)?;
        self.i = vend + 1;
        self.quotes = q;
        Some((Cow::Borrowed(name), value, closed))
    }

    /// A member at its name (after any space), up to the end of its value.
    fn member(&mut self, depth: usize) -> Step<(Cow<'a, str>, &'a str)> {
        self.ws();
        if self.peek() != Some(b'"') {
            return if self.i >= self.s.len() {
                self.fail("EOF while parsing an object")
            } else {
                self.fail("expected a member name")
            };
        }
        let start = self.i;
        let escaped = self.string()?;
        let raw = &self.text[start..self.i];
        let name = if escaped {
            match serde_json::from_str::<String>(raw) {
                Ok(name) => Cow::Owned(name),
                Err(e) => {
                    self.error = Some(format!("member name at byte {start}: {e}"));
                    return Err(Stop);
                }
            }
        } else {
            Cow::Borrowed(&raw[1..raw.len() - 1])
        };
        self.ws();
        self.expect(b':', "expected ':'")?;
        self.ws();
        let vstart = self.i;
        self.value(depth + 1)?;
        Ok((name, &self.text[vstart..self.i]))
    }

    fn array(&mut self, depth: usize) -> Step<()> {
        if self.open(depth, b']')? {
            return Ok(());
        }
        loop {
            self.ws();
            self.value(depth + 1)?;
            if self.closes(b']', "a list")? {
                return Ok(());
            }
        }
    }

    fn value(&mut self, depth: usize) -> Step<()> {
        match self.peek() {
            Some(b'"') if self.jump => self.skip_string(),
            Some(b'"') => self.string().map(|_| ()),
            Some(b'{') => self.object(depth, &mut |_, _| {}),
            Some(b'[') => self.array(depth),
            Some(b't') => self.word(b"true"),
            Some(b'f') => self.word(b"false"),
            Some(b'n') => self.word(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number(),
            None => self.fail("EOF while parsing a value"),
            Some(_) => self.fail("expected value"),
        }
    }

    fn word(&mut self, w: &[u8]) -> Step<()> {
        if self.s[self.i..].starts_with(w) {
            self.i += w.len();
            Ok(())
        } else {
            self.fail("expected value")
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.i;
        while let Some(b'0'..=b'9') = self.peek() {
            self.i += 1;
        }
        self.i - start
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Step<()> {
        if self.peek() == Some(b'-') {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => self.i += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return self.fail("invalid number"),
        }
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.i += 1;
            }
            if self.digits() == 0 {
                return self.fail("invalid number");
            }
        }
        Ok(())
    }

    /// A string at `"` crossed in one jump (see [`scan`]), for a value: whether it
    /// holds escapes does not matter.
    fn skip_string(&mut self) -> Step<()> {
        let end = self.marks.closing_quote(self.i + 1, self.s.len());
        if end >= self.s.len() {
            self.i = end;
            return self.fail("EOF while parsing a string");
        }
        self.i = end + 1;
        Ok(())
    }

    /// A string at `"`; returns whether it holds escapes.
    fn string(&mut self) -> Step<bool> {
        if self.jump {
            let start = self.i + 1;
            self.skip_string()?;
            return Ok(self.marks.any_backslash(start, self.i - 1));
        }
        self.i += 1;
        let mut escaped = false;
        loop {
            self.i = self.marks.next(self.i, self.s.len());
            match self.s.get(self.i) {
                None => return self.fail("EOF while parsing a string"),
                Some(&b'"') => {
                    self.i += 1;
                    return Ok(escaped);
                }
                Some(&b) if b < 0x20 => {
                    return self
                        .fail("control character (\\u0000-\\u001F) found while parsing a string");
                }
                _ => {}
            }
            escaped = true;
            match self.s.get(self.i + 1) {
                Some(b'"' | b'\\' | b'b' | b'f' | b'n' | b'r' | b't') => self.i += 2,
                Some(b'/') => {
                    self.respelled = true;
                    self.i += 2;
                }
                Some(b'u') => {
                    self.respelled = true;
                    let hex = self.s.get(self.i + 2..self.i + 6);
                    if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                        return self.fail("invalid \\u escape");
                    }
                    self.i += 6;
                }
                None => {
                    self.i = self.s.len();
                    return self.fail("EOF while parsing a string");
                }
                Some(_) => return self.fail("invalid escape"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repeatable stream of numbers below each bound asked for (xorshift).
    fn below(mut seed: u64) -> impl FnMut(usize) -> usize {
        move |n| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        }
    }

    /// Accepts exactly what serde_json accepts as an object, with the same members.
    #[test]
    fn agrees_with_serde_json() {
        let cases = [
            r#"{}"#,
            r#" { "a" : 1 , "b":[1, 2.5e-3, -0, "x"], "c":{"d":null,"e":[true,false]} } "#,
            r#"{"k\"ey":"v\\al\/ue\u00e9\n","s":"plain"}"#,
            r#"{"a":1,}"#,
            r#"{"a" 1}"#,
            r#"{"a":01}"#,
            r#"{"a":1.}"#,
            r#"{"a":-}"#,
            r#"{"a":1e}"#,
            r#"{"a":tru}"#,
            r#"{"a":"\q"}"#,
            r#"{"a":"\u12G4"}"#,
            "{\"a\":\"tab\there\"}",
            r#"{"a":"unterminated}"#,
            r#"{"a":[1,2}"#,
            r#"{"a":1} x"#,
            r#"{"a":1}{"b":2}"#,
            r#"[1]"#,
            r#"{a:1}"#,
            r#"{"a":{"b":{"c":[[[]]]}}}"#,
            r#"{"a":12x}"#,
            r#"{"a":"x"]"#,
            r#"{"a":"x" ,"b":7 }"#,
            r#"{"a" :1,"b":-2,"c":0,"d":10.5,"e":3e2,"f":null}"#,
            r#"{"a":{"b":1,"c":"d"},"e":2,"k"ey":1}"#,
            r#"{"a":7"#,
            r#"{"a":"x""#,
            "",
        ];
        for text in cases {
            let ours = object_members(text);
            let theirs = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(text);
            assert_eq!(
                ours.is_ok(),
                theirs.is_ok(),
                "{text:?}: {ours:?} vs {theirs:?}"
            );
            if let (Ok(members), Ok(map)) = (ours, theirs) {
                assert_eq!(members.len(), map.len(), "{text:?}");
                for (k, v) in members {
                    let want = map.get(k.as_ref());
                    let got: serde_json::Value = serde_json::from_str(v).unwrap_or_default();
                    assert_eq!(Some(&got), want, "{text:?} member {k}");
                }
            }
        }
    }

    #[test]
    fn escapes_with_two_spellings_are_noticed() -> Result<(), String> {
        for (text, single) in [
            (r#"{"a":"C:\\Users\\x","b":"tab\there"}"#, true),
            (r#"{"a":"caf\u00e9"}"#, false),
            (r#"{"a":"x\/y"}"#, false),
            (r#"{"k\u0041":1}"#, false),
            (r#"{"n":{"deep":["\/"]}}"#, false),
        ] {
            assert_eq!(object_members_spelled(text)?.1, single, "{text}");
        }
        Ok(())
    }

    /// Lines built from the characters that matter to strings (quotes, backslashes,
    /// escape letters, hex digits, a control byte, block-crossing lengths): the jump
    /// and the byte walk accept exactly what serde_json accepts, with its members and
    /// spelling flag.
    #[test]
    fn jumping_strings_agrees_with_walking_them() {
        let pieces = [
            "\\\\",
            "\\\"",
            "\\u00e9",
            "\\u12G4",
            "\\/",
            "\\n",
            "\\q",
            "\\",
            "\"",
            "\t",
            "\u{1}",
            "C:\\\\Windows",
            "é",
            "abcdefghijklmnopqrstuvwxyz0123456789",
            "x",
        ];
        let mut next = below(0x2545_f491_4f6c_dd1du64);
        // Lines the jump accepted, and clean lines it refused (grammar errors).
        let (mut jumped_ok, mut jumped_err) = (0, 0);
        for _ in 0..20_000 {
            let mut line = String::from("{");
            for m in 0..1 + next(4) {
                if m > 0 {
                    line.push(',');
                }
                line.push_str(&format!("\"k{m}\":\""));
                for _ in 0..next(12) {
                    line.push_str(pieces[next(pieces.len())]);
                }
                line.push('"');
            }
            line.push('}');
            let theirs = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&line);
            let mut marks = Marks::default();
            let clean = marks.mark(line.as_bytes());
            marks.mark_special(line.as_bytes());
            let walked = scan(&line, &marks, false);
            assert_eq!(walked.is_ok(), theirs.is_ok(), "{line:?}: {walked:?}");
            if let Some(respelled) = clean {
                let jumped = scan(&line, &marks, true);
                assert_eq!(jumped.is_ok(), theirs.is_ok(), "{line:?}: {jumped:?}");
                if jumped.is_ok() {
                    jumped_ok += 1;
                } else {
                    jumped_err += 1;
                }
                if let (Ok(j), Ok(w)) = (&jumped, &walked) {
                    assert_eq!(j.0, w.0, "{line:?}");
                    assert_eq!(respelled, w.1, "{line:?}");
                }
            }
            let ours = object_members_spelled(&line);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{line:?}");
            if let (Ok((members, single)), Ok(map)) = (ours, theirs) {
                assert_eq!(single, !walked.map(|w| w.1).unwrap_or_default(), "{line:?}");
                for (k, v) in members {
                    let got: serde_json::Value = serde_json::from_str(v).unwrap_or_default();
                    assert_eq!(Some(&got), map.get(k.as_ref()), "{line:?} member {k}");
                }
            }
        }
        assert!(
            jumped_ok > 1000 && jumped_err > 200,
            "{jumped_ok} {jumped_err}"
        );
    }

    /// Members of every shape, written compactly or not: escaped and long names
    /// (across 64-byte words), spaces around the punctuation, numbers valid and
    /// not, nested values. Whatever path each member takes, the scan accepts
    /// exactly what serde_json accepts, with its members.
    #[test]
    fn members_of_every_shape_agree_with_serde_json() {
        let name_pieces = [
            "k",
            r"\\",
            r#"\""#,
            r"\u00e9",
            r"\n",
            "é",
            "abcdefghijklmnopqrstuvwxyz0123456789",
        ];
        let values = [
            r#""v""#,
            r#""C:\\x\"y""#,
            r#""""#,
            "1",
            "12",
            "0",
            "-1",
            "1.5",
            "3e2",
            "01",
            "1.",
            r#"{"n":"x","m":2}"#,
            r#"[1,"a",{}]"#,
            "true",
            "null",
            r#""\q""#,
        ];
        let spaces = ["", "", "", " ", "\t"];
        let mut next = below(0x9e37_79b9_7f4a_7c15u64);
        let mut accepted = 0;
        for _ in 0..20_000 {
            let mut line = String::from("{");
            for m in 0..1 + next(5) {
                if m > 0 {
                    line.push_str(spaces[next(spaces.len())]);
                    line.push(',');
                }
                // The closing digit keeps names distinct whatever their escapes.
                line.push('"');
                for _ in 0..next(4) {
                    line.push_str(name_pieces[next(name_pieces.len())]);
                }
                line.push_str(&format!("{m}\""));
                line.push_str(spaces[next(spaces.len())]);
                line.push(':');
                line.push_str(spaces[next(spaces.len())]);
                line.push_str(values[next(values.len())]);
            }
            line.push('}');
            let theirs = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&line);
            let ours = object_members(&line);
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{line:?}: {ours:?}");
            if let (Ok(members), Ok(map)) = (ours, theirs) {
                accepted += 1;
                assert_eq!(members.len(), map.len(), "{line:?}");
                for (k, v) in members {
                    let got: serde_json::Value = serde_json::from_str(v).unwrap_or_default();
                    assert_eq!(Some(&got), map.get(k.as_ref()), "{line:?} member {k}");
                }
            }
        }
        assert!(accepted > 2_000 && accepted < 18_000, "{accepted}");
    }

    #[test]
    fn depth_is_limited_and_errors_say_where() {
        let deep = format!("{{\"a\":{}{}}}", "[".repeat(200), "]".repeat(200));
        let e = object_members(&deep).err().unwrap_or_default();
        assert!(e.contains("recursion limit"), "{e}");
        let e = object_members(r#"{"a":"\q"}"#).err().unwrap_or_default();
        assert_eq!(e, "invalid escape at byte 6");
    }
}
