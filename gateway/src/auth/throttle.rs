//! Sign-in throttling: failures counted per account and per source address in a
//! sliding window. Keys are counted whether or not the account exists, so the
//! throttle itself reveals nothing. In memory, per gateway process.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Upper bound on tracked keys; beyond it the oldest windows are dropped first.
const MAX_KEYS: usize = 100_000;

/// The throttle.
#[derive(Debug)]
pub struct LoginThrottle {
    max_failures: u32,
    window: Duration,
    failures: Mutex<HashMap<String, Vec<Instant>>>,
}

impl LoginThrottle {
    /// `max_failures` within `window` per key locks that key until failures age out.
    pub fn new(max_failures: u32, window: Duration) -> LoginThrottle {
        LoginThrottle {
            max_failures: max_failures.max(1),
            window,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds to wait if the account or the address is locked, else `None`.
    pub fn check(&self, email: &str, ip: IpAddr) -> Option<u64> {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        [account_key(email), ip_key(ip)]
            .iter()
            .filter_map(|key| {
                let times = map.get_mut(key)?;
                times.retain(|t| now.duration_since(*t) < self.window);
                (times.len() as u32 >= self.max_failures)
                    .then(|| {
                        times
                            .first()
                            .map(|t| (self.window - now.duration_since(*t)).as_secs().max(1))
                    })
                    .flatten()
            })
            .max()
    }

    /// Records a failed attempt against both keys.
    pub fn fail(&self, email: &str, ip: IpAddr) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_KEYS {
            map.retain(|_, times| {
                times
                    .last()
                    .is_some_and(|t| now.duration_since(*t) < self.window)
            });
        }
        for key in [account_key(email), ip_key(ip)] {
            map.entry(key).or_default().push(now);
        }
    }

    /// Clears the account's failures after a successful sign-in (the address keeps
    /// its count: one address guessing many accounts stays throttled).
    pub fn succeed(&self, email: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(&account_key(email));
    }
}

fn account_key(email: &str) -> String {
    format!("a:{}", email.trim().to_ascii_lowercase())
}

fn ip_key(ip: IpAddr) -> String {
    format!("i:{ip}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_after_max_failures_per_account_and_address() {
        let t = LoginThrottle::new(3, Duration::from_secs(60));
        let ip: IpAddr = [10, 0, 0, 1].into();
        let other: IpAddr = [10, 0, 0, 2].into();
        for _ in 0..3 {
            assert!(t.check("a@x.io", ip).is_none());
            t.fail("a@x.io", ip);
        }
        assert!(
            t.check("a@x.io", other).is_some(),
            "account locked from any address"
        );
        assert!(
            t.check("b@x.io", ip).is_some(),
            "address locked for any account"
        );
        assert!(t.check("b@x.io", other).is_none());
    }
}
