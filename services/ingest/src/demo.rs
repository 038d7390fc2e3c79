//! Demo traffic: a realistic day of logs for a demo tenant (SSH brute force and
//! logins, sudo, firewall drops, FortiGate traffic, Sysmon process creation from
//! Windows hosts, web access), fed through the same pipeline as real traffic.

use crate::Ingest;
use crate::normalize::Arrival;
use crate::pipeline::{object_event, text_event};
use crate::writer::{Busy, Submission};
use chrono::{DateTime, Duration, Utc};
use garrison_core::event::Channel;
use garrison_core::{Error, Result, TenantId};
use serde_json::{Value, json};

/// A deterministic pseudo-random sequence (the demo is reproducible).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

/// One demo record.
pub enum DemoRecord {
    Line(String),
    Object(Value),
}

/// `count` records spread over the day before `now`, seeded by `seed`.
/// Syslog timestamps are written in `tz`, as the tenant's devices would.
pub fn demo_records(
    seed: u64,
    count: usize,
    now: DateTime<Utc>,
    tz: chrono_tz::Tz,
) -> Vec<DemoRecord> {
    let mut rng = Lcg(seed.wrapping_add(0x9e37_79b9));
    let hosts = ["srv-01", "srv-02", "web01", "db01"];
    let users = ["alice", "bob", "deploy", "oracle"];
    let windows = ["WS-0142", "WS-0177", "DC01"];
    let attacker = format!("203.0.113.{}", 10 + rng.next() % 200);
    (0..count)
        .map(|i| {
            let at = now - Duration::seconds((86_400 * (count - i) / count.max(1)) as i64);
            let stamp = at.with_timezone(&tz).format("%b %e %H:%M:%S").to_string();
            match rng.next() % 8 {
                0 | 1 => DemoRecord::Line(format!(
                    "<38>{stamp} {} sshd[{}]: Failed password for {} from {attacker} port {} ssh2",
                    rng.pick(&hosts),
                    1000 + rng.next() % 60000,
                    rng.pick(&["root", "admin", "ubuntu", "test"]),
                    1024 + rng.next() % 60000
                )),
                2 => DemoRecord::Line(format!(
                    "<38>{stamp} {} sshd[{}]: Accepted publickey for {} from 10.0.{}.{} port {} ssh2",
                    rng.pick(&hosts),
                    1000 + rng.next() % 60000,
                    rng.pick(&users),
                    rng.next() % 8,
                    rng.next() % 250,
                    1024 + rng.next() % 60000
                )),
                3 => DemoRecord::Line(format!(
                    "<85>{stamp} {} sudo[{}]: {} : TTY=pts/{} ; PWD=/home/{} ; USER=root ; COMMAND={}",
                    rng.pick(&hosts),
                    1000 + rng.next() % 60000,
                    rng.pick(&users),
                    rng.next() % 4,
                    rng.pick(&users),
                    rng.pick(&["/usr/bin/systemctl restart nginx", "/bin/cat /etc/shadow", "/usr/bin/apt upgrade"])
                )),
                4 => DemoRecord::Line(format!(
                    "<4>{stamp} {} kernel: [UFW BLOCK] IN=eth0 OUT= SRC={attacker} DST=10.0.1.{} PROTO=TCP SPT={} DPT={}",
                    rng.pick(&hosts),
                    rng.next() % 250,
                    1024 + rng.next() % 60000,
                    rng.pick(&["22", "3389", "445", "3306"])
                )),
                5 => DemoRecord::Line(format!(
                    "<189>date={} time={} devname=\"FGT60F-HQ\" devid=\"FGT60FTK0001\" logid=\"0000000013\" type=\"traffic\" srcip=10.0.2.{} dstip=198.51.100.{} dstport={} action=\"{}\" service=\"{}\"",
                    // A FortiGate writes its local time (the tenant's zone), without a zone.
                    at.with_timezone(&tz).format("%Y-%m-%d"),
                    at.with_timezone(&tz).format("%H:%M:%S"),
                    rng.next() % 250,
                    rng.next() % 250,
                    rng.pick(&["443", "80", "53"]),
                    rng.pick(&["accept", "close", "deny"]),
                    rng.pick(&["HTTPS", "HTTP", "DNS"])
                )),
                6 => {
                    let (image, command) = match rng.next() % 4 {
                        0 => ("C:\\Windows\\System32\\whoami.exe", "whoami /all"),
                        1 => ("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe", "powershell.exe -nop -w hidden -enc SQBFAFgA"),
                        2 => ("C:\\Windows\\System32\\cmd.exe", "cmd.exe /c ipconfig /all"),
                        _ => ("C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe", "chrome.exe --type=renderer"),
                    };
                    DemoRecord::Object(json!({
                        "@timestamp": at.to_rfc3339(),
                        "EventID": 1,
                        "Channel": "Microsoft-Windows-Sysmon/Operational",
                        "Provider_Name": "Microsoft-Windows-Sysmon",
                        "Computer": rng.pick(&windows),
                        "Image": image,
                        "CommandLine": command,
                        "ParentImage": "C:\\Windows\\explorer.exe",
                        "User": format!("CORP\\{}", rng.pick(&users)),
                    }))
                }
                _ => DemoRecord::Line(format!(
                    "<190>{stamp} web01 nginx: {attacker} - - [{}] \"GET {} HTTP/1.1\" {} {} \"-\" \"curl/8.5.0\"",
                    at.format("%d/%b/%Y:%H:%M:%S +0000"),
                    rng.pick(&["/", "/login", "/.env", "/wp-admin/", "/api/v1/users"]),
                    rng.pick(&["200", "401", "404"]),
                    200 + rng.next() % 40000
                )),
            }
        })
        .collect()
}

