//! `GET /attachments/{id}`: a case attachment's bytes, with the same bearer auth as
//! `/graphql`, in the caller's scope (`404` otherwise). Always a download, never
//! rendered: `application/octet-stream`, `Content-Disposition: attachment`,
//! `nosniff` and a sandboxing CSP, so an uploaded HTML file cannot run in the
//! console's origin.

use crate::auth;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use garrison_cases::cases::attachments::{AttachmentId, read_attachment};

pub async fn download(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let scope = match auth::scope_from_headers(&state, &headers).await {
        Ok(s) => s,
        Err(_) => return (StatusCode::UNAUTHORIZED, "authentication required\n").into_response(),
    };
    let Ok(id) = AttachmentId::parse("id", &id) else {
        return (StatusCode::BAD_REQUEST, "id: is not a valid id\n").into_response();
    };
    let read = async {
        let tx = state.db.begin(&scope).await?;
        let found = read_attachment(&tx, id).await?;
        tx.commit().await?;
        Ok::<_, garrison_core::Error>(found)
    };
    match read.await {
        Ok((meta, bytes)) => {
            let disposition = format!(
                "attachment; filename=\"{}\"; filename*=UTF-8''{}",
                meta.filename
                    .replace(|c: char| !c.is_ascii_graphic() && c != ' ', "_"),
                percent_encode(&meta.filename)
            );
            let mut response = bytes.into_response();
            let h = response.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/octet-stream"),
            );
            if let Ok(v) = HeaderValue::from_str(&disposition) {
                h.insert(header::CONTENT_DISPOSITION, v);
            }
            h.insert(
                "x-content-type-options",
                HeaderValue::from_static("nosniff"),
            );
            h.insert(
                "content-security-policy",
                HeaderValue::from_static("sandbox"),
            );
            h.insert(
                header::CACHE_CONTROL,
                HeaderValue::from_static("private, no-store"),
            );
            response
        }
        Err(e) => (
            StatusCode::from_u16(e.code().http_status())
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            format!("{}\n", e.public_message()),
        )
            .into_response(),
    }
}

/// RFC 5987 percent-encoding of a file name.
fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
