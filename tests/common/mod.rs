//! Helpers shared by the integration tests.

#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

mod plain;
#[allow(unused_imports)]
pub(crate) use plain::{Rng, copy_dir};

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

/// Rewrites a registry so that the fast TOML reader declines its item files
/// and its last change-log entry (which the parse cache then keeps), without
/// changing what they mean: a `name = "…"` line of each item file and a
/// `title = "…"` line of the last entry become multi-line literal strings,
/// and list.toml's `head` follows the entry's new hash.
pub(crate) fn decline_fast_reader(root: &Path) {
    let literal = |text: &str, key: &str| -> String {
        let prefix = format!("{key} = \"");
        let mut done = false;
        let mut out = String::new();
        for line in text.split_inclusive('\n') {
            let body = line.trim_end_matches('\n');
            match body.strip_prefix(&prefix).and_then(|v| v.strip_suffix('"')) {
                Some(v) if !done && !v.contains(['\\', '\'', '"']) => {
                    out.push_str(&format!("{key} = '''{v}'''\n"));
                    done = true;
                }
                _ => out.push_str(line),
            }
        }
        assert!(done, "no plain `{key}` line to rewrite");
        out
    };
    for list in fs::read_dir(root).unwrap() {
        let list = list.unwrap().path();
        if !list.join("list.toml").exists() {
            continue;
        }
        for file in fs::read_dir(list.join("items")).unwrap() {
            let file = file.unwrap().path();
            let text = fs::read_to_string(&file).unwrap();
            fs::write(&file, literal(&text, "name")).unwrap();
        }
        let mut entries: Vec<PathBuf> = fs::read_dir(list.join("changelog"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort_by_key(|p| {
            let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
            semver::Version::parse(&stem).unwrap()
        });
        let last = entries.last().unwrap();
        let old = fs::read_to_string(last).unwrap();
        let new = literal(&old, "title");
        fs::write(last, &new).unwrap();
        let hash = |t: &str| quanze::HashAlg::Sha256.hash(&quanze::canonical_bytes(t));
        let meta = fs::read_to_string(list.join("list.toml")).unwrap();
        assert!(meta.contains(&hash(&old)), "list.toml holds no head hash");
        fs::write(
            list.join("list.toml"),
            meta.replace(&hash(&old), &hash(&new)),
        )
        .unwrap();
    }
}

/// Whether this run blesses snapshots and expected files instead of
/// comparing them: insta's own switch, `INSTA_UPDATE=always`, which also
/// rewrites the `.snap` files (`cargo insta review` is the interactive way).
pub(crate) fn blessing() -> bool {
    std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always")
}

/// Compares `actual` with the snapshot `tests/snapshots/<name>` (insta's
/// binary snapshots keep the bytes exactly, BOM and CRLF included, in a file
/// with the output's extension beside the `.snap`).
pub(crate) fn snapshot(name: &str, actual: impl AsRef<[u8]>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let dir = if dir.exists() {
        dir
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/snapshots")
    };
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(dir);
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    // insta names a binary snapshot by what precedes its first dot: keep
    // the format in the name, so that the formats of one report do not
    // share a snapshot.
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, "txt"));
    let id = format!("{}-{ext}.{ext}", stem.replace('.', "_"));
    settings.bind(|| insta::assert_binary_snapshot!(id.as_str(), actual.as_ref().to_vec()));
}
