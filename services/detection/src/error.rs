//! The crate's error type: everything a caller of the library can get back.

use std::path::PathBuf;

/// Errors from loading rules, reading events or writing output.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file or directory could not be read.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Writing results to the output failed.
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
    /// An event line is not a JSON object.
    #[error("{path}: line {line}: {reason}")]
    Event {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    /// The input format is not supported (for example a compressed file).
    #[error("{0}")]
    Unsupported(String),
}
