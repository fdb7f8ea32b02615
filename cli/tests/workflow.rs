//! The adjustment workflow through the real binary: adjust and apply, dry
//! runs, rejected versions, comments kept, crashes at every step of a write,
//! and two writers at once.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;
mod writing;
use writing::{BIN, adjust, ops_file, registry, run, text, write_ops};

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn check_ok(root: &Path) {
    let o = run(root, &["check", "--as-of", "2026-11-28"]);
    assert_eq!(o.status.code(), Some(0), "check failed:\n{}", text(&o));
}

fn version(root: &Path) -> String {
    let reg = quanze::Registry::load(root).unwrap().registry;
    reg.list("test-bureau").unwrap().meta.version.to_string()
}

fn edit(root: &Path, rel: &str, from: &str, to: &str) {
    let p = root.join(rel);
    let s = fs::read_to_string(&p).unwrap();
    assert!(s.contains(from), "{rel} lacks {from:?}");
    fs::write(&p, s.replacen(from, to, 1)).unwrap();
}

const NEW_PENALTY: &str = r#"
# 新增:对违反电力设施保护规定行为的处罚(2022年)
[[item]]
id = "power-protection-penalty"
code = "CF-002"
name = "对危害电力设施行为的处罚"
category = "penalty"
effective = "2022-01-01"
body = "测试市工业和信息化局"

[item.penalty]
provision = ["《中华人民共和国电力法》第六十八条"]

[[item.basis]]
title = "中华人民共和国电力法"
level = "law"
article = "第六十八条"
"#;

