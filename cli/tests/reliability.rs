//! The reliability suite of docs/reliability.md, through the real binary:
//! writers killed with SIGKILL at random moments, two and four writers at
//! once, readers during writes.
//!
//! The default test run keeps it small. `QUANZE_RELIABILITY=full` (as
//! `scripts/reliability.sh` sets it) runs the documented sizes: 200 kills,
//! 100 rounds of 2 and of 4 writers, 500 reads during writes. Each test
//! prints its figures on standard error (`--nocapture` shows them).

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;
mod writing;
use common::Rng;
use writing::{BIN, registry, run, text, write_ops};

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Instant;

use quanze::{List, Registry};

/// The sizes of a run: small by default, the documented ones when
/// `QUANZE_RELIABILITY=full`.
struct Size {
    kills: u64,
    rounds: usize,
    reads: usize,
}

fn size() -> Size {
    if std::env::var("QUANZE_RELIABILITY").is_ok_and(|v| v == "full") {
        Size {
            kills: 200,
            rounds: 100,
            reads: 500,
        }
    } else {
        Size {
            kills: 16,
            rounds: 6,
            reads: 30,
        }
    }
}

fn seed() -> u64 {
    std::env::var("QUANZE_RELIABILITY_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_2026)
}

fn check_ok(root: &Path, what: &str) {
    let o = run(root, &["check", "--as-of", "2026-11-28"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{what}: check failed:\n{}",
        text(&o)
    );
}

/// The list as a reader sees it.
fn list(root: &Path) -> List {
    let loaded = Registry::load(root).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.registry.list("test-bureau").unwrap().clone()
}

fn apply(root: &Path, ops: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("--registry")
        .arg(root)
        .args(["apply", "test-bureau", ops.to_str().unwrap()]);
    c
}

/// A writer killed with SIGKILL at a random moment of its run leaves the
/// old list or the new one, exactly, as every reader sees it; `check`
/// accepts it, and the next writer succeeds.
#[test]
fn writers_killed_at_random_moments_leave_the_old_state_or_the_new() {
    repo::at_top();
    let size = size();
    let mut rng = Rng(seed());
    // The two states, and how long an uncut writer takes.
    let (tmp, root) = registry();
    let old = list(&root);
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let started = Instant::now();
    let o = apply(&root, &ops).output().unwrap();
    let span = started.elapsed();
    assert!(o.status.success(), "{}", text(&o));
    let new = list(&root);
    assert_ne!(old, new);

    let (mut as_old, mut as_new) = (0, 0);
    for trial in 0..size.kills {
        let (tmp, root) = registry();
        let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
        let mut child = apply(&root, &ops)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Anywhere from the start to a fifth past the measured run.
        let at = span.mul_f64((rng.next() % 1200) as f64 / 1000.0);
        std::thread::sleep(at);
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let what = format!("trial {trial} (killed after {at:?})");
        let seen = list(&root);
        if seen == old {
            as_old += 1;
        } else if seen == new {
            as_new += 1;
        } else {
            panic!("{what}: the list is neither the old state nor the new");
        }
        check_ok(&root, &what);
        let next = write_ops(
            tmp.path(),
            "next.toml",
            if seen == old { "1.2.0" } else { "1.3.0" },
            "QT-002",
        );
        let o = apply(&root, &next).output().unwrap();
        assert!(o.status.success(), "{what}: the next writer: {}", text(&o));
        check_ok(&root, &what);
    }
    eprintln!(
        "reliability: {} writers killed at random (a run takes {span:?}): {as_old} left the old state, {as_new} the new, 0 neither; every next writer succeeded",
        size.kills
    );
}

/// `n` writers start at once, each recording a different 1.2.0: exactly
/// one wins, the others say why, and the winner's change is all there.
fn writers_at_once(n: usize, rounds: usize) {
    let (mut locked, mut late) = (0, 0);
    for round in 0..rounds {
        let (tmp, root) = registry();
        let codes: Vec<String> = (1..=n).map(|k| format!("QT-{k:03}")).collect();
        let children: Vec<_> = codes
            .iter()
            .map(|code| {
                let ops = write_ops(tmp.path(), &format!("{code}.toml"), "1.2.0", code);
                apply(&root, &ops)
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        let outs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap())
            .collect();
        let winners: Vec<&String> = codes
            .iter()
            .zip(&outs)
            .filter(|(_, o)| o.status.success())
            .map(|(c, _)| c)
            .collect();
        let all: Vec<String> = outs.iter().map(text).collect();
        assert_eq!(
            winners.len(),
            1,
            "{n} writers, round {round}: exactly one records 1.2.0:\n{}",
            all.join("\n")
        );
        for o in outs.iter().filter(|o| !o.status.success()) {
            let msg = text(o);
            if o.status.code() == Some(3) && msg.contains("another quanze is recording") {
                locked += 1;
            } else if o.status.code() == Some(1)
                && msg.contains("version 1.2.0 does not follow 1.2.0")
            {
                late += 1;
            } else {
                panic!("{n} writers, round {round}: a loser that does not say why: {msg}");
            }
        }
        check_ok(&root, &format!("{n} writers, round {round}"));
        let seen = list(&root);
        assert_eq!(seen.meta.version.to_string(), "1.2.0");
        assert_eq!(seen.log.len(), 3, "nothing lost, nothing doubled");
        for code in &codes {
            let present = seen.items.iter().any(|i| i.code.to_string() == *code);
            assert_eq!(present, code == winners[0], "round {round}: {code}");
        }
    }
    eprintln!(
        "reliability: {n} writers at once, {rounds} rounds: one winner each round; the losers refused by the lock {locked} times and by the version after it {late} times"
    );
}

#[test]
fn two_writers_at_once_one_wins_and_nothing_is_lost() {
    repo::at_top();
    writers_at_once(2, size().rounds);
}

#[test]
fn four_writers_at_once_one_wins_and_nothing_is_lost() {
    repo::at_top();
    writers_at_once(4, size().rounds);
}

/// Readers (`check`, which verifies the hash chain, `head` and the files
/// against the log) run in two threads while a writer records adjustments
/// one after another: none sees a new entry beside an old list.toml.
#[test]
fn readers_during_writes_never_see_a_torn_state() {
    repo::at_top();
    let target = size().reads;
    let (tmp, root) = registry();
    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicUsize::new(0));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (root, stop, reads) = (root.clone(), Arc::clone(&stop), Arc::clone(&reads));
            std::thread::spawn(move || {
                let mut torn = Vec::new();
                while !stop.load(Ordering::Relaxed) {
                    let o = run(&root, &["check", "--as-of", "2026-11-28"]);
                    reads.fetch_add(1, Ordering::Relaxed);
                    if !o.status.success() {
                        torn.push(text(&o));
                    }
                }
                torn
            })
        })
        .collect();
    let mut writes = 0;
    // Write until enough reads ran (and at least a few writes happened).
    while reads.load(Ordering::Relaxed) < target || writes < 5 {
        let ops = write_ops(
            tmp.path(),
            "ops.toml",
            &format!("1.{}.0", writes + 2),
            &format!("QT-{:03}", writes + 1),
        );
        let o = apply(&root, &ops).output().unwrap();
        assert!(o.status.success(), "write {writes}: {}", text(&o));
        writes += 1;
        assert!(writes < 5000, "the readers made no progress");
    }
    stop.store(true, Ordering::Relaxed);
    let torn: Vec<String> = readers
        .into_iter()
        .flat_map(|r| r.join().unwrap())
        .collect();
    let reads = reads.load(Ordering::Relaxed);
    assert!(
        torn.is_empty(),
        "{} of {reads} reads saw a torn state; the first:\n{}",
        torn.len(),
        torn[0]
    );
    check_ok(&root, "after the writes");
    assert_eq!(list(&root).log.len(), writes + 2);
    eprintln!("reliability: {reads} reads during {writes} writes: 0 torn; every write recorded");
}
