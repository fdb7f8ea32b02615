//! Import: published catalogues read back byte for byte, the layouts
//! bureaus publish (expected counts worked out here from the rows written),
//! encodings, the mapping file, and a message with its place for every
//! rejected row.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::{Path, PathBuf};

use quanze::import::{ImportError, Imported, Mapping, Options, import};
use quanze::publish::catalogue::{Catalogue, Selection};
use quanze::publish::{Format, renderer};
use quanze::{Category, Date, Handling, Lang, Registry, Stats, TimeUnit};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn bundled() -> Registry {
    Registry::open("registry").unwrap()
}

fn publish(reg: &Registry, authority: &str, as_of: Date, format: Format) -> Vec<u8> {
    let list = reg.list(authority).unwrap();
    let cat = Catalogue::build(
        reg,
        list,
        &Selection {
            at: None,
            as_of: Some(as_of),
        },
    )
    .unwrap();
    renderer(format).unwrap().catalogue(&cat, Lang::Zh).unwrap()
}

/// `reg` with the imported list (and the authorities it adds) in it.
fn with(reg: &Registry, imported: &Imported) -> Registry {
    let mut reg = reg.clone();
    for a in &imported.authorities {
        reg.authorities.insert(a.id.clone(), a.clone());
    }
    reg.lists
        .insert(imported.list.authority.clone(), imported.list.clone());
    reg
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    fs::write(&p, bytes).unwrap();
    p
}

fn opts(authority: &str, effective: &str) -> Options {
    let mut o = Options::new(authority.parse().unwrap(), date(effective));
    o.name = Some("测试市工业和信息化局".into());
    o
}

/// The bundled list at 2021-12-31 and today: its CSV catalogue imported
/// and published again is the same bytes.
#[test]
fn a_published_csv_catalogue_round_trips_byte_for_byte() {
    let reg = bundled();
    let tmp = tempfile::tempdir().unwrap();
    for as_of in ["2021-12-31", "2024-07-01"] {
        let as_of = date(as_of);
        let csv = publish(&reg, "guangzhou-gxj", as_of, Format::Csv);
        let file = write(tmp.path(), "list.csv", &csv);
        let imported = import(&reg, &[file], &opts("gxj-copy", &as_of.to_string())).unwrap();
        let again = publish(&with(&reg, &imported), "gxj-copy", as_of, Format::Csv);
        assert!(again == csv, "the CSV of {as_of} does not round-trip");
        // And the counts are the sheet's.
        let expected = Stats::compute(&reg, reg.list("guangzhou-gxj").unwrap(), as_of);
        let got = Stats::compute(&with(&reg, &imported), &imported.list, as_of);
        assert_eq!(got.categories, expected.categories);
    }
}

