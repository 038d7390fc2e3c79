//! Password policy and argon2id hashing.
//!
//! Hashing runs on the blocking pool: argon2id is deliberately expensive and must
//! not stall the async workers that serve everyone else.

use crate::{Error, Result, Secret};
use argon2::{Argon2, PasswordHasher, PasswordVerifier};

/// Shortest password accepted.
pub const MIN_LEN: usize = 12;
/// Longest password accepted (bounds hashing work an attacker can ask for).
pub const MAX_LEN: usize = 256;

/// Checks the policy; `field` names the argument in the error.
pub fn check_policy(field: &str, password: &str) -> Result<()> {
    let len = password.chars().count();
    if len < MIN_LEN {
        return Err(Error::invalid(
            field,
            format!("must be at least {MIN_LEN} characters"),
        ));
    }
    if len > MAX_LEN {
        return Err(Error::invalid(
            field,
            format!("must be at most {MAX_LEN} characters"),
        ));
    }
    Ok(())
}

/// Hashes a password with argon2id and a fresh salt (PHC string).
pub async fn hash(password: &Secret<String>) -> Result<String> {
    let password = password.clone();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .hash_password(password.expose().as_bytes())
            .map(|h| h.to_string())
            .map_err(|e| Error::internal(format!("argon2 hash: {e}")))
    })
    .await
    .map_err(|e| Error::internal(format!("hash task: {e}")))?
}

/// Verifies a password against a stored PHC hash. A malformed hash verifies false.
pub async fn verify(password: &Secret<String>, stored: &str) -> bool {
    let password = password.clone();
    let stored = stored.to_string();
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(password.expose().as_bytes(), stored.as_str())
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

/// A valid hash of a random password, verified against when an email is unknown so
/// a failed sign-in takes as long whether or not the account exists.
pub async fn decoy_hash() -> &'static str {
    static DECOY: tokio::sync::OnceCell<String> = tokio::sync::OnceCell::const_new();
    DECOY
        .get_or_init(|| async {
            let random = Secret::new(crate::token::random_token(24));
            hash(&random).await.unwrap_or_default()
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hash_verifies_and_rejects() {
        let pw = Secret::new("correct horse battery".to_string());
        let stored = hash(&pw).await.expect("hash");
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify(&pw, &stored).await);
        assert!(!verify(&Secret::new("wrong password!!".to_string()), &stored).await);
        assert!(!verify(&pw, "not a hash").await);
    }

    #[test]
    fn policy_names_field() {
        let err = check_policy("input.password", "short").expect_err("too short");
        assert_eq!(
            err.to_string(),
            "input.password: must be at least 12 characters"
        );
        assert!(check_policy("p", &"x".repeat(12)).is_ok());
        assert!(check_policy("p", &"x".repeat(257)).is_err());
    }
}
