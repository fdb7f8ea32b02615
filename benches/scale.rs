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

// The allocator of the `quanze` binary (cli/), so the figures are its.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::time::Instant;

use quanze::publish::catalogue::{Catalogue, Csv, Json, Selection, Writer};
use quanze::{ChangeSet, CheckOptions, Date, Lang, LoadOptions, Point, Registry, Stats};

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

fn report_row(task: &str, secs: f64, items: usize) {
    println!(
        "{task:<52} {secs:>9.3} s {:>12.0} items/s {:>9.0} MiB peak",
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
    let all = LoadOptions::default();

    // Floor 1: read the same bytes.
    let mut files = Vec::new();
    toml_bytes(dir, &mut files);
    let t = Instant::now();
    let bytes: usize = files.iter().map(|f| std::fs::read(f).unwrap().len()).sum();
    let read_secs = t.elapsed().as_secs_f64();

    // check: every list read, validated, replayed and hash-verified, one
    // list per core at a time (Registry::check), no cache.
    let t = Instant::now();
    let report = Registry::check(dir, &CheckOptions::new(as_of)).unwrap();
    let check_secs = t.elapsed().as_secs_f64();
    assert!(
        report.problems.is_empty(),
        "{} problems",
        report.problems.len()
    );
    let items = report.items;
    println!(
        "registry {} : {} lists, {items} item records, {:.0} MiB of TOML",
        dir.display(),
        report.lists,
        bytes as f64 / 1048576.0
    );
    report_row("read bytes (floor)", read_secs, items);
    report_row("check", check_secs, items);

    // QUANZE_BENCH_TASKS=changes,cache runs only those rows (and check);
    // by default every row runs.
    let tasks = std::env::var("QUANZE_BENCH_TASKS").unwrap_or_default();
    let want = |t: &str| tasks.is_empty() || tasks.split(',').any(|x| x == t);
    if want("floor") {
        floor(dir, items);
    }
    if want("tasks") {
        every_list(dir, &all, as_of, items);
    }
    if want("changes") {
        units(dir, items);
    }
    if want("cache") {
        caches(dir, as_of, items);
    }
    if want("import") {
        import(dir, as_of);
    }
    if want("upstream") {
        upstream(dir, as_of, items);
    }

    // The same change for the peers: every list's first and last version,
    // one row per unit, keyed by authority and unit.
    if let Some(out) = args.get(2) {
        let out = Path::new(out);
        std::fs::create_dir_all(out).unwrap();
        let header =
            "authority,unit,code,name,category,status,legal_days,promised_days,handling,remarks\n";
        let mut old = std::io::BufWriter::new(std::fs::File::create(out.join("old.csv")).unwrap());
        let mut new = std::io::BufWriter::new(std::fs::File::create(out.join("new.csv")).unwrap());
        old.write_all(header.as_bytes()).unwrap();
        new.write_all(header.as_bytes()).unwrap();
        // A few lists at a time, so the rows of the whole registry are
        // never in memory together. Timed: it is what the peers need before
        // they start.
        let t = Instant::now();
        for chunk in list_names(dir).chunks(8) {
            let scan = Registry::scan(
                dir,
                &LoadOptions::default().only(chunk.to_vec()),
                |_, read| {
                    let list = read.list.unwrap();
                    let first = list.at_version(&list.log[0].entry.version).unwrap();
                    (csv_rows(&first), csv_rows(&list))
                },
            )
            .unwrap();
            for (o, n) in scan.results {
                old.write_all(o.as_bytes()).unwrap();
                new.write_all(n.as_bytes()).unwrap();
            }
        }
        old.flush().unwrap();
        new.flush().unwrap();
        report_row(
            "CSV of both versions for the peers (quanze export)",
            t.elapsed().as_secs_f64(),
            items,
        );
    }
}

/// The parse and check caches (`--cache`): a check that fills them, a
/// check that finds every list in them, then a one-item adjustment
/// recorded with `quanze::record::adjust` and the check and stats that
/// follow it. The registry is restored afterwards, byte for byte.
fn caches(dir: &Path, as_of: Date, items: usize) {
    let cache = tempfile::tempdir().unwrap();
    let opts = CheckOptions::new(as_of).load(LoadOptions::default().cache(cache.path()));
    let t = Instant::now();
    let cold = Registry::check(dir, &opts).unwrap();
    assert!(cold.problems.is_empty());
    report_row("check, filling the cache", t.elapsed().as_secs_f64(), items);
    let t = Instant::now();
    let warm = Registry::check(dir, &opts).unwrap();
    assert!(warm.problems.is_empty());
    report_row("check, warm cache", t.elapsed().as_secs_f64(), items);
    println!("  ({} of {} lists re-used)", warm.reused, warm.lists);

    // One item renamed in the first list, recorded as an adjustment.
    let first = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("list.toml").exists())
        .min()
        .unwrap();
    let authority = first.file_name().unwrap().to_string_lossy().into_owned();
    let item_file = first.join("items/licensing-001.toml");
    let list_file = first.join("list.toml");
    let saved_item = std::fs::read(&item_file).unwrap();
    let saved_list = std::fs::read(&list_file).unwrap();
    let text = String::from_utf8(saved_item.clone()).unwrap();
    let edited = text.replacen("\nname = \"", "\nname = \"（调整）", 1);
    assert_ne!(edited, text);
    let before = Registry::load_with(dir, &LoadOptions::default().only([authority.as_str()]))
        .unwrap()
        .registry;
    let list = before.list(&authority).unwrap();
    let last = &list.log.last().unwrap().entry;
    let version: quanze::Version = format!("{}.0.0", last.version.semver().major + 1)
        .parse()
        .unwrap();
    let number = before.documents.keys().next().unwrap().to_string();
    let decided_by = quanze::record::decisions(&before, &[number]).unwrap();
    let entry_file = first.join(format!("changelog/{version}.toml"));
    std::fs::write(&item_file, edited).unwrap();
    let t = Instant::now();
    let rec = quanze::record::adjust(
        dir,
        &authority,
        &quanze::record::Adjustment {
            version,
            date: last.date,
            decided_by,
            reason: None,
            ops: Vec::new(),
            hash: quanze::HashAlg::Sha256,
            answers: Vec::new(),
        },
        false,
    );
    let adjust_secs = t.elapsed().as_secs_f64();
    let outcome = || {
        rec.unwrap();
        report_row("one-item edit: adjust", adjust_secs, items);
        let t = Instant::now();
        let after = Registry::check(dir, &opts).unwrap();
        assert!(after.problems.is_empty(), "{:?}", after.problems.first());
        report_row("  then check, warm cache", t.elapsed().as_secs_f64(), items);
        println!("  ({} of {} lists re-used)", after.reused, after.lists);
        let t = Instant::now();
        let reg = Registry::load_with(
            dir,
            &LoadOptions::default()
                .cache(cache.path())
                .only([authority.as_str()]),
        )
        .unwrap()
        .registry;
        let stats = Stats::compute(&reg, reg.list(&authority).unwrap(), as_of);
        assert!(stats.powers.items > 0);
        report_row(
            "  then stats of that list",
            t.elapsed().as_secs_f64(),
            items,
        );
    };
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(outcome));
    // Restore the registry for the next run.
    std::fs::write(&item_file, saved_item).unwrap();
    std::fs::write(&list_file, saved_list).unwrap();
    let _ = std::fs::remove_file(&entry_file);
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

