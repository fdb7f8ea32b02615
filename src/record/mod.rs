//! Recording adjustments: `apply` (an operations file) and `adjust` (edited
//! files), written atomically under a lock, keeping people's comments.
//!
//! # Atomicity
//! A write stages every new file in `<list>/.txn/files/`, then writes
//! `<list>/.txn/commit` (atomically), then renames each staged file into
//! place and removes `.txn/`. A crash before the commit marker leaves the old
//! state (the next writer discards `.txn/`); a crash after it leaves the new
//! state, which readers already see through `.txn/` and the next writer
//! finishes moving into place. Either way `quanze check` accepts the registry.
//!
//! # Locking
//! A writer holds an exclusive OS lock on `<list>/.lock` (released by the
//! OS if the writer dies, so a crash leaves no stale lock). A second writer
//! does not wait: it fails with [`WriteError::Locked`] and writes nothing.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use toml_edit::DocumentMut;

use crate::history::{History, State, carried_code, table_differences};
use crate::io::Error;
mod laws;
mod rejection;

pub use laws::{LawOpsFile, LawRecord, RecordedLaws, read_law_ops, record_laws};

pub use rejection::Rejection;

use crate::io::txn::{commit, lock, recover};
use crate::model::{Bump, Code, Decision, Entry, HashAlg, Op};
use crate::model::{Date, Id, Version};
use crate::model::{Item, Source, Status};
use crate::model::{List, Registry};

/// Why an adjustment was not recorded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum WriteError {
    /// Reading or writing failed.
    #[error(transparent)]
    Registry(#[from] Error),
    /// Another writer holds the list's lock.
    #[error(
        "another quanze is recording an adjustment to `{0}` (its lock is held); nothing was written, try again when it has finished"
    )]
    Locked(String),
    /// The registry has problems that must be fixed first.
    #[error("the registry has {} problem(s); run `quanze check` and fix them first", .0.len())]
    Invalid(Vec<crate::Diagnostic>),
    /// The change log does not replay (`quanze check` says where).
    #[error("{0}; run `quanze check`")]
    History(crate::history::Error),
    /// The adjustment does not fit the list.
    #[error(transparent)]
    Rejected(#[from] Rejection),
}

/// The directory of `authority`'s list, checked before any file is made: the
/// authority must be an id (so `../x` creates nothing anywhere) and its
/// directory a real directory, not a link. A write takes the lock and
/// finishes a transaction a crashed writer left; a dry run does neither,
/// and so writes nothing at all (it reads through a pending transaction,
/// as every reader does).
fn prepare(
    root: &Path,
    authority: &str,
    dry_run: bool,
) -> Result<(PathBuf, Option<crate::io::ListLock>), WriteError> {
    let unknown = || WriteError::Registry(Error::UnknownList(authority.to_owned()));
    let id: Id = authority.parse().map_err(|_| unknown())?;
    let list_dir = root.join(id.as_str());
    match fs::symlink_metadata(&list_dir) {
        Ok(m) if m.file_type().is_symlink() => {
            return Err(WriteError::Registry(Error::Symlink(list_dir)));
        }
        Ok(m) if m.is_dir() => {}
        _ => return Err(unknown()),
    }
    if dry_run {
        return Ok((list_dir, None));
    }
    let lock = take_lock(&list_dir)?;
    recover(&list_dir)?;
    Ok((list_dir, Some(lock)))
}

/// The list's lock, or [`WriteError::Locked`] when another writer holds it.
fn take_lock(list_dir: &Path) -> Result<crate::io::ListLock, WriteError> {
    lock(list_dir).map_err(|e| match e {
        Error::Locked(list) => WriteError::Locked(list),
        other => WriteError::Registry(other),
    })
}

fn rejected<T>(why: Rejection) -> Result<T, WriteError> {
    Err(WriteError::Rejected(why))
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// What to record.
#[derive(Debug, Clone)]
pub struct Adjustment {
    /// The new version.
    pub version: Version,
    /// The date it takes effect.
    pub date: Date,
    /// The deciding documents.
    pub decided_by: Vec<Decision>,
    /// Why.
    pub reason: Option<String>,
    /// Operations given explicitly (merges, splits, recodes, …), applied
    /// before the ones `adjust` infers.
    pub ops: Vec<Op>,
    /// The hash algorithm of the new link.
    pub hash: HashAlg,
    /// The upstream events the adjustment answers (`laws@1.1.0`,
    /// `gd-gxt@2.0.0`): their pending effects on the list are resolved.
    pub answers: Vec<String>,
}

/// What was (or, in a dry run, would be) recorded.
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The new entry as written.
    pub entry: Entry,
    /// Its text (the bytes its hash covers).
    pub text: String,
    /// The bump the operations require.
    pub required: Bump,
    /// The files written, relative to the list directory.
    pub files: Vec<String>,
    /// In a dry run: why the adjustment as given would be refused (a version
    /// below the bump its operations require, say).
    pub refusal: Option<String>,
    /// In a dry run: a transaction an interrupted writer left is pending
    /// (the dry run read through it; the next write finishes it).
    pub pending: bool,
    /// The problems the list has after the write: in a dry run every one
    /// (a write with an error is refused with them); after a write, its
    /// warnings.
    pub problems: Vec<crate::Diagnostic>,
}

