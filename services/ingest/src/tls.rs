//! Syslog over TLS (RFC 5425: octet-counted framing inside TLS; newline framing
//! is accepted too, per frame, as on TCP). Certificate and key are PEM files from
//! configuration. With `tls_client_ca`, senders may present a client certificate:
//! a certificate that does not verify against that CA is refused at the
//! handshake; one that does names its tenant when its fingerprint is bound to one
//! (`bindSyslogCertificate`, see `certificates`). A structured-data token still
//! wins over the certificate, and the certificate over an address binding; a
//! certificate and an address bound to different tenants name neither.

use crate::Ingest;
use garrison_core::event::Channel;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::server::WebPkiClientVerifier;
use tokio_rustls::rustls::{RootCertStore, ServerConfig};

/// Why TLS could not be set up; names the file.
#[derive(Debug, thiserror::Error)]
pub enum TlsSetupError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error("tls: {0}")]
    Config(String),
}

fn file_error(path: &Path, message: impl std::fmt::Display) -> TlsSetupError {
    TlsSetupError::File {
        path: path.display().to_string(),
        message: message.to_string(),
    }
}

/// Builds the server configuration from PEM files.
pub fn server_config(
    cert: &Path,
    key: &Path,
    client_ca: Option<&Path>,
) -> Result<ServerConfig, TlsSetupError> {
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(cert)
        .map_err(|e| file_error(cert, e))?
        .collect::<Result<_, _>>()
        .map_err(|e| file_error(cert, e))?;
    if certs.is_empty() {
        return Err(file_error(cert, "holds no certificate"));
    }
    let key = PrivateKeyDer::from_pem_file(key).map_err(|e| file_error(key, e))?;
    let provider = Arc::new(tokio_rustls::rustls::crypto::ring::default_provider());
    let builder = ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TlsSetupError::Config(e.to_string()))?;
    let builder = match client_ca {
        Some(ca) => {
            let mut roots = RootCertStore::empty();
            for der in CertificateDer::pem_file_iter(ca).map_err(|e| file_error(ca, e))? {
                roots
                    .add(der.map_err(|e| file_error(ca, e))?)
                    .map_err(|e| file_error(ca, e))?;
            }
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider)
                .allow_unauthenticated()
                .build()
                .map_err(|e| TlsSetupError::Config(e.to_string()))?;
            builder.with_client_cert_verifier(verifier)
        }
        None => builder.with_no_client_auth(),
    };
    builder
        .with_single_cert(certs, key)
        .map_err(|e| TlsSetupError::Config(e.to_string()))
}

/// The fingerprint of the verified client certificate (the chain's leaf). The
/// tenant it names is looked up per read, not once per connection, so unbinding
/// or rebinding takes effect on connections that stay open for days.
fn leaf_fingerprint(
    tls: &tokio_rustls::server::TlsStream<tokio::net::TcpStream>,
) -> Option<String> {
    let leaf = tls.get_ref().1.peer_certificates()?.first()?;
    Some(crate::certificates::fingerprint_of(leaf.as_ref()))
}

/// Listens for syslog over TLS on `addr`.
pub async fn start(
    ingest: Arc<Ingest>,
    addr: SocketAddr,
    config: ServerConfig,
) -> std::io::Result<(SocketAddr, tokio::task::JoinHandle<()>)> {
    let listener = TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    let acceptor = TlsAcceptor::from(Arc::new(config));
    tracing::info!(%bound, "syslog listening on tls");
    let task = tokio::spawn(async move {
        loop {
            let (stream, peer) = match listener.accept().await {
                Ok(accepted) => accepted,
                Err(e) => {
                    tracing::warn!(error = %e, "syslog tls accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            let acceptor = acceptor.clone();
            let ingest = ingest.clone();
            tokio::spawn(async move {
                match tokio::time::timeout(Duration::from_secs(10), acceptor.accept(stream)).await {
                    Ok(Ok(tls)) => {
                        let certificate = leaf_fingerprint(&tls);
                        crate::syslog::serve_stream(
                            ingest,
                            tls,
                            peer,
                            Channel::SyslogTls,
                            certificate,
                        )
                        .await
                    }
                    Ok(Err(e)) => tracing::info!(%peer, error = %e, "syslog tls handshake refused"),
                    Err(_) => tracing::info!(%peer, "syslog tls handshake timed out"),
                }
            });
        }
    });
    Ok((bound, task))
}
