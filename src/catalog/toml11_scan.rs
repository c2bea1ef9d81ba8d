//! A quick look at a text that parses as TOML for whether it may hold syntax that only TOML
//! 1.1 accepts. Finding those forms exactly (see `validate_syntax`) lexes and parses the text a
//! second time, about a quarter of the CPU time of loading a 20,000-credential catalog; this
//! walks the bytes once, knowing only strings, comments and brackets, and answers "maybe"
//! whenever it cannot rule a form out. A catalog written in TOML 1.0 nearly always gets "no",
//! and then the exact search is not needed.

use crate::catalog::validate_syntax::hh_mm_without_seconds_at;

/// Whether `text` (which parses as TOML) may hold a 1.1-only form: a line break or comment
/// inside an inline table, a trailing comma in one, a `\e` or `\x` escape, or a time without
/// seconds. False only when it holds none of them.
pub(crate) fn may_hold_toml11_forms(text: &str) -> bool {
    Scan {
        bytes: text.as_bytes(),
        at: 0,
        open: Vec::new(),
    }
    .may_hold()
    .unwrap_or(true)
}

struct Scan<'t> {
    bytes: &'t [u8],
    at: usize,
    /// Brackets open, innermost last: `{` for an inline table, `[` for an array or header.
    open: Vec<u8>,
}

/// The bytes the scan stops at: quotes, comment signs, line breaks, brackets, commas and
/// colons.
const MARKS: [bool; 256] = {
    let mut marks = [false; 256];
    let mut i = 0;
    let stops = b"\"'#\n{}[],:";
    while i < stops.len() {
        marks[stops[i] as usize] = true;
        i += 1;
    }
    marks
};

/// `Some(answer)`, or `None` where the text is not what a parsed document can be (an
/// unclosed string, an unmatched bracket): the caller then answers "maybe".
type Answer = Option<bool>;

