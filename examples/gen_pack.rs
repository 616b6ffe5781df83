//! Writes a large pack for trying clsv at scale: the default pack with N generated members.
//!
//! ```text
//! cargo run --release --example gen_pack -- --members 100000 /tmp/big
//! clsv --content /tmp/big
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clsv::content::generate::pack_files;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut members = 1000;
    let mut out: Option<PathBuf> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--members" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => members = n,
                None => return usage("--members needs a number"),
            },
            "-h" | "--help" => return usage(""),
            dir if out.is_none() => out = Some(PathBuf::from(dir)),
            other => return usage(&format!("unexpected argument {other:?}")),
        }
    }
    let Some(out) = out else {
        return usage("no output folder given");
    };
    if let Err(error) = std::fs::create_dir_all(&out) {
        eprintln!("gen_pack: cannot create {}: {error}", out.display());
        return ExitCode::FAILURE;
    }
    for file in pack_files(members) {
        let path = out.join(file.name);
        if let Err(error) = std::fs::write(&path, file.text) {
            eprintln!("gen_pack: cannot write {}: {error}", path.display());
            return ExitCode::FAILURE;
        }
    }
    println!("{} members written to {}", members, out.display());
    ExitCode::SUCCESS
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("gen_pack: {problem}");
    }
    eprintln!("usage: gen_pack [--members N] OUTDIR");
    if problem.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
