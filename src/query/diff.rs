//! Differences between two states of a list: items added, ended and changed
//! element by element, agreements, count deltas, the change-log entries and
//! documents that account for each change, and the semver bump required.
//!
//! Items are matched by their stable id, so a recode or a rename is a change
//! of one item, not a deletion and an addition.

use std::collections::HashMap;

use serde::Serialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use crate::history::{History, Point, Side, Snapshot, view};
use crate::model::{Bump, OpKind};
use crate::model::{Category, Item, Source, Status};
use crate::model::{Date, Id, Version};
use crate::model::{List, Registry};
use crate::query::stats::{Count, Stats};

/// How an item is named in a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ItemRef {
    /// Stable id.
    pub id: Id,
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// Category.
    pub category: Category,
}

impl ItemRef {
    fn of(item: &Item) -> Self {
        Self {
            id: item.id.clone(),
            code: item.code.to_string(),
            name: item.name.clone(),
            category: item.category,
        }
    }
}

/// A change of one element, at a key path such as `name`,
/// `implementation.promised_days` or `sub[XK-001-02].implementation.handling`
/// (sub-items by code, agreement items by item id, other arrays by index).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct FieldChange {
    /// The key path.
    pub path: String,
    /// The value before (`None`: absent).
    pub before: Option<serde_json::Value>,
    /// The value after (`None`: absent).
    pub after: Option<serde_json::Value>,
}

/// What happened to a record between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Only on the `to` side.
    Added,
    /// Only on the `from` side.
    Removed,
    /// On both sides, with different elements.
    Changed,
}

/// How an item ended between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Ending {
    /// The status it ended with (`cancelled`, `merged`, `split`, …).
    pub how: Status,
    /// The first day it was no longer in force.
    pub date: Option<Date>,
    /// The codes that took it over (merge, split), on the `to` side.
    pub successors: Vec<String>,
}

/// A change-log entry that accounts for a change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Accounting {
    /// The version the entry made.
    pub version: Version,
    /// Its date.
    pub date: Date,
    /// Its operations that concern the record.
    pub ops: Vec<String>,
    /// The numbers of its deciding documents.
    pub documents: Vec<String>,
}

/// One item's change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ItemChange {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The item on the `from` side.
    pub before: Option<ItemRef>,
    /// The item on the `to` side.
    pub after: Option<ItemRef>,
    /// When the item ended between the sides (status from in force or
    /// suspended to an ended one).
    pub ended: Option<Ending>,
    /// When an ended item came back in force (the mirror of an ending).
    pub restored: bool,
    /// The element changes (for `changed`).
    pub fields: Vec<FieldChange>,
    /// The whole record (for `added`: the new one; for `removed`: the old one).
    pub record: Option<serde_json::Value>,
    /// The change-log entries that account for the change (empty when none
    /// does: a change on disk that no entry records).
    pub accounted_by: Vec<Accounting>,
}

/// One agreement's change.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct AgreementChange {
    /// Added, removed or changed.
    pub kind: ChangeKind,
    /// The agreement's id.
    pub id: Id,
    /// Its title (on the `to` side when it exists there).
    pub title: String,
    /// The element changes.
    pub fields: Vec<FieldChange>,
    /// The whole record (for `added` and `removed`).
    pub record: Option<serde_json::Value>,
    /// The entries that account for the change.
    pub accounted_by: Vec<Accounting>,
}

/// Counts of one category on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct CountDelta {
    /// The category.
    pub category: Category,
    /// On the `from` side.
    pub before: Count,
    /// On the `to` side.
    pub after: Count,
}

/// Items of one source and grantor on both sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SourceDelta {
    /// The source.
    pub source: Source,
    /// The grantor.
    pub grantor: Option<Id>,
    /// The grantor's name.
    pub grantor_name: Option<String>,
    /// Items on the `from` side.
    pub before: usize,
    /// Items on the `to` side.
    pub after: usize,
}

