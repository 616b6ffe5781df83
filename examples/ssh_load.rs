//! Measures `clsv serve` under load, on loopback only: N sessions at once, each waiting for
//! its first frame and answering a key; reports the times (median and 99th percentile), the
//! server's memory per session and its CPU time. Ends by itself.
//!
//! With `--follow K`, the server presents (`--present`): the N sessions are the audience, and
//! one presenter, logged in with a key made for the run, moves K slides (forward to the last,
//! then back); it reports how long each change takes to be on every follower's screen
//! (median, 99th percentile, max) and whether every follower saw every slide. With
//! `--sizes S`, the followers' terminals are of S sizes (80×24 and wider, then taller ones,
//! in turn) rather than all 80×24: followers of one size share their frames' changes, so
//! `--sizes N` (every follower its own size) is a room with nothing to share.
//!
//! With `--handshakes`, the N sessions only log in and leave, eight at a time: it reports the
//! server's CPU time per login, and so how many one core does in a second.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example ssh_load -- --sessions 50 --binary target/release/clsv
//! cargo run --release --example ssh_load -- --sessions 1000 --follow 10 --binary target/release/clsv
//! cargo run --release --example ssh_load -- --sessions 1000 --handshakes --binary target/release/clsv
//! ```

#![allow(clippy::expect_used)] // a measurement that cannot start has nothing to report

