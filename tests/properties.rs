//! Property tests of the counting rule and of lossless load → save → load.
//!
//! The case count is modest by default so the suite stays quick; set
//! `PROPTEST_CASES` for a longer run (CI runs a bounded longer pass).

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::copy_dir;

use proptest::prelude::*;
use proptest::sample::subsequence;
use quanze::{
    Agreement, AgreementItem, Authority, BasisLevel, BasisRole, BenchmarkTier, Category, Date,
    Document, Element, Handling, Id, Implementation, InspectionDetail, Item, LegalBasis, List,
    ListMeta, Mode, PenaltyDetail, RandomInspection, Registry, Responsibility, Source, Stage,
    Statistics, Stats, Status, SubItem, TimeUnit,
};

// ---------------------------------------------------------------- strategies

/// Any text: every printable Unicode character, plus the characters that
/// TOML must escape (quotes, backslashes, tabs, line breaks).
fn text() -> impl Strategy<Value = String> {
    "(\\PC|[\n\r\t\"'\\\\])*"
}

fn id() -> impl Strategy<Value = Id> {
    "[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,4}){0,2}".prop_map(|s| s.parse().unwrap())
}

fn date() -> impl Strategy<Value = Date> {
    (2000i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn status() -> impl Strategy<Value = Status> {
    prop::sample::select(vec![
        Status::InForce,
        Status::Suspended,
        Status::Cancelled,
        Status::Merged,
        Status::Split,
        Status::Recoded,
        Status::DevolvedOut,
        Status::Withdrawn,
    ])
}

fn implementation() -> impl Strategy<Value = Implementation> {
    (
        proptest::option::of(0u32..400),
        proptest::option::of(0u32..400),
        proptest::option::of(prop::sample::select(vec![
            Handling::Immediate,
            Handling::Promised,
        ])),
        proptest::option::of(any::<bool>()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(any::<bool>()),
        proptest::option::of(prop::sample::select(vec![
            TimeUnit::WorkingDays,
            TimeUnit::CalendarDays,
            TimeUnit::Hours,
        ])),
    )
        .prop_map(
            |(
                legal_days,
                promised_days,
                handling,
                online,
                charges,
                result,
                e_licence,
                time_unit,
            )| {
                Implementation {
                    legal_days,
                    promised_days,
                    handling,
                    online,
                    charges,
                    result,
                    e_licence,
                    time_unit,
                }
            },
        )
}

/// The class-specific blocks: a penalty's provisions and benchmark, an
/// inspection's random entries (whatever the class, as a file may hold).
fn details() -> impl Strategy<Value = (Option<PenaltyDetail>, Option<InspectionDetail>, bool, bool)>
{
    (
        proptest::option::of((
            prop::collection::vec(text(), 0..2),
            prop::collection::vec((text(), text(), text()), 0..4),
            any::<bool>(),
        )),
        proptest::option::of((text(), text(), proptest::option::of(0u32..20))),
        prop::bool::weighted(0.1),
        any::<bool>(),
    )
        .prop_map(|(penalty, inspection, forwarded, shared)| {
            let penalty = penalty.map(|(provision, tiers, reconstructed)| PenaltyDetail {
                provision,
                benchmark: tiers
                    .into_iter()
                    .map(|(tier, circumstances, sanction)| BenchmarkTier {
                        tier,
                        circumstances,
                        sanction,
                    })
                    .collect(),
                reconstructed,
                ..PenaltyDetail::default()
            });
            let inspection = inspection.map(|(matter, objects, max_per_year)| InspectionDetail {
                max_per_year,
                random: vec![RandomInspection {
                    matter,
                    basis: None,
                    objects,
                    ratio: "5%".into(),
                    cycle: "每年1次".into(),
                    method: None,
                }],
                ..InspectionDetail::default()
            });
            (penalty, inspection, forwarded, shared)
        })
}

fn sub(code: String) -> impl Strategy<Value = SubItem> {
    (
        text(),
        status(),
        proptest::option::of(date()),
        proptest::option::of(date()),
        proptest::option::of(implementation()),
        proptest::option::of(text()),
    )
        .prop_map(
            move |(name, status, effective, ended, implementation, remarks)| SubItem {
                // A third tier on some units, with the unit's own elements.
                cases: remarks
                    .iter()
                    .map(|_| quanze::HandlingCase {
                        code: format!("{code}-01"),
                        name: "新办".into(),
                        implementation: implementation.clone(),
                    })
                    .collect(),
                code: code.parse().unwrap(),
                name,
                status,
                effective,
                ended,
                implementation,
                remarks,
                implementation_code: None,
                former_codes: Vec::new(),
                code_assigned: false,
            },
        )
}

fn basis() -> impl Strategy<Value = LegalBasis> {
    (
        text(),
        prop::sample::select(vec![
            BasisLevel::Law,
            BasisLevel::AdministrativeRegulation,
            BasisLevel::DepartmentalRule,
            BasisLevel::LocalRegulation,
            BasisLevel::LocalRule,
            BasisLevel::NormativeDocument,
        ]),
        proptest::option::of(text()),
        proptest::option::of(text()),
        prop::sample::select(vec![BasisRole::Setting, BasisRole::Implementing]),
        any::<bool>(),
    )
        .prop_map(
            |(title, level, number, article, role, reconstructed)| LegalBasis {
                title,
                level,
                number,
                article,
                role,
                reconstructed,
                level_inferred: false,
                law: None,
            },
        )
}

const ELEMENTS: [Element; 12] = Element::ALL;

/// An item numbered `n` (codes are made unique from `n`).
fn item(n: usize) -> impl Strategy<Value = Item> {
    let subs = (0usize..4)
        .prop_flat_map(move |k| (0..k).map(|j| sub(format!("C{n}-{j}"))).collect::<Vec<_>>());
    (
        (
            id(),
            text(),
            prop::sample::select(Category::ALL.to_vec()),
            status(),
            date(),
            proptest::option::of(date()),
        ),
        (
            prop::sample::select(vec![
                Source::Own,
                Source::Devolved,
                Source::Entrusted,
                Source::Authorized,
            ]),
            proptest::option::of(id()),
            prop::collection::vec("[\\p{Han}A-Za-z0-9〔〕第号]{1,12}", 0..3),
            text(),
            proptest::option::of(text()),
            proptest::option::of(text()),
        ),
        (
            subsequence(ELEMENTS.to_vec(), 0..4),
            prop::collection::vec(text(), 0..3),
            proptest::option::of(implementation()),
            prop::collection::vec(basis(), 0..3),
            prop::collection::vec((text(), text()), 0..3),
            subs,
        ),
        details(),
    )
        .prop_map(
            move |(
                (id, name, category, status, effective, ended),
                (source, grantor, docs, body, unit, remarks),
                (reconstructed, accountability, implementation, basis, resp, sub),
                (penalty, inspection, forwarded, shared),
            )| Item {
                id,
                code: format!("C{n}").parse().unwrap(),
                name,
                category,
                status,
                effective,
                ended,
                source,
                grantor,
                source_documents: docs.iter().map(|d| d.parse().unwrap()).collect(),
                body,
                unit,
                remarks,
                unmapped: Vec::new(),
                reconstructed,
                code_assigned: shared,
                accountability_basis: Vec::new(),
                supervision: accountability.clone(),
                remedies: Vec::new(),
                accountability,
                implementation,
                basis,
                responsibility: resp
                    .into_iter()
                    .map(|(stage, duty)| Responsibility {
                        basis: vec![duty.clone()],
                        stage,
                        duty,
                        risks: Vec::new(),
                    })
                    .collect(),
                forwarded,
                shared,
                licensing: None,
                penalty: penalty.map(Box::new),
                inspection: inspection.map(Box::new),
                levy: None,
                flowchart: None,
                entrusted_out: false,
                basic_code: shared.then(|| format!("B{n}")),
                implementation_code: None,
                levels: if forwarded {
                    vec![quanze::ExerciseLevel {
                        level: quanze::Level::Province,
                        role: Some("审批".into()),
                    }]
                } else {
                    Vec::new()
                },
                sub,
                former_codes: Vec::new(),
                successors: Vec::new(),
                parent: None,
                local: false,
            },
        )
}

fn items() -> impl Strategy<Value = Vec<Item>> {
    (0usize..12).prop_flat_map(|n| (0..n).map(item).collect::<Vec<_>>())
}

fn meta() -> impl Strategy<Value = ListMeta> {
    (
        text(),
        (0u64..5, 0u64..20, 0u64..20),
        proptest::option::of(text()),
        any::<bool>(),
    )
        .prop_map(|(title, (a, b, c), note, reconstructed)| {
            let toml = format!(
                "title = {}\nversion = \"{a}.{b}.{c}\"\n",
                toml_string(&title)
            );
            let mut m: ListMeta = toml::from_str(&toml).unwrap();
            m.note = note;
            m.reconstructed = reconstructed;
            m
        })
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

fn agreement(item_ids: Vec<Id>) -> impl Strategy<Value = Agreement> {
    (
        text(),
        date(),
        date(),
        proptest::option::of(date()),
        prop::collection::vec(text(), 0..3),
        subsequence(
            vec![
                Stage::Accept,
                Stage::Review,
                Stage::Decide,
                Stage::Deliver,
                Stage::Supervise,
            ],
            1..5,
        ),
        any::<bool>(),
    )
        .prop_map(
            move |(title, signed, term_start, term_end, lines, scope, full)| Agreement {
                id: "agreement-1".parse().unwrap(),
                title,
                entruster: "province".parse().unwrap(),
                entrusted: "bureau".parse().unwrap(),
                mode: Mode::EntrusterName,
                signed,
                term_start,
                term_end,
                decided_by: vec!["文号1".parse().unwrap()],
                rights_obligations: lines.clone(),
                responsibility: lines.clone(),
                supervision: lines.clone(),
                termination: lines,
                reconstructed: full,
                items: item_ids
                    .iter()
                    .map(|i| AgreementItem {
                        item: i.clone(),
                        scope: scope.clone(),
                        full,
                        remarks: None,
                    })
                    .collect(),
            },
        )
}

fn registry_with(list: List) -> Registry {
    let mut reg = Registry::new("memory");
    for (id, name) in [("bureau", "测试局"), ("province", "测试省厅")] {
        let a: Authority = toml::from_str(&format!(
            "id = \"{id}\"\nname = \"{name}\"\nlevel = \"prefecture\"\nregion = \"440100\"\n"
        ))
        .unwrap();
        reg.authorities.insert(a.id.clone(), a);
    }
    reg.lists.insert(list.authority.clone(), list);
    reg
}

// ----------------------------------------------------- an independent count

/// The counting rule of DOMAIN.md written out again, independently of the
/// crate: an item counts on `d` if not suspended and `effective <= d < ended`;
/// its units are its sub-items in force that day, or 1 if it has none.
fn in_force(status: Status, eff: Date, end: Option<Date>, d: Date) -> bool {
    status != Status::Suspended && eff <= d && end.is_none_or(|e| d < e)
}

fn expected_units(item: &Item, d: Date) -> usize {
    if !in_force(item.status, item.effective, item.ended, d) {
        return 0;
    }
    let subs = item
        .sub
        .iter()
        .filter(|s| in_force(s.status, s.effective.unwrap_or(item.effective), s.ended, d))
        .count();
    subs.max(1)
}

fn list_of(items: Vec<Item>) -> List {
    let meta: ListMeta = toml::from_str("title = \"t\"\nversion = \"1.0.0\"\n").unwrap();
    let mut list = List::new("bureau".parse().unwrap(), meta);
    list.items = items;
    list
}

/// 64 cases by default; `PROPTEST_CASES=N` for a longer run.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn counts_follow_the_rule(items in items(), d in date()) {
        let reg = registry_with(list_of(items.clone()));
        let list = reg.list("bureau").unwrap();
        let stats = Stats::compute(&reg, list, d);
        let mut total_items = 0;
        for c in Category::ALL {
            let count = stats.categories[c.id()];
            let mine: Vec<&Item> = items
                .iter()
                .filter(|i| i.category == c && !i.forwarded && in_force(i.status, i.effective, i.ended, d))
                .collect();
            prop_assert_eq!(count.items, mine.len());
            prop_assert_eq!(count.units, mine.iter().map(|i| expected_units(i, d)).sum::<usize>());
            prop_assert!(count.units >= count.items);
            total_items += count.items;
        }
        // 审核转报 items are counted apart, and only there.
        let forwarded: Vec<&Item> = items
            .iter()
            .filter(|i| i.forwarded && in_force(i.status, i.effective, i.ended, d))
            .collect();
        prop_assert_eq!(stats.forwarded.items, forwarded.len());
        prop_assert_eq!(stats.forwarded.units, forwarded.iter().map(|i| expected_units(i, d)).sum::<usize>());
        // Category totals add up to the whole.
        let gg = stats.categories["public-service"];
        prop_assert_eq!(stats.powers.items + gg.items, total_items);
        // The sources partition the powers; public services are apart.
        let by_source: usize = stats.sources.iter().map(|s| s.items).sum();
        prop_assert_eq!(by_source, stats.powers.items);
        let units_by_source: usize = stats.sources.iter().map(|s| s.units).sum();
        prop_assert_eq!(units_by_source, stats.powers.units);
    }

    #[test]
    fn adding_or_removing_a_sub_item_changes_units_by_the_rule(
        items in items(), d in date(), pick in any::<prop::sample::Index>(),
    ) {
        prop_assume!(!items.is_empty());
        let k = pick.index(items.len());
        let mut items = items;
        // Make the picked item count on `d`.
        items[k].status = Status::InForce;
        items[k].effective = Date::new(1999, 1, 1).unwrap();
        items[k].ended = None;
        items[k].forwarded = false;
        let before_subs = items[k].sub.iter()
            .filter(|s| in_force(s.status, s.effective.unwrap_or(items[k].effective), s.ended, d))
            .count();
        let units = |items: &Vec<Item>| {
            let reg = registry_with(list_of(items.clone()));
            Stats::compute(&reg, reg.list("bureau").unwrap(), d).categories[items[k].category.id()].units
        };
        let before = units(&items);

        let mut added = items.clone();
        added[k].sub.push(SubItem {
            code: "NEW-SUB".parse().unwrap(),
            name: "新增子项".into(),
            status: Status::InForce,
            effective: None,
            ended: None,
            implementation: None,
            remarks: None,
            implementation_code: None,
            cases: Vec::new(),
            former_codes: Vec::new(),
            code_assigned: false,
        });
        // 0 → 1 sub-item: the item already counted as one unit.
        let delta = if before_subs == 0 { 0 } else { 1 };
        prop_assert_eq!(units(&added), before + delta);

        if let Some(j) = items[k].sub.iter().position(|s| in_force(s.status, s.effective.unwrap_or(items[k].effective), s.ended, d)) {
            let mut removed = items.clone();
            removed[k].sub.remove(j);
            // 1 → 0 sub-items: the item itself counts as one unit again.
            let delta = if before_subs == 1 { 0 } else { 1 };
            prop_assert_eq!(units(&removed) + delta, before);
        }
    }

    #[test]
    fn load_save_load_preserves_everything(
        items in items(),
        meta in meta(),
        agreement_strategy in any::<bool>(),
        agreement in agreement(vec!["x".parse().unwrap()]),
        cases in prop::collection::vec(0u32..5000, 0..5),
        doc_title in text(),
    ) {
        // Items in published order (by category, then code), which is the
        // order a load gives back.
        let mut items = items;
        items.sort_by(Item::published_order);
        let mut list = List::new("bureau".parse().unwrap(), meta);
        if agreement_strategy {
            let mut a = agreement;
            a.items.truncate(0);
            for i in &items {
                a.items.push(AgreementItem { item: i.id.clone(), scope: vec![Stage::Accept], full: true, remarks: None });
            }
            list.agreements.push(a);
        }
        if !items.is_empty() {
            let mut s: Statistics = toml::from_str("year = 2021\n").unwrap();
            for (i, n) in items.iter().zip(&cases) {
                s.cases.insert(i.id.clone(), *n);
            }
            list.statistics.push(s);
        }
        list.items = items;
        let mut reg = registry_with(list);
        let doc: Document = toml::from_str(&format!(
            "number = \"文号1\"\ntitle = {}\nissuer = \"国务院\"\ndate = \"2020-09-13\"\n",
            toml_string(&doc_title)
        )).unwrap();
        reg.documents.insert(doc.number.clone(), doc);

        let dir = tempfile::tempdir().unwrap();
        reg.save(dir.path()).unwrap();
        let loaded = Registry::load(dir.path()).unwrap();
        prop_assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let back = loaded.registry;
        prop_assert_eq!(&back.authorities, &reg.authorities);
        prop_assert_eq!(&back.documents, &reg.documents);
        prop_assert_eq!(&back.lists, &reg.lists);

        // And a second round gives byte-identical files.
        let dir2 = tempfile::tempdir().unwrap();
        back.save(dir2.path()).unwrap();
        for rel in ["authorities.toml", "documents.toml", "bureau/list.toml"] {
            prop_assert_eq!(
                std::fs::read(dir.path().join(rel)).unwrap(),
                std::fs::read(dir2.path().join(rel)).unwrap()
            );
        }
    }
}

#[test]
fn save_refuses_a_directory_that_is_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("keep.txt"), "people's work").unwrap();
    let reg = Registry::load("tests/fixtures/valid/minimal")
        .unwrap()
        .registry;
    let err = reg.save(dir.path()).unwrap_err();
    assert!(matches!(err, quanze::Error::NotEmpty(_)), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("keep.txt")).unwrap(),
        "people's work"
    );
}

