//! The `garrison` binary.

use clap::Parser;
use std::process::ExitCode;

/// mimalloc: ingest allocates and frees many small objects across threads, where
/// glibc's allocator measured markedly slower (see the ingest benchmark).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> ExitCode {
    let cli = garrison_gateway::cli::Cli::parse();
    match garrison_gateway::commands::run(cli.command).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("garrison: {e:#}");
            ExitCode::FAILURE
        }
    }
}
