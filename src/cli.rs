//! The command line: flags and their parsing (clap). What each mode does lives elsewhere.

use std::path::PathBuf;
use std::str::FromStr;

use clap::{Parser, Subcommand};

use crate::capability::{ColorChoice, HyperlinkChoice};
use crate::present::SlideRef;
use crate::vocabulary::Pane;

/// A terminal browser for the profile of the Freedom Online Coalition (Coaliţia privind
/// Libertatea în Spaţiul Virtual): its overview, members, declaration and areas of action.
#[derive(Debug, Parser)]
#[command(name = "clsv", version, about, long_about = None, disable_help_subcommand = true)]
pub struct Cli {
    /// Read the content pack from this folder instead of the one built in.
    #[arg(long, value_name = "DIR", global = true)]
    pub content: Option<PathBuf>,

    /// Use this language of the pack (for example ro or en).
    #[arg(long, value_name = "LANG", global = true)]
    pub lang: Option<String>,

    /// Start on this pane (with print: print only it): overview, members, declaration,
    /// actions (or 1-4).
    #[arg(long, value_name = "NAME", global = true)]
    pub tab: Option<PaneArg>,

    /// Colours: auto (from the terminal and NO_COLOR), always or never [default: auto, or the
    /// configuration's].
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub color: Option<ColorChoice>,

    /// Make the sources' web addresses clickable links (OSC 8): auto (when the output is a
    /// terminal other than linux, dumb or vt100; for clsv serve, from each client's TERM),
    /// always or never [default: auto, or the configuration's].
    #[arg(long, value_enum, value_name = "WHEN", global = true)]
    pub hyperlinks: Option<HyperlinkChoice>,

    /// Read the pack (--content DIR) again whenever it changes, keeping the last good version
    /// on screen while an edit is broken.
    #[arg(long, requires = "content")]
    pub watch: bool,

    /// Write ASCII characters only, for terminals without Unicode: no box drawing, and the
    /// text transliterated (letters without their marks, typographic quotes as ").
    #[arg(long, global = true)]
    pub ascii: bool,

