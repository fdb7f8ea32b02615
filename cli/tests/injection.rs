//! Hostile text in every text field, through every command and every output
//! format of the real binary: all of it inert.
//!
//! The text fields are found, not listed: every string value of every file
//! of the bundled registry (items, agreements, statistics, the change log,
//! list.toml, the shared files) gets the payload in front of it, and the
//! values whose kind refuses it (codes, dates, words of a fixed set: the
//! load reports them) are given back, until the registry loads. What
//! remains is every field that holds free text. The registry then fails
//! `check` (control characters, a broken hash chain), so every command runs
//! with `--unverified`, as an attacker's edited copy would be read.
//!
//! Inert means: HTML has no tag, attribute or script of the payload; text
//! and Markdown on the terminal hold no control character and no
//! bidirectional override; Markdown escapes its syntax; no CSV cell and no
//! XLSX cell starts a formula; JSON parses and holds the payload as text.
//! `QUANZE_RELIABILITY=full` runs every payload; the default run two.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_quanze");

/// The payloads. The first holds every kind of attack at once, led by a
/// formula; the others lead with the other characters a spreadsheet runs.
const PAYLOADS: &[&str] = &[
    "=HYPERLINK(\"http://x\",\"y\")\"><img src=x onerror=alert(1)></td></script><script>alert(1)</script>[l](javascript:alert(1))| forged | row |**b**`c`\u{1b}]0;pwned\u{7}\u{1b}[2J\u{9b}31m\u{202e}\r\u{8}{{ 7*7 }}{% if x %}&amp;",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "\t=1+1",
    "\r=1+1",
    "<svg/onload=alert(1)>",
    "'\"><iframe srcdoc='<script>alert(1)</script>'>",
];

fn payloads() -> &'static [&'static str] {
    if std::env::var("QUANZE_RELIABILITY").is_ok_and(|v| v == "full") {
        PAYLOADS
    } else {
        &PAYLOADS[..2]
    }
}

/// Every `.toml` file under `dir`.
fn toml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            toml_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "toml") {
            out.push(p);
        }
    }
}

/// Calls `f(name, value)` for every string value of `item`, `name` being the
/// key that holds it.
fn strings(
    item: &mut toml_edit::Item,
    name: &str,
    f: &mut impl FnMut(&str, &mut toml_edit::Value),
) {
    match item {
        toml_edit::Item::Value(v) => value_strings(v, name, f),
        toml_edit::Item::Table(t) => {
            for (k, it) in t.iter_mut() {
                strings(it, k.get(), f);
            }
        }
        toml_edit::Item::ArrayOfTables(a) => {
            for t in a.iter_mut() {
                for (k, it) in t.iter_mut() {
                    strings(it, k.get(), f);
                }
            }
        }
        toml_edit::Item::None => {}
    }
}

fn value_strings(
    v: &mut toml_edit::Value,
    name: &str,
    f: &mut impl FnMut(&str, &mut toml_edit::Value),
) {
    match v {
        toml_edit::Value::String(_) => f(name, v),
        toml_edit::Value::Array(a) => {
            for x in a.iter_mut() {
                value_strings(x, name, f);
            }
        }
        toml_edit::Value::InlineTable(t) => {
            for (k, x) in t.iter_mut() {
                value_strings(x, k.get(), f);
            }
        }
        _ => {}
    }
}

/// The last key of a diagnostic's key path (`item[3].sub[0].code` → `code`).
fn last_name(key: &str) -> String {
    let last = key.rsplit('.').next().unwrap_or(key);
    last.split('[').next().unwrap_or(last).to_owned()
}

/// A copy of the bundled registry with `payload` in front of every string
/// held by a key of `fields`; returns each planted value with its key.
fn plant(root: &Path, payload: &str, fields: &BTreeSet<String>) -> Vec<(String, String)> {
    let mut planted = Vec::new();
    let _ = fs::remove_dir_all(root);
    common::copy_dir(Path::new("registry"), root);
    let mut files = Vec::new();
    toml_files(root, &mut files);
    for file in files {
        let mut doc: toml_edit::DocumentMut = fs::read_to_string(&file).unwrap().parse().unwrap();
        strings(doc.as_item_mut(), "", &mut |name, v| {
            if fields.contains(name) {
                let new = format!("{payload}{}", v.as_str().unwrap());
                planted.push((new.clone(), name.to_owned()));
                *v = toml_edit::Value::from(new);
            }
        });
        fs::write(&file, doc.to_string()).unwrap();
    }
    planted
}

