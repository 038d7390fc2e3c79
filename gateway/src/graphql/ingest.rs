//! The ingest API: tokens, source bindings, statistics and event search.

use super::errors::GqlResult;
use super::ingest_types::*;
use super::types::PageInfo;
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use garrison_core::TenantId;
use garrison_ingest::search::{self, cursor_of};
use garrison_ingest::sources::{self, SyslogSourceId};
use garrison_ingest::stats;
use garrison_ingest::tokens::{self, IngestTokenId};

/// Ingest reads.
#[derive(Default)]
pub struct IngestQuery;

#[Object]
impl IngestQuery {
    /// A tenant's ingest tokens, newest first (revoked ones marked).
    async fn ingest_tokens(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<IngestToken>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = tokens::list_ingest_tokens(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(IngestToken).collect())
    }

    /// A tenant's bound syslog source ranges.
    async fn syslog_sources(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<SyslogSource>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = sources::list_syslog_sources(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(SyslogSource).collect())
    }

    /// Received, stored, rejected and dead-lettered counts by source, per hour bucket
    /// starting in `[from, to)`.
    async fn ingest_stats(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> async_graphql::Result<IngestStats> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let by_source = stats::ingest_stats(&tx, tenant, from, to).await.gql()?;
        tx.commit().await.gql()?;
        let sum =
            |f: fn(&SourceStats) -> i64, list: &[SourceStats]| list.iter().map(f).sum::<i64>();
        let sources: Vec<SourceStats> = by_source.into_iter().map(SourceStats::from).collect();
        Ok(IngestStats {
            from,
            to,
            received: sum(|s| s.received, &sources),
            stored: sum(|s| s.stored, &sources),
            rejected: sum(|s| s.rejected, &sources),
            dead_lettered: sum(|s| s.dead_lettered, &sources),
            sources,
        })
    }

    /// The hosts that sent a tenant's events dated in `[from, to)` (by UTC day),
    /// least recently seen first: a source that went silent leads the list.
    async fn ingest_hosts(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> async_graphql::Result<Vec<IngestHost>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let hosts = stats::host_activity(&tx, tenant, from, to).await.gql()?;
        tx.commit().await.gql()?;
        Ok(hosts.into_iter().map(IngestHost::from).collect())
    }

    /// A tenant's ingest limit overrides.
    async fn ingest_limits(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<IngestLimits> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let limits = garrison_ingest::settings::get_ingest_limits(&tx, tenant)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(limits.into())
    }

    /// Searches a tenant's events, newest first.
    async fn events(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        filter: Option<EventFilter>,
        first: Option<i32>,
        after: Option<String>,
    ) -> async_graphql::Result<EventConnection> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let filter = filter.unwrap_or_default();
        let filter = search::EventFilter {
            from: filter.from,
            to: filter.to,
            query: filter.query,
            host: filter.host,
            source: filter.source,
        };
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let page = search::search_events(&tx, tenant, filter.clone(), first, after.as_deref())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        let edges: Vec<EventEdge> = page
            .events
            .into_iter()
            .map(|e| EventEdge {
                cursor: cursor_of(e.seq),
                node: Event(e),
            })
            .collect();
        let page_info = PageInfo {
            has_next_page: page.has_next_page,
            has_previous_page: after.is_some(),
            start_cursor: edges.first().map(|e| e.cursor.clone()),
            end_cursor: edges.last().map(|e| e.cursor.clone()),
        };
        Ok(EventConnection {
            total_count: page.total_count.min(i64::MAX as u64) as i64,
            edges,
            page_info,
            search: (tenant, filter),
        })
    }
}

/// Positive integer argument, or an error naming it.
fn positive<T: TryFrom<i64>>(field: &str, value: Option<i64>) -> async_graphql::Result<Option<T>> {
    value
        .map(|v| {
            T::try_from(v)
                .ok()
                .filter(|_| v > 0)
                .ok_or_else(|| garrison_core::Error::invalid(field, "must be a positive number"))
        })
        .transpose()
        .gql()
}

/// Ingest writes.
#[derive(Default)]
pub struct IngestMutation;

#[Object]
impl IngestMutation {
    /// Creates an ingest token; its secret is in the answer and nowhere else, ever.
    async fn create_ingest_token(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        name: String,
        log_source: Option<LogSourceInput>,
    ) -> async_graphql::Result<CreatedIngestToken> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tags = log_source.unwrap_or_default().into();
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let (token, secret) = tokens::create_ingest_token(&tx, tenant, &name, tags)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(CreatedIngestToken {
            token: secret.expose().clone(),
            ingest_token: IngestToken(token),
        })
    }

    /// Revokes a token.
    async fn revoke_ingest_token(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<IngestToken> {
        let id = IngestTokenId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let token = tokens::revoke_ingest_token(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        if let Some(ingest) = &state.ingest {
            ingest.tokens.invalidate(&token.prefix);
        }
        Ok(IngestToken(token))
    }

    /// Changes the log-source tags a token applies to the events it sends.
    async fn set_ingest_token_log_source(
        &self,
        ctx: &Context<'_>,
        id: ID,
        log_source: LogSourceInput,
    ) -> async_graphql::Result<IngestToken> {
        let id = IngestTokenId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let token = tokens::set_token_log_source(&tx, id, log_source.into())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        if let Some(ingest) = &state.ingest {
            ingest.tokens.invalidate(&token.prefix);
        }
        Ok(IngestToken(token))
    }

    /// Binds a source address range (`10.1.0.0/16`, `2001:db8::/48`, or one address).
    async fn bind_syslog_source(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        cidr: String,
    ) -> async_graphql::Result<SyslogSource> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let source = sources::bind_syslog_source(&tx, tenant, &cidr)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        if let Some(ingest) = &state.ingest {
            ingest.sources.invalidate();
        }
        Ok(SyslogSource(source))
    }

    /// Sets a tenant's ingest limits (provider admins); `null` restores a default.
    async fn set_ingest_limits(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        events_per_second: Option<i64>,
        bytes_per_day: Option<i64>,
        retention_days: Option<i64>,
    ) -> async_graphql::Result<IngestLimits> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let limits = garrison_ingest::settings::IngestLimits {
            events_per_second: positive("eventsPerSecond", events_per_second)?,
            bytes_per_day: positive("bytesPerDay", bytes_per_day)?,
            retention_days: positive("retentionDays", retention_days)?,
        };
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let limits = garrison_ingest::settings::set_ingest_limits(&tx, tenant, limits)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        if let Some(ingest) = &state.ingest {
            ingest.directory.invalidate(tenant);
        }
        Ok(limits.into())
    }

    /// Removes a source binding.
    async fn unbind_syslog_source(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<SyslogSource> {
        let id = SyslogSourceId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let source = sources::unbind_syslog_source(&tx, id).await.gql()?;
        tx.commit().await.gql()?;
        if let Some(ingest) = &state.ingest {
            ingest.sources.invalidate();
        }
        Ok(SyslogSource(source))
    }
}
