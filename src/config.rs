//! The user's configuration: `config.ron` in the platform's configuration folder
//! (`$XDG_CONFIG_HOME/clsv/` on Linux). It sets the default language, colour, glyph and link
//! choices, theme colours and keys (over the defaults). A configuration with problems is
//! reported like a pack, with its place in the file, and clsv starts on the defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use etcetera::BaseStrategy;
use ratatui::style::Color;
use serde::Deserialize;

use crate::capability::{ColorChoice, HyperlinkChoice};
use crate::content::load::{PackFile, Problem, ProblemKind, Report, Severity, parse, read_file};
use crate::content::locate::{Step, locate_span};
use crate::keymap::{ACTION_NAMES, Key, Keymap, MODE_NAMES};
use crate::theme::Colors;

/// The file as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "Config")]
struct RawConfig {
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    color: Option<ColorChoice>,
    #[serde(default)]
    ascii: Option<bool>,
    #[serde(default)]
    hyperlinks: Option<HyperlinkChoice>,
    #[serde(default)]
    colors: BTreeMap<String, String>,
    #[serde(default)]
    keys: BTreeMap<String, BTreeMap<String, Vec<String>>>,
}

/// What the configuration says, checked.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub language: Option<String>,
    pub color: Option<ColorChoice>,
    pub ascii: Option<bool>,
    pub hyperlinks: Option<HyperlinkChoice>,
    pub colors: Colors,
    pub keymap: Arc<Keymap>,
}

/// The configuration file's place.
pub fn default_path() -> Option<PathBuf> {
    etcetera::choose_base_strategy()
        .ok()
        .map(|base| base.config_dir().join("clsv").join("config.ron"))
}

/// What reading the configuration gave: the configuration (the defaults when there is no
/// file or it has problems), and the problems, to show like a pack's.
pub struct Loaded {
    pub config: Config,
    /// The file read, if there was one.
    pub path: Option<PathBuf>,
    pub report: Option<Report>,
}

/// Reads the configuration at `path`, if the file exists.
pub fn load(path: Option<&Path>) -> Loaded {
    let Some(path) = path.filter(|p| p.exists()) else {
        return Loaded {
            config: Config::default(),
            path: None,
            report: None,
        };
    };
    let (file, problem) = read_file(path, "config.ron");
    if let Some(problem) = problem {
        return refused(path, vec![file], vec![problem]);
    }
    let mut problems = Vec::new();
    let Some(raw) = parse::<RawConfig>(&file, &mut problems) else {
        return refused(path, vec![file], problems);
    };
    let mut report = |path: &[Step], message: String| {
        let span = locate_span(&file.text, path);
        problems.push(Problem {
            file: file.display.clone(),
            position: Some(crate::content::locate::Position::of_offset(
                &file.text, span.start,
            )),
            span: Some(span),
            severity: Severity::Error,
            kind: ProblemKind::Invalid(message),
        });
    };
    let mut colors = Colors::default();
    for (name, value) in &raw.colors {
        let path = [Step::Field("colors"), Step::Key(name)];
        let slot = match name.as_str() {
            "accent" => &mut colors.accent,
            "bar" => &mut colors.bar,
            "bar_text" => &mut colors.bar_text,
            "heading" => &mut colors.heading,
            "dim" => &mut colors.dim,
            "warning" => &mut colors.warning,
            other => {
                report(
                    &path,
                    format!(
                        "no colour named \"{other}\" (colours: accent, bar, bar_text, heading, dim, warning)"
                    ),
                );
                continue;
            }
        };
        match value.parse::<Color>() {
            Ok(color) => *slot = Some(color),
            Err(_) => report(
                &path,
                format!(
                    "\"{value}\" is not a colour (a name such as cyan, a number 0-255, or #rrggbb)"
                ),
            ),
        }
    }
    let mut keymap = Keymap::default();
    for (mode_name, bindings) in &raw.keys {
        let mode_path = [Step::Field("keys"), Step::Key(mode_name)];
        let Some(&(_, mode)) = MODE_NAMES.iter().find(|(n, _)| n == mode_name) else {
            let known: Vec<&str> = MODE_NAMES.iter().map(|(n, _)| *n).collect();
            report(
                &mode_path,
                format!("no mode \"{mode_name}\" (modes: {})", known.join(", ")),
            );
            continue;
        };
        for (action_name, keys) in bindings {
            let action_path = [mode_path[0], mode_path[1], Step::Key(action_name)];
            let Some(&(_, action)) = ACTION_NAMES.iter().find(|(n, _)| n == action_name) else {
                report(
                    &action_path,
                    format!("no action \"{action_name}\" (`clsv help config` lists the names)"),
                );
                continue;
            };
            let mut parsed = Vec::new();
            for (i, key) in keys.iter().enumerate() {
                match key.parse::<Key>() {
                    Ok(key) => parsed.push(key),
                    Err(message) => {
                        let mut key_path = action_path.to_vec();
                        key_path.push(Step::Index(i));
                        report(&key_path, message);
                    }
                }
            }
            if !parsed.is_empty() {
                keymap.rebind(mode, action, &parsed);
            }
        }
    }
    if !problems.is_empty() {
        return refused(path, vec![file], problems);
    }
    let config = Config {
        language: raw.language,
        color: raw.color,
        ascii: raw.ascii,
        hyperlinks: raw.hyperlinks,
        colors,
        keymap: Arc::new(keymap),
    };
    Loaded {
        config,
        path: Some(path.to_path_buf()),
        report: None,
    }
}

/// The defaults, with the problems that kept the file from being used.
fn refused(path: &Path, files: Vec<PackFile>, problems: Vec<Problem>) -> Loaded {
    Loaded {
        config: Config::default(),
        path: Some(path.to_path_buf()),
        report: Some(Report {
            content: None,
            problems,
            files,
        }),
    }
}