fn list_names(dir: &Path) -> Vec<String> {
    Registry::list_names(dir).unwrap()
}

/// The equivalent JSON of a list: its items (one per line), and the
/// records of every other file a check parses: list.toml, each change-log
/// entry, each agreement.
struct ListJson {
    items: String,
    meta: String,
    entries: Vec<String>,
    agreements: Vec<String>,
}

/// Parses a list's JSON into the same structs the TOML is read into, and
/// counts the records.
fn parse_json(json: &ListJson, items_only: bool) -> usize {
    let items: Vec<quanze::Item> = json
        .items
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let mut n = items.len();
    if !items_only {
        let meta: quanze::ListMeta = serde_json::from_str(&json.meta).unwrap();
        assert!(!meta.title.is_empty());
        for e in &json.entries {
            n += serde_json::from_str::<quanze::Entry>(e).unwrap().op.len();
        }
        for a in &json.agreements {
            n += serde_json::from_str::<quanze::Agreement>(a)
                .unwrap()
                .items
                .len();
        }
    }
    n
}

/// Floors 2 and 3: the equivalent JSON parsed by serde_json into the same
/// structs (the JSON is made outside the timing), a few lists at a time:
/// the items alone on one core (the floor of earlier runs), then everything
/// a check parses (items, list.toml, change-log entries, agreements) on one
/// core and on every core, one list per core as the check does.
fn floor(dir: &Path, items: usize) {
    let (mut items_secs, mut all_secs, mut par_secs) = (0.0, 0.0, 0.0);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    for chunk in list_names(dir).chunks(8) {
        let only = LoadOptions::default().only(chunk.to_vec());
        let jsons = Registry::scan(dir, &only, |_, read| {
            let list = read.list.unwrap();
            let mut items = String::new();
            for i in &list.items {
                items.push_str(&serde_json::to_string(i).unwrap());
                items.push('\n');
            }
            ListJson {
                items,
                meta: serde_json::to_string(&list.meta).unwrap(),
                entries: list
                    .log
                    .iter()
                    .map(|e| serde_json::to_string(&e.entry).unwrap())
                    .collect(),
                agreements: list
                    .agreements
                    .iter()
                    .map(|a| serde_json::to_string(a).unwrap())
                    .collect(),
            }
        })
        .unwrap()
        .results;
        let t = Instant::now();
        for json in &jsons {
            assert!(parse_json(json, true) > 0);
        }
        items_secs += t.elapsed().as_secs_f64();
        let t = Instant::now();
        for json in &jsons {
            assert!(parse_json(json, false) > 0);
        }
        all_secs += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let next = std::sync::atomic::AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..cores {
                s.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(json) = jsons.get(i) else { break };
                        assert!(parse_json(json, false) > 0);
                    }
                });
            }
        });
        par_secs += t.elapsed().as_secs_f64();
    }
    report_row(
        "serde_json parse, items only, 1 core (floor)",
        items_secs,
        items,
    );
    report_row(
        "serde_json parse, all a check parses, 1 core (floor)",
        all_secs,
        items,
    );
    report_row(
        &format!("serde_json parse, all a check parses, {cores} cores (floor)"),
        par_secs,
        items,
    );
}