    /// Open on this item: its pane and id (members/md, declaration/privacy,
    /// actions/civil-society-support, overview/moldova), a pane (members), or a slide
    /// (present/3, present/members).
    #[arg(value_name = "LINK")]
    pub link: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do instead of browsing.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the pack as plain linear text (what clsv does by itself when its output is not a
    /// terminal, or TERM is dumb).
    Print {
        /// Wrap to this many columns, at least 20 (default: the terminal's width, or 80
        /// without one).
        #[arg(long, value_name = "N")]
        width: Option<usize>,
        /// Plain text, Markdown, or JSON for programs (`clsv help json`; with `--lang all`,
        /// each text in every language).
        #[arg(long, value_enum, default_value_t = PrintFormat::Text)]
        format: PrintFormat,
        /// Print only this item (members/md, declaration/privacy, overview/moldova) or pane
        /// (members).
        #[arg(value_name = "LINK")]
        link: Option<String>,
    },
    /// Show the pack as slides for a room (keys: Right or Space next, Left back, a number and
    /// Enter to go there, b blank, t timer, ? help, Esc browse, q quit).
    Present {
        /// Open at this slide: its number (from 1), or what it shows: title, timeline,
        /// members, or the id of a section, a right or an area of action.
        #[arg(long, value_name = "N|ID")]
        start: Option<SlideRef>,
        /// The time the talk may take (20m, 90s, 1h30m): a countdown that turns yellow in the
        /// last two minutes and red when over.
        #[arg(long, value_name = "TIME", value_parser = parse_duration)]
        duration: Option<std::time::Duration>,
        /// The speaker's view: the slide beside the next one, the notes and the timers.
        #[arg(long)]
        notes: bool,
        /// Pair with the `clsv present` this user runs in another terminal (the projector):
        /// open on its slide, and keys in either terminal move both. Meant with --notes, for
        /// the speaker's own screen. Exit 2 if no presentation is running.
        #[arg(long, conflicts_with_all = ["start", "check_fit"])]
        follow: bool,
        /// List every slide that does not fit a screen of this size (such as 80x24) and exit:
        /// 0 if all fit, 1 if not.
        #[arg(long, value_name = "WxH", value_parser = parse_size)]
        check_fit: Option<(u16, u16)>,
    },
    /// Serve the browser over SSH: `ssh -p 2222 host` (or `ssh -t -p 2222 host en` for a
    /// language), each connection its own session.
    Serve {
        /// The address to listen on.
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:2222")]
        listen: std::net::SocketAddr,
        /// The host key (created on first start; default: in the user's state folder).
        #[arg(long, value_name = "FILE")]
        host_key: Option<PathBuf>,
        /// Only the keys in this file (OpenSSH authorized_keys format) may connect.
        #[arg(long, value_name = "FILE")]
        authorized_keys: Option<PathBuf>,
        /// The most sessions at once; the next client is told the server is full.
        #[arg(long, value_name = "N", default_value_t = 64)]
        max_sessions: usize,
        /// The most connections from one address at once [default: 8, or none with --present,
        /// where a hall's readers may all come from one address]
        #[arg(long, value_name = "N")]
        max_per_address: Option<usize>,
        /// Sessions idle this long are closed (such as 15m).
        #[arg(long, value_name = "TIME", default_value = "15m", value_parser = parse_duration)]
        idle_timeout: std::time::Duration,
        /// Present the pack as slides instead: connections with a key of --presenter-keys
        /// drive them, every other connection follows (`ssh -t host notes` opens a
        /// presenter's speaker view).
        #[arg(long, requires = "presenter_keys")]
        present: bool,
        /// The presenters' public keys (OpenSSH authorized_keys format).
        #[arg(long, value_name = "FILE", requires = "present")]
        presenter_keys: Option<PathBuf>,
        /// With --present: the time the talk may take (20m, 90s, 1h30m), a countdown on
        /// every presenter's screen that turns yellow in the last two minutes and red when
        /// over. The talk's timer starts when the first presenter connects, and t in any
        /// presenter's session starts it again for all.
        #[arg(long, value_name = "TIME", requires = "present", value_parser = parse_duration)]
        duration: Option<std::time::Duration>,
        /// Clients that have not logged in this long after connecting are dropped.
        #[arg(long, value_name = "TIME", default_value = "20s", value_parser = parse_duration)]
        login_timeout: std::time::Duration,
        /// How the log lines on stderr are written.
        #[arg(long, value_enum, default_value_t = LogFormat::Text)]
        log_format: LogFormat,
        /// Behind a load balancer (such as HAProxy with send-proxy or send-proxy-v2): every
        /// connection starts with a PROXY protocol header (v1 or v2) naming the reader's
        /// address, which the limits, the log and refusals use; a connection without one is
        /// dropped.
        #[arg(long)]
        proxy_protocol: bool,
    },
    /// Print a guide: content (the pack's format), config (the configuration file) or json
    /// (the JSON output); without one, the flags and commands.
    Help {
        #[arg(value_enum)]
        topic: Option<crate::guide::Topic>,
    },
    /// Show what clsv detects of the terminal (colours, glyphs, links) and why.
    Doctor,
    /// Print shell completions for bash, zsh or fish (see README for where they go).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), for `man -l -` or a man folder.
    Man,
    /// Check a content pack (default: the built-in one) and show every problem, with its
    /// place in the file; exit 1 if there are errors.
    Check {
        /// The pack's folder.
        dir: Option<PathBuf>,
        /// Fail on warnings too (such as a text missing in a language, which falls back).
        #[arg(long)]
        strict: bool,
    },
    /// Write the built-in pack to DIR, as a start for a pack of your own.
    Init {
        /// Where to write it (created if needed).
        dir: PathBuf,
        /// Overwrite a pack already there.
        #[arg(long)]
        force: bool,
    },
    /// Print the search results for QUERY, one per line (pane, id, title, the match in
    /// context, separated by tabs), and exit 0 if something matched, 1 if nothing did.
    Search {
        /// The words to look for; case and diacritics do not matter. `region:WORD`
        /// (`regiune:`) and `year:WORD` (`an:`) look for a word in that field of members only.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// A line of text a result, or a line of JSON a result (`clsv help json`).
        #[arg(long, value_enum, default_value_t = SearchFormat::Text)]
        format: SearchFormat,
        /// Cut each result's context to fit this many columns, at least 20 (default: the
        /// terminal's width; into a pipe, the field's whole text).
        #[arg(long, value_name = "N")]
        width: Option<usize>,
    },
}

/// What `clsv print` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PrintFormat {
    Text,
    Markdown,
    Json,
}

/// What `clsv search` writes: a line of text a result, or a line of JSON a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SearchFormat {
    Text,
    Json,
}

/// How `clsv serve` writes its log lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    crate::present::parse_duration(text)
}

