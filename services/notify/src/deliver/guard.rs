//! Where notifications may go. Customer admins create webhook endpoints, so
//! without a guard any customer could make Garrison's worker POST to the
//! provider's own network (a database, a cloud metadata service). Unless the
//! operator allows private targets, a webhook is refused when its host is, or
//! resolves to, a loopback, private, link-local, shared, multicast or
//! unspecified address; the resolver below is the one the HTTP client uses, so a
//! name that resolves differently at send time is checked then too.

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// Whether an address belongs to a network a notification must not reach.
pub fn is_internal(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => internal_v4(v4),
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return internal_v4(v4);
            }
            let first = v6.segments()[0];
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00 // unique local
                || (first & 0xffc0) == 0xfe80 // link-local
        }
    }
}

fn internal_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || a == 0
}

/// The host of a literal-address URL, when it is internal.
pub fn internal_literal(url: &str) -> Option<IpAddr> {
    let parsed = reqwest::Url::parse(url).ok()?;
    let host = parsed.host_str()?;
    let ip = if host.eq_ignore_ascii_case("localhost") || host.ends_with(".localhost") {
        IpAddr::V6(Ipv6Addr::LOCALHOST)
    } else {
        host.trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<IpAddr>()
            .ok()?
    };
    is_internal(ip).then_some(ip)
}

/// A resolver that drops internal addresses (and fails when none are left).
#[derive(Debug, Default)]
pub struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = format!("{}:0", name.as_str());
            let found: Vec<SocketAddr> = tokio::net::lookup_host(host).await?.collect();
            let public: Vec<SocketAddr> =
                found.into_iter().filter(|a| !is_internal(a.ip())).collect();
            if public.is_empty() {
                let refused: Box<dyn std::error::Error + Send + Sync> = format!(
                    "{} resolves only to internal addresses (notify.allow_private_targets is off)",
                    name.as_str()
                )
                .into();
                return Err(refused);
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_networks_are_recognised() {
        for ip in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "::1",
            "fd00::1",
            "fe80::1",
            "::ffff:10.0.0.1",
        ] {
            assert!(is_internal(ip.parse().expect("ip")), "{ip}");
        }
        for ip in ["203.0.113.9", "8.8.8.8", "2001:db8::1", "100.128.0.1"] {
            assert!(!is_internal(ip.parse().expect("ip")), "{ip}");
        }
    }

    #[test]
    fn literal_urls_are_checked_without_resolving() {
        assert!(internal_literal("http://127.0.0.1:8080/hook").is_some());
        assert!(internal_literal("http://[::1]/hook").is_some());
        assert!(internal_literal("http://localhost/hook").is_some());
        assert!(internal_literal("https://hooks.example.com/x").is_none());
        assert!(internal_literal("https://203.0.113.9/x").is_none());
    }
}
