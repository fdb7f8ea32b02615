//! The registry: a directory of TOML files holding authorities, documents and
//! one power list per authority.

use std::collections::HashMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use indexmap::IndexMap;

use crate::diag::{Diagnostic, Location, Rule};
use crate::id::{Date, DocNumber, Id};
use crate::model::{
    Agreement, AuthoritiesFile, Authority, Category, Document, DocumentsFile, Item, ItemsFile,
    ListMeta, Statistics,
};
use crate::parse::{decode_records, decode_whole};

/// An error that stops loading or saving a registry.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read or written.
    #[error("{}: {source}", crate::diag::display_path(path))]
    Io {
        /// The path.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The registry holds problems; every one is listed.
    #[error("the registry has {} problem(s); the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Invalid(Vec<Diagnostic>),
    /// A save target that already holds files (save never overwrites).
    #[error("{}: not empty; a registry is saved only into a new or empty directory", crate::diag::display_path(.0))]
    NotEmpty(PathBuf),
    /// A list that the registry does not hold.
    #[error("no list for authority `{0}` in the registry")]
    UnknownList(String),
    /// A value that could not be written as TOML.
    #[error("cannot write {}: {message}", crate::diag::display_path(path))]
    Serialize {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
}

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
    pub log: Vec<crate::changelog::LoggedEntry>,
    pub(crate) origin: ListOrigin,
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
    pub(crate) origin: RegistryOrigin,
}

#[derive(Debug, Clone, Default)]
pub(crate) struct RegistryOrigin {
    pub(crate) authorities: HashMap<Id, Origin>,
    pub(crate) documents: HashMap<DocNumber, Origin>,
    /// Ids and numbers of authority and document records that could not be read.
    pub(crate) unreadable: std::collections::HashSet<String>,
}

/// A registry as read, with every problem found while reading it.
///
/// Records that could not be read are left out of `registry`; the problems
/// say where they are.
#[derive(Debug)]
#[non_exhaustive]
pub struct Loaded {
    /// What could be read.
    pub registry: Registry,
    /// The problems found while reading (syntax, unknown keys, bad values, …).
    pub problems: Vec<Diagnostic>,
}

/// Reads a file as UTF-8 text, dropping a leading byte-order mark.
fn read_text(path: &Path, problems: &mut Vec<Diagnostic>) -> Result<Option<String>, Error> {
    read_text_from(path, path, problems)
}

/// Reads `from`, reporting problems under the name `path`.
fn read_text_from(
    path: &Path,
    from: &Path,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<String>, Error> {
    match fs::read(from) {
        // Validated with SIMD (std's check was a tenth of a check's
        // instructions on CJK text), then copied, which costs far less.
        Ok(bytes) => match simdutf8::basic::from_utf8(&bytes) {
            Ok(s) => Ok(Some(s.strip_prefix('\u{feff}').unwrap_or(s).to_owned())),
            Err(_) => {
                let at = std::str::from_utf8(&bytes)
                    .err()
                    .map_or(0, |e| e.valid_up_to());
                problems.push(
                    Diagnostic::new(Rule::MissingFile, path, "", "the file is not UTF-8 text")
                        .found(format!("an invalid byte at offset {at}"))
                        .expected("UTF-8 text"),
                );
                Ok(None)
            }
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(path)(e)),
    }
}

/// A list directory as readers see it: its files, overlaid by the staged
/// files of a committed transaction that a writer has not finished moving
/// into place (see `write.rs`).
struct ListFiles {
    dir: PathBuf,
    overlay: Option<PathBuf>,
}

impl ListFiles {
    fn new(dir: &Path) -> Self {
        Self {
            dir: dir.to_owned(),
            overlay: crate::write::overlay(dir),
        }
    }

    /// The `.toml` files of `sub`, by the names they have (or will have) in
    /// the list directory.
    fn files(&self, sub: &str) -> Result<Vec<PathBuf>, Error> {
        let mut files = toml_files(&self.dir.join(sub))?;
        if let Some(o) = &self.overlay {
            for staged in toml_files(&o.join(sub))? {
                if let Some(name) = staged.file_name() {
                    let target = self.dir.join(sub).join(name);
                    if !files.contains(&target) {
                        files.push(target);
                    }
                }
            }
            files.sort();
        }
        Ok(files)
    }

    /// Reads a file of the list, through the overlay.
    fn read(&self, target: &Path, problems: &mut Vec<Diagnostic>) -> Result<Option<String>, Error> {
        if let (Some(o), Ok(rel)) = (&self.overlay, target.strip_prefix(&self.dir)) {
            let staged = o.join(rel);
            if let Some(text) = read_text_from(target, &staged, problems)? {
                return Ok(Some(text));
            }
        }
        read_text(target, problems)
    }
}

/// The `.toml` files of a directory, sorted by name; none when it is absent.
pub(crate) fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir)(e)),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(io(dir))?.path();
        if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// How to read a registry: see [`Registry::load_with`] and
