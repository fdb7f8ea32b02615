//! The output formats and the one trait every format implements: one
//! method per report, so that a format is one module and a report is one
//! method of each.

use crate::history::ItemVersion;
use crate::model::{List, Registry};
use crate::publish::catalogue::Catalogue;
use crate::publish::show::Lang;
use crate::query::audit::Finding;
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::ChangeSet;
use crate::query::stats::Stats;
use crate::query::units::UnitChanges;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// Aligned text for a terminal.
    Text,
    /// Markdown.
    Markdown,
    /// A self-contained HTML page (from templates that escape every value).
    Html,
    /// CSV: UTF-8 with a byte-order mark, CRLF line ends, RFC 4180 quoting,
    /// formula-like cells neutralised.
    Csv,
    /// JSON (the serde form of the report types, in a stable order).
    Json,
    /// XLSX workbooks (feature `xlsx`).
    Xlsx,
}

impl Format {
    /// The name on the command line (`text`, `md`, `html`, `csv`, `json`, `xlsx`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "md",
            Self::Html => "html",
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Xlsx => "xlsx",
        }
    }
}

/// What is rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Report {
    /// A published catalogue (`quanze publish`).
    Catalogue,
    /// Counts (`quanze stats`).
    Stats,
    /// A change set (`quanze diff`).
    Diff,
    /// Audit findings (`quanze audit`).
    Audit,
    /// A crosswalk (`quanze crosswalk`).
    Crosswalk,
    /// A comparison of two lists (`quanze compare`).
    Compare,
    /// Unit-level changes (`quanze changes`).
    Changes,
    /// A change log (`quanze log`).
    Log,
    /// One item's versions (`quanze history`).
    History,
    /// The items citing a law (`quanze impact`).
    Impact,
    /// Pending effects of upstream changes (`quanze pending`).
    Pending,
    /// Child lists beside their parent (`quanze align`).
    Align,
}

const REPORT_FORMATS: &[Format] = &[
    Format::Text,
    Format::Markdown,
    Format::Html,
    Format::Csv,
    Format::Json,
];

impl Report {
    /// The formats that render it, in the order the command line offers
    /// them; every other format refuses it.
    pub fn formats(self) -> &'static [Format] {
        match self {
            #[cfg(feature = "xlsx")]
            Self::Catalogue => &[
                Format::Html,
                Format::Markdown,
                Format::Csv,
                Format::Json,
                Format::Xlsx,
            ],
            #[cfg(not(feature = "xlsx"))]
            Self::Catalogue => &[Format::Html, Format::Markdown, Format::Csv, Format::Json],
            Self::Diff
            | Self::Audit
            | Self::Crosswalk
            | Self::Compare
            | Self::Impact
            | Self::Pending
            | Self::Align => REPORT_FORMATS,
            Self::Changes => &[Format::Text, Format::Csv, Format::Json],
            Self::Stats | Self::Log | Self::History => &[Format::Text, Format::Json],
        }
    }
}

/// Why a format could not write an output.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RenderError {
    /// The format does not render this report (see [`Report::formats`]).
    #[error("the {} format does not render {report:?}", format.name())]
    Unsupported {
        /// The format.
        format: Format,
        /// The report.
        report: Report,
    },
    /// The format's encoder failed.
    #[error("cannot write {}: {message}", format.name())]
    Encoder {
        /// The format.
        format: Format,
        /// What the encoder said.
        message: String,
    },
}

/// The unit-level changes of many lists between two points, as `quanze
/// changes` reports them.
#[derive(Debug, Clone, Copy)]
#[non_exhaustive]
pub struct UnitReport<'a> {
    /// One change set per list.
    pub lists: &'a [UnitChanges],
    /// The first point, as named.
    pub from: &'a str,
    /// The second point.
    pub to: &'a str,
    /// Text: one line per list and the total only.
    pub summary: bool,
}

impl<'a> UnitReport<'a> {
    /// The report of `lists` from `from` to `to`.
    pub fn new(lists: &'a [UnitChanges], from: &'a str, to: &'a str, summary: bool) -> Self {
        Self {
            lists,
            from,
            to,
            summary,
        }
    }
}

