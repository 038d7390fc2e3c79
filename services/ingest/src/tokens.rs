//! Ingest tokens: how an HTTP shipper (or a syslog sender, in structured data)
//! names its tenant. Random, shown once, stored as a SHA-256 hash, with a short
//! public prefix for lookup and revocation.
//!
//! Token format: `gi_<8-char prefix>_<43-char secret>`.

use crate::entity::ingest_token;
use chrono::{DateTime, Utc};
use garrison_core::db::{Db, ScopedTx};
use garrison_core::event::LogSource;
use garrison_core::role::{Action, Resource};
use garrison_core::token::{hash_token, random_token};
use garrison_core::{Error, Result, Scope, Secret, TenantId, validate};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveValue::Set, ColumnTrait};
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

garrison_core::typed_id!(
    /// An ingest token.
    IngestTokenId
);

/// A token as listed (never with its secret).
#[derive(Debug, Clone)]
pub struct IngestToken {
    pub id: IngestTokenId,
    pub tenant_id: TenantId,
    pub name: String,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Applied to every event the token sends (where set, over what the parser
    /// infers): the operator knows what the shipper sends.
    pub log_source: LogSource,
}

/// Checks configured log-source tags: Sigma spells them in lower case
/// (`windows`, `process_creation`, `sysmon`); empty means unset.
pub fn clean_log_source(raw: LogSource) -> Result<LogSource> {
    fn one(field: &str, value: Option<String>) -> Result<Option<String>> {
        let Some(value) = value.map(|v| v.trim().to_ascii_lowercase()) else {
            return Ok(None);
        };
        if value.is_empty() {
            return Ok(None);
        }
        if value.len() > 64
            || !value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        {
            // Quote at most the start of what was sent: the error stays one short line.
            let shown: String = value.chars().take(40).collect();
            return Err(Error::invalid(
                field,
                format!(
                    "`{shown}` is not a log-source name (letters, digits, `_`, `-`, `.`; at most 64)"
                ),
            ));
        }
        Ok(Some(value))
    }
    Ok(LogSource {
        product: one("logSource.product", raw.product)?,
        category: one("logSource.category", raw.category)?,
        service: one("logSource.service", raw.service)?,
    })
}

/// Creates a token for `tenant`; the secret is returned once and never stored.
pub async fn create_ingest_token(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    name: &str,
    log_source: LogSource,
) -> Result<(IngestToken, Secret<String>)> {
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Create)?;
    let name = validate::name("name", name)?;
    let tags = clean_log_source(log_source)?;
    let prefix: String = random_token(6)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(8)
        .collect();
    let prefix = format!("{prefix:0<8}").to_ascii_lowercase();
    let token = format!("gi_{prefix}_{}", random_token(32));
    let row = ingest_token::ActiveModel {
        id: Set(IngestTokenId::new().as_uuid()),
        tenant_id: Set(tenant.as_uuid()),
        name: Set(name),
        prefix: Set(prefix),
        token_hash: Set(hash_token(&token)),
        created_by: Set(tx.scope().user_id().map(|u| u.as_uuid())),
        created_at: Set(Utc::now()),
        last_used_at: Set(None),
        revoked_at: Set(None),
        product: Set(tags.product),
        category: Set(tags.category),
        service: Set(tags.service),
    };
    let row = tx.insert(tenant, row).await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "ingest_token.create",
        &format!("ingest_token:{}", row.id),
        serde_json::json!({"name": row.name, "prefix": row.prefix,
            "log_source": {"product": row.product, "category": row.category, "service": row.service}}),
    )
    .await?;
    Ok((to_token(row), Secret::new(token)))
}

/// The tenant's tokens, newest first (revoked ones included, marked).
pub async fn list_ingest_tokens(tx: &ScopedTx<'_>, tenant: TenantId) -> Result<Vec<IngestToken>> {
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Read)?;
    let rows = tx
        .select::<ingest_token::Entity>()
        .filter(ingest_token::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_desc(ingest_token::Column::Id)
        .all(tx)
        .await?;
    Ok(rows.into_iter().map(to_token).collect())
}

/// Revokes a token; it stops working at once in this process and within the
/// credential cache lifetime in others.
pub async fn revoke_ingest_token(tx: &ScopedTx<'_>, id: IngestTokenId) -> Result<IngestToken> {
    let row = token_row(tx, id).await?;
    let tenant = TenantId::from_uuid(row.tenant_id);
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Delete)?;
    let now = Utc::now();
    tx.update_where::<ingest_token::Entity>(
        ingest_token::Column::Id.eq(id.as_uuid()),
        vec![(ingest_token::Column::RevokedAt, Expr::value(Some(now)))],
    )
    .await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "ingest_token.revoke",
        &format!("ingest_token:{id}"),
        serde_json::json!({"prefix": row.prefix}),
    )
    .await?;
    let mut token = to_token(row);
    token.revoked_at = Some(now);
    Ok(token)
}

