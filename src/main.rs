//! The `clsv` binary: parse the command line, load the content, then browse, print, search
//! or describe the terminal.

use std::io::{ErrorKind, IsTerminal, Write};
use std::path::Path;

use clap::{CommandFactory, FromArgMatches};

use clsv::app::{App, StartAt, Talk};
use clsv::capability::{self, Capabilities, Dots};
use clsv::cli::{Cli, Command, PrintFormat, SearchFormat};
use clsv::config;
use clsv::content::{self, Content, Lang, ProblemKind};
use clsv::diagnostic;
use clsv::link::Link;
use clsv::print::{self, Format};
use clsv::search::{Index, Query, Target};
use clsv::terminal;
use clsv::text;
use clsv::theme::Theme;
use clsv::vocabulary::Pane;

/// Exit code of success.
const EXIT_OK: u8 = 0;

/// Exit code of a search that found nothing, as grep does.
const EXIT_NOTHING_FOUND: u8 = 1;

/// Exit code for a usage or content error (clap uses the same for bad flags).
const EXIT_USAGE: u8 = 2;

/// Exit code for a failure of input or output: writing the output, the terminal, a file, the
/// network.
const EXIT_IO: u8 = 3;

/// Columns to print to when there is no terminal to ask.
const DEFAULT_WIDTH: usize = 80;

/// Runs clsv on its command line. The standard library's start has already done what a
/// command-line program needs: standard descriptors that were closed are open on /dev/null,
/// SIGPIPE is ignored (a write to a closed pipe fails with an error, see [`write_out`]), and a
/// panic ends the process with exit code 101.
fn main() -> std::process::ExitCode {
    let cli = parse_command_line();
    let code = match run(cli) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("{}", failure.message);
            failure.code
        }
    };
    std::process::ExitCode::from(code)
}

/// The command line, parsed. Its help names the coalition in Romanian: in ASCII where the
/// locale or the terminal shows nothing else, or `--ascii` is among the arguments, as all of
/// clsv's output is then (the configuration is read only once the command line is).
fn parse_command_line() -> Cli {
    let ascii_asked = std::env::args_os().any(|arg| arg == "--ascii");
    let ascii = capability::detect(
        &capability::process_env,
        capability::ColorChoice::Auto,
        ascii_asked,
    )
    .ascii;
    let mut command = Cli::command();
    if ascii && let Some(about) = command.get_about().map(|about| about.to_string()) {
        command = command.about(clsv::text::to_ascii(&about).into_owned());
    }
    match Cli::from_arg_matches(&command.get_matches()) {
        Ok(cli) => cli,
        // The matches come from this very command, so they always make a `Cli`; were they not
        // to, clap says why and exits as for any error of the command line.
        Err(error) => error.exit(),
    }
}

/// Why clsv stopped short: what it says on standard error, and its exit code.
struct Failure {
    message: String,
    code: u8,
}

impl Failure {
    /// A usage error, or a content pack with problems.
    fn usage(message: String) -> Failure {
        Failure {
            message,
            code: EXIT_USAGE,
        }
    }

    /// A failure of input or output.
    fn io(message: String) -> Failure {
        Failure {
            message,
            code: EXIT_IO,
        }
    }
}

