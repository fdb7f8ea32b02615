//! The `quanze` command line.

#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use quanze::write::{Adjustment, WriteError};
use quanze::{Date, Diagnostic, HashAlg, Lang, List, Loaded, Registry, Stats, Version};

/// quanze (权责): a versioned registry of a department's list of powers and
/// responsibilities.
#[derive(Parser)]
#[command(name = "quanze", version, about, long_about = None)]
struct Cli {
    /// The registry directory.
    #[arg(long, global = true, default_value = "registry", value_name = "DIR")]
    registry: PathBuf,
    /// Keep a stat index, the lists `check` found clean, the checkpoints of
    /// `changes` and the parsed files the fast TOML reader declines in DIR,
    /// and re-use them while the files' bytes are unchanged (keyed by
    /// content hashes, quanze version and build: the cache cannot go stale).
    #[arg(long, global = true, value_name = "DIR")]
    cache: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ChangesFormat {
    Text,
    Csv,
    Json,
}

impl From<ChangesFormat> for quanze::report::Format {
    fn from(f: ChangesFormat) -> Self {
        match f {
            ChangesFormat::Text => Self::Text,
            ChangesFormat::Csv => Self::Csv,
            ChangesFormat::Json => Self::Json,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Text,
    Md,
    Html,
    Csv,
    Json,
}

impl From<ReportFormat> for quanze::report::Format {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Text => Self::Text,
            ReportFormat::Md => Self::Markdown,
            ReportFormat::Html => Self::Html,
            ReportFormat::Csv => Self::Csv,
            ReportFormat::Json => Self::Json,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum HashArg {
    Sha256,
    Sm3,
}

impl From<HashArg> for HashAlg {
    fn from(h: HashArg) -> Self {
        match h {
            HashArg::Sha256 => Self::Sha256,
            HashArg::Sm3 => Self::Sm3,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Self {
        match l {
            LangArg::Zh => Self::Zh,
            LangArg::En => Self::En,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Check the registry (or one authority's list) and list every problem.
    ///
    /// Exit status: 0 when clean, 1 when problems were found, 2 on usage or
    /// I/O errors.
    Check {
        /// Check only this authority's list (and the shared files).
        authority: Option<String>,
        /// Check agreement cover up to this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
    },
    /// Count a list's items and units by category, with the indicators and
    /// case totals, in the official phrasing.
    Stats {
        /// The authority whose list to count.
        authority: String,
        /// Count what is in force on this date (default: today, or the
        /// version's date with --at).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Count the list as it was at this version (from the change log).
        #[arg(long, value_name = "VERSION")]
        at: Option<Version>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Language of the text output.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Show one item in full.
    Show {
        /// The authority whose list holds the item.
        authority: String,
        /// The item's code, a sub-item's code, or the item's id.
        code: String,
        /// Show the item as it was on this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Show the item as it was at this version (from the change log).
        #[arg(long, value_name = "VERSION")]
        at: Option<Version>,
        /// Language of the labels.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// List the change log: every version with its date, decisions and operations.
    Log {
        /// The authority whose list's log to show.
        authority: String,
    },
    /// Show every version of one item, with the deciding documents.
    History {
        /// The authority.
        authority: String,
        /// The item's code (current or former), a sub-item's code or its id.
        code: String,
    },
    /// Follow merges, splits and recodes from a code to the codes in force.
    Resolve {
        /// The authority.
        authority: String,
        /// The code, current or ended.
        code: String,
        /// Resolve as of this version instead of the head.
        #[arg(long, value_name = "VERSION")]
        at: Option<Version>,
    },
    /// What changed between two states of a list, on whose decision.
    ///
    /// FROM and TO are each a version (3.0.0), a date (2021-12-31) or
    /// `files` (the list files as they are).
    Diff {
        /// The authority.
        authority: String,
        /// The first state.
        from: quanze::Point,
        /// The second state.
        to: quanze::Point,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Units added, removed and changed (with the columns) in every list
    ///
    /// Unit-level changes between two points of every list of the registry
    /// (or one): units added, removed, and changed with the columns that
    /// differ. With --cache, checkpoints are kept and a list whose files
    /// did not change is not read again.
    Changes {
        /// The first state: a version, a date (the version in force in each
        /// list) or `files`.
        from: quanze::Point,
        /// The second state (default: the list files).
        #[arg(default_value = "files")]
        to: quanze::Point,
        /// Only this authority's list.
        #[arg(long)]
        authority: Option<String>,
        /// Text: one line per list and the total, without the units.
        #[arg(long)]
        summary: bool,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ChangesFormat,
    },
    /// Remove from the --cache directory what the registry no longer needs
    ///
    /// Parsed records of files that no longer have those bytes (or made by
    /// another quanze build), check records and checkpoints not used for
    /// --keep-days days, and temporary files left by a crash. A cache
    /// directory serves one registry: pruning drops the records of others.
    PruneCache {
        /// Keep check records and checkpoints used within this many days.
        #[arg(long, default_value_t = 30, value_name = "DAYS")]
        keep_days: u64,
    },
    /// Run every audit check; exit 1 when any finding is an error.
    Audit {
        /// The authority.
        authority: String,
        /// The first version (or date) to audit (default: the first).
        #[arg(long, value_name = "POINT")]
        from: Option<quanze::Point>,
        /// The last version (or date) to audit (default: the list files).
        #[arg(long, value_name = "POINT")]
        to: Option<quanze::Point>,
        /// Judge agreements on this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Warn about agreements ending within this many days.
        #[arg(long, value_name = "DAYS", default_value_t = 90)]
        expiring_within: i64,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Old code → new codes between two versions, with the event and deciding documents.
    Crosswalk {
        /// The authority.
        authority: String,
        /// The old state (a version or a date).
        from: quanze::Point,
        /// The new state (a version, a date or `files`).
        to: quanze::Point,
        /// Output format (text shows changed codes only).
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Compare two authorities' lists: what one has and the other lacks.
    Compare {
        /// The first authority.
        left: String,
        /// The second authority.
        right: String,
        /// Read the second authority from this registry (default: the same).
        #[arg(long, value_name = "DIR")]
        other_registry: Option<PathBuf>,
        /// Compare what is in force on this date (default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX
    /// with the `xlsx` feature), byte-identical for the same registry state.
    Publish {
        /// The authority.
        authority: String,
        /// Publish this version (default: the latest, or the one in force on --as-of).
        #[arg(long, value_name = "VERSION")]
        at: Option<Version>,
        /// Count what is in force on this date (default: the version's date).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
        /// Formats, comma-separated (html, md, csv, json, xlsx); default: all built in.
        #[arg(long, value_delimiter = ',', value_name = "FORMATS")]
        format: Vec<String>,
        /// The directory to write into (created if missing).
        #[arg(long, default_value = ".", value_name = "DIR")]
        out: PathBuf,
        /// Language of labels and headings.
        #[arg(long, value_enum, default_value = "zh")]
        lang: LangArg,
    },
    /// Export the items of every list (or one) as JSON Lines, one item per
    /// line with its authority and version, for DuckDB, Spark and the like.
    Export {
        /// Only this authority's list.
        authority: Option<String>,
        /// Export what is in force on this date (default: every record of the head).
        #[arg(long, value_name = "DATE")]
        as_of: Option<Date>,
    },
    /// Tell whether a published JSON catalogue matches the registry at its version.
    VerifyCatalogue {
        /// The JSON catalogue.
        file: PathBuf,
    },
    /// Apply an operations file: record it as a new change-log entry and update the list files.
    Apply {
        /// The authority.
        authority: String,
        /// The operations file (version, date, reason, [[decided_by]], [[op]]).
        file: PathBuf,
        /// Hash algorithm of the new link.
        #[arg(long, value_enum, default_value = "sha256")]
        hash: HashArg,
        /// Show the entry and the bump it needs; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Record the difference between the edited list files and the head of the change log.
    Adjust {
        /// The authority.
        authority: String,
        /// The new version.
        #[arg(long, value_name = "VERSION")]
        version: Version,
        /// The date the adjustment takes effect.
        #[arg(long, value_name = "DATE")]
        date: Date,
        /// The number of a deciding document in documents.toml (repeatable).
        #[arg(long = "decided-by", value_name = "NUMBER", required = true)]
        decided_by: Vec<String>,
        /// Why.
        #[arg(long)]
        reason: Option<String>,
        /// Operations to apply before the inferred ones (merges, splits,
        /// recodes): a file with [[op]] tables.
        #[arg(long, value_name = "FILE")]
        ops: Option<PathBuf>,
        /// Hash algorithm of the new link.
        #[arg(long, value_enum, default_value = "sha256")]
        hash: HashArg,
        /// Show the entry and the bump it needs; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// Print the JSON Schema of a registry file kind.
    #[cfg(feature = "schema")]
    Schema {
        /// Write every schema into this directory instead.
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// The file kind (authorities, documents, list, items, agreement, statistics).
        kind: Option<String>,
    },
}

/// Writes to standard output, ending quietly when the reader has gone.
fn print(s: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(s.as_bytes()).and_then(|()| out.flush());
}

fn fail(message: &str) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

/// The `--cache` directory, set once at start.
static CACHE: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();

/// How to read the registry: with the `--cache` directory, and only the
/// lists of `only` (all when empty). Lists are independent, so a command
/// about one list reads that list and the shared files, not the registry.
fn options(only: &[&str]) -> quanze::LoadOptions {
    let mut o = quanze::LoadOptions::default();
    if let Some(cache) = CACHE.get().and_then(Option::as_ref) {
        o = o.cache(cache);
    }
    if !only.is_empty() {
        o = o.only(only.iter().copied());
    }
    o
}

/// The lists a command with an optional authority reads: that one (which
/// must have a directory) or all (empty).
fn scope<'a>(root: &Path, authority: Option<&'a str>) -> Result<Vec<&'a str>, ExitCode> {
    match authority {
        Some(a) if !root.join(a).is_dir() => Err(fail(&format!(
            "no list for authority `{a}` in {}",
            root.display()
        ))),
        Some(a) => Ok(vec![a]),
        None => Ok(Vec::new()),
    }
}

fn load(root: &Path, only: &[&str]) -> Result<Loaded, ExitCode> {
    Registry::load_with(root, &options(only)).map_err(|e| fail(&e.to_string()))
}

/// Loads a registry (the lists of `only`, or all) that must have no reading
/// problems (syntax, keys, values).
fn load_clean(root: &Path, only: &[&str]) -> Result<Registry, ExitCode> {
    let loaded = load(root, only)?;
    if loaded.problems.is_empty() {
        return Ok(loaded.registry);
    }
    let mut s = String::new();
    for d in &loaded.problems {
        s.push_str(&d.render());
        s.push('\n');
    }
    eprint!("{s}");
    eprintln!(
        "error: the registry cannot be read ({} problem(s)); `quanze check` lists them",
        loaded.problems.len()
    );
    Err(ExitCode::from(1))
}

fn find_list<'a>(reg: &'a Registry, authority: &str, root: &Path) -> Result<&'a List, ExitCode> {
    reg.list(authority).ok_or_else(|| {
        fail(&format!(
            "no list for authority `{authority}` in {}",
            root.display()
        ))
    })
}

fn replayed(list: &List) -> Result<quanze::History, ExitCode> {
    if list.log.is_empty() {
        return Err(fail(&format!(
            "the list of `{}` has no change log",
            list.authority
        )));
    }
    list.history().map_err(|(n, e)| {
        fail(&format!(
            "the change log does not replay (entry {}, operation {}: {e}); run `quanze check`",
            list.log[n].entry.version, e.index
        ))
    })
}

/// The list to count or show, and the date to count it on.
fn view(list: &List, at: Option<&Version>, as_of: Option<Date>) -> Result<(List, Date), ExitCode> {
    match (at, as_of) {
        (Some(v), date) => {
            let Some(l) = list.at_version(v) else {
                return Err(fail(&format!(
                    "the change log of `{}` has no version {v}",
                    list.authority
                )));
            };
            let entry_date = list
                .log
                .iter()
                .find(|e| &e.entry.version == v)
                .map(|e| e.entry.date);
            let date = date.or(entry_date).unwrap_or_else(Date::today);
            Ok((l, date))
        }
        (None, date) => {
            let date = date.unwrap_or_else(Date::today);
            match list.as_of(date) {
                Some(l) => Ok((l, date)),
                None => Err(fail(&format!(
                    "the change log of `{}` has no version in force on {date}",
                    list.authority
                ))),
            }
        }
    }
}

fn log_text(list: &List) -> String {
    let mut s = String::new();
    if list.log.is_empty() {
        return format!("the list of `{}` has no change log\n", list.authority);
    }
    for e in &list.log {
        let docs: Vec<&str> = e
            .entry
            .decided_by
            .iter()
            .map(|d| d.number.as_str())
            .collect();
        let mut counts: Vec<(quanze::OpKind, usize)> = Vec::new();
        for op in &e.entry.op {
            match counts.iter_mut().find(|(k, _)| *k == op.kind()) {
                Some((_, n)) => *n += 1,
                None => counts.push((op.kind(), 1)),
            }
        }
        let ops: Vec<String> = counts
            .iter()
            .map(|(k, n)| format!("{} {n}", k.id()))
            .collect();
        let alg = e
            .entry
            .previous
            .as_deref()
            .and_then(HashAlg::of)
            .unwrap_or_default();
        s.push_str(&format!(
            "{} {} {}\n",
            e.entry.version,
            e.entry.date,
            docs.join("、")
        ));
        if let Some(r) = &e.entry.reason {
            s.push_str(&format!("    {r}\n"));
        }
        s.push_str(&format!("    {} · {}\n", ops.join(", "), e.hash(alg)));
    }
    s
}

fn recorded_text(rec: &quanze::write::Recorded, dry_run: bool) -> String {
    let mut s = String::new();
    if dry_run {
        s.push_str(&format!(
            "dry run: nothing written. The operations require a {} bump.\n",
            rec.required
        ));
        if let Some(why) = &rec.refusal {
            s.push_str(&format!("as given, it would be refused: {why}\n"));
        }
        s.push('\n');
        s.push_str(&rec.text);
    } else {
        s.push_str(&format!(
            "recorded version {} ({} bump required); wrote {}\n",
            rec.entry.version,
            rec.required,
            rec.files.join(", ")
        ));
    }
    s
}

fn write_fail(e: WriteError) -> ExitCode {
    match e {
        WriteError::Invalid(problems) => {
            let mut s = String::new();
            for d in &problems {
                s.push_str(&d.render());
                s.push('\n');
            }
            eprint!("{s}");
            eprintln!("error: {} problem(s); nothing was written", problems.len());
            ExitCode::from(1)
        }
        WriteError::Locked(_) => {
            eprintln!("error: {e}");
            ExitCode::from(3)
        }
        other => {
            eprintln!("error: {other}");
            ExitCode::from(1)
        }
    }
}

fn in_scope(d: &Diagnostic, root: &Path, authority: Option<&str>) -> bool {
    match authority {
        None => true,
        Some(a) => {
            let rel = d.file.strip_prefix(root).unwrap_or(&d.file);
            match rel.components().next() {
                Some(first) if rel.components().count() > 1 => first.as_os_str() == a,
                _ => true,
            }
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, ExitCode> {
    let root = cli.registry.as_path();
    let _ = CACHE.set(cli.cache.clone());
    match cli.command {
        Command::Check { authority, as_of } => {
            let only = scope(root, authority.as_deref())?;
            let opts =
                quanze::CheckOptions::new(as_of.unwrap_or_else(Date::today)).load(options(&only));
            let report = Registry::check(root, &opts).map_err(|e| fail(&e.to_string()))?;
            let mut problems = report.problems;
            problems.retain(|d| in_scope(d, root, authority.as_deref()));
            let mut s = String::new();
            for d in &problems {
                s.push_str(&d.render());
                s.push('\n');
            }
            if problems.is_empty() {
                s.push_str(&format!(
                    "ok: {} holds {} list(s) and {} item record(s); no problems found\n",
                    root.display(),
                    report.lists,
                    report.items
                ));
                print(&s);
                Ok(ExitCode::SUCCESS)
            } else {
                s.push_str(&format!("{} problem(s) found\n", problems.len()));
                print(&s);
                Ok(ExitCode::from(1))
            }
        }
        Command::Stats {
            authority,
            as_of,
            at,
            format,
            lang,
        } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            let (list, date) = view(list, at.as_ref(), as_of)?;
            let stats = Stats::compute(&reg, &list, date);
            match format {
                Format::Json => {
                    let json =
                        serde_json::to_string_pretty(&stats).map_err(|e| fail(&e.to_string()))?;
                    print(&format!("{json}\n"));
                }
                Format::Text => print(&match Lang::from(lang) {
                    Lang::Zh => stats.text_zh(),
                    Lang::En => stats.text_en(&reg),
                }),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show {
            authority,
            code,
            as_of,
            at,
            lang,
        } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            let (list, date) = view(list, at.as_ref(), as_of)?;
            let list = &list;
            let item = list.items.iter().find(|i| {
                i.code.as_str() == code
                    || i.id.as_str() == code
                    || i.sub.iter().any(|s| s.code.as_str() == code)
            });
            let Some(item) = item else {
                let codes = list.items.iter().map(|i| i.code.as_str());
                let hint = quanze::diag::suggest(&code, codes)
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
                return Err(fail(&format!(
                    "no item with code or id `{code}` in the list of `{authority}`{hint}"
                )));
            };
            print(&quanze::render_item(&reg, list, item, date, lang.into()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Log { authority } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            print(&log_text(list));
            Ok(ExitCode::SUCCESS)
        }
        Command::History { authority, code } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            let history = replayed(list)?;
            let versions = history.item_history(&code);
            if versions.is_empty() {
                return Err(fail(&format!(
                    "no item has or had code or id `{code}` in the change log of `{authority}`"
                )));
            }
            let mut s = String::new();
            for v in versions {
                let ops: Vec<String> = v
                    .ops
                    .iter()
                    .map(|k| format!("{} {}", k.id(), k.zh()))
                    .collect();
                let docs: Vec<&str> = v.decided_by.iter().map(|d| d.number.as_str()).collect();
                s.push_str(&format!(
                    "{} {} [{}] {}\n",
                    v.version,
                    v.date,
                    ops.join(", "),
                    docs.join("、")
                ));
                match v.item {
                    Some(i) => s.push_str(&format!(
                        "    {} {} · {} · {}{}\n",
                        i.code,
                        i.name,
                        i.category.zh(),
                        i.status.zh(),
                        i.ended.map(|e| format!(" (止于{e})")).unwrap_or_default()
                    )),
                    None => s.push_str("    (no record)\n"),
                }
            }
            print(&s);
            Ok(ExitCode::SUCCESS)
        }
        Command::Resolve {
            authority,
            code,
            at,
        } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            let history = replayed(list)?;
            if let Some(v) = &at
                && history.at(v).is_none()
            {
                return Err(fail(&format!(
                    "the change log of `{authority}` has no version {v}"
                )));
            }
            match history.resolve(&code, at.as_ref()) {
                Some(r) => {
                    print(&r.render());
                    Ok(ExitCode::SUCCESS)
                }
                None => Err(fail(&format!(
                    "code `{code}` was never used in the list of `{authority}`"
                ))),
            }
        }
        Command::Diff {
            authority,
            from,
            to,
            format,
        } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            let cs = quanze::ChangeSet::between(&reg, list, &from, &to).map_err(|e| fail(&e))?;
            print(&quanze::report::changeset(&cs, format.into()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Changes {
            from,
            to,
            authority,
            summary,
            format,
        } => {
            let only = scope(root, authority.as_deref())?;
            let results = Registry::unit_changes(root, &options(&only), &from, &to)
                .map_err(|e| fail(&e.to_string()))?;
            let names = match &authority {
                Some(a) => vec![a.clone()],
                None => Registry::list_names(root).map_err(|e| fail(&e.to_string()))?,
            };
            let mut lists = Vec::new();
            let mut failed = false;
            for (name, r) in names.iter().zip(results) {
                match r {
                    Ok(l) => lists.push(l),
                    Err(e) => {
                        eprintln!("error: {name}: {e}");
                        failed = true;
                    }
                }
            }
            let label = |p: &quanze::Point| match p {
                quanze::Point::Files => "files".to_owned(),
                quanze::Point::Version(v) => v.to_string(),
                quanze::Point::Date(d) => d.to_string(),
            };
            print(&quanze::report::unit_changes(
                &lists,
                &label(&from),
                &label(&to),
                format.into(),
                summary,
            ));
            Ok(if failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::PruneCache { keep_days } => {
            let Some(cache) = CACHE.get().and_then(Option::as_ref) else {
                return Err(fail(
                    "prune-cache needs the cache directory: quanze --cache DIR prune-cache",
                ));
            };
            let p =
                Registry::prune_cache(root, cache, keep_days).map_err(|e| fail(&e.to_string()))?;
            print(&format!(
                "removed {} cache file(s) ({} bytes); kept {}\n",
                p.removed, p.bytes, p.kept
            ));
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit {
            authority,
            from,
            to,
            as_of,
            expiring_within,
            format,
        } => {
            let reg = load(root, &[&authority])?.registry;
            let list = find_list(&reg, &authority, root)?;
            let opts = quanze::audit::AuditOptions {
                from,
                to,
                as_of: as_of.unwrap_or_else(Date::today),
                expiring_within,
            };
            let findings = quanze::audit::audit(&reg, list, &opts).map_err(|e| fail(&e))?;
            print(&quanze::report::findings(&findings, format.into()));
            Ok(if quanze::audit::has_errors(&findings) {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Crosswalk {
            authority,
            from,
            to,
            format,
        } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            let rows = quanze::crosswalk::crosswalk(list, &from, &to).map_err(|e| fail(&e))?;
            print(&quanze::report::crosswalk(&rows, format.into()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare {
            left,
            right,
            other_registry,
            as_of,
            format,
        } => {
            let reg = match &other_registry {
                Some(_) => load_clean(root, &[&left])?,
                None => load_clean(root, &[&left, &right])?,
            };
            let other = match &other_registry {
                Some(dir) => load_clean(dir, &[&right])?,
                None => reg.clone(),
            };
            let l = find_list(&reg, &left, root)?;
            let r = find_list(&other, &right, other_registry.as_deref().unwrap_or(root))?;
            let c =
                quanze::crosswalk::compare(&reg, l, &other, r, as_of.unwrap_or_else(Date::today));
            print(&quanze::report::comparison(&c, format.into()));
            Ok(ExitCode::SUCCESS)
        }
        Command::Publish {
            authority,
            at,
            as_of,
            format,
            out,
            lang,
        } => {
            let reg = load_clean(root, &[&authority])?;
            let list = find_list(&reg, &authority, root)?;
            let sel = quanze::catalogue::Selection { at, as_of };
            let cat =
                quanze::catalogue::Catalogue::build(&reg, list, &sel).map_err(|e| fail(&e))?;
            let writers = quanze::catalogue::writers();
            let chosen: Vec<&Box<dyn quanze::catalogue::Writer>> = if format.is_empty() {
                writers.iter().collect()
            } else {
                let mut v = Vec::new();
                for f in &format {
                    match writers.iter().find(|w| w.name() == f.as_str()) {
                        Some(w) => v.push(w),
                        None => {
                            let names: Vec<&str> = writers.iter().map(|w| w.name()).collect();
                            let hint = if f == "xlsx" {
                                " (xlsx needs a build with `--features xlsx`)"
                            } else {
                                ""
                            };
                            return Err(fail(&format!(
                                "unknown format `{f}`; this build has {}{hint}",
                                names.join(", ")
                            )));
                        }
                    }
                }
                v
            };
            std::fs::create_dir_all(&out).map_err(|e| fail(&format!("{}: {e}", out.display())))?;
            let mut s = String::new();
            for w in chosen {
                let bytes = w.render(&cat, lang.into()).map_err(|e| fail(&e))?;
                let path = out.join(cat.file_name(w.extension()));
                quanze::write_atomic(&path, &bytes).map_err(|e| fail(&e.to_string()))?;
                s.push_str(&format!(
                    "wrote {} ({} bytes)\n",
                    path.display(),
                    bytes.len()
                ));
            }
            print(&s);
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { authority, as_of } => {
            let names = match scope(root, authority.as_deref())?[..] {
                [a] => vec![a.to_owned()],
                _ => Registry::list_names(root).map_err(|e| fail(&e.to_string()))?,
            };
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            // A few lists at a time, each read, exported and dropped, so a
            // province-wide export never holds the registry in memory.
            let per_round = 2 * std::thread::available_parallelism().map_or(1, usize::from);
            for names in names.chunks(per_round) {
                let only: Vec<&str> = names.iter().map(String::as_str).collect();
                let reg = load_clean(root, &only)?;
                for list in reg.lists.values() {
                    let view = match as_of {
                        Some(d) => list.as_of(d).unwrap_or_else(|| list.clone()),
                        None => list.clone(),
                    };
                    for item in &view.items {
                        if as_of.is_some_and(|d| !item.in_force_on(d)) {
                            continue;
                        }
                        let line = quanze::export_line(&view, item).map_err(|e| fail(&e))?;
                        if out.write_all(line.as_bytes()).is_err() {
                            return Ok(ExitCode::SUCCESS);
                        }
                    }
                }
            }
            let _ = out.flush();
            Ok(ExitCode::SUCCESS)
        }
        Command::VerifyCatalogue { file } => {
            let reg = load_clean(root, &[])?;
            let text = std::fs::read_to_string(&file)
                .map_err(|e| fail(&format!("{}: {e}", file.display())))?;
            match quanze::catalogue::verify(&reg, &text)
                .map_err(|e| fail(&format!("{}: {e}", file.display())))?
            {
                quanze::catalogue::VerifyOutcome::Matches {
                    version,
                    entry_hash,
                } => {
                    print(&format!(
                        "{} matches the registry at version {version} (entry {})\n",
                        file.display(),
                        entry_hash.as_deref().unwrap_or("-")
                    ));
                    Ok(ExitCode::SUCCESS)
                }
                quanze::catalogue::VerifyOutcome::Differs(paths) => {
                    let mut s = format!(
                        "{} does not match the registry; it differs at:\n",
                        file.display()
                    );
                    for p in paths.iter().take(50) {
                        s.push_str(&format!("  {p}\n"));
                    }
                    if paths.len() > 50 {
                        s.push_str(&format!("  … and {} more\n", paths.len() - 50));
                    }
                    print(&s);
                    Ok(ExitCode::from(1))
                }
            }
        }
        Command::Apply {
            authority,
            file,
            hash,
            dry_run,
        } => {
            let entry = quanze::write::read_ops_file(&file).map_err(write_fail)?;
            let adj = Adjustment {
                version: entry.version,
                date: entry.date,
                decided_by: entry.decided_by,
                reason: entry.reason,
                ops: entry.op,
                hash: hash.into(),
            };
            let rec = quanze::write::apply(root, &authority, &adj, dry_run).map_err(write_fail)?;
            print(&recorded_text(&rec, dry_run));
            Ok(ExitCode::SUCCESS)
        }
        Command::Adjust {
            authority,
            version,
            date,
            decided_by,
            reason,
            ops,
            hash,
            dry_run,
        } => {
            let reg = load_clean(root, &[&authority])?;
            let decided_by = quanze::write::decisions(&reg, &decided_by).map_err(write_fail)?;
            let ops = match ops {
                Some(f) => quanze::write::read_ops_list(&f).map_err(write_fail)?,
                None => Vec::new(),
            };
            let adj = Adjustment {
                version,
                date,
                decided_by,
                reason,
                ops,
                hash: hash.into(),
            };
            let rec = quanze::write::adjust(root, &authority, &adj, dry_run).map_err(write_fail)?;
            print(&recorded_text(&rec, dry_run));
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "schema")]
        Command::Schema { out, kind } => {
            let schemas = quanze::schema::all();
            if let Some(dir) = out {
                std::fs::create_dir_all(&dir)
                    .map_err(|e| fail(&format!("{}: {e}", dir.display())))?;
                for (name, text) in &schemas {
                    let path = dir.join(format!("{name}.schema.json"));
                    quanze::write_atomic(&path, text.as_bytes())
                        .map_err(|e| fail(&e.to_string()))?;
                }
                return Ok(ExitCode::SUCCESS);
            }
            let kind = kind.unwrap_or_else(|| "items".to_owned());
            match schemas.iter().find(|(n, _)| *n == kind) {
                Some((_, text)) => {
                    print(text);
                    Ok(ExitCode::SUCCESS)
                }
                None => {
                    let names: Vec<&str> = schemas.iter().map(|(n, _)| *n).collect();
                    Err(fail(&format!(
                        "unknown file kind `{kind}`; expected one of {}",
                        names.join(", ")
                    )))
                }
            }
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    run(cli).unwrap_or_else(|code| code)
}