/// Loads the shared files and the list, requiring no problems in them
/// (lists are independent: the others are not read).
fn load_list(root: &Path, authority: &str) -> Result<(Registry, List), WriteError> {
    let loaded = Registry::load_with(root, &crate::LoadOptions::default().only([authority]))?;
    if !loaded.problems.is_empty() {
        return Err(WriteError::Invalid(loaded.problems));
    }
    let mut reg = loaded.registry;
    let Some(list) = reg.list(authority).cloned() else {
        return Err(Error::UnknownList(authority.to_owned()).into());
    };
    // The parent lists, so that the parent rules judge the result; their
    // own problems are theirs (they are not written).
    let parents: Vec<String> = list
        .meta
        .parent
        .iter()
        .map(|p| p.list.to_string())
        .filter(|p| p != authority && root.join(p).join("list.toml").is_file())
        .collect();
    if !parents.is_empty() {
        let above = Registry::load_with(root, &crate::LoadOptions::default().only(parents))?;
        for (id, l) in above.registry.lists {
            reg.lists.insert(id, l);
        }
    }
    Ok((reg, list))
}

fn head_history(list: &List) -> Result<History, WriteError> {
    let entries: Vec<&Entry> = list.log.iter().map(|e| &e.entry).collect();
    History::replay(&list.authority, entries).map_err(WriteError::History)
}

fn check_version(list: &List, adj: &Adjustment, required: Bump) -> Result<(), WriteError> {
    if adj.decided_by.is_empty() {
        return rejected(Rejection::NoDecision);
    }
    if let Some(last) = list.log.last() {
        let prev = &last.entry;
        match Bump::between(&prev.version, &adj.version) {
            None => {
                return rejected(Rejection::VersionNotIncreasing {
                    version: adj.version.clone(),
                    previous: prev.version.clone(),
                });
            }
            Some(b) if b < required => {
                return rejected(Rejection::BumpTooSmall {
                    version: adj.version.clone(),
                    previous: prev.version.clone(),
                    declared: b,
                    required,
                });
            }
            Some(_) => {}
        }
        if adj.date < prev.date {
            return rejected(Rejection::DateBeforeLast {
                date: adj.date,
                previous: prev.date,
            });
        }
    }
    Ok(())
}

/// The text of a change-log entry as quanze writes it (the bytes its hash
/// covers).
///
/// # Errors
/// When the entry cannot be written as TOML.
pub fn entry_text(entry: &Entry) -> Result<String, WriteError> {
    let body = toml::to_string_pretty(entry).map_err(|e| Rejection::Unwritable(e.to_string()))?;
    Ok(format!(
        "# Change-log entry {}: written by quanze; never edit it (its hash is sealed by the next entry or list.toml).\n{body}",
        entry.version
    ))
}

/// Records the operations of `adj` as a new entry of `authority`'s list and
/// updates the list files to match. With `dry_run` nothing is written.
///
/// # Errors
/// [`WriteError::Locked`] when another writer holds the lock;
/// [`WriteError::Rejected`] when an operation does not fit, the version is
/// too low, or the files have unrecorded changes; I/O errors.
pub fn apply(
    root: &Path,
    authority: &str,
    adj: &Adjustment,
    dry_run: bool,
) -> Result<Recorded, WriteError> {
    let (list_dir, _lock) = prepare(root, authority, dry_run)?;
    let (reg, list) = load_list(root, authority)?;
    let history = head_history(&list)?;
    let head = history.head().map(|v| v.state.clone()).unwrap_or_default();
    unrecorded(&list, &head)?;
    let mut ops = adj.ops.clone();
    settle_recodes(&head, &list.authority, adj.date, &mut ops);
    record(&reg, &list, &list_dir, head, adj, ops, dry_run)
}

/// A recode given without `carry_sub_codes`, of an item with sub-items
/// coded under its code, carries them: the entry says `true`. An explicit
/// `false` is kept.
fn settle_recodes(head: &State, authority: &Id, date: Date, ops: &mut [Op]) {
    let mut state = head.clone();
    for op in ops.iter_mut() {
        if let Op::Recode {
            code,
            to,
            carry_sub_codes: carry @ None,
        } = op
            && state.items.iter().any(|i| {
                i.code == *code
                    && !i.status.is_ended()
                    && i.sub
                        .iter()
                        .any(|s| carried_code(&s.code, code, to).is_some())
            })
        {
            *carry = Some(true);
        }
        if state.apply_op(authority, date, op).is_err() {
            return;
        }
    }
}

/// Records the difference between the edited list files and the head of the
/// change log as a new entry: additions, cancellations, modifications and the
/// rest are inferred; merges, splits and recodes come from `adj.ops`. The
/// files are then rewritten to exactly the new state (filling in what the
/// operations imply, such as successors), keeping comments.
///
/// # Errors
/// As [`apply`]; also when a difference cannot be inferred.
pub fn adjust(
    root: &Path,
    authority: &str,
    adj: &Adjustment,
    dry_run: bool,
) -> Result<Recorded, WriteError> {
    let (list_dir, _lock) = prepare(root, authority, dry_run)?;
    let (reg, list) = load_list(root, authority)?;
    let history = head_history(&list)?;
    let head = history.head().map(|v| v.state.clone()).unwrap_or_default();
    let mut ops = adj.ops.clone();
    settle_recodes(&head, &list.authority, adj.date, &mut ops);
    let mut explicit = head.clone();
    for (i, op) in ops.iter().enumerate() {
        explicit
            .apply_op(&list.authority, adj.date, op)
            .map_err(|m| {
                WriteError::Rejected(Rejection::Operation {
                    index: i,
                    kind: op.kind(),
                    reason: m,
                })
            })?;
    }
    ops.extend(infer(&head, &explicit, &list, adj.date)?);
    if ops.is_empty() {
        return rejected(Rejection::NothingToRecord);
    }
    record(&reg, &list, &list_dir, head, adj, ops, dry_run)
}

