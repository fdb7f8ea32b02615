//! Upstream changes and what they leave on the lists below: the impact of
//! a law on every list, the pending effects of law events and parent
//! adjustments with their working-day deadlines, and the alignment of the
//! lists that derive from one parent.

use std::collections::HashMap;

use serde::Serialize;

use crate::history::History;
use crate::model::{
    BasisRole, Code, Date, Decision, Deviation, Id, Item, Law, LawEvent, List, Op, ParentKind,
    Registry, Version,
};

/// The source of the laws log's events: `laws@<version>`; a parent list's
/// are `<list>@<version>`.
pub const LAWS: &str = crate::model::LAWS_SOURCE;

/// Why an upstream query cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UpstreamError {
    /// No law has this id, number or title.
    #[error("no law in laws/laws.toml has the id, document number or title {0:?}")]
    UnknownLaw(String),
    /// Several laws answer to the reference.
    #[error("{reference:?} names {} laws ({}): give the law's id", .laws.len(), .laws.join(", "))]
    AmbiguousLaw {
        /// The reference.
        reference: String,
        /// The ids of the laws it names.
        laws: Vec<String>,
    },
    /// No list has this id.
    #[error("no list `{0}` in the registry")]
    UnknownList(String),
    /// A list's change log does not replay.
    #[error("the change log of `{list}` does not replay: {reason}")]
    Replay {
        /// The list.
        list: Id,
        /// Why.
        reason: String,
    },
}

fn history_of(list: &List) -> Result<Option<History>, UpstreamError> {
    list.history_if_any().map_err(|e| UpstreamError::Replay {
        list: list.authority.clone(),
        reason: e.to_string(),
    })
}

/// A list's items as they stood on the dates asked about: the files on or
/// after the last entry's date (they are the head, for a list whose
/// history verifies), else from the change log, replayed once (nothing
/// before its first entry).
struct Views<'l> {
    list: &'l List,
    history: Option<History>,
}

impl<'l> Views<'l> {
    fn new(list: &'l List, dates: impl IntoIterator<Item = Date>) -> Result<Self, UpstreamError> {
        let last = list.log.last().map(|e| e.entry.date);
        let history = if dates.into_iter().any(|d| last.is_some_and(|l| d < l)) {
            history_of(list)?
        } else {
            None
        };
        Ok(Self { list, history })
    }

    fn items(&self, date: Date) -> Vec<&Item> {
        let last = self.list.log.last().map(|e| e.entry.date);
        match &self.history {
            Some(h) if last.is_some_and(|l| date < l) => h
                .as_of(date)
                .map(|s| s.state.items.iter().map(|i| &**i).collect())
                .unwrap_or_default(),
            _ => self.list.items.iter().collect(),
        }
    }
}

/// Whether an item is held on `date`: in force or suspended (a suspended
/// power comes back, and must answer what changed meanwhile).
fn live_on(i: &Item, date: Date) -> bool {
    matches!(
        i.status,
        crate::model::Status::InForce | crate::model::Status::Suspended
    ) && i.effective <= date
        && i.ended.is_none_or(|e| date < e)
}

/// What happened upstream to one law or one parent item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// `amend` or `repeal` for a law; the operation's kind for a parent item.
    pub kind: String,
    /// The Chinese name of the change.
    pub zh: String,
    /// The law's id, or the parent item's code before the change.
    pub subject: String,
    /// The law's title, or the parent item's name.
    pub title: String,
    /// The day it takes effect.
    pub effective: Date,
}

/// An upstream event: one entry of the laws log or of a parent list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct UpstreamEvent {
    /// `laws@<version>` or `<parent list>@<version>`.
    pub id: String,
    /// `laws`, or the parent list's id.
    pub source: String,
    /// The entry's version.
    pub version: Version,
    /// The entry's date, from which the deadline counts.
    pub date: Date,
    /// The deciding documents.
    pub decided_by: Vec<Decision>,
    /// What it changed.
    pub changes: Vec<Change>,
}

/// Whether an effect has been answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum EffectStatus {
    /// Not answered; the deadline has not passed.
    Open,
    /// Not answered; the deadline has passed.
    Overdue,
    /// Answered by an adjustment of the list.
    Resolved,
}

