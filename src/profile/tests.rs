//! Storage behaviour a person would notice: saves survive failures, corrupt files are never
//! replaced, names cannot escape the directory.

use std::fs;

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
    profile.notes.push(Note {
        date: "2026-01-05".into(),
        text: "prefers evening courses".into(),
    });
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
    let tmp = path.with_file_name(format!("ana.toml.tmp-{}", std::process::id()));
    fs::create_dir(&tmp).expect("block the temporary path");
    let mut changed = ana();
    changed.skills.insert("python".into(), 3);
    let error = store.save(&changed).expect_err("the save must fail");
    assert!(matches!(error, ProfileError::Write { .. }), "{error}");
    assert!(error.to_string().contains("ana.toml"), "{error}");

    assert_eq!(fs::read_to_string(&path).expect("read"), before);
    fs::remove_dir(&tmp).expect("unblock");
    store.save(&changed).expect("save after unblocking");
    assert_eq!(store.load("ana").expect("load"), changed);
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
