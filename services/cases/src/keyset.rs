//! Keyset cursors for the two work lists (the alert queue and the case list):
//! newest first by id (UUIDv7, so id order is creation order), or most severe
//! first and newest within a severity. A cursor names its order, so a cursor of
//! one order is refused by a query in the other.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use garrison_core::{Error, Result, Severity};
use sea_orm::ColumnTrait;
use sea_orm::sea_query::Condition;

/// List order.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// Newest first.
    #[default]
    Newest,
    /// Most severe first, newest first within a severity.
    Severity,
}

/// Where the previous page ended.
#[derive(Debug, Clone, Copy)]
pub struct Cursor {
    severity: Option<i16>,
    pub id: uuid::Uuid,
}

/// The cursor of a row (its severity and id) in a list of the given order.
pub fn encode(order: ListOrder, severity: Severity, id: uuid::Uuid) -> String {
    let text = match order {
        ListOrder::Newest => format!("n:{id}"),
        ListOrder::Severity => format!("s:{}:{id}", severity.rank()),
    };
    URL_SAFE_NO_PAD.encode(text)
}

/// Reads an `after` argument given with `order`.
pub fn decode(raw: &str, order: ListOrder) -> Result<Cursor> {
    let bad = || Error::invalid("after", "is not a cursor of this list order");
    let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).map_err(|_| bad())?;
    let text = String::from_utf8(bytes).map_err(|_| bad())?;
    let parts: Vec<&str> = text.split(':').collect();
    match (order, parts.as_slice()) {
        (ListOrder::Newest, ["n", id]) => Ok(Cursor {
            severity: None,
            id: uuid::Uuid::parse_str(id).map_err(|_| bad())?,
        }),
        (ListOrder::Severity, ["s", sev, id]) => Ok(Cursor {
            severity: Some(sev.parse().map_err(|_| bad())?),
            id: uuid::Uuid::parse_str(id).map_err(|_| bad())?,
        }),
        _ => Err(bad()),
    }
}

/// Rows after the cursor, given the table's severity and id columns.
pub fn after<C: ColumnTrait>(c: &Cursor, severity: C, id: C) -> Condition {
    match c.severity {
        None => Condition::all().add(id.lt(c.id)),
        Some(sev) => Condition::any()
            .add(severity.lt(sev))
            .add(Condition::all().add(severity.eq(sev)).add(id.lt(c.id))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_the_other_order() {
        let id = uuid::Uuid::now_v7();
        let newest = encode(ListOrder::Newest, Severity::High, id);
        assert_eq!(decode(&newest, ListOrder::Newest).expect("newest").id, id);
        let err = decode(&newest, ListOrder::Severity).expect_err("other order");
        assert!(err.to_string().starts_with("after:"), "{err}");
        let severe = encode(ListOrder::Severity, Severity::High, id);
        let c = decode(&severe, ListOrder::Severity).expect("severity");
        assert_eq!((c.severity, c.id), (Some(Severity::High.rank()), id));
        assert!(decode("not a cursor", ListOrder::Newest).is_err());
    }
}
