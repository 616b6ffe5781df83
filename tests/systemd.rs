//! The systemd unit shipped for `clsv serve` (`contrib/clsv-serve.service`): systemd finds
//! nothing wrong with it, it keeps the service confined as docs/SERVE.md says, and its
//! command line serves.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// Where the unit says the binary is installed.
const INSTALLED: &str = "/usr/local/bin/clsv";

fn unit() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("contrib/clsv-serve.service");
    std::fs::read_to_string(path).unwrap()
}

/// The values of `key` in the unit, in order.
fn values<'a>(unit: &'a str, key: &str) -> Vec<&'a str> {
    unit.lines()
        .filter_map(|line| line.strip_prefix(key)?.strip_prefix('='))
        .collect()
}

/// `systemd-analyze verify` passes the unit without a word about it, with its `ExecStart`
/// pointed at the binary just built (verify checks that the binary is there). Skipped, with
/// a note, where systemd is not installed.
#[test]
fn systemd_analyze_verify_finds_nothing_wrong() {
    if Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("note: systemd-analyze is not installed; skipping the unit's check");
        return;
    }
    let unit = unit();
    assert!(unit.contains(INSTALLED));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("clsv-serve.service");
    std::fs::write(&path, unit.replace(INSTALLED, env!("CARGO_BIN_EXE_clsv"))).unwrap();
    let out = Command::new("systemd-analyze")
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    // An unknown or misspelt setting is only a warning: any word about the unit fails.
    assert!(!said.contains("clsv-serve.service"), "{said}");
}

/// The unit runs the server as a user made for it, with the file system read-only but for
/// its state folder (where the host key is kept), and restarts it when it fails.
#[test]
fn the_unit_confines_the_service_and_restarts_it_on_failure() {
    let unit = unit();
    for (key, value) in [
        ("DynamicUser", "yes"),
        ("StateDirectory", "clsv"),
        ("ProtectSystem", "strict"),
        ("ProtectHome", "yes"),
        ("PrivateTmp", "yes"),
        ("NoNewPrivileges", "yes"),
        ("Restart", "on-failure"),
        ("CapabilityBoundingSet", ""),
    ] {
        assert_eq!(values(&unit, key), [value], "{key}");
    }
    let exec = values(&unit, "ExecStart");
    assert_eq!(exec.len(), 1);
    assert!(
        exec[0].starts_with(&format!("{INSTALLED} serve ")),
        "{}",
        exec[0]
    );
    assert!(
        exec[0].contains("--host-key %S/clsv/host_key"),
        "{}",
        exec[0]
    );
}

/// The unit's command line is one clsv takes: run with its state folder (`%S`) in a
/// temporary folder and on a free loopback port, it serves, and keeps its host key there.
#[test]
fn the_unit_s_command_serves_and_keeps_its_host_key_in_the_state_folder() {
    let unit = unit();
    let exec = values(&unit, "ExecStart")[0];
    let state = tempfile::tempdir().unwrap();
    let words: Vec<String> = exec
        .split_whitespace()
        .skip(1)
        .map(|word| {
            word.replace("%S", state.path().to_str().unwrap())
                .replace("0.0.0.0:2222", "127.0.0.1:0")
        })
        .collect();
    assert!(words.iter().any(|w| w == "127.0.0.1:0"), "{words:?}");
    let mut child = Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(&words)
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let key = state.path().join("clsv/host_key");
    let made = key.exists();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.contains("listening on"), "{line}");
    assert!(made, "no host key at {}", key.display());
}
