//! The checks behind the command line's typed values: each says what is wrong with the text
//! as the person wrote it, for clap to show as a usage error.

use time::Date;

use crate::catalog::MAX_LEVEL;
use crate::plan::hours_per_week_problem;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillLevel {
    pub skill: String,
    pub level: u8,
}

pub fn parse_skill_level(text: &str) -> Result<SkillLevel, String> {
    let Some((skill, level)) = text.split_once('=') else {
        return Err(format!("`{text}` is not SKILL=LEVEL (for example sql=2)"));
    };
    let skill = skill.trim();
    if skill.is_empty() {
        return Err(format!("`{text}` names no skill (write SKILL=LEVEL)"));
    }
    match level.trim().parse::<u8>() {
        Ok(level @ 1..=MAX_LEVEL) => Ok(SkillLevel {
            skill: skill.to_string(),
            level,
        }),
        _ => Err(format!(
            "level `{}` for `{skill}` is not a whole number from 1 to {MAX_LEVEL}",
            level.trim()
        )),
    }
}

pub fn non_negative(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(n) if n.is_finite() && n >= 0.0 => Ok(n),
        _ => Err(format!("`{text}` is not a number of zero or more")),
    }
}

pub fn hours_per_week(text: &str) -> Result<f64, String> {
    let hours = text
        .parse::<f64>()
        .map_err(|_| format!("`{text}` is not a number of hours"))?;
    match hours_per_week_problem(hours) {
        None => Ok(hours),
        Some(problem) => Err(format!("`{text}`: {problem}")),
    }
}

pub fn iso_date(text: &str) -> Result<Date, String> {
    crate::plan::parse_iso_date(text)
        .ok_or_else(|| format!("`{text}` is not a date written YYYY-MM-DD"))
}

pub fn importance(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(n) if (1.0..=5.0).contains(&n) => Ok(n),
        _ => Err(format!("`{text}` is not an importance from 1 to 5")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skill_levels_parse_and_reject_clearly() {
        assert_eq!(
            parse_skill_level("sql=2"),
            Ok(SkillLevel {
                skill: "sql".into(),
                level: 2
            })
        );
        assert!(
            parse_skill_level("sql")
                .unwrap_err()
                .contains("SKILL=LEVEL")
        );
        assert!(parse_skill_level("sql=9").unwrap_err().contains("1 to 5"));
        assert!(parse_skill_level("sql=x").unwrap_err().contains("1 to 5"));
        assert!(
            parse_skill_level("=2")
                .unwrap_err()
                .contains("names no skill")
        );
    }
}
