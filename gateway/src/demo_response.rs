//! The demo's response story: after detection has replayed the day, the analyst
//! triages the older alerts (acknowledged and closed minutes after they were
//! raised, with dispositions), and each demo tenant gets cases in several states —
//! one worked to closure with the customer's approval, one waiting on the
//! customer, one under investigation, and one the customer reported that nobody
//! has picked up (it breaches its SLA). Every step carries its own time, so the
//! SLA report and the timeline show a believable history. Idempotent: a tenant
//! that already has cases is left alone.

use chrono::{DateTime, Duration, Utc};
use garrison_cases::alerts::queue::{AlertFilter, AlertOrder, list_alerts};
use garrison_cases::alerts::triage::{acknowledge_alert, close_alerts};
use garrison_cases::cases::actions::{decide_action, propose_action};
use garrison_cases::cases::comments::add_comment;
use garrison_cases::cases::escalate::escalate_alerts;
use garrison_cases::cases::observables::{ObservableKind, add_observable};
use garrison_cases::cases::store::{
    CaseFilter, CaseOrder, list_cases, report_incident, update_case_status,
};
use garrison_cases::cases::tasks::add_task;
use garrison_cases::{Alert, AlertStatus, CaseStatus, Disposition, Visibility};
use garrison_core::db::Db;
use garrison_core::{Scope, Severity, TenantId, users};

/// What the story did, for the demo's summary line.
#[derive(Debug, Default)]
pub struct Story {
    pub cases: u64,
    pub closed_alerts: u64,
}

/// Runs the story for one tenant: `staff` works it, `customer` is its customer admin.
pub async fn tell(
    db: &Db,
    tenant: TenantId,
    staff_email: &str,
    customer_email: &str,
    now: DateTime<Utc>,
) -> anyhow::Result<Story> {
    let staff = scope_of(db, staff_email).await?;
    let customer = scope_of(db, customer_email).await?;
    let mut story = Story::default();
    let tx = db.begin(&staff).await?;
    let existing = list_cases(
        &tx,
        &CaseFilter {
            tenant_ids: vec![tenant],
            ..Default::default()
        },
        CaseOrder::Newest,
        Some(1),
        None,
    )
    .await?
    .total_count;
    let filter = AlertFilter {
        tenant_ids: vec![tenant],
        ..Default::default()
    };
    let mut alerts = list_alerts(&tx, &filter, AlertOrder::Newest, Some(200), None)
        .await?
        .items;
    tx.commit().await?;
    if existing > 0 {
        return Ok(story);
    }
    alerts.sort_by_key(|a| a.detected_at);

    // Reserve the alerts the cases are made of, then triage the rest of the old ones.
    let brute = take(&mut alerts, |a| a.rule_title.contains("Brute Force"));
    let powershell = take(&mut alerts, |a| {
        a.rule_title.contains("Encoded Command") && a.detected_at < now - Duration::hours(3)
    });
    let shadow = take(&mut alerts, |a| a.rule_title.contains("Shadow"));
    for (i, alert) in alerts.iter().enumerate() {
        if alert.detected_at > now - Duration::hours(2) || alert.status != AlertStatus::New {
            continue;
        }
        let ack = alert.detected_at + Duration::minutes(4 + (i as i64 * 7) % 23);
        let closed = ack + Duration::minutes(6 + (i as i64 * 13) % 47);
        let tx = db.begin(&staff).await?;
        acknowledge_alert(&tx, alert.id, ack).await?;
        close_alerts(&tx, &[alert.id], disposition(alert), None, closed).await?;
        tx.commit().await?;
        story.closed_alerts += 1;
    }

    if let Some(alert) = brute {
        worked_to_closure(db, &staff, &customer, &alert, now).await?;
        story.cases += 1;
    }
    if let Some(alert) = powershell {
        let t = alert.detected_at;
        let tx = db.begin(&staff).await?;
        let (case, _) = escalate_alerts(
            &tx,
            &[alert.id],
            None,
            Some("Encoded PowerShell on a workstation"),
            t + Duration::minutes(6),
        )
        .await?;
        update_case_status(
            &tx,
            case.id,
            CaseStatus::Investigating,
            None,
            t + Duration::minutes(12),
        )
        .await?;
        add_comment(&tx, case.id, "We saw PowerShell started hidden with an encoded command on this workstation. Is this expected from your IT tooling?", Visibility::Shared, t + Duration::minutes(25)).await?;
        update_case_status(
            &tx,
            case.id,
            CaseStatus::WaitingOnCustomer,
            Some("Asked whether IT runs encoded PowerShell on this host"),
            t + Duration::minutes(30),
        )
        .await?;
        tx.commit().await?;
        story.cases += 1;
    }
    if let Some(alert) = shadow {
        let t = alert.detected_at;
        let tx = db.begin(&staff).await?;
        let (case, _) =
            escalate_alerts(&tx, &[alert.id], None, None, t + Duration::minutes(9)).await?;
        update_case_status(
            &tx,
            case.id,
            CaseStatus::Investigating,
            None,
            t + Duration::minutes(14),
        )
        .await?;
        add_task(
            &tx,
            case.id,
            "Ask the user why they read /etc/shadow",
            None,
            Some(now + Duration::days(1)),
            t + Duration::minutes(15),
        )
        .await?;
        add_comment(&tx, case.id, "The account ran `cat /etc/shadow` through sudo; checking whether this was change-managed.", Visibility::Internal, t + Duration::minutes(16)).await?;
        tx.commit().await?;
        story.cases += 1;
    }
    // Reported by the customer five hours ago; nobody has picked it up: it breaches.
    let tx = db.begin(&customer).await?;
    report_incident(&tx, "Invoice email with a macro attachment", "Three people in finance received an 'overdue invoice' email with a .docm attachment. One opened it.", Severity::High, now - Duration::hours(5)).await?;
    tx.commit().await?;
    story.cases += 1;
    Ok(story)
}

