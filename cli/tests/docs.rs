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

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;
use common::copy_dir;

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
    repo::at_top();
    assert!(check_page("docs/format.md") >= 3);
}

#[test]
fn auditing_md_examples_are_true() {
    repo::at_top();
    assert!(walk_page("docs/auditing.md") >= 5);
}

#[test]
fn auditing_md_documents_every_check() {
    repo::at_top();
    let md = fs::read_to_string("docs/auditing.md").unwrap();
    for c in quanze::query::audit::CHECKS {
        let row = format!(
            "| `{}` | {} | {} |",
            c.id(),
            c.severity().id(),
            c.description()
        );
        assert!(md.contains(&row), "docs/auditing.md lacks the row: {row}");
    }
}

#[test]
fn publishing_md_excerpts_are_true() {
    repo::at_top();
    let md = fs::read_to_string("docs/publishing.md").unwrap();
    let mut n = 0;
    for (info, before, body) in blocks(&md) {
        let Some(file) = before
            .strip_prefix("<!-- excerpt: ")
            .and_then(|r| r.strip_suffix(" -->"))
        else {
            continue;
        };
        assert_eq!(info, "text");
        let source = fs::read_to_string(file)
            .unwrap()
            .replace("\r\n", "\n")
            .replace('\u{feff}', "");
        assert!(
            source.contains(&body),
            "docs/publishing.md quotes {file} wrongly:\n{body}"
        );
        n += 1;
    }
    assert_eq!(n, 3);
    for img in [
        "docs/img/catalogue-2021-desktop.png",
        "docs/img/catalogue-2021-phone.png",
    ] {
        assert!(
            md.contains(img.trim_start_matches("docs/")),
            "{img} is not shown"
        );
        assert!(Path::new(img).exists(), "{img} is missing");
    }
}

#[test]
fn readme_examples_are_true() {
    repo::at_top();
    assert!(check_page("README.md") >= 1);
}

#[test]
fn format_md_documents_every_rule() {
    repo::at_top();
    let md = fs::read_to_string("docs/format.md").unwrap();
    for rule in Rule::ALL.iter().filter(|r| r.is_lint()) {
        let row = format!("| `{}` | {} |", rule.id(), rule.description());
        assert!(md.contains(&row), "docs/format.md lacks the row: {row}");
    }
}

#[test]
fn format_md_shows_a_real_error() {
    repo::at_top();
    let md = fs::read_to_string("docs/format.md").unwrap();
    let expected = fs::read_to_string("tests/fixtures/invalid/unknown-key/expected.txt").unwrap();
    assert!(
        md.contains(expected.trim_end()),
        "docs/format.md's error example differs from tests/fixtures/invalid/unknown-key/expected.txt"
    );
}

/// Whether to rewrite the output blocks from what the binary prints
/// (`INSTA_UPDATE=always`, the switch of every snapshot), instead of comparing.
fn bless() -> bool {
    common::blessing()
}

