//! Sign-in, refresh rotation, sign-out, throttling, and every forged token → 401.

mod common;

use common::*;
use garrison_gateway::auth::keys::encoding_key_from_seed;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};

const ME: &str = "{ me { email } }";

async fn status_with(app: &TestApp, token: &str) -> u16 {
    app.gql_raw(Some(token), ME, json!({})).await.0
}

fn now() -> u64 {
    jsonwebtoken::get_current_timestamp()
}

fn claims(sub: &str, iss: &str, aud: &str, nbf: u64, exp: u64) -> Value {
    json!({"sub": sub, "iss": iss, "aud": aud, "iat": now(), "nbf": nbf, "exp": exp, "jti": "t", "role": "provider_admin"})
}

fn sign(kid: &str, key: &EncodingKey, claims: &Value) -> String {
    let mut header = Header::new(Algorithm::EdDSA);
    header.kid = Some(kid.into());
    jsonwebtoken::encode(&header, claims, key).expect("encode")
}

async fn admin_sub(app: &TestApp) -> String {
    let token = app.token(ADMIN_EMAIL, PASSWORD).await;
    let data = app.gql(&token, "{ me { id } }", json!({})).await;
    data["me"]["id"].as_str().expect("id").to_string()
}

#[tokio::test]
async fn login_returns_tokens_and_unknown_email_looks_like_wrong_password() {
    let app = spawn_app().await;
    let tokens = app.login(ADMIN_EMAIL, PASSWORD).await;
    assert!(
        tokens["access_token"]
            .as_str()
            .is_some_and(|t| t.split('.').count() == 3)
    );
    assert!(
        tokens["refresh_token"]
            .as_str()
            .is_some_and(|t| t.len() >= 40)
    );
    assert_eq!(tokens["expires_in"], 900);

    let wrong_password = app.login_raw(ADMIN_EMAIL, "not-the-password").await;
    let unknown_email = app
        .login_raw("nobody@provider.test", "not-the-password")
        .await;
    assert_eq!(wrong_password.status(), 401);
    assert_eq!(unknown_email.status(), 401);
    let a: Value = wrong_password.json().await.expect("json");
    let b: Value = unknown_email.json().await.expect("json");
    assert_eq!(a, b, "the two failures must be indistinguishable");
}

