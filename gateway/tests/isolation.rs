//! Wall 3: every GraphQL query and mutation, run as tenant B's principals against
//! tenant A's objects, answers `NOT_FOUND` or an empty result and changes nothing.
//! The table must list every root field: a new field that is not here fails.

mod common;

use common::*;
use serde_json::{Value, json};
use std::collections::BTreeSet;

/// Every root field with the probe that attacks tenant A through it.
const TABLE: &[(&str, Probe)] = &[
    ("Query.me", Probe::SelfOnly),
    ("Query.tenants", Probe::OnlyOwnTenants),
    (
        "Query.tenant",
        Probe::NotFound("query($a: ID!) { tenant(id: $a) { id name } }"),
    ),
    (
        "Query.users",
        Probe::NotFound("query($a: ID!) { users(tenantId: $a) { id email } }"),
    ),
    (
        "Query.auditLog",
        Probe::NotFound("query($a: ID!) { auditLog(tenantId: $a) { totalCount } }"),
    ),
    (
        "Mutation.createTenant",
        Probe::DeniedWithoutTarget(
            r#"mutation { createTenant(input: {name: "Sneaky", slug: "sneaky"}) { id } }"#,
        ),
    ),
    (
        "Mutation.updateTenant",
        Probe::NotFound(
            r#"mutation($a: ID!) { updateTenant(id: $a, input: {name: "pwned"}) { id } }"#,
        ),
    ),
    (
        "Mutation.suspendTenant",
        Probe::NotFound("mutation($a: ID!) { suspendTenant(id: $a) { id } }"),
    ),
    (
        "Mutation.activateTenant",
        Probe::NotFound("mutation($a: ID!) { activateTenant(id: $a) { id } }"),
    ),
    (
        "Mutation.createUser",
        Probe::NotFound(
            r#"mutation($a: ID!) { createUser(input: {email: "spy@evil.test", password: "a-long-enough-pw", role: CUSTOMER_ADMIN, tenantId: $a}) { id } }"#,
        ),
    ),
    (
        "Mutation.assignTenants",
        Probe::NotFound(
            "mutation($au: ID!, $a: ID!) { assignTenants(userId: $au, tenantIds: [$a]) { id } }",
        ),
    ),
    (
        "Mutation.disableUser",
        Probe::NotFound("mutation($au: ID!) { disableUser(id: $au) { id } }"),
    ),
    ("Mutation.changePassword", Probe::SelfOnlyPassword),
    (
        "Query.ingestTokens",
        Probe::NotFound("query($a: ID!) { ingestTokens(tenantId: $a) { id prefix } }"),
    ),
    (
        "Query.syslogSources",
        Probe::NotFound("query($a: ID!) { syslogSources(tenantId: $a) { id cidr } }"),
    ),
    (
        "Query.ingestStats",
        Probe::NotFound(
            r#"query($a: ID!) { ingestStats(tenantId: $a, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { received } }"#,
        ),
    ),
    (
        "Query.ingestHosts",
        Probe::NotFound(
            r#"query($a: ID!) { ingestHosts(tenantId: $a, from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z") { host events } }"#,
        ),
    ),
    (
        "Query.events",
        Probe::NotFound(
            "query($a: ID!) { events(tenantId: $a) { totalCount edges { node { raw } } } }",
        ),
    ),
    (
        "Mutation.createIngestToken",
        Probe::NotFound(
            r#"mutation($a: ID!) { createIngestToken(tenantId: $a, name: "spy") { token } }"#,
        ),
    ),
    (
        "Mutation.revokeIngestToken",
        Probe::NotFound("mutation($at: ID!) { revokeIngestToken(id: $at) { id } }"),
    ),
    (
        "Mutation.bindSyslogSource",
        Probe::NotFound(
            r#"mutation($a: ID!) { bindSyslogSource(tenantId: $a, cidr: "198.51.100.0/24") { id } }"#,
        ),
    ),
    (
        "Mutation.enableUser",
        Probe::NotFound("mutation($au: ID!) { enableUser(id: $au) { id } }"),
    ),
    (
        "Query.ingestLimits",
        Probe::NotFound("query($a: ID!) { ingestLimits(tenantId: $a) { eventsPerSecond } }"),
    ),
    (
        "Mutation.setIngestLimits",
        Probe::NotFound(
            "mutation($a: ID!) { setIngestLimits(tenantId: $a, eventsPerSecond: 1) { eventsPerSecond } }",
        ),
    ),
    (
        "Query.syslogCertificates",
        Probe::NotFound("query($a: ID!) { syslogCertificates(tenantId: $a) { id fingerprint } }"),
    ),
    (
        "Mutation.bindSyslogCertificate",
        Probe::NotFound(
            r#"mutation($a: ID!) { bindSyslogCertificate(tenantId: $a, name: "spy", certificate: "1111111111111111111111111111111111111111111111111111111111111111") { id } }"#,
        ),
    ),
    (
        "Mutation.unbindSyslogCertificate",
        Probe::NotFound("mutation($acert: ID!) { unbindSyslogCertificate(id: $acert) { id } }"),
    ),
    (
        "Mutation.setIngestTokenLogSource",
        Probe::NotFound(
            r#"mutation($at: ID!) { setIngestTokenLogSource(id: $at, logSource: {product: "spy"}) { id } }"#,
        ),
    ),
    (
        "Mutation.unbindSyslogSource",
        Probe::NotFound("mutation($as: ID!) { unbindSyslogSource(id: $as) { id } }"),
    ),
    (
        "Query.slaPolicies",
        Probe::NotFound("query($a: ID!) { slaPolicies(tenantId: $a) { severity isDefault } }"),
    ),
    (
        "Query.slaTrend",
        Probe::NotFound(
            r#"query($a: ID!) { slaTrend(tenantId: $a, periods: [{from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z"}]) { mtta { count } } }"#,
        ),
    ),
    (
        "Query.businessCalendar",
        Probe::NotFound("query($a: ID!) { businessCalendar(tenantId: $a) { timezone } }"),
    ),
    (
        "Query.slaReport",
        Probe::NotFound(
            r#"query($a: ID!) { slaReport(tenantId: $a, from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { breachCount mtta { mean } } }"#,
        ),
    ),
    (
        "Query.slaOverview",
        Probe::NeverMentionsA(
            r#"{ slaOverview(from: "2026-01-01T00:00:00Z", to: "2026-12-31T00:00:00Z") { tenantId tenantName breachCount } }"#,
        ),
    ),
    (
        "Mutation.setSlaPolicy",
        Probe::NotFound(
            "mutation($a: ID!) { setSlaPolicy(tenantId: $a, severity: CRITICAL, input: {acknowledgeSeconds: 60, respondSeconds: 60, resolveSeconds: 60, calendar: TWENTY_FOUR_SEVEN}) { isDefault } }",
        ),
    ),
    (
        "Mutation.setBusinessCalendar",
        Probe::NotFound(
            r#"mutation($a: ID!) { setBusinessCalendar(tenantId: $a, input: {weeklyHours: [{weekday: SUNDAY, start: "00:00", end: "24:00"}]}) { timezone } }"#,
        ),
    ),
    (
        "Query.rulePacks",
        Probe::NeverMentionsA("{ rulePacks { id name } }"),
    ),
    (
        "Query.enabledRulePacks",
        Probe::NotFound("query($a: ID!) { enabledRulePacks(tenantId: $a) { id } }"),
    ),
    (
        "Query.rules",
        Probe::NotFound(
            "query($a: ID!) { rules(filter: {tenantId: $a}) { totalCount nodes { id enabled } } }",
        ),
    ),
    (
        "Query.ruleExceptions",
        Probe::NotFound("query($a: ID!) { ruleExceptions(tenantId: $a) { id filter } }"),
    ),
    (
        "Query.placeholders",
        Probe::NotFound("query($a: ID!) { placeholders(tenantId: $a) { name values } }"),
    ),
    (
        "Query.alerts",
        Probe::NeverMentionsA("{ alerts { totalCount edges { node { id tenantId ruleTitle } } } }"),
    ),
    (
        "Query.alert",
        Probe::NotFound("query($aal: ID!) { alert(id: $aal) { id ruleTitle } }"),
    ),
    (
        "Query.ruleTriageStats",
        Probe::NeverMentionsA("{ ruleTriageStats { tenantId ruleId alerts } }"),
    ),
    (
        "Mutation.importRulePack",
        Probe::DeniedWithoutTarget(
            r#"mutation { importRulePack(name: "sneaky", rules: ["title: x\nid: x\nlogsource: {}\ndetection: {s: {a: b}, condition: s}"]) { id } }"#,
        ),
    ),
    (
        "Mutation.enableRulePack",
        Probe::NotFound(
            "mutation($a: ID!, $ap: ID!) { enableRulePack(tenantId: $a, packId: $ap) { id } }",
        ),
    ),
    (
        "Mutation.disableRulePack",
        Probe::NotFound(
            "mutation($a: ID!, $ap: ID!) { disableRulePack(tenantId: $a, packId: $ap) { id } }",
        ),
    ),
    (
        "Mutation.setRuleOverride",
        Probe::NotFound(
            r#"mutation($a: ID!) { setRuleOverride(tenantId: $a, ruleId: "iso-rule", enabled: false) { enabled } }"#,
        ),
    ),
    (
        "Mutation.addRuleException",
        Probe::NotFound(
            r#"mutation($a: ID!) { addRuleException(tenantId: $a, ruleId: "iso-rule", filter: "s: {a: b}") { id } }"#,
        ),
    ),
    (
        "Mutation.removeRuleException",
        Probe::NotFound("mutation($are: ID!) { removeRuleException(id: $are) { id } }"),
    ),
    (
        "Mutation.setPlaceholder",
        Probe::NotFound(
            r#"mutation($a: ID!) { setPlaceholder(tenantId: $a, name: "admins", values: ["x"]) { name } }"#,
        ),
    ),
    (
        "Mutation.acknowledgeAlert",
        Probe::NotFound("mutation($aal: ID!) { acknowledgeAlert(id: $aal) { id } }"),
    ),
    (
        "Mutation.assignAlert",
        Probe::NotFound("mutation($aal: ID!) { assignAlert(id: $aal, userId: null) { id } }"),
    ),
    (
        "Mutation.acknowledgeAlerts",
        Probe::NotFound("mutation($aal: ID!) { acknowledgeAlerts(ids: [$aal]) { id } }"),
    ),
    (
        "Mutation.assignAlerts",
        Probe::NotFound("mutation($aal: ID!) { assignAlerts(ids: [$aal], userId: null) { id } }"),
    ),
    (
        "Mutation.closeAlerts",
        Probe::NotFound(
            "mutation($aal: ID!) { closeAlerts(ids: [$aal], disposition: FALSE_POSITIVE) { id } }",
        ),
    ),
    (
        "Subscription.alertEvents",
        Probe::CoveredElsewhere(
            "gateway/tests/alert_events.rs: B's subscriber never receives A's alerts",
        ),
    ),
    (
        "Query.verifyAuditChain",
        Probe::NotFound("query($a: ID!) { verifyAuditChain(tenantId: $a) { ok records } }"),
    ),
    (
        "Query.cases",
        Probe::NeverMentionsA("{ cases { totalCount edges { node { id tenantId title } } } }"),
    ),
    (
        "Query.case",
        Probe::NotFound("query($acase: ID!) { case(id: $acase) { id title } }"),
    ),
    (
        "Mutation.createCase",
        Probe::NotFound(
            r#"mutation($a: ID!) { createCase(input: {tenantId: $a, title: "spy", severity: LOW}) { id } }"#,
        ),
    ),
    (
        "Mutation.reportIncident",
        Probe::NeverLandsInA(
            r#"mutation { reportIncident(input: {title: "B's own", description: "x", severity: LOW}) { id tenantId } }"#,
        ),
    ),
    (
        "Mutation.updateCaseStatus",
        Probe::NotFound(
            "mutation($acase: ID!) { updateCaseStatus(id: $acase, status: RESOLVED) { id } }",
        ),
    ),
    (
        "Mutation.updateCase",
        Probe::NotFound(
            r#"mutation($acase: ID!) { updateCase(id: $acase, input: {title: "spy"}) { id } }"#,
        ),
    ),
    (
        "Mutation.assignCase",
        Probe::NotFound("mutation($acase: ID!) { assignCase(id: $acase, userId: null) { id } }"),
    ),
    (
        "Mutation.addComment",
        Probe::NotFound(
            r#"mutation($acase: ID!) { addComment(caseId: $acase, body: "spy", visibility: SHARED) { id } }"#,
        ),
    ),
    (
        "Mutation.addTask",
        Probe::NotFound(
            r#"mutation($acase: ID!) { addTask(caseId: $acase, title: "spy") { id } }"#,
        ),
    ),
    (
        "Mutation.updateTask",
        Probe::NotFound(
            "mutation($atask: ID!) { updateTask(id: $atask, input: {status: DONE}) { id } }",
        ),
    ),
    (
        "Mutation.addObservable",
        Probe::NotFound(
            r#"mutation($acase: ID!) { addObservable(caseId: $acase, kind: HOST, value: "spy") { id } }"#,
        ),
    ),
    (
        "Mutation.mergeCases",
        Probe::NotFound(
            "mutation($acase: ID!, $acase2: ID!) { mergeCases(targetId: $acase, sourceIds: [$acase2]) { id } }",
        ),
    ),
    (
        "Mutation.escalateAlerts",
        Probe::NotFound("mutation($aal: ID!) { escalateAlerts(alertIds: [$aal]) { id } }"),
    ),
    (
        "Mutation.proposeAction",
        Probe::NotFound(
            r#"mutation($acase: ID!) { proposeAction(caseId: $acase, description: "spy") { id } }"#,
        ),
    ),
    (
        "Mutation.decideAction",
        Probe::NotFound("mutation($aact: ID!) { decideAction(id: $aact, approve: true) { id } }"),
    ),
    (
        "Mutation.addTimelineEvent",
        Probe::NotFound(
            r#"mutation($acase: ID!) { addTimelineEvent(caseId: $acase, at: "2026-01-01T00:00:00Z", summary: "spy", visibility: SHARED) { id } }"#,
        ),
    ),
    (
        "Mutation.addAttachment",
        Probe::NotFound(
            r#"mutation($acase: ID!) { addAttachment(caseId: $acase, filename: "x.txt", contentType: "text/plain", contentBase64: "eA==", visibility: SHARED) { id } }"#,
        ),
    ),
    (
        "Query.notificationEndpoints",
        Probe::NotFound("query($a: ID!) { notificationEndpoints(tenantId: $a) { id target } }"),
    ),
    (
        "Query.notificationDeliveries",
        Probe::NotFound(
            "query($aep: ID!) { notificationDeliveries(endpointId: $aep) { id error } }",
        ),
    ),
    (
        "Mutation.createNotificationEndpoint",
        Probe::NotFound(
            r#"mutation($a: ID!) { createNotificationEndpoint(input: {tenantId: $a, name: "spy", kind: WEBHOOK, target: "https://evil.test/", events: [ALERT_RAISED]}) { signingSecret } }"#,
        ),
    ),
    (
        "Mutation.updateNotificationEndpoint",
        Probe::NotFound(
            r#"mutation($aep: ID!) { updateNotificationEndpoint(id: $aep, input: {target: "https://evil.test/"}) { id } }"#,
        ),
    ),
    (
        "Mutation.deleteNotificationEndpoint",
        Probe::NotFound("mutation($aep: ID!) { deleteNotificationEndpoint(id: $aep) { id } }"),
    ),
    (
        "Mutation.testNotificationEndpoint",
        Probe::NotFound("mutation($aep: ID!) { testNotificationEndpoint(id: $aep) { id } }"),
    ),
    (
        "Query.plans",
        Probe::NeverMentionsA("{ plans { id name slaTier } }"),
    ),
    (
        "Query.billingAccount",
        Probe::NotFound(
            "query($a: ID!) { billingAccount(tenantId: $a) { customerReports currentSubscription { startsOn } } }",
        ),
    ),
    (
        "Query.invoiceEstimate",
        Probe::NotFound(
            r#"query($a: ID!) { invoiceEstimate(tenantId: $a, month: "2026-03") { totalMinor } }"#,
        ),
    ),
    (
        "Query.invoices",
        Probe::NotFound("query($a: ID!) { invoices(tenantId: $a) { stripeId status } }"),
    ),
    (
        "Query.accountReport",
        Probe::NotFound(
            r#"query($a: ID!) { accountReport(tenantId: $a, month: "2026-03") { bytes flags } }"#,
        ),
    ),
    (
        "Query.portfolioReport",
        Probe::NeverMentionsA(
            r#"{ portfolioReport(month: "2026-03") { tenantId tenantName gb flags } }"#,
        ),
    ),
    (
        "Mutation.createPlan",
        Probe::DeniedWithoutTarget(
            r#"mutation { createPlan(input: {name: "Sneaky", currency: "usd", baseFeeMinor: 0, endpointPriceMinor: 0, includedGb: 0, overageGbPriceMinor: 0, slaTier: "x"}) { id } }"#,
        ),
    ),
    (
        "Mutation.updatePlan",
        Probe::DeniedWithoutTarget(
            "mutation($apl: ID!) { updatePlan(id: $apl, input: {baseFeeMinor: 0}) { id } }",
        ),
    ),
    (
        "Mutation.subscribeTenant",
        Probe::NotFound(
            r#"mutation($a: ID!, $apl: ID!) { subscribeTenant(tenantId: $a, planId: $apl, startsOn: "2026-03-01") { startsOn } }"#,
        ),
    ),
    (
        "Mutation.setCustomerReports",
        Probe::NotFound("mutation($a: ID!) { setCustomerReports(tenantId: $a, enabled: true) }"),
    ),
];

