//! Round trip as a property: over random lists, the CSV catalogue imported
//! and published again is the same bytes, and the JSON catalogue imported
//! gives the same items.
//!
//! The texts are drawn from Chinese and ASCII text and punctuation, but not
//! from the separators the flat formats use to join several values in one
//! cell (`;`, `；`, the `:` after a stage, `《》` around a title), nor with
//! surrounding spaces, which import trims; and, as in any list, item names
//! are unique and sub-item names unique within their item: docs/importing.md
//! says what a flat catalogue cannot carry. The JSON catalogue carries any
//! text.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use proptest::prelude::*;
use quanze::import::{Options, import};
use quanze::publish::catalogue::{Catalogue, Selection};
use quanze::publish::{Format, renderer};
use quanze::{
    Authority, BasisLevel, BasisRole, Category, Date, Element, Handling, Implementation, Item,
    Lang, LegalBasis, List, ListMeta, Registry, Responsibility, Source, Status, SubItem, TimeUnit,
};

/// A text of one cell: no separators, no surrounding spaces, not empty.
fn word() -> impl Strategy<Value = String> {
    "[甲乙丙丁许可处罚检查民爆电力无线电a-zA-Z0-9（）()、,，。!“”\"' =+@-]{0,8}[甲乙丙丁许可a-z]"
        .prop_map(|s| s.trim_start().to_owned())
        .prop_filter("no surrounding spaces", |s| !s.is_empty() && s.trim() == s)
}

fn category() -> impl Strategy<Value = Category> {
    prop::sample::select(Category::ALL.to_vec())
}

fn implementation() -> impl Strategy<Value = Option<Implementation>> {
    proptest::option::of(
        (
            proptest::option::of(0u32..200),
            proptest::option::of(0u32..200),
            proptest::option::of(prop::sample::select(vec![
                TimeUnit::WorkingDays,
                TimeUnit::CalendarDays,
                TimeUnit::Hours,
            ])),
            proptest::option::of(prop::sample::select(vec![
                Handling::Immediate,
                Handling::Promised,
            ])),
        )
            .prop_map(
                |(legal_days, promised_days, time_unit, handling)| Implementation {
                    legal_days,
                    promised_days,
                    time_unit,
                    handling,
                    ..Implementation::default()
                },
            ),
    )
}

fn basis() -> impl Strategy<Value = LegalBasis> {
    (
        word(),
        proptest::option::of("第[一二三四五六七八九十]{1,3}条(、第[一二三]条)?"),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(title, article, implementing, reconstructed)| LegalBasis {
            title,
            level: BasisLevel::Law,
            number: None,
            article,
            role: if implementing {
                BasisRole::Implementing
            } else {
                BasisRole::Setting
            },
            reconstructed,
            level_inferred: false,
            law: None,
        })
}

const ELEMENTS: [Element; 4] = [
    Element::Code,
    Element::Unit,
    Element::SubItems,
    Element::Dates,
];

#[allow(clippy::type_complexity)]
fn item(n: usize) -> impl Strategy<Value = Item> {
    (
        (
            category(),
            word(),
            word(),
            proptest::option::of(word()),
            proptest::option::of(word()),
        ),
        (
            prop::sample::select(vec![Source::Own, Source::Devolved, Source::Entrusted]),
            any::<bool>(),
            prop::collection::vec(basis(), 0..3),
            prop::collection::vec(("[受理审查决定送达事后监管a-z]{1,6}", word()), 0..3),
            prop::collection::vec(word(), 0..3),
        ),
        (
            implementation(),
            prop::collection::vec(
                (
                    word(),
                    implementation(),
                    proptest::option::of(word()),
                    any::<bool>(),
                ),
                0..4,
            ),
            prop::sample::subsequence(ELEMENTS.to_vec(), 0..3),
            any::<bool>(),
        ),
    )
        .prop_map(
            move |(
                (category, name, body, unit, remarks),
                (source, granted, basis, resp, accountability),
                (implementation, subs, reconstructed, assigned),
            )| {
                let code = format!("{}-{n:03}", category.letters());
                let mut item = Item::new(
                    format!("i{n}").parse().unwrap(),
                    code.parse().unwrap(),
                    // Names are unique, as in any list.
                    &format!("{name}{n}"),
                    category,
                    "2020-01-01".parse().unwrap(),
                );
                item.body = body;
                item.unit = unit;
                item.remarks = remarks;
                item.source = source;
                item.grantor =
                    (source != Source::Own && granted).then(|| "province".parse().unwrap());
                item.basis = basis;
                item.responsibility = resp
                    .into_iter()
                    .map(|(stage, duty)| Responsibility {
                        stage,
                        duty,
                        basis: Vec::new(),
                        risks: Vec::new(),
                    })
                    .collect();
                item.accountability = accountability;
                item.reconstructed = reconstructed;
                item.code_assigned = assigned;
                if subs.is_empty() {
                    item.implementation = implementation;
                }
                for (k, (name, imp, remarks, assigned)) in subs.into_iter().enumerate() {
                    item.sub.push(SubItem {
                        code: format!("{code}-{:02}", k + 1).parse().unwrap(),
                        code_assigned: assigned,
                        // Sub-item names are unique within an item, as in
                        // any list (a repeated one starts the next item).
                        name: format!("{name}{k}"),
                        status: Status::InForce,
                        effective: None,
                        ended: None,
                        implementation: imp,
                        remarks,
                        implementation_code: None,
                        cases: Vec::new(),
                        former_codes: Vec::new(),
                    });
                }
                item
            },
        )
}

