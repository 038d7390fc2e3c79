//! Creates what is missing in Stripe, once: the two Billing Meters, three Prices
//! per plan (a licensed base fee and two metered prices on the meters), and per
//! tenant one Customer and one Subscription, whose items move to a new plan's
//! prices when the tenant's plan changes. What was created is recorded before
//! anything else is done with it; creates carry idempotency keys derived from what
//! they create, so a retry or a crash between create and record cannot duplicate.

use super::client::{StripeApi, StripeFailure};
use super::wire::{Created, Meter, MeterList, Subscription};
use super::{METER_ENDPOINTS, METER_GB};
use crate::entity::stripe_object;
use crate::plans::Plan;
use chrono::{DateTime, Utc};
use garrison_core::db::Db;
use garrison_core::{Result, Scope, TenantId};
use sea_orm::{ActiveValue::Set, ColumnTrait};
use std::collections::HashMap;
use std::str::FromStr;
use stripe_billing::billing_meter::{
    CreateBillingMeter, CreateBillingMeterDefaultAggregation,
    CreateBillingMeterDefaultAggregationFormula, ListBillingMeter,
};
use stripe_billing::subscription::{
    CreateSubscription, CreateSubscriptionItems, RetrieveSubscription, UpdateSubscription,
    UpdateSubscriptionItems, UpdateSubscriptionProrationBehavior,
};
use stripe_core::customer::CreateCustomer;
use stripe_product::price::{
    CreatePrice, CreatePriceProductData, CreatePriceRecurring, CreatePriceRecurringInterval,
    CreatePriceRecurringUsageType, CreatePriceTiers, CreatePriceTiersUpTo,
};

/// The Stripe ids of the two meters.
#[derive(Debug, Clone)]
pub struct Meters {
    pub gb: String,
    pub endpoints: String,
}

/// A plan's three prices.
#[derive(Debug, Clone)]
pub struct PlanPrices {
    pub base: String,
    pub gb: String,
    pub endpoints: String,
}

/// The recorded Stripe id for `key`, if created before.
pub(crate) async fn recorded(db: &Db, key: &str) -> Result<Option<String>> {
    let scope = Scope::system("billing-sync");
    let tx = db.begin(&scope).await?;
    let row = tx
        .select_catalog::<stripe_object::Entity>()
        .filter(stripe_object::Column::Key.eq(key))
        .one(&tx)
        .await?;
    tx.commit().await?;
    Ok(row.map(|r| r.stripe_id))
}

async fn record(db: &Db, key: &str, id: &str, now: DateTime<Utc>) -> Result<()> {
    let scope = Scope::system("billing-sync");
    let tx = db.begin(&scope).await?;
    tx.insert_catalog(stripe_object::ActiveModel {
        key: Set(key.to_string()),
        stripe_id: Set(id.to_string()),
        created_at: Set(now),
    })
    .await?;
    tx.commit().await
}

/// Both meters, found in Stripe by event name or created.
pub async fn ensure_meters(db: &Db, api: &StripeApi, now: DateTime<Utc>) -> Result<Meters> {
    let mut ids = HashMap::new();
    let mut listed: Option<Vec<Meter>> = None;
    for (event_name, formula, display) in [
        (
            METER_GB,
            CreateBillingMeterDefaultAggregationFormula::Sum,
            "Data ingested (GB)",
        ),
        (
            METER_ENDPOINTS,
            CreateBillingMeterDefaultAggregationFormula::Last,
            "Endpoints monitored",
        ),
    ] {
        let key = format!("meter:{event_name}");
        if let Some(id) = recorded(db, &key).await? {
            ids.insert(event_name, id);
            continue;
        }
        // Reconcile first: a meter made by an earlier run that died before recording it.
        if listed.is_none() {
            let list: MeterList = api
                .send("list meters", &ListBillingMeter::new().limit(100), None)
                .await?;
            listed = Some(list.data);
        }
        let found = listed
            .as_ref()
            .and_then(|l| l.iter().find(|m| m.event_name == event_name))
            .map(|m| m.id.clone());
        let id = match found {
            Some(id) => id,
            None => {
                let create = CreateBillingMeter::new(
                    CreateBillingMeterDefaultAggregation::new(formula),
                    display,
                    event_name,
                );
                let made: Created = api
                    .send(
                        "create meter",
                        &create,
                        Some(&format!("garrison-meter-{event_name}")),
                    )
                    .await?;
                made.id
            }
        };
        record(db, &key, &id, now).await?;
        ids.insert(event_name, id);
    }
    let take = |name: &str| ids.get(name).cloned().unwrap_or_default();
    Ok(Meters {
        gb: take(METER_GB),
        endpoints: take(METER_ENDPOINTS),
    })
}