impl EffectStatus {
    /// The id (`open`, `overdue`, `resolved`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Overdue => "overdue",
            Self::Resolved => "resolved",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Open => "待调整",
            Self::Overdue => "已逾期",
            Self::Resolved => "已调整",
        }
    }
}

/// What an upstream change leaves on one dependent item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Effect {
    /// The upstream event.
    pub event: String,
    /// The dependent list.
    pub list: Id,
    /// The dependent item's code then.
    pub code: Code,
    /// Its name then.
    pub name: String,
    /// How it depends: `basis` (it cites the law) or `parent` (it claims the item).
    pub via: &'static str,
    /// What happened upstream.
    pub change: Change,
    /// The upstream entry's date.
    pub upstream_date: Date,
    /// The last day to answer: the list's deadline in working days after
    /// the upstream date.
    pub deadline: Date,
    /// Years the deadline runs through that calendar.toml lacks (counted
    /// as weekdays only).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub calendar_missing: Vec<i16>,
    /// Open, overdue or resolved.
    pub status: EffectStatus,
    /// The list's entry that answered it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_by: Option<Version>,
    /// That entry's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resolved_on: Option<Date>,
}

/// The upstream events up to `as_of`: every laws-log entry that amends or
/// repeals, and every entry of a list some list declares a parent that
/// changes an existing item.
pub fn events(reg: &Registry, as_of: Date) -> Vec<UpstreamEvent> {
    let mut out = Vec::new();
    for e in &reg.laws.log {
        if e.entry.date > as_of {
            continue;
        }
        let mut changes = Vec::new();
        for event in &e.entry.event {
            if matches!(event, LawEvent::Enact { .. }) {
                continue;
            }
            let title = reg
                .laws
                .get(event.law().as_str())
                .map_or_else(|| event.law().to_string(), |l| l.title.clone());
            changes.push(Change {
                kind: event.kind().to_owned(),
                zh: event.zh().to_owned(),
                subject: event.law().to_string(),
                title,
                effective: event.effective(e.entry.date),
            });
        }
        if !changes.is_empty() {
            out.push(UpstreamEvent {
                id: format!("{LAWS}@{}", e.entry.version),
                source: LAWS.to_owned(),
                version: e.entry.version.clone(),
                date: e.entry.date,
                decided_by: e.entry.decided_by.clone(),
                changes,
            });
        }
    }
    let mut parents: Vec<&Id> = reg
        .lists
        .values()
        .flat_map(|l| l.meta.parent.iter().map(|p| &p.list))
        .collect();
    parents.sort();
    parents.dedup();
    for p in parents {
        let Some(parent) = reg.lists.get(p) else {
            continue;
        };
        let Ok(Some(history)) = parent.history_if_any() else {
            continue;
        };
        for (n, v) in history.versions.iter().enumerate().skip(1) {
            if v.entry.date > as_of {
                continue;
            }
            let before = &history.versions[n - 1].state;
            let changes: Vec<Change> = v
                .entry
                .op
                .iter()
                .flat_map(|op| op_codes(op).into_iter().map(move |c| (op, c)))
                .filter_map(|(op, code)| {
                    let item = before.items.iter().find(|i| i.code == *code)?;
                    Some(Change {
                        kind: op.kind().id().to_owned(),
                        zh: op.kind().zh().to_owned(),
                        subject: code.to_string(),
                        title: item.name.clone(),
                        effective: v.entry.date,
                    })
                })
                .collect();
            if !changes.is_empty() {
                out.push(UpstreamEvent {
                    id: format!("{p}@{}", v.entry.version),
                    source: p.to_string(),
                    version: v.entry.version.clone(),
                    date: v.entry.date,
                    decided_by: v.entry.decided_by.clone(),
                    changes,
                });
            }
        }
    }
    out
}

/// The existing items an operation changes or ends.
fn op_codes(op: &Op) -> Vec<&Code> {
    match op {
        Op::Cancel { code }
        | Op::Modify { code, .. }
        | Op::Split { code, .. }
        | Op::Recode { code, .. }
        | Op::Reclassify { code, .. }
        | Op::DevolveOut { code }
        | Op::Withdraw { code }
        | Op::Suspend { code }
        | Op::SubAdd { code, .. }
        | Op::SubRemove { code, .. }
        | Op::SubModify { code, .. } => vec![code],
        Op::Merge { codes, .. } => codes.iter().collect(),
        _ => Vec::new(),
    }
}

