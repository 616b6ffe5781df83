//! Measures whether one hostile reader can hold up another on `clsv serve`, on loopback only.
//! The hostile reader opens the search prompt, pastes 64 KiB into it and floods the server
//! with window-change requests (80×24 and 81×24 in turn) for a while; meanwhile a second
//! reader logs in and presses keys. Reports the second reader's time to a first screen and
//! to each key's frame (median, 99th percentile, worst), the server's memory at its peak and
//! once the hostile reader has gone, and how long SIGTERM takes to end the server.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example fairness -- --binary target/release/clsv --seconds 20
//! ```

#![allow(clippy::expect_used)] // a measurement that cannot start has nothing to report

#[path = "../tests/common/ssh_client.rs"]
mod ssh_client;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// A value in kB from /proc/PID/status, such as "VmRSS:".
fn status_kb(pid: u32, key: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find(|l| l.starts_with(key))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(index).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let mut seconds = 20u64;
    let mut binary = "target/release/clsv".to_string();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--seconds" => {
                seconds = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .expect("--seconds N")
            }
            "--binary" => binary = args.next().expect("--binary PATH"),
            other => panic!("unknown argument {other}"),
        }
    }
    let dir = std::env::temp_dir().join(format!("clsv-fairness-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the host key");
    let mut server = Command::new(&binary)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(["--host-key", dir.join("key").to_str().expect("a path")])
        .stderr(Stdio::piped())
        .spawn()
        .expect("clsv serve starts");
    let pid = server.id();
    let mut log = BufReader::new(server.stderr.take().expect("the server's log"));
    let mut line = String::new();
    log.read_line(&mut line).expect("the server's first line");
    let port: u16 = line
        .rsplit(':')
        .next()
        .and_then(|p| p.trim().parse().ok())
        .expect("a port in the first line");
    // The rest of the log is read so that the server never blocks on it.
    std::thread::spawn(move || for _ in log.lines() {});
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    let before_kb = status_kb(pid, "VmRSS:");
    let flooding = Arc::new(AtomicBool::new(true));
    let resizes = Arc::new(AtomicU64::new(0));
    let patience = Duration::from_secs(60);
    let (first_screen, keys, after_kb) = runtime.block_on(async {
        let mut hostile = ssh_client::open(port, 80, 24, None)
            .await
            .expect("the hostile reader logs in");
        assert!(hostile.read_until(0, b"Denumirea", patience).await);
        let (mut reading, writing) = hostile.channel.split();
        // Its output is read and thrown away, so that the server draws as fast as it can.
        let drain = tokio::spawn(async move { while reading.wait().await.is_some() {} });
        writing.data_bytes(&b"/"[..]).await.expect("a key");
        for chunk in vec![b'a'; 64 * 1024].chunks(4096) {
            writing.data_bytes(chunk.to_vec()).await.expect("a paste");
        }
        let flood = {
            let flooding = Arc::clone(&flooding);
            let resizes = Arc::clone(&resizes);
            tokio::spawn(async move {
                let mut width = 80;
                while flooding.load(Ordering::Relaxed) {
                    width = 161 - width;
                    if writing.window_change(width, 24, 0, 0).await.is_err() {
                        break;
                    }
                    resizes.fetch_add(1, Ordering::Relaxed);
                }
                writing
            })
        };
        let started = Instant::now();
        let mut reader = ssh_client::open(port, 80, 24, None)
            .await
            .expect("the second reader logs in");
        assert!(reader.read_until(0, b"Denumirea", patience).await);
        let first_screen = started.elapsed();
        let mut keys = Vec::new();
        let end = Instant::now() + Duration::from_secs(seconds);
        while Instant::now() < end {
            for (key, shows) in [(b"2", &b"Moldova"[..]), (b"1", &b"Denumirea"[..])] {
                let mark = reader.received.len();
                let sent = Instant::now();
                reader.send(key).await.expect("a key");
                assert!(reader.read_until(mark, shows, patience).await);
                keys.push(sent.elapsed());
            }
        }
        flooding.store(false, Ordering::Relaxed);
        let writing = flood.await.expect("the flood ends");
        drop(writing);
        drain.abort();
        drop(hostile.handle);
        // Gone: what the server still holds afterwards.
        tokio::time::sleep(Duration::from_secs(2)).await;
        let after_kb = status_kb(pid, "VmRSS:");
        reader.send(b"q").await.expect("a key");
        reader.read_to_close(patience).await;
        (first_screen, keys, after_kb)
    });
    let peak_kb = status_kb(pid, "VmHWM:");
    let stopping = Instant::now();
    // As a service manager stops it.
    let _ = Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let _ = server.wait();
    let stop = stopping.elapsed();
    let mut sorted = keys.clone();
    sorted.sort();
    println!(
        "hostile: 64 KiB pasted into the prompt, {} window changes in {seconds} s",
        resizes.load(Ordering::Relaxed)
    );
    println!("second reader: first screen {}", ms(first_screen));
    println!(
        "second reader: {} keys, median {}, p99 {}, worst {}",
        sorted.len(),
        ms(percentile(&sorted, 0.5)),
        ms(percentile(&sorted, 0.99)),
        ms(sorted.last().copied().unwrap_or_default())
    );
    println!(
        "server memory: {} MB before, {} MB at the peak, {} MB after the hostile reader left",
        before_kb / 1024,
        peak_kb / 1024,
        after_kb / 1024
    );
    println!("SIGTERM to exit: {}", ms(stop));
    let _ = std::fs::remove_dir_all(&dir);
}
