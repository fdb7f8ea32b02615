//! HTML: one self-contained page (no network, no external assets), with a
//! table of contents by category, the counts at the top, an anchor per item
//! code, a print stylesheet and a layout for phones. All content is escaped.

use askama::Template;

use crate::model::Item;
use crate::publish::catalogue::{Catalogue, labels};
use crate::publish::format::{Format, RenderError, Renderer};
use crate::publish::report::{
    COMPARISON_HEAD, CROSSWALK_HEAD, FINDINGS_HEAD, agreement_detail, bump_line, comparison_rows,
    comparison_summary, comparison_title, count_rows, crosswalk_cells, documents_line,
    finding_cells, groups, row, title,
};
use crate::publish::show::Lang;
use crate::query::audit::Finding;
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::ChangeSet;

/// The HTML writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

/// The catalogue page's stylesheet (`templates/catalogue.css`).
const CSS: &str = include_str!("templates/catalogue.css");

fn limits(category: crate::model::Category, imp: &crate::model::Implementation) -> String {
    let unit = imp.unit(category);
    let mut parts = Vec::new();
    if let Some(d) = imp.legal_days {
        parts.push(format!("法定{}", unit.zh(d)));
    }
    match imp.promised_days {
        Some(0) => parts.push("即办".to_owned()),
        Some(d) => parts.push(format!("承诺{}", unit.zh(d))),
        None => {}
    }
    if let Some(h) = imp.handling {
        parts.push(h.zh().to_owned());
    }
    if imp.online == Some(true) {
        parts.push("网上办理".to_owned());
    }
    if imp.e_licence == Some(true) {
        parts.push("电子证照".to_owned());
    }
    if let Some(r) = &imp.result {
        parts.push(r.clone());
    }
    parts.join(" · ")
}

impl Renderer for Html {
    fn table(&self, t: &crate::publish::upstream::Table) -> Result<String, RenderError> {
        let head: Vec<&str> = t.head.iter().map(String::as_str).collect();
        render(&TablePage {
            title: t.title.clone(),
            paragraphs: t.paragraphs.clone(),
            head: &head,
            rows: t.rows.clone(),
        })
    }

    fn format(&self) -> Format {
        Format::Html
    }

    fn changeset(&self, cs: &ChangeSet) -> Result<String, RenderError> {
        let groups = groups(cs)
            .into_iter()
            .map(|(name, items)| Group {
                name,
                rows: items.into_iter().map(row).collect(),
            })
            .collect();
        render(&DiffPage {
            title: title(cs),
            cs,
            counts: count_rows(cs),
            groups,
            agreements: cs
                .agreements
                .iter()
                .map(|a| (a.id.to_string(), a.title.clone(), agreement_detail(a)))
                .collect(),
            entries: cs
                .entries
                .iter()
                .map(|e| {
                    (
                        e.version.to_string(),
                        e.date.to_string(),
                        documents_line(&e.documents),
                    )
                })
                .collect(),
            bump: bump_line(cs),
        })
    }

    fn findings(&self, list: &[Finding]) -> Result<String, RenderError> {
        let errors = list
            .iter()
            .filter(|f| f.severity == crate::query::audit::Severity::Error)
            .count();
        render(&TablePage {
            title: "权责清单审计结果".to_owned(),
            paragraphs: vec![format!(
                "{} finding(s): {errors} error(s), {} warning(s)",
                list.len(),
                list.len() - errors
            )],
            head: &FINDINGS_HEAD,
            rows: list.iter().map(|f| finding_cells(f).to_vec()).collect(),
        })
    }

    fn crosswalk(&self, rows: &[CrosswalkRow]) -> Result<String, RenderError> {
        render(&TablePage {
            title: "事项编码对照表".to_owned(),
            paragraphs: Vec::new(),
            head: &CROSSWALK_HEAD,
            rows: rows.iter().map(crosswalk_cells).collect(),
        })
    }

    fn comparison(&self, c: &Comparison) -> Result<String, RenderError> {
        render(&TablePage {
            title: comparison_title(c),
            paragraphs: vec![comparison_summary(c)],
            head: &COMPARISON_HEAD,
            rows: comparison_rows(c).into_iter().map(Vec::from).collect(),
        })
    }

    fn catalogue(&self, c: &Catalogue, lang: Lang) -> Result<Vec<u8>, RenderError> {
        render(&CataloguePage::of(c, lang)).map(String::into_bytes)
    }
}

/// Renders a template; templates are checked when the crate is compiled,
/// so only a value's own `Display` can fail.
fn render(t: &impl Template) -> Result<String, RenderError> {
    let mut page = t.render().map_err(|e| RenderError::Encoder {
        format: Format::Html,
        message: e.to_string(),
    })?;
    // Askama drops the line break that ends a template file.
    page.push('\n');
    Ok(page)
}

/// One group of item changes (新增, 终止, …) of a change set.
struct Group {
    name: &'static str,
    rows: Vec<crate::publish::report::Row>,
}

