//! End to end: the real binary in a pseudo-terminal. Type a search, choose a role, read the
//! pathway, quit, and find the terminal restored.

mod tui_fixture;

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 30;
const COLS: u16 = 100;

/// The terminal as a person would see it: everything the program wrote, parsed.
struct Screen {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    /// Every byte received, to check the restore sequences at the end.
    raw: Vec<u8>,
}

impl Screen {
    fn pump(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.parser.process(&bytes);
            self.raw.extend_from_slice(&bytes);
        }
    }

    fn text(&mut self) -> String {
        self.pump();
        self.parser.screen().contents()
    }

    /// Waits until the screen shows `wanted`; fails with the screen as it was.
    fn wait_for(&mut self, wanted: &str) -> String {
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
}

#[test]
fn search_choose_a_role_read_the_pathway_and_quit() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let catalog = dir.path().join("catalog.toml");
    std::fs::write(&catalog, tui_fixture::CATALOG).expect("write the catalog");
    let home = dir.path().join("home");

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
    command.arg(&catalog);
    command.env("SKILLPATH_HOME", &home);
    command.env("TERM", "xterm-256color");
    command.env_remove("NO_COLOR");
    command.cwd(dir.path());
    let mut child = pty.slave.spawn_command(command).expect("the binary starts");
    drop(pty.slave);

    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let mut writer = pty.master.take_writer().expect("a writer");
    let (sender, output) = mpsc::channel();
    thread::spawn(move || {
        let mut buffer = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 || sender.send(buffer[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut screen = Screen {
        parser: vt100::Parser::new(
            NonZeroU16::new(ROWS).expect("rows"),
            NonZeroU16::new(COLS).expect("columns"),
            0,
        ),
        output,
        raw: Vec::new(),
    };
    let mut send = |keys: &str| {
        writer
            .write_all(keys.as_bytes())
            .expect("keys reach the program");
        writer.flush().expect("flush");
    };

    // A first visit: the search has the cursor and the status line says what to do.
    let first = screen.wait_for("Type part of a role's name");
    assert!(first.contains("Search:"), "{first}");
    assert!(
        screen.parser.screen().alternate_screen(),
        "the app draws on the alternate screen"
    );

    send("mach");
    let narrowed = screen.wait_for("Search: mach");
    assert!(narrowed.contains("Machine Learning Engineer"), "{narrowed}");
    assert!(!narrowed.contains("Reporting Analyst"), "{narrowed}");
    // Wider search: the analyst is first.
    for _ in 0..4 {
        send("\x7f");
    }
    send("analyst");
    let list = screen.wait_for("Search: analyst");
    assert!(list.contains("Data Analyst"), "{list}");
    send("\r");

    let pathway = screen.wait_for("Pathway to Data Analyst");
    for expected in [
        "SQL for Data Analysis",
        "Data Analytics Certificate",
        "optimal (proven)",
        "Timeline at 5 h/week",
        "week of",
        "closes",
    ] {
        assert!(
            pathway.contains(expected),
            "{expected:?} missing:\n{pathway}"
        );
    }

    send("q");
    let deadline = Instant::now() + Duration::from_secs(10);
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited on") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "q did not quit:\n{}",
            screen.text()
        );
        thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "exit status {status:?}");

    // Give the reader a moment for the last bytes, then check the terminal was restored.
    thread::sleep(Duration::from_millis(200));
    screen.pump();
    let terminal = screen.parser.screen();
    assert!(!terminal.alternate_screen(), "back on the main screen");
    assert!(!terminal.hide_cursor(), "the cursor is visible again");
    assert_eq!(
        terminal.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse reporting is off"
    );

    // The choice was saved for next time.
    let saved = std::fs::read_to_string(home.join("profiles/default.toml")).expect("saved");
    assert!(saved.contains("target_role = \"data-analyst\""), "{saved}");
}
