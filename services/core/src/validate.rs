//! Parsing of the spine's typed input values at the edge ("parse, don't validate").

use crate::{Error, Result};

/// Longest display name or tenant name.
pub const MAX_NAME_LEN: usize = 200;

/// A normalised (trimmed, lower-cased) email address.
pub fn email(field: &str, raw: &str) -> Result<String> {
    let email = raw.trim().to_ascii_lowercase();
    if email.len() > 254 {
        return Err(Error::invalid(field, "is longer than 254 characters"));
    }
    let Some((local, domain)) = email.split_once('@') else {
        return Err(Error::invalid(field, "is not an email address (missing @)"));
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && local.chars().all(|c| c.is_ascii_graphic() && c != '@');
    let labels_ok = domain.split('.').count() >= 2
        && domain.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    if !local_ok || !labels_ok {
        return Err(Error::invalid(field, "is not an email address"));
    }
    Ok(email)
}

/// A tenant slug: 2-63 characters, lower-case letters, digits and dashes, starting
/// with a letter or digit.
pub fn slug(field: &str, raw: &str) -> Result<String> {
    let slug = raw.trim();
    let valid = (2..=63).contains(&slug.len())
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && slug
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if valid {
        Ok(slug.to_string())
    } else {
        Err(Error::invalid(
            field,
            "must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit",
        ))
    }
}

/// A human name: trimmed, non-empty, at most [`MAX_NAME_LEN`] characters, no control
/// characters.
pub fn name(field: &str, raw: &str) -> Result<String> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(Error::invalid(field, "must not be empty"));
    }
    if name.chars().count() > MAX_NAME_LEN {
        return Err(Error::invalid(
            field,
            format!("must be at most {MAX_NAME_LEN} characters"),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(field, "must not contain control characters"));
    }
    Ok(name.to_string())
}

/// An IANA time-zone name (`UTC`, `Europe/Berlin`, `America/Argentina/Buenos_Aires`).
/// Checked by shape; where the system zone database exists, also by existence.
pub fn timezone(field: &str, raw: &str) -> Result<String> {
    let tz = raw.trim();
    let shape_ok = !tz.is_empty()
        && tz.len() <= 64
        && tz.split('/').count() <= 3
        && tz.split('/').all(|p| {
            !p.is_empty()
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_+-".contains(c))
        })
        && tz.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    if !shape_ok {
        return Err(Error::invalid(
            field,
            format!("`{raw}` is not an IANA time zone name"),
        ));
    }
    let zoneinfo = std::path::Path::new("/usr/share/zoneinfo");
    if tz != "UTC" && zoneinfo.is_dir() && !zoneinfo.join(tz).is_file() {
        return Err(Error::invalid(
            field,
            format!("`{tz}` is not a known time zone"),
        ));
    }
    Ok(tz.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(
            email("e", " Alice@Example.COM ").expect("ok"),
            "alice@example.com"
        );
        for bad in ["", "alice", "a@b", "a b@c.de", "@c.de", "a@.de", "a@c..de"] {
            assert!(email("e", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn slugs() {
        assert!(slug("s", "acme-corp").is_ok());
        for bad in ["a", "-acme", "Acme", "acme corp", &"a".repeat(64)] {
            let err = slug("input.slug", bad).expect_err(bad);
            assert!(err.to_string().starts_with("input.slug:"));
        }
    }

    #[test]
    fn names_and_zones() {
        assert!(name("n", "  ").is_err());
        assert!(name("n", &"x".repeat(201)).is_err());
        assert!(name("n", "a\u{7}b").is_err());
        assert!(timezone("tz", "UTC").is_ok());
        assert!(timezone("tz", "Europe/Berlin").is_ok());
        assert!(timezone("tz", "../etc/passwd").is_err());
        assert!(timezone("tz", "not a zone").is_err());
    }
}
