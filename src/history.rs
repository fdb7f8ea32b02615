//! Replaying the change log: the state of a list at every version, time
//! travel, code resolution and item histories.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::sync::Arc;

use crate::changelog::{Bump, Decision, Entry, HashAlg, LoggedEntry, Op, OpKind};
use crate::id::{Code, Date, Id, Version};
use crate::model::{Agreement, Item, Source, Status, SubItem};
use crate::registry::List;

/// The content of a list that the change log versions: its items (ended ones
/// included) and its agreements.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Items, in the order the log added them. Items are shared between the
    /// states of a history: a version copies only the items it changes.
    pub items: Vec<Arc<Item>>,
    /// Agreements, in the order the log signed them.
    pub agreements: Vec<Agreement>,
    /// Codes and ids in use, kept as operations apply (so that checking a
    /// new code costs one lookup, not a scan of the list); shared with the
    /// snapshots of a history, copied when a later entry changes it.
    index: Arc<Index>,
}

impl PartialEq for State {
    /// States are equal when their items and agreements are.
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items && self.agreements == other.agreements
    }
}

/// Every code ever used (item, former and sub-item codes), every id, and
/// where each current code is. It covers the first `scanned` items; items
/// appended later are added when the index is next used.
#[derive(Debug, Clone, Default)]
struct Index {
    scanned: usize,
    codes: foldhash::HashSet<String>,
    by_code: foldhash::HashMap<String, usize>,
    by_id: foldhash::HashMap<Id, usize>,
}

/// Why an operation cannot apply to the state it meets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
#[non_exhaustive]
pub struct OpError {
    /// The index of the operation in its entry (from 0).
    pub index: usize,
    /// What is wrong, in one lowercase sentence.
    pub message: String,
}

fn err<T>(message: impl Into<String>) -> Result<T, String> {
    Err(message.into())
}

/// Keys that `modify` may not set: each has an operation of its own.
const MODIFY_FORBIDDEN: &[(&str, &str)] = &[
    ("id", "ids never change"),
    ("code", "use `recode`"),
    ("category", "use `reclassify`"),
    (
        "status",
        "use `cancel`, `suspend`, `resume`, `withdraw` or `devolve-out`",
    ),
    ("ended", "use the operation that ends the item"),
    ("sub", "use `sub-add`, `sub-remove` or `sub-modify`"),
    ("former_codes", "use `recode`"),
    ("successors", "use `merge` or `split`"),
];

const SUB_MODIFY_FORBIDDEN: &[(&str, &str)] = &[
    (
        "code",
        "sub-item codes never change; remove it and add another",
    ),
    ("status", "use `sub-remove`"),
    ("ended", "use `sub-remove`"),
];

fn set_fields<T>(
    value: &T,
    set: &toml::Table,
    unset: &[String],
    forbidden: &[(&str, &str)],
    what: &str,
) -> Result<T, String>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let mut table = match toml::Value::try_from(value) {
        Ok(toml::Value::Table(t)) => t,
        _ => return err(format!("cannot read the {what} as a table")),
    };
    if set.is_empty() && unset.is_empty() {
        return err("nothing to set or unset");
    }
    for k in set.keys().chain(unset) {
        if let Some((_, why)) = forbidden.iter().find(|(f, _)| f == k) {
            return err(format!("`{k}` cannot be changed here: {why}"));
        }
    }
    for (k, v) in set {
        table.insert(k.clone(), v.clone());
    }
    for k in unset {
        if table.remove(k).is_none() {
            return err(format!("`{k}` is not set, so it cannot be unset"));
        }
    }
    toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| {
            format!(
                "the new values do not make a valid {what}: {}",
                e.message().trim()
            )
        })
}

impl State {
    /// A state of these items and agreements.
    pub fn new(items: Vec<Item>, agreements: Vec<Agreement>) -> Self {
        Self {
            items: items.into_iter().map(Arc::new).collect(),
            agreements,
            index: Arc::default(),
        }
    }

    /// The index, brought up to date with the items appended since it was
    /// last used (and rebuilt if items were removed).
    fn index(&mut self) -> &mut Index {
        if self.index.scanned > self.items.len() {
            self.index = Arc::default();
        }
        let ix = Arc::make_mut(&mut self.index);
        for n in ix.scanned..self.items.len() {
            let i = &self.items[n];
            ix.by_id.insert(i.id.clone(), n);
            ix.codes.insert(i.code.to_string());
            ix.codes
                .extend(i.former_codes.iter().map(ToString::to_string));
            ix.codes.extend(i.sub.iter().map(|s| s.code.to_string()));
            ix.by_code.insert(i.code.to_string(), n);
        }
        ix.scanned = self.items.len();
        ix
    }

