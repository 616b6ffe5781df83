//! The terminal: taking it over (raw mode, alternate screen, mouse, bracketed paste), giving
//! it back on every way out (quit, error, panic, SIGTERM, SIGHUP, SIGINT, SIGQUIT, a vanished
//! terminal), suspending on Ctrl-Z, and the event loop that turns terminal events into
//! actions (and pastes into text typed into the search). A paired terminal (`crate::pair`)
//! is one more source of input, and is told where this one's keys leave the presentation.
//!
//! Output is frugal, for slow links: nothing is drawn unless an event changed something, and
//! each frame leaves in one write, wrapped in a synchronized update so the terminal shows it
//! whole.

use std::cell::RefCell;
use std::io::{self, IsTerminal, Stdout, Write};
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Once;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;
use std::time::Instant;

use crossterm::cursor::Hide;
use crossterm::event::{self, EnableBracketedPaste, EnableMouseCapture, Event, KeyEventKind};
use crossterm::execute;
use crossterm::terminal::{EnterAlternateScreen, disable_raw_mode, enable_raw_mode};
use ratatui::widgets::Widget;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use crate::action::Action;
use crate::app::{App, Reload};
use crate::frame::Screen;
use crate::mouse;
use crate::pair::{Pair, PeerEvent, Position};
use crate::vocabulary::Mode;

/// The escape sequences that give the terminal back, in one write: end a synchronized
/// update that a signal may have interrupted, reset attributes, stop mouse reports (every
/// mode that `EnableMouseCapture` turns on), stop bracketed paste, leave the alternate
/// screen, show the cursor.
pub const RESTORE: &[u8] = b"\x1b[?2026l\x1b[0m\x1b[?1006l\x1b[?1015l\x1b[?1003l\x1b[?1002l\x1b[?1000l\x1b[?2004l\x1b[?1049l\x1b[?25h";

/// Puts the terminal back as it was: mouse off, bracketed paste off, main screen, cursor
/// shown, raw mode off.
/// Safe to call more than once and when the terminal was never set up.
pub fn restore() {
    restore_through(&mut io::stdout());
}

fn restore_through(out: &mut impl Write) {
    // Errors are ignored: this runs on the way out, when the terminal may be gone already.
    let _ = out.write_all(RESTORE);
    let _ = out.flush();
    let _ = disable_raw_mode();
}

/// Makes a panic restore the terminal, then say in one line what went wrong and where, so
/// the message is readable and the shell usable.
fn install_panic_hook() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            restore();
            crate::pair::remove_socket();
            let message = info
                .payload()
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| info.payload().downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown".to_string());
            let place = info
                .location()
                .map(|l| format!(" at {}:{}", l.file(), l.line()))
                .unwrap_or_default();
            eprintln!("clsv: internal error: {message}{place}. The terminal was restored.");
        }));
    });
}

/// The signals that end clsv, the terminal given back first.
const ENDING_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT];

/// Restores the terminal and exits with 128 + the signal's number when one of the ending
/// signals arrives. The restoring goes through a descriptor of its own, so it never waits for
/// the main thread's hold on standard output (which a dead link can block).
fn exit_on_signals() -> io::Result<()> {
    let mut signals = Signals::new(ENDING_SIGNALS)?;
    let mut out = std::fs::File::from(io::stdout().as_fd().try_clone_to_owned()?);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            restore_through(&mut out);
            crate::pair::remove_socket();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Collects what is written for a frame (the sequences that take the terminal over go with
/// the first); flushing does nothing here, and the frame leaves when [`Frames::send`] is
/// called.
pub struct FrameWriter {
    buffer: Rc<RefCell<Vec<u8>>>,
}

/// The other end of a [`FrameWriter`]: sends what was collected to the terminal.
struct Frames {
    buffer: Rc<RefCell<Vec<u8>>>,
    out: Stdout,
}

fn frame_channel() -> (FrameWriter, Frames) {
    let buffer = Rc::new(RefCell::new(Vec::with_capacity(64 * 1024)));
    let writer = FrameWriter {
        buffer: Rc::clone(&buffer),
    };
    (
        writer,
        Frames {
            buffer,
            out: io::stdout(),
        },
    )
}

impl Frames {
    /// Writes what was collected, in one write.
    fn send(&self) -> io::Result<()> {
        let mut buffer = self.buffer.borrow_mut();
        if buffer.is_empty() {
            return Ok(());
        }
        let mut out = self.out.lock();
        out.write_all(&buffer)?;
        out.flush()?;
        buffer.clear();
        Ok(())
    }
}

impl Write for FrameWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.buffer.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

type Display = Screen<FrameWriter>;

/// Restores the terminal when dropped, on every return path of the event loop.
struct Restorer;

impl Drop for Restorer {
    fn drop(&mut self) {
        restore();
    }
}

/// Takes the terminal over: raw mode, alternate screen, mouse reports, bracketed paste (so
/// that pasted text arrives as one paste, not as keys), no cursor.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        Hide
    )
}