fn registry(items: Vec<Item>) -> Registry {
    let mut reg = Registry::new("unused");
    for (id, name, level) in [
        ("city", "某市某局", quanze::Level::Prefecture),
        ("province", "某省某厅", quanze::Level::Province),
    ] {
        reg.authorities.insert(
            id.parse().unwrap(),
            Authority {
                id: id.parse().unwrap(),
                name: name.into(),
                name_en: None,
                level,
                region: "440100".into(),
            },
        );
    }
    let meta = ListMeta {
        title: "某市某局权责清单".into(),
        version: "1.0.0".parse().unwrap(),
        note: None,
        reconstructed: false,
        head: None,
        rules: quanze::RuleSettings::default(),
        parent: Vec::new(),
        upstream: quanze::UpstreamSettings::default(),
    };
    let mut list = List::new("city".parse().unwrap(), meta);
    let mut items = items;
    items.sort_by(Item::published_order);
    list.items = items;
    reg.lists.insert(list.authority.clone(), list);
    reg
}

fn publish(reg: &Registry, format: Format) -> Vec<u8> {
    let list = reg.list("city").unwrap();
    let sel = Selection {
        at: None,
        as_of: Some(date()),
    };
    let cat = Catalogue::build(reg, list, &sel).unwrap();
    renderer(format).unwrap().catalogue(&cat, Lang::Zh).unwrap()
}

fn date() -> Date {
    "2021-12-31".parse().unwrap()
}

fn reimport(reg: &Registry, bytes: &[u8], name: &str) -> Registry {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join(name);
    std::fs::write(&file, bytes).unwrap();
    let mut empty = reg.clone();
    empty.lists.clear();
    let imported = import(
        &empty,
        &[file],
        &Options::new("city".parse().unwrap(), date()),
    )
    .unwrap();
    for a in imported.authorities {
        empty.authorities.insert(a.id.clone(), a);
    }
    empty
        .lists
        .insert(imported.list.authority.clone(), imported.list);
    empty
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_csv_catalogue_round_trips_byte_for_byte(items in (0usize..8).prop_flat_map(|n| (0..n).map(item).collect::<Vec<_>>())) {
        let reg = registry(items);
        let csv = publish(&reg, Format::Csv);
        let again = publish(&reimport(&reg, &csv, "list.csv"), Format::Csv);
        prop_assert_eq!(String::from_utf8(again).unwrap(), String::from_utf8(csv).unwrap());
    }

    #[test]
    fn a_json_catalogue_round_trips_its_items(items in (0usize..8).prop_flat_map(|n| (0..n).map(item).collect::<Vec<_>>())) {
        let reg = registry(items);
        let json = publish(&reg, Format::Json);
        let back = reimport(&reg, &json, "list.json");
        let a: serde_json::Value = serde_json::from_slice(&json).unwrap();
        let b: serde_json::Value = serde_json::from_slice(&publish(&back, Format::Json)).unwrap();
        prop_assert_eq!(&a["sections"], &b["sections"]);
        prop_assert_eq!(publish(&back, Format::Csv), publish(&reg, Format::Csv));
    }
}