    /// Records that the item that had code `old` has a new one (recode,
    /// reclassify).
    fn recoded(&mut self, old: &Code) {
        let ix = self.index();
        if let Some(pos) = ix.by_code.remove(old.as_str())
            && let Some(code) = self.items.get(pos).map(|i| i.code.to_string())
        {
            let ix = Arc::make_mut(&mut self.index);
            ix.codes.insert(code.clone());
            ix.by_code.insert(code, pos);
        }
    }

    /// Refuses a code that any item or sub-item has or had.
    fn unused(&mut self, code: &Code) -> Result<(), String> {
        if self.index().codes.contains(code.as_str()) {
            return err(format!(
                "code `{code}` is already used or was used before; codes are never reused"
            ));
        }
        Ok(())
    }

    /// The item that holds `code` now, or why there is none in force.
    fn in_force_mut(&mut self, code: &Code) -> Result<&mut Item, String> {
        let pos = self.index().by_code.get(code.as_str()).copied();
        if let Some(pos) = pos.filter(|p| self.items.get(*p).is_some_and(|i| &i.code == code)) {
            let item = Arc::make_mut(&mut self.items[pos]);
            if item.status.is_ended() {
                let when = item.ended.map(|d| format!(" on {d}")).unwrap_or_default();
                return err(format!(
                    "`{code}` is not in force: it was {}{when}",
                    item.status.id()
                ));
            }
            return Ok(item);
        }
        if let Some(i) = self.items.iter().find(|i| i.former_codes.contains(code)) {
            return err(format!(
                "`{code}` was recoded to `{}`; operations name the current code",
                i.code
            ));
        }
        err(format!("no item has code `{code}`"))
    }

    fn check_new(&mut self, item: &Item, expected: &[Source], op: OpKind) -> Result<(), String> {
        if self.index().by_id.contains_key(&item.id) {
            return err(format!("item id `{}` is already used", item.id));
        }
        self.unused(&item.code)?;
        let mut seen = HashSet::new();
        for s in &item.sub {
            if self.index().codes.contains(s.code.as_str())
                || s.code == item.code
                || !seen.insert(&s.code)
            {
                return err(format!(
                    "sub-item code `{}` is already used or was used before",
                    s.code
                ));
            }
        }
        if item.status != Status::InForce || item.ended.is_some() {
            return err(format!(
                "a new item must be in force, without `ended` (item `{}`)",
                item.code
            ));
        }
        if !item.former_codes.is_empty() || !item.successors.is_empty() {
            return err(format!(
                "a new item has no former codes or successors (item `{}`)",
                item.code
            ));
        }
        if !expected.contains(&item.source) {
            let ids: Vec<&str> = expected.iter().map(|s| s.id()).collect();
            return err(format!(
                "`{}` takes an item whose source is {}, not `{}`",
                op.id(),
                ids.join(" or "),
                item.source.id()
            ));
        }
        Ok(())
    }

    fn end(&mut self, code: &Code, status: Status, date: Date) -> Result<&mut Item, String> {
        let item = self.in_force_mut(code)?;
        if date <= item.effective {
            return err(format!(
                "`{code}` takes effect on {}; an adjustment dated {date} cannot end it (it would never be in force)",
                item.effective
            ));
        }
        item.status = status;
        item.ended = Some(date);
        for s in &mut item.sub {
            if !s.status.is_ended() && s.ended.is_none_or(|e| e > date) {
                s.ended = Some(date);
                if s.status == Status::InForce {
                    s.status = status;
                }
            }
        }
        Ok(item)
    }

