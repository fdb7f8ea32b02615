//! HTML: one self-contained page (no network, no external assets), with a
//! table of contents by category, the counts at the top, an anchor per item
//! code, a print stylesheet and a layout for phones. All content is escaped.

use std::fmt::Write as _;

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

use self::html_escape as e;

/// The HTML writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Html;

const CSS: &str = r#"
:root{--ink:#1d1d1f;--muted:#555;--line:#c9c9c9;--accent:#b3261e;--bg:#fff;--soft:#f6f4ef}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:16px/1.65 "Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
header{background:var(--accent);color:#fff;padding:1.2em 1em}
header h1{margin:0;font-size:1.5em;letter-spacing:.05em}
header p{margin:.3em 0 0;opacity:.9}
main{max-width:72em;margin:0 auto;padding:1em}
.sentence{background:var(--soft);border-left:5px solid var(--accent);padding:.8em 1em;font-size:1.05em}
.note{color:var(--accent);font-size:.9em}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2em 1em;margin:1em 0}
dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;word-break:break-all}
nav ol{columns:2;padding-left:1.2em}
table{border-collapse:collapse;width:100%;margin:.6em 0 1.2em;font-size:.92em}
th,td{border:1px solid var(--line);padding:.35em .5em;text-align:left;vertical-align:top}
th{background:var(--soft);white-space:nowrap}
section.category{margin-top:2em}
h2{border-bottom:2px solid var(--accent);padding-bottom:.2em}
article.item{border:1px solid var(--line);border-radius:4px;padding:.6em 1em;margin:1em 0;break-inside:avoid}
article.item h3{margin:.1em 0 .4em;font-size:1.1em}
article.item h3 .code{color:var(--accent);font-family:monospace;margin-right:.5em}
article.item dl{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;margin:.3em 0}
article.item dt{color:var(--muted)}article.item dd{margin:0}
.rec{font-size:.8em;color:#7a5c00;background:#fff4cc;border-radius:3px;padding:0 .3em;margin-left:.3em}
a{color:var(--accent)}
@media (max-width:640px){
  nav ol{columns:1}
  dl.meta,article.item dl{grid-template-columns:1fr}
  dl.meta dt,article.item dt{font-weight:bold}
  table,thead,tbody,tr,th,td{display:block}
  thead{display:none}
  tr{border:1px solid var(--line);margin:.5em 0}
  td{border:none;border-bottom:1px dotted var(--line)}
  td::before{content:attr(data-label)"：";color:var(--muted)}
}
@media print{
  header{background:none;color:#000;border-bottom:2px solid #000}
  nav{display:none}
  a{color:#000;text-decoration:none}
  article.item,tr{break-inside:avoid}
  section.category{break-before:page}
  body{font-size:11pt}
}
"#;

fn rec() -> &'static str {
    "<span class=\"rec\">重构</span>"
}

impl Catalogue {
    fn html_item(&self, s: &mut String, item: &Item, lang: Lang) {
        let l = labels(lang);
        let _ = writeln!(
            s,
            "<article class=\"item\" id=\"{}\">",
            e(item.code.as_str())
        );
        let mut name = e(&item.name);
        if item.is_reconstructed(crate::model::Element::Existence)
            || item.is_reconstructed(crate::model::Element::Name)
        {
            name.push_str(rec());
        }
        let _ = writeln!(
            s,
            "<h3><a class=\"code\" href=\"#{0}\">{0}</a>{name}</h3>\n<dl>",
            e(item.code.as_str())
        );
        let mut row = |k: &str, v: String| {
            if !v.is_empty() {
                let _ = writeln!(s, "<dt>{k}</dt><dd>{v}</dd>");
            }
        };
        let mark = |el: crate::model::Element| if item.is_reconstructed(el) { rec() } else { "" };
        row(
            l.source,
            format!(
                "{}{}{}",
                e(item.source.zh()),
                item.grantor
                    .as_ref()
                    .map(|g| format!(" · {}", e(&self.grantor_name(g))))
                    .unwrap_or_default(),
                if item.source_documents.is_empty() {
                    String::new()
                } else {
                    format!(
                        " ({})",
                        e(&item
                            .source_documents
                            .iter()
                            .map(|d| d.as_str())
                            .collect::<Vec<_>>()
                            .join("、"))
                    )
                }
            ),
        );
        row(l.body, e(&item.body));
        row(
            l.unit,
            item.unit
                .as_ref()
                .map(|u| format!("{}{}", e(u), mark(crate::model::Element::Unit)))
                .unwrap_or_default(),
        );
        let bases: Vec<String> = item
            .basis
            .iter()
            .map(|b| {
                format!(
                    "{}:《{}》{}{}{}",
                    b.role.zh(),
                    e(&b.title),
                    e(b.article.as_deref().unwrap_or("")),
                    b.number
                        .as_ref()
                        .map(|n| format!(" ({})", e(n)))
                        .unwrap_or_default(),
                    if b.reconstructed { rec() } else { "" }
                )
            })
            .collect();
        row(l.basis, bases.join("<br>"));
        if let Some(imp) = &item.implementation {
            row(
                l.limits,
                format!(
                    "{}{}",
                    e(&limits(imp)),
                    mark(crate::model::Element::Implementation)
                ),
            );
        }
        let resp: Vec<String> = item
            .responsibility
            .iter()
            .map(|r| format!("{}:{}", e(&r.stage), e(&r.duty)))
            .collect();
        row(
            l.responsibilities,
            format!(
                "{}{}",
                resp.join("<br>"),
                if resp.is_empty() {
                    ""
                } else {
                    mark(crate::model::Element::Responsibilities)
                }
            ),
        );
        let acc: Vec<String> = item.accountability.iter().map(|a| e(a)).collect();
        row(
            l.accountability,
            format!(
                "{}{}",
                acc.join("<br>"),
                if acc.is_empty() {
                    ""
                } else {
                    mark(crate::model::Element::Accountability)
                }
            ),
        );
        row(
            l.remarks,
            item.remarks.as_deref().map(e).unwrap_or_default(),
        );
        if !item.reconstructed.is_empty() {
            let els: Vec<&str> = item.reconstructed.iter().map(|x| x.zh()).collect();
            row(l.reconstructed, e(&els.join("、")));
        }
        s.push_str("</dl>\n");
        let subs: Vec<_> = item.subs_on(self.as_of).collect();
        if !subs.is_empty() {
            let _ = writeln!(
                s,
                "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
                l.sub_code, l.sub_name, l.limits
            );
            for sub in subs {
                let lim = sub.implementation.as_ref().map(limits).unwrap_or_default();
                let _ = writeln!(
                    s,
                    "<tr id=\"{0}\"><td data-label=\"{3}\">{0}</td><td data-label=\"{4}\">{1}</td><td data-label=\"{5}\">{2}</td></tr>",
                    e(sub.code.as_str()),
                    e(&sub.name),
                    e(&lim),
                    l.sub_code,
                    l.sub_name,
                    l.limits
                );
            }
            s.push_str("</tbody></table>\n");
        }
        s.push_str("</article>\n");
    }
}

fn limits(imp: &crate::model::Implementation) -> String {
    let mut parts = Vec::new();
    if let Some(d) = imp.legal_days {
        parts.push(format!("法定{d}个工作日"));
    }
    if let Some(d) = imp.promised_days {
        parts.push(format!("承诺{d}个工作日"));
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
        let l = labels(lang);
        let html_lang = match lang {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        };
        let mut s = format!(
            "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"quanze\">\n<title>{} {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
            e(&c.title),
            e(&c.version.to_string())
        );
        let _ = writeln!(
            s,
            "<header><h1>{}</h1><p>{} {} · {} {}</p></header>\n<main>",
            e(&c.title),
            l.version,
            e(&c.version.to_string()),
            l.effective,
            c.effective
        );
        let _ = writeln!(
            s,
            "<p class=\"sentence\" id=\"counts\">{}</p>",
            e(&c.sentence)
        );
        if let Some(note) = &c.note {
            let _ = writeln!(s, "<p class=\"note\">{}</p>", e(note));
        }
        s.push_str("<dl class=\"meta\">\n");
        for (k, v) in c.meta(lang) {
            let _ = writeln!(s, "<dt>{}</dt><dd>{}</dd>", e(k), e(&v));
        }
        s.push_str("</dl>\n");
        let _ = writeln!(s, "<nav><h2>{}</h2><ol>", l.contents);
        for sec in &c.sections {
            let n = c
                .stats
                .categories
                .get(sec.category.id())
                .copied()
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "<li><a href=\"#{}\">{}</a> ({} {} / {} {})</li>",
                sec.category.id(),
                e(&sec.name),
                n.items,
                l.items,
                n.units,
                l.units
            );
        }
        for (id, title, present) in [
            ("agreements", l.agreements, !c.agreements.is_empty()),
            ("changes", l.changes, c.changes.is_some()),
            ("ended", l.ended, !c.ended.is_empty()),
        ] {
            if present {
                let _ = writeln!(s, "<li><a href=\"#{id}\">{title}</a></li>");
            }
        }
        s.push_str("</ol></nav>\n");
        for sec in &c.sections {
            let _ = writeln!(
                s,
                "<section class=\"category\" id=\"{}\"><h2>{}</h2>",
                sec.category.id(),
                e(&sec.name)
            );
            for item in &sec.items {
                c.html_item(&mut s, item, lang);
            }
            s.push_str("</section>\n");
        }
        html_agreements(&mut s, c, &l);
        html_changes_and_ended(&mut s, c, &l);
        let _ = writeln!(
            s,
            "<footer><p>{} {} · {}: <code>{}</code></p></footer>\n</main>\n</body>\n</html>",
            e(&c.authority_name),
            e(&c.version.to_string()),
            l.entry_hash,
            e(c.entry_hash.as_deref().unwrap_or("—"))
        );
        Ok(s.into_bytes())
    }
}

/// The section of agreements in force.
fn html_agreements(s: &mut String, c: &Catalogue, l: &crate::publish::catalogue::Labels) {
    if !c.agreements.is_empty() {
        let _ = writeln!(s, "<section id=\"agreements\"><h2>{}</h2>", l.agreements);
        for a in &c.agreements {
            let items: Vec<String> = a
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
                        Some(code) => format!("<a href=\"#{0}\">{0}</a>", e(&code)),
                        None => e(x.item.as_str()),
                    }
                })
                .collect();
            let _ = writeln!(
                s,
                "<article class=\"item\" id=\"agreement-{}\"><h3>{}{}</h3><dl><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl></article>",
                e(a.id.as_str()),
                e(&a.title),
                if a.reconstructed { rec() } else { "" },
                l.term,
                e(&c.term(a)),
                l.documents,
                e(&a.decided_by
                    .iter()
                    .map(|d| d.as_str())
                    .collect::<Vec<_>>()
                    .join("、")),
                l.entrusted_items,
                items.join(" ")
            );
        }
        s.push_str("</section>\n");
    }
}

