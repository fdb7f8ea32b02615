//! Unit-level change sets from checkpoints (`Registry::unit_changes`,
//! `quanze changes`): the cache never changes an answer.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::fs;
use std::path::Path;

use common::{copy_dir, count_prefixed, scratch_registry, settle};
use quanze::query::units::UnitChanges;
use quanze::{LoadOptions, Point, Registry};

fn points() -> Vec<Point> {
    let reg = Registry::load("registry").unwrap().registry;
    let list = reg.list("guangzhou-gxj").unwrap().clone();
    let mut p: Vec<Point> = list
        .log
        .iter()
        .map(|e| Point::Version(e.entry.version.clone()))
        .collect();
    p.push(Point::Date("2021-12-31".parse().unwrap()));
    p.push(Point::Files);
    p
}

/// The city list only: its versions are not the province's.
fn changes(root: &Path, cache: Option<&Path>, from: &Point, to: &Point) -> Vec<UnitChanges> {
    let mut o = LoadOptions::default().only(["guangzhou-gxj"]);
    if let Some(c) = cache {
        o = o.cache(c);
    }
    Registry::unit_changes(root, &o, from, to)
        .unwrap()
        .into_iter()
        .map(|r| r.unwrap())
        .collect()
}

/// Every pair of points of the bundled registry: the same answer without a
/// cache, with a cold one and a warm one, and from the lists in memory.
#[test]
fn checkpoints_give_what_the_lists_give() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    copy_dir(Path::new("registry"), &root);
    settle();
    let root = root.as_path();
    let list = Registry::load(root)
        .unwrap()
        .registry
        .list("guangzhou-gxj")
        .unwrap()
        .clone();
    let at = |p: &Point| match p {
        Point::Files => list.clone(),
        Point::Version(v) => list.at_version(v).unwrap(),
        Point::Date(d) => list.as_of(*d).unwrap(),
    };
    let cache = tempfile::tempdir().unwrap();
    let mut nonempty = 0;
    for from in &points() {
        for to in &points() {
            let plain = changes(root, None, from, to);
            let cold = changes(root, Some(cache.path()), from, to);
            let warm = changes(root, Some(cache.path()), from, to);
            let memory = quanze::query::units::between(&at(from), &at(to));
            assert_eq!(plain, cold, "{from:?} → {to:?}");
            assert_eq!(plain, warm, "{from:?} → {to:?}");
            assert_eq!(plain, vec![memory], "{from:?} → {to:?}");
            nonempty += usize::from(!plain[0].is_empty());
        }
    }
    assert!(nonempty > 20, "only {nonempty} pairs differ");
    // Checkpoints were kept: one per point (the files' and 2021-12-31's
    // are their own).
    let kept = count_prefixed(cache.path(), "units-");
    assert_eq!(kept, points().len());
}

/// Edit, ask, edit back: kept checkpoints follow every edit, a corrupt one
/// is made again, and only the files a point depends on must read cleanly.
#[test]
fn kept_checkpoints_follow_edits() {
    let (_tmp, root, cache) = scratch_registry();
    let from = Point::Version("4.0.0".parse().unwrap());
    let to = Point::Files;
    settle();
    let before = changes(&root, Some(&cache), &from, &to);
    assert_eq!(before, changes(&root, None, &from, &to));

    // Rename an item in the files: the warm answer shows it.
    let file = root.join("guangzhou-gxj/items/licensing.toml");
    let text = fs::read_to_string(&file).unwrap();
    let edited = text.replacen("\nname = \"", "\nname = \"调整后", 1);
    fs::write(&file, &edited).unwrap();
    let after = changes(&root, Some(&cache), &from, &to);
    assert_eq!(after, changes(&root, None, &from, &to));
    assert_ne!(after, before);
    let l = &after[0];
    assert!(
        l.changed
            .iter()
            .any(|c| l.column_names(c).any(|n| n == "name")),
        "{l:?}"
    );
    fs::write(&file, &text).unwrap();
    assert_eq!(changes(&root, Some(&cache), &from, &to), before);

    // A corrupt checkpoint is made again.
    for e in fs::read_dir(&cache).unwrap() {
        let p = e.unwrap().path();
        if p.file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("units-")
        {
            let b = fs::read(&p).unwrap();
            fs::write(&p, &b[..b.len() / 2]).unwrap();
        }
    }
    assert_eq!(changes(&root, Some(&cache), &from, &to), before);

    // A broken item file: version to version still answers (cold and
    // warm alike), anything involving the files says why it cannot.
    fs::write(&file, text.replacen("category = ", "category = =", 1)).unwrap();
    let v = Point::Version("2.0.0".parse().unwrap());
    for cache in [None, Some(cache.as_path())] {
        let mut o = LoadOptions::default().only(["guangzhou-gxj"]);
        if let Some(c) = cache {
            o = o.cache(c);
        }
        let ok = Registry::unit_changes(&root, &o, &v, &from).unwrap();
        assert!(ok[0].is_ok(), "{:?}", ok[0]);
        let err = Registry::unit_changes(&root, &o, &v, &to).unwrap();
        let e = err[0].as_ref().unwrap_err();
        assert!(
            matches!(e, quanze::query::units::UnitsError::Unreadable { first, .. } if first.file.ends_with("items/licensing.toml")),
            "{e}"
        );
    }
    // A version the log does not have.
    let none = Point::Version("9.9.9".parse().unwrap());
    let err = Registry::unit_changes(&root, &LoadOptions::default(), &none, &v).unwrap();
    assert!(matches!(
        err[0].as_ref().unwrap_err(),
        quanze::query::units::UnitsError::History(quanze::history::Error::NoVersion { version, .. })
            if version.to_string() == "9.9.9"
    ));
}
