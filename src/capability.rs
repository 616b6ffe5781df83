//! What the terminal can show, decided once at start from the environment and the flags:
//! a colour level, a glyph set, the dots drawings are made of and whether web addresses are
//! links, each with the reason it was chosen (`clsv doctor` prints them).
//!
//! The environment is passed in as a lookup function, so detection is a pure function that
//! tests can drive with any environment.

use std::fmt;

/// How many colours the terminal shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ColorLevel {
    /// No colour: attributes only (reverse video, bold, underline).
    None,
    /// The 16 ANSI colours.
    Basic16,
    /// The 256-colour palette.
    Ansi256,
    /// 24-bit colour.
    TrueColor,
}

impl fmt::Display for ColorLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ColorLevel::None => "no colour",
            ColorLevel::Basic16 => "16 colours",
            ColorLevel::Ansi256 => "256 colours",
            ColorLevel::TrueColor => "24-bit colour",
        })
    }
}

/// The `--color` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ColorChoice {
    /// Colour when the terminal supports it and NO_COLOR is not set.
    #[default]
    Auto,
    /// Colour even where NO_COLOR is set or the terminal seems not to support it.
    Always,
    /// No colour.
    Never,
}

/// The `--hyperlinks` flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum HyperlinkChoice {
    /// Links when the output is a terminal that shows them (as `ls --hyperlink=auto`, but
    /// not on the Linux console or a terminal without colour, which print the sequences).
    #[default]
    Auto,
    /// Links whatever the terminal.
    Always,
    /// No links.
    Never,
}

/// The characters a drawing (the world map) is made of, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dots {
    /// Braille patterns: 2×4 dots a cell.
    Braille,
    /// Half blocks (`▀`, `▄`, `█`): 1×2 a cell, in every console font that has box drawing.
    HalfBlock,
    /// ASCII characters (`'`, `.`, `:`): 1×2 a cell.
    Ascii,
}

impl fmt::Display for Dots {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Dots::Braille => "braille",
            Dots::HalfBlock => "half blocks",
            Dots::Ascii => "ASCII",
        })
    }
}

/// What was decided, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Capabilities {
    pub color: ColorLevel,
    pub color_reason: String,
    pub ascii: bool,
    pub glyph_reason: String,
    pub dots: Dots,
    pub dots_reason: String,
}

/// Terminals that show no colour at all.
const MONOCHROME_TERMS: [&str; 4] = ["vt100", "vt102", "vt220", "vt52"];

/// Terminals without Unicode box drawing, whatever the locale says.
const ASCII_TERMS: [&str; 5] = ["vt100", "vt102", "vt220", "vt52", "dumb"];

/// Terminals with Unicode whose usual fonts have no braille: the Linux console loads a font of
/// 256 or 512 glyphs, with box drawing and half blocks but no braille patterns.
const NO_BRAILLE_TERMS: [&str; 1] = ["linux"];

/// Terminals that print an OSC 8 sequence instead of taking it: the Linux console, and the
/// terminals without colour (a serial terminal, an emulator of one, `dumb`).
const NO_LINK_TERMS: [&str; 6] = ["linux", "dumb", "vt100", "vt102", "vt220", "vt52"];

/// Whether the web addresses of the sources are links (OSC 8), and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hyperlinks {
    pub on: bool,
    pub reason: String,
}

/// Decides whether the sources' web addresses are links, from the flag, the environment
/// (`env` looks a variable up: `TERM`) and whether the output is a terminal: for `auto`, on
/// a terminal whose `TERM` is set and is not one of [`NO_LINK_TERMS`]. A terminal that does
/// not know OSC 8 and is not one of those ignores it, as it ignores any OSC it does not know.
pub fn detect_hyperlinks(
    env: &dyn Fn(&str) -> Option<String>,
    choice: HyperlinkChoice,
    output_is_terminal: bool,
) -> Hyperlinks {
    let (on, reason) = match choice {
        HyperlinkChoice::Never => (false, "--hyperlinks never".to_string()),
        HyperlinkChoice::Always => (true, "--hyperlinks always".to_string()),
        HyperlinkChoice::Auto => {
            let term = env("TERM").filter(|v| !v.is_empty()).unwrap_or_default();
            let base = term.split('-').next().unwrap_or("").to_ascii_lowercase();
            if !output_is_terminal {
                (false, "the output is not a terminal".to_string())
            } else if term.is_empty() {
                (false, "TERM is not set".to_string())
            } else if NO_LINK_TERMS.contains(&base.as_str()) {
                (false, format!("TERM={term} does not take them"))
            } else {
                (true, format!("TERM={term}, a terminal"))
            }
        }
    };
    Hyperlinks { on, reason }
}

