//! Every report in every format: the formats table agrees with the
//! renderers, and hostile text in registry data is inert in every output
//! (HTML escaped by the templates, Markdown escaped, CSV quoted).

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;

use quanze::publish::catalogue::{Catalogue, Selection};
use quanze::publish::upstream::{align_table, impact_table, pending_table};
use quanze::publish::{Format, RenderError, Renderer, Report, UnitReport, renderer};
use quanze::query::audit::{Finding, Severity};
use quanze::record::{Adjustment, adjust, decisions};
use quanze::{ChangeSet, Lang, Point, Registry, Rule, Stats};

/// A name that is live HTML if it is not escaped.
const PAYLOAD: &str = r#""><img src=x onerror=alert(1)><script>alert(1)</script>"#;

const ALL: [Format; 6] = [
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Csv,
    Format::Json,
    Format::Xlsx,
];

const REPORTS: [Report; 12] = [
    Report::Catalogue,
    Report::Stats,
    Report::Diff,
    Report::Audit,
    Report::Crosswalk,
    Report::Compare,
    Report::Changes,
    Report::Log,
    Report::History,
    Report::Impact,
    Report::Pending,
    Report::Align,
];

/// The bundled registry with one recorded adjustment that renames XK-001
/// to the payload, with the payload as its reason.
fn hostile() -> (tempfile::TempDir, Registry) {
    let (tmp, root, _) = common::scratch_registry();
    let file = root.join("guangzhou-gxj/items/licensing.toml");
    let text = fs::read_to_string(&file).unwrap();
    let text = text.replacen(
        "name = \"民用爆炸物品销售许可\"",
        &format!("name = '{PAYLOAD}'"),
        1,
    );
    fs::write(&file, text).unwrap();
    let reg = Registry::load(&root).unwrap().registry;
    let adj = Adjustment {
        version: "5.0.5".parse().unwrap(),
        date: "2025-05-01".parse().unwrap(),
        decided_by: decisions(&reg, &["穗府〔2024〕(重构)1号".to_owned()]).unwrap(),
        reason: Some(PAYLOAD.to_owned()),
        ops: Vec::new(),
        hash: quanze::HashAlg::Sha256,
        answers: Vec::new(),
    };
    adjust(&root, "guangzhou-gxj", &adj, false).unwrap();
    // An amendment of the regulation XK-001 cites, so that the payload
    // item has a pending effect.
    let amend: quanze::LawEvent =
        toml::from_str("kind = \"amend\"\nlaw = \"civil-explosives-regulations\"").unwrap();
    let rec = quanze::record::LawRecord::new(
        "2025-05-02".parse().unwrap(),
        decisions(&reg, &["穗府〔2024〕(重构)1号".to_owned()]).unwrap(),
        vec![amend],
    );
    quanze::record::record_laws(&root, &rec, false).unwrap();
    let loaded = Registry::load(&root).unwrap();
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    (tmp, loaded.registry)
}

/// Every report of the hostile registry in `format`, by report.
fn render_all(reg: &Registry, r: &dyn Renderer) -> Vec<(Report, Result<Vec<u8>, RenderError>)> {
    let list = reg.list("guangzhou-gxj").unwrap();
    let before = Point::Version("5.0.4".parse().unwrap());
    let after = Point::Version("5.0.5".parse().unwrap());
    let date = "2025-05-30".parse().unwrap();
    let cat = Catalogue::build(reg, list, &Selection::default()).unwrap();
    let stats = Stats::compute(reg, &list.as_of(date).unwrap(), date);
    let cs = ChangeSet::between(reg, list, &before, &after).unwrap();
    let findings = vec![Finding {
        check: Rule::CodeReused,
        severity: Severity::Error,
        message: PAYLOAD.to_owned(),
        version: None,
        subject: Some(PAYLOAD.to_owned()),
        location: None,
    }];
    let rows = quanze::query::crosswalk::crosswalk(list, &after, &Point::Files).unwrap();
    let cmp = quanze::query::crosswalk::compare(reg, list, reg, list, date);
    let units = vec![quanze::query::units::between(
        &list.at_version(&"5.0.4".parse().unwrap()).unwrap(),
        list,
    )];
    let unit_report = UnitReport::new(&units, "5.0.4", PAYLOAD, false);
    let history = list.history().unwrap();
    let versions = history.item_history("XK-001");
    // The upstream reports: every item citing the regulation the payload
    // item cites, the bundled effects, and the city beside its province.
    let impact =
        quanze::query::upstream::impact(reg, "civil-explosives-regulations", None, date).unwrap();
    let effects = quanze::query::upstream::effects(reg, None, date).unwrap();
    let alignment = quanze::query::upstream::align(reg, "gd-gxt", date).unwrap();
    let s = |x: Result<String, RenderError>| x.map(String::into_bytes);
    vec![
        (Report::Catalogue, r.catalogue(&cat, Lang::Zh)),
        (Report::Stats, s(r.stats(&stats, reg, Lang::Zh))),
        (Report::Diff, s(r.changeset(&cs))),
        (Report::Audit, s(r.findings(&findings))),
        (Report::Crosswalk, s(r.crosswalk(&rows))),
        (Report::Compare, s(r.comparison(&cmp))),
        (Report::Changes, s(r.unit_changes(&unit_report))),
        (Report::Log, s(r.log(list))),
        (Report::History, s(r.history(&versions))),
        (Report::Impact, s(r.table(&impact_table(&impact)))),
        (Report::Pending, s(r.table(&pending_table(&effects, date)))),
        (Report::Align, s(r.table(&align_table(&alignment)))),
    ]
}