/// The plan's prices, created when missing.
pub async fn ensure_prices(
    db: &Db,
    api: &StripeApi,
    plan: &Plan,
    meters: &Meters,
    now: DateTime<Utc>,
) -> Result<PlanPrices> {
    let currency = stripe_types::Currency::from_str(&plan.currency)
        .map_err(|_| garrison_core::Error::invalid("currency", "unknown"))?;
    let product = |suffix: &str| {
        let mut data = CreatePriceProductData::new(format!("{} {suffix}", plan.name));
        data.metadata = Some(HashMap::from([(
            "garrison_plan".to_string(),
            plan.id.to_string(),
        )]));
        data
    };
    let metered = |meter: &str| {
        let mut r = CreatePriceRecurring::new(CreatePriceRecurringInterval::Month);
        r.meter = Some(meter.to_string());
        r.usage_type = Some(CreatePriceRecurringUsageType::Metered);
        r
    };
    let base = CreatePrice::new(currency.clone())
        .unit_amount(plan.base_fee_minor)
        .recurring(CreatePriceRecurring::new(
            CreatePriceRecurringInterval::Month,
        ))
        .product_data(product("base fee"));
    // Graduated tiers: the included GB are free, every GB beyond at the overage price.
    let mut free = CreatePriceTiers::new(CreatePriceTiersUpTo::I64(plan.included_gb.max(1)));
    free.unit_amount = Some(0);
    let mut over = CreatePriceTiers::new(CreatePriceTiersUpTo::Inf);
    over.unit_amount = Some(plan.overage_gb_price_minor);
    let gb = CreatePrice::new(currency.clone())
        .billing_scheme(stripe_product::PriceBillingScheme::Tiered)
        .tiers_mode(stripe_product::PriceTiersMode::Graduated)
        .tiers(vec![free, over])
        .recurring(metered(&meters.gb))
        .product_data(product("data (GB)"));
    let endpoints = CreatePrice::new(currency)
        .unit_amount(plan.endpoint_price_minor)
        .recurring(metered(&meters.endpoints))
        .product_data(product("endpoints"));
    let base = ensure_price(db, api, plan, "base", &base, now).await?;
    let gb = ensure_price(db, api, plan, "gb", &gb, now).await?;
    let endpoints = ensure_price(db, api, plan, "endpoints", &endpoints, now).await?;
    Ok(PlanPrices {
        base,
        gb,
        endpoints,
    })
}

async fn ensure_price(
    db: &Db,
    api: &StripeApi,
    plan: &Plan,
    kind: &str,
    create: &CreatePrice,
    now: DateTime<Utc>,
) -> Result<String> {
    // Prices are immutable in Stripe: a changed plan gets new ones (its update time keys them).
    let version = plan.updated_at.timestamp();
    let key = format!("price:{}:{kind}:{version}", plan.id);
    if let Some(id) = recorded(db, &key).await? {
        return Ok(id);
    }
    let made: Created = api
        .send("create price", create, Some(&format!("garrison-{key}")))
        .await?;
    record(db, &key, &made.id, now).await?;
    Ok(made.id)
}

/// Creates the tenant's customer.
pub async fn create_customer(
    api: &StripeApi,
    tenant: TenantId,
    name: &str,
) -> std::result::Result<String, StripeFailure> {
    let create = CreateCustomer::new().name(name).metadata(HashMap::from([(
        "garrison_tenant".to_string(),
        tenant.to_string(),
    )]));
    let made: Created = api
        .send(
            "create customer",
            &create,
            Some(&format!("garrison-customer-{tenant}")),
        )
        .await?;
    Ok(made.id)
}

