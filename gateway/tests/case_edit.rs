//! Editing a case and attribution by name, through the real server: staff edit a
//! case's headline (each change on the shared timeline, the SLA clocks unmoved),
//! customers may not, bad input names its field, and everyone sees who wrote a
//! comment, proposed or decided an action, by display name only.

mod common;

use common::*;
use serde_json::{Value, json};

const CASE: &str = "query($i: ID!) { case(id: $i) { title description severity tags tlp \
    sla { target dueAt } \
    comments { body authorId authorName } \
    actions { proposedByName decidedByName } \
    timeline { kind summary actorName } } }";

struct World {
    analyst: String,
    customer: String,
    case_id: Value,
}

async fn world(app: &TestApp) -> World {
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let a = app.create_tenant(&admin, "tenant-a").await;
    app.create_user(&admin, json!({"email": "ana@provider.test", "displayName": "Ana Lyst", "password": PASSWORD, "role": "ANALYST", "tenantIds": [a]}))
        .await;
    app.create_user(&admin, json!({"email": "carla@a.test", "displayName": "Carla Customer", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": a}))
        .await;
    let analyst = app.token("ana@provider.test", PASSWORD).await;
    let case_id = app
        .gql(&analyst, "mutation($t: ID!) { createCase(input: {tenantId: $t, title: \"Odd logins\", severity: LOW, description: \"first look\"}) { id } }", json!({"t": a}))
        .await["createCase"]["id"]
        .clone();
    World {
        customer: app.token("carla@a.test", PASSWORD).await,
        analyst,
        case_id,
    }
}

#[tokio::test]
async fn staff_edit_a_case_and_the_customer_sees_the_change_but_cannot_make_one() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let vars = json!({"i": w.case_id});
    let before = app.gql(&w.analyst, CASE, vars.clone()).await["case"].clone();

    let edited = app
        .gql(
            &w.analyst,
            "mutation($i: ID!) { updateCase(id: $i, input: {title: \"  Credential stuffing on VPN \", severity: HIGH, tags: [\"vpn\", \"creds\"], tlp: RED}) { title severity tags tlp description } }",
            vars.clone(),
        )
        .await["updateCase"]
        .clone();
    assert_eq!(edited["title"], "Credential stuffing on VPN", "trimmed");
    assert_eq!(edited["severity"], "HIGH");
    assert_eq!(edited["tags"], json!(["vpn", "creds"]));
    assert_eq!(edited["tlp"], "RED");
    assert_eq!(edited["description"], "first look", "absent fields stay");

    let after = app.gql(&w.analyst, CASE, vars.clone()).await["case"].clone();
    assert_eq!(
        after["sla"], before["sla"],
        "a severity change keeps the SLA targets committed at opening"
    );

    // The customer shares the case: they see the edit and who made it.
    let seen = app.gql(&w.customer, CASE, vars.clone()).await["case"].clone();
    let edits: Vec<&Value> = seen["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == "edited")
        .collect();
    assert_eq!(edits.len(), 1, "{seen}");
    let summary = edits[0]["summary"].as_str().expect("summary");
    assert!(
        summary.contains("Credential stuffing on VPN") && summary.contains("low to high"),
        "{summary}"
    );
    assert_eq!(edits[0]["actorName"], "Ana Lyst");

    // Nothing changed means no timeline entry.
    app.gql(
        &w.analyst,
        "mutation($i: ID!) { updateCase(id: $i, input: {severity: HIGH}) { id } }",
        vars.clone(),
    )
    .await;
    let again = app.gql(&w.analyst, CASE, vars.clone()).await["case"].clone();
    let count = again["timeline"]
        .as_array()
        .expect("timeline")
        .iter()
        .filter(|e| e["kind"] == "edited")
        .count();
    assert_eq!(count, 1, "{again}");

    let (_, body) = app
        .gql_raw(
            Some(&w.customer),
            "mutation($i: ID!) { updateCase(id: $i, input: {title: \"mine now\"}) { id } }",
            vars.clone(),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "{body}");
    let (_, body) = app
        .gql_raw(
            Some(&w.analyst),
            "mutation($i: ID!) { updateCase(id: $i, input: {title: \"   \"}) { id } }",
            vars.clone(),
        )
        .await;
    assert_eq!(
        body["errors"][0]["extensions"]["field"], "input.title",
        "{body}"
    );
    let unchanged = app.gql(&w.analyst, CASE, vars).await["case"]["title"].clone();
    assert_eq!(unchanged, "Credential stuffing on VPN");
}

#[tokio::test]
async fn comments_and_actions_carry_their_authors_names() {
    let app = spawn_app().await;
    let w = world(&app).await;
    let vars = json!({"i": w.case_id});
    app.gql(&w.analyst, "mutation($i: ID!) { addComment(caseId: $i, body: \"We see it\", visibility: SHARED) { id } }", vars.clone())
        .await;
    app.gql(
        &w.customer,
        "mutation($i: ID!) { addComment(caseId: $i, body: \"Thanks\", visibility: SHARED) { id } }",
        vars.clone(),
    )
    .await;
    let action = app
        .gql(&w.analyst, "mutation($i: ID!) { proposeAction(caseId: $i, description: \"Reset passwords\") { id } }", vars.clone())
        .await["proposeAction"]["id"]
        .clone();
    app.gql(
        &w.customer,
        "mutation($a: ID!) { decideAction(id: $a, approve: true) { id } }",
        json!({"a": action}),
    )
    .await;

    for (who, token) in [("analyst", &w.analyst), ("customer", &w.customer)] {
        let case = app.gql(token, CASE, vars.clone()).await["case"].clone();
        let names: Vec<(&str, &str)> = case["comments"]
            .as_array()
            .expect("comments")
            .iter()
            .map(|c| {
                (
                    c["body"].as_str().unwrap_or(""),
                    c["authorName"].as_str().unwrap_or(""),
                )
            })
            .collect();
        assert_eq!(
            names,
            vec![("We see it", "Ana Lyst"), ("Thanks", "Carla Customer")],
            "as the {who}"
        );
        assert_eq!(case["actions"][0]["proposedByName"], "Ana Lyst", "{case}");
        assert_eq!(
            case["actions"][0]["decidedByName"], "Carla Customer",
            "{case}"
        );
    }
}
