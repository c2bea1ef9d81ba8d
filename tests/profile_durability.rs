//! Saving a profile on a disk that refuses: a read-only directory and a full disk leave the
//! previous profile byte for byte, and the error says the save failed, why, and where the
//! previous version is. (Killing a save between its write and its rename is tested beside the
//! store, in src/profile/tests.rs, where the save can be stopped at that point.)
//!
//! Both need a real file system that refuses: `chmod` (or `chattr +i` for root, whom
//! permissions do not stop) and a 64 KiB tmpfs (root only). Where the machine cannot provide
//! one, the test says so and passes without checking.

#![cfg(unix)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use skillpath::profile::{Profile, ProfileError, ProfileStore};

fn ana() -> Profile {
    let mut profile = Profile::new("ana");
    profile.skills.insert("sql".into(), 2);
    profile.target_role = Some("data-analyst".into());
    profile
}

fn ana_changed() -> Profile {
    let mut profile = ana();
    profile.skills.insert("python".into(), 3);
    // Big enough to need new blocks on a full disk.
    profile
        .extra
        .insert("padding".into(), "x".repeat(16 * 1024).into());
    profile
}

fn succeeds(command: &mut Command) -> bool {
    command.output().is_ok_and(|out| out.status.success())
}

fn can_write_in(dir: &Path) -> bool {
    let probe = dir.join("probe");
    let writable = fs::write(&probe, "x").is_ok();
    let _ = fs::remove_file(&probe);
    writable
}

/// Makes a directory read-only for as long as it lives.
struct ReadOnly {
    dir: PathBuf,
    immutable: bool,
}

impl ReadOnly {
    fn make(dir: &Path) -> Option<Self> {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(dir, fs::Permissions::from_mode(0o555)).ok()?;
        let mut guard = Self {
            dir: dir.to_path_buf(),
            immutable: false,
        };
        if can_write_in(dir) {
            // Root: only an immutable directory stops it.
            guard.immutable = succeeds(Command::new("chattr").arg("+i").arg(dir));
            if !guard.immutable || can_write_in(dir) {
                return None;
            }
        }
        Some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).output();
        }
        let _ = fs::set_permissions(&self.dir, fs::Permissions::from_mode(0o755));
    }
}

fn assert_failed_and_kept(error: &ProfileError, path: &Path, why: &[&str]) {
    let message = error.to_string();
    assert!(
        matches!(error, ProfileError::NotSaved { kept: true, .. }),
        "{message}"
    );
    assert!(message.starts_with("profile not saved"), "{message}");
    assert!(
        why.iter().any(|reason| message.contains(reason)),
        "says why, one of {why:?}: {message}"
    );
    assert!(
        message.contains(&format!(
            "The previous version is intact at {}",
            path.display()
        )),
        "{message}"
    );
}

#[test]
fn a_read_only_directory_keeps_the_previous_profile_and_says_so() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let store = ProfileStore::at(dir.path());
    store.save(&ana()).expect("first save");
    let path = store.path_of("ana");
    let before = fs::read(&path).expect("read");

    let Some(read_only) = ReadOnly::make(path.parent().expect("the profiles directory")) else {
        eprintln!("note: cannot make a read-only directory here; not checked");
        return;
    };
    let error = store
        .save(&ana_changed())
        .expect_err("a read-only directory");
    assert_failed_and_kept(
        &error,
        &path,
        &["Permission denied", "Operation not permitted"],
    );
    assert_eq!(fs::read(&path).expect("read"), before, "byte for byte");
    assert_eq!(store.load("ana").expect("still loads"), ana());

    drop(read_only);
    store.save(&ana_changed()).expect("saves once writable");
    assert_eq!(store.list().expect("list"), ["ana"]);
}

/// A tiny tmpfs, mounted for as long as it lives.
struct TinyDisk {
    dir: tempfile::TempDir,
}

impl TinyDisk {
    fn mount() -> Option<Self> {
        let dir = tempfile::tempdir().ok()?;
        let mounted = succeeds(
            Command::new("mount")
                .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
                .arg(dir.path()),
        );
        mounted.then_some(Self { dir })
    }

    /// Fills the disk with a file, to the last byte it accepts.
    fn fill(&self) {
        use std::io::Write;
        let mut filler = fs::File::create(self.dir.path().join("filler")).expect("a filler");
        let block = [0u8; 1024];
        while filler
            .write_all(&block)
            .and_then(|()| filler.flush())
            .is_ok()
        {}
        let _ = filler.sync_all();
    }
}

impl Drop for TinyDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).output();
    }
}

#[test]
fn a_full_disk_keeps_the_previous_profile_and_says_so() {
    let Some(disk) = TinyDisk::mount() else {
        eprintln!("note: cannot mount a small tmpfs here (needs root); not checked");
        return;
    };
    let store = ProfileStore::at(disk.dir.path().join("home"));
    store.save(&ana()).expect("first save");
    let path = store.path_of("ana");
    let before = fs::read(&path).expect("read");

    disk.fill();
    let error = store.save(&ana_changed()).expect_err("the disk is full");
    assert_failed_and_kept(&error, &path, &["No space left on device"]);
    assert_eq!(fs::read(&path).expect("read"), before, "byte for byte");
    assert_eq!(store.load("ana").expect("still loads"), ana());
    let files: Vec<_> = fs::read_dir(path.parent().expect("dir"))
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(files, ["ana.toml"], "no half-written file is left");
}
