//! Log-source routing: which events a rule can apply to, from its `logsource`.
//!
//! The tables follow SigmaHQ's THOR mapping (`taxonomy/thor-logsource-mapping.yml`):
//! a Windows category is a set of (service, EventID) pairs, and a service is a set of
//! channels. Channel names compare case-insensitively (Windows treats them so, and real
//! collectors emit `security` as well as `Security`). Routing is a superset filter:
//! whatever the table does not know is evaluated on every event.

use crate::event::raw::{RawEvent, RawScalar, decode};
use crate::parse::LogSource;
use serde_json::Value;

/// Windows category -> (service, EventIDs).
pub const CATEGORIES: &[(&str, &str, &[i64])] = &[
    ("process_creation", "sysmon", &[1]),
    ("process_creation", "security", &[4688]),
    ("file_change", "sysmon", &[2]),
    ("network_connection", "sysmon", &[3]),
    ("sysmon_status", "sysmon", &[4, 16]),
    ("process_termination", "sysmon", &[5]),
    ("driver_load", "sysmon", &[6]),
    ("image_load", "sysmon", &[7]),
    ("create_remote_thread", "sysmon", &[8]),
    ("raw_access_thread", "sysmon", &[9]),
    ("process_access", "sysmon", &[10]),
    ("file_event", "sysmon", &[11]),
    ("registry_event", "sysmon", &[12, 13, 14]),
    ("registry_add", "sysmon", &[12]),
    ("registry_delete", "sysmon", &[12]),
    ("registry_set", "sysmon", &[13]),
    ("registry_rename", "sysmon", &[14]),
    ("create_stream_hash", "sysmon", &[15]),
    ("pipe_created", "sysmon", &[17, 18]),
    ("wmi_event", "sysmon", &[19, 20, 21]),
    ("dns_query", "sysmon", &[22]),
    ("file_delete", "sysmon", &[23]),
    ("clipboard_change", "sysmon", &[24]),
    ("process_tampering", "sysmon", &[25]),
    ("file_delete_detected", "sysmon", &[26]),
    ("file_block_executable", "sysmon", &[27]),
    ("file_block_shredding", "sysmon", &[28]),
    ("file_executable_detected", "sysmon", &[29]),
    ("sysmon_error", "sysmon", &[255]),
    ("ps_module", "powershell", &[4103]),
    ("ps_script", "powershell", &[4104]),
    ("ps_classic_start", "powershell-classic", &[400]),
    ("ps_classic_provider_start", "powershell-classic", &[600]),
    ("ps_classic_script", "powershell-classic", &[800]),
    (
        "antivirus",
        "windefend",
        &[
            1006, 1007, 1008, 1009, 1010, 1011, 1012, 1017, 1018, 1019, 1115, 1116,
        ],
    ),
];

