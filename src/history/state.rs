//! The state of a list that the change log versions, and the operations
//! that change it.

use std::collections::HashSet;
use std::sync::Arc;

use crate::history::Refusal;

use crate::model::{
    Agreement, Category, Code, Date, Entry, Id, Item, Op, OpKind, Source, Status, SubItem,
};

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
    pub(crate) index: Arc<Index>,
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
pub(crate) struct Index {
    scanned: usize,
    codes: foldhash::HashSet<String>,
    by_code: foldhash::HashMap<String, usize>,
    by_id: foldhash::HashMap<Id, usize>,
}

/// Why an operation cannot apply to the state it meets.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
#[non_exhaustive]
pub struct OpError {
    /// The index of the operation in its entry (from 0).
    pub index: usize,
    /// Why it does not apply.
    pub reason: Refusal,
}

fn err<T>(reason: Refusal) -> Result<T, Refusal> {
    Err(reason)
}

/// The code a sub-item coded under `old` (`XK-013-01`) has once its item is
/// recoded to `new` with `carry_sub_codes` (`XK-015-01`); `None` for a code
/// not under `old`.
pub(crate) fn carried_code(sub: &Code, old: &Code, new: &Code) -> Option<Code> {
    let rest = sub.as_str().strip_prefix(old.as_str())?;
    if !rest.starts_with('-') {
        return None;
    }
    format!("{new}{rest}").parse().ok()
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
        "a sub-item's code changes only with its item's, by a `recode` with `carry_sub_codes = true`; or remove it and add another",
    ),
    ("status", "use `sub-remove`"),
    ("ended", "use `sub-remove`"),
    (
        "former_codes",
        "a unit's former codes come only from a `recode` of its item that carries them",
    ),
];

