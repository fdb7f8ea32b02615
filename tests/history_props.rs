//! Property tests over random valid histories.
//!
//! Random *intents* are turned into operations that fit the current state by
//! a small interpreter, grouped into entries with increasing versions and
//! dates. Then: replaying the entries equals applying the operations one by
//! one; counts change exactly as each operation says; entries survive a TOML
//! round trip; `resolve` never dangles or loops; no code is ever reused.
//! 64 cases by default; `PROPTEST_CASES=N` for a longer run.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
use common::copy_dir;

use std::collections::HashSet;

use proptest::prelude::*;
use quanze::{
    Bump, Category, ChangeSet, Date, Entry, History, Id, Item, List, ListMeta, Op, Registry, State,
    Stats, Status, SubItem, Version,
};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(64)
}

fn holder() -> Id {
    "bureau".parse().unwrap()
}

#[derive(Debug, Clone)]
enum Intent {
    Add(u8, u8),
    Cancel(usize),
    Modify(usize),
    Merge(usize, usize, bool),
    Split(usize),
    Recode(usize),
    Reclassify(usize, u8),
    Devolved,
    DevolveOut(usize),
    Entrusted,
    Withdraw(usize),
    Suspend(usize),
    Resume(usize),
    SubAdd(usize),
    SubRemove(usize),
    SubModify(usize),
    AgreementEnd,
}

fn intent() -> impl Strategy<Value = Intent> {
    prop_oneof![
        3 => (any::<u8>(), 0u8..4).prop_map(|(c, s)| Intent::Add(c, s)),
        1 => any::<usize>().prop_map(Intent::Cancel),
        1 => any::<usize>().prop_map(Intent::Modify),
        1 => (any::<usize>(), any::<usize>(), any::<bool>()).prop_map(|(a, b, n)| Intent::Merge(a, b, n)),
        1 => any::<usize>().prop_map(Intent::Split),
        1 => any::<usize>().prop_map(Intent::Recode),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(a, c)| Intent::Reclassify(a, c)),
        1 => Just(Intent::Devolved),
        1 => any::<usize>().prop_map(Intent::DevolveOut),
        1 => Just(Intent::Entrusted),
        1 => any::<usize>().prop_map(Intent::Withdraw),
        1 => any::<usize>().prop_map(Intent::Suspend),
        1 => any::<usize>().prop_map(Intent::Resume),
        1 => any::<usize>().prop_map(Intent::SubAdd),
        1 => any::<usize>().prop_map(Intent::SubRemove),
        1 => any::<usize>().prop_map(Intent::SubModify),
        1 => Just(Intent::AgreementEnd),
    ]
}

const CATS: [Category; 6] = [
    Category::Licensing,
    Category::Penalty,
    Category::Levy,
    Category::Inspection,
    Category::Other,
    Category::PublicService,
];

/// Turns intents into valid operations, tracking the state.
struct Interpreter {
    state: State,
    next: usize,
    date: Date,
    /// An operation to apply right after the one returned (receive an item
    /// after amending the agreement to list it).
    pending: Option<Op>,
}

impl Interpreter {
    fn fresh(&mut self) -> usize {
        self.next += 1;
        self.next
    }

    fn new_item(&mut self, cat: u8, subs: u8, source: &str) -> Item {
        let n = self.fresh();
        let category = CATS[cat as usize % CATS.len()];
        let mut item: Item = toml::from_str(&format!(
            "id = \"i{n}\"\ncode = \"C{n}\"\nname = \"事项{n}\"\ncategory = \"{category}\"\neffective = \"{}\"\nsource = \"{source}\"\nbody = \"局\"\n",
            self.date
        ))
        .unwrap();
        if source != "own" {
            item.grantor = Some("prov".parse().unwrap());
        }
        if source == "devolved" {
            item.source_documents = vec!["文1".parse().unwrap()];
        }
        for j in 0..subs {
            item.sub.push(self.new_sub(&format!("C{n}-{j}")));
        }
        item
    }

    fn new_sub(&self, code: &str) -> SubItem {
        toml::from_str(&format!("code = \"{code}\"\nname = \"子项\"\n")).unwrap()
    }

    /// Codes of items in force (status in force) since before today, in
    /// state order: an item cannot end on the day it takes effect.
    fn in_force(&self) -> Vec<String> {
        self.state
            .items
            .iter()
            .filter(|i| i.status == Status::InForce && i.effective < self.date)
            .map(|i| i.code.to_string())
            .collect()
    }

