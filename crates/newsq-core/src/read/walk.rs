//! Turn the paths a user named into the list of input files.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::skip::{SkipReason, Skipped};

/// Extensions read when walking a directory (files without one are read
/// too, and `.warc.gz`).
const READ_EXTENSIONS: &[&str] = &[
    "txt", "text", "json", "jsonl", "ndjson", "html", "htm", "xhtml", "warc",
];

/// Expand user paths into input files.
///
/// A named file is taken as is, whatever its name. A named directory is walked
/// recursively in name order (so output is the same on every run and system),
/// skipping hidden entries (names starting with `.`) and files whose extension
/// is not one of `txt`, `text`, `json`, `jsonl`, `ndjson`, `html`, `htm`,
/// `xhtml`, `warc`, `warc.gz` (files without an extension are kept).
/// Symbolic links to files are followed; links to directories are not, so
/// a link cycle cannot loop.
///
/// A named path that does not exist, a directory (named or found) that
/// cannot be listed, and a link found in a directory that leads nowhere
/// (dangling, or a loop of links) yield an `Err(Skipped)` in their place.
pub fn discover(paths: &[PathBuf]) -> Vec<Result<PathBuf, Skipped>> {
    let mut out = Vec::new();
    for path in paths {
        match fs::metadata(path) {
            Ok(meta) if meta.is_dir() => walk_dir(path, &mut out),
            Ok(_) => out.push(Ok(path.clone())),
            Err(e) => out.push(Err(Skipped::file(path.clone(), io_reason(&e)))),
        }
    }
    out
}

/// A skip reason for an I/O error: `NotFound`, or `Unreadable` with the
/// system's message (without the "(os error N)" suffix users cannot act on).
pub(crate) fn io_reason(e: &io::Error) -> SkipReason {
    if e.kind() == io::ErrorKind::NotFound {
        return SkipReason::NotFound;
    }
    let message = e.to_string();
    let message = match message.find(" (os error") {
        Some(i) => message.get(..i).unwrap_or(&message).to_string(),
        None => message,
    };
    let mut chars = message.chars();
    // "Permission denied" reads better mid-sentence as "permission denied".
    let message = match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => message,
    };
    SkipReason::Unreadable(message)
}

fn walk_dir(dir: &Path, out: &mut Vec<Result<PathBuf, Skipped>>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(Skipped::file(dir.to_path_buf(), io_reason(&e))));
            return;
        }
    };
    let mut entries: Vec<fs::DirEntry> = match entries.collect::<Result<_, _>>() {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err(Skipped::file(dir.to_path_buf(), io_reason(&e))));
            return;
        }
    };
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || is_corpus_document(&name.to_string_lossy()) {
            continue;
        }
        let path = entry.path();
        let Ok(file_type) = entry.file_type() else {
            continue;
        };
        if file_type.is_dir() {
            walk_dir(&path, out);
            continue;
        }
        if !has_read_extension(&path) {
            continue;
        }
        if file_type.is_symlink() {
            match fs::metadata(&path) {
                // A link to a directory: not followed.
                Ok(meta) if meta.is_dir() => continue,
                Ok(_) => {}
                // A dangling link or a loop of links: the user should know.
                Err(e) => {
                    out.push(Err(Skipped::file(path, io_reason(&e))));
                    continue;
                }
            }
        }
        out.push(Ok(path));
    }
}

/// "README.TXT", "LICENSE", "CHANGELOG.md": a folder's notes about the
/// corpus, not one of its articles (read only when named on their own).
fn is_corpus_document(file_name: &str) -> bool {
    let stem = file_name.split('.').next().unwrap_or(file_name);
    [
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "changes",
        "authors",
        "notice",
    ]
    .iter()
    .any(|doc| stem.eq_ignore_ascii_case(doc))
}

fn has_read_extension(path: &Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => {
            let ext = ext.to_string_lossy().to_ascii_lowercase();
            READ_EXTENSIONS.contains(&ext.as_str()) || (ext == "gz" && is_warc_gz(path))
        }
    }
}

/// `CC-NEWS-20260304101500-00042.warc.gz`.
pub(crate) fn is_warc_gz(path: &Path) -> bool {
    path.file_name().is_some_and(|n| {
        n.to_string_lossy()
            .to_ascii_lowercase()
            .ends_with(".warc.gz")
    })
}
