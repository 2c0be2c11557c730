//! `newsq cache`: the cached indexes of folder searches (`newsq search
//! QUERY PATH...`), listed or removed.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use newsq_core::index::NewsIndex;
use serde::Serialize;

use crate::output::{count_of, finish_on_write_error, json_line};
use crate::{locate, CacheAction, CacheArgs};

pub fn run(args: CacheArgs) -> Result<ExitCode, String> {
    match args.action {
        None => list(args.json),
        Some(CacheAction::List { json }) => list(json || args.json),
        Some(CacheAction::Clean { paths, quiet }) => clean(&paths, quiet.quiet),
    }
}

/// A cached index, as listed.
#[derive(Serialize)]
struct CachedIndex {
    #[serde(rename = "type")]
    kind: &'static str,
    /// The index folder.
    dir: PathBuf,
    /// The searched paths it indexes; empty when an older newsq made it
    /// without recording them.
    paths: Vec<String>,
    /// Size on disk.
    bytes: u64,
    /// Last search through it, seconds since 1970.
    last_used: u64,
}

/// The cached indexes under the cache folder, most recently used first.
fn cached_indexes(base: &Path) -> Vec<CachedIndex> {
    let Ok(entries) = std::fs::read_dir(base) else {
        return Vec::new();
    };
    let mut found: Vec<CachedIndex> = entries
        .flatten()
        .map(|entry| entry.path())
        .filter_map(|dir| {
            let paths = locate::cached_paths(&dir);
            (paths.is_some() || NewsIndex::exists_in(&dir)).then_some((dir, paths))
        })
        .map(|(dir, paths)| {
            let used = locate::last_use(&dir);
            CachedIndex {
                kind: "cache",
                paths: paths.unwrap_or_default(),
                bytes: size_of(&dir),
                last_used: used
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_secs()),
                dir,
            }
        })
        .collect();
    found.sort_by(|a, b| b.last_used.cmp(&a.last_used).then(a.dir.cmp(&b.dir)));
    found
}

fn list(json: bool) -> Result<ExitCode, String> {
    let base = locate::cache_base()?;
    let found = cached_indexes(&base);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let written = found
        .iter()
        .try_for_each(|cached| {
            if json {
                return json_line(&mut out, cached);
            }
            let paths = if cached.paths.is_empty() {
                "(paths not recorded)".to_string()
            } else {
                cached.paths.join(", ")
            };
            writeln!(
                out,
                "{paths}\n  {} MB, used {} — {}",
                format_args!("{:.1}", cached.bytes as f64 / 1e6),
                age(now.saturating_sub(cached.last_used)),
                cached.dir.display()
            )
        })
        .and_then(|()| out.flush());
    if let Err(e) = written {
        return finish_on_write_error(e);
    }
    if found.is_empty() {
        eprintln!("newsq: no cached indexes in {}", base.display());
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn clean(paths: &[PathBuf], quiet: bool) -> Result<ExitCode, String> {
    let base = locate::cache_base()?;
    let doomed: Vec<PathBuf> = if paths.is_empty() {
        cached_indexes(&base).into_iter().map(|c| c.dir).collect()
    } else {
        let dir = locate::cache_dir_for(&locate::search_key(paths))?;
        if !dir.exists() {
            return Err(format!(
                "no cached index for a search of {}; `newsq cache` lists them",
                paths
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(" ")
            ));
        }
        vec![dir]
    };
    let mut bytes = 0;
    for dir in &doomed {
        bytes += size_of(dir);
        std::fs::remove_dir_all(dir).map_err(|e| {
            format!(
                "{}: cannot remove ({e}); check its permissions, or remove it by hand",
                dir.display()
            )
        })?;
    }
    if !quiet {
        eprintln!(
            "newsq: removed {} ({:.1} MB) from {}",
            count_of(doomed.len(), "cached index", "cached indexes"),
            bytes as f64 / 1e6,
            base.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Bytes of the files in `dir` (an index folder is flat).
fn size_of(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

/// "3 minutes ago", "2 days ago".
fn age(seconds: u64) -> String {
    let (n, unit) = match seconds {
        0..=59 => return "just now".to_string(),
        60..=3599 => (seconds / 60, ("minute", "minutes")),
        3600..=86_399 => (seconds / 3600, ("hour", "hours")),
        _ => (seconds / 86_400, ("day", "days")),
    };
    format!("{} ago", count_of(n as usize, unit.0, unit.1))
}
