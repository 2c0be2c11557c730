//! The alias file: what a user knows better than the rules.
//!
//! ```toml
//! # Merge: these spellings are one person, shown as `name`.
//! [[speaker]]
//! name = "Volodymyr Zelensky"
//! spellings = ["Zelenskyy", "V. Zelenskyy"]
//!
//! # Split: two entries are always two people, whatever the rules say.
//! [[speaker]]
//! name = "George H. W. Bush"
//! spellings = ["George Bush"]
//!
//! # Name an outlet.
//! [[outlet]]
//! name = "Financial Times"
//! spellings = ["FT", "ft.com", "The Financial Times"]
//! ```
//!
//! The same in JSON: `{"speaker": [{"name": …, "spellings": […]}], "outlet": […]}`.
//! `newsq index --aliases FILE` keeps a copy in the index, so it applies to
//! every later search and index run until replaced.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use newsq_core::index::analysis::name_key;
use newsq_core::index::NewsIndex;
use serde::{Deserialize, Serialize};
use tantivy::Directory;

use super::table::EntityKind;

/// The file inside an index that holds its aliases. The leading dot keeps
/// it out of tantivy's file management, which deletes the files it manages
/// once no commit uses them.
pub const ALIAS_FILE: &str = ".newsq-aliases.json";

/// One entity as the user defines it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasEntry {
    /// The name shown for the entity (also one of its spellings).
    pub name: String,
    /// Other spellings that are this entity.
    #[serde(default)]
    pub spellings: Vec<String>,
}

impl AliasEntry {
    /// The name and the other spellings: every way of writing the entity.
    pub fn all_spellings(&self) -> impl Iterator<Item = &String> {
        std::iter::once(&self.name).chain(&self.spellings)
    }
}

/// A user's aliases for speakers and outlets.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Aliases {
    /// The speakers (`[[speaker]]` entries).
    #[serde(default, rename = "speaker", skip_serializing_if = "Vec::is_empty")]
    pub speakers: Vec<AliasEntry>,
    /// The outlets (`[[outlet]]` entries).
    #[serde(default, rename = "outlet", skip_serializing_if = "Vec::is_empty")]
    pub outlets: Vec<AliasEntry>,
}

/// Why an alias file could not be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AliasError {
    /// The alias file could not be read.
    #[error("{path}: {source}")]
    Read {
        /// The alias file.
        path: PathBuf,
        /// The system's error.
        source: std::io::Error,
    },
    /// The alias file is neither valid TOML nor valid JSON of the expected
    /// shape.
    #[error("{path}:{line}: {message} (an alias file is TOML or JSON: [[speaker]] entries with name = \"…\" and spellings = [\"…\"])")]
    Syntax {
        /// The alias file.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// The parser's explanation.
        message: String,
    },
    /// The file parses, but an entry has no name or a spelling is listed
    /// under two entries.
    #[error("{path}: {message}")]
    Invalid {
        /// The alias file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The aliases stored in the index could not be read or written.
    #[error("the aliases kept in the index: {0}")]
    Stored(String),
}

impl Aliases {
    /// The entries for one kind of entity.
    pub fn entries(&self, kind: EntityKind) -> &[AliasEntry] {
        match kind {
            EntityKind::Speaker => &self.speakers,
            EntityKind::Outlet => &self.outlets,
        }
    }