    fn pick(list: &[String], n: usize) -> Option<String> {
        (!list.is_empty()).then(|| list[n % list.len()].clone())
    }

    fn op(&mut self, intent: &Intent) -> Option<Op> {
        let live = self.in_force();
        let code = |s: String| s.parse().unwrap();
        Some(match intent {
            Intent::Add(c, s) => Op::Add {
                item: std::sync::Arc::new(self.new_item(*c, *s, "own")),
            },
            Intent::Devolved => Op::ReceiveDevolved {
                item: std::sync::Arc::new(self.new_item(0, 2, "devolved")),
            },
            Intent::Entrusted => {
                let Some(open) = self
                    .state
                    .agreements
                    .iter()
                    .find(|a| a.term_end.is_none())
                    .cloned()
                else {
                    // No agreement in force: sign a new one first.
                    let k = self.fresh();
                    return Some(Op::AgreementSign {
                        agreement: Box::new(
                            toml::from_str(&format!(
                                "id = \"agr{k}\"\ntitle = \"协议{k}\"\nentruster = \"prov\"\nentrusted = \"bureau\"\nsigned = \"{d}\"\nterm_start = \"{d}\"\nitems = []\n",
                                d = self.date
                            ))
                            .unwrap(),
                        ),
                    });
                };
                let a = open.id.clone();
                let item = self.new_item(1, 0, "entrusted");
                // Amend the agreement to list the item, then receive it.
                let mut items: Vec<toml::Value> = open
                    .items
                    .iter()
                    .map(|e| toml::Value::try_from(e).unwrap())
                    .collect();
                items.push(
                    toml::Value::try_from(quanze::AgreementItem {
                        item: item.id.clone(),
                        scope: vec![quanze::Stage::Accept],
                        full: true,
                        remarks: None,
                    })
                    .unwrap(),
                );
                let mut set = toml::Table::new();
                set.insert("items".into(), toml::Value::Array(items));
                self.pending = Some(Op::ReceiveEntrusted {
                    item: std::sync::Arc::new(item),
                    agreement: a.clone(),
                });
                Op::AgreementAmend {
                    agreement: a,
                    set,
                    unset: Vec::new(),
                }
            }
            Intent::Cancel(n) => Op::Cancel {
                code: code(Self::pick(&live, *n)?),
            },
            Intent::DevolveOut(n) => Op::DevolveOut {
                code: code(Self::pick(&live, *n)?),
            },
            Intent::Suspend(n) => Op::Suspend {
                code: code(Self::pick(&live, *n)?),
            },
            Intent::Withdraw(n) => {
                let granted: Vec<String> = self
                    .state
                    .items
                    .iter()
                    .filter(|i| {
                        i.status == Status::InForce
                            && i.grantor.is_some()
                            && i.effective < self.date
                    })
                    .map(|i| i.code.to_string())
                    .collect();
                Op::Withdraw {
                    code: code(Self::pick(&granted, *n)?),
                }
            }
            Intent::Resume(n) => {
                let suspended: Vec<String> = self
                    .state
                    .items
                    .iter()
                    .filter(|i| i.status == Status::Suspended)
                    .map(|i| i.code.to_string())
                    .collect();
                Op::Resume {
                    code: code(Self::pick(&suspended, *n)?),
                }
            }
            Intent::Modify(n) => {
                let c = Self::pick(&live, *n)?;
                let mut set = toml::Table::new();
                let k = self.fresh();
                set.insert("name".into(), toml::Value::String(format!("更名{k}")));
                Op::Modify {
                    code: code(c),
                    set,
                    unset: Vec::new(),
                }
            }
            Intent::Merge(a, b, new) => {
                let x = Self::pick(&live, *a)?;
                let rest: Vec<String> = live.iter().filter(|c| **c != x).cloned().collect();
                if *new {
                    let item = self.new_item(*a as u8, 0, "own");
                    Op::Merge {
                        codes: vec![code(x)],
                        into: None,
                        item: Some(std::sync::Arc::new(item)),
                    }
                } else {
                    let y = Self::pick(&rest, *b)?;
                    Op::Merge {
                        codes: vec![code(x)],
                        into: Some(code(y)),
                        item: None,
                    }
                }
            }
            Intent::Split(n) => {
                let c = Self::pick(&live, *n)?;
                let (a, b) = (self.new_item(0, 1, "own"), self.new_item(2, 0, "own"));
                Op::Split {
                    code: code(c),
                    items: vec![a, b],
                }
            }
            Intent::Recode(n) => {
                let c = Self::pick(&live, *n)?;
                let k = self.fresh();
                // Half of the recodes carry the sub-items' codes.
                Op::Recode {
                    code: code(c),
                    to: code(format!("R{k}")),
                    carry_sub_codes: k.is_multiple_of(2).then_some(true),
                }
            }
            Intent::Reclassify(n, cat) => {
                let c = Self::pick(&live, *n)?;
                let item = self.state.items.iter().find(|i| i.code.as_str() == c)?;
                let category = CATS[*cat as usize % CATS.len()];
                if category == item.category {
                    return None;
                }
                Op::Reclassify {
                    code: code(c),
                    category,
                    to: None,
                }
            }
            Intent::SubAdd(n) => {
                let c = Self::pick(&live, *n)?;
                let k = self.fresh();
                Op::SubAdd {
                    code: code(c),
                    sub: self.new_sub(&format!("S{k}")),
                }
            }
            Intent::SubRemove(n) | Intent::SubModify(n) => {
                let with_subs: Vec<String> = self
                    .state
                    .items
                    .iter()
                    .filter(|i| {
                        i.status == Status::InForce
                            && i.effective < self.date
                            && i.sub.iter().any(|s| {
                                !s.status.is_ended() && s.effective.is_none_or(|e| e < self.date)
                            })
                    })
                    .map(|i| i.code.to_string())
                    .collect();
                let c = Self::pick(&with_subs, *n)?;
                let item = self.state.items.iter().find(|i| i.code.as_str() == c)?;
                let sub = item
                    .sub
                    .iter()
                    .find(|s| !s.status.is_ended() && s.effective.is_none_or(|e| e < self.date))?
                    .code
                    .clone();
                if matches!(intent, Intent::SubRemove(_)) {
                    Op::SubRemove { code: code(c), sub }
                } else {
                    let mut set = toml::Table::new();
                    let k = self.fresh();
                    set.insert("name".into(), toml::Value::String(format!("子项{k}")));
                    Op::SubModify {
                        code: code(c),
                        sub,
                        set,
                        unset: Vec::new(),
                    }
                }
            }
            Intent::AgreementEnd => {
                let a = self
                    .state
                    .agreements
                    .iter()
                    .find(|a| a.term_end.is_none())?;
                // Only when no entrusted item still relies on it.
                let relied = self
                    .state
                    .items
                    .iter()
                    .any(|i| i.status == Status::InForce && a.lists(&i.id));
                if relied {
                    return None;
                }
                Op::AgreementEnd {
                    agreement: a.id.clone(),
                    term_end: self.date,
                }
            }
        })
    }
}

