//! Ingest benchmark: replays the real syslog samples in `../shared/bench/syslog-samples/`
//! over TCP with several connections into the real receiver, and reports durable
//! events/s and MiB/s (counted when the writer has committed, as announced on the
//! bus). With `--rsyslog`, an rsyslog instance receives the same stream over TCP
//! into a file in the same run, for a ratio. With `--rounds N`, garrison and
//! rsyslog take turns N times and the medians are reported: this machine's
//! speed drifts by a quarter within minutes, so one pair of runs says little.
//!
//! ```text
//! cargo run --release -p garrison-ingest --bin ingest-bench -- [--connections 4] [--repeat 3] [--rsyslog] [--rounds 1]
//! cargo run --release -p garrison-ingest --bin ingest-bench -- --parse-only   # the receiving path alone, one core
//! GARRISON_BENCH_DATABASE_URL=postgres://postgres@127.0.0.1/test cargo run --release ... # PostgreSQL
//! ```

/// The same allocator as the `garrison` binary, so the figures are the server's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use garrison_core::bus::{Bus, LocalBus, Received};
use garrison_core::config::IngestConfig;
use garrison_core::db::Db;
use garrison_core::tenants::{NewTenant, create_tenant};
use garrison_core::{Scope, Secret};
use garrison_ingest::Ingest;
use sea_orm::ColumnTrait;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;

struct Options {
    connections: usize,
    repeat: usize,
    rsyslog: bool,
    rounds: usize,
    parse_only: bool,
    samples: PathBuf,
}

fn options() -> Result<Options, String> {
    let mut opts = Options {
        connections: 4,
        repeat: 3,
        rsyslog: false,
        rounds: 1,
        parse_only: false,
        samples: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/bench/syslog-samples"
        )),
    };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--connections" => {
                opts.connections = value("--connections")?
                    .parse()
                    .map_err(|e| format!("--connections: {e}"))?
            }
            "--repeat" => {
                opts.repeat = value("--repeat")?
                    .parse()
                    .map_err(|e| format!("--repeat: {e}"))?
            }
            "--rounds" => {
                opts.rounds = value("--rounds")?
                    .parse::<usize>()
                    .map_err(|e| format!("--rounds: {e}"))?
                    .max(1)
            }
            "--samples" => opts.samples = PathBuf::from(value("--samples")?),
            "--rsyslog" => opts.rsyslog = true,
            "--parse-only" => opts.parse_only = true,
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    Ok(opts)
}

fn load_lines(dir: &Path, repeat: usize) -> Result<Vec<Vec<u8>>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| {
            format!(
                "{}: {e} (the shared bench corpus is required)",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "log"))
        .collect();
    files.sort();
    let mut lines = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        lines.extend(
            text.lines()
                .filter(|l| !l.is_empty())
                .map(|l| format!("{l}\n").into_bytes()),
        );
    }
    let base = lines.clone();
    for _ in 1..repeat.max(1) {
        lines.extend(base.iter().cloned());
    }
    Ok(lines)
}

/// Splits lines round-robin into one contiguous buffer per connection.
fn shard(lines: &[Vec<u8>], connections: usize) -> Vec<Vec<u8>> {
    let count = connections.max(1);
    let mut shards = vec![Vec::new(); count];
    for (i, line) in lines.iter().enumerate() {
        shards[i % count].extend_from_slice(line);
    }
    shards
}

async fn send_all(port: u16, shards: Vec<Vec<u8>>) -> Result<(), String> {
    let mut tasks = Vec::new();
    for shard in shards {
        tasks.push(tokio::spawn(async move {
            let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port))
                .await
                .map_err(|e| e.to_string())?;
            stream.write_all(&shard).await.map_err(|e| e.to_string())?;
            stream.shutdown().await.map_err(|e| e.to_string())
        }));
    }
    for task in tasks {
        task.await.map_err(|e| e.to_string())??;
    }
    Ok(())
}

/// One timed run: durable events/s, how long it took, and the CPU seconds
/// it used (when /proc tells).
struct Run {
    rate: f64,
    took: Duration,
    cpu: Option<f64>,
    /// The share of the machine's CPU time that went idle during the run.
    idle: Option<f64>,
}

