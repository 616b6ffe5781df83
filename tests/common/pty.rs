//! Runs the real `clsv` binary in a pseudo-terminal and reads its screen through a terminal
//! emulator (vt100), for end-to-end tests.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something before it fails: only a hang
/// takes this long.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// The start and the end of a synchronized update, which holds each frame.
const FRAME_BEGIN: &[u8] = b"\x1b[?2026h";
const FRAME_END: &[u8] = b"\x1b[?2026l";

/// `clsv` running in a pseudo-terminal.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    output: Receiver<Vec<u8>>,
    stop: Arc<AtomicBool>,
    reader_thread: Option<JoinHandle<()>>,
    pub parser: vt100::Parser,
    /// Every byte the program wrote.
    pub bytes: Vec<u8>,
    /// The program's own runtime folder, so that a `clsv present` under test never pairs
    /// with another test's, or with the user's own talk.
    _runtime: tempfile::TempDir,
}

impl Session {
    /// Starts `clsv` with `args` on a `cols`×`rows` terminal, with `env` set.
    pub fn start(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_clsv"), args, cols, rows, env)
    }

    /// Starts any program (a shell, say) in the same way.
    pub fn start_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        // A known terminal and locale, whatever the machine running the tests has.
        command.env("TERM", "xterm-256color");
        command.env("LANG", "C.UTF-8");
        command.env_remove("LC_ALL");
        command.env_remove("LC_CTYPE");
        command.env_remove("COLORTERM");
        command.env_remove("NO_COLOR");
        let runtime = tempfile::tempdir().expect("a runtime folder");
        command.env("XDG_RUNTIME_DIR", runtime.path());
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pair.slave.spawn_command(command).expect("clsv starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("a reader");
        let writer = pair.master.take_writer().expect("a writer");
        let master_fd = pair.master.as_raw_fd().expect("a pty has a descriptor");
        let (send, output) = channel();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        // The reader waits for output in short polls, so that it can be stopped and its
        // descriptor closed: a hang-up needs every descriptor of the master closed.
        let reader_thread = std::thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while !stopping.load(Ordering::SeqCst) {
                let mut poll = libc::pollfd {
                    fd: master_fd,
                    events: libc::POLLIN,
                    revents: 0,
                };
                // SAFETY: one valid pollfd, and the master outlives this thread (`hang_up`
                // and `drop` join it before closing the master).
                let ready = unsafe { libc::poll(&mut poll, 1, 20) };
                if ready <= 0 {
                    continue;
                }
                match reader.read(&mut buffer) {
                    Ok(n) if n > 0 => {
                        if send.send(buffer[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        });
        Session {
            child,
            master: Some(pair.master),
            writer: Some(writer),
            output,
            stop,
            reader_thread: Some(reader_thread),
            parser: vt100::Parser::new(rows, cols, 0),
            bytes: Vec::new(),
            _runtime: runtime,
        }
    }

    /// The screen's text now.
    pub fn contents(&self) -> String {
        self.parser.screen().contents()
    }

    fn take(&mut self, chunk: Vec<u8>) {
        self.parser.process(&chunk);
        self.bytes.extend(chunk);
    }

    /// Reads output until the screen contains `text`; panics with the screen after a while.
    pub fn wait_for(&mut self, text: &str) {
        let deadline = Instant::now() + PATIENCE;
        while !self.contents().contains(text) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!("{text:?} never appeared; the screen:\n{}", self.contents()),
            }
        }
    }

    /// Reads output until `condition` holds of the screen; panics after a while.
    pub fn wait_until(&mut self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !condition(self.parser.screen()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!("never {what}; the screen:\n{}", self.contents()),
            }
        }
    }

    /// Whether the last frame begun has been received whole: a frame is one synchronized
    /// update, from `ESC [ ? 2026 h` to `ESC [ ? 2026 l`. (An end comes alone too, when the
    /// terminal is given back.)
    pub fn frames_complete(&self) -> bool {
        match memchr::memmem::rfind(&self.bytes, FRAME_BEGIN) {
            Some(begin) => memchr::memmem::find(&self.bytes[begin..], FRAME_END).is_some(),
            None => true,
        }
    }

