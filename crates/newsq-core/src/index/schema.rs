//! The index schema: one document per quotation, one per article, one per
//! input file.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, NumericOptions, Schema,
    TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

use super::analysis::{NAME_ANALYZER, TEXT_ANALYZER};

/// What a document in the index stands for (the `kind` field).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    /// An article: title and body, searchable with `--articles`.
    Article = 0,
    /// One statement — a quotation or a reported statement (the
    /// `statement_kind` field tells which) — with its speaker, outlet and
    /// article fields.
    Quotation = 1,
    /// An input file as last indexed (path, modification time, size), so
    /// that re-indexing a folder reads only new or changed files.
    File = 2,
}

impl DocKind {
    /// The value stored in the `kind` field.
    pub fn code(self) -> u64 {
        self as u64
    }
}

/// The `statement_kind` code of a statement document.
pub struct StatementKindCode;

impl StatementKindCode {
    /// The code stored for `kind`.
    pub fn of(kind: crate::quote::StatementKind) -> u64 {
        match kind {
            crate::quote::StatementKind::Quotation => 0,
            crate::quote::StatementKind::Reported => 1,
        }
    }

    /// The kind a stored code stands for (a missing or unknown code is a
    /// quotation, as in indexes before reported statements).
    pub fn kind(code: Option<u64>) -> crate::quote::StatementKind {
        match code {
            Some(1) => crate::quote::StatementKind::Reported,
            _ => crate::quote::StatementKind::Quotation,
        }
    }
}

/// Field names, for embedders writing their own tantivy queries.
///
/// Each is the name of the [`Fields`] member of the same name, in the
/// tantivy schema of [`Fields::schema`].
pub mod name {
    /// The name of [`Fields::kind`](super::Fields::kind).
    pub const KIND: &str = "kind";
    /// The name of [`Fields::article_id`](super::Fields::article_id).
    pub const ARTICLE_ID: &str = "article_id";
    /// The name of [`Fields::article_name`](super::Fields::article_name).
    pub const ARTICLE_NAME: &str = "article_name";
    /// The name of [`Fields::path`](super::Fields::path).
    pub const PATH: &str = "path";
    /// The name of [`Fields::line`](super::Fields::line).
    pub const LINE: &str = "line";
    /// The name of [`Fields::title`](super::Fields::title).
    pub const TITLE: &str = "title";
    /// The name of [`Fields::headline`](super::Fields::headline).
    pub const HEADLINE: &str = "headline";
    /// The name of [`Fields::body`](super::Fields::body).
    pub const BODY: &str = "body";
    /// The name of [`Fields::quote`](super::Fields::quote).
    pub const QUOTE: &str = "quote";
    /// The name of [`Fields::context`](super::Fields::context).
    pub const CONTEXT: &str = "context";
    /// The name of [`Fields::speaker`](super::Fields::speaker).
    pub const SPEAKER: &str = "speaker";
    /// The name of [`Fields::speaker_key`](super::Fields::speaker_key).
    pub const SPEAKER_KEY: &str = "speaker_key";
    /// The name of [`Fields::speaker_mention`](super::Fields::speaker_mention).
    pub const SPEAKER_MENTION: &str = "speaker_mention";
    /// The name of [`Fields::speaker_from`](super::Fields::speaker_from).
    pub const SPEAKER_FROM: &str = "speaker_from";
    /// The name of [`Fields::cue`](super::Fields::cue).
    pub const CUE: &str = "cue";
    /// The name of [`Fields::outlet`](super::Fields::outlet).
    pub const OUTLET: &str = "outlet";
    /// The name of [`Fields::outlet_key`](super::Fields::outlet_key).
    pub const OUTLET_KEY: &str = "outlet_key";
    /// The name of [`Fields::published`](super::Fields::published).
    pub const PUBLISHED: &str = "published";
    /// The name of [`Fields::url`](super::Fields::url).
    pub const URL: &str = "url";
    /// The name of [`Fields::language`](super::Fields::language).
    pub const LANGUAGE: &str = "language";
    /// The name of [`Fields::quote_start`](super::Fields::quote_start).
    pub const QUOTE_START: &str = "quote_start";
    /// The name of [`Fields::quote_end`](super::Fields::quote_end).
    pub const QUOTE_END: &str = "quote_end";
    /// The name of [`Fields::quote_id`](super::Fields::quote_id).
    pub const QUOTE_ID: &str = "quote_id";
    /// The name of [`Fields::quote_shingle`](super::Fields::quote_shingle).
    pub const QUOTE_SHINGLE: &str = "quote_shingle";
    /// The name of [`Fields::statement_kind`](super::Fields::statement_kind).
    pub const STATEMENT_KIND: &str = "statement_kind";
    /// The name of [`Fields::contains`](super::Fields::contains).
    pub const CONTAINS: &str = "contains";
    /// The name of [`Fields::mtime`](super::Fields::mtime).
    pub const MTIME: &str = "mtime";
    /// The name of [`Fields::size`](super::Fields::size).
    pub const SIZE: &str = "size";
    /// The name of [`Fields::read_meta`](super::Fields::read_meta).
    pub const READ_META: &str = "read_meta";
    /// The name of [`Fields::read_outlet`](super::Fields::read_outlet).
    pub const READ_OUTLET: &str = "read_outlet";
    /// The name of [`Fields::read_format`](super::Fields::read_format).
    pub const READ_FORMAT: &str = "read_format";
}

