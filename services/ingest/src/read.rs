//! Stored records read back as fields and as events: the fields a record
//! holds, or for a text line's record, the fields derived again from its raw
//! text by the parser that received it (see [`crate::normalize::derived_fields`]).
//! Every reader (search, detection's store reads, the API) comes through here.

use crate::segment::record::{DERIVED_TEXT, Record};
use chrono_tz::Tz;
use garrison_core::event::StoredEvent;
use garrison_core::{Result, TenantId};
use serde_json::{Map, Value};

/// The record's fields as a JSON object. Empty for a derivation or a zone this
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
            let raw = record.raw();
            // The parser runs on every read of the record, not once on
            // receipt: a defect in it must cost this record its fields, not
            // the reader (a detection consumer, a search) its task each time.
            std::panic::catch_unwind(|| crate::normalize::derived_fields(raw, received_at, tz))
                .unwrap_or_else(|_| {
                    // The id, not the text: the log is the operator's, the text a customer's.
                    let id = record.id().map(|id| id.to_string()).unwrap_or_default();
                    tracing::error!(event_id = %id, "deriving a stored record's fields panicked");
                    Map::new()
                })
        }
        _ => Map::new(),
    }
}

/// The whole event, numbered `seq`, fields included.
pub fn stored_event(record: &Record<'_>, seq: i64, tenant: TenantId) -> Result<StoredEvent> {
    record.to_stored_with(seq, tenant, fields(record))
}
