//! RFC 6587 framing for syslog over TCP/TLS, detected per frame: octet counting
//! (`<len> <msg>`) when a frame starts with a digit, otherwise newline-delimited.
//!
//! Defined behaviour for bad input:
//! - a newline frame longer than the limit is cut at the limit and flagged
//!   truncated; the rest of that line is discarded;
//! - an octet-counted frame longer than the limit keeps its first `limit` bytes,
//!   flagged truncated; the rest of its counted bytes are discarded;
//! - an octet-counted frame whose payload does not start with `<` was miscounted
//!   (the stream is out of step): the frame is handed over flagged `Miscounted`
//!   and the caller closes the connection, since no later boundary can be trusted.
//!
//! A frame that lies whole within one read borrows its bytes from the read's
//! buffer: copying each line out (an allocation, a copy and a free per event)
//! had been a few percent of a receiver's time. Only a frame split across
//! reads is assembled in a buffer of its own.

use std::borrow::Cow;

/// One frame off the wire.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame<'a> {
    pub bytes: Cow<'a, [u8]>,
    pub truncated: bool,
    pub miscounted: bool,
}

impl Frame<'_> {
    /// The same frame holding its own bytes (so of any lifetime).
    pub fn into_owned<'b>(self) -> Frame<'b> {
        Frame {
            bytes: Cow::Owned(self.bytes.into_owned()),
            truncated: self.truncated,
            miscounted: self.miscounted,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// At a frame boundary.
    Start,
    /// Inside an octet-counted frame with this many payload bytes left.
    Counted { remaining: usize, truncated: bool },
    /// Discarding the rest of an over-long newline frame.
    SkipLine,
}

/// An incremental decoder over a connection's byte stream.
#[derive(Debug)]
pub struct FrameDecoder {
    limit: usize,
    state: State,
    partial: Vec<u8>,
}

/// Longest octet count accepted (10 digits is far past any sane frame).
const MAX_COUNT_DIGITS: usize = 10;

impl FrameDecoder {
    pub fn new(limit: usize) -> FrameDecoder {
        FrameDecoder {
            limit: limit.max(64),
            state: State::Start,
            partial: Vec::new(),
        }
    }

    /// Consumes `input`, returning every frame completed by it.
    pub fn feed<'a>(&mut self, mut input: &'a [u8], frames: &mut Vec<Frame<'a>>) {
        while !input.is_empty() {
            match self.state {
                State::Start => {
                    if self.partial.is_empty() && input[0].is_ascii_digit() {
                        if let Some(consumed) = self.try_count_header(input) {
                            input = &input[consumed..];
                            continue;
                        }
                        if input.len() < MAX_COUNT_DIGITS + 1
                            && input.iter().all(u8::is_ascii_digit)
                        {
                            // Header split across reads: wait for the rest.
                            self.partial.extend_from_slice(input);
                            return;
                        }
                    }
                    if !self.partial.is_empty() && self.partial.iter().all(u8::is_ascii_digit) {
                        let mut joined = std::mem::take(&mut self.partial);
                        joined.extend_from_slice(input);
                        // Frames of the joined copy cannot borrow from it.
                        let mut inner = Vec::new();
                        self.feed(&joined, &mut inner);
                        frames.extend(inner.into_iter().map(Frame::into_owned));
                        return;
                    }
                    match memchr::memchr(b'\n', input) {
                        Some(i) => {
                            self.push_line(&input[..i], frames);
                            input = &input[i + 1..];
                        }
                        None => {
                            self.partial.extend_from_slice(input);
                            if self.partial.len() > self.limit {
                                let bytes: Vec<u8> =
                                    self.partial.drain(..).take(self.limit).collect();
                                frames.push(Frame {
                                    bytes: Cow::Owned(bytes),
                                    truncated: true,
                                    miscounted: false,
                                });
                                self.state = State::SkipLine;
                            }
                            return;
                        }
                    }
                }
                State::Counted {
                    remaining,
                    truncated,
                } => {
                    let take = remaining.min(input.len());
                    let (head, rest) = input.split_at(take);
                    input = rest;
                    let remaining = remaining - take;
                    let done = if remaining == 0 && self.partial.is_empty() && take <= self.limit {
                        // The whole frame is in this read.
                        Some((Cow::Borrowed(head), truncated))
                    } else {
                        let room = self.limit.saturating_sub(self.partial.len());
                        self.partial.extend_from_slice(&head[..take.min(room)]);
                        let truncated = truncated || take > room;
                        self.state = State::Counted {
                            remaining,
                            truncated,
                        };
                        (remaining == 0)
                            .then(|| (Cow::Owned(std::mem::take(&mut self.partial)), truncated))
                    };
                    if let Some((bytes, truncated)) = done {
                        let miscounted = bytes.first() != Some(&b'<');
                        frames.push(Frame {
                            bytes,
                            truncated,
                            miscounted,
                        });
                        self.state = State::Start;
                        // Trailing newline after a counted frame is tolerated.
                        if input.first() == Some(&b'\n') {
                            input = &input[1..];
                        }
                    }
                }
                State::SkipLine => match memchr::memchr(b'\n', input) {
                    Some(i) => {
                        input = &input[i + 1..];
                        self.state = State::Start;
                    }
                    None => return,
                },
            }
        }
    }

    /// At end of stream: a final unterminated line is a frame too.
    pub fn finish(&mut self) -> Option<Frame<'static>> {
        let bytes = std::mem::take(&mut self.partial);
        let state = std::mem::replace(&mut self.state, State::Start);
        match state {
            State::Start if !bytes.is_empty() => {
                let bytes = trim_cr(Cow::Owned(bytes));
                Some(Frame {
                    bytes,
                    truncated: false,
                    miscounted: false,
                })
            }
            State::Counted { .. } if !bytes.is_empty() => Some(Frame {
                bytes: Cow::Owned(bytes),
                truncated: true,
                miscounted: false,
            }),
            _ => None,
        }
    }

    /// Parses `<digits> ` at the start of `input`; returns bytes consumed.
    fn try_count_header(&mut self, input: &[u8]) -> Option<usize> {
        let digits = input
            .iter()
            .take(MAX_COUNT_DIGITS + 1)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if digits == 0 || digits > MAX_COUNT_DIGITS || input.get(digits) != Some(&b' ') {
            return None;
        }
        let count: usize = std::str::from_utf8(&input[..digits]).ok()?.parse().ok()?;
        if count == 0 {
            return None;
        }
        self.state = State::Counted {
            remaining: count,
            truncated: false,
        };
        Some(digits + 1)
    }

    fn push_line<'a>(&mut self, tail: &'a [u8], frames: &mut Vec<Frame<'a>>) {
        let bytes = if self.partial.is_empty() {
            Cow::Borrowed(tail)
        } else {
            let mut joined = std::mem::take(&mut self.partial);
            joined.extend_from_slice(tail);
            Cow::Owned(joined)
        };
        let bytes = trim_cr(bytes);
        if bytes.is_empty() {
            return;
        }
        let truncated = bytes.len() > self.limit;
        let bytes = if truncated {
            prefix(bytes, self.limit)
        } else {
            bytes
        };
        frames.push(Frame {
            bytes,
            truncated,
            miscounted: false,
        });
    }
}

