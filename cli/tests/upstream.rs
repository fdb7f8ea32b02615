//! Upstream changes as a bureau and an auditor meet them: a repeal of a
//! cited law in a copy of the bundled registry leaves pending effects on
//! exactly the items that cite it, audit flags them once the deadline
//! passes, an answering adjustment clears them, and what an attacker tried
//! against the first version is refused.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn quanze(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quanze"))
        .arg("--registry")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn json(o: &Output) -> serde_json::Value {
    assert!(o.status.code().is_some_and(|c| c <= 1), "{}", text(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(o)))
}

/// A copy of the bundled registry with a deciding document for the
/// repeals these tests record.
fn copy() -> (tempfile::TempDir, PathBuf) {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    common::copy_dir(Path::new("registry"), &root);
    let docs = root.join("documents.toml");
    let mut text = fs::read_to_string(&docs).unwrap();
    text.push_str(
        "\n[[document]]\nnumber = \"测试令第1号\"\ntitle = \"测试决定\"\nissuer = \"测试机关\"\ndate = \"2026-06-01\"\n",
    );
    fs::write(&docs, text).unwrap();
    (tmp, root)
}

/// `list:code` of every item of the bundled lists whose files cite `law`.
fn citing(root: &Path, law: &str) -> BTreeSet<String> {
    let reg = quanze::Registry::load(root).unwrap().registry;
    reg.lists
        .values()
        .flat_map(|l| {
            l.items
                .iter()
                .filter(|i| i.ended.is_none())
                .filter(|i| {
                    i.basis
                        .iter()
                        .any(|b| b.law.as_ref().is_some_and(|id| id.as_str() == law))
                })
                .map(move |i| format!("{}:{}", l.authority, i.code))
        })
        .collect()
}

fn effect_codes(v: &serde_json::Value) -> BTreeSet<String> {
    v["effects"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["list"].as_str().unwrap(),
                e["code"].as_str().unwrap()
            )
        })
        .collect()
}

#[test]
fn a_repeal_leaves_effects_on_exactly_the_citing_items_until_answered() {
    let (_tmp, root) = copy();
    let expected = citing(&root, "radio-regulations");
    assert!(expected.len() >= 20, "{expected:?}");
    let o = quanze(
        &root,
        &[
            "law",
            "repeal",
            "中华人民共和国无线电管理条例",
            "--date",
            "2026-06-01",
            "--decided-by",
            "测试令第1号",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));

    // Within the deadline: open, the same items impact names.
    let open = json(&quanze(
        &root,
        &["pending", "--as-of", "2026-06-10", "--format", "json"],
    ));
    assert_eq!(effect_codes(&open), expected);
    assert!(
        open["effects"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["status"] == "open")
    );
    let impact = json(&quanze(
        &root,
        &[
            "impact",
            "radio-regulations",
            "--as-of",
            "2026-06-10",
            "--format",
            "json",
        ],
    ));
    let codes: BTreeSet<String> = impact["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(codes, expected);
    // 20 working days after Monday 1 June 2026, the Dragon Boat Festival
    // (Friday 19 June) off: 2-5, 8-12, 15-18, 22-26, 29, 30 June.
    assert!(open["effects"][0]["deadline"] == "2026-06-30", "{open}");

    // Past it: audit errors for the city list, pending exits 1.
    let audit = quanze(&root, &["audit", "guangzhou-gxj", "--as-of", "2026-07-10"]);
    assert_eq!(audit.status.code(), Some(1), "{}", text(&audit));
    assert!(
        text(&audit).contains("error[upstream-overdue]"),
        "{}",
        text(&audit)
    );
    let pending = quanze(&root, &["pending", "--as-of", "2026-07-10"]);
    assert_eq!(pending.status.code(), Some(1));

    // An answer dated later does not count before its date.
    let file = root.join("guangzhou-gxj/items/levy.toml");
    let t = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        t.replacen("\nremarks = \"", "\nremarks = \"(已核对)", 1),
    )
    .unwrap();
    let adj = quanze(
        &root,
        &[
            "adjust",
            "guangzhou-gxj",
            "--version",
            "5.0.5",
            "--date",
            "2026-06-20",
            "--decided-by",
            "测试令第1号",
            "--answers",
            "laws@2.0.0",
        ],
    );
    assert!(adj.status.success(), "{}", text(&adj));
    let before = json(&quanze(
        &root,
        &[
            "pending",
            "guangzhou-gxj",
            "--as-of",
            "2026-06-15",
            "--format",
            "json",
        ],
    ));
    assert!(
        !before["effects"].as_array().unwrap().is_empty(),
        "answered only on the 20th"
    );
    let after = json(&quanze(
        &root,
        &[
            "pending",
            "guangzhou-gxj",
            "--as-of",
            "2026-07-10",
            "--format",
            "json",
        ],
    ));
    assert!(after["effects"].as_array().unwrap().is_empty(), "{after}");
    let audit = quanze(&root, &["audit", "guangzhou-gxj", "--as-of", "2026-07-10"]);
    assert!(
        !text(&audit).contains("upstream-overdue"),
        "{}",
        text(&audit)
    );
}

