//! The case list through the real server: newest first or most severe first,
//! paged with keyset cursors that name their order.

mod common;

use common::*;
use serde_json::{Value, json};

const LIST: &str = "query($o: CaseOrder, $a: String) { cases(first: 2, after: $a, orderBy: $o) { totalCount edges { cursor node { title severity } } pageInfo { hasNextPage endCursor } } }";

fn titles(page: &Value) -> Vec<String> {
    page["cases"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|e| e["node"]["title"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn cases_sort_by_severity_and_page_in_that_order() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let tenant = app.create_tenant(&admin, "sorted").await;
    for (title, severity) in [
        ("low one", "LOW"),
        ("critical one", "CRITICAL"),
        ("medium one", "MEDIUM"),
        ("critical two", "CRITICAL"),
    ] {
        app.gql(
            &admin,
            "mutation($t: ID!, $s: String!, $v: Severity!) { createCase(input: {tenantId: $t, title: $s, severity: $v}) { id } }",
            json!({"t": tenant, "s": title, "v": severity}),
        )
        .await;
    }
    let first = app.gql(&admin, LIST, json!({"o": "SEVERITY"})).await;
    assert_eq!(titles(&first), ["critical two", "critical one"]);
    assert_eq!(first["cases"]["totalCount"], 4);
    let cursor = first["cases"]["pageInfo"]["endCursor"].clone();
    let second = app
        .gql(&admin, LIST, json!({"o": "SEVERITY", "a": cursor}))
        .await;
    assert_eq!(titles(&second), ["medium one", "low one"]);
    assert_eq!(second["cases"]["pageInfo"]["hasNextPage"], false);

    let newest = app.gql(&admin, LIST, json!({})).await;
    assert_eq!(titles(&newest), ["critical two", "medium one"]);
    // A cursor of one order is refused by the other, naming the argument.
    let (_, body) = app
        .gql_raw(Some(&admin), LIST, json!({"o": "NEWEST", "a": cursor}))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "after", "{body}");
}
