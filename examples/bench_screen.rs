//! Measures a terminal program from outside, in a pseudo-terminal of 80×24 (the project's own
//! harness: portable-pty and vt100): the time from start to the first complete screen (the
//! screen showing a given text), the bytes of that first screen, the bytes one key costs, and
//! the peak memory. Prints one line of JSON with medians over the runs.
//!
//! ```text
//! cargo run --release --example bench_screen -- --runs 20 --wait Denumirea --key j -- target/release/clsv
//! ```

#![allow(clippy::expect_used, clippy::unwrap_used)] // a measurement that cannot run has nothing to report

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Run {
    first_screen: Duration,
    first_bytes: usize,
    key_bytes: usize,
    peak_kb: i64,
}

/// Reads what the program writes until `quiet` passes with nothing new.
fn settle(output: &Receiver<Vec<u8>>, parser: &mut vt100::Parser, quiet: Duration) -> usize {
    let mut bytes = 0;
    while let Ok(chunk) = output.recv_timeout(quiet) {
        bytes += chunk.len();
        parser.process(&chunk);
    }
    bytes
}

fn run_once(command: &[String], wait: &str, key: &str) -> Run {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    // A path to a program is made absolute: the pty's spawner looks bare names up in PATH.
    let program = match command[0].contains('/') {
        true => std::fs::canonicalize(&command[0]).expect("the program exists"),
        false => std::path::PathBuf::from(&command[0]),
    };
    let mut builder = CommandBuilder::new(program);
    builder.args(&command[1..]);
    builder.env("TERM", "xterm-256color");
    builder.env("LANG", "C.UTF-8");
    builder.env("LESS", "");
    let started = Instant::now();
    let mut child = pair.slave.spawn_command(builder).unwrap();
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut writer = pair.master.take_writer().unwrap();
    let (send, output) = channel();
    std::thread::spawn(move || {
        let mut buffer = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 || send.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(24, 80, 0);
    let mut first_bytes = 0;
    let first_screen = loop {
        let chunk = output
            .recv_timeout(Duration::from_secs(30))
            .expect("the program drew within 30 s");
        first_bytes += chunk.len();
        parser.process(&chunk);
        if parser.screen().contents().contains(wait) {
            break started.elapsed();
        }
    };
    first_bytes += settle(&output, &mut parser, Duration::from_millis(300));
    writer.write_all(key.as_bytes()).unwrap();
    writer.flush().unwrap();
    let key_bytes = settle(&output, &mut parser, Duration::from_millis(300));
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    let _ = child.wait();
    drop(pair.master);
    // The peak memory of the children waited for so far: this one is the largest, as every
    // run is the same program.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage.
    unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    Run {
        first_screen,
        first_bytes,
        key_bytes,
        peak_kb: usage.ru_maxrss,
    }
}

fn median<T: Copy + Ord>(mut values: Vec<T>) -> T {
    values.sort();
    values[values.len() / 2]
}

fn main() {
    let mut runs = 10;
    let mut wait = String::from("Denumirea");
    let mut key = String::from("j");
    let mut args = std::env::args().skip(1);
    let mut command = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--runs" => runs = args.next().and_then(|n| n.parse().ok()).expect("--runs N"),
            "--wait" => wait = args.next().expect("--wait TEXT"),
            "--key" => key = args.next().expect("--key KEY"),
            "--" => command.extend(args.by_ref()),
            other => command.push(other.to_string()),
        }
    }
    assert!(
        !command.is_empty(),
        "usage: bench_screen [--runs N] [--wait TEXT] [--key K] -- COMMAND..."
    );
    let results: Vec<Run> = (0..runs).map(|_| run_once(&command, &wait, &key)).collect();
    let first_ms = median(results.iter().map(|r| r.first_screen).collect()).as_secs_f64() * 1000.0;
    let first_bytes = median(results.iter().map(|r| r.first_bytes).collect());
    let key_bytes = median(results.iter().map(|r| r.key_bytes).collect());
    let peak_kb = results.iter().map(|r| r.peak_kb).max().unwrap_or(0);
    println!(
        r#"{{"command":"{}","runs":{runs},"first_screen_ms":{first_ms:.2},"first_screen_bytes":{first_bytes},"key_bytes":{key_bytes},"peak_rss_kb":{peak_kb}}}"#,
        command.join(" ").replace('"', "'")
    );
}
