//! Transactions of a list directory: the writer's lock, staged files, the
//! commit marker that readers follow, and recovery after a crash.
//!
//! # Atomicity
//! A write stages every new file in `<list>/.txn/files/`, then writes
//! `<list>/.txn/commit` (atomically), then renames each staged file into
//! place and removes `.txn/`. A crash before the commit marker leaves the old
//! state (the next writer discards `.txn/`); a crash after it leaves the new
//! state, which readers already see through `.txn/` and the next writer
//! finishes moving into place. Either way `quanze check` accepts the registry.
//!
//! # Locking
//! A writer holds an exclusive OS lock on `<list>/.lock` (released by the
//! OS if the writer dies, so a crash leaves no stale lock). A second writer
//! does not wait: it fails with [`Error::Locked`] and writes nothing.

use std::fs;
use std::path::{Path, PathBuf};

use crate::io::save::sync_dir;
use crate::io::{Error, io, write_atomic};

const TXN: &str = ".txn";

const LOCK: &str = ".lock";

/// Aborts the process at a named point when `QUANZE_CRASH_AT` names it: the
/// crash tests use this to stop a writer between any two steps.
pub(crate) fn crash_point(name: &str) {
    if std::env::var("QUANZE_CRASH_AT").is_ok_and(|v| v == name) {
        std::process::abort();
    }
}

/// The exclusive lock of one list, released when dropped (or when the
/// process dies).
#[derive(Debug)]
pub struct ListLock {
    _file: fs::File,
}

/// The file readers and a committing writer lock: readers share it while
/// they read a list's files, a writer holds it alone from its commit marker
/// to the last rename, so a reader sees the old state or the new one.
const RWLOCK: &str = ".rwlock";

