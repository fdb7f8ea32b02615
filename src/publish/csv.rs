//! CSV: one configuration for every CSV output, through the `csv` crate:
//! UTF-8 with a byte-order mark (so spreadsheet programs read it as UTF-8),
//! CRLF line ends, RFC 4180 quoting, and formula-like cells neutralised
//! with a leading `'`. The catalogue has one row per unit with the columns
//! of published lists.

use crate::publish::catalogue::{Catalogue, columns};
use crate::publish::format::{Format, RenderError, Renderer, UnitReport};
use crate::publish::report::{
    CHANGESET_CSV_HEADER, COMPARISON_HEAD, CROSSWALK_HEAD, FINDINGS_HEAD, changeset_rows,
    comparison_rows, crosswalk_cells, finding_cells, unit_rows,
};
use crate::publish::show::Lang;
use crate::query::audit::Finding;
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::ChangeSet;

/// The CSV renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Csv;

/// The byte-order mark that makes spreadsheet programs read CSV as UTF-8.
pub const BOM: &str = "\u{feff}";

/// A cell as written: a cell that a spreadsheet would run as a formula (it
/// starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a
/// leading `'`.
pub fn guard(s: &str) -> std::borrow::Cow<'_, str> {
    // Leading control characters are no shield: a reader may drop them.
    let bare = s.trim_start_matches(|c: char| c.is_control());
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) || bare.starts_with(['=', '+', '-', '@']) {
        format!("'{s}").into()
    } else {
        s.into()
    }
}

/// A CSV document: the header row, then the rows.
///
/// # Errors
/// When the writer fails (it writes to memory, so only on a bug).
pub(crate) fn table<R, C>(head: &[&str], rows: R) -> Result<String, RenderError>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let fail = |e: &dyn std::fmt::Display| RenderError::Encoder {
        format: Format::Csv,
        message: e.to_string(),
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .flexible(true)
        .from_writer(BOM.as_bytes().to_vec());
    w.write_record(head.iter().map(|h| guard(h).into_owned()))
        .map_err(|e| fail(&e))?;
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| guard(c.as_ref()).into_owned())
            .collect();
        w.write_record(&cells).map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

impl Renderer for Csv {
    fn table(&self, t: &crate::publish::upstream::Table) -> Result<String, RenderError> {
        let head: Vec<&str> = t.head.iter().map(String::as_str).collect();
        table(&head, t.rows.iter())
    }

    fn format(&self) -> Format {
        Format::Csv
    }

    fn catalogue(&self, c: &Catalogue, lang: Lang) -> Result<Vec<u8>, RenderError> {
        let rows = c
            .sections
            .iter()
            .flat_map(|section| c.rows(section))
            .map(|row| row.cells());
        let t = table(&columns(lang), rows)?;
        if !c.unverified {
            return Ok(t.into_bytes());
        }
        // A first row that no spreadsheet can miss.
        let mark = table(
            &[crate::publish::catalogue::UNVERIFIED],
            Vec::<Vec<String>>::new(),
        )?;
        Ok(format!("{mark}{}", t.trim_start_matches(BOM)).into_bytes())
    }

    fn changeset(&self, cs: &ChangeSet) -> Result<String, RenderError> {
        table(&CHANGESET_CSV_HEADER, changeset_rows(cs))
    }

    fn findings(&self, list: &[Finding]) -> Result<String, RenderError> {
        table(&FINDINGS_HEAD, list.iter().map(finding_cells))
    }

    fn crosswalk(&self, rows: &[CrosswalkRow]) -> Result<String, RenderError> {
        table(&CROSSWALK_HEAD, rows.iter().map(crosswalk_cells))
    }

    fn comparison(&self, c: &Comparison) -> Result<String, RenderError> {
        table(&COMPARISON_HEAD, comparison_rows(c))
    }

    fn unit_changes(&self, u: &UnitReport<'_>) -> Result<String, RenderError> {
        table(&["authority", "unit", "change", "columns"], unit_rows(u))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(s: &str) -> String {
        let t = table(&["h"], [[s]]).unwrap_or_default();
        t.trim_start_matches(BOM)
            .trim_start_matches("h\r\n")
            .trim_end_matches("\r\n")
            .to_owned()
    }

    #[test]
    fn cells_are_quoted_and_neutralised() {
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@x"), "'@x");
        assert_eq!(cell("a\nb"), "\"a\nb\"");
        assert_eq!(cell("民爆"), "民爆");
    }

    #[test]
    fn documents_start_with_a_bom_and_end_lines_with_crlf() {
        let t = table(&["a", "b"], [["1", "2"], ["3", "4"]]).unwrap_or_default();
        assert_eq!(t, "\u{feff}a,b\r\n1,2\r\n3,4\r\n");
    }
}