/// The JSON catalogue carries whole items and agreements: imported as the
/// same authority into a registry without the list, its items and
/// agreements publish identically.
#[test]
fn a_published_json_catalogue_round_trips_items_and_agreements() {
    let reg = bundled();
    let as_of = date("2021-12-31");
    let json = publish(&reg, "guangzhou-gxj", as_of, Format::Json);
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.json", &json);
    let mut empty = reg.clone();
    empty.lists.clear();
    let imported = import(&empty, &[file], &opts("guangzhou-gxj", "2021-12-31")).unwrap();
    let again = publish(
        &with(&empty, &imported),
        "guangzhou-gxj",
        as_of,
        Format::Json,
    );
    let a: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&again).unwrap();
    assert_eq!(a["sections"], b["sections"]);
    assert_eq!(a["note"], b["note"]);
    // Agreements keep every term; the entries for items that ended before
    // the catalogue's date (which it does not hold) are left out, and said.
    let (aa, ba) = (
        a["agreements"].as_array().unwrap(),
        b["agreements"].as_array().unwrap(),
    );
    assert_eq!(aa.len(), ba.len());
    for (x, y) in aa.iter().zip(ba) {
        assert_eq!(x["title"], y["title"]);
        assert_eq!(x["rights_obligations"], y["rights_obligations"]);
        assert_eq!(x["termination"], y["termination"]);
    }
    assert!(!imported.report.left_out.is_empty());
    // The CSV of the imported list is the original's.
    assert!(
        publish(
            &with(&empty, &imported),
            "guangzhou-gxj",
            as_of,
            Format::Csv
        ) == publish(&reg, "guangzhou-gxj", as_of, Format::Csv)
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn a_published_xlsx_catalogue_imports_to_the_same_list() {
    let reg = bundled();
    let as_of = date("2021-12-31");
    let xlsx = publish(&reg, "guangzhou-gxj", as_of, Format::Xlsx);
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.xlsx", &xlsx);
    let imported = import(&reg, &[file], &opts("gxj-copy", "2021-12-31")).unwrap();
    // The overview, agreements and changes sheets are passed over, said so.
    assert_eq!(
        imported.report.skipped_sheets.len(),
        3,
        "{:?}",
        imported.report.skipped_sheets
    );
    let again = publish(&with(&reg, &imported), "gxj-copy", as_of, Format::Csv);
    assert!(again == publish(&reg, "guangzhou-gxj", as_of, Format::Csv));
}

/// A bureau's list as published: a title row, a note, section rows in place
/// of a type column, no codes, sub-items with the item's cells left blank
/// below the first row, limits in words; in GBK.
#[test]
fn a_bureau_layout_in_gbk_becomes_the_list_it_shows() {
    let rows: Vec<Vec<&str>> = vec![
        vec!["测试市工业和信息化局权责清单(2021年版)", "", "", "", "", ""],
        vec![
            "序号",
            "职权名称",
            "子项",
            "实施依据",
            "法定办结时限",
            "承诺办结时限",
        ],
        vec!["一、行政许可(2项)", "", "", "", "", ""],
        vec![
            "1",
            "民用爆炸物品销售许可",
            "核发",
            "1.《民用爆炸物品安全管理条例》第十八条;2.《广东省民用爆炸物品安全管理条例》第八条",
            "30个工作日",
            "15个工作日",
        ],
        vec!["", "", "变更", "", "30个工作日", "即办"],
        vec!["", "", "延续", "", "30个工作日", "当场办结"],
        vec![
            "2",
            "电力设施保护区施工作业许可",
            "",
            "《电力设施保护条例》第十七条",
            "二十个工作日",
            "5个工作日",
        ],
        vec!["二、行政处罚(1项)", "", "", "", "", ""],
        vec![
            "1",
            "对盗窃电能的处罚",
            "",
            "《中华人民共和国电力法》第七十一条",
            "90日",
            "",
        ],
        vec!["注:本清单依据现行法律法规编制。", "", "", "", "", ""],
    ];
    // Worked out from the rows above: 2 licensing items of 3 + 1 units,
    // 1 penalty; one note row; two section rows.
    let (items, units) = (3, 5);
    let text: String = rows
        .iter()
        .map(|r| format!("{}\r\n", r.join(",")))
        .collect();
    let (gbk, _, bad) = encoding_rs::GBK.encode(&text);
    assert!(!bad);
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "清单.csv", &gbk);
    let reg = Registry::new(tmp.path());
    let imported = import(&reg, &[file], &opts("test-gxj", "2021-01-01")).unwrap();
    let r = &imported.report;
    assert_eq!(r.sheets[0].encoding, quanze::import::Encoding::Gb18030);
    assert_eq!(r.sheets[0].header.as_ref().unwrap().row, 2);
    assert_eq!(
        r.sheets[0].sections,
        2,
        "{:?}",
        imported
            .list
            .items
            .iter()
            .map(|i| (&i.name, i.category))
            .collect::<Vec<_>>()
    );
    assert_eq!(r.sheets[0].notes.len(), 1);
    let list = &imported.list;
    assert_eq!(list.items.len(), items);
    assert_eq!(
        list.items.iter().map(|i| i.sub.len().max(1)).sum::<usize>(),
        units
    );
    let xk = &list.items[0];
    assert_eq!(xk.category, Category::Licensing);
    assert_eq!(xk.code.as_str(), "XK-001");
    assert!(xk.code_assigned && xk.sub.iter().all(|s| s.code_assigned));
    assert_eq!(xk.sub[1].code.as_str(), "XK-001-02");
    // 即办 and 当场办结: a promised 0, handled on the spot.
    for s in &xk.sub[1..] {
        let imp = s.implementation.as_ref().unwrap();
        assert_eq!(
            (imp.promised_days, imp.handling),
            (Some(0), Some(Handling::Immediate))
        );
    }
    assert_eq!(
        xk.sub[0].implementation.as_ref().unwrap().handling,
        Some(Handling::Promised)
    );
    // Two bases from one cell, numbered; the local one read as local.
    assert_eq!(xk.basis.len(), 2);
    assert_eq!(xk.basis[1].level, quanze::BasisLevel::LocalRegulation);
    assert_eq!(
        list.items[1].implementation.as_ref().unwrap().legal_days,
        Some(20)
    );
    // 90日 of a penalty: calendar days, the class's own unit (not stated).
    let cf = &list.items[2];
    assert_eq!(cf.category, Category::Penalty);
    assert_eq!(cf.implementation.as_ref().unwrap().legal_days, Some(90));
    assert_eq!(cf.implementation.as_ref().unwrap().time_unit, None);
    assert_eq!(cf.body, "测试市工业和信息化局");
}