    /// Reads output until `condition` holds of the screen and the last frame has come whole;
    /// panics after a while.
    pub fn wait_until_frame(&mut self, what: &str, condition: impl Fn(&vt100::Screen) -> bool) {
        let deadline = Instant::now() + PATIENCE;
        while !(condition(self.parser.screen()) && self.frames_complete()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!("never {what}; the screen:\n{}", self.contents()),
            }
        }
    }

    /// Reads output until the screen contains `text` and the frame that drew it has come
    /// whole.
    pub fn wait_for_frame(&mut self, text: &str) {
        self.wait_until_frame(&format!("a whole frame with {text:?}"), |screen| {
            screen.contents().contains(text)
        });
    }

    /// Reads output until `count` whole frames have come since `from` (a length of `bytes`);
    /// panics after a while.
    pub fn wait_for_frames_since(&mut self, from: usize, count: usize) {
        let deadline = Instant::now() + PATIENCE;
        while !(self.frames_since(from) >= count && self.frames_complete()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(_) => panic!("never {count} frames; the screen:\n{}", self.contents()),
            }
        }
    }

    /// The frames (synchronized updates) received since `from`, a length of `bytes`.
    pub fn frames_since(&self, from: usize) -> usize {
        memchr::memmem::find_iter(&self.bytes[from..], FRAME_BEGIN).count()
    }

    /// Types `keys` as they would come from a keyboard.
    pub fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).expect("keys sent");
        writer.flush().expect("keys flushed");
    }

    /// The process id of clsv, to send it signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("a running child has a pid")
    }

    /// Whether the terminal is in raw mode (no line editing), as a full-screen program sets it.
    pub fn is_raw(&self) -> bool {
        let fd = self
            .master
            .as_ref()
            .and_then(|master| master.as_raw_fd())
            .expect("the terminal is open");
        // SAFETY: termios is plain data, and tcgetattr only fills it in.
        let mut termios: libc::termios = unsafe { std::mem::zeroed() };
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0, "tcgetattr");
        termios.c_lflag & libc::ICANON == 0
    }

    /// Waits until the program has put the terminal in raw mode.
    pub fn wait_for_raw_mode(&self) {
        let deadline = Instant::now() + PATIENCE;
        while !self.is_raw() {
            assert!(
                Instant::now() < deadline,
                "the terminal never went into raw mode"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Closes the terminal's master side, as a dropped SSH connection does.
    pub fn hang_up(&mut self) {
        self.stop_reading();
        self.writer = None;
        self.master = None;
    }

    fn stop_reading(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.reader_thread.take() {
            let _ = thread.join();
        }
    }

    /// Waits for the program to exit, without reading its output (after `hang_up`); returns
    /// its exit code, or panics after a while.
    pub fn wait_exit_unread(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Some(status) = self.child.try_wait().expect("status") {
                return status.exit_code();
            }
            assert!(Instant::now() < deadline, "the program did not exit");
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Resizes the terminal, as a window resize would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.master
            .as_ref()
            .expect("the terminal is open")
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resized");
        self.parser.screen_mut().set_size(rows, cols);
    }

    /// Waits for the program to exit by itself, reading all its output: everything it wrote
    /// is read once the terminal reports that no one holds it any more. Returns the exit
    /// code; panics after a while.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(chunk) => self.take(chunk),
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => {
                    panic!("the program did not exit; the screen:\n{}", self.contents())
                }
            }
        }
        loop {
            if let Some(status) = self.child.try_wait().expect("status") {
                return status.exit_code();
            }
            assert!(
                Instant::now() < deadline,
                "the program closed its terminal but did not exit"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Asserts that the terminal was given back: main screen, cursor shown, no mouse
    /// reporting left on.
    pub fn assert_restored(&self) {
        let screen = self.parser.screen();
        assert!(!screen.alternate_screen(), "still on the alternate screen");
        assert!(!screen.hide_cursor(), "the cursor is still hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting left on"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
        self.stop_reading();
    }
}

/// Sends `signal` to process `pid`.
pub fn send_signal(pid: u32, signal: i32) {
    let status = std::process::Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(pid.to_string())
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid} failed");
}
