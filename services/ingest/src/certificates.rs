//! Syslog TLS client certificates bound to a tenant: a sender that presents a
//! certificate (verified against `tls_client_ca` during the handshake) is
//! attributed to the tenant its certificate's SHA-256 fingerprint is bound to,
//! when its messages carry no token. Pinning the fingerprint, rather than
//! trusting a subject name, means one customer's certificate can never be made
//! to speak for another even when the provider's CA signed both.

use crate::entity::syslog_certificate;
use chrono::{DateTime, Utc};
use garrison_core::db::{Db, ScopedTx};
use garrison_core::role::{Action, Resource};
use garrison_core::{Error, Result, Scope, TenantId, validate};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use sea_orm::{ActiveValue::Set, ColumnTrait};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

garrison_core::typed_id!(
    /// A certificate binding.
    SyslogCertificateId
);

/// A bound certificate.
#[derive(Debug, Clone)]
pub struct SyslogCertificate {
    pub id: SyslogCertificateId,
    pub tenant_id: TenantId,
    pub name: String,
    /// SHA-256 of the DER bytes, lower-case hex.
    pub fingerprint: String,
    pub created_at: DateTime<Utc>,
}

/// The fingerprint of a certificate as presented in a handshake.
pub fn fingerprint_of(der: &[u8]) -> String {
    Sha256::digest(der)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Reads what an operator pastes: a PEM certificate, or a SHA-256 fingerprint
/// in hex (colons and spaces allowed, as `openssl x509 -fingerprint` prints it).
pub fn parse_certificate(field: &str, raw: &str) -> Result<String> {
    let raw = raw.trim();
    if raw.contains("-----BEGIN") {
        let der = CertificateDer::from_pem_slice(raw.as_bytes())
            .map_err(|e| Error::invalid(field, format!("not a PEM certificate ({e})")))?;
        if !is_der_sequence(&der) {
            return Err(Error::invalid(
                field,
                "the PEM block does not hold a DER certificate",
            ));
        }
        return Ok(fingerprint_of(&der));
    }
    let hex: String = raw
        .chars()
        .filter(|c| !matches!(c, ':' | ' '))
        .collect::<String>()
        .to_ascii_lowercase();
    if hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(hex)
    } else {
        Err(Error::invalid(
            field,
            "expected a PEM certificate or its SHA-256 fingerprint (64 hex digits)",
        ))
    }
}

/// Whether `der` is one whole DER SEQUENCE (what every X.509 certificate is):
/// catches a truncated or mangled paste, which would otherwise bind a
/// fingerprint no sender can ever present.
fn is_der_sequence(der: &[u8]) -> bool {
    let [0x30, first, rest @ ..] = der else {
        return false;
    };
    let (len, header) = match *first {
        n if n < 0x80 => (usize::from(n), 2),
        0x81..=0x84 => {
            let k = usize::from(*first - 0x80);
            if rest.len() < k {
                return false;
            }
            let len = rest[..k]
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (len, 2 + k)
        }
        _ => return false,
    };
    header + len == der.len()
}

/// Binds a certificate to `tenant`.
pub async fn bind_syslog_certificate(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
    name: &str,
    certificate: &str,
) -> Result<SyslogCertificate> {
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Create)?;
    let name = validate::name("name", name)?;
    let fingerprint = parse_certificate("certificate", certificate)?;
    let row = syslog_certificate::ActiveModel {
        id: Set(SyslogCertificateId::new().as_uuid()),
        tenant_id: Set(tenant.as_uuid()),
        name: Set(name),
        fingerprint: Set(fingerprint),
        created_at: Set(Utc::now()),
    };
    let row = tx.insert(tenant, row).await.map_err(|e| match e {
        // The unique index spans tenants by necessity (one certificate, one tenant);
        // the message says no more than that it is taken.
        Error::Conflict { .. } => {
            Error::conflict("certificate", "this certificate is already bound")
        }
        other => other,
    })?;
    garrison_core::audit::record(
        tx,
        tenant,
        "syslog_certificate.bind",
        &format!("syslog_certificate:{}", row.id),
        serde_json::json!({"name": row.name, "fingerprint": row.fingerprint}),
    )
    .await?;
    Ok(to_certificate(row))
}