/// The bump the changes require against the one the versions declare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct BumpCheck {
    /// Required by the changes (none when nothing changed).
    pub required: Option<Bump>,
    /// Declared by the versions (none when they are equal or decrease).
    pub declared: Option<Bump>,
    /// Whether the declared bump covers the required one.
    pub sufficient: bool,
}

/// A change-log entry between the two sides.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct EntrySummary {
    /// The version it made.
    pub version: Version,
    /// Its date.
    pub date: Date,
    /// Why.
    pub reason: Option<String>,
    /// Its deciding documents (number and title).
    pub documents: Vec<(String, String)>,
}

/// Everything that changed between two states of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct ChangeSet {
    /// The list's holder.
    pub authority: Id,
    /// Its name.
    pub authority_name: String,
    /// The `from` side.
    pub from: Side,
    /// The `to` side.
    pub to: Side,
    /// The count sentence of the `from` side, in the official phrasing.
    pub sentence_before: String,
    /// The count sentence of the `to` side.
    pub sentence_after: String,
    /// Item changes, by code on the `to` side (then the `from` side).
    pub items: Vec<ItemChange>,
    /// Agreement changes, by id.
    pub agreements: Vec<AgreementChange>,
    /// Counts per category, every category listed.
    pub counts: Vec<CountDelta>,
    /// Items per source and grantor.
    pub sources: Vec<SourceDelta>,
    /// The change-log entries between the sides, oldest first.
    pub entries: Vec<EntrySummary>,
    /// The bump required against the one declared.
    pub bump: BumpCheck,
}

impl ChangeSet {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.agreements.is_empty()
    }

    /// Changes that no change-log entry accounts for.
    pub fn unaccounted(&self) -> usize {
        self.items
            .iter()
            .filter(|c| c.accounted_by.is_empty())
            .count()
            + self
                .agreements
                .iter()
                .filter(|c| c.accounted_by.is_empty())
                .count()
    }
}

/// A record as a JSON value (records are plain data: they always convert).
fn as_table<T: Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or_else(|_| serde_json::Value::Object(serde_json::Map::new()))
}

/// The key by which the elements of an array are matched: sub-items by code,
/// agreement items by item id; other arrays by position.
fn array_key(name: &str) -> Option<&'static str> {
    match name {
        "sub" => Some("code"),
        "items" => Some("item"),
        _ => None,
    }
}

fn is_table_array(v: &serde_json::Value) -> bool {
    matches!(v, serde_json::Value::Array(a) if !a.is_empty() && a.iter().all(serde_json::Value::is_object))
}

/// Element-by-element differences between two values, appended to `out`.
pub(crate) fn diff_values(
    path: &str,
    name: &str,
    a: Option<&serde_json::Value>,
    b: Option<&serde_json::Value>,
    out: &mut Vec<FieldChange>,
) {
    use serde_json::Value;
    if a == b {
        return;
    }
    let join = |k: &str| {
        if path.is_empty() {
            k.to_owned()
        } else {
            format!("{path}.{k}")
        }
    };
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) => {
            for (k, v) in x {
                diff_values(&join(k), k, Some(v), y.get(k), out);
            }
            for (k, v) in y {
                if !x.contains_key(k) {
                    diff_values(&join(k), k, None, Some(v), out);
                }
            }
        }
        (Some(av @ Value::Array(x)), Some(bv @ Value::Array(y)))
            if is_table_array(av) || is_table_array(bv) =>
        {
            match array_key(name) {
                Some(key) => {
                    let id =
                        |v: &Value| v.get(key).and_then(Value::as_str).unwrap_or("").to_owned();
                    for e in x {
                        let k = id(e);
                        let other = y.iter().find(|f| id(f) == k);
                        diff_values(&format!("{path}[{k}]"), "", Some(e), other, out);
                    }
                    for f in y {
                        let k = id(f);
                        if !x.iter().any(|e| id(e) == k) {
                            diff_values(&format!("{path}[{k}]"), "", None, Some(f), out);
                        }
                    }
                }
                None => {
                    for i in 0..x.len().max(y.len()) {
                        diff_values(&format!("{path}[{i}]"), "", x.get(i), y.get(i), out);
                    }
                }
            }
        }
        _ => out.push(FieldChange {
            path: path.to_owned(),
            before: a.cloned(),
            after: b.cloned(),
        }),
    }
}