/// Decides colour, glyphs and dots from the environment (`env` looks a variable up) and the flags.
pub fn detect(
    env: &dyn Fn(&str) -> Option<String>,
    choice: ColorChoice,
    ascii_flag: bool,
) -> Capabilities {
    let non_empty = |name: &str| env(name).filter(|v| !v.is_empty());
    let term = non_empty("TERM").unwrap_or_default();
    let base = term.split('-').next().unwrap_or("").to_ascii_lowercase();
    let term_level = match non_empty("COLORTERM").map(|v| v.to_ascii_lowercase()) {
        Some(v) if v == "truecolor" || v == "24bit" => {
            (ColorLevel::TrueColor, format!("COLORTERM={v}"))
        }
        _ if term.is_empty() => (ColorLevel::None, "TERM is not set".to_string()),
        _ if base == "dumb" || MONOCHROME_TERMS.contains(&base.as_str()) => {
            (ColorLevel::None, format!("TERM={term} has no colour"))
        }
        _ if term.contains("256color") => (ColorLevel::Ansi256, format!("TERM={term}")),
        _ => (ColorLevel::Basic16, format!("TERM={term}")),
    };
    let (color, color_reason) = match choice {
        ColorChoice::Never => (ColorLevel::None, "--color never".to_string()),
        ColorChoice::Always => (
            term_level.0.max(ColorLevel::Basic16),
            format!("--color always ({})", term_level.1),
        ),
        ColorChoice::Auto => match non_empty("NO_COLOR") {
            Some(_) => (ColorLevel::None, "NO_COLOR is set".to_string()),
            None => term_level,
        },
    };
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .find_map(|name| non_empty(name).map(|value| (*name, value)));
    let (ascii, glyph_reason) = if ascii_flag {
        (true, "--ascii".to_string())
    } else if ASCII_TERMS.contains(&base.as_str()) {
        (true, format!("TERM={term} has no Unicode line drawing"))
    } else {
        match locale {
            Some((name, value)) if is_utf8(&value) => (false, format!("{name}={value}")),
            Some((name, value)) => (true, format!("{name}={value} is not UTF-8")),
            None => (
                true,
                "no locale is set (LC_ALL, LC_CTYPE, LANG): not UTF-8".to_string(),
            ),
        }
    };
    let (dots, dots_reason) = if ascii {
        (Dots::Ascii, format!("glyphs are ASCII: {glyph_reason}"))
    } else if NO_BRAILLE_TERMS.contains(&base.as_str()) {
        (
            Dots::HalfBlock,
            format!("TERM={term}: its console font has no braille"),
        )
    } else {
        (Dots::Braille, glyph_reason.clone())
    };
    Capabilities {
        color,
        color_reason,
        ascii,
        glyph_reason,
        dots,
        dots_reason,
    }
}

fn is_utf8(locale: &str) -> bool {
    let lower = locale.to_ascii_lowercase();
    lower.contains("utf-8") || lower.contains("utf8")
}

