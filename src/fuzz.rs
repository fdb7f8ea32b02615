//! A mutation fuzz harness over every loader: item, agreement, change-log,
//! statistics, `list.toml`, `authorities.toml` and `documents.toml` files,
//! and the two kinds of operations file.
//!
//! Seeds are the registry files of the repository (record files split into
//! single records, so inputs stay small). Each input is a seed changed by
//! one to eight mutations: bits, bytes, tokens of TOML, deep nesting, cut,
//! doubled and spliced pieces. Each input is decoded as the loader does
//! (the fast reader, then the full parser); where the fast reader answers,
//! the full parser must answer the same. One input in 256 is also written
//! into a copy of a registry that is loaded, validated, verified and
//! audited. No input may panic, abort or run for more than ten seconds (a
//! watchdog aborts the run, naming the input).
//!
//! The generator is deterministic: `QUANZE_FUZZ_SEED` and
//! `QUANZE_FUZZ_INPUTS` (2,000 by default; 1,000,000 with
//! `QUANZE_RELIABILITY=full`) repeat a run, and a failing input is saved
//! under `target/fuzz-failures/` with the command that repeats it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::de::DeserializeOwned;

use crate::io::decode::{decode_records, decode_records_fully, decode_whole, decode_whole_fully};
use crate::model::{Agreement, Authority, Document, Entry, Item, ListMeta, Op, Statistics};
use crate::record::OpsFile;

#[path = "../tests/common/plain.rs"]
mod plain;
use plain::{Rng, copy_dir};

/// The kinds of file a loader reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Items,
    Agreement,
    Entry,
    Statistics,
    ListMeta,
    Authorities,
    Documents,
    OpsFile,
    OpsList,
}

impl Kind {
    /// The kind of a registry file, by its place.
    fn of(path: &Path) -> Option<Self> {
        let dir = path.parent()?.file_name()?.to_str()?;
        let name = path.file_name()?.to_str()?;
        Some(match (dir, name) {
            (_, "list.toml") => Self::ListMeta,
            (_, "authorities.toml") => Self::Authorities,
            (_, "documents.toml") => Self::Documents,
            ("items", _) => Self::Items,
            ("agreements", _) => Self::Agreement,
            ("changelog", _) => Self::Entry,
            ("statistics", _) => Self::Statistics,
            _ => return None,
        })
    }

    /// The record key of a record file.
    fn key(self) -> Option<&'static str> {
        match self {
            Self::Items => Some("item"),
            Self::Authorities => Some("authority"),
            Self::Documents => Some("document"),
            _ => None,
        }
    }

    /// Where the kind's file goes in a copy of the `with-history` fixture.
    fn place(self) -> &'static str {
        match self {
            Self::Items => "test-bureau/items/licensing.toml",
            Self::Agreement => "test-bureau/agreements/fuzz.toml",
            Self::Entry => "test-bureau/changelog/1.1.0.toml",
            Self::Statistics => "test-bureau/statistics/2021.toml",
            Self::ListMeta => "test-bureau/list.toml",
            Self::Authorities => "authorities.toml",
            Self::Documents => "documents.toml",
            Self::OpsFile | Self::OpsList => "ops.toml",
        }
    }
}

