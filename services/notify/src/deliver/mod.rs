//! Delivery: the worker claims due outbox rows in bounded batches
//! ([`run::deliver_due`]), sends each in its endpoint's format, and records every
//! attempt in the delivery log. Failures retry with exponential backoff and
//! jitter; a failing endpoint's circuit opens so it costs one request per backoff
//! step, not one per queued event; a 410 Gone disables the endpoint.

pub mod format;
pub mod guard;
mod outcome;
mod record;
pub mod run;
pub mod smtp;

use crate::endpoint::store::ProviderTest;
use crate::endpoint::{EndpointKind, Routable};
use crate::event::NotificationEvent;
use chrono::{DateTime, Utc};
use garrison_core::{Error, Result, Secret};
use smtp::SmtpRelay;
use std::time::{Duration, Instant};

pub use run::{DeliveryStats, deliver_due};

/// Waits before retry `n` (1-based): 30 s, 2 min, 10 min, 1 h, then 6 h.
pub const BACKOFF_SECS: [i64; 5] = [30, 120, 600, 3600, 6 * 3600];
/// A row is dead after this many failed attempts.
pub const MAX_ATTEMPTS: i32 = 6;
/// Each request's time limit.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(5);

/// The wait before retry `attempt` (1-based), plus 0-10% jitter derived from
/// `seed` (a row or endpoint id), so retries spread out yet are reproducible.
pub fn backoff(attempt: i32, seed: uuid::Uuid) -> chrono::Duration {
    let index = (attempt.max(1) as usize - 1).min(BACKOFF_SECS.len() - 1);
    let base = BACKOFF_SECS[index];
    let mixed = (seed.as_u128() as u64) ^ (attempt as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let permille = (mixed.wrapping_mul(0xBF58_476D_1CE4_E5B9) >> 33) % 101;
    chrono::Duration::milliseconds(base * 1000 + base * permille as i64)
}

/// What the delivery worker needs from configuration.
#[derive(Debug, Clone, Default)]
pub struct DeliverySettings {
    /// `smtp://host[:port]`; without it email endpoints cannot exist.
    pub smtp_url: Option<Secret<String>>,
    /// The sender address of emails.
    pub smtp_from: String,
    /// The console's public URL, to make links absolute in messages.
    pub console_url: Option<String>,
    /// Let webhooks reach loopback and private networks (off: see [`guard`]).
    pub allow_private_targets: bool,
}

/// The shared sender: one HTTP client (rustls, 5 s timeout, no redirects) and
/// the SMTP relay when configured.
#[derive(Debug, Clone)]
pub struct DeliveryClient {
    http: reqwest::Client,
    smtp: Option<SmtpRelay>,
    console_url: Option<String>,
    allow_private_targets: bool,
}

impl DeliveryClient {
    /// Builds the client; a bad SMTP setting names it.
    pub fn new(settings: &DeliverySettings) -> Result<DeliveryClient> {
        let mut http = reqwest::Client::builder();
        if !settings.allow_private_targets {
            http = http.dns_resolver(std::sync::Arc::new(guard::PublicOnly));
        }
        let http = http
            .timeout(REQUEST_TIMEOUT)
            .connect_timeout(REQUEST_TIMEOUT)
            // A redirect could carry the signed body somewhere the endpoint's
            // owner never named.
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("Garrison-Notify/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| Error::internal(format!("http client: {e}")))?;
        let smtp = match &settings.smtp_url {
            Some(url) => Some(SmtpRelay::parse(
                "notify.smtp_url",
                url.expose(),
                &settings.smtp_from,
            )?),
            None => None,
        };
        Ok(DeliveryClient {
            http,
            smtp,
            console_url: settings.console_url.clone(),
            allow_private_targets: settings.allow_private_targets,
        })
    }

    /// Whether email endpoints can be delivered.
    pub fn email_enabled(&self) -> bool {
        self.smtp.is_some()
    }
}

/// How one attempt went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    Delivered,
    /// 410 Gone: the receiver asks never to be called again.
    Gone,
    Failed,
}

/// One attempt's record.
#[derive(Debug, Clone)]
pub(crate) struct Sent {
    pub verdict: Verdict,
    pub status: Option<i32>,
    pub error: Option<String>,
    pub latency_ms: i64,
}

/// Sends one event to one endpoint. `delivery_id` is the outbox row id (stable
/// across retries); `now` stamps `Garrison-Timestamp`.
pub(crate) async fn send(
    client: &DeliveryClient,
    endpoint: &Routable,
    tenant: Option<uuid::Uuid>,
    delivery_id: uuid::Uuid,
    event: &NotificationEvent,
    now: DateTime<Utc>,
) -> Sent {
    let started = Instant::now();
    let console = client.console_url.as_deref();
    let target = &endpoint.endpoint.target;
    let (verdict, status, error) = match endpoint.endpoint.kind {
        EndpointKind::Email => match &client.smtp {
            None => (
                Verdict::Failed,
                None,
                Some("no SMTP relay is configured".into()),
            ),
            Some(relay) => {
                let (subject, body) = format::email_text(tenant, event, console, now);
                let message_id = delivery_id.to_string();
                let sending = smtp::send_mail(relay, target, &subject, &body, &message_id);
                match tokio::time::timeout(REQUEST_TIMEOUT, sending).await {
                    Ok(Ok(code)) => (Verdict::Delivered, Some(i32::from(code)), None),
                    Ok(Err(f)) => (Verdict::Failed, f.code.map(i32::from), Some(f.message)),
                    Err(_) => (Verdict::Failed, None, Some("timed out after 5 s".into())),
                }
            }
        },
        _ if !client.allow_private_targets && guard::internal_literal(target).is_some() => (
            Verdict::Failed,
            None,
            Some("the target is an internal address (notify.allow_private_targets is off)".into()),
        ),
        kind => {
            let body = match kind {
                EndpointKind::Slack => format::slack_body(tenant, event, console),
                EndpointKind::Teams => format::teams_body(tenant, event, console),
                _ => format::webhook_body(delivery_id, tenant, event, console),
            };
            let mut request = client
                .http
                .post(target)
                .header(reqwest::header::CONTENT_TYPE, "application/json");
            if kind == EndpointKind::Webhook {
                let timestamp = now.timestamp();
                let signature = endpoint
                    .secret
                    .as_ref()
                    .map(|s| format::signature(s.expose(), timestamp, &body))
                    .unwrap_or_default();
                request = request
                    .header("Garrison-Event", event.kind.as_str())
                    .header("Garrison-Delivery", delivery_id.to_string())
                    .header("Garrison-Timestamp", timestamp.to_string())
                    .header("Garrison-Signature", signature);
            }
            match request.body(body).send().await {
                Ok(response) => {
                    let code = response.status().as_u16();
                    let verdict = match code {
                        200..=299 => Verdict::Delivered,
                        410 => Verdict::Gone,
                        _ => Verdict::Failed,
                    };
                    let error = (verdict != Verdict::Delivered)
                        .then(|| format!("the receiver answered HTTP {code}"));
                    (verdict, Some(i32::from(code)), error)
                }
                Err(e) => {
                    let message = if e.is_timeout() {
                        "timed out after 5 s".to_string()
                    } else if e.is_connect() {
                        "could not connect".to_string()
                    } else {
                        // Without the URL: a Slack or Teams URL is itself a credential.
                        format!("request failed: {}", e.without_url())
                    };
                    (Verdict::Failed, None, Some(message))
                }
            }
        }
    };
    Sent {
        verdict,
        status,
        error,
        latency_ms: started.elapsed().as_millis().min(i64::MAX as u128) as i64,
    }
}

/// Sends a provider-wide endpoint's test at once (it has no tenant, so no
/// outbox row). A failure is `unavailable`, with the receiver's answer.
pub async fn send_test(
    client: &DeliveryClient,
    test: ProviderTest,
    now: DateTime<Utc>,
) -> Result<()> {
    let event = NotificationEvent::test(now);
    let sent = send(client, &test.0, None, uuid::Uuid::now_v7(), &event, now).await;
    match sent.verdict {
        Verdict::Delivered => Ok(()),
        _ => Err(Error::Unavailable(
            sent.error
                .unwrap_or_else(|| "the test was not delivered".into()),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_with_bounded_jitter() {
        let seed = uuid::Uuid::now_v7();
        for (i, base) in BACKOFF_SECS.iter().enumerate() {
            let wait = backoff(i as i32 + 1, seed).num_milliseconds();
            assert!(wait >= base * 1000 && wait <= base * 1100, "{i}: {wait}");
        }
        assert_eq!(backoff(9, seed), backoff(9, seed), "reproducible");
        assert!(backoff(9, seed).num_seconds() >= 6 * 3600);
    }
}