fn run(cli: Cli) -> Result<u8, Failure> {
    let config_path = config::default_path();
    let loaded = config::load(config_path.as_deref());
    let settings = &loaded.config;
    let color = cli.color.or(settings.color).unwrap_or_default();
    let ascii = cli.ascii || settings.ascii.unwrap_or(false);
    let mut capabilities = capability::detect(&capability::process_env, color, ascii);
    // Say where a choice came from when the configuration made it.
    if cli.color.is_none() && settings.color.is_some() {
        capabilities.color_reason = capabilities
            .color_reason
            .replace("--color", "color in the configuration:");
    }
    let hyperlink_choice = cli.hyperlinks.or(settings.hyperlinks).unwrap_or_default();
    let mut hyperlinks = capability::detect_hyperlinks(
        &capability::process_env,
        hyperlink_choice,
        std::io::stdout().is_terminal(),
    );
    if cli.hyperlinks.is_none() && settings.hyperlinks.is_some() {
        hyperlinks.reason = hyperlinks
            .reason
            .replace("--hyperlinks", "hyperlinks in the configuration:");
    }
    if !cli.ascii && settings.ascii == Some(true) {
        capabilities.glyph_reason = capabilities
            .glyph_reason
            .replace("--ascii", "ascii in the configuration");
        capabilities.dots_reason = capabilities
            .dots_reason
            .replace("--ascii", "ascii in the configuration");
    }
    // A configuration with problems is shown like a pack's, and clsv goes on with the defaults.
    let mut notice = None;
    if let Some(report) = &loaded.report {
        let style = diagnostic_style(&capabilities, std::io::stderr().is_terminal());
        let count = report.errors().count();
        let rendered = diagnostic::render_problems(report, style);
        let problems = if count == 1 { "problem" } else { "problems" };
        eprintln!("{rendered}clsv: the configuration has {count} {problems}; using the defaults");
        notice = report
            .problems
            .first()
            .map(|p| format!("configuration refused, defaults used: {p}"));
    }
    let pane = cli.tab.map(|t| t.0);
    // The pack, and the language to show it in, for the commands that show it.
    let open = || open_pack(&cli, &capabilities, settings);
    // A link opens the browser, or follows `print`; before another command it would be lost.
    if let (Some(link), Some(_)) = (&cli.link, &cli.command) {
        return Err(Failure::usage(format!(
            "clsv: the link {link} goes alone (clsv {link}) or after print (clsv print {link})"
        )));
    }
    match &cli.command {
        Some(Command::Completions { shell }) => {
            let mut out = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "clsv", &mut out);
            write_out(&String::from_utf8_lossy(&out)).map(|()| EXIT_OK)
        }
        Some(Command::Man) => {
            let mut out = Vec::new();
            man_page(&mut out).map_err(|e| Failure::io(format!("clsv: {e}")))?;
            write_out(&String::from_utf8_lossy(&out)).map(|()| EXIT_OK)
        }
        Some(Command::Help { topic }) => match topic {
            Some(topic) => {
                let guide = clsv::guide::text(*topic);
                let shown = match capabilities.ascii {
                    true => text::to_ascii(guide),
                    false => std::borrow::Cow::Borrowed(guide),
                };
                write_out(&shown).map(|()| EXIT_OK)
            }
            None => {
                let help = Cli::command().render_long_help().to_string();
                match capabilities.ascii {
                    true => write_out(&text::to_ascii(&help)),
                    false => write_out(&help),
                }
                .map(|()| EXIT_OK)
            }
        },
        Some(Command::Doctor) => {
            let content = load(&cli, &capabilities);
            let mut text = doctor(&cli, &capabilities, &hyperlinks, content.as_ref().ok());
            let config_line = match (&loaded.path, &loaded.report, &config_path) {
                (Some(path), None, _) => format!("config:    {} (read)\n", path.display()),
                (Some(path), Some(_), _) => format!(
                    "config:    {} (has problems: the defaults are used)\n",
                    path.display()
                ),
                (None, _, Some(path)) => {
                    format!("config:    none ({} does not exist)\n", path.display())
                }
                (None, _, None) => "config:    none (no configuration folder)\n".to_string(),
            };
            text.push_str(&config_line);
            write_out(&text).map(|()| EXIT_OK)
        }
        Some(Command::Check { dir, strict }) => {
            let dir = dir.as_ref().or(cli.content.as_ref());
            check(dir.map(|d| d.as_path()), *strict, &capabilities)
        }
        Some(Command::Init { dir, force }) => init(dir, *force),
        Some(Command::Search {
            query,
            format,
            width,
        }) => {
            let width = checked_width(*width)?;
            let (content, lang) = open()?;
            let query = Query::new(&query.join(" "));
            let output = SearchOutput {
                pane,
                format: *format,
                width,
                ascii: capabilities.ascii,
            };
            print_search(&content, lang, &query, output)
        }
        Some(Command::Print {
            width,
            format,
            link,
        }) => {
            let width = checked_width(*width)?;
            let format = match format {
                PrintFormat::Json => {
                    return print_json(&cli, &capabilities, settings, pane, link.as_deref());
                }
                PrintFormat::Text => Format::Text,
                PrintFormat::Markdown => Format::Markdown,
            };
            let (content, lang) = open()?;
            let item = item_link(&content, link.as_deref())?;
            print_pack(
                &content,
                lang,
                pane,
                item,
                width,
                format,
                capabilities.ascii,
            )
        }
        Some(Command::Present {
            check_fit: Some((width, height)),
            ..
        }) => {
            let (content, lang) = open()?;
            check_fit(content, lang, (*width, *height), capabilities.ascii)
        }
        Some(Command::Present {
            start,
            duration,
            notes,
            follow,
            check_fit: None,
        }) => {
            let (content, lang) = open()?;
            let start = match start {
                Some(wanted) => {
                    let deck = clsv::present::deck(&content);
                    clsv::present::find_slide(&content, &deck, wanted)
                        .map_err(|e| Failure::usage(format!("clsv: {e}")))?
                }
                None => 0,
            };
            // The speaker's own terminals: the clock in seconds.
            let talk = Talk {
                start: Some(start),
                duration: *duration,
                notes: *notes,
                in_minutes: false,
            };
            let start_at = start_at(lang, pane);
            let pairing = match follow {
                true => Pairing::Follower,
                false => Pairing::Projector,
            };
            browse(
                &cli,
                content,
                (&capabilities, hyperlinks.on),
                start_at,
                (talk, Some(pairing)),
                settings,
                notice,
            )
        }
        Some(Command::Serve {
            listen,
            host_key,
            authorized_keys,
            max_sessions,
            max_per_address,
            idle_timeout,
            login_timeout,
            log_format,
            proxy_protocol,
            present,
            presenter_keys,
            duration,
        }) => {
            let (content, lang) = open()?;
            let options = clsv::serve::Options {
                listen: *listen,
                host_key: host_key
                    .clone()
                    .unwrap_or_else(clsv::serve::default_host_key),
                authorized_keys: authorized_keys.clone(),
                max_sessions: *max_sessions,
                max_per_address: clsv::serve::per_address_limit(*max_per_address, *present),
                idle_timeout: *idle_timeout,
                login_timeout: *login_timeout,
                presenter_keys: presenter_keys.clone(),
                duration: *duration,
                json_logs: *log_format == clsv::cli::LogFormat::Json,
                lang,
                hyperlinks: hyperlink_choice,
                proxy_protocol: *proxy_protocol,
            };
            clsv::serve::run(content, options).map_err(|e| {
                Failure::io(match e.kind() {
                    // Only binding the address fails so.
                    ErrorKind::AddrInUse | ErrorKind::AddrNotAvailable => {
                        format!("clsv serve: cannot listen on {listen}: {e}")
                    }
                    _ => format!("clsv serve: {e}"),
                })
            })?;
            Ok(EXIT_OK)
        }
        None => {
            let (content, lang) = open()?;
            let link = match cli.link.as_deref() {
                Some(link) => Some(clsv::link::resolve(&content, link).map_err(link_failure)?),
                None => None,
            };
            let item = match &link {
                Some(Link::Item(target)) => Some(*target),
                _ => None,
            };
            if !browser_possible() {
                let (ascii, text) = (capabilities.ascii, Format::Text);
                return print_pack(&content, lang, pane, item, None, text, ascii);
            }
            let mut start_at = start_at(lang, item.map(|t| t.pane()).or(pane));
            start_at.item = item;
            // A slide's link presents from it, as `clsv present --start` does.
            let (talk, pairing) = match &link {
                Some(Link::Slide(wanted)) => {
                    let deck = clsv::present::deck(&content);
                    let start = clsv::present::find_slide(&content, &deck, wanted)
                        .map_err(|e| Failure::usage(format!("clsv: {e}")))?;
                    let talk = Talk {
                        start: Some(start),
                        ..Talk::default()
                    };
                    (talk, Some(Pairing::Projector))
                }
                _ => (Talk::default(), None),
            };
            browse(
                &cli,
                content,
                (&capabilities, hyperlinks.on),
                start_at,
                (talk, pairing),
                settings,
                notice,
            )
        }
    }
}

