//! Measures a terminal program from outside, in a pseudo-terminal of 80×24 (the project's own
//! harness: portable-pty and vt100): the time from start to the first complete screen (the
//! screen showing a given text), the bytes of that first screen, the bytes one key costs, and
//! the peak memory. Prints one line of JSON per command with medians over the runs.
//!
//! Several commands (each after its own `--`) are run in turn, one run of each per round, so
//! that they share the machine's ups and downs; each line after the first gives the ratio of
//! its first-screen median to the first command's.
//!
//! ```text
//! cargo run --release --example bench_screen -- --runs 20 --wait Denumirea --key j -- less /tmp/clsv.txt -- target/release/clsv
//! ```

use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

struct Run {
    first_screen: Duration,
    first_bytes: usize,
    key_bytes: usize,
    peak_kb: u64,
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

fn run_once(command: &[String], wait: &str, key: &str) -> Result<Run, String> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(|e| format!("cannot open a pseudo-terminal: {e}"))?;
    // A path to a program is made absolute: the pty's spawner looks bare names up in PATH.
    let program = match command[0].contains('/') {
        true => std::fs::canonicalize(&command[0])
            .map_err(|e| format!("cannot find {}: {e}", command[0]))?,
        false => std::path::PathBuf::from(&command[0]),
    };
    let mut builder = CommandBuilder::new(program);
    builder.args(&command[1..]);
    builder.env("TERM", "xterm-256color");
    builder.env("LANG", "C.UTF-8");
    builder.env("LESS", "");
    let started = Instant::now();
    let mut child = pair
        .slave
        .spawn_command(builder)
        .map_err(|e| format!("cannot start {}: {e}", command[0]))?;
    drop(pair.slave);
    let mut reader = pair
        .master
        .try_clone_reader()
        .map_err(|e| format!("the pseudo-terminal failed: {e}"))?;
    let mut writer = pair
        .master
        .take_writer()
        .map_err(|e| format!("the pseudo-terminal failed: {e}"))?;
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
        let chunk = output.recv_timeout(Duration::from_secs(30)).map_err(|_| {
            format!(
                "{} did not show {wait:?} within 30 s; its screen:\n{}",
                command.join(" "),
                parser.screen().contents()
            )
        })?;
        first_bytes += chunk.len();
        parser.process(&chunk);
        if parser.screen().contents().contains(wait) {
            break started.elapsed();
        }
    };
    first_bytes += settle(&output, &mut parser, Duration::from_millis(300));
    let typed = |writer: &mut Box<dyn Write + Send>, keys: &[u8]| {
        writer
            .write_all(keys)
            .and_then(|()| writer.flush())
            .map_err(|e| format!("cannot type into the pseudo-terminal: {e}"))
    };
    typed(&mut writer, key.as_bytes())?;
    let key_bytes = settle(&output, &mut parser, Duration::from_millis(300));
    // The peak memory so far (VmHWM), read before the program is told to quit: with the
    // commands interleaved, the children's rusage would mix the programs.
    let peak_kb = child.process_id().map_or(0, peak_resident_kb);
    typed(&mut writer, b"q")?;
    let _ = child.wait();
    drop(pair.master);
    Ok(Run {
        first_screen,
        first_bytes,
        key_bytes,
        peak_kb,
    })
}

/// The peak resident memory of a running process, in KiB (0 if it cannot be read).
fn peak_resident_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn median<T: Copy + Ord + Default>(mut values: Vec<T>) -> T {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

const USAGE: &str =
    "usage: bench_screen [--runs N] [--wait TEXT] [--key KEY] -- COMMAND... [-- COMMAND...]";

/// The commands to run and how, from the command line.
struct Plan {
    runs: usize,
    wait: String,
    key: String,
    commands: Vec<Vec<String>>,
}

fn plan(mut args: impl Iterator<Item = String>) -> Result<Plan, String> {
    let mut plan = Plan {
        runs: 10,
        wait: String::from("Denumirea"),
        key: String::from("j"),
        commands: Vec::new(),
    };
    while let Some(arg) = args.next() {
        match (arg.as_str(), plan.commands.last_mut()) {
            ("--", _) => plan.commands.push(Vec::new()),
            (_, Some(command)) => command.push(arg),
            ("--runs", None) => {
                plan.runs = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .ok_or("--runs needs a number above 0")?
            }
            ("--wait", None) => plan.wait = args.next().ok_or("--wait needs a text")?,
            ("--key", None) => plan.key = args.next().ok_or("--key needs the keys to type")?,
            (other, None) => return Err(format!("unknown option {other}\n{USAGE}")),
        }
    }
    if plan.commands.is_empty() || plan.commands.iter().any(Vec::is_empty) {
        return Err(USAGE.to_string());
    }
    Ok(plan)
}

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = args.iter().take_while(|arg| *arg != "--");
    if options
        .into_iter()
        .any(|arg| arg == "-h" || arg == "--help")
    {
        println!("{USAGE}");
        return std::process::ExitCode::SUCCESS;
    }
    match plan(args.into_iter()).and_then(|plan| measure(&plan)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("bench_screen: {message}");
            std::process::ExitCode::from(2)
        }
    }
}

fn measure(plan: &Plan) -> Result<(), String> {
    let mut results: Vec<Vec<Run>> = plan.commands.iter().map(|_| Vec::new()).collect();
    for _ in 0..plan.runs {
        for (command, runs) in plan.commands.iter().zip(&mut results) {
            runs.push(run_once(command, &plan.wait, &plan.key)?);
        }
    }
    let mut baseline = None;
    for (command, runs) in plan.commands.iter().zip(results) {
        let first = median(runs.iter().map(|r| r.first_screen).collect());
        let first_ms = first.as_secs_f64() * 1000.0;
        let first_bytes = median(runs.iter().map(|r| r.first_bytes).collect());
        let key_bytes = median(runs.iter().map(|r| r.key_bytes).collect());
        let peak_kb = runs.iter().map(|r| r.peak_kb).max().unwrap_or(0);
        let ratio = match baseline {
            None => {
                baseline = Some(first);
                String::new()
            }
            Some(base) => format!(
                r#","first_screen_ratio":{:.3}"#,
                first.as_secs_f64() / base.as_secs_f64()
            ),
        };
        println!(
            r#"{{"command":"{}","runs":{runs},"first_screen_ms":{first_ms:.2},"first_screen_bytes":{first_bytes},"key_bytes":{key_bytes},"peak_rss_kb":{peak_kb}{ratio}}}"#,
            command.join(" ").replace('"', "'"),
            runs = runs.len()
        );
    }
    Ok(())
}