/// Refuses to apply over files with unrecorded changes.
fn unrecorded(list: &List, head: &State) -> Result<(), WriteError> {
    let diffs = state_differences(head, list);
    if diffs.is_empty() {
        Ok(())
    } else {
        rejected(Rejection::Unrecorded { differences: diffs })
    }
}

fn state_differences(state: &State, list: &List) -> Vec<String> {
    let mut out = Vec::new();
    let files: HashMap<&Id, &Item> = list.items.iter().map(|i| (&i.id, i)).collect();
    for item in &state.items {
        match files.get(&item.id) {
            None => out.push(format!(
                "  item `{}` ({}) is missing from the files",
                item.id, item.code
            )),
            Some(f) => {
                for (k, a, b) in table_differences(&**item, *f) {
                    out.push(format!(
                        "  item `{}` ({}): `{k}` is {b} in the files, {a} by the change log",
                        item.id, item.code
                    ));
                }
            }
        }
    }
    for item in &list.items {
        if state.item(&item.id).is_none() {
            out.push(format!(
                "  item `{}` ({}) is not in the change log",
                item.id, item.code
            ));
        }
    }
    for a in &list.agreements {
        match state.agreements.iter().find(|x| x.id == a.id) {
            None => out.push(format!("  agreement `{}` is not in the change log", a.id)),
            Some(x) => {
                for (k, was, now) in table_differences(x, a) {
                    out.push(format!(
                        "  agreement `{}`: `{k}` is {now} in the files, {was} by the change log",
                        a.id
                    ));
                }
            }
        }
    }
    for a in &state.agreements {
        if !list.agreements.iter().any(|x| x.id == a.id) {
            out.push(format!("  agreement `{}` is missing from the files", a.id));
        }
    }
    out
}

fn set_and_unset<T: serde::Serialize>(
    before: &T,
    after: &T,
    skip: &[&str],
) -> (toml::Table, Vec<String>) {
    let as_table = |v: &T| match toml::Value::try_from(v) {
        Ok(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    };
    let (a, b) = (as_table(before), as_table(after));
    let mut set = toml::Table::new();
    let mut unset = Vec::new();
    for (k, v) in &b {
        if !skip.contains(&k.as_str()) && a.get(k) != Some(v) {
            set.insert(k.clone(), v.clone());
        }
    }
    for k in a.keys() {
        if !skip.contains(&k.as_str()) && !b.contains_key(k) {
            unset.push(k.clone());
        }
    }
    (set, unset)
}

/// The operations that turn `state` (the head after the explicit
/// operations) into the list files. Records the files leave as they were at
/// the head were not edited: the explicit operations alone change them.
fn infer(head: &State, state: &State, list: &List, date: Date) -> Result<Vec<Op>, WriteError> {
    let mut ops = Vec::new();
    let unedited_item = |i: &Item| head.item(&i.id) == Some(i);
    // Agreements first, so that entrusted items find theirs.
    infer_agreements(head, state, list, &mut ops)?;
    for item in &state.items {
        // An item that the given operations create (the new item of a merge
        // or a split, say) need not be in the files: the write adds it.
        let created = head.item(&item.id).is_none();
        if !created && !list.items.iter().any(|i| i.id == item.id) {
            return rejected(Rejection::ItemDeleted {
                id: item.id.clone(),
                code: item.code.clone(),
            });
        }
    }
    for item in &list.items {
        if unedited_item(item) {
            continue;
        }
        let Some(before) = state.item(&item.id) else {
            ops.push(new_item_op(list, item)?);
            continue;
        };
        if before == item {
            continue;
        }
        infer_change(before, item, date, &mut ops)?;
    }
    Ok(ops)
}

/// The operations on agreements: signed, amended or ended in the files.
fn infer_agreements(
    head: &State,
    state: &State,
    list: &List,
    ops: &mut Vec<Op>,
) -> Result<(), WriteError> {
    for a in &list.agreements {
        if head.agreements.iter().any(|x| x == a) {
            continue;
        }
        match state.agreements.iter().find(|x| x.id == a.id) {
            None => ops.push(Op::AgreementSign {
                agreement: Box::new(a.clone()),
            }),
            Some(before) if before != a => {
                let (set, unset) = set_and_unset(before, a, &[]);
                if set.len() == 1
                    && unset.is_empty()
                    && before.term_end.is_none()
                    && let Some(end) = a.term_end.filter(|_| set.contains_key("term_end"))
                {
                    ops.push(Op::AgreementEnd {
                        agreement: a.id.clone(),
                        term_end: end,
                    });
                    continue;
                }
                ops.push(Op::AgreementAmend {
                    agreement: a.id.clone(),
                    set,
                    unset,
                });
            }
            Some(_) => {}
        }
    }
    for a in &state.agreements {
        if !list.agreements.iter().any(|x| x.id == a.id) {
            return rejected(Rejection::AgreementDeleted(a.id.clone()));
        }
    }
    Ok(())
}

/// The operation that adds an item new in the files, by its source.
fn new_item_op(list: &List, item: &Item) -> Result<Op, WriteError> {
    Ok(match item.source {
        Source::Devolved => Op::ReceiveDevolved {
            item: std::sync::Arc::new(item.clone()),
        },
        Source::Entrusted => {
            let grantor = item.grantor.clone();
            let agreement = list
                .agreements
                .iter()
                .find(|a| a.lists(&item.id) && Some(&a.entruster) == grantor.as_ref())
                .map(|a| a.id.clone());
            let Some(agreement) = agreement else {
                return rejected(Rejection::EntrustedWithoutAgreement(item.code.clone()));
            };
            Op::ReceiveEntrusted {
                item: std::sync::Arc::new(item.clone()),
                agreement,
            }
        }
        Source::Own | Source::Authorized => Op::Add {
            item: std::sync::Arc::new(item.clone()),
        },
    })
}

/// The operations that turn `before` into the edited `item`: category and
/// code, sub-items, other elements, and the status last.
/// The operation that changes an item's category or code, if any, and its
/// sub-items as that operation leaves them: carried to the new code when
/// the files show every one under the old code under the new one.
fn infer_code_change<'a>(
    before: &'a Item,
    item: &Item,
    ops: &mut Vec<Op>,
) -> std::borrow::Cow<'a, [crate::model::SubItem]> {
    let code = before.code.clone();
    let mut before_subs = std::borrow::Cow::Borrowed(before.sub.as_slice());
    // Category and code.
    if before.category != item.category {
        ops.push(Op::Reclassify {
            code: code.clone(),
            category: item.category,
            to: (before.code != item.code).then(|| item.code.clone()),
        });
    } else if before.code != item.code {
        let carried: Vec<Code> = before
            .sub
            .iter()
            .filter_map(|s| carried_code(&s.code, &before.code, &item.code))
            .collect();
        let carry = !carried.is_empty()
            && carried
                .iter()
                .all(|c| item.sub.iter().any(|s| s.code == *c));
        if carry {
            let subs = before_subs.to_mut();
            for s in subs.iter_mut() {
                if let Some(new) = carried_code(&s.code, &before.code, &item.code) {
                    let old = std::mem::replace(&mut s.code, new);
                    s.former_codes.push(old);
                }
            }
        }
        ops.push(Op::Recode {
            code: code.clone(),
            to: item.code.clone(),
            carry_sub_codes: (!carried.is_empty()).then_some(carry),
        });
    }
    before_subs
}

