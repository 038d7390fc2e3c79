//! `garrison demo`: seeds a provider admin, an analyst, an account manager and
//! three customer tenants with a customer admin each. Idempotent: existing tenants
//! and users (by slug and email) are left as they are.

use garrison_core::config::Config;
use garrison_core::db::Db;
use garrison_core::tenants::{self, NewTenant};
use garrison_core::users::{self, NewUser};
use garrison_core::{Role, Scope, Secret, TenantId};

/// The password every demo user gets (unless `GARRISON_ADMIN_PASSWORD` sets the admin's).
pub const DEMO_PASSWORD: &str = "garrison-demo-2026";

const TENANTS: [(&str, &str, &str); 3] = [
    ("Acme Corporation", "acme", "America/New_York"),
    ("Globex Industries", "globex", "Europe/Berlin"),
    ("Initech", "initech", "Asia/Tokyo"),
];

/// One seeded login.
pub struct Login {
    pub email: String,
    pub role: Role,
    pub tenant: Option<String>,
}

/// Seeds the demo and returns the logins.
pub async fn seed(db: &Db, config: &Config) -> anyhow::Result<Vec<Login>> {
    let scope = Scope::system("demo");
    let mut tx = db.begin(&scope).await?;
    let mut tenant_ids: Vec<(String, TenantId)> = Vec::new();
    for (name, slug, tz) in TENANTS {
        let tenant = match tenants::find_tenant_by_slug(&tx, slug).await? {
            Some(t) => t,
            None => {
                let input = NewTenant {
                    name: name.into(),
                    slug: slug.into(),
                    timezone: Some(tz.into()),
                };
                tenants::create_tenant(&mut tx, input).await?
            }
        };
        tenant_ids.push((slug.to_string(), tenant.id));
    }
    tx.commit().await?;

    let demo = Secret::new(DEMO_PASSWORD.to_string());
    let admin_email = config
        .admin
        .email
        .clone()
        .unwrap_or_else(|| crate::bootstrap::DEFAULT_ADMIN_EMAIL.into());
    let admin_password = config
        .admin
        .password
        .clone()
        .unwrap_or_else(|| demo.clone());
    users::ensure_provider_admin(db, &admin_email, &admin_password).await?;
    let mut logins = vec![Login {
        email: admin_email,
        role: Role::ProviderAdmin,
        tenant: None,
    }];

    let first_two: Vec<TenantId> = tenant_ids.iter().take(2).map(|(_, id)| *id).collect();
    let staff = [
        (
            "analyst@garrison.local",
            "Ada Analyst",
            Role::Analyst,
            first_two,
            false,
        ),
        (
            "accounts@garrison.local",
            "Sam Account-Manager",
            Role::AccountManager,
            Vec::new(),
            true,
        ),
    ];
    let tx = db.begin(&scope).await?;
    for (email, name, role, tenant_ids, all) in staff {
        if users::find_user_by_email(&tx, email).await?.is_none() {
            let input = NewUser {
                email: email.into(),
                display_name: Some(name.into()),
                password: demo.clone(),
                role,
                tenant_id: None,
                tenant_ids,
                all_tenants: all,
            };
            users::create_user(&tx, input).await?;
        }
        logins.push(Login {
            email: email.into(),
            role,
            tenant: None,
        });
    }
    for (slug, tenant_id) in &tenant_ids {
        let email = format!("admin@{slug}.example");
        if users::find_user_by_email(&tx, &email).await?.is_none() {
            let input = NewUser {
                email: email.clone(),
                display_name: Some(format!("{slug} security lead")),
                password: demo.clone(),
                role: Role::CustomerAdmin,
                tenant_id: Some(*tenant_id),
                tenant_ids: Vec::new(),
                all_tenants: false,
            };
            users::create_user(&tx, input).await?;
        }
        logins.push(Login {
            email,
            role: Role::CustomerAdmin,
            tenant: Some(slug.clone()),
        });
    }
    tx.commit().await?;
    seed_billing(db, &tenant_ids).await?;
    Ok(logins)
}

/// Billing: plans, a subscription per demo tenant and a month of usage ledger
/// (all in `billing_demo`, so this file keeps one call for it).
async fn seed_billing(db: &Db, tenants: &[(String, TenantId)]) -> anyhow::Result<()> {
    crate::billing_demo::seed(db, tenants, chrono::Utc::now()).await
}

/// Events per demo tenant: a day of traffic.
pub const DEMO_EVENTS: usize = 600;

/// Sends a day of realistic traffic for each demo tenant through the ingest
/// pipeline (skipped for tenants that already have events, so re-runs add none).
pub async fn send_events(db: &Db, config: &Config) -> anyhow::Result<usize> {
    let bus: std::sync::Arc<dyn garrison_core::bus::Bus> =
        std::sync::Arc::new(garrison_core::bus::LocalBus::new(64));
    let (ingest, _writer) = garrison_ingest::Ingest::start(db.clone(), bus, config.ingest.clone());
    let scope = Scope::system("demo");
    let mut sent = 0;
    for (seed, (_, slug, _)) in TENANTS.iter().enumerate() {
        let tx = db.begin(&scope).await?;
        let Some(tenant) = tenants::find_tenant_by_slug(&tx, slug).await? else {
            continue;
        };
        let filter = garrison_ingest::search::EventFilter {
            from: Some(chrono::DateTime::UNIX_EPOCH),
            ..Default::default()
        };
        let existing =
            garrison_ingest::search::search_events(&tx, tenant.id, filter, Some(1), None)
                .await?
                .total_count;
        tx.commit().await?;
        if existing == 0 {
            sent +=
                garrison_ingest::demo::send_demo(&ingest, tenant.id, seed as u64 + 1, DEMO_EVENTS)
                    .await?;
        }
    }
    Ok(sent)
}