    /// Applies one operation, effective on `date`, for the list held by `holder`.
    ///
    /// # Errors
    /// A message saying why the operation does not fit the state.
    pub fn apply_op(&mut self, holder: &Id, date: Date, op: &Op) -> Result<(), String> {
        match op {
            Op::Add { item } => {
                self.check_new(item, &[Source::Own, Source::Authorized], OpKind::Add)?;
                self.items.push(Arc::clone(item));
            }
            Op::ReceiveDevolved { item } => {
                self.check_new(item, &[Source::Devolved], OpKind::ReceiveDevolved)?;
                self.items.push(Arc::clone(item));
            }
            Op::ReceiveEntrusted { item, agreement } => {
                self.check_new(item, &[Source::Entrusted], OpKind::ReceiveEntrusted)?;
                let Some(a) = self.agreements.iter().find(|a| &a.id == agreement) else {
                    return err(format!(
                        "no agreement `{agreement}` has been signed; sign it first (`agreement-sign`)"
                    ));
                };
                if !a.in_force_on(date.max(item.effective)) {
                    return err(format!(
                        "agreement `{agreement}` is not in force on {}",
                        date.max(item.effective)
                    ));
                }
                if item.grantor.as_ref() != Some(&a.entruster) {
                    return err(format!(
                        "item `{}` names grantor `{}`, but agreement `{agreement}` is with `{}`",
                        item.code,
                        item.grantor.as_ref().map_or("(none)", Id::as_str),
                        a.entruster
                    ));
                }
                if !a.lists(&item.id) {
                    return err(format!(
                        "agreement `{agreement}` does not list item `{}`; amend it first",
                        item.id
                    ));
                }
                self.items.push(Arc::clone(item));
            }
            Op::Cancel { code } => {
                self.end(code, Status::Cancelled, date)?;
            }
            Op::DevolveOut { code } => {
                self.end(code, Status::DevolvedOut, date)?;
            }
            Op::Withdraw { code } => {
                let source = self.in_force_mut(code)?.source;
                if !matches!(source, Source::Entrusted | Source::Devolved) {
                    return err(format!(
                        "`{code}` is the body's {} power; only entrusted or devolved items are withdrawn",
                        source.id()
                    ));
                }
                self.end(code, Status::Withdrawn, date)?;
            }
            Op::Suspend { code } => {
                let item = self.in_force_mut(code)?;
                if item.status == Status::Suspended {
                    return err(format!("`{code}` is already suspended"));
                }
                item.status = Status::Suspended;
            }
            Op::Resume { code } => {
                let item = self.in_force_mut(code)?;
                if item.status != Status::Suspended {
                    return err(format!("`{code}` is not suspended"));
                }
                item.status = Status::InForce;
            }
            Op::Modify { code, set, unset } => {
                let item = self.in_force_mut(code)?;
                let new = set_fields(&*item, set, unset, MODIFY_FORBIDDEN, "item")?;
                if new == *item {
                    return err(format!("`modify` of `{code}` changes nothing"));
                }
                *item = new;
            }
            Op::Recode { code, to } => {
                self.unused(to)?;
                let item = self.in_force_mut(code)?;
                item.former_codes.push(item.code.clone());
                item.code = to.clone();
                self.recoded(code);
            }
            Op::Reclassify { code, category, to } => {
                if let Some(to) = to {
                    self.unused(to)?;
                }
                let item = self.in_force_mut(code)?;
                if item.category == *category {
                    return err(format!("`{code}` is already in category `{category}`"));
                }
                item.category = *category;
                if let Some(to) = to {
                    item.former_codes.push(item.code.clone());
                    item.code = to.clone();
                    self.recoded(code);
                }
            }
            Op::Merge { codes, into, item } => {
                if codes.is_empty() {
                    return err("`merge` names no items to merge");
                }
                let successor = match (into, item) {
                    (Some(into), None) => {
                        if codes.contains(into) {
                            return err(format!("`{into}` cannot merge into itself"));
                        }
                        self.in_force_mut(into)?.id.clone()
                    }
                    (None, Some(new)) => {
                        self.check_new(
                            new,
                            &[
                                Source::Own,
                                Source::Authorized,
                                Source::Devolved,
                                Source::Entrusted,
                            ],
                            OpKind::Merge,
                        )?;
                        new.id.clone()
                    }
                    _ => {
                        return err(
                            "`merge` takes either `into` (an existing code) or `item` (a new item), not both or neither",
                        );
                    }
                };
                let mut seen = HashSet::new();
                for c in codes {
                    if !seen.insert(c) {
                        return err(format!("`{c}` is named twice"));
                    }
                    self.in_force_mut(c)?;
                }
                if let Some(new) = item {
                    self.items.push(Arc::clone(new));
                }
                for c in codes {
                    let ended = self.end(c, Status::Merged, date)?;
                    ended.successors = vec![successor.clone()];
                }
            }
            Op::Split { code, items } => {
                if items.len() < 2 {
                    return err("`split` needs at least two new items");
                }
                self.in_force_mut(code)?;
                // Each new item is checked against the list and the ones
                // before it; on a refusal the items appended are taken back
                // (and the index, which then covers more items than there
                // are, is rebuilt when next used).
                let before = self.items.len();
                for new in items {
                    let checked = self.check_new(
                        new,
                        &[
                            Source::Own,
                            Source::Authorized,
                            Source::Devolved,
                            Source::Entrusted,
                        ],
                        OpKind::Split,
                    );
                    if let Err(e) = checked {
                        self.items.truncate(before);
                        return Err(e);
                    }
                    self.items.push(Arc::new(new.clone()));
                }
                let ids = items.iter().map(|i| i.id.clone()).collect();
                self.end(code, Status::Split, date)?.successors = ids;
            }
            Op::SubAdd { code, sub } => {
                self.unused(&sub.code)?;
                if sub.status != Status::InForce || sub.ended.is_some() {
                    return err(format!(
                        "a new sub-item must be in force, without `ended` (sub-item `{}`)",
                        sub.code
                    ));
                }
                let item = self.in_force_mut(code)?;
                if item.implementation.is_some() {
                    return err(format!(
                        "item `{code}` has implementation elements of its own; with sub-items they belong on each sub-item: unset them first (`modify` with `unset = [\"implementation\"]`, in the same entry)"
                    ));
                }
                item.sub.push(sub.clone());
                self.index().codes.insert(sub.code.to_string());
            }
            Op::SubRemove { code, sub } => {
                let item = self.in_force_mut(code)?;
                let item_effective = item.effective;
                let s = sub_in_force(item, sub)?;
                let starts = s.effective.unwrap_or(item_effective);
                if date <= starts {
                    return err(format!(
                        "sub-item `{sub}` takes effect on {starts}; an adjustment dated {date} cannot end it"
                    ));
                }
                s.status = Status::Cancelled;
                s.ended = Some(date);
            }
            Op::SubModify {
                code,
                sub,
                set,
                unset,
            } => {
                let s = sub_in_force(self.in_force_mut(code)?, sub)?;
                let new: SubItem = set_fields(&*s, set, unset, SUB_MODIFY_FORBIDDEN, "sub-item")?;
                if new == *s {
                    return err(format!("`sub-modify` of `{sub}` changes nothing"));
                }
                *s = new;
            }
            Op::AgreementSign { agreement } => {
                if self.agreements.iter().any(|a| a.id == agreement.id) {
                    return err(format!("agreement id `{}` is already used", agreement.id));
                }
                if &agreement.entrusted != holder {
                    return err(format!(
                        "agreement `{}` entrusts `{}`, not `{holder}`",
                        agreement.id, agreement.entrusted
                    ));
                }
                self.agreements.push((**agreement).clone());
            }
            Op::AgreementAmend {
                agreement,
                set,
                unset,
            } => {
                let a = self.agreement_mut(agreement)?;
                let new: Agreement = set_fields(
                    &*a,
                    set,
                    unset,
                    &[
                        ("id", "ids never change"),
                        ("entrusted", "an agreement stays with its list"),
                    ],
                    "agreement",
                )?;
                if new == *a {
                    return err(format!(
                        "`agreement-amend` of `{agreement}` changes nothing"
                    ));
                }
                *a = new;
            }
            Op::AgreementEnd {
                agreement,
                term_end,
            } => {
                let a = self.agreement_mut(agreement)?;
                if *term_end < a.term_start {
                    return err(format!(
                        "agreement `{agreement}` cannot end on {term_end}, before its term starts on {}",
                        a.term_start
                    ));
                }
                if a.term_end.is_some_and(|e| e < *term_end) {
                    return err(format!("agreement `{agreement}` has already ended"));
                }
                a.term_end = Some(*term_end);
            }
        }
        Ok(())
    }

