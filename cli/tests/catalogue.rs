//! Published catalogues: snapshots of every format for the bundled registry
//! at 2021-12-31, reproducibility, escaping and injection in every format,
//! the XLSX read back by an independent reader, the HTML in a real browser,
//! and the verification of a published JSON catalogue.
//!
//! After an intended change: `INSTA_UPDATE=always cargo test --all-features`
//! (or `cargo insta review`), then review the diff of `tests/snapshots/`.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;
use common::{copy_dir, snapshot};

use std::fs;
use std::path::Path;
use std::process::Command;

use quanze::publish::catalogue::{Catalogue, Selection, Writer, writers};
use quanze::{Lang, Registry};

/// The binary with `args`, run from the top of the repository.
fn quanze(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_quanze"))
        .args(args)
        .output()
        .unwrap()
}

fn bundled_2021() -> (Registry, Catalogue) {
    let reg = Registry::open("registry").unwrap();
    let list = reg.list("guangzhou-gxj").unwrap();
    let sel = Selection {
        at: None,
        as_of: Some("2021-12-31".parse().unwrap()),
    };
    let c = Catalogue::build(&reg, list, &sel).unwrap();
    (reg, c)
}

#[test]
fn the_2021_catalogue_has_the_report_figures_and_every_part() {
    repo::at_top();
    let (_, c) = bundled_2021();
    assert_eq!(c.version.to_string(), "3.0.0");
    assert!(
        c.sentence
            .starts_with("共有行政许可13项(含子项共34项),行政处罚35项(含子项共39项)")
    );
    let units: usize = c.sections.iter().map(|s| c.rows(s).len()).sum();
    assert_eq!(units, 34 + 39 + 1 + 13 + 11, "one row per unit");
    assert_eq!(c.sections.iter().map(|s| s.items.len()).sum::<usize>(), 73);
    assert_eq!(
        c.agreements.len(),
        2,
        "the radio and 粤府令第270号 agreements are in force"
    );
    let changes = c.changes.as_ref().unwrap();
    assert_eq!(
        (
            changes.from.version.to_string(),
            changes.to.version.to_string()
        ),
        ("2.0.0".into(), "3.0.0".into())
    );
    let ended: Vec<&str> = c.ended.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(ended, ["XK-005", "QT-012", "QT-013"]);
    assert!(c.entry_hash.as_deref().unwrap().starts_with("sha256:"));
    assert!(
        c.decided_by
            .iter()
            .any(|d| d.number.as_str() == "穗府〔2021〕(重构)1号")
    );
}