fn infer_change(
    before: &Item,
    item: &Item,
    date: Date,
    ops: &mut Vec<Op>,
) -> Result<(), WriteError> {
    let before_subs = infer_code_change(before, item, ops);
    // Former codes come from the recode, never from an edit.
    let mut recoded_former = before.former_codes.clone();
    if before.code != item.code {
        recoded_former.push(before.code.clone());
    }
    if item.former_codes != before.former_codes && item.former_codes != recoded_former {
        return rejected(Rejection::FormerCodesEdited {
            code: item.code.clone(),
        });
    }
    let code = item.code.clone();
    // Sub-items (the former codes a recode gives them are not edits).
    for s in &item.sub {
        let found = before_subs.iter().find(|b| b.code == s.code).map(|b| {
            let mut b = b.clone();
            if b.former_codes != s.former_codes
                && !b.former_codes.is_empty()
                && s.former_codes.is_empty()
            {
                b.former_codes.clone_from(&s.former_codes);
            }
            b
        });
        match found.as_ref() {
            None => ops.push(Op::SubAdd {
                code: code.clone(),
                sub: s.clone(),
            }),
            Some(b) if b != s => {
                if s.status.is_ended() && !b.status.is_ended() {
                    if s.ended != Some(date) {
                        return rejected(Rejection::SubEndsElsewhen {
                            sub: s.code.clone(),
                            ended: s.ended,
                            date,
                        });
                    }
                    ops.push(Op::SubRemove {
                        code: code.clone(),
                        sub: s.code.clone(),
                    });
                } else {
                    let (set, unset) = set_and_unset(b, s, &[]);
                    ops.push(Op::SubModify {
                        code: code.clone(),
                        sub: s.code.clone(),
                        set,
                        unset,
                    });
                }
            }
            Some(_) => {}
        }
    }
    for b in before_subs.iter() {
        if !item.sub.iter().any(|s| s.code == b.code) {
            return rejected(Rejection::SubDeleted {
                code: code.clone(),
                sub: b.code.clone(),
            });
        }
    }
    // Other elements.
    let (set, unset) = set_and_unset(
        before,
        item,
        &[
            "id",
            "code",
            "category",
            "status",
            "ended",
            "sub",
            "former_codes",
            "successors",
        ],
    );
    if !set.is_empty() || !unset.is_empty() {
        ops.push(Op::Modify {
            code: code.clone(),
            set,
            unset,
        });
    }
    // Status last.
    if before.status != item.status {
        let op = match (before.status, item.status) {
            (Status::InForce, Status::Suspended) => Op::Suspend { code: code.clone() },
            (Status::Suspended, Status::InForce) => Op::Resume { code: code.clone() },
            (_, Status::Cancelled) => Op::Cancel { code: code.clone() },
            (_, Status::DevolvedOut) => Op::DevolveOut { code: code.clone() },
            (_, Status::Withdrawn) => Op::Withdraw { code: code.clone() },
            (_, s) => {
                return rejected(Rejection::NeedsExplicitOp {
                    code: code.clone(),
                    status: s,
                });
            }
        };
        if item.status.is_ended() && item.ended != Some(date) {
            return rejected(Rejection::EndsElsewhen {
                code: code.clone(),
                ended: item.ended,
                date,
            });
        }
        ops.push(op);
    }
    Ok(())
}

