//! The command line: `garrison serve|migrate|demo|version|sigma`.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Garrison: a managed-SOC platform for MSSPs.
#[derive(Debug, Parser)]
#[command(name = "garrison", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by commands that load configuration.
#[derive(Debug, Args, Clone)]
pub struct ConfigArgs {
    /// The TOML configuration file (environment variables override it).
    #[arg(long, short = 'c', env = "GARRISON_CONFIG")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run Garrison: all roles in one process, or the roles named.
    Serve {
        #[command(flatten)]
        config: ConfigArgs,
        /// `all`, or a comma-separated list of gateway, ingest, detection, worker.
        #[arg(long, default_value = "all")]
        roles: String,
    },
    /// Apply, revert or inspect database migrations.
    Migrate {
        #[command(flatten)]
        config: ConfigArgs,
        #[arg(value_enum, default_value = "up")]
        direction: MigrateDirection,
    },
    /// Seed demo tenants and users (idempotent) and print the logins.
    Demo {
        #[command(flatten)]
        config: ConfigArgs,
    },
    /// Print the version.
    Version,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MigrateDirection {
    Up,
    Down,
    Status,
}