/// The pending effects, open, overdue and resolved, of every upstream
/// event up to `as_of` on the lists of `reg` (or on `only`).
///
/// # Errors
/// [`UpstreamError::Replay`] when a dependent list's log does not replay.
pub fn effects(
    reg: &Registry,
    only: Option<&str>,
    as_of: Date,
) -> Result<Vec<Effect>, UpstreamError> {
    let events = events(reg, as_of);
    let mut out = Vec::new();
    if events.is_empty() {
        return Ok(out);
    }
    let parent_histories: HashMap<&str, History> = events
        .iter()
        .filter(|e| e.source != LAWS)
        .filter_map(|e| {
            let l = reg.list(&e.source)?;
            Some((l.authority.as_str(), l.history_if_any().ok()??))
        })
        .collect();
    for list in reg.lists.values() {
        if only.is_some_and(|o| o != list.authority.as_str()) {
            continue;
        }
        let views = Views::new(list, events.iter().map(|e| e.date))?;
        let mut done: std::collections::HashSet<(String, crate::model::Id)> =
            std::collections::HashSet::new();
        for event in &events {
            let is_parent = event.source != LAWS;
            if is_parent
                && !list
                    .meta
                    .parent
                    .iter()
                    .any(|p| p.list.as_str() == event.source)
            {
                continue;
            }
            let items = views.items(event.date);
            let answer = list.log.iter().find(|e| {
                e.entry.date >= event.date
                    && e.entry.date <= as_of
                    && e.entry.answers.contains(&event.id)
            });
            for change in &event.changes {
                let hits: Vec<&Item> = if is_parent {
                    let ids =
                        parent_ids(parent_histories.get(event.source.as_str()), event, change);
                    items
                        .iter()
                        .copied()
                        .filter(|i| live_on(i, event.date))
                        .filter(|i| {
                            i.parent.as_ref().is_some_and(|p| {
                                p.list.as_str() == event.source && ids.contains(&p.code)
                            })
                        })
                        .collect()
                } else {
                    items
                        .iter()
                        .copied()
                        .filter(|i| live_on(i, event.date))
                        .filter(|i| {
                            i.basis.iter().any(|b| {
                                reg.laws
                                    .cited_by(b)
                                    .is_some_and(|l| l.id.as_str() == change.subject)
                            })
                        })
                        .collect()
                };
                let mut seen = std::collections::HashSet::new();
                for item in hits {
                    // One effect per event and item, however many of the
                    // event's changes or the item's bases concern it.
                    if !seen.insert(&item.id) || !done.insert((event.id.clone(), item.id.clone())) {
                        continue;
                    }
                    let days = list.meta.upstream.deadline();
                    let (deadline, missing) = reg.calendar.add_working_days(event.date, days);
                    let status = match answer {
                        Some(_) => EffectStatus::Resolved,
                        None if as_of > deadline => EffectStatus::Overdue,
                        None => EffectStatus::Open,
                    };
                    out.push(Effect {
                        event: event.id.clone(),
                        list: list.authority.clone(),
                        code: item.code.clone(),
                        name: item.name.clone(),
                        via: if is_parent { "parent" } else { "basis" },
                        change: change.clone(),
                        upstream_date: event.date,
                        deadline,
                        calendar_missing: missing,
                        status,
                        resolved_by: answer.map(|e| e.entry.version.clone()),
                        resolved_on: answer.map(|e| e.entry.date),
                    });
                }
            }
        }
    }
    Ok(out)
}

/// The codes by which a child may claim the parent item a change concerns:
/// its code then, and the codes it had before.
fn parent_ids(history: Option<&History>, event: &UpstreamEvent, change: &Change) -> Vec<Code> {
    let Some(h) = history else {
        return change.subject.parse().into_iter().collect();
    };
    let Some(n) = h
        .versions
        .iter()
        .position(|v| v.entry.version == event.version)
    else {
        return Vec::new();
    };
    let Some(before) = n.checked_sub(1).map(|p| &h.versions[p].state) else {
        return Vec::new();
    };
    before
        .items
        .iter()
        .filter(|i| i.code.as_str() == change.subject)
        .flat_map(|i| std::iter::once(i.code.clone()).chain(i.former_codes.iter().cloned()))
        .collect()
}

