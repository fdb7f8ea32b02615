#![doc = include_str!("../README.md")]
//!
//! # The crate
//!
//! - [`Registry`] reads a registry directory ([`Registry::load`],
//!   [`Registry::open`], some lists with [`LoadOptions::only`], one list at
//!   a time with [`Registry::scan`]), checks it ([`Registry::validate`], or
//!   [`Registry::check`] list by list with a result cache) and writes it
//!   ([`Registry::save`]).
//! - The model: [`Authority`], [`Item`], [`SubItem`], [`Implementation`],
//!   [`LegalBasis`], [`Agreement`], [`Statistics`], [`Document`].
//! - Problems are [`Diagnostic`]s, each naming the [`Rule`] it breaks.
//! - [`Stats`] counts a list on a date in the official phrasing.
//! - The change log: [`Entry`] and its [`Op`]erations, replayed by
//!   [`History`] (time travel with [`List::at_version`] and [`List::as_of`],
//!   [`History::resolve`], [`History::item_history`]); [`write::adjust`] and
//!   [`write::apply`] record adjustments atomically under a lock.
//! - [`units`]: unit-level change sets of many lists from checkpoints
//!   ([`Registry::unit_changes`]).
//!
//! The file format is specified in `docs/format.md`, the adjustment workflow
//! in `docs/adjusting.md`, performance and scale in `docs/performance.md`
//! and `docs/scale.md`.

pub mod audit;
pub mod catalogue;
mod changelog;
mod check;
pub mod crosswalk;
pub mod diag;
mod diff;
mod fasttoml;
mod history;
mod id;
mod model;
mod parse;
mod registry;
pub mod report;
#[cfg(feature = "schema")]
pub mod schema;
mod show;
mod stats;
pub mod units;
mod validate;
pub mod write;

pub use changelog::{Bump, Decision, Entry, HashAlg, LoggedEntry, Op, OpKind, canonical_bytes};
pub use check::{CheckOptions, CheckReport, Pruned};
pub use diag::{Diagnostic, Location, Rule};
pub use diff::{
    Accounting, AgreementChange, BumpCheck, ChangeKind, ChangeSet, CountDelta, Ending,
    EntrySummary, FieldChange, ItemChange, ItemRef, Point, Side, SourceDelta,
};
pub use history::{History, ItemVersion, OpError, Outcome, Resolution, Snapshot, State, Step};
pub use id::{Code, Date, DocNumber, Id, ParseError, Version};
pub use model::{
    Agreement, AgreementItem, AuthoritiesFile, Authority, BasisLevel, BasisRole, Category,
    Document, DocumentsFile, Element, Handling, Implementation, Item, ItemsFile, LegalBasis, Level,
    ListMeta, Mode, Responsibility, Source, Stage, Statistics, Status, SubItem,
};
pub use registry::{Error, List, ListRead, LoadOptions, Loaded, Registry, Scan, write_atomic};
pub use show::{Lang, render_item};
pub use stats::{Cases, Count, Indicators, Ratio, SourceCount, Stats, export_line};
