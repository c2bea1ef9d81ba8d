//! However the app ends (SIGTERM, Ctrl-C, a panic), the terminal is handed back as it was
//! found, and the profile on disk is whole. The real binary runs in a pseudo-terminal.

mod tui_fixture;
mod tui_pty;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use skillpath::plan::Objective;
use skillpath::profile::ProfileStore;
use skillpath::tui::TEST_PANIC_ENV;
use tui_pty::{DISABLE_MOUSE, LEAVE_ALTERNATE_SCREEN, Pty, SHOW_CURSOR};

/// A catalog and a home holding Ana's saved profile, opened on her pathway.
struct Scene {
    dir: tempfile::TempDir,
    catalog: PathBuf,
    home: PathBuf,
}

impl Scene {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let catalog = dir.path().join("catalog.toml");
        std::fs::write(&catalog, tui_fixture::CATALOG).expect("write the catalog");
        let home = dir.path().join("home");
        let store = ProfileStore::at(&home);
        store.save(&tui_fixture::profile()).expect("save Ana");
        store.set_last_used("ana").expect("reopen Ana");
        Self { dir, catalog, home }
    }

    fn start(&self, env: &[(&str, &str)]) -> Pty {
        let mut pty = Pty::start(&self.catalog, &self.home, self.dir.path(), env);
        pty.wait_for("Pathway to Data Analyst");
        pty
    }

    /// Started, with one change made: the objective, saved as it is made.
    fn start_with_a_change(&self) -> Pty {
        let mut pty = self.start(&[]);
        pty.send("o");
        pty.wait_for("Now minimising cost");
        pty
    }

    /// Asserts that the change of [`Scene::start_with_a_change`] is on disk, and the rest of
    /// the profile as it was.
    fn assert_change_saved(&self) {
        let profile = loads(&self.home);
        assert_eq!(profile.objective, Objective::Cost, "the change is on disk");
        assert_eq!(profile.skills, tui_fixture::profile().skills);
    }

    fn profile_file(&self) -> PathBuf {
        ProfileStore::at(&self.home).path_of("ana")
    }

    fn saved_bytes(&self) -> Vec<u8> {
        std::fs::read(self.profile_file()).expect("the profile is on disk")
    }
}

fn send_signal(signal: &str, pid: u32) {
    // The shell's own `kill`: a minimal system may have no kill program.
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("kill {signal} {pid}"))
        .status()
        .expect("sh runs");
    assert!(status.success(), "kill {signal} {pid}");
}

fn loads(home: &Path) -> skillpath::profile::Profile {
    ProfileStore::at(home)
        .load("ana")
        .expect("the profile loads")
}

#[test]
fn sigterm_saves_restores_the_terminal_and_exits_cleanly() {
    let scene = Scene::new();
    let mut pty = scene.start_with_a_change();
    let pid = pty.child.process_id().expect("the child's id");
    send_signal("-TERM", pid);
    let status = pty.wait_exit("SIGTERM");
    assert!(
        status.success(),
        "a clean exit, not death by signal: {status:?}"
    );
    pty.assert_restored();
    scene.assert_change_saved();
}

/// Closing the terminal's window: the program must end by itself, not wait forever on a
/// terminal that is gone (crossterm 0.29 then never returns from waiting for a key), and what
/// it saved must stay whole.
#[test]
fn closing_the_terminal_ends_the_program_and_keeps_the_profile() {
    let scene = Scene::new();
    let pty = scene.start_with_a_change();
    // To the Roles screen: a change of screen the reading thread sees before it stops.
    let mut child = pty.hang_up("1");
    let deadline = Instant::now() + Duration::from_secs(10);
    while child
        .try_wait()
        .expect("the child can be waited on")
        .is_none()
    {
        if Instant::now() >= deadline {
            // Left running, it would spin on a core for as long as the machine is up.
            child.kill().expect("the program can be killed");
            panic!("the program kept running after its terminal was closed");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    scene.assert_change_saved();
}

#[test]
fn ctrl_c_quits_cleanly_and_restores_the_terminal() {
    let scene = Scene::new();
    let before = scene.saved_bytes();
    let mut pty = scene.start(&[]);
    pty.send("\x03");
    let status = pty.wait_exit("Ctrl-C");
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
    assert_eq!(scene.saved_bytes(), before, "the profile is untouched");
}

#[test]
fn ctrl_c_quits_even_while_typing_in_a_search() {
    let scene = Scene::new();
    let mut pty = scene.start(&[]);
    pty.send("6/");
    pty.wait_for("Credentials (");
    pty.send("sq\x03");
    let status = pty.wait_exit("Ctrl-C while typing");
    assert!(status.success(), "{status:?}");
    pty.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_then_prints_the_message() {
    let scene = Scene::new();
    let before = scene.saved_bytes();
    let mut pty = scene.start(&[(TEST_PANIC_ENV, "1")]);
    pty.send("x");
    let status = pty.wait_exit("the panic");
    assert!(!status.success(), "a panic is a failure: {status:?}");
    pty.assert_restored();

    let tail = pty.after_last_frame();
    let message_at = tail
        .find("deliberate panic")
        .expect("the panic message is printed");
    for sequence in [LEAVE_ALTERNATE_SCREEN, SHOW_CURSOR, DISABLE_MOUSE] {
        let restored_at = tail.find(sequence).expect("restored");
        assert!(
            restored_at < message_at,
            "{sequence:?} comes before the message, so that it lands on the main screen:\n{tail:?}"
        );
    }
    assert!(pty.text().contains("deliberate panic"), "{}", pty.text());
    assert_eq!(scene.saved_bytes(), before, "the profile is untouched");
}
