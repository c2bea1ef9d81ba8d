//! The app's vocabulary. Keys, clicks and the results of side effects all become a [`Msg`];
//! [`App::update`](crate::tui::App::update) is the only place state changes, and it hands
//! side effects back as a [`Cmd`] for the run loop to perform.

use crate::profile::{Note, Profile};
use crate::tui::planner::Solved;
use crate::tui::reload::Reload;
use crate::tui::screens::Screen;

/// What the person (or a finished side effect) asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    // --- The application ---
    Quit,
    ShowScreen(Screen),
    NextScreen,
    PreviousScreen,
    ToggleHelp,
    /// A mouse click at a terminal cell; resolved against the layout in `update`.
    Click {
        column: u16,
        row: u16,
    },

    // --- The list and text field of the current screen ---
    SelectNext,
    SelectPrevious,
    SelectFirst,
    SelectLast,
    PageDown,
    PageUp,
    /// Select a row by its position in the visible list (a click).
    Select(usize),
    /// Put the cursor in the screen's search field.
    StartTyping,
    Type(char),
    DeleteChar,
    /// Leave the search field, keeping what was typed.
    StopTyping,
    /// Close the open picker or input box without changing anything.
    Cancel,
    /// An input box rejected what was typed; the box shows why.
    InvalidInput(String),

    // --- Roles ---
    /// Make this role (by id) the profile's target and show its pathway.
    ChooseRole(String),
    /// Sort roles by how near they are for this person, or back to catalog order.
    ToggleNearest,

    // --- The profile (each one re-plans and saves) ---
    /// Open a fuzzy picker on the Profile screen.
    OpenPicker(PickerKind),
    /// Open an input box on the Profile screen.
    OpenInput(InputKind),
    SetSkillLevel {
        skill: String,
        level: u8,
    },
    RemoveSkill(String),
    AddHeld(String),
    RemoveHeld(String),
    Exclude(String),
    Include(String),
    ExcludeProvider(String),
    IncludeProvider(String),
    SetHoursPerWeek(f64),
    SetBudgetCost(Option<f64>),
    SetBudgetHours(Option<f64>),
    CycleObjective,
    SwitchProfile(String),
    CreateProfile(String),
    /// Add an advisor's note (private: never exported).
    AddNote(Note),
    DeleteNote(Note),

    // --- Compare ---
    ToggleCompareMode,
    AddCompareRole(String),
    RemoveCompareRole(String),

    // --- Export ---
    ExportPlan,
    /// Write the client's handover report (Markdown and HTML).
    WriteReport,

    // --- Results of commands the run loop performed ---
    /// The planner's answer to a job; dropped when the profile has changed since.
    PlanReady(Box<Solved>),
    /// The catalog's files changed and were read again.
    CatalogChanged(Box<Reload>),
    ProfileLoaded(Box<Profile>),
    /// A profile could not be read; the message names the file. The file is left untouched.
    ProfileUnreadable(String),
    /// Saving the profile failed; the message says why and what is still on disk.
    SaveFailed(String),
    Notify(String),
    NotifyError(String),
}

/// What the Profile screen's fuzzy picker chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Skill,
    HeldCredential,
    ExcludeCredential,
    ExcludeProvider,
    Profile,
    /// A role: a target on Profile, another role to compare on Compare.
    Role,
}

/// What the Profile screen's input box asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    HoursPerWeek,
    BudgetCost,
    BudgetHours,
    NewProfile,
    Note,
}

/// A side effect for the run loop; the outcome comes back as a [`Msg`].
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    /// Write the profile atomically (never over a file that failed to parse).
    SaveProfile(Box<Profile>),
    /// Read a saved profile by name and make it current.
    LoadProfile(String),
    /// Write the current plan as `<stem>.md` and `<stem>.json`.
    Export(Export),
    /// Write the handover report as `<stem>.html` and `<stem>.md`.
    WriteReport(ReportFiles),
}

/// The client's handover report, rendered.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportFiles {
    /// File name without extension, e.g. `skillpath-report-ana-data-analyst`.
    pub stem: String,
    pub markdown: String,
    pub html: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    /// File name without extension, e.g. `skillpath-ana-data-analyst`.
    pub stem: String,
    pub markdown: String,
    pub json: String,
}

impl Msg {
    /// Whether the message changes the profile (and so re-plans and saves).
    pub fn changes_profile(&self) -> bool {
        matches!(
            self,
            Msg::ChooseRole(_)
                | Msg::SetSkillLevel { .. }
                | Msg::RemoveSkill(_)
                | Msg::AddHeld(_)
                | Msg::RemoveHeld(_)
                | Msg::Exclude(_)
                | Msg::Include(_)
                | Msg::ExcludeProvider(_)
                | Msg::IncludeProvider(_)
                | Msg::SetHoursPerWeek(_)
                | Msg::SetBudgetCost(_)
                | Msg::SetBudgetHours(_)
                | Msg::CycleObjective
                | Msg::AddNote(_)
                | Msg::DeleteNote(_)
        )
    }

    /// Whether the message changes only the profile's notes, which planning never reads.
    pub fn changes_only_notes(&self) -> bool {
        matches!(self, Msg::AddNote(_) | Msg::DeleteNote(_))
    }
}
