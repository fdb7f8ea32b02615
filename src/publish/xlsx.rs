//! XLSX (feature `xlsx`): a summary sheet, one sheet per category with one
//! row per unit and the columns of published lists, a sheet of agreements and
//! one of changes; frozen header, column widths that fit Chinese text,
//! filters. Formula-like text is stored as text with Excel's quote prefix.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::publish::catalogue::{Catalogue, columns, labels};
use crate::publish::format::{Format as OutputFormat, RenderError, Renderer};
use crate::publish::show::Lang;

/// The XLSX writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Xlsx;

/// A worksheet name as Excel takes it: at most 31 characters, none of
/// `[]:*?/\` (the English "Changes since the previous version" is 34).
fn sheet_name(s: &str) -> String {
    s.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect::<String>()
        .trim_end()
        .to_owned()
}

fn formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Writes a table: a bold header row, then the rows; frozen header, an
/// autofilter, and column widths from the widest cell (CJK counted double).
fn table(
    ws: &mut Worksheet,
    first_row: u32,
    head: &[&str],
    rows: &[Vec<String>],
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold().set_background_color("F2F2F2");
    let wrap = Format::new().set_text_wrap();
    let quoted = Format::new().set_text_wrap().set_quote_prefix();
    let mut widths: Vec<usize> = head.iter().map(|h| UnicodeWidthStr::width(*h)).collect();
    for (c, h) in head.iter().enumerate() {
        ws.write_string_with_format(first_row, c as u16, *h, &bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = first_row + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            let f = if formula_like(cell) { &quoted } else { &wrap };
            ws.write_string_with_format(r, c as u16, cell, f)?;
            if let Some(w) = widths.get_mut(c) {
                let longest = cell.lines().map(UnicodeWidthStr::width).max().unwrap_or(0);
                *w = (*w).max(longest);
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, ((*w).clamp(4, 60) + 2) as f64)?;
    }
    ws.set_freeze_panes(first_row + 1, 0)?;
    if !head.is_empty() {
        ws.autofilter(
            first_row,
            0,
            first_row + rows.len() as u32,
            (head.len() - 1) as u16,
        )?;
    }
    Ok(())
}

/// The summary sheet: the catalogue's facts, counts and indicators.
fn summary_sheet(wb: &mut Workbook, c: &Catalogue, lang: Lang) -> Result<(), XlsxError> {
    let zh = lang == Lang::Zh;
    let summary = wb.add_worksheet();
    summary.set_name(if zh { "概况" } else { "Summary" })?;
    let title = Format::new().set_bold().set_font_size(14);
    summary.write_string_with_format(0, 0, &c.title, &title)?;
    let mut r = 1;
    for (k, v) in c.meta(lang) {
        summary.write_string(r, 0, k)?;
        summary.write_string(r, 1, &v)?;
        r += 1;
    }
    summary.write_string(r, 0, if zh { "清单统计" } else { "Counts" })?;
    summary.write_string(r, 1, &c.sentence)?;
    r += 1;
    if let Some(note) = &c.note {
        summary.write_string(r, 0, if zh { "说明" } else { "Note" })?;
        summary.write_string(r, 1, note)?;
        r += 1;
    }
    r += 1;
    let counts: Vec<Vec<String>> = crate::model::Category::ALL
        .iter()
        .filter_map(|cat| {
            let n = c
                .stats
                .categories
                .get(cat.id())
                .copied()
                .unwrap_or_default();
            (n.items > 0).then(|| {
                vec![
                    cat.zh().to_owned(),
                    n.items.to_string(),
                    n.units.to_string(),
                ]
            })
        })
        .collect();
    let ind = &c.stats.indicators;
    let mut rows = counts;
    rows.push(Vec::new());
    for (name, ratio) in [
        ("即办率", &ind.immediate),
        ("审批时限压缩率", &ind.compression_items),
        ("审批时限压缩率(按办结天数)", &ind.compression_days),
        ("电子证照绑定率", &ind.e_licence),
        ("网上办理率", &ind.online),
    ] {
        rows.push(vec![
            name.to_owned(),
            ratio.display(),
            format!("{}/{}", ratio.numerator, ratio.denominator),
        ]);
    }
    let head: [&str; 3] = if zh {
        ["事项类型", "项数", "含子项数"]
    } else {
        ["Category", "Items", "Units"]
    };
    // The summary's table has no filter or frozen pane of its own: write it plainly.
    let bold = Format::new().set_bold().set_background_color("F2F2F2");
    for (i, h) in head.iter().enumerate() {
        summary.write_string_with_format(r, i as u16, *h, &bold)?;
    }
    for (i, row) in rows.iter().enumerate() {
        for (j, cell) in row.iter().enumerate() {
            summary.write_string(r + 1 + i as u32, j as u16, cell)?;
        }
    }
    summary.set_column_width(0, 28)?;
    summary.set_column_width(1, 90)?;
    Ok(())
}

fn render(c: &Catalogue, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let l = labels(lang);
    let zh = lang == Lang::Zh;
    let mut wb = Workbook::new();
    // No clock in the file: it is created on the version's effective date.
    let created = ExcelDateTime::from_ymd(
        u16::try_from(c.effective.year()).unwrap_or(2000),
        u8::try_from(c.effective.month()).unwrap_or(1),
        u8::try_from(c.effective.day()).unwrap_or(1),
    )?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&c.title)
            .set_creation_datetime(&created),
    );

    summary_sheet(&mut wb, c, lang)?;

    let head = columns(lang);
    for sec in &c.sections {
        let ws = wb.add_worksheet();
        ws.set_name(sheet_name(&sec.name))?;
        let rows: Vec<Vec<String>> = c.rows(sec).iter().map(|r| r.cells().to_vec()).collect();
        table(ws, 0, &head, &rows)?;
    }

    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(l.agreements))?;
    let code_of = |id: &crate::model::Id| {
        c.sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| &i.id == id)
            .map_or_else(|| id.to_string(), |i| i.code.to_string())
    };
    let rows: Vec<Vec<String>> = c
        .agreements
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                a.title.clone(),
                c.grantor_name(&a.entruster),
                c.term(a),
                a.decided_by
                    .iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("、"),
                a.items
                    .iter()
                    .map(|x| code_of(&x.item))
                    .collect::<Vec<_>>()
                    .join("、"),
            ]
        })
        .collect();
    let head: [&str; 6] = if zh {
        [
            "协议编号",
            "协议名称",
            "委托机关",
            "期限",
            "依据文件",
            "委托事项",
        ]
    } else {
        ["Id", "Title", "Entruster", "Term", "Documents", "Items"]
    };
    table(ws, 0, &head, &rows)?;

    let ws = wb.add_worksheet();
    ws.set_name(sheet_name(l.changes))?;
    let rows: Vec<Vec<String>> = c
        .changes
        .as_ref()
        .map(|cs| {
            c.change_lines(cs)
                .into_iter()
                .map(|line| vec![line])
                .collect()
        })
        .unwrap_or_default();
    table(ws, 0, &[l.changes], &rows)?;

    wb.save_to_buffer()
}

impl Renderer for Xlsx {
    fn format(&self) -> OutputFormat {
        OutputFormat::Xlsx
    }

    fn catalogue(&self, c: &Catalogue, lang: Lang) -> Result<Vec<u8>, RenderError> {
        render(c, lang).map_err(|e| RenderError::Encoder {
            format: OutputFormat::Xlsx,
            message: e.to_string(),
        })
    }
}