#[path = "../tests/common/ssh_client.rs"]
mod ssh_client;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
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
    let mut follow: Option<usize> = None;
    let mut handshakes = false;
    let mut sizes = 1usize;
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
            "--follow" => {
                follow = Some(
                    args.next()
                        .and_then(|n| n.parse().ok())
                        .expect("--follow K"),
                )
            }
            "--handshakes" => handshakes = true,
            "--sizes" => {
                sizes = args
                    .next()
                    .and_then(|n| n.parse().ok())
                    .filter(|&n| n > 0)
                    .expect("--sizes S (at least 1)")
            }
            "--binary" => binary = args.next().expect("--binary PATH"),
            other => panic!("unknown argument {other}"),
        }
    }
    let dir = std::env::temp_dir().join(format!("clsv-load-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the host key");
    let limit = (sessions + 10).to_string();
    // A presenter's key, made for the run, when a talk is measured.
    let presenter = follow.map(|_| {
        let key =
            russh::keys::PrivateKey::random(&mut rand::rng(), russh::keys::Algorithm::Ed25519)
                .expect("a key");
        let public = key.public_key().to_openssh().expect("its public half");
        let file = dir.join("presenters");
        std::fs::write(&file, public + "\n").expect("the presenters' keys");
        (Arc::new(key), file)
    });
    // The system picks a free port, and the server's first line says which.
    let mut command = Command::new(&binary);
    command
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(["--host-key", dir.join("key").to_str().expect("a path")])
        .args(["--max-sessions", &limit, "--max-per-address", &limit]);
    if let Some((_, file)) = &presenter {
        command.args([
            "--present",
            "--presenter-keys",
            file.to_str().expect("a path"),
        ]);
    }
    let mut server = command
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
    if let (Some(changes), Some((key, _))) = (follow, presenter) {
        let room = Room { sessions, sizes };
        let report = runtime.block_on(talk(port, room, changes, key, pid, base_rss));
        let _ = server.kill();
        let _ = server.wait();
        let _ = std::fs::remove_dir_all(&dir);
        println!("{report}");
        return;
    }
    if handshakes {
        let report = runtime.block_on(logins(port, sessions, pid));
        let _ = server.kill();
        let _ = server.wait();
        let _ = std::fs::remove_dir_all(&dir);
        println!("{report}");
        return;
    }
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

/// `sessions` logins, eight at a time (a key exchange, a login without a key, a session
/// channel opened), each closed at once: the server's CPU time per login.
async fn logins(port: u16, sessions: usize, pid: u32) -> String {
    const AT_ONCE: usize = 8;
    let server_cpu = cpu_ticks(pid);
    let own_cpu = cpu_ticks(std::process::id());
    let wall = Instant::now();
    let done = Arc::new(AtomicUsize::new(0));
    let mut workers = Vec::new();
    for worker in 0..AT_ONCE {
        let done = Arc::clone(&done);
        workers.push(tokio::spawn(async move {
            for _ in (worker..sessions).step_by(AT_ONCE) {
                if let Ok((handle, channel)) = ssh_client::open_channel(port).await {
                    done.fetch_add(1, Ordering::SeqCst);
                    drop(channel);
                    let _ = handle
                        .disconnect(russh::Disconnect::ByApplication, "", "en")
                        .await;
                }
            }
        }));
    }
    for worker in workers {
        let _ = worker.await;
    }
    let wall = wall.elapsed().as_secs_f64();
    // Clock ticks are 1/100 s on Linux.
    let server_cpu = cpu_ticks(pid).saturating_sub(server_cpu) as f64 / 100.0;
    let own_cpu = cpu_ticks(std::process::id()).saturating_sub(own_cpu) as f64 / 100.0;
    let done = done.load(Ordering::SeqCst);
    let per_login = server_cpu / done.max(1) as f64;
    format!(
        "logins: {done} of {sessions} in {wall:.2} s ({:.0} a second)\n\
         server CPU: {server_cpu:.2} s, {:.2} ms a login: {:.0} logins a second on one core\n\
         this client's CPU: {own_cpu:.2} s",
        done as f64 / wall,
        per_login * 1000.0,
        1.0 / per_login.max(f64::MIN_POSITIVE),
    )
}

/// The slide a follower or the presenter shows, from its footer's "n / total".
fn slide_shown(screen: &str) -> Option<(usize, usize)> {
    screen.lines().rev().find_map(|line| {
        let (before, after) = line.split_once(" / ")?;
        let shown = before.split_whitespace().next_back()?.parse().ok()?;
        let total = after.split_whitespace().next()?.parse().ok()?;
        Some((shown, total))
    })
}

/// Reads `terminal` until its screen shows slide `wanted`, or `patience` passes.
async fn until_slide(
    terminal: &mut ssh_client::Terminal,
    parser: &mut vt100::Parser,
    read: &mut usize,
    wanted: usize,
    patience: Duration,
) -> bool {
    let deadline = Instant::now() + patience;
    loop {
        parser.process(&terminal.received[*read..]);
        *read = terminal.received.len();
        if slide_shown(&parser.screen().contents()).is_some_and(|(shown, _)| shown == wanted) {
            return true;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() || !terminal.read_next(left).await {
            return false;
        }
    }
}

/// A talk: `sessions` followers, and a presenter who makes `changes` slide changes, each once
/// every follower shows the last; the times each change took to reach each follower.
/// The audience of a talk: how many, and of how many terminal sizes.
struct Room {
    sessions: usize,
    sizes: usize,
}

impl Room {
    /// The size of follower `n`'s terminal: 80×24, then a column wider each, up to 199
    /// columns, and then a row taller, for each of the room's sizes in turn.
    fn size(&self, n: usize) -> (u16, u16) {
        let step = n % self.sizes;
        ((80 + step % 120) as u16, (24 + step / 120 % 30) as u16)
    }
}

async fn talk(
    port: u16,
    room: Room,
    changes: usize,
    key: Arc<russh::keys::PrivateKey>,
    pid: u32,
    base_rss: u64,
) -> String {
    let patience = Duration::from_secs(60);
    // When each change was made, and how many followers show it.
    let made: Arc<Mutex<Vec<Instant>>> = Arc::new(Mutex::new(Vec::new()));
    let arrived: Arc<Vec<AtomicUsize>> =
        Arc::new((0..=changes).map(|_| AtomicUsize::new(0)).collect());
    let plan = Arc::new(Mutex::new(Vec::<usize>::new()));
    let wall = Instant::now();
    let mut followers = Vec::new();
    let sessions = room.sessions;
    for n in 0..sessions {
        let (made, arrived, plan) = (Arc::clone(&made), Arc::clone(&arrived), Arc::clone(&plan));
        let (cols, rows) = room.size(n);
        followers.push(tokio::spawn(async move {
            let start = Instant::now();
            let mut terminal = ssh_client::open(port, cols.into(), rows.into(), None)
                .await
                .ok()?;
            let mut parser = vt100::Parser::new(rows, cols, 0);
            let mut read = 0;
            if !until_slide(&mut terminal, &mut parser, &mut read, 1, patience).await {
                return None;
            }
            let first = start.elapsed();
            arrived[0].fetch_add(1, Ordering::SeqCst);
            let mut delays = Vec::new();
            for change in 1..=changes {
                // The slide this change shows, once the presenter has planned it.
                let wanted = loop {
                    if let Some(&slide) = plan.lock().ok()?.get(change - 1) {
                        break slide;
                    }
                    tokio::time::sleep(Duration::from_millis(2)).await;
                };
                if !until_slide(&mut terminal, &mut parser, &mut read, wanted, patience).await {
                    break;
                }
                let at = Instant::now();
                let sent = *made.lock().ok()?.get(change - 1)?;
                delays.push(at.saturating_duration_since(sent));
                arrived[change].fetch_add(1, Ordering::SeqCst);
            }
            Some((first, delays, terminal))
        }));
    }
    // Every follower on its first frame, then the presenter.
    let deadline = Instant::now() + patience;
    while arrived[0].load(Ordering::SeqCst) < sessions && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let served = arrived[0].load(Ordering::SeqCst);
    let rss = proc_value(pid, "status", "VmRSS:").unwrap_or(0);
    let mut speaker = ssh_client::open_with_key(port, 80, 24, key)
        .await
        .expect("the presenter logs in");
    let mut parser = vt100::Parser::new(24, 80, 0);
    let mut read = 0;
    assert!(until_slide(&mut speaker, &mut parser, &mut read, 1, patience).await);
    let total = slide_shown(&parser.screen().contents()).map_or(1, |(_, total)| total);
    let mut slide = 1;
    let mut forward = true;
    let changes_cpu = cpu_ticks(pid);
    let own_cpu = cpu_ticks(std::process::id());
    let changes_began = Instant::now();
    for change in 1..=changes {
        if slide == total {
            forward = false;
        } else if slide == 1 {
            forward = true;
        }
        let (keys, next) = match forward {
            true => (b"j", slide + 1),
            false => (b"k", slide - 1),
        };
        slide = next;
        if let Ok(mut plan) = plan.lock() {
            plan.push(slide);
        }
        if let Ok(mut made) = made.lock() {
            made.push(Instant::now());
        }
        speaker
            .send(keys)
            .await
            .expect("the presenter's key goes out");
        // The next change once every follower shows this one (or after the patience).
        let deadline = Instant::now() + patience;
        while arrived[change].load(Ordering::SeqCst) < served && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }
    // The server's CPU time while the slides changed (clock ticks are 1/100 s on Linux).
    let changes_cpu = cpu_ticks(pid).saturating_sub(changes_cpu) as f64 / 100.0;
    let own_cpu = cpu_ticks(std::process::id()).saturating_sub(own_cpu) as f64 / 100.0;
    let changes_wall = changes_began.elapsed().as_secs_f64();
    let mut firsts = Vec::new();
    let mut delays = Vec::new();
    let mut saw_all = 0;
    let mut open = Vec::new();
    for follower in followers {
        if let Ok(Some((first, seen, terminal))) = follower.await {
            firsts.push(first);
            saw_all += usize::from(seen.len() == changes);
            delays.extend(seen);
            open.push(terminal);
        }
    }
    let elapsed = wall.elapsed();
    for terminal in &mut open {
        let _ = terminal.send(b"q").await;
    }
    firsts.sort();
    delays.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let per_session = rss.saturating_sub(base_rss) as f64 / served.max(1) as f64;
    format!(
        "followers: {served} of {sessions} served, terminals of {} sizes; first frame median {:.1} ms, p99 {:.1} ms\n\
         slide changes: {changes} over a deck of {total}; {saw_all} of {served} followers saw every one\n\
         a change on every follower's screen: median {:.1} ms, p99 {:.1} ms, max {:.1} ms ({} arrivals)\n\
         server memory: {base_rss} kB idle, {rss} kB with the followers open: {per_session:.0} kB per session\n\
         server CPU while the slides changed: {changes_cpu:.2} s over {changes_wall:.2} s of wall time \
         (this client's, on the same cores: {own_cpu:.2} s)\n\
         wall time {:.1} s",
        room.sizes.min(sessions),
        ms(percentile(&firsts, 0.5)),
        ms(percentile(&firsts, 0.99)),
        ms(percentile(&delays, 0.5)),
        ms(percentile(&delays, 0.99)),
        ms(delays.last().copied().unwrap_or_default()),
        delays.len(),
        elapsed.as_secs_f64(),
    )
}
