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
            encoding_rs::DecoderResult::InputEmpty => return Ok((out, Encoding::Gb18030)),
            encoding_rs::DecoderResult::OutputFull => out.reserve(bytes.len() - read + 16),
            encoding_rs::DecoderResult::Malformed(bad, _) => {
                let at = read.saturating_sub(usize::from(bad));
                return Err(bad_bytes(path, bytes, at, "UTF-8 or GB18030 (GBK)"));
            }
        }
    }
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

/// Reads every sheet of an XLSX workbook, filling each merged region with
/// its top-left cell.
///
/// # Errors
/// When the workbook cannot be read.
#[cfg(feature = "xlsx")]
pub fn xlsx(path: &Path) -> Result<Vec<Sheet>, ImportError> {
    use calamine::{Reader as _, Xlsx, open_workbook};
    let fail = |e: &dyn std::fmt::Display| ImportError::Xlsx {
        path: path.to_owned(),
        message: e.to_string(),
    };
    let mut wb: Xlsx<_> = open_workbook(path).map_err(|e| fail(&e))?;
    let file: Arc<Path> = path.into();
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let range = wb.worksheet_range(&name).map_err(|e| fail(&e))?;
        let merged = wb.merge_cells_by_sheet_name(&name).unwrap_or_default();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let (height, width) = range.get_size();
        let width = width + c0 as usize;
        let mut rows = vec![vec![String::new(); width]; height + r0 as usize];
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                rows[r + r0 as usize][c + c0 as usize] = clean(&cell.to_string());
            }
        }
        for m in merged {
            let (top, left) = (m.start.0 as usize, m.start.1 as usize);
            let Some(value) = rows.get(top).and_then(|r| r.get(left)).cloned() else {
                continue;
            };
            for r in top..=(m.end.0 as usize).min(rows.len().saturating_sub(1)) {
                for c in left..=(m.end.1 as usize).min(width.saturating_sub(1)) {
                    if let Some(cell) = rows.get_mut(r).and_then(|row| row.get_mut(c)) {
                        cell.clone_from(&value);
                    }
                }
            }
        }
        sheets.push(Sheet {
            file: file.clone(),
            name: Some(name),
            rows,
        });
    }
    Ok(sheets)
}

/// Without the `xlsx` feature an XLSX file is refused with the way to read it.
///
/// # Errors
/// Always.
#[cfg(not(feature = "xlsx"))]
pub fn xlsx(path: &Path) -> Result<Vec<Sheet>, ImportError> {
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
