//! The `garrison sigma check|eval|bench` commands as library functions; the `garrison`
//! binary only parses arguments and calls these.

use crate::correlation::{CorrelationEngine, CorrelationMatch, Limits};
use crate::event::lines::for_each_line;
use crate::event::raw::RawEvent;
use crate::ruleset::{Rejection, RuleSetBuilder, Scratch};
use crate::{CompiledRuleSet, Error};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Loads every rule under `dirs`, prints `path: reason` per file that cannot be loaded,
/// then a summary line. Returns true when every file loaded.
pub fn check(dirs: &[PathBuf], out: &mut dyn Write) -> std::io::Result<bool> {
    let mut b = RuleSetBuilder::new();
    for d in dirs {
        if let Err(e) = b.add_path(d) {
            writeln!(out, "{e}")?;
            return Ok(false);
        }
    }
    let files = b.sources().len();
    let (set, rejections) = b.build();
    let by_file = group_rejections(&rejections);
    for (file, reasons) in &by_file {
        writeln!(out, "{file}: {}", reasons.join("; "))?;
    }
    let rejected = by_file.len();
    writeln!(
        out,
        "loaded {} of {files} files ({} rules, {} correlations); rejected {rejected}",
        files - rejected.min(files),
        set.len(),
        set.correlation_count(),
    )?;
    Ok(rejected == 0)
}

fn group_rejections(rejections: &[Rejection]) -> BTreeMap<&str, Vec<&str>> {
    let mut by_file: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for r in rejections {
        by_file.entry(&r.source).or_default().push(&r.reason);
    }
    by_file
}

/// Options of `garrison sigma eval`.
#[derive(Debug, Clone)]
pub struct EvalOptions {
    pub rules: Vec<PathBuf>,
    pub events: PathBuf,
    /// Event time field for correlations (default `@timestamp`).
    pub time_field: Option<String>,
    pub logsource_routing: bool,
}

/// Options of `garrison sigma bench`.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    pub rules: Vec<PathBuf>,
    pub events: PathBuf,
    pub logsource_routing: bool,
}

/// Loads and compiles rule files/directories (what `eval` and `bench` use), returning
/// the rejections too so a caller can report them (for example on stderr).
pub fn load_rules(
    rules: &[PathBuf],
    routing: bool,
) -> Result<(CompiledRuleSet, Vec<Rejection>), Error> {
    load(rules, routing).map(|(set, rej, _)| (set, rej))
}

fn load(
    rules: &[PathBuf],
    routing: bool,
) -> Result<(CompiledRuleSet, Vec<Rejection>, Duration), Error> {
    let start = Instant::now();
    let mut b = RuleSetBuilder::new().routing(routing);
    for r in rules {
        b.add_path(r)?;
    }
    let (set, rej) = b.build();
    Ok((set, rej, start.elapsed()))
}

