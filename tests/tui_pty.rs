//! The real binary in a pseudo-terminal, for the end-to-end tests: what it draws, parsed as a
//! terminal would, and every byte it wrote, to check how it leaves the terminal.

#![allow(dead_code)] // each test file uses part of this

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 30;
pub const COLS: u16 = 100;

/// Sequences a restored terminal must have been sent.
pub const LEAVE_ALTERNATE_SCREEN: &str = "\x1b[?1049l";
pub const SHOW_CURSOR: &str = "\x1b[?25h";
/// crossterm disables mouse reporting mode by mode; 1000 (clicks) is the first.
pub const DISABLE_MOUSE: &str = "\x1b[?1000l";

pub struct Pty {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    /// Every byte received, to check the restore sequences at the end.
    pub raw: Vec<u8>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    _master: Box<dyn MasterPty + Send>,
    /// Tells the reading thread to stop after its next read, closing its side of the terminal.
    stop_reading: Arc<AtomicBool>,
}

impl Pty {
    /// Starts `skillpath --catalog <catalog>` with its profiles in `home`, in `cwd`.
    pub fn start(catalog: &Path, home: &Path, cwd: &Path, env: &[(&str, &str)]) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_skillpath"));
        command.arg("--catalog");
        command.arg(catalog);
        command.env("SKILLPATH_HOME", home);
        command.env("TERM", "xterm-256color");
        command.env_remove("NO_COLOR");
        command.env_remove("RUST_BACKTRACE");
        for (key, value) in env {
            command.env(key, value);
        }
        command.cwd(cwd);
        let child = pty.slave.spawn_command(command).expect("the binary starts");
        drop(pty.slave);

        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let writer = pty.master.take_writer().expect("a writer");
        let (sender, output) = mpsc::channel();
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        thread::spawn(move || {
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0
                    || sender.send(buffer[..n].to_vec()).is_err()
                    || stop.load(Ordering::SeqCst)
                {
                    break;
                }
            }
        });
        Self {
            parser: vt100::Parser::new(
                NonZeroU16::new(ROWS).expect("rows"),
                NonZeroU16::new(COLS).expect("columns"),
                0,
            ),
            output,
            raw: Vec::new(),
            child,
            writer,
            _master: pty.master,
            stop_reading,
        }
    }

    /// Closes the terminal under the program, as closing its window does, and returns the
    /// program to be waited on. The thread reading the terminal holds a handle of its own, so
    /// it is told to stop first, and `redraw` (keys that change the screen) makes the program
    /// write something for it to read.
    pub fn hang_up(self, redraw: &str) -> Box<dyn Child + Send + Sync> {
        let Pty {
            output,
            child,
            mut writer,
            _master: master,
            stop_reading,
            ..
        } = self;
        stop_reading.store(true, Ordering::SeqCst);
        writer
            .write_all(redraw.as_bytes())
            .expect("keys reach the program");
        writer.flush().expect("flush");
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match output.recv_timeout(left) {
                Ok(_) => {}
                Err(RecvTimeoutError::Disconnected) => break,
                Err(RecvTimeoutError::Timeout) => panic!("the program never redrew"),
            }
        }
        drop(writer);
        drop(master);
        child
    }

    pub fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    pub fn text(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    pub fn screen(&self) -> &vt100::Screen {
        self.parser.screen()
    }

    /// Waits until the screen shows `wanted`; fails with the screen as it was.
    pub fn wait_for(&mut self, wanted: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let text = self.text();
            if text.contains(wanted) {
                return text;
            }
            assert!(
                Instant::now() < deadline,
                "the screen never showed {wanted:?}; it shows:\n{text}"
            );
            thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn send(&mut self, keys: &str) {
        self.writer
            .write_all(keys.as_bytes())
            .expect("keys reach the program");
        self.writer.flush().expect("flush");
    }

    /// Waits for the program to exit, then for its last bytes.
    pub fn wait_exit(&mut self, what: &str) -> ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child can be waited on") {
                break status;
            }
            assert!(
                Instant::now() < deadline,
                "{what} did not end the program:\n{}",
                self.text()
            );
            thread::sleep(Duration::from_millis(50));
        };
        self.pump_to_end();
        status
    }

    /// Takes everything the program wrote, until its side of the terminal closes (or a few
    /// seconds pass: a busy machine may deliver the last bytes late).
    fn pump_to_end(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => {
                    self.parser.process(&bytes);
                    self.raw.extend_from_slice(&bytes);
                }
                Err(RecvTimeoutError::Disconnected | RecvTimeoutError::Timeout) => {
                    return;
                }
            }
        }
    }

    /// Everything written after the app last entered the alternate screen.
    pub fn after_last_frame(&self) -> String {
        let raw = String::from_utf8_lossy(&self.raw).into_owned();
        let start = raw.rfind("\x1b[?1049h").unwrap_or(0);
        raw[start..].to_string()
    }

    /// Asserts the terminal is as the shell left it: main screen, cursor shown, no mouse
    /// reporting, and the sequences that did it sent after the last frame.
    pub fn assert_restored(&mut self) {
        self.pump();
        let terminal = self.parser.screen();
        assert!(!terminal.alternate_screen(), "back on the main screen");
        assert!(!terminal.hide_cursor(), "the cursor is visible again");
        assert_eq!(
            terminal.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting is off"
        );
        let tail = self.after_last_frame();
        for (sequence, what) in [
            (LEAVE_ALTERNATE_SCREEN, "leave the alternate screen"),
            (SHOW_CURSOR, "show the cursor"),
            (DISABLE_MOUSE, "stop mouse reporting"),
        ] {
            assert!(tail.contains(sequence), "never told the terminal to {what}");
        }
    }
}
