//! The state every handler shares.

use crate::auth::keys::KeySet;
use crate::auth::throttle::LoginThrottle;
use garrison_core::config::Config;
use garrison_core::db::Db;
use std::sync::Arc;

/// Cheap to clone: everything is behind `Arc`.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub keys: Arc<KeySet>,
    pub throttle: Arc<LoginThrottle>,
}

impl AppState {
    /// Builds the state from loaded parts.
    pub fn new(db: Db, config: Config, keys: KeySet) -> AppState {
        let throttle = LoginThrottle::new(
            config.auth.max_failed_logins,
            std::time::Duration::from_secs(config.auth.failed_login_window_secs),
        );
        AppState {
            db,
            config: Arc::new(config),
            keys: Arc::new(keys),
            throttle: Arc::new(throttle),
        }
    }

    /// Refresh-token lifetime.
    pub fn refresh_ttl(&self) -> chrono::Duration {
        chrono::Duration::seconds(self.config.auth.refresh_ttl_secs.min(i64::MAX as u64) as i64)
    }
}
