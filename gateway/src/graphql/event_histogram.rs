//! `events { histogram }`: a search's matching events counted per time bucket,
//! for the hunt page's chart. It reuses the search's own filter and scope, so it
//! counts exactly what the search would list.

use super::errors::GqlResult;
use super::ingest_types::EventConnection;
use super::{scope, state};
use async_graphql::{ComplexObject, Context, SimpleObject};
use chrono::{DateTime, Utc};
use garrison_ingest::search;

/// Matching events over time: `counts[i]` covers
/// `[from + i × bucketSeconds, from + (i + 1) × bucketSeconds)`, by event time.
#[derive(SimpleObject)]
pub struct EventHistogram {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub bucket_seconds: i64,
    pub counts: Vec<i64>,
}

#[ComplexObject]
impl EventConnection {
    /// The search's matches per time bucket over its whole range (not just this
    /// page); `buckets` from 1 to 500.
    async fn histogram(
        &self,
        ctx: &Context<'_>,
        #[graphql(default = 60)] buckets: i32,
    ) -> async_graphql::Result<EventHistogram> {
        let (tenant, filter) = &self.search;
        let buckets = u32::try_from(buckets).unwrap_or(0);
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let h = search::histogram(&tx, *tenant, filter, buckets)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(EventHistogram {
            from: h.from,
            to: h.to,
            bucket_seconds: h.bucket_secs,
            counts: h
                .counts
                .into_iter()
                .map(|c| i64::try_from(c).unwrap_or(i64::MAX))
                .collect(),
        })
    }
}