/// The machine's idle and total CPU time so far, in ticks (`/proc/stat`).
fn machine_ticks() -> Option<(u64, u64)> {
    let stat = std::fs::read_to_string("/proc/stat").ok()?;
    let line = stat.lines().next()?.strip_prefix("cpu ")?;
    let ticks: Vec<u64> = line
        .split_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect();
    // user nice system idle iowait irq softirq steal: idle and iowait are idle.
    let idle = ticks.get(3)? + ticks.get(4)?;
    Some((idle, ticks.iter().take(8).sum()))
}

/// The idle share between two readings of [`machine_ticks`].
fn idle_between(before: Option<(u64, u64)>, after: Option<(u64, u64)>) -> Option<f64> {
    let ((idle0, total0), (idle1, total1)) = (before?, after?);
    let total = total1.checked_sub(total0).filter(|t| *t > 0)?;
    Some(idle1.saturating_sub(idle0) as f64 / total as f64)
}

/// CPU time (user and system, all threads) process `pid` has used so far.
/// The machine's speed drifts, and CPU per event drifts less than events/s.
fn cpu_seconds(pid: &str) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The name (field 2) may hold spaces and parentheses: fields are counted
    // from its closing one; utime and stime are fields 14 and 15.
    let rest = stat.get(stat.rfind(')')? + 2..)?;
    let mut fields = rest.split(' ').skip(11);
    let user: u64 = fields.next()?.parse().ok()?;
    let system: u64 = fields.next()?.parse().ok()?;
    // In USER_HZ, 100 on every Linux this runs on.
    Some((user + system) as f64 / 100.0)
}

/// The difference of two CPU readings, when both were read.
fn used(before: Option<f64>, after: Option<f64>) -> Option<f64> {
    Some(after? - before?)
}

async fn bench_garrison(url: &str, lines: &[Vec<u8>], connections: usize) -> Result<Run, String> {
    let db = Db::open(&Secret::new(url.to_string()), 8)
        .await
        .map_err(|e| e.to_string())?;
    let scope = Scope::system("bench");
    let mut tx = db.begin(&scope).await.map_err(|e| e.to_string())?;
    // One tenant per round: a PostgreSQL database keeps the earlier rounds'.
    static ROUND: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let round = ROUND.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let slug = format!("bench-{}-{round}", std::process::id());
    let tenant = create_tenant(
        &mut tx,
        NewTenant {
            name: "Bench".into(),
            slug,
            timezone: None,
        },
    )
    .await
    .map_err(|e| e.to_string())?;
    // A previous run on the same PostgreSQL database left its binding: move it here.
    let stale = tx
        .select::<garrison_ingest::entity::syslog_source::Entity>()
        .filter(garrison_ingest::entity::syslog_source::Column::Cidr.eq("127.0.0.0/8"))
        .one(&tx)
        .await
        .map_err(|e| e.to_string())?;
    if let Some(stale) = stale {
        let id = garrison_ingest::sources::SyslogSourceId::from_uuid(stale.id);
        garrison_ingest::sources::unbind_syslog_source(&tx, id)
            .await
            .map_err(|e| e.to_string())?;
    }
    garrison_ingest::sources::bind_syslog_source(&tx, tenant.id, "127.0.0.0/8")
        .await
        .map_err(|e| e.to_string())?;
    tx.commit().await.map_err(|e| e.to_string())?;

    let bus: Arc<dyn Bus> = Arc::new(LocalBus::new(1 << 16));
    let mut notices = bus.subscribe();
    let config = IngestConfig {
        events_per_second: u32::MAX,
        queue_capacity: 32_768,
        batch_max_events: 8192,
        ..IngestConfig::default()
    };
    let (ingest, _writer) = Ingest::start(db, bus, config);
    let (addr, _tasks) =
        garrison_ingest::syslog::start(ingest, "127.0.0.1:0".parse().map_err(|e| format!("{e}"))?)
            .await
            .map_err(|e| e.to_string())?;
    let expected = lines.len() as u64;
    // Split before the clock starts: copying the corpus is neither side's work.
    let shards = shard(lines, connections);
    let cpu_before = cpu_seconds("self");
    let machine_before = machine_ticks();
    let started = Instant::now();
    let sender = tokio::spawn(send_all(addr.port(), shards));
    let mut stored = 0u64;
    while stored < expected {
        match tokio::time::timeout(Duration::from_secs(60), notices.recv()).await {
            Ok(Received::Notice(n)) => stored += n.count,
            Ok(Received::Lagged(_)) => {
                return Err("bench lost bus notices; raise the capacity".into());
            }
            Ok(Received::Closed) | Err(_) => {
                return Err(format!("stalled at {stored} of {expected} events"));
            }
        }
    }
    let elapsed = started.elapsed();
    let cpu = used(cpu_before, cpu_seconds("self"));
    let idle = idle_between(machine_before, machine_ticks());
    sender.await.map_err(|e| e.to_string())??;
    Ok(Run {
        rate: expected as f64 / elapsed.as_secs_f64(),
        took: elapsed,
        cpu,
        idle,
    })
}

