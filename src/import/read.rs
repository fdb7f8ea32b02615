//! Reading a spreadsheet into sheets of text cells: CSV in UTF-8 (with or
//! without a byte-order mark), UTF-16 with a byte-order mark, or
//! GB18030/GBK; XLSX through calamine (feature `xlsx`), with merged cells
//! filled from their top-left cell.

use std::path::Path;
use std::sync::Arc;

use crate::import::ImportError;

/// The largest file import reads: far more than any published list.
pub const MAX_BYTES: u64 = 256 << 20;

/// One sheet of a file: its name (none for a CSV) and its cells as text,
/// row by row from the first row of the sheet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    /// The file it was read from.
    pub file: Arc<Path>,
    /// The sheet's name in a workbook.
    pub name: Option<String>,
    /// The cells, `rows[r][c]` for row `r + 1`, column `c` (A = 0).
    pub rows: Vec<Vec<String>>,
}

/// The encoding a CSV was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8 with a byte-order mark (as quanze and Excel write it).
    Utf8Bom,
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-16 with a byte-order mark (Excel's "Unicode text").
    Utf16,
    /// GB18030, the superset of GBK and GB2312 that Chinese government
    /// systems export.
    Gb18030,
    /// An XLSX workbook (not a text encoding).
    Xlsx,
    /// quanze's JSON catalogue.
    Json,
}

impl Encoding {
    /// How the import report names it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf8Bom => "UTF-8 with BOM",
            Self::Utf8 => "UTF-8",
            Self::Utf16 => "UTF-16",
            Self::Gb18030 => "GB18030 (GBK)",
            Self::Xlsx => "XLSX",
            Self::Json => "JSON",
        }
    }
}

/// The text of a CSV file and the encoding it was in.
///
/// # Errors
/// [`ImportError::Encoding`] when the bytes are valid in none of the
/// encodings, with the line and byte where decoding failed.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<(String, Encoding), ImportError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(s) => Ok((s.to_owned(), Encoding::Utf8Bom)),
            Err(e) => Err(bad_bytes(
                path,
                rest,
                e.valid_up_to() + 3,
                "UTF-8 (it starts with a UTF-8 byte-order mark)",
            )),
        };
    }
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && (enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE)
    {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom..]);
        if had_errors {
            return Err(ImportError::Encoding {
                path: path.to_owned(),
                line: 1,
                offset: 0,
                expected: "UTF-16 (it starts with a UTF-16 byte-order mark)",
            });
        }
        return Ok((text.into_owned(), Encoding::Utf16));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), Encoding::Utf8));
    }
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 3 / 2);
    let mut read = 0;
    loop {
        let (result, n) =
            decoder.decode_to_string_without_replacement(&bytes[read..], &mut out, true);
        read += n;
        match result {
            encoding_rs::DecoderResult::InputEmpty => {
                mixed(path, bytes)?;
                return Ok((out, Encoding::Gb18030));
            }
            encoding_rs::DecoderResult::OutputFull => out.reserve(bytes.len() - read + 16),
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                let at = read.saturating_sub(usize::from(bad));
                return Err(bad_bytes(path, bytes, at, "UTF-8 or GB18030 (GBK)"));
            }
        }
    }
}

/// Some lines in UTF-8 and some not: two encodings in one file, which no
/// one decoding reads right.
fn mixed(path: &Path, bytes: &[u8]) -> Result<(), ImportError> {
    let mut utf8_line = None;
    let mut other_line = None;
    for (n, line) in bytes.split(|&b| b == b'\n').enumerate() {
        if line.is_ascii() {
            continue;
        }
        if std::str::from_utf8(line).is_ok() {
            utf8_line.get_or_insert(n + 1);
        } else {
            other_line.get_or_insert(n + 1);
        }
    }
    if let (Some(u), Some(o)) = (utf8_line, other_line) {
        return Err(ImportError::MixedEncoding {
            path: path.to_owned(),
            utf8_line: u,
            other_line: o,
        });
    }
    Ok(())
}

fn bad_bytes(path: &Path, bytes: &[u8], at: usize, expected: &'static str) -> ImportError {
    let before = &bytes[..at.min(bytes.len())];
    ImportError::Encoding {
        path: path.to_owned(),
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        offset: at,
        expected,
    }
}

/// The field separator of a CSV: a tab when the first non-blank line has
/// more tabs than commas (Excel's text export), else a comma.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if first.matches('\t').count() > first.matches(',').count() {
        b'\t'
    } else {
        b','
    }
}

