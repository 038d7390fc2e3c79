//! The one boundary error, with stable snake_case codes.
//!
//! Crates may keep their own `thiserror` enums; at the boundary they become this.
//! Internal details are logged where they happen and never returned to a caller.

use std::fmt;

/// The stable code an error carries to HTTP and GraphQL (`extensions.code`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    Conflict,
    Unauthenticated,
    Forbidden,
    Unavailable,
    Internal,
}

impl ErrorCode {
    /// snake_case name, as in DESIGN.md.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::InvalidInput => "invalid_input",
            Self::Conflict => "conflict",
            Self::Unauthenticated => "unauthenticated",
            Self::Forbidden => "forbidden",
            Self::Unavailable => "unavailable",
            Self::Internal => "internal",
        }
    }

    /// SCREAMING_CASE name used in GraphQL `extensions.code`.
    pub fn graphql(self) -> &'static str {
        match self {
            Self::NotFound => "NOT_FOUND",
            Self::InvalidInput => "INVALID_INPUT",
            Self::Conflict => "CONFLICT",
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::Unavailable => "UNAVAILABLE",
            Self::Internal => "INTERNAL",
        }
    }

    /// The HTTP status this code maps to.
    pub fn http_status(self) -> u16 {
        match self {
            Self::NotFound => 404,
            Self::InvalidInput => 400,
            Self::Conflict => 409,
            Self::Unauthenticated => 401,
            Self::Forbidden => 403,
            Self::Unavailable => 503,
            Self::Internal => 500,
        }
    }
}

/// The boundary error.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Absent, or outside the caller's scope: the two are indistinguishable on purpose.
    #[error("not found")]
    NotFound,
    /// A named input is wrong; `field` uses the caller's spelling (e.g. `input.slug`).
    #[error("{field}: {message}")]
    InvalidInput { field: String, message: String },
    /// A uniqueness clash; `field` names the argument when one is to blame.
    #[error("{}{message}", field.as_deref().map(|f| format!("{f}: ")).unwrap_or_default())]
    Conflict {
        field: Option<String>,
        message: String,
    },
    #[error("authentication required")]
    Unauthenticated,
    /// The caller can see the object but its role may not perform the action.
    #[error("not allowed: {0}")]
    Forbidden(String),
    #[error("temporarily unavailable: {0}")]
    Unavailable(String),
    /// Something broke inside; the detail is logged, not shown.
    #[error("internal error")]
    Internal(String),
}

/// Result with the boundary error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An invalid argument, naming it.
    pub fn invalid(field: impl Into<String>, message: impl fmt::Display) -> Self {
        Self::InvalidInput {
            field: field.into(),
            message: message.to_string(),
        }
    }

    /// A uniqueness clash blamed on a named argument.
    pub fn conflict(field: impl Into<String>, message: impl fmt::Display) -> Self {
        Self::Conflict {
            field: Some(field.into()),
            message: message.to_string(),
        }
    }

    /// An internal failure: logs the detail once, returns the opaque error.
    pub fn internal(detail: impl fmt::Display) -> Self {
        let detail = detail.to_string();
        tracing::error!(error = %detail, "internal error");
        Self::Internal(detail)
    }

    /// The stable code.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::NotFound => ErrorCode::NotFound,
            Self::InvalidInput { .. } => ErrorCode::InvalidInput,
            Self::Conflict { .. } => ErrorCode::Conflict,
            Self::Unauthenticated => ErrorCode::Unauthenticated,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::Unavailable(_) => ErrorCode::Unavailable,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The message safe to show a caller (internal details stripped).
    pub fn public_message(&self) -> String {
        self.to_string()
    }
}

impl From<sea_orm::DbErr> for Error {
    fn from(err: sea_orm::DbErr) -> Self {
        if let Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) = err.sql_err() {
            // Callers that expect a duplicate name the field; this is the backstop.
            return Self::Conflict {
                field: None,
                message: "already exists".into(),
            };
        }
        match &err {
            sea_orm::DbErr::ConnectionAcquire(_) | sea_orm::DbErr::Conn(_) => {
                tracing::warn!(error = %err, "database unavailable");
                Self::Unavailable("database".into())
            }
            _ => Self::internal(err),
        }
    }
}
