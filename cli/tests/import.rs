//! `quanze import` as a bureau uses it: a registry started from its
//! spreadsheet, spreadsheets written by an independent writer (openpyxl),
//! rejected rows that write nothing, an existing list rewritten for
//! `adjust` to record, and a second writer refused.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;

use std::fs;
use std::path::Path;
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

fn counts(root: &Path, authority: &str) -> serde_json::Value {
    let o = quanze(
        root,
        &[
            "stats",
            authority,
            "--as-of",
            "2021-12-31",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let stats: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let mut out = serde_json::Map::new();
    for (k, v) in stats["categories"].as_object().unwrap() {
        if v["items"].as_u64() != Some(0) {
            out.insert(k.clone(), v.clone());
        }
    }
    serde_json::Value::Object(out)
}

/// The bundled list's CSV catalogue at 2025-05-01 (version 5.0.4), written
/// into `out` from the registry at `root`.
fn publish_bundled(root: &Path, out: &Path) {
    let o = quanze(
        root,
        &[
            "publish",
            "guangzhou-gxj",
            "--as-of",
            "2025-05-01",
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
}

const SHEET: &str = "序号,事项名称,子项名称,事项类型,设定依据,法定时限,承诺时限,办件类型\n\
    1,民用爆炸物品销售许可,核发,行政许可,《民用爆炸物品安全管理条例》第十八条,30个工作日,15个工作日,承诺件\n\
    ,,变更,,,30个工作日,即办,即办件\n\
    2,对盗窃电能的处罚,,行政处罚,《中华人民共和国电力法》第七十一条,90日,,\n";

/// From nothing to a checked registry: import writes authorities.toml,
/// documents.toml and the list; stats counts the sheet; check passes with
/// the warnings the sheet leaves (codes assigned, no penalty provision).
#[test]
fn a_new_registry_starts_from_a_spreadsheet() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    let sheet = tmp.path().join("清单.csv");
    fs::write(&sheet, SHEET).unwrap();
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "test-gxj",
            "--name",
            "测试市工业和信息化局",
            "--effective",
            "2021-01-01",
            sheet.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let out = text(&o);
    assert!(out.contains("B \"事项名称\" -> name"), "{out}");
    assert!(out.contains("2 item(s), 3 unit(s) for `test-gxj`"), "{out}");
    for f in [
        "authorities.toml",
        "documents.toml",
        "test-gxj/list.toml",
        "test-gxj/items/licensing.toml",
        "test-gxj/items/penalty.toml",
    ] {
        assert!(root.join(f).is_file(), "{f}");
    }
    assert_eq!(
        counts(&root, "test-gxj"),
        serde_json::json!({"licensing": {"items": 1, "units": 2}, "penalty": {"items": 1, "units": 1}})
    );
    let check = quanze(&root, &["check", "--as-of", "2021-12-31"]);
    assert!(check.status.success(), "{}", text(&check));
    assert!(
        text(&check).contains("warning[penalty-provision]"),
        "{}",
        text(&check)
    );
    // The catalogue marks the assigned codes.
    let publish = quanze(
        &root,
        &[
            "publish",
            "test-gxj",
            "--as-of",
            "2021-12-31",
            "--format",
            "csv",
            "--out",
            tmp.path().to_str().unwrap(),
        ],
    );
    assert!(publish.status.success(), "{}", text(&publish));
    let csv = fs::read_to_string(tmp.path().join("test-gxj-1.0.0.csv")).unwrap();
    assert_eq!(csv.matches("[编码为导入时编排]").count(), 3, "{csv}");
    // Its own catalogue imported again changes nothing: the assigned marks
    // (and the item's, which a catalogue does not print) stay.
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "test-gxj",
            "--effective",
            "2021-01-01",
            tmp.path().join("test-gxj-1.0.0.csv").to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("already hold the imported state"),
        "{}",
        text(&o)
    );
}

#[test]
fn a_rejected_row_fails_the_import_and_writes_nothing() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    let sheet = tmp.path().join("list.csv");
    fs::write(&sheet, format!("{SHEET}3,某事项,,行政审核,,,,\n")).unwrap();
    let o = quanze(
        &root,
        &["import", "--authority", "t", sheet.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("rejected: list.csv D5: found category \"行政审核\": expected a category"),
        "{err}"
    );
    assert!(
        err.contains("1 row(s) cannot be imported; nothing was written"),
        "{err}"
    );
    assert!(!root.exists(), "nothing is written");
    // --keep-going imports the others and says what it left.
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "t",
            "--keep-going",
            sheet.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("rejected (--keep-going): list.csv D5"),
        "{}",
        text(&o)
    );
    assert!(text(&o).contains("2 item(s), 3 unit(s)"), "{}", text(&o));
}

/// A list that exists: the sheet rewrites only the records that changed,
/// the change log is untouched, and `adjust` records the difference.
#[test]
fn an_existing_list_is_rewritten_for_adjust_to_record() {
    repo::at_top();
    let (_tmp, root, _) = common::scratch_registry();
    let out = tempfile::tempdir().unwrap();
    publish_bundled(&root, out.path());
    let published = out.path().join("guangzhou-gxj-5.0.4.csv");
    let before = fs::read(root.join("guangzhou-gxj/items/licensing.toml")).unwrap();
    // The list's own catalogue: nothing to record.
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "guangzhou-gxj",
            "--effective",
            "2025-05-01",
            published.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("already hold the imported state"),
        "{}",
        text(&o)
    );
    assert_eq!(
        fs::read(root.join("guangzhou-gxj/items/licensing.toml")).unwrap(),
        before
    );
    // A renamed item: one record changes, its comments kept.
    let edited = out.path().join("edited.csv");
    let csv = fs::read_to_string(&published).unwrap();
    fs::write(
        &edited,
        csv.replace("民用爆炸物品销售许可", "民用爆炸物品销售许可(含储存)"),
    )
    .unwrap();
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "guangzhou-gxj",
            "--effective",
            "2025-05-01",
            edited.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(
        text(&o).contains("quanze adjust guangzhou-gxj"),
        "{}",
        text(&o)
    );
    let after = fs::read_to_string(root.join("guangzhou-gxj/items/licensing.toml")).unwrap();
    assert!(after.contains("name = \"民用爆炸物品销售许可(含储存)\""));
    assert!(
        after.contains("# RECONSTRUCTION (重构数据)"),
        "the file's comments are kept"
    );
    assert!(!root.join("guangzhou-gxj/changelog/5.0.5.toml").exists());
    let o = quanze(
        &root,
        &[
            "adjust",
            "guangzhou-gxj",
            "--version",
            "5.0.5",
            "--date",
            "2025-06-01",
            "--decided-by",
            "穗工信〔2024〕(重构)1号",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let entry = fs::read_to_string(root.join("guangzhou-gxj/changelog/5.0.5.toml")).unwrap();
    assert!(entry.contains("民用爆炸物品销售许可(含储存)"), "{entry}");
    let check = quanze(&root, &["check", "guangzhou-gxj"]);
    assert!(check.status.success(), "{}", text(&check));
}

#[test]
fn a_second_writer_and_a_planted_link_are_refused() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    let sheet = tmp.path().join("list.csv");
    fs::write(&sheet, SHEET).unwrap();
    fs::create_dir_all(root.join("t")).unwrap();
    let lock = quanze::io::lock(&root.join("t")).unwrap();
    let o = quanze(
        &root,
        &["import", "--authority", "t", sheet.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(3), "{}", text(&o));
    assert!(!root.join("t/list.toml").exists());
    drop(lock);
    #[cfg(unix)]
    {
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir_all(&elsewhere).unwrap();
        std::os::unix::fs::symlink(&elsewhere, root.join("u")).unwrap();
        let o = quanze(
            &root,
            &["import", "--authority", "u", sheet.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        assert_eq!(
            fs::read_dir(&elsewhere).unwrap().count(),
            0,
            "nothing written through the link"
        );
    }
}

#[test]
fn a_dry_run_writes_nothing_and_json_reports_the_columns() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    let sheet = tmp.path().join("list.csv");
    fs::write(&sheet, SHEET).unwrap();
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "t",
            "--dry-run",
            "--json",
            sheet.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(!root.exists());
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["written"], false);
    assert_eq!(j["units"], 3);
    assert_eq!(
        j["report"]["sheets"][0]["header"]["columns"][1]["field"],
        "name"
    );
    assert_eq!(j["report"]["sheets"][0]["encoding"], "utf8");
    assert_eq!(j["report"]["assigned_codes"], 4);
}

/// Spreadsheets written by openpyxl and Python's codecs in the layouts
/// bureaus publish (scripts/import-fixtures.py): merged cells, two header
/// rows, a title row, one sheet per category, no codes; codes and a type
/// column with repeated cells; GBK and UTF-8-with-BOM CSVs with section
/// rows. The counts each must give are worked out by the script. CI sets
/// QUANZE_PYTHON to a virtual environment with openpyxl and
/// QUANZE_REQUIRE_OPENPYXL=1; elsewhere the test says when it did not run.
#[test]
fn openpyxl_layouts_import_to_the_counts_of_their_rows() {
    repo::at_top();
    let python = std::env::var("QUANZE_PYTHON").unwrap_or_else(|_| "python3".into());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("sheets");
    let ran = Command::new(&python)
        .arg("scripts/import-fixtures.py")
        .arg(&out)
        .output();
    let Some(ran) = ran.ok().filter(|o| o.status.success()) else {
        assert!(
            std::env::var_os("QUANZE_REQUIRE_OPENPYXL").is_none(),
            "scripts/import-fixtures.py did not run with {python}, but QUANZE_REQUIRE_OPENPYXL is set"
        );
        eprintln!("the openpyxl layouts did not run: no openpyxl for {python}");
        return;
    };
    drop(ran);
    let expected: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("expected.json")).unwrap()).unwrap();
    for (n, (file, counts_expected)) in expected.as_object().unwrap().iter().enumerate() {
        if file.ends_with(".xlsx") && !cfg!(feature = "xlsx") {
            continue;
        }
        let root = tmp.path().join(format!("registry-{n}"));
        let authority = format!("t{n}");
        let o = quanze(
            &root,
            &[
                "import",
                "--authority",
                &authority,
                "--name",
                "测试市工业和信息化局",
                "--effective",
                "2021-01-01",
                out.join(file).to_str().unwrap(),
            ],
        );
        assert!(o.status.success(), "{file}: {}", text(&o));
        assert_eq!(
            &counts(&root, &authority),
            counts_expected,
            "{file}: {}",
            text(&o)
        );
        // Check finds only what the sheet lacks: a CSV whose only basis
        // column is 实施依据 has no setting bases; the workbooks are clean.
        let check = quanze(&root, &["check", "--as-of", "2021-12-31"]);
        let report = text(&check);
        let errors: std::collections::BTreeSet<&str> = report
            .lines()
            .filter_map(|l| l.strip_prefix("error[")?.split(']').next())
            .collect();
        if file.ends_with(".xlsx") {
            assert!(check.status.success(), "{file}: {report}");
        } else {
            assert_eq!(
                errors,
                ["missing-setting-basis"].into_iter().collect(),
                "{file}: {report}"
            );
        }
    }
}

