//! The terminal: taking it over (raw mode, alternate screen, mouse), giving it back on every
//! way out (quit, error, panic), and the event loop that turns its events into actions.

use std::io::{self, BufWriter, IsTerminal, Stdout, Write};
use std::sync::Once;
use std::time::Duration;

use crossterm::cursor::{Hide, Show};
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use crate::action::Action;
use crate::app::App;
use crate::keymap;
use crate::ui::hit;

/// Bytes buffered before a frame is written, enough for a full frame of a large terminal,
/// so that a frame leaves in one write.
const OUTPUT_BUFFER: usize = 64 * 1024;

/// Puts the terminal back as it was: mouse off, main screen, cursor shown, raw mode off.
/// Safe to call more than once and when the terminal was never set up.
pub fn restore() {
    let mut out = io::stdout();
    // Errors are ignored: this runs on the way out, when the terminal may be gone already.
    let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Makes a panic restore the terminal before its message is printed, so the message is
/// readable and the shell usable.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

/// Restores the terminal when dropped, on every return path of the event loop.
struct Restorer;

impl Drop for Restorer {
    fn drop(&mut self) {
        restore();
    }
}

/// Runs the browser until the user quits. Fails if standard output is not a terminal.
pub fn run(mut app: App) -> io::Result<()> {
    if !io::stdout().is_terminal() {
        return Err(io::Error::other("standard output is not a terminal"));
    }
    install_panic_hook();
    enable_raw_mode()?;
    let _restorer = Restorer;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture, Hide)?;
    let backend = CrosstermBackend::new(BufWriter::with_capacity(OUTPUT_BUFFER, io::stdout()));
    let mut terminal = Terminal::new(backend)?;
    // crossterm starts listening for SIGWINCH when its event source is first used; use it
    // now, before the first frame, so that a resize during start-up is not lost. The size
    // is read after, so it is the newest.
    event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    event_loop(&mut terminal, &mut app)
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<BufWriter<Stdout>>>,
    app: &mut App,
) -> io::Result<()> {
    draw(terminal, app)?;
    // Lets the end-to-end tests check that a panic gives the terminal back; debug builds only.
    if cfg!(debug_assertions) && std::env::var_os("CLSV_TEST_PANIC").is_some() {
        panic!("panic requested by CLSV_TEST_PANIC");
    }
    while !app.should_quit() {
        let Some(action) = action_for(app, event::read()?) else {
            // Nothing changed, so nothing is drawn: an idle or ignored key costs no output.
            continue;
        };
        app.update(action);
        if !app.should_quit() {
            draw(terminal, app)?;
        }
    }
    Ok(())
}

fn draw(terminal: &mut Terminal<CrosstermBackend<BufWriter<Stdout>>>, app: &App) -> io::Result<()> {
    terminal.draw(|frame| frame.render_widget(app, frame.area()))?;
    Ok(())
}

/// The action a terminal event asks for. Only key presses act: releases and repeats, which
/// some terminals report, are ignored.
pub fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => keymap::action_for(app.mode(), &key),
        Event::Mouse(mouse) => hit::mouse_action(app, &mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