/// The fields of a newsq index.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// [`DocKind`] code; indexed and fast.
    pub kind: Field,
    /// The article's id (its URL where known, else path and content hash):
    /// on article and quotation documents, so re-indexing replaces both.
    pub article_id: Field,
    /// The article's id as it was read ([`crate::Article::id`]: its file
    /// name, URL, or `FILE:#N` in a container); stored, on article and
    /// statement documents.
    pub article_name: Field,
    /// The input file, on all three kinds; fast, for the file list.
    pub path: Field,
    /// 1-based line of a JSON Lines article.
    pub line: Field,
    /// Headline, on article documents; stemmed text.
    pub title: Field,
    /// The article's headline on quotation documents: stored only, since
    /// quotations are searched by their own words.
    pub headline: Field,
    /// Article text (article documents only); stemmed text with positions.
    pub body: Field,
    /// The quoted words; stemmed text with positions.
    pub quote: Field,
    /// The sentence around the quotation, stored for display.
    pub context: Field,
    /// Speaker as shown ("Volodymyr Zelensky"); name text, fast for facets.
    pub speaker: Field,
    /// [`super::analysis::name_key`] of the speaker, for exact filters.
    pub speaker_key: Field,
    /// The mention as written ("Mr Zelensky", "he"); fast, so that the
    /// speaker list can show how articles wrote each name.
    pub speaker_mention: Field,
    /// How the speaker was found ([`crate::quote::SpeakerFrom::as_str`]:
    /// "name", "pronoun", …); a raw string, so it can be filtered on.
    pub speaker_from: Field,
    /// The reporting cue ("said").
    pub cue: Field,
    /// Outlet as shown; name text, fast for facets.
    pub outlet: Field,
    /// [`super::analysis::name_key`] of the outlet.
    pub outlet_key: Field,
    /// Publication date; indexed and fast (date filters, newest-first ties).
    pub published: Field,
    /// Canonical URL.
    pub url: Field,
    /// Language code where known.
    pub language: Field,
    /// Byte offset of the quotation's start in the body
    /// ([`crate::Quotation::start`]).
    pub quote_start: Field,
    /// Byte offset just after the quotation's end in the body
    /// ([`crate::Quotation::end`]).
    pub quote_end: Field,
    /// A quotation's id ([`super::quotation_id`]): shown with each hit,
    /// accepted by `newsq trail`.
    pub quote_id: Field,
    /// Hashes of a sample of the quotation's three-word runs
    /// ([`crate::wording::Wording::anchors`]), one term each: how the
    /// versions of a quotation in other articles are found.
    pub quote_shingle: Field,
    /// On statement documents, [`StatementKindCode`]: 0 for a quotation,
    /// 1 for a reported statement; indexed, fast and stored.
    pub statement_kind: Field,
    /// A reported statement's quotations, by their ids (one value each).
    pub contains: Field,
    /// File modification time (ns since 1970), on file documents.
    pub mtime: Field,
    /// File size in bytes, on file documents.
    pub size: Field,
    /// On file documents: a digest of the sidecar rows the file was read
    /// under (see `ReadSettings`), so that a run with other rows reads it
    /// again.
    pub read_meta: Field,
    /// On file documents: a digest of the `--set-outlet` it was read under.
    pub read_outlet: Field,
    /// On file documents: a digest of the `--format` it was read under.
    pub read_format: Field,
}