/// Two published spreadsheets compared without a registry: a GBK CSV of
/// 2019 against a UTF-8 one of 2021, no codes; a changed limit, a rename
/// (matched by similar names, with its similarity), an item dropped and
/// one added.
#[test]
fn two_spreadsheets_are_compared_without_a_registry() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let y2019 = "事项名称,子项名称,事项类型,法定时限,承诺时限\n\
        民用爆炸物品销售许可,核发,行政许可,30个工作日,15个工作日\n\
        成品油零售经营资格审批,,行政许可,20个工作日,20个工作日\n\
        对盗窃电能的处罚,,行政处罚,90日,\n";
    let y2021 = "事项名称,子项名称,事项类型,法定时限,承诺时限\n\
        民用爆炸物品销售许可,核发,行政许可,30个工作日,10个工作日\n\
        对盗窃电能行为的处罚,,行政处罚,90日,\n\
        无线电台(站)设置审批,,行政许可,20个工作日,5个工作日\n";
    let old = tmp.path().join("2019.csv");
    fs::write(&old, encoding_rs::GBK.encode(y2019).0).unwrap();
    let new = tmp.path().join("2021.csv");
    fs::write(&new, y2021).unwrap();
    let o = quanze(
        tmp.path(),
        &[
            "diff-files",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--as-of",
            "2021-12-31",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let c: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let matched = c["matched"].as_array().unwrap();
    assert_eq!(matched.len(), 2, "{c}");
    let by: Vec<&str> = matched.iter().map(|p| p["by"].as_str().unwrap()).collect();
    assert_eq!(by, ["name", "similar"]);
    let renamed = &matched[1];
    assert_eq!(renamed["right"]["name"], "对盗窃电能行为的处罚");
    let pct = renamed["similarity"].as_u64().unwrap();
    assert!((60..100).contains(&pct), "{pct}");
    let limit = &matched[0]["differences"][0];
    assert_eq!(
        limit["path"], "sub[XK-001-01].implementation.promised_days",
        "{limit}"
    );
    assert_eq!(
        (limit["before"].as_u64(), limit["after"].as_u64()),
        (Some(15), Some(10))
    );
    assert_eq!(c["only_left"][0]["name"], "成品油零售经营资格审批");
    assert_eq!(c["only_right"][0]["name"], "无线电台(站)设置审批");
    // Every report format renders it.
    for format in ["text", "md", "html", "csv"] {
        let o = quanze(
            tmp.path(),
            &[
                "diff-files",
                old.to_str().unwrap(),
                new.to_str().unwrap(),
                "--as-of",
                "2021-12-31",
                "--format",
                format,
            ],
        );
        assert!(o.status.success(), "{format}: {}", text(&o));
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("对盗窃电能行为的处罚"),
            "{format}"
        );
    }
}