    fn agreement_mut(&mut self, id: &Id) -> Result<&mut Agreement, String> {
        self.agreements
            .iter_mut()
            .find(|a| &a.id == id)
            .ok_or_else(|| format!("no agreement `{id}` has been signed"))
    }

    /// Applies a whole entry, all operations or none.
    ///
    /// # Errors
    /// The first operation that does not fit, with its index.
    pub fn apply(&mut self, holder: &Id, entry: &Entry) -> Result<(), OpError> {
        // All or nothing: a failed entry restores the items and agreements
        // (pointer copies: items changed since are copied on write) and drops
        // the index, which is rebuilt when next needed.
        let items = self.items.clone();
        let agreements = self.agreements.clone();
        for (index, op) in entry.op.iter().enumerate() {
            if let Err(message) = self.apply_op(holder, entry.date, op) {
                self.items = items;
                self.agreements = agreements;
                self.index = Arc::default();
                return Err(OpError { index, message });
            }
        }
        self.index();
        Ok(())
    }

    /// The item with id `id`.
    pub fn item(&self, id: &Id) -> Option<&Item> {
        // The index covers every item after each entry a history applies,
        // and a history's states share the head's index, which covers their
        // items at the same positions (items are only appended); a state
        // changed otherwise is searched.
        if self.index.scanned >= self.items.len() && !self.items.is_empty() {
            match self.index.by_id.get(id) {
                None => return None,
                // Appended after this state.
                Some(&n) if n >= self.items.len() => return None,
                Some(&n) if &self.items[n].id == id => return Some(&self.items[n]),
                // The items were changed otherwise: search.
                Some(_) => {}
            }
        }
        self.items.iter().find(|i| &i.id == id).map(|i| &**i)
    }
}

