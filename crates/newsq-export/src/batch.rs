//! Documents cut into NDJSON bodies of at most a given size: one export
//! file or one request each.

use std::ops::Range;

use crate::document::ExportDocument;
use crate::engine::Engine;
use crate::error::ExportError;

/// One body: whole documents' lines, at most the batch size.
#[derive(Debug, Default)]
pub struct Batch {
    /// The NDJSON, every line ending in a newline.
    pub body: Vec<u8>,
    /// Each document's id and where its lines are in `body`.
    pub documents: Vec<(String, Range<usize>)>,
}

impl Batch {
    /// The body of only the documents at `positions` (a retry of some).
    pub fn subset(&self, positions: &[usize]) -> Batch {
        let mut subset = Batch::default();
        for &i in positions {
            if let Some((id, range)) = self.documents.get(i) {
                let start = subset.body.len();
                subset.body.extend_from_slice(&self.body[range.clone()]);
                subset
                    .documents
                    .push((id.clone(), start..subset.body.len()));
            }
        }
        subset
    }
}

/// Cuts a stream of documents into [`Batch`]es.
///
/// A document whose lines alone exceed the size is left out and counted
/// ([`Batcher::too_large`]): the engine would refuse the request (Quickwit
/// answers 413 over 10 MiB), and a file of it could never be ingested.
pub struct Batcher<I> {
    engine: Engine,
    max_bytes: usize,
    documents: I,
    /// A document read but not yet placed: it did not fit the last batch.
    pending: Option<(String, Vec<u8>)>,
    too_large: Vec<String>,
    done: bool,
}

impl<I> Batcher<I>
where
    I: Iterator<Item = Result<ExportDocument, ExportError>>,
{
    pub fn new(engine: Engine, max_bytes: usize, documents: I) -> Self {
        Batcher {
            engine,
            max_bytes,
            documents,
            pending: None,
            too_large: Vec::new(),
            done: false,
        }
    }

    /// The ids of the documents left out for being larger than a batch.
    pub fn too_large(&self) -> &[String] {
        &self.too_large
    }

    fn next_lines(&mut self) -> Option<Result<(String, Vec<u8>), ExportError>> {
        if let Some(pending) = self.pending.take() {
            return Some(Ok(pending));
        }
        loop {
            let document = match self.documents.next()? {
                Ok(document) => document,
                Err(e) => return Some(Err(e)),
            };
            let lines = match self.engine.lines(&document) {
                Ok(lines) => lines,
                Err(e) => return Some(Err(e)),
            };
            if lines.len() > self.max_bytes {
                self.too_large.push(document.doc_id);
                continue;
            }
            return Some(Ok((document.doc_id, lines)));
        }
    }
}

impl<I> Iterator for Batcher<I>
where
    I: Iterator<Item = Result<ExportDocument, ExportError>>,
{
    type Item = Result<Batch, ExportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut batch = Batch::default();
        while let Some(item) = self.next_lines() {
            let (id, lines) = match item {
                Ok(read) => read,
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            if batch.body.len() + lines.len() > self.max_bytes {
                self.pending = Some((id, lines));
                break;
            }
            let start = batch.body.len();
            batch.body.extend_from_slice(&lines);
            batch.documents.push((id, start..batch.body.len()));
        }
        if batch.documents.is_empty() {
            self.done = true;
            return None;
        }
        Some(Ok(batch))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(id: &str, quote_len: usize) -> Result<ExportDocument, ExportError> {
        Ok(ExportDocument {
            doc_id: id.to_string(),
            kind: "quotation",
            article_id: "a".into(),
            quote: Some("x".repeat(quote_len)),
            quote_terms: None,
            context: None,
            speaker: None,
            speaker_key: None,
            speaker_as_written: None,
            speaker_spelling_key: None,
            speaker_mention: None,
            speaker_from: None,
            cue: None,
            body: None,
            body_terms: None,
            title: None,
            title_terms: None,
            outlet: None,
            outlet_key: None,
            outlet_as_written: None,
            outlet_spelling_key: None,
            published: None,
            url: None,
            language: None,
            path: None,
        })
    }

    #[test]
    fn batches_hold_whole_documents_up_to_the_size() {
        let one = Engine::Quickwit
            .lines(&document("d0", 100).unwrap())
            .unwrap()
            .len();
        let docs = (0..10).map(|i| document(&format!("d{i}"), 100));
        let mut batcher = Batcher::new(Engine::Quickwit, one * 3 + one / 2, docs);
        let sizes: Vec<usize> = batcher
            .by_ref()
            .map(|b| b.unwrap().documents.len())
            .collect();
        assert_eq!(sizes, [3, 3, 3, 1]);
        assert!(batcher.too_large().is_empty());
    }

    #[test]
    fn a_document_larger_than_a_batch_is_left_out_and_named() {
        let docs = vec![
            document("small", 10),
            document("huge", 5000),
            document("next", 10),
        ];
        let mut batcher = Batcher::new(Engine::Elasticsearch, 1000, docs.into_iter());
        let batches: Vec<Batch> = batcher.by_ref().map(|b| b.unwrap()).collect();
        assert_eq!(batches.len(), 1);
        let ids: Vec<&str> = batches[0]
            .documents
            .iter()
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(ids, ["small", "next"]);
        assert_eq!(batcher.too_large(), ["huge"]);
    }

    #[test]
    fn a_subset_keeps_the_chosen_documents_lines() {
        let docs = (0..3).map(|i| document(&format!("d{i}"), 5));
        let batch = Batcher::new(Engine::Elasticsearch, 10_000, docs)
            .next()
            .unwrap()
            .unwrap();
        let subset = batch.subset(&[2, 0]);
        let text = String::from_utf8(subset.body).unwrap();
        let ids: Vec<&str> = subset.documents.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["d2", "d0"]);
        assert!(text.starts_with(r#"{"create":{"_id":"d2"}}"#));
        assert_eq!(text.lines().count(), 4);
    }
}