/// [`Registry::scan`].
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct LoadOptions {
    /// The parse cache directory (see [`Registry::load_cached`]).
    pub cache: Option<PathBuf>,
    /// Read only the lists of these authorities (directory names); all
    /// when `None`. A name with no directory is skipped, so look the list
    /// up ([`Registry::list`]) before using it.
    pub only: Option<Vec<String>>,
}

impl LoadOptions {
    /// Uses the parse cache in `dir`.
    #[must_use]
    pub fn cache(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cache = Some(dir.into());
        self
    }

    /// Reads only the lists of these authorities.
    #[must_use]
    pub fn only<S: Into<String>>(mut self, authorities: impl IntoIterator<Item = S>) -> Self {
        self.only = Some(authorities.into_iter().map(Into::into).collect());
        self
    }
}

/// One list directory as read by [`Registry::scan`].
#[derive(Debug)]
#[non_exhaustive]
pub struct ListRead {
    /// The directory.
    pub dir: PathBuf,
    /// The list, when its `list.toml` could be read.
    pub list: Option<List>,
    /// The problems found while reading the directory.
    pub problems: Vec<Diagnostic>,
}

/// What [`Registry::scan`] returns.
#[derive(Debug)]
#[non_exhaustive]
pub struct Scan<R> {
    /// The shared files as read (the registry holds no list), with their
    /// problems.
    pub shared: Loaded,
    /// What the function returned for each list directory, in directory
    /// order.
    pub results: Vec<R>,
}

/// The list directories of `root` (not hidden), sorted, narrowed to
/// `options.only`.
/// The directories of a list that hold records, one `.toml` file each (or
/// several records per file, for `items`).
pub(crate) const LIST_SUBDIRS: [&str; 4] = ["items", "agreements", "changelog", "statistics"];

pub(crate) fn list_dirs(root: &Path, options: &LoadOptions) -> Result<Vec<PathBuf>, Error> {
    let mut dirs = Vec::new();
    for entry in fs::read_dir(root).map_err(io(root))? {
        let path = entry.map_err(io(root))?.path();
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if name.starts_with('.') || !path.is_dir() {
            continue;
        }
        if options
            .only
            .as_ref()
            .is_some_and(|only| !only.contains(&name))
        {
            continue;
        }
        dirs.push(path);
    }
    dirs.sort();
    Ok(dirs)
}

/// Reads one list directory.
pub(crate) fn read_list_dir(dir: PathBuf, cache: Option<&Path>) -> Result<ListRead, Error> {
    let mut problems = Vec::new();
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let list = match name.parse::<Id>() {
        Ok(id) => load_list(&dir, id, cache, &mut problems)?,
        Err(e) => {
            problems.push(
                Diagnostic::new(
                    Rule::UnsafeId,
                    &dir,
                    "",
                    format!("list directory name {name:?} is not a valid authority id"),
                )
                .found(name)
                .expected(e.expected),
            );
            None
        }
    };
    Ok(ListRead {
        dir,
        list,
        problems,
    })
}