/// Every deciding document of the entry must be the one documents.toml
/// holds under its number: same title, issuer and date.
fn check_documents(reg: &Registry, entry: &Entry) -> Result<(), WriteError> {
    for d in &entry.decided_by {
        match reg.documents.get(&d.number) {
            None => return rejected(Rejection::UnknownDocument(d.number.to_string())),
            Some(doc) if doc.title != d.title || doc.issuer != d.issuer || doc.date != d.date => {
                return rejected(Rejection::DocumentMismatch {
                    number: d.number.to_string(),
                });
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The problems of the list as it would be after the write: every rule
/// `check` runs on the list, over the files about to be written (parsed from
/// their new text, and located in it) and the list's other files, on the
/// adjustment's date.
#[allow(clippy::too_many_arguments)]
fn validate_result(
    reg: &Registry,
    list: &List,
    list_dir: &Path,
    files: &[(String, String)],
    entry: &Entry,
    text: &str,
    date: Date,
) -> Result<Vec<crate::Diagnostic>, WriteError> {
    use std::sync::Arc;
    let mut new = list.clone();
    let mut texts: HashMap<PathBuf, String> = HashMap::new();
    let mut problems = Vec::new();
    for (rel, body) in files {
        let path = list_dir.join(rel);
        texts.insert(path.clone(), body.clone());
        if rel.starts_with("items/") {
            // The file's records replace the ones read from it.
            let file: Arc<Path> = path.clone().into();
            let keep: Vec<bool> = new.origin.items.iter().map(|o| o.file != file).collect();
            let mut n = 0;
            new.items.retain(|_| {
                n += 1;
                keep[n - 1]
            });
            new.origin.items.retain(|o| o.file != file);
            let d = crate::io::decode::decode_records::<Item>(&path, body, "item");
            problems.extend(d.problems);
            for (index, item) in d.records {
                new.items.push(item);
                new.origin.items.push(crate::model::Origin {
                    file: file.clone(),
                    index,
                });
            }
        } else if rel.starts_with("agreements/") {
            let (a, p) = crate::io::decode::decode_whole::<crate::model::Agreement>(&path, body);
            problems.extend(p);
            let Some(a) = a else { continue };
            match new.agreements.iter().position(|x| x.id == a.id) {
                Some(n) => new.agreements[n] = a,
                None => {
                    new.agreements.push(a);
                    new.origin.agreements.push(path.into());
                }
            }
        } else if rel == "list.toml" {
            let (meta, p) = crate::io::decode::decode_whole(&path, body);
            problems.extend(p);
            if let Some(meta) = meta {
                new.meta = meta;
            }
        }
    }
    let file = list_dir
        .join("changelog")
        .join(crate::model::file_name(&entry.version));
    new.log.push(crate::model::LoggedEntry {
        entry: entry.clone(),
        file,
        text: text.to_owned(),
    });
    problems.extend(reg.validate_list_in(&new, date, texts));
    Ok(problems)
}

#[allow(clippy::too_many_arguments)]
fn record(
    reg: &Registry,
    list: &List,
    list_dir: &Path,
    head: State,
    adj: &Adjustment,
    ops: Vec<Op>,
    dry_run: bool,
) -> Result<Recorded, WriteError> {
    let previous = list.log.last().map(|e| e.hash(adj.hash));
    let entry = Entry {
        version: adj.version.clone(),
        date: adj.date,
        reason: adj.reason.clone(),
        previous,
        decided_by: adj.decided_by.clone(),
        answers: adj.answers.clone(),
        op: ops,
    };
    let required = entry.required_bump();
    // A dry run shows the entry even when its version would be refused.
    let refusal = match check_version(list, adj, required) {
        Ok(()) => None,
        Err(e) if dry_run => Some(e.to_string()),
        Err(e) => return Err(e),
    };
    let mut state = head;
    state.apply(&list.authority, &entry).map_err(|e| {
        WriteError::Rejected(Rejection::Operation {
            index: e.index,
            kind: entry.op[e.index].kind(),
            reason: e.reason,
        })
    })?;
    let text = entry_text(&entry)?;
    let head_hash = adj.hash.hash(&crate::model::canonical(&text));
    let mut files = vec![(
        format!("changelog/{}", crate::model::file_name(&entry.version)),
        text.clone(),
    )];
    files.extend(item_files(list, list_dir, &state)?);
    files.extend(agreement_files(list, list_dir, &state)?);
    files.push((
        "list.toml".to_owned(),
        list_toml(list_dir, &entry.version, &head_hash)?,
    ));
    check_documents(reg, &entry)?;
    let mut problems = validate_result(reg, list, list_dir, &files, &entry, &text, adj.date)?;
    // The version, date and decision of the entry were checked above (a
    // dry run shows that refusal instead).
    problems.retain(|d| {
        !matches!(
            d.rule,
            crate::Rule::ChangelogVersion
                | crate::Rule::ChangelogDate
                | crate::Rule::MissingDecision
        )
    });
    // Warnings do not refuse a write; they come back with the result.
    if problems.iter().any(crate::Diagnostic::is_error) && !dry_run {
        return Err(WriteError::Invalid(problems));
    }
    let names = files.iter().map(|(r, _)| r.clone()).collect();
    if !dry_run {
        commit(list_dir, &files)?;
    }
    Ok(Recorded {
        entry,
        text,
        required,
        files: names,
        refusal,
        pending: dry_run && crate::io::txn::overlay(list_dir).is_some(),
        problems,
    })
}

fn read(path: &Path) -> Result<String, Error> {
    fs::read_to_string(path).map_err(io(path))
}

fn list_toml(list_dir: &Path, version: &Version, head: &str) -> Result<String, Error> {
    let path = list_dir.join("list.toml");
    let mut doc: DocumentMut =
        read(&path)?
            .parse()
            .map_err(|e: toml_edit::TomlError| Error::Serialize {
                path: path.clone(),
                message: e.to_string(),
            })?;
    set_keep_decor(
        doc.as_table_mut(),
        "version",
        toml_edit::value(version.to_string()),
    );
    set_keep_decor(doc.as_table_mut(), "head", toml_edit::value(head));
    Ok(doc.to_string())
}

/// Sets `key` to `value`, keeping the comments around the old value.
fn set_keep_decor(table: &mut toml_edit::Table, key: &str, mut value: toml_edit::Item) {
    if let (Some(toml_edit::Item::Value(old)), toml_edit::Item::Value(new)) =
        (table.get(key), &mut value)
    {
        *new.decor_mut() = old.decor().clone();
    }
    clear_positions(&mut value);
    table.insert(key, value);
}

fn clear_positions(item: &mut toml_edit::Item) {
    match item {
        toml_edit::Item::Table(t) => {
            t.set_position(None);
            for (_, v) in t.iter_mut() {
                clear_positions(v);
            }
        }
        toml_edit::Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                t.set_position(None);
                for (_, v) in t.iter_mut() {
                    clear_positions(v);
                }
            }
        }
        _ => {}
    }
}

/// The item's table as `toml` writes it, in the layout of a registry file.
fn item_table(item: &Item) -> Result<toml_edit::Table, Error> {
    let text = toml::to_string_pretty(&crate::model::ItemsFile {
        item: vec![item.clone()],
    })
    .map_err(|e| Error::Serialize {
        path: PathBuf::from("item"),
        message: e.to_string(),
    })?;
    let doc: DocumentMut = text
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Serialize {
            path: PathBuf::from("item"),
            message: e.to_string(),
        })?;
    doc.get("item")
        .and_then(toml_edit::Item::as_array_of_tables)
        .and_then(|a| a.get(0))
        .cloned()
        .ok_or_else(|| Error::Serialize {
            path: PathBuf::from("item"),
            message: "no item table".into(),
        })
}

/// The comment line quanze writes above an item: `# <code> <name>`.
fn item_comment(item: &Item) -> String {
    format!("# {} {}", item.code, item.name.replace('\n', " "))
}

/// Rewrites the `# <code> <name>` line above an item whose code or name
/// changes, so the comment does not go stale; other comments stay as
/// written.
fn refresh_item_comment(table: &mut toml_edit::Table, was: &Item, now: &Item) {
    let (old, new) = (item_comment(was), item_comment(now));
    if old == new {
        return;
    }
    let Some(prefix) = table.decor().prefix().and_then(|p| p.as_str()) else {
        return;
    };
    let mut replaced = false;
    let text: String = prefix
        .split_inclusive('\n')
        .map(|line| {
            if !replaced && line.trim_end() == old {
                replaced = true;
                line.replacen(&old, &new, 1)
            } else {
                line.to_owned()
            }
        })
        .collect();
    if replaced {
        table.decor_mut().set_prefix(text);
    }
}

/// Updates `table` to `new`, key by key, keeping comments where values did
/// not change.
fn sync_table(table: &mut toml_edit::Table, new: &toml_edit::Table) {
    let old_keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for k in old_keys {
        if !new.contains_key(&k) {
            table.remove(&k);
        }
    }
    let mut rank: HashMap<String, f64> = table
        .iter()
        .enumerate()
        .map(|(n, (k, _))| (k.to_owned(), n as f64))
        .collect();
    let mut added = false;
    let mut previous: Option<f64> = None;
    for (k, v) in new.iter() {
        let same = table.get(k).map(normalized) == Some(normalized(v));
        if !same {
            if !table.contains_key(k) {
                // A new key goes right after the key that precedes it in the
                // canonical layout, not at the end of the table.
                rank.insert(k.to_owned(), previous.map_or(-0.5, |p| p + 0.001));
                added = true;
            }
            set_keep_decor(table, k, v.clone());
        }
        if let Some(r) = rank.get(k) {
            previous = Some(*r);
        }
    }
    if added {
        table.sort_values_by(|k1, _, k2, _| {
            let r = |k: &toml_edit::Key| rank.get(k.get()).copied().unwrap_or(f64::MAX);
            r(k1).total_cmp(&r(k2))
        });
    }
}

/// Gives `item` and every table below it the document position `pos`.
fn set_positions(item: &mut toml_edit::Item, pos: isize) {
    match item {
        toml_edit::Item::Table(t) => {
            t.set_position(Some(pos));
            for (_, v) in t.iter_mut() {
                set_positions(v, pos);
            }
        }
        toml_edit::Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                t.set_position(Some(pos));
                for (_, v) in t.iter_mut() {
                    set_positions(v, pos);
                }
            }
        }
        _ => {}
    }
}

