//! Where indexes live: `--index DIR`, else `$NEWSQ_INDEX`, else the
//! platform's data folder; cached indexes for `newsq search QUERY PATH...`
//! in the platform's cache folder.

use newsq_core::index::stable_hash;
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

/// The cached index for a set of article paths: one per distinct set, so
/// `newsq search QUERY ./a` and `... ./b` do not disturb each other.
pub fn cache_dir_for(paths: &[PathBuf]) -> Result<PathBuf, String> {
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
    let hash = stable_hash(keys.join("\n").as_bytes());
    let base = match env::var_os("NEWSQ_CACHE").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => platform_dir(Kind::Cache)
            .map(|d| d.join("newsq"))
            .ok_or_else(|| {
                "cannot find a cache folder (no HOME); pass --index DIR or set NEWSQ_CACHE"
                    .to_string()
            })?,
    };
    Ok(base.join(format!("{hash:016x}")))
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
