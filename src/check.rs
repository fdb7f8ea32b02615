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

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::changelog::HashAlg;
use crate::diag::Diagnostic;
use crate::id::Date;
use crate::registry::{
    Error, LoadOptions, Registry, cache_read, cache_write, list_dirs, read_list_dir,
};

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

/// One file's entry in the stat index.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    len: u64,
    mtime_ns: i128,
    ctime_ns: i128,
    ino: u64,
    /// When the hash was computed (ns since the epoch).
    seen_ns: i128,
    pub(crate) sha256: String,
}

/// How long after its last modification a file's hash is trusted on its
/// stat data alone.
const RACY_NS: i128 = 2_000_000_000;

fn now_ns() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
}

/// The stat data of a file, with no hash yet; `None` when it cannot be read.
pub(crate) fn stat(path: &Path) -> Option<Stamp> {
    let m = fs::metadata(path).ok()?;
    #[cfg(unix)]
    let (ctime_ns, ino) = {
        use std::os::unix::fs::MetadataExt as _;
        (
            i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
            m.ino(),
        )
    };
    #[cfg(not(unix))]
    let (ctime_ns, ino) = (0, 0);
    let mtime_ns = m
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| i128::try_from(d.as_nanos()).unwrap_or(0));
    Some(Stamp {
        len: m.len(),
        mtime_ns,
        ctime_ns,
        ino,
        seen_ns: 0,
        sha256: String::new(),
    })
}

/// Whether the file had been left alone for a while when it was hashed: a
/// later change then shows in its modification or change time.
pub(crate) fn settled(s: &Stamp) -> bool {
    s.mtime_ns.max(s.ctime_ns) + RACY_NS < s.seen_ns
}

pub(crate) fn same_file(a: &Stamp, b: &Stamp) -> bool {
    (a.len, a.mtime_ns, a.ctime_ns, a.ino) == (b.len, b.mtime_ns, b.ctime_ns, b.ino)
}

/// Whether every file had settled before it was hashed and is unchanged
/// since: then what was computed from the files is of the bytes hashed, and
/// may be kept under their hashes.
pub(crate) fn still(stamps: &[(PathBuf, Stamp)]) -> bool {
    stamps
        .iter()
        .all(|(f, s)| settled(s) && stat(f).is_some_and(|now| same_file(s, &now)))
}

/// The stat index: file path → stamp.
pub(crate) struct StatIndex {
    path: PathBuf,
    old: BTreeMap<String, Stamp>,
    new: Mutex<BTreeMap<String, Stamp>>,
}

impl StatIndex {
    pub(crate) fn open(cache: &Path) -> Self {
        let path = cache.join("stat-index.json");
        Self {
            old: cache_read(&path).unwrap_or_default(),
            new: Mutex::new(BTreeMap::new()),
            path,
        }
    }

    /// The SHA-256 of `file`'s bytes and its stat data, from the index when
    /// the file is unchanged and old enough, else read and hashed.
    pub(crate) fn hash(&self, file: &Path) -> Option<Stamp> {
        let key = file.to_string_lossy().into_owned();
        let now = stat(file)?;
        let stamp = match self.old.get(&key) {
            Some(s) if same_file(s, &now) && settled(s) => s.clone(),
            _ => {
                let seen_ns = now_ns();
                let bytes = fs::read(file).ok()?;
                let after = stat(file)?;
                if !same_file(&now, &after) {
                    return None;
                }
                Stamp {
                    seen_ns,
                    sha256: HashAlg::Sha256.hash(&bytes),
                    ..now
                }
            }
        };
        if let Ok(mut new) = self.new.lock() {
            new.insert(key, stamp.clone());
        }
        Some(stamp)
    }

    /// Keeps the entries of this run (and those of lists it did not look
    /// at), when anything changed.
    pub(crate) fn save(self) {
        let Ok(new) = self.new.into_inner() else {
            return;
        };
        if new.iter().all(|(k, s)| self.old.get(k) == Some(s)) {
            return;
        }
        let mut all = self.old;
        all.extend(new);
        all.retain(|k, _| Path::new(k).exists());
        cache_write(&self.path, &all);
    }
}

/// The `.toml` files a list's outcome depends on, in a fixed order: the
/// loader's files (`list.toml` and the record directories).
fn list_inputs(dir: &Path) -> Option<Vec<PathBuf>> {
    let mut files = vec![dir.join("list.toml")];
    for sub in crate::registry::LIST_SUBDIRS {
        files.extend(crate::registry::toml_files(&dir.join(sub)).ok()?);
    }
    Some(files)
}

