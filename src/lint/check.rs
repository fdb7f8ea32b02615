//! `quanze check` over a whole registry, one list at a time, with a result
//! cache that makes a check after a small edit cost about one list.
//!
//! A list's outcome depends only on its own files, the shared files, the
//! date checked and the quanze build. The cache keeps, for every list found
//! clean, a record named by a digest of exactly those inputs; a list whose
//! digest has a record is not read again. File contents are hashed once and
//! remembered in a stat index (length, modification and change times, inode
//! and the SHA-256 of the bytes, as git's index does), so an unchanged file
//! is neither read nor hashed. An entry is trusted, and a clean result
//! kept, only when its files were last modified (and their status last
//! changed) at least two seconds before they were hashed, so an edit made
//! within the same clock tick as a check is never missed.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;
use crate::io::cache::{Stamp, StatIndex, cache_read, cache_write, stamped_digest, still, touch};
use crate::io::walk::{list_dirs, read_list_dir};
use crate::io::{Error, LoadOptions};
use crate::model::Date;
use crate::model::HashAlg;
use crate::model::Registry;

/// What to check: see [`Registry::check`].
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct CheckOptions {
    /// Which lists, and the cache directory. With a cache, clean results
    /// are kept and re-used (see the module documentation).
    pub load: LoadOptions,
    /// The date agreements are checked up to.
    pub as_of: Date,
}

impl CheckOptions {
    /// Every list, no cache, agreements checked up to `as_of`.
    pub fn new(as_of: Date) -> Self {
        Self {
            load: LoadOptions::default(),
            as_of,
        }
    }

    /// Reads and loads as `load` says.
    #[must_use]
    pub fn load(mut self, load: LoadOptions) -> Self {
        self.load = load;
        self
    }
}

/// The outcome of [`Registry::check`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct CheckReport {
    /// Every problem: the shared files' first, then each list's, in
    /// directory order.
    pub problems: Vec<Diagnostic>,
    /// Lists read (or re-used).
    pub lists: usize,
    /// Item records in them.
    pub items: usize,
    /// Lists whose clean result came from the cache, unread.
    pub reused: usize,
}

/// The cache record of a clean list.
#[derive(Debug, Serialize, Deserialize)]
struct CleanList {
    items: usize,
}

/// The `.toml` files a list's outcome depends on, in a fixed order: the
/// loader's files (`list.toml` and the record directories).
fn list_inputs(dir: &Path) -> Option<Vec<PathBuf>> {
    let mut files = vec![dir.join("list.toml")];
    for sub in crate::io::walk::LIST_SUBDIRS {
        files.extend(crate::io::walk::toml_files(&dir.join(sub)).ok()?);
    }
    // The flowcharts too: a changed chart must not pass as a clean list.
    // Only regular files of a chart's size are hashed: a FIFO, a device or
    // a link is never opened (a chart that is one is an error the check
    // finds without reading it, so its list is not kept anyway), and its
    // leaving or arriving changes the set of names hashed.
    let charts = dir.join("flowcharts");
    if std::fs::symlink_metadata(&charts).is_ok_and(|m| m.is_dir()) {
        let mut found = Vec::new();
        for entry in std::fs::read_dir(&charts).ok()? {
            let path = entry.ok()?.path();
            if std::fs::symlink_metadata(&path)
                .is_ok_and(|m| m.is_file() && m.len() <= crate::model::Flowchart::MAX_BYTES)
            {
                found.push(path);
            }
        }
        found.sort();
        files.extend(found);
    }
    Some(files)
}

/// The digest of everything a list's check depends on, with the stamps of
/// its files.
fn list_digest(
    index: &StatIndex,
    dir: &Path,
    shared: &str,
    as_of: Date,
) -> Option<(String, Vec<(PathBuf, Stamp)>)> {
    let header = format!("quanze-check\n{as_of}\n{shared}");
    stamped_digest(index, dir, &header, list_inputs(dir)?)
}

/// The digest of the shared files' bytes.
fn shared_digest(root: &Path) -> String {
    let mut text = String::new();
    for name in [
        "authorities.toml",
        "documents.toml",
        "laws/laws.toml",
        "calendar.toml",
    ] {
        match fs::read(root.join(name)) {
            Ok(b) => text.push_str(&HashAlg::Sha256.hash(&b)),
            Err(_) => text.push('-'),
        }
        text.push('\n');
    }
    HashAlg::Sha256.hash(text.as_bytes())
}

