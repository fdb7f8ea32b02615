//! Markdown, for repositories and notices.

use std::fmt::Write as _;

use crate::publish::catalogue::{Catalogue, columns, labels};
use crate::publish::format::{Format, RenderError, Renderer};
use crate::publish::report::{
    COMPARISON_HEAD, CROSSWALK_HEAD, agreement_detail, bump_line, comparison_rows,
    comparison_summary, comparison_title, count_rows, crosswalk_cells, documents_line,
    finding_cells, groups, row, title,
};
use crate::publish::show::Lang;
use crate::query::audit::Finding;
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::ChangeSet;

/// The Markdown writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Markdown;

/// Escapes text for Markdown (tables included).
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            // A control character or a bidirectional override shows as an
            // escape, so that a catalogue printed on a terminal cannot act.
            c if crate::diag::hazardous(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out
}

impl Renderer for Markdown {
    fn table(&self, t: &crate::publish::upstream::Table) -> Result<String, RenderError> {
        let mut s = format!("# {}\n\n", md(&t.title));
        for p in &t.paragraphs {
            let _ = writeln!(s, "{}\n", md(p));
        }
        let head: Vec<&str> = t.head.iter().map(String::as_str).collect();
        let head: Vec<String> = head.iter().map(|h| md(h)).collect();
        let head: Vec<&str> = head.iter().map(String::as_str).collect();
        s.push_str(&table(&head, t.rows.iter().cloned()));
        Ok(s)
    }

    fn format(&self) -> Format {
        Format::Markdown
    }

    fn changeset(&self, cs: &ChangeSet) -> Result<String, RenderError> {
        Ok(changeset_md(cs))
    }

    fn findings(&self, list: &[Finding]) -> Result<String, RenderError> {
        Ok(table(
            &crate::publish::report::FINDINGS_HEAD,
            list.iter().map(|f| finding_cells(f).to_vec()),
        ))
    }

    fn crosswalk(&self, rows: &[CrosswalkRow]) -> Result<String, RenderError> {
        Ok(table(&CROSSWALK_HEAD, rows.iter().map(crosswalk_cells)))
    }

    fn comparison(&self, c: &Comparison) -> Result<String, RenderError> {
        let mut s = format!(
            "# {}\n\n{}\n\n",
            md(&comparison_title(c)),
            md(&comparison_summary(c))
        );
        s.push_str(&table(
            &COMPARISON_HEAD,
            comparison_rows(c).into_iter().map(Vec::from),
        ));
        Ok(s)
    }

    fn catalogue(&self, c: &Catalogue, lang: Lang) -> Result<Vec<u8>, RenderError> {
        let l = labels(lang);
        let mut s = format!("# {}\n\n", md(&c.title));
        if c.unverified {
            let _ = writeln!(s, "**{}**\n", md(crate::publish::catalogue::UNVERIFIED));
        }
        for (k, v) in c.meta(lang) {
            let _ = writeln!(s, "- **{k}**: {}", md(&v));
        }
        let _ = writeln!(s, "\n> {}\n", md(&c.sentence));
        if let Some(note) = &c.note {
            let _ = writeln!(s, "*{}*\n", md(note));
        }
        let _ = writeln!(s, "## {}\n", l.contents);
        for sec in &c.sections {
            let n = c.count(sec.category);
            let _ = writeln!(
                s,
                "- [{}]({}) ({} {} / {} {})",
                sec.name,
                format_args!("#{}", sec.category.id()),
                n.items,
                l.items,
                n.units,
                l.units
            );
        }
        let head = columns(lang);
        for sec in &c.sections {
            let _ = writeln!(
                s,
                "\n<a id=\"{}\"></a>\n\n## {}\n",
                sec.category.id(),
                sec.name
            );
            let _ = writeln!(
                s,
                "| {} |\n|{}",
                head.join(" | "),
                "---|".repeat(head.len())
            );
            for row in c.rows(sec) {
                let cells: Vec<String> = row.cells().iter().map(|x| md(x)).collect();
                let _ = writeln!(s, "| {} |", cells.join(" | "));
            }
        }
        if !c.agreements.is_empty() {
            let _ = writeln!(s, "\n## {}\n", l.agreements);
            for a in &c.agreements {
                let term = c.term(a);
                let _ = writeln!(
                    s,
                    "- **{}** {} ({}; {})",
                    md(a.id.as_str()),
                    md(&a.title),
                    md(&term),
                    a.items.len()
                );
            }
        }
        if let Some(cs) = &c.changes {
            let _ = writeln!(s, "\n## {}\n", l.changes);
            for line in c.change_lines(cs) {
                let _ = writeln!(s, "- {}", md(&line));
            }
        }
        if !c.ended.is_empty() {
            let _ = writeln!(
                s,
                "\n## {}\n\n| {} |\n|---|---|---|---|",
                l.ended,
                l.ended_columns.join(" | ")
            );
            for e in &c.ended {
                let succ = if e.successors.is_empty() {
                    "—".to_owned()
                } else {
                    e.successors.join(", ")
                };
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    md(&e.code),
                    md(&e.name),
                    e.status.zh(),
                    md(&succ)
                );
            }
        }
        Ok(s.into_bytes())
    }
}

/// A Markdown table, every cell escaped.
fn table(head: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut s = format!("| {} |\n|{}\n", head.join(" | "), "---|".repeat(head.len()));
    for r in rows {
        let c: Vec<String> = r.iter().map(|x| md(x)).collect();
        let _ = writeln!(s, "| {} |", c.join(" | "));
    }
    s
}

fn changeset_md(cs: &ChangeSet) -> String {
    let mut s = format!("# {}\n\n", md(&title(cs)));
    let _ = writeln!(s, "**调整前:** {}\n", md(&cs.sentence_before));
    let _ = writeln!(s, "**调整后:** {}\n", md(&cs.sentence_after));
    let _ = writeln!(
        s,
        "## 数量变化\n\n| 类别 | 调整前(项/含子项) | 调整后(项/含子项) | 变化 |\n|---|---|---|---|"
    );
    for [cat, before, after, change] in count_rows(cs) {
        let _ = writeln!(s, "| {cat} | {before} | {after} | {change} |");
    }
    for (name, items) in groups(cs) {
        let _ = writeln!(
            s,
            "\n## {name}事项({}项)\n\n| 事项编码 | 事项名称 | 类型 | 情况 | 依据 |\n|---|---|---|---|---|",
            items.len()
        );
        for c in items {
            let r = row(c);
            let _ = writeln!(
                s,
                "| {} | {} | {} | {} | {} |",
                md(&r.code),
                md(&r.name),
                r.category,
                md(&r.details.join("; ")),
                md(&r.basis)
            );
        }
    }
    if !cs.agreements.is_empty() {
        let _ = writeln!(
            s,
            "\n## 委托协议变化\n\n| 协议 | 名称 | 情况 |\n|---|---|---|"
        );
        for a in &cs.agreements {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                md(a.id.as_str()),
                md(&a.title),
                md(&agreement_detail(a).join("; "))
            );
        }
    }
    if !cs.entries.is_empty() {
        let _ = writeln!(s, "\n## 调整依据\n");
        for e in &cs.entries {
            let docs = documents_line(&e.documents);
            let _ = writeln!(s, "- {} {}:{}", e.version, e.date, md(&docs));
        }
    }
    let _ = writeln!(
        s,
        "\n{}。无调整依据的变化:{}项。",
        bump_line(cs),
        cs.unaccounted()
    );
    s
}