fn open_events(path: &Path) -> Result<std::fs::File, Error> {
    if path.extension().is_some_and(|e| e == "zst" || e == "gz") {
        return Err(Error::Unsupported(format!(
            "{}: compressed input is not supported; decompress it first (zstd -dc FILE > events.jsonl)",
            path.display()
        )));
    }
    std::fs::File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn event_error(path: &Path, line_no: usize, reason: impl ToString) -> Error {
    Error::Event {
        path: path.to_path_buf(),
        line: line_no,
        reason: reason.to_string(),
    }
}

/// Reads an events file in large blocks, calling `f` with each non-blank line (without
/// its line ending) and its 0-based line number.
fn each_line(
    path: &Path,
    f: &mut dyn FnMut(usize, &str) -> Result<(), Error>,
) -> Result<(), Error> {
    let file = open_events(path)?;
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    for_each_line(file, &io, &mut |n, line| {
        let line = line.map_err(|e| event_error(path, n, e))?;
        if line.trim().is_empty() {
            return Ok(());
        }
        f(n, line)
    })
}

fn parse_event(path: &Path, line_no: usize, line: &str) -> Result<Value, Error> {
    let v: Value = serde_json::from_str(line).map_err(|e| Error::Event {
        path: path.to_path_buf(),
        line: line_no,
        reason: e.to_string(),
    })?;
    if !v.is_object() {
        return Err(Error::Event {
            path: path.to_path_buf(),
            line: line_no,
            reason: "not a JSON object".into(),
        });
    }
    Ok(v)
}

/// Evaluates every loaded rule on every event (one JSON object per line) and prints one
/// JSON line per match; correlations print their events and group.
pub fn eval(opts: &EvalOptions, out: &mut dyn Write) -> Result<(), Error> {
    let (set, _rejections, _) = load(&opts.rules, opts.logsource_routing)?;
    let time_field = opts.time_field.as_deref().unwrap_or("@timestamp");
    let mut engine = CorrelationEngine::new(time_field, Limits::default());
    let mut scratch = Scratch::default();
    let mut matched = Vec::new();
    let mut fired: Vec<CorrelationMatch> = Vec::new();
    let path = &opts.events;
    each_line(path, &mut |n, line| {
        // Lines are read lazily: most events have no candidate rule and are never
        // built into a tree (see `RawEvent`).
        let ev = RawEvent::parse(line).map_err(|e| event_error(path, n, e))?;
        set.matches_raw(&ev, &mut scratch, &mut matched)
            .map_err(|e| event_error(path, n, e))?;
        for &r in &matched {
            let info = set.rule(r);
            if info.emit {
                writeln!(out, "{}", json!({"rule": info.meta.id, "event": n}))?;
            }
        }
        if set.correlation_count() == 0 {
            return Ok(());
        }
        // Correlations read every event's time, matched or not, and group-by fields.
        let tree = ev.to_value().map_err(|e| event_error(path, n, e))?;
        fired.clear();
        engine.process(&set, &tree, n as u64, &matched, &mut fired);
        for m in fired.iter().filter(|m| m.emit) {
            writeln!(
                out,
                "{}",
                json!({"rule": m.id, "events": m.events, "group": m.group})
            )?;
        }
        Ok(())
    })
}

/// Measures load time and evaluation throughput (events are parsed before timing).
pub fn bench(opts: &BenchOptions, out: &mut dyn Write) -> Result<(), Error> {
    let (set, rejections, load_time) = load(&opts.rules, opts.logsource_routing)?;
    writeln!(
        out,
        "rules loaded: {} ({} rejected documents, {} correlations)",
        set.len(),
        rejections.len(),
        set.correlation_count()
    )?;
    writeln!(out, "load + compile time: {:.3} s", load_time.as_secs_f64())?;
    writeln!(
        out,
        "prefilter: {} literals, {} rules evaluated on every event; routing {}",
        set.indexed_literals(),
        set.unindexed_rules(),
        if opts.logsource_routing { "on" } else { "off" }
    )?;
    for r in (0..set.len() as u32).filter(|&r| set.is_unindexed(r)) {
        writeln!(out, "  evaluated on every event: {}", set.rule(r).source)?;
    }
    let reader = BufReader::with_capacity(1 << 20, open_events(&opts.events)?);
    let mut scratch = Scratch::default();
    let mut matched = Vec::new();
    let (mut events, mut matches) = (0usize, 0usize);
    let (mut sampled, mut candidates, mut none) = (0usize, 0usize, 0usize);
    let mut per_rule: BTreeMap<u32, usize> = BTreeMap::new();
    let mut rule_time: BTreeMap<u32, Duration> = BTreeMap::new();
    let mut eval_time = Duration::ZERO;
    let mut parse_time = Duration::ZERO;
    let mut chunk: Vec<Value> = Vec::with_capacity(8192);
    let mut lines = reader.lines().enumerate();
    loop {
        // Parse a chunk first so that only evaluation is timed.
        chunk.clear();
        let p = Instant::now();
        for (n, line) in lines.by_ref() {
            let line = line.map_err(|source| Error::Io {
                path: opts.events.clone(),
                source,
            })?;
            if line.trim().is_empty() {
                continue;
            }
            chunk.push(parse_event(&opts.events, n, &line)?);
            if chunk.len() == chunk.capacity() {
                break;
            }
        }
        parse_time += p.elapsed();
        if chunk.is_empty() {
            break;
        }
        let t = Instant::now();
        for ev in &chunk {
            set.matches(ev, &mut scratch, &mut matched);
            matches += matched.len();
        }
        eval_time += t.elapsed();
        events += chunk.len();
        // Diagnostics outside the timed loop: how many rules survive the prefilter.
        for ev in chunk.iter().step_by(16) {
            sampled += 1;
            let these = set.candidates(ev, &mut scratch).to_vec();
            candidates += these.len();
            none += usize::from(these.is_empty());
            for r in these {
                *per_rule.entry(r).or_default() += 1;
                let t = Instant::now();
                set.rule_matches(r, ev, &mut scratch);
                *rule_time.entry(r).or_default() += t.elapsed();
            }
        }
    }
    let secs = eval_time.as_secs_f64().max(1e-9);
    writeln!(
        out,
        "events: {events} (JSON parse {:.2} s, not counted)",
        parse_time.as_secs_f64()
    )?;
    writeln!(out, "matches: {matches}")?;
    writeln!(
        out,
        "rules evaluated per event after prefilter/routing: {:.1}; events with none: {:.1}% (sampled)",
        candidates as f64 / sampled.max(1) as f64,
        none as f64 * 100.0 / sampled.max(1) as f64
    )?;
    // The rules evaluated most often: where tuning a rule's literals pays off.
    let mut busiest: Vec<(u32, usize)> = per_rule.into_iter().collect();
    busiest.sort_by_key(|&(r, n)| (std::cmp::Reverse(n), r));
    for (r, n) in busiest.into_iter().take(8) {
        writeln!(
            out,
            "  candidate for {:.1}% of events: {}",
            n as f64 * 100.0 / sampled.max(1) as f64,
            set.rule(r).source
        )?;
    }
    // And the rules whose evaluation costs most in all (sampled events).
    let mut costliest: Vec<(u32, Duration)> = rule_time.into_iter().collect();
    costliest.sort_by_key(|&(r, t)| (std::cmp::Reverse(t), r));
    let total: Duration = costliest.iter().map(|&(_, t)| t).sum();
    for (r, t) in costliest.into_iter().take(5) {
        writeln!(
            out,
            "  {:.1}% of sampled evaluation time: {}",
            t.as_secs_f64() * 100.0 / total.as_secs_f64().max(1e-9),
            set.rule(r).source
        )?;
    }
    writeln!(
        out,
        "evaluation: {secs:.3} s, {:.0} events/s (one thread)",
        events as f64 / secs
    )?;
    // End to end as `eval` runs it: read each line, locate its fields, build the tree
    // only for events with candidate rules, evaluate.
    let mut scratch = Scratch::default();
    let (mut lazy_matches, mut built) = (0usize, 0usize);
    let t = Instant::now();
    let path = &opts.events;
    each_line(path, &mut |n, line| {
        let ev = RawEvent::parse(line).map_err(|e| event_error(path, n, e))?;
        let tree = set
            .matches_raw(&ev, &mut scratch, &mut matched)
            .map_err(|e| event_error(path, n, e))?;
        lazy_matches += matched.len();
        built += usize::from(tree);
        Ok(())
    })?;
    let e2e = t.elapsed().as_secs_f64().max(1e-9);
    let (lookups, hits) = CompiledRuleSet::memo_stats(&scratch);
    writeln!(
        out,
        "end to end (read, lazy parse, evaluate): {e2e:.3} s, {:.0} events/s (one thread); {lazy_matches} matches; {:.1}% of events had candidate rules (only their fields are built into a tree); scan memo hits {:.1}% of {lookups} lookups",
        events as f64 / e2e,
        built as f64 * 100.0 / events.max(1) as f64,
        hits as f64 * 100.0 / lookups.max(1) as f64,
    )?;
    if let Some((built, total, took)) = set.lazy_builds() {
        writeln!(
            out,
            "routing prefilters built on first use: {built} of {total} (one per distinct rule list), in {:.3} s (counted in the evaluation above)",
            took.as_secs_f64()
        )?;
    }
    if let Some(kb) = peak_rss_kb() {
        writeln!(out, "peak memory (VmHWM): {} MB", kb / 1024)?;
    }
    Ok(())
}

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}
