//! Lists in from the spreadsheets bureaus keep: XLSX and CSV files (and
//! quanze's own JSON catalogue) read into a [`List`], every cell placed in
//! a field or kept as an unmapped note, every row that cannot become a unit
//! rejected with its place and reason. docs/importing.md has the layouts,
//! the header synonyms and the mapping file.
//!
//! ```
//! use quanze::import::{Options, import};
//! use quanze::Registry;
//! let dir = tempfile::tempdir()?;
//! let csv = dir.path().join("list.csv");
//! std::fs::write(&csv, "序号,事项名称,子项名称,事项类型,法定时限,承诺时限\n\
//!     1,民用爆炸物品销售许可,核发,行政许可,20个工作日,10个工作日\n\
//!     ,,变更,,20个工作日,即办\n")?;
//! let reg = Registry::new(dir.path());
//! let opts = Options::new("huadu-gxj".parse()?, "2024-01-01".parse()?);
//! let imported = import(&reg, &[csv], &opts)?;
//! let item = &imported.list.items[0];
//! assert_eq!(item.sub.len(), 2);
//! assert_eq!(item.sub[1].implementation.as_ref().and_then(|i| i.promised_days), Some(0));
//! assert!(item.code_assigned);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod build;
pub mod header;
mod json;
pub mod read;
pub mod text;
pub mod write;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

pub use header::{Column, Field, Header, Mapping};
pub use read::{Encoding, Sheet};

use crate::model::{Authority, Date, Id, Item, Level, List, ListMeta, Registry, Version};

/// Why an import failed as a whole.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ImportError {
    /// A file could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
    /// A file is larger than import reads.
    #[error("{}: {size} bytes: expected a file of at most {max} bytes", path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// A CSV is text in no known encoding.
    #[error("{}:{line}: byte {offset} is not text: expected {expected}", path.display())]
    Encoding {
        /// The file.
        path: PathBuf,
        /// The line of the first bad byte (1-based).
        line: usize,
        /// Its offset from the start of the file.
        offset: usize,
        /// The encodings tried.
        expected: &'static str,
    },
    /// A CSV with lines in two encodings.
    #[error("{}: line {utf8_line} is UTF-8 but line {other_line} is not: expected one encoding for the whole file (save it again as UTF-8)", path.display())]
    MixedEncoding {
        /// The file.
        path: PathBuf,
        /// A line in UTF-8.
        utf8_line: usize,
        /// A line that is not.
        other_line: usize,
    },
    /// A file that is no regular file (a directory, a FIFO, a device).
    #[error("{}: not a regular file: expected a spreadsheet file", path.display())]
    NotAFile {
        /// The path.
        path: PathBuf,
    },
    /// A CSV that the CSV reader refuses.
    #[error("{}:{line}: {message}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The line.
        line: u64,
        /// The reader's message.
        message: String,
    },
    /// A workbook that cannot be read.
    #[error("{}: {message}", path.display())]
    Xlsx {
        /// The file.
        path: PathBuf,
        /// Why.
        message: String,
    },
    /// quanze's JSON catalogue that does not read.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Json {
        /// The file.
        path: PathBuf,
        /// The line (1-based).
        line: usize,
        /// The column (1-based).
        column: usize,
        /// Why.
        message: String,
    },
    /// A sheet with no row that names the item column.
    #[error("{}{}: no header row: expected, within the first 30 rows, a row naming the item column (事项名称, 职权名称, 权力名称 or 主项名称), or `header_row` and `columns` in a mapping file (--map)", path.display(), sheet.as_deref().map(|s| format!(" sheet {s:?}")).unwrap_or_default())]
    NoHeader {
        /// The file.
        path: PathBuf,
        /// The sheet.
        sheet: Option<String>,
    },
    /// A mapping file with a problem.
    #[error("{}: key `{key}`: {message}", path.display())]
    Mapping {
        /// The mapping file.
        path: PathBuf,
        /// The key.
        key: String,
        /// What is wrong and what was expected.
        message: String,
    },
    /// Rows that cannot become units (and `keep_going` was not set).
    #[error("{} row(s) cannot be imported; nothing was written (--keep-going imports the others)", .0.len())]
    Rejected(Vec<Rejection>),
    /// An option with a problem.
    #[error("{0}")]
    Option(String),
}

/// A row that cannot become a unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    /// Where: `file!sheet D7`.
    pub at: String,
    /// The row (1-based).
    pub row: usize,
    /// What was found.
    pub found: String,
    /// What was expected.
    pub expected: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: found {}: expected {}",
            self.at, self.found, self.expected
        )
    }
}

