//! Nothing typed in the app is lost: a save that fails keeps the change in memory, says why
//! and what is still on disk, tries again with the next change, and a quit asks once first; a
//! profile that does not parse is never written over, and a new one can start beside it.
//! The app runs with its real side effects on a profile store in a temporary directory.

mod tui_fixture;

use std::fs;
use std::path::PathBuf;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use skillpath::profile::{Profile, ProfileStore};
use skillpath::tui::{App, Effects, Msg, open_profile};

struct Harness {
    dir: tempfile::TempDir,
    app: App,
    effects: Effects,
}

impl Harness {
    fn new(app_for: impl FnOnce(&ProfileStore) -> App) -> Self {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let store = ProfileStore::at(dir.path().join("home"));
        let app = app_for(&store);
        let effects = Effects::new(store, dir.path().join("exports"));
        Self { dir, app, effects }
    }

    fn store(&self) -> &ProfileStore {
        self.effects.store()
    }

    /// Updates with `msg` and performs the commands that follow, as the run loop does.
    fn dispatch(&mut self, msg: Msg) {
        let mut next = Some(msg);
        while let Some(msg) = next.take() {
            next = self
                .app
                .update(msg)
                .and_then(|cmd| self.effects.perform(cmd));
        }
    }

    fn press(&mut self, code: KeyCode) {
        let key = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(msg) = self.app.handle_key(&key) {
            self.dispatch(msg);
        }
    }

    fn type_text(&mut self, text: &str) {
        text.chars().for_each(|c| self.press(KeyCode::Char(c)));
    }

    fn status(&self) -> String {
        self.app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default()
    }

    /// Makes the next saves of `name` fail: a directory sits where the temporary file goes.
    fn block_saves(&self, name: &str) -> PathBuf {
        let path = self.store().path_of(name);
        let mut tmp = path.clone().into_os_string();
        tmp.push(format!(".tmp-{}", std::process::id()));
        let tmp = PathBuf::from(tmp);
        fs::create_dir_all(&tmp).expect("block the temporary file");
        tmp
    }
}

fn ana_saved() -> Harness {
    Harness::new(|store| {
        store.save(&tui_fixture::profile()).expect("save Ana");
        tui_fixture::app(tui_fixture::profile())
    })
}

fn raise_sql(level: u8) -> Msg {
    Msg::SetSkillLevel {
        skill: "sql".into(),
        level,
    }
}

#[test]
fn a_failed_save_keeps_the_change_says_why_and_retries_with_the_next_change() {
    let mut h = ana_saved();
    let path = h.store().path_of("ana");
    let before = fs::read(&path).expect("read");
    let blocker = h.block_saves("ana");

    h.dispatch(raise_sql(3));
    let status = h.app.status.clone().expect("a status line");
    assert!(status.error, "shown as an error");
    assert!(
        status.text.starts_with("profile not saved"),
        "{}",
        status.text
    );
    assert!(
        status
            .text
            .contains(&format!("previous version is intact at {}", path.display())),
        "{}",
        status.text
    );
    assert!(
        status.text.contains("saved with your next change"),
        "{}",
        status.text
    );
    assert_eq!(
        h.app.current_profile().skills.get("sql"),
        Some(&3),
        "kept in memory"
    );
    assert!(h.app.unsaved.is_some());
    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the file is untouched"
    );

    // The disk is writable again: the next change saves both.
    fs::remove_dir(&blocker).expect("unblock");
    h.dispatch(Msg::CycleObjective);
    assert!(h.app.unsaved.is_none());
    let on_disk = h.store().load("ana").expect("load");
    assert_eq!(on_disk.skills.get("sql"), Some(&3), "the first change too");
    assert_eq!(on_disk.objective, h.app.current_profile().objective);
}

