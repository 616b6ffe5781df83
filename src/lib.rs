//! clsv: a terminal browser for the profile of the Freedom Online Coalition.
//!
//! Input becomes an [`action::Action`] (through [`keymap`] or [`ui::hit`]), [`app::App::update`]
//! applies it, and [`ui`] draws the app from a shared reference. See `docs/ARCHITECTURE.md`.

pub mod action;
pub mod app;
pub mod capability;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod frame;
pub mod i18n;
pub mod keymap;
pub mod present;
pub mod print;
pub mod search;
pub mod serve;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod ui;