#[test]
fn every_format_for_2021_matches_its_snapshot_and_is_reproducible() {
    repo::at_top();
    let (reg, c) = bundled_2021();
    for w in writers() {
        let a = w.catalogue(&c, Lang::Zh).unwrap();
        // The same registry state gives the same bytes, however built.
        let again = Catalogue::build(
            &reg,
            reg.list("guangzhou-gxj").unwrap(),
            &Selection {
                at: None,
                as_of: Some("2021-12-31".parse().unwrap()),
            },
        )
        .unwrap();
        assert_eq!(
            a,
            w.catalogue(&again, Lang::Zh).unwrap(),
            "{} is not reproducible",
            w.name()
        );
        if w.name() != "xlsx" {
            snapshot(&format!("catalogue-2021.{}", w.extension()), &a);
        }
    }
    let csv = String::from_utf8(
        quanze::publish::catalogue::Csv
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    assert!(csv.starts_with("\u{feff}序号,事项编码,事项名称,子项名称,事项类型,实施主体,承办机构,权力来源,委托/下放机关,设定依据,实施依据,法定时限,承诺时限,办件类型,责任事项,追责情形,问责依据,监督方式,救济渠道,备注\r\n"));
    assert_eq!(
        csv.matches("\r\n").count(),
        1 + 98,
        "a header and one row per unit"
    );
}

#[test]
fn publish_writes_identical_files_twice() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let run = |dir: &str| {
        let o = Command::new(env!("CARGO_BIN_EXE_quanze"))
            .args(["publish", "guangzhou-gxj", "--as-of", "2021-12-31", "--out"])
            .arg(tmp.path().join(dir))
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    run("a");
    run("b");
    let mut names: Vec<String> = fs::read_dir(tmp.path().join("a"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert!(
        names.contains(&"guangzhou-gxj-3.0.0.html".to_owned()),
        "{names:?}"
    );
    for n in names {
        assert_eq!(
            fs::read(tmp.path().join("a").join(&n)).unwrap(),
            fs::read(tmp.path().join("b").join(&n)).unwrap(),
            "{n}"
        );
    }
}

const HOSTILE: &[&str] = &[
    "<script>alert(1)</script>",
    "\"引号\" & 'apos' <b>",
    "=HYPERLINK(\"http://example.invalid\",\"点击\")",
    "第一行\n第二行",
    "𠀀𪚥龘 罕见字",
    "+1 -1 @cmd",
];

/// A registry whose items have hostile names, built on the minimal fixture.
fn hostile_registry(dir: &Path) -> Registry {
    copy_dir(Path::new("tests/fixtures/valid/minimal"), dir);
    let mut items = String::new();
    for (n, name) in HOSTILE.iter().enumerate() {
        items.push_str(&format!(
            "[[item]]\nid = \"hostile-{n}\"\ncode = \"QT-{n:03}\"\nname = {}\ncategory = \"other\"\neffective = \"2019-01-01\"\nbody = {}\nremarks = {}\n\n",
            toml::Value::String((*name).to_owned()),
            toml::Value::String(format!("机关{name}")),
            toml::Value::String((*name).to_owned())
        ));
    }
    fs::write(dir.join("test-bureau/items/other.toml"), items).unwrap();
    let loaded = Registry::load(dir).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.registry
}

#[test]
fn hostile_text_comes_out_inert_and_intact_in_every_format() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let reg = hostile_registry(tmp.path());
    let c = Catalogue::build(
        &reg,
        reg.list("test-bureau").unwrap(),
        &Selection {
            at: None,
            as_of: Some("2021-12-31".parse().unwrap()),
        },
    )
    .unwrap();

    let html = String::from_utf8(
        quanze::publish::catalogue::Html
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    assert!(!html.contains("<script>"), "no script element from data");
    // Escaped by the template (askama writes numeric character references).
    assert!(html.contains("&#60;script&#62;alert(1)&#60;/script&#62;"));
    assert!(html.contains("&#34;引号&#34; &#38; &#39;apos&#39; &#60;b&#62;"));
    assert!(html.contains("𠀀𪚥龘 罕见字"));

    let md = String::from_utf8(
        quanze::publish::catalogue::Markdown
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
    assert!(
        md.contains("第一行 第二行"),
        "a newline does not break the table row"
    );

    let csv = String::from_utf8(
        quanze::publish::catalogue::Csv
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\""),
        "{csv}"
    );
    assert!(
        csv.contains("\"第一行\n第二行\""),
        "a newline stays inside a quoted cell"
    );
    assert!(csv.contains(",'+1 -1 @cmd,"), "{csv}");
    assert!(csv.contains("𠀀𪚥龘 罕见字"));

    let json = quanze::publish::catalogue::Json
        .catalogue(&c, Lang::Zh)
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let names: Vec<&str> = v["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["items"].as_array().unwrap())
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    for h in HOSTILE {
        assert!(names.contains(h), "{h} intact in JSON");
    }

    #[cfg(feature = "xlsx")]
    {
        use calamine::{Data, Reader, Xlsx};
        let bytes = quanze::publish::catalogue::Xlsx
            .catalogue(&c, Lang::Zh)
            .unwrap();
        let mut book: Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let range = book.worksheet_range("其他行政权力").unwrap();
        let cells: Vec<String> = range
            .rows()
            .skip(1)
            .map(|r| match &r[2] {
                Data::String(s) => s.clone(),
                other => panic!("not a string cell: {other:?}"),
            })
            .collect();
        for h in HOSTILE {
            assert!(
                cells.iter().any(|c| c == h),
                "{h} intact in XLSX: {cells:?}"
            );
        }
        let formulas = book.worksheet_formula("其他行政权力").unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no formula cells"
        );
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn the_xlsx_reads_back_cell_by_cell() {
    repo::at_top();
    use calamine::{Data, Reader, Xlsx};
    use quanze::publish::catalogue::COLUMNS;
    let (_, c) = bundled_2021();
    let bytes = quanze::publish::catalogue::Xlsx
        .catalogue(&c, Lang::Zh)
        .unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "概况",
            "行政许可",
            "行政处罚",
            "行政征收",
            "行政检查",
            "其他行政权力",
            "委托协议",
            "调整情况"
        ]
    );
    for sec in &c.sections {
        let range = book.worksheet_range(&sec.name).unwrap();
        let read: Vec<Vec<String>> = range
            .rows()
            .map(|r| {
                r.iter()
                    .map(|d| match d {
                        Data::String(s) => s.clone(),
                        Data::Empty => String::new(),
                        other => panic!("{}: a non-string cell {other:?}", sec.name),
                    })
                    .collect()
            })
            .collect();
        assert_eq!(read[0], COLUMNS.map(str::to_owned), "{} header", sec.name);
        let rows = c.rows(sec);
        assert_eq!(read.len(), rows.len() + 1, "{}", sec.name);
        for (got, row) in read[1..].iter().zip(&rows) {
            // Trailing empty cells are not stored in XLSX.
            let mut want = row.cells().to_vec();
            while want.last().is_some_and(String::is_empty) && want.len() > got.len() {
                want.pop();
            }
            assert_eq!(got, &want, "{} row {}", sec.name, row.seq);
        }
    }
    let summary = book.worksheet_range("概况").unwrap();
    let text: Vec<String> = summary
        .rows()
        .flat_map(|r| r.iter().map(|d| d.to_string()))
        .collect();
    assert!(
        text.iter()
            .any(|t| t.starts_with("共有行政许可13项(含子项共34项)")),
        "the count sentence is on the summary sheet"
    );
    assert!(
        text.iter().any(|t| t == "70.6%"),
        "the indicators are on the summary sheet"
    );
}

/// Loads a page in headless Chromium; returns (DOM, console messages, screenshot size).
fn in_browser(page: &Path, shot: &Path) -> Option<(String, Vec<String>, u64)> {
    let chromium = ["chromium", "chromium-browser"]
        .into_iter()
        .find(|c| Command::new(c).arg("--version").output().is_ok())?;
    let profile = tempfile::tempdir().unwrap();
    let common = |cmd: &mut Command| {
        cmd.args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()));
    };
    let mut dump = Command::new(chromium);
    common(&mut dump);
    let out = dump
        .args(["--enable-logging=stderr", "--v=0", "--dump-dom"])
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    // Chromium logs every console message (errors included, at INFO level)
    // as `…:CONSOLE:…`. The catalogue has no script, so any console message
    // is a problem: a failed load, a blocked resource, an error.
    let errors: Vec<String> = log
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_owned)
        .collect();
    let mut snap = Command::new(chromium);
    common(&mut snap);
    let s = snap
        .args(["--window-size=1280,1600"])
        .arg(format!("--screenshot={}", shot.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    assert!(s.status.success(), "{}", String::from_utf8_lossy(&s.stderr));
    let size = fs::metadata(shot).map(|m| m.len()).unwrap_or(0);
    Some((
        String::from_utf8_lossy(&out.stdout).into_owned(),
        errors,
        size,
    ))
}

/// The HTML catalogue in a real browser: it loads with no console errors and
/// its Chinese text renders (a CJK font is installed and the screenshot is
/// not blank). CI sets `QUANZE_REQUIRE_BROWSER=1`, so a missing browser fails
/// there; elsewhere the test says it was not run.
#[test]
fn the_html_catalogue_loads_and_renders_in_a_real_browser() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let (_, c) = bundled_2021();
    let page = tmp.path().join("catalogue.html");
    fs::write(
        &page,
        quanze::publish::catalogue::Html
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    let Some((dom, errors, shot)) = in_browser(&page, &tmp.path().join("shot.png")) else {
        assert!(
            std::env::var_os("QUANZE_REQUIRE_BROWSER").is_none(),
            "no Chromium, but QUANZE_REQUIRE_BROWSER is set"
        );
        eprintln!("the browser check did not run: no chromium on this machine");
        return;
    };
    assert!(errors.is_empty(), "console errors: {errors:?}");
    assert!(
        dom.contains("共有行政许可13项(含子项共34项)"),
        "the DOM holds the count sentence"
    );
    assert!(dom.contains("id=\"XK-001\""), "anchors per item code");
    let fonts = Command::new("fc-list")
        .arg(":lang=zh")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    assert!(
        !fonts.is_empty(),
        "a CJK font is installed, so Chinese renders with real glyphs"
    );
    assert!(shot > 50_000, "the screenshot is not blank ({shot} bytes)");

    // The check can fail: a page with a console error is caught.
    let bad = tmp.path().join("bad.html");
    fs::write(
        &bad,
        "<!DOCTYPE html><html><body><p>x</p><script>console.error('boom')</script></body></html>",
    )
    .unwrap();
    let (_, errors, _) = in_browser(&bad, &tmp.path().join("bad.png")).unwrap();
    assert!(
        !errors.is_empty(),
        "the console error of the control page was not detected"
    );
}

#[test]
fn verify_catalogue_accepts_a_published_file_and_names_what_differs() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().to_str().unwrap();
    let o = quanze(&[
        "publish",
        "guangzhou-gxj",
        "--at",
        "3.0.0",
        "--as-of",
        "2021-12-31",
        "--format",
        "json",
        "--out",
        out,
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = tmp.path().join("guangzhou-gxj-3.0.0.json");
    let o = quanze(&["verify-catalogue", file.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .contains("matches the registry at version 3.0.0 (entry sha256:")
    );

    let text = fs::read_to_string(&file).unwrap().replacen(
        "民用爆炸物品销售许可",
        "民用爆炸物品销售许可(改)",
        1,
    );
    fs::write(&file, text).unwrap();
    let o = quanze(&["verify-catalogue", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("does not match the registry"), "{out}");
    assert!(
        out.contains("sentence") || out.contains("stats.sources"),
        "{out}"
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn an_english_workbook_is_published_with_sheet_names_excel_takes() {
    repo::at_top();
    use calamine::Reader as _;
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("en");
    let o = Command::new(env!("CARGO_BIN_EXE_quanze"))
        .args([
            "publish",
            "guangzhou-gxj",
            "--as-of",
            "2021-12-31",
            "--lang",
            "en",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook(out.join("guangzhou-gxj-3.0.0.xlsx")).unwrap();
    let names = wb.sheet_names();
    assert!(names.iter().all(|n| n.chars().count() <= 31), "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("Changes since")),
        "{names:?}"
    );
    assert!(wb.worksheet_range("Summary").is_ok());
}

/// The table of ended codes holds the codes a recode ended (XK-013, which
/// version 4.0.0 recoded to XK-015), with the new code; it omitted them.
#[test]
fn the_ended_codes_hold_recoded_codes() {
    repo::at_top();
    let reg = Registry::open("registry").unwrap();
    let list = reg.list("guangzhou-gxj").unwrap();
    let at = |v: &str| {
        let sel = Selection {
            at: Some(v.parse().unwrap()),
            as_of: None,
        };
        Catalogue::build(&reg, list, &sel).unwrap()
    };
    let c = at("4.0.0");
    let e = c
        .ended
        .iter()
        .find(|e| e.code == "XK-013")
        .unwrap_or_else(|| panic!("XK-013 is not among {:?}", c.ended));
    assert_eq!(e.status, quanze::Status::Recoded);
    assert_eq!(e.successors, ["XK-015"]);
    assert_eq!(e.ended, Some(list.log[4].entry.date), "the date of 4.0.0");
    // In published order: licensing (XK) before the others.
    let first_other = c.ended.iter().position(|e| !e.code.starts_with("XK-"));
    let last_xk = c.ended.iter().rposition(|e| e.code.starts_with("XK-"));
    assert!(
        last_xk < first_other || first_other.is_none(),
        "{:?}",
        c.ended
    );
    // Before the recode, XK-013 is in force and not ended.
    assert!(!at("3.0.0").ended.iter().any(|e| e.code == "XK-013"));
}

/// 监督方式, 救济渠道 and 问责依据 are read, checked for control characters,
/// shown and published in every format, each in its own column of the flat
/// ones.
#[test]
fn supervision_remedies_and_accountability_bases_are_published() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    copy_dir(Path::new("tests/fixtures/valid/minimal"), &root);
    let file = root.join("test-bureau/items/licensing.toml");
    let text = fs::read_to_string(&file).unwrap();
    let at = text.find("\nbody = ").unwrap() + 1;
    let at = at + text[at..].find('\n').unwrap() + 1;
    let added = "accountability_basis = [\"《中华人民共和国行政许可法》第七十二条\"]\nsupervision = [\"上级机关监督\", \"社会监督\"]\nremedies = [\"依法申请行政复议或者提起行政诉讼\"]\n";
    fs::write(&file, format!("{}{added}{}", &text[..at], &text[at..])).unwrap();
    let reg = Registry::open(&root).unwrap();
    let list = reg.list("test-bureau").unwrap();
    let c = Catalogue::build(&reg, list, &Selection::default()).unwrap();
    let csv = String::from_utf8(
        quanze::publish::catalogue::Csv
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    let mut rows =
        csv::ReaderBuilder::new().from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
    let head = rows.headers().unwrap().clone();
    let col = |name: &str| {
        head.iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let first = rows.records().next().unwrap().unwrap();
    assert_eq!(&first[col("监督方式")], "上级机关监督;社会监督");
    assert_eq!(&first[col("救济渠道")], "依法申请行政复议或者提起行政诉讼");
    assert_eq!(
        &first[col("问责依据")],
        "《中华人民共和国行政许可法》第七十二条"
    );
    let html = String::from_utf8(
        quanze::publish::catalogue::Html
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    assert!(
        html.contains("监督方式") && html.contains("社会监督"),
        "not in the HTML"
    );
    let json = String::from_utf8(
        quanze::publish::catalogue::Json
            .catalogue(&c, Lang::Zh)
            .unwrap(),
    )
    .unwrap();
    assert!(
        json.contains("\"remedies\"") && json.contains("提起行政诉讼"),
        "not in the JSON"
    );
    // A control character in one is refused, like in every text.
    fs::write(
        &file,
        fs::read_to_string(&file)
            .unwrap()
            .replace("社会监督", "社会\\u001b监督"),
    )
    .unwrap();
    let loaded = Registry::load(&root).unwrap();
    let found = loaded.registry.validate("2026-11-28".parse().unwrap());
    assert!(
        found
            .iter()
            .any(|d| d.rule == quanze::Rule::ControlCharacter && d.key.ends_with("supervision[1]")),
        "{found:?}"
    );
}

/// The elements of the whole list are covered: a published catalogue of
/// the head whose penalty provision, benchmark tier, random-inspection entry
/// or flowchart hash was edited does not verify, and says where.
#[test]
fn verify_catalogue_covers_the_elements_of_the_whole_list() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();

    let out = tmp.path().to_str().unwrap();
    let o = quanze(&["publish", "guangzhou-gxj", "--format", "json", "--out", out]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "json"))
        .unwrap();
    let original = fs::read_to_string(&file).unwrap();
    let o = quanze(&["verify-catalogue", file.to_str().unwrap()]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    for (from, to, path) in [
        (
            "《中华人民共和国无线电管理条例》第七十条",
            "《中华人民共和国无线电管理条例》第七十一条",
            "penalty.provision",
        ),
        (
            "\"tier\": \"轻微\"",
            "\"tier\": \"较轻\"",
            "penalty.benchmark",
        ),
        (
            "\"ratio\": \"5%\"",
            "\"ratio\": \"1%\"",
            "inspection.random",
        ),
        (
            "\"sha256\": \"sha256:fe39",
            "\"sha256\": \"sha256:0e39",
            "flowchart.sha256",
        ),
    ] {
        assert!(original.contains(from), "the catalogue lacks {from}");
        fs::write(&file, original.replacen(from, to, 1)).unwrap();
        let o = quanze(&["verify-catalogue", file.to_str().unwrap()]);
        let said = String::from_utf8_lossy(&o.stdout);
        assert_eq!(o.status.code(), Some(1), "{from}: {said}");
        assert!(said.contains(path), "{from}: {said}");
    }
}
