//! Developer entry point for the `cli` functions before the `garrison` binary wires them:
//! `cargo run --release -p garrison-detection --example sigma -- check DIR...`
//! `... -- eval --rules DIR --events FILE [--time-field F] [--logsource-routing]`
//! `... -- bench --rules DIR --events FILE [--logsource-routing]`

use garrison_detection::cli::{BenchOptions, EvalOptions, bench, check, eval};

/// The allocator the `garrison` binary ships with, so figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut rules = Vec::new();
    let mut events = None;
    let mut time_field = None;
    let mut routing = false;
    let mut positional = Vec::new();
    let mut it = args.iter().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--rules" => rules.extend(it.next().map(PathBuf::from)),
            "--events" => events = it.next().map(PathBuf::from),
            "--time-field" => time_field = it.next().cloned(),
            "--logsource-routing" => routing = true,
            p => positional.push(PathBuf::from(p)),
        }
    }
    let mut out = std::io::stdout().lock();
    let result = match (args.first().map(String::as_str), events) {
        (Some("check"), _) => match check(&positional, &mut out) {
            Ok(true) => return ExitCode::SUCCESS,
            Ok(false) => return ExitCode::from(1),
            Err(e) => Err(e.to_string()),
        },
        (Some("eval"), Some(events)) => {
            let opts = EvalOptions { rules, events, time_field, logsource_routing: routing };
            eval(&opts, &mut out).map_err(|e| e.to_string())
        }
        (Some("bench"), Some(events)) => {
            let opts = BenchOptions { rules, events, logsource_routing: routing };
            bench(&opts, &mut out).map_err(|e| e.to_string())
        }
        _ => Err("usage: sigma check DIR... | eval|bench --rules DIR --events FILE [--logsource-routing]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::from(2)
        }
    }
}