/// A step of a key path.
enum Seg {
    Key(String),
    Keyed(String, String),
    Index(String, usize),
}

fn parse_path(path: &str) -> Vec<Seg> {
    let mut out = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        let end = rest.find(['.', '[']).unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        if let Some(r) = rest.strip_prefix('[') {
            let close = r.find(']').unwrap_or(r.len());
            let inner = &r[..close];
            rest = r.get(close + 1..).unwrap_or("");
            match (array_key(&name), inner.parse::<usize>()) {
                (Some(_), _) | (None, Err(_)) => out.push(Seg::Keyed(name, inner.to_owned())),
                (None, Ok(i)) => out.push(Seg::Index(name, i)),
            }
        } else {
            out.push(Seg::Key(name));
        }
        rest = rest.strip_prefix('.').unwrap_or(rest);
    }
    out
}

/// Sets (or removes, with `None`) the value at `path` in `root`.
fn set_path(root: &mut serde_json::Value, path: &str, value: Option<&serde_json::Value>) {
    use serde_json::Value;
    let segs = parse_path(path);
    let mut cur = root;
    for (n, seg) in segs.iter().enumerate() {
        let last = n + 1 == segs.len();
        let Some(table) = cur.as_object_mut() else {
            return;
        };
        match seg {
            Seg::Key(k) => {
                if last {
                    match value {
                        Some(v) => {
                            table.insert(k.clone(), v.clone());
                        }
                        None => {
                            table.remove(k);
                        }
                    }
                    return;
                }
                cur = table
                    .entry(k.clone())
                    .or_insert_with(|| Value::Object(serde_json::Map::new()));
            }
            Seg::Keyed(name, id) => {
                let field = array_key(name).unwrap_or("code");
                if last {
                    let empty = {
                        let arr = table
                            .entry(name.clone())
                            .or_insert_with(|| Value::Array(Vec::new()));
                        let Some(arr) = arr.as_array_mut() else {
                            return;
                        };
                        let pos = arr.iter().position(|e| {
                            e.get(field).and_then(Value::as_str) == Some(id.as_str())
                        });
                        // A unit a recode carried to a new code takes the
                        // place of its old code, as the recode left it (and
                        // back again, in the mirror image).
                        let carried = |from: &Value, to: &Value| {
                            from.get("former_codes")
                                .and_then(Value::as_array)
                                .zip(to.get(field))
                                .is_some_and(|(former, key)| former.contains(key))
                        };
                        let pos = pos.or_else(|| {
                            let v = value?;
                            arr.iter().position(|e| carried(v, e) || carried(e, v))
                        });
                        match (pos, value) {
                            (Some(p), Some(v)) => arr[p] = v.clone(),
                            (None, Some(v)) => arr.push(v.clone()),
                            (Some(p), None) => {
                                arr.remove(p);
                            }
                            (None, None) => {}
                        }
                        arr.is_empty()
                    };
                    if empty {
                        table.remove(name);
                    }
                    return;
                }
                let Some(arr) = table.get_mut(name).and_then(Value::as_array_mut) else {
                    return;
                };
                let Some(p) = arr
                    .iter()
                    .position(|e| e.get(field).and_then(Value::as_str) == Some(id.as_str()))
                else {
                    return;
                };
                cur = &mut arr[p];
            }
            Seg::Index(name, i) => {
                if last {
                    let empty = {
                        let arr = table
                            .entry(name.clone())
                            .or_insert_with(|| Value::Array(Vec::new()));
                        let Some(arr) = arr.as_array_mut() else {
                            return;
                        };
                        match value {
                            Some(v) if *i < arr.len() => arr[*i] = v.clone(),
                            Some(v) => arr.push(v.clone()),
                            None if *i < arr.len() => {
                                arr.truncate(*i);
                            }
                            None => {}
                        }
                        arr.is_empty()
                    };
                    if empty {
                        table.remove(name);
                    }
                    return;
                }
                let Some(e) = table
                    .get_mut(name)
                    .and_then(Value::as_array_mut)
                    .and_then(|a| a.get_mut(*i))
                else {
                    return;
                };
                cur = e;
            }
        }
    }
}