/// What the event loop waits for: the terminal, new versions of the pack, and the terminals
/// paired with this one.
enum Input {
    Terminal(io::Result<Event>),
    Pack(Reload),
    Peer(PeerEvent),
}

/// Tells the app the time: since the start, for the presentation's clock, and of the day,
/// for the speaker's view.
fn tick(app: &mut App, started: Instant) {
    app.update(Action::Tick(started.elapsed()));
    if let Some((hour, minute)) = time_of_day() {
        app.update(Action::TimeOfDay { hour, minute });
    }
}

/// The local time of day, in the system's time zone (UTC where it has none).
fn time_of_day() -> Option<(u8, u8)> {
    let now = jiff::Timestamp::try_from(std::time::SystemTime::now()).ok()?;
    let local = now.to_zoned(jiff::tz::TimeZone::system());
    Some((
        u8::try_from(local.hour()).ok()?,
        u8::try_from(local.minute()).ok()?,
    ))
}

/// Reads terminal events on a thread of their own into `inputs`, so that the loop can also
/// wait for other things without polling.
fn read_terminal(inputs: Sender<Input>) {
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if inputs.send(Input::Terminal(event)).is_err() || failed {
                break;
            }
        }
    });
}

/// Runs the browser until the user quits; with `watch`, the pack in that folder is read
/// again whenever it changes; with `pair`, the presentation moves with the paired terminals;
/// with `hyperlinks`, the sources' web addresses are links.
/// Fails if standard output is not a terminal.
pub fn run(
    mut app: App,
    watch: Option<PathBuf>,
    mut pair: Option<Pair>,
    hyperlinks: bool,
) -> io::Result<()> {
    if !io::stdout().is_terminal() {
        return Err(io::Error::other("standard output is not a terminal"));
    }
    // The theme decides about colour (NO_COLOR included). Left to itself, crossterm would
    // turn every colour reset into a reset of all attributes under NO_COLOR, and the
    // reverse video that shows the selection without colour would be lost.
    crossterm::style::force_color_output(true);
    install_panic_hook();
    // Set up before the terminal is taken over, so that an ending signal at any moment from
    // here on gives it back.
    exit_on_signals()?;
    enable_raw_mode()?;
    let _restorer = Restorer;
    // The first frame goes out first, in the same write as the sequences that take the
    // terminal over: what is set up after it (input, resize events) is not waited for.
    let (width, height) = crossterm::terminal::size()?;
    let (mut writer, frames) = frame_channel();
    // The frame hides the cursor itself, as every frame drawn whole does.
    crossterm::queue!(
        writer,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    )?;
    let mut screen = Screen::new(writer, width, height).with_hyperlinks(hyperlinks);
    app.update(Action::Resize { width, height });
    if let Some(pair) = &mut pair {
        // A follower opens on the slide the projector shows.
        if let Some(shown) = pair.greeting() {
            app.update(follow(shown));
        }
        pair.followed(position(&app));
    }
    draw(&mut screen, &frames, &app)?;
    // crossterm starts listening for SIGWINCH when its event source is first used. A resize
    // before that is caught by reading the size again.
    event::poll(Duration::ZERO)?;
    let (now_width, now_height) = crossterm::terminal::size()?;
    if (now_width, now_height) != (width, height) {
        screen.resize(now_width, now_height);
        app.update(Action::Resize {
            width: now_width,
            height: now_height,
        });
        draw(&mut screen, &frames, &app)?;
    }
    let (inputs, received) = channel();
    let _watcher = watch
        .map(|dir| {
            let inputs = inputs.clone();
            crate::watch::watch_pack(dir, move |outcome| {
                let _ = inputs.send(Input::Pack(outcome));
            })
        })
        .transpose()?;
    if let Some(pair) = &mut pair {
        let inputs = inputs.clone();
        pair.start(move |event| {
            let _ = inputs.send(Input::Peer(event));
        });
    }
    read_terminal(inputs);
    event_loop(&mut screen, &frames, &mut app, &received, pair.as_mut())
}

/// Where `app` is in its presentation, as a paired terminal sees it; `None` while not
/// presenting.
fn position(app: &App) -> Option<Position> {
    app.presentation().map(|p| Position {
        slide: p.slide,
        blank: p.blank,
    })
}

/// The action that shows what a paired terminal shows.
fn follow(shown: Position) -> Action {
    Action::Follow {
        slide: shown.slide,
        blank: shown.blank,
        speaker: true,
    }
}

