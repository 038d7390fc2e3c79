//! Bad input answers with a precise error naming the field and changes nothing.

mod common;

use common::*;
use serde_json::json;

const CREATE_TENANT: &str = "mutation($i: CreateTenantInput!) { createTenant(input: $i) { id } }";
const CREATE_USER: &str = "mutation($i: CreateUserInput!) { createUser(input: $i) { id } }";

async fn tenant_count(app: &TestApp, token: &str) -> i64 {
    app.gql(token, "{ tenants { totalCount } }", json!({}))
        .await["tenants"]["totalCount"]
        .as_i64()
        .expect("count")
}

async fn user_count(app: &TestApp, token: &str) -> usize {
    app.gql(token, "{ users { id } }", json!({})).await["users"]
        .as_array()
        .expect("users")
        .len()
}

#[tokio::test]
async fn tenant_input_errors_name_the_field() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    app.create_tenant(&admin, "acme").await;
    let cases = [
        (
            json!({"name": "Dup", "slug": "acme"}),
            "CONFLICT",
            "input.slug",
        ),
        (
            json!({"name": "Bad", "slug": "Not A Slug"}),
            "INVALID_INPUT",
            "input.slug",
        ),
        (
            json!({"name": "x".repeat(201), "slug": "long-name"}),
            "INVALID_INPUT",
            "input.name",
        ),
        (
            json!({"name": "   ", "slug": "blank-name"}),
            "INVALID_INPUT",
            "input.name",
        ),
        (
            json!({"name": "Zone", "slug": "zone", "timezone": "Mars/Olympus"}),
            "INVALID_INPUT",
            "input.timezone",
        ),
    ];
    for (input, code, field) in cases {
        let (status, body) = app
            .gql_raw(Some(&admin), CREATE_TENANT, json!({"i": input}))
            .await;
        assert_eq!(status, 200);
        assert_eq!(error_code(&body), code, "{input}: {body}");
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .expect("message")
                .contains(field),
            "{input}: {body}"
        );
    }
    assert_eq!(tenant_count(&app, &admin).await, 1, "nothing was created");
}

#[tokio::test]
async fn user_input_errors_name_the_field() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let tenant = app.create_tenant(&admin, "acme").await;
    let before = user_count(&app, &admin).await;
    let cases = [
        (
            json!({"email": "not-an-email", "password": PASSWORD, "role": "ANALYST"}),
            "input.email",
        ),
        (
            json!({"email": "a@b.test", "password": "short", "role": "ANALYST"}),
            "input.password",
        ),
        (
            json!({"email": "c@b.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN"}),
            "input.tenantId",
        ),
        (
            json!({"email": "d@b.test", "password": PASSWORD, "role": "ANALYST", "tenantId": tenant}),
            "input.tenantId",
        ),
        (
            json!({"email": "e@b.test", "password": PASSWORD, "role": "ANALYST", "tenantIds": ["nope"]}),
            "input.tenantIds",
        ),
    ];
    for (input, field) in cases {
        let (_, body) = app
            .gql_raw(Some(&admin), CREATE_USER, json!({"i": input}))
            .await;
        assert_eq!(error_code(&body), "INVALID_INPUT", "{input}: {body}");
        assert_eq!(
            body["errors"][0]["extensions"]["field"], field,
            "{input}: {body}"
        );
    }
    let (_, body) = app
        .gql_raw(
            Some(&admin),
            CREATE_USER,
            json!({"i": {"email": ADMIN_EMAIL, "password": PASSWORD, "role": "ANALYST"}}),
        )
        .await;
    assert_eq!(error_code(&body), "CONFLICT", "{body}");
    assert_eq!(
        user_count(&app, &admin).await,
        before,
        "nothing was created"
    );
}

#[tokio::test]
async fn graphql_shape_errors_are_invalid_input() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (_, body) = app
        .gql_raw(
            Some(&admin),
            CREATE_TENANT,
            json!({"i": {"name": "X", "slug": "xx", "colour": "red"}}),
        )
        .await;
    assert_eq!(error_code(&body), "INVALID_INPUT", "{body}");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .expect("msg")
            .contains("colour"),
        "{body}"
    );
    let (_, body) = app
        .gql_raw(Some(&admin), "{ tenants { nope } }", json!({}))
        .await;
    assert_eq!(error_code(&body), "INVALID_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .expect("msg")
            .contains("nope")
    );
    let (_, body) = app
        .gql_raw(
            Some(&admin),
            "{ tenant(id: \"not-a-uuid\") { id } }",
            json!({}),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "id");
    let (_, body) = app
        .gql_raw(
            Some(&admin),
            "{ tenants(first: 100000) { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "first");
}

#[tokio::test]
async fn introspection_is_off_outside_dev_mode() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let (_, body) = app
        .gql_raw(Some(&admin), "{ __schema { types { name } } }", json!({}))
        .await;
    assert!(
        body["data"].is_null() || body["data"]["__schema"].is_null(),
        "{body}"
    );
    let page = app
        .http
        .get(app.url("/graphql"))
        .send()
        .await
        .expect("send");
    assert_eq!(page.status(), 405, "no GraphiQL page outside dev mode");
}

#[tokio::test]
async fn dev_mode_serves_graphiql_and_introspection() {
    let app = spawn_app_with(|c| c.dev = true).await;
    let page = app
        .http
        .get(app.url("/graphql"))
        .send()
        .await
        .expect("send");
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .expect("body")
            .to_lowercase()
            .contains("graphiql")
    );
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let data = app
        .gql(&admin, "{ __schema { queryType { name } } }", json!({}))
        .await;
    assert_eq!(data["__schema"]["queryType"]["name"], "Query");
}

#[tokio::test]
async fn malformed_http_bodies_are_named() {
    let app = spawn_app().await;
    let post = |path: &'static str, body: &'static str| {
        let app = &app;
        async move {
            let response = app
                .http
                .post(app.url(path))
                .header("content-type", "application/json")
                .body(body)
                .send()
                .await
                .expect("send");
            let status = response.status().as_u16();
            (
                status,
                response.json::<serde_json::Value>().await.expect("json"),
            )
        }
    };
    let (status, body) = post("/auth/login", "{not json").await;
    assert_eq!(status, 400);
    assert_eq!(body["error"]["code"], "invalid_input");
    let (status, body) = post("/auth/login", r#"{"email":"a@b.test"}"#).await;
    assert_eq!(status, 400);
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("password"),
        "{body}"
    );
    let (status, body) = post(
        "/auth/login",
        r#"{"email":"a@b.test","password":"x","admin":true}"#,
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("admin"),
        "{body}"
    );
    let (status, body) = post("/auth/refresh", r#"{}"#).await;
    assert_eq!(status, 400);
    assert!(
        body["error"]["message"]
            .as_str()
            .expect("msg")
            .contains("refresh_token"),
        "{body}"
    );
}

#[tokio::test]
async fn too_deep_or_too_complex_queries_are_refused() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    // The deepest path the schema offers today is well within the depth limit...
    let mut query =
        String::from("{ tenants { edges { node { auditLog { edges { node { id } } } } } } }");
    let (_, body) = app.gql_raw(Some(&admin), &query, json!({})).await;
    assert!(body.get("errors").is_none(), "{body}");
    // ...while a query that asks for over a thousand fields exceeds the complexity limit.
    let fields: String = (0..1100).map(|i| format!("a{i}: me {{ id }} ")).collect();
    query = format!("{{ {fields} }}");
    let (_, body) = app.gql_raw(Some(&admin), &query, json!({})).await;
    assert_eq!(error_code(&body), "INVALID_INPUT", "complexity limit");
}