/// Changes the log-source tags a token applies (from its next event on; other
/// processes follow within the credential cache lifetime).
pub async fn set_token_log_source(
    tx: &ScopedTx<'_>,
    id: IngestTokenId,
    log_source: LogSource,
) -> Result<IngestToken> {
    let row = token_row(tx, id).await?;
    let tenant = TenantId::from_uuid(row.tenant_id);
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Create)?;
    let tags = clean_log_source(log_source)?;
    tx.update_where::<ingest_token::Entity>(
        ingest_token::Column::Id.eq(id.as_uuid()),
        vec![
            (
                ingest_token::Column::Product,
                Expr::value(tags.product.clone()),
            ),
            (
                ingest_token::Column::Category,
                Expr::value(tags.category.clone()),
            ),
            (
                ingest_token::Column::Service,
                Expr::value(tags.service.clone()),
            ),
        ],
    )
    .await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "ingest_token.log_source",
        &format!("ingest_token:{id}"),
        serde_json::json!({"prefix": row.prefix,
            "log_source": {"product": tags.product, "category": tags.category, "service": tags.service}}),
    )
    .await?;
    let mut token = to_token(row);
    token.log_source = tags;
    Ok(token)
}

/// A token's row as the scope may see it (`not_found` otherwise).
async fn token_row(tx: &ScopedTx<'_>, id: IngestTokenId) -> Result<ingest_token::Model> {
    tx.select::<ingest_token::Entity>()
        .filter(ingest_token::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await
}

/// The prefix of a presented token, if it has our shape.
pub fn prefix_of(token: &str) -> Option<&str> {
    let rest = token.strip_prefix("gi_")?;
    let (prefix, secret) = rest.split_once('_')?;
    (prefix.len() == 8 && !secret.is_empty()).then_some(prefix)
}

/// A token resolved to its tenant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedToken {
    pub tenant_id: TenantId,
    pub token_id: IngestTokenId,
    /// The token's configured log-source tags.
    pub log_source: LogSource,
}

#[derive(Clone)]
struct CachedToken {
    hash: String,
    resolved: ResolvedToken,
}

/// Resolves presented tokens, caching lookups (including misses) briefly so a
/// busy shipper costs one database read per cache lifetime, not one per request.
pub struct TokenResolver {
    db: Db,
    ttl: Duration,
    cache: Mutex<HashMap<String, (Option<CachedToken>, Instant)>>,
}

impl TokenResolver {
    pub fn new(db: Db, ttl: Duration) -> TokenResolver {
        TokenResolver {
            db,
            ttl,
            cache: Mutex::new(HashMap::new()),
        }
    }

    /// The tenant of a valid, unrevoked token; `None` otherwise.
    pub async fn resolve(&self, presented: &str) -> Result<Option<ResolvedToken>> {
        let Some(prefix) = prefix_of(presented) else {
            return Ok(None);
        };
        let cached = {
            let cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
            cache
                .get(prefix)
                .filter(|(_, at)| at.elapsed() < self.ttl)
                .map(|(entry, _)| entry.clone())
        };
        let entry = match cached {
            Some(entry) => entry,
            None => {
                let entry = self.load(prefix).await?;
                let mut cache = self.cache.lock().unwrap_or_else(|p| p.into_inner());
                if cache.len() > 100_000 {
                    cache.clear();
                }
                cache.insert(prefix.to_string(), (entry.clone(), Instant::now()));
                entry
            }
        };
        Ok(entry
            .filter(|e| constant_time_eq(e.hash.as_bytes(), hash_token(presented).as_bytes()))
            .map(|e| e.resolved))
    }

    /// Forgets a prefix (after revocation in this process).
    pub fn invalidate(&self, prefix: &str) {
        self.cache
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(prefix);
    }

    async fn load(&self, prefix: &str) -> Result<Option<CachedToken>> {
        // Credential resolution precedes any tenant: the platform looks across tenants.
        let scope = Scope::system("ingest-auth");
        let tx = self.db.begin(&scope).await?;
        let row = tx
            .select::<ingest_token::Entity>()
            .filter(ingest_token::Column::Prefix.eq(prefix))
            .filter(ingest_token::Column::RevokedAt.is_null())
            .one(&tx)
            .await?;
        if let Some(row) = &row {
            tx.update_where::<ingest_token::Entity>(
                ingest_token::Column::Id.eq(row.id),
                vec![(
                    ingest_token::Column::LastUsedAt,
                    Expr::value(Some(Utc::now())),
                )],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(row.map(|r| CachedToken {
            hash: r.token_hash,
            resolved: ResolvedToken {
                tenant_id: TenantId::from_uuid(r.tenant_id),
                token_id: IngestTokenId::from_uuid(r.id),
                log_source: LogSource {
                    product: r.product,
                    category: r.category,
                    service: r.service,
                },
            },
        }))
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn to_token(row: ingest_token::Model) -> IngestToken {
    IngestToken {
        id: IngestTokenId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        name: row.name,
        prefix: row.prefix,
        created_at: row.created_at,
        last_used_at: row.last_used_at,
        revoked_at: row.revoked_at,
        log_source: LogSource {
            product: row.product,
            category: row.category,
            service: row.service,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_shape() {
        assert_eq!(prefix_of("gi_abcd1234_secret"), Some("abcd1234"));
        assert_eq!(prefix_of("gi_short_secret"), None);
        assert_eq!(prefix_of("Bearer x"), None);
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
    }
}