/// Loads the pack and finds the language to show it in: `--lang`, the configuration's, or
/// the pack's default.
fn open_pack(
    cli: &Cli,
    capabilities: &Capabilities,
    settings: &config::Config,
) -> Result<(Content, Lang), Failure> {
    let content = load(cli, capabilities).map_err(Failure::usage)?;
    let lang = match cli.lang.as_ref().or(settings.language.as_ref()) {
        None => content.default_language,
        Some(tag) if tag == ALL_LANGUAGES => {
            return Err(Failure::usage(format!(
                "clsv: --lang {ALL_LANGUAGES} is for `clsv print --format json`; choose one of: {}",
                content.languages.join(", ")
            )));
        }
        Some(tag) => content.lang(tag).ok_or_else(|| {
            Failure::usage(format!(
                "clsv: the pack has no language \"{tag}\" (it has: {})",
                content.languages.join(", ")
            ))
        })?,
    };
    Ok((content, lang))
}

/// Where the browser opens: in `lang`, on the pane of `--tab` or the overview.
fn start_at(lang: Lang, pane: Option<Pane>) -> StartAt {
    StartAt {
        lang,
        pane: pane.unwrap_or(Pane::Overview),
        item: None,
    }
}

/// Which side of a pairing of terminals (`clsv::pair`) a presentation takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// `clsv present`: listens for followers.
    Projector,
    /// `clsv present --follow`: connects to the projector, or stops with exit code 2.
    Follower,
}