/// How to import.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Options {
    /// The holder of the list.
    pub authority: Id,
    /// Its name, for a new authority (and the body of items with none).
    pub name: Option<String>,
    /// The day from which items without a date are in force.
    pub effective: Date,
    /// A mapping file's settings, and where it was read.
    pub map: Option<(Mapping, PathBuf)>,
    /// Import the rows that can be, and report the others.
    pub keep_going: bool,
}

impl Options {
    /// Options for `authority`'s list, in force from `effective`.
    pub fn new(authority: Id, effective: Date) -> Self {
        Self {
            authority,
            name: None,
            effective,
            map: None,
            keep_going: false,
        }
    }
}

/// Reads a mapping file.
///
/// # Errors
/// When it cannot be read or is not a mapping file.
pub fn read_mapping(path: &Path) -> Result<Mapping, ImportError> {
    let text = std::fs::read_to_string(path).map_err(|source| ImportError::Io {
        path: path.to_owned(),
        source,
    })?;
    toml::from_str(&text).map_err(|e| ImportError::Mapping {
        path: path.to_owned(),
        key: e.span().map_or_else(String::new, |s| {
            let line = text[..s.start].matches('\n').count() + 1;
            format!("at line {line}")
        }),
        message: e.message().to_owned(),
    })
}

/// What one sheet gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetReport {
    /// The file.
    pub file: PathBuf,
    /// The sheet's name (none for a CSV).
    pub sheet: Option<String>,
    /// How the file was read.
    pub encoding: Encoding,
    /// The header found, and which column went where.
    pub header: Option<Header>,
    /// Items read.
    pub items: usize,
    /// Units read (sub-items, and items without any).
    pub units: usize,
    /// Section rows (一、行政许可) that set the category of the rows after them.
    pub sections: usize,
    /// Rows kept as notes (one cell outside the item columns), with their row.
    pub notes: Vec<(usize, String)>,
}

/// What an import read and what it leaves to a person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Each sheet read.
    pub sheets: Vec<SheetReport>,
    /// Rows that could not become units.
    pub rejected: Vec<Rejection>,
    /// Codes assigned because the source had none.
    pub assigned_codes: usize,
    /// Legal bases whose level was inferred from the title.
    pub inferred_levels: usize,
    /// Cells kept as unmapped notes.
    pub unmapped_cells: usize,
    /// Time limits that could not be read (kept as unmapped notes).
    pub unreadable_limits: Vec<String>,
    /// What a JSON catalogue's agreements name that it does not hold.
    pub left_out: Vec<String>,
    /// Sheets passed over because no row of them is a list's header (an
    /// overview sheet, notes).
    pub skipped_sheets: Vec<String>,
    /// Authorities added to `authorities.toml` for grantors the registry
    /// did not name (with a guessed level and no region).
    pub authorities_added: Vec<Id>,
}

/// The result of an import: the list, the authorities it needs that the
/// registry lacks, and the report.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Imported {
    /// The list as imported.
    pub list: List,
    /// Authorities to add to `authorities.toml` (the holder, when new, and
    /// unknown grantors).
    pub authorities: Vec<Authority>,
    /// What was read.
    pub report: Report,
    /// The day the imported items are in force from (and items of an
    /// existing list that the import does not have end on).
    pub effective: Date,
}

/// Grantors named in a sheet, resolved to authorities by name or id.
pub(crate) struct Grantors {
    known: Vec<(String, Id)>,
    pub(crate) added: Vec<Authority>,
}

impl Grantors {
    fn new(reg: &Registry) -> Self {
        Self {
            known: reg
                .authorities
                .values()
                .map(|a| (a.name.clone(), a.id.clone()))
                .collect(),
            added: Vec::new(),
        }
    }

    /// The id of the authority named `name` (or with id `name`), added when
    /// the registry has none.
    pub(crate) fn id_for(&mut self, name: &str, holder: &Id) -> Id {
        if let Some((_, id)) = self
            .known
            .iter()
            .find(|(n, id)| n == name || id.as_str() == name)
        {
            return id.clone();
        }
        let mut k = self.added.len() + 1;
        let id: Id = loop {
            // Within the 64 characters of an id, however long the holder's.
            let suffix = format!("-grantor-{k}");
            let mut prefix = holder.as_str().to_owned();
            prefix.truncate(64 - suffix.len());
            let candidate = format!("{}{suffix}", prefix.trim_end_matches('-'));
            if let Ok(id) = candidate.parse::<Id>()
                && !self.known.iter().any(|(_, i)| *i == id)
            {
                break id;
            }
            k += 1;
            if k > 10_000 {
                break format!("grantor-{k}")
                    .parse()
                    .unwrap_or_else(|_| holder.clone());
            }
        };
        self.added.push(Authority {
            id: id.clone(),
            name: name.to_owned(),
            name_en: None,
            level: level_of_name(name),
            region: "000000".to_owned(),
        });
        self.known.push((name.to_owned(), id.clone()));
        id
    }
}