#[test]
fn the_bundled_registry_survives_a_save_and_load() {
    let reg = Registry::load("registry").unwrap().registry;
    let dir = tempfile::tempdir().unwrap();
    reg.save(dir.path()).unwrap();
    let back = Registry::load(dir.path()).unwrap();
    assert!(back.problems.is_empty());
    assert_eq!(back.registry.lists, reg.lists);
    assert_eq!(back.registry.authorities, reg.authorities);
    assert_eq!(back.registry.documents, reg.documents);
    assert!(
        back.registry
            .validate("2026-11-28".parse().unwrap())
            .is_empty()
    );
}

/// Random edits to real registry files never make loading, checking or
/// rendering panic: every outcome is a registry, problems, or an I/O error.
mod robustness {
    use super::*;

    const FILES: [&str; 5] = [
        "test-bureau/items/licensing.toml",
        "test-bureau/items/penalty.toml",
        "test-bureau/agreements/province-2020.toml",
        "authorities.toml",
        "test-bureau/statistics/2021.toml",
    ];

    #[derive(Debug, Clone)]
    enum Edit {
        Insert(usize, String),
        Delete(usize, usize),
        Truncate(usize),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            (any::<usize>(), "([\\[\\]\"'=#.,{}\n\\\\]|\\PC|民爆){1,6}")
                .prop_map(|(at, s)| Edit::Insert(at, s)),
            (any::<usize>(), 1usize..40).prop_map(|(at, n)| Edit::Delete(at, n)),
            any::<usize>().prop_map(Edit::Truncate),
        ]
    }

    fn apply(text: &str, e: &Edit) -> String {
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len().max(1);
        match e {
            Edit::Insert(at, s) => {
                let at = at % n;
                chars[..at].iter().collect::<String>() + s + &chars[at..].iter().collect::<String>()
            }
            Edit::Delete(at, len) => {
                let at = at % n;
                let end = (at + len).min(chars.len());
                chars[..at].iter().chain(&chars[end..]).collect()
            }
            Edit::Truncate(at) => chars[..at % n].iter().collect(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: cases() * 2, ..ProptestConfig::default() })]

        #[test]
        fn edited_files_never_panic(file in 0usize..FILES.len(), edits in prop::collection::vec(edit(), 1..4)) {
            let tmp = tempfile::tempdir().unwrap();
            copy_dir(std::path::Path::new("tests/fixtures/valid/minimal"), tmp.path());
            let path = tmp.path().join(FILES[file]);
            let mut text = std::fs::read_to_string(&path).unwrap();
            for e in &edits {
                text = apply(&text, e);
            }
            std::fs::write(&path, &text).unwrap();
            let loaded = Registry::load(tmp.path()).unwrap();
            let mut problems = loaded.problems;
            problems.extend(loaded.registry.validate(Date::new(2026, 11, 28).unwrap()));
            for d in &problems {
                let _ = d.render();
                let _ = d.to_string();
            }
            for list in loaded.registry.lists.values() {
                let stats = Stats::compute(&loaded.registry, list, Date::new(2021, 12, 31).unwrap());
                let _ = stats.text_zh();
                for item in &list.items {
                    let _ = quanze::render_item(&loaded.registry, list, item, Date::new(2021, 12, 31).unwrap(), quanze::Lang::Zh);
                }
            }
        }
    }
}
