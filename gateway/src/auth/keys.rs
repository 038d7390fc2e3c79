//! The signing key set: Ed25519 keys by `kid`, the current one signs, the
//! previous one still verifies (rotation without logging everyone out).
//!
//! Keys come from configuration (`auth.signing_keys`, current first) or, when none
//! are configured, from `<data_dir>/jwt-keys.json`, generated on first start with
//! file mode 0600. Several processes (split roles) must share configured keys.

use super::token::{AccessClaims, TokenError};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use garrison_core::Secret;
use garrison_core::config::{AuthConfig, SigningKeyConfig};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// RFC 8410 PKCS#8 v1 prefix for an Ed25519 private key; the 32-byte seed follows.
const PKCS8_ED25519_PREFIX: [u8; 16] = [
    0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
];

struct Key {
    kid: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
}

/// The key set plus the claims every token must carry.
pub struct KeySet {
    keys: Vec<Key>,
    validation: Validation,
    issuer: String,
    audience: String,
    ttl_secs: u64,
}

impl std::fmt::Debug for KeySet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kids: Vec<&str> = self.keys.iter().map(|k| k.kid.as_str()).collect();
        f.debug_struct("KeySet").field("kids", &kids).finish()
    }
}

/// Why keys could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("auth.signing_keys[{index}] ({kid}): {message}")]
    Config {
        index: usize,
        kid: String,
        message: String,
    },
    #[error("{path}: {message}")]
    File { path: String, message: String },
}

#[derive(Serialize, Deserialize)]
struct KeyFile {
    keys: Vec<KeyFileEntry>,
}

#[derive(Serialize, Deserialize)]
struct KeyFileEntry {
    kid: String,
    seed_base64: String,
}

impl KeySet {
    /// Loads the configured keys, or the data directory's generated ones.
    pub fn load(config: &AuthConfig, data_dir: &Path) -> Result<KeySet, KeyError> {
        let entries = if config.signing_keys.is_empty() {
            load_or_generate(&data_dir.join("jwt-keys.json"))?
        } else {
            config.signing_keys.clone()
        };
        let keys = entries
            .iter()
            .enumerate()
            .map(|(index, entry)| {
                let seed = STANDARD
                    .decode(entry.seed_base64.expose().trim())
                    .ok()
                    .filter(|s| s.len() == 32);
                let seed = seed.ok_or_else(|| KeyError::Config {
                    index,
                    kid: entry.kid.clone(),
                    message: "seed_base64 must be 32 bytes, base64".into(),
                })?;
                Ok(key_from_seed(&entry.kid, &seed))
            })
            .collect::<Result<Vec<_>, KeyError>>()?;
        Ok(KeySet::from_keys(keys, config))
    }

    /// A set from raw seeds (tests): `(kid, seed)`, current first.
    pub fn from_seeds(seeds: &[(&str, [u8; 32])], config: &AuthConfig) -> KeySet {
        KeySet::from_keys(
            seeds
                .iter()
                .map(|(kid, seed)| key_from_seed(kid, seed))
                .collect(),
            config,
        )
    }

    fn from_keys(keys: Vec<Key>, config: &AuthConfig) -> KeySet {
        let mut validation = Validation::new(Algorithm::EdDSA);
        validation.set_issuer(&[&config.issuer]);
        validation.set_audience(&[&config.audience]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        KeySet {
            keys,
            validation,
            issuer: config.issuer.clone(),
            audience: config.audience.clone(),
            ttl_secs: config.access_ttl_secs,
        }
    }

    /// Access-token lifetime in seconds.
    pub fn ttl_secs(&self) -> u64 {
        self.ttl_secs
    }

    /// Signs an access token for `user` with the current key.
    pub fn mint(
        &self,
        user: garrison_core::UserId,
        role: garrison_core::Role,
    ) -> Result<String, TokenError> {
        let key = self.keys.first().ok_or(TokenError::NoKey)?;
        let claims = AccessClaims::new(user, role, &self.issuer, &self.audience, self.ttl_secs);
        let mut header = Header::new(Algorithm::EdDSA);
        header.kid = Some(key.kid.clone());
        jsonwebtoken::encode(&header, &claims, &key.encoding)
            .map_err(|e| TokenError::Invalid(e.to_string()))
    }

    /// Verifies a token: known `kid`, EdDSA only, signature, `iss`, `aud`, `exp`, `nbf`.
    pub fn verify(&self, token: &str) -> Result<AccessClaims, TokenError> {
        let header =
            jsonwebtoken::decode_header(token).map_err(|e| TokenError::Invalid(e.to_string()))?;
        if header.alg != Algorithm::EdDSA {
            return Err(TokenError::Invalid(format!(
                "algorithm {:?} not accepted",
                header.alg
            )));
        }
        let kid = header
            .kid
            .ok_or_else(|| TokenError::Invalid("no kid".into()))?;
        let key = self
            .keys
            .iter()
            .find(|k| k.kid == kid)
            .ok_or_else(|| TokenError::Invalid("unknown kid".into()))?;
        jsonwebtoken::decode::<AccessClaims>(token, &key.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|e| TokenError::Invalid(e.to_string()))
    }
}

/// The signing key for a 32-byte Ed25519 seed (tests forge tokens with it).
pub fn encoding_key_from_seed(seed: &[u8; 32]) -> EncodingKey {
    let mut der = PKCS8_ED25519_PREFIX.to_vec();
    der.extend_from_slice(seed);
    EncodingKey::from_ed_der(&der)
}

fn key_from_seed(kid: &str, seed: &[u8]) -> Key {
    let mut der = PKCS8_ED25519_PREFIX.to_vec();
    der.extend_from_slice(seed);
    let mut seed_array = [0u8; 32];
    seed_array.copy_from_slice(&seed[..32]);
    let public = ed25519_dalek::SigningKey::from_bytes(&seed_array)
        .verifying_key()
        .to_bytes();
    Key {
        kid: kid.to_string(),
        encoding: EncodingKey::from_ed_der(&der),
        decoding: DecodingKey::from_ed_der(&public),
    }
}

fn load_or_generate(path: &Path) -> Result<Vec<SigningKeyConfig>, KeyError> {
    let file_err = |message: String| KeyError::File {
        path: path.display().to_string(),
        message,
    };
    if !path.exists() {
        let mut seed = [0u8; 32];
        getrandom::fill(&mut seed).map_err(|e| file_err(format!("random: {e}")))?;
        let kid = format!("k{}", chrono::Utc::now().format("%Y%m%d%H%M%S"));
        let file = KeyFile {
            keys: vec![KeyFileEntry {
                kid,
                seed_base64: STANDARD.encode(seed),
            }],
        };
        let text = serde_json::to_string_pretty(&file).map_err(|e| file_err(e.to_string()))?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| file_err(e.to_string()))?;
        }
        write_private(path, &text).map_err(|e| file_err(e.to_string()))?;
        tracing::info!(path = %path.display(), "generated a JWT signing key");
    }
    let text = std::fs::read_to_string(path).map_err(|e| file_err(e.to_string()))?;
    let file: KeyFile = serde_json::from_str(&text).map_err(|e| file_err(e.to_string()))?;
    if file.keys.is_empty() {
        return Err(file_err("holds no keys".into()));
    }
    Ok(file
        .keys
        .into_iter()
        .map(|k| SigningKeyConfig {
            kid: k.kid,
            seed_base64: Secret::new(k.seed_base64),
        })
        .collect())
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}
