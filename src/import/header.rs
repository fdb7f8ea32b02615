//! Finding the header of a sheet and what each column holds: headings
//! matched by synonyms, one or two header rows, and a mapping file that
//! overrides what is found.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::import::ImportError;
use crate::import::read::{Sheet, column_index, column_letters};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Field {
    /// 序号: read and not kept (the catalogue numbers its rows itself).
    Seq,
    /// 事项编码.
    Code,
    /// 子项编码.
    SubCode,
    /// 事项名称.
    Name,
    /// 子项名称.
    SubName,
    /// 事项类型.
    Category,
    /// 实施主体.
    Body,
    /// 承办机构.
    Unit,
    /// 权力来源.
    Source,
    /// 委托/下放机关.
    Grantor,
    /// 设定依据.
    SettingBasis,
    /// 实施依据.
    ImplementingBasis,
    /// 依据 of either role (the role comes from the text, else setting).
    Basis,
    /// 法定时限.
    LegalDays,
    /// 承诺时限.
    PromisedDays,
    /// 办件类型.
    Handling,
    /// 责任事项.
    Responsibility,
    /// 追责情形.
    Accountability,
    /// 问责依据 / 追责依据.
    AccountabilityBasis,
    /// 监督方式.
    Supervision,
    /// 救济渠道.
    Remedies,
    /// 备注.
    Remarks,
    /// A column the mapping file says to leave out (its cells still land
    /// in the item's `unmapped` notes, so nothing is lost).
    Ignore,
}

