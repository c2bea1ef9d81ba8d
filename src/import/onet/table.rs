//! O*NET's tab-delimited text files: one header line naming the columns, then one row per line,
//! no quoting. The header is checked against the official column list, so a file from another
//! release layout (or another file renamed) fails on line 1 instead of yielding nonsense.

use std::fs;
use std::path::Path;

use crate::import::onet::error::ImportError;

/// One file of the release: its official name and columns, in order.
#[derive(Debug, Clone, Copy)]
pub(crate) struct FileSpec {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

/// A data row: its 1-based line number and one field per column of the spec.
#[derive(Debug)]
pub(crate) struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

/// A release file read into memory, with the path messages show for it.
pub(crate) struct TextFile {
    pub shown: String,
    pub text: String,
}

/// Reads `spec.name` from `dir`.
pub(crate) fn read(dir: &Path, spec: &FileSpec) -> Result<TextFile, ImportError> {
    let path = dir.join(spec.name);
    let shown = path.display().to_string();
    let bytes = fs::read(&path).map_err(|source| ImportError::Read {
        file: shown.clone(),
        source,
    })?;
    let text = String::from_utf8(bytes).map_err(|error| ImportError::NotUtf8 {
        file: shown.clone(),
        offset: error.utf8_error().valid_up_to(),
    })?;
    Ok(TextFile { shown, text })
}

/// The data rows of `file`, after checking its header against `spec`. Blank lines are skipped;
/// `\r\n` line ends and a leading byte-order mark are accepted.
pub(crate) fn rows<'a>(file: &'a TextFile, spec: &FileSpec) -> Result<Vec<Row<'a>>, ImportError> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let mut lines = text.lines().map(|line| line.trim_end_matches('\r'));
    check_header(&file.shown, spec, lines.next().unwrap_or(""))?;
    let mut rows = Vec::new();
    for (index, line) in lines.enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let number = index + 2;
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != spec.columns.len() {
            return Err(ImportError::BadRow {
                file: file.shown.clone(),
                line: number,
                message: format!(
                    "expected {} tab-separated columns, found {}",
                    spec.columns.len(),
                    fields.len()
                ),
            });
        }
        rows.push(Row {
            line: number,
            fields,
        });
    }
    Ok(rows)
}

fn check_header(shown: &str, spec: &FileSpec, header: &str) -> Result<(), ImportError> {
    let found: Vec<&str> = header.split('\t').map(str::trim).collect();
    let mismatch = spec
        .columns
        .iter()
        .zip(&found)
        .position(|(expected, found)| expected != found);
    let detail = match mismatch {
        Some(index) => format!(
            "column {} is `{}`, expected `{}`",
            index + 1,
            found[index],
            spec.columns[index]
        ),
        None if found.len() != spec.columns.len() => format!(
            "it has {} columns, expected {}",
            found.len(),
            spec.columns.len()
        ),
        None => return Ok(()),
    };
    Err(ImportError::WrongHeader {
        file: shown.to_owned(),
        name: spec.name,
        detail,
        expected: spec.columns.join(", "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: FileSpec = FileSpec {
        name: "Example.txt",
        columns: &["O*NET-SOC Code", "Title"],
    };

    fn file(text: &str) -> TextFile {
        TextFile {
            shown: "dir/Example.txt".into(),
            text: text.into(),
        }
    }

    #[test]
    fn rows_carry_their_line_numbers_and_skip_blank_lines() {
        let f = file(
            "\u{feff}O*NET-SOC Code\tTitle\r\n11-1011.00\tChief Executives\r\n\r\n15-1252.00\tSoftware Developers\n",
        );
        let rows = rows(&f, &SPEC).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].fields, ["11-1011.00", "Chief Executives"]);
        assert_eq!(rows[1].line, 4);
        assert_eq!(rows[1].fields, ["15-1252.00", "Software Developers"]);
    }

    #[test]
    fn a_wrong_header_names_the_first_column_that_differs() {
        let error = rows(&file("O*NET-SOC Code\tName\n"), &SPEC).unwrap_err();
        let message = error.to_string();
        assert!(message.starts_with("dir/Example.txt:1: "), "{message}");
        assert!(
            message.contains("column 2 is `Name`, expected `Title`"),
            "{message}"
        );
    }

    #[test]
    fn a_header_with_extra_columns_or_an_empty_file_is_rejected() {
        let extra = rows(&file("O*NET-SOC Code\tTitle\tDescription\n"), &SPEC).unwrap_err();
        assert!(extra.to_string().contains("it has 3 columns, expected 2"));
        let empty = rows(&file(""), &SPEC).unwrap_err();
        assert!(empty.to_string().contains("column 1 is ``"));
    }

    #[test]
    fn a_row_with_the_wrong_number_of_columns_is_reported_at_its_line() {
        let f = file("O*NET-SOC Code\tTitle\n11-1011.00\tChief Executives\n15-1252.00\n");
        let message = rows(&f, &SPEC).unwrap_err().to_string();
        assert_eq!(
            message,
            "dir/Example.txt:3: expected 2 tab-separated columns, found 1"
        );
    }
}