#[test]
fn a_parent_suspension_warns_and_leaves_the_child_writable() {
    let (_tmp, root) = copy();
    let parent = root.join("gd-gxt/items/licensing.toml");
    let t = fs::read_to_string(&parent).unwrap();
    let from = "code = \"GDGXT-XK-008\"\nname = \"业余无线电台设置、变更审批\"\ncategory = \"licensing\"\nstatus = \"in-force\"\n";
    assert!(t.contains(from), "the bundled parent item");
    fs::write(
        &parent,
        t.replacen(from, &from.replace("in-force", "suspended"), 1),
    )
    .unwrap();
    let o = quanze(
        &root,
        &[
            "adjust",
            "gd-gxt",
            "--version",
            "2.0.0",
            "--date",
            "2026-06-01",
            "--decided-by",
            "测试令第1号",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let check = quanze(&root, &["check", "--as-of", "2026-06-10"]);
    assert_eq!(check.status.code(), Some(0), "{}", text(&check));
    assert!(
        text(&check).contains("warning[parent-not-in-force]"),
        "{}",
        text(&check)
    );
    // An unrelated write of the child still goes ahead.
    let file = root.join("guangzhou-gxj/items/other.toml");
    let t = fs::read_to_string(&file).unwrap();
    fs::write(&file, t.replacen("\nbody = \"", "\nbody = \"广州市", 1)).unwrap();
    let o = quanze(
        &root,
        &[
            "adjust",
            "guangzhou-gxj",
            "--version",
            "5.0.5",
            "--date",
            "2026-06-05",
            "--decided-by",
            "测试令第1号",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    // …and it is told what it has still to answer.
    assert!(text(&o).contains("gd-gxt@2.0.0"), "{}", text(&o));
}

#[test]
fn attacks_on_the_laws_are_refused() {
    let (_tmp, root) = copy();
    // A version that cannot be bumped: refused, no panic.
    let o = quanze(
        &root,
        &[
            "law",
            "amend",
            "radio-regulations",
            "--date",
            "2026-06-01",
            "--decided-by",
            "测试令第1号",
            "--version",
            "1.18446744073709551615.0",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let o = quanze(
        &root,
        &[
            "law",
            "amend",
            "radio-regulations",
            "--date",
            "2026-06-02",
            "--decided-by",
            "测试令第1号",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("cannot be bumped"), "{}", text(&o));

    // An amendment number two regulations share is no reference.
    let o = quanze(
        &root,
        &["impact", "国务院令第653号", "--as-of", "2026-06-10"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("names 2 laws"), "{}", text(&o));

    // An article that names no article.
    let o = quanze(&root, &["impact", "radio-regulations", "--article", "xyz"]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));

    // An event that leaves nothing to answer (it only enacts) is refused.
    let file = root.join("guangzhou-gxj/items/levy.toml");
    let t = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        t.replacen("\nremarks = \"", "\nremarks = \"(已核对)", 1),
    )
    .unwrap();
    let o = quanze(
        &root,
        &[
            "adjust",
            "guangzhou-gxj",
            "--version",
            "5.0.5",
            "--date",
            "2026-06-20",
            "--decided-by",
            "测试令第1号",
            "--answers",
            "laws@1.1.0",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("leaves nothing to answer"),
        "{}",
        text(&o)
    );
    fs::write(&file, &t).unwrap();

    // Two lists that name each other as parents.
    let meta = root.join("gd-gxt/list.toml");
    let m = fs::read_to_string(&meta).unwrap();
    fs::write(
        &meta,
        format!("{m}\n[[parent]]\nlist = \"guangzhou-gxj\"\nkind = \"catalogue\"\n"),
    )
    .unwrap();
    let o = quanze(&root, &["check", "--as-of", "2026-06-10"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("name each other as parent lists"),
        "{}",
        text(&o)
    );
    fs::write(&meta, &m).unwrap();

    // A trailing slash is no list.
    let o = quanze(
        &root,
        &["pending", "guangzhou-gxj/", "--as-of", "2026-06-10"],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));

    // A tampered laws.toml: the upstream reports refuse it.
    let laws = root.join("laws/laws.toml");
    let t = fs::read_to_string(&laws).unwrap();
    fs::write(
        &laws,
        t.replacen("中华人民共和国电力法", "中华人民共和国电力法(改)", 1),
    )
    .unwrap();
    for args in [
        &["pending", "--as-of", "2026-06-10"][..],
        &["impact", "radio-regulations", "--as-of", "2026-06-10"][..],
    ] {
        let o = quanze(&root, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", text(&o));
        assert!(text(&o).contains("unrecorded-change"), "{}", text(&o));
    }
    fs::write(&laws, &t).unwrap();

    // The reserved name.
    let csv = root.join("../list.csv");
    fs::write(
        &csv,
        "事项名称,事项类型,设定依据\n某审批,行政许可,《中华人民共和国电力法》第一条\n",
    )
    .unwrap();
    let o = quanze(
        &root,
        &["import", "--authority", "laws", csv.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(!root.join("laws/list.toml").exists());
}