/// The page of a change set (`templates/diff.html`).
#[derive(Template)]
#[template(path = "diff.html")]
struct DiffPage<'a> {
    title: String,
    cs: &'a ChangeSet,
    counts: Vec<[String; 4]>,
    groups: Vec<Group>,
    agreements: Vec<(String, String, Vec<String>)>,
    entries: Vec<(String, String, String)>,
    bump: String,
}

/// A page of one table (`templates/table.html`): findings, a crosswalk, a
/// comparison.
#[derive(Template)]
#[template(path = "table.html")]
struct TablePage<'a> {
    title: String,
    paragraphs: Vec<String>,
    head: &'a [&'a str],
    rows: Vec<Vec<String>>,
}

/// A piece of a catalogue value: text (escaped by the template), a line
/// break, or the mark of a reconstructed element.
enum Piece {
    Text(String),
    Br,
    Rec,
    /// An embedded image: its `data:` URL and its alternative text.
    Image(String, String),
}

/// One category of the catalogue page, in the table of contents.
struct Nav {
    id: &'static str,
    name: String,
    items: usize,
    units: usize,
}

/// One item of the catalogue page.
struct ItemView {
    code: String,
    name: String,
    name_rec: bool,
    /// Labelled values, each a sequence of pieces (empty ones left out).
    rows: Vec<(&'static str, Vec<Piece>)>,
    /// Sub-items in force: code, name, time limits.
    subs: Vec<(String, String, String)>,
}

/// One category's items.
struct SectionView {
    id: &'static str,
    name: String,
    items: Vec<ItemView>,
}

/// One agreement in force.
struct AgreementView {
    id: String,
    title: String,
    rec: bool,
    term: String,
    documents: String,
    /// The items it entrusts: a code to link to, or an id.
    items: Vec<(String, bool)>,
}

/// One ended code.
struct EndedView {
    code: String,
    name: String,
    status: &'static str,
    successors: Vec<String>,
}

/// The catalogue page (`templates/catalogue.html`).
#[derive(Template)]
#[template(path = "catalogue.html")]
struct CataloguePage<'a> {
    c: &'a Catalogue,
    l: crate::publish::catalogue::Labels,
    lang: &'static str,
    css: &'static str,
    meta: Vec<(&'static str, String)>,
    nav: Vec<Nav>,
    nav_extra: Vec<(&'static str, &'static str)>,
    sections: Vec<SectionView>,
    agreements: Vec<AgreementView>,
    changes: Option<Vec<String>>,
    ended: Vec<EndedView>,
    hash: String,
    unverified: &'static str,
}

impl<'a> CataloguePage<'a> {
    fn of(c: &'a Catalogue, lang: Lang) -> Self {
        let l = labels(lang);
        let nav = c
            .sections
            .iter()
            .map(|sec| {
                let n = c.count(sec.category);
                Nav {
                    id: sec.category.id(),
                    name: sec.name.clone(),
                    items: n.items,
                    units: n.units,
                }
            })
            .collect();
        let nav_extra = [
            ("agreements", l.agreements, !c.agreements.is_empty()),
            ("changes", l.changes, c.changes.is_some()),
            ("ended", l.ended, !c.ended.is_empty()),
        ]
        .into_iter()
        .filter(|(_, _, present)| *present)
        .map(|(id, title, _)| (id, title))
        .collect();
        let sections = c
            .sections
            .iter()
            .map(|sec| SectionView {
                id: sec.category.id(),
                name: sec.name.clone(),
                items: sec.items.iter().map(|i| item_view(c, i, &l)).collect(),
            })
            .collect();
        Self {
            c,
            l,
            lang: match lang {
                Lang::Zh => "zh-CN",
                Lang::En => "en",
            },
            css: CSS,
            meta: c.meta(lang),
            nav,
            nav_extra,
            sections,
            agreements: c.agreements.iter().map(|a| agreement_view(c, a)).collect(),
            changes: c.changes.as_ref().map(|cs| c.change_lines(cs)),
            ended: c
                .ended
                .iter()
                .map(|en| EndedView {
                    code: en.code.clone(),
                    name: en.name.clone(),
                    status: en.status.zh(),
                    successors: en.successors.clone(),
                })
                .collect(),
            hash: c.entry_hash.clone().unwrap_or_else(|| "—".to_owned()),
            unverified: crate::publish::catalogue::UNVERIFIED,
        }
    }
}

/// Pieces joined by line breaks, with the reconstructed mark after them
/// when `rec` (and there is anything to mark).
fn lines(texts: Vec<String>, rec: bool) -> Vec<Piece> {
    let mut out = Vec::new();
    for (n, t) in texts.into_iter().enumerate() {
        if n > 0 {
            out.push(Piece::Br);
        }
        out.push(Piece::Text(t));
    }
    if rec && !out.is_empty() {
        out.push(Piece::Rec);
    }
    out
}

fn item_view(c: &Catalogue, item: &Item, l: &crate::publish::catalogue::Labels) -> ItemView {
    use crate::model::Element;
    let marked = |el: Element| item.is_reconstructed(el);
    let mut source = item.source.zh().to_owned();
    if let Some(g) = &item.grantor {
        source.push_str(&format!(" · {}", c.grantor_name(g)));
    }
    if !item.source_documents.is_empty() {
        let docs: Vec<&str> = item.source_documents.iter().map(|d| d.as_str()).collect();
        source.push_str(&format!(" ({})", docs.join("、")));
    }
    let mut rows: Vec<(&'static str, Vec<Piece>)> = vec![
        (l.source, vec![Piece::Text(source)]),
        (l.body, vec![Piece::Text(item.body.clone())]),
    ];
    if let Some(u) = &item.unit {
        rows.push((l.unit, lines(vec![u.clone()], marked(Element::Unit))));
    }
    let mut bases = Vec::new();
    for (n, b) in item.basis.iter().enumerate() {
        if n > 0 {
            bases.push(Piece::Br);
        }
        bases.push(Piece::Text(format!(
            "{}:《{}》{}{}",
            b.role.zh(),
            b.title,
            b.article.as_deref().unwrap_or(""),
            b.number
                .as_ref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default()
        )));
        if b.reconstructed {
            bases.push(Piece::Rec);
        }
    }
    rows.push((l.basis, bases));
    if let Some(imp) = &item.implementation {
        let lim = limits(item.category, imp);
        let mut pieces = vec![Piece::Text(lim)];
        if marked(Element::Implementation) {
            pieces.push(Piece::Rec);
        }
        rows.push((l.limits, pieces));
    }
    let resp = item
        .responsibility
        .iter()
        .map(|r| format!("{}:{}", r.stage, r.duty))
        .collect();
    rows.push((
        l.responsibilities,
        lines(resp, marked(Element::Responsibilities)),
    ));
    rows.push((
        l.accountability,
        lines(item.accountability.clone(), marked(Element::Accountability)),
    ));
    for (label, texts) in [
        (l.accountability_basis, &item.accountability_basis),
        (l.supervision, &item.supervision),
        (l.remedies, &item.remedies),
    ] {
        rows.push((label, lines(texts.clone(), false)));
    }
    for d in crate::publish::report::detail_rows(item) {
        let mut pieces = vec![Piece::Text(d.text.clone())];
        if d.reconstructed {
            pieces.push(Piece::Rec);
        }
        // Rows of one label (the tiers of a benchmark) share a cell.
        match rows.last_mut() {
            Some((label, last)) if *label == d.label(l.lang) => {
                last.push(Piece::Br);
                last.append(&mut pieces);
            }
            _ => rows.push((d.label(l.lang), pieces)),
        }
    }
    if let Some(fc) = &item.flowchart {
        let label = match l.lang {
            crate::publish::show::Lang::Zh => "权力运行流程图",
            crate::publish::show::Lang::En => "Flowchart",
        };
        let mut pieces = match c.flowcharts.get(&item.id) {
            Some(url) => vec![Piece::Image(url.clone(), format!("{} {label}", item.name))],
            // The file has changed since this version, or is missing.
            None => vec![Piece::Text(format!("{} ({})", fc.file, fc.sha256))],
        };
        if fc.reconstructed {
            pieces.push(Piece::Rec);
        }
        rows.push((label, pieces));
    }
    rows.push((
        l.remarks,
        vec![Piece::Text(item.remarks.clone().unwrap_or_default())],
    ));
    if !item.reconstructed.is_empty() {
        let els: Vec<&str> = item.reconstructed.iter().map(|x| x.zh()).collect();
        rows.push((l.reconstructed, vec![Piece::Text(els.join("、"))]));
    }
    // A row whose value is empty is left out, as the page always did.
    rows.retain(|(_, pieces)| {
        pieces
            .iter()
            .any(|p| !matches!(p, Piece::Text(t) if t.is_empty()))
    });
    ItemView {
        code: item.code.to_string(),
        name: item.name.clone(),
        name_rec: marked(Element::Existence) || marked(Element::Name),
        rows,
        subs: item
            .subs_on(c.as_of)
            .map(|s| {
                let cases = crate::publish::report::cases_phrase(s, l.lang);
                (
                    s.code.to_string(),
                    if cases.is_empty() {
                        s.name.clone()
                    } else {
                        format!("{}({cases})", s.name)
                    },
                    s.implementation
                        .as_ref()
                        .map(|i| limits(item.category, i))
                        .unwrap_or_default(),
                )
            })
            .collect(),
    }
}

fn agreement_view(c: &Catalogue, a: &crate::model::Agreement) -> AgreementView {
    let items = a
        .items
        .iter()
        .map(|x| {
            let code = c
                .sections
                .iter()
                .flat_map(|sec| &sec.items)
                .find(|i| i.id == x.item)
                .map(|i| i.code.to_string());
            match code {
                Some(code) => (code, true),
                None => (x.item.to_string(), false),
            }
        })
        .collect();
    AgreementView {
        id: a.id.to_string(),
        title: a.title.clone(),
        rec: a.reconstructed,
        term: c.term(a),
        documents: a
            .decided_by
            .iter()
            .map(|d| d.as_str())
            .collect::<Vec<_>>()
            .join("、"),
        items,
    }
}
