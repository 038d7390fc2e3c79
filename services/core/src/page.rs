//! Keyset pagination shared by every list: opaque cursors over time-ordered ids.

use crate::{Error, Result};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Largest page a caller may ask for.
pub const MAX_PAGE: u64 = 200;
/// Page size when the caller does not say.
pub const DEFAULT_PAGE: u64 = 50;

/// A request for one page: at most `first` items after the cursor.
#[derive(Debug, Clone, Copy)]
pub struct PageRequest {
    pub first: u64,
    pub after: Option<uuid::Uuid>,
}

impl PageRequest {
    /// Parses GraphQL-style `first`/`after` arguments.
    pub fn parse(first: Option<i32>, after: Option<&str>) -> Result<PageRequest> {
        let first = parse_first(first)?;
        let after = after.map(decode_cursor).transpose()?;
        Ok(PageRequest { first, after })
    }
}

/// Parses a GraphQL `first` argument (default [`DEFAULT_PAGE`], at most [`MAX_PAGE`]).
pub fn parse_first(first: Option<i32>) -> Result<u64> {
    match first {
        None => Ok(DEFAULT_PAGE),
        Some(n) if n < 0 => Err(Error::invalid("first", "must not be negative")),
        Some(n) if n as u64 > MAX_PAGE => Err(Error::invalid(
            "first",
            format!("must be at most {MAX_PAGE}"),
        )),
        Some(n) => Ok(n as u64),
    }
}

/// One page of results.
#[derive(Debug, Clone)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// All matching items in the caller's scope, not just this page.
    pub total_count: u64,
    pub has_next_page: bool,
    pub has_previous_page: bool,
}

impl<T> Page<T> {
    /// Builds a page from `first + 1` fetched rows (the extra row signals more).
    pub fn from_fetched(mut items: Vec<T>, request: PageRequest, total_count: u64) -> Page<T> {
        let has_next_page = items.len() as u64 > request.first;
        items.truncate(request.first as usize);
        Page {
            items,
            total_count,
            has_next_page,
            has_previous_page: request.after.is_some(),
        }
    }
}

/// The opaque cursor for an item id.
pub fn encode_cursor(id: uuid::Uuid) -> String {
    URL_SAFE_NO_PAD.encode(format!("id:{id}"))
}

fn decode_cursor(raw: &str) -> Result<uuid::Uuid> {
    let bad = || Error::invalid("after", "is not a cursor from this API");
    let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let id = text.strip_prefix("id:").ok_or_else(bad)?;
    uuid::Uuid::parse_str(id).map_err(|_| bad())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trip_and_bad_input() {
        let id = uuid::Uuid::now_v7();
        let req = PageRequest::parse(Some(10), Some(&encode_cursor(id))).expect("parses");
        assert_eq!(req.after, Some(id));
        assert!(PageRequest::parse(Some(-1), None).is_err());
        assert!(PageRequest::parse(Some(1000), None).is_err());
        let err = PageRequest::parse(None, Some("garbage!")).expect_err("bad cursor");
        assert!(err.to_string().starts_with("after:"));
    }
}
