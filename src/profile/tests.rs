//! Storage behaviour a person would notice: saves survive failures, corrupt files are never
//! replaced, names cannot escape the directory.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use super::atomic;
use super::*;

fn store() -> (tempfile::TempDir, ProfileStore) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = ProfileStore::at(dir.path());
    (dir, store)
}

fn ana() -> Profile {
    let mut profile = Profile::new("ana");
    profile.skills.insert("sql".into(), 2);
    profile.done.insert("sql-basics".into());
    profile
        .notes
        .push(Note::new("2026-01-05", "prefers evening courses"));
    profile
}

#[test]
fn saves_lists_and_loads_back() {
    let (_dir, store) = store();
    assert_eq!(store.list().expect("list"), Vec::<String>::new());
    store.save(&ana()).expect("save");
    store.save(&Profile::new("bo")).expect("save");
    assert_eq!(store.list().expect("list"), ["ana", "bo"]);
    assert_eq!(store.load("ana").expect("load"), ana());
}

#[test]
fn a_failed_save_leaves_the_old_file_intact() {
    let (_dir, store) = store();
    store.save(&ana()).expect("first save");
    let path = store.path_of("ana");
    let before = fs::read_to_string(&path).expect("read");

    // A directory where the temporary file must go makes the write fail (this works even
    // for root, who ignores read-only permissions).
    let tmp = atomic::temp_path_for_tests(&path, std::process::id());
    fs::create_dir(&tmp).expect("block the temporary path");
    let error = store
        .save(&ana_with_python())
        .expect_err("the save must fail");
    assert!(
        matches!(error, ProfileError::NotSaved { kept: true, .. }),
        "{error}"
    );
    let message = error.to_string();
    assert!(
        message.starts_with("profile not saved: cannot write"),
        "{message}"
    );
    assert!(
        message.contains(&format!(
            "The previous version is intact at {}",
            path.display()
        )),
        "{message}"
    );

    assert_eq!(fs::read_to_string(&path).expect("read"), before);
    fs::remove_dir(&tmp).expect("unblock");
    store
        .save(&ana_with_python())
        .expect("save after unblocking");
    assert_eq!(store.load("ana").expect("load"), ana_with_python());
}

fn ana_with_python() -> Profile {
    let mut changed = ana();
    changed.skills.insert("python".into(), 3);
    changed
}

