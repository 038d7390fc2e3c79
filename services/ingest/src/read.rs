//! Stored records read back as fields and as events: the fields a record
//! holds, or for a text line's record, the fields derived again from its raw
//! text by the parser that received it (see [`crate::normalize::derived_fields`]).
//! Every reader (search, detection's store reads, the API) comes through here.

use crate::segment::record::{DERIVED_TEXT, Record};
use chrono_tz::Tz;
use garrison_core::event::StoredEvent;
use garrison_core::{Result, TenantId};
use serde_json::{Map, Value};

/// The record's fields as a JSON object. None for a derivation or a zone this
/// binary does not know (written by a newer one), or an unreadable receipt
/// time: never fields made up another way.
pub fn fields(record: &Record<'_>) -> Map<String, Value> {
    let Some(derivation) = record.derivation() else {
        return record.written_fields();
    };
    let tz = match derivation.zone {
        Some(name) => name.parse::<Tz>().ok(),
        None => Some(Tz::UTC),
    };
    match (derivation.version, derivation.received_at, tz) {
        (DERIVED_TEXT, Some(received_at), Some(tz)) => {
            crate::normalize::derived_fields(record.raw(), received_at, tz)
        }
        _ => Map::new(),
    }
}

/// The whole event, numbered `seq`, fields included.
pub fn stored_event(record: &Record<'_>, seq: i64, tenant: TenantId) -> Result<StoredEvent> {
    record.to_stored_with(seq, tenant, fields(record))
}
