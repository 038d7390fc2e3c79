//! A local server speaking Stripe's wire format (form-encoded requests, JSON
//! objects with `object`, list envelopes, Stripe error bodies) that records every
//! request, and can be told to fail the next calls to a path with a 500.

#![allow(dead_code)]

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

/// One request as received.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    pub path: String,
    pub query: String,
    pub form: Vec<(String, String)>,
    pub idempotency_key: Option<String>,
    pub authorization: Option<String>,
    /// The status answered.
    pub status: u16,
    /// The id of the object answered, if any.
    pub answered_id: Option<String>,
}

impl Recorded {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.form
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Inner {
    requests: Vec<Recorded>,
    fail: HashMap<String, u32>,
    meters: Vec<Value>,
    invoices: Vec<Value>,
    subscriptions: HashMap<String, Value>,
    next: u64,
}

/// The fake. Clone it freely.
#[derive(Clone, Default)]
pub struct FakeStripe {
    inner: Arc<Mutex<Inner>>,
}

impl FakeStripe {
    /// Starts it on a random port; returns it and its base URL (`http://127.0.0.1:N/`).
    pub async fn start() -> (FakeStripe, String) {
        let fake = FakeStripe::default();
        let app = Router::new().fallback(handle).with_state(fake.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("addr");
        tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        (fake, format!("http://{addr}/"))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Every request so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.lock().requests.clone()
    }

    /// Successful POSTs to `path`.
    pub fn created(&self, path: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == "POST" && r.path == path && r.status == 200)
            .collect()
    }

    /// The next `times` calls to `path` answer 500.
    pub fn fail_next(&self, path: &str, times: u32) {
        self.lock().fail.insert(path.to_string(), times);
    }

    /// An invoice the customer has in Stripe.
    pub fn add_invoice(&self, invoice: Value) {
        self.lock().invoices.push(invoice);
    }

    pub fn clear(&self) {
        self.lock().requests.clear();
    }
}

async fn handle(
    State(fake): State<FakeStripe>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let path = uri.path().to_string();
    let query = uri.query().unwrap_or("").to_string();
    let form: Vec<(String, String)> = serde_urlencoded::from_bytes(&body).unwrap_or_default();
    let header = |n: &str| {
        headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(String::from)
    };
    let mut inner = fake.lock();
    let mut record = Recorded {
        method: method.to_string(),
        path: path.clone(),
        query: query.clone(),
        form: form.clone(),
        idempotency_key: header("idempotency-key"),
        authorization: header("authorization"),
        status: 200,
        answered_id: None,
    };
    if let Some(left) = inner.fail.get_mut(&path).filter(|n| **n > 0) {
        *left -= 1;
        record.status = 500;
        inner.requests.push(record);
        let body = json!({"error": {"type": "api_error", "message": "An unknown error occurred"}});
        return (StatusCode::INTERNAL_SERVER_ERROR, axum::Json(body)).into_response();
    }
    inner.next += 1;
    let n = inner.next;
    let get = |k: &str| {
        form.iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let answer = match (method.as_str(), path.as_str()) {
        ("GET", "/v1/billing/meters") => {
            json!({"object": "list", "url": path, "has_more": false, "data": inner.meters})
        }
        ("POST", "/v1/billing/meters") => {
            let meter = json!({
                "object": "billing.meter", "id": format!("mtr_{n}"),
                "event_name": get("event_name"), "display_name": get("display_name"),
                "status": "active", "livemode": false, "created": 1, "updated": 1,
                "default_aggregation": {"formula": get("default_aggregation[formula]")},
            });
            inner.meters.push(meter.clone());
            meter
        }
        ("POST", "/v1/prices") => {
            json!({"object": "price", "id": format!("price_{n}"), "active": true})
        }
        ("POST", "/v1/customers") => {
            json!({"object": "customer", "id": format!("cus_{n}"), "name": get("name")})
        }
        ("POST", "/v1/subscriptions") => {
            let id = format!("sub_{n}");
            let items: Vec<Value> = (0..)
                .map_while(|i| {
                    let price = get(&format!("items[{i}][price]"));
                    (!price.is_empty()).then(|| {
                        json!({"object": "subscription_item", "id": format!("si_{n}_{i}"), "price": {"object": "price", "id": price}})
                    })
                })
                .collect();
            let sub = json!({
                "object": "subscription", "id": id, "customer": get("customer"), "status": "active",
                "items": {"object": "list", "url": "/v1/subscription_items", "has_more": false, "data": items},
            });
            inner.subscriptions.insert(id, sub.clone());
            sub
        }
        ("GET", p) if p.starts_with("/v1/subscriptions/") => {
            match inner
                .subscriptions
                .get(p.trim_start_matches("/v1/subscriptions/"))
            {
                Some(sub) => sub.clone(),
                None => json!({}),
            }
        }
        ("POST", p) if p.starts_with("/v1/subscriptions/") => {
            let id = p.trim_start_matches("/v1/subscriptions/").to_string();
            let Some(mut sub) = inner.subscriptions.get(&id).cloned() else {
                record.status = 404;
                inner.requests.push(record);
                let body = json!({"error": {"type": "invalid_request_error", "message": format!("No such subscription: '{id}'")}});
                return (StatusCode::NOT_FOUND, axum::Json(body)).into_response();
            };
            let mut items: Vec<Value> =
                sub["items"]["data"].as_array().cloned().unwrap_or_default();
            for i in 0.. {
                let price = get(&format!("items[{i}][price]"));
                if price.is_empty() {
                    break;
                }
                let item_id = get(&format!("items[{i}][id]"));
                match items.iter_mut().find(|it| !item_id.is_empty() && it["id"] == item_id.as_str()) {
                    Some(it) => it["price"] = json!({"object": "price", "id": price}),
                    None => items.push(json!({"object": "subscription_item", "id": format!("si_{n}_{i}"), "price": {"object": "price", "id": price}})),
                }
            }
            sub["items"]["data"] = Value::Array(items);
            inner.subscriptions.insert(id, sub.clone());
            sub
        }
        ("POST", "/v1/billing/meter_events") => json!({
            "object": "billing.meter_event", "event_name": get("event_name"),
            "identifier": get("identifier"), "livemode": false, "created": 1,
            "timestamp": get("timestamp").parse::<i64>().unwrap_or(0),
            "payload": {"value": get("payload[value]"), "stripe_customer_id": get("payload[stripe_customer_id]")},
        }),
        ("GET", "/v1/invoices") => {
            let customer = query
                .split('&')
                .find_map(|p| p.strip_prefix("customer="))
                .unwrap_or("")
                .to_string();
            let data: Vec<Value> = inner
                .invoices
                .iter()
                .filter(|i| i["customer"] == customer.as_str())
                .cloned()
                .collect();
            json!({"object": "list", "url": path, "has_more": false, "data": data})
        }
        _ => {
            record.status = 404;
            inner.requests.push(record);
            let body = json!({"error": {"type": "invalid_request_error", "message": format!("Unrecognized request URL ({method}: {path})")}});
            return (StatusCode::NOT_FOUND, axum::Json(body)).into_response();
        }
    };
    record.answered_id = answer["id"].as_str().map(String::from);
    inner.requests.push(record);
    axum::Json(answer).into_response()
}