/// Reads a CSV file.
///
/// # Errors
/// When the file cannot be read, is not text in a known encoding, or is
/// not CSV.
pub fn csv(path: &Path, bytes: &[u8]) -> Result<(Sheet, Encoding), ImportError> {
    let (text, encoding) = decode(path, bytes)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(&text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Csv {
            path: path.to_owned(),
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        })?;
        rows.push(
            record
                .iter()
                .map(|c| unguard(&clean(c)).to_owned())
                .collect(),
        );
    }
    let file: Arc<Path> = path.into();
    Ok((
        Sheet {
            file,
            name: None,
            rows,
        },
        encoding,
    ))
}

/// A CSV cell without the `'` that quanze's CSV (and the usual practice)
/// puts before a cell a spreadsheet would run as a formula.
fn unguard(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
        _ => s,
    }
}

/// A cell's text as import reads it: without surrounding spaces (ideographic
/// ones included) and with CRLF as LF.
pub(crate) fn clean(s: &str) -> String {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        .replace("\r\n", "\n")
}

/// The most columns a sheet may use (far more than any list has).
pub const MAX_COLUMNS: u32 = 512;
/// The longest cell import reads.
pub const MAX_CELL_BYTES: usize = 1 << 20;
/// The most text a workbook may hold.
pub const MAX_TEXT_BYTES: usize = 256 << 20;

/// A workbook as read: its visible sheets, and the names of the hidden ones.
#[derive(Debug, Clone, Default)]
pub struct Workbook {
    /// The visible sheets.
    pub sheets: Vec<Sheet>,
    /// Hidden sheets (passed over).
    pub hidden: Vec<String>,
}

/// A cell's text: numbers without a trailing `.0`, dates as `2024-03-01`.
#[cfg(feature = "xlsx")]
fn cell_text(v: &calamine::DataRef<'_>) -> String {
    use calamine::DataRef as D;
    match v {
        D::Int(i) => i.to_string(),
        D::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        D::Float(f) => f.to_string(),
        D::String(s) => s.clone(),
        D::SharedString(s) => (*s).to_owned(),
        D::Bool(b) => b.to_string(),
        D::DateTime(d) => excel_date(d.as_f64()),
        D::DateTimeIso(s) | D::DurationIso(s) => s.clone(),
        D::Error(e) => format!("#{e:?}"),
        D::Empty => String::new(),
    }
}

/// An Excel serial date (days since 1899-12-30) as `YYYY-MM-DD`, with the
/// time of day when it has one.
#[cfg(feature = "xlsx")]
fn excel_date(serial: f64) -> String {
    let days = serial.floor();
    let epoch = jiff::civil::date(1899, 12, 30);
    let Ok(date) = epoch.checked_add(jiff::Span::new().days(days as i64)) else {
        return serial.to_string();
    };
    let secs = ((serial - days) * 86_400.0).round() as i64;
    if secs == 0 {
        date.to_string()
    } else {
        format!("{date} {:02}:{:02}", secs / 3600, secs % 3600 / 60)
    }
}

/// Reads every visible sheet of an XLSX workbook, cell by cell (so a cell
/// placed far away costs nothing), filling each merged region down its
/// first column from its top-left cell (an item's cells merged over its
/// sub-item rows); a region merged across keeps its text in its first
/// column only, so a name merged over the sub-item column makes no sub-item.
///
/// # Errors
/// When the workbook cannot be read, or a cell is beyond column 512, longer
/// than 1 MiB, or the workbook holds more than 256 MiB of text.
#[cfg(feature = "xlsx")]
pub fn xlsx(path: &Path) -> Result<Workbook, ImportError> {
    use calamine::{Reader as _, SheetVisible, Xlsx, open_workbook};
    let fail = |e: &dyn std::fmt::Display| ImportError::Xlsx {
        path: path.to_owned(),
        message: format!("not a readable XLSX workbook: {e}"),
    };
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| fail(&e))?;
    let file: Arc<Path> = path.into();
    let mut book = Workbook::default();
    let mut total = 0usize;
    let sheets: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible == SheetVisible::Visible))
        .collect();
    for (name, visible) in sheets {
        if !visible {
            book.hidden.push(name);
            continue;
        }
        let merged = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let mut rows: Vec<Vec<String>> = Vec::new();
        {
            let mut reader = wb.worksheet_cells_reader(&name).map_err(|e| fail(&e))?;
            while let Some(cell) = reader.next_cell().map_err(|e| fail(&e))? {
                let (r, c) = cell.get_position();
                let text = clean(&cell_text(cell.get_value()));
                if text.is_empty() {
                    continue;
                }
                let at = || format!("{}{}", column_letters(c as usize), r + 1);
                let too = |what: String| ImportError::Xlsx {
                    path: path.to_owned(),
                    message: format!("sheet {name:?} cell {}: {what}", at()),
                };
                if c >= MAX_COLUMNS {
                    return Err(too(format!(
                        "beyond column {}: expected a list of at most {MAX_COLUMNS} columns",
                        column_letters(MAX_COLUMNS as usize - 1)
                    )));
                }
                if text.len() > MAX_CELL_BYTES {
                    return Err(too(format!(
                        "{} bytes: expected a cell of at most {MAX_CELL_BYTES} bytes",
                        text.len()
                    )));
                }
                total += text.len();
                if total > MAX_TEXT_BYTES {
                    return Err(too(format!(
                        "the workbook holds more than {MAX_TEXT_BYTES} bytes of text"
                    )));
                }
                let (r, c) = (r as usize, c as usize);
                if rows.len() <= r {
                    rows.resize(r + 1, Vec::new());
                }
                if rows[r].len() <= c {
                    rows[r].resize(c + 1, String::new());
                }
                rows[r][c] = text;
            }
        }
        for m in merged {
            let (top, left) = (m.start.0 as usize, m.start.1 as usize);
            let Some(value) = rows.get(top).and_then(|r| r.get(left)).cloned() else {
                continue;
            };
            let bottom = (m.end.0 as usize).min(rows.len().saturating_sub(1));
            for row in rows.iter_mut().take(bottom + 1).skip(top + 1) {
                if row.len() <= left {
                    row.resize(left + 1, String::new());
                }
                row[left].clone_from(&value);
            }
        }
        book.sheets.push(Sheet {
            file: file.clone(),
            name: Some(name),
            rows,
        });
    }
    Ok(book)
}