/// One item citing a law.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Citation {
    /// The list.
    pub list: Id,
    /// The item's code.
    pub code: Code,
    /// Its name.
    pub name: String,
    /// `setting` or `implementing`.
    pub role: BasisRole,
    /// The articles cited.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Whether the basis names the law by id (`id`) or only by title (`title`).
    pub cited_by: &'static str,
}

/// The impact of one law: every item, in every list, that cites it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Impact {
    /// The law as of the date.
    pub law: Law,
    /// The date.
    pub as_of: Date,
    /// The article asked about, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// The law's latest event on or before the date: `enact`, `amend` or `repeal`.
    pub latest: String,
    /// What it means for the items that cite it.
    pub meaning: String,
    /// The citing items.
    pub items: Vec<Citation>,
    /// Their codes, as `<list>:<code>`.
    pub codes: Vec<String>,
}

/// The items of every list, as they stood on `as_of`, that cite the law
/// named by `reference` (an id, a document number or a title), narrowed to
/// those citing `article` when given.
///
/// # Errors
/// [`UpstreamError::UnknownLaw`], or a list that does not replay.
pub fn impact(
    reg: &Registry,
    reference: &str,
    article: Option<&str>,
    as_of: Date,
) -> Result<Impact, UpstreamError> {
    let law = match reg.laws.find_all(reference).as_slice() {
        [] => return Err(UpstreamError::UnknownLaw(reference.to_owned())),
        [one] => (*one).clone(),
        many => {
            return Err(UpstreamError::AmbiguousLaw {
                reference: reference.to_owned(),
                laws: many.iter().map(|l| l.id.to_string()).collect(),
            });
        }
    };
    // The law as the log had it on the date: no later amendment or repeal
    // leaks into a past date.
    let law = match crate::history::laws_on(&reg.laws, as_of) {
        Some(then) => then.into_iter().find(|l| l.id == law.id).unwrap_or(law),
        None => law,
    };
    let wanted: Option<Vec<u32>> = article.map(|a| {
        crate::model::cited_articles(a)
            .into_iter()
            .map(|(_, n)| n)
            .collect()
    });
    let mut items = Vec::new();
    for list in reg.lists.values() {
        for item in Views::new(list, [as_of])?
            .items(as_of)
            .into_iter()
            .filter(|i| live_on(i, as_of))
        {
            for b in &item.basis {
                if reg.laws.cited_by(b).is_none_or(|l| l.id != law.id) {
                    continue;
                }
                if let Some(w) = &wanted {
                    let cited: Vec<u32> = b
                        .article
                        .as_deref()
                        .map(crate::model::cited_articles)
                        .unwrap_or_default()
                        .into_iter()
                        .map(|(_, n)| n)
                        .collect();
                    if !w.iter().any(|n| cited.contains(n)) {
                        continue;
                    }
                }
                items.push(Citation {
                    list: list.authority.clone(),
                    code: item.code.clone(),
                    name: item.name.clone(),
                    role: b.role,
                    article: b.article.clone(),
                    cited_by: if b.law.is_some() {
                        "id"
                    } else if reg.laws.file.law.iter().any(|l| l.has_title(&b.title)) {
                        "title"
                    } else {
                        "number"
                    },
                });
            }
        }
    }
    let (latest, meaning) = latest_event(&law, as_of);
    let mut codes: Vec<String> = Vec::new();
    for c in &items {
        let code = format!("{}:{}", c.list, c.code);
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(Impact {
        law,
        as_of,
        article: article.map(str::to_owned),
        latest,
        meaning,
        items,
        codes,
    })
}

fn latest_event(law: &Law, as_of: Date) -> (String, String) {
    if law.effective > as_of {
        return (
            "enact".into(),
            format!("{}起施行,在{as_of}尚未施行", law.effective),
        );
    }
    if let Some(r) = &law.repealed {
        if r.effective <= as_of {
            return (
                "repeal".into(),
                format!(
                    "{}起废止({}):引用它的事项失去该项依据,须在期限内调整依据或取消事项",
                    r.effective, r.by
                ),
            );
        }
        return (
            "repeal".into(),
            format!(
                "将于{}起废止({}):引用它的事项须在此前调整依据或取消事项",
                r.effective, r.by
            ),
        );
    }
    if let Some(a) = law.amendment.iter().rev().find(|a| a.date <= as_of) {
        return (
            "amend".into(),
            format!(
                "{}修订({}),{}起施行:须核对所引条款与名称是否仍然一致",
                a.date, a.by, a.effective
            ),
        );
    }
    ("enact".into(), format!("{}起施行,现行有效", law.effective))
}

/// One child item beside its parent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Claim {
    /// The child item's code.
    pub code: Code,
    /// Its name.
    pub name: String,
    /// Where it differs from the parent item.
    pub deviations: Vec<Deviation>,
    /// The deviations it declares.
    pub declared: Vec<Deviation>,
    /// Its legal time limit(s), in days.
    pub legal_days: Vec<u32>,
}

