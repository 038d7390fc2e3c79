//! Comments: markdown, `INTERNAL` (provider staff only) or `SHARED` with the
//! customer. A customer never sees, counts or can address an internal comment. A
//! staff member's first shared comment is the "respond" moment of the case's SLA.

use super::lookup::{get_case, touch};
use super::{CaseId, Visibility, required_text, sees_internal, sla_subject, timeline};
use crate::entity::case_comment;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Result, UserId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use serde_json::json;

garrison_core::typed_id!(
    /// One comment.
    CommentId
);

/// Largest comment accepted.
pub const MAX_COMMENT: usize = 32 * 1024;

/// A comment.
#[derive(Debug, Clone)]
pub struct Comment {
    pub id: CommentId,
    pub case_id: CaseId,
    pub author_id: Option<UserId>,
    pub body: String,
    pub visibility: Visibility,
    pub created_at: DateTime<Utc>,
}

/// What adding a comment means for notifications.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentAuthor {
    Staff,
    Customer,
}

/// Adds a comment. Customers may only add shared ones (an internal one is
/// `not_found` to them, as internal comments do not exist for them).
pub async fn add_comment(
    tx: &ScopedTx<'_>,
    case: CaseId,
    body: &str,
    visibility: Visibility,
    now: DateTime<Utc>,
) -> Result<(Comment, CommentAuthor)> {
    let found = get_case(tx, case).await?;
    let resource = match visibility {
        Visibility::Internal => Resource::InternalComment,
        Visibility::Shared => Resource::SharedComment,
    };
    tx.scope()
        .require_in(found.tenant_id, resource, Action::Create)?;
    let body = required_text("body", body, MAX_COMMENT)?;
    let id = CommentId::new();
    let author = tx.scope().user_id();
    tx.insert(
        found.tenant_id,
        case_comment::ActiveModel {
            id: Set(id.as_uuid()),
            tenant_id: Set(found.tenant_id.as_uuid()),
            case_id: Set(case.as_uuid()),
            author_id: Set(author.map(|u| u.as_uuid())),
            body: Set(body.clone()),
            visibility: Set(visibility.as_str().into()),
            created_at: Set(now),
        },
    )
    .await?;
    let who = if tx.scope().role().is_customer() {
        CommentAuthor::Customer
    } else {
        CommentAuthor::Staff
    };
    let summary = match (who, visibility) {
        (CommentAuthor::Customer, _) => "The customer commented".to_string(),
        (CommentAuthor::Staff, Visibility::Shared) => "The provider replied to the customer".into(),
        (CommentAuthor::Staff, Visibility::Internal) => "Internal note added".into(),
    };
    timeline::record(
        tx,
        found.tenant_id,
        case,
        "comment_added",
        summary,
        visibility,
        now,
    )
    .await?;
    touch(tx, case, now).await?;
    if who == CommentAuthor::Staff && visibility == Visibility::Shared {
        garrison_sla::clocks::complete_target(
            tx,
            sla_subject(&found),
            garrison_sla::Target::Respond,
            now,
        )
        .await?;
    }
    audit::record(
        tx,
        found.tenant_id,
        "case.comment",
        &format!("case:{case}"),
        json!({"comment": id.to_string(), "visibility": visibility.as_str()}),
    )
    .await?;
    if who == CommentAuthor::Customer {
        let event = garrison_notify::NotificationEvent::customer_commented(
            case.as_uuid(),
            id.as_uuid(),
            found.number,
            now,
        );
        garrison_notify::enqueue(tx, found.tenant_id, event, now).await?;
    }
    Ok((
        Comment {
            id,
            case_id: case,
            author_id: author,
            body,
            visibility,
            created_at: now,
        },
        who,
    ))
}

/// The case's comments, oldest first, as the caller may see them.
pub async fn list_comments(tx: &ScopedTx<'_>, case: CaseId) -> Result<Vec<Comment>> {
    let found = get_case(tx, case).await?;
    let mut query = tx
        .select::<case_comment::Entity>()
        .filter(case_comment::Column::TenantId.eq(found.tenant_id.as_uuid()))
        .filter(case_comment::Column::CaseId.eq(case.as_uuid()));
    if !sees_internal(tx.scope()) {
        query = query.filter(case_comment::Column::Visibility.eq(Visibility::Shared.as_str()));
    }
    Ok(query
        .order_by_asc(case_comment::Column::Id)
        .all(tx)
        .await?
        .into_iter()
        .map(|r| Comment {
            id: CommentId::from_uuid(r.id),
            case_id: CaseId::from_uuid(r.case_id),
            author_id: r.author_id.map(UserId::from_uuid),
            body: r.body,
            visibility: Visibility::from_stored(&r.visibility).unwrap_or(Visibility::Internal),
            created_at: r.created_at,
        })
        .collect())
}

/// Moves a merged case's comments to the target.
pub(crate) async fn move_comments(tx: &ScopedTx<'_>, from: CaseId, to: CaseId) -> Result<()> {
    use sea_orm::sea_query::Expr;
    tx.update_where::<case_comment::Entity>(
        case_comment::Column::CaseId.eq(from.as_uuid()),
        vec![(case_comment::Column::CaseId, Expr::value(to.as_uuid()))],
    )
    .await?;
    Ok(())
}
