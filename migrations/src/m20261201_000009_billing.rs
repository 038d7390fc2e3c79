//! Billing: the provider's plan catalogue and the Stripe objects shared by every
//! tenant (catalogue tables, no tenant), and per tenant its subscriptions, billing
//! account (Stripe ids, report flag), the meter events sent, invoices, and the
//! notices for account managers. Processed webhook event ids are platform-wide
//! (a Stripe event may name no tenant we know), so that table is catalogue too.

use crate::sql;
use sea_orm_migration::prelude::*;

pub struct Migration;

impl MigrationName for Migration {
    fn name(&self) -> &str {
        "m20261201_000009_billing"
    }
}

const CATALOG_TABLES: [&str; 3] = [
    "billing_plans",
    "billing_stripe_objects",
    "billing_webhook_events",
];
const TENANT_TABLES: [&str; 5] = [
    "billing_subscriptions",
    "billing_accounts",
    "billing_meter_pushes",
    "billing_invoices",
    "billing_notices",
];

fn ddl(postgres: bool) -> Vec<String> {
    let (uuid, ts) = if postgres {
        ("UUID", "TIMESTAMPTZ")
    } else {
        ("BLOB", "TEXT")
    };
    vec![
        format!(
            "CREATE TABLE billing_plans (
                id {uuid} PRIMARY KEY NOT NULL,
                name TEXT NOT NULL UNIQUE,
                currency TEXT NOT NULL,
                base_fee_minor BIGINT NOT NULL,
                endpoint_price_minor BIGINT NOT NULL,
                included_gb BIGINT NOT NULL,
                overage_gb_price_minor BIGINT NOT NULL,
                sla_tier TEXT NOT NULL,
                created_at {ts} NOT NULL,
                updated_at {ts} NOT NULL
            )"
        ),
        // Stripe objects Garrison created once for everyone: meters, and prices per plan.
        format!(
            "CREATE TABLE billing_stripe_objects (
                key TEXT PRIMARY KEY NOT NULL,
                stripe_id TEXT NOT NULL,
                created_at {ts} NOT NULL
            )"
        ),
        format!(
            "CREATE TABLE billing_webhook_events (
                event_id TEXT PRIMARY KEY NOT NULL,
                event_type TEXT NOT NULL,
                received_at {ts} NOT NULL
            )"
        ),
        format!(
            "CREATE TABLE billing_subscriptions (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                plan_id {uuid} NOT NULL REFERENCES billing_plans(id),
                starts_on TEXT NOT NULL,
                created_at {ts} NOT NULL
            )"
        ),
        "CREATE UNIQUE INDEX billing_subscriptions_start ON billing_subscriptions (tenant_id, starts_on)".into(),
        format!(
            "CREATE TABLE billing_accounts (
                tenant_id {uuid} PRIMARY KEY NOT NULL REFERENCES tenants(id),
                customer_reports BOOLEAN NOT NULL,
                stripe_customer_id TEXT NULL,
                stripe_subscription_id TEXT NULL,
                stripe_plan_id {uuid} NULL,
                updated_at {ts} NOT NULL
            )"
        ),
        format!(
            "CREATE TABLE billing_meter_pushes (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                identifier TEXT NOT NULL,
                meter TEXT NOT NULL,
                period_start {ts} NOT NULL,
                value TEXT NOT NULL,
                sent_at {ts} NOT NULL,
                PRIMARY KEY (tenant_id, identifier)
            )"
        ),
        "CREATE INDEX billing_meter_pushes_period ON billing_meter_pushes (tenant_id, meter, period_start)".into(),
        format!(
            "CREATE TABLE billing_invoices (
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                stripe_id TEXT NOT NULL,
                number TEXT NULL,
                currency TEXT NOT NULL,
                period_start {ts} NOT NULL,
                period_end {ts} NOT NULL,
                amount_due BIGINT NOT NULL,
                amount_paid BIGINT NOT NULL,
                total BIGINT NOT NULL,
                status TEXT NOT NULL,
                hosted_url TEXT NULL,
                pdf_url TEXT NULL,
                updated_at {ts} NOT NULL,
                PRIMARY KEY (tenant_id, stripe_id)
            )"
        ),
        format!(
            "CREATE TABLE billing_notices (
                id {uuid} PRIMARY KEY NOT NULL,
                tenant_id {uuid} NOT NULL REFERENCES tenants(id),
                kind TEXT NOT NULL,
                detail TEXT NOT NULL,
                created_at {ts} NOT NULL
            )"
        ),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let statements = ddl(sql::is_postgres(manager));
        sql::create_tenant_tables(manager, &statements, &TENANT_TABLES).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let drops: Vec<String> = TENANT_TABLES
            .iter()
            .rev()
            .chain(CATALOG_TABLES.iter().rev())
            .map(|t| format!("DROP TABLE {t}"))
            .collect();
        let refs: Vec<&str> = drops.iter().map(String::as_str).collect();
        sql::run(manager, &refs).await
    }
}