/// The largest document position of a table and the tables below it.
fn max_position(t: &toml_edit::Table) -> isize {
    let mut m = t.position().unwrap_or(0);
    for (_, v) in t.iter() {
        match v {
            toml_edit::Item::Table(c) => m = m.max(max_position(c)),
            toml_edit::Item::ArrayOfTables(a) => {
                for c in a.iter() {
                    m = m.max(max_position(c));
                }
            }
            _ => {}
        }
    }
    m
}

fn normalized(item: &toml_edit::Item) -> String {
    let mut item = item.clone();
    if let toml_edit::Item::Value(v) = &mut item {
        v.decor_mut().clear();
    }
    item.to_string().trim().to_owned()
}

/// Reads a list file into `docs` once (an empty document for a new file),
/// remembering the order files were opened in.
fn open_doc(
    path: &Path,
    docs: &mut HashMap<PathBuf, DocumentMut>,
    order: &mut Vec<PathBuf>,
) -> Result<(), Error> {
    if !docs.contains_key(path) {
        let doc: DocumentMut = if path.exists() {
            read(path)?
                .parse()
                .map_err(|e: toml_edit::TomlError| Error::Serialize {
                    path: path.to_owned(),
                    message: e.to_string(),
                })?
        } else {
            DocumentMut::new()
        };
        docs.insert(path.to_owned(), doc);
        order.push(path.to_owned());
    }
    Ok(())
}

