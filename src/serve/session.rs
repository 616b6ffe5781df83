//! A reader's browser on the server. Its `App` and `Screen` run on a thread of their own,
//! so that one reader's work never holds up another's keys, another's login or the server's
//! stop. The connection leaves what arrives in the session's inbox, where a new size or slide
//! replaces the one not yet taken and input waits up to a bound; the thread takes it all at
//! once and draws one frame for it. A frame is drawn only when the one before has been handed
//! to the connection, which sends it as the client's SSH window allows: a client that does
//! not read makes the server hold one frame and the window for it, however much it sends.

use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use crossterm::event::Event;
use russh::ChannelWriteHalf;
use russh::server::Msg;
use tokio::sync::{mpsc, watch};
use tokio::task::JoinHandle;

use super::input::ClientInput;
use crate::action::Action;
use crate::app::App;
use crate::frame::{Screen, SharedFrames};
use crate::terminal;
use crate::vocabulary::Mode;

/// The most input kept waiting for the session's thread; a burst beyond it is dropped.
pub const MAX_PENDING_INPUT: usize = 64 * 1024;

/// What the speaker shows, which the sessions of a talk follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Follow {
    pub slide: usize,
    pub blank: bool,
    /// A presenter is connected.
    pub speaker: bool,
    /// The time of the talk's clock its timer counts from, shared by every presenter: set
    /// when the first presenter connects, moved by a presenter's `t`.
    pub timer_from: Option<Duration>,
}

impl Follow {
    fn action(self) -> Action {
        Action::Follow {
            slide: self.slide,
            blank: self.blank,
            speaker: self.speaker,
        }
    }
}

/// How a session takes part in a talk.
#[derive(Clone)]
pub enum Role {
    /// Browsing, no talk.
    Reader,
    /// Follows the speaker; its keys can only leave.
    Audience,
    /// Drives the slides everyone follows, and shares the talk's timer with the other
    /// presenters.
    Presenter {
        stage: watch::Sender<Follow>,
        /// The talk's clock, which `Action::Tick` counts from.
        clock: Instant,
    },
}

/// How a session is asked to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    /// The connection is gone: nothing more is sent.
    Gone,
    /// The server is stopping: the client is told, and its terminal given back.
    Goodbye,
}

/// What has arrived for a session since its thread last looked.
#[derive(Debug, Default)]
struct Inbox {
    /// The client's input, read by read: an Esc alone is the Esc key, while an Esc with more
    /// bytes in the same read starts a sequence.
    input: Vec<Vec<u8>>,
    /// Bytes in `input`.
    input_len: usize,
    size: Option<(u16, u16)>,
    follow: Option<Follow>,
    tick: Option<Duration>,
    ending: Option<Ending>,
}

impl Inbox {
    fn is_empty(&self) -> bool {
        self.input.is_empty()
            && self.size.is_none()
            && self.follow.is_none()
            && self.tick.is_none()
            && self.ending.is_none()
    }
}

/// The inbox, and the signal that something is in it.
#[derive(Debug, Default)]
pub struct Mailbox {
    inbox: Mutex<Inbox>,
    arrived: Condvar,
}

impl Mailbox {
    fn put(&self, put: impl FnOnce(&mut Inbox)) {
        if let Ok(mut inbox) = self.inbox.lock() {
            put(&mut inbox);
            self.arrived.notify_one();
        }
    }

    /// Keys and other input from the client. Returns false, dropping it, if it would take
    /// the input waiting past [`MAX_PENDING_INPUT`]: a burst no person types.
    pub fn input(&self, bytes: &[u8]) -> bool {
        let mut kept = false;
        self.put(|inbox| {
            kept = inbox.input_len + bytes.len() <= MAX_PENDING_INPUT;
            if kept {
                inbox.input.push(bytes.to_vec());
                inbox.input_len += bytes.len();
            }
        });
        kept
    }

    /// The client's terminal has this size now.
    pub fn resize(&self, width: u16, height: u16) {
        self.put(|inbox| inbox.size = Some((width, height)));
    }

