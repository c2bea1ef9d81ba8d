//! Performing the side effects `update` asks for: profile files and exports. The outcome of
//! each comes back as a message.

use std::fs;
use std::path::{Path, PathBuf};

use crate::profile::ProfileStore;
use crate::tui::msg::{Cmd, Export, Msg, ReportFiles};

#[derive(Debug)]
pub struct Effects {
    store: ProfileStore,
    /// Where exports go first; the store's `exports/` when it is not writable.
    export_dir: PathBuf,
    /// The name last written to the store's `last_used`, to write it only on a change.
    last_used: Option<String>,
}

impl Effects {
    pub fn new(store: ProfileStore, export_dir: PathBuf) -> Self {
        let last_used = store.last_used();
        Self {
            store,
            export_dir,
            last_used,
        }
    }

    pub fn store(&self) -> &ProfileStore {
        &self.store
    }

    pub fn perform(&mut self, cmd: Cmd) -> Option<Msg> {
        match cmd {
            Cmd::SaveProfile(profile) => match self.store.save(&profile) {
                Ok(()) => self.remember(&profile.name),
                Err(error) => Some(Msg::SaveFailed(error.to_string())),
            },
            Cmd::LoadProfile(name) => match self.store.load(&name) {
                Ok(profile) => {
                    let failed = self.remember(&name);
                    failed.or(Some(Msg::ProfileLoaded(Box::new(profile))))
                }
                Err(error) => Some(Msg::NotifyError(error.to_string())),
            },
            Cmd::Export(export) => Some(self.export(&export)),
            Cmd::WriteReport(report) => Some(self.write_report(&report)),
        }
    }

    /// Records `name` as the profile to reopen next time.
    fn remember(&mut self, name: &str) -> Option<Msg> {
        if self.last_used.as_deref() == Some(name) {
            return None;
        }
        match self.store.set_last_used(name) {
            Ok(()) => {
                self.last_used = Some(name.to_string());
                None
            }
            Err(error) => Some(Msg::NotifyError(error.to_string())),
        }
    }

    fn export(&self, export: &Export) -> Msg {
        let files = [("md", &export.markdown), ("json", &export.json)];
        match self.write_files(&export.stem, &files) {
            Ok(markdown) => Msg::Notify(format!(
                "Exported {} (and .json beside it).",
                markdown.display()
            )),
            Err(problems) => Msg::NotifyError(format!("Could not export: {problems}")),
        }
    }

    fn write_report(&self, report: &ReportFiles) -> Msg {
        let files = [("html", &report.html), ("md", &report.markdown)];
        match self.write_files(&report.stem, &files) {
            Ok(html) => Msg::Notify(format!(
                "Wrote the handover report {} (and .md beside it).",
                html.display()
            )),
            Err(problems) => Msg::NotifyError(format!("Could not write the report: {problems}")),
        }
    }

    /// Writes `<stem>.<extension>` for each file into the export directory, or the store's
    /// `exports/` when that fails; returns the first file's path, or every problem met.
    fn write_files(&self, stem: &str, files: &[(&str, &String)]) -> Result<PathBuf, String> {
        let fallback = self.store.dir().join("exports");
        let mut problems = Vec::new();
        for dir in [self.export_dir.as_path(), fallback.as_path()] {
            match write_into(dir, stem, files) {
                Ok(first) => return Ok(first),
                Err(error) => problems.push(format!("{}: {error}", dir.display())),
            }
        }
        Err(problems.join("; "))
    }
}

fn write_into(dir: &Path, stem: &str, files: &[(&str, &String)]) -> std::io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let mut first = None;
    for (extension, text) in files {
        let path = dir.join(format!("{stem}.{extension}"));
        fs::write(&path, text)?;
        first.get_or_insert(path);
    }
    Ok(first.unwrap_or_else(|| dir.to_path_buf()))
}