impl Field {
    /// The id used in mapping files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::Seq => "seq",
            Self::Code => "code",
            Self::SubCode => "sub-code",
            Self::Name => "name",
            Self::SubName => "sub-name",
            Self::Category => "category",
            Self::Body => "body",
            Self::Unit => "unit",
            Self::Source => "source",
            Self::Grantor => "grantor",
            Self::SettingBasis => "setting-basis",
            Self::ImplementingBasis => "implementing-basis",
            Self::Basis => "basis",
            Self::LegalDays => "legal-days",
            Self::PromisedDays => "promised-days",
            Self::Handling => "handling",
            Self::Responsibility => "responsibility",
            Self::Accountability => "accountability",
            Self::AccountabilityBasis => "accountability-basis",
            Self::Supervision => "supervision",
            Self::Remedies => "remedies",
            Self::Remarks => "remarks",
            Self::Ignore => "ignore",
        }
    }

    /// Every field, in the order headings are tried: a more specific
    /// heading before the one it contains (子项编码 before 编码).
    pub const ALL: [Self; 23] = [
        Self::Seq,
        Self::SubCode,
        Self::SubName,
        Self::AccountabilityBasis,
        Self::Accountability,
        Self::Responsibility,
        Self::Supervision,
        Self::Remedies,
        Self::SettingBasis,
        Self::ImplementingBasis,
        Self::Basis,
        Self::Code,
        Self::Handling,
        Self::Category,
        Self::Grantor,
        Self::Body,
        Self::Source,
        Self::Unit,
        Self::LegalDays,
        Self::PromisedDays,
        Self::Name,
        Self::Remarks,
        Self::Ignore,
    ];

    /// The headings that mean this field: each pattern matches a heading
    /// that contains all of its parts.
    pub fn synonyms(self) -> &'static [&'static [&'static str]] {
        match self {
            Self::Seq => &[&["序号"]],
            Self::SubCode => &[&["子项", "编码"], &["子项", "代码"]],
            Self::SubName => &[&["子项"]],
            Self::AccountabilityBasis => &[&["问责依据"], &["追责依据"]],
            Self::Accountability => &[&["追责"], &["问责"]],
            Self::Responsibility => &[&["责任事项"]],
            Self::Supervision => &[&["监督方式"], &["监督"]],
            Self::Remedies => &[&["救济"]],
            Self::SettingBasis => &[&["设定依据"]],
            Self::ImplementingBasis => &[&["实施依据"]],
            Self::Basis => &[&["职权依据"], &["法律依据"], &["依据"]],
            Self::Code => &[
                &["事项编码"],
                &["职权编码"],
                &["权力编码"],
                &["编码"],
                &["代码"],
            ],
            Self::Handling => &[&["办件类型"], &["办件"]],
            Self::Category => &[
                &["事项类型"],
                &["职权类型"],
                &["权力类型"],
                &["职权类别"],
                &["类别"],
                &["类型"],
            ],
            Self::Grantor => &[&["委托", "机关"], &["下放", "机关"], &["委托", "部门"]],
            Self::Body => &[
                &["实施主体"],
                &["行使主体"],
                &["实施机关"],
                &["实施部门"],
                &["主体"],
            ],
            Self::Source => &[&["来源"]],
            Self::Unit => &[
                &["承办"],
                &["责任处室"],
                &["处室"],
                &["内设机构"],
                &["责任科室"],
            ],
            Self::LegalDays => &[&["法定", "时限"], &["法定", "期限"]],
            Self::PromisedDays => &[&["承诺", "时限"], &["承诺", "期限"]],
            Self::Name => &[
                &["事项名称"],
                &["职权名称"],
                &["权力名称"],
                &["主项名称"],
                &["项目名称"],
                &["名称"],
            ],
            Self::Remarks => &[&["备注"]],
            Self::Ignore => &[],
        }
    }

    /// The headings that mean this field as docs/importing.md lists them:
    /// `事项名称, 职权名称`; a heading of several parts as `子项…编码`.
    pub fn synonyms_text(self) -> String {
        self.synonyms()
            .iter()
            .map(|p| p.join("…"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The field of a mapping-file value (`name`, `sub-name`, …).
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Whether the field belongs to a unit (a sub-item, or an item without
    /// any) rather than to the item.
    pub fn per_unit(self) -> bool {
        matches!(
            self,
            Self::Code
                | Self::SubCode
                | Self::SubName
                | Self::LegalDays
                | Self::PromisedDays
                | Self::Handling
                | Self::Remarks
                | Self::Seq
        )
    }
}

/// The English headings of quanze's own catalogues, matched exactly.
const ENGLISH: [(&str, Field); 20] = [
    ("No.", Field::Seq),
    ("Code", Field::Code),
    ("Item", Field::Name),
    ("Sub-item", Field::SubName),
    ("Category", Field::Category),
    ("Implementing body", Field::Body),
    ("Handling unit", Field::Unit),
    ("Source", Field::Source),
    ("Grantor", Field::Grantor),
    ("Setting basis", Field::SettingBasis),
    ("Implementing basis", Field::ImplementingBasis),
    ("Legal limit", Field::LegalDays),
    ("Promised limit", Field::PromisedDays),
    ("Handling", Field::Handling),
    ("Responsibilities", Field::Responsibility),
    ("Accountability", Field::Accountability),
    ("Accountability basis", Field::AccountabilityBasis),
    ("Supervision", Field::Supervision),
    ("Remedies", Field::Remedies),
    ("Remarks", Field::Remarks),
];

/// The longest heading matched: a longer cell is data, not a heading.
const MAX_HEADING_CHARS: usize = 20;

/// A heading as matched: without spaces, line breaks, and parenthesised
/// notes such as (工作日).
fn normalise(h: &str) -> String {
    let mut out = String::new();
    let mut depth = 0u32;
    for c in h.chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth = depth.saturating_sub(1),
            c if c.is_whitespace() || c == '\u{3000}' => {}
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field a heading means, if any.
pub fn field_of(heading: &str) -> Option<Field> {
    let raw = heading.trim();
    if raw.is_empty() || raw.chars().count() > MAX_HEADING_CHARS {
        return None;
    }
    if let Some((_, f)) = ENGLISH.iter().find(|(h, _)| h.eq_ignore_ascii_case(raw)) {
        return Some(*f);
    }
    let h = normalise(raw);
    if h.is_empty() {
        return None;
    }
    Field::ALL.into_iter().find(|f| {
        f.synonyms()
            .iter()
            .any(|p| p.iter().all(|part| h.contains(part)))
    })
}

/// One column as found: where it is, its heading, and what it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Column {
    /// Its letters (`A`, `B`, …).
    pub letter: String,
    /// Its heading as read (two header rows joined by `/`).
    pub heading: String,
    /// What it holds; `None` for a column no heading or mapping explains
    /// (its cells go to the items' `unmapped` notes).
    pub field: Option<Field>,
    /// True when the mapping file set it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub mapped: bool,
}

/// The header of a sheet: its rows (1-based) and its columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// The first header row (1-based).
    pub row: usize,
    /// How many rows the header spans (1 or 2).
    pub rows: usize,
    /// The columns, from A.
    pub columns: Vec<Column>,
}

impl Header {
    /// The column that holds `field`, if one does.
    pub fn col(&self, field: Field) -> Option<usize> {
        self.columns.iter().position(|c| c.field == Some(field))
    }

    fn score(&self) -> usize {
        let mut seen: Vec<Field> = self.columns.iter().filter_map(|c| c.field).collect();
        seen.sort();
        seen.dedup();
        seen.len()
    }
}

/// How many rows from the top the header is looked for in.
const SEARCH_ROWS: usize = 30;

fn cell(sheet: &Sheet, r: usize, c: usize) -> &str {
    sheet
        .rows
        .get(r)
        .and_then(|row| row.get(c))
        .map_or("", String::as_str)
}

/// The header built from row `r` (0-based), with row `r + 1` below it when
/// `two`: a column's heading is the lower cell's when that one means a
/// field, else the two joined (办理时限 over 法定 reads 办理时限法定).
fn candidate(sheet: &Sheet, r: usize, two: bool) -> Header {
    let width = sheet.rows.get(r).map_or(0, Vec::len).max(if two {
        sheet.rows.get(r + 1).map_or(0, Vec::len)
    } else {
        0
    });
    let mut columns = Vec::with_capacity(width);
    let mut parent = String::new();
    for c in 0..width {
        let upper = cell(sheet, r, c);
        let (heading, field) = if two {
            // A blank upper cell in a two-row header is the continuation
            // of a merged heading to its left.
            if !upper.is_empty() {
                upper.clone_into(&mut parent);
            }
            let lower = cell(sheet, r + 1, c);
            if lower.is_empty() || lower == upper {
                (upper.to_owned(), field_of(upper))
            } else if let Some(f) = field_of(lower) {
                (format!("{parent}/{lower}"), Some(f))
            } else {
                let joined = format!("{parent}{lower}");
                (format!("{parent}/{lower}"), field_of(&joined))
            }
        } else {
            (upper.to_owned(), field_of(upper))
        };
        columns.push(Column {
            letter: column_letters(c),
            heading,
            field,
            mapped: false,
        });
    }
    // A field held by two columns stays with the first; the other's cells
    // go to the unmapped notes.
    let mut seen = Vec::new();
    for col in &mut columns {
        if let Some(f) = col.field {
            if seen.contains(&f) {
                col.field = None;
            } else {
                seen.push(f);
            }
        }
    }
    Header {
        row: r + 1,
        rows: if two { 2 } else { 1 },
        columns,
    }
}

/// Whether row `r` (0-based) can be the upper row of a two-row header: it
/// has a blank cell, or two equal cells side by side (a merged heading,
/// filled), above a non-blank cell of the row below.
fn spans(sheet: &Sheet, r: usize) -> bool {
    let width = sheet.rows.get(r + 1).map_or(0, Vec::len);
    (0..width).any(|c| {
        let upper = cell(sheet, r, c);
        !cell(sheet, r + 1, c).is_empty()
            && (upper.is_empty() || (c > 0 && cell(sheet, r, c - 1) == upper))
    })
}

/// Finds the header of a sheet: the row (or pair of rows) among the first
/// thirty whose headings mean the most fields, one of them the item's name.
/// A mapping file's `header_row` and `columns` override what is found.
///
/// # Errors
/// [`ImportError::NoHeader`] when no row names the item column.
pub fn find(
    sheet: &Sheet,
    map: Option<&Mapping>,
    map_path: Option<&Path>,
) -> Result<Header, ImportError> {
    if let Some(m) = map {
        m.validate(map_path.unwrap_or_else(|| Path::new("")))?;
    }
    let mut best: Option<Header> = None;
    let fixed = map.and_then(|m| m.header_row);
    let rows: Vec<usize> = match fixed {
        Some(r) => vec![r.saturating_sub(1)],
        None => (0..sheet.rows.len().min(SEARCH_ROWS)).collect(),
    };
    let single_score = |r: usize| candidate(sheet, r, false).score();
    for r in rows {
        for two in [false, true] {
            if two && map.and_then(|m| m.header_rows) == Some(1) {
                continue;
            }
            if !two && map.and_then(|m| m.header_rows) == Some(2) {
                continue;
            }
            if two && !spans(sheet, r) {
                continue;
            }
            let h = candidate(sheet, r, two);
            // Two rows only when they say more than either row alone (a
            // title row above a header says nothing more).
            if two
                && map.and_then(|m| m.header_rows) != Some(2)
                && h.score() <= single_score(r).max(single_score(r + 1))
            {
                continue;
            }
            let better = best.as_ref().is_none_or(|b| h.score() > b.score());
            if better
                && (h.col(Field::Name).is_some() || map.is_some_and(|m| !m.columns.is_empty()))
            {
                best = Some(h);
            }
        }
    }
    let mut header = best.ok_or_else(|| ImportError::NoHeader {
        path: sheet.file.to_path_buf(),
        sheet: sheet.name.clone(),
    })?;
    if let Some(m) = map {
        apply_mapping(&mut header, m, map_path)?;
    }
    if header.col(Field::Name).is_none() {
        return Err(ImportError::NoHeader {
            path: sheet.file.to_path_buf(),
            sheet: sheet.name.clone(),
        });
    }
    Ok(header)
}

fn apply_mapping(
    header: &mut Header,
    m: &Mapping,
    map_path: Option<&Path>,
) -> Result<(), ImportError> {
    for (key, value) in &m.columns {
        let field = Field::from_id(value).ok_or_else(|| ImportError::Mapping {
            path: map_path.map(Path::to_path_buf).unwrap_or_default(),
            key: format!("columns.{key}"),
            message: format!(
                "unknown field {value:?}: expected one of {}",
                Field::ALL.map(Field::id).join(", ")
            ),
        })?;
        let at = column_index(key).or_else(|| {
            header
                .columns
                .iter()
                .position(|c| c.heading == *key || normalise(&c.heading) == normalise(key))
        });
        let Some(at) = at else {
            return Err(ImportError::Mapping {
                path: map_path.map(Path::to_path_buf).unwrap_or_default(),
                key: format!("columns.{key}"),
                message: format!(
                    "no column is headed {key:?}: expected a column letter or one of {}",
                    header
                        .columns
                        .iter()
                        .filter(|c| !c.heading.is_empty())
                        .map(|c| format!("{:?}", c.heading))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            });
        };
        while header.columns.len() <= at {
            let letter = column_letters(header.columns.len());
            header.columns.push(Column {
                letter,
                heading: String::new(),
                field: None,
                mapped: false,
            });
        }
        // The field moves to the mapped column.
        for c in &mut header.columns {
            if c.field == Some(field) && field != Field::Ignore {
                c.field = None;
            }
        }
        header.columns[at].field = Some(field);
        header.columns[at].mapped = true;
    }
    Ok(())
}

impl Mapping {
    /// Refuses settings that cannot be: a header row 0, a header of more
    /// than two rows.
    ///
    /// # Errors
    /// [`ImportError::Mapping`] naming the key.
    pub fn validate(&self, path: &Path) -> Result<(), ImportError> {
        let bad = |key: &str, message: String| ImportError::Mapping {
            path: path.to_owned(),
            key: key.to_owned(),
            message,
        };
        if self.header_row == Some(0) {
            return Err(bad(
                "header_row",
                "0: expected the first header row, counted from 1".to_owned(),
            ));
        }
        if let Some(n) = self.header_rows.filter(|n| !(1..=2).contains(n)) {
            return Err(bad("header_rows", format!("{n}: expected 1 or 2")));
        }
        Ok(())
    }
}

/// The mapping file: what import cannot find by itself.
///
/// ```toml
/// header_row = 3          # the first header row (1-based)
/// header_rows = 2         # it spans two rows
/// category = "licensing"  # for sheets with no type column, name or section row
/// [columns]
/// "职权名称" = "name"      # a heading, or a column letter
/// "F" = "setting-basis"
/// "内部编号" = "ignore"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The first header row (1-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_row: Option<usize>,
    /// How many rows the header spans (1 or 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_rows: Option<usize>,
    /// The category of rows nothing else gives one (an id, or a name such
    /// as 行政许可).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Column (heading or letters) → field id.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
}