/// Decodes `text` as the loader does, and checks that the fast reader and
/// the full parser agree where the fast reader answers. Returns whether the
/// input was read without a problem.
fn decode(kind: Kind, text: &str) -> bool {
    let file = Path::new("fuzz.toml");
    fn records<T: DeserializeOwned + PartialEq + std::fmt::Debug>(
        file: &Path,
        text: &str,
        key: &str,
    ) -> bool {
        let d = decode_records::<T>(file, text, key);
        if let Some(fast) = crate::io::fast_toml::records::<T>(text, key) {
            let full = decode_records_fully::<T>(file, text, key);
            assert!(
                full.problems.is_empty() && full.records == fast,
                "the fast reader and the full parser disagree"
            );
        }
        d.problems.is_empty() && d.unreadable.is_empty()
    }
    fn whole<T: DeserializeOwned + PartialEq + std::fmt::Debug>(file: &Path, text: &str) -> bool {
        let d = decode_whole::<T>(file, text);
        if let Some(fast) = crate::io::fast_toml::whole::<T>(text) {
            let (full, problems) = decode_whole_fully::<T>(file, text);
            assert!(
                problems.is_empty() && full.as_ref() == Some(&fast),
                "the fast reader and the full parser disagree"
            );
        }
        d.0.is_some() && d.1.is_empty()
    }
    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Ops {
        #[serde(default)]
        op: Vec<Op>,
    }
    match kind {
        Kind::Items => records::<Item>(file, text, "item"),
        Kind::Authorities => records::<Authority>(file, text, "authority"),
        Kind::Documents => records::<Document>(file, text, "document"),
        Kind::Agreement => whole::<Agreement>(file, text),
        Kind::Entry => whole::<Entry>(file, text),
        Kind::Statistics => whole::<Statistics>(file, text),
        Kind::ListMeta => whole::<ListMeta>(file, text),
        Kind::OpsFile => whole::<OpsFile>(file, text),
        Kind::OpsList => whole::<Ops>(file, text),
    }
}

/// Writes `text` into a copy of a small registry and reads it as the
/// commands do: load, validate, verify, audit; operations files through
/// their readers.
fn through_a_registry(root: &Path, kind: Kind, text: &str) {
    let place = root.join(kind.place());
    let before = fs::read(&place).ok();
    fs::write(&place, text).unwrap();
    if matches!(kind, Kind::OpsFile) {
        let _ = crate::record::read_ops_file(&place);
    } else if matches!(kind, Kind::OpsList) {
        let _ = crate::record::read_ops_list(&place);
    } else if let Ok(loaded) = crate::Registry::load(root) {
        let reg = &loaded.registry;
        let as_of: crate::Date = "2026-11-28".parse().unwrap();
        let _ = reg.validate(as_of);
        let opts = crate::query::audit::AuditOptions {
            as_of,
            ..Default::default()
        };
        for list in reg.lists.values() {
            let _ = reg.verify_list(list);
            let _ = crate::query::audit::audit(reg, list, &opts);
        }
    }
    match before {
        Some(b) => fs::write(&place, b).unwrap(),
        None => fs::remove_file(&place).unwrap(),
    }
}

/// Pieces of TOML, of the registry's keys and of hostile text.
const TOKENS: &[&str] = &[
    "[",
    "]",
    "[[",
    "]]",
    "{",
    "}",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "=",
    ",",
    ".",
    "#",
    "\n",
    "\r\n",
    "\\",
    "\\u0000",
    "\\U0010FFFF",
    "\\x41",
    "\\e",
    "\\uD800",
    " = ",
    "[[item]]\n",
    "[[item.sub]]\n",
    "[[op]]\n",
    "[op.item]\n",
    "[[decided_by]]\n",
    "[[document]]\n",
    "[[authority]]\n",
    "id = ",
    "code = ",
    "name = ",
    "category = ",
    "status = ",
    "kind = ",
    "version = ",
    "date = ",
    "effective = ",
    "previous = ",
    "head = ",
    "sub = []",
    "true",
    "false",
    "1979-05-27",
    "1979-05-27T07:32:00Z",
    "2021-02-30",
    "inf",
    "nan",
    "-0",
    "0x7f",
    "1e999",
    "99999999999999999999999999",
    "-9223372036854775808",
    "\u{feff}",
    "\u{202e}",
    "\u{1b}]0;x\u{7}",
    "\u{0}",
    "\u{85}",
    "<script>",
    "=cmd|'/C calc'!A0",
    "../../x",
    "sha256:",
    "sm3:",
    "XK-001",
    "1.0.0",
    "999.999.999",
    "licensing",
    "entrusted",
    "merge",
    "split",
    "recode",
    "cancel",
    "modify",
    "add",
    "测试",
    "𠀀",
];