    /// The speaker shows this now.
    pub fn follow(&self, follow: Follow) {
        self.put(|inbox| inbox.follow = Some(follow));
    }

    /// The talk's clock.
    pub fn tick(&self, elapsed: Duration) {
        self.put(|inbox| inbox.tick = Some(elapsed));
    }

    /// The server is stopping: say so and give the terminal back.
    pub fn goodbye(&self) {
        self.put(|inbox| {
            inbox.ending.get_or_insert(Ending::Goodbye);
        });
    }

    fn gone(&self) {
        self.put(|inbox| inbox.ending = Some(Ending::Gone));
    }

    /// Waits until something has arrived and takes it all; `None` once the connection is gone.
    fn take(&self) -> Option<Inbox> {
        let mut inbox = self.inbox.lock().ok()?;
        while inbox.is_empty() {
            inbox = self.arrived.wait(inbox).ok()?;
        }
        if inbox.ending == Some(Ending::Gone) {
            return None;
        }
        Some(std::mem::take(&mut *inbox))
    }
}

/// What the session's thread hands to the connection.
enum Output {
    Frame(Vec<u8>),
    /// The last bytes, then the exit status, and the channel is closed.
    Last(Vec<u8>),
}

/// A running session, as its connection holds it. Dropping it ends the session: its thread
/// and the task that writes to the client stop, and their memory is given back.
pub struct Session {
    mailbox: Arc<Mailbox>,
    writer: JoinHandle<()>,
}

impl Session {
    /// Starts the browser `app` on a `width`×`height` terminal, in `role`, with the sources'
    /// web addresses links when `hyperlinks`, sharing the changes between frames with other
    /// sessions in `frames`: the first frame, preceded by `enter`, goes out at once.
    pub fn start(
        mailbox: Arc<Mailbox>,
        app: App,
        (width, height): (u16, u16),
        enter: &[u8],
        channel: ChannelWriteHalf<Msg>,
        (role, hyperlinks): (Role, bool),
        frames: Arc<SharedFrames>,
    ) -> std::io::Result<Session> {
        let sink = Sink::default();
        let mut browser = Browser {
            app,
            screen: Screen::new(sink.clone(), width, height)
                .with_hyperlinks(hyperlinks)
                .sharing(frames),
            sink,
            input: ClientInput::default(),
            role,
            shown_to_stage: None,
            timer_to_stage: None,
        };
        // A speaker joins at the stage's slide and timer: not a change of its own to send.
        browser.shown_to_stage = browser.app.presentation().map(|p| (p.slide, p.blank));
        browser.timer_to_stage = browser.app.timer_start();
        let mut first = enter.to_vec();
        first.extend(browser.frame()?);
        // One frame waits while another is written: no more is drawn until one has gone.
        let (frames, to_write) = mpsc::channel(1);
        let writer = tokio::spawn(write_frames(to_write, channel));
        let _ = frames.try_send(Output::Frame(first));
        let thread_mailbox = Arc::clone(&mailbox);
        std::thread::Builder::new()
            .name("clsv-session".to_string())
            .spawn(move || browser.run(&thread_mailbox, &frames))?;
        Ok(Session { mailbox, writer })
    }

    pub fn mailbox(&self) -> &Mailbox {
        &self.mailbox
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.mailbox.gone();
        // Stops a write waiting for a window that will never open; the thread then finds
        // no one to hand its frame to, and ends.
        self.writer.abort();
    }
}

/// Writes the frames to the client as its window allows; after the last, ends the channel.
async fn write_frames(mut frames: mpsc::Receiver<Output>, channel: ChannelWriteHalf<Msg>) {
    while let Some(output) = frames.recv().await {
        match output {
            Output::Frame(bytes) => {
                if channel.data_bytes(bytes).await.is_err() {
                    return;
                }
            }
            Output::Last(bytes) => {
                let _ = channel.data_bytes(bytes).await;
                let _ = channel.exit_status(0).await;
                let _ = channel.eof().await;
                let _ = channel.close().await;
                return;
            }
        }
    }
}

