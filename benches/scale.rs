//! Benchmarks at province scale, on a registry made by `examples/synth`:
//!
//! ```sh
//! cargo bench --bench scale -- REGISTRY_DIR [PEER_CSV_DIR]
//! ```
//!
//! Times each task once (they take seconds at scale; `scripts/bench.sh` runs
//! the whole table), prints one line per task, and with PEER_CSV_DIR writes
//! the first and last version of every list as CSV (one row per unit) for the
//! peers that the script measures on the same change.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, missing_docs)]

use std::fmt::Write as _;
use std::path::Path;
use std::time::Instant;

use quanze::catalogue::{Catalogue, Csv, Json, Selection, Writer};
use quanze::{ChangeSet, Date, Lang, Point, Registry, Stats};

/// Peak resident memory of this process so far, in MiB (Linux).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|k| k.parse::<f64>().ok())
        })
        .map_or(0.0, |kib| kib / 1024.0)
}

fn report(task: &str, secs: f64, items: usize) {
    println!(
        "{task:<28} {secs:>9.3} s {:>12.0} items/s {:>9.0} MiB peak",
        items as f64 / secs.max(1e-9),
        peak_mib()
    );
}

fn toml_bytes(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            toml_bytes(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| a != "--bench").collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: cargo bench --bench scale -- REGISTRY_DIR [PEER_CSV_DIR]");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    let as_of: Date = "2030-01-01".parse().unwrap();

    // Floor 1: read the same bytes.
    let mut files = Vec::new();
    toml_bytes(dir, &mut files);
    let t = Instant::now();
    let bytes: usize = files.iter().map(|f| std::fs::read(f).unwrap().len()).sum();
    let read_secs = t.elapsed().as_secs_f64();

    let t = Instant::now();
    let loaded = Registry::load(dir).unwrap();
    let load_secs = t.elapsed().as_secs_f64();
    assert!(
        loaded.problems.is_empty(),
        "{} problems",
        loaded.problems.len()
    );
    let reg = loaded.registry;
    let items: usize = reg.lists.values().map(|l| l.items.len()).sum();
    println!(
        "registry {} : {} lists, {items} item records, {:.0} MiB of TOML",
        dir.display(),
        reg.lists.len(),
        bytes as f64 / 1048576.0
    );
    report("read bytes (floor)", read_secs, items);
    report("load", load_secs, items);
    let t = Instant::now();
    let problems = reg.validate(as_of);
    let validate_secs = t.elapsed().as_secs_f64();
    assert!(problems.is_empty(), "{} problems", problems.len());
    report("validate + replay", validate_secs, items);
    report("check (load + validate)", load_secs + validate_secs, items);

    // Floor 2: the equivalent JSON, parsed by serde_json into plain structs.
    let mut json = String::new();
    for l in reg.lists.values() {
        for i in &l.items {
            json.push_str(&serde_json::to_string(i).unwrap());
            json.push('\n');
        }
    }
    let t = Instant::now();
    let parsed: Vec<quanze::Item> = json
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    report(
        "serde_json parse (floor)",
        t.elapsed().as_secs_f64(),
        parsed.len(),
    );
    drop(parsed);
    drop(json);

    let t = Instant::now();
    let mut total = 0usize;
    for l in reg.lists.values() {
        total += Stats::compute(&reg, l, as_of).powers.items;
    }
    report("stats, every list", t.elapsed().as_secs_f64(), items);
    assert!(total > 0);

    let t = Instant::now();
    let mut changes = 0usize;
    for l in reg.lists.values() {
        let first = l.log.first().unwrap().entry.version.clone();
        let cs = ChangeSet::between(&reg, l, &Point::Version(first), &Point::Files).unwrap();
        changes += cs.items.len();
    }
    report(
        "diff first → last, every list",
        t.elapsed().as_secs_f64(),
        items,
    );
    println!("  ({changes} item changes)");

    let t = Instant::now();
    let mut written = 0usize;
    for l in reg.lists.values() {
        let c = Catalogue::build(
            &reg,
            l,
            &Selection {
                at: None,
                as_of: Some(as_of),
            },
        )
        .unwrap();
        written +=
            Json.render(&c, Lang::Zh).unwrap().len() + Csv.render(&c, Lang::Zh).unwrap().len();
    }
    report(
        "publish JSON + CSV, every list",
        t.elapsed().as_secs_f64(),
        items,
    );
    println!("  ({:.0} MiB written)", written as f64 / 1048576.0);

    // The same change for the peers: every list's first and last version,
    // one row per unit, keyed by authority and unit.
    if let Some(out) = args.get(2) {
        let out = Path::new(out);
        std::fs::create_dir_all(out).unwrap();
        for (name, last) in [("old.csv", false), ("new.csv", true)] {
            let mut s = String::from(
                "authority,unit,code,name,category,status,legal_days,promised_days,handling,remarks\n",
            );
            for l in reg.lists.values() {
                let view = if last {
                    l.clone()
                } else {
                    l.at_version(&l.log[0].entry.version).unwrap()
                };
                for i in &view.items {
                    let units: Vec<(String, String, Option<&quanze::Implementation>)> =
                        if i.sub.is_empty() {
                            vec![(
                                i.id.to_string(),
                                i.code.to_string(),
                                i.implementation.as_ref(),
                            )]
                        } else {
                            i.sub
                                .iter()
                                .map(|s| {
                                    (
                                        format!("{}/{}", i.id, s.code),
                                        s.code.to_string(),
                                        s.implementation.as_ref(),
                                    )
                                })
                                .collect()
                        };
                    for (unit, code, imp) in units {
                        let _ = writeln!(
                            s,
                            "{},{unit},{code},{},{},{},{},{},{},{}",
                            l.authority,
                            quanze::report::csv_cell(&i.name),
                            i.category.id(),
                            i.status.id(),
                            imp.and_then(|x| x.legal_days)
                                .map(|d| d.to_string())
                                .unwrap_or_default(),
                            imp.and_then(|x| x.promised_days)
                                .map(|d| d.to_string())
                                .unwrap_or_default(),
                            imp.and_then(|x| x.handling)
                                .map(|h| format!("{h:?}"))
                                .unwrap_or_default(),
                            quanze::report::csv_cell(i.remarks.as_deref().unwrap_or("")),
                        );
                    }
                }
            }
            std::fs::write(out.join(name), s).unwrap();
        }
    }

    drop(reg);

    // The parse cache (`--cache`): filled by one load, then a check that
    // finds every item file in it.
    let cache = tempfile::tempdir().unwrap();
    let cold = Registry::load_cached(dir, cache.path()).unwrap();
    assert!(cold.problems.is_empty());
    drop(cold);
    let t = Instant::now();
    let warm = Registry::load_cached(dir, cache.path()).unwrap();
    let load_secs = t.elapsed().as_secs_f64();
    assert!(warm.problems.is_empty());
    let problems = warm.registry.validate(as_of);
    assert!(problems.is_empty(), "{} problems", problems.len());
    report("check, warm parse cache", t.elapsed().as_secs_f64(), items);
    report("  of which load", load_secs, items);
}