/// Prints the logins as a table.
pub fn print_logins(logins: &[Login], admin_password_configured: bool) {
    println!("Garrison demo data is ready. Sign in at http://127.0.0.1:8080 with:");
    println!("  {:<28} {:<16} {:<10} password", "email", "role", "tenant");
    for login in logins {
        let password = if login.role == Role::ProviderAdmin && admin_password_configured {
            "(GARRISON_ADMIN_PASSWORD)"
        } else {
            DEMO_PASSWORD
        };
        println!(
            "  {:<28} {:<16} {:<10} {password}",
            login.email,
            login.role.as_str(),
            login.tenant.as_deref().unwrap_or("-")
        );
    }
}

/// Where the demo looks for SigmaHQ's rules (present beside a development checkout).
const SIGMAHQ_DIRS: [&str; 3] = [
    "../shared/sigma/rules/linux",
    "../shared/sigma/rules/windows/process_creation",
    "../shared/sigma/rules/web",
];

/// Imports the starter pack (and a SigmaHQ subset when its rules are beside the
/// checkout), enables them for every demo tenant, and runs detection over the
/// demo traffic once, so alerts are waiting when the server starts. Idempotent:
/// the durable cursor and alert dedup keys make a second run raise nothing new.
pub async fn detect(db: &Db, config: &Config) -> anyhow::Result<String> {
    use crate::rule_packs::{ESSENTIALS, ensure_pack, essentials_files};
    let admin_email = config
        .admin
        .email
        .clone()
        .unwrap_or_else(|| crate::bootstrap::DEFAULT_ADMIN_EMAIL.into());
    let mut packs = vec![ensure_pack(db, ESSENTIALS, essentials_files()).await?];
    let sigma_dirs: Vec<&std::path::Path> = SIGMAHQ_DIRS
        .iter()
        .map(std::path::Path::new)
        .filter(|p| p.is_dir())
        .collect();
    let mut note = String::new();
    if sigma_dirs.len() == SIGMAHQ_DIRS.len() {
        let mut files = Vec::new();
        for dir in &sigma_dirs {
            let prefix = dir.strip_prefix("../shared/sigma/").unwrap_or(dir);
            for mut f in garrison_detection::packs::import::read_pack_dir(dir)? {
                f.source = format!("{}/{}", prefix.display(), f.source);
                files.push(f);
            }
        }
        packs.push(ensure_pack(db, "sigmahq-core", files).await?);
    } else {
        note = " (SigmaHQ rules not found at ../shared/sigma/rules: only the starter pack)".into();
    }
    let scope = Scope::system("demo");
    let tx = db.begin(&scope).await?;
    let mut tenant_ids = Vec::new();
    for (_, slug, _) in TENANTS {
        if let Some(t) = tenants::find_tenant_by_slug(&tx, slug).await? {
            tenant_ids.push(t.id);
        }
    }
    tx.commit().await?;
    let created = replay_detection(db, &tenant_ids, &packs).await?;
    let names: Vec<&str> = packs.iter().map(|p| p.name.as_str()).collect();
    let now = chrono::Utc::now();
    let (mut cases, mut closed) = (0, 0);
    for ((_, slug, _), tenant) in TENANTS.iter().zip(&tenant_ids) {
        // The demo analyst works acme and globex; initech is the admin's.
        let staff = if *slug == "initech" {
            admin_email.as_str()
        } else {
            "analyst@garrison.local"
        };
        let customer = format!("admin@{slug}.example");
        let story = crate::demo_response::tell(db, *tenant, staff, &customer, now).await?;
        cases += story.cases;
        closed += story.closed_alerts;
    }
    let notices = crate::worker::run_sla_tick(db, now).await?.len();
    Ok(format!(
        "Rule packs {} enabled for the demo tenants{note}; detection raised {created} new alerts; \
         the analyst closed {closed} and worked {cases} cases ({notices} SLA warnings and breaches recorded).",
        names.join(" and ")
    ))
}

/// Steps a clock through the past day in ten-minute steps; at each, detection sees
/// the events that had happened by then, so alerts carry realistic detection times.
async fn replay_detection(
    db: &Db,
    tenants: &[TenantId],
    packs: &[garrison_detection::packs::RulePack],
) -> anyhow::Result<u64> {
    use garrison_core::clock::{Clock, ManualClock};
    use std::sync::Arc;
    let now = chrono::Utc::now();
    let clock = ManualClock::new(now - chrono::Duration::hours(25));
    let log = crate::demo_replay::ReplayLog::new(
        Arc::new(crate::wiring::IngestEventLog::new(db.clone())),
        clock.clone(),
    );
    let detection = garrison_detection::consumer::Detection::new(
        db.clone(),
        Arc::new(log),
        Arc::new(garrison_cases::alerts::raise::DbAlertSink::new(
            db.clone(),
            garrison_cases::notify::AlertFeed::default(),
        )),
        clock.clone(),
        garrison_detection::consumer::DetectionConfig::default(),
    );
    for tenant in tenants {
        for pack in packs {
            crate::rule_packs::enable_for(db, *tenant, pack).await?;
        }
    }
    let mut created = 0;
    while clock.now() < now {
        clock.advance(chrono::Duration::minutes(10));
        for tenant in tenants {
            created += detection.process_tenant(*tenant).await?.alerts_created;
        }
    }
    Ok(created)
}