impl Scan<'_> {
    fn may_hold(&mut self) -> Answer {
        loop {
            // Most bytes are letters, digits and spaces, which tell nothing.
            let Some(skipped) = self.bytes[self.at..]
                .iter()
                .position(|&b| MARKS[usize::from(b)])
            else {
                return Some(false);
            };
            self.at += skipped;
            let byte = self.bytes[self.at];
            let in_inline_table = self.open.last() == Some(&b'{');
            match byte {
                b'"' | b'\'' => {
                    if self.string(byte, in_inline_table)? {
                        return Some(true);
                    }
                    continue;
                }
                b'#' | b'\n' if in_inline_table => return Some(true),
                b'#' => self.skip_to_line_end(),
                b'{' | b'[' => self.open.push(byte),
                b'}' => self.close(b'{')?,
                b']' => self.close(b'[')?,
                b',' if in_inline_table && self.next_after_blanks() == Some(b'}') => {
                    return Some(true);
                }
                b':' if self.time_without_seconds_at() => return Some(true),
                _ => {}
            }
            self.at += 1;
        }
    }

    fn close(&mut self, opener: u8) -> Option<()> {
        (self.open.pop()? == opener).then_some(())
    }

    fn skip_to_line_end(&mut self) {
        while self.bytes.get(self.at).is_some_and(|&b| b != b'\n') {
            self.at += 1;
        }
        // Stand on the last byte of the comment, for the caller's step past it.
        self.at -= 1;
    }

    fn next_after_blanks(&self) -> Option<u8> {
        self.bytes[self.at + 1..]
            .iter()
            .copied()
            .find(|&b| b != b' ' && b != b'\t')
    }

    /// Whether the `:` here is that of a time written `HH:MM` with no `:SS` after it, as
    /// `validate_syntax` reads a bare scalar.
    fn time_without_seconds_at(&self) -> bool {
        self.at >= 2 && hh_mm_without_seconds_at(self.bytes, self.at - 2)
    }

    /// Steps past the string opening here with `quote`; whether it holds a 1.1-only escape,
    /// or is a multi-line string with a line break inside an inline table.
    fn string(&mut self, quote: u8, in_inline_table: bool) -> Answer {
        let bytes = self.bytes;
        let multi_line = bytes[self.at..].starts_with(&[quote; 3]);
        let (start, delimiter) = if multi_line { (3, 3) } else { (1, 1) };
        let mut i = self.at + start;
        loop {
            let byte = *bytes.get(i)?;
            if byte == b'\\' && quote == b'"' {
                if matches!(bytes.get(i + 1), Some(b'e' | b'x')) {
                    return Some(true);
                }
                i += 2;
                continue;
            }
            if byte == b'\n' && (!multi_line || in_inline_table) {
                // A single-line string cannot hold a line break in a document that parses.
                return if multi_line { Some(true) } else { None };
            }
            if byte == quote && bytes[i..].starts_with(&[quote; 3][..delimiter]) {
                i += delimiter;
                // A multi-line string may end with one or two quotes of its own.
                let mut own = 0;
                while multi_line && own < 2 && bytes.get(i) == Some(&quote) {
                    (i, own) = (i + 1, own + 1);
                }
                self.at = i;
                return Some(false);
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::source::bundled;
    use crate::catalog::synthetic::{Rng, Spec, generate};
    use crate::catalog::synthetic_toml::to_toml;
    use crate::catalog::validate_syntax::toml11_only_forms;

    /// Documents with a 1.1-only form, each inside strings, comments and brackets that a
    /// careless scan would lose its place in.
    const WITH_FORMS: [&str; 14] = [
        "a = { b = 1,\n c = 2 }\n",
        "a = { b = 1, }\n",
        "a = { b = 1,\t}\n",
        "a = { b = 1 # note\n }\n",
        "s = \"\\e[0m\"\n",
        "s = \"\\x41\"\n",
        "s = \"\"\"\nline\\x41\"\"\"\n",
        "t = 07:30\n",
        "t = 1979-05-27T07:32Z\n",
        "a = { s = \"}\", b = 1,\n c = 2 }\n",
        "a = { s = '}', b = [1, \"]\"],\n c = 2 }\n",
        "s = \"\"\"a\"\"\"\"\na = { b = 1, }\n",
        "# { a comment with a brace\na = { b = 1,\n c = 2 }\n",
        "[t]\nk = [{ a = 1,\n b = 2 }]\n",
    ];

    /// Documents in TOML 1.0 only, with what looks like a 1.1 form inside strings and comments.
    const WITHOUT_FORMS: [&str; 8] = [
        "a = { b = 1, c = [\n 1,\n 2,\n] }\n",
        "s = \"\\\\x \\u001b\"\n",
        "t = 07:30:00\nd = 1979-05-27T07:32:00Z\n",
        "arr = [1, 2,]\n",
        "s = \"meet at 07:30 {\"\n",
        "s = 'C:\\x\\e'\n# a = { b = 1, }\n",
        "s = \"\"\"\nmany { lines\n\"\"\"\nl = '''\n}\n'''\n",
        "[a.\"b]\"]\nk = \"\"\"x\"\"\"\"\"\n",
    ];

    #[test]
    fn every_document_with_a_toml_1_1_form_may_hold_one() {
        for text in WITH_FORMS {
            assert!(
                !toml11_only_forms(text).is_empty(),
                "a 1.1 form in {text:?}"
            );
            assert!(may_hold_toml11_forms(text), "{text:?}");
        }
    }

    #[test]
    fn documents_in_toml_1_0_hold_none() {
        for text in WITHOUT_FORMS {
            assert!(
                toml11_only_forms(text).is_empty(),
                "no 1.1 form in {text:?}"
            );
            assert!(!may_hold_toml11_forms(text), "{text:?}");
        }
    }

    /// Random documents from a small grammar of TOML: values of every kind nested in arrays
    /// and inline tables, strings holding brackets, quotes, comment signs and escapes, and now
    /// and then a 1.1 form (a break or comment or trailing comma in an inline table, a `\e`
    /// or `\x` escape, a time without seconds).
    struct Documents {
        rng: Rng,
        keys: usize,
    }

    impl Documents {
        fn pick<'a>(&mut self, of: &[&'a str]) -> &'a str {
            of[self.rng.below(of.len())]
        }

        fn key(&mut self) -> String {
            self.keys += 1;
            format!("k{}", self.keys)
        }

        fn document(&mut self) -> String {
            let mut text = String::new();
            for _ in 0..1 + self.rng.below(4) {
                match self.rng.below(6) {
                    0 => text += &format!("# {}\n", self.pick(&["a { b", "x, }", "\\e"])),
                    1 => text += &format!("[{}]\n", self.key()),
                    _ => text += &format!("{} = {}\n", self.key(), self.value(3)),
                }
            }
            text
        }

        fn value(&mut self, depth: usize) -> String {
            let kinds = if depth == 0 { 3 } else { 5 };
            match self.rng.below(kinds) {
                0 => self
                    .pick(&[
                        "1",
                        "07:30:00",
                        "07:30",
                        "1979-05-27T07:32:00Z",
                        "1979-05-27T07:32Z",
                    ])
                    .to_string(),
                1 | 2 => self.string(),
                3 => {
                    let items: Vec<String> = (0..1 + self.rng.below(3))
                        .map(|_| self.value(depth - 1))
                        .collect();
                    let between = self.pick(&[", ", ",\n", ", # c\n"]);
                    let last = self.pick(&["", ",", ",\n"]);
                    format!("[{}{last}]", items.join(between))
                }
                _ => {
                    let items: Vec<String> = (0..1 + self.rng.below(3))
                        .map(|_| format!("{} = {}", self.key(), self.value(depth - 1)))
                        .collect();
                    let between = self.pick(&[", ", ", ", ", ", ",\n ", ", # c\n "]);
                    let last = self.pick(&["", "", "", ",", ", \t"]);
                    format!("{{ {}{last} }}", items.join(between))
                }
            }
        }

        fn string(&mut self) -> String {
            const PLAIN: [&str; 12] = [
                "a", "{", "}", "[", "]", "#", ",", " ", ":", "07:30", "'", "x",
            ];
            let (open, close, extra): (&str, &str, &[&str]) = match self.rng.below(4) {
                0 => (
                    "\"",
                    "\"",
                    &["\\\\", "\\e", "\\x41", "\\u001b", "\\\"", "\\\\x"],
                ),
                1 => ("'", "'", &["\\e", "\\x", "\""]),
                2 => (
                    "\"\"\"",
                    "\"\"\"",
                    &["\n", "\\e", "\\x41", "\"", "\\\n", "\\\\"],
                ),
                _ => ("'''", "'''", &["\n", "\\e", "'", "\""]),
            };
            let mut text = open.to_string();
            for _ in 0..self.rng.below(5) {
                text += if self.rng.chance(30) {
                    extra[self.rng.below(extra.len())]
                } else {
                    PLAIN[self.rng.below(PLAIN.len())]
                };
            }
            text + close
        }
    }

    /// Over thousands of documents that parse, the scan never answers "no" where the exact
    /// search finds a 1.1 form, and answers "no" for most of those without one.
    #[test]
    fn the_scan_never_misses_a_form() {
        let mut documents = Documents {
            rng: Rng::new(11),
            keys: 0,
        };
        let (mut with_forms, mut without, mut quick) = (0, 0, 0);
        for _ in 0..5_000 {
            let text = documents.document();
            if toml::de::DeTable::parse(&text).is_err() {
                continue;
            }
            let maybe = may_hold_toml11_forms(&text);
            if toml11_only_forms(&text).is_empty() {
                without += 1;
                quick += usize::from(!maybe);
            } else {
                with_forms += 1;
                assert!(maybe, "the scan missed a 1.1 form in {text:?}");
            }
        }
        assert!(with_forms >= 500, "{with_forms} documents with a form");
        assert!(
            quick * 10 >= without * 7,
            "{quick} of {without} in TOML 1.0 went the quick way"
        );
    }

    /// The files a catalog is loaded from in practice take the quick way: the bundled catalog
    /// and a generated one as the benchmarks write it.
    #[test]
    fn the_bundled_and_generated_catalogs_hold_none() {
        for file in bundled() {
            assert!(!may_hold_toml11_forms(&file.text), "{}", file.path);
        }
        let generated = to_toml(&generate(&Spec::sized(300, 4, 8, 1)));
        assert!(!may_hold_toml11_forms(&generated));
    }
}