/// A two-row header (办理时限 over 法定/承诺), a type column, codes on the
/// item repeated on each sub-item row, tab-separated UTF-8 without BOM.
#[test]
fn two_header_rows_and_repeated_item_cells() {
    let text = "事项编码\t事项名称\t子项名称\t事项类型\t办理时限\t\t收费标准\n\
                \t\t\t\t法定\t承诺\t\n\
                440100-XK-7\t无线电台设置审批\t设置\t行政许可\t20个工作日\t10个工作日\t不收费\n\
                440100-XK-7\t无线电台设置审批\t变更\t行政许可\t20个工作日\t5个工作日\t\n\
                440100-JC-2\t对无线电台站的监督检查\t\t行政检查\t\t\t\n";
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.txt", text.as_bytes());
    let imported = import(
        &Registry::new(tmp.path()),
        &[file],
        &opts("t", "2021-01-01"),
    )
    .unwrap();
    let h = imported.report.sheets[0].header.as_ref().unwrap();
    assert_eq!((h.row, h.rows), (1, 2));
    assert_eq!(h.columns[4].field, Some(quanze::import::Field::LegalDays));
    assert_eq!(
        h.columns[5].field,
        Some(quanze::import::Field::PromisedDays)
    );
    assert_eq!(h.columns[6].field, None);
    let list = &imported.list;
    assert_eq!(list.items.len(), 2);
    let xk = &list.items[0];
    assert_eq!(xk.code.as_str(), "440100-XK-7");
    assert!(!xk.code_assigned);
    assert_eq!(xk.sub.len(), 2);
    assert_eq!(xk.sub[0].code.as_str(), "440100-XK-7-01");
    assert!(xk.sub[0].code_assigned);
    // The cell no column holds is kept, with its place and heading.
    assert_eq!(xk.unmapped.len(), 1);
    assert_eq!(xk.unmapped[0].value, "不收费");
    assert_eq!(xk.unmapped[0].at, "list.txt G3");
    assert_eq!(xk.unmapped[0].heading, "收费标准");
    assert_eq!(list.items[1].category, Category::Inspection);
}

