//! The Stripe client and the retry loop: transient failures (connection errors,
//! timeouts, 409/429/5xx) are retried with exponential backoff under one
//! idempotency key, so a retried create never creates twice.

use garrison_core::Secret;
use std::time::Duration;
use stripe::{IdempotencyKey, RequestStrategy, StripeError, StripeRequest};

/// How often and how patiently to retry.
#[derive(Debug, Clone, Copy)]
pub struct RetryPolicy {
    /// Attempts in all (at least 1).
    pub attempts: u32,
    /// Wait before the second attempt; doubled each time after.
    pub base_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            attempts: 4,
            base_delay: Duration::from_millis(500),
        }
    }
}

/// Why a Stripe call failed (after retries).
#[derive(Debug, thiserror::Error)]
pub enum StripeFailure {
    #[error("stripe refused {what}: {message} (status {status})")]
    Refused {
        what: String,
        status: u16,
        message: String,
    },
    #[error("stripe unreachable for {what}: {message}")]
    Unreachable { what: String, message: String },
    #[error("stripe configuration: {0}")]
    Config(String),
}

impl From<StripeFailure> for garrison_core::Error {
    fn from(f: StripeFailure) -> Self {
        match f {
            StripeFailure::Unreachable { .. } => {
                tracing::warn!(error = %f, "stripe unavailable");
                garrison_core::Error::Unavailable("stripe".into())
            }
            other => garrison_core::Error::internal(other),
        }
    }
}

/// A configured Stripe client. Its `Debug` never shows the key.
pub struct StripeApi {
    client: stripe::Client,
    retry: RetryPolicy,
}

impl std::fmt::Debug for StripeApi {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StripeApi")
            .field("retry", &self.retry)
            .finish()
    }
}

impl StripeApi {
    /// A client for `api_base` (e.g. `https://api.stripe.com/`) with the secret key.
    pub fn new(
        api_base: &str,
        secret_key: &Secret<String>,
        retry: RetryPolicy,
    ) -> Result<StripeApi, StripeFailure> {
        let mut base = api_base.trim().to_string();
        if !base.ends_with('/') {
            base.push('/');
        }
        let client = stripe::ClientBuilder::new(secret_key.expose().as_str())
            .url(base)
            .request_strategy(RequestStrategy::Once)
            .build()
            .map_err(|e| StripeFailure::Config(e.to_string()))?;
        Ok(StripeApi { client, retry })
    }

    /// Sends `request`, reading the answer as `T`; retries transient failures.
    /// `idempotency` makes a create safe to retry (and to repeat after a crash).
    pub(crate) async fn send<R, T>(
        &self,
        what: &str,
        request: &R,
        idempotency: Option<&str>,
    ) -> Result<T, StripeFailure>
    where
        R: StripeRequest,
        T: miniserde::Deserialize,
    {
        let key = match idempotency {
            Some(k) => {
                Some(IdempotencyKey::new(k).map_err(|e| StripeFailure::Config(format!("{e:?}")))?)
            }
            None => None,
        };
        let attempts = self.retry.attempts.max(1);
        let mut delay = self.retry.base_delay;
        let mut attempt = 1;
        loop {
            let mut call = request.build().customize::<T>();
            if let Some(k) = &key {
                call = call.request_strategy(RequestStrategy::Idempotent(k.clone()));
            }
            let failure = match call.send(&self.client).await {
                Ok(value) => return Ok(value),
                Err(e) => classify(what, e),
            };
            let transient = matches!(failure, StripeFailure::Unreachable { .. })
                || matches!(failure, StripeFailure::Refused { status, .. } if transient_status(status));
            if !transient || attempt >= attempts {
                return Err(failure);
            }
            tracing::info!(what, attempt, error = %failure, "stripe call failed; retrying");
            tokio::time::sleep(delay).await;
            delay *= 2;
            attempt += 1;
        }
    }
}

fn transient_status(status: u16) -> bool {
    matches!(status, 409 | 429 | 500..=599)
}

fn classify(what: &str, error: StripeError) -> StripeFailure {
    match error {
        StripeError::Stripe(api, status) => StripeFailure::Refused {
            what: what.into(),
            status,
            message: api.message.clone().unwrap_or_else(|| "no message".into()),
        },
        StripeError::ClientError(m) => StripeFailure::Unreachable {
            what: what.into(),
            message: m,
        },
        StripeError::Timeout => StripeFailure::Unreachable {
            what: what.into(),
            message: "timeout".into(),
        },
        other => StripeFailure::Refused {
            what: what.into(),
            status: 0,
            message: other.to_string(),
        },
    }
}
