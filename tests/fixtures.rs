//! Every validation rule has an invalid fixture under `tests/fixtures/invalid/`
//! named after its id (`<rule-id>` or `<rule-id>--<variant>`), holding a small
//! registry that breaks it and `expected.txt`, the exact rendered problems.
//! The valid fixtures and the bundled registry break none.
//!
//! To update the snapshots after an intended change of wording:
//! `QUANZE_BLESS=1 cargo test --test fixtures`, then review the diff.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::{copy_dir, fixture_dirs};

use std::fs;
use std::path::{Path, PathBuf};

use quanze::{Date, Diagnostic, Registry, Rule};

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
    let bless = std::env::var_os("QUANZE_BLESS").is_some();
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
    for rule in Rule::ALL {
        assert!(
            covered.iter().any(|c| c == rule.id()),
            "rule `{}` has no fixture in tests/fixtures/invalid/",
            rule.id()
        );
    }
    for c in &covered {
        assert!(
            Rule::ALL.iter().any(|r| r.id() == c),
            "fixture `{c}` names no rule"
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
