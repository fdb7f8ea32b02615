//! Why an operation does not fit the state it meets, as data.

use crate::model::{Category, Code, Date, Id, OpKind, Source, Status};

/// Why one operation of an entry cannot apply to the state it meets.
///
/// Each reason carries the codes, ids and dates it is about; its `Display`
/// is one lowercase sentence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// A record that is not a table (cannot happen for a record read from a file).
    #[error("cannot read the {what} as a table")]
    NotATable {
        /// `item`, `sub-item` or `agreement`.
        what: &'static str,
    },
    /// A `modify` with nothing to set or unset.
    #[error("nothing to set or unset")]
    NothingToSet,
    /// A key that has an operation of its own.
    #[error("`{key}` cannot be changed here: {why}")]
    Forbidden {
        /// The key.
        key: String,
        /// Which operation changes it.
        why: &'static str,
    },
    /// A key to unset that is not set.
    #[error("`{key}` is not set, so it cannot be unset")]
    NotSet {
        /// The key.
        key: String,
    },
    /// Values that do not make a valid record.
    #[error("the new values do not make a valid {what}: {message}")]
    InvalidValues {
        /// `item`, `sub-item` or `agreement`.
        what: &'static str,
        /// What the reader said.
        message: String,
    },
    /// A code that is or was used.
    #[error("code `{code}` is already used or was used before; codes are never reused")]
    CodeUsed {
        /// The code.
        code: Code,
    },
    /// A code whose item has ended.
    #[error("`{code}` is not in force: it was {}{}", status.id(), ended.map(|d| format!(" on {d}")).unwrap_or_default())]
    NotInForce {
        /// The code.
        code: Code,
        /// How it ended.
        status: Status,
        /// When.
        ended: Option<Date>,
    },
    /// A former code.
    #[error("`{code}` was recoded to `{to}`; operations name the current code")]
    Recoded {
        /// The former code.
        code: Code,
        /// The current code.
        to: Code,
    },
    /// A code no item has.
    #[error("no item has code `{code}`")]
    NoSuchCode {
        /// The code.
        code: Code,
    },
    /// An item id that is used.
    #[error("item id `{id}` is already used")]
    IdUsed {
        /// The id.
        id: Id,
    },
    /// A new sub-item code that is or was used.
    #[error("sub-item code `{code}` is already used or was used before")]
    SubCodeUsed {
        /// The code.
        code: Code,
    },
    /// A new item that is not in force, or has an end date.
    #[error("a new item must be in force, without `ended` (item `{code}`)")]
    NewNotInForce {
        /// The item's code.
        code: Code,
    },
    /// A new item with former codes or successors.
    #[error("a new item has no former codes or successors (item `{code}`)")]
    NewHasHistory {
        /// The item's code.
        code: Code,
    },
    /// A new item whose source does not fit the operation.
    #[error("`{}` takes an item whose source is {}, not `{}`", op.id(), sources(expected), found.id())]
    WrongSource {
        /// The operation.
        op: OpKind,
        /// The sources it takes.
        expected: Vec<Source>,
        /// The item's.
        found: Source,
    },
    /// An end on or before the item's first day.
    #[error(
        "`{code}` takes effect on {effective}; an adjustment dated {date} cannot end it (it would never be in force)"
    )]
    EndsBeforeEffective {
        /// The code.
        code: Code,
        /// Its first day.
        effective: Date,
        /// The adjustment's date.
        date: Date,
    },
    /// A withdrawal of the body's own power.
    #[error("`{code}` is the body's {} power; only entrusted or devolved items are withdrawn", granted.id())]
    NotGranted {
        /// The code.
        code: Code,
        /// Its source (own or authorized).
        granted: Source,
    },
    /// A suspension of a suspended item.
    #[error("`{code}` is already suspended")]
    AlreadySuspended {
        /// The code.
        code: Code,
    },
    /// A resumption of an item that is not suspended.
    #[error("`{code}` is not suspended")]
    NotSuspended {
        /// The code.
        code: Code,
    },
    /// An operation that would change nothing.
    #[error("`{}` of `{subject}` changes nothing", op.id())]
    NoChange {
        /// The operation.
        op: OpKind,
        /// The code or agreement id.
        subject: String,
    },
    /// An entrustment under an agreement never signed.
    #[error("no agreement `{agreement}` has been signed; sign it first (`agreement-sign`)")]
    NoAgreement {
        /// The agreement's id.
        agreement: Id,
    },
    /// An entrustment under an agreement out of force.
    #[error("agreement `{agreement}` is not in force on {date}")]
    AgreementNotInForce {
        /// The agreement's id.
        agreement: Id,
        /// The day.
        date: Date,
    },
    /// An entrusted item whose grantor is not the agreement's entruster.
    #[error("item `{code}` names grantor `{}`, but agreement `{agreement}` is with `{entruster}`", grantor.as_ref().map_or("(none)", Id::as_str))]
    GrantorMismatch {
        /// The item's code.
        code: Code,
        /// Its grantor.
        grantor: Option<Id>,
        /// The agreement's id.
        agreement: Id,
        /// The agreement's entruster.
        entruster: Id,
    },
    /// An entrusted item the agreement does not list.
    #[error("agreement `{agreement}` does not list item `{item}`; amend it first")]
    AgreementLacksItem {
        /// The agreement's id.
        agreement: Id,
        /// The item's id.
        item: Id,
    },
    /// A reclassification into the category the item has.
    #[error("`{code}` is already in category `{category}`")]
    AlreadyInCategory {
        /// The code.
        code: Code,
        /// The category.
        category: Category,
    },
    /// A merge of nothing.
    #[error("`merge` names no items to merge")]
    MergeNoCodes,
    /// A merge of an item into itself.
    #[error("`{code}` cannot merge into itself")]
    MergeIntoItself {
        /// The code.
        code: Code,
    },
    /// A merge with both or neither of `into` and `item`.
    #[error(
        "`merge` takes either `into` (an existing code) or `item` (a new item), not both or neither"
    )]
    MergeShape,
    /// A code named twice in a merge.
    #[error("`{code}` is named twice")]
    NamedTwice {
        /// The code.
        code: Code,
    },
    /// A split into fewer than two items.
    #[error("`split` needs at least two new items")]
    SplitTooFew,
    /// A new sub-item that is not in force, or has an end date.
    #[error("a new sub-item must be in force, without `ended` (sub-item `{code}`)")]
    NewSubNotInForce {
        /// The sub-item's code.
        code: Code,
    },
    /// A sub-item added to an item with implementation elements of its own.
    #[error(
        "item `{code}` has implementation elements of its own; with sub-items they belong on each sub-item: unset them first (`modify` with `unset = [\"implementation\"]`, in the same entry)"
    )]
    ItemHasImplementation {
        /// The item's code.
        code: Code,
    },
    /// A sub-item ended on or before its first day.
    #[error("sub-item `{code}` takes effect on {starts}; an adjustment dated {date} cannot end it")]
    SubEndsBeforeEffective {
        /// The sub-item's code.
        code: Code,
        /// Its first day.
        starts: Date,
        /// The adjustment's date.
        date: Date,
    },
    /// A sub-item that has ended.
    #[error("sub-item `{code}` has already ended")]
    SubEnded {
        /// The sub-item's code.
        code: Code,
    },
    /// A sub-item the item does not have.
    #[error("item `{item}` has no sub-item `{code}`")]
    NoSuchSub {
        /// The item's code.
        item: Code,
        /// The sub-item's code.
        code: Code,
    },
    /// An agreement id that is used.
    #[error("agreement id `{id}` is already used")]
    AgreementIdUsed {
        /// The id.
        id: Id,
    },
    /// An agreement in which the list's holder is neither the entrusted
    /// authority nor the entruster, or both.
    #[error(
        "agreement `{agreement}` entrusts `{entrusted}`: the list's holder `{holder}` must be the entrusted authority or the entruster, and not both"
    )]
    AgreementWrongParty {
        /// The agreement's id.
        agreement: Id,
        /// The authority it entrusts.
        entrusted: Id,
        /// The list's holder.
        holder: Id,
    },
    /// An agreement never signed.
    #[error("no agreement `{agreement}` has been signed")]
    NoSuchAgreement {
        /// The agreement's id.
        agreement: Id,
    },
    /// An agreement ended before its term starts.
    #[error(
        "agreement `{agreement}` cannot end on {term_end}, before its term starts on {term_start}"
    )]
    AgreementEndsBeforeStart {
        /// The agreement's id.
        agreement: Id,
        /// The end asked for.
        term_end: Date,
        /// The first day of its term.
        term_start: Date,
    },
    /// An agreement that has ended.
    #[error("agreement `{agreement}` has already ended")]
    AgreementEnded {
        /// The agreement's id.
        agreement: Id,
    },
}

fn sources(s: &[Source]) -> String {
    s.iter().map(|x| x.id()).collect::<Vec<_>>().join(" or ")
}
