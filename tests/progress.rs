//! The progress callback: told once per list, with the count of lists.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used)]

use std::sync::{Arc, Mutex};

use quanze::{CheckOptions, LoadOptions, Point, Progress, Registry};

/// What the callback was told, in order.
type Seen = Arc<Mutex<Vec<(usize, usize)>>>;

fn recorder() -> (Progress, Seen) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let s = Arc::clone(&seen);
    (
        Progress::new(move |done, total| s.lock().unwrap().push((done, total))),
        seen,
    )
}

#[test]
fn each_list_is_told_once_with_the_total() {
    for root in ["registry", "tests/fixtures/valid/with-history"] {
        let lists = Registry::list_names(root).unwrap().len();
        let (p, seen) = recorder();
        let o = LoadOptions::default().progress(p);
        Registry::check(
            root,
            &CheckOptions::new("2026-01-01".parse().unwrap()).load(o.clone()),
        )
        .unwrap();
        Registry::load_with(root, &o).unwrap();
        let v = Point::Version("1.0.0".parse().unwrap());
        Registry::unit_changes(root, &o, &v, &Point::Files).unwrap();
        let mut seen = seen.lock().unwrap().clone();
        assert_eq!(seen.len(), 3 * lists, "{root}");
        assert!(
            seen.iter()
                .all(|&(d, t)| t == lists && (1..=t).contains(&d))
        );
        seen.sort();
        assert_eq!(seen.last(), Some(&(lists, lists)));
    }
}