/// Runs the interactive browser (or presentation, as `talk` says, paired with other
/// terminals as `pairing` says), with the sources' web addresses links when `hyperlinks`.
fn browse(
    cli: &Cli,
    content: Content,
    (capabilities, hyperlinks): (&Capabilities, bool),
    start: StartAt,
    (talk, pairing): (Talk, Option<Pairing>),
    settings: &config::Config,
    mut notice: Option<String>,
) -> Result<u8, Failure> {
    if !browser_possible() {
        return Err(Failure::usage(
            "clsv: presenting needs a terminal that can show a screen".to_string(),
        ));
    }
    // Paired before the terminal is taken, so that a follower with no projector is an error
    // on a plain screen; a projector that cannot listen presents alone, and says why.
    let deck = || clsv::pair::Deck::of(&content, &clsv::present::deck(&content));
    let pair = match pairing {
        None => None,
        Some(Pairing::Follower) => Some(clsv::pair::follow(deck()).map_err(|e| match e {
            clsv::pair::FollowError::Io(_) => Failure::io(format!("clsv: {e}")),
            _ => Failure::usage(format!("clsv: {e}")),
        })?),
        Some(Pairing::Projector) => match clsv::pair::listen(deck()) {
            Ok(pair) => Some(pair),
            Err(why) => {
                notice = Some(match notice {
                    Some(first) => format!("{first}; {why}"),
                    None => why,
                });
                None
            }
        },
    };
    let theme = Theme::for_terminal(capabilities).with_colors(&settings.colors);
    // Laid out at the terminal's size from the start: the first frame then finds the pane's
    // text laid out for it (`DocMemo`), not laid out for another size.
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(content, theme, start, width, height)
        .with_keymap(std::sync::Arc::clone(&settings.keymap))
        .with_talk(talk);
    if let Some(notice) = notice {
        app = app.with_notice(notice);
    }
    let watch = cli.watch.then(|| cli.content.clone()).flatten();
    terminal::run(app, watch, pair, hyperlinks).map_err(|e| Failure::io(format!("clsv: {e}")))?;
    Ok(EXIT_OK)
}

