//! Changing the profile and saving it: every change is saved at once; a save that fails
//! keeps the change in memory, is retried with the next change, and a quit asks once before
//! dropping it. A profile whose file did not parse is never saved over.

use crate::profile::Profile;
use crate::tui::app::App;
use crate::tui::edit;
use crate::tui::msg::{Cmd, Msg};

impl App {
    pub(super) fn set_save_problem(&mut self, problem: Option<String>) {
        self.profile.save_problem = problem;
    }

    /// Applies a profile edit, re-plans, and asks for a save.
    pub(super) fn change_profile(&mut self, msg: &Msg) -> Option<Cmd> {
        let mut profile = self.current_profile().clone();
        if !edit::apply(&mut profile, msg) {
            return None;
        }
        if msg.changes_only_notes() {
            self.replace_notes(profile);
        } else {
            self.replace_profile(profile);
        }
        if let Some(text) = self.describe_change(msg) {
            self.notify(text, false);
        }
        match self.profile.save_problem.clone() {
            Some(problem) => {
                self.set_unsaved(Some(problem));
                None
            }
            None => self.save(),
        }
    }

    /// Asks for the current profile to be saved. The run loop saves at once and answers
    /// only on failure, so the profile counts as saved until then.
    pub(super) fn save(&mut self) -> Option<Cmd> {
        self.set_unsaved(None);
        Some(Cmd::SaveProfile(Box::new(self.current_profile().clone())))
    }

    /// The save to try once more before the app ends, if the last one failed.
    pub fn pending_save(&self) -> Option<Cmd> {
        (self.unsaved.is_some() && self.profile.save_problem.is_none())
            .then(|| Cmd::SaveProfile(Box::new(self.current_profile().clone())))
    }

    pub(super) fn save_failed(&mut self, error: &str) {
        self.set_unsaved(Some(error.to_string()));
        self.notify(
            format!("{error}. Your changes are kept here and saved with your next change."),
            true,
        );
    }

    pub(super) fn set_unsaved(&mut self, reason: Option<String>) {
        if reason.is_none() || self.unsaved.is_none() {
            // A new problem deserves its own warning on quit.
            self.quit_warned = false;
        }
        self.unsaved = reason;
    }

    /// Quits, unless changes would be lost and the person has not been told yet.
    pub(super) fn quit(&mut self) {
        match &self.unsaved {
            Some(reason) if !self.quit_warned => {
                self.quit_warned = true;
                // What to do first: a long reason may not fit the status line.
                let text = format!(
                    "Press q again to quit without your latest changes: they are not saved \
                     ({reason})."
                );
                self.notify(text, true);
            }
            _ => self.running = false,
        }
    }

    pub(super) fn create_profile(&mut self, name: &str) -> Option<Cmd> {
        if self.profile.profile_names.iter().any(|n| n == name) {
            return Some(Cmd::LoadProfile(name.to_string()));
        }
        self.profile.profile_names.push(name.to_string());
        self.profile.profile_names.sort();
        // What was entered while the old file was unreadable carries over: nothing is lost.
        let mut profile = match self.profile.save_problem {
            Some(_) => self.current_profile().clone(),
            None => Profile::new(name),
        };
        profile.name = name.to_string();
        self.set_save_problem(None);
        self.replace_profile(profile);
        self.notify(
            format!("New profile {name}. Add skills with a, choose a role on 1."),
            false,
        );
        self.save()
    }
}
