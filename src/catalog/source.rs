//! Catalog sources: the text of each TOML file with the path shown in messages, read from disk
//! or compiled into the binary, and the byte-offset to line:column mapping used by diagnostics.
#![allow(
    clippy::result_large_err,
    reason = "a read error is reported once per run; returning the Diagnostic itself keeps \
              `read_path` the same shape as the rest of the loader's API"
)]

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use crate::catalog::diagnostic::Diagnostic;

/// One catalog file: its text and the path messages show for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    pub path: String,
    pub text: String,
}

impl SourceFile {
    pub fn new(path: impl Into<String>, text: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            text: text.into(),
        }
    }
}

// `BUNDLED: &[(&str, &str)]`: (path shown as "catalog/…", text), sorted by path; see build.rs.
include!(concat!(env!("OUT_DIR"), "/bundled_catalog.rs"));

/// The bundled catalog (the crate's `catalog/` directory, compiled in), sorted by path.
pub fn bundled() -> Vec<SourceFile> {
    BUNDLED
        .iter()
        .map(|(path, text)| SourceFile::new(*path, *text))
        .collect()
}

/// Reads a `.toml` file, or every `*.toml` below a directory in sorted path order.
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, Diagnostic> {
    let shown = path.display().to_string();
    let metadata = fs::metadata(path).map_err(|error| {
        Diagnostic::error("read-error", format!("cannot read `{shown}`: {error}")).in_file(&shown)
    })?;
    if !metadata.is_dir() {
        return Ok(vec![read_file(path)?]);
    }
    let mut paths = Vec::new();
    collect_toml_files(path, &mut paths)?;
    if paths.is_empty() {
        return Err(Diagnostic::error(
            "no-catalog-files",
            format!("directory `{shown}` holds no `.toml` files"),
        )
        .in_file(&shown)
        .with_help("a catalog directory is read as every `*.toml` file below it"));
    }
    paths.sort();
    paths.iter().map(|p| read_file(p)).collect()
}

/// The largest catalog file read, in bytes. A catalog of 100,000 credentials written like the
/// bundled one (about 370 bytes each, comments included) is about 37 MB in a single file, so
/// this leaves room for longer titles and URLs. Past it, a file is almost certainly not a
/// hand-kept catalog (a log, a dump, `/dev/zero`), and loading takes about 9 bytes of memory
/// per byte of text (a 4.3 MB file of 20,000 credentials peaks at 40 MB), so the limit also
/// keeps memory near 600 MB. It is per file: a larger catalog can be split across a directory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

fn read_file(path: &Path) -> Result<SourceFile, Diagnostic> {
    let shown = path.display().to_string();
    let unreadable = |error: std::io::Error| {
        Diagnostic::error("read-error", format!("cannot read `{shown}`: {error}")).in_file(&shown)
    };
    let file = fs::File::open(path).map_err(unreadable)?;
    // The size on disk is checked before reading; the bounded read below also stops files
    // whose size is not known beforehand (pipes, devices) or that grow while being read.
    let size_on_disk = file.metadata().map_err(unreadable)?.len();
    if size_on_disk > MAX_FILE_BYTES {
        return Err(too_large(&shown, size_on_disk));
    }
    // Room for exactly the size on disk (and the byte that shows growth), not the doubling
    // that reading into an empty vector ends with: that was a twelfth of a load's peak memory.
    let mut bytes = Vec::with_capacity(size_on_disk as usize + 1);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(&shown, bytes.len() as u64));
    }
    let text = String::from_utf8(bytes).map_err(|error| not_utf8(&shown, &error))?;
    Ok(SourceFile::new(shown, text))
}

fn too_large(shown: &str, size: u64) -> Diagnostic {
    const MIB: u64 = 1024 * 1024;
    Diagnostic::error(
        "file-too-large",
        format!(
            "`{shown}` is {:.1} MiB ({size} bytes), over the {} MiB limit for one catalog file",
            size as f64 / MIB as f64,
            MAX_FILE_BYTES / MIB,
        ),
    )
    .in_file(shown)
    .with_help("split a large catalog into several `.toml` files in one directory")
}

/// Points at the first byte that is not UTF-8. The text before it is valid, so its line and
/// column are the same in the lossy text, which shows the byte as the replacement character.
fn not_utf8(shown: &str, error: &std::string::FromUtf8Error) -> Diagnostic {
    let offset = error.utf8_error().valid_up_to();
    let bytes = error.as_bytes();
    let byte = bytes.get(offset).copied().unwrap_or_default();
    let lossy = SourceFile::new(shown, String::from_utf8_lossy(bytes).into_owned());
    let lines = LineIndex::new(&lossy.text);
    let help = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        "this looks like UTF-16; catalog files must be saved as UTF-8"
    } else {
        "catalog files must be saved as UTF-8"
    };
    Diagnostic::error(
        "read-error",
        format!("`{shown}` is not valid UTF-8 (byte 0x{byte:02X} at offset {offset})"),
    )
    .at(&lossy, &lines, offset..offset + 1)
    .with_help(help)
}

