//! `POST /webhooks/stripe`: the `Stripe-Signature` header is checked before
//! anything is read from the body (HMAC-SHA256 of `t.body` with the endpoint's
//! secret, any of several `v1` signatures, a 300 s tolerance on `t`), then an
//! event id already processed is refused, then invoice events update the stored
//! invoice and `invoice.payment_failed` notifies the tenant's account managers.

use crate::entity::{account, webhook_event};
use crate::invoices::save_invoice;
use crate::notices::notify_account_managers;
use chrono::{DateTime, TimeZone, Utc};
use garrison_core::db::Db;
use garrison_core::{Error, Scope, Secret, TenantId};
use hmac::{Hmac, Mac};
use sea_orm::{ActiveValue::Set, ColumnTrait};
use serde::Deserialize;
use sha2::Sha256;

/// How far a signature's timestamp may be from now.
pub const TOLERANCE_SECS: i64 = 300;

/// Why a webhook was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookRefusal {
    #[error("Stripe-Signature header: {0}")]
    Malformed(String),
    #[error("Stripe-Signature header: no signature matches")]
    BadSignature,
    #[error("Stripe-Signature header: timestamp outside the {TOLERANCE_SECS} s tolerance")]
    Stale,
    #[error("event {0} was already processed")]
    Replay(String),
}

/// Checks the header against the body. Constant-time comparison.
pub fn verify_signature(
    header: &str,
    body: &[u8],
    secret: &Secret<String>,
    now: DateTime<Utc>,
) -> std::result::Result<(), WebhookRefusal> {
    let mut timestamp: Option<i64> = None;
    let mut signatures: Vec<Vec<u8>> = Vec::new();
    for part in header.split(',') {
        let Some((k, v)) = part.trim().split_once('=') else {
            continue;
        };
        match k {
            "t" => {
                timestamp = Some(v.parse().map_err(|_| {
                    WebhookRefusal::Malformed(format!("`t={v}` is not a Unix time"))
                })?)
            }
            "v1" => {
                if let Ok(bytes) = hex::decode(v) {
                    signatures.push(bytes);
                }
            }
            _ => {}
        }
    }
    let t = timestamp.ok_or_else(|| WebhookRefusal::Malformed("no `t=`".into()))?;
    if signatures.is_empty() {
        return Err(WebhookRefusal::Malformed("no `v1=` signature".into()));
    }
    if (now.timestamp() - t).abs() > TOLERANCE_SECS {
        return Err(WebhookRefusal::Stale);
    }
    let matches = signatures.iter().any(|sig| {
        let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()) else {
            return false;
        };
        mac.update(t.to_string().as_bytes());
        mac.update(b".");
        mac.update(body);
        mac.verify_slice(sig).is_ok()
    });
    if matches {
        Ok(())
    } else {
        Err(WebhookRefusal::BadSignature)
    }
}

/// The header Stripe would send for `body` at `t` (tests and tooling).
pub fn sign(body: &[u8], secret: &Secret<String>, t: i64) -> String {
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.expose().as_bytes()) {
        Ok(m) => m,
        Err(_) => return String::new(),
    };
    mac.update(t.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("t={t},v1={}", hex::encode(mac.finalize().into_bytes()))
}

#[derive(Deserialize)]
struct Event {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    data: EventData,
}

#[derive(Deserialize)]
struct EventData {
    object: serde_json::Value,
}

/// What a verified webhook did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebhookOutcome {
    pub event_id: String,
    pub event_type: String,
    /// The tenant it concerned, when Garrison knows the customer.
    pub tenant: Option<TenantId>,
}

