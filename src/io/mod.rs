//! The registry: a directory of TOML files holding authorities, documents and
//! one power list per authority.

pub(crate) mod cache;
pub(crate) mod decode;
pub(crate) mod fast_toml;
pub(crate) mod flowchart;
pub(crate) mod laws;
pub(crate) mod save;
pub(crate) mod txn;
pub(crate) mod walk;

pub use save::write_atomic;
pub use txn::{ListLock, lock, recover, unfinished};

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, Rule};
use crate::io::decode::decode_records;
use crate::io::walk::{duplicate, list_dirs, read_list_dir, read_text};
use crate::model::{Authority, Document, List, Origin, Registry};

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
    /// A pending transaction whose commit marker names a file a writer never
    /// writes (or a path outside the list directory); nothing was moved.
    #[error(
        "{}: line {line} names {found:?}, which is not a file of the list a writer writes; nothing was moved (remove the .txn directory once you have looked at it)",
        crate::diag::display_path(.path)
    )]
    BadTransaction {
        /// The commit marker.
        path: PathBuf,
        /// The line (from 1).
        line: usize,
        /// What it holds.
        found: String,
    },
    /// A pending transaction that is not what a writer leaves: `.txn/` or
    /// a staged directory that is no directory, a commit marker that is no
    /// regular file, too large or not UTF-8, a staged file that is no
    /// regular file; nothing was read from it or moved.
    #[error(
        "{}: {found}, which no writer leaves; nothing was moved (remove the .txn directory once you have looked at it)",
        crate::diag::display_path(.path)
    )]
    UnsafeTransaction {
        /// The path.
        path: PathBuf,
        /// What is there.
        found: String,
    },
    /// A symbolic link where quanze reads or writes a list's own file.
    #[error("{}: is a symbolic link; quanze does not follow links in a registry", crate::diag::display_path(.0))]
    Symlink(PathBuf),
    /// Another writer holds the list's lock.
    #[error(
        "another quanze is recording an adjustment to `{0}` (its lock is held); nothing was written, try again when it has finished"
    )]
    Locked(String),
    /// A value that could not be written as TOML.
    #[error("cannot write {}: {message}", crate::diag::display_path(path))]
    Serialize {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
}

pub(crate) fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_owned(),
        source,
    }
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
    /// Told after each list is read (or checked, or compared).
    pub progress: Option<Progress>,
}

/// A callback told how many lists are done, of how many, as a registry is
/// read list by list (a command-line tool draws a progress bar with it).
#[derive(Clone)]
pub struct Progress(std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>);

impl Progress {
    /// A callback `f(done, total)`; it is called from the threads that read
    /// the lists, in no particular order of lists.
    pub fn new(f: impl Fn(usize, usize) + Send + Sync + 'static) -> Self {
        Self(std::sync::Arc::new(f))
    }

    /// Tells the callback that `done` of `total` are done.
    pub fn call(&self, done: usize, total: usize) {
        (self.0)(done, total);
    }
}

impl std::fmt::Debug for Progress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Progress(..)")
    }
}

/// [`par_map`] over list directories, telling `progress` after each.
pub(crate) fn par_lists<T: Send, R: Send>(
    inputs: Vec<T>,
    progress: Option<&Progress>,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    let Some(p) = progress else {
        return par_map(inputs, f);
    };
    let total = inputs.len();
    let done = std::sync::atomic::AtomicUsize::new(0);
    par_map(inputs, |x| {
        let r = f(x);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        p.call(n, total);
        r
    })
}

impl LoadOptions {
    /// Uses the parse cache in `dir`.
    #[must_use]
    pub fn cache(mut self, dir: impl Into<PathBuf>) -> Self {
        self.cache = Some(dir.into());
        self
    }

    /// Tells `progress` after each list.
    #[must_use]
    pub fn progress(mut self, progress: Progress) -> Self {
        self.progress = Some(progress);
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

impl Registry {
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
        let lists = par_lists(
            list_dirs(root, options)?,
            options.progress.as_ref(),
            |dir| read_list_dir(dir, cache),
        );
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
    /// // In directory order: the province's partial list, then the city's.
    /// assert_eq!(scan.results[1], Some(("guangzhou-gxj".to_owned(), 80)));
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
        let results = par_lists(
            list_dirs(root, options)?,
            options.progress.as_ref(),
            |dir| read_list_dir(dir, cache).map(|read| f(&shared, read)),
        )
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

        reg.laws = crate::io::laws::read_laws(root, &mut problems)?;
        reg.calendar = crate::io::laws::read_calendar(root, &mut problems)?;

        reg.origin.problems.clone_from(&problems);
        Ok((reg, problems))
    }
}

/// Maps `f` over `inputs` on the threads of the current rayon pool and
/// returns the results in input order.
///
/// Inside a worker of the pool (a list's item files, read while the lists
/// are read in parallel) it maps on the calling thread: the cores are busy
/// already, and records parsed on one thread and dropped on another cost
/// the allocator cross-thread frees (measured: stats of every list at 100k
/// items 10-20% slower with nested work stealing). A single input is mapped
/// on the calling thread too, so that one list's item files still spread
/// over the pool.
pub(crate) fn par_map<T: Send, R: Send>(
    inputs: Vec<T>,
    f: impl Fn(T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    if inputs.len() <= 1 || rayon::current_thread_index().is_some() {
        return inputs.into_iter().map(f).collect();
    }
    inputs.into_par_iter().map(f).collect()
}