/// The sections of changes since the previous version and of ended codes.
fn html_changes_and_ended(s: &mut String, c: &Catalogue, l: &crate::publish::catalogue::Labels) {
    if let Some(cs) = &c.changes {
        let _ = writeln!(s, "<section id=\"changes\"><h2>{}</h2><ul>", l.changes);
        for line in c.change_lines(cs) {
            let _ = writeln!(s, "<li>{}</li>", e(&line));
        }
        s.push_str("</ul></section>\n");
    }
    if !c.ended.is_empty() {
        let _ = writeln!(
            s,
            "<section id=\"ended\"><h2>{}</h2><table><thead><tr><th>{}</th></tr></thead><tbody>",
            l.ended,
            l.ended_columns.join("</th><th>")
        );
        for en in &c.ended {
            let succ: Vec<String> = en
                .successors
                .iter()
                .map(|x| format!("<a href=\"#{0}\">{0}</a>", e(x)))
                .collect();
            let cols = l.ended_columns;
            let _ = writeln!(
                s,
                "<tr id=\"{0}\"><td data-label=\"{4}\">{0}</td><td data-label=\"{5}\">{1}</td><td data-label=\"{6}\">{2}</td><td data-label=\"{7}\">{3}</td></tr>",
                e(&en.code),
                e(&en.name),
                en.status.zh(),
                if succ.is_empty() {
                    "—".to_owned()
                } else {
                    succ.join(", ")
                },
                cols[0],
                cols[1],
                cols[2],
                cols[3]
            );
        }
        s.push_str("</tbody></table></section>\n");
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

/// Escapes text for HTML.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&#39;"
        );
    }
}
