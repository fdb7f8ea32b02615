//! Tests that run the real `quanze` binary.

// Test helpers may panic: a panic is a test failure with its message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../tests/common/mod.rs"]
mod common;
mod repo;

use std::process::{Command, Output};

fn quanze(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quanze"))
        .args(args)
        .output()
        .expect("run quanze")
}

/// A copy of the registry at `from` in a fresh temporary directory.
fn scratch(from: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("registry");
    common::copy_dir(std::path::Path::new(from), &root);
    (tmp, root)
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn stats_json(as_of: &str) -> serde_json::Value {
    let o = quanze(&[
        "stats",
        "guangzhou-gxj",
        "--as-of",
        as_of,
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_str(&stdout(&o)).unwrap()
}

#[test]
fn bundled_registry_reproduces_the_2021_report() {
    repo::at_top();
    let j = stats_json("2021-12-31");
    let cat = |c: &str, k: &str| j["categories"][c][k].as_u64().unwrap();
    // 行政许可13项(含子项共34项),行政处罚35项(含子项共39项),行政征收1项,行政检查13项,其他11项
    assert_eq!(
        (cat("licensing", "items"), cat("licensing", "units")),
        (13, 34)
    );
    assert_eq!((cat("penalty", "items"), cat("penalty", "units")), (35, 39));
    assert_eq!((cat("levy", "items"), cat("levy", "units")), (1, 1));
    assert_eq!(
        (cat("inspection", "items"), cat("inspection", "units")),
        (13, 13)
    );
    assert_eq!((cat("other", "items"), cat("other", "units")), (11, 11));
    for c in [
        "coercion",
        "benefit",
        "confirmation",
        "award",
        "adjudication",
        "public-service",
    ] {
        assert_eq!((cat(c, "items"), cat(c, "units")), (0, 0), "{c}");
    }

    // 承接省工信厅 29个委托事项、省能源局 3个下放事项
    let sources = j["sources"].as_array().unwrap();
    let find = |source: &str, grantor: &str| {
        sources
            .iter()
            .find(|s| s["source"] == source && s["grantor"] == grantor)
            .unwrap_or_else(|| panic!("no {source} group for {grantor}"))
    };
    assert_eq!(find("entrusted", "gd-gxt")["items"], 29);
    assert_eq!(
        find("entrusted", "gd-gxt")["example"],
        "民用爆炸物品销售许可"
    );
    assert_eq!(find("devolved", "gd-nyj")["items"], 3);
    assert_eq!(
        find("devolved", "gd-nyj")["example"],
        "成品油零售经营资格审批"
    );
    assert!(
        sources
            .iter()
            .all(|s| s["source"] == "own" || s["grantor"] == "gd-gxt" || s["grantor"] == "gd-nyj")
    );

    // 即办率71% (24/34), 审批时限压缩率92.3% (12/13), 电子证照和网上办理100%
    let ind = &j["indicators"];
    assert_eq!(
        (
            ind["immediate"]["numerator"].as_u64(),
            ind["immediate"]["denominator"].as_u64()
        ),
        (Some(24), Some(34))
    );
    assert_eq!(ind["immediate"]["percent"].as_f64().unwrap().round(), 71.0);
    assert_eq!(
        (
            ind["compression_items"]["numerator"].as_u64(),
            ind["compression_items"]["denominator"].as_u64()
        ),
        (Some(12), Some(13))
    );
    assert_eq!(ind["compression_items"]["percent"].as_f64(), Some(92.3));
    assert_eq!(ind["e_licence"]["percent"].as_f64(), Some(100.0));
    assert_eq!(ind["online"]["percent"].as_f64(), Some(100.0));

    // 行政许可978件, 行政处罚5件, 行政征收6件, 行政检查132件
    let cases = &j["cases"];
    assert_eq!(cases["year"], 2021);
    assert_eq!(cases["categories"]["licensing"], 978);
    assert_eq!(cases["categories"]["penalty"], 5);
    assert_eq!(cases["categories"]["levy"], 6);
    assert_eq!(cases["categories"]["inspection"], 132);
}

#[test]
fn bundled_registry_reproduces_the_2019_counts_from_effective_dates() {
    repo::at_top();
    // The 2019 report: 20 licensing units, 24 penalty items, 1 levy item;
    // 16 items entrusted by 省工信厅 and 1 by 省能源局. Items that ended
    // later (cancelled in 2021, withdrawn in 2020) still count in 2019.
    let j = stats_json("2019-12-31");
    assert_eq!(j["categories"]["licensing"]["units"], 20);
    assert_eq!(j["categories"]["penalty"]["items"], 24);
    assert_eq!(j["categories"]["levy"]["items"], 1);
    let sources = j["sources"].as_array().unwrap();
    let entrusted = |g: &str| {
        sources
            .iter()
            .find(|s| s["source"] == "entrusted" && s["grantor"] == g)
            .map(|s| s["items"].as_u64().unwrap())
    };
    assert_eq!(entrusted("gd-gxt"), Some(16));
    assert_eq!(entrusted("gd-nyj"), Some(1));
    assert!(!sources.iter().any(|s| s["source"] == "devolved"));
}

#[test]
fn stats_text_uses_the_official_phrasing() {
    repo::at_top();
    let o = quanze(&["stats", "guangzhou-gxj", "--as-of", "2021-12-31"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(
        out.contains("共有行政许可13项(含子项共34项),行政处罚35项(含子项共39项),行政征收1项,行政检查13项,其他11项。其中,承接广东省工业和信息化厅“民用爆炸物品销售许可”等29个委托事项、广东省能源局“成品油零售经营资格审批”等3个下放事项。"),
        "{out}"
    );
    assert!(out.contains("即办率70.6%(24/34)"), "{out}");
    assert!(out.contains("审批时限压缩率92.3%(12/13项"), "{out}");
    assert!(
        out.contains(
            "2021年共办理行政许可事项978件,实施行政处罚5件,行政征收6件,实施行政检查132件。"
        ),
        "{out}"
    );
    assert!(
        out.contains("非官方"),
        "the reconstruction note is shown: {out}"
    );
}

#[test]
fn stats_in_english() {
    repo::at_top();
    let o = quanze(&[
        "stats",
        "guangzhou-gxj",
        "--as-of",
        "2021-12-31",
        "--lang",
        "en",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("13 licensing items (34 units including sub-items), 35 penalty items (39 units including sub-items), 1 levy item, 13 inspection items and 11 other items."), "{out}");
    assert!(out.contains("29 entrusted by Department of Industry and Information Technology of Guangdong Province"), "{out}");
}

#[test]
fn check_passes_on_the_bundled_registry() {
    repo::at_top();
    let o = quanze(&["check", "--as-of", "2026-11-28"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert!(stdout(&o).starts_with("ok: registry holds 2 list(s)"));
    let o = quanze(&["check", "guangzhou-gxj"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

#[test]
fn check_lists_problems_with_a_caret_and_exits_1() {
    repo::at_top();
    let o = quanze(&[
        "--registry",
        "tests/fixtures/invalid/promised-exceeds-legal",
        "check",
        "--as-of",
        "2026-11-28",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert_eq!(
        out,
        "error[promised-exceeds-legal]: unit `XK-001-01` promises 45 working days, more than the legal 30 working days\n  \
         --> tests/fixtures/invalid/promised-exceeds-legal/test-bureau/items/licensing.toml:17:17\n   \
         |\n\
         17 | promised_days = 45\n   \
         |                 ^^\n   \
         |\n   \
         = key: item[0].sub[0].implementation.promised_days\n   \
         = found: 45\n   \
         = expected: at most 30, the legal limit\n\
         \n\
         1 problem(s) found\n"
    );
}

#[test]
fn check_of_one_authority_and_usage_errors_exit_2() {
    repo::at_top();
    let o = quanze(&["check", "no-such-bureau"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no list for authority `no-such-bureau`"));
    let o = quanze(&["--registry", "/nonexistent/registry", "check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/nonexistent/registry"),
        "{}",
        stderr(&o)
    );
    let o = quanze(&["stats"]);
    assert_eq!(o.status.code(), Some(2));
    let o = quanze(&["stats", "guangzhou-gxj", "--as-of", "2021-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("invalid date \"2021-02-30\""),
        "{}",
        stderr(&o)
    );
}

#[test]
fn stats_refuses_a_registry_it_cannot_read() {
    repo::at_top();
    let o = quanze(&[
        "--registry",
        "tests/fixtures/invalid/syntax",
        "stats",
        "test-bureau",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error[syntax]"), "{}", stderr(&o));
}

#[test]
fn show_prints_one_item_aligned() {
    repo::at_top();
    let o = quanze(&["show", "guangzhou-gxj", "XK-014", "--as-of", "2021-12-31"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "成品油零售经营资格审批");
    assert_eq!(lines[1], "  事项编码    XK-014");
    assert!(
        out.contains(
            "  权力来源    上级下放 — 广东省能源局 (国发〔2020〕13号、粤能〔2020〕(重构)1号)\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("  子项        XK-014-01 新申请 — 法定20个工作日 · 承诺10个工作日 · 承诺件"),
        "{out}"
    );
    // Continuation rows are indented to the same column as values.
    assert!(out.contains("\n              XK-014-02 变更"), "{out}");
    // A sub-item's code finds its item; so does the id.
    let by_sub = quanze(&[
        "show",
        "guangzhou-gxj",
        "XK-014-02",
        "--as-of",
        "2021-12-31",
    ]);
    assert_eq!(stdout(&by_sub), out);
    let by_id = quanze(&[
        "show",
        "guangzhou-gxj",
        "refined-oil-retail-licence",
        "--as-of",
        "2021-12-31",
    ]);
    assert_eq!(stdout(&by_id), out);
}

#[test]
fn show_shows_the_agreement_of_an_entrusted_item_and_english_labels() {
    repo::at_top();
    let o = quanze(&[
        "show",
        "guangzhou-gxj",
        "XK-001",
        "--as-of",
        "2021-12-31",
        "--lang",
        "en",
    ]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("  agreement   gd-gxt-2020-270 "), "{out}");
    assert!(
        out.contains("  source      entrusted — 广东省工业和信息化厅 (粤府令第270号)"),
        "{out}"
    );
}

#[test]
fn show_suggests_a_close_code() {
    repo::at_top();
    let o = quanze(&["show", "guangzhou-gxj", "XK-10"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no item with code or id `XK-10`"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("did you mean"), "{}", stderr(&o));
}

#[test]
fn the_2019_report_counts_11_immediate_sub_items() {
    repo::at_top();
    // 2019 report: 11 licensing sub-items handled immediately. The replayed
    // list of 2019-12-31 (version 1.0.0) has them; 2021's has more.
    let reg = quanze::Registry::open("registry").unwrap();
    let list = reg.list("guangzhou-gxj").unwrap();
    let immediate_subs = |date: &str| {
        let d: quanze::Date = date.parse().unwrap();
        let l = list.as_of(d).unwrap();
        l.items_on(d)
            .filter(|i| i.category == quanze::Category::Licensing)
            .flat_map(|i| i.subs_on(d))
            .filter(|s| {
                s.implementation.as_ref().and_then(|x| x.handling)
                    == Some(quanze::Handling::Immediate)
            })
            .count()
    };
    assert_eq!(immediate_subs("2019-12-31"), 11);
    // 2021: 24 immediate units, two of them items without sub-items
    // (XK-011 无线电台识别码核发, XK-012 临时设置、使用无线电台(站)审批).
    assert_eq!(immediate_subs("2021-12-31"), 22);
}

#[test]
fn export_writes_one_json_line_per_item() {
    repo::at_top();
    let o = quanze(&["export", "guangzhou-gxj", "--as-of", "2021-12-31"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 73, "the items in force on 2021-12-31");
    assert!(
        lines
            .iter()
            .all(|l| l["authority"] == "guangzhou-gxj" && l["version"] == "3.0.0")
    );
    assert!(
        lines
            .iter()
            .any(|l| l["code"] == "XK-001" && l["name"] == "民用爆炸物品销售许可")
    );
    let all = stdout(&quanze(&["export"]));
    assert_eq!(
        all.lines().count(),
        109,
        "every record of the head of both lists, ended ones included"
    );
}

/// `--cache DIR` keeps what a check found (and the files' stat data) and
/// gives the same output.
#[test]
fn cache_flag_keeps_check_records_and_changes_no_output() {
    repo::at_top();
    let cache = tempfile::tempdir().unwrap();
    let dir = cache.path().join("c");
    let d = dir.to_str().unwrap();
    let plain = quanze(&["stats", "guangzhou-gxj", "--as-of", "2021-12-31"]);
    for _ in 0..2 {
        let cached = quanze(&[
            "--cache",
            d,
            "stats",
            "guangzhou-gxj",
            "--as-of",
            "2021-12-31",
        ]);
        assert_eq!(cached.status.code(), Some(0), "{}", stderr(&cached));
        assert_eq!(stdout(&cached), stdout(&plain));
        let check = quanze(&["--cache", d, "check"]);
        assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
    }
    let kept: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        kept.iter().any(|f| f == "stat-index.json") && kept.iter().any(|f| f.starts_with("check-")),
        "{kept:?}"
    );
}

#[test]
fn changes_lists_units_added_removed_and_changed_in_every_format() {
    repo::at_top();
    let cache = tempfile::tempdir().unwrap();
    let d = cache.path().to_str().unwrap();
    let text = quanze(&["changes", "4.0.0", "5.0.0", "--authority", "guangzhou-gxj"]);
    assert_eq!(text.status.code(), Some(0), "{}", stderr(&text));
    let out = stdout(&text);
    assert!(
        out.starts_with("guangzhou-gxj 4.0.0 → 5.0.0: 4 added, 0 removed, 4 changed,"),
        "{out}"
    );
    assert!(
        out.contains("  ~ energy-quota-excess-penalty: ended, status, successors\n"),
        "{out}"
    );
    assert!(out.ends_with("total: 4 added, 0 removed, 4 changed units in 1 list(s)\n"));
    // The same through the cache, cold and warm, and for one authority.
    for args in [
        vec![
            "--cache",
            d,
            "changes",
            "4.0.0",
            "5.0.0",
            "--authority",
            "guangzhou-gxj",
        ],
        vec![
            "--cache",
            d,
            "changes",
            "4.0.0",
            "5.0.0",
            "--authority",
            "guangzhou-gxj",
        ],
        vec!["changes", "4.0.0", "5.0.0", "--authority", "guangzhou-gxj"],
    ] {
        assert_eq!(stdout(&quanze(&args)), out, "{args:?}");
    }
    // CSV: one row per unit; JSON: the same units.
    let csv = stdout(&quanze(&[
        "changes",
        "4.0.0",
        "5.0.0",
        "--format",
        "csv",
        "--authority",
        "guangzhou-gxj",
    ]));
    assert_eq!(csv.lines().count(), 1 + 4 + 4);
    // The one CSV configuration: a byte-order mark and CRLF line ends.
    assert!(
        csv.starts_with("\u{feff}authority,unit,change,columns\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains(
            "guangzhou-gxj,energy-quota-excess-penalty,changed,ended;status;successors\r\n"
        )
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&quanze(&[
        "changes",
        "4.0.0",
        "5.0.0",
        "--format",
        "json",
        "--authority",
        "guangzhou-gxj",
    ])))
    .unwrap();
    assert_eq!(json[0]["added"].as_array().unwrap().len(), 4);
    assert_eq!(json[0]["changed"][0]["columns"][1], "status");
    // Summary: the count lines only.
    let summary = stdout(&quanze(&[
        "changes",
        "4.0.0",
        "--summary",
        "--authority",
        "guangzhou-gxj",
    ]));
    assert_eq!(summary.lines().count(), 2, "{summary}");
    // A version the log does not have: the list's error, exit 1.
    let bad = quanze(&["changes", "9.0.0"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(stderr(&bad).contains("guangzhou-gxj"), "{}", stderr(&bad));
    assert_eq!(
        quanze(&["changes", "4.0.0", "--authority", "nobody"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn every_format_a_command_offers_is_one_the_library_renders() {
    repo::at_top();
    use clap::CommandFactory as _;
    use quanze::publish::Report;
    let cli = quanze_cli::args::Cli::command();
    let expected = [
        ("stats", Report::Stats),
        ("log", Report::Log),
        ("history", Report::History),
        ("diff", Report::Diff),
        ("changes", Report::Changes),
        ("audit", Report::Audit),
        ("crosswalk", Report::Crosswalk),
        ("compare", Report::Compare),
        ("diff-files", Report::Compare),
        ("publish", Report::Catalogue),
        ("impact", Report::Impact),
        ("pending", Report::Pending),
        ("align", Report::Align),
    ];
    for (name, report) in expected {
        let sub = cli.find_subcommand(name).unwrap();
        let arg = sub
            .get_arguments()
            .find(|a| a.get_id() == "format")
            .unwrap_or_else(|| panic!("`{name}` has no --format"));
        let offered: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_owned())
            .collect();
        let rendered: Vec<String> = report
            .formats()
            .iter()
            .map(|f| f.name().to_owned())
            .collect();
        assert_eq!(offered, rendered, "`{name} --format`");
    }
    // Every command with a --format is in the table above.
    for sub in cli.get_subcommands() {
        if sub.get_arguments().any(|a| a.get_id() == "format") {
            assert!(
                expected.iter().any(|(n, _)| *n == sub.get_name()),
                "`{}` offers formats the test does not check",
                sub.get_name()
            );
        }
    }
    // A format a command cannot produce is refused when arguments are parsed.
    let o = quanze(&["stats", "guangzhou-gxj", "--format", "html"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("[possible values: text, json]"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_committed_completions_and_man_page_are_current() {
    repo::at_top();
    // The committed files are of a build with every feature (`schema` adds
    // a command, `xlsx` a format); after a change of the command line:
    // INSTA_UPDATE=always cargo test --all-features
    let full = cfg!(all(feature = "schema", feature = "xlsx"));
    let bless = std::env::var("INSTA_UPDATE").is_ok_and(|v| v == "always");
    let mut files: Vec<(std::path::PathBuf, String)> = quanze_cli::generate::SHELLS
        .iter()
        .map(|(shell, name)| {
            (
                std::path::Path::new("cli/completions").join(name),
                quanze_cli::generate::completions(*shell),
            )
        })
        .collect();
    files.push(("cli/man/quanze.1".into(), quanze_cli::generate::man()));
    for (path, generated) in files {
        assert!(generated.len() > 500, "{}", path.display());
        if !full {
            continue;
        }
        if bless {
            std::fs::write(&path, &generated).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{} is stale: INSTA_UPDATE=always cargo test --all-features",
            path.display()
        );
    }
    // The commands print the same.
    assert_eq!(stdout(&quanze(&["man"])), quanze_cli::generate::man());
    assert_eq!(
        stdout(&quanze(&["completions", "bash"])),
        quanze_cli::generate::completions(clap_complete::Shell::Bash)
    );
}

#[test]
fn diagnostics_are_coloured_only_when_asked_or_on_a_terminal() {
    repo::at_top();
    let args = |color: &str| {
        vec![
            "--registry",
            "tests/fixtures/invalid/unknown-key",
            "check",
            "--color",
        ]
        .into_iter()
        .chain([color])
        .map(str::to_owned)
        .collect::<Vec<String>>()
    };
    let run = |a: Vec<String>| {
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        stdout(&quanze(&a))
    };
    // In a pipe (as here), auto and never are plain; always colours.
    let plain = run(args("auto"));
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert_eq!(run(args("never")), plain);
    let coloured = run(args("always"));
    assert!(coloured.contains("\u{1b}["), "{coloured}");
    // The colours are the only difference.
    let stripped: String = {
        let mut out = String::new();
        let mut chars = coloured.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\u{1b}' {
                for d in chars.by_ref() {
                    if d.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    assert_eq!(stripped, plain);
}

#[test]
fn every_command_that_reads_history_refuses_a_broken_chain() {
    repo::at_top();
    let (tmp, root) = scratch("registry");
    let entry = root.join("guangzhou-gxj/changelog/3.0.0.toml");
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(
        &entry,
        text.replacen("迁移、改造电力设施审批", "迁移、改造电力设施审批X", 1),
    )
    .unwrap();
    // A catalogue published from the intact registry, to verify.
    let out = tmp.path().join("out");
    let o = quanze(&[
        "publish",
        "guangzhou-gxj",
        "--as-of",
        "2021-12-31",
        "--format",
        "json",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let cat = out.join("guangzhou-gxj-3.0.0.json");
    let r = root.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["stats", "guangzhou-gxj", "--as-of", "2021-12-31"],
        vec![
            "publish",
            "guangzhou-gxj",
            "--as-of",
            "2021-12-31",
            "--format",
            "json",
            "--out",
            out.to_str().unwrap(),
        ],
        vec!["verify-catalogue", cat.to_str().unwrap()],
        vec!["export"],
        vec![
            "diff",
            "guangzhou-gxj",
            "1.0.0",
            "3.0.0",
            "--format",
            "json",
        ],
        vec!["crosswalk", "guangzhou-gxj", "3.0.0", "5.0.0"],
        vec!["show", "guangzhou-gxj", "XK-013"],
        vec!["history", "guangzhou-gxj", "XK-013"],
        vec!["resolve", "guangzhou-gxj", "XK-013"],
        vec!["log", "guangzhou-gxj"],
        vec!["changes", "1.0.0"],
        vec![
            "changes",
            "1.0.0",
            "2.0.0",
            "--format",
            "json",
            "--authority",
            "guangzhou-gxj",
        ],
    ];
    for args in &commands {
        let mut full = vec!["--registry", r];
        full.extend(args.iter().copied());
        let o = quanze(&full);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("does not verify"),
            "{args:?}: {}",
            stderr(&o)
        );
        assert!(
            stderr(&o).contains("changelog/3.0.0.toml"),
            "{args:?} does not name the entry: {}",
            stderr(&o)
        );
        // --unverified shows it, marked.
        full.insert(0, "--unverified");
        let o = quanze(&full);
        let shown = stdout(&o);
        if args[0] == "verify-catalogue" {
            assert_eq!(o.status.code(), Some(1), "{}", shown);
            assert!(!shown.contains("matches the registry"), "{shown}");
            continue;
        }
        assert!(o.status.success(), "{args:?}: {}", stderr(&o));
        if args[0] == "publish" {
            let json = std::fs::read_to_string(out.join("guangzhou-gxj-3.0.0.json")).unwrap();
            assert!(json.contains("\"unverified\": true"));
        } else {
            assert!(
                shown.contains("UNVERIFIED") || shown.contains("\"unverified\""),
                "{args:?}: {shown}"
            );
        }
    }
}

#[test]
fn changes_from_kept_checkpoints_refuses_a_history_broken_since() {
    repo::at_top();
    let (tmp, root) = scratch("registry");
    let cache = tmp.path().join("cache");
    let (r, c) = (root.to_str().unwrap(), cache.to_str().unwrap());
    for to in ["files", "2.0.0"] {
        let o = quanze(&[
            "--registry",
            r,
            "--cache",
            c,
            "changes",
            "1.0.0",
            to,
            "--authority",
            "guangzhou-gxj",
        ]);
        assert!(o.status.success(), "{}", stderr(&o));
    }
    // An entry after both sides is edited: the chain no longer holds.
    let entry = root.join("guangzhou-gxj/changelog/3.0.0.toml");
    let text = std::fs::read_to_string(&entry).unwrap();
    std::fs::write(
        &entry,
        text.replacen("迁移、改造电力设施审批", "迁移、改造电力设施审批X", 1),
    )
    .unwrap();
    for to in ["files", "2.0.0"] {
        let o = quanze(&[
            "--registry",
            r,
            "--cache",
            c,
            "changes",
            "1.0.0",
            to,
            "--authority",
            "guangzhou-gxj",
        ]);
        assert_eq!(o.status.code(), Some(1), "{to}: {}", stdout(&o));
        assert!(
            stderr(&o).contains("changelog/3.0.0.toml"),
            "{}",
            stderr(&o)
        );
        assert!(!stdout(&o).contains("guangzhou-gxj"), "{}", stdout(&o));
    }
}

#[cfg(unix)]
#[test]
fn links_in_a_registry_are_refused_not_followed() {
    repo::at_top();
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().unwrap();
    let secret = tmp.path().join("credentials");
    std::fs::write(&secret, "token = \"s3cr3t-value\"\n").unwrap();
    /// How a case plants its link in a copy of the registry.
    type Plant<'a> = Box<dyn Fn(&std::path::Path) + 'a>;
    let cases: [(&str, Plant<'_>); 3] = [
        (
            "an item file",
            Box::new(|root| symlink(&secret, root.join("test-bureau/items/zz.toml")).unwrap()),
        ),
        (
            "list.toml",
            Box::new(|root| {
                let list = root.join("test-bureau/list.toml");
                std::fs::rename(&list, root.join("list.real")).unwrap();
                symlink(root.join("list.real"), &list).unwrap();
            }),
        ),
        (
            "a list directory",
            Box::new(|root| {
                let elsewhere = root.join("../elsewhere");
                common::copy_dir(&root.join("test-bureau"), &elsewhere);
                std::fs::remove_dir_all(root.join("test-bureau")).unwrap();
                symlink(&elsewhere, root.join("test-bureau")).unwrap();
            }),
        ),
    ];
    for (n, (what, plant)) in cases.iter().enumerate() {
        let root = tmp.path().join(format!("registry-{n}"));
        common::copy_dir(std::path::Path::new("tests/fixtures/valid/minimal"), &root);
        plant(&root);
        let o = quanze(&["--registry", root.to_str().unwrap(), "check"]);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        assert_eq!(o.status.code(), Some(1), "{what}: {all}");
        assert!(all.contains("is a symbolic link"), "{what}: {all}");
        assert!(!all.contains("s3cr3t"), "{what}: the secret was printed");
    }
}

#[test]
fn control_characters_in_registry_text_never_reach_the_terminal_raw() {
    repo::at_top();
    let (_tmp, root) = scratch("registry");
    let file = root.join("guangzhou-gxj/items/licensing.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    // A window title, a bell, a carriage return and a right-to-left override.
    std::fs::write(
        &file,
        text.replacen(
            "name = \"民用爆炸物品销售许可\"",
            "name = \"民用爆炸物品销售许可\\u001B]0;pwned\\u0007\\r\\u202E\"",
            1,
        ),
    )
    .unwrap();
    let r = root.to_str().unwrap();
    let o = quanze(&["--registry", r, "check", "--as-of", "2026-11-28"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("error[control-character]"),
        "{}",
        stdout(&o)
    );
    for args in [
        vec!["--registry", r, "check", "--as-of", "2026-11-28"],
        vec![
            "--registry",
            r,
            "--unverified",
            "show",
            "guangzhou-gxj",
            "XK-001",
        ],
        vec!["--registry", r, "--unverified", "stats", "guangzhou-gxj"],
        vec![
            "--registry",
            r,
            "--unverified",
            "diff",
            "guangzhou-gxj",
            "5.0.0",
            "files",
        ],
        vec![
            "--registry",
            r,
            "--unverified",
            "diff",
            "guangzhou-gxj",
            "5.0.0",
            "files",
            "--format",
            "md",
        ],
    ] {
        let o = quanze(&args);
        let all = format!("{}{}", stdout(&o), stderr(&o));
        for c in ['\u{1b}', '\u{7}', '\r', '\u{202e}'] {
            assert!(
                !all.contains(c),
                "{args:?} printed U+{:04X} raw:\n{all}",
                u32::from(c)
            );
        }
        // show and stats give the recorded state, which has no such name;
        // check and diff show the files' text, escaped.
        if args.contains(&"check") || args.contains(&"diff") {
            assert!(
                all.contains("\\u{1b}"),
                "{args:?} does not show the escape:\n{all}"
            );
        }
    }
}

#[test]
fn a_sub_item_code_resolves_to_itself() {
    repo::at_top();
    // A sub-item in force (it was "never used" before).
    let o = quanze(&["resolve", "guangzhou-gxj", "XK-001-02"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(stdout(&o), "XK-001-02 ⇒ XK-001-02 (在用)\n");
    // A code no item or sub-item ever had is still refused.
    let o = quanze(&["resolve", "guangzhou-gxj", "XK-999-99"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn the_english_sentence_lists_sources_in_the_order_of_the_chinese() {
    repo::at_top();
    let o = quanze(&[
        "stats",
        "guangzhou-gxj",
        "--as-of",
        "2021-12-31",
        "--lang",
        "en",
    ]);
    let en = stdout(&o);
    let (entrusted, devolved) = (
        en.find("entrusted by").unwrap(),
        en.find("devolved by").unwrap(),
    );
    assert!(entrusted < devolved, "{en}");
    let o = quanze(&["stats", "guangzhou-gxj", "--as-of", "2021-12-31"]);
    let zh = stdout(&o);
    assert!(
        zh.find("委托事项").unwrap() < zh.find("下放事项").unwrap(),
        "{zh}"
    );
}

/// Changes the first hex digit of the hash `key = "sha256:…"` in `file`.
fn flip_hash_digit(file: &std::path::Path, key: &str) {
    let mut text = std::fs::read_to_string(file).unwrap();
    let prefix = format!("{key} = \"sha256:");
    let at = text.find(&prefix).unwrap() + prefix.len();
    let flipped = if &text[at..=at] == "0" { "1" } else { "0" };
    text.replace_range(at..=at, flipped);
    std::fs::write(file, text).unwrap();
}

#[test]
fn a_broken_link_blames_the_entry_that_changed() {
    repo::at_top();
    let tmp = tempfile::tempdir().unwrap();
    // `previous` edited in 4.0.0: 4.0.0 is blamed, not 3.0.0.
    let root = tmp.path().join("edited");
    common::copy_dir(std::path::Path::new("registry"), &root);
    flip_hash_digit(&root.join("guangzhou-gxj/changelog/4.0.0.toml"), "previous");
    let o = quanze(&["--registry", root.to_str().unwrap(), "check"]);
    let out = stdout(&o);
    assert!(
        out.contains("error[hash-chain]: entry 4.0.0 has been changed"),
        "{out}"
    );
    assert!(out.contains("changelog/4.0.0.toml"), "{out}");
    // 2.0.0 deleted: the message says an entry may have been removed.
    let root = tmp.path().join("deleted");
    common::copy_dir(std::path::Path::new("registry"), &root);
    std::fs::remove_file(root.join("guangzhou-gxj/changelog/2.0.0.toml")).unwrap();
    let o = quanze(&["--registry", root.to_str().unwrap(), "check"]);
    let out = stdout(&o);
    assert!(
        out.contains("entry 1.1.0 has been changed after it was written, or an entry after it was removed: its hash is no longer the `previous` recorded by entry 3.0.0"),
        "{out}"
    );
    // `head` edited: nothing seals the last entry but `head`, so the
    // message names both.
    let root = tmp.path().join("head");
    common::copy_dir(std::path::Path::new("registry"), &root);
    flip_hash_digit(&root.join("guangzhou-gxj/list.toml"), "head");
    let o = quanze(&["--registry", root.to_str().unwrap(), "check"]);
    let out = stdout(&o);
    assert!(
        out.contains(
            "entry 5.0.4 has been changed after it was written, or the `head` in list.toml has"
        ),
        "{out}"
    );
}

#[test]
fn a_file_with_two_byte_order_marks_is_refused() {
    repo::at_top();
    let (_tmp, root) = scratch("tests/fixtures/valid/minimal");
    let file = root.join("test-bureau/list.toml");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, format!("\u{feff}\u{feff}{text}")).unwrap();
    let o = quanze(&["--registry", root.to_str().unwrap(), "check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("two byte-order marks"),
        "{}",
        stdout(&o)
    );
    // One is fine.
    std::fs::write(&file, format!("\u{feff}{text}")).unwrap();
    let o = quanze(&[
        "--registry",
        root.to_str().unwrap(),
        "check",
        "--as-of",
        "2026-11-28",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
}

/// A change-log entry copied under another version's file name is named as
/// the copy; the hash chain blamed the entry it copies.
#[test]
fn a_copied_entry_file_is_named_as_the_copy() {
    repo::at_top();
    let (_tmp, root) = scratch("registry");
    let log = root.join("guangzhou-gxj/changelog");
    std::fs::copy(log.join("5.0.0.toml"), log.join("9.0.0.toml")).unwrap();
    let o = quanze(&[
        "--registry",
        root.to_str().unwrap(),
        "check",
        "--as-of",
        "2026-11-28",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = format!("{}{}", stdout(&o), stderr(&o));
    assert!(
        err.contains("error[hash-chain]: entry file 9.0.0.toml is a copy of entry 5.0.0"),
        "{err}"
    );
    assert!(!err.contains("entry 5.0.0 has been changed"), "{err}");
}

/// Any one file that does not read is one error for `check` and one
/// finding for `audit` (exit 1), with no cascade: a shared file, an
/// authority record, an agreement, a change-log entry in the middle or at
/// the end, an item file, list.toml. Before, `audit` said "0 finding(s)" and
/// exited 0 for an unreadable documents.toml; an unreadable agreement
/// brought 15 entrusted-without-agreement errors and an unrecorded change;
/// an unreadable entry a hash-chain error blaming its neighbour, a head
/// mismatch and an unrecorded change for every item it touched.
#[test]
fn any_one_unreadable_file_is_one_error_and_one_finding() {
    repo::at_top();
    // (file, text replaced, by what; "" appends), the rule reported.
    let cases: [(&str, &str, &str, &str); 7] = [
        ("documents.toml", "", "\n[[[\n", "syntax"),
        ("authorities.toml", "\nname = ", "\nnmae = ", "unknown-key"),
        (
            "guangzhou-gxj/agreements/gd-gxt-2020-270.toml",
            "\nsigned = ",
            "\nsignd = ",
            "unknown-key",
        ),
        (
            "guangzhou-gxj/changelog/3.0.0.toml",
            "",
            "\n[[[\n",
            "syntax",
        ),
        (
            "guangzhou-gxj/changelog/5.0.0.toml",
            "",
            "\n[[[\n",
            "syntax",
        ),
        (
            "guangzhou-gxj/items/penalty.toml",
            "\nname = ",
            "\nnmae = ",
            "unknown-key",
        ),
        (
            "guangzhou-gxj/list.toml",
            "\nversion = ",
            "\nverison = ",
            "unknown-key",
        ),
    ];
    for (file, from, to, rule) in cases {
        let (_tmp, root) = scratch("registry");
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        let text = if from.is_empty() {
            format!("{text}{to}")
        } else {
            assert!(text.contains(from), "{file}");
            text.replacen(from, to, 1)
        };
        std::fs::write(&path, text).unwrap();
        let r = root.to_str().unwrap();
        let o = quanze(&["--registry", r, "check", "--as-of", "2026-11-28"]);
        assert_eq!(o.status.code(), Some(1), "{file}");
        let out = format!("{}{}", stdout(&o), stderr(&o));
        let errors: Vec<&str> = out.lines().filter(|l| l.starts_with("error[")).collect();
        assert_eq!(errors.len(), 1, "{file}: {errors:#?}");
        assert!(
            errors[0].starts_with(&format!("error[{rule}]")),
            "{file}: {errors:?}"
        );
        let o = quanze(&[
            "--registry",
            r,
            "--unverified",
            "audit",
            "guangzhou-gxj",
            "--as-of",
            "2026-11-28",
            "--format",
            "json",
        ]);
        assert_eq!(o.status.code(), Some(1), "{file}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let checks: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["check"].as_str().unwrap())
            .collect();
        assert_eq!(checks, [rule], "{file}");
    }
}

/// Line and paragraph separators and the bidirectional marks are refused
/// in text like the overrides; they passed, and reached the terminal raw.
#[test]
fn separators_and_bidi_marks_are_refused_in_text() {
    repo::at_top();
    for c in ['\u{2028}', '\u{2029}', '\u{200e}', '\u{200f}', '\u{061c}'] {
        let (_tmp, root) = scratch("tests/fixtures/valid/minimal");
        let items = std::fs::read_dir(root.join("test-bureau/items"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        let text = std::fs::read_to_string(&items).unwrap();
        let i = text.find("\nname = \"").unwrap() + "\nname = \"".len();
        std::fs::write(&items, format!("{}{c}{}", &text[..i], &text[i..])).unwrap();
        let o = quanze(&["--registry", root.to_str().unwrap(), "check"]);
        assert_eq!(o.status.code(), Some(1), "U+{:04X}", u32::from(c));
        let out = format!("{}{}", stdout(&o), stderr(&o));
        assert!(
            out.contains("error[control-character]"),
            "U+{:04X}: {out}",
            u32::from(c)
        );
        assert!(
            !out.contains(c),
            "U+{:04X} reached the output raw",
            u32::from(c)
        );
    }
}