fn set_fields<T>(
    value: &T,
    set: &toml::Table,
    unset: &[String],
    forbidden: &[(&str, &'static str)],
    what: &'static str,
) -> Result<T, Refusal>
where
    T: serde::Serialize + serde::de::DeserializeOwned,
{
    let mut table = match toml::Value::try_from(value) {
        Ok(toml::Value::Table(t)) => t,
        _ => return err(Refusal::NotATable { what }),
    };
    if set.is_empty() && unset.is_empty() {
        return err(Refusal::NothingToSet);
    }
    for k in set.keys().chain(unset) {
        if let Some((_, why)) = forbidden.iter().find(|(f, _)| f == k) {
            return err(Refusal::Forbidden {
                key: k.clone(),
                why,
            });
        }
    }
    for (k, v) in set {
        table.insert(k.clone(), v.clone());
    }
    for k in unset {
        if table.remove(k).is_none() {
            return err(Refusal::NotSet { key: k.clone() });
        }
    }
    toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| Refusal::InvalidValues {
            what,
            message: e.message().trim().to_owned(),
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
            ix.codes.extend(
                i.sub
                    .iter()
                    .flat_map(|s| s.former_codes.iter().map(ToString::to_string)),
            );
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
    fn unused(&mut self, code: &Code) -> Result<(), Refusal> {
        if self.index().codes.contains(code.as_str()) {
            return err(Refusal::CodeUsed { code: code.clone() });
        }
        Ok(())
    }

    /// The item that holds `code` now, or why there is none in force.
    fn in_force_mut(&mut self, code: &Code) -> Result<&mut Item, Refusal> {
        let pos = self.index().by_code.get(code.as_str()).copied();
        if let Some(pos) = pos.filter(|p| self.items.get(*p).is_some_and(|i| &i.code == code)) {
            let item = Arc::make_mut(&mut self.items[pos]);
            if item.status.is_ended() {
                return err(Refusal::NotInForce {
                    code: code.clone(),
                    status: item.status,
                    ended: item.ended,
                });
            }
            return Ok(item);
        }
        if let Some(i) = self.items.iter().find(|i| i.former_codes.contains(code)) {
            return err(Refusal::Recoded {
                code: code.clone(),
                to: i.code.clone(),
            });
        }
        err(Refusal::NoSuchCode { code: code.clone() })
    }

    fn check_new(&mut self, item: &Item, expected: &[Source], op: OpKind) -> Result<(), Refusal> {
        if self.index().by_id.contains_key(&item.id) {
            return err(Refusal::IdUsed {
                id: item.id.clone(),
            });
        }
        self.unused(&item.code)?;
        let mut seen = HashSet::new();
        for s in &item.sub {
            if self.index().codes.contains(s.code.as_str())
                || s.code == item.code
                || !seen.insert(&s.code)
            {
                return err(Refusal::SubCodeUsed {
                    code: s.code.clone(),
                });
            }
        }
        if item.status != Status::InForce || item.ended.is_some() {
            return err(Refusal::NewNotInForce {
                code: item.code.clone(),
            });
        }
        if !item.former_codes.is_empty() || !item.successors.is_empty() {
            return err(Refusal::NewHasHistory {
                code: item.code.clone(),
            });
        }
        if !expected.contains(&item.source) {
            return err(Refusal::WrongSource {
                op,
                expected: expected.to_vec(),
                found: item.source,
            });
        }
        Ok(())
    }

    fn end(&mut self, code: &Code, status: Status, date: Date) -> Result<&mut Item, Refusal> {
        let item = self.in_force_mut(code)?;
        if date <= item.effective {
            return err(Refusal::EndsBeforeEffective {
                code: code.clone(),
                effective: item.effective,
                date,
            });
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
    pub fn apply_op(&mut self, holder: &Id, date: Date, op: &Op) -> Result<(), Refusal> {
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
                self.receive_entrusted(date, item, agreement)?
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
                    return err(Refusal::NotGranted {
                        code: code.clone(),
                        granted: source,
                    });
                }
                self.end(code, Status::Withdrawn, date)?;
            }
            Op::Suspend { code } => {
                let item = self.in_force_mut(code)?;
                if item.status == Status::Suspended {
                    return err(Refusal::AlreadySuspended { code: code.clone() });
                }
                item.status = Status::Suspended;
            }
            Op::Resume { code } => {
                let item = self.in_force_mut(code)?;
                if item.status != Status::Suspended {
                    return err(Refusal::NotSuspended { code: code.clone() });
                }
                item.status = Status::InForce;
            }
            Op::Modify { code, set, unset } => {
                let item = self.in_force_mut(code)?;
                let new = set_fields(&*item, set, unset, MODIFY_FORBIDDEN, "item")?;
                if new == *item {
                    return err(Refusal::NoChange {
                        op: OpKind::Modify,
                        subject: code.to_string(),
                    });
                }
                *item = new;
            }
            Op::Recode {
                code,
                to,
                carry_sub_codes,
            } => {
                self.unused(to)?;
                let carry = *carry_sub_codes == Some(true);
                let carried: Vec<Code> = if carry {
                    let item = self.in_force_mut(code)?;
                    item.sub
                        .iter()
                        .filter_map(|s| carried_code(&s.code, code, to))
                        .collect()
                } else {
                    Vec::new()
                };
                for c in &carried {
                    self.unused(c)?;
                }
                let item = self.in_force_mut(code)?;
                item.former_codes.push(item.code.clone());
                item.code = to.clone();
                if carry {
                    for s in &mut item.sub {
                        if let Some(new) = carried_code(&s.code, code, to) {
                            let old = std::mem::replace(&mut s.code, new);
                            s.former_codes.push(old);
                        }
                    }
                }
                self.recoded(code);
                let ix = self.index();
                ix.codes.extend(carried.iter().map(ToString::to_string));
            }
            Op::Reclassify { code, category, to } => self.reclassify(code, *category, to)?,
            Op::Merge { codes, into, item } => self.merge(date, codes, into, item)?,
            Op::Split { code, items } => self.split(date, code, items)?,
            Op::SubAdd { code, sub } => self.sub_add(code, sub)?,
            Op::SubRemove { code, sub } => self.sub_remove(date, code, sub)?,
            Op::SubModify {
                code,
                sub,
                set,
                unset,
            } => {
                let s = sub_in_force(self.in_force_mut(code)?, sub)?;
                let new: SubItem = set_fields(&*s, set, unset, SUB_MODIFY_FORBIDDEN, "sub-item")?;
                if new == *s {
                    return err(Refusal::NoChange {
                        op: OpKind::SubModify,
                        subject: sub.to_string(),
                    });
                }
                *s = new;
            }
            Op::AgreementSign { agreement } => self.agreement_sign(holder, agreement)?,
            Op::AgreementAmend {
                agreement,
                set,
                unset,
            } => self.agreement_amend(agreement, set, unset)?,
            Op::AgreementEnd {
                agreement,
                term_end,
            } => self.agreement_end(agreement, *term_end)?,
        }
        Ok(())
    }

    fn receive_entrusted(
        &mut self,
        date: Date,
        item: &Arc<Item>,
        agreement: &Id,
    ) -> Result<(), Refusal> {
        self.check_new(item, &[Source::Entrusted], OpKind::ReceiveEntrusted)?;
        let Some(a) = self.agreements.iter().find(|a| &a.id == agreement) else {
            return err(Refusal::NoAgreement {
                agreement: agreement.clone(),
            });
        };
        if !a.in_force_on(date.max(item.effective)) {
            return err(Refusal::AgreementNotInForce {
                agreement: agreement.clone(),
                date: date.max(item.effective),
            });
        }
        if item.grantor.as_ref() != Some(&a.entruster) {
            return err(Refusal::GrantorMismatch {
                code: item.code.clone(),
                grantor: item.grantor.clone(),
                agreement: agreement.clone(),
                entruster: a.entruster.clone(),
            });
        }
        if !a.lists(&item.id) {
            return err(Refusal::AgreementLacksItem {
                agreement: agreement.clone(),
                item: item.id.clone(),
            });
        }
        self.items.push(Arc::clone(item));
        Ok(())
    }

    fn reclassify(
        &mut self,
        code: &Code,
        category: Category,
        to: &Option<Code>,
    ) -> Result<(), Refusal> {
        if let Some(to) = to {
            self.unused(to)?;
        }
        let item = self.in_force_mut(code)?;
        if item.category == category {
            return err(Refusal::AlreadyInCategory {
                code: code.clone(),
                category,
            });
        }
        item.category = category;
        if let Some(to) = to {
            item.former_codes.push(item.code.clone());
            item.code = to.clone();
            self.recoded(code);
        }
        Ok(())
    }

    fn merge(
        &mut self,
        date: Date,
        codes: &[Code],
        into: &Option<Code>,
        item: &Option<Arc<Item>>,
    ) -> Result<(), Refusal> {
        if codes.is_empty() {
            return err(Refusal::MergeNoCodes);
        }
        let successor = match (into, item) {
            (Some(into), None) => {
                if codes.contains(into) {
                    return err(Refusal::MergeIntoItself { code: into.clone() });
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
                return err(Refusal::MergeShape);
            }
        };
        let mut seen = HashSet::new();
        for c in codes {
            if !seen.insert(c) {
                return err(Refusal::NamedTwice { code: c.clone() });
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
        Ok(())
    }

    fn split(&mut self, date: Date, code: &Code, items: &[Item]) -> Result<(), Refusal> {
        if items.len() < 2 {
            return err(Refusal::SplitTooFew);
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
        Ok(())
    }

    fn sub_add(&mut self, code: &Code, sub: &SubItem) -> Result<(), Refusal> {
        self.unused(&sub.code)?;
        if sub.status != Status::InForce || sub.ended.is_some() {
            return err(Refusal::NewSubNotInForce {
                code: sub.code.clone(),
            });
        }
        let item = self.in_force_mut(code)?;
        if item.implementation.is_some() {
            return err(Refusal::ItemHasImplementation { code: code.clone() });
        }
        item.sub.push(sub.clone());
        self.index().codes.insert(sub.code.to_string());
        Ok(())
    }

    fn sub_remove(&mut self, date: Date, code: &Code, sub: &Code) -> Result<(), Refusal> {
        let item = self.in_force_mut(code)?;
        let item_effective = item.effective;
        let s = sub_in_force(item, sub)?;
        let starts = s.effective.unwrap_or(item_effective);
        if date <= starts {
            return err(Refusal::SubEndsBeforeEffective {
                code: sub.clone(),
                starts,
                date,
            });
        }
        s.status = Status::Cancelled;
        s.ended = Some(date);
        Ok(())
    }

    fn agreement_sign(&mut self, holder: &Id, agreement: &Agreement) -> Result<(), Refusal> {
        if self.agreements.iter().any(|a| a.id == agreement.id) {
            return err(Refusal::AgreementIdUsed {
                id: agreement.id.clone(),
            });
        }
        // The holder is entrusted (an agreement received), or entrusts
        // its own powers out (an agreement given); never both, never neither.
        if (&agreement.entrusted == holder) == (&agreement.entruster == holder) {
            return err(Refusal::AgreementWrongParty {
                agreement: agreement.id.clone(),
                entrusted: agreement.entrusted.clone(),
                holder: holder.clone(),
            });
        }
        self.agreements.push(agreement.clone());
        Ok(())
    }

    fn agreement_amend(
        &mut self,
        agreement: &Id,
        set: &toml::Table,
        unset: &[String],
    ) -> Result<(), Refusal> {
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
            return err(Refusal::NoChange {
                op: OpKind::AgreementAmend,
                subject: agreement.to_string(),
            });
        }
        *a = new;
        Ok(())
    }

    fn agreement_end(&mut self, agreement: &Id, term_end: Date) -> Result<(), Refusal> {
        let a = self.agreement_mut(agreement)?;
        if term_end < a.term_start {
            return err(Refusal::AgreementEndsBeforeStart {
                agreement: agreement.clone(),
                term_end,
                term_start: a.term_start,
            });
        }
        if a.term_end.is_some_and(|e| e < term_end) {
            return err(Refusal::AgreementEnded {
                agreement: agreement.clone(),
            });
        }
        a.term_end = Some(term_end);
        Ok(())
    }

    fn agreement_mut(&mut self, id: &Id) -> Result<&mut Agreement, Refusal> {
        self.agreements
            .iter_mut()
            .find(|a| &a.id == id)
            .ok_or_else(|| Refusal::NoSuchAgreement {
                agreement: id.clone(),
            })
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
            if let Err(reason) = self.apply_op(holder, entry.date, op) {
                self.items = items;
                self.agreements = agreements;
                self.index = Arc::default();
                return Err(OpError { index, reason });
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

fn sub_in_force<'a>(item: &'a mut Item, code: &Code) -> Result<&'a mut SubItem, Refusal> {
    let item_code = item.code.clone();
    match item.sub.iter_mut().find(|s| &s.code == code) {
        Some(s) if s.status.is_ended() => err(Refusal::SubEnded { code: code.clone() }),
        Some(s) => Ok(s),
        None => err(Refusal::NoSuchSub {
            item: item_code,
            code: code.clone(),
        }),
    }
}
