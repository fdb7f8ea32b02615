//! Every validation rule has an invalid fixture under `tests/fixtures/invalid/`
//! named after its id (`<rule-id>` or `<rule-id>--<variant>`), holding a small
//! registry that breaks it and `expected.txt`, the exact rendered problems.
//! The valid fixtures and the bundled registry break none.
//!
//! To update the snapshots after an intended change of wording:
//! `INSTA_UPDATE=always cargo test --all-features` (the switch of every
//! snapshot), then review the diff.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{
    copy_dir, count_prefixed, decline_fast_reader, fixture_dirs, scratch_registry, settle,
};

use std::fs;
use std::path::{Path, PathBuf};

use quanze::{CheckOptions, Date, Diagnostic, LoadOptions, Registry, Rule};

fn as_of() -> Date {
    "2026-11-28".parse().unwrap()
}

fn problems(dir: &Path) -> Vec<Diagnostic> {
    let loaded = Registry::load(dir).unwrap();
    let mut p = loaded.problems;
    p.extend(loaded.registry.validate(as_of()));
    p
}
fn rule_of(dir: &Path) -> String {
    let name = dir.file_name().unwrap().to_string_lossy().into_owned();
    name.split("--").next().unwrap().to_owned()
}

#[test]
fn every_invalid_fixture_breaks_its_rule_with_the_expected_message() {
    let bless = common::blessing();
    let mut failures = Vec::new();
    for dir in fixture_dirs("invalid") {
        let found = problems(&dir);
        let rule = rule_of(&dir);
        assert!(
            found.iter().any(|d| d.rule.id() == rule),
            "{}: expected a `{rule}` problem, got {:?}",
            dir.display(),
            found.iter().map(|d| d.rule.id()).collect::<Vec<_>>()
        );
        for d in &found {
            assert!(
                d.location.is_some() || d.rule == Rule::MissingFile || d.rule == Rule::UnsafeId,
                "{}: problem without a location: {d}",
                dir.display()
            );
        }
        let rendered: String = found.iter().map(|d| d.render() + "\n").collect();
        let snapshot = dir.join("expected.txt");
        if bless {
            fs::write(&snapshot, &rendered).unwrap();
        } else {
            let expected = fs::read_to_string(&snapshot).unwrap_or_default();
            if expected != rendered {
                failures.push(format!(
                    "{}:\n--- expected\n{expected}\n--- got\n{rendered}",
                    dir.display()
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "snapshots differ:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_an_invalid_fixture() {
    let covered: Vec<String> = fixture_dirs("invalid").iter().map(|d| rule_of(d)).collect();
    for rule in Rule::ALL.iter().filter(|r| r.is_lint()) {
        assert!(
            covered.iter().any(|c| c == rule.id()),
            "rule `{}` has no fixture in tests/fixtures/invalid/",
            rule.id()
        );
        assert!(
            rule.fixtures().iter().any(|f| Path::new(f).is_dir()),
            "{rule}: {:?}",
            rule.fixtures()
        );
    }
    for c in &covered {
        let rule: Rule = c.parse().unwrap_or_else(|e| panic!("fixture `{c}`: {e}"));
        assert!(
            rule.is_lint(),
            "fixture `{c}` names an audit check, not a rule"
        );
    }
}

#[test]
fn valid_fixtures_and_the_bundled_registry_have_no_problems() {
    let mut dirs = fixture_dirs("valid");
    dirs.push(PathBuf::from("registry"));
    for dir in dirs {
        let found = problems(&dir);
        assert!(
            found.is_empty(),
            "{}: {}",
            dir.display(),
            found
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

#[test]
fn one_message_in_full() {
    // The snapshot files hold every message; this one is spelled out here so
    // that a reader sees the whole shape of a diagnostic as data.
    let dir = Path::new("tests/fixtures/invalid/unknown-key");
    let found = problems(dir);
    assert_eq!(found.len(), 1);
    let d = &found[0];
    assert_eq!(d.rule, Rule::UnknownKey);
    assert_eq!(d.file, dir.join("test-bureau/items/licensing.toml"));
    assert_eq!(d.key, "item[0].nmae");
    assert_eq!(d.message, "unknown key `nmae`; did you mean `name`?");
    assert_eq!(d.found.as_deref(), Some("nmae"));
    let loc = d.location.as_ref().unwrap();
    assert_eq!((loc.line, loc.column), (4, 1));
    assert_eq!(loc.line_text, "nmae = \"民用爆炸物品销售许可\"");
    assert!(
        d.expected
            .as_deref()
            .unwrap()
            .starts_with("one of `id`, `code`, `name`")
    );
}

#[test]
fn all_problems_of_a_run_are_reported() {
    // Three independent mistakes in three files: all three are reported.
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(Path::new("tests/fixtures/valid/minimal"), tmp.path());
    let edit = |rel: &str, from: &str, to: &str| {
        let p = tmp.path().join(rel);
        let s = fs::read_to_string(&p).unwrap();
        assert!(s.contains(from));
        fs::write(&p, s.replacen(from, to, 1)).unwrap();
    };
    edit(
        "test-bureau/items/penalty.toml",
        "category = \"penalty\"",
        "category = \"fine\"",
    );
    edit(
        "test-bureau/items/licensing.toml",
        "promised_days = 15",
        "promised_days = 31",
    );
    edit("authorities.toml", "region = \"440100\"", "region = \"GZ\"");
    let rules: Vec<Rule> = problems(tmp.path()).iter().map(|d| d.rule).collect();
    assert_eq!(
        rules,
        vec![
            Rule::InvalidValue,
            Rule::MalformedValue,
            Rule::PromisedExceedsLegal
        ]
    );
}

fn problems_cached(dir: &Path, cache: &Path) -> Vec<Diagnostic> {
    let loaded = Registry::load_cached(dir, cache).unwrap();
    let mut p = loaded.problems;
    p.extend(loaded.registry.validate(as_of()));
    p
}

fn render(found: &[Diagnostic]) -> String {
    found.iter().map(|d| d.render() + "\n").collect()
}

/// The parse cache changes nothing a check reports: every fixture, read
/// through a cold cache and then a warm one, gives the same problems as
/// without a cache, with the same locations.
#[test]
fn the_parse_cache_changes_no_finding() {
    let mut dirs = fixture_dirs("invalid");
    dirs.extend(fixture_dirs("valid"));
    dirs.push(PathBuf::from("registry"));
    // Only files the fast reader declines are kept: a copy of the bundled
    // registry written so that it declines them.
    let declined = tempfile::tempdir().unwrap();
    copy_dir(Path::new("registry"), declined.path());
    decline_fast_reader(declined.path());
    dirs.push(declined.path().to_owned());
    let mut warm_hits = 0;
    for dir in dirs {
        let cache = tempfile::tempdir().unwrap();
        let plain = render(&problems(&dir));
        let cold = render(&problems_cached(&dir, cache.path()));
        let kept = fs::read_dir(cache.path()).unwrap().count();
        let warm = render(&problems_cached(&dir, cache.path()));
        assert_eq!(plain, cold, "{}: cold cache", dir.display());
        assert_eq!(plain, warm, "{}: warm cache", dir.display());
        // And the items read back are the items parsed.
        let a = Registry::load(&dir).unwrap().registry;
        let b = Registry::load_cached(&dir, cache.path()).unwrap().registry;
        for (id, list) in &a.lists {
            assert_eq!(
                Some(&list.items),
                b.lists.get(id).map(|l| &l.items),
                "{}: items of {id} differ through the cache",
                dir.display()
            );
            let entries =
                |l: &quanze::List| l.log.iter().map(|e| e.entry.clone()).collect::<Vec<_>>();
            assert_eq!(
                Some(entries(list)),
                b.lists.get(id).map(entries),
                "{}: change log of {id} differs through the cache",
                dir.display()
            );
        }
        warm_hits += kept;
    }
    // The cache was used, not bypassed: the declined copy alone has five
    // clean item files and a change-log entry.
    assert!(warm_hits >= 6, "only {warm_hits} cache file(s) written");
}

/// A cached file that is edited is parsed again (the key is its content),
/// and a corrupt cache file is ignored.
#[test]
fn the_parse_cache_follows_edits_and_survives_corruption() {
    let (_tmp, root, cache) = scratch_registry();
    decline_fast_reader(&root);
    assert!(problems_cached(&root, &cache).is_empty());
    assert!(count_prefixed(&cache, "items-") > 1 && count_prefixed(&cache, "entry-") == 2);
    // Corrupt every cache file: the check still reads the registry.
    for e in fs::read_dir(&cache).unwrap() {
        fs::write(e.unwrap().path(), b"{not json").unwrap();
    }
    assert!(problems_cached(&root, &cache).is_empty());
    // Break a file: the warm cache must not hide the problem. Restored, the
    // file is clean again (and served from the cache).
    let break_and_mend = |rel: &str, from: &str, to: &str, shown: &str| {
        let file = root.join(rel);
        let text = fs::read_to_string(&file).unwrap();
        let broken = text.replacen(from, to, 1);
        assert_ne!(
            broken, text,
            "{rel}: the fixture edit found nothing to change"
        );
        fs::write(&file, &broken).unwrap();
        let found = render(&problems_cached(&root, &cache));
        assert_eq!(found, render(&problems(&root)));
        assert!(found.contains(shown), "{found}");
        fs::write(&file, &text).unwrap();
        assert!(problems_cached(&root, &cache).is_empty());
    };
    // An item file and the last change-log entry, both kept in the cache
    // (see `decline_fast_reader`).
    break_and_mend(
        "guangzhou-gxj/items/licensing.toml",
        "category = \"licensing\"",
        "category = \"licencing\"",
        "licencing",
    );
    break_and_mend(
        "guangzhou-gxj/changelog/5.0.0.toml",
        "version = \"5.0.0\"",
        "version = \"5.0.9\"",
        "5.0.9",
    );
}

fn check(dir: &Path, cache: Option<&Path>) -> quanze::CheckReport {
    let mut load = LoadOptions::default();
    if let Some(c) = cache {
        load = load.cache(c);
    }
    Registry::check(dir, &CheckOptions::new(as_of()).load(load)).unwrap()
}

/// A registry of three lists with problems in the shared files and in two
/// lists, both reading problems and semantic ones: the order of a
/// streaming check matters only when there are several.
fn three_lists(root: &Path) {
    copy_dir(Path::new("registry"), root);
    copy_dir(
        &root.join("guangzhou-gxj"),
        &root.join("guangzhou-gxj-copy"),
    );
    copy_dir(
        Path::new("registry/guangzhou-gxj"),
        &root.join("zz-unknown"),
    );
    let edit = |rel: &str, from: &str, to: &str| {
        let p = root.join(rel);
        let s = fs::read_to_string(&p).unwrap();
        assert!(s.contains(from), "{rel}: no {from:?}");
        fs::write(&p, s.replacen(from, to, 1)).unwrap();
    };
    edit(
        "guangzhou-gxj-copy/items/licensing.toml",
        "category = \"licensing\"",
        "category = \"licencing\"",
    );
    edit("zz-unknown/items/penalty.toml", "\nname = ", "\nnmae = ");
    edit("authorities.toml", "region = \"440100\"", "region = \"GZ\"");
}

/// `Registry::check` reads one list at a time and may re-use clean
/// results, but reports exactly what a full load and validation report, in
/// the same order, with and without its cache, cold and warm.
#[test]
fn the_streaming_check_finds_what_a_full_load_finds() {
    let tmp = tempfile::tempdir().unwrap();
    let multi = tmp.path().join("three");
    three_lists(&multi);
    let mut dirs = fixture_dirs("invalid");
    dirs.extend(fixture_dirs("valid"));
    dirs.push(PathBuf::from("registry"));
    dirs.push(multi.clone());
    for dir in dirs {
        let full = Registry::load(&dir).unwrap();
        let lists = full.registry.lists.len();
        let items: usize = full.registry.lists.values().map(|l| l.items.len()).sum();
        let expected = render(&problems(&dir));
        let cache = tempfile::tempdir().unwrap();
        for (what, cache) in [
            ("no cache", None),
            ("cold cache", Some(cache.path())),
            ("warm cache", Some(cache.path())),
        ] {
            let r = check(&dir, cache);
            assert_eq!(render(&r.problems), expected, "{}: {what}", dir.display());
            assert_eq!(
                (r.lists, r.items),
                (lists, items),
                "{}: {what}",
                dir.display()
            );
        }
    }
    // The three-list registry has problems in the shared file and in two
    // lists, reading and semantic: the comparison above covered ordering.
    let found = render(&problems(&multi));
    for needle in ["GZ", "licencing", "zz-unknown"] {
        assert!(found.contains(needle), "{needle} not in {found}");
    }
    // A load of some lists reads exactly those lists, as a full load does.
    let full = Registry::load(&multi).unwrap().registry;
    let some = Registry::load_with(&multi, &LoadOptions::default().only(["zz-unknown"]))
        .unwrap()
        .registry;
    assert_eq!(some.lists.len(), 1);
    assert_eq!(
        some.list("zz-unknown").map(|l| &l.items),
        full.list("zz-unknown").map(|l| &l.items)
    );
}

/// Edit, check, edit back: the check cache re-uses a clean list only while
/// its files, the shared files, the date and the build are unchanged.
#[test]
fn the_check_cache_reuses_clean_lists_and_never_goes_stale() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    copy_dir(Path::new("registry"), &root);
    copy_dir(&root.join("guangzhou-gxj"), &root.join("guangzhou-gxj-b"));
    let cache = tmp.path().join("cache");
    settle();
    // guangzhou-gxj-b names no authority: it is never clean, never kept.
    let first = check(&root, Some(&cache));
    // gd-gxt, the parent list, is clean too and re-used throughout unless a
    // shared file or the date changes.
    assert_eq!((first.lists, first.reused), (3, 0));
    let again = check(&root, Some(&cache));
    assert_eq!(again.reused, 2, "the clean lists are re-used");
    assert_eq!(render(&again.problems), render(&first.problems));

    // An edit of the same length, right after a check (same clock tick as
    // far as a coarse clock knows): found.
    let file = root.join("guangzhou-gxj/items/licensing.toml");
    let text = fs::read_to_string(&file).unwrap();
    let broken = text.replacen("category = \"licensing\"", "category = \"licensinG\"", 1);
    assert_eq!(broken.len(), text.len());
    fs::write(&file, &broken).unwrap();
    let r = check(&root, Some(&cache));
    assert_eq!(r.reused, 1);
    assert_eq!(render(&r.problems), render(&problems(&root)));
    assert!(render(&r.problems).contains("licensinG"));
    // Edited back: byte for byte what was found clean, so re-used.
    fs::write(&file, &text).unwrap();
    let r = check(&root, Some(&cache));
    assert_eq!(render(&r.problems), render(&first.problems));
    assert_eq!(r.reused, 2);

    // Every kind of input counts: a change-log entry, an agreement, the
    // shared files, the date.
    settle();
    for rel in [
        "guangzhou-gxj/changelog/2.0.0.toml",
        "guangzhou-gxj/agreements/gd-gxt-2019-radio.toml",
        "guangzhou-gxj/list.toml",
        "documents.toml",
        "authorities.toml",
        "laws/laws.toml",
        "calendar.toml",
    ] {
        let p = root.join(rel);
        let before = fs::read_to_string(&p).unwrap();
        assert_eq!(check(&root, Some(&cache)).reused, 2, "{rel}: before");
        fs::write(&p, format!("{before}\n# 注释\n")).unwrap();
        let r = check(&root, Some(&cache));
        // A shared file is an input of every list; a list's file of its own.
        let left = usize::from(rel.starts_with("guangzhou-gxj/"));
        assert_eq!(r.reused, left, "{rel}: an edited input was not noticed");
        assert_eq!(render(&r.problems), render(&problems(&root)), "{rel}");
        fs::write(&p, &before).unwrap();
    }
    let other_day = Registry::check(
        &root,
        &CheckOptions::new("2022-01-01".parse().unwrap())
            .load(LoadOptions::default().cache(&cache)),
    )
    .unwrap();
    assert_eq!(other_day.reused, 0, "another date is another check");
    // A new file in a list directory is an input too.
    let extra = root.join("guangzhou-gxj/items/zz-extra.toml");
    fs::write(&extra, "# 空文件\n").unwrap();
    assert_eq!(check(&root, Some(&cache)).reused, 1);
    fs::remove_file(&extra).unwrap();

    // A corrupt cache (records and stat index) is ignored.
    for e in fs::read_dir(&cache).unwrap() {
        fs::write(e.unwrap().path(), b"{not json").unwrap();
    }
    let r = check(&root, Some(&cache));
    assert_eq!(render(&r.problems), render(&first.problems));
    assert_eq!(r.reused, 0);
}

/// Pruning keeps what the registry uses and removes the rest: parsed
/// records of bytes no file has any more, check records and checkpoints
/// unused for the days given (a use renews them), stale temporary files.
#[test]
fn prune_cache_keeps_what_the_registry_uses() {
    let (_tmp, root, cache) = scratch_registry();
    decline_fast_reader(&root);
    settle();
    let count = |prefix: &str| count_prefixed(&cache, prefix);
    let age = |prefix: &str, days: u64| {
        for e in fs::read_dir(&cache).unwrap() {
            let p = e.unwrap().path();
            if p.file_name().unwrap().to_string_lossy().starts_with(prefix) {
                let t =
                    std::time::SystemTime::now() - std::time::Duration::from_secs(days * 86_400);
                fs::File::options()
                    .write(true)
                    .open(&p)
                    .unwrap()
                    .set_modified(t)
                    .unwrap();
            }
        }
    };
    assert!(check(&root, Some(&cache)).problems.is_empty());
    let from = quanze::Point::Version("4.0.0".parse().unwrap());
    let opts = LoadOptions::default().cache(&cache);
    Registry::unit_changes(&root, &opts, &from, &quanze::Point::Files).unwrap();
    assert_eq!((count("check-"), count("units-")), (2, 2));

    // Forty days unused, then the check record is used again: the
    // checkpoints go, the record stays.
    age("check-", 40);
    age("units-", 40);
    assert_eq!(check(&root, Some(&cache)).reused, 2);
    let p = Registry::prune_cache(&root, &cache, 30).unwrap();
    assert_eq!(p.removed, 2);
    assert_eq!((count("check-"), count("units-")), (2, 0));

    // An edited item file leaves its old parsed records behind; pruning
    // removes exactly those. (Kept are the item files and the last
    // change-log entry, which `decline_fast_reader` made the fast reader
    // decline.)
    // Both lists: the city's and the province's.
    let items = ["guangzhou-gxj", "gd-gxt"]
        .iter()
        .map(|l| fs::read_dir(root.join(l).join("items")).unwrap().count())
        .sum::<usize>();
    let entries = 2;
    assert_eq!((count("items-"), count("entry-")), (items, entries));
    let file = root.join("guangzhou-gxj/items/licensing.toml");
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, format!("{text}\n# 注释\n")).unwrap();
    assert!(check(&root, Some(&cache)).problems.is_empty());
    assert_eq!(count("items-"), items + 1);
    // A temporary file left by a crash two days ago goes; a fresh one stays.
    fs::write(cache.join(".old.1.tmp"), "x").unwrap();
    fs::write(cache.join(".new.2.tmp"), "x").unwrap();
    age(".old", 2);
    let p = Registry::prune_cache(&root, &cache, 30).unwrap();
    assert_eq!(p.removed, 2, "{p:?}");
    assert_eq!((count("items-"), count("entry-")), (items, entries));
    assert!(cache.join(".new.2.tmp").exists() && !cache.join(".old.1.tmp").exists());
    // Nothing a check reports changes.
    let r = check(&root, Some(&cache));
    assert_eq!(render(&r.problems), render(&problems(&root)));
    // A registry given as the cache is refused, and keeps every file.
    let before = fs::read_dir(&root).unwrap().count();
    let e = Registry::prune_cache(&root, &root, 0)
        .unwrap_err()
        .to_string();
    assert!(e.contains("registry files, not a cache"), "{e}");
    assert_eq!(fs::read_dir(&root).unwrap().count(), before);
}

#[test]
fn a_licence_may_be_set_by_a_state_council_decision_or_implemented_by_a_rule() {
    // The licensing-basis-level fixture, mended either way, is clean.
    for (from, to) in [
        (
            "level = \"departmental-rule\"",
            "level = \"state-council-decision\"",
        ),
        (
            "level = \"departmental-rule\"",
            "level = \"departmental-rule\"\nrole = \"implementing\"\n\n[[item.basis]]\ntitle = \"民用爆炸物品安全管理条例\"\nlevel = \"administrative-regulation\"",
        ),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(
            Path::new("tests/fixtures/invalid/licensing-basis-level"),
            tmp.path(),
        );
        let p = tmp.path().join("test-bureau/items/licensing.toml");
        let s = fs::read_to_string(&p).unwrap();
        assert!(s.contains(from));
        fs::write(&p, s.replacen(from, to, 1)).unwrap();
        let found = problems(tmp.path());
        assert!(found.is_empty(), "{to}: {found:?}");
    }
}

/// The fixture `name` copied into a temporary directory, with `edits`
/// (file, from, to) made, and its problems.
fn mended(name: &str, edits: &[(&str, &str, &str)]) -> Vec<Diagnostic> {
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(&Path::new("tests/fixtures/invalid").join(name), tmp.path());
    for (file, from, to) in edits {
        let p = tmp.path().join(file);
        let s = fs::read_to_string(&p).unwrap();
        assert!(s.contains(from), "{name}: {file} lacks {from}");
        fs::write(&p, s.replacen(from, to, 1)).unwrap();
    }
    problems(tmp.path())
}

#[test]
fn a_list_sets_its_local_rules_and_cannot_touch_national_ones() {
    const LIST: &str = "test-bureau/list.toml";
    let ids = |found: &[Diagnostic]| found.iter().map(|d| d.rule.id()).collect::<Vec<_>>();
    // Two tiers are enough where the list requires two.
    let two = mended(
        "discretion-tiers",
        &[(
            LIST,
            "version = \"1.0.0\"",
            "version = \"1.0.0\"\n\n[rules]\ndiscretion_tiers = 2",
        )],
    );
    assert!(two.is_empty(), "{:?}", ids(&two));
    // Four are too few where it requires five; the message says how many.
    let five = mended(
        "discretion-tiers",
        &[(
            LIST,
            "version = \"1.0.0\"",
            "version = \"1.0.0\"\n\n[rules]\ndiscretion_tiers = 5",
        )],
    );
    assert_eq!(ids(&five), ["discretion-tiers"]);
    assert!(
        five[0].message.contains("fewer than the 5"),
        "{}",
        five[0].message
    );
    // A warning turned off is not reported; the same setting cannot hide an error.
    let off = mended(
        "penalty-provision",
        &[(
            LIST,
            "version = \"1.0.0\"",
            "version = \"1.0.0\"\n\n[rules]\noff = [\"penalty-provision\"]",
        )],
    );
    assert!(off.is_empty(), "{:?}", ids(&off));
    let hidden = mended(
        "missing-setting-basis",
        &[(
            LIST,
            "version = \"1.0.0\"",
            "version = \"1.0.0\"\n\n[rules]\noff = [\"missing-setting-basis\"]",
        )],
    );
    assert_eq!(
        ids(&hidden),
        [
            "rule-setting",
            "missing-setting-basis",
            "missing-setting-basis"
        ]
    );
    // Warnings do not stop a registry from opening; errors do.
    let dir = Path::new("tests/fixtures/invalid/penalty-provision");
    assert!(quanze::Registry::open(dir).is_ok());
    let dir = Path::new("tests/fixtures/invalid/missing-setting-basis");
    assert!(quanze::Registry::open(dir).is_err());
}

#[test]
fn time_units_follow_the_law_of_each_class() {
    const L: &str = "test-bureau/items/licensing.toml";
    const C: &str = "test-bureau/items/coercion.toml";
    let ids = |found: &[Diagnostic]| found.iter().map(|d| d.rule.id()).collect::<Vec<_>>();
    // Working days (or no unit) for the licence; a coercion limit over ten
    // days may be in calendar days, one of ten or less in working days.
    for (licence, coercion) in [
        ("time_unit = \"working-days\"", "legal_days = 15"),
        ("", "time_unit = \"working-days\""),
        ("", "time_unit = \"hours\""),
    ] {
        let found = mended(
            "time-limit-unit",
            &[
                (L, "time_unit = \"calendar-days\"", licence),
                (
                    C,
                    if coercion.starts_with("legal") {
                        "legal_days = 5"
                    } else {
                        "time_unit = \"calendar-days\""
                    },
                    coercion,
                ),
            ],
        );
        assert!(
            found.is_empty(),
            "{licence} / {coercion}: {:?}",
            ids(&found)
        );
    }
    // Hours are no unit for a licence either.
    let hours = mended(
        "time-limit-unit",
        &[
            (L, "time_unit = \"calendar-days\"", "time_unit = \"hours\""),
            (C, "legal_days = 5", "legal_days = 30"),
        ],
    );
    assert_eq!(ids(&hours), ["time-limit-unit"]);
}

#[test]
fn a_flowchart_is_read_safely_and_a_changed_chart_is_always_seen() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    copy_dir(Path::new("registry"), &root);
    let cache = tmp.path().join("cache");
    let chart = root.join("guangzhou-gxj/flowcharts/explosives-sales-licence.svg");
    let original = fs::read(&chart).unwrap();
    settle();
    assert!(check(&root, Some(&cache)).problems.is_empty());
    assert_eq!(
        check(&root, Some(&cache)).reused,
        2,
        "the clean lists are kept"
    );
    let ids = |r: &quanze::CheckReport| r.problems.iter().map(|d| d.rule.id()).collect::<Vec<_>>();
    // A chart edited after its hash was recorded: found, though the clean
    // list was kept, and found the same way without the cache.
    let mut edited = original.clone();
    edited.extend_from_slice(b"<!-- edited -->\n");
    fs::write(&chart, &edited).unwrap();
    let r = check(&root, Some(&cache));
    assert_eq!(ids(&r), ["flowchart"]);
    assert!(
        r.problems[0]
            .message
            .contains("changed without a recorded adjustment")
    );
    assert_eq!(render(&r.problems), render(&problems(&root)));
    // Put back byte for byte: clean again.
    fs::write(&chart, &original).unwrap();
    assert!(check(&root, Some(&cache)).problems.is_empty());
    // Too large: refused before it is read whole.
    let big = vec![b' '; (quanze::Flowchart::MAX_BYTES + 1) as usize];
    fs::write(&chart, &big).unwrap();
    let r = check(&root, None);
    assert_eq!(ids(&r), ["flowchart"]);
    assert!(
        r.problems[0].message.contains("more than the"),
        "{}",
        r.problems[0].message
    );
    // A link in its place, even to a file with the right bytes: refused.
    #[cfg(unix)]
    {
        let elsewhere = tmp.path().join("chart.svg");
        fs::write(&elsewhere, &original).unwrap();
        fs::remove_file(&chart).unwrap();
        std::os::unix::fs::symlink(&elsewhere, &chart).unwrap();
        let r = check(&root, None);
        assert_eq!(ids(&r), ["flowchart"]);
        assert!(
            r.problems[0].message.contains("is a link"),
            "{}",
            r.problems[0].message
        );
        // And `flowcharts/` itself a link.
        let dir = root.join("guangzhou-gxj/flowcharts");
        let moved = tmp.path().join("charts");
        fs::remove_file(&chart).unwrap();
        fs::write(&chart, &original).unwrap();
        fs::rename(&dir, &moved).unwrap();
        std::os::unix::fs::symlink(&moved, &dir).unwrap();
        let r = check(&root, None);
        assert_eq!(ids(&r), ["flowchart"]);
        // A FIFO (or a device) beside the charts is never opened, with or
        // without the cache: the check ends.
        fs::remove_file(&dir).unwrap();
        fs::rename(&moved, &dir).unwrap();
        let fifo = dir.join("extra.svg");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.svg")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let (r2, c2) = (root.clone(), cache.clone());
        std::thread::spawn(move || {
            let _ = tx.send((
                check(&r2, Some(&c2)).problems.len(),
                check(&r2, None).problems.len(),
            ));
        });
        let done = rx.recv_timeout(std::time::Duration::from_secs(60));
        assert_eq!(
            done,
            Ok((0, 0)),
            "check hung on a FIFO in flowcharts/, or found problems"
        );
    }
}

#[test]
fn the_html_catalogue_embeds_the_flowchart_only_while_it_is_the_recorded_one() {
    use base64::prelude::{BASE64_STANDARD, Engine as _};
    use quanze::publish::catalogue::{Catalogue, Selection};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    copy_dir(Path::new("registry"), &root);
    let html = |root: &Path| {
        let reg = Registry::load(root).unwrap().registry;
        let list = reg.list("guangzhou-gxj").unwrap();
        let cat = Catalogue::build(&reg, list, &Selection::default()).unwrap();
        let r = quanze::publish::renderer(quanze::publish::Format::Html).unwrap();
        String::from_utf8(r.catalogue(&cat, quanze::Lang::Zh).unwrap()).unwrap()
    };
    let page = html(&root);
    let chart = root.join("guangzhou-gxj/flowcharts/explosives-sales-licence.svg");
    let prefix = "<img class=\"flowchart\" src=\"data:image/svg+xml;base64,";
    let start = page.find(prefix).expect("the chart is embedded") + prefix.len();
    let end = start + page[start..].find('"').unwrap();
    assert_eq!(
        BASE64_STANDARD.decode(&page[start..end]).unwrap(),
        fs::read(&chart).unwrap(),
        "the embedded chart is the file's bytes"
    );
    assert_eq!(page.matches("<img class=\"flowchart\"").count(), 1);
    // Edited: the page names the file and its recorded hash, and embeds nothing.
    fs::write(
        &chart,
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
    )
    .unwrap();
    let page = html(&root);
    assert!(!page.contains(prefix));
    assert!(page.contains("flowcharts/explosives-sales-licence.svg (sha256:"));
}

#[test]
fn the_third_tier_is_checked_and_does_not_change_the_count() {
    const L: &str = "test-bureau/items/licensing.toml";
    let cases = "[[item.sub.cases]]\ncode = \"XK-001-01-01\"\nname = \"新办\"\n\n[[item.sub.cases]]\ncode = \"XK-001-01-01\"\nname = \" \"\n[item.sub.cases.implementation]\nlegal_days = 30\npromised_days = 40\n\n[[item.sub]]\ncode = \"XK-001-02\"";
    let found = mended(
        "time-limit-unit",
        &[
            (L, "time_unit = \"calendar-days\"", ""),
            (
                "test-bureau/items/coercion.toml",
                "legal_days = 5",
                "legal_days = 15",
            ),
            (L, "[[item.sub]]\ncode = \"XK-001-02\"", cases),
        ],
    );
    let ids: Vec<&str> = found.iter().map(|d| d.rule.id()).collect();
    assert_eq!(
        ids,
        ["duplicate-sub-code", "blank-text", "promised-exceeds-legal"],
        "{found:?}"
    );
    assert!(
        found[2]
            .key
            .ends_with("sub[0].cases[1].implementation.promised_days"),
        "{}",
        found[2].key
    );
    // Mended, the two cases leave the count as it was: one unit.
    let tmp = tempfile::tempdir().unwrap();
    copy_dir(
        Path::new("tests/fixtures/invalid/time-limit-unit"),
        tmp.path(),
    );
    let count = |dir: &Path| {
        let reg = Registry::load(dir).unwrap().registry;
        let list = reg.list("test-bureau").unwrap();
        quanze::Stats::compute(&reg, list, as_of()).categories["licensing"]
    };
    let before = count(tmp.path());
    let p = tmp.path().join(L);
    let s = fs::read_to_string(&p).unwrap();
    let ok = cases.replacen(
        "code = \"XK-001-01-01\"\nname = \" \"",
        "code = \"XK-001-01-02\"\nname = \"迁址新办\"",
        1,
    );
    fs::write(&p, s.replacen("[[item.sub]]\ncode = \"XK-001-02\"", &ok, 1)).unwrap();
    assert_eq!(count(tmp.path()), before);
}

#[test]
fn the_texts_of_every_block_are_checked_whatever_the_class_or_status() {
    // A penalty block on a licence, and a blank tier: both found (the
    // penalty rules look at penalties in force only; the texts are the
    // registry's wherever they stand).
    let found = mended(
        "time-limit-unit",
        &[
            (
                "test-bureau/items/licensing.toml",
                "time_unit = \"calendar-days\"\n",
                "",
            ),
            (
                "test-bureau/items/coercion.toml",
                "legal_days = 5",
                "legal_days = 15",
            ),
            (
                "test-bureau/items/licensing.toml",
                "[item.implementation]\nlegal_days = 20",
                "[item.penalty]\nprovision = [\"\\u001b[31m红字\"]\n\n[[item.penalty.benchmark]]\ntier = \"一般\"\ncircumstances = \" \"\nsanction = \"罚款\"\n\n[item.implementation]\nlegal_days = 20",
            ),
        ],
    );
    let got: Vec<(&str, &str)> = found
        .iter()
        .map(|d| (d.rule.id(), d.key.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("blank-text", "item[1].penalty.benchmark[0].circumstances"),
            ("control-character", "item[1].penalty.provision[0]"),
        ],
        "{found:?}"
    );
}
