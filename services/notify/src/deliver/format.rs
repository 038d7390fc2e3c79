//! What goes on the wire for each endpoint kind: the signed Garrison webhook,
//! a Slack incoming-webhook message (`text` + Block Kit `blocks`), a Teams
//! message carrying an Adaptive Card, and a plain-text email.

use crate::event::NotificationEvent;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde_json::{Value, json};
use sha2::Sha256;

/// The webhook body: `{id, type, tenantId, occurredAt, data}`.
pub fn webhook_body(
    delivery_id: uuid::Uuid,
    tenant: Option<uuid::Uuid>,
    event: &NotificationEvent,
    console_url: Option<&str>,
) -> Vec<u8> {
    let mut data = serde_json::to_value(event).unwrap_or(Value::Null);
    if let (Some(obj), Some(url)) = (data.as_object_mut(), absolute(console_url, &event.link)) {
        obj.insert("url".into(), Value::String(url));
    }
    if let Some(obj) = data.as_object_mut() {
        obj.remove("type");
        obj.remove("occurredAt");
    }
    let body = json!({
        "id": delivery_id,
        "type": event.kind.as_str(),
        "tenantId": tenant,
        "occurredAt": event.occurred_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "data": data,
    });
    body.to_string().into_bytes()
}

/// `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes keys of any length; this cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret.as_bytes()) {
        Ok(mac) => mac,
        Err(_) => return String::new(),
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    format!("v1={}", hex::encode(mac.finalize().into_bytes()))
}

/// Checks a `Garrison-Signature` header value (constant-time), for receivers
/// written in Rust and for the tests.
pub fn verify_signature(secret: &str, timestamp: i64, body: &[u8], header: &str) -> bool {
    let Some(hex_sig) = header.trim().strip_prefix("v1=") else {
        return false;
    };
    let Ok(expected) = hex::decode(hex_sig) else {
        return false;
    };
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return false;
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    mac.verify_slice(&expected).is_ok()
}

/// A Slack incoming-webhook message.
pub fn slack_body(
    tenant: Option<uuid::Uuid>,
    event: &NotificationEvent,
    console_url: Option<&str>,
) -> Vec<u8> {
    let title = truncate(&event.title, 150);
    let mut context = vec![format!("`{}`", event.kind.as_str())];
    if let Some(s) = event.severity {
        context.push(format!("*Severity:* {s}"));
    }
    if let Some(t) = tenant {
        context.push(format!("*Tenant:* {t}"));
    }
    if let Some(url) = absolute(console_url, &event.link) {
        context.push(format!("<{}|Open in Garrison>", slack_escape(&url)));
    }
    let body = json!({
        "text": slack_escape(&event.title),
        "blocks": [
            {"type": "header", "text": {"type": "plain_text", "text": title, "emoji": false}},
            {"type": "section", "text": {"type": "mrkdwn", "text": slack_escape(&event.summary)}},
            {"type": "context", "elements": [{"type": "mrkdwn", "text": context.join("  ·  ")}]},
        ],
    });
    body.to_string().into_bytes()
}

/// A Teams message with one Adaptive Card (accepted by incoming webhooks and by
/// Workflows "post to a channel when a webhook request is received").
pub fn teams_body(
    tenant: Option<uuid::Uuid>,
    event: &NotificationEvent,
    console_url: Option<&str>,
) -> Vec<u8> {
    let mut facts = vec![json!({"title": "Event", "value": event.kind.as_str()})];
    if let Some(s) = event.severity {
        facts.push(json!({"title": "Severity", "value": s.as_str()}));
    }
    if let Some(t) = tenant {
        facts.push(json!({"title": "Tenant", "value": t.to_string()}));
    }
    facts.push(json!({"title": "When", "value": event.occurred_at.to_rfc3339()}));
    let mut card = json!({
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "type": "AdaptiveCard",
        "version": "1.4",
        "body": [
            {"type": "TextBlock", "size": "Medium", "weight": "Bolder", "text": event.title, "wrap": true},
            {"type": "TextBlock", "text": event.summary, "wrap": true},
            {"type": "FactSet", "facts": facts},
        ],
    });
    if let (Some(obj), Some(url)) = (card.as_object_mut(), absolute(console_url, &event.link)) {
        obj.insert(
            "actions".into(),
            json!([{"type": "Action.OpenUrl", "title": "Open in Garrison", "url": url}]),
        );
    }
    let body = json!({
        "type": "message",
        "attachments": [{
            "contentType": "application/vnd.microsoft.card.adaptive",
            "contentUrl": null,
            "content": card,
        }],
    });
    body.to_string().into_bytes()
}

/// The subject and plain-text body of an email.
pub fn email_text(
    tenant: Option<uuid::Uuid>,
    event: &NotificationEvent,
    console_url: Option<&str>,
    sent_at: DateTime<Utc>,
) -> (String, String) {
    let subject: String = format!("[Garrison] {}", event.title)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(200)
        .collect();
    let mut body = format!(
        "{}\n\n{}\n\nEvent: {}\n",
        event.title,
        event.summary,
        event.kind.as_str()
    );
    if let Some(s) = event.severity {
        body.push_str(&format!("Severity: {s}\n"));
    }
    if let Some(t) = tenant {
        body.push_str(&format!("Tenant: {t}\n"));
    }
    body.push_str(&format!("When: {}\n", event.occurred_at.to_rfc3339()));
    match absolute(console_url, &event.link) {
        Some(url) => body.push_str(&format!("\nOpen in Garrison: {url}\n")),
        None => body.push_str(&format!("\nIn the Garrison console: {}\n", event.link)),
    }
    body.push_str(&format!(
        "\n-- \nSent by Garrison at {}\n",
        sent_at.to_rfc3339()
    ));
    (subject, body)
}

/// The console link made absolute when the public URL is configured.
fn absolute(console_url: Option<&str>, link: &str) -> Option<String> {
    console_url.map(|base| format!("{}{link}", base.trim_end_matches('/')))
}

/// Slack's three control characters in mrkdwn.
fn slack_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signature_round_trips_and_rejects_tampering() {
        let body = br#"{"id":"x"}"#;
        let sig = signature("whsec_test", 1_700_000_000, body);
        assert!(sig.starts_with("v1=") && sig.len() == 3 + 64, "{sig}");
        assert!(verify_signature("whsec_test", 1_700_000_000, body, &sig));
        assert!(!verify_signature("whsec_test", 1_700_000_001, body, &sig));
        assert!(!verify_signature("other", 1_700_000_000, body, &sig));
        assert!(!verify_signature(
            "whsec_test",
            1_700_000_000,
            br#"{"id":"y"}"#,
            &sig
        ));
    }

    #[test]
    fn slack_text_is_escaped() {
        assert_eq!(slack_escape("a<b>&c"), "a&lt;b&gt;&amp;c");
        assert_eq!(truncate("abcdef", 4), "abc…");
    }
}
