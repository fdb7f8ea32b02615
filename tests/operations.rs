//! Every operation kind: its effect, what it rejects (with the message), and
//! the semver bump it requires. A test fails if an operation kind has no case.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;

use quanze::{Bump, Date, Id, Item, Op, OpKind, State, Status};

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn holder() -> Id {
    "bureau".parse().unwrap()
}

fn item(toml_text: &str) -> Item {
    toml::from_str(toml_text).unwrap()
}

fn own(id: &str, code: &str, category: &str) -> Item {
    item(&format!(
        "id = \"{id}\"\ncode = \"{code}\"\nname = \"事项{code}\"\ncategory = \"{category}\"\neffective = \"2020-01-01\"\nbody = \"局\"\n"
    ))
}

fn op(text: &str) -> Op {
    #[derive(serde::Deserialize)]
    struct W {
        op: Vec<Op>,
    }
    let w: W = toml::from_str(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    w.op.into_iter().next().unwrap()
}

/// A state with: own items A-1 (licensing, one sub), A-2, A-3 (penalty); an
/// agreement `agr` with `prov` listing `e-1`; the entrusted item E-1.
fn base() -> State {
    let mut s = State::default();
    let d = date("2020-01-01");
    let mut a1 = own("a-1", "A-1", "licensing");
    a1.sub
        .push(toml::from_str("code = \"A-1-01\"\nname = \"核发\"\n").unwrap());
    for i in [
        a1,
        own("a-2", "A-2", "licensing"),
        own("a-3", "A-3", "penalty"),
    ] {
        s.apply_op(
            &holder(),
            d,
            &Op::Add {
                item: std::sync::Arc::new(i),
            },
        )
        .unwrap();
    }
    s.apply_op(
        &holder(),
        d,
        &op(r#"
[[op]]
kind = "agreement-sign"
[op.agreement]
id = "agr"
title = "协议"
entruster = "prov"
entrusted = "bureau"
signed = "2019-12-01"
term_start = "2020-01-01"
[[op.agreement.items]]
item = "e-1"
scope = ["accept"]
"#),
    )
    .unwrap();
    let mut e1 = own("e-1", "E-1", "licensing");
    e1.source = quanze::Source::Entrusted;
    e1.grantor = Some("prov".parse().unwrap());
    s.apply_op(
        &holder(),
        d,
        &Op::ReceiveEntrusted {
            item: std::sync::Arc::new(e1),
            agreement: "agr".parse().unwrap(),
        },
    )
    .unwrap();
    s
}

fn get<'a>(s: &'a State, id: &str) -> &'a Item {
    s.item(&id.parse().unwrap()).unwrap()
}

type Check = fn(&State);

