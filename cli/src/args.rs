//! The definition of the command line: every command, its arguments and
//! its options (clap).

// Doc comments on the value enums' variants would become help text.
#![allow(missing_docs)]

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use quanze::publish::{Format, Report};
use quanze::{Date, HashAlg, Lang, Point, Version};

/// quanze (权责): a versioned registry of a department's list of powers and
/// responsibilities.
#[derive(Parser)]
#[command(
    name = "quanze",
    version,
    about = "A versioned registry of a government department's list of administrative powers and responsibilities (权责清单)",
    long_about = None
)]
pub struct Cli {
    /// The registry directory.
    #[arg(long, global = true, default_value = "registry", value_name = "DIR")]
    pub registry: PathBuf,
    /// Keep a stat index, the lists `check` found clean, the checkpoints of
    /// `changes` and the parsed files the fast TOML reader declines in DIR,
    /// and re-use them while the files' bytes are unchanged (keyed by
    /// content hashes, quanze version and build: the cache cannot go stale).
    #[arg(long, global = true, value_name = "DIR")]
    pub cache: Option<PathBuf>,
    /// Colour diagnostics: on a terminal (auto, also unless NO_COLOR is set),
    /// always, or never.
    #[arg(
        long,
        global = true,
        value_enum,
        default_value = "auto",
        value_name = "WHEN"
    )]
    pub color: ColorArg,
    /// Show a list whose history does not verify (a broken hash chain, or
    /// files with changes the change log does not record), marked as
    /// unverified, instead of refusing (exit 1).
    #[arg(long, global = true)]
    pub unverified: bool,
    /// Use at most N threads, 1 to 256 (default: one per core).
    #[arg(long, global = true, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=256))]
    pub jobs: Option<u16>,
    #[command(subcommand)]
    pub command: Command,
}

/// Reads `--format` for one report: exactly the formats the library
/// renders it in ([`Report::formats`]), so a format a command cannot
/// produce is refused when the arguments are parsed.
#[derive(Clone, Copy)]
pub struct FormatParser(pub Report);