/// Without the `xlsx` feature an XLSX file is refused with the way to read it.
///
/// # Errors
/// Always.
#[cfg(not(feature = "xlsx"))]
pub fn xlsx(path: &Path) -> Result<Workbook, ImportError> {
    Err(ImportError::Xlsx {
        path: path.to_owned(),
        message: "this quanze was built without XLSX support; build it with `--features xlsx`, or save the sheet as CSV".to_owned(),
    })
}

/// The column letters of a 0-based column index (`A`, `Z`, `AA`).
pub fn column_letters(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// The 0-based column index of column letters, if they are letters.
pub fn column_index(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let mut n = 0usize;
    for b in letters.bytes() {
        n = n * 26 + usize::from(b - b'A') + 1;
    }
    Some(n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_round_trip() {
        for (i, l) in [
            (0, "A"),
            (25, "Z"),
            (26, "AA"),
            (27, "AB"),
            (701, "ZZ"),
            (702, "AAA"),
        ] {
            assert_eq!(column_letters(i), l);
            assert_eq!(column_index(l), Some(i));
        }
        assert_eq!(column_index("a"), None);
        assert_eq!(column_index("名称"), None);
    }

    #[test]
    fn encodings_are_detected() {
        let p = Path::new("x.csv");
        let (gbk, _, _) = encoding_rs::GBK.encode("事项名称,子项\n民爆,核发\n");
        assert_eq!(decode(p, &gbk).map(|d| d.1).ok(), Some(Encoding::Gb18030));
        assert_eq!(
            decode(p, &gbk).map(|d| d.0).ok().as_deref(),
            Some("事项名称,子项\n民爆,核发\n")
        );
        let bom = "\u{feff}名称\n".as_bytes();
        assert_eq!(
            decode(p, bom).ok(),
            Some(("名称\n".to_owned(), Encoding::Utf8Bom))
        );
        assert_eq!(
            decode(p, "名称\n".as_bytes()).map(|d| d.1).ok(),
            Some(Encoding::Utf8)
        );
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("名称\t子项\n".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            decode(p, &utf16).ok(),
            Some(("名称\t子项\n".to_owned(), Encoding::Utf16))
        );
    }

    #[test]
    fn bytes_in_no_encoding_are_located() {
        let p = Path::new("x.csv");
        // 0xFF is never valid in GB18030 as a lead byte.
        let bytes = b"a,b\nc,\xFF\xFF\n";
        match decode(p, bytes) {
            Err(ImportError::Encoding { line, offset, .. }) => {
                assert_eq!(line, 2);
                assert_eq!(offset, 6);
            }
            other => panic!("expected an encoding error, got {other:?}"),
        }
    }

    #[test]
    fn tab_separated_text_is_read() {
        let (sheet, _) = csv(Path::new("x.txt"), "名称\t子项\n 民爆 \t核发\n".as_bytes())
            .map_err(|e| e.to_string())
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(sheet.rows, vec![vec!["名称", "子项"], vec!["民爆", "核发"]]);
    }
}
