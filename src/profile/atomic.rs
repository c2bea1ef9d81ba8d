//! Replacing a file so that a crash, a kill or a full disk at any moment leaves the old contents
//! or the new, never a mix: write a temporary file beside it, flush it to disk, rename it over
//! the old one, then flush the directory so that the rename itself survives a power cut.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Temporary files are named `<file>.tmp-<pid>`: never a profile name, since `.` is not allowed
/// in one and the extension is not `toml`.
const TEMP_MARKER: &str = ".tmp-";

/// Where other platforms cannot tell whether the writer of a temporary file is still running,
/// a file this old is taken as abandoned: a save takes milliseconds.
#[cfg(not(target_os = "linux"))]
const ABANDONED_AFTER: std::time::Duration = std::time::Duration::from_secs(600);

/// How a replacement failed.
#[derive(Debug)]
pub(super) enum ReplaceError {
    /// The target was not touched: whatever was there before still is.
    NotReplaced(io::Error),
    /// The new contents are in place, but the system could not confirm they are on disk.
    Unconfirmed(io::Error),
}

/// Replaces `path` with `contents` atomically.
pub(super) fn replace(path: &Path, contents: &[u8]) -> Result<(), ReplaceError> {
    replace_with(path, contents, |file, bytes| file.write_all(bytes), |_| {})
}

/// [`replace`] with its steps open to tests: `write` fills the temporary file (a test can make
/// the disk fill up), `before_rename` runs once it is written and synced (a test can stop the
/// process there).
pub(super) fn replace_with(
    path: &Path,
    contents: &[u8],
    write: impl FnOnce(&mut File, &[u8]) -> io::Result<()>,
    before_rename: impl FnOnce(&Path),
) -> Result<(), ReplaceError> {
    let dir = path
        .parent()
        .ok_or_else(|| ReplaceError::NotReplaced(io::Error::other("the path has no directory")))?;
    fs::create_dir_all(dir).map_err(ReplaceError::NotReplaced)?;
    let tmp = temp_path(path, std::process::id());

    let written = File::create(&tmp).and_then(|mut file| {
        write(&mut file, contents)?;
        file.sync_all()?;
        drop(file);
        before_rename(&tmp);
        fs::rename(&tmp, path)
    });
    if let Err(error) = written {
        // Best effort: the error that matters is the one returned, and a leftover is
        // removed by the next save anyway.
        let _ = fs::remove_file(&tmp);
        return Err(ReplaceError::NotReplaced(error));
    }
    sync_dir(dir).map_err(ReplaceError::Unconfirmed)?;
    remove_abandoned_temps(path);
    Ok(())
}

fn temp_path(path: &Path, pid: u32) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!("{TEMP_MARKER}{pid}"));
    path.with_file_name(name)
}

/// Makes the directory entry (the rename) durable. Only Unix can open a directory for this.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) -> io::Result<()> {
    Ok(())
}

/// Removes the temporary files of earlier saves of `path` that never reached their rename (the
/// process was killed, or the machine stopped). A file another running process is still
/// writing is left alone.
fn remove_abandoned_temps(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let mut prefix = name.to_os_string();
    prefix.push(TEMP_MARKER);
    let Some(prefix) = prefix.to_str() else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = file_name
            .to_str()
            .and_then(|n| n.strip_prefix(prefix))
            .and_then(|pid| pid.parse::<u32>().ok())
        else {
            continue;
        };
        let modified = entry.metadata().and_then(|m| m.modified()).ok();
        if is_abandoned(pid, modified) {
            // Best effort: a leftover is never read, only untidy.
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process that wrote a temporary file is gone. This process's own leftovers
/// are abandoned too: its saves run one at a time.
fn is_abandoned(pid: u32, modified: Option<SystemTime>) -> bool {
    if pid == std::process::id() {
        return true;
    }
    process_is_gone(pid, modified)
}

#[cfg(target_os = "linux")]
fn process_is_gone(pid: u32, _modified: Option<SystemTime>) -> bool {
    !Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
fn process_is_gone(_pid: u32, modified: Option<SystemTime>) -> bool {
    modified
        .and_then(|m| m.elapsed().ok())
        .is_some_and(|age| age > ABANDONED_AFTER)
}

#[cfg(test)]
pub(super) fn temp_path_for_tests(path: &Path, pid: u32) -> PathBuf {
    temp_path(path, pid)
}