/// The entries after snapshot `from` up to snapshot `to` (indexes into the
/// history; `None` for `from` means before the first, for `to` the head).
fn range(h: &History, from: Option<usize>, to: Option<usize>) -> &[Snapshot] {
    let start = from.map_or(0, |n| n + 1);
    let end = to.map_or(h.versions.len(), |n| n + 1);
    if start >= end {
        &[]
    } else {
        &h.versions[start..end]
    }
}
/// The entries between the sides (after `from`, up to `to`, or up to the
/// head for the files side) that change the record `find` picks out of a
/// state, with their operations that `concerns` the record.
fn accounting<R: PartialEq>(
    h: Option<&History>,
    (from, to, files_side): (Option<usize>, Option<usize>, bool),
    find: impl Fn(&crate::history::State) -> Option<R>,
    concerns: impl Fn(&crate::model::Op, Option<&R>) -> bool,
) -> Vec<Accounting> {
    let Some(h) = h else { return Vec::new() };
    let start = from.map_or(0, |n| n + 1);
    let slice = range(h, from, if files_side { None } else { to });
    let mut out = Vec::new();
    for (k, s) in slice.iter().enumerate() {
        let before = (start + k)
            .checked_sub(1)
            .and_then(|p| find(&h.versions[p].state));
        let now = find(&s.state);
        if before != now {
            out.push(Accounting {
                version: s.entry.version.clone(),
                date: s.entry.date,
                ops: s
                    .entry
                    .op
                    .iter()
                    .filter(|op| concerns(op, before.as_ref().or(now.as_ref())))
                    .map(|op| op.kind().id().to_owned())
                    .collect(),
                documents: s
                    .entry
                    .decided_by
                    .iter()
                    .map(|d| d.number.to_string())
                    .collect(),
            });
        }
    }
    out
}

/// The bump one item change requires.
fn item_bump(c: &ItemChange) -> Bump {
    match c.kind {
        ChangeKind::Added => Bump::Minor,
        ChangeKind::Removed => Bump::Major,
        ChangeKind::Changed => {
            let breaking = c.ended.is_some()
                || c.fields.iter().any(|f| {
                    f.path == "code"
                        || f.path == "category"
                        || (f.path == "status"
                            && f.after.as_ref().and_then(serde_json::Value::as_str)
                                == Some("suspended"))
                        || (f.path.starts_with("sub[")
                            && f.path.ends_with(".status")
                            && f.after.as_ref().and_then(serde_json::Value::as_str)
                                != Some("in-force"))
                        || (f.path.starts_with("sub[")
                            && !f.path.contains('.')
                            && f.after.is_none())
                });
            let adding = c.restored
                || c.fields.iter().any(|f| {
                    (f.path.starts_with("sub[") && !f.path.contains('.') && f.before.is_none())
                        || (f.path == "status"
                            && f.after.as_ref().and_then(serde_json::Value::as_str)
                                == Some("in-force"))
                });
            if breaking {
                Bump::Major
            } else if adding {
                Bump::Minor
            } else {
                Bump::Patch
            }
        }
    }
}

