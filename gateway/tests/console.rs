//! The console is served at `/` with the right caching, client routes fall back
//! to `index.html`, and API paths never do.

mod common;

use common::*;

#[tokio::test]
async fn serves_the_built_console_with_caching_and_fallback() {
    let dist = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><div id=root></div>",
    )
    .expect("index");
    std::fs::create_dir(dist.path().join("assets")).expect("assets");
    std::fs::write(dist.path().join("assets/app-3f9a.js"), "console.log(1)").expect("asset");
    let dir = dist.path().to_path_buf();
    let app = spawn_app_with(move |c| c.http.console_dir = dir).await;

    // Browsers ask for HTML; that is how `/` tells a person from a bulk shipper.
    let get = |path: &'static str| {
        let app = &app;
        async move {
            app.http
                .get(app.url(path))
                .header("accept", "text/html,*/*")
                .send()
                .await
                .expect("send")
        }
    };
    let index = get("/").await;
    assert_eq!(index.status(), 200);
    assert_eq!(index.headers()["cache-control"], "no-cache");
    assert!(index.text().await.expect("body").contains("id=root"));

    let asset = get("/assets/app-3f9a.js").await;
    assert_eq!(asset.status(), 200);
    assert_eq!(
        asset.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert!(
        asset.headers()["content-type"]
            .to_str()
            .expect("ct")
            .contains("javascript")
    );

    let deep = get("/cases/0193/timeline").await;
    assert_eq!(
        deep.status(),
        200,
        "client-side route falls back to index.html"
    );
    assert!(deep.text().await.expect("body").contains("id=root"));

    assert_eq!(
        get("/auth/nope").await.status(),
        404,
        "API paths never fall back"
    );
    assert_eq!(get("/healthz").await.status(), 200);
}

#[tokio::test]
async fn without_a_build_a_placeholder_explains_how_to_build() {
    let app = spawn_app_with(|c| c.http.console_dir = "/nonexistent/dist".into()).await;
    let page = app
        .http
        .get(app.url("/"))
        .header("accept", "text/html")
        .send()
        .await
        .expect("send");
    assert_eq!(page.status(), 200);
    assert!(page.text().await.expect("body").contains("make run"));
}

#[tokio::test]
async fn root_answers_bulk_clients_like_an_elasticsearch_cluster() {
    let app = spawn_app().await;
    let info = app
        .http
        .get(app.url("/"))
        .header("accept", "application/json")
        .send()
        .await
        .expect("send");
    assert_eq!(info.status(), 200);
    assert_eq!(info.headers()["x-elastic-product"], "Elasticsearch");
    let body: serde_json::Value = info.json().await.expect("json");
    assert!(
        body["version"]["number"]
            .as_str()
            .expect("version")
            .starts_with('8')
    );
    assert_eq!(body["tagline"], "You Know, for Search");
}