/// Every kind of rejection, each with its place, what was found and what
/// was expected; nothing is imported unless `keep_going`.
#[test]
fn every_rejected_row_is_reported_with_its_place() {
    let text = "事项编码,事项名称,子项名称,事项类型,权力来源\n\
                XK-1,甲许可,,行政许可,\n\
                XK 2,乙许可,,行政许可,\n\
                XK-1,丙许可,,行政许可,\n\
                XK-4,丁事项,,行政审核,\n\
                ,,,行政许可,上级委托\n\
                XK-5,戊许可,,行政许可,上级派驻\n\
                XK-6,己许可,,行政许可,上级委托\n";
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.csv", text.as_bytes());
    let reg = Registry::new(tmp.path());
    let err = import(&reg, std::slice::from_ref(&file), &opts("t", "2021-01-01")).unwrap_err();
    let ImportError::Rejected(rows) = err else {
        panic!("{err}")
    };
    let got: Vec<(String, String)> = rows
        .iter()
        .map(|r| (r.at.clone(), r.found.clone()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("list.csv A3".to_owned(), "code \"XK 2\"".to_owned()),
            (
                "list.csv A4".to_owned(),
                "code \"XK-1\" a second time".to_owned()
            ),
            ("list.csv D5".to_owned(), "category \"行政审核\"".to_owned()),
            ("list.csv B6".to_owned(), "行政许可 | 上级委托".to_owned()),
            ("list.csv E7".to_owned(), "source \"上级派驻\"".to_owned()),
        ]
    );
    assert!(rows[0].expected.contains("A-Z"), "{}", rows[0].expected);
    assert!(rows[2].expected.contains("行政许可"));
    let mut o = opts("t", "2021-01-01");
    o.keep_going = true;
    let imported = import(&reg, &[file], &o).unwrap();
    assert_eq!(imported.list.items.len(), 2);
    assert_eq!(imported.report.rejected.len(), 5);
    // The entrusted item's grantor is missing: check will say so.
    let entrusted = imported
        .list
        .items
        .iter()
        .find(|i| i.code.as_str() == "XK-6")
        .unwrap();
    assert_eq!(entrusted.source, quanze::Source::Entrusted);
}

#[test]
fn a_mapping_file_places_what_headings_do_not() {
    let text = "内部编号,行政职权,科室,时限说明\n\
                7,工业产品生产许可证初审,产业处,20\n";
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.csv", text.as_bytes());
    let reg = Registry::new(tmp.path());
    // Without a mapping: no heading names the item column.
    let err = import(&reg, std::slice::from_ref(&file), &opts("t", "2021-01-01")).unwrap_err();
    assert!(matches!(err, ImportError::NoHeader { .. }), "{err}");
    let map: Mapping = toml::from_str(
        "header_row = 1\ncategory = \"行政许可\"\n[columns]\n\"行政职权\" = \"name\"\nC = \"unit\"\n\"时限说明\" = \"legal-days\"\n",
    )
    .unwrap();
    let mut o = opts("t", "2021-01-01");
    o.map = Some((map, PathBuf::from("map.toml")));
    let imported = import(&reg, std::slice::from_ref(&file), &o).unwrap();
    let item = &imported.list.items[0];
    assert_eq!(item.name, "工业产品生产许可证初审");
    assert_eq!(item.unit.as_deref(), Some("产业处"));
    assert_eq!(item.category, Category::Licensing);
    let imp = item.implementation.as_ref().unwrap();
    assert_eq!(imp.legal_days, Some(20));
    assert_eq!(imp.unit(item.category), TimeUnit::WorkingDays);
    // 内部编号 is kept as an unmapped note.
    assert_eq!(item.unmapped[0].heading, "内部编号");
    // A mapping to a field that does not exist names its key.
    let bad: Mapping = toml::from_str("[columns]\n\"行政职权\" = \"title\"\n").unwrap();
    o.map = Some((bad, PathBuf::from("map.toml")));
    let err = import(&reg, &[file], &o).unwrap_err().to_string();
    assert!(
        err.contains("map.toml: key `columns.行政职权`: unknown field \"title\""),
        "{err}"
    );
}

