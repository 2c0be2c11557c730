//! Writing a generated corpus to disk as JSON Lines files.

use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::Generator;

/// How a corpus is laid out on disk.
#[derive(Debug, Clone, Copy)]
pub struct CorpusLayout {
    /// Articles in all (numbers `0..articles`).
    pub articles: u64,
    /// Articles per file; the last file may hold fewer.
    pub per_file: u64,
    /// Threads generating and writing files.
    pub threads: usize,
}

/// What [`write_corpus`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CorpusWritten {
    /// Files written.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
}

/// Write articles `0..layout.articles` of `generator` into `dir` (created
/// if missing) as `part-00000.jsonl`, `part-00001.jsonl`, …, one
/// [`crate::SyntheticArticle::to_json_line`] per line. Each thread takes the
/// next file number, so the files are the same whichever thread wrote them.
///
/// ```
/// use newsq_synthetic::{write_corpus, CorpusLayout, Generator};
///
/// let dir = std::env::temp_dir().join(format!("newsq-synthetic-doc-{}", std::process::id()));
/// let layout = CorpusLayout { articles: 5, per_file: 2, threads: 2 };
/// let written = write_corpus(&Generator::new(7), layout, &dir).unwrap();
/// assert_eq!(written.files, 3);
/// let last = std::fs::read_to_string(dir.join("part-00002.jsonl")).unwrap();
/// assert_eq!(last.lines().count(), 1);
/// # std::fs::remove_dir_all(&dir).unwrap();
/// ```
pub fn write_corpus(
    generator: &Generator,
    layout: CorpusLayout,
    dir: &Path,
) -> Result<CorpusWritten, String> {
    if layout.per_file == 0 {
        return Err("at least one article per file is needed".into());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let files = layout.articles.div_ceil(layout.per_file);
    let next_file = AtomicU64::new(0);
    let bytes = AtomicU64::new(0);
    let work = || -> Result<(), String> {
        let mut buf: Vec<u8> = Vec::new();
        loop {
            let file = next_file.fetch_add(1, Ordering::Relaxed);
            if file >= files {
                return Ok(());
            }
            let first = file * layout.per_file;
            let last = (first + layout.per_file).min(layout.articles);
            buf.clear();
            for n in first..last {
                buf.extend_from_slice(generator.article(n).to_json_line().as_bytes());
                buf.push(b'\n');
            }
            let path = dir.join(format!("part-{file:05}.jsonl"));
            std::fs::write(&path, &buf).map_err(|e| format!("{}: {e}", path.display()))?;
            bytes.fetch_add(buf.len() as u64, Ordering::Relaxed);
        }
    };
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..layout.threads.max(1))
            .map(|_| scope.spawn(work))
            .collect();
        // (The scope joins any worker left when one fails.)
        workers
            .into_iter()
            .try_for_each(|w| w.join().unwrap_or_else(|_| Err("a worker panicked".into())))
    })?;
    Ok(CorpusWritten {
        files,
        bytes: bytes.into_inner(),
    })
}