/// Looks a variable up in this process's environment.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect_in(vars: &[(&str, &str)], choice: ColorChoice, ascii: bool) -> Capabilities {
        let lookup = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        detect(&lookup, choice, ascii)
    }

    const UTF8: (&str, &str) = ("LANG", "ro_RO.UTF-8");

    #[test]
    fn links_follow_the_flag_the_output_and_the_terminal() {
        let links = |vars: &[(&str, &str)], choice, terminal| {
            let lookup = |name: &str| {
                vars.iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            };
            detect_hyperlinks(&lookup, choice, terminal)
        };
        use HyperlinkChoice::{Always, Auto, Never};
        let on = |vars: &[(&str, &str)], choice, terminal| links(vars, choice, terminal).on;
        let xterm = [("TERM", "xterm-256color")];
        // auto: a terminal, with a TERM that takes them.
        assert!(on(&xterm, Auto, true));
        assert!(on(&[("TERM", "tmux-256color")], Auto, true));
        assert!(on(&[("TERM", "xterm-kitty")], Auto, true));
        assert!(on(&[("TERM", "screen")], Auto, true), "ignored if unknown");
        assert!(!on(&xterm, Auto, false), "not a terminal");
        assert!(!on(&[], Auto, true), "TERM not set");
        assert!(!on(&[("TERM", "")], Auto, true), "TERM empty");
        for term in [
            "linux", "dumb", "vt100", "vt102", "vt220", "vt52", "vt100-am",
        ] {
            assert!(!on(&[("TERM", term)], Auto, true), "TERM={term}");
        }
        // always and never, whatever the terminal.
        for (vars, terminal) in [
            (&xterm[..], true),
            (&[("TERM", "linux")], false),
            (&[], true),
        ] {
            assert!(on(vars, Always, terminal));
            assert!(!on(vars, Never, terminal));
        }
        // Each with its reason, for clsv doctor.
        assert_eq!(
            links(&xterm, Auto, true).reason,
            "TERM=xterm-256color, a terminal"
        );
        assert_eq!(
            links(&[("TERM", "linux")], Auto, true).reason,
            "TERM=linux does not take them"
        );
        assert_eq!(
            links(&xterm, Auto, false).reason,
            "the output is not a terminal"
        );
        assert_eq!(links(&[], Auto, true).reason, "TERM is not set");
        assert_eq!(links(&xterm, Never, true).reason, "--hyperlinks never");
        assert_eq!(
            links(&[("TERM", "dumb")], Always, true).reason,
            "--hyperlinks always"
        );
    }

    #[test]
    fn colour_levels_follow_colorterm_and_term() {
        let level = |vars: &[(&str, &str)]| detect_in(vars, ColorChoice::Auto, false).color;
        assert_eq!(
            level(&[("TERM", "xterm-256color"), ("COLORTERM", "truecolor")]),
            ColorLevel::TrueColor
        );
        assert_eq!(
            level(&[("TERM", "xterm-256color"), ("COLORTERM", "24bit")]),
            ColorLevel::TrueColor
        );
        assert_eq!(level(&[("TERM", "xterm-256color")]), ColorLevel::Ansi256);
        assert_eq!(level(&[("TERM", "screen-256color")]), ColorLevel::Ansi256);
        assert_eq!(level(&[("TERM", "xterm")]), ColorLevel::Basic16);
        assert_eq!(level(&[("TERM", "linux")]), ColorLevel::Basic16);
        assert_eq!(level(&[("TERM", "screen")]), ColorLevel::Basic16);
        assert_eq!(level(&[("TERM", "vt100")]), ColorLevel::None);
        assert_eq!(level(&[("TERM", "dumb")]), ColorLevel::None);
        assert_eq!(level(&[]), ColorLevel::None);
    }

    #[test]
    fn no_color_and_the_flag_decide_over_the_terminal() {
        let vars = [("TERM", "xterm-256color"), ("NO_COLOR", "1")];
        let auto = detect_in(&vars, ColorChoice::Auto, false);
        assert_eq!(auto.color, ColorLevel::None);
        assert_eq!(auto.color_reason, "NO_COLOR is set");
        // An empty NO_COLOR does not count (no-color.org).
        assert_eq!(
            detect_in(
                &[("TERM", "xterm"), ("NO_COLOR", "")],
                ColorChoice::Auto,
                false
            )
            .color,
            ColorLevel::Basic16
        );
        assert_eq!(
            detect_in(&vars, ColorChoice::Always, false).color,
            ColorLevel::Ansi256
        );
        assert_eq!(
            detect_in(&[("TERM", "vt100")], ColorChoice::Always, false).color,
            ColorLevel::Basic16
        );
        assert_eq!(
            detect_in(&[("TERM", "xterm-256color")], ColorChoice::Never, false).color,
            ColorLevel::None
        );
    }

    #[test]
    fn glyphs_follow_the_locale_the_terminal_and_the_flag() {
        let ascii = |vars: &[(&str, &str)], flag| detect_in(vars, ColorChoice::Auto, flag).ascii;
        assert!(!ascii(&[("TERM", "xterm"), UTF8], false));
        assert!(!ascii(
            &[("TERM", "xterm"), ("LC_ALL", "C.utf8"), ("LANG", "C")],
            false
        ));
        assert!(ascii(&[("TERM", "xterm"), ("LANG", "C")], false));
        assert!(
            ascii(&[("TERM", "xterm"), ("LC_ALL", "POSIX"), UTF8], false),
            "LC_ALL decides"
        );
        assert!(ascii(&[("TERM", "xterm")], false), "no locale");
        assert!(ascii(&[("TERM", "vt100"), UTF8], false));
        assert!(ascii(&[("TERM", "xterm"), UTF8], true));
        let reason = detect_in(
            &[("TERM", "xterm"), ("LANG", "C")],
            ColorChoice::Auto,
            false,
        )
        .glyph_reason;
        assert_eq!(reason, "LANG=C is not UTF-8");
    }

    #[test]
    fn dots_are_braille_in_a_utf8_terminal() {
        let found = detect_in(
            &[("TERM", "xterm-256color"), UTF8],
            ColorChoice::Auto,
            false,
        );
        assert_eq!(found.dots, Dots::Braille);
        assert_eq!(found.dots_reason, "LANG=ro_RO.UTF-8");
    }

    #[test]
    fn dots_are_half_blocks_on_the_linux_console() {
        let found = detect_in(&[("TERM", "linux"), UTF8], ColorChoice::Auto, false);
        assert_eq!(found.dots, Dots::HalfBlock);
        assert!(!found.ascii, "the console keeps its Unicode glyphs");
        assert_eq!(
            found.dots_reason,
            "TERM=linux: its console font has no braille"
        );
    }

    #[test]
    fn dots_are_ascii_wherever_the_glyphs_are() {
        let flag = detect_in(&[("TERM", "xterm"), UTF8], ColorChoice::Auto, true);
        assert_eq!(flag.dots, Dots::Ascii);
        assert_eq!(flag.dots_reason, "glyphs are ASCII: --ascii");
        let linux_flag = detect_in(&[("TERM", "linux"), UTF8], ColorChoice::Auto, true);
        assert_eq!(
            linux_flag.dots,
            Dots::Ascii,
            "--ascii wins over the console"
        );
        let c_locale = detect_in(
            &[("TERM", "linux"), ("LANG", "C")],
            ColorChoice::Auto,
            false,
        );
        assert_eq!(c_locale.dots, Dots::Ascii);
        assert_eq!(
            c_locale.dots_reason,
            "glyphs are ASCII: LANG=C is not UTF-8"
        );
    }
}
