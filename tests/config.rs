//! The configuration file: each setting, a file with problems (reported, defaults used), and a
//! rebound key in the help.
#![allow(clippy::unwrap_used, clippy::expect_used)] // a test fails loudly by design

mod common;

use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;

use clsv::action::Action;
use clsv::app::{App, StartAt};
use clsv::capability::ColorLevel;
use clsv::config;
use clsv::theme::Theme;
use clsv::vocabulary::{Mode, Pane};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::Color;

/// A configuration folder holding `text` as clsv/config.ron.
fn config_home(text: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("clsv")).unwrap();
    std::fs::write(home.path().join("clsv/config.ron"), text).unwrap();
    home
}

fn clsv_with(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_clsv"))
        .args(args)
        .env("XDG_CONFIG_HOME", home)
        .env("TERM", "xterm-256color")
        .env("LANG", "C.UTF-8")
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn loaded(text: &str) -> config::Loaded {
    let home = config_home(text);
    config::load(Some(&home.path().join("clsv/config.ron")))
}

#[test]
fn the_language_setting_chooses_the_start_language() {
    let home = config_home(r#"Config(language: "en")"#);
    let text =
        String::from_utf8(clsv_with(home.path(), &["print", "--tab", "members"]).stdout).unwrap();
    assert!(text.contains("Members (22)"), "{text}");
    let flag = String::from_utf8(
        clsv_with(home.path(), &["print", "--lang", "ro", "--tab", "members"]).stdout,
    )
    .unwrap();
    assert!(flag.contains("Membri (22)"), "the flag wins");
}

#[test]
fn colour_and_glyph_settings_are_used_and_said_where_they_come_from() {
    let home = config_home("Config(color: never, ascii: true)");
    let text = String::from_utf8(clsv_with(home.path(), &["doctor"]).stdout).unwrap();
    assert!(
        text.contains("colour:    no colour (color in the configuration: never)"),
        "{text}"
    );
    assert!(
        text.contains("glyphs:    ASCII (ascii in the configuration)"),
        "{text}"
    );
    assert!(
        text.contains("dots:      ASCII (glyphs are ASCII: ascii in the configuration)"),
        "{text}"
    );
    assert!(text.contains("config.ron (read)"), "{text}");
    let flag =
        String::from_utf8(clsv_with(home.path(), &["doctor", "--color", "always"]).stdout).unwrap();
    assert!(flag.contains("(--color always"), "the flag wins: {flag}");
}

#[test]
fn the_links_setting_is_used_and_said_where_it_comes_from() {
    let home = config_home("Config(hyperlinks: always)");
    let text = String::from_utf8(clsv_with(home.path(), &["doctor"]).stdout).unwrap();
    assert!(
        text.contains("links:     on: the sources' web addresses are clickable (hyperlinks in the configuration: always)"),
        "{text}"
    );
    let flag =
        String::from_utf8(clsv_with(home.path(), &["doctor", "--hyperlinks", "never"]).stdout)
            .unwrap();
    assert!(
        flag.contains("links:     off (--hyperlinks never)"),
        "the flag wins: {flag}"
    );
    let wrong = config_home("Config(hyperlinks: sometimes)");
    let output = clsv_with(wrong.path(), &["doctor"]);
    let errors = String::from_utf8(output.stderr).unwrap();
    assert!(
        errors.contains("config.ron:1:") && errors.contains("sometimes"),
        "{errors}"
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("links:     off (the output is not a terminal)"),
        "the default: {text}"
    );
}

#[test]
fn theme_colours_replace_the_theme_s_own() {
    let loaded = loaded(r##"Config(colors: {"accent": "magenta", "bar": "#102030"})"##);
    assert!(loaded.report.is_none());
    let content = common::fixture();
    let lang = content.default_language;
    let theme = Theme::new(ColorLevel::Basic16, false).with_colors(&loaded.config.colors);
    let app = App::new(
        content,
        theme,
        StartAt {
            lang,
            pane: Pane::Members,
            item: None,
        },
        80,
        24,
    );
    let buffer = common::render(&app);
    let (x, y) = common::find(&app, "╭ Membri (3)");
    assert_eq!(
        buffer[(x + 2, y)].fg,
        Color::Magenta,
        "the focused frame's title"
    );
    assert_eq!(
        buffer[(1, 0)].bg,
        Color::Rgb(0x10, 0x20, 0x30),
        "the title bar"
    );
}

#[test]
fn rebound_keys_act_and_show_in_the_help_and_the_footer() {
    let loaded = loaded(r#"Config(keys: {"browse": {"quit": ["x"], "open_help": ["F1"]}})"#);
    assert!(loaded.report.is_none());
    let keymap = Arc::clone(&loaded.config.keymap);
    let press = |c| KeyEvent::new(c, KeyModifiers::NONE);
    assert_eq!(
        keymap.action_for(Mode::Browse, &press(KeyCode::Char('x'))),
        Some(Action::Quit)
    );
    assert_eq!(
        keymap.action_for(Mode::Browse, &press(KeyCode::Char('q'))),
        None,
        "q no longer quits"
    );
    assert_eq!(
        keymap.action_for(Mode::Browse, &press(KeyCode::F(1))),
        Some(Action::OpenHelp)
    );
    let mut app = common::app_on(common::fixture(), 100, 40).with_keymap(keymap);
    let footer = common::screen(&app);
    assert!(
        footer.lines().last().unwrap().contains("x ieşire"),
        "{footer}"
    );
    app.update(Action::OpenHelp);
    let help = app.help_text(70);
    let help: Vec<String> = help
        .lines(0..help.len())
        .map(|line| line.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(
        help.iter()
            .any(|l| l.starts_with("x ") && l.contains("Ieşire")),
        "{help:?}"
    );
    assert!(
        help.iter()
            .any(|l| l.starts_with("F1 ") && l.contains("Arată tastele")),
        "{help:?}"
    );
}

#[test]
fn a_key_taken_by_another_action_leaves_the_first() {
    let loaded = loaded(r#"Config(keys: {"browse": {"open_search": ["q"]}})"#);
    let keymap = &loaded.config.keymap;
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(
        keymap.action_for(Mode::Browse, &q),
        Some(Action::OpenSearch)
    );
    let quit: Vec<_> = keymap.keys_for(Mode::Browse, Action::Quit).collect();
    assert_eq!(quit.len(), 1, "Ctrl-C still quits: {quit:?}");
}

#[test]
fn a_configuration_with_problems_is_reported_and_the_defaults_are_used() {
    let home = config_home(
        "Config(\n    colors: {\"acent\": \"red\"},\n    keys: {\"browse\": {\"quit\": [\"Hyper-Q\"]}},\n)\n",
    );
    let output = clsv_with(home.path(), &["print", "--tab", "members"]);
    assert_eq!(output.status.code(), Some(0), "clsv still runs");
    let errors = String::from_utf8(output.stderr).unwrap();
    assert!(
        errors.contains("config.ron:2:23: no colour named \"acent\""),
        "{errors}"
    );
    assert!(
        errors.contains("config.ron:3:32: \"Hyper-Q\" is not a key"),
        "{errors}"
    );
    assert!(
        errors.contains("clsv: the configuration has 2 problems; using the defaults"),
        "{errors}"
    );
    let doctor = String::from_utf8(clsv_with(home.path(), &["doctor"]).stdout).unwrap();
    assert!(
        doctor.contains("(has problems: the defaults are used)"),
        "{doctor}"
    );
    let syntax = config_home("Config(language: \"en\"");
    let output = clsv_with(syntax.path(), &["print", "--tab", "members"]);
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("config.ron:1:"),
        "a syntax error has its place"
    );
    assert!(
        String::from_utf8(output.stdout)
            .unwrap()
            .contains("Membri (22)"),
        "the defaults"
    );
}

#[test]
fn in_the_browser_a_refused_configuration_says_so_and_rebound_keys_work() {
    let bad = config_home(r#"Config(colors: {"acent": "red"})"#);
    let home = bad.path().to_str().unwrap();
    let mut session = common::pty::Session::start(&[], 80, 24, &[("XDG_CONFIG_HOME", home)]);
    session.wait_for("configuration refused, defaults used: ");
    session.send("q");
    assert_eq!(session.wait_exit(), 0);
    let good = config_home(r#"Config(keys: {"browse": {"quit": ["x"]}})"#);
    let home = good.path().to_str().unwrap();
    let mut session = common::pty::Session::start(&[], 80, 24, &[("XDG_CONFIG_HOME", home)]);
    session.wait_for("x ieşire");
    session.send("x");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}