impl ChangeSet {
    /// Compares `list` of `registry` between two points.
    ///
    /// # Errors
    /// When a point does not exist (a version the log lacks, a date before
    /// the first version) or the log does not replay.
    pub fn between(
        registry: &Registry,
        list: &List,
        from: &Point,
        to: &Point,
    ) -> Result<Self, crate::history::Error> {
        let history = list.history_if_any()?;
        let (a, side_a, ia) = view(list, history.as_ref(), from)?;
        let (b, side_b, ib) = view(list, history.as_ref(), to)?;
        let files_side = *to == Point::Files;
        let mut cs = Self::compare(registry, &a, side_a, &b, side_b);
        for c in &mut cs.items {
            let id = c.after.as_ref().or(c.before.as_ref()).map(|r| r.id.clone());
            if let Some(id) = id {
                c.accounted_by = accounting(
                    history.as_ref(),
                    (ia, ib, files_side),
                    |st| st.item(&id).cloned(),
                    |op, item| crate::history::op_concerns(op, &id, item),
                );
            }
        }
        for c in &mut cs.agreements {
            let id = c.id.clone();
            c.accounted_by = accounting(
                history.as_ref(),
                (ia, ib, files_side),
                |st| st.agreements.iter().find(|a| a.id == id).cloned(),
                |op, _| {
                    matches!(
                        op.kind(),
                        OpKind::AgreementSign | OpKind::AgreementAmend | OpKind::AgreementEnd
                    )
                },
            );
        }
        // Changes of the files beyond the head are not accounted for, even
        // when an entry touched the same record earlier.
        if files_side && let Some(h) = &history {
            let head = h.head().map(|s| &s.state);
            for c in &mut cs.items {
                let id = c.after.as_ref().or(c.before.as_ref()).map(|r| r.id.clone());
                let in_head = id.as_ref().and_then(|i| head.and_then(|s| s.item(i)));
                let in_files = id.as_ref().and_then(|i| list.item(i));
                if in_head != in_files {
                    c.accounted_by.clear();
                }
            }
        }
        if let Some(h) = &history {
            cs.entries = range(h, ia, if files_side { None } else { ib })
                .iter()
                .map(|s| EntrySummary {
                    version: s.entry.version.clone(),
                    date: s.entry.date,
                    reason: s.entry.reason.clone(),
                    documents: s
                        .entry
                        .decided_by
                        .iter()
                        .map(|d| (d.number.to_string(), d.title.clone()))
                        .collect(),
                })
                .collect();
        }
        Ok(cs)
    }

    /// Compares two lists (two versions of one list, or any two lists whose
    /// items share ids) and counts them on their sides' dates. Accounting and
    /// entries are left empty.
    pub fn compare(registry: &Registry, a: &List, side_a: Side, b: &List, side_b: Side) -> Self {
        let stats_a = Stats::compute(registry, a, side_a.date);
        let stats_b = Stats::compute(registry, b, side_b.date);
        let items = item_changes(a, b);
        let agreements = agreement_changes(a, b);
        let counts = Category::ALL
            .iter()
            .map(|c| CountDelta {
                category: *c,
                before: stats_a.categories.get(c.id()).copied().unwrap_or_default(),
                after: stats_b.categories.get(c.id()).copied().unwrap_or_default(),
            })
            .collect();
        let sources = source_deltas(&stats_a, &stats_b);
        let (required, declared, sufficient) = bump_of(&items, &agreements, &side_a, &side_b);
        Self {
            authority: b.authority.clone(),
            authority_name: registry.authority_name(&b.authority).to_owned(),
            sentence_before: stats_a.sentence_zh(),
            sentence_after: stats_b.sentence_zh(),
            from: side_a,
            to: side_b,
            items,
            agreements,
            counts,
            sources,
            entries: Vec::new(),
            bump: BumpCheck {
                required,
                declared,
                sufficient,
            },
        }
    }