/// Changes `input` by one to eight mutations.
fn mutate(rng: &mut Rng, input: &[u8], seeds: &[(Kind, String)]) -> Vec<u8> {
    let mut v = input.to_vec();
    // Mostly one mutation, so that many inputs still read and reach the
    // rules; now and then up to eight.
    let count = if rng.below(4) == 0 {
        1 + rng.below(8)
    } else {
        1
    };
    for _ in 0..count {
        let at = rng.below(v.len() + 1);
        match rng.below(12) {
            10 | 11 => {
                // A quoted value's text replaced, so the file still parses.
                let quotes: Vec<usize> = v
                    .iter()
                    .enumerate()
                    .filter(|&(_, &b)| b == b'"')
                    .map(|(i, _)| i)
                    .collect();
                if quotes.len() >= 2 {
                    let k = rng.below(quotes.len() / 2) * 2;
                    let (from, to) = (quotes[k] + 1, quotes[k + 1]);
                    let t = match rng.below(4) {
                        0 => String::new(),
                        1 => "x".repeat(rng.below(5000)),
                        _ => TOKENS[rng.below(TOKENS.len())]
                            .replace('\\', "\\\\")
                            .replace('"', "\\\""),
                    };
                    v.splice(from..to, t.bytes());
                }
            }
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            2 | 3 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(at..at, t.iter().copied());
            }
            4 if !v.is_empty() => {
                let end = (at + 1 + rng.below(64)).min(v.len());
                let at = at.min(end);
                v.drain(at..end);
            }
            5 if !v.is_empty() => {
                let from = rng.below(v.len());
                let end = (from + 1 + rng.below(256)).min(v.len());
                let piece = v[from..end].to_vec();
                v.splice(at..at, piece);
            }
            6 => {
                // Deep nesting, of arrays or of inline tables.
                let most = if rng.below(16) == 0 { 20_000 } else { 40 };
                let depth = 1 + rng.below(most);
                let (open, close) = if rng.below(2) == 0 {
                    ("[", "]")
                } else {
                    ("{a=", "}")
                };
                let mut s = String::from("\nx = ");
                s.push_str(&open.repeat(depth));
                if rng.below(2) == 0 {
                    s.push_str(&close.repeat(depth));
                }
                s.push('\n');
                v.splice(at..at, s.bytes());
            }
            7 => {
                // A piece of another seed.
                let (_, other) = &seeds[rng.below(seeds.len())];
                let b = other.as_bytes();
                let from = rng.below(b.len());
                let end = (from + 1 + rng.below(512)).min(b.len());
                v.splice(at..at, b[from..end].iter().copied());
            }
            8 => v.truncate(at),
            _ => {
                // A line doubled (a key given twice, a table twice).
                let start = v[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                let end = v[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(v.len(), |p| at + p + 1);
                let line = v[start..end].to_vec();
                v.splice(end..end, line);
            }
        }
    }
    v
}

/// The seeds: every registry file of the repository with a kind, record
/// files split into single records, and the operations files of the tests.
fn seeds() -> Vec<(Kind, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(Path::new("registry"), &mut files);
    walk(Path::new("tests/fixtures/valid"), &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let Some(kind) = Kind::of(&file) else {
            continue;
        };
        let text = fs::read_to_string(&file).unwrap();
        match kind.key() {
            Some(key) => {
                let header = format!("[[{key}]]");
                for (n, part) in text.split(&header).enumerate().skip(1) {
                    // Keep each record, and a pair now and then.
                    out.push((kind, format!("{header}{part}")));
                    if n % 5 == 0 {
                        out.push((kind, format!("{header}{part}{header}{part}")));
                    }
                }
            }
            None => out.push((kind, text.clone())),
        }
        if kind == Kind::Entry {
            // An entry without its `previous` is an operations file.
            let ops: String = text
                .lines()
                .filter(|l| !l.starts_with("previous"))
                .map(|l| format!("{l}\n"))
                .collect();
            out.push((Kind::OpsFile, ops.clone()));
            if let Some(at) = ops.find("[[op]]") {
                out.push((Kind::OpsList, ops[at..].to_owned()));
            }
        }
    }
    out
}

fn inputs() -> usize {
    if let Some(n) = std::env::var("QUANZE_FUZZ_INPUTS")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return n;
    }
    if std::env::var("QUANZE_RELIABILITY").is_ok_and(|v| v == "full") {
        1_000_000
    } else {
        2_000
    }
}

