//! Exceptions: a tenant excludes events from one rule with a Sigma snippet. The
//! snippet is either a detection block (`selection: {...}`, optional `condition`,
//! default "all of them") describing what to exclude, or a whole Sigma filter
//! document. Either way it becomes a Sigma meta filter on that rule with the
//! condition negated (AND NOT), compiled before it is stored so a bad snippet is
//! refused with the engine's reason instead of failing later in the pipeline.

use super::{bump_revision, require_tuning, valid_rule_id};
use crate::entity::rule_exception;
use crate::ruleset::RuleSetBuilder;
use chrono::{DateTime, Utc};
use garrison_core::db::ScopedTx;
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, TenantId, audit};
use sea_orm::ActiveValue::Set;
use sea_orm::ColumnTrait;
use serde_json::{Map, Value, json};

garrison_core::typed_id!(
    /// One rule exception.
    RuleExceptionId
);

/// Largest snippet accepted.
pub const MAX_SNIPPET_BYTES: usize = 16 * 1024;

/// A stored exception.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleException {
    pub id: RuleExceptionId,
    pub tenant_id: TenantId,
    pub rule_id: String,
    pub filter: String,
    pub created_at: DateTime<Utc>,
}

/// The Sigma filter document (as JSON text, which is YAML) for an exception.
pub fn exception_document(rule_id: &str, id: &str, snippet: &str) -> Result<String, String> {
    let parsed: Value =
        serde_saphyr::from_str(snippet).map_err(|e| format!("not YAML: {}", first_line(&e)))?;
    let Value::Object(mut top) = parsed else {
        return Err("must be a mapping of searches (and optionally `condition`)".into());
    };
    // An exception names its one rule, so a pasted filter's own `logsource` and
    // `rules` are dropped: they could only make it miss the rule it was written for.
    let mut searches = match top.remove("filter") {
        Some(Value::Object(filter)) => filter,
        Some(_) => return Err("`filter` must be a mapping".into()),
        None => top,
    };
    searches.remove("rules");
    let condition = match searches.remove("condition") {
        None => "all of them".to_string(),
        Some(Value::String(c)) if !c.trim().is_empty() => c,
        Some(_) => return Err("`condition` must be one condition string".into()),
    };
    if searches.is_empty() {
        return Err("names no search to exclude".into());
    }
    let mut filter = Map::new();
    filter.insert("rules".into(), json!([rule_id]));
    filter.extend(searches);
    filter.insert("condition".into(), json!(format!("not ({condition})")));
    let doc = json!({
        "title": format!("Exception {id} for {rule_id}"),
        "id": format!("exception-{id}"),
        "logsource": {},
        "filter": Value::Object(filter),
    });
    let text = doc.to_string();
    let mut builder = RuleSetBuilder::new();
    builder.add_yaml("exception", &text);
    let (_, rejections) = builder.build();
    match rejections.into_iter().next() {
        Some(r) => Err(r.reason),
        None => Ok(text),
    }
}

fn first_line(e: &impl std::fmt::Display) -> String {
    e.to_string().lines().next().unwrap_or_default().to_string()
}

/// Adds an exception to `rule_id` for `tenant`.
pub async fn add_rule_exception(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    rule_id: &str,
    snippet: &str,
    now: DateTime<Utc>,
) -> Result<RuleException> {
    require_tuning(tx, tenant)?;
    let rule_id = valid_rule_id(rule_id)?;
    if snippet.len() > MAX_SNIPPET_BYTES {
        return Err(Error::invalid(
            "filter",
            format!("is larger than {MAX_SNIPPET_BYTES} bytes"),
        ));
    }
    let id = RuleExceptionId::new();
    exception_document(&rule_id, &id.to_string(), snippet)
        .map_err(|reason| Error::invalid("filter", reason))?;
    tx.insert(
        tenant,
        rule_exception::ActiveModel {
            id: Set(id.as_uuid()),
            tenant_id: Set(tenant.as_uuid()),
            rule_id: Set(rule_id.clone()),
            filter: Set(snippet.to_string()),
            created_by: Set(tx.scope().user_id().map(|u| u.as_uuid())),
            created_at: Set(now),
        },
    )
    .await?;
    bump_revision(tx, tenant, now).await?;
    audit::record(
        tx,
        tenant,
        "rule.exception.add",
        &rule_id,
        json!({"exception": id.to_string()}),
    )
    .await?;
    Ok(RuleException {
        id,
        tenant_id: tenant,
        rule_id,
        filter: snippet.to_string(),
        created_at: now,
    })
}