/// Windows service -> channels.
pub const SERVICES: &[(&str, &[&str])] = &[
    ("application", &["Application"]),
    ("security", &["Security"]),
    ("system", &["System"]),
    ("ntlm", &["Microsoft-Windows-NTLM/Operational"]),
    ("sysmon", &["Microsoft-Windows-Sysmon/Operational"]),
    (
        "powershell",
        &[
            "Microsoft-Windows-PowerShell/Operational",
            "PowerShellCore/Operational",
        ],
    ),
    ("powershell-classic", &["Windows PowerShell"]),
    (
        "taskscheduler",
        &["Microsoft-Windows-TaskScheduler/Operational"],
    ),
    ("wmi", &["Microsoft-Windows-WMI-Activity/Operational"]),
    ("dhcp", &["Microsoft-Windows-DHCP-Server/Operational"]),
    (
        "printservice-admin",
        &["Microsoft-Windows-PrintService/Admin"],
    ),
    (
        "smbclient-security",
        &["Microsoft-Windows-SmbClient/Security"],
    ),
    (
        "smbclient-connectivity",
        &["Microsoft-Windows-SmbClient/Connectivity"],
    ),
    (
        "smbserver-connectivity",
        &["Microsoft-Windows-SMBServer/Connectivity"],
    ),
    (
        "printservice-operational",
        &["Microsoft-Windows-PrintService/Operational"],
    ),
    (
        "terminalservices-localsessionmanager",
        &["Microsoft-Windows-TerminalServices-LocalSessionManager/Operational"],
    ),
    (
        "codeintegrity-operational",
        &["Microsoft-Windows-CodeIntegrity/Operational"],
    ),
    (
        "applocker",
        &[
            "Microsoft-Windows-AppLocker/MSI and Script",
            "Microsoft-Windows-AppLocker/EXE and DLL",
            "Microsoft-Windows-AppLocker/Packaged app-Deployment",
            "Microsoft-Windows-AppLocker/Packaged app-Execution",
        ],
    ),
    ("msexchange-management", &["MSExchange Management"]),
    (
        "windefend",
        &["Microsoft-Windows-Windows Defender/Operational"],
    ),
    (
        "firewall-as",
        &["Microsoft-Windows-Windows Firewall With Advanced Security/Firewall"],
    ),
    (
        "bits-client",
        &["Microsoft-Windows-Bits-Client/Operational"],
    ),
    (
        "security-mitigations",
        &[
            "Microsoft-Windows-Security-Mitigations/Kernel Mode",
            "Microsoft-Windows-Security-Mitigations/User Mode",
        ],
    ),
    (
        "diagnosis-scripted",
        &["Microsoft-Windows-Diagnosis-Scripted/Operational"],
    ),
    ("shell-core", &["Microsoft-Windows-Shell-Core/Operational"]),
    ("openssh", &["OpenSSH/Operational"]),
    ("ldap", &["Microsoft-Windows-LDAP-Client/Debug"]),
    (
        "bitlocker",
        &["Microsoft-Windows-BitLocker/BitLocker Management"],
    ),
    ("vhdmp", &["Microsoft-Windows-VHDMP/Operational"]),
    (
        "appxdeployment-server",
        &["Microsoft-Windows-AppXDeploymentServer/Operational"],
    ),
    ("lsa-server", &["Microsoft-Windows-LSA/Operational"]),
    (
        "appxpackaging-om",
        &["Microsoft-Windows-AppxPackaging/Operational"],
    ),
    (
        "dns-client",
        &[
            "Microsoft-Windows-DNS Client Events/Operational",
            "Microsoft-Windows-DNS-Client/Operational",
        ],
    ),
    (
        "appmodel-runtime",
        &["Microsoft-Windows-AppModel-Runtime/Admin"],
    ),
    ("capi2", &["Microsoft-Windows-CAPI2/Operational"]),
    (
        "certificateservicesclient-lifecycle-system",
        &["Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational"],
    ),
    (
        "kernel-shimengine",
        &[
            "Microsoft-Windows-Kernel-ShimEngine/Operational",
            "Microsoft-Windows-Kernel-ShimEngine/Diagnostic",
        ],
    ),
    (
        "application-experience",
        &[
            "Microsoft-Windows-Application-Experience/Program-Telemetry",
            "Microsoft-Windows-Application-Experience/Program-Compatibility-Assistant",
        ],
    ),
    ("ntfs", &["Microsoft-Windows-Ntfs/Operational"]),
    ("hyper-v-worker", &["Microsoft-Windows-Hyper-V-Worker"]),
    (
        "kernel-event-tracing",
        &["Microsoft-Windows-Kernel-EventTracing"],
    ),
    ("sense", &["Microsoft-Windows-SENSE/Operational"]),
    (
        "servicebus-client",
        &[
            "Microsoft-ServiceBus-Client/Admin",
            "Microsoft-ServiceBus-Client/Operational",
        ],
    ),
    (
        "iis-configuration",
        &["Microsoft-IIS-Configuration/Operational"],
    ),
];

/// One acceptable (channel, EventID) combination; `None` means any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RouteAlt {
    pub channel: Option<String>,
    pub event_id: Option<i64>,
}

/// Which events a rule may apply to under routing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// Unknown or generic log source: every event.
    Any,
    /// A Windows log source: events whose channel/EventID fit one alternative.
    Windows(Vec<RouteAlt>),
    /// A non-Windows product: only events that are not Windows events.
    NotWindows,
}

fn channels(service: &str) -> Option<&'static [&'static str]> {
    SERVICES
        .iter()
        .find(|(s, _)| *s == service)
        .map(|(_, c)| *c)
}

/// Computes a rule's route from its log source.
pub fn route_for(ls: &LogSource) -> Route {
    match ls.product.as_deref() {
        Some("windows") => {}
        Some(_) => return Route::NotWindows,
        None => return route_without_product(ls),
    }
    let mut alts = Vec::new();
    if let Some(cat) = ls.category.as_deref() {
        for (c, svc, ids) in CATEGORIES {
            if *c != cat || ls.service.as_deref().is_some_and(|s| s != *svc) {
                continue;
            }
            let chans = channels(svc).unwrap_or(&[]);
            for id in *ids {
                for ch in chans {
                    alts.push(RouteAlt {
                        channel: Some(ch.to_string()),
                        event_id: Some(*id),
                    });
                }
            }
        }
        if alts.is_empty() {
            return Route::Any;
        }
        return Route::Windows(alts);
    }
    if let Some(svc) = ls.service.as_deref()
        && let Some(chans) = channels(svc)
    {
        for ch in chans {
            alts.push(RouteAlt {
                channel: Some(ch.to_string()),
                event_id: None,
            });
        }
        return Route::Windows(alts);
    }
    Route::Any
}

