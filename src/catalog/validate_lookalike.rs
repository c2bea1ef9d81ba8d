//! Characters that pass for the ASCII ones ids are made of. Pasted text brings them in
//! (Cyrillic and Greek letters, typographic dashes, fullwidth forms, invisible spaces), and an
//! id that holds one looks right yet matches nothing, so messages name the character.

/// Each look-alike, the ASCII character it passes for (`None`: it is invisible), and its
/// Unicode name.
const LOOKALIKES: &[(char, Option<char>, &str)] = &[
    ('\u{430}', Some('a'), "CYRILLIC SMALL LETTER A"),
    ('\u{435}', Some('e'), "CYRILLIC SMALL LETTER IE"),
    ('\u{43E}', Some('o'), "CYRILLIC SMALL LETTER O"),
    ('\u{440}', Some('p'), "CYRILLIC SMALL LETTER ER"),
    ('\u{441}', Some('c'), "CYRILLIC SMALL LETTER ES"),
    ('\u{443}', Some('y'), "CYRILLIC SMALL LETTER U"),
    ('\u{445}', Some('x'), "CYRILLIC SMALL LETTER HA"),
    (
        '\u{456}',
        Some('i'),
        "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I",
    ),
    ('\u{458}', Some('j'), "CYRILLIC SMALL LETTER JE"),
    ('\u{455}', Some('s'), "CYRILLIC SMALL LETTER DZE"),
    ('\u{4BB}', Some('h'), "CYRILLIC SMALL LETTER SHHA"),
    ('\u{501}', Some('d'), "CYRILLIC SMALL LETTER KOMI DE"),
    ('\u{3BF}', Some('o'), "GREEK SMALL LETTER OMICRON"),
    ('\u{3B1}', Some('a'), "GREEK SMALL LETTER ALPHA"),
    ('\u{3BD}', Some('v'), "GREEK SMALL LETTER NU"),
    ('\u{3C1}', Some('p'), "GREEK SMALL LETTER RHO"),
    ('\u{2010}', Some('-'), "HYPHEN"),
    ('\u{2011}', Some('-'), "NON-BREAKING HYPHEN"),
    ('\u{2012}', Some('-'), "FIGURE DASH"),
    ('\u{2013}', Some('-'), "EN DASH"),
    ('\u{2014}', Some('-'), "EM DASH"),
    ('\u{2212}', Some('-'), "MINUS SIGN"),
    ('\u{A0}', None, "NO-BREAK SPACE"),
    ('\u{200B}', None, "ZERO WIDTH SPACE"),
    ('\u{200C}', None, "ZERO WIDTH NON-JOINER"),
    ('\u{200D}', None, "ZERO WIDTH JOINER"),
    ('\u{FEFF}', None, "ZERO WIDTH NO-BREAK SPACE"),
];

/// The ASCII character `c` imitates (`None` for an invisible one) and `c`'s Unicode name.
fn lookalike(c: char) -> Option<(Option<char>, &'static str)> {
    // Fullwidth forms U+FF01..U+FF5E are ASCII U+0021..U+007E shifted up.
    if ('\u{FF01}'..='\u{FF5E}').contains(&c) {
        let narrow = char::from_u32(c as u32 - 0xFEE0);
        return Some((narrow, "FULLWIDTH FORM"));
    }
    LOOKALIKES
        .iter()
        .find(|&&(found, _, _)| found == c)
        .map(|&(_, ascii, name)| (ascii, name))
}

/// `id` with every look-alike replaced by the ASCII character it imitates (invisible ones
/// removed).
pub(crate) fn unconfused(id: &str) -> String {
    id.chars()
        .filter_map(|c| match lookalike(c) {
            Some((ascii, _)) => ascii,
            None => Some(c),
        })
        .collect()
}

/// "`а` (U+0430 CYRILLIC SMALL LETTER A) looks like `a` but is not ASCII; did you mean
/// `data`?", for an id holding a look-alike character; `None` when it holds none.
pub(crate) fn lookalike_help(id: &str) -> Option<String> {
    let (c, (ascii, name)) = id.chars().find_map(|c| lookalike(c).map(|l| (c, l)))?;
    let code = format!("U+{:04X}", c as u32);
    let looks = match ascii {
        Some(ascii) => format!("looks like `{ascii}` but is not ASCII"),
        None => "is invisible".to_owned(),
    };
    Some(format!(
        "`{c}` ({code} {name}) {looks}; did you mean `{}`?",
        unconfused(id)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn look_alike_characters_are_named() {
        let help = lookalike_help("d\u{430}ta").expect("Cyrillic a");
        assert!(help.contains("U+0430 CYRILLIC SMALL LETTER A"), "{help}");
        assert!(help.contains("`data`"), "{help}");
        assert_eq!(unconfused("data\u{2013}analysis\u{200b}"), "data-analysis");
        assert_eq!(unconfused("\u{ff53}ql"), "sql");
        assert_eq!(lookalike_help("data"), None);
        assert_eq!(lookalike_help("naïve"), None);
    }
}
