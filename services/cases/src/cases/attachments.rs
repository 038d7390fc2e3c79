//! Small attachments (a screenshot, a log excerpt, a report): at most 1 MiB each,
//! kept in the database with their SHA-256, served only as downloads (never
//! rendered by the browser), and shared with the customer or internal like
//! comments.

use super::lookup::{get_case, touch, writable};
use super::{CaseId, Visibility, sees_internal, timeline};
use crate::entity::case_attachment;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId, UserId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use serde_json::json;
use sha2::{Digest, Sha256};

garrison_core::typed_id!(
    /// One attachment.
    AttachmentId
);

/// Largest attachment accepted.
pub const MAX_BYTES: usize = 1024 * 1024;

/// An attachment's description (the bytes are read separately).
#[derive(Debug, Clone)]
pub struct Attachment {
    pub id: AttachmentId,
    pub case_id: CaseId,
    pub tenant_id: TenantId,
    pub filename: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub visibility: Visibility,
    pub uploaded_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

fn to_attachment(r: &case_attachment::Model) -> Attachment {
    Attachment {
        id: AttachmentId::from_uuid(r.id),
        case_id: CaseId::from_uuid(r.case_id),
        tenant_id: TenantId::from_uuid(r.tenant_id),
        filename: r.filename.clone(),
        content_type: r.content_type.clone(),
        size: r.size,
        sha256: r.sha256.clone(),
        visibility: Visibility::from_stored(&r.visibility).unwrap_or(Visibility::Internal),
        uploaded_by: r.uploaded_by.map(UserId::from_uuid),
        created_at: r.created_at,
    }
}

/// A file name safe to store and to offer back: no directories, no control
/// characters, at most 200 bytes.
pub fn clean_filename(raw: &str) -> Result<String> {
    let base = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let name: String = base
        .chars()
        .filter(|c| !c.is_control() && *c != '"')
        .collect();
    let name = name.trim().trim_start_matches('.').to_string();
    if name.is_empty() || name.len() > 200 {
        return Err(Error::invalid("filename", "must be 1 to 200 characters"));
    }
    Ok(name)
}

fn clean_content_type(raw: &str) -> Result<String> {
    let t = raw.trim().to_ascii_lowercase();
    let valid = t.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && t.len() <= 100
            && t.chars()
                .all(|c| c.is_ascii_alphanumeric() || "/.+-_".contains(c))
    });
    if !valid {
        return Err(Error::invalid(
            "contentType",
            "is not a media type (type/subtype)",
        ));
    }
    Ok(t)
}

/// Attaches `data` to a case. Customers may attach shared files only.
pub async fn add_attachment(
    tx: &ScopedTx<'_>,
    case: CaseId,
    filename: &str,
    content_type: &str,
    data: Vec<u8>,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<Attachment> {
    let found = match visibility {
        Visibility::Internal => writable(tx, case).await?,
        Visibility::Shared => {
            let found = get_case(tx, case).await?;
            tx.scope()
                .require_in(found.tenant_id, Resource::SharedComment, Action::Create)?;
            found
        }
    };
    if visibility == Visibility::Internal && !sees_internal(tx.scope()) {
        return Err(Error::NotFound);
    }
    if data.is_empty() {
        return Err(Error::invalid("content", "is empty"));
    }
    if data.len() > MAX_BYTES {
        return Err(Error::invalid(
            "content",
            format!("is larger than {MAX_BYTES} bytes"),
        ));
    }
    let filename = clean_filename(filename)?;
    let content_type = clean_content_type(content_type)?;
    let id = AttachmentId::new();
    let sha = hex::encode(Sha256::digest(&data));
    let row = tx
        .insert(
            found.tenant_id,
            case_attachment::ActiveModel {
                id: Set(id.as_uuid()),
                tenant_id: Set(found.tenant_id.as_uuid()),
                case_id: Set(case.as_uuid()),
                filename: Set(filename.clone()),
                content_type: Set(content_type),
                size: Set(data.len() as i64),
                sha256: Set(sha.clone()),
                data: Set(data),
                visibility: Set(visibility.as_str().into()),
                uploaded_by: Set(tx.scope().user_id().map(|u| u.as_uuid())),
                created_at: Set(now),
            },
        )
        .await?;
    timeline::record(
        tx,
        found.tenant_id,
        case,
        "attachment_added",
        format!("File attached: {filename}"),
        visibility,
        now,
    )
    .await?;
    touch(tx, case, now).await?;
    audit::record(
        tx,
        found.tenant_id,
        "case.attachment",
        &format!("case:{case}"),
        json!({"attachment": id.to_string(), "filename": filename, "sha256": sha}),
    )
    .await?;
    Ok(to_attachment(&row))
}

/// The case's attachments the caller may see.
pub async fn list_attachments(tx: &ScopedTx<'_>, case: CaseId) -> Result<Vec<Attachment>> {
    let found = get_case(tx, case).await?;
    let mut query = tx
        .select::<case_attachment::Entity>()
        .filter(case_attachment::Column::TenantId.eq(found.tenant_id.as_uuid()))
        .filter(case_attachment::Column::CaseId.eq(case.as_uuid()));
    if !sees_internal(tx.scope()) {
        query = query.filter(case_attachment::Column::Visibility.eq(Visibility::Shared.as_str()));
    }
    Ok(query
        .order_by_asc(case_attachment::Column::Id)
        .all(tx)
        .await?
        .iter()
        .map(to_attachment)
        .collect())
}

/// One attachment with its bytes, if the caller may see it (else `not_found`).
pub async fn read_attachment(tx: &ScopedTx<'_>, id: AttachmentId) -> Result<(Attachment, Vec<u8>)> {
    let row = tx
        .select::<case_attachment::Entity>()
        .filter(case_attachment::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    // Reading the case checks the caller reaches it.
    get_case(tx, CaseId::from_uuid(row.case_id)).await?;
    let meta = to_attachment(&row);
    if meta.visibility == Visibility::Internal && !sees_internal(tx.scope()) {
        return Err(Error::NotFound);
    }
    Ok((meta, row.data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filenames_lose_directories_and_control_characters() {
        assert_eq!(clean_filename("../../etc/passwd").expect("ok"), "passwd");
        assert_eq!(
            clean_filename("C:\\temp\\report.pdf").expect("ok"),
            "report.pdf"
        );
        assert_eq!(clean_filename("a\u{0}b\nc.txt").expect("ok"), "abc.txt");
        assert!(clean_filename("...").is_err());
        assert!(clean_content_type("text/html; charset=utf-8").is_err());
        assert_eq!(clean_content_type("Image/PNG").expect("ok"), "image/png");
    }
}