#[test]
fn quitting_after_a_failed_save_warns_once() {
    let mut h = ana_saved();
    h.block_saves("ana");
    h.dispatch(raise_sql(3));

    h.press(KeyCode::Char('q'));
    assert!(h.app.running, "the first q only warns");
    assert!(h.status().contains("not saved"), "{}", h.status());
    assert!(h.status().contains("q again"), "{}", h.status());
    assert!(
        h.app.pending_save().is_some(),
        "a last save is tried on the way out"
    );

    h.press(KeyCode::Char('q'));
    assert!(!h.app.running, "the second q quits");
}

#[test]
fn quitting_with_everything_saved_does_not_ask() {
    let mut h = ana_saved();
    h.dispatch(raise_sql(3));
    assert!(h.app.unsaved.is_none());
    h.press(KeyCode::Char('q'));
    assert!(!h.app.running);
    assert_eq!(
        h.store().load("ana").expect("load").skills.get("sql"),
        Some(&3)
    );
}

const BROKEN: &str = "name = \"ana\"\n[skills]\nsql = \"lots\"\n";

fn ana_broken() -> Harness {
    Harness::new(|store| {
        let path = store.path_of("ana");
        fs::create_dir_all(path.parent().expect("a directory")).expect("mkdir");
        fs::write(&path, BROKEN).expect("write");
        let (profile, problem) = open_profile(store, "ana").expect("opens");
        let mut setup = tui_fixture::setup(false);
        setup.save_problem = problem;
        App::new(tui_fixture::catalog(), profile, setup)
    })
}

#[test]
fn a_profile_that_does_not_parse_shows_the_file_and_where() {
    let h = ana_broken();
    let panel = h.app.broken_profile.as_ref().expect("the panel is open");
    let path = h.store().path_of("ana");
    assert!(
        panel.problem.contains(&format!("{}:3:7", path.display())),
        "{}",
        panel.problem
    );
    assert_eq!(panel.new_name, "ana-2", "a free name is suggested");
    let screen = tui_fixture::screen_text(&h.app, 100, 30);
    assert!(screen.contains("Profile not readable"), "{screen}");
    assert!(screen.contains("ana.toml:3:7"), "{screen}");
    assert!(screen.contains("New profile name: ana-2"), "{screen}");
}

#[test]
fn a_broken_profile_is_never_written_even_after_changes() {
    let mut h = ana_broken();
    h.press(KeyCode::Esc);
    assert!(h.app.broken_profile.is_none(), "Esc carries on");
    h.dispatch(raise_sql(2));
    h.dispatch(Msg::ChooseRole("data-analyst".into()));
    assert_eq!(h.app.current_profile().skills.get("sql"), Some(&2));
    let path = h.store().path_of("ana");
    assert_eq!(fs::read_to_string(&path).expect("read"), BROKEN);
    assert!(h.app.unsaved.is_some(), "quitting would warn");
}

#[test]
fn a_new_profile_starts_under_the_edited_name_and_the_broken_file_stays() {
    let mut h = ana_broken();
    // An invalid name is refused in place.
    h.type_text(" x");
    h.press(KeyCode::Enter);
    let panel = h.app.broken_profile.as_ref().expect("still open");
    assert!(panel.error.is_some(), "says why the name cannot be used");

    for _ in 0.."-2 x".len() {
        h.press(KeyCode::Backspace);
    }
    h.type_text("-new");
    h.press(KeyCode::Enter);
    assert!(h.app.broken_profile.is_none());
    assert_eq!(h.app.current_profile().name, "ana-new");

    h.dispatch(raise_sql(2));
    let saved: Profile = h.store().load("ana-new").expect("the new profile is saved");
    assert_eq!(saved.skills.get("sql"), Some(&2));
    let path = h.store().path_of("ana");
    assert_eq!(
        fs::read_to_string(&path).expect("read"),
        BROKEN,
        "kept as it was"
    );
    assert!(h.dir.path().join("home/profiles/ana-new.toml").is_file());
}

#[test]
fn ctrl_c_quits_from_the_broken_profile_panel() {
    let mut h = ana_broken();
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    let msg = h.app.handle_key(&ctrl_c).expect("a message");
    h.dispatch(msg);
    assert!(!h.app.running);
}