impl Registry {
    /// An empty registry rooted at `root` (nothing is read or written).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self {
            root: root.into(),
            authorities: IndexMap::new(),
            documents: IndexMap::new(),
            lists: IndexMap::new(),
            origin: RegistryOrigin::default(),
        }
    }

    /// Reads the registry at `root` and returns what could be read together
    /// with every problem found while reading. Semantic rules are checked
    /// separately, by [`Registry::validate`].
    ///
    /// # Errors
    /// [`Error::Io`] when `root` or a file in it cannot be read (a missing
    /// optional file is no error; a missing required one is a problem).
    pub fn load(root: impl AsRef<Path>) -> Result<Loaded, Error> {
        Self::load_with(root, &LoadOptions::default())
    }

    /// Like [`Registry::load`], re-using the parsed records of item files
    /// and change-log entries kept in `cache` (a directory, created if
    /// missing). Only files that read without problems and that the fast
    /// TOML reader declines are kept (it reads the others about as fast as
    /// the cache would), under the SHA-256 of their bytes, the quanze
    /// version and a fingerprint of the source quanze was built from, so a
    /// changed file never meets old records: the cache cannot go stale. A
    /// cache file that cannot be read is ignored and the file is parsed.
    /// [`Registry::prune_cache`] removes what no file needs any more.
    ///
    /// # Errors
    /// As [`Registry::load`].
    pub fn load_cached(root: impl AsRef<Path>, cache: impl AsRef<Path>) -> Result<Loaded, Error> {
        Self::load_with(root, &LoadOptions::default().cache(cache.as_ref()))
    }

    /// Reads the registry at `root` as `options` say: with or without the
    /// parse cache, all lists or only some. The shared files
    /// (`authorities.toml`, `documents.toml`) are always read. Lists are
    /// independent, so a registry read with [`LoadOptions::only`] holds the
    /// same records for those lists as a full read, and their problems.
    ///
    /// ```
    /// use quanze::{LoadOptions, Registry};
    /// let loaded = Registry::load_with("registry", &LoadOptions::default().only(["guangzhou-gxj"]))?;
    /// assert_eq!(loaded.registry.lists.len(), 1);
    /// assert!(loaded.problems.is_empty());
    /// # Ok::<(), quanze::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Registry::load`].
    pub fn load_with(root: impl AsRef<Path>, options: &LoadOptions) -> Result<Loaded, Error> {
        let root = root.as_ref();
        let (mut reg, mut problems) = Self::read_shared(root, options)?;
        // Lists are independent: they are read in parallel and taken in
        // directory order, so the outcome is the same as a sequential load.
        let cache = options.cache.as_deref();
        let lists = par_map(list_dirs(root, options)?, |dir| read_list_dir(dir, cache));
        for result in lists {
            let read = result?;
            problems.extend(read.problems);
            if let Some(list) = read.list {
                reg.lists.insert(list.authority.clone(), list);
            }
        }
        Ok(Loaded {
            registry: reg,
            problems,
        })
    }

    /// Reads the registry at `root` one list at a time: the shared files
    /// once, then each list (in parallel, in directory order) handed to `f`
    /// with the registry of shared files and the list's reading problems,
    /// and dropped once `f` returns. Memory holds the shared files and one
    /// list per core, not the whole registry, so a province-wide check or
    /// export stays small however many lists there are.
    ///
    /// ```
    /// use quanze::{LoadOptions, Registry};
    /// let scan = Registry::scan("registry", &LoadOptions::default(), |shared, read| {
    ///     read.list.map(|list| (list.authority.to_string(), list.items.len()))
    /// })?;
    /// assert!(scan.shared.problems.is_empty());
    /// assert_eq!(scan.results[0], Some(("guangzhou-gxj".to_owned(), 80)));
    /// # Ok::<(), quanze::Error>(())
    /// ```
    ///
    /// # Errors
    /// As [`Registry::load`].
    pub fn scan<R: Send>(
        root: impl AsRef<Path>,
        options: &LoadOptions,
        f: impl Fn(&Self, ListRead) -> R + Sync,
    ) -> Result<Scan<R>, Error> {
        let root = root.as_ref();
        let (shared, problems) = Self::read_shared(root, options)?;
        let cache = options.cache.as_deref();
        let results = par_map(list_dirs(root, options)?, |dir| {
            read_list_dir(dir, cache).map(|read| f(&shared, read))
        })
        .into_iter()
        .collect::<Result<Vec<R>, Error>>()?;
        Ok(Scan {
            shared: Loaded {
                registry: shared,
                problems,
            },
            results,
        })
    }

    /// The names of the list directories of the registry at `root`, sorted
    /// (what [`Registry::load`] reads as lists, whether or not they read
    /// cleanly).
    ///
    /// # Errors
    /// [`Error::Io`] when `root` cannot be listed.
    pub fn list_names(root: impl AsRef<Path>) -> Result<Vec<String>, Error> {
        Ok(list_dirs(root.as_ref(), &LoadOptions::default())?
            .iter()
            .filter_map(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect())
    }

    /// Reads `authorities.toml` and `documents.toml` (and creates the cache
    /// directory).
    pub(crate) fn read_shared(
        root: &Path,
        options: &LoadOptions,
    ) -> Result<(Self, Vec<Diagnostic>), Error> {
        fs::metadata(root).map_err(io(root))?;
        if let Some(c) = &options.cache {
            fs::create_dir_all(c).map_err(io(c))?;
        }
        let mut reg = Self::new(root);
        let mut problems = Vec::new();
        let file = root.join("authorities.toml");
        match read_text(&file, &mut problems)? {
            Some(text) => {
                let d = decode_records::<Authority>(&file, &text, "authority");
                problems.extend(d.problems);
                reg.origin.unreadable.extend(d.unreadable);
                let file: Arc<Path> = file.into();
                for (index, a) in d.records {
                    reg.origin
                        .authorities
                        .entry(a.id.clone())
                        .or_insert(Origin {
                            file: file.clone(),
                            index,
                        });
                    if reg.authorities.contains_key(&a.id) {
                        problems.push(duplicate(
                            &file,
                            &text,
                            format!("authority[{index}].id"),
                            "authority id",
                            a.id.as_str(),
                        ));
                    } else {
                        reg.authorities.insert(a.id.clone(), a);
                    }
                }
            }
            None if !file.exists() => problems.push(
                Diagnostic::new(
                    Rule::MissingFile,
                    &file,
                    "",
                    "the registry has no authorities.toml",
                )
                .expected("a file listing every authority the registry names"),
            ),
            None => {}
        }

        let file = root.join("documents.toml");
        if let Some(text) = read_text(&file, &mut problems)? {
            let d = decode_records::<Document>(&file, &text, "document");
            problems.extend(d.problems);
            reg.origin.unreadable.extend(d.unreadable);
            let file: Arc<Path> = file.into();
            for (index, doc) in d.records {
                if reg.documents.contains_key(&doc.number) {
                    problems.push(duplicate(
                        &file,
                        &text,
                        format!("document[{index}].number"),
                        "document number",
                        doc.number.as_str(),
                    ));
                } else {
                    reg.origin.documents.insert(
                        doc.number.clone(),
                        Origin {
                            file: file.clone(),
                            index,
                        },
                    );
                    reg.documents.insert(doc.number.clone(), doc);
                }
            }
        }

        Ok((reg, problems))
    }

    /// Reads and validates the registry at `root`, with agreements checked up
    /// to today.
    ///
    /// # Errors
    /// [`Error::Io`] when something cannot be read; [`Error::Invalid`] with
    /// every problem when any is found.
    pub fn open(root: impl AsRef<Path>) -> Result<Self, Error> {
        let loaded = Self::load(root)?;
        let mut problems = loaded.problems;
        problems.extend(loaded.registry.validate(Date::today()));
        if problems.is_empty() {
            Ok(loaded.registry)
        } else {
            Err(Error::Invalid(problems))
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

    /// Writes the registry into `root` in the canonical layout: items grouped
    /// into `items/<category>.toml` in category order, one file per agreement
    /// and per year of statistics. Each file is written atomically (to a
    /// temporary file, synced, then renamed).
    ///
    /// # Errors
    /// [`Error::NotEmpty`] when `root` exists and holds anything (saving never
    /// overwrites); [`Error::Io`] or [`Error::Serialize`] when writing fails.
    pub fn save(&self, root: impl AsRef<Path>) -> Result<(), Error> {
        let root = root.as_ref();
        if let Ok(mut entries) = fs::read_dir(root)
            && entries.next().is_some()
        {
            return Err(Error::NotEmpty(root.to_owned()));
        }
        fs::create_dir_all(root).map_err(io(root))?;
        write_toml(
            &root.join("authorities.toml"),
            "# Every authority the registry names: list holders and grantors.\n",
            &AuthoritiesFile {
                authority: self.authorities.values().cloned().collect(),
            },
        )?;
        if !self.documents.is_empty() {
            write_toml(
                &root.join("documents.toml"),
                "# Deciding documents, referred to by number.\n",
                &DocumentsFile {
                    document: self.documents.values().cloned().collect(),
                },
            )?;
        }
        for (id, list) in &self.lists {
            let dir = root.join(id.as_str());
            fs::create_dir_all(&dir).map_err(io(&dir))?;
            write_toml(&dir.join("list.toml"), "", &list.meta)?;
            for category in Category::ALL {
                let items: Vec<Item> = list
                    .items
                    .iter()
                    .filter(|i| i.category == category)
                    .cloned()
                    .collect();
                if items.is_empty() {
                    continue;
                }
                let items_dir = dir.join("items");
                fs::create_dir_all(&items_dir).map_err(io(&items_dir))?;
                write_toml(
                    &items_dir.join(format!("{}.toml", category.id())),
                    &format!("# {} ({})\n", category.zh(), category.id()),
                    &ItemsFile { item: items },
                )?;
            }
            for a in &list.agreements {
                let d = dir.join("agreements");
                fs::create_dir_all(&d).map_err(io(&d))?;
                write_toml(&d.join(format!("{}.toml", a.id)), "", a)?;
            }
            for e in &list.log {
                // Entries are written exactly as read: their hashes cover every byte.
                let d = dir.join("changelog");
                fs::create_dir_all(&d).map_err(io(&d))?;
                write_atomic(
                    &d.join(crate::changelog::file_name(&e.entry.version)),
                    e.text.as_bytes(),
                )?;
            }
            for s in &list.statistics {
                let d = dir.join("statistics");
                fs::create_dir_all(&d).map_err(io(&d))?;
                write_toml(&d.join(format!("{}.toml", s.year)), "", s)?;
            }
        }
        Ok(())
    }
}

fn duplicate(file: &Path, text: &str, key: String, what: &str, value: &str) -> Diagnostic {
    let location = crate::parse::span_of(text, &key).map(|s| Location::of(text, s));
    Diagnostic::new(
        Rule::DuplicateId,
        file,
        key,
        format!("duplicate {what} `{value}`"),
    )
    .at(location)
    .found(value)
    .expected(format!("a {what} not used before in the file"))
}

fn load_list(
    dir: &Path,
    id: Id,
    cache: Option<&Path>,
    problems: &mut Vec<Diagnostic>,
) -> Result<Option<List>, Error> {
    let fs_ = ListFiles::new(dir);
    let meta_file = dir.join("list.toml");
    let meta = match fs_.read(&meta_file, problems)? {
        Some(text) => {
            let (meta, p) = decode_whole::<ListMeta>(&meta_file, &text);
            problems.extend(p);
            meta
        }
        None => {
            if !meta_file.exists() {
                problems.push(
                    Diagnostic::new(
                        Rule::MissingFile,
                        &meta_file,
                        "",
                        "the list directory has no list.toml",
                    )
                    .expected("a list.toml with the list's title and version"),
                );
            }
            None
        }
    };
    let Some(meta) = meta else {
        return Ok(None);
    };
    let mut list = List::new(id, meta);
    list.origin.meta = Some(meta_file.into());

    // Item files are parsed in parallel (parsing dominates loading); the
    // results are taken in file-name order, so the outcome is the same as a
    // sequential load.
    let parsed = par_map(fs_.files("items")?, |file| {
        let mut file_problems = Vec::new();
        let text = fs_.read(&file, &mut file_problems)?;
        let decoded = text.map(|t| match cache {
            Some(c) => cached_records(c, &file, &t),
            None => decode_records::<Item>(&file, &t, "item"),
        });
        Ok((file, file_problems, decoded))
    });
    for result in parsed {
        let (file, file_problems, decoded) = result?;
        problems.extend(file_problems);
        let Some(d) = decoded else { continue };
        problems.extend(d.problems);
        list.origin.unreadable.extend(d.unreadable);
        let file: Arc<Path> = file.into();
        for (index, item) in d.records {
            list.items.push(item);
            list.origin.items.push(Origin {
                file: file.clone(),
                index,
            });
        }
    }

    // Published order: by category, then by code. Each record stays beside
    // its origin.
    let mut pairs: Vec<(Item, Origin)> = std::mem::take(&mut list.items)
        .into_iter()
        .zip(std::mem::take(&mut list.origin.items))
        .collect();
    pairs.sort_by(|(a, _), (b, _)| Item::published_order(a, b));
    (list.items, list.origin.items) = pairs.into_iter().unzip();

    for file in fs_.files("agreements")? {
        let Some(text) = fs_.read(&file, problems)? else {
            continue;
        };
        let (a, p) = decode_whole::<Agreement>(&file, &text);
        problems.extend(p);
        let Some(a) = a else { continue };
        let name = stem(&file);
        if a.id.as_str() != name {
            let location = crate::parse::span_of(&text, "id").map(|s| Location::of(&text, s));
            problems.push(
                Diagnostic::new(
                    Rule::FileName,
                    &file,
                    "id",
                    format!("agreement id `{}` does not match its file name", a.id),
                )
                .at(location)
                .found(a.id.as_str())
                .expected(format!("`{name}`, the file's name without `.toml`")),
            );
        }
        list.agreements.push(a);
        list.origin.agreements.push(file.into());
    }

    let mut entries = Vec::new();
    for file in fs_.files("changelog")? {
        let name = stem(&file);
        let Ok(version) = name.parse::<crate::Version>() else {
            problems.push(
                Diagnostic::new(
                    Rule::FileName,
                    &file,
                    "",
                    format!("change-log file {name:?} is not named by a version"),
                )
                .found(name)
                .expected("<version>.toml, e.g. 1.2.0.toml"),
            );
            continue;
        };
        let Some(text) = fs_.read(&file, problems)? else {
            continue;
        };
        let (entry, p) = cached_entry(cache, &file, &text);
        problems.extend(p);
        let Some(entry) = entry else { continue };
        if entry.version != version {
            let location = crate::parse::span_of(&text, "version").map(|s| Location::of(&text, s));
            problems.push(
                Diagnostic::new(
                    Rule::FileName,
                    &file,
                    "version",
                    format!("version {} does not match the file name", entry.version),
                )
                .at(location)
                .found(entry.version.to_string())
                .expected(format!("{version}, the file's name without `.toml`")),
            );
        }
        entries.push((version, crate::changelog::LoggedEntry { entry, file, text }));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    list.log = entries.into_iter().map(|(_, e)| e).collect();

    for file in fs_.files("statistics")? {
        let Some(text) = fs_.read(&file, problems)? else {
            continue;
        };
        let (s, p) = decode_whole::<Statistics>(&file, &text);
        problems.extend(p);
        let Some(s) = s else { continue };
        let name = stem(&file);
        if s.year.to_string() != name {
            let location = crate::parse::span_of(&text, "year").map(|sp| Location::of(&text, sp));
            problems.push(
                Diagnostic::new(
                    Rule::FileName,
                    &file,
                    "year",
                    format!("year {} does not match the file name", s.year),
                )
                .at(location)
                .found(s.year.to_string())
                .expected(format!("{name}, the file's name without `.toml`")),
            );
        }
        list.statistics.push(s);
        list.origin.statistics.push(file.into());
    }
    Ok(Some(list))
}

/// The records of an items file, from the cache when it holds them for these
/// exact bytes, else parsed (and kept in the cache when they parse cleanly).
fn cached_records(cache: &Path, file: &Path, text: &str) -> crate::parse::Decoded<Item> {
    // What the fast reader takes it reads about as fast as the cache's JSON
    // is read, so only the files it declines are kept.
    if let Some(records) = crate::fasttoml::records(text, "item") {
        return crate::parse::Decoded::clean(records);
    }
    let path = cache_path(cache, "items", text);
    if let Some(records) = cache_read::<Vec<(usize, Item)>>(&path) {
        return crate::parse::Decoded::clean(records);
    }
    let decoded = crate::parse::decode_records_fully::<Item>(file, text, "item");
    // Only clean files are kept, so a cached file has nothing to report.
    if decoded.problems.is_empty() && decoded.unreadable.is_empty() {
        cache_write(&path, &decoded.records);
    }
    decoded
}

/// A change-log entry, from the cache or parsed (and kept when clean).
fn cached_entry(
    cache: Option<&Path>,
    file: &Path,
    text: &str,
) -> (Option<crate::changelog::Entry>, Vec<Diagnostic>) {
    let Some(cache) = cache else {
        return decode_whole(file, text);
    };
    if let Some(entry) = crate::fasttoml::whole(text) {
        return (Some(entry), Vec::new());
    }
    let path = cache_path(cache, "entry", text);
    if let Some(entry) = cache_read(&path) {
        return (Some(entry), Vec::new());
    }
    let (entry, problems) = crate::parse::decode_whole_fully::<crate::changelog::Entry>(file, text);
    if let Some(e) = &entry
        && problems.is_empty()
    {
        cache_write(&path, e);
    }
    (entry, problems)
}

/// The cache file for `text` read as `kind`: named by the SHA-256 of the
/// bytes, the quanze version and a fingerprint of the source it was built
/// from (build.rs), so it cannot go stale, not even between two development
/// builds of one version whose model differs.
pub(crate) fn cache_path(cache: &Path, kind: &str, text: &str) -> PathBuf {
    let key = crate::changelog::HashAlg::Sha256.hash(text.as_bytes());
    cache.join(format!(
        "{kind}-{}-{}-{}.json",
        key.trim_start_matches("sha256:"),
        env!("CARGO_PKG_VERSION"),
        env!("QUANZE_SOURCE_FINGERPRINT")
    ))
}

/// A cache file's value; `None` when missing or unreadable (then the source
/// file is parsed instead).
pub(crate) fn cache_read<T: serde::de::DeserializeOwned>(path: &Path) -> Option<T> {
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

/// Writes a cache file by renaming a complete temporary file into place,
/// without syncing: a cache file lost or cut short in a crash is JSON that
/// does not parse, which costs only a parse.
pub(crate) fn cache_write<T: serde::Serialize>(path: &Path, value: &T) {
    if let Ok(json) = serde_json::to_vec(value) {
        cache_write_bytes(path, &json);
    }
}

/// Writes a cache file (see [`cache_write`]); readers of cache files check
/// what they read, so a file cut short is only a miss.
pub(crate) fn cache_write_bytes(path: &Path, json: &[u8]) {
    let Some(name) = path.file_name() else { return };
    let tmp = path.with_file_name(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    // A cache that cannot be written only costs the next parse.
    if fs::write(&tmp, json).is_err() || fs::rename(&tmp, path).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// Maps `f` over `inputs` on all available cores and returns the results in
/// input order.
///
/// Inside a worker of another `par_map` (a list's item files, read while the
/// lists are read in parallel) it maps on the calling thread: the cores are
/// busy already, and threads made for every list start their allocator's
/// heaps afresh, which the kernel must then zero page by page.
pub(crate) fn par_map<T: Send, R: Send>(inputs: Vec<T>, f: impl Fn(T) -> R + Sync) -> Vec<R> {
    thread_local! {
        static IN_WORKER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    let threads = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
    if threads <= 1 || inputs.len() <= 1 || IN_WORKER.with(std::cell::Cell::get) {
        return inputs.into_iter().map(f).collect();
    }
    let n = inputs.len();
    let slots: Vec<std::sync::Mutex<Option<T>>> = inputs
        .into_iter()
        .map(|t| std::sync::Mutex::new(Some(t)))
        .collect();
    let results: Vec<std::sync::Mutex<Option<R>>> =
        (0..n).map(|_| std::sync::Mutex::new(None)).collect();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..threads.min(n) {
            scope.spawn(|| {
                IN_WORKER.with(|w| w.set(true));
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    if i >= n {
                        break;
                    }
                    let input = slots[i].lock().ok().and_then(|mut s| s.take());
                    if let Some(input) = input {
                        let r = f(input);
                        if let Ok(mut slot) = results[i].lock() {
                            *slot = Some(r);
                        }
                    }
                }
            });
        }
    });
    results
        .into_iter()
        .filter_map(|m| m.into_inner().ok().flatten())
        .collect()
}

/// Writes `value` as TOML to `path` atomically: a temporary file in the same
/// directory is written and synced, then renamed over `path`.
fn write_toml<T: serde::Serialize>(path: &Path, header: &str, value: &T) -> Result<(), Error> {
    let body = toml::to_string(value).map_err(|e| Error::Serialize {
        path: path.to_owned(),
        message: e.to_string(),
    })?;
    write_atomic(path, format!("{header}{body}").as_bytes())
}

/// Writes `bytes` to `path` so that a crash leaves either the old file or the
/// new one, never a mix.
///
/// # Errors
/// [`Error::Io`] when the temporary file cannot be written, synced or renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path.parent().unwrap_or_else(|| Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    result.map_err(|source| {
        let _ = fs::remove_file(&tmp);
        Error::Io {
            path: path.to_owned(),
            source,
        }
    })
}