#[test]
fn the_formats_table_is_what_the_renderers_do() {
    let (_tmp, reg) = hostile();
    for format in ALL {
        let Some(r) = renderer(format) else {
            assert!(!cfg!(feature = "xlsx") && format == Format::Xlsx);
            for report in REPORTS {
                assert!(!report.formats().contains(&format));
            }
            continue;
        };
        for (report, out) in render_all(&reg, r) {
            let listed = report.formats().contains(&format);
            match out {
                Ok(bytes) => assert!(listed && !bytes.is_empty(), "{format:?} {report:?}"),
                Err(RenderError::Unsupported { .. }) => {
                    assert!(
                        !listed,
                        "{format:?} is listed for {report:?} but refuses it"
                    );
                }
                Err(e) => panic!("{format:?} {report:?}: {e}"),
            }
        }
    }
}

#[test]
fn hostile_text_is_inert_in_every_output() {
    let (_tmp, reg) = hostile();
    let mut checked = 0;
    for format in ALL {
        let Some(r) = renderer(format) else { continue };
        for (report, out) in render_all(&reg, r) {
            let Ok(bytes) = out else { continue };
            let what = format!("{format:?} {report:?}");
            match format {
                Format::Html => {
                    let html = String::from_utf8(bytes).unwrap();
                    assert!(
                        html.starts_with("<!DOCTYPE html>"),
                        "{what}: not an HTML page"
                    );
                    assert!(html.trim_end().ends_with("</html>"), "{what}");
                    // The only images are the embedded flowcharts.
                    let charts = html
                        .matches("<img class=\"flowchart\" src=\"data:image/")
                        .count();
                    assert_eq!(
                        html.matches("<img").count(),
                        charts,
                        "{what}: a live <img> tag"
                    );
                    assert!(!html.contains("<script"), "{what}: a live <script> tag");
                    assert!(
                        html.contains("&#60;img") || html.contains("&lt;img"),
                        "{what}: the payload is not shown at all"
                    );
                }
                Format::Markdown => {
                    let md = String::from_utf8(bytes).unwrap();
                    assert!(md.contains("img"), "{what}: the payload is not shown");
                    // The catalogue's own anchors are the only HTML it writes.
                    let md = md.replace("<a id=\"", "").replace("\"></a>", "");
                    for (i, _) in md.match_indices('<') {
                        assert!(
                            md[..i].ends_with('\\'),
                            "{what}: an unescaped `<` at byte {i}"
                        );
                    }
                }
                Format::Csv => {
                    let csv = String::from_utf8(bytes).unwrap();
                    assert!(csv.starts_with('\u{feff}'), "{what}: no byte-order mark");
                    // Where the payload appears, its quote is doubled inside a
                    // quoted cell (unit changes carry no names).
                    assert!(
                        !csv.contains("onerror") || csv.contains(r#""""><img"#),
                        "{what}: the payload's quote is not doubled inside a quoted cell"
                    );
                }
                Format::Json => {
                    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
                    assert!(v.to_string().contains("onerror"), "{what}");
                }
                _ => {}
            }
            checked += 1;
        }
    }
    assert!(checked >= 25, "{checked} outputs checked");
}