/// `clsv present --check-fit WxH`: every slide that would take more than one page on such a
/// screen, with glyphs and text in ASCII when `ascii` (measured as such a terminal shows them,
/// and named so).
fn check_fit(
    content: Content,
    lang: Lang,
    (width, height): (u16, u16),
    ascii: bool,
) -> Result<u8, Failure> {
    let theme = Theme::new(capability::ColorLevel::None, ascii);
    let start = StartAt {
        lang,
        pane: Pane::Overview,
        item: None,
    };
    let app = App::new(content, theme, start, width, height).with_talk(Talk {
        start: Some(0),
        ..Talk::default()
    });
    let mut report = String::new();
    let mut overflowing = 0;
    for (i, slide) in app.deck().iter().enumerate() {
        let pages = app.slide_pages(i);
        if pages > 1 {
            overflowing += 1;
            let title = clsv::doc::slide::title(app.doc_context(), slide);
            report.push_str(&format!(
                "slide {} \"{title}\": {pages} pages at {width}x{height}\n",
                i + 1
            ));
        }
    }
    let total = app.deck().len();
    report.push_str(&match overflowing {
        0 => format!("all {total} slides fit at {width}x{height}\n"),
        n => format!("{n} of {total} slides do not fit at {width}x{height} (they continue on further pages, with a \"more\" marker)\n"),
    });
    write_out(&report)?;
    Ok(match overflowing {
        0 => EXIT_OK,
        _ => EXIT_NOTHING_FOUND,
    })
}

/// Whether the interactive browser can run: output to a terminal that can address the
/// screen. Otherwise clsv prints.
fn browser_possible() -> bool {
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    std::io::stdout().is_terminal() && !dumb
}

/// Writes `text` to standard output. A reader that stopped reading (`clsv print | head -1`)
/// is not an error: the output simply ends.
fn write_out(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    written(out.write_all(text.as_bytes()).and_then(|()| out.flush()))
}

/// The outcome of writing to standard output, where a reader that stopped reading is not an
/// error.
fn written(outcome: std::io::Result<()>) -> Result<(), Failure> {
    match outcome {
        Err(e) if e.kind() != ErrorKind::BrokenPipe => Err(Failure::io(format!("clsv: {e}"))),
        _ => Ok(()),
    }
}

/// `clsv print`, and `clsv` when its output is not a terminal. `ascii` is the glyph choice
/// of the interface (`--ascii`, the configuration, the terminal, the locale), so that what
/// the printer draws shows wherever the interface's would.
fn print_pack(
    content: &Content,
    lang: Lang,
    pane: Option<Pane>,
    item: Option<Target>,
    width: Option<usize>,
    format: Format,
    ascii: bool,
) -> Result<u8, Failure> {
    let width = width.unwrap_or_else(terminal_width);
    let options = print::Options {
        lang,
        pane,
        item,
        width,
        format,
        ascii,
    };
    // Written as it is made: the text of a large pack is not held whole.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    written(
        print::write(content, &options, &mut out)
            .and_then(|()| out.write_all(b"\n"))
            .and_then(|()| out.flush()),
    )?;
    Ok(EXIT_OK)
}

/// The width of the terminal clsv's output goes to, or of the one it runs in, or 80.
fn terminal_width() -> usize {
    if std::io::stdout().is_terminal()
        && let Ok((columns, _)) = crossterm::terminal::size()
        && columns > 0
    {
        return columns as usize;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|&c: &usize| c > 0)
        .unwrap_or(DEFAULT_WIDTH)
}

/// How `clsv search` writes its results: only those in `pane` if one is given; a line of
/// text or of JSON a result; the context cut to `width` columns (to the terminal's width on
/// a terminal, left whole into a pipe); in ASCII where the terminal or the locale shows
/// nothing else, as `clsv print` is.
#[derive(Debug, Clone, Copy)]
struct SearchOutput {
    pane: Option<Pane>,
    format: SearchFormat,
    width: Option<usize>,
    ascii: bool,
}