fn sub_in_force<'a>(item: &'a mut Item, code: &Code) -> Result<&'a mut SubItem, String> {
    let item_code = item.code.clone();
    match item.sub.iter_mut().find(|s| &s.code == code) {
        Some(s) if s.status.is_ended() => err(format!("sub-item `{code}` has already ended")),
        Some(s) => Ok(s),
        None => err(format!("item `{item_code}` has no sub-item `{code}`")),
    }
}

/// One version of a list, as the change log made it: the entry and the
/// state after it.
#[derive(Debug, Clone)]
pub struct Snapshot {
    /// The entry that made it.
    pub entry: Entry,
    /// The state after the entry.
    pub state: State,
}

/// The replayed history of a list: every version's state, in order.
///
/// ```
/// use quanze::Registry;
/// let registry = Registry::open("registry")?;
/// let list = registry.list("guangzhou-gxj").expect("bundled list");
/// let history = list.history().expect("the log replays");
///
/// // Time travel: the list in force at the end of 2021 was version 3.0.0.
/// let v = history.as_of("2021-12-31".parse()?).expect("a version");
/// assert_eq!(v.entry.version.to_string(), "3.0.0");
///
/// // Codes never disappear: a split code resolves to its successors.
/// let r = history.resolve("JC-008", None).expect("a code that was used");
/// assert_eq!(r.codes(), ["JC-014", "JC-015"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct History {
    /// The versions, oldest first.
    pub versions: Vec<Snapshot>,
}