/// An output format: one implementation per format (its module), one
/// method per report. A method the format does not implement refuses with
/// [`RenderError::Unsupported`]; [`Report::formats`] lists the ones it
/// does, and a test keeps the two in step.
pub trait Renderer: Send + Sync {
    /// The format.
    fn format(&self) -> Format;

    /// The format's name on the command line (`html`, `xlsx`, …).
    fn name(&self) -> &'static str {
        self.format().name()
    }

    /// The file extension.
    fn extension(&self) -> &'static str {
        match self.format() {
            Format::Text => "txt",
            other => other.name(),
        }
    }

    /// A published catalogue.
    ///
    /// # Errors
    /// When the format does not publish catalogues, or its encoder fails.
    fn catalogue(&self, _c: &Catalogue, _lang: Lang) -> Result<Vec<u8>, RenderError> {
        Err(self.unsupported(Report::Catalogue))
    }

    /// Counts in the official phrasing.
    ///
    /// # Errors
    /// When the format does not render it.
    fn stats(&self, _s: &Stats, _registry: &Registry, _lang: Lang) -> Result<String, RenderError> {
        Err(self.unsupported(Report::Stats))
    }

    /// A change set.
    ///
    /// # Errors
    /// When the format does not render it.
    fn changeset(&self, _cs: &ChangeSet) -> Result<String, RenderError> {
        Err(self.unsupported(Report::Diff))
    }

    /// Audit findings.
    ///
    /// # Errors
    /// When the format does not render them.
    fn findings(&self, _f: &[Finding]) -> Result<String, RenderError> {
        Err(self.unsupported(Report::Audit))
    }

    /// A crosswalk.
    ///
    /// # Errors
    /// When the format does not render it.
    fn crosswalk(&self, _rows: &[CrosswalkRow]) -> Result<String, RenderError> {
        Err(self.unsupported(Report::Crosswalk))
    }

    /// A comparison of two lists.
    ///
    /// # Errors
    /// When the format does not render it.
    fn comparison(&self, _c: &Comparison) -> Result<String, RenderError> {
        Err(self.unsupported(Report::Compare))
    }

    /// Unit-level changes of many lists.
    ///
    /// # Errors
    /// When the format does not render them.
    fn unit_changes(&self, _u: &UnitReport<'_>) -> Result<String, RenderError> {
        Err(self.unsupported(Report::Changes))
    }

    /// A list's change log.
    ///
    /// # Errors
    /// When the format does not render it.
    fn log(&self, _list: &List) -> Result<String, RenderError> {
        Err(self.unsupported(Report::Log))
    }

    /// The versions of one item.
    ///
    /// # Errors
    /// When the format does not render them.
    fn history(&self, _versions: &[ItemVersion<'_>]) -> Result<String, RenderError> {
        Err(self.unsupported(Report::History))
    }

    /// A report that is one table ([`Table`](crate::publish::upstream::Table)).
    ///
    /// # Errors
    /// When the format does not render it.
    fn table(&self, t: &crate::publish::upstream::Table) -> Result<String, RenderError> {
        Err(self.unsupported(t.report))
    }

    /// The refusal of a report this format does not render.
    fn unsupported(&self, report: Report) -> RenderError {
        RenderError::Unsupported {
            format: self.format(),
            report,
        }
    }
}

/// The renderer of a format, when this build has it (XLSX needs the `xlsx`
/// feature).
pub fn renderer(format: Format) -> Option<&'static dyn Renderer> {
    use crate::publish::{csv, html, json, markdown, text};
    match format {
        Format::Text => Some(&text::Text),
        Format::Markdown => Some(&markdown::Markdown),
        Format::Html => Some(&html::Html),
        Format::Csv => Some(&csv::Csv),
        Format::Json => Some(&json::Json),
        #[cfg(feature = "xlsx")]
        Format::Xlsx => Some(&crate::publish::xlsx::Xlsx),
        #[cfg(not(feature = "xlsx"))]
        Format::Xlsx => None,
    }
}

/// Renders `report` in `format` with `f`, or says why it cannot.
pub(crate) fn with<T>(
    format: Format,
    report: Report,
    f: impl FnOnce(&dyn Renderer) -> Result<T, RenderError>,
) -> Result<T, RenderError> {
    match renderer(format) {
        Some(r) => f(r),
        None => Err(RenderError::Unsupported { format, report }),
    }
}