impl clap::builder::TypedValueParser for FormatParser {
    type Value = Format;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Format, clap::Error> {
        let text = value.to_string_lossy();
        if let Some(f) = self.0.formats().iter().find(|f| f.name() == text) {
            return Ok(*f);
        }
        let mut err = clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd);
        use clap::error::{ContextKind, ContextValue};
        if let Some(arg) = arg {
            err.insert(
                ContextKind::InvalidArg,
                ContextValue::String(arg.to_string()),
            );
        }
        err.insert(
            ContextKind::InvalidValue,
            ContextValue::String(text.into_owned()),
        );
        err.insert(
            ContextKind::ValidValue,
            ContextValue::Strings(
                self.0
                    .formats()
                    .iter()
                    .map(|f| f.name().to_owned())
                    .collect(),
            ),
        );
        Err(err)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.0
                .formats()
                .iter()
                .map(|f| clap::builder::PossibleValue::new(f.name())),
        ))
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum HashArg {
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
pub enum LangArg {
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

/// The commands.
#[derive(Subcommand)]
pub enum Command {
    /// Print the shell completion script for SHELL.
    Completions(CompletionsArgs),
    /// Print the man page (roff).
    Man,
    /// Check the registry (or one authority's list) and list every problem.
    ///
    /// Exit status: 0 when clean, 1 when problems were found, 2 on usage or
    /// I/O errors.
    Check(CheckArgs),
    /// Count a list's items and units by category, with the indicators and
    /// case totals, in the official phrasing.
    Stats(StatsArgs),
    /// Show one item in full.
    Show(ShowArgs),
    /// List the change log: every version with its date, decisions and operations.
    Log(LogArgs),
    /// Show every version of one item, with the deciding documents.
    History(HistoryArgs),
    /// Follow merges, splits and recodes from a code to the codes in force.
    Resolve(ResolveArgs),
    /// What changed between two states of a list, on whose decision.
    ///
    /// FROM and TO are each a version (3.0.0), a date (2021-12-31) or
    /// `files` (the list files as they are).
    Diff(DiffArgs),
    /// Units added, removed and changed (with the columns) in every list
    ///
    /// Unit-level changes between two points of every list of the registry
    /// (or one): units added, removed, and changed with the columns that
    /// differ. With --cache, checkpoints are kept and a list whose files
    /// did not change is not read again.
    Changes(ChangesArgs),
    /// Remove from the --cache directory what the registry no longer needs
    ///
    /// Parsed records of files that no longer have those bytes (or made by
    /// another quanze build), check records and checkpoints not used for
    /// --keep-days days, and temporary files left by a crash. A cache
    /// directory serves one registry: pruning drops the records of others.
    PruneCache(PruneCacheArgs),
    /// Run every audit check; exit 1 when any finding is an error.
    Audit(AuditArgs),
    /// Old code → new codes between two versions, with the event and deciding documents.
    Crosswalk(CrosswalkArgs),
    /// Compare two authorities' lists: what one has and the other lacks.
    Compare(CompareArgs),
    /// Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX
    /// with the `xlsx` feature), byte-identical for the same registry state.
    Publish(PublishArgs),
    /// Export the items of every list (or one) as JSON Lines, one item per
    /// line with its authority and version, for DuckDB, Spark and the like.
    Export(ExportArgs),
    /// Tell whether a published JSON catalogue matches the registry at its version.
    VerifyCatalogue(VerifyCatalogueArgs),
    /// Apply an operations file: record it as a new change-log entry and update the list files.
    Apply(ApplyArgs),
    /// Record the difference between the edited list files and the head of the change log.
    Adjust(AdjustArgs),
    /// Import a list from spreadsheets (XLSX, CSV in UTF-8 or GBK) or
    /// quanze's own catalogues.
    ///
    /// A new list is written whole; an existing list's files are rewritten
    /// to the imported state, and `quanze adjust` then records the change
    /// with its deciding document. Exit status 1 when any row is rejected
    /// (nothing is written) unless --keep-going.
    Import(ImportArgs),
    /// Compare two spreadsheets or published catalogues without a registry
    ///
    /// Both files are imported in memory (as `quanze import` reads them) and
    /// compared: items matched by code, else by category and name, else by
    /// similar names (a rename, with its similarity); the differences of
    /// matched items by column; what only one side has.
    DiffFiles(DiffFilesArgs),
    /// Record a law's enactment, amendment or repeal in the laws log.
    ///
    /// Appends an entry to the hash-chained laws log (laws/changelog/) and
    /// rewrites laws/laws.toml to match, after checking the result. The
    /// items that cite an amended or repealed law get pending effects
    /// (`quanze pending`).
    #[command(subcommand)]
    Law(LawCommand),
    /// Every item, in every list, that cites a law, and what the law's
    /// latest event means for it.
    Impact(ImpactArgs),
    /// Effects of upstream changes (laws amended or repealed, parent items
    /// changed) on the lists below, with their deadlines in working days.
    ///
    /// Exit status 1 when any effect is overdue.
    Pending(PendingArgs),
    /// Every child list of a parent list side by side: which parent items
    /// each claims, and where names, bases, categories and limits deviate.
    Align(AlignArgs),
    /// Print the JSON Schema of a registry file kind.
    #[cfg(feature = "schema")]
    Schema(SchemaArgs),
}

/// The `quanze law` subcommands.
#[derive(clap::Subcommand)]
pub enum LawCommand {
    /// A new law enters the laws file (its first version).
    Enact(LawEnactArgs),
    /// A new version of a law: amended (修订/修正) by the deciding document.
    Amend(LawAmendArgs),
    /// A law is repealed (废止) by the deciding document.
    Repeal(LawRepealArgs),
    /// Record a laws operations file (date, [[decided_by]], [[event]]).
    Apply(LawApplyArgs),
    /// List the laws with their versions and status on a date.
    List(LawListArgs),
}

/// What every law event takes.
#[derive(clap::Args)]
pub struct LawCommon {
    /// The entry's date (the day the event is recorded).
    #[arg(long, value_name = "DATE")]
    pub date: Date,
    /// The number of the deciding document in documents.toml (repeatable;
    /// the first is the amending or repealing document).
    #[arg(long = "decided-by", value_name = "NUMBER", required = true)]
    pub decided_by: Vec<String>,
    /// The new version of the laws (default: the bump the event requires).
    #[arg(long, value_name = "VERSION")]
    pub version: Option<Version>,
    /// Why.
    #[arg(long)]
    pub reason: Option<String>,
    /// Show the entry; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// A new law.
#[derive(clap::Args)]
pub struct LawEnactArgs {
    /// The new law's id (letters, digits and `-`).
    pub law: String,
    /// Its title, without book-title marks.
    #[arg(long)]
    pub title: String,
    /// Its level: law, administrative-regulation, state-council-decision,
    /// departmental-rule, local-regulation, local-rule, normative-document.
    #[arg(long)]
    pub level: String,
    /// The body that made it.
    #[arg(long)]
    pub issuer: String,
    /// The document number that promulgated it.
    #[arg(long)]
    pub number: Option<String>,
    /// Day of promulgation.
    #[arg(long, value_name = "DATE")]
    pub promulgated: Option<Date>,
    /// First day in force.
    #[arg(long, value_name = "DATE")]
    pub effective: Date,
    /// An article it has (repeatable): bases may then cite only these.
    #[arg(long = "article", value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// The record is plausible, not verified.
    #[arg(long)]
    pub reconstructed: bool,
    #[command(flatten)]
    pub common: LawCommon,
}

/// A law's amendment.
#[derive(clap::Args)]
pub struct LawAmendArgs {
    /// The law: its id, its document number or its exact title.
    pub law: String,
    /// First day the amended text is in force (default: --date).
    #[arg(long, value_name = "DATE")]
    pub effective: Option<Date>,
    /// The new title, when the amendment renames it.
    #[arg(long)]
    pub title: Option<String>,
    /// The articles after the amendment (repeatable; replaces the list).
    #[arg(long = "article", value_name = "ARTICLE")]
    pub articles: Vec<String>,
    /// What changed.
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub common: LawCommon,
}

/// A law's repeal.
#[derive(clap::Args)]
pub struct LawRepealArgs {
    /// The law: its id, its document number or its exact title.
    pub law: String,
    /// The first day it is no longer in force (default: --date).
    #[arg(long, value_name = "DATE")]
    pub effective: Option<Date>,
    /// The law that replaces it (an id).
    #[arg(long, value_name = "LAW")]
    pub replaced_by: Option<String>,
    #[command(flatten)]
    pub common: LawCommon,
}

/// A laws operations file.
#[derive(clap::Args)]
pub struct LawApplyArgs {
    /// The file.
    pub file: PathBuf,
    /// Show the entry; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// The laws on a date.
#[derive(clap::Args)]
pub struct LawListArgs {
    /// The date (default: today; the output says which).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
}

/// Every item citing a law.
#[derive(clap::Args)]
pub struct ImpactArgs {
    /// The law: its id, its document number or its exact title.
    pub law: String,
    /// Only the items citing this article (e.g. 第二十七条).
    #[arg(long, value_name = "ARTICLE")]
    pub article: Option<String>,
    /// The lists as they stood on this date (default: today; the output says which).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Impact))]
    pub format: Format,
}

/// Pending effects of upstream changes.
#[derive(clap::Args)]
pub struct PendingArgs {
    /// Only the effects on this authority's list.
    pub authority: Option<String>,
    /// Judge deadlines on this date (default: today; the output says which).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Also the effects already answered.
    #[arg(long)]
    pub all: bool,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Pending))]
    pub format: Format,
}

/// Child lists beside their parent.
#[derive(clap::Args)]
pub struct AlignArgs {
    /// The parent list (its holder's id).
    pub parent: String,
    /// The lists as they stood on this date (default: today; the output says which).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Align))]
    pub format: Format,
}

/// Compare two spreadsheets or published catalogues without a registry.
#[derive(clap::Args)]
pub struct DiffFilesArgs {
    /// The older file (.xlsx, .csv, .txt or quanze's .json catalogue).
    pub old: PathBuf,
    /// The newer file.
    pub new: PathBuf,
    /// A mapping file for both (see `quanze import --map`).
    #[arg(long, value_name = "MAP.toml")]
    pub map: Option<PathBuf>,
    /// The date both lists are read as in force on (default: today); the
    /// comparison is titled with it.
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Compare))]
    pub format: Format,
}