impl History {
    /// Replays `entries` from an empty list held by `holder`, stopping at the
    /// first entry that does not apply.
    ///
    /// # Errors
    /// The index of the entry that does not apply, and why.
    pub fn replay<'a>(
        holder: &Id,
        entries: impl IntoIterator<Item = &'a Entry>,
    ) -> Result<Self, (usize, OpError)> {
        let mut state = State::default();
        let mut versions = Vec::new();
        for (n, entry) in entries.into_iter().enumerate() {
            state.apply(holder, entry).map_err(|e| (n, e))?;
            // The snapshot shares the items, not the index, so that the next
            // entry updates the index in place instead of copying it.
            versions.push(Snapshot {
                entry: entry.clone(),
                state: State {
                    items: state.items.clone(),
                    agreements: state.agreements.clone(),
                    index: Arc::default(),
                },
            });
        }
        // Items are only ever appended, so the head's index finds an item at
        // the same position in every earlier state (see `State::item`).
        for v in &mut versions {
            v.state.index = Arc::clone(&state.index);
        }
        Ok(Self { versions })
    }

    /// The state after the last entry.
    pub fn head(&self) -> Option<&Snapshot> {
        self.versions.last()
    }

    /// The version `v`.
    pub fn at(&self, v: &Version) -> Option<&Snapshot> {
        self.versions.iter().find(|x| &x.entry.version == v)
    }

    /// The version in force on `date`: the last whose date is on or before it.
    pub fn as_of(&self, date: Date) -> Option<&Snapshot> {
        self.versions.iter().rev().find(|x| x.entry.date <= date)
    }

    /// Every version of the item that holds or held `code`, with the entry
    /// that changed it (versions where it did not change are left out).
    pub fn item_history(&self, code: &str) -> Vec<ItemVersion<'_>> {
        let Some(id) = self.id_of(code) else {
            return Vec::new();
        };
        let mut out: Vec<ItemVersion<'_>> = Vec::new();
        let mut last: Option<&Item> = None;
        for v in &self.versions {
            let now = v.state.item(&id);
            if now != last {
                let ops = v
                    .entry
                    .op
                    .iter()
                    .filter(|op| op_concerns(op, &id, last.or(now)))
                    .map(Op::kind)
                    .collect();
                out.push(ItemVersion {
                    version: &v.entry.version,
                    date: v.entry.date,
                    decided_by: &v.entry.decided_by,
                    ops,
                    item: now,
                });
            }
            last = now;
        }
        out
    }

    fn id_of(&self, code: &str) -> Option<Id> {
        for v in self.versions.iter().rev() {
            for i in &v.state.items {
                if i.code.as_str() == code
                    || i.id.as_str() == code
                    || i.former_codes.iter().any(|c| c.as_str() == code)
                    || i.sub.iter().any(|s| s.code.as_str() == code)
                {
                    return Some(i.id.clone());
                }
            }
        }
        None
    }

    /// Follows merges, splits and recodes from `code` to the codes in force
    /// at the head (or at `at`), with the path and the deciding documents.
    pub fn resolve(&self, code: &str, at: Option<&Version>) -> Option<Resolution> {
        let upto = match at {
            Some(v) => self.versions.iter().position(|x| &x.entry.version == v)?,
            None => self.versions.len().checked_sub(1)?,
        };
        let state = &self.versions[upto].state;
        let start = self.id_of_at(code, upto)?;
        let mut outcomes = Vec::new();
        let mut visited = HashSet::new();
        self.follow(
            state,
            upto,
            &start,
            code,
            Vec::new(),
            &mut visited,
            &mut outcomes,
        );
        outcomes.sort_by(|a, b| a.code.cmp(&b.code));
        outcomes.dedup_by(|a, b| a.code == b.code && a.item == b.item);
        Some(Resolution {
            code: code.to_owned(),
            outcomes,
        })
    }

    fn id_of_at(&self, code: &str, upto: usize) -> Option<Id> {
        self.versions[..=upto].iter().rev().find_map(|v| {
            v.state
                .items
                .iter()
                .find(|i| {
                    i.code.as_str() == code
                        || i.former_codes.iter().any(|c| c.as_str() == code)
                        || i.id.as_str() == code
                })
                .map(|i| i.id.clone())
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn follow(
        &self,
        state: &State,
        upto: usize,
        id: &Id,
        from_code: &str,
        path: Vec<Step>,
        visited: &mut HashSet<Id>,
        out: &mut Vec<Outcome>,
    ) {
        if !visited.insert(id.clone()) {
            return;
        }
        let Some(item) = state.item(id) else { return };
        let mut path = path;
        if item.code.as_str() != from_code
            && item.former_codes.iter().any(|c| c.as_str() == from_code)
            && let Some((v, kind)) = self.event(upto, id, |op| {
                matches!(op, Op::Recode { .. } | Op::Reclassify { to: Some(_), .. })
            })
        {
            path.push(Step::of(
                v,
                kind,
                from_code.to_owned(),
                vec![item.code.to_string()],
            ));
        }
        if !item.status.is_ended() {
            out.push(Outcome {
                code: Some(item.code.to_string()),
                item: Some(item.id.clone()),
                status: item.status,
                path,
            });
            return;
        }
        if item.successors.is_empty() {
            if let Some((v, kind)) = self.event(upto, id, |_| true) {
                path.push(Step::of(v, kind, item.code.to_string(), Vec::new()));
            }
            out.push(Outcome {
                code: None,
                item: Some(item.id.clone()),
                status: item.status,
                path,
            });
            return;
        }
        let to: Vec<String> = item
            .successors
            .iter()
            .filter_map(|s| state.item(s).map(|i| i.code.to_string()))
            .collect();
        if let Some((v, kind)) = self.event(upto, id, |op| {
            matches!(op, Op::Merge { .. } | Op::Split { .. })
        }) {
            path.push(Step::of(v, kind, item.code.to_string(), to));
        }
        for s in &item.successors {
            if let Some(next) = state.item(s) {
                self.follow(
                    state,
                    upto,
                    s,
                    next.code.as_str(),
                    path.clone(),
                    visited,
                    out,
                );
            }
        }
    }

    /// The last version up to `upto` with an operation matching `pred` that
    /// concerns item `id`.
    fn event(
        &self,
        upto: usize,
        id: &Id,
        pred: impl Fn(&Op) -> bool,
    ) -> Option<(&Snapshot, OpKind)> {
        let mut prev: Option<&Item> = None;
        let mut found = None;
        for v in &self.versions[..=upto] {
            let now = v.state.item(id);
            if let Some(op) = v
                .entry
                .op
                .iter()
                .find(|op| pred(op) && op_concerns(op, id, prev.or(now)))
                && now != prev
            {
                found = Some((v, op.kind()));
            }
            prev = now;
        }
        found
    }
}

/// Whether `op` concerns the item with id `id` (whose record before the op is `item`).
pub(crate) fn op_concerns(op: &Op, id: &Id, item: Option<&Item>) -> bool {
    let code = item.map(|i| i.code.clone());
    let is = |c: &Code| code.as_ref() == Some(c);
    match op {
        Op::Add { item: new }
        | Op::ReceiveDevolved { item: new }
        | Op::ReceiveEntrusted { item: new, .. } => &new.id == id,
        Op::Cancel { code }
        | Op::DevolveOut { code }
        | Op::Withdraw { code }
        | Op::Suspend { code }
        | Op::Resume { code }
        | Op::Modify { code, .. }
        | Op::Recode { code, .. }
        | Op::Reclassify { code, .. }
        | Op::SubAdd { code, .. }
        | Op::SubRemove { code, .. }
        | Op::SubModify { code, .. } => is(code),
        Op::Merge {
            codes,
            into,
            item: new,
        } => {
            codes.iter().any(is)
                || into.as_ref().is_some_and(is)
                || new.as_ref().is_some_and(|n| &n.id == id)
        }
        Op::Split { code, items } => is(code) || items.iter().any(|n| &n.id == id),
        Op::AgreementSign { .. } | Op::AgreementAmend { .. } | Op::AgreementEnd { .. } => false,
    }
}

/// One version of an item in its history.
#[derive(Debug, Clone)]
pub struct ItemVersion<'a> {
    /// The list version.
    pub version: &'a Version,
    /// Its date.
    pub date: Date,
    /// The deciding documents.
    pub decided_by: &'a [Decision],
    /// The operations of the entry that concern the item.
    pub ops: Vec<OpKind>,
    /// The item after the entry (`None` before it exists).
    pub item: Option<&'a Item>,
}

/// One step of a code's resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The code before.
    pub from: String,
    /// The codes after (none when the power ended without successor).
    pub to: Vec<String>,
    /// The operation.
    pub kind: OpKind,
    /// The version that made the step.
    pub version: Version,
    /// Its date.
    pub date: Date,
    /// The numbers of its deciding documents.
    pub decided_by: Vec<String>,
}