#[test]
fn adjust_infers_operations_and_keeps_comments() {
    repo::at_top();
    let (_tmp, root) = registry();
    check_ok(&root);
    // People's edits: a comment, a new item, a cancellation, a rename.
    edit(
        &root,
        "test-bureau/items/penalty.toml",
        "[[item]]\nid = \"electricity-theft\"",
        "# 本项2022年起取消(见测府令第2号)\n[[item]]\nid = \"electricity-theft\"",
    );
    edit(
        &root,
        "test-bureau/items/penalty.toml",
        "effective = \"2019-01-01\"",
        "status = \"cancelled\"\neffective = \"2019-01-01\"\nended = \"2022-01-01\"",
    );
    fs::write(
        root.join("test-bureau/items/penalty.toml"),
        fs::read_to_string(root.join("test-bureau/items/penalty.toml")).unwrap() + NEW_PENALTY,
    )
    .unwrap();
    edit(
        &root,
        "test-bureau/items/licensing.toml",
        "name = \"在电力设施保护区内进行作业的审批\"",
        "name = \"在电力设施保护区内作业审批\"",
    );

    // The files now differ from the log: check says so, item and field.
    let o = run(&root, &["check", "--as-of", "2026-11-28"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o);
    assert!(out.contains("error[unrecorded-change]: item `power-zone-works` (XK-002): `name` differs from the change log"), "{out}");
    assert!(out.contains("no change-log entry adds it"), "{out}");

    // A minor bump is too small for a cancellation.
    let o = adjust(&root, "1.2.0", "2022-01-01", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains(
            "version 1.2.0 is a minor bump from 1.1.0, but the operations require a major bump"
        ),
        "{}",
        text(&o)
    );

    // A dry run shows the entry and writes nothing.
    let before = fs::read_to_string(root.join("test-bureau/list.toml")).unwrap();
    let o = run(
        &root,
        &[
            "adjust",
            "test-bureau",
            "--version",
            "2.0.0",
            "--date",
            "2022-01-01",
            "--decided-by",
            "测府令第1号",
            "--reason",
            "2022年调整",
            "--dry-run",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let out = text(&o);
    assert!(
        out.starts_with("dry run: nothing written. The operations require a major bump."),
        "{out}"
    );
    for kind in ["kind = \"add\"", "kind = \"cancel\"", "kind = \"modify\""] {
        assert!(out.contains(kind), "{kind} missing:\n{out}");
    }
    assert_eq!(
        fs::read_to_string(root.join("test-bureau/list.toml")).unwrap(),
        before
    );
    assert!(!root.join("test-bureau/changelog/2.0.0.toml").exists());

    // Recorded for real.
    let o = run(
        &root,
        &[
            "adjust",
            "test-bureau",
            "--version",
            "2.0.0",
            "--date",
            "2022-01-01",
            "--decided-by",
            "测府令第1号",
            "--reason",
            "2022年调整",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    assert_eq!(version(&root), "2.0.0");
    let penalty = fs::read_to_string(root.join("test-bureau/items/penalty.toml")).unwrap();
    assert!(
        penalty.contains("# 本项2022年起取消(见测府令第2号)"),
        "comment lost:\n{penalty}"
    );
    assert!(
        penalty.contains("# 新增:对违反电力设施保护规定行为的处罚(2022年)"),
        "comment lost:\n{penalty}"
    );

    // Time travel: on 2021-12-31 the cancelled penalty still counts.
    let o = run(
        &root,
        &[
            "stats",
            "test-bureau",
            "--as-of",
            "2021-12-31",
            "--format",
            "json",
        ],
    );
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["version"], "1.1.0");
    assert_eq!(j["categories"]["penalty"]["items"], 1);
    let o = run(
        &root,
        &[
            "stats",
            "test-bureau",
            "--as-of",
            "2022-06-30",
            "--format",
            "json",
        ],
    );
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["version"], "2.0.0");
    assert_eq!(
        j["categories"]["penalty"]["items"], 1,
        "CF-001 ended, CF-002 added"
    );
    let o = run(
        &root,
        &["stats", "test-bureau", "--at", "1.0.0", "--format", "json"],
    );
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        (
            j["version"].as_str(),
            j["categories"]["licensing"]["units"].as_u64()
        ),
        (Some("1.0.0"), Some(2))
    );

    // Nothing more to record.
    let o = adjust(&root, "2.0.1", "2022-01-01", &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("nothing to record"), "{}", text(&o));
}

#[test]
fn adjust_takes_merges_from_an_operations_file_and_resolve_follows_them() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = tmp.path().join("merge.toml");
    fs::write(
        &ops,
        "[[op]]\nkind = \"merge\"\ncodes = [\"XK-002\"]\ninto = \"XK-001\"\n",
    )
    .unwrap();
    let o = run(
        &root,
        &[
            "adjust",
            "test-bureau",
            "--version",
            "2.0.0",
            "--date",
            "2022-01-01",
            "--decided-by",
            "测府令第1号",
            "--ops",
            ops.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    let items = fs::read_to_string(root.join("test-bureau/items/licensing.toml")).unwrap();
    assert!(items.contains("status = \"merged\""), "{items}");
    assert!(
        items.contains("successors = [\"explosives-sales\"]"),
        "{items}"
    );
    let o = run(&root, &["resolve", "test-bureau", "XK-002"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "XK-002 ⇒ XK-001 (在用)\n  2.0.0 2022-01-01 合并 XK-002 → XK-001 (测府令第1号)\n"
    );
    let o = run(
        &root,
        &["resolve", "test-bureau", "XK-002", "--at", "1.1.0"],
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "XK-002 ⇒ XK-002 (在用)\n"
    );
}

#[test]
fn apply_records_an_operations_file_and_refuses_unrecorded_edits() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    assert_eq!(version(&root), "1.2.0");
    assert!(root.join("test-bureau/items/other.toml").exists());

    edit(
        &root,
        "test-bureau/items/licensing.toml",
        "name = \"核发\"",
        "name = \"新办\"",
    );
    let ops = write_ops(tmp.path(), "ops2.toml", "1.3.0", "QT-002");
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("changes the change log does not record"),
        "{}",
        text(&o)
    );
    assert_eq!(version(&root), "1.2.0");
}

#[test]
fn sm3_links_are_offered_and_verified() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let o = run(
        &root,
        &[
            "apply",
            "test-bureau",
            ops.to_str().unwrap(),
            "--hash",
            "sm3",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let list = fs::read_to_string(root.join("test-bureau/list.toml")).unwrap();
    assert!(list.contains("head = \"sm3:"), "{list}");
    check_ok(&root);
    // Tampering with the SM3-sealed entry is detected.
    edit(
        &root,
        "test-bureau/changelog/1.2.0.toml",
        "新增事项QT-001",
        "新增事项QT-00l",
    );
    let o = run(&root, &["check", "--as-of", "2026-11-28"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        text(&o).contains("error[hash-chain]: entry 1.2.0 has been changed after it was written"),
        "{}",
        text(&o)
    );
}

/// The writer aborted between any two steps leaves a registry that `check`
/// accepts, at the old version before the commit marker and at the new one
/// after it; the next writer finishes or discards the transaction.
#[test]
fn a_crash_at_any_step_leaves_a_registry_that_check_accepts() {
    repo::at_top();
    for (point, after) in [
        ("staged-first", "1.1.0"),
        ("staged-all", "1.1.0"),
        ("committed", "1.2.0"),
        ("moved-first", "1.2.0"),
        ("moved-all", "1.2.0"),
    ] {
        let (tmp, root) = registry();
        let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
        let o = Command::new(BIN)
            .arg("--registry")
            .arg(&root)
            .args(["apply", "test-bureau", ops.to_str().unwrap()])
            .env("QUANZE_CRASH_AT", point)
            .output()
            .unwrap();
        assert!(
            !o.status.success(),
            "{point}: the writer was meant to crash"
        );
        check_ok(&root);
        assert_eq!(version(&root), after, "{point}");
        // `check` says when reads go through an unfinished commit.
        let noted = text(&run(&root, &["check"])).contains("has an unfinished commit");
        assert_eq!(noted, after == "1.2.0", "{point}");
        // The next writer recovers and goes on.
        let next = write_ops(tmp.path(), "next.toml", "1.3.0", "QT-002");
        let ops_again = if after == "1.1.0" { &ops } else { &next };
        let o = run(
            &root,
            &["apply", "test-bureau", ops_again.to_str().unwrap()],
        );
        assert!(o.status.success(), "{point}: {}", text(&o));
        check_ok(&root);
        assert!(!root.join("test-bureau/.txn").exists(), "{point}");
        assert!(
            !text(&run(&root, &["check"])).contains("unfinished commit"),
            "{point}"
        );
    }
}

#[test]
fn a_second_writer_fails_while_the_first_holds_the_lock() {
    repo::at_top();
    let (tmp, root) = registry();
    let lock = quanze::io::lock(&root.join("test-bureau")).unwrap();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(
        text(&o).contains("another quanze is recording an adjustment to `test-bureau`"),
        "{}",
        text(&o)
    );
    assert_eq!(version(&root), "1.1.0", "the loser wrote nothing");
    drop(lock);
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
}

#[test]
fn a_planted_commit_marker_moves_nothing_out_of_the_list() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    // A planted transaction whose marker points outside the registry:
    // recovery would rename `.txn/files/../../x/planted` (that is,
    // `test-bureau/x/planted`) to `test-bureau/../../x/planted`, outside.
    let txn = root.join("test-bureau/.txn");
    fs::create_dir_all(txn.join("files")).unwrap();
    fs::create_dir_all(root.join("test-bureau/x")).unwrap();
    fs::create_dir_all(tmp.path().join("x")).unwrap();
    let staged = root.join("test-bureau/x/planted");
    fs::write(&staged, "planted").unwrap();
    fs::write(txn.join("commit"), "../../x/planted\n").unwrap();
    let outside = tmp.path().join("x/planted");
    for args in [
        vec!["apply", "test-bureau", ops.to_str().unwrap(), "--dry-run"],
        vec!["apply", "test-bureau", ops.to_str().unwrap()],
    ] {
        let o = run(&root, &args);
        assert!(!outside.exists(), "{args:?} moved a file out of the list");
        assert!(staged.exists(), "{args:?}");
        if !args.contains(&"--dry-run") {
            assert_eq!(o.status.code(), Some(1), "{}", text(&o));
            assert!(
                text(&o).contains("line 1 names \"../../x/planted\""),
                "{}",
                text(&o)
            );
        }
    }
    assert_eq!(version(&root), "1.1.0");
}

#[cfg(unix)]
#[test]
fn a_planted_transaction_of_links_or_endless_files_is_neither_read_nor_moved() {
    use std::os::unix::fs::symlink;
    repo::at_top();
    let ops_name = "ops.toml";
    // (what is planted, what the note and the refusal say)
    let cases: [(&str, &str); 6] = [
        ("files-link", "is a symbolic link"),
        ("marker-endless", "is a symbolic link"),
        ("marker-huge", "more than 1048576 bytes"),
        ("staged-link", "is a symbolic link"),
        ("staged-hard-link", "a hard link"),
        ("marker-hard-link", "a hard link"),
    ];
    for (case, says) in cases {
        let (tmp, root) = registry();
        let ops = write_ops(tmp.path(), ops_name, "1.2.0", "QT-001");
        let list = root.join("test-bureau");
        let own = fs::read_to_string(list.join("items/licensing.toml")).unwrap();
        let outside = tmp.path().join("outside");
        fs::create_dir_all(outside.join("items")).unwrap();
        let planted = outside.join("items/licensing.toml");
        fs::write(&planted, own.replace("民用爆炸物品销售许可", "外部许可")).unwrap();
        let txn = list.join(".txn");
        fs::create_dir_all(&txn).unwrap();
        match case {
            "files-link" => {
                symlink(&outside, txn.join("files")).unwrap();
                fs::write(txn.join("commit"), "items/licensing.toml\n").unwrap();
            }
            "marker-endless" => symlink("/dev/zero", txn.join("commit")).unwrap(),
            "marker-huge" => {
                let line = "items/licensing.toml\n";
                fs::write(txn.join("commit"), line.repeat((1 << 20) / line.len() + 1)).unwrap();
            }
            "staged-link" => {
                fs::create_dir_all(txn.join("files/items")).unwrap();
                symlink(&planted, txn.join("files/items/licensing.toml")).unwrap();
                fs::write(txn.join("commit"), "items/licensing.toml\n").unwrap();
            }
            "marker-hard-link" => {
                // A file of elsewhere as the marker: its first line would be
                // echoed in the refusal.
                fs::hard_link(&planted, txn.join("commit")).unwrap();
            }
            _ => {
                // A file of elsewhere, given a second name in the overlay.
                fs::create_dir_all(txn.join("files/items")).unwrap();
                fs::hard_link(&planted, txn.join("files/items/licensing.toml")).unwrap();
                fs::write(txn.join("commit"), "items/licensing.toml\n").unwrap();
            }
        }
        // Reads ignore it, and check says so.
        let o = run(&root, &["check", "--as-of", "2026-11-28"]);
        assert_eq!(o.status.code(), Some(0), "{case}: {}", text(&o));
        assert!(
            text(&o).contains("pending transaction that reads ignore") && text(&o).contains(says),
            "{case}: {}",
            text(&o)
        );
        let o = run(&root, &["show", "test-bureau", "XK-001"]);
        assert!(o.status.success(), "{case}: {}", text(&o));
        assert!(!text(&o).contains("外部许可"), "{case}: {}", text(&o));
        // The next write refuses it and moves nothing.
        let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{case}: {}", text(&o));
        assert!(text(&o).contains(says), "{case}: {}", text(&o));
        assert!(planted.exists(), "{case}");
        assert_eq!(
            fs::read_to_string(list.join("items/licensing.toml")).unwrap(),
            own,
            "{case}"
        );
        assert_eq!(version(&root), "1.1.0", "{case}");
    }
}

/// Runs quanze, killing it after 30 s: returns its output, or `None` when
/// it had to be killed (it hung).
#[cfg(unix)]
fn run_bounded(root: &Path, args: &[&str]) -> Option<Output> {
    let mut child = Command::new(BIN)
        .arg("--registry")
        .arg(root)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    Some(child.wait_with_output().unwrap())
}

#[cfg(unix)]
#[test]
fn a_fifo_where_a_file_belongs_stops_nothing_and_hangs_nothing() {
    repo::at_top();
    for planted in [".rwlock", ".lock", "list.toml"] {
        let (tmp, root) = registry();
        let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
        let path = root.join("test-bureau").join(planted);
        let _ = fs::remove_file(&path);
        let made = Command::new("mkfifo").arg(&path).status().unwrap();
        assert!(made.success());
        let check = run_bounded(&root, &["check", "--as-of", "2026-11-28"])
            .unwrap_or_else(|| panic!("{planted}: check hung"));
        let write = run_bounded(&root, &["apply", "test-bureau", ops.to_str().unwrap()])
            .unwrap_or_else(|| panic!("{planted}: apply hung"));
        if planted == ".rwlock" {
            // Readers go on without the lock; the writer refuses to commit.
            assert_eq!(check.status.code(), Some(0), "{}", text(&check));
        } else if planted == "list.toml" {
            assert!(!check.status.success());
            assert!(
                text(&check).contains("not a regular file"),
                "{}",
                text(&check)
            );
        }
        if planted != "list.toml" {
            assert_eq!(write.status.code(), Some(2), "{planted}: {}", text(&write));
            assert!(
                text(&write).contains("not a regular file"),
                "{planted}: {}",
                text(&write)
            );
        }
    }
}

#[test]
fn a_staged_file_the_marker_does_not_name_is_not_read() {
    repo::at_top();
    let (_tmp, root) = registry();
    let list = root.join("test-bureau");
    let own = fs::read_to_string(list.join("items/licensing.toml")).unwrap();
    let txn = list.join(".txn");
    fs::create_dir_all(txn.join("files/items")).unwrap();
    fs::write(
        txn.join("files/items/licensing.toml"),
        own.replace("民用爆炸物品销售许可", "外部许可"),
    )
    .unwrap();
    fs::write(txn.join("commit"), "list.toml\n").unwrap();
    let o = run(&root, &["show", "test-bureau", "XK-001"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(!text(&o).contains("外部许可"), "{}", text(&o));
}

#[test]
fn a_dry_run_writes_nothing_at_all() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let o = run(
        &root,
        &["apply", "test-bureau", ops.to_str().unwrap(), "--dry-run"],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        !root.join("test-bureau/.lock").exists(),
        "a dry run made the lock file"
    );
    assert_eq!(version(&root), "1.1.0");
}

#[test]
fn an_authority_that_is_no_id_creates_no_file() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    for authority in ["../x", "nope", "test-bureau/../test-bureau"] {
        let o = run(&root, &["apply", authority, ops.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(2), "{authority}: {}", text(&o));
        assert!(
            text(&o).contains(&format!("no list for authority `{authority}`")),
            "{}",
            text(&o)
        );
    }
    assert!(!tmp.path().join("x").exists());
    assert!(!root.join("nope").exists());
}

#[cfg(unix)]
#[test]
fn a_lock_file_that_is_a_link_is_not_followed() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let target = tmp.path().join("victim");
    std::os::unix::fs::symlink(&target, root.join("test-bureau/.lock")).unwrap();
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("is a symbolic link"), "{}", text(&o));
    assert!(!target.exists(), "the link was followed");
    assert_eq!(version(&root), "1.1.0");
}

#[test]
fn a_write_that_would_break_a_rule_is_refused_and_writes_nothing() {
    repo::at_top();
    let (tmp, root) = registry();
    let before = fs::read_to_string(root.join("test-bureau/items/licensing.toml")).unwrap();
    // adjust: a sub-item that promises 45 working days against a legal 30.
    edit(
        &root,
        "test-bureau/items/licensing.toml",
        "promised_days = 15",
        "promised_days = 45",
    );
    let o = adjust(&root, "1.1.1", "2022-01-01", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("error[promised-exceeds-legal]"),
        "{}",
        text(&o)
    );
    assert!(
        text(&o).contains("test-bureau/items/licensing.toml:17:"),
        "located in the file about to be written: {}",
        text(&o)
    );
    assert!(text(&o).contains("nothing was written"), "{}", text(&o));
    assert_eq!(version(&root), "1.1.0");
    fs::write(root.join("test-bureau/items/licensing.toml"), &before).unwrap();
    check_ok(&root);

    // apply: a licensing item without its time limits.
    let ops = tmp.path().join("limits.toml");
    fs::write(
        &ops,
        "version = \"1.2.0\"\ndate = \"2022-01-01\"\n\n[[decided_by]]\nnumber = \"测府令第2号\"\ntitle = \"测试调整决定\"\nissuer = \"测试市人民政府\"\ndate = \"2021-12-20\"\n\n[[op]]\nkind = \"add\"\n[op.item]\nid = \"new-licence\"\ncode = \"XK-009\"\nname = \"新增许可\"\ncategory = \"licensing\"\neffective = \"2022-01-01\"\nbody = \"测试市工业和信息化局\"\n[[op.item.basis]]\ntitle = \"测试省工业管理条例\"\nlevel = \"local-regulation\"\n",
    )
    .unwrap();
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("error[missing-limits]"), "{}", text(&o));
    assert_eq!(version(&root), "1.1.0");
    // The dry run shows the same problem and writes nothing.
    let o = run(
        &root,
        &["apply", "test-bureau", ops.to_str().unwrap(), "--dry-run"],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("error[missing-limits]"), "{}", text(&o));
    assert!(text(&o).contains("would be refused"), "{}", text(&o));

    // apply: deciding documents documents.toml does not hold, or holds
    // otherwise.
    let good = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let ops_text = fs::read_to_string(&good).unwrap();
    for (from, to, says) in [
        ("测府令第2号", "测府令第9号", "is not in documents.toml"),
        (
            "测试调整决定",
            "另一个标题",
            "is not as documents.toml has it",
        ),
    ] {
        let bad = tmp.path().join("bad.toml");
        fs::write(&bad, ops_text.replace(from, to)).unwrap();
        let o = run(&root, &["apply", "test-bureau", bad.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        assert!(text(&o).contains(says), "{}", text(&o));
        assert_eq!(version(&root), "1.1.0");
    }
    check_ok(&root);
}

#[test]
fn an_operations_file_may_name_a_document_by_number_alone() {
    repo::at_top();
    let (tmp, root) = registry();
    let full = fs::read_to_string(write_ops(tmp.path(), "full.toml", "1.2.0", "QT-001")).unwrap();
    let short = full.replace(
        "title = \"测试调整决定\"\nissuer = \"测试市人民政府\"\ndate = \"2021-12-20\"\n",
        "",
    );
    assert_ne!(short, full);
    let ops = tmp.path().join("short.toml");
    fs::write(&ops, &short).unwrap();
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    // The entry cites the document in full, as documents.toml has it.
    let entry = fs::read_to_string(root.join("test-bureau/changelog/1.2.0.toml")).unwrap();
    assert!(entry.contains("title = \"测试调整决定\""), "{entry}");
    assert!(entry.contains("issuer = \"测试市人民政府\""), "{entry}");
    // A number documents.toml does not hold, given alone, is refused.
    fs::write(
        &ops,
        short
            .replace("测府令第2号", "测府令第9号")
            .replace("1.2.0", "1.3.0"),
    )
    .unwrap();
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("is not in documents.toml"),
        "{}",
        text(&o)
    );
}

/// The `# CODE name` comment quanze writes above an item follows a rename
/// and a recode (it went stale before); other comments stay as written.
#[test]
fn the_comment_above_an_item_follows_its_name_and_code() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "QT-001");
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let file = root.join("test-bureau/items/other.toml");
    let before = fs::read_to_string(&file).unwrap();
    assert!(before.contains("# QT-001 新增事项QT-001\n"), "{before}");
    fs::write(
        &file,
        before.replace(
            "# QT-001 新增事项QT-001\n",
            "# a note of the office\n# QT-001 新增事项QT-001\n",
        ),
    )
    .unwrap();
    let rename = ops_file(
        tmp.path(),
        "rename.toml",
        "1.2.1",
        "2022-02-01",
        "[[op]]\nkind = \"modify\"\ncode = \"QT-001\"\n[op.set]\nname = \"改名事项\"\n",
    );
    let o = run(&root, &["apply", "test-bureau", rename.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let after = fs::read_to_string(&file).unwrap();
    assert!(
        after.contains("# a note of the office\n# QT-001 改名事项\n")
            && !after.contains("新增事项QT-001\n[[item]]"),
        "{after}"
    );
    let recode = ops_file(
        tmp.path(),
        "recode.toml",
        "2.0.0",
        "2022-03-01",
        "[[op]]\nkind = \"recode\"\ncode = \"QT-001\"\nto = \"QT-009\"\n",
    );
    let o = run(&root, &["apply", "test-bureau", recode.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    let after = fs::read_to_string(&file).unwrap();
    assert!(after.contains("# QT-009 改名事项\n"), "{after}");
    assert!(!after.contains("# QT-001 改名事项\n"), "{after}");
    check_ok(&root);
}

/// `adjust --ops` with a merge into a new item and a split into new items:
/// the operations file is enough, the write adds the new items to the
/// files. Before, each new item had to be written into the files as well,
/// and the error said it was "missing from the files: items are never
/// deleted".
#[test]
fn adjust_ops_alone_merge_and_split_into_new_items() {
    repo::at_top();
    let (tmp, root) = registry();
    let item = |id: &str, code: &str, effective: &str| {
        format!(
            "id = \"{id}\"\ncode = \"{code}\"\nname = \"新事项{code}\"\ncategory = \"licensing\"\neffective = \"{effective}\"\nbody = \"测试市工业和信息化局\"\n"
        )
    };
    let sub = |code: &str, table: &str| {
        format!(
            "[[{table}.basis]]\ntitle = \"测试省工业管理条例\"\nlevel = \"local-regulation\"\n[[{table}.sub]]\ncode = \"{code}-01\"\nname = \"核发\"\n[{table}.sub.implementation]\nlegal_days = 30\npromised_days = 15\nhandling = \"promised\"\n"
        )
    };
    let ops = tmp.path().join("ops.toml");
    fs::write(
        &ops,
        format!(
            "[[op]]\nkind = \"merge\"\ncodes = [\"XK-001\", \"XK-002\"]\n[op.item]\n{}{}",
            item("merged-licence", "XK-003", "2022-01-01"),
            sub("XK-003", "op.item")
        ),
    )
    .unwrap();
    let adjust_ops = |version: &str, date: &str, ops: &Path| {
        adjust(&root, version, date, &["--ops", ops.to_str().unwrap()])
    };
    let o = adjust_ops("2.0.0", "2022-01-01", &ops);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    let items = fs::read_to_string(root.join("test-bureau/items/licensing.toml")).unwrap();
    assert!(
        items.contains("# XK-003 新事项XK-003\n[[item]]\nid = \"merged-licence\""),
        "{items}"
    );
    // A split of the new item into two more, again from the file alone.
    fs::write(
        &ops,
        format!(
            "[[op]]\nkind = \"split\"\ncode = \"XK-003\"\n[[op.items]]\n{}{}[[op.items]]\n{}{}",
            item("part-a", "XK-004", "2022-06-01"),
            sub("XK-004", "op.items"),
            item("part-b", "XK-005", "2022-06-01"),
            sub("XK-005", "op.items")
        ),
    )
    .unwrap();
    let o = adjust_ops("3.0.0", "2022-06-01", &ops);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    let o = run(&root, &["resolve", "test-bureau", "XK-001"]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.starts_with("XK-001 ⇒ XK-004 (在用)\n") && out.contains("\nXK-001 ⇒ XK-005 (在用)\n"),
        "{out}"
    );
    assert!(
        out.contains("3.0.0 2022-06-01 拆分 XK-003 → XK-004, XK-005"),
        "{out}"
    );
}

/// A recode carries its sub-items' codes (XK-001-01 → XK-009-01), keeping
/// the old ones as the units' former codes, which resolve to the new; the
/// entry says `carry_sub_codes = true`. `adjust` infers the same from files
/// edited that way; `carry_sub_codes = false` keeps the sub-items' codes.
/// Before, the sub-items stayed under the old prefix and nothing could
/// change them.
#[test]
fn a_recode_carries_its_sub_items_codes() {
    repo::at_top();
    // Through an operations file.
    let (tmp, root) = registry();
    let ops = ops_file(
        tmp.path(),
        "recode.toml",
        "2.0.0",
        "2022-03-01",
        "[[op]]\nkind = \"recode\"\ncode = \"XK-001\"\nto = \"XK-009\"\n",
    );
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    let entry = fs::read_to_string(root.join("test-bureau/changelog/2.0.0.toml")).unwrap();
    assert!(entry.contains("carry_sub_codes = true"), "{entry}");
    let items = fs::read_to_string(root.join("test-bureau/items/licensing.toml")).unwrap();
    assert!(
        items.contains("code = \"XK-009-01\"\nname = \"核发\"")
            && items.contains("former_codes = [\"XK-001-02\"]")
            && !items.contains("code = \"XK-001-01\""),
        "{items}"
    );
    let o = run(&root, &["resolve", "test-bureau", "XK-001-02"]);
    assert!(
        String::from_utf8_lossy(&o.stdout).starts_with("XK-001-02 ⇒ XK-009-02 (在用)"),
        "{}",
        text(&o)
    );
    // `show` takes the unit's former code too.
    let o = run(&root, &["show", "test-bureau", "XK-001-02"]);
    assert!(
        o.status.success() && text(&o).contains("XK-009"),
        "{}",
        text(&o)
    );
    // A sub-item code a recode gave up is never given again.
    let reuse = ops_file(
        tmp.path(),
        "reuse.toml",
        "2.1.0",
        "2022-04-01",
        "[[op]]\nkind = \"sub-add\"\ncode = \"XK-009\"\n[op.sub]\ncode = \"XK-001-01\"\nname = \"再用\"\n",
    );
    let o = run(&root, &["apply", "test-bureau", reuse.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));

    // Inferred by adjust from files edited to the new codes.
    let (_tmp, root) = registry();
    let file = root.join("test-bureau/items/licensing.toml");
    let s = fs::read_to_string(&file).unwrap();
    fs::write(&file, s.replace("\"XK-001", "\"XK-009")).unwrap();
    let o = adjust(&root, "2.0.0", "2022-03-01", &[]);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    let entry = fs::read_to_string(root.join("test-bureau/changelog/2.0.0.toml")).unwrap();
    assert!(
        entry.contains("kind = \"recode\"")
            && entry.contains("carry_sub_codes = true")
            && !entry.contains("sub-add"),
        "{entry}"
    );

    // `carry_sub_codes = false` keeps them.
    let (tmp, root) = registry();
    let ops = ops_file(
        tmp.path(),
        "keep.toml",
        "2.0.0",
        "2022-03-01",
        "[[op]]\nkind = \"recode\"\ncode = \"XK-001\"\nto = \"XK-009\"\ncarry_sub_codes = false\n",
    );
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    let items = fs::read_to_string(root.join("test-bureau/items/licensing.toml")).unwrap();
    assert!(items.contains("code = \"XK-001-01\""), "{items}");
}

/// Former codes come only from a recode: `sub-modify` may not set a unit's
/// (it forged `former_codes` naming items in force, which then resolved to
/// the unit), and `adjust` refuses an edit of an item's in the files (it
/// dropped the edit without a word).
#[test]
fn former_codes_come_only_from_a_recode() {
    repo::at_top();
    let (tmp, root) = registry();
    let ops = ops_file(
        tmp.path(),
        "forge.toml",
        "1.1.1",
        "2022-03-01",
        "[[op]]\nkind = \"sub-modify\"\ncode = \"XK-001\"\nsub = \"XK-001-01\"\n[op.set]\nformer_codes = [\"XK-002\"]\n",
    );
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("former codes come only from a `recode`"),
        "{}",
        text(&o)
    );
    assert_eq!(version(&root), "1.1.0");

    edit(
        &root,
        "test-bureau/items/licensing.toml",
        "code = \"XK-002\"\n",
        "code = \"XK-002\"\nformer_codes = [\"XK-777\"]\n",
    );
    let o = adjust(&root, "1.1.1", "2022-03-01", &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("`former_codes` differs from the change log"),
        "{}",
        text(&o)
    );
    assert_eq!(version(&root), "1.1.0");
}

/// A code recoded twice resolves through both recodes, each step with its
/// own version, date and document (the first step was lost, and the whole
/// path credited to the second).
#[test]
fn a_code_recoded_twice_resolves_in_two_steps() {
    repo::at_top();
    let (tmp, root) = registry();
    for (version, date, from, to) in [
        ("2.0.0", "2022-03-01", "XK-002", "XK-008"),
        ("3.0.0", "2022-06-01", "XK-008", "XK-009"),
    ] {
        let ops = ops_file(
            tmp.path(),
            &format!("{version}.toml"),
            version,
            date,
            &format!("[[op]]\nkind = \"recode\"\ncode = \"{from}\"\nto = \"{to}\"\n"),
        );
        let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
        assert!(o.status.success(), "{}", text(&o));
    }
    let o = run(&root, &["resolve", "test-bureau", "XK-002"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "XK-002 ⇒ XK-009 (在用)\n  2.0.0 2022-03-01 编码调整 XK-002 → XK-008 (测府令第2号)\n  3.0.0 2022-06-01 编码调整 XK-008 → XK-009 (测府令第2号)\n"
    );
}

/// A write keeps the permissions of the files it replaces, and gives the
/// files it creates those of any new file (not a temporary file's 0600),
/// so that the office can read the list and a web server the catalogue.
#[cfg(unix)]
#[test]
fn writes_keep_permissions_and_new_files_are_readable() {
    use std::os::unix::fs::PermissionsExt as _;
    repo::at_top();
    let (tmp, root) = registry();
    let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let plain = tmp.path().join("plain");
    fs::write(&plain, "").unwrap();
    let new_file = mode(&plain);
    assert_ne!(
        new_file, 0o600,
        "the test needs a umask that lets others read"
    );
    let list = root.join("test-bureau/list.toml");
    fs::set_permissions(&list, fs::Permissions::from_mode(0o640)).unwrap();
    let ops = write_ops(tmp.path(), "ops.toml", "1.2.0", "XK-009");
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(mode(&list), 0o640, "list.toml keeps its permissions");
    assert_eq!(
        mode(&root.join("test-bureau/changelog/1.2.0.toml")),
        new_file
    );
    let out = tmp.path().join("out");
    let o = run(
        &root,
        &[
            "publish",
            "test-bureau",
            "--format",
            "html,csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    for f in fs::read_dir(&out).unwrap() {
        assert_eq!(
            mode(&f.unwrap().path()),
            new_file,
            "a catalogue is readable as a new file is"
        );
    }
}

/// The holder entrusts one of its own powers out: the agreement it gives
/// is recorded like one it receives, the item is marked, and `show`
/// and `check` agree; entrusting out a power it holds by entrustment is
/// refused (不得再委托).
#[test]
fn a_power_entrusted_out_is_recorded_and_re_entrustment_is_refused() {
    repo::at_top();
    let (tmp, root) = registry();
    let auth = root.join("authorities.toml");
    let mut a = fs::read_to_string(&auth).unwrap();
    a.push_str("\n[[authority]]\nid = \"test-district\"\nname = \"测试市测试区工业和信息化局\"\nlevel = \"county\"\nregion = \"440103\"\n");
    fs::write(&auth, a).unwrap();
    let agreement = |item: &str| {
        format!(
            "[[op]]\nkind = \"agreement-sign\"\n[op.agreement]\nid = \"district-2022\"\ntitle = \"行政职权委托协议书(委托区局实施)\"\nentruster = \"test-bureau\"\nentrusted = \"test-district\"\nsigned = \"2021-12-20\"\nterm_start = \"2022-01-01\"\ndecided_by = [\"测府令第1号\"]\n[[op.agreement.items]]\nitem = \"{item}\"\nscope = [\"accept\", \"review\"]\n"
        )
    };
    // Re-entrusting XK-001, which the bureau holds from the province: refused.
    let ops = ops_file(
        tmp.path(),
        "bad.toml",
        "1.2.0",
        "2022-01-01",
        &format!(
            "{}\n[[op]]\nkind = \"modify\"\ncode = \"XK-001\"\n[op.set]\nentrusted_out = true\n",
            agreement("explosives-sales")
        ),
    );
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("不得再委托"), "{}", text(&o));
    // Its own XK-002: recorded, and the list stays clean.
    let ops = ops_file(
        tmp.path(),
        "ok.toml",
        "1.2.0",
        "2022-01-01",
        &format!(
            "{}\n[[op]]\nkind = \"modify\"\ncode = \"XK-002\"\n[op.set]\nentrusted_out = true\n",
            agreement("power-zone-works")
        ),
    );
    let o = run(&root, &["apply", "test-bureau", ops.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o));
    check_ok(&root);
    let file = fs::read_to_string(root.join("test-bureau/agreements/district-2022.toml")).unwrap();
    assert!(file.contains("entruster = \"test-bureau\""), "{file}");
    // Without the mark, check says so.
    edit(
        &root,
        "test-bureau/items/licensing.toml",
        "entrusted_out = true\n",
        "",
    );
    let o = run(&root, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("error[entrusted-out]"), "{}", text(&o));
}