/// Either a refusal (the caller answers 400 or 409) or a boundary error.
#[derive(Debug, thiserror::Error)]
pub enum WebhookError {
    #[error(transparent)]
    Refused(#[from] WebhookRefusal),
    #[error(transparent)]
    Failed(#[from] Error),
}

/// Verifies, deduplicates and applies one delivery.
pub async fn handle_webhook(
    db: &Db,
    secret: &Secret<String>,
    signature: &str,
    body: &[u8],
    now: DateTime<Utc>,
) -> std::result::Result<WebhookOutcome, WebhookError> {
    verify_signature(signature, body, secret, now)?;
    let event: Event = serde_json::from_slice(body)
        .map_err(|e| WebhookRefusal::Malformed(format!("body is not a Stripe event: {e}")))?;
    let scope = Scope::system("billing-webhook");
    let tx = db.begin(&scope).await?;
    let seen = tx
        .select_catalog::<webhook_event::Entity>()
        .filter(webhook_event::Column::EventId.eq(&event.id))
        .count(&tx)
        .await?;
    if seen > 0 {
        return Err(WebhookRefusal::Replay(event.id).into());
    }
    tx.insert_catalog(webhook_event::ActiveModel {
        event_id: Set(event.id.clone()),
        event_type: Set(event.kind.clone()),
        received_at: Set(now),
    })
    .await?;
    let mut tenant = None;
    if event.kind.starts_with("invoice.") {
        let object = &event.data.object;
        let customer = object
            .get("customer")
            .and_then(|c| c.as_str())
            .unwrap_or("");
        let owner = tx
            .select::<account::Entity>()
            .filter(account::Column::StripeCustomerId.eq(customer))
            .one(&tx)
            .await?
            .map(|a| TenantId::from_uuid(a.tenant_id));
        if let (Some(t), Some(invoice)) = (owner, invoice_of(object)) {
            save_invoice(&tx, t, &invoice, now).await?;
            if event.kind == "invoice.payment_failed" {
                notify_account_managers(&tx, t, "payment_failed", &invoice, now).await?;
            }
            tenant = Some(t);
        } else {
            tracing::info!(event_id = %event.id, "stripe event for a customer Garrison does not know");
        }
    }
    tx.commit().await?;
    tracing::info!(event_id = %event.id, event_type = %event.kind, "stripe webhook applied");
    Ok(WebhookOutcome {
        event_id: event.id,
        event_type: event.kind,
        tenant,
    })
}

fn invoice_of(object: &serde_json::Value) -> Option<crate::invoices::Invoice> {
    let text = |k: &str| object.get(k).and_then(|v| v.as_str()).map(str::to_string);
    let int = |k: &str| object.get(k).and_then(|v| v.as_i64()).unwrap_or(0);
    let at = |k: &str| Utc.timestamp_opt(int(k), 0).single().unwrap_or_default();
    Some(crate::invoices::Invoice {
        stripe_id: text("id")?,
        number: text("number"),
        currency: text("currency").unwrap_or_default(),
        period_start: at("period_start"),
        period_end: at("period_end"),
        amount_due: int("amount_due"),
        amount_paid: int("amount_paid"),
        total: int("total"),
        status: text("status").unwrap_or_else(|| "draft".into()),
        hosted_url: text("hosted_invoice_url"),
        pdf_url: text("invoice_pdf"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secret() -> Secret<String> {
        Secret::new("whsec_test".to_string())
    }

    #[test]
    fn accepts_any_matching_v1_within_tolerance() {
        let now = Utc::now();
        let body = br#"{"id":"evt_1"}"#;
        let good = sign(body, &secret(), now.timestamp());
        assert_eq!(verify_signature(&good, body, &secret(), now), Ok(()));
        let sig = good.split_once(",v1=").map(|(_, s)| s).unwrap_or_default();
        let several = format!(
            "t={},v1={},v1={sig},v0=abc",
            now.timestamp(),
            "00".repeat(32)
        );
        assert_eq!(verify_signature(&several, body, &secret(), now), Ok(()));
        let later = now + chrono::Duration::seconds(TOLERANCE_SECS);
        assert_eq!(verify_signature(&good, body, &secret(), later), Ok(()));
    }

    #[test]
    fn refuses_wrong_stale_and_malformed() {
        let now = Utc::now();
        let body = br#"{"id":"evt_1"}"#;
        let good = sign(body, &secret(), now.timestamp());
        let other = Secret::new("whsec_other".to_string());
        assert_eq!(
            verify_signature(&good, body, &other, now),
            Err(WebhookRefusal::BadSignature)
        );
        assert_eq!(
            verify_signature(&good, br#"{"id":"evt_2"}"#, &secret(), now),
            Err(WebhookRefusal::BadSignature)
        );
        let stale = sign(body, &secret(), now.timestamp() - TOLERANCE_SECS - 1);
        assert_eq!(
            verify_signature(&stale, body, &secret(), now),
            Err(WebhookRefusal::Stale)
        );
        assert!(matches!(
            verify_signature("v1=abcd", body, &secret(), now),
            Err(WebhookRefusal::Malformed(_))
        ));
        assert!(matches!(
            verify_signature(&format!("t={}", now.timestamp()), body, &secret(), now),
            Err(WebhookRefusal::Malformed(_))
        ));
    }
}
