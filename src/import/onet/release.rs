//! The parts of an O*NET text release the importer reads, parsed into typed rows. Column names
//! and order follow the O*NET data dictionary's "text" pages (unchanged from 28.3 to 30.1).

use std::fs;
use std::path::Path;

use crate::import::onet::error::ImportError;
use crate::import::onet::scale::Hundredths;
use crate::import::onet::table::{self, FileSpec, Row, TextFile};

pub(crate) const OCCUPATION_DATA: FileSpec = FileSpec {
    name: "Occupation Data.txt",
    columns: &["O*NET-SOC Code", "Title", "Description"],
};

/// Skills.txt and Knowledge.txt share these columns.
const RATING_COLUMNS: &[&str] = &[
    "O*NET-SOC Code",
    "Element ID",
    "Element Name",
    "Scale ID",
    "Data Value",
    "N",
    "Standard Error",
    "Lower CI Bound",
    "Upper CI Bound",
    "Recommend Suppress",
    "Not Relevant",
    "Date",
    "Domain Source",
];

pub(crate) const SKILLS: FileSpec = FileSpec {
    name: "Skills.txt",
    columns: RATING_COLUMNS,
};

pub(crate) const KNOWLEDGE: FileSpec = FileSpec {
    name: "Knowledge.txt",
    columns: RATING_COLUMNS,
};

pub(crate) const TECHNOLOGY_SKILLS: FileSpec = FileSpec {
    name: "Technology Skills.txt",
    columns: &[
        "O*NET-SOC Code",
        "Example",
        "Commodity Code",
        "Commodity Title",
        "Hot Technology",
        "In Demand",
    ],
};

/// The release note whose first line names the release ("O*NET 29.2 Database"); optional.
const READ_ME: &str = "Read Me.txt";

#[derive(Debug, Clone, PartialEq)]
pub struct Occupation {
    /// O*NET-SOC code, e.g. `15-2051.01`.
    pub code: String,
    pub title: String,
    pub description: String,
}

/// Which file a rating comes from: O*NET's Skills or Knowledge domain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Domain {
    Skills,
    Knowledge,
}

/// The two scales the importer reads; rows on other scales are skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// IM, 1..5.
    Importance,
    /// LV, 0..7.
    Level,
}

/// One row of Skills.txt or Knowledge.txt: an occupation's rating of an element on one scale.
#[derive(Debug, Clone, PartialEq)]
pub struct Rating {
    pub code: String,
    pub element_id: String,
    pub element_name: String,
    pub domain: Domain,
    pub scale: Scale,
    pub value: Hundredths,
    /// O*NET advises against using this estimate (too few respondents or a wide interval).
    pub recommend_suppress: bool,
    /// Most respondents rated the element "not relevant" to the occupation.
    pub not_relevant: bool,
}

/// One row of Technology Skills.txt: a product used in an occupation.
#[derive(Debug, Clone, PartialEq)]
pub struct Technology {
    pub code: String,
    /// The product, e.g. `Microsoft Excel` or `Structured query language SQL`.
    pub example: String,
    pub commodity_title: String,
    /// Frequently included across employer job postings.
    pub hot: bool,
    /// Frequently included in job postings for this occupation.
    pub in_demand: bool,
}

/// The rows of a release that the importer needs.
#[derive(Debug, Clone, Default)]
pub struct Release {
    /// The release's name from `Read Me.txt` (e.g. `O*NET 29.2 Database`), when present.
    pub version: Option<String>,
    pub occupations: Vec<Occupation>,
    pub ratings: Vec<Rating>,
    /// Empty when technologies were not read.
    pub technologies: Vec<Technology>,
    /// `Occupation Data.txt` as messages show it.
    pub occupation_file: String,
}

/// Reads `Occupation Data.txt`, `Skills.txt`, `Knowledge.txt` and, when `with_technology`,
/// `Technology Skills.txt` from `dir`. The first problem found is returned, with file and line.
pub fn read_release(dir: &Path, with_technology: bool) -> Result<Release, ImportError> {
    let occupation_file = table::read(dir, &OCCUPATION_DATA)?;
    let occupations = table::rows(&occupation_file, &OCCUPATION_DATA)?
        .into_iter()
        .map(|row| Occupation {
            code: row.fields[0].trim().to_owned(),
            title: row.fields[1].trim().to_owned(),
            description: row.fields[2].trim().to_owned(),
        })
        .collect();
    let mut ratings = Vec::new();
    for (spec, domain) in [(SKILLS, Domain::Skills), (KNOWLEDGE, Domain::Knowledge)] {
        let file = table::read(dir, &spec)?;
        for row in table::rows(&file, &spec)? {
            if let Some(rating) = rating(&file, &spec, domain, &row)? {
                ratings.push(rating);
            }
        }
    }
    let mut technologies = Vec::new();
    if with_technology {
        let file = table::read(dir, &TECHNOLOGY_SKILLS)?;
        for row in table::rows(&file, &TECHNOLOGY_SKILLS)? {
            technologies.push(technology(&file, &row)?);
        }
    }
    Ok(Release {
        version: read_version(dir),
        occupations,
        ratings,
        technologies,
        occupation_file: occupation_file.shown,
    })
}

fn rating(
    file: &TextFile,
    spec: &FileSpec,
    domain: Domain,
    row: &Row,
) -> Result<Option<Rating>, ImportError> {
    let scale = match row.fields[3].trim() {
        "IM" => Scale::Importance,
        "LV" => Scale::Level,
        _ => return Ok(None),
    };
    let value = Hundredths::parse(row.fields[4])
        .ok_or_else(|| bad_value(file, row, spec, 4, "a number such as 3.75"))?;
    Ok(Some(Rating {
        code: row.fields[0].trim().to_owned(),
        element_id: row.fields[1].trim().to_owned(),
        element_name: row.fields[2].trim().to_owned(),
        domain,
        scale,
        value,
        recommend_suppress: flag(file, row, spec, 9)?,
        not_relevant: flag(file, row, spec, 10)?,
    }))
}

fn technology(file: &TextFile, row: &Row) -> Result<Technology, ImportError> {
    Ok(Technology {
        code: row.fields[0].trim().to_owned(),
        example: row.fields[1].trim().to_owned(),
        commodity_title: row.fields[3].trim().to_owned(),
        hot: flag(file, row, &TECHNOLOGY_SKILLS, 4)?,
        in_demand: flag(file, row, &TECHNOLOGY_SKILLS, 5)?,
    })
}

/// A Y/N column; O*NET writes `n/a` where a flag does not apply (Not Relevant on IM rows).
fn flag(file: &TextFile, row: &Row, spec: &FileSpec, column: usize) -> Result<bool, ImportError> {
    match row.fields[column].trim() {
        "Y" => Ok(true),
        "N" | "n/a" | "" => Ok(false),
        _ => Err(bad_value(file, row, spec, column, "Y, N or n/a")),
    }
}

fn bad_value(
    file: &TextFile,
    row: &Row,
    spec: &FileSpec,
    column: usize,
    expected: &str,
) -> ImportError {
    ImportError::BadRow {
        file: file.shown.clone(),
        line: row.line,
        message: format!(
            "`{}` is `{}`, expected {expected}",
            spec.columns[column], row.fields[column]
        ),
    }
}

fn read_version(dir: &Path) -> Option<String> {
    let text = fs::read_to_string(dir.join(READ_ME)).ok()?;
    let first = text.lines().map(str::trim).find(|line| !line.is_empty())?;
    Some(first.to_owned())
}