    /// Applies the change set to `list` (its `from` side) and returns the
    /// `to` side's items and agreements.
    ///
    /// # Errors
    /// When a changed record no longer reads as an item or agreement.
    pub fn apply_to(&self, list: &List) -> Result<(Vec<Item>, Vec<crate::Agreement>), ApplyError> {
        let mut items: Vec<Item> = list.items.clone();
        for c in &self.items {
            match c.kind {
                ChangeKind::Added => {
                    let rec = c
                        .record
                        .clone()
                        .ok_or_else(|| ApplyError::new("an added item", "it has no record"))?;
                    items.push(
                        serde_json::from_value(rec)
                            .map_err(|e| ApplyError::new("an added item", &e.to_string()))?,
                    );
                }
                ChangeKind::Removed => {
                    let id = c.before.as_ref().map(|r| &r.id);
                    items.retain(|i| Some(&i.id) != id);
                }
                ChangeKind::Changed => {
                    let Some(id) = c.before.as_ref().map(|r| &r.id) else {
                        continue;
                    };
                    let Some(pos) = items.iter().position(|i| &i.id == id) else {
                        continue;
                    };
                    let mut v = as_table(&items[pos]);
                    // Whole elements added before those removed, so that a
                    // unit carried to a new code replaces its old one in place.
                    let mut fields: Vec<_> = c.fields.iter().collect();
                    fields.sort_by_key(|f| f.after.is_none() && f.before.is_some());
                    for f in fields {
                        set_path(&mut v, &f.path, f.after.as_ref());
                    }
                    items[pos] = serde_json::from_value(v).map_err(|e| {
                        ApplyError::new(
                            c.before.as_ref().map_or("", |r| r.code.as_str()),
                            &e.to_string(),
                        )
                    })?;
                }
            }
        }
        items.sort_by(Item::published_order);
        let mut agreements = list.agreements.clone();
        for c in &self.agreements {
            match c.kind {
                ChangeKind::Added => {
                    let rec = c
                        .record
                        .clone()
                        .ok_or_else(|| ApplyError::new("an added agreement", "it has no record"))?;
                    agreements.push(
                        serde_json::from_value(rec)
                            .map_err(|e| ApplyError::new("an added agreement", &e.to_string()))?,
                    );
                }
                ChangeKind::Removed => agreements.retain(|a| a.id != c.id),
                ChangeKind::Changed => {
                    let Some(pos) = agreements.iter().position(|a| a.id == c.id) else {
                        continue;
                    };
                    let mut v = as_table(&agreements[pos]);
                    for f in &c.fields {
                        set_path(&mut v, &f.path, f.after.as_ref());
                    }
                    agreements[pos] = serde_json::from_value(v)
                        .map_err(|e| ApplyError::new(c.id.as_str(), &e.to_string()))?;
                }
            }
        }
        agreements.sort_by(|x, y| x.id.cmp(&y.id));
        Ok((items, agreements))
    }
}

/// The item changes from `a` to `b`, by category and code.
fn item_changes(a: &List, b: &List) -> Vec<ItemChange> {
    let items_a: HashMap<&Id, &Item> = a.items.iter().map(|i| (&i.id, i)).collect();
    let items_b: HashMap<&Id, &Item> = b.items.iter().map(|i| (&i.id, i)).collect();
    let code_of = |id: &Id| items_b.get(id).map(|i| i.code.to_string());
    let mut items = Vec::new();
    for item in &b.items {
        match items_a.get(&item.id) {
            None => items.push(ItemChange {
                kind: ChangeKind::Added,
                before: None,
                after: Some(ItemRef::of(item)),
                ended: None,
                restored: false,
                fields: Vec::new(),
                record: Some(as_table(item)),
                accounted_by: Vec::new(),
            }),
            Some(old) if *old != item => {
                let mut fields = Vec::new();
                diff_values(
                    "",
                    "",
                    Some(&as_table(*old)),
                    Some(&as_table(item)),
                    &mut fields,
                );
                let ended = (!old.status.is_ended() && item.status.is_ended()).then(|| Ending {
                    how: item.status,
                    date: item.ended,
                    successors: item.successors.iter().filter_map(code_of).collect(),
                });
                let restored = old.status.is_ended() && !item.status.is_ended();
                items.push(ItemChange {
                    kind: ChangeKind::Changed,
                    before: Some(ItemRef::of(old)),
                    after: Some(ItemRef::of(item)),
                    ended,
                    restored,
                    fields,
                    record: None,
                    accounted_by: Vec::new(),
                });
            }
            Some(_) => {}
        }
    }
    for item in &a.items {
        if !items_b.contains_key(&item.id) {
            items.push(ItemChange {
                kind: ChangeKind::Removed,
                before: Some(ItemRef::of(item)),
                after: None,
                ended: None,
                restored: false,
                fields: Vec::new(),
                record: Some(as_table(item)),
                accounted_by: Vec::new(),
            });
        }
    }
    let key = |c: &ItemChange| {
        let r = c.after.as_ref().or(c.before.as_ref());
        r.map(|r| (r.category, r.code.clone()))
            .unwrap_or((Category::Other, String::new()))
    };
    items.sort_by_key(key);
    items
}

