//! An export folder: the engine's index definition, the documents in
//! NDJSON files each small enough for one request, and the entities.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::batch::Batcher;
use crate::document::IndexDocuments;
use crate::engine::{Engine, EngineVersion, QUICKWIT_MAX_BODY};
use crate::error::ExportError;

/// The file of speaker and outlet entities in an export folder.
pub const ENTITIES_FILE: &str = "entities.ndjson";

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The engine the export is for.
    pub engine: Engine,
    /// The engine version the definition is written for; `None` for the
    /// newest newsq knows ([`Engine::newest_version`]).
    pub engine_version: Option<EngineVersion>,
    /// The engine's index name (Quickwit's `index_id`).
    pub index_name: String,
    /// Largest document file, in bytes; at most [`QUICKWIT_MAX_BODY`] for
    /// Quickwit.
    pub max_file_bytes: usize,
}

impl ExportOptions {
    /// Files of 10 MB (Quickwit's limit, and a good `_bulk` size) into an
    /// index named "newsq".
    pub fn new(engine: Engine) -> Self {
        ExportOptions {
            engine,
            engine_version: None,
            index_name: "newsq".to_string(),
            max_file_bytes: QUICKWIT_MAX_BODY,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ExportSummary {
    /// Documents written.
    pub documents: u64,
    /// The index definition file.
    pub definition: PathBuf,
    /// The document files, in order.
    pub files: Vec<PathBuf>,
    /// Bytes of document files.
    pub bytes: u64,
    /// Ids of documents left out for being larger than a file.
    pub too_large: Vec<String>,
    /// Quotations and articles without a publication date.
    pub undated: u64,
    /// Whether `published` is Quickwit's timestamp field (every document
    /// has a date).
    pub timestamp_field: bool,
    /// The engine version the definition was written for.
    pub engine_version: Option<EngineVersion>,
}

/// Write `documents` into `folder` (created if missing) for `options.engine`.
/// Document files of an earlier export in the folder are removed first, so
/// the folder never mixes two exports. `on_written` is told the documents
/// and bytes of each file as it is written.
pub fn export_to_folder(
    documents: &IndexDocuments,
    folder: &Path,
    options: &ExportOptions,
    mut on_written: impl FnMut(u64, u64),
) -> Result<ExportSummary, ExportError> {
    let engine = options.engine;
    engine.check_index_name(&options.index_name)?;
    let version = options
        .engine_version
        .unwrap_or_else(|| engine.newest_version());
    engine.check_version(version)?;
    let written = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExportError::Write { path, source }
    };
    fs::create_dir_all(folder).map_err(written(folder))?;
    remove_earlier_export(folder, engine)?;

    let timestamp_field = documents.undated() == 0;
    let definition = folder.join(engine.definition_file());
    fs::write(
        &definition,
        engine.definition(&options.index_name, timestamp_field, version),
    )
    .map_err(written(&definition))?;
    let entities_path = folder.join(ENTITIES_FILE);
    let mut entities = Vec::new();
    for entity in documents.entities() {
        serde_json::to_writer(&mut entities, entity)?;
        entities.push(b'\n');
    }
    fs::write(&entities_path, entities).map_err(written(&entities_path))?;

    let max_bytes = engine.body_limit(options.max_file_bytes);
    let mut batches = Batcher::new(engine, max_bytes, documents.iter());
    let mut summary = ExportSummary {
        definition,
        undated: documents.undated(),
        timestamp_field,
        engine_version: Some(version),
        ..ExportSummary::default()
    };
    for batch in batches.by_ref() {
        let batch = batch?;
        let path = folder.join(format!(
            "{}{:06}.ndjson",
            engine.documents_prefix(),
            summary.files.len() + 1
        ));
        let mut file = fs::File::create(&path).map_err(written(&path))?;
        file.write_all(&batch.body)
            .and_then(|()| file.sync_all())
            .map_err(written(&path))?;
        let count = batch.documents.len() as u64;
        summary.documents += count;
        summary.bytes += batch.body.len() as u64;
        summary.files.push(path);
        on_written(count, batch.body.len() as u64);
    }
    summary.too_large = batches.too_large().to_vec();
    Ok(summary)
}

/// Remove the document files an earlier export (for either engine) left in
/// `folder`, and the other engine's definition.
fn remove_earlier_export(folder: &Path, engine: Engine) -> Result<(), ExportError> {
    let unreadable = |source| ExportError::Write {
        path: folder.to_path_buf(),
        source,
    };
    let engines = [Engine::Quickwit, Engine::Elasticsearch, Engine::OpenSearch];
    for entry in fs::read_dir(folder).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let numbered = engines.iter().any(|e| {
            name.strip_prefix(e.documents_prefix())
                .and_then(|rest| rest.strip_suffix(".ndjson"))
                .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        });
        let other_definition = engines.iter().any(|&e| {
            e.definition_file() != engine.definition_file() && name == e.definition_file()
        });
        if numbered || other_definition {
            fs::remove_file(entry.path()).map_err(|source| ExportError::Write {
                path: entry.path(),
                source,
            })?;
        }
    }
    Ok(())
}
