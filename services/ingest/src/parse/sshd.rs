//! OpenSSH's authentication messages carry the facts detections need (who, from
//! where, success or failure) only in prose; this lifts them into fields.

use super::{FlatFields, Scalar};
use std::borrow::Cow;

/// Fields from an sshd message, or `None` when it is not an authentication line.
///
/// `Failed password for [invalid user ]USER from IP port N ssh2`
/// `Accepted publickey for USER from IP port N ssh2: ...`
pub fn parse(message: &str) -> Option<FlatFields<'_>> {
    let (outcome, rest) = if let Some(rest) = message.strip_prefix("Failed ") {
        ("failure", rest)
    } else if let Some(rest) = message.strip_prefix("Accepted ") {
        ("success", rest)
    } else {
        return None;
    };
    let (method, rest) = rest.split_once(" for ")?;
    let (invalid, rest) = match rest.strip_prefix("invalid user ") {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let (user, rest) = rest.split_once(" from ")?;
    let mut words = rest.split_whitespace();
    let ip = words.next()?;
    let port = match (words.next(), words.next()) {
        (Some("port"), Some(p)) => p.parse::<u16>().ok(),
        _ => None,
    };
    let text = |s| Scalar::Text(Cow::Borrowed(s));
    let mut fields = Vec::with_capacity(6);
    fields.push((Cow::Borrowed("ssh_method"), text(method)));
    fields.push((Cow::Borrowed("ssh_user"), text(user)));
    fields.push((Cow::Borrowed("ssh_src_ip"), text(ip)));
    if let Some(port) = port {
        fields.push((Cow::Borrowed("ssh_src_port"), Scalar::Number(port.into())));
    }
    fields.push((Cow::Borrowed("ssh_outcome"), text(outcome)));
    fields.push((Cow::Borrowed("ssh_invalid_user"), Scalar::Bool(invalid)));
    Some(fields)
}

#[cfg(test)]
mod tests {
    use serde_json::{Map, Value, json};

    fn parse(message: &str) -> Option<Map<String, Value>> {
        super::parse(message).map(|f| super::super::Fields::Flat(f).to_map())
    }

    #[test]
    fn failed_and_accepted() {
        let f = parse("Failed password for invalid user bob1 from 61.194.93.247 port 33031 ssh2")
            .expect("auth");
        assert_eq!(f["ssh_user"], "bob1");
        assert_eq!(f["ssh_invalid_user"], true);
        assert_eq!(f["ssh_src_port"], 33031);
        let f = parse(
            "Accepted publickey for dave from 10.2.153.103 port 35647 ssh2: ED25519 SHA256:x",
        )
        .expect("auth");
        assert_eq!(
            (f["ssh_outcome"].clone(), f["ssh_method"].clone()),
            (json!("success"), json!("publickey"))
        );
        assert!(parse("pam_unix(sshd:session): session opened").is_none());
    }
}
