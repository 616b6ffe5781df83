//! clsv: a terminal browser for the profile of the Freedom Online Coalition.
//!
//! Input becomes an [`action::Action`] (through [`keymap`] or [`mouse`]), [`app::App::update`]
//! applies it, and [`ui`] draws the app from a shared reference. The modules are listed
//! below in layers, from the bottom up (alphabetically within a layer); a module imports
//! only from its own layer and the layers above it in this list, and there is no import
//! circle. See `docs/ARCHITECTURE.md`.

// Names shared by everyone.
pub mod action;
pub mod vocabulary;
// Text, the environment, the look.
pub mod capability;
pub mod hyperlink;
pub mod letters;
pub use clsv_pack::text;
pub mod theme;
// The content and what is derived from it.
pub mod builtin;
pub mod config;
pub use clsv_pack::content;
pub mod diagnostic;
pub mod i18n;
pub mod keymap;
pub mod link;
pub mod present;
pub mod search;
// Where things go on screen, and the laid-out text of each view.
pub mod doc;
pub mod geometry;
// The state and `update`.
pub mod app;
pub mod mouse;
// Drawing, and sending frames.
pub mod frame;
pub mod ui;
// The ways out: plain text, the local terminal (the pack folder it watches, the terminals
// paired with it), SSH, the command line.
pub mod cli;
pub mod guide;
pub mod pair;
pub mod print;
pub mod serve;
pub mod terminal;
pub mod watch;