/// (operation, check of its effect, required bump).
fn valid_cases() -> Vec<(Op, Check, Bump)> {
    vec![
        (
            Op::Add {
                item: std::sync::Arc::new(own("n-1", "N-1", "other")),
            },
            |s| assert_eq!(get(s, "n-1").status, Status::InForce),
            Bump::Minor,
        ),
        (
            op("[[op]]\nkind = \"cancel\"\ncode = \"A-2\"\n"),
            |s| {
                let i = get(s, "a-2");
                assert_eq!(
                    (i.status, i.ended),
                    (Status::Cancelled, Some(date("2021-07-01")))
                );
            },
            Bump::Major,
        ),
        (
            op(
                "[[op]]\nkind = \"modify\"\ncode = \"A-2\"\nunset = []\n[op.set]\nname = \"新名称\"\nunit = \"电力处\"\n",
            ),
            |s| {
                let i = get(s, "a-2");
                assert_eq!(
                    (i.name.as_str(), i.unit.as_deref()),
                    ("新名称", Some("电力处"))
                );
            },
            Bump::Patch,
        ),
        (
            op("[[op]]\nkind = \"merge\"\ncodes = [\"A-2\", \"A-3\"]\ninto = \"A-1\"\n"),
            |s| {
                for id in ["a-2", "a-3"] {
                    let i = get(s, id);
                    assert_eq!(i.status, Status::Merged);
                    assert_eq!(i.successors, vec!["a-1".parse::<Id>().unwrap()]);
                }
            },
            Bump::Major,
        ),
        (
            op(r#"
[[op]]
kind = "split"
code = "A-2"
[[op.items]]
id = "s-1"
code = "S-1"
name = "甲"
category = "licensing"
effective = "2021-07-01"
body = "局"
[[op.items]]
id = "s-2"
code = "S-2"
name = "乙"
category = "licensing"
effective = "2021-07-01"
body = "局"
"#),
            |s| {
                let i = get(s, "a-2");
                assert_eq!(i.status, Status::Split);
                assert_eq!(i.successors.len(), 2);
                assert_eq!(get(s, "s-2").status, Status::InForce);
            },
            Bump::Major,
        ),
        (
            op("[[op]]\nkind = \"recode\"\ncode = \"A-2\"\nto = \"B-2\"\n"),
            |s| {
                let i = get(s, "a-2");
                assert_eq!(i.code.as_str(), "B-2");
                assert_eq!(i.former_codes[0].as_str(), "A-2");
            },
            Bump::Major,
        ),
        (
            op(
                "[[op]]\nkind = \"reclassify\"\ncode = \"A-2\"\ncategory = \"other\"\nto = \"QT-2\"\n",
            ),
            |s| {
                let i = get(s, "a-2");
                assert_eq!(
                    (i.category, i.code.as_str()),
                    (quanze::Category::Other, "QT-2")
                );
            },
            Bump::Major,
        ),
        (
            op(r#"
[[op]]
kind = "receive-devolved"
[op.item]
id = "d-1"
code = "D-1"
name = "下放事项"
category = "licensing"
effective = "2021-07-01"
source = "devolved"
grantor = "prov"
source_documents = ["文1"]
body = "局"
"#),
            |s| assert_eq!(get(s, "d-1").source, quanze::Source::Devolved),
            Bump::Minor,
        ),
        (
            op("[[op]]\nkind = \"devolve-out\"\ncode = \"A-2\"\n"),
            |s| assert_eq!(get(s, "a-2").status, Status::DevolvedOut),
            Bump::Major,
        ),
        (
            Op::ReceiveEntrusted {
                item: std::sync::Arc::new(item(
                    "id = \"e-1\"\ncode = \"E-9\"\nname = \"委托事项\"\ncategory = \"licensing\"\neffective = \"2021-07-01\"\nsource = \"entrusted\"\ngrantor = \"prov\"\nbody = \"局\"\n",
                )),
                agreement: "agr".parse().unwrap(),
            },
            |s| {
                let i = get(s, "e-1");
                assert_eq!(
                    (i.code.as_str(), i.source),
                    ("E-9", quanze::Source::Entrusted)
                );
            },
            Bump::Minor,
        ),
        (
            op("[[op]]\nkind = \"withdraw\"\ncode = \"E-1\"\n"),
            |s| assert_eq!(get(s, "e-1").status, Status::Withdrawn),
            Bump::Major,
        ),
        (
            op("[[op]]\nkind = \"suspend\"\ncode = \"A-2\"\n"),
            |s| assert_eq!(get(s, "a-2").status, Status::Suspended),
            Bump::Major,
        ),
        (
            op("[[op]]\nkind = \"resume\"\ncode = \"A-2\"\n"),
            |s| assert_eq!(get(s, "a-2").status, Status::InForce),
            Bump::Minor,
        ),
        (
            op(
                "[[op]]\nkind = \"sub-add\"\ncode = \"A-1\"\n[op.sub]\ncode = \"A-1-02\"\nname = \"变更\"\n",
            ),
            |s| assert_eq!(get(s, "a-1").sub.len(), 2),
            Bump::Minor,
        ),
        (
            op("[[op]]\nkind = \"sub-remove\"\ncode = \"A-1\"\nsub = \"A-1-01\"\n"),
            |s| assert_eq!(get(s, "a-1").sub[0].status, Status::Cancelled),
            Bump::Major,
        ),
        (
            op(
                "[[op]]\nkind = \"sub-modify\"\ncode = \"A-1\"\nsub = \"A-1-01\"\n[op.set]\nname = \"新办\"\n",
            ),
            |s| assert_eq!(get(s, "a-1").sub[0].name, "新办"),
            Bump::Patch,
        ),
        (
            op(r#"
[[op]]
kind = "agreement-sign"
[op.agreement]
id = "agr-2"
title = "协议二"
entruster = "prov"
entrusted = "bureau"
signed = "2021-06-01"
term_start = "2021-07-01"
items = []
"#),
            |s| assert_eq!(s.agreements.len(), 2),
            Bump::Minor,
        ),
        (
            op(
                "[[op]]\nkind = \"agreement-amend\"\nagreement = \"agr\"\n[op.set]\ntitle = \"新协议名称\"\n",
            ),
            |s| assert_eq!(s.agreements[0].title, "新协议名称"),
            Bump::Patch,
        ),
        (
            op(
                "[[op]]\nkind = \"agreement-end\"\nagreement = \"agr\"\nterm_end = \"2021-06-30\"\n",
            ),
            |s| assert_eq!(s.agreements[0].term_end, Some(date("2021-06-30"))),
            Bump::Patch,
        ),
    ]
}

#[test]
fn each_operation_has_its_effect_and_bump() {
    let mut covered = HashSet::new();
    for (op, check, bump) in valid_cases() {
        let kind = op.kind();
        let mut s = base();
        if kind == OpKind::Resume {
            s.apply_op(
                &holder(),
                date("2021-01-01"),
                &Op::Suspend {
                    code: "A-2".parse().unwrap(),
                },
            )
            .unwrap();
        }
        if kind == OpKind::ReceiveEntrusted {
            // A fresh state whose agreement lists the item that is received.
            let mut fresh = base();
            fresh.items.retain(|i| i.id.as_str() != "e-1");
            s = fresh;
        }
        s.apply_op(&holder(), date("2021-07-01"), &op)
            .unwrap_or_else(|e| panic!("{}: {e}", kind.id()));
        check(&s);
        assert_eq!(kind.bump(), bump, "{}", kind.id());
        covered.insert(kind);
    }
    for k in OpKind::ALL {
        assert!(
            covered.contains(k),
            "operation `{}` has no test case",
            k.id()
        );
    }
}

#[test]
fn operations_reject_what_does_not_fit() {
    let cases: Vec<(&str, &str)> = vec![
        (
            "[[op]]\nkind = \"cancel\"\ncode = \"Z-9\"\n",
            "no item has code `Z-9`",
        ),
        (
            "[[op]]\nkind = \"merge\"\ncodes = [\"A-2\"]\ninto = \"Z-9\"\n",
            "no item has code `Z-9`",
        ),
        (
            "[[op]]\nkind = \"merge\"\ncodes = [\"A-2\"]\ninto = \"A-2\"\n",
            "`A-2` cannot merge into itself",
        ),
        (
            "[[op]]\nkind = \"merge\"\ncodes = [\"A-2\"]\n",
            "`merge` takes either `into`",
        ),
        (
            "[[op]]\nkind = \"recode\"\ncode = \"A-2\"\nto = \"A-3\"\n",
            "code `A-3` is already used or was used before",
        ),
        (
            "[[op]]\nkind = \"recode\"\ncode = \"A-2\"\nto = \"A-1-01\"\n",
            "code `A-1-01` is already used or was used before",
        ),
        (
            "[[op]]\nkind = \"withdraw\"\ncode = \"A-2\"\n",
            "only entrusted or devolved items are withdrawn",
        ),
        (
            "[[op]]\nkind = \"resume\"\ncode = \"A-2\"\n",
            "`A-2` is not suspended",
        ),
        (
            "[[op]]\nkind = \"reclassify\"\ncode = \"A-2\"\ncategory = \"licensing\"\n",
            "already in category `licensing`",
        ),
        (
            "[[op]]\nkind = \"sub-remove\"\ncode = \"A-1\"\nsub = \"A-1-09\"\n",
            "item `A-1` has no sub-item `A-1-09`",
        ),
        (
            "[[op]]\nkind = \"sub-add\"\ncode = \"A-2\"\n[op.sub]\ncode = \"A-1-01\"\nname = \"x\"\n",
            "code `A-1-01` is already used",
        ),
        (
            "[[op]]\nkind = \"modify\"\ncode = \"A-2\"\n[op.set]\ncode = \"X\"\n",
            "`code` cannot be changed here: use `recode`",
        ),
        (
            "[[op]]\nkind = \"modify\"\ncode = \"A-2\"\n[op.set]\nnmae = \"X\"\n",
            "unknown field `nmae`",
        ),
        (
            "[[op]]\nkind = \"modify\"\ncode = \"A-2\"\n[op.set]\nname = \"事项A-2\"\n",
            "changes nothing",
        ),
        (
            "[[op]]\nkind = \"modify\"\ncode = \"A-2\"\nunset = [\"remarks\"]\n",
            "`remarks` is not set",
        ),
        (
            "[[op]]\nkind = \"agreement-end\"\nagreement = \"agr\"\nterm_end = \"2019-01-01\"\n",
            "before its term starts",
        ),
        (
            "[[op]]\nkind = \"agreement-amend\"\nagreement = \"nope\"\n[op.set]\ntitle = \"x\"\n",
            "no agreement `nope` has been signed",
        ),
        (
            "[[op]]\nkind = \"split\"\ncode = \"A-2\"\n[[op.items]]\nid = \"s-1\"\ncode = \"S-1\"\nname = \"甲\"\ncategory = \"licensing\"\neffective = \"2021-07-01\"\nbody = \"局\"\n",
            "`split` needs at least two new items",
        ),
        (
            "[[op]]\nkind = \"add\"\n[op.item]\nid = \"x-1\"\ncode = \"A-2\"\nname = \"重复\"\ncategory = \"other\"\neffective = \"2021-07-01\"\nbody = \"局\"\n",
            "code `A-2` is already used or was used before; codes are never reused",
        ),
        (
            "[[op]]\nkind = \"add\"\n[op.item]\nid = \"x-1\"\ncode = \"X-1\"\nname = \"下放\"\ncategory = \"other\"\neffective = \"2021-07-01\"\nsource = \"devolved\"\ngrantor = \"prov\"\nbody = \"局\"\n",
            "`add` takes an item whose source is own or authorized, not `devolved`",
        ),
        (
            "[[op]]\nkind = \"receive-entrusted\"\nagreement = \"none\"\n[op.item]\nid = \"x-1\"\ncode = \"X-1\"\nname = \"委托\"\ncategory = \"other\"\neffective = \"2021-07-01\"\nsource = \"entrusted\"\ngrantor = \"prov\"\nbody = \"局\"\n",
            "no agreement `none` has been signed; sign it first",
        ),
        (
            "[[op]]\nkind = \"receive-entrusted\"\nagreement = \"agr\"\n[op.item]\nid = \"x-1\"\ncode = \"X-1\"\nname = \"委托\"\ncategory = \"other\"\neffective = \"2021-07-01\"\nsource = \"entrusted\"\ngrantor = \"prov\"\nbody = \"局\"\n",
            "agreement `agr` does not list item `x-1`; amend it first",
        ),
    ];
    for (text, expected) in cases {
        let mut s = base();
        let before = s.clone();
        let err = s
            .apply_op(&holder(), date("2021-07-01"), &op(text))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(expected),
            "{text}\n→ {err}\nexpected: {expected}"
        );
        assert_eq!(
            s.items.len(),
            before.items.len(),
            "a rejected operation changes nothing"
        );
    }
}

#[test]
fn an_ended_code_stays_reserved_and_cannot_be_operated_on() {
    let mut s = base();
    let d = date("2021-07-01");
    s.apply_op(
        &holder(),
        d,
        &op("[[op]]\nkind = \"cancel\"\ncode = \"A-2\"\n"),
    )
    .unwrap();
    let err = s
        .apply_op(
            &holder(),
            d,
            &op("[[op]]\nkind = \"cancel\"\ncode = \"A-2\"\n"),
        )
        .unwrap_err()
        .to_string();
    assert_eq!(err, "`A-2` is not in force: it was cancelled on 2021-07-01");
    s.apply_op(
        &holder(),
        d,
        &op("[[op]]\nkind = \"recode\"\ncode = \"A-3\"\nto = \"B-3\"\n"),
    )
    .unwrap();
    let err = s
        .apply_op(
            &holder(),
            d,
            &op("[[op]]\nkind = \"suspend\"\ncode = \"A-3\"\n"),
        )
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "`A-3` was recoded to `B-3`; operations name the current code"
    );
    let mut reuse = own("z-1", "A-3", "other");
    reuse.effective = d;
    let err = s
        .apply_op(
            &holder(),
            d,
            &Op::Add {
                item: std::sync::Arc::new(reuse),
            },
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("codes are never reused"), "{err}");
}

#[test]
fn a_rejected_entry_changes_nothing() {
    let mut s = base();
    let before = s.clone();
    let entry: quanze::Entry = toml::from_str(
        "version = \"2.0.0\"\ndate = \"2021-07-01\"\n[[op]]\nkind = \"cancel\"\ncode = \"A-2\"\n[[op]]\nkind = \"cancel\"\ncode = \"Z-9\"\n",
    )
    .unwrap();
    let err = s.apply(&holder(), &entry).unwrap_err();
    assert_eq!(err.index, 1);
    assert_eq!(s, before, "all operations of an entry apply, or none");
}

#[test]
fn the_bump_of_an_entry_is_its_largest() {
    let entry: quanze::Entry = toml::from_str(
        "version = \"2.0.0\"\ndate = \"2021-07-01\"\n[[op]]\nkind = \"modify\"\ncode = \"A-2\"\n[op.set]\nname = \"x\"\n[[op]]\nkind = \"cancel\"\ncode = \"A-3\"\n",
    )
    .unwrap();
    assert_eq!(entry.required_bump(), Bump::Major);
    let v = |s: &str| s.parse::<quanze::Version>().unwrap();
    assert_eq!(Bump::between(&v("1.2.3"), &v("2.0.0")), Some(Bump::Major));
    assert_eq!(Bump::between(&v("1.2.3"), &v("1.3.0")), Some(Bump::Minor));
    assert_eq!(Bump::between(&v("1.2.3"), &v("1.2.4")), Some(Bump::Patch));
    assert_eq!(Bump::between(&v("1.2.3"), &v("1.2.3")), None);
    assert_eq!(Bump::between(&v("1.2.3"), &v("1.0.9")), None);
}

#[test]
fn nothing_ends_on_the_day_it_takes_effect() {
    let mut s = base();
    let d = date("2021-07-01");
    let mut new = own("n-1", "N-1", "other");
    new.effective = d;
    s.apply_op(
        &holder(),
        d,
        &Op::Add {
            item: std::sync::Arc::new(new),
        },
    )
    .unwrap();
    let err = s
        .apply_op(
            &holder(),
            d,
            &op("[[op]]\nkind = \"cancel\"\ncode = \"N-1\"\n"),
        )
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "`N-1` takes effect on 2021-07-01; an adjustment dated 2021-07-01 cannot end it (it would never be in force)"
    );
    s.apply_op(&holder(), d, &op("[[op]]\nkind = \"sub-add\"\ncode = \"A-2\"\n[op.sub]\ncode = \"A-2-01\"\nname = \"新办\"\neffective = \"2021-07-01\"\n"))
        .unwrap();
    let err = s
        .apply_op(
            &holder(),
            d,
            &op("[[op]]\nkind = \"sub-remove\"\ncode = \"A-2\"\nsub = \"A-2-01\"\n"),
        )
        .unwrap_err()
        .to_string();
    assert!(err.contains("cannot end it"), "{err}");
}

#[test]
fn a_first_sub_item_needs_the_item_implementation_moved() {
    let mut s = base();
    let d = date("2021-07-01");
    let mut with_limits = own("w-1", "W-1", "licensing");
    with_limits.implementation = Some(quanze::Implementation {
        legal_days: Some(20),
        promised_days: Some(10),
        handling: Some(quanze::Handling::Promised),
        ..Default::default()
    });
    s.apply_op(
        &holder(),
        date("2020-01-01"),
        &Op::Add {
            item: std::sync::Arc::new(with_limits),
        },
    )
    .unwrap();
    let add_sub = op(
        "[[op]]\nkind = \"sub-add\"\ncode = \"W-1\"\n[op.sub]\ncode = \"W-1-01\"\nname = \"新办\"\n",
    );
    let err = s.apply_op(&holder(), d, &add_sub).unwrap_err().to_string();
    assert!(err.contains("unset them first"), "{err}");
    // Unset in the same entry, then add: accepted.
    s.apply_op(
        &holder(),
        d,
        &op("[[op]]\nkind = \"modify\"\ncode = \"W-1\"\nunset = [\"implementation\"]\n"),
    )
    .unwrap();
    s.apply_op(&holder(), d, &add_sub).unwrap();
}
