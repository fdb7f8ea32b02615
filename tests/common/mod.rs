//! Helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

/// Copies a directory tree.
pub(crate) fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            fs::copy(&p, &target).unwrap();
        }
    }
}

/// The fixture directories of `tests/fixtures/<kind>/`, sorted.
pub(crate) fn fixture_dirs(kind: &str) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(Path::new("tests/fixtures").join(kind))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// Waits until files written now count as settled: the check cache and the
/// checkpoints trust a file's stat data, and keep what was computed from
/// it, only two seconds after it last changed (see src/check.rs).
pub(crate) fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(2100));
}

/// A copy of the bundled registry in a fresh temporary directory, with a
/// cache directory path beside it: (the directory, the registry, the cache).
pub(crate) fn scratch_registry() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    copy_dir(Path::new("registry"), &root);
    let cache = tmp.path().join("cache");
    (tmp, root, cache)
}

/// How many files of `dir` have names starting with `prefix`.
pub(crate) fn count_prefixed(dir: &Path, prefix: &str) -> usize {
    fs::read_dir(dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(prefix)
        })
        .count()
}
