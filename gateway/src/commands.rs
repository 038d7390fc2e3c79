//! What each CLI command does.

use crate::cli::{Command, ConfigArgs, MigrateDirection, RulesCommand};
use crate::{app, demo, roles, telemetry};
use anyhow::Context as _;
use garrison_core::config::Config;
use garrison_core::db::{Db, MigrationDirection};
use std::process::ExitCode;

/// Runs a parsed command.
pub async fn run(command: Command) -> anyhow::Result<ExitCode> {
    match command {
        Command::Serve { config, roles } => serve(&config, &roles).await,
        Command::Migrate { config, direction } => migrate(&config, direction).await,
        Command::Demo { config } => {
            let config = load(&config)?;
            let _telemetry = telemetry::init(&config.log)?;
            let db = Db::open(&config.database_url(), config.database.max_connections).await?;
            let logins = demo::seed(&db, &config).await?;
            let events = demo::send_events(&db, &config).await?;
            let detections = demo::detect(&db, &config).await?;
            demo::print_logins(&logins, config.admin.password.is_some());
            if events > 0 {
                println!(
                    "Sent {events} demo events (a day of SSH, sudo, firewall, Sysmon and web logs)."
                );
            }
            println!("{detections}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Sigma { command } => crate::sigma::run(command),
        Command::Billing {
            command: crate::cli::BillingCommand::Sync { config },
        } => {
            let config = load(&config)?;
            let _telemetry = telemetry::init(&config.log)?;
            let db = Db::open(&config.database_url(), config.database.max_connections).await?;
            crate::billing::sync_command(&db, &config).await?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules {
            command: RulesCommand::Import { config, name, dirs },
        } => {
            let config = load(&config)?;
            let _telemetry = telemetry::init(&config.log)?;
            let db = Db::open(&config.database_url(), config.database.max_connections).await?;
            let dirs: Vec<&std::path::Path> = dirs.iter().map(|d| d.as_path()).collect();
            let (pack, version) = crate::rule_packs::import_dirs(&db, &name, &dirs).await?;
            crate::rule_packs::print_import(&pack, &version);
            Ok(ExitCode::SUCCESS)
        }
        Command::Version => {
            println!("garrison {}", env!("CARGO_PKG_VERSION"));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn load(args: &ConfigArgs) -> anyhow::Result<Config> {
    Ok(Config::load(args.config.as_deref())?)
}

async fn serve(args: &ConfigArgs, roles: &str) -> anyhow::Result<ExitCode> {
    let roles = roles::parse_roles(roles).map_err(anyhow::Error::msg)?;
    let config = load(args)?;
    let telemetry = telemetry::init(&config.log)?;
    let components = app::Components {
        gateway: roles.contains(&roles::Role::Gateway),
        ingest: roles.contains(&roles::Role::Ingest),
        detection: roles.contains(&roles::Role::Detection),
        worker: roles.contains(&roles::Role::Worker),
    };
    // Listen for SIGTERM/SIGINT before anything starts, so an early signal still
    // shuts down cleanly instead of killing the process mid-migration.
    let (stop_tx, mut stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        let _ = stop_tx.send(true);
    });
    let server = tokio::select! {
        server = app::start(config, components) => server?,
        _ = stop_rx.wait_for(|s| *s) => {
            tracing::info!("stopped before start-up finished");
            telemetry.shutdown();
            return Ok(ExitCode::SUCCESS);
        }
    };
    for role in &roles {
        match role {
            roles::Role::Gateway => {
                tracing::info!(addr = %server.addr, "gateway serving GraphQL and auth")
            }
            roles::Role::Ingest => {
                tracing::info!(http = %server.addr, syslog = ?server.syslog_addr, "ingest receiving")
            }
            roles::Role::Detection => {
                tracing::info!("detection consuming stored events into alerts")
            }
            roles::Role::Worker => tracing::info!("worker running retention and SLA clocks"),
        }
    }
    tracing::info!(addr = %server.addr, roles = ?roles, "garrison started");
    let stop = server.shutdown_handle();
    tokio::spawn(async move {
        let _ = stop_rx.wait_for(|s| *s).await;
        tracing::info!("shutting down: finishing in-flight requests");
        let _ = stop.send(true);
    });
    let ingest = server.state.ingest.clone();
    server.wait().await.context("http server")?;
    if let Some(ingest) = ingest {
        // Syslog has no per-message acknowledgement: commit what was read before exiting.
        if !ingest
            .writer
            .drain(std::time::Duration::from_secs(15))
            .await
        {
            tracing::warn!("shutdown: the ingest queue did not drain within 15 s");
        }
    }
    telemetry.shutdown();
    Ok(ExitCode::SUCCESS)
}

async fn migrate(args: &ConfigArgs, direction: MigrateDirection) -> anyhow::Result<ExitCode> {
    let config = load(args)?;
    let _telemetry = telemetry::init(&config.log)?;
    let direction = match direction {
        MigrateDirection::Up => MigrationDirection::Up,
        MigrateDirection::Down => MigrationDirection::Down,
        MigrateDirection::Status => MigrationDirection::Status,
    };
    for status in Db::migrate(&config.database_url(), direction).await? {
        println!(
            "{} {}",
            if status.applied { "applied" } else { "pending" },
            status.name
        );
    }
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    let ctrl_c = tokio::signal::ctrl_c();
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(e) => {
                    tracing::warn!(error = %e, "cannot listen for SIGTERM");
                    let _ = ctrl_c.await;
                    return;
                }
            };
        tokio::select! {
            _ = ctrl_c => {},
            _ = term.recv() => {},
        }
    }
    #[cfg(not(unix))]
    {
        let _ = ctrl_c.await;
    }
}
