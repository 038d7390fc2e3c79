//! Shared helpers for the integration tests: locating `../shared` beside the workspace.

use std::path::PathBuf;

/// `<workspace root>/../shared`, or `None` (with a printed note) when it is absent.
pub fn shared_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!(
            "SKIPPED: {} not found; the shared Sigma corpus is not available",
            dir.display()
        );
        None
    }
}