/// The agreement changes from `a` to `b`, by id.
fn agreement_changes(a: &List, b: &List) -> Vec<AgreementChange> {
    let mut agreements = Vec::new();
    for ag in &b.agreements {
        match a.agreements.iter().find(|x| x.id == ag.id) {
            None => agreements.push(AgreementChange {
                kind: ChangeKind::Added,
                id: ag.id.clone(),
                title: ag.title.clone(),
                fields: Vec::new(),
                record: Some(as_table(ag)),
                accounted_by: Vec::new(),
            }),
            Some(old) if old != ag => {
                let mut fields = Vec::new();
                diff_values(
                    "",
                    "",
                    Some(&as_table(old)),
                    Some(&as_table(ag)),
                    &mut fields,
                );
                agreements.push(AgreementChange {
                    kind: ChangeKind::Changed,
                    id: ag.id.clone(),
                    title: ag.title.clone(),
                    fields,
                    record: None,
                    accounted_by: Vec::new(),
                });
            }
            Some(_) => {}
        }
    }
    for ag in &a.agreements {
        if !b.agreements.iter().any(|x| x.id == ag.id) {
            agreements.push(AgreementChange {
                kind: ChangeKind::Removed,
                id: ag.id.clone(),
                title: ag.title.clone(),
                fields: Vec::new(),
                record: Some(as_table(ag)),
                accounted_by: Vec::new(),
            });
        }
    }
    agreements.sort_by(|x, y| x.id.cmp(&y.id));
    agreements
}

/// Items per source and grantor on both sides.
fn source_deltas(stats_a: &Stats, stats_b: &Stats) -> Vec<SourceDelta> {
    let mut sources: Vec<SourceDelta> = Vec::new();
    for (side, st) in [(0, &stats_a), (1, &stats_b)] {
        for s in &st.sources {
            let pos = sources
                .iter()
                .position(|x| x.source == s.source && x.grantor == s.grantor);
            let entry = match pos {
                Some(p) => &mut sources[p],
                None => {
                    sources.push(SourceDelta {
                        source: s.source,
                        grantor: s.grantor.clone(),
                        grantor_name: s.grantor_name.clone(),
                        before: 0,
                        after: 0,
                    });
                    let last = sources.len() - 1;
                    &mut sources[last]
                }
            };
            if side == 0 {
                entry.before = s.items;
            } else {
                entry.after = s.items;
            }
        }
    }
    sources.sort_by(|x, y| (x.source, &x.grantor).cmp(&(y.source, &y.grantor)));
    sources
}

/// The bump the changes require, the one the versions declare, and whether
/// the second covers the first.
fn bump_of(
    items: &[ItemChange],
    agreements: &[AgreementChange],
    side_a: &Side,
    side_b: &Side,
) -> (Option<Bump>, Option<Bump>, bool) {
    let required = items
        .iter()
        .map(item_bump)
        .chain(agreements.iter().map(|c| match c.kind {
            ChangeKind::Added => Bump::Minor,
            _ => Bump::Patch,
        }))
        .max();
    let declared = Bump::between(&side_a.version, &side_b.version);
    let sufficient = match (required, declared) {
        (None, _) => true,
        (Some(r), Some(d)) => d >= r,
        (Some(_), None) => false,
    };
    (required, declared, sufficient)
}

/// Why a change set does not apply to a list: a changed record no longer
/// reads as an item or agreement.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{record}: {message}")]
#[non_exhaustive]
pub struct ApplyError {
    /// The record (a code, an agreement id, or what kind of record).
    pub record: String,
    /// Why it does not read.
    pub message: String,
}

impl ApplyError {
    fn new(record: &str, message: &str) -> Self {
        Self {
            record: record.to_owned(),
            message: message.trim().to_owned(),
        }
    }
}