/// Plants `payload` in every field that takes it, and returns those fields.
fn plant_everywhere(root: &Path, payload: &str) -> BTreeSet<String> {
    let mut fields = BTreeSet::new();
    let mut files = Vec::new();
    toml_files(Path::new("registry"), &mut files);
    for file in files {
        let mut doc: toml_edit::DocumentMut = fs::read_to_string(&file).unwrap().parse().unwrap();
        strings(doc.as_item_mut(), "", &mut |name, _| {
            fields.insert(name.to_owned());
        });
    }
    loop {
        let planted = plant(root, payload, &fields);
        let problems = quanze::Registry::load(root).unwrap().problems;
        if problems.is_empty() {
            return fields;
        }
        // A problem names its key, or (inside an operation, where the key
        // path stops at the operation) the value it refused.
        let refused: BTreeSet<String> = problems
            .iter()
            .flat_map(|d| {
                let by_value = planted
                    .iter()
                    .filter(|(v, _)| d.found.as_deref() == Some(v.as_str()))
                    .map(|(_, k)| k.clone());
                std::iter::once(last_name(&d.key)).chain(by_value)
            })
            .collect();
        let before = fields.len();
        fields.retain(|f| !refused.contains(f));
        assert!(
            fields.len() < before,
            "problems that name no planted field: {:?}",
            problems.iter().map(ToString::to_string).collect::<Vec<_>>()
        );
    }
}

fn quanze(root: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--registry")
        .arg(root)
        .arg("--unverified")
        .args(args)
        .output()
        .unwrap()
}

/// The reasons `out` (of `what`) is not inert, in `format`.
fn not_inert(format: &str, out: &[u8], payload: &str, what: &str) -> Vec<String> {
    let mut bad = Vec::new();
    match format {
        "text" | "md" => {
            let s = String::from_utf8_lossy(out);
            for c in s.chars() {
                if (c.is_control() && !matches!(c, '\n' | '\t'))
                    || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
                {
                    bad.push(format!("{what}: a raw {c:?} reaches the terminal"));
                    break;
                }
            }
            if format == "md" {
                if s.match_indices("](javascript:")
                    .any(|(i, _)| !s[..i].ends_with('\\'))
                {
                    bad.push(format!("{what}: a live Markdown link"));
                }
                if s.contains("| forged | row |") {
                    bad.push(format!("{what}: a forged table row"));
                }
                let s = s.replace("<a id=\"", "").replace("\"></a>", "");
                if s.match_indices('<').any(|(i, _)| !s[..i].ends_with('\\')) {
                    bad.push(format!("{what}: an unescaped `<`"));
                }
            }
        }
        "html" => {
            let s = String::from_utf8_lossy(out);
            for tag in ["<img", "<script>alert", "<svg", "<iframe"] {
                if s.contains(tag) && payload.contains(tag) {
                    bad.push(format!("{what}: a live {tag}"));
                }
            }
        }
        "csv" => {
            let text = String::from_utf8_lossy(out);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let mut r = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            for rec in r.records() {
                match rec {
                    Err(e) => bad.push(format!("{what}: not CSV: {e}")),
                    Ok(rec) => {
                        for cell in &rec {
                            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                                bad.push(format!("{what}: a cell starts a formula: {cell:?}"));
                            }
                        }
                    }
                }
            }
        }
        "json" => {
            // One document, or JSON Lines (export).
            let text = String::from_utf8_lossy(out);
            let docs: Vec<&str> = if text.trim_start().starts_with('{')
                && text.lines().count() > 1
                && serde_json::from_str::<serde_json::Value>(&text).is_err()
            {
                text.lines().collect()
            } else {
                vec![&text]
            };
            let mut held = false;
            for d in docs {
                match serde_json::from_str::<serde_json::Value>(d) {
                    Err(e) => bad.push(format!("{what}: not JSON: {e}")),
                    Ok(v) => held |= holds(&v, payload),
                }
            }
            // The catalogue and the export carry every text as it is; the
            // reports may quote it in their messages.
            if !held && (what.starts_with("publish") || what == "export") {
                bad.push(format!("{what}: the payload is not in the JSON as text"));
            }
        }
        _ => unreachable!(),
    }
    bad
}

/// Whether a string of `v` holds `payload` exactly.
fn holds(v: &serde_json::Value, payload: &str) -> bool {
    match v {
        serde_json::Value::String(s) => s.contains(payload),
        serde_json::Value::Array(a) => a.iter().any(|x| holds(x, payload)),
        serde_json::Value::Object(o) => o.values().any(|x| holds(x, payload)),
        _ => false,
    }
}

/// No cell of any sheet is a formula, and the payload is there as text.
#[cfg(feature = "xlsx")]
fn xlsx_not_inert(path: &Path, payload: &str) -> Vec<String> {
    use calamine::{Reader, open_workbook_auto};
    let mut bad = Vec::new();
    let mut wb = open_workbook_auto(path).unwrap();
    let mut held = false;
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        if formulas.used_cells().any(|(_, _, f)| !f.is_empty()) {
            bad.push(format!("{}: sheet {name} holds a formula", path.display()));
        }
        let range = wb.worksheet_range(&name).unwrap();
        held |= range.used_cells().any(|(_, _, c)| {
            c.to_string()
                .contains(payload.trim_start_matches(['\t', '\r']))
        });
    }
    if !held {
        bad.push(format!(
            "{}: the payload is not in the workbook",
            path.display()
        ));
    }
    bad
}