/// Removes a binding.
pub async fn unbind_syslog_certificate(
    tx: &ScopedTx<'_>,
    id: SyslogCertificateId,
) -> Result<SyslogCertificate> {
    let row = tx
        .select::<syslog_certificate::Entity>()
        .filter(syslog_certificate::Column::Id.eq(id.as_uuid()))
        .found(tx)
        .await?;
    let tenant = TenantId::from_uuid(row.tenant_id);
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Delete)?;
    tx.delete_where::<syslog_certificate::Entity>(syslog_certificate::Column::Id.eq(id.as_uuid()))
        .await?;
    garrison_core::audit::record(
        tx,
        tenant,
        "syslog_certificate.unbind",
        &format!("syslog_certificate:{id}"),
        serde_json::json!({"name": row.name, "fingerprint": row.fingerprint}),
    )
    .await?;
    Ok(to_certificate(row))
}

/// The tenant's bound certificates.
pub async fn list_syslog_certificates(
    tx: &ScopedTx<'_>,
    tenant: TenantId,
) -> Result<Vec<SyslogCertificate>> {
    tx.scope()
        .require_in(tenant, Resource::IngestToken, Action::Read)?;
    let rows = tx
        .select::<syslog_certificate::Entity>()
        .filter(syslog_certificate::Column::TenantId.eq(tenant.as_uuid()))
        .order_by_asc(syslog_certificate::Column::Name)
        .all(tx)
        .await?;
    Ok(rows.into_iter().map(to_certificate).collect())
}

fn to_certificate(row: syslog_certificate::Model) -> SyslogCertificate {
    SyslogCertificate {
        id: SyslogCertificateId::from_uuid(row.id),
        tenant_id: TenantId::from_uuid(row.tenant_id),
        name: row.name,
        fingerprint: row.fingerprint,
        created_at: row.created_at,
    }
}

/// Fingerprint to tenant, and when it was loaded.
type Table = (HashMap<String, TenantId>, Option<Instant>);

/// Resolves a presented certificate to a tenant from an in-memory table, reloaded
/// when older than the cache lifetime or after a change in this process.
pub struct CertificateResolver {
    db: Db,
    ttl: Duration,
    table: RwLock<Table>,
}

impl CertificateResolver {
    pub fn new(db: Db, ttl: Duration) -> CertificateResolver {
        CertificateResolver {
            db,
            ttl,
            table: RwLock::new((HashMap::new(), None)),
        }
    }

    /// The tenant a certificate (DER) is bound to.
    pub async fn resolve(&self, der: &[u8]) -> Result<Option<TenantId>> {
        self.resolve_fingerprint(&fingerprint_of(der)).await
    }

    /// The tenant a certificate fingerprint (lower-case hex) is bound to.
    pub async fn resolve_fingerprint(&self, fingerprint: &str) -> Result<Option<TenantId>> {
        let fresh = {
            let table = self.table.read().unwrap_or_else(|p| p.into_inner());
            table.1.is_some_and(|at| at.elapsed() < self.ttl)
        };
        if !fresh {
            self.reload().await?;
        }
        let table = self.table.read().unwrap_or_else(|p| p.into_inner());
        Ok(table.0.get(fingerprint).copied())
    }

    /// Forces a reload on the next lookup.
    pub fn invalidate(&self) {
        self.table.write().unwrap_or_else(|p| p.into_inner()).1 = None;
    }

    async fn reload(&self) -> Result<()> {
        // Credentials precede any tenant: the platform looks across tenants.
        let scope = Scope::system("ingest-certificates");
        let tx = self.db.begin(&scope).await?;
        let rows = tx.select::<syslog_certificate::Entity>().all(&tx).await?;
        tx.commit().await?;
        let entries = rows
            .into_iter()
            .map(|r| (r.fingerprint, TenantId::from_uuid(r.tenant_id)))
            .collect();
        *self.table.write().unwrap_or_else(|p| p.into_inner()) = (entries, Some(Instant::now()));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_read_in_the_forms_operators_paste() {
        let hex = "AB:".repeat(31) + "AB";
        assert_eq!(
            parse_certificate("c", &hex).expect("colons"),
            "ab".repeat(32)
        );
        assert_eq!(
            parse_certificate("c", &"0f".repeat(32)).expect("plain"),
            "0f".repeat(32)
        );
        let err = parse_certificate("certificate", "abc").expect_err("short");
        assert!(err.to_string().starts_with("certificate:"), "{err}");
        let err = parse_certificate(
            "certificate",
            "-----BEGIN CERTIFICATE-----\nnope\n-----END CERTIFICATE-----",
        )
        .expect_err("bad pem");
        assert!(err.to_string().starts_with("certificate:"), "{err}");
    }

    #[test]
    fn a_fingerprint_is_sha256_of_the_der_bytes() {
        // SHA-256 of the empty input, a fixed point to check the hex encoding against.
        assert_eq!(
            fingerprint_of(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    }
}