/// The browser of a session, owned by its thread.
struct Browser {
    app: App,
    screen: Screen<Sink>,
    sink: Sink,
    input: ClientInput,
    role: Role,
    /// For a speaker: the slide and blank screen it last showed to the stage or took from
    /// it. Only a change of its own goes out, so that two speakers (a projector and a
    /// speaker's view) never undo each other's keys with a stale position.
    shown_to_stage: Option<(usize, bool)>,
    /// For a speaker: the time the talk's timer counts from, as it last gave it to the stage
    /// or took it from there; only its own reset goes out.
    timer_to_stage: Option<Duration>,
}

/// What a batch of input leads to.
enum Step {
    Nothing,
    Frame(Vec<u8>),
    End(Vec<u8>),
}

impl Browser {
    /// Takes what arrives and answers it, until the session ends.
    fn run(mut self, mailbox: &Mailbox, frames: &mpsc::Sender<Output>) {
        while let Some(inbox) = mailbox.take() {
            let output = match self.answer(inbox) {
                Ok(Step::Nothing) => continue,
                Ok(Step::Frame(bytes)) => Output::Frame(bytes),
                Ok(Step::End(bytes)) => Output::Last(bytes),
                Err(_) => Output::Last(terminal::RESTORE.to_vec()),
            };
            let last = matches!(output, Output::Last(_));
            // Waits while the frame before is being written: what arrives meanwhile is
            // gathered in the inbox, for one frame.
            if frames.blocking_send(output).is_err() || last {
                return;
            }
        }
    }

    /// Carries out what arrived, and draws the frame for it.
    fn answer(&mut self, inbox: Inbox) -> std::io::Result<Step> {
        if inbox.ending == Some(Ending::Goodbye) {
            let mut bytes = terminal::RESTORE.to_vec();
            bytes.extend_from_slice(b"clsv: the server is stopping. Goodbye.\r\n");
            return Ok(Step::End(bytes));
        }
        let mut changed = false;
        if let Some((width, height)) = inbox.size {
            self.screen.resize(width, height);
            self.app.update(Action::Resize { width, height });
            changed = true;
        }
        if let Some(follow) = inbox.follow {
            self.app.update(follow.action());
            self.shown_to_stage = self.app.presentation().map(|p| (p.slide, p.blank));
            // Every session shows the talk's time; a presenter's own restarts of it go out.
            if let Some(start) = follow.timer_from {
                self.app.update(Action::TimerFrom(start));
                if let Role::Presenter { .. } = self.role {
                    self.timer_to_stage = Some(start);
                }
            }
            changed = true;
        }
        if let Some(elapsed) = inbox.tick {
            // Drawn when the time shown moves: each second for a presenter, each minute for
            // the audience.
            let shown = self.app.shown_time();
            self.app.update(Action::Tick(elapsed));
            changed |= self.app.shown_time() != shown;
        }
        if let Role::Presenter { clock, .. } = &self.role
            && !inbox.input.is_empty()
        {
            // The clock as the keys arrive, not at the last tick: a `t` resets the talk's
            // timer to this moment for every presenter.
            self.app.update(Action::Tick(clock.elapsed()));
        }
        let events = self.input.events(inbox.input);
        changed |= self.act_on(events);
        if self.app.should_quit() {
            return Ok(Step::End(terminal::RESTORE.to_vec()));
        }
        if let Role::Presenter { stage, .. } = &self.role
            && let Some(p) = self.app.presentation()
        {
            // Everyone else follows: their sessions see the change through the stage. Only a
            // change made here goes out: a tick must not put back what another speaker moved.
            let showing = (p.slide, p.blank);
            if self.shown_to_stage != Some(showing) {
                self.shown_to_stage = Some(showing);
                stage.send_if_modified(|now| {
                    let changed = (now.slide, now.blank) != showing;
                    (now.slide, now.blank) = showing;
                    changed
                });
            }
            // A reset of the timer here restarts it for every presenter.
            let start = Some(p.timer_start);
            if self.timer_to_stage != start {
                self.timer_to_stage = start;
                stage.send_if_modified(|now| {
                    let changed = now.timer_from != start;
                    now.timer_from = start;
                    changed
                });
            }
        }
        if !changed {
            return Ok(Step::Nothing);
        }
        Ok(Step::Frame(self.frame()?))
    }

