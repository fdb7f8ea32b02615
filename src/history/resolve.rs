//! Where codes went: resolution of a code through recodes, merges and
//! splits to the codes in force, and the versions of one item.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::history::{History, Snapshot, State};
use crate::model::{Code, Date, Decision, Id, Item, Op, OpKind, Status, Version};

impl History {
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
                    || i.sub.iter().any(|s| {
                        s.code.as_str() == code || s.former_codes.iter().any(|c| c.as_str() == code)
                    })
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
        let Some(start) = self.id_of_at(code, upto) else {
            return Self::sub_item(state, code);
        };
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

    /// A sub-item's code resolves to itself (or, after a recode that carried
    /// it, to its new code) while it and its item are in force, and to
    /// nothing (with its status) once it ended; sub-item codes are never
    /// given to another unit.
    fn sub_item(state: &State, code: &str) -> Option<Resolution> {
        let (item, sub) = state.items.iter().find_map(|i| {
            i.sub
                .iter()
                .find(|s| {
                    s.code.as_str() == code || s.former_codes.iter().any(|c| c.as_str() == code)
                })
                .map(|s| (i, s))
        })?;
        let status = if item.status.is_ended() {
            item.status
        } else {
            sub.status
        };
        let in_force = !status.is_ended();
        Some(Resolution {
            code: code.to_owned(),
            outcomes: vec![Outcome {
                code: in_force.then(|| sub.code.to_string()),
                item: Some(item.id.clone()),
                status,
                path: Vec::new(),
            }],
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
        {
            // One step per recode, each with its own version and documents
            // (codes are never reused, so a code names this item's recode).
            let mut current = from_code.to_owned();
            for v in &self.versions[..=upto] {
                for op in &v.entry.op {
                    let (code, to) = match op {
                        Op::Recode { code, to, .. }
                        | Op::Reclassify {
                            code, to: Some(to), ..
                        } => (code, to),
                        _ => continue,
                    };
                    if code.as_str() == current {
                        path.push(Step::of(
                            v,
                            op.kind(),
                            current.clone(),
                            vec![to.to_string()],
                        ));
                        current = to.to_string();
                    }
                }
            }
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
