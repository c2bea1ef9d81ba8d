//! Profiles on disk: one TOML file per profile in `<home>/profiles/`, written atomically, and a
//! `last_used` file naming the profile to reopen.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::profile::atomic::{self, ReplaceError};
use crate::profile::codec::{from_bytes, to_toml};
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
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                return Err(ProfileError::NotFound {
                    name: name.to_string(),
                    path,
                });
            }
            Err(source) => return Err(ProfileError::Read { path, source }),
        };
        match from_bytes(&path, &bytes) {
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

    /// Saves atomically: a reader sees the old file or the new one, never a torn write, and a
    /// save that fails says whether the earlier version is intact. Refuses to replace a file
    /// that does not parse (see [`ProfileError::WouldOverwriteCorrupt`]).
    pub fn save(&self, profile: &Profile) -> Result<(), ProfileError> {
        self.save_with(profile, atomic::replace)
    }

    /// [`Self::save`] with the replacing step given, so that tests can make it fail or stop.
    pub(super) fn save_with(
        &self,
        profile: &Profile,
        replace: impl FnOnce(&Path, &[u8]) -> Result<(), ReplaceError>,
    ) -> Result<(), ProfileError> {
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
        write_atomic_with(&path, text.as_bytes(), replace)
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
        // Not a profile: "the previous version is intact" would mislead.
        write_atomic(&path, format!("{name}\n").as_bytes()).map_err(|error| match error {
            ProfileError::NotSaved { path, source, .. } => ProfileError::Write { path, source },
            other => other,
        })
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
        // Bytes, not text: a file that is not UTF-8 is exactly one not to write over.
        let Ok(bytes) = fs::read(path) else {
            return false;
        };
        let known_corrupt = self
            .corrupt
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .contains(path);
        known_corrupt || from_bytes(path, &bytes).is_err()
    }
}

/// Reads a profile file given by path. Its `name` defaults to the file's stem.
pub fn load_file(path: &Path) -> Result<Profile, ProfileError> {
    let bytes = fs::read(path).map_err(|source| ProfileError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut profile = from_bytes(path, &bytes)?;
    if profile.name.is_empty() {
        profile.name = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
    }
    Ok(profile)
}

/// Writes `contents` over `path` atomically; a failure before the rename leaves `path` as it was.
fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), ProfileError> {
    write_atomic_with(path, contents, atomic::replace)
}

/// [`write_atomic`] with the replacing step given: tests make it fail or stop.
fn write_atomic_with(
    path: &Path,
    contents: &[u8],
    replace: impl FnOnce(&Path, &[u8]) -> Result<(), ReplaceError>,
) -> Result<(), ProfileError> {
    let kept = path.is_file();
    replace(path, contents).map_err(|error| match error {
        ReplaceError::NotReplaced(source) => ProfileError::NotSaved {
            path: path.to_path_buf(),
            source,
            kept,
        },
        ReplaceError::Unconfirmed(source) => ProfileError::Write {
            path: path.to_path_buf(),
            source,
        },
    })
}
