//! The billing API: the plan catalogue and subscriptions (provider admins), a
//! tenant's billing account, invoices and computed invoice, and the account and
//! portfolio reports. Thin: the billing service authorises and computes.

use super::billing_report_types::{AccountReport, AccountReportSummary};
use super::billing_types::*;
use super::errors::GqlResult;
use super::{scope, state};
use crate::billing::{IngestLedger, ServiceSources, billing_mode};
use async_graphql::{Context, ID, Object};
use garrison_billing::period::{Month, local_date, zone};
use garrison_billing::{PlanId, account, estimate, invoices, plans, portfolio, report};
use garrison_core::{TenantId, tenants};

/// Billing reads.
#[derive(Default)]
pub struct BillingQuery;

#[Object]
impl BillingQuery {
    /// The provider's plan catalogue, by name (provider staff).
    async fn plans(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Plan>> {
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = plans::list_plans(&tx).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(Plan::from).collect())
    }

    /// The tenant's billing: its current subscription (today in its time zone),
    /// its plan history and whether its customers may read the account report.
    async fn billing_account(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<BillingAccount> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let history = plans::subscriptions(&tx, tenant).await.gql()?;
        let tz = zone(&tenants::get_tenant(&tx, tenant).await.gql()?.timezone);
        let today = local_date(state.clock.now(), tz);
        let customer_reports = account::customer_reports_enabled(&tx, tenant).await.gql()?;
        tx.commit().await.gql()?;
        let current = history.iter().rev().find(|s| s.starts_on <= today).cloned();
        Ok(BillingAccount {
            tenant_id,
            mode: billing_mode(&state.config).into(),
            current_subscription: current.map(TenantSubscription::from),
            subscriptions: history.into_iter().map(TenantSubscription::from).collect(),
            customer_reports,
        })
    }

    /// The month's invoice as Garrison computes it (`month` is `YYYY-MM` in the
    /// tenant's time zone); null when no plan was in force.
    async fn invoice_estimate(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        month: String,
    ) -> async_graphql::Result<Option<InvoiceEstimate>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let month = Month::parse("month", &month).gql()?;
        let state = state(ctx)?;
        let ledger = IngestLedger::new(state.db.clone());
        let computed = estimate::estimate_invoice(&state.db, scope(ctx)?, &ledger, tenant, month)
            .await
            .gql()?;
        let mode = billing_mode(&state.config);
        Ok(computed.map(|c| InvoiceEstimate::new(c, mode)))
    }

    /// The tenant's Stripe invoices, newest first.
    async fn invoices(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<Invoice>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = invoices::list_invoices(&tx, tenant, None).await.gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(Invoice::from).collect())
    }

    /// A tenant's account report for `month` (`YYYY-MM`).
    async fn account_report(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        month: String,
    ) -> async_graphql::Result<AccountReport> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let month = Month::parse("month", &month).gql()?;
        let state = state(ctx)?;
        let ledger = IngestLedger::new(state.db.clone());
        let sources = ServiceSources::new(state.db.clone());
        let now = state.clock.now();
        let r = report::account_report(
            &state.db,
            scope(ctx)?,
            &ledger,
            &sources,
            tenant,
            month,
            now,
        )
        .await
        .gql()?;
        Ok(AccountReport::new(r, billing_mode(&state.config)))
    }

    /// One line per tenant the caller reaches (an account manager's assigned tenants).
    async fn portfolio_report(
        &self,
        ctx: &Context<'_>,
        month: String,
    ) -> async_graphql::Result<Vec<AccountReportSummary>> {
        let month = Month::parse("month", &month).gql()?;
        let state = state(ctx)?;
        let ledger = IngestLedger::new(state.db.clone());
        let sources = ServiceSources::new(state.db.clone());
        let now = state.clock.now();
        let rows =
            portfolio::portfolio_report(&state.db, scope(ctx)?, &ledger, &sources, month, now)
                .await
                .gql()?;
        Ok(rows.into_iter().map(AccountReportSummary::from).collect())
    }
}

/// Billing writes (provider admins).
#[derive(Default)]
pub struct BillingMutation;

#[Object]
impl BillingMutation {
    /// Adds a plan to the catalogue.
    async fn create_plan(
        &self,
        ctx: &Context<'_>,
        input: PlanInput,
    ) -> async_graphql::Result<Plan> {
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let plan = plans::create_plan(&tx, input.into(), state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(plan.into())
    }

    /// Changes a plan's name, prices, allowance or SLA tier.
    async fn update_plan(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: PlanPatchInput,
    ) -> async_graphql::Result<Plan> {
        let id = PlanId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let plan = plans::update_plan(&tx, id, input.into(), state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(plan.into())
    }

    /// Puts the tenant on the plan from `startsOn` (its local date); a change in
    /// the middle of a month is prorated by day.
    async fn subscribe_tenant(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        plan_id: ID,
        starts_on: Date,
    ) -> async_graphql::Result<TenantSubscription> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let plan = PlanId::parse("planId", &plan_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let sub = plans::subscribe_tenant(&tx, tenant, plan, starts_on.0, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(sub.into())
    }

    /// Lets (or stops) the tenant's customer admins read its account report.
    async fn set_customer_reports(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        enabled: bool,
    ) -> async_graphql::Result<bool> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let set = account::set_customer_reports(&tx, tenant, enabled, state.clock.now())
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(set)
    }
}
