//! Where indexes live: `--index DIR`, else `$NEWSQ_INDEX`, else the
//! platform's data folder; cached indexes for `newsq search QUERY PATH...`
//! in the platform's cache folder.

use newsq_core::index::{stable_hash, NewsIndex};
use std::env;
use std::path::{Path, PathBuf};

/// The index folder to use when a command names none.
pub fn index_dir(flag: Option<&Path>) -> Result<PathBuf, String> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = env::var_os("NEWSQ_INDEX").filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    platform_dir(Kind::Data)
        .map(|d| d.join("newsq").join("index"))
        .ok_or_else(|| {
            "cannot find a data folder for the index (no HOME); pass --index DIR or set NEWSQ_INDEX"
                .to_string()
        })
}

/// The file in a folder search's cached index that names the paths it
/// indexes: `newsq cache` lists it, and `--index` with PATHs checks it.
const CACHE_MARKER: &str = "newsq-search-paths.json";

/// The paths of a folder search as its cache knows them: absolute, links
/// resolved, sorted, without repeats.
pub fn search_key(paths: &[PathBuf]) -> Vec<String> {
    let mut keys: Vec<String> = paths
        .iter()
        .map(|p| {
            std::fs::canonicalize(p)
                .or_else(|_| std::path::absolute(p))
                .unwrap_or_else(|_| p.clone())
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// The folder holding the cached indexes of folder searches.
pub fn cache_base() -> Result<PathBuf, String> {
    match env::var_os("NEWSQ_CACHE").filter(|v| !v.is_empty()) {
        Some(dir) => Ok(PathBuf::from(dir)),
        None => platform_dir(Kind::Cache)
            .map(|d| d.join("newsq"))
            .ok_or_else(|| {
                "cannot find a cache folder (no HOME); pass --index DIR or set NEWSQ_CACHE"
                    .to_string()
            }),
    }
}

/// The cached index for a set of article paths ([`search_key`]): one per
/// distinct set, so `newsq search QUERY ./a` and `... ./b` do not disturb
/// each other.
pub fn cache_dir_for(key: &[String]) -> Result<PathBuf, String> {
    let hash = stable_hash(key.join("\n").as_bytes());
    Ok(cache_base()?.join(format!("{hash:016x}")))
}

/// The paths a folder search's index was made for; `None` for any other
/// folder (an index made by `newsq index`, or no index).
pub fn cached_paths(dir: &Path) -> Option<Vec<String>> {
    let text = std::fs::read_to_string(dir.join(CACHE_MARKER)).ok()?;
    let value: serde_json::Value = serde_json::from_str(&text).ok()?;
    value
        .get("paths")?
        .as_array()?
        .iter()
        .map(|p| p.as_str().map(str::to_string))
        .collect()
}

/// When a folder search last used the cached index `dir`.
pub fn last_use(dir: &Path) -> Option<std::time::SystemTime> {
    let marker = std::fs::metadata(dir.join(CACHE_MARKER));
    marker
        .or_else(|_| std::fs::metadata(dir))
        .ok()?
        .modified()
        .ok()
}

/// Record in `dir` that it is the index of a search of `key`'s paths, used
/// now (the record's modification time is the last use).
pub fn mark_cached(dir: &Path, key: &[String]) -> Result<(), String> {
    let path = dir.join(CACHE_MARKER);
    let text = serde_json::json!({ "paths": key }).to_string() + "\n";
    std::fs::write(&path, text).map_err(|e| {
        format!(
            "{}: cannot write ({e}); check the cache folder's permissions, or pass --index DIR",
            path.display()
        )
    })
}

/// Check that the index folder `dir` may take a folder search of `key`'s
/// paths: a new or empty folder, or this search's own cached index. An
/// index built by `newsq index`, another search's cache, or a folder of
/// other files is refused, so a search never adds articles to an index
/// silently.
pub fn check_search_index(dir: &Path, key: &[String], paths: &[PathBuf]) -> Result<(), String> {
    let shown = paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(" ");
    if !dir.exists() {
        return Ok(());
    }
    match cached_paths(dir) {
        Some(cached) if cached == key => Ok(()),
        Some(cached) => Err(format!(
            "{}: the cached index of a search of other paths ({}); give --index a folder of its own, or leave --index out to use the cache",
            dir.display(),
            cached.join(", ")
        )),
        None if NewsIndex::exists_in(dir) => Err(format!(
            "{}: an index built by `newsq index`; a search does not add files to it: search it with `newsq search QUERY --index {}`, or add the files first with `newsq index --index {} {shown}`",
            dir.display(),
            dir.display(),
            dir.display()
        )),
        None => match std::fs::read_dir(dir).map(|mut entries| entries.next().is_none()) {
            Ok(true) => Ok(()),
            _ => Err(newsq_core::index::IndexError::NotAnIndex(dir.to_path_buf()).to_string()),
        },
    }
}

/// Refuse an index folder given where articles are expected.
pub fn check_article_paths(paths: &[PathBuf]) -> Result<(), String> {
    match paths.iter().find(|p| NewsIndex::exists_in(p)) {
        Some(index) => Err(format!(
            "{}: a newsq index, not articles; search it with `newsq search QUERY --index {}`",
            index.display(),
            index.display()
        )),
        None => Ok(()),
    }
}

enum Kind {
    Data,
    Cache,
}

/// XDG on Linux and BSDs, `~/Library` on macOS, `%LOCALAPPDATA%` on Windows.
fn platform_dir(kind: Kind) -> Option<PathBuf> {
    let var = |name: &str| {
        env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return var("LOCALAPPDATA").map(|d| match kind {
            Kind::Data => d,
            Kind::Cache => d.join("cache"),
        });
    }
    let home = var("HOME");
    if cfg!(target_os = "macos") {
        return home.map(|h| match kind {
            Kind::Data => h.join("Library/Application Support"),
            Kind::Cache => h.join("Library/Caches"),
        });
    }
    match kind {
        Kind::Data => var("XDG_DATA_HOME").or_else(|| home.map(|h| h.join(".local/share"))),
        Kind::Cache => var("XDG_CACHE_HOME").or_else(|| home.map(|h| h.join(".cache"))),
    }
}