/// The full loop: escalated, investigated, answered, an action approved by the
/// customer, contained, resolved and closed.
async fn worked_to_closure(
    db: &Db,
    staff: &Scope,
    customer: &Scope,
    alert: &Alert,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    let t = alert.detected_at;
    let step = |m: i64| (t + Duration::minutes(m)).min(now);
    let source = alert
        .group
        .get("source.ip")
        .and_then(|v| v.as_str())
        .unwrap_or("203.0.113.50")
        .to_string();
    let tx = db.begin(staff).await?;
    let (case, _) = escalate_alerts(
        &tx,
        &[alert.id],
        None,
        Some("SSH brute force against Linux servers"),
        step(8),
    )
    .await?;
    update_case_status(&tx, case.id, CaseStatus::Investigating, None, step(15)).await?;
    add_observable(
        &tx,
        case.id,
        ObservableKind::Ip,
        &source,
        true,
        Some("the brute-forcing address"),
        step(16),
    )
    .await?;
    add_comment(
        &tx,
        case.id,
        "Source is a known scanner; no successful login from it so far.",
        Visibility::Internal,
        step(20),
    )
    .await?;
    add_comment(&tx, case.id, &format!("We are seeing repeated failed SSH logins from {source} against your servers. None succeeded."), Visibility::Shared, step(30)).await?;
    let action = propose_action(
        &tx,
        case.id,
        &format!("Block {source} at your perimeter firewall"),
        step(35),
    )
    .await?;
    tx.commit().await?;
    let tx = db.begin(customer).await?;
    decide_action(
        &tx,
        action.id,
        true,
        Some("Approved, please go ahead."),
        step(50),
    )
    .await?;
    add_comment(
        &tx,
        case.id,
        "Thanks — our firewall team confirms the block is in place.",
        Visibility::Shared,
        step(65),
    )
    .await?;
    tx.commit().await?;
    let tx = db.begin(staff).await?;
    update_case_status(&tx, case.id, CaseStatus::Contained, None, step(70)).await?;
    update_case_status(&tx, case.id, CaseStatus::Resolved, None, step(180)).await?;
    if t + Duration::minutes(240) < now {
        update_case_status(&tx, case.id, CaseStatus::Closed, None, step(240)).await?;
    }
    tx.commit().await?;
    Ok(())
}

fn take(alerts: &mut Vec<Alert>, pick: impl Fn(&Alert) -> bool) -> Option<Alert> {
    let i = alerts.iter().position(pick)?;
    Some(alerts.remove(i))
}

/// How the demo analyst judges each kind of alert.
fn disposition(alert: &Alert) -> Disposition {
    let t = alert.rule_title.as_str();
    if t.contains("Network Command") || t.contains("Whoami.EXE Execution Anomaly") {
        Disposition::FalsePositive
    } else if t.contains("Whoami") || t.contains("Local Account") || t.contains("Blocked Inbound") {
        Disposition::BenignPositive
    } else if t.contains("Base64") {
        Disposition::Duplicate
    } else {
        Disposition::TruePositive
    }
}

async fn scope_of(db: &Db, email: &str) -> anyhow::Result<Scope> {
    let system = Scope::system("demo");
    let tx = db.begin(&system).await?;
    let user = users::find_user_by_email(&tx, email)
        .await?
        .ok_or_else(|| anyhow::anyhow!("demo user {email} is missing"))?;
    tx.commit().await?;
    Ok(users::scope_of(&user))
}