fn totals(state: &State, date: Date) -> (usize, usize) {
    let mut reg = Registry::new("memory");
    reg.lists.insert(holder(), list_of(state));
    let stats = Stats::compute(&reg, reg.list("bureau").unwrap(), date);
    let items = stats.categories.values().map(|c| c.items).sum();
    let units = stats.categories.values().map(|c| c.units).sum();
    (items, units)
}

fn units_of(state: &State, code: &str, date: Date) -> usize {
    state
        .items
        .iter()
        .find(|i| i.code.as_str() == code)
        .map_or(0, |i| i.units_on(date))
}

/// The change in (items, units) that an operation must make, computed from
/// the state before it.
fn expected_delta(before: &State, op: &Op, date: Date) -> (isize, isize) {
    let u = |c: &quanze::Code| units_of(before, c.as_str(), date) as isize;
    let new_units = |i: &Item| i.sub.len().max(1) as isize;
    match op {
        Op::Add { item } | Op::ReceiveDevolved { item } | Op::ReceiveEntrusted { item, .. } => {
            (1, new_units(item))
        }
        Op::Cancel { code }
        | Op::DevolveOut { code }
        | Op::Withdraw { code }
        | Op::Suspend { code } => (-1, -u(code)),
        Op::Resume { code } => {
            let item = before.items.iter().find(|i| &i.code == code).unwrap();
            let mut back = (**item).clone();
            back.status = Status::InForce;
            (1, back.units_on(date) as isize)
        }
        Op::Merge { codes, item, .. } => {
            let gone: isize = codes.iter().map(u).sum();
            match item {
                Some(new) => (1 - codes.len() as isize, new_units(new) - gone),
                None => (-(codes.len() as isize), -gone),
            }
        }
        Op::Split { code, items } => (
            items.len() as isize - 1,
            items.iter().map(new_units).sum::<isize>() - u(code),
        ),
        Op::SubAdd { code, .. } => {
            let item = before.items.iter().find(|i| &i.code == code).unwrap();
            (0, isize::from(item.subs_on(date).count() > 0))
        }
        Op::SubRemove { code, .. } => {
            let item = before.items.iter().find(|i| &i.code == code).unwrap();
            (0, -isize::from(item.subs_on(date).count() > 1))
        }
        _ => (0, 0),
    }
}

