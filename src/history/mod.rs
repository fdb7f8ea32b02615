//! Replaying the change log: the state of a list at every version, time
//! travel, code resolution and item histories.

mod chain;
mod error;
mod laws;
mod point;
mod refusal;
mod resolve;
mod state;

pub(crate) use chain::{chain_problem, chain_problem_in, version_problems};
pub use error::Error;
pub use laws::{LawEventError, apply_law_entry, laws_on, replay_laws};
pub(crate) use point::view;
pub use point::{Point, PointError, Side};
pub use refusal::Refusal;
pub(crate) use resolve::op_concerns;
pub use resolve::{ItemVersion, Outcome, Resolution, Step};
pub(crate) use state::carried_code;
pub use state::{OpError, State};

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::model::{Date, Entry, Id, Item, List, Version};

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
    /// [`Error::Replay`]: the entry that does not apply, and why.
    pub fn replay<'a>(
        holder: &Id,
        entries: impl IntoIterator<Item = &'a Entry>,
    ) -> Result<Self, Error> {
        let mut state = State::default();
        let mut versions = Vec::new();
        for (n, entry) in entries.into_iter().enumerate() {
            state.apply(holder, entry).map_err(|source| Error::Replay {
                authority: holder.clone(),
                entry: n,
                version: entry.version.clone(),
                source: Box::new(source),
            })?;
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
}

impl List {
    /// Replays the list's change log.
    ///
    /// # Errors
    /// [`Error::Replay`]: the first entry that does not apply, and why.
    pub fn history(&self) -> Result<History, Error> {
        History::replay(&self.authority, self.log.iter().map(|e| &e.entry))
    }

    /// The list's history, or `None` for a list without a change log.
    ///
    /// # Errors
    /// As [`List::history`].
    pub fn history_if_any(&self) -> Result<Option<History>, Error> {
        if self.log.is_empty() {
            Ok(None)
        } else {
            self.history().map(Some)
        }
    }

    /// The list as it was at version `v`, reconstructed from the change log.
    ///
    /// # Errors
    /// [`Error::Replay`] when the log does not replay, [`Error::NoChangeLog`]
    /// or [`Error::NoVersion`] when it has no such version.
    pub fn at_version(&self, v: &Version) -> Result<Self, Error> {
        self.at(&Point::Version(v.clone()))
    }

    /// The list in force on `date`: for a list with a change log, the state
    /// after the last entry dated on or before `date`; for a list without
    /// one, the list itself.
    ///
    /// # Errors
    /// [`Error::Replay`] when the log does not replay, [`Error::NoVersionOn`]
    /// before its first entry.
    pub fn as_of(&self, date: Date) -> Result<Self, Error> {
        self.at(&Point::Date(date))
    }

    /// The list at a point: a version, a date or the files.
    ///
    /// # Errors
    /// As [`List::at_version`] and [`List::as_of`].
    pub fn at(&self, point: &Point) -> Result<Self, Error> {
        if *point == Point::Files {
            return Ok(self.clone());
        }
        let h = self.history_if_any()?;
        view(self, h.as_ref(), point).map(|(list, _, _)| list)
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
