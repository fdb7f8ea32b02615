//! The registry and its lists as read: [`Registry`] holds the shared files
//! and one [`List`] per authority; each list holds its items, agreements,
//! statistics and change log, and remembers where each record was read.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::model::{
    Agreement, Authority, Date, DocNumber, Document, Id, Item, ListMeta, Statistics,
};

/// Where a record was read from: its file, and its index among the file's
/// records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Origin {
    pub(crate) file: Arc<Path>,
    pub(crate) index: usize,
}

/// One authority's power list: the files under `registry/<authority>/`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct List {
    /// The holder of the list.
    pub authority: Id,
    /// `list.toml`.
    pub meta: ListMeta,
    /// The items in published order: by category (in the order of
    /// [`Category::ALL`]), then by code.
    pub items: Vec<Item>,
    /// The delegation agreements, from `agreements/*.toml` in file-name order.
    pub agreements: Vec<Agreement>,
    /// Case statistics, from `statistics/*.toml` in file-name order.
    pub statistics: Vec<Statistics>,
    /// The change log, from `changelog/<version>.toml` in version order
    /// (empty for a list without one).
    pub log: Vec<crate::model::LoggedEntry>,
    pub(crate) origin: ListOrigin,
}

impl List {
    /// The list's directory, for a list read from disk.
    pub(crate) fn dir(&self) -> Option<&Path> {
        self.origin.meta.as_deref().and_then(Path::parent)
    }
}

impl PartialEq for List {
    /// Lists are equal when their content is, wherever it was read from.
    fn eq(&self, other: &Self) -> bool {
        self.authority == other.authority
            && self.meta == other.meta
            && self.items == other.items
            && self.agreements == other.agreements
            && self.statistics == other.statistics
            && self.log.len() == other.log.len()
            && self
                .log
                .iter()
                .zip(&other.log)
                .all(|(a, b)| a.entry == b.entry)
    }
}

/// Where each part of a list came from (empty for lists built in memory).
#[derive(Debug, Clone, Default)]
pub(crate) struct ListOrigin {
    pub(crate) meta: Option<Arc<Path>>,
    pub(crate) items: Vec<Origin>,
    pub(crate) agreements: Vec<Arc<Path>>,
    pub(crate) statistics: Vec<Arc<Path>>,
    /// Ids of item records that could not be read.
    pub(crate) unreadable: std::collections::HashSet<String>,
    /// Ids (file names) of agreement files that could not be read: the
    /// checks that need every agreement wait until they read.
    pub(crate) unreadable_agreements: std::collections::HashSet<String>,
    /// The problems met reading the list's files, which the audit reports
    /// with its own findings.
    pub(crate) problems: Vec<crate::diag::Diagnostic>,
    /// Versions (file names) of change-log entries that could not be read:
    /// the hash chain and the replay wait until every entry reads.
    pub(crate) unreadable_entries: std::collections::HashSet<String>,
}

impl List {
    /// A list built in memory.
    pub fn new(authority: Id, meta: ListMeta) -> Self {
        Self {
            authority,
            meta,
            items: Vec::new(),
            agreements: Vec::new(),
            statistics: Vec::new(),
            log: Vec::new(),
            origin: ListOrigin::default(),
        }
    }

    /// The item with the given public code (ended items included).
    pub fn item_by_code(&self, code: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.code.as_str() == code)
    }

    /// The item with the given stable id.
    pub fn item(&self, id: &Id) -> Option<&Item> {
        self.items.iter().find(|i| &i.id == id)
    }

    /// The items in force on `date`, in list order.
    pub fn items_on(&self, date: Date) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(move |i| i.in_force_on(date))
    }

    /// The agreements in force on `date` that list the item with id `item`.
    pub fn agreements_for(&self, item: &Id, date: Date) -> impl Iterator<Item = &Agreement> {
        let item = item.clone();
        self.agreements
            .iter()
            .filter(move |a| a.lists(&item) && a.in_force_on(date))
    }

    /// The statistics of `year`, if the list has them.
    pub fn statistics_for(&self, year: i16) -> Option<&Statistics> {
        self.statistics.iter().find(|s| s.year == year)
    }

    pub(crate) fn item_file(&self, index: usize) -> Option<(&Path, String)> {
        self.origin
            .items
            .get(index)
            .map(|o| (&*o.file, format!("item[{}]", o.index)))
    }
}

/// A registry: authorities, deciding documents and one list per authority.
///
/// ```
/// use quanze::{Date, Registry};
/// let registry = Registry::open("registry")?;
/// let list = registry.list("guangzhou-gxj").expect("bundled list");
/// let date: Date = "2021-12-31".parse()?;
/// assert_eq!(list.items_on(date).count(), 73);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Registry {
    /// The directory the registry was read from.
    pub root: PathBuf,
    /// `authorities.toml`, by id.
    pub authorities: IndexMap<Id, Authority>,
    /// `documents.toml`, by number.
    pub documents: IndexMap<DocNumber, Document>,
    /// The lists, by holder, in directory-name order.
    pub lists: IndexMap<Id, List>,
    /// `laws/`: the laws items cite, and the log of their events.
    pub laws: crate::model::Laws,
    /// `calendar.toml`: the official working-day calendar.
    pub calendar: crate::model::Calendar,
    pub(crate) origin: RegistryOrigin,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct RegistryOrigin {
    pub(crate) authorities: HashMap<Id, Origin>,
    pub(crate) documents: HashMap<DocNumber, Origin>,
    /// Ids and numbers of authority and document records that could not be read.
    pub(crate) unreadable: std::collections::HashSet<String>,
    /// The problems met reading the shared files, which the audit of every
    /// list reports.
    pub(crate) problems: Vec<crate::diag::Diagnostic>,
}

impl Registry {
    /// An empty registry rooted at `root` (nothing is read or written).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            authorities: IndexMap::new(),
            documents: IndexMap::new(),
            lists: IndexMap::new(),
            laws: crate::model::Laws::default(),
            calendar: crate::model::Calendar::default(),
            origin: RegistryOrigin::default(),
        }
    }

    /// The list held by authority `id`.
    pub fn list(&self, id: &str) -> Option<&List> {
        self.lists
            .iter()
            .find(|(k, _)| k.as_str() == id)
            .map(|(_, l)| l)
    }

    /// The authority with id `id`.
    pub fn authority(&self, id: &str) -> Option<&Authority> {
        self.authorities.get(&id.parse::<Id>().ok()?)
    }

    /// The display name of an authority: its name, or its id when unknown.
    pub fn authority_name<'a>(&'a self, id: &'a Id) -> &'a str {
        self.authorities.get(id).map_or(id.as_str(), |a| &a.name)
    }
}