impl Step {
    fn of(v: &Snapshot, kind: OpKind, from: String, to: Vec<String>) -> Self {
        Self {
            from,
            to,
            kind,
            version: v.entry.version.clone(),
            date: v.entry.date,
            decided_by: v
                .entry
                .decided_by
                .iter()
                .map(|d| d.number.to_string())
                .collect(),
        }
    }
}

/// Where one path of a resolution leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// The code in force it leads to, or `None` when the power ended without
    /// a successor (cancelled, devolved out, withdrawn).
    pub code: Option<String>,
    /// The item at the end of the path.
    pub item: Option<Id>,
    /// That item's status.
    pub status: Status,
    /// The steps, in order.
    pub path: Vec<Step>,
}

/// What a code resolves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The code asked about.
    pub code: String,
    /// Every path's end, sorted by code.
    pub outcomes: Vec<Outcome>,
}

impl Resolution {
    /// The codes in force it resolves to.
    pub fn codes(&self) -> Vec<&str> {
        self.outcomes
            .iter()
            .filter_map(|o| o.code.as_deref())
            .collect()
    }

    /// The resolution as text: for each outcome, a line `CODE ⇒ CURRENT`,
    /// then one indented line per step with its version, date, operation and
    /// deciding documents.
    pub fn render(&self) -> String {
        let mut s = String::new();
        for o in &self.outcomes {
            match &o.code {
                Some(c) => {
                    let _ = writeln!(s, "{} ⇒ {c} ({})", self.code, o.status.zh());
                }
                None => {
                    let _ = writeln!(s, "{} ⇒ (none: {})", self.code, o.status.zh());
                }
            }
            for step in &o.path {
                let to = if step.to.is_empty() {
                    "—".to_owned()
                } else {
                    step.to.join(", ")
                };
                let _ = writeln!(
                    s,
                    "  {} {} {} {} → {to} ({})",
                    step.version,
                    step.date,
                    step.kind.zh(),
                    step.from,
                    step.decided_by.join("、")
                );
            }
        }
        s
    }
}

/// Checks that versions strictly increase, dates do not decrease, and each
/// entry's declared bump covers what its operations require. Returns, per
/// entry index, the problems found.
pub(crate) fn version_problems(entries: &[&Entry]) -> Vec<(usize, String, &'static str)> {
    let mut out = Vec::new();
    for (n, pair) in entries.windows(2).enumerate() {
        let (prev, next) = (pair[0], pair[1]);
        match Bump::between(&prev.version, &next.version) {
            None => out.push((
                n + 1,
                format!(
                    "version {} does not follow {}: versions must increase",
                    next.version, prev.version
                ),
                "version",
            )),
            Some(declared) => {
                let required = next.required_bump();
                if declared < required {
                    let culprit = next
                        .op
                        .iter()
                        .find(|o| o.kind().bump() == required)
                        .map(|o| o.kind().id())
                        .unwrap_or("");
                    out.push((
                        n + 1,
                        format!(
                            "version {} is a {declared} bump from {}, but `{culprit}` requires a {required} bump",
                            next.version, prev.version
                        ),
                        "version",
                    ));
                }
            }
        }
        if next.date < prev.date {
            out.push((
                n + 1,
                format!(
                    "version {} is dated {}, before version {} ({})",
                    next.version, next.date, prev.version, prev.date
                ),
                "date",
            ));
        }
    }
    out
}