/// A digest of `header` and the names and hashes of `files` (a missing one
/// counts as missing), with their stamps; `None` when a file cannot be
/// stamped (it changed while being read) or a transaction is pending in
/// `dir`. What is computed from these files may be kept under the digest.
pub(crate) fn stamped_digest(
    index: &StatIndex,
    dir: &Path,
    header: &str,
    files: Vec<PathBuf>,
) -> Option<(String, Vec<(PathBuf, Stamp)>)> {
    if crate::write::overlay(dir).is_some() || dir.join(".txn").exists() {
        return None;
    }
    let mut text = format!(
        "{header}\n{}\n{}\n{}\n",
        env!("CARGO_PKG_VERSION"),
        env!("QUANZE_SOURCE_FINGERPRINT"),
        dir.file_name()?.to_string_lossy()
    );
    let mut stamps = Vec::new();
    for file in files {
        let rel = file.strip_prefix(dir).ok()?.to_string_lossy().into_owned();
        match index.hash(&file) {
            Some(s) => {
                text.push_str(&format!("{rel} {}\n", s.sha256));
                stamps.push((file, s));
            }
            None if !file.exists() => text.push_str(&format!("{rel} -\n")),
            None => return None,
        }
    }
    let digest = HashAlg::Sha256.hash(text.as_bytes());
    Some((digest.trim_start_matches("sha256:").to_owned(), stamps))
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
    for name in ["authorities.toml", "documents.toml"] {
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
    /// assert_eq!((report.lists, report.items), (1, 80));
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
        let outcomes = crate::registry::par_map(list_dirs(root, &options.load)?, |dir| {
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
        });
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
        report.problems.extend(rules_out);
        Ok(report)
    }
}

/// What [`Registry::prune_cache`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct Pruned {
    /// Cache files removed.
    pub removed: usize,
    /// Their bytes.
    pub bytes: u64,
    /// Cache files kept.
    pub kept: usize,
}

/// Marks a cache file as used now (its modification time), so that
/// [`Registry::prune_cache`] keeps what is in use.
pub(crate) fn touch(path: &Path) {
    if let Ok(f) = fs::File::options().write(true).open(path) {
        let _ = f.set_modified(SystemTime::now());
    }
}

impl Registry {
    /// Removes from the cache directory `cache` what the registry at `root`
    /// no longer needs: parsed records of files that no longer have those
    /// bytes (or that another quanze build made), check records and
    /// checkpoints not used for `keep_days` days (a use renews them), and
    /// temporary files left by a crash. What is removed is only a cost on
    /// the next run that would need it.
    ///
    /// # Errors
    /// [`Error::Io`] when the registry or the cache cannot be listed, or
    /// when `cache` holds registry files (`authorities.toml`, `list.toml`):
    /// then nothing is removed.
    pub fn prune_cache(
        root: impl AsRef<Path>,
        cache: impl AsRef<Path>,
        keep_days: u64,
    ) -> Result<Pruned, Error> {
        let (root, cache) = (root.as_ref(), cache.as_ref());
        // Never prune a directory that holds registry data.
        if cache.join("authorities.toml").exists() || cache.join("list.toml").exists() {
            return Err(Error::Io {
                path: cache.to_owned(),
                source: std::io::Error::other(
                    "this holds registry files, not a cache; nothing was removed",
                ),
            });
        }
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Io { path, source }
        };
        // The parsed records the registry's files have now.
        let mut current = std::collections::HashSet::new();
        for dir in list_dirs(root, &LoadOptions::default())? {
            for (sub, kind) in [("items", "items"), ("changelog", "entry")] {
                for file in crate::registry::toml_files(&dir.join(sub))? {
                    let Ok(bytes) = fs::read(&file) else { continue };
                    let Ok(text) = String::from_utf8(bytes) else {
                        continue;
                    };
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    let p = crate::registry::cache_path(cache, kind, text);
                    if let Some(name) = p.file_name() {
                        current.insert(name.to_owned());
                    }
                }
            }
        }
        let now = SystemTime::now();
        let old = |m: &fs::Metadata, days: u64| {
            m.modified()
                .ok()
                .and_then(|t| now.duration_since(t).ok())
                .is_some_and(|age| age.as_secs() > days * 86_400)
        };
        let mut out = Pruned::default();
        for entry in fs::read_dir(cache).map_err(io(cache))? {
            let path = entry.map_err(io(cache))?.path();
            let Ok(meta) = fs::metadata(&path) else {
                continue;
            };
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let remove = if !meta.is_file() {
                false
            } else if name.starts_with("items-") || name.starts_with("entry-") {
                !current.contains(path.file_name().unwrap_or_default())
            } else if name.starts_with("check-") || name.starts_with("units-") {
                old(&meta, keep_days)
            } else if name.starts_with('.') && name.ends_with(".tmp") {
                old(&meta, 1)
            } else {
                false
            };
            if remove && fs::remove_file(&path).is_ok() {
                out.removed += 1;
                out.bytes += meta.len();
            } else {
                out.kept += 1;
            }
        }
        Ok(out)
    }
}
