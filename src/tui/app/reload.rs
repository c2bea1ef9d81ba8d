//! A catalog edited while the app runs: a good edit replaces the catalog and re-plans the
//! same profile; a broken one opens the diagnostics and changes nothing else.

use crate::tui::analysis::Analysis;
use crate::tui::app::App;
use crate::tui::reload::{DiagnosticsOverlay, Reload};

impl App {
    pub(super) fn reload_catalog(&mut self, reload: Reload) {
        match reload {
            Reload::Loaded { catalog, warnings } => {
                self.diagnostics = None;
                self.ctx.catalog = catalog;
                // Indices of the old catalog mean nothing in the new one: start from the
                // profile, which names everything by id.
                let profile = self.current_profile().clone();
                self.set_analysis(Analysis::prepare(&self.ctx.catalog, profile));
                let catalog = &self.ctx.catalog;
                let mut text = format!(
                    "Catalog reloaded: {} credentials, {} roles.",
                    catalog.credentials.len(),
                    catalog.roles.len()
                );
                if warnings > 0 {
                    text.push_str(&format!(
                        " {warnings} warning{}: `skillpath check` lists them.",
                        if warnings == 1 { "" } else { "s" }
                    ));
                }
                self.notify(text, false);
            }
            Reload::Broken(diagnostics) => {
                let overlay = DiagnosticsOverlay::new(&diagnostics);
                self.notify(
                    format!(
                        "The catalog edit has {} error{}; still using the last good catalog.",
                        overlay.errors,
                        if overlay.errors == 1 { "" } else { "s" }
                    ),
                    true,
                );
                self.diagnostics = Some(overlay);
            }
        }
    }
}
