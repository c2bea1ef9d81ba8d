//! Markdown building blocks shared by the report and the command line's Markdown output.

use std::fmt::Write;

/// Catalog text made literal in Markdown: characters that would start emphasis, code, links,
/// HTML or a table cell are escaped; line breaks are flattened.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                escaped.push('\\');
                escaped.push(c);
            }
            '\n' | '\r' => escaped.push(' '),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

/// A Markdown table whose columns are padded to a common width, so it is a table in a plain
/// text viewer too.
pub fn table(header: &[(&str, Align)], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(c, (title, _))| {
            rows.iter()
                .filter_map(|row| row.get(c))
                .map(|cell| cell.chars().count())
                .chain([title.chars().count(), 3])
                .max()
                .unwrap_or(3)
        })
        .collect();
    let pad = |text: &str, width: usize, align: Align| {
        let fill = " ".repeat(width.saturating_sub(text.chars().count()));
        match align {
            Align::Left => format!("{text}{fill}"),
            Align::Right => format!("{fill}{text}"),
        }
    };
    let mut out = String::new();
    let titles: Vec<String> = header
        .iter()
        .zip(&widths)
        .map(|((title, align), &w)| pad(title, w, *align))
        .collect();
    let _ = writeln!(out, "| {} |", titles.join(" | "));
    let rules: Vec<String> = header
        .iter()
        .zip(&widths)
        .map(|((_, align), &w)| match align {
            Align::Left => "-".repeat(w),
            Align::Right => format!("{}:", "-".repeat(w.saturating_sub(1))),
        })
        .collect();
    let _ = writeln!(out, "| {} |", rules.join(" | "));
    for row in rows {
        let cells: Vec<String> = header
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, ((_, align), &w))| pad(row.get(c).map_or("", String::as_str), w, *align))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalog_text_cannot_turn_into_markup() {
        assert_eq!(escape("a*b_c <b>|x"), "a\\*b\\_c \\<b\\>\\|x");
        assert_eq!(escape("two\nlines"), "two lines");
    }

    #[test]
    fn tables_are_aligned_as_plain_text() {
        let text = table(
            &[("Skill", Align::Left), ("Need", Align::Right)],
            &[
                vec!["SQL".into(), "3".into()],
                vec!["Statistics".into(), "2".into()],
            ],
        );
        let widths: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{text}");
        assert!(text.contains("| SQL        |    3 |"), "{text}");
        assert!(text.contains("| ---------- | ---: |"), "{text}");
    }
}