/// rsyslog receiving the same stream into a file. Its CPU is rsyslogd's and
/// this process's (the sending, and the polling of the file, which adds a
/// little to rsyslog's side).
fn bench_rsyslog(lines: &[Vec<u8>], connections: usize) -> Result<Run, String> {
    let dir = std::env::temp_dir().join(format!("garrison-rsyslog-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map_err(|e| e.to_string())?
        .port();
    let out = dir.join("out.log");
    let conf = dir.join("rsyslog.conf");
    let mut file = std::fs::File::create(&conf).map_err(|e| e.to_string())?;
    writeln!(
        file,
        "global(workDirectory=\"{d}\")\nmodule(load=\"imtcp\")\ninput(type=\"imtcp\" address=\"127.0.0.1\" port=\"{port}\")\naction(type=\"omfile\" file=\"{o}\" asyncWriting=\"on\" ioBufferSize=\"256k\")",
        d = dir.display(),
        o = out.display()
    )
    .map_err(|e| e.to_string())?;
    let mut child = std::process::Command::new("rsyslogd")
        .args(["-n", "-f"])
        .arg(&conf)
        .arg("-i")
        .arg(dir.join("pid"))
        .spawn()
        .map_err(|e| format!("rsyslogd: {e}"))?;
    for _ in 0..100 {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let runtime = tokio::runtime::Runtime::new().map_err(|e| e.to_string())?;
    let expected = lines.len();
    let pid = child.id().to_string();
    let shards = shard(lines, connections);
    let cpu_before = [cpu_seconds(&pid), cpu_seconds("self")];
    let machine_before = machine_ticks();
    let started = Instant::now();
    runtime.block_on(send_all(port, shards))?;
    let deadline = Instant::now() + Duration::from_secs(120);
    // Only what rsyslog wrote since the last look is read and counted: reading
    // the whole file every 20 ms had kept a core busy beside rsyslog.
    let mut written = 0;
    let mut file: Option<std::fs::File> = None;
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        if file.is_none() {
            file = std::fs::File::open(&out).ok();
        }
        if let Some(f) = file.as_mut() {
            loop {
                let n = std::io::Read::read(f, &mut chunk).map_err(|e| e.to_string())?;
                if n == 0 {
                    break;
                }
                written += memchr::memchr_iter(b'\n', &chunk[..n]).count();
            }
        }
        if written >= expected {
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            return Err(format!("rsyslog wrote {written} of {expected} lines"));
        }
        // A short pause: rsyslog's finish is seen at most this late, and
        // garrison's is heard at once on the bus.
        std::thread::sleep(Duration::from_millis(2));
    }
    let elapsed = started.elapsed();
    let cpu = used(cpu_before[0], cpu_seconds(&pid))
        .and_then(|theirs| Some(theirs + used(cpu_before[1], cpu_seconds("self"))?));
    let idle = idle_between(machine_before, machine_ticks());
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
    Ok(Run {
        rate: expected as f64 / elapsed.as_secs_f64(),
        took: elapsed,
        cpu,
        idle,
    })
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("ingest-bench: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let opts = options()?;
    let lines = load_lines(&opts.samples, opts.repeat)?;
    let bytes: usize = lines.iter().map(Vec::len).sum();
    let mib = bytes as f64 / (1 << 20) as f64;
    println!(
        "corpus: {} lines, {:.1} MiB ({}x the samples), {} TCP connections",
        lines.len(),
        mib,
        opts.repeat,
        opts.connections
    );
    if opts.parse_only {
        return parse_only(&lines);
    }
    let events = lines.len() as f64;
    let mut garrison: Vec<Run> = Vec::new();
    let mut rsyslog: Vec<Run> = Vec::new();
    for round in 1..=opts.rounds {
        if opts.rounds > 1 {
            println!("round {round} of {}", opts.rounds);
        }
        // Who goes first alternates, so that an order effect (a page cache
        // warmed, writeback still running) falls on each side alike.
        let rsyslog_first = opts.rsyslog && round % 2 == 0;
        let early = if rsyslog_first {
            settle();
            Some(bench_rsyslog(&lines, opts.connections)?)
        } else {
            None
        };
        settle();
        let ours = garrison_round(&lines, opts.connections, mib)?;
        if opts.rsyslog {
            let theirs = match early {
                Some(theirs) => theirs,
                None => {
                    settle();
                    bench_rsyslog(&lines, opts.connections)?
                }
            };
            report(
                if rsyslog_first {
                    "rsyslog (tcp -> file, ran first)"
                } else {
                    "rsyslog (tcp -> file)"
                },
                &theirs,
                mib,
                events,
                "rsyslogd, the sending and the polling of its file",
            );
            println!("ratio garrison/rsyslog: {:.2}", ours.rate / theirs.rate);
            rsyslog.push(theirs);
        }
        garrison.push(ours);
    }
    if opts.rounds > 1 {
        summarise("garrison", &garrison, events);
        if opts.rsyslog {
            summarise("rsyslog", &rsyslog, events);
            let ratios: Vec<f64> = garrison
                .iter()
                .zip(&rsyslog)
                .map(|(g, r)| g.rate / r.rate)
                .collect();
            println!(
                "ratio garrison/rsyslog per round: median {:.2} (from {:.2} to {:.2}); {} of {} rounds at 1.00 or above",
                median(&ratios),
                min(&ratios),
                max(&ratios),
                ratios.iter().filter(|r| **r >= 1.0).count(),
                ratios.len()
            );
        }
    }
    Ok(())
}

/// One run's line: its rate, and what [`cpu_note`] adds.
fn report(name: &str, run: &Run, mib: f64, events: f64, whose: &str) {
    println!(
        "{name}: {:.0} events/s, {:.1} MiB/s ({:.2} s){}",
        run.rate,
        mib / run.took.as_secs_f64(),
        run.took.as_secs_f64(),
        cpu_note(run, events, whose)
    );
}

/// The CPU a run used per event, and how idle the machine stayed, for its line.
fn cpu_note(run: &Run, events: f64, whose: &str) -> String {
    let cpu = run.cpu.map_or(String::new(), |cpu| {
        format!("; {:.2} us CPU per event ({whose})", cpu * 1e6 / events)
    });
    let idle = run.idle.map_or(String::new(), |idle| {
        format!("; machine {:.0}% idle", idle * 100.0)
    });
    format!("{cpu}{idle}")
}

/// Medians and spread of one side's rounds.
fn summarise(name: &str, runs: &[Run], events: f64) {
    let rates: Vec<f64> = runs.iter().map(|r| r.rate).collect();
    let cpu: Vec<f64> = runs
        .iter()
        .filter_map(|r| r.cpu)
        .map(|c| c * 1e6 / events)
        .collect();
    let cpu = if cpu.is_empty() {
        String::new()
    } else {
        format!("; median {:.2} us CPU per event", median(&cpu))
    };
    println!(
        "{name} over {} rounds: median {:.0} events/s (from {:.0} to {:.0}){cpu}",
        runs.len(),
        median(&rates),
        min(&rates),
        max(&rates)
    );
}

/// Lets the previous run's writes reach the disk and the machine go quiet,
/// so that they are not counted against the next run.
fn settle() {
    let _ = std::process::Command::new("sync").status();
    std::thread::sleep(Duration::from_secs(2));
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => 0.0,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

fn min(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn max(values: &[f64]) -> f64 {
    values.iter().copied().fold(0.0, f64::max)
}

/// One run of the real server on a fresh database (a new tenant, on
/// PostgreSQL); prints and returns its durable events/s.
fn garrison_round(lines: &[Vec<u8>], connections: usize, mib: f64) -> Result<Run, String> {
    let (url, backend, dir) = match std::env::var("GARRISON_BENCH_DATABASE_URL")
        .ok()
        .filter(|v| !v.is_empty())
    {
        Some(url) => (url, "postgresql", None),
        None => {
            let dir = tempfile_dir()?;
            (
                format!("sqlite://{}?mode=rwc", dir.join("bench.db").display()),
                "sqlite",
                Some(dir),
            )
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let result = runtime.block_on(bench_garrison(&url, lines, connections));
    drop(runtime);
    // The database and its write-ahead log, once the writer has stopped.
    let stored_bytes: u64 = dir
        .as_ref()
        .and_then(|d| std::fs::read_dir(d).ok())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok()?.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    // Hundreds of megabytes per run: never left behind, whatever the outcome.
    if let Some(dir) = &dir {
        let _ = std::fs::remove_dir_all(dir);
    }
    let run = result?;
    report(
        &format!("garrison ({backend}, durable)"),
        &run,
        mib,
        lines.len() as f64,
        if dir.is_some() {
            "receiving, storing and the sending"
        } else {
            // The PostgreSQL server's own work is another process's.
            "this process only: receiving and the sending, not the database server"
        },
    );
    if stored_bytes > 0 {
        println!(
            "stored: {:.1} MiB on disk (database and log), {:.0} bytes per event",
            stored_bytes as f64 / (1 << 20) as f64,
            stored_bytes as f64 / lines.len() as f64
        );
    }
    Ok(run)
}

/// What a receiver does per line before the writer sees it (decode, parse,
/// normalise, serialise the fields), on this thread alone: the CPU each event
/// costs on the receiving side, free of the database and of scheduling.
fn parse_only(lines: &[Vec<u8>]) -> Result<(), String> {
    let arrival = garrison_ingest::normalize::Arrival::new(
        garrison_core::TenantId::new(),
        garrison_core::event::Channel::SyslogTcp,
        chrono::Utc::now(),
        8 * 1024,
    );
    let started = Instant::now();
    let mut bytes_in = 0usize;
    // Submissions of a read's worth of lines each, as a receiver makes them.
    for read in lines.chunks(256) {
        let mut submission = garrison_ingest::writer::Submission::default();
        submission.reserve(read.len(), read.iter().map(Vec::len).sum());
        for line in read {
            let frame = line.strip_suffix(b"\n").unwrap_or(line);
            let (text, _) = garrison_ingest::pipeline::decode_text(frame);
            let event =
                garrison_ingest::pipeline::text_event(&text, &[], chrono_tz::Tz::UTC, &arrival);
            submission.push(event, frame.len() as u64);
            bytes_in += frame.len();
        }
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "receiving path, one thread: {:.0} events/s, {:.2} µs per event ({} bytes in)",
        lines.len() as f64 / took,
        took * 1e6 / lines.len() as f64,
        bytes_in
    );
    read_back(lines, &arrival)
}

/// What a reader (search, detection) pays to get a stored text event's
/// fields back, its record parsed and its fields derived from the raw text.
fn read_back(
    lines: &[Vec<u8>],
    arrival: &garrison_ingest::normalize::Arrival,
) -> Result<(), String> {
    let records: Vec<Vec<u8>> = lines
        .iter()
        .map(|line| {
            let frame = line.strip_suffix(b"\n").unwrap_or(line);
            let (text, _) = garrison_ingest::pipeline::decode_text(frame);
            let mut record = Vec::new();
            garrison_ingest::pipeline::text_event(&text, &[], chrono_tz::Tz::UTC, arrival)
                .into_record(&mut record);
            record
        })
        .collect();
    let started = Instant::now();
    let mut fields = 0usize;
    for record in &records {
        let record =
            garrison_ingest::segment::record::Record::parse(record).map_err(|e| e.to_string())?;
        fields += garrison_ingest::read::fields(&record).len();
    }
    let took = started.elapsed().as_secs_f64();
    println!(
        "reading back, one thread: {:.2} µs per event for its fields ({} top-level fields)",
        took * 1e6 / records.len() as f64,
        fields
    );
    Ok(())
}

fn tempfile_dir() -> Result<PathBuf, String> {
    let dir = std::env::temp_dir().join(format!("garrison-ingest-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}
