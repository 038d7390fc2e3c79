//! The HTTP edge's error body and JSON extractor: `{"error":{"code","message"}}`
//! with the boundary error's stable code, and JSON rejections that name the field.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use garrison_core::Error;
use serde::de::DeserializeOwned;

/// A boundary error as an HTTP response.
pub struct ApiError(pub Error);

impl ApiError {
    /// The error's status and code with a specific message.
    pub fn with_message(self, message: &str) -> Response {
        let code = self.0.code();
        let status =
            StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        (
            status,
            Json(serde_json::json!({"error": {"code": code.as_str(), "message": message}})),
        )
            .into_response()
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = self.0.public_message();
        self.with_message(&message)
    }
}

/// A boundary error as a JSON body with the matching status, naming the input
/// at fault (`field`, null unless the error is `invalid_input`): what the report
/// and CSV endpoints answer, so a form can point at the wrong parameter.
pub fn error_with_field(error: Error) -> Response {
    let code = error.code();
    let field = match &error {
        Error::InvalidInput { field, .. } => Some(field.clone()),
        _ => None,
    };
    let status =
        StatusCode::from_u16(code.http_status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let body = serde_json::json!({
        "error": {"code": code.as_str(), "message": error.public_message(), "field": field}
    });
    (status, Json(body)).into_response()
}

/// `Json<T>` whose rejections are `invalid_input` errors naming what is wrong.
pub struct ApiJson<T>(pub T);

impl<S, T> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = Response;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => Err(json_rejection(rejection)),
        }
    }
}

fn json_rejection(rejection: JsonRejection) -> Response {
    let status = rejection.status();
    let message = match &rejection {
        JsonRejection::MissingJsonContentType(_) => {
            "expected Content-Type: application/json".to_string()
        }
        _ => rejection.body_text(),
    };
    let body = serde_json::json!({"error": {"code": "invalid_input", "message": message}});
    let status = if status == StatusCode::PAYLOAD_TOO_LARGE {
        status
    } else {
        StatusCode::BAD_REQUEST
    };
    (status, Json(body)).into_response()
}
