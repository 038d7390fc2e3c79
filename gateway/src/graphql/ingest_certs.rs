//! Syslog TLS client certificates bound to a tenant: list, bind and unbind
//! (provider admins, and customer admins for their own tenant, like tokens).

use super::errors::GqlResult;
use super::{scope, state};
use async_graphql::{Context, ID, Object};
use chrono::{DateTime, Utc};
use garrison_core::TenantId;
use garrison_ingest::certificates::{self, SyslogCertificateId};

/// A client certificate bound to a tenant.
pub struct SyslogCertificate(pub certificates::SyslogCertificate);

#[Object]
impl SyslogCertificate {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }
    async fn tenant_id(&self) -> ID {
        ID(self.0.tenant_id.to_string())
    }
    async fn name(&self) -> &str {
        &self.0.name
    }
    /// SHA-256 of the certificate (DER), lower-case hex.
    async fn fingerprint(&self) -> &str {
        &self.0.fingerprint
    }
    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }
}

/// Certificate reads.
#[derive(Default)]
pub struct CertificateQuery;

#[Object]
impl CertificateQuery {
    /// A tenant's bound syslog TLS client certificates.
    async fn syslog_certificates(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
    ) -> async_graphql::Result<Vec<SyslogCertificate>> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
        let list = certificates::list_syslog_certificates(&tx, tenant)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        Ok(list.into_iter().map(SyslogCertificate).collect())
    }
}

/// Certificate changes.
#[derive(Default)]
pub struct CertificateMutation;

#[Object]
impl CertificateMutation {
    /// Binds a TLS client certificate to a tenant: syslog over TLS from a sender
    /// presenting it (verified against `tls_client_ca`) is that tenant's when its
    /// messages carry no token. `certificate` is the PEM certificate or its
    /// SHA-256 fingerprint in hex.
    async fn bind_syslog_certificate(
        &self,
        ctx: &Context<'_>,
        tenant_id: ID,
        name: String,
        certificate: String,
    ) -> async_graphql::Result<SyslogCertificate> {
        let tenant = TenantId::parse("tenantId", &tenant_id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let bound = certificates::bind_syslog_certificate(&tx, tenant, &name, &certificate)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        if let Some(ingest) = &state.ingest {
            ingest.certificates.invalidate();
        }
        Ok(SyslogCertificate(bound))
    }

    /// Removes a certificate binding.
    async fn unbind_syslog_certificate(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<SyslogCertificate> {
        let id = SyslogCertificateId::parse("id", &id).gql()?;
        let state = state(ctx)?;
        let tx = state.db.begin(scope(ctx)?).await.gql()?;
        let bound = certificates::unbind_syslog_certificate(&tx, id)
            .await
            .gql()?;
        tx.commit().await.gql()?;
        if let Some(ingest) = &state.ingest {
            ingest.certificates.invalidate();
        }
        Ok(SyslogCertificate(bound))
    }
}