#[test]
fn bytes_in_no_encoding_are_refused_with_their_place() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(
        tmp.path(),
        "list.csv",
        b"\xe4\xba\x8b\xe9\xa1\xb9\xe5\x90\x8d\xe7\xa7\xb0\n\xff\xfe\xff\n",
    );
    let err = import(
        &Registry::new(tmp.path()),
        &[file],
        &opts("t", "2021-01-01"),
    )
    .unwrap_err();
    assert!(
        matches!(err, ImportError::Encoding { line: 2, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("list.csv:2: byte"), "{err}");
}

/// Lines in two encodings are refused, not read as mojibake.
#[test]
fn a_csv_in_two_encodings_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let mut bytes = encoding_rs::GBK
        .encode("事项名称,事项类型\n甲许可,行政许可\n")
        .0
        .into_owned();
    bytes.extend_from_slice("燃气经营许可,行政许可\n".as_bytes());
    let file = write(tmp.path(), "list.csv", &bytes);
    let err = import(
        &Registry::new(tmp.path()),
        &[file],
        &opts("t", "2021-01-01"),
    )
    .unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::MixedEncoding {
                utf8_line: 3,
                other_line: 1,
                ..
            }
        ),
        "{err}"
    );
}

/// The rows a CSV of merged cells leaves: a sub-item name alone (even one
/// that names a category) continues the item; a section row ends it, so
/// an item of the same name after it is a new item; a note in the name
/// column is a note; a row with a control character is refused.
#[test]
fn rows_of_merged_sheets_are_read_as_they_were_meant() {
    let text = "事项名称,子项名称,事项类型,法定时限,承诺时限\n\
                一、行政许可,,,,\n\
                燃气经营许可,新办,,20个工作日,10个工作日\n\
                ,变更,,,\n\
                ,其他,,,\n\
                二、行政确认,,,,\n\
                燃气经营许可,新办,,,\n\
                注:本清单自2024年1月1日起施行。,,,,\n\
                对盗窃电能的处罚,,行政处罚,30天,10个工作日\n";
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.csv", text.as_bytes());
    let imported = import(
        &Registry::new(tmp.path()),
        &[file],
        &opts("t", "2021-01-01"),
    )
    .unwrap();
    let items = &imported.list.items;
    let got: Vec<(Category, &str, usize)> = items
        .iter()
        .map(|i| (i.category, i.name.as_str(), i.sub.len()))
        .collect();
    assert_eq!(
        got,
        vec![
            (Category::Licensing, "燃气经营许可", 3),
            (Category::Penalty, "对盗窃电能的处罚", 0),
            (Category::Confirmation, "燃气经营许可", 1),
        ]
    );
    assert_eq!(imported.report.sheets[0].notes.len(), 1);
    // 30天 and 10个工作日: the promise in another unit is kept as a note.
    let cf = &items[1];
    let imp = cf.implementation.as_ref().unwrap();
    assert_eq!((imp.legal_days, imp.promised_days), (Some(30), None));
    assert_eq!(cf.unmapped[0].value, "10个工作日");
    assert_eq!(imported.report.unreadable_limits.len(), 1);

    let bad = write(
        tmp.path(),
        "bad.csv",
        "事项名称,事项类型\n甲\u{1b}[31m许可,行政许可\n".as_bytes(),
    );
    let err = import(&Registry::new(tmp.path()), &[bad], &opts("t", "2021-01-01")).unwrap_err();
    let ImportError::Rejected(rows) = err else {
        panic!("{err}")
    };
    assert_eq!(
        (rows[0].at.as_str(), rows[0].found.as_str()),
        ("bad.csv A2", "the control character U+001B")
    );
}

