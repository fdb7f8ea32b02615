//! The cache directory (`--cache`): parsed records of the files the fast
//! TOML reader declines, the stat index, check records and checkpoints,
//! each named by a digest of what it was computed from, and their pruning.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::Diagnostic;
use std::collections::BTreeMap;
use std::sync::Mutex;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::io::decode::decode_whole;
use crate::io::walk::list_dirs;
use crate::io::{Error, LoadOptions};
use crate::model::{HashAlg, Item, Registry};

/// The records of an items file, from the cache when it holds them for these
/// exact bytes, else parsed (and kept in the cache when they parse cleanly).
pub(crate) fn cached_records(
    cache: &Path,
    file: &Path,
    text: &str,
) -> crate::io::decode::Decoded<Item> {
    // What the fast reader takes it reads about as fast as the cache's JSON
    // is read, so only the files it declines are kept.
    if let Some(records) = crate::io::fast_toml::records(text, "item") {
        return crate::io::decode::Decoded::clean(records);
    }
    let path = cache_path(cache, "items", text);
    if let Some(records) = cache_read::<Vec<(usize, Item)>>(&path) {
        return crate::io::decode::Decoded::clean(records);
    }
    let decoded = crate::io::decode::decode_records_fully::<Item>(file, text, "item");
    // Only clean files are kept, so a cached file has nothing to report.
    if decoded.problems.is_empty() && decoded.unreadable.is_empty() {
        cache_write(&path, &decoded.records);
    }
    decoded
}

/// A change-log entry, from the cache or parsed (and kept when clean).
pub(crate) fn cached_entry(
    cache: Option<&Path>,
    file: &Path,
    text: &str,
) -> (Option<crate::model::Entry>, Vec<Diagnostic>) {
    let Some(cache) = cache else {
        return decode_whole(file, text);
    };
    if let Some(entry) = crate::io::fast_toml::whole(text) {
        return (Some(entry), Vec::new());
    }
    let path = cache_path(cache, "entry", text);
    if let Some(entry) = cache_read(&path) {
        return (Some(entry), Vec::new());
    }
    let (entry, problems) =
        crate::io::decode::decode_whole_fully::<crate::model::Entry>(file, text);
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
    let key = crate::model::HashAlg::Sha256.hash(text.as_bytes());
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
    use std::io::Write as _;
    let Some(dir) = path.parent() else { return };
    // A cache that cannot be written only costs the next parse; the
    // temporary file is removed when dropped unless it was renamed.
    if let Ok(mut tmp) = crate::io::save::temp_in(dir, path)
        && tmp.write_all(json).is_ok()
    {
        let _ = tmp.persist(path);
    }
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

/// The bytes of a regular file; `None` for anything else. It is opened
/// without waiting (`O_NONBLOCK`), so a FIFO put in a file's place between
/// a look and the read never hangs the reader.
fn read_regular(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let mut file = options.open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).ok()?;
    Some(bytes)
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
                let bytes = read_regular(file)?;
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
    if crate::io::txn::overlay(dir).is_some() || dir.join(".txn").exists() {
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
                for file in crate::io::walk::toml_files(&dir.join(sub))? {
                    let Ok(bytes) = fs::read(&file) else { continue };
                    let Ok(text) = String::from_utf8(bytes) else {
                        continue;
                    };
                    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                    let p = crate::io::cache::cache_path(cache, kind, text);
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