impl Fields {
    /// Build the schema and its field handles.
    pub fn schema() -> (Schema, Fields) {
        let mut builder = Schema::builder();
        let analysed = |tokenizer: &str| {
            TextOptions::default()
                .set_indexing_options(
                    TextFieldIndexing::default()
                        .set_tokenizer(tokenizer)
                        .set_index_option(IndexRecordOption::WithFreqsAndPositions),
                )
                .set_stored()
        };
        let stored_u64 = NumericOptions::default().set_stored();
        let fields = Fields {
            kind: builder.add_u64_field(name::KIND, INDEXED | FAST),
            article_id: builder.add_text_field(name::ARTICLE_ID, STRING | STORED),
            article_name: builder.add_text_field(name::ARTICLE_NAME, STORED),
            path: builder.add_text_field(name::PATH, STRING | STORED | FAST),
            line: builder.add_u64_field(name::LINE, stored_u64.clone()),
            title: builder.add_text_field(name::TITLE, analysed(TEXT_ANALYZER)),
            headline: builder.add_text_field(name::HEADLINE, STORED),
            body: builder.add_text_field(name::BODY, analysed(TEXT_ANALYZER)),
            quote: builder.add_text_field(name::QUOTE, analysed(TEXT_ANALYZER)),
            context: builder.add_text_field(name::CONTEXT, STORED),
            speaker: builder.add_text_field(name::SPEAKER, analysed(NAME_ANALYZER).set_fast("raw")),
            speaker_key: builder.add_text_field(name::SPEAKER_KEY, STRING | STORED),
            speaker_mention: builder.add_text_field(
                name::SPEAKER_MENTION,
                TextOptions::default().set_stored().set_fast("raw"),
            ),
            speaker_from: builder.add_text_field(name::SPEAKER_FROM, STRING | STORED),
            cue: builder.add_text_field(name::CUE, STORED),
            outlet: builder.add_text_field(name::OUTLET, analysed(NAME_ANALYZER).set_fast("raw")),
            outlet_key: builder.add_text_field(name::OUTLET_KEY, STRING | STORED),
            published: builder.add_date_field(
                name::PUBLISHED,
                DateOptions::default()
                    .set_indexed()
                    .set_fast()
                    .set_stored()
                    .set_precision(DateTimePrecision::Seconds),
            ),
            url: builder.add_text_field(name::URL, STORED),
            language: builder.add_text_field(name::LANGUAGE, STRING | STORED),
            quote_start: builder.add_u64_field(name::QUOTE_START, stored_u64.clone()),
            quote_end: builder.add_u64_field(name::QUOTE_END, stored_u64),
            quote_id: builder.add_text_field(name::QUOTE_ID, STRING | STORED),
            quote_shingle: builder.add_u64_field(name::QUOTE_SHINGLE, INDEXED),
            statement_kind: builder.add_u64_field(name::STATEMENT_KIND, INDEXED | FAST | STORED),
            contains: builder.add_text_field(name::CONTAINS, STRING | STORED),
            mtime: builder.add_u64_field(name::MTIME, FAST),
            size: builder.add_u64_field(name::SIZE, FAST),
            read_meta: builder.add_u64_field(name::READ_META, FAST),
            read_outlet: builder.add_u64_field(name::READ_OUTLET, FAST),
            read_format: builder.add_u64_field(name::READ_FORMAT, FAST),
        };
        (builder.build(), fields)
    }

    /// The field handles of an existing schema; `None` if a field is missing.
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let field = |n: &str| schema.get_field(n).ok();
        Some(Fields {
            kind: field(name::KIND)?,
            article_id: field(name::ARTICLE_ID)?,
            article_name: field(name::ARTICLE_NAME)?,
            path: field(name::PATH)?,
            line: field(name::LINE)?,
            title: field(name::TITLE)?,
            headline: field(name::HEADLINE)?,
            body: field(name::BODY)?,
            quote: field(name::QUOTE)?,
            context: field(name::CONTEXT)?,
            speaker: field(name::SPEAKER)?,
            speaker_key: field(name::SPEAKER_KEY)?,
            speaker_mention: field(name::SPEAKER_MENTION)?,
            speaker_from: field(name::SPEAKER_FROM)?,
            cue: field(name::CUE)?,
            outlet: field(name::OUTLET)?,
            outlet_key: field(name::OUTLET_KEY)?,
            published: field(name::PUBLISHED)?,
            url: field(name::URL)?,
            language: field(name::LANGUAGE)?,
            quote_start: field(name::QUOTE_START)?,
            quote_end: field(name::QUOTE_END)?,
            quote_id: field(name::QUOTE_ID)?,
            quote_shingle: field(name::QUOTE_SHINGLE)?,
            statement_kind: field(name::STATEMENT_KIND)?,
            contains: field(name::CONTAINS)?,
            mtime: field(name::MTIME)?,
            size: field(name::SIZE)?,
            read_meta: field(name::READ_META)?,
            read_outlet: field(name::READ_OUTLET)?,
            read_format: field(name::READ_FORMAT)?,
        })
    }
}
