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

/// Opens a lock file without following a link (`O_NOFOLLOW`) or waiting
/// on a FIFO (`O_NONBLOCK`), and refuses what is not a regular file.
fn open_lock(path: &Path, write: bool) -> std::io::Result<fs::File> {
    let not_file =
        || std::io::Error::other("not a regular file; quanze makes it, as an empty file");
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file() && !m.file_type().is_symlink()) {
        return Err(not_file());
    }
    let mut options = fs::OpenOptions::new();
    if write {
        options.create(true).truncate(false).write(true);
    } else {
        options.read(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_file());
    }
    Ok(file)
}

/// A reader's shared hold on a list, released when dropped; `None` when no
/// writer has made the lock file yet (nothing to wait for) or it cannot be
/// opened. Waits while a writer commits.
pub(crate) fn read_guard(list_dir: &Path) -> Option<fs::File> {
    let file = open_lock(&list_dir.join(RWLOCK), false).ok()?;
    file.lock_shared().ok()?;
    Some(file)
}

/// Takes an exclusive lock on the lock file `path` (made if absent, never
/// followed through a link), waiting for another holder: for a short
/// read-modify-write of a registry file (`authorities.toml` by `import`).
///
/// # Errors
/// When the lock file cannot be opened or locked.
pub(crate) fn lock_wait(path: &Path) -> Result<ListLock, Error> {
    let file = open_lock(path, true).map_err(|e| {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            Error::Symlink(path.to_owned())
        } else {
            io(path)(e)
        }
    })?;
    file.lock().map_err(io(path))?;
    Ok(ListLock { _file: file })
}

/// Takes the lock of the list in `list_dir`, without waiting.
///
/// # Errors
/// [`Error::Locked`] when another process holds it.
pub fn lock(list_dir: &Path) -> Result<ListLock, Error> {
    let path = list_dir.join(LOCK);
    // A planted symbolic link is never followed (the open fails with ELOOP),
    // nor a FIFO waited on.
    let file = open_lock(&path, true).map_err(|e| {
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
    if kind(&txn)?.is_none() {
        return Ok(());
    }
    if let Some(marker) = read_marker(list_dir)? {
        let staged: Vec<&str> = marker.staged.iter().map(String::as_str).collect();
        // Readers wait while the renames finish.
        let rw_path = list_dir.join(RWLOCK);
        let rw = open_lock(&rw_path, true).map_err(io(&rw_path))?;
        rw.lock().map_err(io(&rw_path))?;
        move_into_place(list_dir, &txn.join("files"), &staged)?;
    } else if !fs::symlink_metadata(&txn).is_ok_and(|m| m.is_dir()) {
        return Err(unsafe_txn(&txn, "not a directory"));
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
        None => rel == "list.toml" || rel == "laws.toml",
        Some((dir, name)) => crate::io::walk::LIST_SUBDIRS.contains(&dir) && plain(name),
    }
}

/// The largest commit marker read: far more lines than a list has files.
const MARKER_MAX: u64 = 1 << 20;

/// A commit marker and the staged files it names, each checked: `.txn/`,
/// `.txn/files/` and its directories are real directories, the marker and
/// every staged file regular files (no link is followed), the marker at
/// most [`MARKER_MAX`] bytes and every line a file a writer writes.
struct Marker {
    /// The files the marker names, in its order.
    files: Vec<String>,
    /// Those of them that are staged (not yet moved into place).
    staged: Vec<String>,
}

fn unsafe_txn(path: &Path, found: impl Into<String>) -> Error {
    Error::UnsafeTransaction {
        path: path.to_owned(),
        found: found.into(),
    }
}

/// What is at `path`, without following a link: `None` when nothing is.
fn kind(path: &Path) -> Result<Option<fs::FileType>, Error> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(Error::Symlink(path.to_owned())),
        Ok(m) => Ok(Some(m.file_type())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(path)(e)),
    }
}