/// `clsv search`: one line per result, tab-separated (pane, id, title, the match in its
/// context), or a line of JSON per result.
fn print_search(
    content: &Content,
    lang: Lang,
    query: &Query,
    output: SearchOutput,
) -> Result<u8, Failure> {
    // Text is transliterated; JSON keeps the content's own text, its characters beyond ASCII
    // escaped, so that a program gets the same data either way.
    let transliterated;
    let (content, ellipsis) = match output.ascii && output.format == SearchFormat::Text {
        true => {
            transliterated = content.to_ascii();
            (&transliterated, clsv::text::ASCII_ELLIPSIS)
        }
        false => (content, clsv::text::ELLIPSIS),
    };
    let mut hits = Index::new(content).search(query, lang);
    hits.retain(|hit| output.pane.is_none_or(|p| hit.target.pane() == p));
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let is_terminal = std::io::stdout().is_terminal();
    let width = output.width.or_else(|| is_terminal.then(terminal_width));
    let result = match output.format {
        SearchFormat::Json if output.ascii => {
            let mut ascii = print::json::AsciiEscaped::new(&mut out);
            print::json::write_hits(content, query, &hits, &mut ascii).and_then(|()| ascii.flush())
        }
        SearchFormat::Json => print::json::write_hits(content, query, &hits, &mut out),
        SearchFormat::Text => hits.iter().try_for_each(|hit| {
            let target = hit.target;
            let pane = target.pane().name();
            let id = target.id(content);
            let title = target.title(content, lang);
            let prefix = format!("{pane}\t{id}\t{title}\t");
            let context = match width {
                Some(width) => {
                    let room = width.saturating_sub(text::width(&prefix)).max(SNIPPET_MIN);
                    hit.snippet(content, room, ellipsis).text
                }
                None => hit.text(content).into_owned(),
            };
            // A line a result and a tab between columns, whatever the text holds.
            let context = context.replace(['\n', '\t'], " ");
            writeln!(out, "{prefix}{context}")
        }),
    };
    written(result.and_then(|()| out.flush()))?;
    Ok(match hits.is_empty() {
        true => EXIT_NOTHING_FOUND,
        false => EXIT_OK,
    })
}

/// `clsv print --format json`: the pack in its language, or with `--lang all` every text in
/// every language.
fn print_json(
    cli: &Cli,
    capabilities: &Capabilities,
    settings: &config::Config,
    pane: Option<Pane>,
    link: Option<&str>,
) -> Result<u8, Failure> {
    let (content, languages) = match cli.lang.as_deref() {
        Some(ALL_LANGUAGES) => (
            load(cli, capabilities).map_err(Failure::usage)?,
            print::json::Languages::All,
        ),
        _ => {
            let (content, lang) = open_pack(cli, capabilities, settings)?;
            (content, print::json::Languages::One(lang))
        }
    };
    let item = item_link(&content, link)?;
    let part = print::json::Part { pane, item };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written_out = match capabilities.ascii {
        // Every character beyond ASCII escaped: the same data, in ASCII bytes.
        true => {
            let mut ascii = print::json::AsciiEscaped::new(&mut out);
            print::json::write_pack(&content, languages, part, &mut ascii)
                .and_then(|()| ascii.flush())
        }
        false => print::json::write_pack(&content, languages, part, &mut out),
    };
    written(written_out.and_then(|()| out.flush()))?;
    Ok(EXIT_OK)
}

/// A deep link's error: its words, and the closest ids.
fn link_failure(error: clsv::link::LinkError) -> Failure {
    Failure::usage(format!("clsv: {error}"))
}

/// The item a link names for `clsv print`, which prints items and panes, not slides.
fn item_link(content: &Content, link: Option<&str>) -> Result<Option<Target>, Failure> {
    match link.map(|link| clsv::link::resolve(content, link)) {
        None => Ok(None),
        Some(Ok(Link::Item(target))) => Ok(Some(target)),
        Some(Ok(Link::Slide(_))) => Err(Failure::usage(
            "clsv: a slide's link is for the browser (clsv present/N); print names an item or a pane"
                .to_string(),
        )),
        Some(Err(error)) => Err(link_failure(error)),
    }
}

/// `--lang` for every language of the pack, where a command can give them all.
const ALL_LANGUAGES: &str = "all";

/// A `--width` that clsv can lay out, or a usage error that names the narrowest.
fn checked_width(width: Option<usize>) -> Result<Option<usize>, Failure> {
    match width {
        Some(width) if width < print::MIN_WIDTH => Err(Failure::usage(format!(
            "clsv: --width {width} is too narrow: clsv lays out text in {} columns or more",
            print::MIN_WIDTH
        ))),
        _ => Ok(width),
    }
}

/// The fewest columns of context `clsv search` gives a result, however long its title.
const SNIPPET_MIN: usize = 20;

