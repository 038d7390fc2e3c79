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
    /// Rule packs.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Billing: Stripe sync.
    Billing {
        #[command(subcommand)]
        command: BillingCommand,
    },
    /// Offline Sigma rule tooling.
    Sigma {
        #[command(subcommand)]
        command: SigmaCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum BillingCommand {
    /// Create what is missing in Stripe, push the ledger's meter events, fetch invoices.
    Sync {
        #[command(flatten)]
        config: ConfigArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Import every .yml/.yaml file under the directories as one rule pack (a new
    /// version when the name exists); prints what changed and what was rejected.
    Import {
        #[command(flatten)]
        config: ConfigArgs,
        /// The pack's name (e.g. `sigmahq`).
        #[arg(long)]
        name: String,
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum MigrateDirection {
    Up,
    Down,
    Status,
}

#[derive(Debug, Subcommand)]
pub enum SigmaCommand {
    /// Load every rule under the directories; report those that cannot be loaded.
    Check {
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
    },
    /// Evaluate rules on events (one JSON object per line); one JSON line per match.
    Eval {
        #[arg(long, required = true)]
        rules: Vec<PathBuf>,
        #[arg(long)]
        events: PathBuf,
        #[arg(long)]
        time_field: Option<String>,
        #[arg(long)]
        logsource_routing: bool,
    },
    /// Measure load time and evaluation throughput.
    Bench {
        #[arg(long, required = true)]
        rules: Vec<PathBuf>,
        #[arg(long)]
        events: PathBuf,
        #[arg(long)]
        logsource_routing: bool,
    },
}