/// Import a list from spreadsheets or quanze's own catalogues.
#[derive(clap::Args)]
pub struct ImportArgs {
    /// The id of the list's holder (its directory in the registry).
    #[arg(long, value_name = "ID")]
    pub authority: quanze::Id,
    /// The holder's official name, for a holder authorities.toml does not
    /// name (it is also the body of items whose sheet names none).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The day from which imported items are in force (default: today).
    #[arg(long, value_name = "DATE")]
    pub effective: Option<Date>,
    /// A mapping file for layouts import does not recognise (header row,
    /// columns, category): see docs/importing.md.
    #[arg(long, value_name = "MAP.toml")]
    pub map: Option<PathBuf>,
    /// Import the rows that can be imported and report the others.
    #[arg(long)]
    pub keep_going: bool,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the report as JSON (what was read, which column went where,
    /// what was rejected, and what check says of the result).
    #[arg(long)]
    pub json: bool,
    /// The files: .xlsx (every sheet), .csv or .txt, or quanze's .json catalogue.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Check the registry (or one authority's list) and list every problem.
///
/// Exit status: 0 when clean, 1 when problems were found, 2 on usage or
/// I/O errors.
#[derive(clap::Args)]
pub struct CheckArgs {
    /// Check only this authority's list (and the shared files).
    pub authority: Option<String>,
    /// Check agreement cover up to this date (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
}

/// Count a list's items and units by category, with the indicators and
/// case totals, in the official phrasing.
#[derive(clap::Args)]
pub struct StatsArgs {
    /// The authority whose list to count.
    pub authority: String,
    /// Count what is in force on this date (default: today, or the
    /// version's date with --at).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Count the list as it was at this version (from the change log).
    #[arg(long, value_name = "VERSION")]
    pub at: Option<Version>,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Stats))]
    pub format: Format,
    /// Language of the text output.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: LangArg,
}

