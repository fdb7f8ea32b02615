//! Audit checks, and snapshots of every report format on the bundled
//! registry. After an intended change of a report:
//! `INSTA_UPDATE=always cargo test --all-features` (or `cargo insta review`),
//! then review the diff of `tests/snapshots/`.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;
use common::{fixture_dirs, snapshot};

use std::process::Command;

use quanze::publish::report::{self, Format};
use quanze::query::audit::{AuditOptions, CHECKS, audit};
use quanze::{ChangeSet, Date, Point, Registry, Rule};

fn as_of() -> Date {
    "2026-11-28".parse().unwrap()
}

fn options() -> AuditOptions {
    AuditOptions {
        as_of: as_of(),
        ..AuditOptions::default()
    }
}

/// Every format a report renders in, with its snapshot extension.
const EVERY_FORMAT: [(&str, Format); 5] = [
    ("txt", Format::Text),
    ("md", Format::Markdown),
    ("html", Format::Html),
    ("csv", Format::Csv),
    ("json", Format::Json),
];

#[test]
fn every_audit_check_has_a_fixture_that_triggers_it() {
    repo::at_top();
    let dirs = fixture_dirs("audit");
    // The report order lists exactly the rules the table puts in the audit.
    let audited: Vec<Rule> = Rule::ALL.iter().copied().filter(|r| r.is_audit()).collect();
    let mut order = CHECKS.to_vec();
    order.sort();
    assert_eq!(order, audited);
    for c in CHECKS {
        assert!(
            dirs.iter().any(|d| d.file_name().unwrap() == c.id()),
            "audit check `{}` has no fixture in tests/fixtures/audit/",
            c.id()
        );
        assert!(
            c.fixtures()
                .iter()
                .any(|f| std::path::Path::new(f).is_dir()),
            "{c}: {:?}",
            c.fixtures()
        );
    }
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let rule: Rule = name.parse().expect("a fixture named by a rule");
        assert!(
            CHECKS.contains(&rule),
            "fixture `{name}` names no audit check"
        );
        let reg = Registry::load(&dir).unwrap().registry;
        let list = reg.list("test-bureau").unwrap();
        let findings = audit(&reg, list, &options()).unwrap();
        assert!(
            findings.iter().any(|f| f.check == rule),
            "{}: `{name}` not found in {findings:?}",
            dir.display()
        );
        snapshot(
            &format!("audit-{name}.txt"),
            report::findings(&findings, Format::Text).unwrap(),
        );
    }
}

#[test]
fn valid_registries_have_no_findings() {
    repo::at_top();
    for dir in [
        "tests/fixtures/valid/minimal",
        "tests/fixtures/valid/with-history",
        "registry",
    ] {
        let reg = Registry::load(dir).unwrap().registry;
        for list in reg.lists.values() {
            let findings = audit(&reg, list, &options()).unwrap();
            assert!(findings.is_empty(), "{dir}: {findings:?}");
        }
    }
}

#[test]
fn audit_exit_status_follows_severity() {
    repo::at_top();
    let run = |dir: &str| {
        Command::new(env!("CARGO_BIN_EXE_quanze"))
            .args([
                "--registry",
                dir,
                "audit",
                "test-bureau",
                "--as-of",
                "2026-11-28",
            ])
            .output()
            .unwrap()
            .status
            .code()
    };
    assert_eq!(run("tests/fixtures/audit/hash-chain"), Some(1));
    assert_eq!(
        run("tests/fixtures/audit/agreement-expiring"),
        Some(0),
        "warnings alone do not fail"
    );
    assert_eq!(run("tests/fixtures/valid/with-history"), Some(0));
}

fn bundled() -> Registry {
    Registry::open("registry").unwrap()
}

#[test]
fn diff_2019_to_2021_in_every_format() {
    repo::at_top();
    let reg = bundled();
    let list = reg.list("guangzhou-gxj").unwrap();
    let cs = ChangeSet::between(
        &reg,
        list,
        &Point::Date("2019-12-31".parse().unwrap()),
        &Point::Date("2021-12-31".parse().unwrap()),
    )
    .unwrap();
    // What an auditor asks: all accounted for, and the bump declared suffices.
    assert_eq!(cs.unaccounted(), 0);
    assert!(cs.bump.sufficient);
    assert!(cs.sentence_after.contains("行政许可13项(含子项共34项)"));
    for (ext, f) in EVERY_FORMAT {
        snapshot(
            &format!("diff-2019-2021.{ext}"),
            report::changeset(&cs, f).unwrap(),
        );
    }
    // The JSON is the documented shape.
    let j: serde_json::Value =
        serde_json::from_str(&report::changeset(&cs, Format::Json).unwrap()).unwrap();
    assert_eq!(j["from"]["version"], "1.0.0");
    assert_eq!(j["to"]["version"], "3.0.0");
    assert_eq!(j["counts"][0]["category"], "licensing");
    assert_eq!(j["counts"][0]["after"]["units"], 34);
}