#[tokio::test]
async fn forged_and_invalid_tokens_are_401() {
    let app = spawn_app().await;
    let sub = admin_sub(&app).await;
    let current = encoding_key_from_seed(&SEED_CURRENT);
    let previous = encoding_key_from_seed(&SEED_PREVIOUS);
    let stranger = encoding_key_from_seed(&[42u8; 32]);
    let (iss, aud) = ("garrison", "garrison-api");
    let t = now();

    // The honest token and one signed by the previous (rotated-out but kept) key work.
    assert_eq!(
        status_with(
            &app,
            &sign("current", &current, &claims(&sub, iss, aud, t, t + 600))
        )
        .await,
        200
    );
    assert_eq!(
        status_with(
            &app,
            &sign("previous", &previous, &claims(&sub, iss, aud, t, t + 600))
        )
        .await,
        200
    );

    let valid = sign("current", &current, &claims(&sub, iss, aud, t, t + 600));
    let mut parts: Vec<String> = valid.split('.').map(String::from).collect();
    parts[1] = {
        use base64::Engine;
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let mut payload: Value =
            serde_json::from_slice(&engine.decode(&parts[1]).expect("b64")).expect("json");
        payload["role"] = json!("analyst");
        payload["exp"] = json!(t + 999_999);
        engine.encode(payload.to_string())
    };
    let tampered = parts.join(".");
    let alg_none = {
        use base64::Engine;
        let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
        let header = engine.encode(r#"{"alg":"none","typ":"JWT","kid":"current"}"#);
        let payload = engine.encode(claims(&sub, iss, aud, t, t + 600).to_string());
        format!("{header}.{payload}.")
    };
    let hs256 = {
        let mut header = Header::new(Algorithm::HS256);
        header.kid = Some("current".into());
        jsonwebtoken::encode(
            &header,
            &claims(&sub, iss, aud, t, t + 600),
            &EncodingKey::from_secret(b"current"),
        )
        .expect("encode")
    };
    let cases: Vec<(&str, String)> = vec![
        (
            "expired",
            sign(
                "current",
                &current,
                &claims(&sub, iss, aud, t - 7200, t - 3600),
            ),
        ),
        ("tampered payload", tampered),
        ("alg none", alg_none),
        ("hs256 with kid as secret", hs256),
        (
            "wrong key, known kid",
            sign("current", &stranger, &claims(&sub, iss, aud, t, t + 600)),
        ),
        (
            "unknown kid",
            sign("other", &stranger, &claims(&sub, iss, aud, t, t + 600)),
        ),
        (
            "wrong issuer",
            sign("current", &current, &claims(&sub, "evil", aud, t, t + 600)),
        ),
        (
            "wrong audience",
            sign(
                "current",
                &current,
                &claims(&sub, iss, "other-api", t, t + 600),
            ),
        ),
        (
            "not yet valid",
            sign(
                "current",
                &current,
                &claims(&sub, iss, aud, t + 3600, t + 7200),
            ),
        ),
        (
            "unknown user",
            sign(
                "current",
                &current,
                &claims(&uuid::Uuid::now_v7().to_string(), iss, aud, t, t + 600),
            ),
        ),
        ("garbage", "not.a.token".to_string()),
    ];
    for (name, token) in cases {
        let (status, body) = app.gql_raw(Some(&token), ME, json!({})).await;
        assert_eq!(status, 401, "{name}: {body}");
        assert_eq!(error_code(&body), "UNAUTHENTICATED", "{name}");
    }
    let (status, _) = app.gql_raw(None, ME, json!({})).await;
    assert_eq!(status, 401, "no token");
}

#[tokio::test]
async fn refresh_rotates_and_reuse_revokes_the_family() {
    let app = spawn_app().await;
    let first = app.login(ADMIN_EMAIL, PASSWORD).await;
    let r1 = first["refresh_token"].as_str().expect("r1").to_string();
    let refresh = |token: String| {
        let app = &app;
        async move {
            app.http
                .post(app.url("/auth/refresh"))
                .json(&json!({"refresh_token": token}))
                .send()
                .await
                .expect("send")
        }
    };
    let second = refresh(r1.clone()).await;
    assert_eq!(second.status(), 200);
    let second: Value = second.json().await.expect("json");
    let r2 = second["refresh_token"].as_str().expect("r2").to_string();
    assert_ne!(r1, r2);
    assert_eq!(
        status_with(&app, second["access_token"].as_str().expect("at")).await,
        200
    );

    // Replaying the spent r1 is refused and burns the family, so r2 dies too.
    assert_eq!(refresh(r1).await.status(), 401);
    assert_eq!(refresh(r2).await.status(), 401);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = spawn_app().await;
    let tokens = app.login(ADMIN_EMAIL, PASSWORD).await;
    let refresh_token = tokens["refresh_token"].as_str().expect("rt").to_string();
    let out = app
        .http
        .post(app.url("/auth/logout"))
        .json(&json!({"refresh_token": refresh_token}))
        .send()
        .await;
    assert_eq!(out.expect("send").status(), 204);
    let again = app
        .http
        .post(app.url("/auth/refresh"))
        .json(&json!({"refresh_token": refresh_token}))
        .send()
        .await;
    assert_eq!(again.expect("send").status(), 401);
}

#[tokio::test]
async fn failed_logins_are_throttled_even_for_unknown_accounts() {
    let app = spawn_app().await;
    for _ in 0..5 {
        assert_eq!(
            app.login_raw("ghost@provider.test", "wrong-password!")
                .await
                .status(),
            401
        );
    }
    let throttled = app
        .login_raw("ghost@provider.test", "wrong-password!")
        .await;
    assert_eq!(throttled.status(), 429);
    assert!(throttled.headers().get("retry-after").is_some());
    // The address is throttled too, even with the right password for another account.
    assert_eq!(app.login_raw(ADMIN_EMAIL, PASSWORD).await.status(), 429);
}

#[tokio::test]
async fn disabled_users_lose_access_at_once() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let tenant = app.create_tenant(&admin, "acme").await;
    let id = app
        .create_user(&admin, json!({"email": "lead@acme.test", "password": PASSWORD, "role": "CUSTOMER_ADMIN", "tenantId": tenant}))
        .await;
    let lead = app.token("lead@acme.test", PASSWORD).await;
    assert_eq!(status_with(&app, &lead).await, 200);
    app.gql(
        &admin,
        "mutation($id: ID!) { disableUser(id: $id) { disabled } }",
        json!({"id": id}),
    )
    .await;
    assert_eq!(
        status_with(&app, &lead).await,
        401,
        "an unexpired token of a disabled user"
    );
    assert_eq!(
        app.login_raw("lead@acme.test", PASSWORD).await.status(),
        401
    );
    app.gql(
        &admin,
        "mutation($id: ID!) { enableUser(id: $id) { disabled } }",
        json!({"id": id}),
    )
    .await;
    assert_eq!(
        app.login_raw("lead@acme.test", PASSWORD).await.status(),
        200,
        "re-enabled"
    );
}