enum Outcome {
    Reused(usize),
    Read {
        reading: Vec<Diagnostic>,
        rules: Vec<Diagnostic>,
        list: bool,
        items: usize,
    },
}

impl Registry {
    /// Checks the registry at `root`, one list at a time (see
    /// [`Registry::scan`]): reading problems and every semantic rule, as
    /// [`Registry::load`] followed by [`Registry::validate`] would find
    /// them, in the same order, without holding the whole registry in
    /// memory. With a cache in `options.load`, a list found clean before
    /// with the same files, shared files, date and quanze build is not read
    /// again.
    ///
    /// ```
    /// use quanze::{CheckOptions, Date, Registry};
    /// let report = Registry::check("registry", &CheckOptions::new("2021-12-31".parse::<Date>()?))?;
    /// assert!(report.problems.is_empty());
    /// // The city's list and the province's partial one.
    /// assert_eq!((report.lists, report.items), (2, 109));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Io`] when something cannot be read.
    pub fn check(root: impl AsRef<Path>, options: &CheckOptions) -> Result<CheckReport, Error> {
        let root = root.as_ref();
        let (shared, problems) = Self::read_shared(root, &options.load)?;
        let cache = options.load.cache.as_deref();
        let index = cache.map(StatIndex::open);
        let shared_hash = shared_digest(root);
        let as_of = options.as_of;
        let outcomes = crate::io::par_lists(
            list_dirs(root, &options.load)?,
            options.load.progress.as_ref(),
            |dir| {
                let digest = index
                    .as_ref()
                    .and_then(|ix| list_digest(ix, &dir, &shared_hash, as_of));
                let record = match (cache, &digest) {
                    (Some(c), Some((d, _))) => Some(c.join(format!("check-{d}.json"))),
                    _ => None,
                };
                if let Some(r) = &record
                    && let Some(clean) = cache_read::<CleanList>(r)
                {
                    touch(r);
                    return Ok(Outcome::Reused(clean.items));
                }
                let read = read_list_dir(dir, cache)?;
                let (rules, list, items) = match &read.list {
                    Some(l) => (shared.validate_list(l, as_of), true, l.items.len()),
                    None => (Vec::new(), false, 0),
                };
                // Kept only when clean, only when every file had settled before
                // it was hashed, and only when none changed while the list was
                // being checked: so the record is of the bytes hashed.
                if let (Some(r), Some((_, stamps))) = (&record, &digest)
                    && read.problems.is_empty()
                    && rules.is_empty()
                    && list
                    && still(stamps)
                {
                    cache_write(r, &CleanList { items });
                }
                Ok(Outcome::Read {
                    reading: read.problems,
                    rules,
                    list,
                    items,
                })
            },
        );
        if let Some(ix) = index {
            ix.save();
        }
        // The order of a full load and validation: every reading problem,
        // then the shared files' rules, then each list's.
        let mut rules_out = shared.validate_shared();
        let mut report = CheckReport {
            problems,
            lists: 0,
            items: 0,
            reused: 0,
        };
        for outcome in outcomes {
            match outcome? {
                Outcome::Reused(items) => {
                    report.lists += 1;
                    report.items += items;
                    report.reused += 1;
                }
                Outcome::Read {
                    reading,
                    rules,
                    list,
                    items,
                } => {
                    report.problems.extend(reading);
                    rules_out.extend(rules);
                    report.lists += usize::from(list);
                    report.items += items;
                }
            }
        }
        // The rules that compare a list with its parents: a list is read
        // one at a time above, so those with parents are read again beside
        // them (never from the cache: a parent's change must be seen).
        for dir in list_dirs(root, &options.load)? {
            let meta_file = dir.join("list.toml");
            let Ok(text) = fs::read_to_string(&meta_file) else {
                continue;
            };
            let (Some(meta), _) =
                crate::io::decode::decode_whole::<crate::model::ListMeta>(&meta_file, &text)
            else {
                continue;
            };
            if meta.parent.is_empty() {
                continue;
            }
            let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
                continue;
            };
            let mut names = vec![name.clone()];
            names.extend(meta.parent.iter().map(|p| p.list.to_string()));
            let Ok(loaded) = Self::load_with(root, &LoadOptions::default().only(names)) else {
                continue;
            };
            if let Some(list) = loaded.registry.list(&name) {
                for d in loaded.registry.validate_parents(list, as_of) {
                    if !rules_out.contains(&d) {
                        rules_out.push(d);
                    }
                }
            }
        }
        report.problems.extend(rules_out);
        Ok(report)
    }
}
