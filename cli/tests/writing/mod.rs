//! Helpers of the tests that write: a fresh registry with a history, the
//! binary run on it, operations files. `workflow.rs` and `reliability.rs`
//! share them.

#![allow(dead_code, clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_quanze");

/// The deciding document of the fixture's operations files.
pub(crate) const DECIDED: &str = "[[decided_by]]\nnumber = \"测府令第2号\"\ntitle = \"测试调整决定\"\nissuer = \"测试市人民政府\"\ndate = \"2021-12-20\"\n";

/// A fresh copy of the fixture with a two-entry history (1.0.0, 1.1.0).
pub(crate) fn registry() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    crate::common::copy_dir(Path::new("tests/fixtures/valid/with-history"), &root);
    (tmp, root)
}

/// The binary on the registry at `root`.
pub(crate) fn run(root: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--registry")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

/// Standard output and standard error, as text.
pub(crate) fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// An operations file `name` in `dir`: version, date, the fixture's
/// deciding document, then `ops` (`[[op]]` tables).
pub(crate) fn ops_file(dir: &Path, name: &str, version: &str, date: &str, ops: &str) -> PathBuf {
    let path = dir.join(name);
    fs::write(
        &path,
        format!("version = \"{version}\"\ndate = \"{date}\"\n\n{DECIDED}\n{ops}"),
    )
    .unwrap();
    path
}

/// An operations file that adds one item with `code`, as `version`.
pub(crate) fn write_ops(dir: &Path, name: &str, version: &str, code: &str) -> PathBuf {
    let lower = code.to_lowercase();
    ops_file(
        dir,
        name,
        version,
        "2022-01-01",
        &format!(
            "[[op]]\nkind = \"add\"\n[op.item]\nid = \"new-{lower}\"\ncode = \"{code}\"\nname = \"新增事项{code}\"\ncategory = \"other\"\neffective = \"2022-01-01\"\nbody = \"测试市工业和信息化局\"\n[[op.item.basis]]\ntitle = \"测试省工业管理条例\"\nlevel = \"local-regulation\"\n"
        ),
    )
}

/// `adjust test-bureau` of the edited files, as `version` on `date`,
/// decided by the fixture's first document, with `extra` arguments.
pub(crate) fn adjust(root: &Path, version: &str, date: &str, extra: &[&str]) -> Output {
    let mut args = vec![
        "adjust",
        "test-bureau",
        "--version",
        version,
        "--date",
        date,
        "--decided-by",
        "测府令第1号",
    ];
    args.extend_from_slice(extra);
    run(root, &args)
}