#[tokio::test]
async fn suspended_tenant_users_cannot_sign_in() {
    let app = spawn_app().await;
    let admin = app.token(ADMIN_EMAIL, PASSWORD).await;
    let tenant = app.create_tenant(&admin, "acme").await;
    app.create_user(&admin, json!({"email": "v@acme.test", "password": PASSWORD, "role": "CUSTOMER_VIEWER", "tenantId": tenant}))
        .await;
    app.gql(
        &admin,
        "mutation($id: ID!) { suspendTenant(id: $id) { status } }",
        json!({"id": tenant}),
    )
    .await;
    assert_eq!(app.login_raw("v@acme.test", PASSWORD).await.status(), 401);
    app.gql(
        &admin,
        "mutation($id: ID!) { activateTenant(id: $id) { status } }",
        json!({"id": tenant}),
    )
    .await;
    assert_eq!(app.login_raw("v@acme.test", PASSWORD).await.status(), 200);
}

#[tokio::test]
async fn change_password_requires_the_current_one_and_ends_sessions() {
    let app = spawn_app().await;
    let tokens = app.login(ADMIN_EMAIL, PASSWORD).await;
    let token = tokens["access_token"].as_str().expect("at");
    let mutation = "mutation($c: String!, $n: String!) { changePassword(current: $c, new: $n) }";
    let (_, body) = app
        .gql_raw(
            Some(token),
            mutation,
            json!({"c": "wrong-current-pw", "n": "another-long-password"}),
        )
        .await;
    assert_eq!(error_code(&body), "INVALID_INPUT");
    assert_eq!(body["errors"][0]["extensions"]["field"], "current");
    let (_, body) = app
        .gql_raw(Some(token), mutation, json!({"c": PASSWORD, "n": "short"}))
        .await;
    assert_eq!(body["errors"][0]["extensions"]["field"], "new");
    app.gql(
        token,
        mutation,
        json!({"c": PASSWORD, "n": "another-long-password"}),
    )
    .await;
    let refresh = app
        .http
        .post(app.url("/auth/refresh"))
        .json(&json!({"refresh_token": tokens["refresh_token"]}))
        .send()
        .await
        .expect("send");
    assert_eq!(refresh.status(), 401, "old sessions end");
    assert_eq!(
        app.login_raw(ADMIN_EMAIL, "another-long-password")
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn console_cookie_flow_keeps_the_refresh_token_http_only() {
    let app = spawn_app().await;
    let login = app.login_raw(ADMIN_EMAIL, PASSWORD).await;
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_string();
    for attribute in [
        "garrison_refresh=",
        "HttpOnly",
        "SameSite=Strict",
        "Path=/auth",
    ] {
        assert!(cookie.contains(attribute), "{cookie}");
    }
    let pair = cookie.split(';').next().expect("pair").to_string();

    // Refresh with the cookie and no body, as the console does.
    let refreshed = app
        .http
        .post(app.url("/auth/refresh"))
        .header("cookie", &pair)
        .send()
        .await
        .expect("send");
    assert_eq!(refreshed.status(), 200);
    let next_pair = refreshed.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .split(';')
        .next()
        .expect("pair")
        .to_string();
    assert_ne!(pair, next_pair, "rotated");
    let body: Value = refreshed.json().await.expect("json");
    assert_eq!(
        status_with(&app, body["access_token"].as_str().expect("at")).await,
        200
    );

    // Signing out with the cookie clears it and ends the family.
    let out = app
        .http
        .post(app.url("/auth/logout"))
        .header("cookie", &next_pair)
        .send()
        .await
        .expect("send");
    assert_eq!(out.status(), 204);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .expect("cookie")
            .contains("Max-Age=0")
    );
    let again = app
        .http
        .post(app.url("/auth/refresh"))
        .header("cookie", &next_pair)
        .send()
        .await
        .expect("send");
    assert_eq!(again.status(), 401);

    let none = app
        .http
        .post(app.url("/auth/refresh"))
        .send()
        .await
        .expect("send");
    assert_eq!(none.status(), 401, "no body and no cookie: not signed in");
}