/// Runs a walkthrough page on a copy of the bundled registry, in order:
/// ```diff blocks (`--- PATH`, then ` ` context, `-` old and `+` new lines)
/// are applied to the copy, ```toml blocks headed `# file: PATH` and any
/// block after a `<!-- file: PATH -->` line are written beside it, and each ```text block after `<!-- quanze: ARGS -->` must be what
/// `quanze ARGS` prints (stdout, then stderr) at that point, run in the copy's
/// parent directory. With `INSTA_UPDATE=always` the output blocks are rewritten.
fn walk_page(page: &str) -> usize {
    let md = fs::read_to_string(page).unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    copy_dir(Path::new("registry"), &root);
    // Pages may compare with the small valid fixtures.
    copy_dir(
        Path::new("tests/fixtures/valid"),
        &tmp.path().join("tests/fixtures/valid"),
    );
    let mut ran = 0;
    let mut rewritten = String::new();
    let mut lines = md.lines();
    let mut previous = String::new();
    while let Some(line) = lines.next() {
        rewritten.push_str(line);
        rewritten.push('\n');
        let Some(info) = line.strip_prefix("```") else {
            if !line.trim().is_empty() {
                previous = line.to_owned();
            }
            continue;
        };
        let mut body = String::new();
        let mut closing = String::from("```");
        for l in lines.by_ref() {
            if l.starts_with("```") {
                closing = l.to_owned();
                break;
            }
            body.push_str(l);
            body.push('\n');
        }
        let args = previous
            .strip_prefix("<!-- quanze: ")
            .and_then(|r| r.strip_suffix(" -->"))
            .map(str::to_owned);
        let mut previous_file = previous
            .strip_prefix("<!-- file: ")
            .and_then(|r| r.strip_suffix(" -->"))
            .map(str::to_owned);
        previous.clear();
        match (info, args) {
            ("text", Some(args)) => {
                let out = Command::new(env!("CARGO_BIN_EXE_quanze"))
                    .current_dir(tmp.path())
                    .arg("--registry")
                    .arg("registry")
                    .args(args.split_whitespace())
                    .output()
                    .unwrap();
                let printed = format!(
                    "{}{}",
                    String::from_utf8(out.stdout).unwrap(),
                    String::from_utf8(out.stderr).unwrap()
                );
                if bless() {
                    rewritten.push_str(&printed);
                } else {
                    assert_eq!(
                        printed, body,
                        "{page}: `quanze {args}` prints something else"
                    );
                    rewritten.push_str(&body);
                }
                ran += 1;
            }
            ("diff", _) => {
                let mut it = body.lines();
                let path = it
                    .next()
                    .and_then(|l| l.strip_prefix("--- "))
                    .expect("--- PATH");
                let (mut old, mut new) = (String::new(), String::new());
                for l in it {
                    let (mark, text) = l.split_at(l.len().min(1));
                    match mark {
                        " " | "" => {
                            old.push_str(text);
                            old.push('\n');
                            new.push_str(text);
                            new.push('\n');
                        }
                        "-" => {
                            old.push_str(text);
                            old.push('\n');
                        }
                        "+" => {
                            new.push_str(text);
                            new.push('\n');
                        }
                        _ => panic!("{page}: bad diff line {l:?}"),
                    }
                }
                let file = root.join(path);
                let text = fs::read_to_string(&file).unwrap();
                assert!(
                    text.contains(&old),
                    "{page}: the diff for {path} does not apply:\n{old}"
                );
                fs::write(&file, text.replacen(&old, &new, 1)).unwrap();
                rewritten.push_str(&body);
            }
            // A data file the page shows: `<!-- file: PATH -->` before it.
            (_, None) if previous_file.is_some() => {
                let path = previous_file.take().unwrap_or_default();
                let target = tmp.path().join(&path);
                fs::create_dir_all(target.parent().unwrap()).unwrap();
                fs::write(target, &body).unwrap();
                rewritten.push_str(&body);
            }
            ("toml", _) if body.starts_with("# file: ") => {
                let path = body
                    .lines()
                    .next()
                    .unwrap()
                    .trim_start_matches("# file: ")
                    .trim();
                fs::write(tmp.path().join(path), &body).unwrap();
                rewritten.push_str(&body);
            }
            _ => rewritten.push_str(&body),
        }
        rewritten.push_str(&closing);
        rewritten.push('\n');
    }
    if bless() {
        fs::write(page, rewritten).unwrap();
    }
    ran
}
#[test]
fn adjusting_md_walkthrough_is_true() {
    repo::at_top();
    assert!(walk_page("docs/adjusting.md") >= 8);
}

#[test]
fn adjusting_md_documents_every_operation() {
    repo::at_top();
    let md = fs::read_to_string("docs/adjusting.md").unwrap();
    for k in quanze::OpKind::ALL {
        let row = format!("| `{}` | {} |", k.id(), k.zh());
        assert!(
            md.contains(&row),
            "docs/adjusting.md lacks the operation `{}`",
            k.id()
        );
        let tail = format!("| {} | {} |", k.bump(), k.rule());
        assert!(
            md.contains(&tail),
            "docs/adjusting.md states another bump or rule for `{}`",
            k.id()
        );
    }
}

#[test]
fn upstream_md_examples_are_true() {
    repo::at_top();
    assert!(walk_page("docs/upstream.md") >= 8);
}

#[test]
fn importing_md_examples_are_true() {
    repo::at_top();
    assert!(walk_page("docs/importing.md") >= 5);
}

#[test]
fn importing_md_lists_every_heading_synonym() {
    repo::at_top();
    let md = fs::read_to_string("docs/importing.md").unwrap();
    for f in quanze::import::Field::ALL {
        if f == quanze::import::Field::Ignore {
            continue;
        }
        let row = format!("| `{}` | {} |", f.id(), f.synonyms_text());
        assert!(md.contains(&row), "docs/importing.md lacks the row: {row}");
    }
}
