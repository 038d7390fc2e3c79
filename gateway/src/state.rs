//! The state every handler shares.

use crate::auth::keys::KeySet;
use crate::auth::throttle::LoginThrottle;
use garrison_cases::notify::AlertFeed;
use garrison_core::bus::Bus;
use garrison_core::clock::SharedClock;
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
    /// Stored-event notices between ingest and its consumers.
    pub bus: Arc<dyn Bus>,
    /// The ingest service, when this process runs the ingest role.
    pub ingest: Option<Arc<garrison_ingest::Ingest>>,
    /// The detection role, when this process runs it.
    pub detection: Option<Arc<garrison_detection::consumer::Detection>>,
    /// Alert changes for `alertEvents` subscribers in this process.
    pub alert_feed: AlertFeed,
    /// Where "now" comes from (tests step it).
    pub clock: SharedClock,
}

impl AppState {
    /// Builds the state from loaded parts.
    pub fn new(db: Db, config: Config, keys: KeySet, bus: Arc<dyn Bus>) -> AppState {
        let throttle = LoginThrottle::new(
            config.auth.max_failed_logins,
            std::time::Duration::from_secs(config.auth.failed_login_window_secs),
        );
        AppState {
            db,
            config: Arc::new(config),
            keys: Arc::new(keys),
            throttle: Arc::new(throttle),
            bus,
            ingest: None,
            detection: None,
            alert_feed: AlertFeed::default(),
            clock: garrison_core::clock::system(),
        }
    }

    /// Refresh-token lifetime.
    pub fn refresh_ttl(&self) -> chrono::Duration {
        chrono::Duration::seconds(self.config.auth.refresh_ttl_secs.min(i64::MAX as u64) as i64)
    }
}
