//! The account and portfolio reports as CSV (RFC 4180 quoting; money in minor
//! units with the currency alongside, data in bytes and decimal GB).

use crate::money::gb_string;
use crate::portfolio::AccountReportSummary;
use crate::report::AccountReport;

fn field(value: &str) -> String {
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(ToString::to_string).unwrap_or_default()
}

/// The account report: one `section` column, then the section's columns.
pub fn account_csv(r: &AccountReport) -> String {
    let mut out = String::new();
    row(
        &mut out,
        &[
            "section".into(),
            "key".into(),
            "a".into(),
            "b".into(),
            "c".into(),
            "d".into(),
        ],
    );
    let s = |x: &str| x.to_string();
    row(
        &mut out,
        &[
            s("account"),
            s("tenant"),
            r.tenant_id.to_string(),
            r.tenant_name.clone(),
            r.month.to_string(),
            r.timezone.clone(),
        ],
    );
    if let Some(p) = &r.plan {
        row(
            &mut out,
            &[
                s("plan"),
                p.name.clone(),
                p.currency.clone(),
                p.base_fee_minor.to_string(),
                p.included_gb.to_string(),
                p.sla_tier.clone(),
            ],
        );
    }
    row(
        &mut out,
        &[
            s("usage_day"),
            s("day"),
            s("events"),
            s("bytes"),
            s("gb"),
            s("endpoints"),
        ],
    );
    for d in &r.usage_by_day {
        row(
            &mut out,
            &[
                s("usage_day"),
                d.day.to_string(),
                d.events.to_string(),
                d.bytes.to_string(),
                gb_string(d.bytes),
                d.endpoints.to_string(),
            ],
        );
    }
    if let Some(c) = &r.computed {
        for l in &c.lines {
            row(
                &mut out,
                &[
                    s("estimate_line"),
                    l.kind.as_str().into(),
                    l.description.clone(),
                    l.quantity.clone(),
                    l.amount_minor.to_string(),
                    c.currency.clone(),
                ],
            );
        }
        row(
            &mut out,
            &[
                s("estimate_total"),
                s("total"),
                c.total_minor.to_string(),
                c.currency.clone(),
                String::new(),
                String::new(),
            ],
        );
    }
    for i in &r.invoices {
        row(
            &mut out,
            &[
                s("invoice"),
                opt(&i.number),
                i.status.clone(),
                i.total.to_string(),
                i.currency.clone(),
                opt(&i.hosted_url),
            ],
        );
    }
    for a in &r.sla.attainment {
        row(
            &mut out,
            &[
                s("sla_target"),
                a.target.clone(),
                a.met.to_string(),
                a.breached.to_string(),
                opt(&a.percent.map(|p| format!("{p:.2}"))),
                String::new(),
            ],
        );
    }
    row(
        &mut out,
        &[
            s("sla"),
            s("mtta_secs"),
            opt(&r.sla.mtta_secs.map(|v| format!("{v:.0}"))),
            s("mttr_secs"),
            opt(&r.sla.mttr_secs.map(|v| format!("{v:.0}"))),
            r.sla.breach_count.to_string(),
        ],
    );
    let volumes = [
        ("alerts_by_severity", &r.volumes.alerts_by_severity),
        ("alerts_by_disposition", &r.volumes.alerts_by_disposition),
        ("cases_by_severity", &r.volumes.cases_by_severity),
        ("cases_by_status", &r.volumes.cases_by_status),
    ];
    for (name, counts) in volumes {
        for c in counts {
            row(
                &mut out,
                &[
                    s(name),
                    c.key.clone(),
                    c.count.to_string(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            );
        }
    }
    for f in &r.flags {
        row(
            &mut out,
            &[
                s("flag"),
                f.as_str().into(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ],
        );
    }
    out
}

/// The portfolio: one row per tenant.
pub fn portfolio_csv(rows: &[AccountReportSummary]) -> String {
    let mut out = String::new();
    let header = [
        "tenant_id",
        "tenant",
        "month",
        "plan",
        "currency",
        "included_gb",
        "gb_used",
        "max_endpoints",
        "estimated_total_minor",
        "overage_minor",
        "invoice_status",
        "sla_attainment_percent",
        "breaches",
        "flags",
    ];
    row(&mut out, &header.map(String::from));
    for r in rows {
        row(
            &mut out,
            &[
                r.tenant_id.to_string(),
                r.tenant_name.clone(),
                r.month.to_string(),
                opt(&r.plan_name),
                opt(&r.currency),
                opt(&r.included_gb),
                gb_string(r.bytes),
                r.max_endpoints.to_string(),
                opt(&r.estimated_total_minor),
                opt(&r.overage_minor),
                opt(&r.invoice_status),
                opt(&r.sla_attainment_percent.map(|p| format!("{p:.2}"))),
                r.breach_count.to_string(),
                r.flags
                    .iter()
                    .map(|f| f.as_str())
                    .collect::<Vec<_>>()
                    .join(" "),
            ],
        );
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_what_needs_quoting() {
        assert_eq!(super::field("a,b"), "\"a,b\"");
        assert_eq!(super::field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(super::field("plain"), "plain");
    }
}