/// The level of government an authority's name suggests.
pub fn level_of_name(name: &str) -> Level {
    if name.starts_with("国务院")
        || name.starts_with("国家")
        || name.starts_with("中华人民共和国")
        || name.ends_with('部')
    {
        Level::National
    } else if name.contains("省") || name.contains("自治区") || name.ends_with('厅') {
        Level::Province
    } else if name.contains("区") || name.contains("县") {
        Level::County
    } else if name.contains("镇") || name.contains("乡") || name.contains("街道") {
        Level::Township
    } else {
        Level::Prefecture
    }
}

/// The state of one import across its files.
struct Session<'a> {
    reg: &'a Registry,
    opts: &'a Options,
    holder_name: String,
    map_category: Option<crate::model::Category>,
    report: Report,
    grantors: Grantors,
    codes: build::Codes,
    notices: build::Notices,
    items: Vec<Item>,
    agreements: Vec<crate::model::Agreement>,
    json_meta: Option<(Option<String>, bool)>,
}

/// `file sheet "name"`, as the report names a sheet.
fn sheet_label(path: &Path, sheet: &Sheet) -> String {
    format!(
        "{}{}",
        path.display(),
        sheet
            .name
            .as_deref()
            .map(|n| format!(" sheet {n:?}"))
            .unwrap_or_default()
    )
}

impl<'a> Session<'a> {
    fn new(reg: &'a Registry, opts: &'a Options) -> Result<Self, ImportError> {
        let holder_name = opts
            .name
            .clone()
            .or_else(|| {
                reg.authority(opts.authority.as_str())
                    .map(|a| a.name.clone())
            })
            .unwrap_or_else(|| opts.authority.to_string());
        let map_category = match opts.map.as_ref().and_then(|(m, p)| Some((m.category.as_deref()?, p))) {
            Some((c, p)) => Some(text::category(c).ok_or_else(|| ImportError::Mapping {
                path: p.clone(),
                key: "category".to_owned(),
                message: format!("unknown category {c:?}: expected a category id such as `licensing` or a name such as 行政许可"),
            })?),
            None => None,
        };
        let mut codes = build::Codes::default();
        if let Some(list) = reg.list(opts.authority.as_str()) {
            codes.avoid_list(list);
        }
        Ok(Self {
            reg,
            opts,
            holder_name,
            map_category,
            report: Report::default(),
            grantors: Grantors::new(reg),
            codes,
            notices: build::Notices::default(),
            items: Vec::new(),
            agreements: Vec::new(),
            json_meta: None,
        })
    }

    fn file(&mut self, path: &Path) -> Result<(), ImportError> {
        let io_error = |source| ImportError::Io {
            path: path.to_owned(),
            source,
        };
        let meta = std::fs::metadata(path).map_err(io_error)?;
        // A FIFO would be waited on for ever, a device read without end.
        if !meta.is_file() {
            return Err(ImportError::NotAFile {
                path: path.to_owned(),
            });
        }
        let size = meta.len();
        if size > read::MAX_BYTES {
            return Err(ImportError::TooLarge {
                path: path.to_owned(),
                size,
                max: read::MAX_BYTES,
            });
        }
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if ext == "json" {
            return self.json(path);
        }
        let (sheets, encoding) = if matches!(ext.as_str(), "xlsx" | "xlsm") {
            let book = read::xlsx(path)?;
            for h in book.hidden {
                self.report
                    .skipped_sheets
                    .push(format!("{} sheet {h:?}: a hidden sheet", path.display()));
            }
            (book.sheets, Encoding::Xlsx)
        } else {
            let bytes = std::fs::read(path).map_err(io_error)?;
            let (s, e) = read::csv(path, &bytes)?;
            (vec![s], e)
        };
        let mut found = false;
        let mut first_error = None;
        for sheet in &sheets {
            if sheet.rows.iter().all(|r| r.iter().all(String::is_empty)) {
                continue;
            }
            match self.sheet(path, sheet, encoding) {
                Ok(true) => found = true,
                Ok(false) => {}
                Err(e @ ImportError::NoHeader { .. }) => {
                    first_error.get_or_insert(e);
                }
                Err(e) => return Err(e),
            }
        }
        if found {
            return Ok(());
        }
        Err(first_error.unwrap_or(ImportError::NoHeader {
            path: path.to_owned(),
            sheet: None,
        }))
    }

