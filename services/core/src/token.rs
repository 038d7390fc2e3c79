//! Random tokens and their stored hashes (refresh tokens, ingest tokens,
//! generated passwords).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A random URL-safe token of `bytes` random bytes.
pub fn random_token(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    // The OS RNG failing is unrecoverable for a security product: refuse loudly.
    if let Err(e) = getrandom::fill(&mut buf) {
        tracing::error!(error = %e, "os random number generator failed");
        std::process::abort();
    }
    URL_SAFE_NO_PAD.encode(buf)
}

/// SHA-256 of a token, hex; tokens are high-entropy so a fast hash suffices.
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}
