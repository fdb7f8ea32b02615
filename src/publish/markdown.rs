//! Markdown, for repositories and notices.

use std::fmt::Write as _;

use crate::publish::catalogue::{Catalogue, RenderError, Writer, columns, labels};
use crate::publish::show::Lang;

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
            c => out.push(c),
        }
    }
    out
}

impl Writer for Markdown {
    fn name(&self) -> &'static str {
        "md"
    }

    fn extension(&self) -> &'static str {
        "md"
    }

    fn render(&self, c: &Catalogue, lang: Lang) -> Result<Vec<u8>, RenderError> {
        let l = labels(lang);
        let mut s = format!("# {}\n\n", md(&c.title));
        for (k, v) in c.meta(lang) {
            let _ = writeln!(s, "- **{k}**: {}", md(&v));
        }
        let _ = writeln!(s, "\n> {}\n", md(&c.sentence));
        if let Some(note) = &c.note {
            let _ = writeln!(s, "*{}*\n", md(note));
        }
        let _ = writeln!(s, "## {}\n", l.contents);
        for sec in &c.sections {
            let n = c
                .stats
                .categories
                .get(sec.category.id())
                .copied()
                .unwrap_or_default();
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