/// Adds a new item to the items file of its category, in code order (the
/// items already there do not move), and returns the file.
fn insert_new_item(
    list_dir: &Path,
    item: &Item,
    new_table: toml_edit::Table,
    docs: &mut HashMap<PathBuf, DocumentMut>,
    order: &mut Vec<PathBuf>,
) -> Result<PathBuf, Error> {
    let file = list_dir
        .join("items")
        .join(format!("{}.toml", item.category.id()));
    open_doc(&file, docs, order)?;
    let doc = docs
        .get_mut(&file)
        .ok_or_else(|| Error::UnknownList(file.display().to_string()))?;
    if doc.get("item").is_none() {
        // A file of comments only keeps them as trailing text; move
        // them to the top so the first item goes below them.
        let header = doc.trailing().as_str().unwrap_or("").to_owned();
        if header.trim().is_empty() && !file.exists() {
            doc.decor_mut().set_prefix(format!(
                "# {} ({})\n",
                item.category.zh(),
                item.category.id()
            ));
        } else {
            doc.set_trailing("");
            doc.decor_mut().set_prefix(header);
        }
        doc.insert(
            "item",
            toml_edit::Item::ArrayOfTables(toml_edit::ArrayOfTables::new()),
        );
    }
    let mut t = new_table;
    t.decor_mut()
        .set_prefix(format!("\n{}\n", item_comment(item)));
    let mut wrapped = toml_edit::Item::Table(t);
    clear_positions(&mut wrapped);
    let mut header_to_move: Option<String> = None;
    if let Some(a) = doc
        .get_mut("item")
        .and_then(toml_edit::Item::as_array_of_tables_mut)
    {
        // In code order: right after the last item whose code comes
        // before the new one (existing items do not move).
        let code_of =
            |t: &toml_edit::Table| t.get("code").and_then(|c| c.as_str()).map(str::to_owned);
        let anchor = a
            .iter()
            .filter(|t| code_of(t).is_some_and(|c| c.as_str() < item.code.as_str()))
            .map(max_position)
            .max();
        let first = a.iter().filter_map(toml_edit::Table::position).min();
        if anchor.is_none() {
            // Going above the first item: the file's header comment,
            // which the parser attached to that item, stays on top.
            if let Some(t) = a.iter_mut().find(|t| t.position() == first) {
                let prefix = t
                    .decor()
                    .prefix()
                    .and_then(|p| p.as_str())
                    .unwrap_or("")
                    .to_owned();
                if let Some(cut) = prefix.rfind("\n\n") {
                    let (header, own) = prefix.split_at(cut + 1);
                    t.decor_mut().set_prefix(own.to_owned());
                    header_to_move = Some(header.to_owned());
                }
            }
        }
        if let Some(pos) = anchor.or(first.map(|p| p - 1)) {
            set_positions(&mut wrapped, pos);
        }
        if let toml_edit::Item::Table(t) = wrapped {
            a.push(t);
        }
    }
    if let Some(header) = header_to_move {
        let old = doc
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or("")
            .to_owned();
        doc.decor_mut().set_prefix(format!("{old}{header}"));
    }
    Ok(file)
}

/// The item files that change, with their new text.
/// The item files of `list` rewritten to hold `items`, each changed
/// record rewritten in place with its comments, new ones inserted in their
/// category's file (for `quanze import` into an existing list).
///
/// # Errors
/// When a file cannot be read or parsed.
pub(crate) fn rewrite_items(
    list: &List,
    list_dir: &Path,
    items: Vec<Item>,
) -> Result<Vec<(String, String)>, Error> {
    item_files(list, list_dir, &State::new(items, Vec::new()))
}

fn item_files(list: &List, list_dir: &Path, state: &State) -> Result<Vec<(String, String)>, Error> {
    // Where each item is: file and index in it.
    let mut place: HashMap<&Id, (PathBuf, usize)> = HashMap::new();
    for (n, item) in list.items.iter().enumerate() {
        if let Some(o) = list.origin.items.get(n) {
            place.insert(&item.id, (o.file.to_path_buf(), o.index));
        }
    }
    let mut docs: HashMap<PathBuf, DocumentMut> = HashMap::new();
    let mut order: Vec<PathBuf> = Vec::new();
    let before: HashMap<&Id, &Item> = list.items.iter().map(|i| (&i.id, i)).collect();
    let mut changed: HashSet<PathBuf> = HashSet::new();
    let mut items: Vec<&Item> = state.items.iter().map(|i| &**i).collect();
    items.sort_by(|a, b| a.code.cmp(&b.code));
    for item in items {
        if before.get(&item.id) == Some(&item) {
            continue;
        }
        let new_table = item_table(item)?;
        if let Some((file, index)) = place.get(&item.id) {
            open_doc(file, &mut docs, &mut order)?;
            let doc = docs
                .get_mut(file)
                .ok_or_else(|| Error::UnknownList(file.display().to_string()))?;
            if let Some(t) = doc
                .get_mut("item")
                .and_then(toml_edit::Item::as_array_of_tables_mut)
                .and_then(|a| a.get_mut(*index))
            {
                if let Some(was) = before.get(&item.id) {
                    refresh_item_comment(t, was, item);
                }
                sync_table(t, &new_table);
            }
            changed.insert(file.clone());
        } else {
            let file = insert_new_item(list_dir, item, new_table, &mut docs, &mut order)?;
            changed.insert(file);
        }
    }
    let mut out = Vec::new();
    for path in order {
        if changed.contains(&path) {
            let rel = path
                .strip_prefix(list_dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if let Some(doc) = docs.get(&path) {
                out.push((rel, doc.to_string()));
            }
        }
    }
    Ok(out)
}

fn agreement_files(
    list: &List,
    list_dir: &Path,
    state: &State,
) -> Result<Vec<(String, String)>, Error> {
    let mut out = Vec::new();
    for a in &state.agreements {
        let before = list.agreements.iter().position(|x| x.id == a.id);
        if before.is_some_and(|n| &list.agreements[n] == a) {
            continue;
        }
        let rel = format!("agreements/{}.toml", a.id);
        let new_text = toml::to_string_pretty(a).map_err(|e| Error::Serialize {
            path: PathBuf::from(&rel),
            message: e.to_string(),
        })?;
        let text = match before.and_then(|n| list.origin.agreements.get(n)) {
            Some(path) => {
                let path = path.to_path_buf();
                let mut doc: DocumentMut =
                    read(&path)?
                        .parse()
                        .map_err(|e: toml_edit::TomlError| Error::Serialize {
                            path: path.clone(),
                            message: e.to_string(),
                        })?;
                let new: DocumentMut =
                    new_text
                        .parse()
                        .map_err(|e: toml_edit::TomlError| Error::Serialize {
                            path: path.clone(),
                            message: e.to_string(),
                        })?;
                sync_table(doc.as_table_mut(), new.as_table());
                doc.to_string()
            }
            None => new_text,
        };
        let _ = list_dir;
        out.push((rel, text));
    }
    Ok(out)
}

/// An operations file (`quanze apply`): an entry without `previous`, whose
/// deciding documents may be named by number alone when documents.toml
/// holds them.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OpsFile {
    /// The new version.
    pub version: Version,
    /// The date it takes effect.
    pub date: Date,
    /// Why.
    #[serde(default)]
    pub reason: Option<String>,
    /// Refused when present: quanze fills it in.
    #[serde(default)]
    pub previous: Option<String>,
    /// The deciding documents.
    #[serde(default)]
    pub decided_by: Vec<DocumentRef>,
    /// The upstream events it answers (`laws@1.1.0`, `gd-gxt@2.0.0`).
    #[serde(default)]
    pub answers: Vec<String>,
    /// The operations.
    #[serde(default)]
    pub op: Vec<Op>,
}

