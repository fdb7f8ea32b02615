//! The examples in the docs are tested:
//!
//! - every ```toml block whose first line is `# file: PATH` is written into a
//!   temporary registry, which must pass `quanze check`;
//! - every ```text block right after a `<!-- quanze: ARGS -->` line must be
//!   exactly what `quanze ARGS` prints: against that temporary registry when
//!   the page has one, else against the bundled registry;
//! - the rules table of docs/format.md names every rule with its description.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;
use std::process::Command;

use quanze::Rule;

/// (info string, first line, body) of every fenced block, and the comment line
/// just before each.
fn blocks(md: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut lines = md.lines().peekable();
    let mut previous = String::new();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```") {
            let mut body = String::new();
            for l in lines.by_ref() {
                if l.starts_with("```") {
                    break;
                }
                body.push_str(l);
                body.push('\n');
            }
            out.push((info.to_owned(), previous.clone(), body));
            previous.clear();
        } else if !line.trim().is_empty() {
            previous = line.to_owned();
        }
    }
    out
}

fn check_page(page: &str) -> usize {
    let md = fs::read_to_string(page).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let mut has_registry = false;
    for (info, _, body) in blocks(&md) {
        if info != "toml" {
            continue;
        }
        if let Some(path) = body.lines().next().and_then(|l| l.strip_prefix("# file: ")) {
            let target = tmp.path().join(path.trim());
            fs::create_dir_all(target.parent().unwrap()).unwrap();
            fs::write(&target, &body).unwrap();
            has_registry = true;
        }
    }
    let registry = if has_registry {
        let loaded = quanze::Registry::load(tmp.path()).unwrap();
        let mut problems = loaded.problems;
        problems.extend(loaded.registry.validate("2026-11-28".parse().unwrap()));
        assert!(
            problems.is_empty(),
            "{page}: the example registry has problems:\n{}",
            problems.iter().map(|d| d.render()).collect::<String>()
        );
        tmp.path().to_owned()
    } else {
        Path::new("registry").to_owned()
    };
    let mut ran = 0;
    for (info, before, body) in blocks(&md) {
        let Some(args) = before
            .strip_prefix("<!-- quanze: ")
            .and_then(|r| r.strip_suffix(" -->"))
        else {
            continue;
        };
        assert_eq!(info, "text", "{page}: output blocks are ```text");
        let out = Command::new(env!("CARGO_BIN_EXE_quanze"))
            .arg("--registry")
            .arg(&registry)
            .args(args.split_whitespace())
            .output()
            .unwrap();
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert_eq!(
            stdout, body,
            "{page}: `quanze {args}` prints something else"
        );
        ran += 1;
    }
    ran
}

#[test]
fn format_md_examples_are_true() {
    assert!(check_page("docs/format.md") >= 3);
}

#[test]
fn readme_examples_are_true() {
    assert!(check_page("README.md") >= 1);
}

#[test]
fn format_md_documents_every_rule() {
    let md = fs::read_to_string("docs/format.md").unwrap();
    for rule in Rule::ALL {
        let row = format!("| `{}` | {} |", rule.id(), rule.description());
        assert!(md.contains(&row), "docs/format.md lacks the row: {row}");
    }
}

#[test]
fn format_md_shows_a_real_error() {
    let md = fs::read_to_string("docs/format.md").unwrap();
    let expected = fs::read_to_string("tests/fixtures/invalid/unknown-key/expected.txt").unwrap();
    assert!(
        md.contains(expected.trim_end()),
        "docs/format.md's error example differs from tests/fixtures/invalid/unknown-key/expected.txt"
    );
}
