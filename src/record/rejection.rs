//! Why an adjustment was refused, as data.

use std::path::PathBuf;

use crate::history::Refusal;
use crate::model::{Bump, Code, Date, Id, OpKind, Status, Version};

/// Why an adjustment does not fit the list; nothing was written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Rejection {
    /// No deciding document.
    #[error("an adjustment needs at least one deciding document (--decided-by)")]
    NoDecision,
    /// A version that does not increase.
    #[error("version {version} does not follow {previous}: versions must increase")]
    VersionNotIncreasing {
        /// The version given.
        version: Version,
        /// The last entry's.
        previous: Version,
    },
    /// A version bumped less than the operations require.
    #[error(
        "version {version} is a {declared} bump from {previous}, but the operations require a {required} bump"
    )]
    BumpTooSmall {
        /// The version given.
        version: Version,
        /// The last entry's.
        previous: Version,
        /// The bump from one to the other.
        declared: Bump,
        /// The bump the operations require.
        required: Bump,
    },
    /// A date before the last entry's.
    #[error("date {date} is before the last entry's ({previous})")]
    DateBeforeLast {
        /// The date given.
        date: Date,
        /// The last entry's.
        previous: Date,
    },
    /// An entry that cannot be written as TOML.
    #[error("cannot write the entry: {0}")]
    Unwritable(String),
    /// An operation that does not fit.
    #[error("operation {index} ({}): {reason}", kind.id())]
    Operation {
        /// Its index among the operations (from 0).
        index: usize,
        /// Its kind.
        kind: OpKind,
        /// Why it does not fit.
        reason: Refusal,
    },
    /// Files that do not differ from the head.
    #[error("the files do not differ from the head of the change log: nothing to record")]
    NothingToRecord,
    /// Files with changes the log does not record (for `apply`).
    #[error(
        "the list files have changes the change log does not record; record them with `quanze adjust` first:\n{}",
        .differences.join("\n")
    )]
    Unrecorded {
        /// One line per difference.
        differences: Vec<String>,
    },
    /// An item deleted from the files.
    #[error(
        "item `{id}` ({code}) is missing from the files: items are never deleted; set its status (e.g. `cancelled`) and `ended` instead"
    )]
    ItemDeleted {
        /// The item's id.
        id: Id,
        /// Its code.
        code: Code,
    },
    /// An agreement deleted from the files.
    #[error(
        "agreement `{0}` is missing from the files: agreements are never deleted; end them with a `term_end`"
    )]
    AgreementDeleted(Id),
    /// A sub-item deleted from the files.
    #[error(
        "sub-item `{sub}` of `{code}` is missing from the files: sub-items are never deleted; set its status and `ended`. A sub-item's code changes only with its item's, by a recode that carries the codes of all its sub-items coded under the old code (rename all of them, or none)"
    )]
    SubDeleted {
        /// The item's code.
        code: Code,
        /// The sub-item's.
        sub: Code,
    },
    /// `former_codes` edited in the files.
    #[error(
        "item `{code}`: `former_codes` differs from the change log; former codes come only from a `recode` or `reclassify`, which quanze writes (change `code` instead)"
    )]
    FormerCodesEdited {
        /// The item's code.
        code: Code,
    },
    /// A new entrusted item that no agreement lists.
    #[error("new entrusted item `{0}` is listed by no agreement with its grantor")]
    EntrustedWithoutAgreement(Code),
    /// A sub-item ended on another day than the adjustment's.
    #[error(
        "sub-item `{sub}` ends on {}, but an adjustment dated {date} can only end it on {date}",
        ended.map(|d| d.to_string()).unwrap_or_default()
    )]
    SubEndsElsewhen {
        /// The sub-item's code.
        sub: Code,
        /// The end in the files.
        ended: Option<Date>,
        /// The adjustment's date.
        date: Date,
    },
    /// A status that only an explicit operation can give.
    #[error(
        "item `{code}` changed status to `{}`: give merges, splits and recodes explicitly (--ops FILE)",
        status.id()
    )]
    NeedsExplicitOp {
        /// The item's code.
        code: Code,
        /// The status in the files.
        status: Status,
    },
    /// An item ended on another day than the adjustment's.
    #[error(
        "item `{code}` ends on {}, but an adjustment dated {date} ends items on {date}",
        ended.map_or_else(|| "(no date)".to_owned(), |d| d.to_string())
    )]
    EndsElsewhen {
        /// The item's code.
        code: Code,
        /// The end in the files.
        ended: Option<Date>,
        /// The adjustment's date.
        date: Date,
    },
    /// An operations file with `previous`.
    #[error("{}: an operations file has no `previous`; quanze fills it in", crate::diag::display_path(.0))]
    OpsFileWithPrevious(PathBuf),
    /// A deciding document whose title, issuer or date is not the one
    /// documents.toml holds under its number.
    #[error(
        "document `{number}` is not as documents.toml has it (its title, issuer and date must be the same); take them from there"
    )]
    DocumentMismatch {
        /// The document's number.
        number: String,
    },
    /// A deciding document that documents.toml does not hold.
    #[error("document `{0}` is not in documents.toml; add it there first")]
    UnknownDocument(String),
}