fn base_entry(date: Date) -> Entry {
    toml::from_str(&format!(
        r#"version = "1.0.0"
date = "{date}"

[[decided_by]]
number = "文1"
title = "决定"
issuer = "政府"
date = "{date}"

[[op]]
kind = "agreement-sign"
[op.agreement]
id = "agr"
title = "协议"
entruster = "prov"
entrusted = "bureau"
signed = "{date}"
term_start = "{date}"
items = []
"#
    ))
    .unwrap()
}

fn bump(v: &Version, b: Bump) -> Version {
    let s = v.semver();
    let text = match b {
        Bump::Major => format!("{}.0.0", s.major + 1),
        Bump::Minor => format!("{}.{}.0", s.major, s.minor + 1),
        Bump::Patch => format!("{}.{}.{}", s.major, s.minor, s.patch + 1),
    };
    text.parse().unwrap()
}

/// Turns groups of intents into a valid history: one entry per group (after
/// a first entry that signs an agreement), versions bumped as the operations
/// require, dates two days apart. `each` sees every operation with the state
/// before and after it.
fn generate(
    groups: &[Vec<Intent>],
    mut each: impl FnMut(&State, &Op, &State, Date),
) -> (Vec<Entry>, State) {
    let mut date = Date::new(2020, 1, 1).unwrap();
    let first = base_entry(date);
    let mut interp = Interpreter {
        state: State::default(),
        next: 0,
        date,
        pending: None,
    };
    interp.state.apply(&holder(), &first).unwrap();
    let mut entries = vec![first];
    for group in groups {
        date = date.next_day().unwrap().next_day().unwrap();
        interp.date = date;
        let mut ops = Vec::new();
        for intent in group {
            let Some(first) = interp.op(intent) else {
                continue;
            };
            let mut queue = vec![first];
            while let Some(op) = queue.pop() {
                let before = interp.state.clone();
                interp
                    .state
                    .apply_op(&holder(), date, &op)
                    .unwrap_or_else(|e| {
                        panic!("{intent:?} gave an invalid {}: {e}", op.kind().id())
                    });
                each(&before, &op, &interp.state, date);
                ops.push(op);
                queue.extend(interp.pending.take());
            }
        }
        if ops.is_empty() {
            continue;
        }
        let mut entry = base_entry(date);
        entry.op = ops;
        entry.version = bump(&entries.last().unwrap().version, entry.required_bump());
        entries.push(entry);
    }
    (entries, interp.state)
}