/// Checks the hash chain: each entry's `previous` must be the hash of the
/// entry before it, and `head` the hash of the last. Returns the index of the
/// first broken link (`entries.len()` for the head) and a message.
pub(crate) fn chain_problem(
    entries: &[LoggedEntry],
    head: Option<&str>,
) -> Option<(usize, String)> {
    for (n, e) in entries.iter().enumerate() {
        let expected_prev = n.checked_sub(1).map(|p| &entries[p]);
        match (&e.entry.previous, expected_prev) {
            (Some(_), None) => {
                return Some((n, "the first entry must not have `previous`".to_owned()));
            }
            (None, Some(p)) => {
                return Some((
                    n,
                    format!(
                        "entry {} has no `previous` hash of entry {}",
                        e.entry.version, p.entry.version
                    ),
                ));
            }
            (Some(h), Some(p)) => {
                let Some(alg) = HashAlg::of(h) else {
                    return Some((
                        n,
                        format!(
                            "`previous` must be written `sha256:<hex>` or `sm3:<hex>`, found {h:?}"
                        ),
                    ));
                };
                if p.hash(alg) != *h {
                    return Some((
                        n - 1,
                        format!(
                            "entry {} has been changed after it was written: its hash is no longer the `previous` recorded by entry {}",
                            p.entry.version, e.entry.version
                        ),
                    ));
                }
            }
            (None, None) => {}
        }
    }
    let last = entries.last()?;
    let Some(head) = head else {
        return Some((
            entries.len(),
            "list.toml has no `head` hash sealing the last entry".to_owned(),
        ));
    };
    let Some(alg) = HashAlg::of(head) else {
        return Some((
            entries.len(),
            format!("`head` must be written `sha256:<hex>` or `sm3:<hex>`, found {head:?}"),
        ));
    };
    if last.hash(alg) != head {
        return Some((
            entries.len() - 1,
            format!(
                "entry {} has been changed after it was written: its hash is no longer the `head` recorded in list.toml",
                last.entry.version
            ),
        ));
    }
    None
}

impl List {
    /// Replays the list's change log.
    ///
    /// # Errors
    /// The index of the first entry that does not apply, and why.
    pub fn history(&self) -> Result<History, (usize, OpError)> {
        History::replay(&self.authority, self.log.iter().map(|e| &e.entry))
    }

    /// The list as it was at version `v`, reconstructed from the change log;
    /// `None` when the log has no such version (or does not replay).
    pub fn at_version(&self, v: &Version) -> Option<Self> {
        let h = self.history().ok()?;
        h.at(v).map(|s| list_at(self, s))
    }

    /// The list in force on `date`: for a list with a change log, the state
    /// after the last entry dated on or before `date` (`None` before the
    /// first entry, or when the log does not replay); for a list without one,
    /// the list itself.
    pub fn as_of(&self, date: Date) -> Option<Self> {
        if self.log.is_empty() {
            return Some(self.clone());
        }
        let h = self.history().ok()?;
        h.as_of(date).map(|s| list_at(self, s))
    }
}

/// A list as the change log says it was at one version.
pub(crate) fn list_at(list: &List, v: &Snapshot) -> List {
    let mut out = list.clone();
    out.items = v.state.items.iter().map(|i| (**i).clone()).collect();
    out.items.sort_by(crate::model::Item::published_order);
    out.agreements = v.state.agreements.clone();
    out.meta.version = v.entry.version.clone();
    out.origin = Default::default();
    out
}

/// Differences between two serializable records, key by key.
pub(crate) fn table_differences<T: serde::Serialize>(
    before: &T,
    after: &T,
) -> Vec<(String, String, String)> {
    let as_table = |v: &T| match toml::Value::try_from(v) {
        Ok(toml::Value::Table(t)) => t,
        _ => toml::Table::new(),
    };
    let (a, b) = (as_table(before), as_table(after));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    let mut seen = HashSet::new();
    keys.retain(|k| seen.insert(*k));
    let show = |v: Option<&toml::Value>| v.map_or_else(|| "(absent)".to_owned(), short);
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| (k.clone(), show(a.get(k)), show(b.get(k))))
        .collect()
}

fn short(v: &toml::Value) -> String {
    let s = match v {
        toml::Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    };
    let s = s.replace('\n', " ");
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}

/// Counts of items per id in the head files that the replay does not match.
pub(crate) fn by_id<'a>(items: impl IntoIterator<Item = &'a Item>) -> HashMap<&'a Id, &'a Item> {
    items.into_iter().map(|i| (&i.id, i)).collect()
}
