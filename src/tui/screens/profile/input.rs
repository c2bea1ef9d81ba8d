//! The Profile screen's input box: hours per week, budgets, a new profile's name, a note.

use time::Date;

use crate::plan::hours_per_week_problem;
use crate::profile::Note;
use crate::tui::format;
use crate::tui::msg::{InputKind, Msg};

/// A one-line input box.
#[derive(Debug, Clone, PartialEq)]
pub struct InputBox {
    pub kind: InputKind,
    pub text: String,
    pub error: Option<String>,
}

/// Parses what was typed into an input box into the message it means; a note is dated
/// `today`.
pub fn parse_input(kind: InputKind, text: &str, today: Date) -> Result<Msg, String> {
    let text = text.trim();
    let budget = |text: &str| -> Result<Option<f64>, String> {
        if text.is_empty() || text.eq_ignore_ascii_case("none") {
            return Ok(None);
        }
        match text.trim_start_matches('$').replace(',', "").parse::<f64>() {
            Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
            _ => Err(format!(
                "`{text}` is not an amount: type a number, or nothing for no budget"
            )),
        }
    };
    match kind {
        InputKind::HoursPerWeek => match text.parse::<f64>() {
            Ok(hours) => match hours_per_week_problem(hours) {
                None => Ok(Msg::SetHoursPerWeek(hours)),
                Some(problem) => Err(format!("`{text}`: {problem}")),
            },
            Err(_) => Err(format!("`{text}` is not a number of hours")),
        },
        InputKind::BudgetCost => budget(text).map(Msg::SetBudgetCost),
        InputKind::BudgetHours => budget(text).map(Msg::SetBudgetHours),
        InputKind::NewProfile => crate::profile::validate_name(text)
            .map(|()| Msg::CreateProfile(text.to_string()))
            .map_err(|e| e.to_string()),
        InputKind::Note if text.is_empty() => Err("Type the note, or press Esc to cancel".into()),
        InputKind::Note => Ok(Msg::AddNote(Note::new(format::iso_date(today), text))),
    }
}
