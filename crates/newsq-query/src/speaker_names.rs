//! The entity name of every speaker spelling of an index, kept in a file of
//! the index folder.
//!
//! Grouping every speaker spelling of a large index into people takes
//! seconds (a pass over all quotations, then the grouping rules), and a
//! speaker facet needs the whole grouping. A new process would redo it on
//! every call, so the result is kept next to the index, stamped with what
//! it was built from — the index's segments and their deletes, the alias
//! file and this version of newsq — and read back only while those are
//! unchanged. A lookup is a binary search in the file's sorted lines, so
//! reading it costs one file read, whatever the number of speakers.

use std::path::Path;

use newsq_core::index::analysis::name_key;
use newsq_core::index::{stable_hash, IndexError, NewsIndex};
use tantivy::{Directory, Searcher};

use crate::entity::{Aliases, Entities};

/// The file inside an index that holds the names. The leading dot keeps it
/// out of tantivy's file management (see [`crate::entity::ALIAS_FILE`]).
pub(crate) const SPEAKER_NAMES_FILE: &str = ".newsq-speaker-names";

/// The first words of the file's first line; the stamp follows.
const HEADER: &str = "newsq speaker names 1";

/// Speaker spellings' entity names, as a sorted text of
/// `spelling key \t entity name` lines.
#[derive(Debug)]
pub(crate) struct SpeakerNames {
    /// The whole file: the header line, then the lines.
    text: Vec<u8>,
    /// Where the lines start.
    lines: usize,
}

impl SpeakerNames {
    /// What names built now would be stamped with: the segments (and their
    /// deletes) `searcher` sees, the speaker aliases and newsq's version.
    pub(crate) fn stamp(searcher: &Searcher, aliases: &Aliases) -> u64 {
        let mut segments: Vec<String> = searcher
            .segment_readers()
            .iter()
            .map(|segment| {
                format!(
                    "{}/{:?}",
                    segment.segment_id().uuid_string(),
                    segment.delete_opstamp()
                )
            })
            .collect();
        segments.sort_unstable();
        let aliases = serde_json::to_string(&aliases.speakers).unwrap_or_default();
        stable_hash(
            format!(
                "{}\n{}\n{aliases}",
                env!("CARGO_PKG_VERSION"),
                segments.join(" ")
            )
            .as_bytes(),
        )
    }

    /// The names kept in `index`, if they carry `stamp`.
    pub(crate) fn load(index: &NewsIndex, stamp: u64) -> Option<SpeakerNames> {
        let text = index
            .tantivy()
            .directory()
            .atomic_read(Path::new(SPEAKER_NAMES_FILE))
            .ok()?;
        SpeakerNames::parse(text, stamp)
    }

    /// The file's text as names, if it is whole and carries `stamp`.
    fn parse(text: Vec<u8>, stamp: u64) -> Option<SpeakerNames> {
        let header = header(stamp);
        // A file cut short (a full disk) ends without its last newline.
        if !text.starts_with(header.as_bytes()) || text.last() != Some(&b'\n') {
            return None;
        }
        Some(SpeakerNames {
            lines: header.len(),
            text,
        })
    }

    /// The names of a whole speaker table, stamped with `stamp`.
    pub(crate) fn from_entities(entities: &Entities, stamp: u64) -> SpeakerNames {
        let mut lines: Vec<(String, String)> = entities
            .names_by_key()
            .map(|(key, name)| (escape(key), escape(name)))
            .collect();
        // Keys are unique (a map's) and escaping keeps them apart.
        lines.sort_unstable();
        let header = header(stamp);
        let mut text = header.clone().into_bytes();
        for (key, name) in lines {
            text.extend_from_slice(key.as_bytes());
            text.push(b'\t');
            text.extend_from_slice(name.as_bytes());
            text.push(b'\n');
        }
        SpeakerNames {
            text,
            lines: header.len(),
        }
    }

    /// Keep the names in `index`, replacing any kept before (atomically:
    /// a reader sees the old file or the new one).
    pub(crate) fn store(&self, index: &NewsIndex) -> Result<(), IndexError> {
        index
            .tantivy()
            .directory()
            .atomic_write(Path::new(SPEAKER_NAMES_FILE), &self.text)
            .map_err(|source| IndexError::Io {
                path: index
                    .dir()
                    .map_or_else(|| SPEAKER_NAMES_FILE.into(), |p| p.join(SPEAKER_NAMES_FILE)),
                source,
            })
    }

