//! What every screen reads to draw itself: the catalog, the analysis of the current profile,
//! the theme and today's date. Shared by `Arc`, so handing it to six screens is cheap.

use std::sync::Arc;

use time::Date;

use crate::catalog::Catalog;
use crate::tui::analysis::Analysis;
use crate::tui::theme::Theme;

#[derive(Debug, Clone)]
pub struct Context {
    pub catalog: Arc<Catalog>,
    pub analysis: Arc<Analysis>,
    pub theme: Theme,
    /// Day one of the timeline.
    pub today: Date,
    /// Counts changes of profile and catalog: a screen whose context keeps its generation
    /// has only received a plan, and may keep what it derived from the profile.
    pub generation: u64,
}