/// Show one item in full.
#[derive(clap::Args)]
pub struct ShowArgs {
    /// The authority whose list holds the item.
    pub authority: String,
    /// The item's code, a sub-item's code, or the item's id.
    pub code: String,
    /// Show the item as it was on this date (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Show the item as it was at this version (from the change log).
    #[arg(long, value_name = "VERSION")]
    pub at: Option<Version>,
    /// Language of the labels.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: LangArg,
}

/// List the change log: every version with its date, decisions and operations.
#[derive(clap::Args)]
pub struct LogArgs {
    /// The authority whose list's log to show.
    pub authority: String,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Log))]
    pub format: Format,
}

/// Show every version of one item, with the deciding documents.
#[derive(clap::Args)]
pub struct HistoryArgs {
    /// The authority.
    pub authority: String,
    /// The item's code (current or former), a sub-item's code or its id.
    pub code: String,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::History))]
    pub format: Format,
}

/// Follow merges, splits and recodes from a code to the codes in force.
#[derive(clap::Args)]
pub struct ResolveArgs {
    /// The authority.
    pub authority: String,
    /// The code, current or ended.
    pub code: String,
    /// Resolve as of this version instead of the head.
    #[arg(long, value_name = "VERSION")]
    pub at: Option<Version>,
}

/// What changed between two states of a list, on whose decision.
///
/// FROM and TO are each a version (3.0.0), a date (2021-12-31) or
/// `files` (the list files as they are).
#[derive(clap::Args)]
pub struct DiffArgs {
    /// The authority.
    pub authority: String,
    /// The first state.
    pub from: Point,
    /// The second state.
    pub to: Point,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Diff))]
    pub format: Format,
}

/// Units added, removed and changed (with the columns) in every list
///
/// Unit-level changes between two points of every list of the registry
/// (or one): units added, removed, and changed with the columns that
/// differ. With --cache, checkpoints are kept and a list whose files
/// did not change is not read again.
#[derive(clap::Args)]
pub struct ChangesArgs {
    /// The first state: a version, a date (the version in force in each
    /// list) or `files`.
    pub from: Point,
    /// The second state (default: the list files).
    #[arg(default_value = "files")]
    pub to: Point,
    /// Only this authority's list.
    #[arg(long)]
    pub authority: Option<String>,
    /// Text: one line per list and the total, without the units.
    #[arg(long)]
    pub summary: bool,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Changes))]
    pub format: Format,
}

/// Remove from the --cache directory what the registry no longer needs
///
/// Parsed records of files that no longer have those bytes (or made by
/// another quanze build), check records and checkpoints not used for
/// --keep-days days, and temporary files left by a crash. A cache
/// directory serves one registry: pruning drops the records of others.
#[derive(clap::Args)]
pub struct PruneCacheArgs {
    /// Keep check records and checkpoints used within this many days.
    #[arg(long, default_value_t = 30, value_name = "DAYS")]
    pub keep_days: u64,
}

/// Run every audit check; exit 1 when any finding is an error.
#[derive(clap::Args)]
pub struct AuditArgs {
    /// The authority.
    pub authority: String,
    /// The first version (or date) to audit (default: the first).
    #[arg(long, value_name = "POINT")]
    pub from: Option<Point>,
    /// The last version (or date) to audit (default: the list files).
    #[arg(long, value_name = "POINT")]
    pub to: Option<Point>,
    /// Judge agreements on this date (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Warn about agreements ending within this many days.
    #[arg(long, value_name = "DAYS", default_value_t = 90)]
    pub expiring_within: i64,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Audit))]
    pub format: Format,
}