/// Files in the profiles directory, sorted.
fn files_in(store: &ProfileStore) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(store.dir().join("profiles"))
        .expect("the profiles directory")
        .map(|entry| {
            entry
                .expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

#[test]
fn a_disk_that_fills_up_mid_write_leaves_the_old_file_and_no_debris() {
    let (_dir, store) = store();
    store.save(&ana()).expect("first save");
    let path = store.path_of("ana");
    let before = fs::read(&path).expect("read");

    let disk_full = |path: &Path, contents: &[u8]| {
        atomic::replace_with(
            path,
            contents,
            |file, bytes| {
                file.write_all(&bytes[..bytes.len() / 2])?;
                Err(io::Error::new(
                    io::ErrorKind::StorageFull,
                    "No space left on device",
                ))
            },
            |_| unreachable!("a failed write never reaches the rename"),
        )
    };
    let error = store
        .save_with(&ana_with_python(), disk_full)
        .expect_err("the disk is full");
    let message = error.to_string();
    assert!(message.starts_with("profile not saved"), "{message}");
    assert!(message.contains("No space left on device"), "{message}");
    assert!(message.contains("previous version is intact"), "{message}");

    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the old bytes, exactly"
    );
    assert_eq!(
        files_in(&store),
        ["ana.toml"],
        "the half-written file is removed"
    );
    assert_eq!(store.load("ana").expect("load"), ana());
}

#[test]
fn a_first_save_that_fails_says_there_was_nothing_to_keep() {
    let (_dir, store) = store();
    let failing = |_: &Path, _: &[u8]| {
        Err(atomic::ReplaceError::NotReplaced(io::Error::from(
            io::ErrorKind::StorageFull,
        )))
    };
    let error = store.save_with(&ana(), failing).expect_err("fails");
    assert!(
        matches!(error, ProfileError::NotSaved { kept: false, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("no earlier version"), "{error}");
}

/// Set for the child process of the kill test: the store's directory.
const KILL_CHILD_HOME: &str = "SKILLPATH_TEST_KILLED_SAVE_HOME";

/// Not a test on its own: the child process of the next test. It saves, and stops for ever
/// between writing the temporary file and renaming it, until it is killed.
#[test]
#[ignore = "helper process of a_save_killed_before_its_rename_leaves_the_previous_profile"]
fn killed_save_child() {
    let Some(home) = std::env::var_os(KILL_CHILD_HOME) else {
        return;
    };
    let store = ProfileStore::at(home);
    let stop_before_rename = |path: &Path, contents: &[u8]| {
        atomic::replace_with(
            path,
            contents,
            |file, bytes| file.write_all(bytes),
            |tmp| {
                println!("WRITTEN {}", tmp.display());
                let _ = io::stdout().flush();
                loop {
                    std::thread::sleep(std::time::Duration::from_secs(60));
                }
            },
        )
    };
    let _ = store.save_with(&ana_with_python(), stop_before_rename);
}

#[test]
fn a_save_killed_before_its_rename_leaves_the_previous_profile() {
    use std::io::BufRead;
    use std::process::{Command, Stdio};

    let (dir, store) = store();
    store.save(&ana()).expect("first save");
    let path = store.path_of("ana");
    let before = fs::read(&path).expect("read");

    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args(["--exact", "profile::tests::killed_save_child"])
        .args(["--ignored", "--nocapture", "--test-threads=1"])
        .env(KILL_CHILD_HOME, dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the child starts");
    let stdout = child.stdout.take().expect("its output");
    // Read on a thread, so that a child that never gets there fails the test instead of
    // hanging it. The harness prints the test's name on the same line first.
    let (sender, lines) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let written = io::BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .find_map(|line| {
                let (_, tmp) = line.split_once("WRITTEN ")?;
                Some(std::path::PathBuf::from(tmp))
            });
        let _ = sender.send(written);
    });
    let written = lines
        .recv_timeout(std::time::Duration::from_secs(30))
        .ok()
        .flatten();
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    let tmp = written.expect("the child wrote its temporary file before it was killed");

    assert_eq!(
        fs::read(&path).expect("read"),
        before,
        "the profile is untouched"
    );
    assert_eq!(store.load("ana").expect("still loads"), ana());
    assert!(tmp.is_file(), "the killed save left {}", tmp.display());
    assert_eq!(
        store.list().expect("list"),
        ["ana"],
        "a leftover is no profile"
    );

    // The next save tidies up after the dead process.
    store.save(&ana_with_python()).expect("the next save");
    assert_eq!(files_in(&store), ["ana.toml"]);
    assert_eq!(store.load("ana").expect("load"), ana_with_python());
}

#[cfg(target_os = "linux")]
#[test]
fn the_temporary_file_of_a_running_save_elsewhere_is_left_alone() {
    let (_dir, store) = store();
    store.save(&ana()).expect("first save");
    // Process 1 is always running.
    let theirs = atomic::temp_path_for_tests(&store.path_of("ana"), 1);
    fs::write(&theirs, "half").expect("write");
    store.save(&ana_with_python()).expect("save");
    assert!(theirs.is_file(), "a live process's temporary file stays");
    assert_eq!(store.list().expect("list"), ["ana"]);
}

#[test]
fn a_corrupt_profile_is_reported_with_file_and_line_and_never_overwritten() {
    let (_dir, store) = store();
    let path = store.path_of("ana");
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let corrupt = "name = \"ana\"\n[skills]\nsql = \"lots\"\n";
    fs::write(&path, corrupt).expect("write");

    let error = store.load("ana").expect_err("corrupt");
    let message = error.to_string();
    assert!(message.contains("ana.toml:3:"), "{message}");

    let error = store.save(&ana()).expect_err("must refuse");
    assert!(
        matches!(error, ProfileError::WouldOverwriteCorrupt { .. }),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&path).expect("read"), corrupt);
}

#[test]
fn a_corrupt_file_this_store_never_loaded_is_protected_too() {
    let (_dir, store) = store();
    let path = store.path_of("ana");
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(&path, "skills = [").expect("write");
    assert!(store.save(&ana()).is_err());
    assert_eq!(fs::read_to_string(&path).expect("read"), "skills = [");
}

#[test]
fn loading_a_missing_profile_names_the_file() {
    let (_dir, store) = store();
    let error = store.load("nobody").expect_err("missing");
    assert!(matches!(error, ProfileError::NotFound { .. }));
    assert!(error.to_string().contains("nobody.toml"), "{error}");
}

#[test]
fn names_that_would_escape_the_directory_are_refused() {
    let (dir, store) = store();
    assert!(store.load("../secret").is_err());
    assert!(store.save(&Profile::new("../evil")).is_err());
    assert!(store.set_last_used("a/b").is_err());
    assert!(!dir.path().join("evil.toml").exists());
}

#[test]
fn last_used_round_trips_and_ignores_deleted_profiles() {
    let (_dir, store) = store();
    assert_eq!(store.last_used(), None);
    store.save(&ana()).expect("save");
    store.set_last_used("ana").expect("set");
    assert_eq!(store.last_used().as_deref(), Some("ana"));
    fs::remove_file(store.path_of("ana")).expect("delete");
    assert_eq!(store.last_used(), None);
}

#[test]
fn the_file_name_wins_over_the_name_inside() {
    let (_dir, store) = store();
    let path = store.path_of("client-7");
    fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    fs::write(&path, "name = \"someone else\"\n").expect("write");
    assert_eq!(store.load("client-7").expect("load").name, "client-7");
}

#[test]
fn load_file_takes_the_name_from_the_stem_when_absent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("maria.toml");
    fs::write(&path, "[skills]\nsql = 1\n").expect("write");
    let profile = load_file(&path).expect("load");
    assert_eq!(profile.name, "maria");
    assert_eq!(profile.skills.get("sql"), Some(&1));
}
