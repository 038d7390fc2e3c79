//! `billing_invoices`: Stripe invoices as last fetched or announced by webhook.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "billing_invoices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub tenant_id: Uuid,
    #[sea_orm(primary_key, auto_increment = false)]
    pub stripe_id: String,
    pub number: Option<String>,
    pub currency: String,
    pub period_start: DateTimeUtc,
    pub period_end: DateTimeUtc,
    pub amount_due: i64,
    pub amount_paid: i64,
    pub total: i64,
    pub status: String,
    pub hosted_url: Option<String>,
    pub pdf_url: Option<String>,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
