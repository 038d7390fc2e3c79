//! Who did it, by name: display names for the `authorName`/`actorName` fields.
//!
//! A case page asks for the author of every comment and timeline entry; the
//! request-scoped [`NameBook`] makes that one lookup per distinct person rather
//! than one per row. Names are attribution only (see
//! `garrison_core::users::display_names`): no email, role or tenant leaks.

use super::errors::GqlResult;
use super::{scope, state};
use async_graphql::Context;
use garrison_core::UserId;
use garrison_core::users;
use std::collections::HashMap;
use tokio::sync::Mutex;

/// Names looked up so far in this request (`None`: no such user any more).
#[derive(Default)]
pub struct NameBook(Mutex<HashMap<UserId, Option<String>>>);

/// The display name of `id`, if it still names a user.
pub async fn name_of(
    ctx: &Context<'_>,
    id: Option<UserId>,
) -> async_graphql::Result<Option<String>> {
    let Some(id) = id else {
        return Ok(None);
    };
    let book = ctx.data_opt::<NameBook>();
    if let Some(book) = book
        && let Some(known) = book.0.lock().await.get(&id)
    {
        return Ok(known.clone());
    }
    let tx = state(ctx)?.db.begin(scope(ctx)?).await.gql()?;
    let name = users::display_names(&tx, &[id]).await.gql()?.remove(&id);
    tx.commit().await.gql()?;
    if let Some(book) = book {
        book.0.lock().await.insert(id, name.clone());
    }
    Ok(name)
}
