//! The SLA API: policies, business calendars, reports and the overview; the CSV
//! report endpoint; and the `sla` field helper that alert and case types use.

use super::errors::GqlResult;
use super::severity::Severity;
use super::sla_report_types::*;
use super::sla_types::*;
use super::{GarrisonSchema, scope, state};
use crate::auth;
use crate::state::AppState;
use async_graphql::{Context, ID, Object};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use garrison_core::{Error, TenantId};
use garrison_sla::calendar::store as calendars;
use garrison_sla::{csv, policy, report};
use std::collections::HashMap;

/// SLA reads.
#[derive(Default)]
pub struct SlaQuery;

#[Object]
impl SlaQuery {
    /// The tenant's effective policy for every severity, most urgent first
    /// (`isDefault` where the tenant uses the default template).
    async fn sla_policies(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<SlaPolicy>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = policy::list_policies(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(SlaPolicy).collect())
    }

    /// The tenant's business hours (the default until one is set).
    async fn business_calendar(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<BusinessCalendar> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let calendar = calendars::get_calendar(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        Ok(BusinessCalendar(calendar))
    }

    /// The tenant's SLA figures over the clocks started in `[from, to)` (at most
    /// 400 days).
    async fn sla_report(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> async_graphql::Result<SlaReport> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let report = report::sla_report(&tx, tenant, from, to).await.gql()?;
        tx.commit().await.gql()?;
        Ok(report.into())
    }

    /// The tenant's MTTD/MTTA/MTTR figures per period (`[from, to)`, by clock
    /// start; 1 to 24 periods, each at most 400 days), in the order given: a trend
    /// in one request.
    async fn sla_trend(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        periods: Vec<SlaPeriodInput>,
    ) -> async_graphql::Result<Vec<SlaPeriodFigures>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let ranges: Vec<(DateTime<Utc>, DateTime<Utc>)> =
            periods.iter().map(|p| (p.from, p.to)).collect();
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let figures = report::sla_trend(&tx, tenant, &ranges).await.gql()?;
        tx.commit().await.gql()?;
        Ok(ranges
            .into_iter()
            .zip(figures)
            .map(|((from, to), m)| SlaPeriodFigures::new(from, to, &m))
            .collect())
    }

    /// One row per tenant in the caller's scope, by name.
    async fn sla_overview(
        &self,
        ctx: &Context<'_>,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> async_graphql::Result<Vec<SlaOverviewRow>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let rows = report::sla_overview(&tx, from, to).await.gql()?;
        tx.commit().await.gql()?;
        Ok(rows.into_iter().map(SlaOverviewRow::from).collect())
    }
}

/// SLA writes (provider admins).
#[derive(Default)]
pub struct SlaMutation;

#[Object]
impl SlaMutation {
    /// Overrides the tenant's targets for one severity. Running clocks keep theirs.
    async fn set_sla_policy(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        severity: Severity,
        input: SlaPolicyInput,
    ) -> async_graphql::Result<SlaPolicy> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let set = policy::set_policy(
            &tx,
            tenant,
            severity.into(),
            input.into(),
            state.clock.now(),
        )
        .await
        .gql()?;
        tx.commit().await.gql()?;
        Ok(SlaPolicy(set))
    }

    /// Replaces the tenant's business hours.
    async fn set_business_calendar(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        input: BusinessCalendarInput,
    ) -> async_graphql::Result<BusinessCalendar> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let set = calendars::set_calendar(&tx, tenant, input.into(), state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(BusinessCalendar(set))
    }
}

/// The current SLA clocks of an alert or case, for an `sla` field on its type:
/// `async fn sla(&self, ctx) -> Result<Vec<SlaInstance>> { sla::sla_instances(ctx,
/// Subject { kind: SubjectKind::Alert, id, tenant }).await }`. Reads "now" from
/// the app's clock, so tests that step it see the remaining time they expect.
pub(crate) async fn sla_instances(
    ctx: &Context<'_>,
    subject: garrison_sla::Subject,
) -> async_graphql::Result<Vec<SlaInstance>> {
    let state = state(ctx)?;
    let now = state.clock.now();
    let tx = state.db.begin(scope(ctx)?).await.gql()?;
    let views = garrison_sla::clocks::subject_sla(&tx, subject, now)
        .await
        .gql()?;
    tx.commit().await.gql()?;
    Ok(views.into_iter().map(SlaInstance).collect())
}

/// `GET /reports/sla.csv?tenant=<id>&from=<rfc3339>&to=<rfc3339>`: the report's
/// clocks as CSV, with the same bearer auth as `/graphql`. 401 without a valid
/// token, 404 for a tenant outside the caller's scope, 400 naming a bad parameter.
pub async fn sla_csv(
    State((state, _schema)): State<(AppState, GarrisonSchema)>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let scope = match auth::scope_from_headers(&state, &headers).await {
        Ok(scope) => scope,
        Err(e) => return crate::http::error_with_field(e),
    };
    let parsed = (|| {
        let tenant = TenantId::parse("tenant", required(&params, "tenant")?)?;
        let from = instant(&params, "from")?;
        let to = instant(&params, "to")?;
        Ok::<_, Error>((tenant, from, to))
    })();
    let (tenant, from, to) = match parsed {
        Ok(p) => p,
        Err(e) => return crate::http::error_with_field(e),
    };
    let result = async {
        let tx = state.db.begin(&scope).await?;
        let report = report::sla_report(&tx, tenant, from, to).await?;
        tx.commit().await?;
        Ok::<_, Error>(report)
    }
    .await;
    match result {
        Ok(report) => {
            let name = format!(
                "attachment; filename=\"sla-{tenant}-{}-{}.csv\"",
                from.format("%Y%m%d"),
                to.format("%Y%m%d")
            );
            let mut response = csv::report_csv(&report).into_response();
            let h = response.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/csv; charset=utf-8"),
            );
            if let Ok(value) = HeaderValue::from_str(&name) {
                h.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(e) => crate::http::error_with_field(e),
    }
}

fn required<'a>(params: &'a HashMap<String, String>, name: &str) -> Result<&'a str, Error> {
    params
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.trim().is_empty())
        .ok_or_else(|| Error::invalid(name, "is required"))
}

/// An RFC 3339 instant. A `+` in an offset arrives as a space when the caller did
/// not percent-encode it, so a space is read back as `+`.
fn instant(params: &HashMap<String, String>, name: &str) -> Result<DateTime<Utc>, Error> {
    let raw = required(params, name)?.trim().replace(' ', "+");
    DateTime::parse_from_rfc3339(&raw)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            Error::invalid(
                name,
                format!("`{raw}` is not an RFC 3339 time (e.g. 2026-01-31T00:00:00Z)"),
            )
        })
}