/// Removes an exception.
pub async fn remove_rule_exception(
    tx: &ScopedTx<'_>,
    id: RuleExceptionId,
    now: DateTime<Utc>,
) -> Result<RuleException> {
    let row = tx
        .select::<rule_exception::Entity>()
        .filter(rule_exception::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    let tenant = TenantId::from_uuid(row.tenant_id);
    require_tuning(tx, tenant)?;
    tx.delete_where::<rule_exception::Entity>(rule_exception::Column::Id.eq(id.as_uuid()))
        .await?;
    bump_revision(tx, tenant, now).await?;
    audit::record(
        tx,
        tenant,
        "rule.exception.remove",
        &row.rule_id,
        json!({"exception": id.to_string()}),
    )
    .await?;
    Ok(to_exception(row))
}

/// `tenant`'s exceptions, oldest first.
pub async fn list_rule_exceptions(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
) -> Result<Vec<RuleException>> {
    tx.scope()
        .require_in(tenant, Resource::RulePack, Action::Read)?;
    Ok(tx
        .select::<rule_exception::Entity>()
        .filter(rule_exception::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_asc(rule_exception::Column::Id)
        .all(tx)
        .await?
        .into_iter()
        .map(to_exception)
        .collect())
}

fn to_exception(row: rule_exception::Model) -> RuleException {
    RuleException {
        id: RuleExceptionId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        rule_id: row.rule_id,
        filter: row.filter,
        created_at: row.created_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_snippets_become_negated_filters_on_the_rule() {
        let doc =
            exception_document("r1", "x", "selection:\n  User: svc_backup\n").expect("compiles");
        let v: Value = serde_json::from_str(&doc).expect("json");
        assert_eq!(v["filter"]["rules"], json!(["r1"]));
        assert_eq!(v["filter"]["condition"], json!("not (all of them)"));
        assert_eq!(v["filter"]["selection"]["User"], json!("svc_backup"));
    }

    #[test]
    fn bad_snippets_are_refused_with_a_reason() {
        assert!(
            exception_document("r1", "x", "- a\n- b\n")
                .expect_err("list")
                .contains("mapping")
        );
        assert!(
            exception_document("r1", "x", "condition: sel\n")
                .expect_err("no search")
                .contains("no search")
        );
        let e = exception_document("r1", "x", "sel:\n  a|nosuch: b\n").expect_err("modifier");
        assert!(e.contains("nosuch"), "{e}");
        let e = exception_document("r1", "x", "sel: {a: b}\ncondition: other\n")
            .expect_err("unknown search");
        assert!(!e.is_empty());
    }

    #[test]
    fn whole_filter_documents_are_retargeted_at_the_rule() {
        let snippet = "title: t\nlogsource: {product: windows}\nfilter:\n  rules: [other]\n  sel: {Image: 'C:\\\\x.exe'}\n  condition: sel\n";
        let doc = exception_document("r1", "x", snippet).expect("compiles");
        let v: Value = serde_json::from_str(&doc).expect("json");
        assert_eq!(v["filter"]["rules"], json!(["r1"]));
        assert_eq!(v["filter"]["condition"], json!("not (sel)"));
        assert_eq!(
            v["logsource"],
            json!({}),
            "the exception targets its rule alone"
        );
    }
}