/// Every `*.toml` file below `dir`. Hidden entries are skipped (editor and VCS folders), and
/// symbolic links to directories are not followed, so a link loop cannot recurse forever.
fn collect_toml_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), Diagnostic> {
    let unreadable = |error: std::io::Error| {
        let shown = dir.display().to_string();
        Diagnostic::error("read-error", format!("cannot read `{shown}`: {error}")).in_file(&shown)
    };
    for entry in fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let file_type = entry.file_type().map_err(unreadable)?;
        if file_type.is_dir() {
            collect_toml_files(&path, out)?;
        } else if path.extension().is_some_and(|ext| ext == "toml") && path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// Byte offsets of line starts in one text, to turn spans into 1-based line:column quickly.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

/// A position in a file, 1-based, with the text of its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position<'a> {
    pub line: usize,
    /// In characters, not bytes, so carets line up under non-ASCII text.
    pub column: usize,
    pub line_text: &'a str,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self { starts }
    }

    /// The position of byte `offset` (clamped to the text and to a character boundary).
    pub fn position<'a>(&self, text: &'a str, offset: usize) -> Position<'a> {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&start| start <= offset);
        let start = self.starts[line.saturating_sub(1)];
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line_text = text[start..end].trim_end_matches('\r');
        Position {
            line,
            column: text[start..offset].chars().count() + 1,
            line_text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_one_based_and_count_characters() {
        let text = "a = 1\nnamé = \"x\"\n";
        let index = LineIndex::new(text);
        let start = index.position(text, 0);
        assert_eq!((start.line, start.column, start.line_text), (1, 1, "a = 1"));
        let second_equals = text.rfind('=').expect("test text has '='");
        let pos = index.position(text, second_equals);
        assert_eq!((pos.line, pos.column), (2, 6));
    }

    #[test]
    fn offsets_past_the_end_or_inside_a_character_do_not_panic() {
        let text = "é";
        let index = LineIndex::new(text);
        assert_eq!(index.position(text, 1).column, 1);
        assert_eq!(index.position(text, 99).column, 2);
        assert_eq!(LineIndex::new("").position("", 5).line, 1);
    }

    #[test]
    fn a_directory_without_toml_files_is_an_error_naming_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = read_path(dir.path()).expect_err("empty dir");
        assert_eq!(error.code, "no-catalog-files");
        assert_eq!(error.file, dir.path().display().to_string());
    }

    #[test]
    fn a_directory_is_read_recursively_in_sorted_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("b")).expect("mkdir");
        fs::write(dir.path().join("b/z.toml"), "").expect("write");
        fs::write(dir.path().join("a.toml"), "").expect("write");
        fs::write(dir.path().join("c.txt"), "").expect("write");
        let files = read_path(dir.path()).expect("read");
        let names: Vec<_> = files
            .iter()
            .map(|f| f.path.trim_start_matches(&dir.path().display().to_string()))
            .collect();
        assert_eq!(names, ["/a.toml", "/b/z.toml"]);
    }

    #[test]
    fn non_utf8_is_an_error_naming_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bad.toml");
        fs::write(&path, b"id = \"\xff\"").expect("write");
        let error = read_path(&path).expect_err("non-UTF-8");
        assert!(
            error.message.contains("not valid UTF-8"),
            "{}",
            error.message
        );
        assert_eq!(error.file, path.display().to_string());
        assert_eq!((error.line, error.column), (1, 7));
    }

    #[test]
    fn the_invalid_byte_is_located_by_line_and_column() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bad.toml");
        fs::write(&path, b"[[skill]]\nname = \"caf\xe9\"\n").expect("write");
        let error = read_path(&path).expect_err("non-UTF-8");
        assert_eq!((error.line, error.column), (2, 12), "{error:?}");
        assert!(error.message.contains("byte 0xE9"), "{}", error.message);
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("huge.toml");
        // Sparse: the size is on record without the bytes being written.
        let file = fs::File::create(&path).expect("create");
        file.set_len(MAX_FILE_BYTES + 1).expect("set_len");
        let error = read_path(&path).expect_err("too large");
        assert_eq!(error.code, "file-too-large");
        assert!(error.message.contains("64 MiB limit"), "{}", error.message);
        assert!(
            error
                .message
                .contains(&format!("{} bytes", MAX_FILE_BYTES + 1)),
            "{}",
            error.message
        );
    }
}
