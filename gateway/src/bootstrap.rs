//! First start: with no users at all, create the provider admin from
//! `GARRISON_ADMIN_EMAIL` / `GARRISON_ADMIN_PASSWORD`, or generate a strong
//! password and print it once to stderr (never to the log).

use garrison_core::config::Config;
use garrison_core::db::Db;
use garrison_core::{Secret, password, token, users};

/// The admin email when none is configured.
pub const DEFAULT_ADMIN_EMAIL: &str = "admin@garrison.local";

/// Creates the first provider admin if there are no users.
pub async fn ensure_first_admin(db: &Db, config: &Config) -> anyhow::Result<()> {
    if users::count_users(db).await? > 0 {
        return Ok(());
    }
    let email = config
        .admin
        .email
        .clone()
        .unwrap_or_else(|| DEFAULT_ADMIN_EMAIL.to_string());
    let (password, generated) = match &config.admin.password {
        Some(p) => {
            password::check_policy("GARRISON_ADMIN_PASSWORD", p.expose())?;
            (p.clone(), false)
        }
        None => (Secret::new(token::random_token(18)), true),
    };
    if let Err(e) = users::ensure_provider_admin(db, &email, &password).await {
        // Roles started together race here; the loser finds the winner's admin.
        if users::count_users(db).await? > 0 {
            return Ok(());
        }
        return Err(e.into());
    }
    tracing::info!(%email, "created the first provider admin");
    if generated {
        eprintln!(
            "\n  Garrison created the first provider admin.\n    email:    {email}\n    password: {}\n  It is shown only this once; change it after signing in.\n",
            password.expose()
        );
    }
    Ok(())
}