/// A rule without `product`: generic categories the Windows tables know (antivirus)
/// stay open to every event; other categories and services (webserver, proxy,
/// firewall, database, apache, ...) describe non-Windows logs, as in the THOR mapping
/// where they are file sources.
fn route_without_product(ls: &LogSource) -> Route {
    let windows_category = ls
        .category
        .as_deref()
        .is_some_and(|c| CATEGORIES.iter().any(|(k, _, _)| *k == c));
    let windows_service = ls.service.as_deref().is_some_and(|s| channels(s).is_some());
    if windows_category || windows_service || (ls.category.is_none() && ls.service.is_none()) {
        Route::Any
    } else {
        Route::NotWindows
    }
}

/// The routing key of an event: its Windows channel and EventID, if present.
pub struct EventKey<'a> {
    pub channel: Option<&'a str>,
    pub event_id: Option<i64>,
}

impl<'a> EventKey<'a> {
    /// Reads `Channel` and `EventID` (number or numeric text).
    pub fn of(ev: &'a Value) -> Self {
        let channel = ev.get("Channel").and_then(Value::as_str);
        let event_id = ev.get("EventID").and_then(|v| match v {
            Value::Number(n) => n.as_i64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        });
        EventKey { channel, event_id }
    }
}

/// [`EventKey`] read from a lazily read line (the channel may need unescaping).
#[derive(Debug)]
pub struct RawEventKey<'a> {
    pub channel: Option<std::borrow::Cow<'a, str>>,
    pub event_id: Option<i64>,
}

impl EventKey<'_> {
    /// Reads `Channel` and `EventID` from a line as [`EventKey::of`] does from a tree.
    pub fn of_raw<'a>(ev: &RawEvent<'a>) -> RawEventKey<'a> {
        let event_id = ev.get("EventID").and_then(|v| match decode(v) {
            RawScalar::Number(n) => n.as_i64(),
            RawScalar::Str(s) => s.trim().parse().ok(),
            _ => None,
        });
        RawEventKey {
            channel: ev.get_str("Channel"),
            event_id,
        }
    }
}

impl Route {
    /// Whether a rule with this route can apply to an event with this key.
    pub fn admits(&self, key: &EventKey<'_>) -> bool {
        match self {
            Route::Any => true,
            Route::NotWindows => key.channel.is_none(),
            Route::Windows(alts) => alts.iter().any(|a| {
                let ch_ok = match (&a.channel, key.channel) {
                    (None, _) => true,
                    (Some(want), Some(have)) => want.eq_ignore_ascii_case(have),
                    (Some(_), None) => false,
                };
                ch_ok && a.event_id.is_none_or(|id| key.event_id == Some(id))
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ls(p: &str, c: Option<&str>, s: Option<&str>) -> LogSource {
        LogSource {
            product: Some(p.into()),
            category: c.map(Into::into),
            service: s.map(Into::into),
        }
    }

    #[test]
    fn process_creation_routes_to_sysmon_1_and_security_4688() {
        let r = route_for(&ls("windows", Some("process_creation"), None));
        let sysmon = json!({"Channel": "Microsoft-Windows-Sysmon/Operational", "EventID": 1});
        let sec = json!({"Channel": "security", "EventID": "4688"});
        let other = json!({"Channel": "Microsoft-Windows-Sysmon/Operational", "EventID": 3});
        assert!(r.admits(&EventKey::of(&sysmon)));
        assert!(r.admits(&EventKey::of(&sec)));
        assert!(!r.admits(&EventKey::of(&other)));
    }

    #[test]
    fn services_route_by_channel_and_unknowns_pass() {
        let r = route_for(&ls("windows", None, Some("system")));
        assert!(r.admits(&EventKey::of(
            &json!({"Channel": "System", "EventID": 7045})
        )));
        assert!(!r.admits(&EventKey::of(&json!({"Channel": "Security"}))));
        assert_eq!(
            route_for(&ls("windows", Some("unknown_cat"), None)),
            Route::Any
        );
        assert_eq!(route_for(&ls("linux", None, None)), Route::NotWindows);
        let no_product = |c: Option<&str>, s: Option<&str>| LogSource {
            product: None,
            category: c.map(Into::into),
            service: s.map(Into::into),
        };
        assert_eq!(
            route_for(&no_product(Some("webserver"), None)),
            Route::NotWindows
        );
        assert_eq!(
            route_for(&no_product(None, Some("apache"))),
            Route::NotWindows
        );
        assert_eq!(route_for(&no_product(Some("antivirus"), None)), Route::Any);
        assert_eq!(route_for(&no_product(None, None)), Route::Any);
        assert!(!Route::NotWindows.admits(&EventKey::of(&json!({"Channel": "System"}))));
    }
}
