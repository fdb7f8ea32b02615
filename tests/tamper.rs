//! Tampering with the bundled change log, byte by byte: every byte of every
//! entry, changed, is detected on reading, and the finding names the entry
//! changed (its file or its version).
//!
//! The default test run changes every 97th byte; `QUANZE_RELIABILITY=full`
//! (as `scripts/reliability.sh` sets it) changes every byte. The figures go
//! to standard error (`--nocapture` shows them).

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use quanze::Registry;

const LIST: &str = "guangzhou-gxj";

/// Every `stride`-th byte: `QUANZE_TAMPER_STRIDE` if set, else 1 with
/// `QUANZE_RELIABILITY=full` and 1009 otherwise.
fn stride() -> usize {
    if let Some(n) = std::env::var("QUANZE_TAMPER_STRIDE")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return std::cmp::max(n, 1);
    }
    if std::env::var("QUANZE_RELIABILITY").is_ok_and(|v| v == "full") {
        1
    } else {
        1009
    }
}

/// What a reader says of the registry at `root`: the load's problems and
/// the verification of the list's history.
fn findings(root: &Path) -> Vec<quanze::Diagnostic> {
    match Registry::load(root) {
        Err(e) => panic!("the load failed outright: {e}"),
        Ok(loaded) => {
            let mut out = loaded.problems;
            if let Some(list) = loaded.registry.list(LIST) {
                out.extend(loaded.registry.verify_list(list));
            }
            out
        }
    }
}

fn entries(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(root.join(LIST).join("changelog"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Changes the bytes `positions` (file index, byte) one at a time in a
/// copy of the bundled registry, and returns how many it changed.
fn tamper(positions: &[(usize, usize)]) -> usize {
    let (_tmp, root, _) = common::scratch_registry();
    let files = entries(&root);
    for &(n, at) in positions {
        let file = &files[n];
        let original = fs::read(file).unwrap();
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let version = name.trim_end_matches(".toml");
        let rel = Path::new(LIST).join("changelog").join(&name);
        let mut bytes = original.clone();
        // One bit: ASCII stays ASCII, a UTF-8 lead or continuation byte
        // stays one, so the text still reads and only the hash chain (or
        // the rules) can tell.
        bytes[at] ^= 0x01;
        fs::write(file, &bytes).unwrap();
        let found = findings(&root);
        let named = found.iter().any(|d| {
            d.file.ends_with(&rel)
                || d.message.contains(&format!("entry {version} "))
                || d.message.contains(&format!("entry {version}:"))
        });
        assert!(
            named,
            "byte {at} of {name} ({:?} -> {:?}): {}",
            original[at] as char,
            bytes[at] as char,
            if found.is_empty() {
                "not detected".to_owned()
            } else {
                format!(
                    "detected, but the entry is not named: {:?}",
                    found.iter().map(|d| &d.message).collect::<Vec<_>>()
                )
            }
        );
        fs::write(file, &original).unwrap();
    }
    assert!(findings(&root).is_empty(), "the copy was restored");
    positions.len()
}

#[test]
fn every_changed_byte_of_the_bundled_log_is_detected_and_the_entry_named() {
    let (_tmp, root, _) = common::scratch_registry();
    assert!(findings(&root).is_empty(), "the bundled registry is sound");
    let stride = stride();
    let mut positions = Vec::new();
    let mut bytes = 0;
    for (n, file) in entries(&root).iter().enumerate() {
        let len = fs::metadata(file).unwrap().len() as usize;
        bytes += len;
        // The offset moves with the file, so a sparse run still reaches
        // every kind of byte.
        positions.extend((n % stride..len).step_by(stride).map(|at| (n, at)));
    }
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let started = std::time::Instant::now();
    let chunk = positions.len().div_ceil(threads);
    let trials: usize = std::thread::scope(|s| {
        let handles: Vec<_> = positions
            .chunks(chunk)
            .map(|part| s.spawn(move || tamper(part)))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    assert_eq!(trials, positions.len());
    eprintln!(
        "reliability: {trials} changed bytes ({} of the {bytes} bytes of the bundled log) in {:.1?}: every one detected, naming its entry",
        if stride == 1 {
            "every one".to_owned()
        } else {
            format!("every {stride}th")
        },
        started.elapsed()
    );
}