/// stats, diff and publish of every list, each list read as it comes.
fn every_list(dir: &Path, all: &LoadOptions, as_of: Date, items: usize) {
    let t = Instant::now();
    let scan = Registry::scan(dir, all, |shared, read| {
        let list = read.list.unwrap();
        Stats::compute(shared, &list, as_of).powers.items
    })
    .unwrap();
    report_row("stats, every list", t.elapsed().as_secs_f64(), items);
    assert!(scan.results.iter().sum::<usize>() > 0);

    let t = Instant::now();
    let scan = Registry::scan(dir, all, |shared, read| {
        let list = read.list.unwrap();
        let first = list.log.first().unwrap().entry.version.clone();
        let cs = ChangeSet::between(shared, &list, &Point::Version(first), &Point::Files).unwrap();
        cs.items.len()
    })
    .unwrap();
    report_row(
        "diff first → last, every list",
        t.elapsed().as_secs_f64(),
        items,
    );
    println!("  ({} item changes)", scan.results.iter().sum::<usize>());

    let t = Instant::now();
    let scan = Registry::scan(dir, all, |shared, read| {
        let list = read.list.unwrap();
        let c = Catalogue::build(
            shared,
            &list,
            &Selection {
                at: None,
                as_of: Some(as_of),
            },
        )
        .unwrap();
        Json.catalogue(&c, Lang::Zh).unwrap().len() + Csv.catalogue(&c, Lang::Zh).unwrap().len()
    })
    .unwrap();
    report_row(
        "publish JSON + CSV, every list",
        t.elapsed().as_secs_f64(),
        items,
    );
    println!(
        "  ({:.0} MiB written)",
        scan.results.iter().sum::<usize>() as f64 / 1048576.0
    );
}