/// Opens a lock file without following a link (`O_NOFOLLOW`).
fn open_lock(path: &Path, write: bool) -> std::io::Result<fs::File> {
    let mut options = fs::OpenOptions::new();
    if write {
        options.create(true).truncate(false).write(true);
    } else {
        options.read(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// A reader's shared hold on a list, released when dropped; `None` when no
/// writer has made the lock file yet (nothing to wait for) or it cannot be
/// opened. Waits while a writer commits.
pub(crate) fn read_guard(list_dir: &Path) -> Option<fs::File> {
    let file = open_lock(&list_dir.join(RWLOCK), false).ok()?;
    file.lock_shared().ok()?;
    Some(file)
}

/// Takes the lock of the list in `list_dir`, without waiting.
///
/// # Errors
/// [`Error::Locked`] when another process holds it.
pub fn lock(list_dir: &Path) -> Result<ListLock, Error> {
    let path = list_dir.join(LOCK);
    let mut options = fs::OpenOptions::new();
    options.create(true).truncate(false).write(true);
    // A planted symbolic link is never followed (the open fails with ELOOP).
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    let file = options.open(&path).map_err(|e| {
        if fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            Error::Symlink(path.clone())
        } else {
            io(&path)(e)
        }
    })?;
    match file.try_lock() {
        Ok(()) => Ok(ListLock { _file: file }),
        Err(fs::TryLockError::WouldBlock) => Err(Error::Locked(
            list_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        )),
        Err(fs::TryLockError::Error(e)) => Err(io(&path)(e)),
    }
}

/// Finishes or discards a transaction that a crashed writer left. Call with
/// the lock held.
///
/// # Errors
/// When the files cannot be moved or removed.
pub fn recover(list_dir: &Path) -> Result<(), Error> {
    let txn = list_dir.join(TXN);
    if !txn.exists() {
        return Ok(());
    }
    let commit = txn.join("commit");
    if commit.exists() {
        let list = fs::read_to_string(&commit).map_err(io(&commit))?;
        let rels: Vec<&str> = list.lines().filter(|l| !l.is_empty()).collect();
        // Every line is checked before anything moves.
        for (n, rel) in list.lines().enumerate() {
            if !rel.is_empty() && !writable(rel) {
                return Err(Error::BadTransaction {
                    path: commit.clone(),
                    line: n + 1,
                    found: rel.to_owned(),
                });
            }
        }
        let staged: Vec<&str> = rels
            .iter()
            .copied()
            .filter(|rel| txn.join("files").join(rel).exists())
            .collect();
        // Readers wait while the renames finish.
        let rw_path = list_dir.join(RWLOCK);
        let rw = open_lock(&rw_path, true).map_err(io(&rw_path))?;
        rw.lock().map_err(io(&rw_path))?;
        move_into_place(list_dir, &txn.join("files"), &staged)?;
    }
    fs::remove_dir_all(&txn).map_err(io(&txn))?;
    sync_dir(list_dir);
    Ok(())
}

/// Renames each staged file over its target, then syncs every directory a
/// file was renamed into, so the new names survive a power loss.
fn move_into_place(list_dir: &Path, staged_root: &Path, rels: &[&str]) -> Result<(), Error> {
    let mut dirs: Vec<PathBuf> = Vec::new();
    for (n, rel) in rels.iter().enumerate() {
        let target = list_dir.join(rel);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
            if !dirs.iter().any(|d| d == parent) {
                dirs.push(parent.to_owned());
            }
        }
        fs::rename(staged_root.join(rel), &target).map_err(io(&target))?;
        if n == 0 {
            crash_point("moved-first");
        }
    }
    for d in &dirs {
        sync_dir(d);
    }
    Ok(())
}

/// Whether `rel` is a file a writer writes: `list.toml`, or a `.toml` file
/// directly in `items/`, `agreements/`, `changelog/` or `statistics/`, by a
/// plain name (relative, no `..`, no hidden file).
pub(crate) fn writable(rel: &str) -> bool {
    let plain = |name: &str| {
        name.len() > 5
            && name.ends_with(".toml")
            && !name.starts_with('.')
            && !name.contains(['/', '\\', '\0'])
    };
    match rel.split_once('/') {
        None => rel == "list.toml",
        Some((dir, name)) => crate::io::walk::LIST_SUBDIRS.contains(&dir) && plain(name),
    }
}

/// Where a reader finds the current text of `path` in `list_dir`: the staged
/// copy of a committed but unfinished transaction, or the file itself.
/// The files of an unfinished commit of the list in `list_dir` (a writer
/// stopped after its commit marker), as the marker names them, or `None`
/// when there is none. Readers see these files through the staged copies;
/// the next write (or [`recover`]) moves them into place.
pub fn unfinished(list_dir: &Path) -> Option<Vec<String>> {
    let marker = list_dir.join(TXN).join("commit");
    let text = fs::read_to_string(&marker).ok()?;
    Some(text.lines().map(str::to_owned).collect())
}

pub(crate) fn overlay(list_dir: &Path) -> Option<PathBuf> {
    let txn = list_dir.join(TXN);
    txn.join("commit").exists().then(|| txn.join("files"))
}

/// Writes `files` (paths relative to the list directory) as one transaction.
pub(crate) fn commit(list_dir: &Path, files: &[(String, String)]) -> Result<(), Error> {
    let txn = list_dir.join(TXN);
    if txn.exists() {
        fs::remove_dir_all(&txn).map_err(io(&txn))?;
    }
    let staged_root = txn.join("files");
    // Until the commit marker is written, a failure leaves the old state:
    // the staged files are removed with it.
    let staged = (|| {
        for (n, (rel, text)) in files.iter().enumerate() {
            let staged = staged_root.join(rel);
            if let Some(parent) = staged.parent() {
                fs::create_dir_all(parent).map_err(io(parent))?;
            }
            write_atomic(&staged, text.as_bytes())?;
            if n == 0 {
                crash_point("staged-first");
            }
        }
        crash_point("staged-all");
        Ok(())
    })();
    if let Err(e) = staged {
        let _ = fs::remove_dir_all(&txn);
        return Err(e);
    }
    // Readers wait from here to the last rename (they hold the lock shared
    // while they read the list).
    let rw_path = list_dir.join(RWLOCK);
    let rw = open_lock(&rw_path, true).map_err(io(&rw_path))?;
    rw.lock().map_err(io(&rw_path))?;
    let list: String = files.iter().map(|(rel, _)| format!("{rel}\n")).collect();
    if let Err(e) = write_atomic(&txn.join("commit"), list.as_bytes()) {
        let _ = fs::remove_dir_all(&txn);
        return Err(e);
    }
    crash_point("committed");
    let rels: Vec<&str> = files.iter().map(|(rel, _)| rel.as_str()).collect();
    move_into_place(list_dir, &staged_root, &rels)?;
    crash_point("moved-all");
    fs::remove_dir_all(&txn).map_err(io(&txn))?;
    sync_dir(list_dir);
    Ok(())
}