#[derive(Clone, Copy)]
enum Probe {
    /// Names A's object: must be `NOT_FOUND`.
    NotFound(&'static str),
    /// Names no object, but the role may not do it: `FORBIDDEN` or `NOT_FOUND`.
    DeniedWithoutTarget(&'static str),
    /// Lists: only B's tenant appears, and the count says so.
    OnlyOwnTenants,
    /// A cross-tenant list (no tenant argument): answers, and never names A.
    NeverMentionsA(&'static str),
    /// Acts in the caller's own tenant: whatever it answers never names A.
    NeverLandsInA(&'static str),
    /// Probed by a test of its own (subscriptions need a WebSocket client).
    CoveredElsewhere(&'static str),
    /// `me` is always the caller.
    SelfOnly,
    /// `changePassword` acts only on the caller (a wrong current password is refused).
    SelfOnlyPassword,
}

fn root_fields(sdl: &str) -> BTreeSet<String> {
    let mut fields = BTreeSet::new();
    for root in ["Query", "Mutation", "Subscription"] {
        let Some(start) = sdl.find(&format!("type {root} {{")) else {
            continue;
        };
        let body = &sdl[start..];
        let body = &body[..body.find("\n}").unwrap_or(body.len())];
        let mut in_doc = false;
        for line in body.lines().skip(1) {
            let line = line.trim();
            if line.starts_with("\"\"\"") {
                in_doc = !(in_doc || line.len() > 3 && line.ends_with("\"\"\""));
                continue;
            }
            if in_doc || line.is_empty() {
                continue;
            }
            let name: String = line
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                fields.insert(format!("{root}.{name}"));
            }
        }
    }
    fields
}

#[test]
fn table_covers_every_root_field() {
    let in_schema = root_fields(&garrison_gateway::graphql::sdl());
    let in_table: BTreeSet<String> = TABLE.iter().map(|(name, _)| name.to_string()).collect();
    let missing: Vec<_> = in_schema.difference(&in_table).collect();
    let stale: Vec<_> = in_table.difference(&in_schema).collect();
    assert!(
        missing.is_empty(),
        "root fields without an isolation probe: {missing:?}"
    );
    assert!(
        stale.is_empty(),
        "isolation probes for fields that no longer exist: {stale:?}"
    );
}

struct World {
    tenant_a: String,
    tenant_b: String,
    a_user: String,
    a_token: String,
    a_source: String,
    a_cert: String,
    a_alert: String,
    a_exception: String,
    pack: String,
    a_case: String,
    a_case2: String,
    a_task: String,
    a_action: String,
    a_endpoint: String,
}

async fn world(app: &TestApp, admin: &str) -> World {
    let tenant_a = app.create_tenant(admin, "tenant-a").await;
    let tenant_b = app.create_tenant(admin, "tenant-b").await;
    let a_user = app
        .create_user(admin, json!({"email": "lead@a.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": tenant_a}))
        .await;
    app.create_user(admin, json!({"email": "lead@b.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": tenant_b}))
        .await;
    app.create_user(admin, json!({"email": "viewer@b.test", "password": PASSWORD, "role": "CUSTOMER_VIEWER", "tenantId": tenant_b}))
        .await;
    app.create_user(admin, json!({"email": "analyst-b@provider.test", "password": PASSWORD, "role": "ANALYST", "tenantIds": [tenant_b]}))
        .await;
    app.create_user(admin, json!({"email": "am-b@provider.test", "password": PASSWORD, "role": "ACCOUNT_MANAGER", "tenantIds": [tenant_b]}))
        .await;
    let created = app
        .gql(
            admin,
            r#"mutation($a: ID!) { createIngestToken(tenantId: $a, name: "a-shipper") { token ingestToken { id } } }"#,
            json!({"a": tenant_a}),
        )
        .await;
    let a_token = created["createIngestToken"]["ingestToken"]["id"]
        .as_str()
        .expect("token id")
        .to_string();
    let secret = created["createIngestToken"]["token"]
        .as_str()
        .expect("secret")
        .to_string();
    let sent = app
        .http
        .post(app.url("/ingest/v1/events"))
        .bearer_auth(&secret)
        .body("{\"message\":\"tenant A secret event\",\"host\":{\"name\":\"a-host\"}}\n")
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), 200);
    let bound = app
        .gql(
            admin,
            r#"mutation($a: ID!) { bindSyslogSource(tenantId: $a, cidr: "203.0.113.0/24") { id } }"#,
            json!({"a": tenant_a}),
        )
        .await;
    let a_source = bound["bindSyslogSource"]["id"]
        .as_str()
        .expect("source id")
        .to_string();
    let a_cert = app
        .gql(
            admin,
            r#"mutation($a: ID!) { bindSyslogCertificate(tenantId: $a, name: "a-relay", certificate: "ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab:ab") { id } }"#,
            json!({"a": tenant_a}),
        )
        .await["bindSyslogCertificate"]["id"]
        .as_str()
        .expect("certificate id")
        .to_string();
    let (pack, a_exception, a_alert) = detection_objects_of_a(app, admin, &tenant_a).await;
    let (a_case, a_case2, a_task, a_action) = case_objects_of_a(app, admin, &tenant_a).await;
    let a_endpoint = app
        .gql(
            admin,
            r#"mutation($a: ID!) { createNotificationEndpoint(input: {tenantId: $a, name: "A's hook", kind: WEBHOOK, target: "https://a.example.test/hook", events: [ALERT_RAISED, SLA_BREACHED]}) { endpoint { id } } }"#,
            json!({"a": tenant_a}),
        )
        .await["createNotificationEndpoint"]["endpoint"]["id"]
        .as_str()
        .expect("endpoint")
        .to_string();
    World {
        tenant_a,
        tenant_b,
        a_user,
        a_token,
        a_source,
        a_cert,
        a_alert,
        a_exception,
        pack,
        a_case,
        a_case2,
        a_task,
        a_action,
        a_endpoint,
    }
}

/// Two cases of A's, one with an internal comment, a task and a proposed action.
async fn case_objects_of_a(
    app: &TestApp,
    admin: &str,
    tenant_a: &str,
) -> (String, String, String, String) {
    let create = |title: &'static str| async move {
        app.gql(
            admin,
            "mutation($a: ID!, $t: String!) { createCase(input: {tenantId: $a, title: $t, severity: HIGH}) { id } }",
            json!({"a": tenant_a, "t": title}),
        )
        .await["createCase"]["id"]
            .as_str()
            .expect("case")
            .to_string()
    };
    let case = create("A's secret case").await;
    let case2 = create("A's other case").await;
    let vars = json!({"c": case});
    app.gql(admin, r#"mutation($c: ID!) { addComment(caseId: $c, body: "A internal", visibility: INTERNAL) { id } }"#, vars.clone())
        .await;
    let task = app
        .gql(
            admin,
            r#"mutation($c: ID!) { addTask(caseId: $c, title: "A task") { id } }"#,
            vars.clone(),
        )
        .await["addTask"]["id"]
        .as_str()
        .expect("task")
        .to_string();
    let action = app
        .gql(
            admin,
            r#"mutation($c: ID!) { proposeAction(caseId: $c, description: "A action") { id } }"#,
            vars,
        )
        .await["proposeAction"]["id"]
        .as_str()
        .expect("action")
        .to_string();
    (case, case2, task, action)
}

/// A pack enabled for A with an exception, and an alert of A's (recorded through
/// the cases service, as detection would).
async fn detection_objects_of_a(
    app: &TestApp,
    admin: &str,
    tenant_a: &str,
) -> (String, String, String) {
    let rule = "title: iso\nid: iso-rule\nlogsource: {product: linux}\ndetection: {s: {a: b}, condition: s}\nlevel: high";
    let pack = app
        .gql(
            admin,
            r#"mutation($r: [String!]!) { importRulePack(name: "iso-pack", rules: $r) { id } }"#,
            json!({"r": [rule]}),
        )
        .await["importRulePack"]["id"]
        .as_str()
        .expect("pack")
        .to_string();
    app.gql(
        admin,
        "mutation($a: ID!, $p: ID!) { enableRulePack(tenantId: $a, packId: $p) { id } }",
        json!({"a": tenant_a, "p": pack}),
    )
    .await;
    let exception = app
        .gql(
            admin,
            r#"mutation($a: ID!) { addRuleException(tenantId: $a, ruleId: "iso-rule", filter: "s: {a: c}") { id } }"#,
            json!({"a": tenant_a}),
        )
        .await["addRuleException"]["id"]
        .as_str()
        .expect("exception")
        .to_string();
    let tenant = garrison_core::TenantId::parse("a", tenant_a).expect("id");
    let now = chrono::Utc::now();
    let new = garrison_core::alerting::NewAlert {
        tenant_id: tenant,
        rule_id: "iso-rule".into(),
        rule_title: "A's secret alert".into(),
        rule_description: None,
        severity: garrison_core::Severity::High,
        techniques: vec![],
        tactics: vec![],
        group_key: "host=a-host".into(),
        group: serde_json::Map::new(),
        event_ids: vec![garrison_core::event::EventId::new()],
        event_count: 1,
        first_event_at: now,
        last_event_at: now,
        last_seq: 1,
        detected_at: now,
        suppression_secs: 3600,
    };
    let scope = garrison_core::Scope::for_tenant_task("detection", tenant);
    let db = &app.server.state.db;
    let tx = db.begin(&scope).await.expect("tx");
    garrison_cases::alerts::raise::raise_alerts(&tx, tenant, vec![new])
        .await
        .expect("raise");
    tx.commit().await.expect("commit");
    let alert = app
        .gql(
            admin,
            "query($a: ID!) { alerts(filter: {tenantIds: [$a]}) { edges { node { id } } } }",
            json!({"a": tenant_a}),
        )
        .await["alerts"]["edges"][0]["node"]["id"]
        .as_str()
        .expect("alert")
        .to_string();
    (pack, exception, alert)
}

async fn snapshot_of_a(app: &TestApp, admin: &str, world: &World) -> Value {
    app.gql(
        admin,
        r#"query($a: ID!) { tenant(id: $a) { name status timezone auditLog { totalCount } } users(tenantId: $a) { email disabled role }
            ingestTokens(tenantId: $a) { id revokedAt logSource { product } } syslogSources(tenantId: $a) { cidr } syslogCertificates(tenantId: $a) { fingerprint }
            events(tenantId: $a) { totalCount }
            alerts(filter: {tenantIds: [$a]}) { edges { node { status assigneeId closedAt } } }
            enabledRulePacks(tenantId: $a) { id } ruleExceptions(tenantId: $a) { id }
            rules(filter: {tenantId: $a}) { nodes { id enabled level } } placeholders(tenantId: $a) { name }
            cases(filter: {tenantIds: [$a]}) { totalCount edges { node { status assigneeId comments { body }
              tasks { status } actions { status } observables { value } attachments { id } timeline { summary } } } }
            notificationEndpoints(tenantId: $a) { id name target enabled events } }"#,
        json!({"a": world.tenant_a}),
    )
    .await
}

#[tokio::test]
async fn tenant_b_cannot_reach_tenant_a_through_any_field() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let world = world(&app, &admin).await;
    let a_plan = billing_objects_of_a(&app, &admin, &world.tenant_a).await;
    let before = snapshot_of_a(&app, &admin, &world).await;
    let vars = json!({"a": world.tenant_a, "au": world.a_user, "at": world.a_token, "as": world.a_source, "acert": world.a_cert,
        "aal": world.a_alert, "are": world.a_exception, "ap": world.pack, "acase": world.a_case,
        "acase2": world.a_case2, "atask": world.a_task, "aact": world.a_action,
        "aep": world.a_endpoint, "apl": a_plan});