/// The unit-level change first → last of every list (`quanze changes`),
/// building the checkpoints, then from kept checkpoints; with the counts
/// over the peers' columns, which must equal theirs.
fn units(dir: &Path, items: usize) {
    let cache = tempfile::tempdir().unwrap();
    let opts = LoadOptions::default().cache(cache.path());
    let from = Point::Version("1.0.0".parse().unwrap());
    let run = |label: &str| {
        let t = Instant::now();
        let lists = Registry::unit_changes(dir, &opts, &from, &Point::Files).unwrap();
        report_row(label, t.elapsed().as_secs_f64(), items);
        lists
            .into_iter()
            .map(Result::unwrap)
            .collect::<Vec<quanze::query::units::UnitChanges>>()
    };
    let cold = run("changes first → last, cold");
    let warm = run("changes first → last, warm");
    assert_eq!(cold, warm);
    let (mut added, mut removed, mut changed, mut peer_changed) = (0, 0, 0, 0);
    for l in &warm {
        added += l.added.len();
        removed += l.removed.len();
        changed += l.changed.len();
        for c in &l.changed {
            let sub = c.unit.contains('/');
            let peer = |col: &str| -> bool {
                let name = match (sub, col) {
                    (true, "code") => "sub.code".to_owned(),
                    (true, c) if c.starts_with("implementation.") => format!("sub.{c}"),
                    (_, c) => c.to_owned(),
                };
                l.column_names(c).any(|n| n == name)
            };
            if [
                "code",
                "name",
                "category",
                "status",
                "implementation.legal_days",
                "implementation.promised_days",
                "implementation.handling",
                "remarks",
            ]
            .into_iter()
            .any(peer)
            {
                peer_changed += 1;
            }
        }
    }
    println!(
        "  (units: added {added}, ended {removed}, changed {changed}; over the peers' columns: changed {peer_changed})"
    );
}

/// One CSV row per unit of `list` (an item without sub-items, or each
/// sub-item), for the peers.
fn csv_rows(list: &quanze::List) -> String {
    let mut s = String::new();
    for i in &list.items {
        let units: Vec<(String, String, Option<&quanze::Implementation>)> = if i.sub.is_empty() {
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
                list.authority,
                cell(&i.name),
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
                cell(i.remarks.as_deref().unwrap_or("")),
            );
        }
    }
    s
}