/// Old code → new codes between two versions, with the event and deciding documents.
#[derive(clap::Args)]
pub struct CrosswalkArgs {
    /// The authority.
    pub authority: String,
    /// The old state (a version or a date).
    pub from: Point,
    /// The new state (a version, a date or `files`).
    pub to: Point,
    /// Output format (text shows changed codes only).
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Crosswalk))]
    pub format: Format,
}

/// Compare two authorities' lists: what one has and the other lacks.
#[derive(clap::Args)]
pub struct CompareArgs {
    /// The first authority.
    pub left: String,
    /// The second authority.
    pub right: String,
    /// Read the second authority from this registry (default: the same).
    #[arg(long, value_name = "DIR")]
    pub other_registry: Option<PathBuf>,
    /// Compare what is in force on this date (default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Output format.
    #[arg(long, default_value = "text", value_parser = FormatParser(Report::Compare))]
    pub format: Format,
}

/// Publish the list as catalogues: HTML, Markdown, CSV, JSON (and XLSX
/// with the `xlsx` feature), byte-identical for the same registry state.
#[derive(clap::Args)]
pub struct PublishArgs {
    /// The authority.
    pub authority: String,
    /// Publish this version (default: the latest, or the one in force on --as-of).
    #[arg(long, value_name = "VERSION")]
    pub at: Option<Version>,
    /// Count what is in force on this date (default: the version's date).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
    /// Formats, comma-separated (html, md, csv, json, and xlsx in a build
    /// with the `xlsx` feature); default: all built in.
    #[arg(long, value_delimiter = ',', value_name = "FORMATS", value_parser = FormatParser(Report::Catalogue))]
    pub format: Vec<Format>,
    /// The directory to write into (created if missing).
    #[arg(long, default_value = ".", value_name = "DIR")]
    pub out: PathBuf,
    /// Language of labels and headings.
    #[arg(long, value_enum, default_value = "zh")]
    pub lang: LangArg,
}

/// Export the items of every list (or one) as JSON Lines, one item per
/// line with its authority and version, for DuckDB, Spark and the like.
#[derive(clap::Args)]
pub struct ExportArgs {
    /// Only this authority's list.
    pub authority: Option<String>,
    /// Export what is in force on this date (default: every record of the head).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<Date>,
}

/// Tell whether a published JSON catalogue matches the registry at its version.
#[derive(clap::Args)]
pub struct VerifyCatalogueArgs {
    /// The JSON catalogue.
    pub file: PathBuf,
}

/// Apply an operations file: record it as a new change-log entry and update the list files.
#[derive(clap::Args)]
pub struct ApplyArgs {
    /// The authority.
    pub authority: String,
    /// The operations file (version, date, reason, [[decided_by]], [[op]]).
    pub file: PathBuf,
    /// Hash algorithm of the new link.
    #[arg(long, value_enum, default_value = "sha256")]
    pub hash: HashArg,
    /// Show the entry and the bump it needs; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Record the difference between the edited list files and the head of the change log.
#[derive(clap::Args)]
pub struct AdjustArgs {
    /// The authority.
    pub authority: String,
    /// The new version.
    #[arg(long, value_name = "VERSION")]
    pub version: Version,
    /// The date the adjustment takes effect.
    #[arg(long, value_name = "DATE")]
    pub date: Date,
    /// The number of a deciding document in documents.toml (repeatable).
    #[arg(long = "decided-by", value_name = "NUMBER", required = true)]
    pub decided_by: Vec<String>,
    /// Why.
    #[arg(long)]
    pub reason: Option<String>,
    /// Operations to apply before the inferred ones (merges, splits,
    /// recodes): a file with [[op]] tables.
    #[arg(long, value_name = "FILE")]
    pub ops: Option<PathBuf>,
    /// An upstream event the adjustment answers (repeatable), as `quanze
    /// pending` names it: `laws@VERSION` or `PARENT@VERSION`.
    #[arg(long = "answers", value_name = "EVENT")]
    pub answers: Vec<String>,
    /// Hash algorithm of the new link.
    #[arg(long, value_enum, default_value = "sha256")]
    pub hash: HashArg,
    /// Show the entry and the bump it needs; write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

/// Print the JSON Schema of a registry file kind.
#[cfg(feature = "schema")]
#[derive(clap::Args)]
pub struct SchemaArgs {
    /// Write every schema into this directory instead.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The file kind (authorities, documents, list, items, agreement, statistics).
    pub kind: Option<String>,
}

/// Print the shell completion script for SHELL.
#[derive(clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}