fn event_loop(
    terminal: &mut Display,
    frames: &Frames,
    app: &mut App,
    inputs: &Receiver<Input>,
    mut pair: Option<&mut Pair>,
) -> io::Result<()> {
    // Lets the end-to-end tests check that a panic gives the terminal back; debug builds only.
    if cfg!(debug_assertions) && std::env::var_os("CLSV_TEST_PANIC").is_some() {
        panic!("panic requested by CLSV_TEST_PANIC");
    }
    let started = Instant::now();
    while !app.should_quit() {
        // A presentation shows a clock: wake up when the second it shows changes. Otherwise
        // wait for input only: nothing is drawn, nothing runs, while idle.
        let received = match app.mode() {
            Mode::Present => {
                let elapsed = started.elapsed();
                let to_next_second =
                    Duration::from_millis(1000 - u64::from(elapsed.subsec_millis()));
                inputs.recv_timeout(to_next_second).map_err(|e| match e {
                    RecvTimeoutError::Timeout => None,
                    RecvTimeoutError::Disconnected => Some(()),
                })
            }
            _ => inputs.recv().map_err(|_| Some(())),
        };
        let event = match received {
            Err(None) => {
                tick(app, started);
                draw(terminal, frames, app)?;
                continue;
            }
            Ok(Input::Terminal(event)) => event?,
            Ok(Input::Pack(outcome)) => {
                app.reload(outcome);
                if let Some(pair) = pair.as_deref_mut() {
                    // A shorter deck may have moved the slide.
                    pair.moved(position(app));
                }
                draw(terminal, frames, app)?;
                continue;
            }
            Ok(Input::Peer(event)) => {
                app.update(match event {
                    PeerEvent::Moved(shown) => follow(shown),
                    PeerEvent::Left => Action::PairEnded,
                });
                if let Some(pair) = pair.as_deref_mut() {
                    pair.followed(position(app));
                }
                draw(terminal, frames, app)?;
                continue;
            }
            // The terminal reader, the watcher and the pair are all gone: nothing more can come.
            Err(Some(())) => return Ok(()),
        };
        if is_suspend(&event) {
            suspend(terminal)?;
            draw(terminal, frames, app)?;
            continue;
        }
        if let Event::Paste(text) = &event {
            // Pasted text is typed into the search prompt; anywhere else it asks for
            // nothing, and nothing is drawn.
            if app.mode() == Mode::Search {
                app.paste(text);
                draw(terminal, frames, app)?;
            }
            continue;
        }
        let Some(action) = action_for(app, event) else {
            // Nothing changed, so nothing is drawn: an idle or ignored key costs no output.
            continue;
        };
        if let Action::Resize { width, height } = action {
            terminal.resize(width, height);
        }
        tick(app, started);
        app.update(action);
        if let Some(text) = app.take_clipboard() {
            // Sent with the frame, in the same write.
            frames.buffer.borrow_mut().extend(clipboard_sequence(&text));
        }
        if let Some(pair) = pair.as_deref_mut() {
            pair.moved(position(app));
        }
        if !app.should_quit() {
            draw(terminal, frames, app)?;
        }
    }
    Ok(())
}

/// Draws one frame and sends it in one write; then, with the frame out, builds the search
/// index if it is not built yet (the first frame, or the first after a reload, does not wait
/// for it).
fn draw(terminal: &mut Display, frames: &Frames, app: &App) -> io::Result<()> {
    draw_frame(terminal, app)?;
    frames.send()?;
    app.prepare_search();
    Ok(())
}

/// The OSC 52 sequence that puts `text` on the terminal's clipboard (xterm, kitty, iTerm2,
/// tmux with set-clipboard, and so over SSH too); a terminal that does not know it ignores
/// it.
pub fn clipboard_sequence(text: &str) -> Vec<u8> {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07").into_bytes()
}

/// Renders `app` into the screen's next frame, telling it which rows may scroll and, when
/// it writes links, where the links are.
pub fn draw_frame<W: Write>(screen: &mut Screen<W>, app: &App) -> io::Result<()> {
    let links = match screen.hyperlinks() {
        true => app.hyperlinks(),
        false => Vec::new(),
    };
    screen.draw(|buf| app.render(buf.area, buf), app.scrolling_rows(), links)
}

/// Ctrl-Z: in raw mode it arrives as a key, not as the signal the shell expects.
fn is_suspend(event: &Event) -> bool {
    matches!(event, Event::Key(key) if key.kind == KeyEventKind::Press
        && key.modifiers.contains(crossterm::event::KeyModifiers::CONTROL)
        && matches!(key.code, crossterm::event::KeyCode::Char('z')))
}

/// Gives the terminal back and stops, as Ctrl-Z does to any program; on `fg`, takes the
/// terminal again and forgets what was on screen, so the next frame is drawn whole.
fn suspend(terminal: &mut Display) -> io::Result<()> {
    restore();
    signal_hook::low_level::raise(SIGTSTP)?;
    // Here the process was stopped, and has been continued.
    enter()?;
    terminal.forget();
    Ok(())
}

/// The action a terminal event asks for. Only key presses act: releases and repeats, which
/// some terminals report, are ignored.
pub fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => {
            app.keymap().action_for(app.mode(), &key)
        }
        Event::Mouse(event) => mouse::mouse_action(app, &event),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