/// Saves a failing input and says how to repeat it.
fn save_failure(kind: Kind, n: usize, seed: u64, input: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-failures");
    let _ = fs::create_dir_all(&dir);
    let path = dir.join(format!("{kind:?}-{seed}-{n}.toml"));
    let _ = fs::write(&path, input);
    path
}

#[test]
fn no_input_to_any_loader_panics_aborts_or_hangs() {
    let seeds = seeds();
    let kinds: Vec<Kind> = seeds.iter().map(|(k, _)| *k).collect();
    for k in [
        Kind::Items,
        Kind::Agreement,
        Kind::Entry,
        Kind::Statistics,
        Kind::ListMeta,
        Kind::Authorities,
        Kind::Documents,
        Kind::OpsFile,
        Kind::OpsList,
    ] {
        assert!(kinds.contains(&k), "no seed of kind {k:?}");
    }
    let seed: u64 = std::env::var("QUANZE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2026);
    let total = inputs();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let done = AtomicUsize::new(0);
    let clean = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // What each thread is running, for the watchdog: (input number, start).
    let current: Vec<Mutex<Option<(usize, Instant)>>> =
        (0..threads).map(|_| Mutex::new(None)).collect();
    let failures = Mutex::new(Vec::new());
    let started = Instant::now();
    std::thread::scope(|s| {
        s.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(200));
                for slot in &current {
                    if let Some((n, t)) = *slot.lock().unwrap()
                        && t.elapsed() > Duration::from_secs(10)
                    {
                        eprintln!(
                            "fuzz: input {n} ran for more than 10 s; repeat it with QUANZE_FUZZ_SEED={seed} (input {n})"
                        );
                        std::process::abort();
                    }
                }
            }
        });
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                let (seeds, done, clean, current, failures) =
                    (&seeds, &done, &clean, &current[t], &failures);
                s.spawn(move || {
                    let tmp = tempfile::tempdir().unwrap();
                    let root = tmp.path().join("registry");
                    copy_dir(Path::new("tests/fixtures/valid/with-history"), &root);
                    let mut n = t;
                    while n < total {
                        // Each input from its own number, so any one can be
                        // repeated alone.
                        let mut rng = Rng(seed ^ (n as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
                        let (kind, base) = &seeds[rng.below(seeds.len())];
                        let bytes = mutate(&mut rng, base.as_bytes(), seeds);
                        let deep = rng.below(256) == 0;
                        *current.lock().unwrap() = Some((n, Instant::now()));
                        let result = catch_unwind(AssertUnwindSafe(|| {
                            // The loaders read text: bytes that are not UTF-8
                            // are refused before any parser sees them.
                            if let Ok(text) = std::str::from_utf8(&bytes) {
                                if decode(*kind, text) {
                                    clean.fetch_add(1, Ordering::Relaxed);
                                }
                                if deep {
                                    through_a_registry(&root, *kind, text);
                                }
                            }
                        }));
                        *current.lock().unwrap() = None;
                        if let Err(e) = result {
                            let msg = e
                                .downcast_ref::<&str>()
                                .map(|s| (*s).to_owned())
                                .or_else(|| e.downcast_ref::<String>().cloned())
                                .unwrap_or_default();
                            let path = save_failure(*kind, n, seed, &bytes);
                            failures.lock().unwrap().push(format!(
                                "input {n} ({kind:?}): {msg}; saved as {}",
                                path.display()
                            ));
                        }
                        done.fetch_add(1, Ordering::Relaxed);
                        n += threads;
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        stop.store(true, Ordering::Relaxed);
    });
    let failures = failures.into_inner().unwrap();
    assert!(
        failures.is_empty(),
        "{} of {total} inputs failed (repeat with QUANZE_FUZZ_SEED={seed} QUANZE_FUZZ_INPUTS={total}); the first ten:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
    eprintln!(
        "reliability: {} fuzz inputs over {} seeds of 9 file kinds (seed {seed}) in {:.1?}: {} read without a problem, the rest refused with diagnostics; no panic, abort or hang; the fast reader and the full parser agreed wherever the fast reader answered",
        done.load(Ordering::Relaxed),
        seeds.len(),
        started.elapsed(),
        clean.load(Ordering::Relaxed)
    );
}