/// Creates the tenant's subscription to the plan's prices, its periods anchored on
/// `anchor` (the next 1st at local midnight), the first partial period prorated.
pub async fn create_subscription(
    api: &StripeApi,
    tenant: TenantId,
    customer: &str,
    plan: &Plan,
    prices: &PlanPrices,
    anchor: DateTime<Utc>,
) -> std::result::Result<String, StripeFailure> {
    let item = |price: &str| {
        let mut i = CreateSubscriptionItems::new();
        i.price = Some(price.to_string());
        i
    };
    let create = CreateSubscription::new()
        .customer(customer)
        .items(vec![
            item(&prices.base),
            item(&prices.gb),
            item(&prices.endpoints),
        ])
        .billing_cycle_anchor(anchor.timestamp())
        .metadata(HashMap::from([
            ("garrison_tenant".to_string(), tenant.to_string()),
            ("garrison_plan".to_string(), plan.id.to_string()),
        ]));
    let made: Created = api
        .send(
            "create subscription",
            &create,
            Some(&format!("garrison-subscription-{tenant}-{}", plan.id)),
        )
        .await?;
    Ok(made.id)
}

/// The prices ever created for `plan` (any version), by Stripe id: `base`, `gb`
/// or `endpoints`.
async fn recorded_prices(db: &Db, plan: uuid::Uuid) -> Result<HashMap<String, String>> {
    let scope = Scope::system("billing-sync");
    let tx = db.begin(&scope).await?;
    let prefix = format!("price:{plan}:");
    let rows = tx
        .select_catalog::<stripe_object::Entity>()
        .filter(stripe_object::Column::Key.starts_with(&prefix))
        .all(&tx)
        .await?;
    tx.commit().await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let kind = r.key.strip_prefix(&prefix)?.split(':').next()?.to_string();
            Some((r.stripe_id, kind))
        })
        .collect())
}

/// Moves the tenant's subscription from `old_plan`'s prices to `plan`'s: each
/// item carrying an old price gets the new price of the same kind (a missing
/// kind is added), prorated from `from` (the new plan's first local midnight,
/// or the current period's start if that is later), as the local estimate
/// prorates a mid-month change by days. Items Garrison did not create are left.
#[allow(clippy::too_many_arguments)]
pub async fn change_subscription_plan(
    db: &Db,
    api: &StripeApi,
    tenant: TenantId,
    subscription: &str,
    old_plan: Option<uuid::Uuid>,
    plan: &Plan,
    prices: &PlanPrices,
    from: DateTime<Utc>,
) -> Result<()> {
    let current: Subscription = api
        .send(
            "retrieve subscription",
            &RetrieveSubscription::new(subscription),
            None,
        )
        .await?;
    let old = match old_plan {
        Some(p) => recorded_prices(db, p).await?,
        None => HashMap::new(),
    };
    let mut items = Vec::new();
    for (kind, price) in [
        ("base", &prices.base),
        ("gb", &prices.gb),
        ("endpoints", &prices.endpoints),
    ] {
        let mut item = UpdateSubscriptionItems::new();
        item.id = current
            .items
            .data
            .iter()
            .find(|i| old.get(&i.price.id).is_some_and(|k| k == kind))
            .map(|i| i.id.clone());
        item.price = Some(price.clone());
        items.push(item);
    }
    let update = UpdateSubscription::new(subscription)
        .items(items)
        .proration_behavior(UpdateSubscriptionProrationBehavior::CreateProrations)
        .proration_date(from.timestamp())
        .metadata(HashMap::from([
            ("garrison_tenant".to_string(), tenant.to_string()),
            ("garrison_plan".to_string(), plan.id.to_string()),
        ]));
    let _: Created = api
        .send(
            "update subscription",
            &update,
            Some(&format!(
                "garrison-subscription-{tenant}-{}-{}",
                plan.id,
                from.timestamp()
            )),
        )
        .await?;
    Ok(())
}