    fn json(&mut self, path: &Path) -> Result<(), ImportError> {
        let read = json::read(path, &self.opts.authority)?;
        self.report.sheets.push(SheetReport {
            file: path.to_owned(),
            sheet: None,
            encoding: Encoding::Json,
            header: None,
            items: read.items.len(),
            units: read.items.iter().map(|i| i.sub.len().max(1)).sum(),
            sections: 0,
            notes: Vec::new(),
        });
        for i in read.items {
            // An item read twice (the same catalogue given twice, or two
            // that share items) is refused, not written twice.
            if self.codes.is_taken(i.code.as_str()) || self.items.iter().any(|x| x.id == i.id) {
                self.report.rejected.push(Rejection {
                    at: path.display().to_string(),
                    row: 0,
                    found: format!("item `{}` ({}) a second time", i.code, i.id),
                    expected: "each item once among the files imported".to_owned(),
                });
                continue;
            }
            self.codes.reserve(&i);
            self.items.push(i);
        }
        self.report.left_out.extend(read.left_out);
        self.json_meta = Some((read.note, read.reconstructed));
        for a in read.agreements {
            if !self
                .agreements
                .iter()
                .any(|x: &crate::model::Agreement| x.id == a.id)
            {
                self.agreements.push(a);
            }
        }
        Ok(())
    }

    /// One sheet: whether it held a list. A sheet without a list header
    /// (an overview, notes) or an agreements sheet is reported and passed
    /// over; its error comes back for a file with no list at all.
    fn sheet(
        &mut self,
        path: &Path,
        sheet: &Sheet,
        encoding: Encoding,
    ) -> Result<bool, ImportError> {
        let (map, map_path) = match &self.opts.map {
            Some((m, p)) => (Some(m), Some(p.as_path())),
            None => (None, None),
        };
        let header = match header::find(sheet, map, map_path) {
            Ok(h) => h,
            Err(e @ ImportError::NoHeader { .. }) => {
                self.report.skipped_sheets.push(format!(
                    "{}: no row of it is a list's header",
                    sheet_label(path, sheet)
                ));
                return Err(e);
            }
            Err(e) => return Err(e),
        };
        if header.columns.iter().any(|c| c.heading.contains("协议")) {
            self.report.skipped_sheets.push(format!(
                "{}: an agreements sheet (spreadsheets do not carry whole agreements: the JSON catalogue does, or add each under agreements/)",
                sheet_label(path, sheet)
            ));
            return Ok(false);
        }
        let sheet_category = sheet
            .name
            .as_deref()
            .and_then(text::category)
            .or(self.map_category);
        self.codes.avoid_sheet(sheet, &header);
        let first_rejection = self.report.rejected.len();
        let rows = build::group(sheet, &header, sheet_category, &mut self.report.rejected);
        let b = build::Build {
            header: &header,
            sheet,
            effective: self.opts.effective,
            body: &self.holder_name,
            holder: &self.opts.authority,
            sub_codes: build::code_column_holds_sub_codes(&header),
        };
        let before = self.items.len();
        for g in &rows.groups {
            match b.item(g, &mut self.codes, &mut self.grantors, &mut self.notices) {
                Ok(item) => self.items.push(item),
                Err(r) => self.report.rejected.push(r),
            }
        }
        // The sheet's rejections in row order.
        self.report.rejected[first_rejection..].sort_by_key(|r| r.row);
        let got = &self.items[before..];
        self.report.sheets.push(SheetReport {
            file: path.to_owned(),
            sheet: sheet.name.clone(),
            encoding,
            items: got.len(),
            units: got.iter().map(|i| i.sub.len().max(1)).sum(),
            sections: rows.sections,
            notes: rows.notes,
            header: Some(header),
        });
        Ok(true)
    }