fn list_of(state: &State) -> List {
    let meta: ListMeta = toml::from_str("title = \"t\"\nversion = \"1.0.0\"\n").unwrap();
    let mut list = List::new(holder(), meta);
    list.items = state.items.iter().map(|i| (**i).clone()).collect();
    list.items.sort_by(Item::published_order);
    list.agreements = state.agreements.clone();
    list.agreements.sort_by(|a, b| a.id.cmp(&b.id));
    list
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_histories_replay_count_resolve_and_never_reuse_codes(
        groups in prop::collection::vec(prop::collection::vec(intent(), 1..6), 1..8),
    ) {
        let mut mismatches = Vec::new();
        let (entries, state) = generate(&groups, |before, op, after, date| {
            let (i0, u0) = totals(before, date);
            let (i1, u1) = totals(after, date);
            let got = (i1 as isize - i0 as isize, u1 as isize - u0 as isize);
            let want = expected_delta(before, op, date);
            if got != want {
                mismatches.push(format!("{}: counts changed by {got:?}, the operation says {want:?}", op.kind().id()));
            }
        });
        prop_assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));

        // Replay equals applying one by one; versions increase with a
        // sufficient bump; dates do not go back.
        let history = History::replay(&holder(), entries.iter()).unwrap();
        prop_assert_eq!(&history.head().unwrap().state, &state);
        for pair in entries.windows(2) {
            let b = Bump::between(&pair[0].version, &pair[1].version).unwrap();
            prop_assert!(b >= pair[1].required_bump());
            prop_assert!(pair[0].date <= pair[1].date);
        }

        // Entries survive TOML.
        for e in &entries {
            let text = toml::to_string_pretty(e).unwrap();
            let back: Entry = toml::from_str(&text).unwrap();
            prop_assert_eq!(&back, e);
        }

        // No code is ever reused.
        let mut seen = HashSet::new();
        for i in &state.items {
            for c in std::iter::once(&i.code).chain(&i.former_codes).chain(i.sub.iter().map(|s| &s.code)) {
                prop_assert!(seen.insert(c.to_string()), "code {} used twice", c);
            }
        }

        // Every code ever used resolves, to codes in force or to an end.
        let head = &history.head().unwrap().state;
        for i in &head.items {
            for c in std::iter::once(&i.code).chain(&i.former_codes) {
                let r = history.resolve(c.as_str(), None).unwrap();
                prop_assert!(!r.outcomes.is_empty(), "{} resolves to nothing", c);
                for o in &r.outcomes {
                    match &o.code {
                        Some(now) => {
                            let target = head.items.iter().find(|x| x.code.as_str() == now).unwrap();
                            prop_assert!(!target.status.is_ended(), "{} resolves to ended {}", c, now);
                        }
                        None => {
                            let id = o.item.as_ref().unwrap();
                            let ended = head.item(id).unwrap();
                            prop_assert!(ended.status.is_ended() && ended.successors.is_empty());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn diffs_between_random_versions_are_empty_mirrored_and_applicable_and_agree_with_unit_changes(
        groups in prop::collection::vec(prop::collection::vec(intent(), 1..6), 1..6),
    ) {
        let (entries, _) = generate(&groups, |_, _, _, _| {});
        let history = History::replay(&holder(), entries.iter()).unwrap();
        let mut reg = Registry::new("memory");
        reg.lists.insert(holder(), list_of(&State::default()));
        let side = |n: usize| quanze::Side {
            label: entries[n].version.to_string(),
            version: entries[n].version.clone(),
            date: entries[n].date,
        };
        for i in 0..history.versions.len() {
            for j in 0..history.versions.len() {
                let (a, b) = (list_of(&history.versions[i].state), list_of(&history.versions[j].state));
                let cs = ChangeSet::compare(&reg, &a, side(i), &b, side(j));
                if i == j {
                    prop_assert!(cs.is_empty(), "diff(a, a) is not empty");
                }
                // The unit-level change from checkpoints equals the naive
                // comparison of the units' values, is empty from a version
                // to itself, mirrors when reversed, and touches exactly the
                // items the record-level ChangeSet reports.
                let u = quanze::query::units::between(&a, &b);
                let (added, removed, changed) = naive_units(&a, &b);
                prop_assert_eq!(&u.added, &added);
                prop_assert_eq!(&u.removed, &removed);
                let got: Vec<(String, Vec<String>)> = u
                    .changed
                    .iter()
                    .map(|c| (c.unit.clone(), u.column_names(c).map(str::to_owned).collect()))
                    .collect();
                prop_assert_eq!(&got, &changed);
                if i == j {
                    prop_assert!(u.is_empty());
                }
                let back = quanze::query::units::between(&b, &a);
                prop_assert_eq!(&back.added, &u.removed);
                prop_assert_eq!(&back.removed, &u.added);
                prop_assert_eq!(back.changed.len(), u.changed.len());
                // The items touched are the items the ChangeSet reports.
                let item_of = |k: &str| k.split('/').next().unwrap().to_owned();
                let ids: std::collections::BTreeSet<String> = u
                    .added
                    .iter()
                    .chain(&u.removed)
                    .chain(u.changed.iter().map(|c| &c.unit))
                    .map(|k| item_of(k))
                    .collect();
                let cs_ids: std::collections::BTreeSet<String> = cs
                    .items
                    .iter()
                    .map(|c| c.after.as_ref().or(c.before.as_ref()).unwrap().id.to_string())
                    .collect();
                prop_assert_eq!(ids, cs_ids, "{} → {}", i, j);

                // Applying diff(a, b) to a gives b.
                let (items, agreements) = cs.apply_to(&a).unwrap();
                prop_assert_eq!(&items, &b.items, "{} → {}", i, j);
                prop_assert_eq!(&agreements, &b.agreements);
                // diff(b, a) is the mirror image of diff(a, b).
                let back = ChangeSet::compare(&reg, &b, side(j), &a, side(i));
                prop_assert_eq!(back.items.len(), cs.items.len());
                for c in &cs.items {
                    let id = c.after.as_ref().or(c.before.as_ref()).unwrap().id.clone();
                    let m = back.items.iter().find(|x| x.after.as_ref().or(x.before.as_ref()).unwrap().id == id).unwrap();
                    let mirrored = match c.kind {
                        quanze::ChangeKind::Added => quanze::ChangeKind::Removed,
                        quanze::ChangeKind::Removed => quanze::ChangeKind::Added,
                        quanze::ChangeKind::Changed => quanze::ChangeKind::Changed,
                    };
                    prop_assert_eq!(m.kind, mirrored);
                    prop_assert_eq!(&m.record, &c.record);
                    prop_assert_eq!(m.ended.is_some(), c.restored);
                    let swapped: Vec<(String, Option<serde_json::Value>, Option<serde_json::Value>)> =
                        c.fields.iter().map(|f| (f.path.clone(), f.after.clone(), f.before.clone())).collect();
                    let theirs: Vec<(String, Option<serde_json::Value>, Option<serde_json::Value>)> =
                        m.fields.iter().map(|f| (f.path.clone(), f.before.clone(), f.after.clone())).collect();
                    let mut x = swapped.clone();
                    let mut y = theirs.clone();
                    x.sort_by(|p, q| p.0.cmp(&q.0));
                    y.sort_by(|p, q| p.0.cmp(&q.0));
                    prop_assert_eq!(x, y);
                }
                // Count deltas equal stats(b) − stats(a), on each side's date.
                for c in &cs.counts {
                    let count = |l: &List, d: Date| {
                        let mut r = Registry::new("memory");
                        r.lists.insert(holder(), l.clone());
                        Stats::compute(&r, r.list("bureau").unwrap(), d).categories[c.category.id()]
                    };
                    prop_assert_eq!(c.before, count(&a, entries[i].date));
                    prop_assert_eq!(c.after, count(&b, entries[j].date));
                    let m = back.counts.iter().find(|x| x.category == c.category).unwrap();
                    prop_assert_eq!((m.before, m.after), (c.after, c.before));
                }
            }
        }
    }

    #[test]
    fn any_single_byte_change_to_a_past_entry_is_detected(
        which in 0usize..2, at in any::<prop::sample::Index>(), byte in any::<u8>(),
    ) {
        let tmp = tempfile::tempdir().unwrap();
        copy_dir(std::path::Path::new("tests/fixtures/valid/with-history"), tmp.path());
        let file = tmp.path().join(["test-bureau/changelog/1.0.0.toml", "test-bureau/changelog/1.1.0.toml"][which]);
        let mut bytes = std::fs::read(&file).unwrap();
        let i = at.index(bytes.len());
        prop_assume!(bytes[i] != byte);
        bytes[i] = byte;
        std::fs::write(&file, &bytes).unwrap();
        let loaded = Registry::load(tmp.path()).unwrap();
        let mut problems = loaded.problems;
        problems.extend(loaded.registry.validate(Date::new(2026, 11, 28).unwrap()));
        prop_assert!(!problems.is_empty(), "changing byte {} of {} to {:#04x} went unnoticed", i, file.display(), byte);
    }
}

/// The unit-level change of two lists computed naively, from the units'
/// column values (no checkpoints, no hashes): added, removed, and changed
/// units with the names of the columns that differ.
/// Added, removed, changed (with column names).
type Naive = (Vec<String>, Vec<String>, Vec<(String, Vec<String>)>);

fn naive_units(a: &List, b: &List) -> Naive {
    use std::collections::BTreeMap;
    let map = |l: &List| -> BTreeMap<String, BTreeMap<String, String>> {
        quanze::query::units::units(l)
            .into_iter()
            .map(|u| (u.key, u.columns.into_iter().collect()))
            .collect()
    };
    let (ma, mb) = (map(a), map(b));
    let added = mb
        .keys()
        .filter(|k| !ma.contains_key(*k))
        .cloned()
        .collect();
    let removed = ma
        .keys()
        .filter(|k| !mb.contains_key(*k))
        .cloned()
        .collect();
    let mut changed = Vec::new();
    for (k, ca) in &ma {
        let Some(cb) = mb.get(k) else { continue };
        let mut names: Vec<String> = ca
            .keys()
            .chain(cb.keys())
            .filter(|n| ca.get(*n) != cb.get(*n))
            .cloned()
            .collect();
        names.sort();
        names.dedup();
        if !names.is_empty() {
            changed.push((k.clone(), names));
        }
    }
    (added, removed, changed)
}
