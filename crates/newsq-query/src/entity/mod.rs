//! Speakers and outlets as entities: one person or outlet, every spelling.
//!
//! * [`Entities`] groups the spellings an index holds into people and
//!   outlets ([`Entities::build`]) and resolves a name to them
//!   ([`Entities::resolve`]): "zelenskiy" finds Volodymyr Zelensky however
//!   each article spelled him; "putin" never finds his spokesman.
//! * [`Aliases`] is the user's file of merges, splits and names.
//! * [`spelling_key`], [`read_speaker`] and [`read_outlet`] are the rules,
//!   for embedders who want them directly.
//!
//! [`crate::NewsSearcher::speakers`] and [`crate::NewsSearcher::outlets`]
//! build the tables of an index; every speaker and outlet filter goes
//! through them.

mod aliases;
mod outlet;
mod person;
mod spelling;
mod table;

pub use aliases::{AliasEntry, AliasError, Aliases, ALIAS_FILE};
pub use outlet::{read_outlet, OutletName};
pub use person::{
    looks_like_name, office_titles, read_speaker, title_cue, PersonName, SpeakerName, TitleCue,
};
pub(crate) use spelling::{folded_words, SpellingAutomaton};
pub use spelling::{spelling_key, transliterate};
pub use table::{Entities, Entity, EntityKind, NameMatch, Sighting, Spelling};