    for principal in [
        "lead@b.test",
        "viewer@b.test",
        "analyst-b@provider.test",
        "am-b@provider.test",
    ] {
        let token = app.token(principal, PASSWORD).await;
        for (field, probe) in TABLE {
            let context = format!("{principal} via {field}");
            match probe {
                Probe::NotFound(query) => {
                    let (status, body) = app.gql_raw(Some(&token), query, vars.clone()).await;
                    assert_eq!(status, 200, "{context}");
                    assert_eq!(error_code(&body), "NOT_FOUND", "{context}: {body}");
                }
                Probe::DeniedWithoutTarget(query) => {
                    let (_, body) = app.gql_raw(Some(&token), query, vars.clone()).await;
                    let code = error_code(&body);
                    assert!(
                        code == "FORBIDDEN" || code == "NOT_FOUND",
                        "{context}: {body}"
                    );
                }
                Probe::OnlyOwnTenants => {
                    let data = app
                        .gql(
                            &token,
                            "{ tenants { totalCount edges { node { id } } } }",
                            json!({}),
                        )
                        .await;
                    assert_eq!(data["tenants"]["totalCount"], 1, "{context}");
                    assert_eq!(
                        data["tenants"]["edges"][0]["node"]["id"],
                        world.tenant_b.as_str(),
                        "{context}"
                    );
                    let users = app
                        .gql(&token, "{ users { email tenantId } }", json!({}))
                        .await;
                    let leaked: Vec<&Value> = users["users"]
                        .as_array()
                        .expect("users")
                        .iter()
                        .filter(|u| u["tenantId"] == world.tenant_a.as_str())
                        .collect();
                    assert!(
                        leaked.is_empty(),
                        "{context}: users of A listed: {leaked:?}"
                    );
                }
                Probe::NeverMentionsA(query) => {
                    let data = app.gql(&token, query, json!({})).await.to_string();
                    assert!(
                        !data.contains(&world.tenant_a) && !data.contains("tenant-a"),
                        "{context}: A is mentioned: {data}"
                    );
                }
                Probe::CoveredElsewhere(test) => assert!(!test.is_empty(), "{context}"),
                Probe::NeverLandsInA(query) => {
                    let (_, body) = app.gql_raw(Some(&token), query, vars.clone()).await;
                    let text = body.to_string();
                    assert!(!text.contains(&world.tenant_a), "{context}: {text}");
                }
                Probe::SelfOnly => {
                    let data = app.gql(&token, "{ me { email } }", json!({})).await;
                    assert_eq!(data["me"]["email"], principal, "{context}");
                }
                Probe::SelfOnlyPassword => {
                    let (_, body) = app
                        .gql_raw(
                            Some(&token),
                            "mutation { changePassword(current: \"not-my-password\", new: \"another-long-password\") }",
                            json!({}),
                        )
                        .await;
                    assert_eq!(error_code(&body), "INVALID_INPUT", "{context}: {body}");
                }
            }
        }
    }
    let after = snapshot_of_a(&app, &admin, &world).await;
    assert_eq!(before, after, "tenant A changed under B's probes");
    let tenants = app
        .gql(&admin, "{ tenants { totalCount } }", json!({}))
        .await;
    assert_eq!(tenants["tenants"]["totalCount"], 2, "no tenant was created");
    assert_eq!(
        after["events"]["totalCount"], 1,
        "A's event is still A's alone"
    );
    // B searching its own tenant never finds A's event.
    let lead_b = app.token("lead@b.test", PASSWORD).await;
    let own = app
        .gql(
            &lead_b,
            "query($b: ID!) { events(tenantId: $b, filter: {query: \"secret\"}) { totalCount } }",
            json!({"b": world.tenant_b}),
        )
        .await;
    assert_eq!(own["events"]["totalCount"], 0);
}

/// A plan, A on it, and A's report open to its customers: what billing probes attack.
async fn billing_objects_of_a(app: &TestApp, admin: &str, tenant_a: &str) -> String {
    let plan = app
        .gql(
            admin,
            r#"mutation { createPlan(input: {name: "Gold", currency: "usd", baseFeeMinor: 50000, endpointPriceMinor: 500, includedGb: 100, overageGbPriceMinor: 25, slaTier: "gold"}) { id } }"#,
            json!({}),
        )
        .await["createPlan"]["id"]
        .as_str()
        .expect("plan")
        .to_string();
    app.gql(
        admin,
        r#"mutation($a: ID!, $p: ID!) { subscribeTenant(tenantId: $a, planId: $p, startsOn: "2026-01-01") { startsOn } setCustomerReports(tenantId: $a, enabled: true) }"#,
        json!({"a": tenant_a, "p": plan}),
    )
    .await;
    plan
}