/// Re-imports into an existing list keep each item's identity: a sheet
/// without codes with an item inserted first matches the others by name; a
/// new row gets a code the list never used (not an ended item's); a
/// sub-item the sheet no longer has is cancelled, not deleted; and
/// `adjust`, dated as the import, records it all.
#[test]
fn re_imports_keep_identities_and_never_reuse_codes() {
    repo::at_top();
    let (_tmp, root, _) = common::scratch_registry();
    let out = tempfile::tempdir().unwrap();
    publish_bundled(&root, out.path());
    let csv = fs::read_to_string(out.path().join("guangzhou-gxj-5.0.4.csv")).unwrap();
    // XK-001-03 (延续) removed; a new licence without a code appended.
    let mut lines: Vec<&str> = csv.lines().filter(|l| !l.contains(",XK-001-03,")).collect();
    let new_row = "99,,燃气经营许可,,行政许可,广州市工业和信息化局,,法定本级行使,,《城镇燃气管理条例》第十五条,,20个工作日,10个工作日,承诺件,,,,,,";
    lines.push(new_row);
    let edited = out.path().join("edited.csv");
    fs::write(&edited, lines.join("\r\n") + "\r\n").unwrap();
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "guangzhou-gxj",
            "--effective",
            "2025-06-01",
            edited.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("--date 2025-06-01"), "{}", text(&o));
    let licensing = fs::read_to_string(root.join("guangzhou-gxj/items/licensing.toml")).unwrap();
    // XK-005 and XK-013 ended long ago: the new item gets a code no item had.
    assert!(licensing.contains("name = \"燃气经营许可\""));
    for used in [
        "code = \"XK-005\"\nname = \"燃气",
        "code = \"XK-013\"\nname = \"燃气",
    ] {
        assert!(!licensing.contains(used), "an ended code was reused");
    }
    let check = quanze(&root, &["check", "guangzhou-gxj", "--as-of", "2025-06-01"]);
    assert!(!text(&check).contains("duplicate-code"), "{}", text(&check));
    let o = quanze(
        &root,
        &[
            "adjust",
            "guangzhou-gxj",
            "--version",
            "6.0.0",
            "--date",
            "2025-06-01",
            "--decided-by",
            "穗工信〔2024〕(重构)1号",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let entry = fs::read_to_string(root.join("guangzhou-gxj/changelog/6.0.0.toml")).unwrap();
    assert!(entry.contains("燃气经营许可"), "{entry}");
    assert!(
        entry.contains("XK-001-03"),
        "the removed sub-item's end is recorded: {entry}"
    );
    let check = quanze(&root, &["check", "guangzhou-gxj", "--as-of", "2025-06-01"]);
    assert!(check.status.success(), "{}", text(&check));

    // A list import made, re-imported with an item inserted first: the
    // others keep their ids.
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    let first = tmp.path().join("first.csv");
    fs::write(&first, SHEET).unwrap();
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "t",
            "--effective",
            "2021-01-01",
            first.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let before = fs::read_to_string(root.join("t/items/licensing.toml")).unwrap();
    let second = tmp.path().join("second.csv");
    let mut rows: Vec<&str> = SHEET.lines().collect();
    rows.insert(
        1,
        "0,燃气经营许可,,行政许可,《城镇燃气管理条例》第十五条,20个工作日,10个工作日,承诺件",
    );
    fs::write(&second, rows.join("\n") + "\n").unwrap();
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "t",
            "--effective",
            "2021-01-01",
            second.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let after = fs::read_to_string(root.join("t/items/licensing.toml")).unwrap();
    let block = |t: &str, name: &str| -> String {
        let i = t.find(&format!("name = \"{name}\"")).unwrap();
        t[..i].rsplit("[[item]]").next().unwrap().to_owned()
    };
    assert_eq!(
        block(&before, "民用爆炸物品销售许可"),
        block(&after, "民用爆炸物品销售许可"),
        "the item kept its id and code"
    );
}

/// Imports of new lists at the same moment: each adds its authority to
/// authorities.toml, none is lost, and the registry checks.
#[test]
fn concurrent_imports_lose_no_authority() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    let sheet = tmp.path().join("list.csv");
    fs::write(&sheet, SHEET).unwrap();
    let children: Vec<_> = (0..8)
        .map(|n| {
            Command::new(env!("CARGO_BIN_EXE_quanze"))
                .arg("--registry")
                .arg(&root)
                .args([
                    "import",
                    "--authority",
                    &format!("bureau-{n}"),
                    "--effective",
                    "2021-01-01",
                ])
                .arg(&sheet)
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let authorities = fs::read_to_string(root.join("authorities.toml")).unwrap();
    for n in 0..8 {
        assert!(
            authorities.contains(&format!("id = \"bureau-{n}\"")),
            "bureau-{n} lost:\n{authorities}"
        );
    }
    let check = quanze(&root, &["check", "--as-of", "2021-12-31"]);
    assert!(check.status.success(), "{}", text(&check));
}

/// Into the bundled list: rows refused under --keep-going are not cancelled;
/// a retired code (an ended item's, a former code) is refused; a new
/// sub-item of an existing item is numbered after that item's own; a
/// round trip of a list import made keeps `code_assigned`.
#[test]
fn an_existing_list_refuses_retired_codes_and_keeps_what_was_refused() {
    repo::at_top();
    let (_tmp, root, _) = common::scratch_registry();
    let out = tempfile::tempdir().unwrap();
    publish_bundled(&root, out.path());
    let csv = fs::read_to_string(out.path().join("guangzhou-gxj-5.0.4.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    let sheet = |name: &str, rows: &[String]| {
        let p = out.path().join(name);
        fs::write(&p, rows.join("\r\n") + "\r\n").unwrap();
        p
    };
    // CF-021's row with a control character, under --keep-going.
    let edited: Vec<String> = rows
        .iter()
        .map(|r| {
            if r.contains(",CF-021,") {
                r.replacen(",CF-021,", ",CF-021,\u{7}", 1)
            } else {
                (*r).to_owned()
            }
        })
        .collect();
    let f = sheet("bel.csv", &edited);
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "guangzhou-gxj",
            "--keep-going",
            "--effective",
            "2025-06-01",
            f.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let penalty = fs::read_to_string(root.join("guangzhou-gxj/items/penalty.toml")).unwrap();
    let at = penalty.find("code = \"CF-021\"").unwrap();
    let block = penalty[at..].split("[[item]]").next().unwrap();
    assert!(
        !block.contains("cancelled"),
        "a refused row is not cancelled: {block}"
    );
    assert!(text(&o).contains("rejected (--keep-going)"), "{}", text(&o));
    let check = quanze(&root, &["check", "guangzhou-gxj", "--as-of", "2025-06-01"]);
    assert!(
        check.status.success(),
        "a refused row is not cancelled: {}",
        text(&check)
    );

    // A retired code on a new row is refused with its place.
    let mut with_retired: Vec<String> = rows.iter().map(|r| (*r).to_owned()).collect();
    with_retired.push("99,XK-005,又一许可,,行政许可,广州市工业和信息化局,,法定本级行使,,《某条例》第一条,,20个工作日,10个工作日,承诺件,,,,,,".to_owned());
    let f = sheet("retired.csv", &with_retired);
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "guangzhou-gxj",
            "--effective",
            "2025-06-01",
            f.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        text(&o).contains("code \"XK-005\", which the list retired"),
        "{}",
        text(&o)
    );

    // A new sub-item, without a code, of XK-001: XK-001-04.
    let mut with_sub: Vec<String> = rows.iter().map(|r| (*r).to_owned()).collect();
    let last = with_sub
        .iter()
        .rposition(|r| r.contains(",XK-001-0"))
        .unwrap();
    let added = with_sub[last]
        .replacen(",XK-001-03,", ",,", 1)
        .replacen(",延续,", ",补办,", 1);
    with_sub.insert(last + 1, added);
    let f = sheet("sub.csv", &with_sub);
    let o = quanze(
        &root,
        &[
            "import",
            "--authority",
            "guangzhou-gxj",
            "--effective",
            "2025-06-01",
            f.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let licensing = fs::read_to_string(root.join("guangzhou-gxj/items/licensing.toml")).unwrap();
    assert!(
        licensing.contains("code = \"XK-001-04\"\ncode_assigned = true\nname = \"补办\""),
        "{licensing}"
    );
}

/// diff-files between two versions of one list: a recode shows as a code
/// change, a move to another category as a category change.
#[test]
fn diff_files_shows_recodes_and_category_moves() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let old = tmp.path().join("old.csv");
    let new = tmp.path().join("new.csv");
    fs::write(&old, "事项编码,事项名称,事项类型\nXK-013,成品油零售经营资格审批,行政许可\nQT-001,技术改造投资项目备案,其他行政权力\n").unwrap();
    fs::write(&new, "事项编码,事项名称,事项类型\nXK-015,成品油零售经营资格审批,行政许可\nXK-016,技术改造投资项目备案,行政许可\n").unwrap();
    let o = quanze(
        tmp.path(),
        &[
            "diff-files",
            old.to_str().unwrap(),
            new.to_str().unwrap(),
            "--as-of",
            "2024-01-01",
            "--format",
            "json",
        ],
    );
    assert!(o.status.success(), "{}", text(&o));
    let c: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(c["matched"].as_array().unwrap().len(), 2, "{c}");
    assert!(
        c["only_left"].as_array().unwrap().is_empty()
            && c["only_right"].as_array().unwrap().is_empty(),
        "{c}"
    );
    let paths: Vec<Vec<&str>> = c["matched"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p["differences"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["path"].as_str().unwrap())
                .collect()
        })
        .collect();
    assert_eq!(paths, vec![vec!["code"], vec!["code", "category"]]);
}
