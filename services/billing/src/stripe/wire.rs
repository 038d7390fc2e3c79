//! The fields of Stripe's answers that Garrison reads (unknown fields are ignored).

use miniserde::Deserialize;

/// Any created object: its id.
#[derive(Debug, Deserialize)]
pub struct Created {
    pub id: String,
}

/// A Billing Meter.
#[derive(Debug, Deserialize)]
pub struct Meter {
    pub id: String,
    pub event_name: String,
}

/// `GET /v1/billing/meters`.
#[derive(Debug, Deserialize)]
pub struct MeterList {
    pub data: Vec<Meter>,
    pub has_more: bool,
}

/// A meter event as Stripe echoes it.
#[derive(Debug, Deserialize)]
pub struct MeterEvent {
    pub identifier: String,
}

/// An invoice.
#[derive(Debug, Clone, Deserialize)]
pub struct Invoice {
    pub id: String,
    pub number: Option<String>,
    pub customer: Option<String>,
    pub currency: String,
    pub period_start: i64,
    pub period_end: i64,
    pub amount_due: i64,
    pub amount_paid: i64,
    pub total: i64,
    pub status: Option<String>,
    pub hosted_invoice_url: Option<String>,
    pub invoice_pdf: Option<String>,
}

/// `GET /v1/invoices`.
#[derive(Debug, Deserialize)]
pub struct InvoiceList {
    pub data: Vec<Invoice>,
    pub has_more: bool,
}

/// A subscription with its items (`GET /v1/subscriptions/{id}`).
#[derive(Debug, Deserialize)]
pub struct Subscription {
    pub id: String,
    pub items: SubscriptionItemList,
}

/// The subscription's item list envelope.
#[derive(Debug, Deserialize)]
pub struct SubscriptionItemList {
    pub data: Vec<SubscriptionItem>,
}

/// One subscription item and the price it carries.
#[derive(Debug, Deserialize)]
pub struct SubscriptionItem {
    pub id: String,
    pub price: Created,
}
