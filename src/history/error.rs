//! Why a history question has no answer.

use crate::history::OpError;
use crate::model::{Date, Id, Version};

/// Why a change log does not give the state asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An entry does not apply to the state the entries before it left.
    #[error(
        "the change log of `{authority}` does not replay (entry {version}, operation {}: {source})",
        source.index
    )]
    Replay {
        /// The list's holder.
        authority: Id,
        /// The index of the entry in the log (from 0).
        entry: usize,
        /// Its version.
        version: Version,
        /// The operation that does not apply, and why.
        source: Box<OpError>,
    },
    /// The list has no change log, so no version.
    #[error("the list of `{authority}` has no change log")]
    NoChangeLog {
        /// The list's holder.
        authority: Id,
    },
    /// The log has no such version.
    #[error("the change log of `{authority}` has no version {version}")]
    NoVersion {
        /// The list's holder.
        authority: Id,
        /// The version asked for.
        version: Version,
    },
    /// The date is before the log's first entry.
    #[error("the change log of `{authority}` has no version in force on {date}")]
    NoVersionOn {
        /// The list's holder.
        authority: Id,
        /// The date asked for.
        date: Date,
    },
}