/// A CSV cell of the peers' input: quoted when it holds a comma, a quote or
/// a line break (RFC 4180).
fn cell(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Import: a 10,000-row bureau spreadsheet in GBK (section rows, no codes,
/// the item's cells blank on its sub-item rows, limits in words), and the
/// first list's own CSV catalogue; each timed whole and for reading and
/// decoding the file alone.
fn import(dir: &Path, as_of: Date) {
    use quanze::import::{Options, import};
    let tmp = tempfile::tempdir().unwrap();
    let mut sheet = String::from("序号,事项名称,子项名称,事项类型,设定依据,法定时限,承诺时限\n");
    let mut rows = 0;
    let mut n = 0;
    for (k, cat) in ["行政许可", "行政处罚", "行政检查", "其他行政权力"]
        .iter()
        .enumerate()
    {
        let _ = writeln!(sheet, "{}、{cat}", ["一", "二", "三", "四"][k]);
        while rows < 2_500 * (k + 1) {
            n += 1;
            let subs = if k == 0 { 3 } else { 1 };
            for j in 0..subs {
                let (seq, name) = if j == 0 {
                    (n.to_string(), format!("第{n}项{cat}事项"))
                } else {
                    (String::new(), String::new())
                };
                let basis = if j == 0 {
                    format!(
                        "1.《中华人民共和国某法》第{}条;2.《广东省某条例》第{}条",
                        n % 90 + 1,
                        n % 40 + 1
                    )
                } else {
                    String::new()
                };
                let sub = if subs > 1 {
                    ["新办", "变更", "延续"][j]
                } else {
                    ""
                };
                let _ = writeln!(
                    sheet,
                    "{seq},{name},{sub},,{basis},20个工作日,{}",
                    if j == 1 {
                        "即办".to_owned()
                    } else {
                        format!("{}个工作日", n % 15 + 1)
                    }
                );
                rows += 1;
            }
        }
    }
    let (gbk, _, _) = encoding_rs::GBK.encode(&sheet);
    let file = tmp.path().join("sheet.csv");
    std::fs::write(&file, &gbk).unwrap();
    let reg = Registry::new(tmp.path());
    let opts = Options::new("bench-import".parse().unwrap(), as_of);
    let t = Instant::now();
    let bytes = std::fs::read(&file).unwrap();
    let _ = quanze::import::read::csv(&file, &bytes).unwrap();
    let read_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let imported = import(&reg, std::slice::from_ref(&file), &opts).unwrap();
    let secs = t.elapsed().as_secs_f64();
    let units: usize = imported.list.items.iter().map(|i| i.sub.len().max(1)).sum();
    assert_eq!(units, rows);
    report_row(&format!("import {rows}-row GBK sheet"), secs, rows);
    report_row("  of which reading and decoding the file", read_secs, rows);

    // The first list's own CSV catalogue, read back.
    let name = list_names(dir).into_iter().next().unwrap();
    let reg = Registry::load_with(dir, &LoadOptions::default().only([name.clone()]))
        .unwrap()
        .registry;
    let list = reg.list(&name).unwrap();
    let cat = Catalogue::build(
        &reg,
        list,
        &Selection {
            at: None,
            as_of: Some(as_of),
        },
    )
    .unwrap();
    let csv = Csv.catalogue(&cat, Lang::Zh).unwrap();
    let file = tmp.path().join("catalogue.csv");
    std::fs::write(&file, &csv).unwrap();
    let rows = csv.iter().filter(|&&b| b == b'\n').count() - 1;
    let t = Instant::now();
    let imported = import(
        &reg,
        std::slice::from_ref(&file),
        &Options::new("bench-copy".parse().unwrap(), as_of),
    )
    .unwrap();
    report_row(
        &format!("import a {rows}-row CSV catalogue"),
        t.elapsed().as_secs_f64(),
        rows,
    );
    let units = |items: &mut dyn Iterator<Item = &quanze::Item>| -> usize {
        items.map(|i| i.subs_on(as_of).count().max(1)).sum()
    };
    assert_eq!(
        units(&mut imported.list.items.iter()),
        units(&mut list.items_on(as_of))
    );
}

/// The upstream queries over every list: the impact of one law and the
/// pending effects of the laws log (the synthetic `law-1` is amended, so
/// every item citing it has one), from a registry in memory and cold
/// (read, then asked).
fn upstream(dir: &Path, as_of: Date, items: usize) {
    let t = Instant::now();
    let reg = Registry::load(dir).unwrap().registry;
    let load = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let impact = quanze::query::upstream::impact(&reg, "law-1", None, as_of).unwrap();
    let impact_secs = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let effects = quanze::query::upstream::effects(&reg, None, as_of).unwrap();
    let pending_secs = t.elapsed().as_secs_f64();
    report_row(
        "impact of one law, every list (registry read)",
        impact_secs,
        items,
    );
    report_row("pending, every list (registry read)", pending_secs, items);
    report_row(
        "impact of one law, cold (read + impact)",
        load + impact_secs,
        items,
    );
    report_row("pending, cold (read + pending)", load + pending_secs, items);
    eprintln!(
        "  upstream: {} citation(s) of law-1, {} pending effect(s)",
        impact.items.len(),
        effects.len()
    );
}
