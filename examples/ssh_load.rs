//! Measures `clsv serve` under load, on loopback only: N sessions at once, each waiting for
//! its first frame and answering a key; reports the times (median and 99th percentile), the
//! server's memory per session and its CPU time. Ends by itself.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example ssh_load -- --sessions 50 --binary target/release/clsv
//! ```

#![allow(clippy::expect_used)] // a measurement that cannot start has nothing to report

#[path = "../tests/common/ssh_client.rs"]
mod ssh_client;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn proc_value(pid: u32, file: &str, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/{file}")).ok()?;
    text.lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
}

/// User and system CPU time of a process, in clock ticks.
fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(") ")
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let field = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    field(11) + field(12)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn main() {
    let mut sessions = 50usize;
    let mut binary = "target/release/clsv".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--sessions" => {
                sessions = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--sessions N")
            }
            "--binary" => binary = args.next().expect("--binary PATH"),
            other => panic!("unknown argument {other}"),
        }
    }
    let dir = std::env::temp_dir().join(format!("clsv-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the host key");
    let limit = (sessions + 10).to_string();
    // The system picks a free port, and the server's first line says which.
    let mut server = Command::new(&binary)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(["--host-key", dir.join("key").to_str().expect("a path")])
        .args(["--max-sessions", &limit, "--max-per-address", &limit])
        .stderr(Stdio::piped())
        .spawn()
        .expect("clsv serve starts");
    let pid = server.id();
    let mut log = BufReader::new(server.stderr.take().expect("the server's log"));
    let mut line = String::new();
    log.read_line(&mut line).expect("the server's first line");
    let port = line
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ':'))
        .filter_map(|word| word.parse::<std::net::SocketAddr>().ok())
        .next_back()
        .unwrap_or_else(|| panic!("the server did not start: {line:?}"))
        .port();
    // The rest of the log is read and dropped, so that the server never waits on it.
    std::thread::spawn(move || std::io::copy(&mut log, &mut std::io::sink()));
    std::thread::sleep(Duration::from_millis(200));
    let base_rss = proc_value(pid, "status", "VmRSS:").unwrap_or(0);
    let base_cpu = cpu_ticks(pid);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let wall = Instant::now();
    let (first, key, rss) = runtime.block_on(async move {
        let patience = Duration::from_secs(30);
        let mut tasks = Vec::new();
        for _ in 0..sessions {
            tasks.push(tokio::spawn(async move {
                let start = Instant::now();
                let mut terminal = ssh_client::open(port, 80, 24, None).await.ok()?;
                terminal
                    .read_until(0, "Denumirea".as_bytes(), patience)
                    .await
                    .then_some(())?;
                let first = start.elapsed();
                let mark = terminal.received.len();
                let pressed = Instant::now();
                terminal.send(b"j").await.ok()?;
                terminal
                    .read_until(mark, b"\x1b[?2026l", patience)
                    .await
                    .then_some(())?;
                Some((first, pressed.elapsed(), terminal))
            }));
        }
        let mut first = Vec::new();
        let mut key = Vec::new();
        let mut open = Vec::new();
        for task in tasks {
            if let Ok(Some((f, k, terminal))) = task.await {
                first.push(f);
                key.push(k);
                open.push(terminal);
            }
        }
        // Every session still open: the server's memory now.
        let rss = proc_value(pid, "status", "VmRSS:").unwrap_or(0);
        for terminal in &mut open {
            let _ = terminal.send(b"q").await;
            terminal.read_to_close(Duration::from_secs(5)).await;
        }
        (first, key, rss)
    });
    let elapsed = wall.elapsed();
    let cpu = cpu_ticks(pid).saturating_sub(base_cpu);
    let _ = server.kill();
    let _ = server.wait();
    let _ = std::fs::remove_dir_all(&dir);
    let (mut first, mut key) = (first, key);
    first.sort();
    key.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("sessions: {} of {sessions} completed", first.len());
    println!(
        "first frame: median {:.1} ms, p99 {:.1} ms",
        ms(percentile(&first, 0.5)),
        ms(percentile(&first, 0.99))
    );
    println!(
        "a key's frame: median {:.2} ms, p99 {:.2} ms",
        ms(percentile(&key, 0.5)),
        ms(percentile(&key, 0.99))
    );
    let per_session = rss.saturating_sub(base_rss) as f64 / first.len().max(1) as f64;
    println!(
        "server memory: {base_rss} kB idle, {rss} kB with the sessions open: {per_session:.0} kB per session"
    );
    // Clock ticks are 1/100 s on Linux.
    println!(
        "server CPU: {:.2} s over {:.2} s of wall time",
        cpu as f64 / 100.0,
        elapsed.as_secs_f64()
    );
}