/// A deciding document in an operations file: its number, and its title,
/// issuer and date unless documents.toml gives them.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct DocumentRef {
    /// Document number (文号).
    pub number: crate::model::DocNumber,
    /// Title (default: documents.toml's).
    #[serde(default)]
    pub title: Option<String>,
    /// Issuer (default: documents.toml's).
    #[serde(default)]
    pub issuer: Option<String>,
    /// Date of issue (default: documents.toml's).
    #[serde(default)]
    pub date: Option<Date>,
}

impl OpsFile {
    /// The deciding documents in full: what the file gives, the rest from
    /// documents.toml (the write then checks that both agree).
    ///
    /// # Errors
    /// [`Rejection::UnknownDocument`] for a number documents.toml does not
    /// hold, when the file does not give the document in full.
    pub fn decisions(&self, reg: &Registry) -> Result<Vec<Decision>, WriteError> {
        self.decided_by
            .iter()
            .map(|r| {
                let doc = reg.documents.get(&r.number);
                let pick = |given: &Option<String>, held: Option<&String>| {
                    given.clone().or_else(|| held.cloned())
                };
                let title = pick(&r.title, doc.map(|d| &d.title));
                let issuer = pick(&r.issuer, doc.map(|d| &d.issuer));
                let date = r.date.or(doc.map(|d| d.date));
                match (title, issuer, date) {
                    (Some(title), Some(issuer), Some(date)) => Ok(Decision {
                        number: r.number.clone(),
                        title,
                        issuer,
                        date,
                    }),
                    _ => rejected(Rejection::UnknownDocument(r.number.to_string())),
                }
            })
            .collect()
    }
}

/// Reads an operations file: version, date, reason, `[[decided_by]]` and
/// `[[op]]`; no `previous`.
///
/// # Errors
/// When the file cannot be read or parsed; the message names the location.
pub fn read_ops_file(path: &Path) -> Result<OpsFile, WriteError> {
    let text = fs::read_to_string(path).map_err(io(path))?;
    let (ops, problems) = crate::io::decode::decode_whole::<OpsFile>(path, &text);
    match ops {
        Some(o) if problems.is_empty() => {
            if o.previous.is_some() {
                return rejected(Rejection::OpsFileWithPrevious(path.to_owned()));
            }
            Ok(o)
        }
        _ => Err(WriteError::Invalid(problems)),
    }
}

/// Reads a file of operations for `adjust --ops`: `[[op]]` tables only.
///
/// # Errors
/// When the file cannot be read or parsed.
pub fn read_ops_list(path: &Path) -> Result<Vec<Op>, WriteError> {
    #[derive(serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Ops {
        #[serde(default)]
        op: Vec<Op>,
    }
    let text = fs::read_to_string(path).map_err(io(path))?;
    let (ops, problems) = crate::io::decode::decode_whole::<Ops>(path, &text);
    match ops {
        Some(o) if problems.is_empty() => Ok(o.op),
        _ => Err(WriteError::Invalid(problems)),
    }
}

/// The documents that `decided_by` numbers name, from `documents.toml`.
///
/// # Errors
/// When a number is not defined there.
pub fn decisions(reg: &Registry, numbers: &[String]) -> Result<Vec<Decision>, WriteError> {
    numbers
        .iter()
        .map(|n| {
            let doc = reg
                .documents
                .iter()
                .find(|(k, _)| k.as_str() == n)
                .map(|(_, d)| d);
            match doc {
                Some(d) => Ok(Decision {
                    number: d.number.clone(),
                    title: d.title.clone(),
                    issuer: d.issuer.clone(),
                    date: d.date,
                }),
                None => rejected(Rejection::UnknownDocument(n.clone())),
            }
        })
        .collect()
}