#[test]
fn crosswalk_in_every_format() {
    repo::at_top();
    let reg = bundled();
    let list = reg.list("guangzhou-gxj").unwrap();
    let rows = quanze::query::crosswalk::crosswalk(
        list,
        &Point::Version("3.0.0".parse().unwrap()),
        &Point::Version("5.0.0".parse().unwrap()),
    )
    .unwrap();
    let changed: Vec<(&str, Vec<String>)> = rows
        .iter()
        .filter(|r| r.event != "unchanged" && r.sub.is_none())
        .map(|r| (r.code.as_str(), r.new_codes.clone()))
        .collect();
    assert_eq!(
        changed,
        vec![
            ("XK-013", vec!["XK-015".to_owned()]),
            ("CF-026", vec!["CF-036".to_owned()]),
            ("CF-027", vec!["CF-036".to_owned()]),
            ("JC-008", vec!["JC-014".to_owned(), "JC-015".to_owned()]),
            ("QT-007", vec![]),
        ]
    );
    for (ext, f) in EVERY_FORMAT {
        snapshot(
            &format!("crosswalk-3.0.0-5.0.0.{ext}"),
            report::crosswalk(&rows, f).unwrap(),
        );
    }
}

#[test]
fn comparing_two_authorities() {
    repo::at_top();
    // The bundled list against the small test list: matched by name where
    // codes differ (民用爆炸物品销售许可 is XK-001 in both), by code otherwise.
    let left = bundled();
    let right = Registry::load("tests/fixtures/valid/minimal")
        .unwrap()
        .registry;
    let c = quanze::query::crosswalk::compare(
        &left,
        left.list("guangzhou-gxj").unwrap(),
        &right,
        right.list("test-bureau").unwrap(),
        "2021-12-31".parse().unwrap(),
    );
    assert!(
        c.matched.iter().any(
            |p| p.left.name == "民用爆炸物品销售许可" && p.right.name == "民用爆炸物品销售许可"
        )
    );
    assert!(
        c.matched
            .iter()
            .any(|p| p.by == "name" && p.left.code == "CF-021"),
        "对盗窃电能的处罚 matched by name: {:?}",
        c.matched
    );
    // The test list's 在电力设施保护区内进行作业的审批 is named differently
    // from the bundled item: what only one side has is reported as such.
    let only_right: Vec<&str> = c.only_right.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(only_right, ["在电力设施保护区内进行作业的审批"]);
    assert_eq!(c.matched.len(), 2);
    assert_eq!(c.matched.len() + c.only_left.len(), 73);
    for (ext, f) in EVERY_FORMAT {
        snapshot(
            &format!("compare.{ext}"),
            report::comparison(&c, f).unwrap(),
        );
    }
}

#[test]
fn findings_in_every_format() {
    repo::at_top();
    let reg = Registry::load("tests/fixtures/audit/entrusted-without-agreement")
        .unwrap()
        .registry;
    let findings = audit(&reg, reg.list("test-bureau").unwrap(), &options()).unwrap();
    for (ext, f) in EVERY_FORMAT {
        snapshot(
            &format!("findings.{ext}"),
            report::findings(&findings, f).unwrap(),
        );
    }
}

#[test]
fn the_audit_runs_every_validation_rule() {
    repo::at_top();
    // A list that breaks a rule no audit check covers: the audit reports it
    // under the rule's own id, located, as an error.
    let reg = Registry::load("tests/fixtures/invalid/promised-exceeds-legal")
        .unwrap()
        .registry;
    let findings = audit(&reg, reg.list("test-bureau").unwrap(), &options()).unwrap();
    let f = findings
        .iter()
        .find(|f| f.check == Rule::PromisedExceedsLegal)
        .unwrap_or_else(|| panic!("{findings:?}"));
    assert_eq!(f.severity, quanze::query::audit::Severity::Error);
    assert!(
        f.location
            .as_deref()
            .is_some_and(|l| l.ends_with("licensing.toml:17:17")),
        "{f:?}"
    );
    assert!(quanze::query::audit::has_errors(&findings));
}

#[test]
fn an_agreement_renewed_by_another_is_not_reported_as_expired() {
    repo::at_top();
    // At 2029-02-01 both radio agreements have ended; the 2019 one was
    // renewed by the 2024 one (from the day after its end), so only the
    // 2024 one is reported.
    let reg = bundled();
    let opts = AuditOptions {
        as_of: "2029-02-01".parse().unwrap(),
        ..AuditOptions::default()
    };
    let findings = audit(&reg, reg.list("guangzhou-gxj").unwrap(), &opts).unwrap();
    let expired: Vec<&str> = findings
        .iter()
        .filter(|f| f.check == Rule::AgreementExpired)
        .filter_map(|f| f.subject.as_deref())
        .collect();
    assert_eq!(expired, ["gd-gxt-2024-radio"]);
}