#[test]
fn hostile_text_in_every_field_is_inert_in_every_command_and_format() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    let commands: &[&[&str]] = &[
        &["stats", "guangzhou-gxj", "--as-of", "2021-12-31"],
        &["show", "guangzhou-gxj", "XK-001"],
        &["log", "guangzhou-gxj"],
        &["history", "guangzhou-gxj", "XK-001"],
        &["resolve", "guangzhou-gxj", "XK-013"],
        &["diff", "guangzhou-gxj", "1.0.0", "5.0.0"],
        &["changes", "1.0.0", "5.0.0", "--authority", "guangzhou-gxj"],
        &["impact", "radio-regulations", "--as-of", "2026-11-28"],
        &["pending", "--as-of", "2026-11-28", "--all"],
        &["align", "gd-gxt", "--as-of", "2026-11-28"],
        &["law", "list", "--as-of", "2026-11-28"],
        &["audit", "guangzhou-gxj", "--as-of", "2026-11-28"],
        &["crosswalk", "guangzhou-gxj", "3.0.0", "5.0.0"],
        &["compare", "guangzhou-gxj", "guangzhou-gxj"],
        &["check", "--as-of", "2026-11-28"],
    ];
    let (mut outputs, mut bad) = (0, Vec::new());
    let mut fields = BTreeSet::new();
    for payload in payloads() {
        fields = plant_everywhere(&root, payload);
        for args in commands {
            let mut ran = 0;
            for format in ["text", "md", "html", "csv", "json"] {
                let mut full = args.to_vec();
                full.extend(["--format", format]);
                let o = quanze(&root, &full);
                if o.status.code() == Some(2) {
                    // This command does not write this format.
                    continue;
                }
                let what = format!("{} --format {format}", args.join(" "));
                let stderr = String::from_utf8_lossy(&o.stderr);
                assert!(!stderr.contains("panicked"), "{what} panicked: {stderr}");
                bad.extend(not_inert(format, &o.stdout, payload, &what));
                bad.extend(not_inert(
                    "text",
                    &o.stderr,
                    payload,
                    &format!("{what} (stderr)"),
                ));
                ran += 1;
                outputs += 1;
            }
            if ran == 0 {
                // A command without `--format` writes text.
                let o = quanze(&root, args);
                let what = args.join(" ");
                assert!(
                    o.status.code() != Some(2),
                    "{what}: {}",
                    String::from_utf8_lossy(&o.stderr)
                );
                bad.extend(not_inert("text", &o.stdout, payload, &what));
                bad.extend(not_inert(
                    "text",
                    &o.stderr,
                    payload,
                    &format!("{what} (stderr)"),
                ));
                outputs += 1;
            }
        }
        // The catalogue, in every format built in.
        let out = tmp.path().join("out");
        let _ = fs::remove_dir_all(&out);
        let o = quanze(
            &root,
            &["publish", "guangzhou-gxj", "--out", out.to_str().unwrap()],
        );
        assert!(
            o.status.success(),
            "publish: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        for e in fs::read_dir(&out).unwrap() {
            let p = e.unwrap().path();
            let ext = p.extension().unwrap().to_string_lossy().into_owned();
            let what = format!("publish: {}", p.file_name().unwrap().to_string_lossy());
            outputs += 1;
            if ext == "xlsx" {
                #[cfg(feature = "xlsx")]
                bad.extend(xlsx_not_inert(&p, payload));
                continue;
            }
            let bytes = fs::read(&p).unwrap();
            bad.extend(not_inert(&ext, &bytes, payload, &what));
        }
        // The export, JSON Lines.
        let o = quanze(&root, &["export"]);
        assert!(o.status.success());
        bad.extend(not_inert("json", &o.stdout, payload, "export"));
        outputs += 1;
    }
    assert!(
        bad.is_empty(),
        "{} outputs not inert:\n{}",
        bad.len(),
        bad.join("\n")
    );
    // The fields found are the registry's texts, not its codes and dates.
    for text in ["name", "title", "issuer", "reason", "body"] {
        assert!(fields.contains(text), "{text} took no payload: {fields:?}");
    }
    for coded in ["code", "id", "date", "category", "version"] {
        assert!(
            !fields.contains(coded),
            "{coded} took the payload: {fields:?}"
        );
    }
    eprintln!(
        "reliability: {} payloads in {} text fields ({}) through {outputs} outputs (11 commands in every format each writes, the catalogue in every format built in, the export): all inert",
        payloads().len(),
        fields.len(),
        fields.iter().cloned().collect::<Vec<_>>().join(", ")
    );
}