/// The manual page: clap's, with the exit codes added.
fn man_page(out: &mut Vec<u8>) -> std::io::Result<()> {
    let command = Cli::command();
    let man = clap_mangen::Man::new(command);
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)?;
    man.render_subcommands_section(out)?;
    out.extend_from_slice(
        b".SH \"EXIT STATUS\"\n\
.TP\n0\nclsv ran and was quit; a search found something; a check found no errors.\n\
.TP\n1\na search found nothing; a check found errors (with --strict, warnings); a deck does not fit (present --check-fit).\n\
.TP\n2\na usage error, or a content pack with problems.\n\
.TP\n3\nan input or output failure: output that cannot be written, a terminal that fails, a file that cannot be read or written, an address that clsv serve cannot listen on.\n\
.TP\n101\nan internal error (the terminal is given back first).\n\
.TP\n128+n\nended by signal n (143 for SIGTERM, 129 for SIGHUP).\n",
    );
    man.render_version_section(out)?;
    man.render_authors_section(out)
}

/// `clsv doctor`: what was detected, and why.
fn doctor(
    cli: &Cli,
    capabilities: &Capabilities,
    hyperlinks: &capability::Hyperlinks,
    content: Option<&Content>,
) -> String {
    let variable = |name: &str| {
        let value = std::env::var(name).map_or("(not set)".to_string(), |v| format!("{v:?}"));
        format!("  {name:<10} {value}\n")
    };
    let mut out = format!("clsv {}\n\n", env!("CARGO_PKG_VERSION"));
    out.push_str("environment:\n");
    for name in [
        "TERM",
        "COLORTERM",
        "NO_COLOR",
        "LC_ALL",
        "LC_CTYPE",
        "LANG",
    ] {
        out.push_str(&variable(name));
    }
    let output = match (std::io::stdout().is_terminal(), crossterm::terminal::size()) {
        (true, Ok((w, h))) => format!("a terminal of {w}x{h}"),
        (true, Err(_)) => "a terminal of unknown size".to_string(),
        (false, _) => "not a terminal".to_string(),
    };
    let mode = match browser_possible() {
        true => "the interactive browser",
        false => "plain text (clsv print)",
    };
    out.push_str(&format!("\noutput:    {output}; clsv shows {mode}\n"));
    out.push_str(&format!(
        "colour:    {} ({})\n",
        capabilities.color, capabilities.color_reason
    ));
    let (glyphs, reason) = match (capabilities.ascii, capabilities.dots) {
        (true, _) => ("ASCII", capabilities.glyph_reason.as_str()),
        // The console's font: the glyph set follows what the dots were chosen for.
        (false, Dots::HalfBlock) => (
            "the Linux console's (square corners, light lines, no braille)",
            capabilities.dots_reason.as_str(),
        ),
        (false, _) => ("Unicode", capabilities.glyph_reason.as_str()),
    };
    out.push_str(&format!("glyphs:    {glyphs} ({reason})\n"));
    // What the content and the interface's words are written in follows the glyphs.
    let text = match capabilities.ascii {
        true => "transliterated to ASCII",
        false => "Unicode, as written",
    };
    out.push_str(&format!(
        "text:      {text} ({})\n",
        capabilities.glyph_reason
    ));
    out.push_str(&format!(
        "dots:      {} ({})\n",
        capabilities.dots, capabilities.dots_reason
    ));
    let links = match hyperlinks.on {
        true => "on: the sources' web addresses are clickable",
        false => "off",
    };
    out.push_str(&format!("links:     {links} ({})\n", hyperlinks.reason));
    let source = match &cli.content {
        Some(dir) => format!("the pack in {}", dir.display()),
        None => "the built-in pack".to_string(),
    };
    match content {
        Some(content) => out.push_str(&format!(
            "content:   {source}: \"{}\", languages {}, {} members\n",
            content.id,
            content.languages.join(", "),
            content.members.members.len()
        )),
        None => out.push_str(&format!(
            "content:   {source} has problems (run clsv to see them)\n"
        )),
    }
    out
}

