//! The `garrison` binary.

use clap::Parser;
use std::process::ExitCode;

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