    /// Read an alias file: TOML, or JSON when it is named `*.json` or
    /// starts with `{`.
    pub fn from_path(path: &Path) -> Result<Aliases, AliasError> {
        let text = std::fs::read_to_string(path).map_err(|source| AliasError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"))
            || text.trim_start().starts_with('{');
        let syntax = |line: usize, message: String| AliasError::Syntax {
            path: path.to_path_buf(),
            line,
            message,
        };
        let aliases: Aliases = if json {
            serde_json::from_str(&text).map_err(|e| syntax(e.line(), e.to_string()))?
        } else {
            toml::from_str(&text).map_err(|e| {
                let line = e.span().map_or(1, |span| {
                    text[..span.start.min(text.len())].matches('\n').count() + 1
                });
                syntax(line, e.message().to_string())
            })?
        };
        aliases.check().map_err(|message| AliasError::Invalid {
            path: path.to_path_buf(),
            message,
        })?;
        Ok(aliases)
    }

    /// Every entry has a name, and no spelling belongs to two entries.
    fn check(&self) -> Result<(), String> {
        for kind in [EntityKind::Speaker, EntityKind::Outlet] {
            let mut owner: HashMap<String, &str> = HashMap::new();
            for entry in self.entries(kind) {
                if name_key(&entry.name).is_empty() {
                    return Err(format!(
                        "a [[{}]] entry has no name; give it name = \"…\"",
                        kind.noun()
                    ));
                }
                for spelling in entry.all_spellings() {
                    let key = name_key(spelling);
                    if key.is_empty() {
                        continue;
                    }
                    match owner.get(&key) {
                        Some(&other) if other != entry.name => {
                            return Err(format!(
                                "\"{spelling}\" is listed under both {} \"{other}\" and \"{}\"; keep it in one",
                                kind.noun(),
                                entry.name
                            ))
                        }
                        _ => {
                            owner.insert(key, &entry.name);
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// The aliases kept in `index` (none when it has no alias file).
    pub fn load(index: &NewsIndex) -> Result<Aliases, AliasError> {
        let directory = index.tantivy().directory();
        match directory.atomic_read(Path::new(ALIAS_FILE)) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|e| AliasError::Stored(e.to_string()))
            }
            Err(tantivy::directory::error::OpenReadError::FileDoesNotExist(_)) => {
                Ok(Aliases::default())
            }
            Err(e) => Err(AliasError::Stored(e.to_string())),
        }
    }

    /// Keep these aliases in `index`, replacing any kept before.
    pub fn store(&self, index: &NewsIndex) -> Result<(), AliasError> {
        let json =
            serde_json::to_vec_pretty(self).map_err(|e| AliasError::Stored(e.to_string()))?;
        index
            .tantivy()
            .directory()
            .atomic_write(Path::new(ALIAS_FILE), &json)
            .map_err(|e| AliasError::Stored(e.to_string()))
    }

    /// No entries at all.
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty() && self.outlets.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("newsq-aliases-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn toml_and_json_read_the_same() {
        let toml = write(
            "a.toml",
            "[[speaker]]\nname = \"Ilse Brandt\"\nspellings = [\"I. Brandt\"]\n\n[[outlet]]\nname = \"Harbour Gazette\"\n",
        );
        let json = write(
            "a.json",
            r#"{"speaker": [{"name": "Ilse Brandt", "spellings": ["I. Brandt"]}], "outlet": [{"name": "Harbour Gazette"}]}"#,
        );
        let a = Aliases::from_path(&toml).unwrap();
        assert_eq!(a, Aliases::from_path(&json).unwrap());
        assert_eq!(a.speakers[0].spellings, ["I. Brandt"]);
    }

    #[test]
    fn errors_name_the_file_line_and_the_fix() {
        let bad = write(
            "bad.toml",
            "[[speaker]]\nname = \"A\"\nspelings = [\"B\"]\n",
        );
        let message = Aliases::from_path(&bad).unwrap_err().to_string();
        assert!(message.contains("bad.toml:3:"), "{message}");
        let twice = write(
            "twice.toml",
            "[[speaker]]\nname = \"Ann Lee\"\nspellings = [\"Lee\"]\n[[speaker]]\nname = \"Bo Lee\"\nspellings = [\"Lee\"]\n",
        );
        let message = Aliases::from_path(&twice).unwrap_err().to_string();
        assert!(
            message.contains("\"Lee\" is listed under both speaker \"Ann Lee\" and \"Bo Lee\""),
            "{message}"
        );
    }

    #[test]
    fn an_index_keeps_its_aliases() {
        let index = NewsIndex::create_in_ram().unwrap();
        assert!(Aliases::load(&index).unwrap().is_empty());
        let aliases = Aliases {
            speakers: vec![AliasEntry {
                name: "Ilse Brandt".into(),
                spellings: vec!["Brandt".into()],
            }],
            outlets: Vec::new(),
        };
        aliases.store(&index).unwrap();
        assert_eq!(Aliases::load(&index).unwrap(), aliases);
    }
}
