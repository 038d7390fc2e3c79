//! Boundary errors as GraphQL errors with `extensions.code` (and `field` for input).

use async_graphql::ErrorExtensions;
use garrison_core::Error;

/// Converts a boundary error. Internal details never leave the process.
pub fn gql(error: Error) -> async_graphql::Error {
    let code = error.code().graphql();
    let field = match &error {
        Error::InvalidInput { field, .. } => Some(field.clone()),
        Error::Conflict { field, .. } => field.clone(),
        _ => None,
    };
    async_graphql::Error::new(error.public_message()).extend_with(|_, ext| {
        ext.set("code", code);
        if let Some(field) = &field {
            ext.set("field", field.as_str());
        }
    })
}

/// Extension for `Result<T, garrison_core::Error>`.
pub trait GqlResult<T> {
    fn gql(self) -> async_graphql::Result<T>;
}

impl<T> GqlResult<T> for Result<T, Error> {
    fn gql(self) -> async_graphql::Result<T> {
        self.map_err(gql)
    }
}