    /// The entity name of a speaker spelling (as the index stores it).
    pub(crate) fn entity_name(&self, spelling: &str) -> Option<String> {
        let wanted = escape(&name_key(spelling));
        let wanted = wanted.as_bytes();
        let lines = &self.text[self.lines..];
        // Binary search over bytes: each probe moves to the start of the
        // line it falls in. `low` is always a line start, `high` a line
        // start or the end.
        let (mut low, mut high) = (0, lines.len());
        while low < high {
            let middle = low + (high - low) / 2;
            let start = lines[low..middle]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(low, |at| low + at + 1);
            let end = lines[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(lines.len(), |at| start + at);
            let (key, name) = split_line(&lines[start..end]);
            match key.cmp(wanted) {
                std::cmp::Ordering::Equal => return name_of(name),
                std::cmp::Ordering::Less => low = end + 1,
                std::cmp::Ordering::Greater => high = start,
            }
        }
        None
    }

    /// The entity names of many spellings, in their order: a binary search
    /// each when they are few, one walk through the sorted lines when they
    /// are many (a facet over a common word meets most speakers, and a
    /// search reads some twenty lines).
    pub(crate) fn entity_names(&self, spellings: &[&str]) -> Vec<Option<String>> {
        const BYTES_PER_SEARCH: usize = 1024;
        let lines = &self.text[self.lines..];
        if spellings.len().saturating_mul(BYTES_PER_SEARCH) < lines.len() {
            return spellings.iter().map(|s| self.entity_name(s)).collect();
        }
        let mut wanted: Vec<(String, usize)> = spellings
            .iter()
            .enumerate()
            .map(|(at, spelling)| (escape(&name_key(spelling)), at))
            .collect();
        wanted.sort_unstable();
        let mut names = vec![None; spellings.len()];
        let mut kept = lines
            .split(|&b| b == b'\n')
            .filter(|line| !line.is_empty())
            .map(split_line)
            .peekable();
        for (key, at) in wanted {
            while kept
                .next_if(|(line_key, _)| *line_key < key.as_bytes())
                .is_some()
            {}
            if let Some((line_key, name)) = kept.peek() {
                if *line_key == key.as_bytes() {
                    names[at] = name_of(name);
                }
            }
        }
        names
    }
}

/// A line's spelling key and entity name (escaped).
fn split_line(line: &[u8]) -> (&[u8], &[u8]) {
    let tab = line.iter().position(|&b| b == b'\t').unwrap_or(line.len());
    (&line[..tab], line.get(tab + 1..).unwrap_or_default())
}

fn name_of(escaped: &[u8]) -> Option<String> {
    std::str::from_utf8(escaped).ok().map(unescape)
}

/// The file's first line.
fn header(stamp: u64) -> String {
    format!("{HEADER} {stamp:016x}\n")
}

/// A line's fields hold no tab or newline: those (and the backslash) are
/// written as `\t`, `\n` and `\\`.
fn escape(text: &str) -> String {
    if !text.contains(['\\', '\t', '\n']) {
        return text.to_string();
    }
    text.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

fn unescape(text: &str) -> String {
    if !text.contains('\\') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::{EntityKind, Sighting};

    fn names(spellings: &[(&str, u64)], stamp: u64) -> SpeakerNames {
        let sightings = spellings.iter().map(|&(s, n)| Sighting::new(s, n));
        let table = Entities::build(EntityKind::Speaker, sightings, &Aliases::default());
        SpeakerNames::from_entities(&table, stamp)
    }

    #[test]
    fn every_spelling_finds_the_name_the_whole_table_gives() {
        let spellings = [
            ("Volodymyr Zelensky", 9),
            ("Zelenskiy", 4),
            ("Mr. Zelenskyy", 2),
            ("Ilse Brandt", 5),
            ("Brandt", 1),
            ("Tomas Ek", 3),
            ("a spokesman", 2),
            ("Odd\tName", 1),
        ];
        let sightings = spellings.iter().map(|&(s, n)| Sighting::new(s, n));
        let table = Entities::build(EntityKind::Speaker, sightings, &Aliases::default());
        let kept = SpeakerNames::from_entities(&table, 7);
        for (spelling, _) in spellings {
            let expected = table.of_spelling(spelling).map(|e| e.name.clone());
            assert_eq!(kept.entity_name(spelling), expected, "{spelling}");
        }
        assert_eq!(
            kept.entity_name("Mr. Zelenskyy").as_deref(),
            Some("Volodymyr Zelensky")
        );
        assert_eq!(kept.entity_name("Odd\tName").as_deref(), Some("Odd\tName"));
        assert_eq!(kept.entity_name("Nobody Here"), None);
        assert_eq!(kept.entity_name(""), None);
    }

    #[test]
    fn a_file_is_read_back_only_whole_and_with_its_stamp() {
        let kept = names(&[("Ilse Brandt", 2), ("Ms. Brandt", 1)], 42);
        let text = kept.text.clone();
        let read = SpeakerNames::parse(text.clone(), 42).expect("same stamp");
        assert_eq!(
            read.entity_name("Ms. Brandt").as_deref(),
            Some("Ilse Brandt")
        );
        assert!(SpeakerNames::parse(text.clone(), 43).is_none());
        assert!(SpeakerNames::parse(text[..text.len() - 1].to_vec(), 42).is_none());
        assert!(SpeakerNames::parse(Vec::new(), 42).is_none());
    }

    proptest::proptest! {
        /// Whatever the spellings (speaker names come from articles), the
        /// file answers every lookup as the table it was built from does.
        #[test]
        fn any_spellings_are_found_as_the_table_finds_them(
            spellings in proptest::collection::vec("[\\PC\\t\\n\\\\]{0,16}|[A-Z][a-z]{1,6} [A-Z][a-z]{1,6}", 1..12),
            other in "[\\PC\\t\\n\\\\]{0,16}",
        ) {
            let sightings = spellings.iter().map(|s| Sighting::new(s.clone(), 1));
            let table = Entities::build(EntityKind::Speaker, sightings, &Aliases::default());
            let kept = SpeakerNames::from_entities(&table, 1);
            let asked: Vec<&str> = spellings.iter().chain([&other]).map(String::as_str).collect();
            let mut one_by_one = Vec::new();
            for spelling in &asked {
                let expected = table.of_spelling(spelling).map(|e| e.name.clone());
                proptest::prop_assert_eq!(kept.entity_name(spelling), expected.clone());
                one_by_one.push(expected);
            }
            // Many at once (a walk through the lines at this size).
            proptest::prop_assert_eq!(kept.entity_names(&asked), one_by_one);
        }
    }

    #[test]
    fn escaping_round_trips() {
        for text in ["plain", "tab\there", "line\nbreak", "back\\slash\\t", "\\"] {
            assert_eq!(unescape(&escape(text)), text);
        }
    }
}
