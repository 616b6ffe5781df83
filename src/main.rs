//! The `clsv` binary: parse the command line, load the content, run the browser.

use std::process::ExitCode;

use clap::Parser;

use clsv::app::{App, Pane, StartAt};
use clsv::cli::Cli;
use clsv::content::{self, Content, ProblemKind};
use clsv::terminal;
use clsv::theme::Theme;

/// Exit code for a usage or content error (clap uses the same for bad flags).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: Cli) -> Result<(), String> {
    let content = load(&cli)?;
    let lang = match &cli.lang {
        None => content.default_language,
        Some(tag) => content.lang(tag).ok_or_else(|| {
            format!(
                "clsv: the pack has no language \"{tag}\" (it has: {})",
                content.languages.join(", ")
            )
        })?,
    };
    let pane = cli.tab.map_or(Pane::Overview, |t| t.0);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let app = App::new(
        content,
        Theme::new(color, false),
        StartAt { lang, pane },
        80,
        24,
    );
    terminal::run(app).map_err(|e| format!("clsv: {e}"))
}

fn load(cli: &Cli) -> Result<Content, String> {
    let loaded = match &cli.content {
        Some(dir) => content::load_dir(dir),
        None => content::load_embedded(),
    };
    loaded.map_err(|error| {
        let count = error.problems.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        let mut message = format!("{error}\nclsv: the content pack has {count} {noun}");
        if error
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::MissingFile)
        {
            message.push_str(&format!(
                "\nclsv: a pack is a folder with the files {} (see docs/CONTENT.md)",
                content::load::FILES.join(", ")
            ));
        }
        message
    })
}
