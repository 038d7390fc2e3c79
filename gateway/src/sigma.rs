//! `garrison sigma check|eval|bench`: offline rule tooling over the detection
//! engine (a contract outside checks rely on; see the README).

use crate::cli::SigmaCommand;
use std::process::ExitCode;

/// Runs a sigma subcommand, writing to stdout.
pub fn run(command: SigmaCommand) -> anyhow::Result<ExitCode> {
    use garrison_detection::cli as sigma_cli;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match command {
        SigmaCommand::Check { dirs } => {
            let all_loaded = sigma_cli::check(&dirs, &mut out)?;
            Ok(if all_loaded {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        SigmaCommand::Eval {
            rules,
            events,
            time_field,
            logsource_routing,
        } => {
            let opts = sigma_cli::EvalOptions {
                rules,
                events,
                time_field,
                logsource_routing,
            };
            sigma_cli::eval(&opts, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
        SigmaCommand::Bench {
            rules,
            events,
            logsource_routing,
        } => {
            let opts = sigma_cli::BenchOptions {
                rules,
                events,
                logsource_routing,
            };
            sigma_cli::bench(&opts, &mut out)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