/// Whether the file at `path` has more than one name: a staged file a
/// writer made has one, so a second is a file planted from elsewhere (its
/// text would reach diagnostics when read).
fn hard_linked(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        fs::symlink_metadata(path).is_ok_and(|m| m.nlink() > 1)
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Reads the commit marker of the list in `list_dir`: `None` when there is
/// no committed transaction.
fn read_marker(list_dir: &Path) -> Result<Option<Marker>, Error> {
    let txn = list_dir.join(TXN);
    match kind(&txn)? {
        None => return Ok(None),
        Some(k) if !k.is_dir() => return Err(unsafe_txn(&txn, "not a directory")),
        Some(_) => {}
    }
    let commit = txn.join("commit");
    match kind(&commit)? {
        None => return Ok(None),
        Some(k) if !k.is_file() => return Err(unsafe_txn(&commit, "not a regular file")),
        Some(_) if hard_linked(&commit) => {
            return Err(unsafe_txn(
                &commit,
                "a hard link (the file has other names); a writer makes a new marker",
            ));
        }
        Some(_) => {}
    }
    let file = open_lock(&commit, false).map_err(io(&commit))?;
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(file, MARKER_MAX + 1), &mut bytes)
        .map_err(io(&commit))?;
    if bytes.len() as u64 > MARKER_MAX {
        return Err(unsafe_txn(&commit, format!("more than {MARKER_MAX} bytes")));
    }
    let text = String::from_utf8(bytes).map_err(|_| unsafe_txn(&commit, "not UTF-8"))?;
    let mut files: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // Every line is checked before anything is read or moved; a file named
    // twice is moved once.
    for (n, rel) in text.lines().enumerate() {
        if rel.is_empty() || !seen.insert(rel) {
            continue;
        }
        if !writable(rel) {
            return Err(Error::BadTransaction {
                path: commit.clone(),
                line: n + 1,
                found: rel.to_owned(),
            });
        }
        files.push(rel.to_owned());
    }
    let root = txn.join("files");
    let mut staged = Vec::new();
    if kind(&root)?.is_some_and(|k| k.is_dir()) {
        for rel in &files {
            if let Some((sub, _)) = rel.split_once('/') {
                let dir = root.join(sub);
                match kind(&dir)? {
                    Some(k) if k.is_dir() => {}
                    Some(_) => return Err(unsafe_txn(&dir, "not a directory")),
                    None => continue,
                }
            }
            let path = root.join(rel);
            match kind(&path)? {
                Some(k) if k.is_file() && hard_linked(&path) => {
                    return Err(unsafe_txn(
                        &path,
                        "a hard link (the file has other names); a writer stages new files",
                    ));
                }
                Some(k) if k.is_file() => staged.push(rel.clone()),
                Some(_) => return Err(unsafe_txn(&path, "not a regular file")),
                None => {}
            }
        }
    }
    Ok(Some(Marker { files, staged }))
}

/// The files of an unfinished commit of the list in `list_dir` (a writer
/// stopped after its commit marker), as the marker names them, or `None`
/// when there is none. Readers see these files through the staged copies;
/// the next write (or [`recover`]) moves them into place.
///
/// # Errors
/// When the transaction is one that [`recover`] refuses: a link, a marker
/// that is no regular file or too large, a line naming a file a writer
/// never writes, a staged file that is no regular file.
pub fn unfinished(list_dir: &Path) -> Result<Option<Vec<String>>, Error> {
    Ok(read_marker(list_dir)?.map(|m| m.files))
}

/// Where readers find the staged files of a committed but unfinished
/// transaction, and which files are staged; `None` when there is none or it
/// is one [`recover`] refuses (readers then see the files in place).
pub(crate) fn overlay(list_dir: &Path) -> Option<(PathBuf, Vec<String>)> {
    let m = read_marker(list_dir).ok()??;
    Some((list_dir.join(TXN).join("files"), m.staged))
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
            // The file it replaces keeps its permissions (a new one gets a
            // new file's).
            if let Ok(m) = fs::symlink_metadata(list_dir.join(rel))
                && m.is_file()
            {
                fs::set_permissions(&staged, m.permissions()).map_err(io(&staged))?;
            }
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