/// An item's code repeated on its rows stays the item's, even when another
/// item of the sheet has its sub-items' own codes.
#[test]
fn each_item_says_whether_its_code_column_holds_sub_item_codes() {
    let text = "事项编码,事项名称,子项名称,事项类型\n\
                440100-XK-001,甲许可,新办,行政许可\n\
                440100-XK-001,甲许可,变更,行政许可\n\
                440100-XK-002-01,乙许可,新办,行政许可\n\
                440100-XK-002-02,乙许可,变更,行政许可\n";
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.csv", text.as_bytes());
    let imported = import(
        &Registry::new(tmp.path()),
        &[file],
        &opts("t", "2021-01-01"),
    )
    .unwrap();
    let items = &imported.list.items;
    assert_eq!(
        (items[0].code.as_str(), items[0].code_assigned),
        ("440100-XK-001", false)
    );
    assert_eq!(items[0].sub[1].code.as_str(), "440100-XK-001-02");
    assert!(items[0].sub[1].code_assigned);
    assert_eq!(
        (items[1].code.as_str(), items[1].code_assigned),
        ("440100-XK-002", false)
    );
    assert_eq!(items[1].sub[1].code.as_str(), "440100-XK-002-02");
    assert!(!items[1].sub[1].code_assigned);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_not_waited_on() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("list.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let err = import(
        &Registry::new(tmp.path()),
        &[fifo],
        &opts("t", "2021-01-01"),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::NotAFile { .. }), "{err}");
}

/// A workbook made by rust_xlsxwriter: a hidden sheet is passed over and
/// named, a name merged across the sub-item column makes no sub-item, a
/// cell far beyond the list's columns is refused (not allocated), dates
/// are dates.
#[cfg(feature = "xlsx")]
#[test]
fn workbooks_with_hidden_sheets_far_cells_and_merges() {
    use rust_xlsxwriter::{Format as XFormat, Workbook};
    let tmp = tempfile::tempdir().unwrap();
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet().set_name("行政许可").unwrap();
    for (c, h) in ["事项名称", "子项名称", "备注"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.merge_range(1, 0, 1, 1, "无线电台执照核发", &XFormat::new())
        .unwrap();
    ws.write_string(2, 0, "燃气经营许可").unwrap();
    ws.write_string(2, 1, "新办").unwrap();
    ws.write_number_with_format(2, 2, 45352.0, &XFormat::new().set_num_format("yyyy-mm-dd"))
        .unwrap();
    let hidden = wb.add_worksheet().set_name("2019版(作废)").unwrap();
    hidden.write_string(0, 0, "事项名称").unwrap();
    hidden.write_string(1, 0, "作废事项").unwrap();
    hidden.set_hidden(true);
    let file = tmp.path().join("list.xlsx");
    wb.save(&file).unwrap();
    let imported = import(
        &Registry::new(tmp.path()),
        std::slice::from_ref(&file),
        &opts("t", "2021-01-01"),
    )
    .unwrap();
    let items = &imported.list.items;
    assert_eq!(items.len(), 2, "{items:?}");
    let radio = items.iter().find(|i| i.name == "无线电台执照核发").unwrap();
    assert!(
        radio.sub.is_empty(),
        "a name merged across makes no sub-item"
    );
    let gas = items.iter().find(|i| i.name == "燃气经营许可").unwrap();
    assert_eq!(
        gas.sub[0].remarks.as_deref().or(gas.remarks.as_deref()),
        Some("2024-03-01")
    );
    assert!(
        imported
            .report
            .skipped_sheets
            .iter()
            .any(|s| s.contains("hidden"))
    );

    let mut far = Workbook::new();
    let ws = far.add_worksheet();
    ws.write_string(0, 0, "事项名称").unwrap();
    ws.write_string(1_048_575, 16_383, "x").unwrap();
    let file = tmp.path().join("far.xlsx");
    far.save(&file).unwrap();
    let err = import(
        &Registry::new(tmp.path()),
        &[file],
        &opts("t", "2021-01-01"),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("cell XFD1048576: beyond column"),
        "{err}"
    );
}

#[test]
fn a_mapping_file_with_impossible_rows_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "list.csv", "事项名称\n甲\n".as_bytes());
    for (text, key) in [
        ("header_row = 0", "header_row"),
        ("header_rows = 3", "header_rows"),
    ] {
        let mut o = opts("t", "2021-01-01");
        o.map = Some((toml::from_str(text).unwrap(), PathBuf::from("map.toml")));
        let err = import(&Registry::new(tmp.path()), std::slice::from_ref(&file), &o).unwrap_err();
        assert!(err.to_string().contains(&format!("key `{key}`")), "{err}");
    }
}