fn trim_cr(bytes: Cow<'_, [u8]>) -> Cow<'_, [u8]> {
    let trailing = bytes
        .iter()
        .rev()
        .take_while(|b| matches!(b, b'\r' | b'\0'))
        .count();
    let keep = bytes.len() - trailing;
    prefix(bytes, keep)
}

/// The first `len` bytes (all of them if fewer), borrowed if they were.
fn prefix(bytes: Cow<'_, [u8]>, len: usize) -> Cow<'_, [u8]> {
    match bytes {
        Cow::Borrowed(b) => Cow::Borrowed(b.get(..len).unwrap_or(b)),
        Cow::Owned(mut v) => {
            v.truncate(len);
            Cow::Owned(v)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode<'a>(chunks: &[&'a [u8]], limit: usize) -> Vec<Frame<'a>> {
        let mut decoder = FrameDecoder::new(limit);
        let mut frames = Vec::new();
        for chunk in chunks {
            decoder.feed(chunk, &mut frames);
        }
        frames.extend(decoder.finish());
        frames
    }

    fn texts(frames: &[Frame]) -> Vec<String> {
        frames
            .iter()
            .map(|f| String::from_utf8_lossy(&f.bytes).to_string())
            .collect()
    }

    #[test]
    fn mixed_octet_counting_and_newlines_per_frame() {
        let frames = decode(
            &[b"11 <13>hello a<13>line two\r\n5 <1>xy", b"<14>last"],
            1024,
        );
        assert_eq!(
            texts(&frames),
            vec!["<13>hello a", "<13>line two", "<1>xy", "<14>last"]
        );
    }

    #[test]
    fn frames_whole_in_a_read_are_borrowed_and_any_split_reads_the_same() {
        let stream: &[u8] =
            b"11 <13>hello a<13>line two\r\n5 <1>xy\n<14>last\n11 <15>counted\n\n<16>end\r\n";
        let whole = decode(&[stream], 1024);
        assert_eq!(
            texts(&whole),
            vec![
                "<13>hello a",
                "<13>line two",
                "<1>xy",
                "<14>last",
                "<15>counted",
                "<16>end"
            ]
        );
        assert!(
            whole.iter().all(|f| matches!(f.bytes, Cow::Borrowed(_))),
            "frames within one read are not copied"
        );
        for at in 0..=stream.len() {
            let (a, b) = stream.split_at(at);
            assert_eq!(decode(&[a, b], 1024), whole, "split at {at}");
            for at2 in at..=stream.len() {
                let (b1, b2) = b.split_at(at2 - at);
                assert_eq!(decode(&[a, b1, b2], 1024), whole, "split at {at} and {at2}");
            }
        }
        // Over-long frames, both kinds, split or not, are cut alike.
        let long_line = format!("<13>{}", "l".repeat(96));
        let long_counted = format!("<14>{}", "c".repeat(86));
        let stream = format!(
            "{long_line}\n{} {long_counted}<15>short\n",
            long_counted.len()
        );
        let stream = stream.as_bytes();
        let cut = decode(&[stream], 64);
        assert_eq!(
            texts(&cut),
            vec![&long_line[..64], &long_counted[..64], "<15>short"]
        );
        assert!(cut[0].truncated && cut[1].truncated && !cut[2].truncated);
        for at in 0..=stream.len() {
            let (a, b) = stream.split_at(at);
            assert_eq!(decode(&[a, b], 64), cut, "split at {at}");
        }
    }

    #[test]
    fn headers_and_payloads_split_across_reads() {
        let frames = decode(&[b"1", b"2 <13>he", b"llo wo", b"\n<13>n", b"ext\n"], 1024);
        assert_eq!(texts(&frames), vec!["<13>hello wo", "<13>next"]);
    }

    #[test]
    fn oversized_newline_frame_is_truncated_and_the_rest_skipped() {
        let long = format!("<13>{}\n<13>after\n", "x".repeat(200));
        let frames = decode(&[long.as_bytes()], 64);
        assert_eq!(frames.len(), 2);
        assert!(frames[0].truncated);
        assert_eq!(frames[0].bytes.len(), 64);
        assert_eq!(texts(&frames)[1], "<13>after");
    }

    #[test]
    fn oversized_counted_frame_keeps_the_limit_and_stays_in_step() {
        let payload = format!("<13>{}", "y".repeat(196));
        let input = format!("{} {}<13>next\n", payload.len(), payload);
        let frames = decode(&[input.as_bytes()], 64);
        assert!(frames[0].truncated && frames[0].bytes.len() == 64);
        assert_eq!(texts(&frames)[1], "<13>next");
    }

    #[test]
    fn miscounted_frame_is_flagged() {
        // A count that lands mid-message is undetectable until the next frame does
        // not start like one; a counted payload that is not syslog is flagged.
        let frames = decode(&[b"3 abc"], 1024);
        assert_eq!(frames.len(), 1);
        assert!(
            frames[0].miscounted,
            "a counted payload must start with <PRI>"
        );
        let frames = decode(&[b"5 <13>hello world\n"], 1024);
        assert_eq!(texts(&frames), vec!["<13>h", "ello world"]);
        assert!(!frames[0].miscounted);
    }
}
