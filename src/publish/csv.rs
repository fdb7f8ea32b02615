//! CSV: one row per unit with the columns of published lists, UTF-8 with a
//! byte-order mark so spreadsheet programs read it as UTF-8, RFC 4180
//! quoting, and formula-like cells neutralised.

use crate::publish::catalogue::{Catalogue, RenderError, Writer, columns};
use crate::publish::report::{BOM, csv_cell};
use crate::publish::show::Lang;

/// The CSV writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Csv;

fn line(cells: &[String]) -> String {
    let mut s = cells
        .iter()
        .map(|c| csv_cell(c))
        .collect::<Vec<_>>()
        .join(",");
    s.push_str("\r\n");
    s
}

impl Writer for Csv {
    fn name(&self) -> &'static str {
        "csv"
    }

    fn extension(&self) -> &'static str {
        "csv"
    }

    fn render(&self, c: &Catalogue, lang: Lang) -> Result<Vec<u8>, RenderError> {
        let head = columns(lang);
        let mut s = String::from(BOM);
        s.push_str(&line(&head.map(str::to_owned)));
        for section in &c.sections {
            for row in c.rows(section) {
                s.push_str(&line(&row.cells()));
            }
        }
        Ok(s.into_bytes())
    }
}
