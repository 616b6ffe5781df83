//! The `clsv` binary: parse the command line, load the content, run the browser.

use std::process::ExitCode;

use clap::Parser;

use clsv::app::{App, Pane, StartAt};
use std::io::Write;

use clsv::cli::{Cli, Command};
use clsv::content::{self, Content, Lang, ProblemKind};
use clsv::search::{Index, Query};
use clsv::terminal;
use clsv::theme::Theme;

/// Exit code for a usage or content error (clap uses the same for bad flags).
const EXIT_ERROR: u8 = 2;

/// Exit code of a search that found nothing, as grep does.
const EXIT_NOTHING_FOUND: u8 = 1;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, String> {
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
    if let Some(Command::Search { query }) = &cli.command {
        return print_search(&content, lang, &query.join(" "));
    }
    let pane = cli.tab.map_or(Pane::Overview, |t| t.0);
    let color = std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let app = App::new(
        content,
        Theme::new(color, false),
        StartAt { lang, pane },
        80,
        24,
    );
    terminal::run(app).map_err(|e| format!("clsv: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// `clsv search`: one line per result, tab-separated: pane, id, title, the match in context.
fn print_search(content: &Content, lang: Lang, query: &str) -> Result<ExitCode, String> {
    let hits = Index::new(content).search(&Query::new(query), lang);
    let mut out = std::io::stdout().lock();
    for hit in &hits {
        let target = hit.target;
        let pane = pane_name(target.pane());
        let snippet = hit.snippet(content, SNIPPET_WIDTH).text;
        let id = target.id(content);
        let title = target.title(content, lang);
        if let Err(error) = writeln!(out, "{pane}\t{id}\t{title}\t{snippet}") {
            // A reader that stopped reading (`clsv search x | head -1`) is not an error.
            if error.kind() == std::io::ErrorKind::BrokenPipe {
                break;
            }
            return Err(format!("clsv: {error}"));
        }
    }
    Ok(match hits.is_empty() {
        true => ExitCode::from(EXIT_NOTHING_FOUND),
        false => ExitCode::SUCCESS,
    })
}

/// Columns of context printed around a match by `clsv search`.
const SNIPPET_WIDTH: usize = 72;

/// The name of a pane on the command line and in printed results.
fn pane_name(pane: Pane) -> &'static str {
    match pane {
        Pane::Overview => "overview",
        Pane::Members => "members",
        Pane::Declaration => "declaration",
        Pane::Actions => "actions",
    }
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
