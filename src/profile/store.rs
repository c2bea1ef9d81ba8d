//! Profiles on disk: one TOML file per profile in `<home>/profiles/`, written atomically, and a
//! `last_used` file naming the profile to reopen.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::profile::codec::{from_toml, to_toml};
use crate::profile::{Profile, ProfileError, validate_name};

/// Overrides the data directory (tests and portable installs use it).
pub const HOME_ENV: &str = "SKILLPATH_HOME";
const LAST_USED_FILE: &str = "last_used";

#[derive(Debug)]
pub struct ProfileStore {
    dir: PathBuf,
    /// Files that failed to parse when loaded: saving over them would destroy the only copy of
    /// whatever the person had written there.
    corrupt: Mutex<BTreeSet<PathBuf>>,
}

impl ProfileStore {
    /// `$SKILLPATH_HOME` if set, else the platform data directory's `skillpath`. Nothing is
    /// created until the first save.
    pub fn open_default() -> Result<Self, ProfileError> {
        match std::env::var_os(HOME_ENV) {
            Some(home) if !home.is_empty() => Ok(Self::at(home)),
            _ => dirs::data_dir()
                .map(|dir| Self::at(dir.join("skillpath")))
                .ok_or(ProfileError::NoDataDir),
        }
    }

    pub fn at(dir: impl Into<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            corrupt: Mutex::new(BTreeSet::new()),
        }
    }

    /// The store's home directory (profiles live in its `profiles/`).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn path_of(&self, name: &str) -> PathBuf {
        self.profiles_dir().join(format!("{name}.toml"))
    }

    fn profiles_dir(&self) -> PathBuf {
        self.dir.join("profiles")
    }

    /// Names of the saved profiles, sorted. Files whose name is not a valid profile name
    /// (editor backups, temporary files) are skipped.
    pub fn list(&self) -> Result<Vec<String>, ProfileError> {
        let dir = self.profiles_dir();
        let entries = match fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(ProfileError::Read { path: dir, source }),
        };
        let mut names = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| ProfileError::Read {
                path: dir.clone(),
                source,
            })?;
            let path = entry.path();
            if path.extension().is_some_and(|ext| ext == "toml")
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
                && validate_name(stem).is_ok()
            {
                names.push(stem.to_string());
            }
        }
        names.sort();
        Ok(names)
    }

    /// Loads a profile by name. Its `name` is the file's name, whatever the file says, so
    /// that saving it writes back to the same file.
    pub fn load(&self, name: &str) -> Result<Profile, ProfileError> {
        validate_name(name)?;
        let path = self.path_of(name);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(ProfileError::NotFound {
                    name: name.to_string(),
                    path,
                });
            }
            Err(source) => return Err(ProfileError::Read { path, source }),
        };
        match from_toml(&path, &text) {
            Ok(mut profile) => {
                profile.name = name.to_string();
                Ok(profile)
            }
            Err(error) => {
                self.mark_corrupt(path);
                Err(error)
            }
        }
    }

    /// Saves atomically: a reader sees the old file or the new one, never a torn write. Refuses
    /// to replace a file that does not parse (see [`ProfileError::WouldOverwriteCorrupt`]).
    pub fn save(&self, profile: &Profile) -> Result<(), ProfileError> {
        validate_name(&profile.name)?;
        let path = self.path_of(&profile.name);
        if self.is_corrupt_on_disk(&path) {
            self.mark_corrupt(path.clone());
            return Err(ProfileError::WouldOverwriteCorrupt { path });
        }
        let text = to_toml(profile).map_err(|e| ProfileError::Serialize {
            path: path.clone(),
            message: e.to_string(),
        })?;
        write_atomic(&path, text.as_bytes()).map_err(|source| ProfileError::Write { path, source })
    }

    /// The profile used last, if it is still there.
    pub fn last_used(&self) -> Option<String> {
        let text = fs::read_to_string(self.dir.join(LAST_USED_FILE)).ok()?;
        let name = text.trim();
        (validate_name(name).is_ok() && self.path_of(name).is_file()).then(|| name.to_string())
    }

    pub fn set_last_used(&self, name: &str) -> Result<(), ProfileError> {
        validate_name(name)?;
        let path = self.dir.join(LAST_USED_FILE);
        write_atomic(&path, format!("{name}\n").as_bytes())
            .map_err(|source| ProfileError::Write { path, source })
    }

    fn mark_corrupt(&self, path: PathBuf) {
        self.corrupt
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(path);
    }

    /// A file known to have failed to parse stays protected while it exists; a file this store
    /// has not loaded is checked now, since another program may have written it.
    fn is_corrupt_on_disk(&self, path: &Path) -> bool {
        let Ok(text) = fs::read_to_string(path) else {
            return false;
        };
        let known_corrupt = self
            .corrupt
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(path);
        known_corrupt || from_toml(path, &text).is_err()
    }
}

/// Reads a profile file given by path. Its `name` defaults to the file's stem.
pub fn load_file(path: &Path) -> Result<Profile, ProfileError> {
    let text = fs::read_to_string(path).map_err(|source| ProfileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut profile = from_toml(path, &text)?;
    if profile.name.is_empty() {
        profile.name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    Ok(profile)
}

/// Writes `<file>.tmp-<pid>` beside `path`, syncs it, then renames it over `path`. On failure
/// the temporary file is removed and `path` is untouched.
fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| io::Error::other("the path has no parent directory"))?;
    fs::create_dir_all(dir)?;
    let mut tmp_name = path.file_name().unwrap_or_default().to_os_string();
    tmp_name.push(format!(".tmp-{}", std::process::id()));
    let tmp = dir.join(tmp_name);

    let written = File::create(&tmp).and_then(|mut file| {
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        fs::rename(&tmp, path)
    });
    if written.is_err() {
        // Best effort: the error that matters is the one returned.
        let _ = fs::remove_file(&tmp);
        return written;
    }
    // Make the rename itself durable; not every platform can open a directory.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}