/// Feeds demo records for `tenant` through the pipeline and waits for the commit.
pub async fn send_demo(
    ingest: &Ingest,
    tenant: TenantId,
    seed: u64,
    count: usize,
) -> Result<usize> {
    let info = ingest.directory.get(tenant).await?.ok_or(Error::NotFound)?;
    let now = Utc::now();
    let cap = ingest.config.raw_cap_bytes;
    let mut submission = Submission::default();
    for record in demo_records(seed, count, now, info.tz) {
        match record {
            DemoRecord::Line(line) => {
                let arrival = Arrival::new(tenant, Channel::SyslogTcp, now, cap);
                let event = text_event(&line, &[], info.tz, &arrival);
                submission.push(event, line.len() as u64);
            }
            DemoRecord::Object(Value::Object(object)) => {
                let raw = Value::Object(object.clone()).to_string();
                let arrival = Arrival::new(tenant, Channel::Http, now, cap);
                submission.push(object_event(object, &raw, &arrival), raw.len() as u64);
            }
            DemoRecord::Object(_) => {}
        }
    }
    let sent = submission.events().len();
    match ingest.writer.submit_and_wait(submission).await {
        Ok(result) => result.map(|()| sent),
        Err(Busy::Full) | Err(Busy::Stopped) => Err(Error::Unavailable("ingest writer".into())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_is_deterministic_and_varied() {
        let now = Utc::now();
        let a = demo_records(1, 200, now, chrono_tz::Tz::UTC);
        let b = demo_records(1, 200, now, chrono_tz::Tz::UTC);
        let text = |r: &DemoRecord| match r {
            DemoRecord::Line(l) => l.clone(),
            DemoRecord::Object(v) => v.to_string(),
        };
        assert_eq!(
            a.iter().map(text).collect::<Vec<_>>(),
            b.iter().map(text).collect::<Vec<_>>()
        );
        let all: String = a.iter().map(text).collect();
        for needle in [
            "Failed password",
            "sudo",
            "UFW BLOCK",
            "devname",
            "Sysmon",
            "nginx",
        ] {
            assert!(all.contains(needle), "{needle}");
        }
    }
}