/// A screen size written as `80x24`.
fn parse_size(text: &str) -> Result<(u16, u16), String> {
    let (w, h) = text
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| format!("\"{text}\" is not a size such as 80x24"))?;
    let number = |n: &str| n.trim().parse::<u16>().ok().filter(|&n| n > 0);
    match (number(w), number(h)) {
        (Some(w), Some(h)) => Ok((w, h)),
        _ => Err(format!("\"{text}\" is not a size such as 80x24")),
    }
}

/// A pane named on the command line, in English, Romanian (with or without diacritics) or by
/// its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneArg(pub Pane);

impl FromStr for PaneArg {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let folded: String = name
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| match c {
                'ă' | 'â' => 'a',
                'î' => 'i',
                'ş' | 'ș' => 's',
                'ţ' | 'ț' => 't',
                c => c,
            })
            .collect();
        let pane = match folded.as_str() {
            "1" | "overview" | "prezentare" => Pane::Overview,
            "2" | "members" | "membri" => Pane::Members,
            "3" | "declaration" | "declaratie" => Pane::Declaration,
            "4" | "actions" | "actiuni" => Pane::Actions,
            _ => {
                return Err(format!(
                    "no pane \"{name}\": use overview, members, declaration or actions (or 1-4)"
                ));
            }
        };
        Ok(PaneArg(pane))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_panes_in_either_language_or_by_number() {
        assert_eq!("members".parse(), Ok(PaneArg(Pane::Members)));
        assert_eq!("Membri".parse(), Ok(PaneArg(Pane::Members)));
        assert_eq!("declaraţie".parse(), Ok(PaneArg(Pane::Declaration)));
        assert_eq!("Acțiuni".parse(), Ok(PaneArg(Pane::Actions)));
        assert_eq!("1".parse(), Ok(PaneArg(Pane::Overview)));
        assert!("5".parse::<PaneArg>().is_err());
    }

    #[test]
    fn parses_the_flags() {
        let cli =
            Cli::try_parse_from(["clsv", "--lang", "en", "--tab", "members", "--content", "x"])
                .unwrap();
        assert_eq!(cli.lang.as_deref(), Some("en"));
        assert_eq!(cli.tab, Some(PaneArg(Pane::Members)));
        assert_eq!(cli.content, Some(PathBuf::from("x")));
        assert!(Cli::try_parse_from(["clsv", "--tab", "nowhere"]).is_err());
        let cli =
            Cli::try_parse_from(["clsv", "search", "Republica", "Cehă", "--lang", "en"]).unwrap();
        assert_eq!(cli.lang.as_deref(), Some("en"));
        let Some(Command::Search { query, .. }) = cli.command else {
            panic!("not a search: {:?}", cli.command);
        };
        assert_eq!(query, ["Republica", "Cehă"]);
        assert!(Cli::try_parse_from(["clsv", "search"]).is_err());
        let cli = Cli::try_parse_from([
            "clsv",
            "present",
            "--start",
            "3",
            "--duration",
            "20m",
            "--check-fit",
            "80x24",
        ])
        .unwrap();
        let Some(Command::Present {
            start,
            duration,
            check_fit,
            notes,
            follow,
        }) = cli.command
        else {
            panic!("not present");
        };
        assert_eq!(
            (start, check_fit, notes, follow),
            (Some(SlideRef::Number(3)), Some((80, 24)), false, false)
        );
        assert_eq!(duration, Some(std::time::Duration::from_secs(1200)));
        assert!(Cli::try_parse_from(["clsv", "present", "--start", "0"]).is_err());
        let cli = Cli::try_parse_from(["clsv", "present", "--start", "members"]).unwrap();
        let Some(Command::Present { start, .. }) = cli.command else {
            panic!("not present");
        };
        assert_eq!(start, Some(SlideRef::Id("members".to_string())));
        assert!(Cli::try_parse_from(["clsv", "present", "--check-fit", "80"]).is_err());
        // A follower opens where the projector is.
        let cli = Cli::try_parse_from(["clsv", "present", "--notes", "--follow"]).unwrap();
        assert!(matches!(
            cli.command,
            Some(Command::Present {
                follow: true,
                notes: true,
                ..
            })
        ));
        assert!(Cli::try_parse_from(["clsv", "present", "--follow", "--start", "2"]).is_err());
    }

    #[test]
    fn the_per_address_limit_is_unset_unless_given() {
        let limit = |args: &[&str]| match Cli::try_parse_from(args).unwrap().command {
            Some(Command::Serve {
                max_per_address, ..
            }) => max_per_address,
            other => panic!("not serve: {other:?}"),
        };
        assert_eq!(limit(&["clsv", "serve"]), None);
        assert_eq!(limit(&["clsv", "serve", "--max-per-address", "3"]), Some(3));
    }
}