/// How diagnostics are drawn on a stream: colour and glyphs as for the interface, colour
/// only when the stream is a terminal.
fn diagnostic_style(capabilities: &Capabilities, is_terminal: bool) -> diagnostic::Style {
    let width = crossterm::terminal::size().map_or(DEFAULT_WIDTH, |(w, _)| w as usize);
    diagnostic::Style {
        color: is_terminal && capabilities.color != capability::ColorLevel::None,
        ascii: capabilities.ascii,
        width: width.max(40),
    }
}

/// Checks the pack of `dir` (or the built-in one), the report through `content`.
fn report_for(dir: Option<&Path>) -> content::load::Report {
    match dir {
        Some(dir) => content::load::check_dir(dir),
        None => content::load::check_embedded(),
    }
}

/// `clsv check`: every problem drawn on standard output; exit 1 on errors (and, with
/// `--strict`, on warnings).
fn check(dir: Option<&Path>, strict: bool, capabilities: &Capabilities) -> Result<u8, Failure> {
    let report = report_for(dir);
    let style = diagnostic_style(capabilities, std::io::stdout().is_terminal());
    let name = dir.map_or("the built-in pack".to_string(), |d| d.display().to_string());
    let mut text = String::new();
    if !report.problems.is_empty() {
        text = diagnostic::render(&report, style);
        text.truncate(text.trim_end().len() - diagnostic::summary(&report).len());
    }
    text.push_str(&format!("{name}: {}\n", diagnostic::summary(&report)));
    if let Some(content) = &report.content {
        text.push_str(&format!(
            "{name}: \"{}\", languages {}, {} members\n",
            content.id,
            content.languages.join(", "),
            content.members.members.len()
        ));
    }
    write_out(&text)?;
    let failed = report.errors().next().is_some() || (strict && report.warnings().next().is_some());
    Ok(match failed {
        true => EXIT_NOTHING_FOUND,
        false => EXIT_OK,
    })
}

/// `clsv init DIR`: the built-in pack written out as a start, never over a pack unless
/// forced.
fn init(dir: &Path, force: bool) -> Result<u8, Failure> {
    let existing: Vec<&str> = content::load::FILES
        .iter()
        .copied()
        .chain(["README.md"])
        .filter(|name| dir.join(name).exists())
        .collect();
    if !existing.is_empty() && !force {
        return Err(Failure::usage(format!(
            "clsv: {} already holds a pack ({}); use --force to overwrite it",
            dir.display(),
            existing.join(", ")
        )));
    }
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::io(format!("clsv: cannot create {}: {e}", dir.display())))?;
    // The pack's files, and beside them the guide to their format.
    let guide = ("README.md", clsv::guide::text(clsv::guide::Topic::Content));
    for (name, text) in content::load::embedded_files().chain([guide]) {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| Failure::io(format!("clsv: cannot write {}: {e}", path.display())))?;
    }
    let shown = dir.display();
    write_out(&format!(
        "clsv: wrote the built-in pack to {shown}\n  check it:   clsv check {shown}\n  browse it:  clsv --content {shown}\n  the format: {shown}/README.md, or clsv help content\n"
    ))?;
    Ok(EXIT_OK)
}

fn load(cli: &Cli, capabilities: &Capabilities) -> Result<Content, String> {
    // The built-in pack was checked when clsv was built; a pack on disk is checked now.
    let report = match cli.content.as_deref() {
        Some(dir) => content::load::check_dir(dir),
        None => clsv::builtin::report(),
    };
    let style = diagnostic_style(capabilities, std::io::stderr().is_terminal());
    let missing_file = report
        .problems
        .iter()
        .any(|p| p.kind == ProblemKind::MissingFile);
    let errors = report.errors().count();
    // Drawn only when the pack does not load: warnings alone do not stop the browser.
    let rendered = match errors {
        0 => String::new(),
        _ => diagnostic::render_problems(&report, style),
    };
    report.into_result().map_err(|_| {
        let noun = if errors == 1 { "problem" } else { "problems" };
        let mut message = format!("{rendered}clsv: the content pack has {errors} {noun}");
        if missing_file {
            message.push_str(&format!(
                "\nclsv: a pack is a folder with the files {} (see clsv help content)",
                content::load::FILES.join(", ")
            ));
        }
        message
    })
}