    /// Carries out what `events` ask for; true if any asked for something. Keys that come
    /// together are carried out as one batch, whose typing is searched once: a paste into
    /// the prompt by a client without bracketed paste costs one search, not one a key.
    /// A mouse event, which may point at a search result, comes after its batch's search.
    fn act_on(&mut self, events: Vec<Event>) -> bool {
        // The audience follows the speaker: it can only leave.
        let audience = matches!(self.role, Role::Audience);
        let allowed = |action: Action| !audience || action == Action::Quit;
        let mut acted = false;
        let mut events = events.into_iter().peekable();
        while let Some(event) = events.next() {
            if self.app.should_quit() {
                break;
            }
            acted |= match event {
                // Typed into the search prompt; anywhere else, and for the audience, nothing.
                Event::Paste(text) => {
                    let typing = !audience && self.app.mode() == Mode::Search;
                    if typing {
                        self.app.paste(&text);
                    }
                    typing
                }
                Event::Key(_) => {
                    let keys = std::iter::once(event).chain(std::iter::from_fn(|| {
                        events.next_if(|next| matches!(next, Event::Key(_)))
                    }));
                    self.app.update_each(keys, |app, key| {
                        terminal::action_for(app, key).filter(|action| allowed(*action))
                    })
                }
                event => match terminal::action_for(&self.app, event).filter(|a| allowed(*a)) {
                    Some(action) => {
                        self.app.update(action);
                        true
                    }
                    None => false,
                },
            };
        }
        if let Some(text) = self.app.take_clipboard() {
            // Ahead of the frame, in the bytes this session sends next. Writing into the sink
            // fails only when its lock was poisoned, and the frame then fails and says so.
            let _ = std::io::Write::write_all(&mut self.sink, &terminal::clipboard_sequence(&text));
        }
        acted
    }

    /// The next frame's bytes.
    fn frame(&mut self) -> std::io::Result<Vec<u8>> {
        terminal::draw_frame(&mut self.screen, &self.app)?;
        Ok(self.sink.take())
    }
}

/// Collects a frame's bytes.
#[derive(Clone, Default)]
struct Sink(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Sink {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| std::io::Error::other("frame buffer poisoned"))?
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Sink {
    fn take(&self) -> Vec<u8> {
        self.0
            .lock()
            .map(|mut b| std::mem::take(&mut *b))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inbox_keeps_the_last_size_and_slide_and_bounds_the_input() {
        let mailbox = Mailbox::default();
        for width in 0..100_000u32 {
            mailbox.resize(80 + (width % 2) as u16, 24);
        }
        mailbox.follow(Follow {
            slide: 1,
            ..Follow::default()
        });
        mailbox.follow(Follow {
            slide: 2,
            ..Follow::default()
        });
        assert!(mailbox.input(&[b'a'; MAX_PENDING_INPUT]));
        assert!(!mailbox.input(b"b"), "past the bound: dropped");
        let inbox = mailbox.take().unwrap();
        assert_eq!(inbox.size, Some((81, 24)));
        assert_eq!(inbox.follow.map(|f| f.slide), Some(2));
        assert_eq!(inbox.input.concat().len(), MAX_PENDING_INPUT);
        assert!(mailbox.input(b"c"), "room again once taken");
    }

    #[test]
    fn a_gone_connection_ends_the_wait_even_with_input_waiting() {
        let mailbox = Mailbox::default();
        mailbox.input(b"j");
        mailbox.gone();
        assert!(mailbox.take().is_none());
        let mailbox = Arc::new(Mailbox::default());
        let waiting = Arc::clone(&mailbox);
        let thread = std::thread::spawn(move || waiting.take().is_none());
        mailbox.gone();
        assert!(thread.join().unwrap());
    }
}