    fn finish(mut self) -> Result<Imported, ImportError> {
        if !self.report.rejected.is_empty() && !self.opts.keep_going {
            return Err(ImportError::Rejected(self.report.rejected));
        }
        self.items.sort_by(Item::published_order);
        let report = &mut self.report;
        report.assigned_codes = self.codes.assigned;
        report.inferred_levels = self.notices.inferred_levels;
        report.unreadable_limits = self.notices.unreadable_limits;
        report.unmapped_cells = self.items.iter().map(|i| i.unmapped.len()).sum();
        report.authorities_added = self.grantors.added.iter().map(|a| a.id.clone()).collect();
        let mut authorities = self.grantors.added;
        let opts = self.opts;
        if self.reg.authority(opts.authority.as_str()).is_none() {
            authorities.insert(
                0,
                Authority {
                    id: opts.authority.clone(),
                    name: self.holder_name.clone(),
                    name_en: None,
                    level: level_of_name(&self.holder_name),
                    region: "000000".to_owned(),
                },
            );
        }
        let meta = ListMeta {
            title: format!("{}权责清单", self.holder_name),
            version: "1.0.0"
                .parse::<Version>()
                .map_err(|e| ImportError::Option(e.to_string()))?,
            note: self.json_meta.clone().and_then(|m| m.0),
            reconstructed: self.json_meta.is_some_and(|m| m.1),
            head: None,
            rules: crate::model::RuleSettings::default(),
            parent: Vec::new(),
            upstream: crate::model::UpstreamSettings::default(),
        };
        let mut list = List::new(opts.authority.clone(), meta);
        list.items = self.items;
        list.agreements = self.agreements;
        Ok(Imported {
            list,
            authorities,
            report: self.report,
            effective: opts.effective,
        })
    }
}

/// Imports `files` as the list of `opts.authority`.
///
/// Each file is read by its extension: `.xlsx`/`.xlsm` as a workbook (every
/// sheet), `.json` as quanze's JSON catalogue, anything else as CSV (UTF-8,
/// UTF-16 or GB18030).
///
/// # Errors
/// When a file cannot be read, a file has no sheet with a list header, or
/// (without `keep_going`) any row is rejected: [`ImportError::Rejected`]
/// lists them.
pub fn import(reg: &Registry, files: &[PathBuf], opts: &Options) -> Result<Imported, ImportError> {
    let mut session = Session::new(reg, opts)?;
    for path in files {
        session.file(path)?;
    }
    session.finish()
}

/// Two importable files compared without a registry: the 2019 and 2021
/// spreadsheets of a bureau, or one bureau's sheet against another's.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct FileComparison {
    /// The comparison: items matched by code where both sides have real
    /// codes, else by category and normalized name, then by similar names
    /// (renames, with their similarity); and what only one side has.
    pub comparison: crate::query::crosswalk::Comparison,
    /// What reading the old file found (rows it could not import included).
    pub old: Report,
    /// What reading the new file found.
    pub new: Report,
}

/// The similarity from which two names of the same category are taken for a
/// rename when nothing else matches them.
pub const RENAME_SIMILARITY: f64 = 0.6;

/// Imports `old` and `new` in memory (as lists `old` and `new`, in force on
/// `date`; rows that cannot be imported are left out and reported) and
/// compares them.
///
/// # Errors
/// When either file cannot be read.
pub fn compare_files(
    old: &Path,
    new: &Path,
    map: Option<&(Mapping, PathBuf)>,
    date: Date,
) -> Result<FileComparison, ImportError> {
    let mut reg = Registry::new(".");
    let mut lists = Vec::new();
    for (id, path) in [("old", old), ("new", new)] {
        let id: Id = id
            .parse()
            .map_err(|e: crate::model::ParseError| ImportError::Option(e.to_string()))?;
        let name = path.file_name().map_or_else(
            || path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        let mut opts = Options::new(id.clone(), date);
        opts.name = Some(name);
        opts.map = map.cloned();
        opts.keep_going = true;
        let imported = import(&reg, &[path.to_owned()], &opts)?;
        for a in imported.authorities {
            reg.authorities.insert(a.id.clone(), a);
        }
        lists.push((imported.list, imported.report));
    }
    let (new_list, new_report) = lists
        .pop()
        .ok_or_else(|| ImportError::Option("no file".into()))?;
    let (old_list, old_report) = lists
        .pop()
        .ok_or_else(|| ImportError::Option("no file".into()))?;
    let comparison = crate::query::crosswalk::compare_similar(
        &reg,
        &old_list,
        &reg,
        &new_list,
        date,
        RENAME_SIMILARITY,
    );
    Ok(FileComparison {
        comparison,
        old: old_report,
        new: new_report,
    })
}
