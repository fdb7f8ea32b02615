#![doc = include_str!("../README.md")]
//!
//! # The crate
//!
//! The flow, and the module of each stage (docs/ARCHITECTURE.md has the
//! map):
//!
//! ```text
//! registry/ ──io──▶ Registry ──lint──▶ Diagnostics
//!                      │
//!                      └─history──▶ History (every version) ──query──▶ Stats, ChangeSet, Findings, …
//!                                                                         │
//!                                              record ◀── adjustments     └─publish──▶ catalogues, reports
//! ```
//!
//! - [`model`]: the typed data: [`Registry`] and its [`List`]s, [`Item`],
//!   [`Agreement`], [`Entry`] and its [`Op`]erations, the newtypes [`Id`],
//!   [`Code`], [`Date`], [`Version`].
//! - [`io`]: reading a registry directory ([`Registry::load`],
//!   [`Registry::scan`], [`LoadOptions`]), saving, the transaction of a
//!   write and the cache.
//! - [`lint`]: every rule over a registry ([`Registry::validate`],
//!   [`Registry::open`], the streaming [`Registry::check`]).
//! - [`history`]: the change log replayed ([`History`]), a [`Point`] of it
//!   resolved to a list, codes resolved through merges and recodes.
//! - [`query`]: counts ([`Stats`]), differences ([`ChangeSet`]), unit-level
//!   changes, the crosswalk and comparison, the audit.
//! - [`record`]: adjustments recorded atomically under a lock
//!   ([`record::apply`], [`record::adjust`]).
//! - [`publish`]: catalogues in every format and the reports.
//! - [`import`]: lists in from spreadsheets (XLSX, CSV in UTF-8 or GBK)
//!   and quanze's own catalogues.
//! - [`diag`]: problems as data ([`Diagnostic`], [`Rule`]).
//!
//! The file format is specified in `docs/format.md`, the adjustment workflow
//! in `docs/adjusting.md`, performance and scale in `docs/performance.md`
//! and `docs/scale.md`.

pub mod diag;
#[cfg(test)]
mod fuzz;
pub mod history;
pub mod import;
pub mod io;
pub mod lint;
pub mod model;
pub mod publish;
pub mod query;
pub mod record;
#[cfg(feature = "schema")]
pub mod schema;

pub use diag::{Diagnostic, Location, Rule, Severity};
pub use history::{
    History, ItemVersion, OpError, Outcome, Point, PointError, Resolution, Side, Snapshot, State,
    Step,
};
pub use io::cache::Pruned;
pub use io::{Error, ListRead, LoadOptions, Loaded, Progress, Scan, write_atomic};
pub use lint::{CheckOptions, CheckReport};
pub use model::{
    Agreement, AgreementItem, AuthoritiesFile, Authority, BasisLevel, BasisRole, BenchmarkTier,
    Bump, Category, Code, Date, Decision, DocNumber, Document, DocumentsFile, Element, Entry,
    ExerciseLevel, Flowchart, Handling, HandlingCase, HashAlg, Id, Implementation,
    InspectionDetail, Item, ItemsFile, LegalBasis, Level, LevyDetail, LicensingDetail, List,
    ListMeta, LoggedEntry, Mode, Op, OpKind, ParseError, PenaltyDetail, RandomInspection, Registry,
    Responsibility, RiskLevel, RiskPoint, RuleSettings, Source, Stage, Statistics, Status, SubItem,
    TimeUnit, Unmapped, Version, canonical_bytes,
};
pub use model::{
    Amendment, Calendar, CalendarYear, Deviation, Law, LawEntry, LawEvent, Laws, LawsFile,
    LoggedLawEntry, ParentKind, ParentList, ParentRef, Repeal, UpstreamSettings, cited_articles,
};
pub use publish::show::{Lang, render_item};
pub use query::diff::{
    Accounting, AgreementChange, BumpCheck, ChangeKind, ChangeSet, CountDelta, Ending,
    EntrySummary, FieldChange, ItemChange, ItemRef, SourceDelta,
};
pub use query::stats::{Cases, Count, Indicators, Ratio, SourceCount, Stats, export_line};