/// One parent item and the child items that claim it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AlignRow {
    /// The parent item's code.
    pub code: Code,
    /// Its name.
    pub name: String,
    /// Its legal time limit(s), in days.
    pub legal_days: Vec<u32>,
    /// Per child list (in [`Alignment::children`] order), the items claiming it.
    pub claims: Vec<Vec<Claim>>,
}

/// Every child list of a parent, side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Alignment {
    /// The parent list.
    pub parent: Id,
    /// What it is to its children (the first child's declaration).
    pub kind: Option<ParentKind>,
    /// The date.
    pub as_of: Date,
    /// The child lists.
    pub children: Vec<Id>,
    /// The parent items in force, in list order.
    pub rows: Vec<AlignRow>,
}

fn legal_days(i: &Item) -> Vec<u32> {
    let mut v: Vec<u32> = i
        .implementation
        .iter()
        .chain(i.sub.iter().filter_map(|s| s.implementation.as_ref()))
        .filter_map(|m| m.legal_days)
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The child lists of `parent` beside it on `as_of`.
///
/// # Errors
/// [`UpstreamError::UnknownList`], or a list that does not replay.
pub fn align(reg: &Registry, parent: &str, as_of: Date) -> Result<Alignment, UpstreamError> {
    let p = reg
        .list(parent)
        .ok_or_else(|| UpstreamError::UnknownList(parent.to_owned()))?;
    let p_views = Views::new(p, [as_of])?;
    let p_items = p_views.items(as_of);
    let children: Vec<&List> = reg
        .lists
        .values()
        .filter(|l| l.meta.parent.iter().any(|x| x.list == p.authority))
        .collect();
    let kind = children.first().and_then(|c| {
        c.meta
            .parent
            .iter()
            .find(|x| x.list == p.authority)
            .map(|x| x.kind)
    });
    let mut views = Vec::new();
    for c in &children {
        views.push(Views::new(c, [as_of])?);
    }
    let child_items: Vec<Vec<&Item>> = views.iter().map(|v| v.items(as_of)).collect();
    let mut rows = Vec::new();
    for item in p_items.iter().filter(|i| i.in_force_on(as_of)) {
        let codes: Vec<&Code> = std::iter::once(&item.code)
            .chain(item.former_codes.iter())
            .collect();
        let claims = child_items
            .iter()
            .map(|items| {
                items
                    .iter()
                    .filter(|i| i.in_force_on(as_of))
                    .filter_map(|i| {
                        let r = i.parent.as_ref()?;
                        (r.list == p.authority && codes.contains(&&r.code)).then(|| Claim {
                            code: i.code.clone(),
                            name: i.name.clone(),
                            deviations: crate::lint::deviations(i, item, &reg.laws),
                            declared: r.deviates.clone(),
                            legal_days: legal_days(i),
                        })
                    })
                    .collect()
            })
            .collect();
        rows.push(AlignRow {
            code: item.code.clone(),
            name: item.name.clone(),
            legal_days: legal_days(item),
            claims,
        });
    }
    Ok(Alignment {
        parent: p.authority.clone(),
        kind,
        as_of,
        children: children.iter().map(|c| c.authority.clone()).collect(),
        rows,
    })
}
