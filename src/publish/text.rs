//! Text for a terminal: Chinese aligned by display width.

use std::fmt::Write as _;

use crate::history::ItemVersion;
use crate::model::{List, OpKind, Registry};
use crate::publish::format::{Format, RenderError, Renderer, UnitReport};
use crate::publish::report::{
    accounted, bump_line, count_rows, documents_line, ending, field_line, groups, item_label,
    shown_fields, title,
};
use crate::publish::show::{Lang, pad};
use crate::query::audit::{Finding, Severity};
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::{ChangeKind, ChangeSet};
use crate::query::stats::Stats;

/// The text renderer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Text;

impl Renderer for Text {
    fn table(&self, t: &crate::publish::upstream::Table) -> Result<String, RenderError> {
        use unicode_width::UnicodeWidthStr;
        let mut widths: Vec<usize> = t.head.iter().map(|h| h.width()).collect();
        for r in &t.rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(c.width()).min(40);
            }
        }
        let mut s = format!("{}\n", t.title);
        for p in &t.paragraphs {
            let _ = writeln!(s, "{p}");
        }
        s.push('\n');
        let line = |cells: &[String]| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| crate::publish::show::pad(c, *w))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_owned()
        };
        let _ = writeln!(s, "{}", line(&t.head));
        for r in &t.rows {
            let _ = writeln!(s, "{}", line(r));
        }
        Ok(s)
    }

    fn format(&self) -> Format {
        Format::Text
    }

    fn stats(&self, s: &Stats, registry: &Registry, lang: Lang) -> Result<String, RenderError> {
        Ok(match lang {
            Lang::Zh => s.text_zh(),
            Lang::En => s.text_en(registry),
        })
    }

    fn changeset(&self, cs: &ChangeSet) -> Result<String, RenderError> {
        Ok(changeset_text(cs))
    }

    fn findings(&self, list: &[Finding]) -> Result<String, RenderError> {
        let mut s = String::new();
        for f in list {
            let version = f
                .version
                .as_ref()
                .map(|v| format!(" {v}"))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "{}[{}]{version}: {}",
                f.severity.id(),
                f.check,
                f.message
            );
            if let Some(l) = &f.location {
                let _ = writeln!(s, "    at {l}");
            }
        }
        let errors = list
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        let _ = writeln!(
            s,
            "{} finding(s): {errors} error(s), {} warning(s)",
            list.len(),
            list.len() - errors
        );
        Ok(s)
    }

    fn crosswalk(&self, rows: &[CrosswalkRow]) -> Result<String, RenderError> {
        let mut s = String::new();
        for r in rows.iter().filter(|r| r.event != "unchanged") {
            let from = match &r.sub {
                Some(sub) => format!("  {sub}"),
                None => r.code.clone(),
            };
            let to = if r.new_codes.is_empty() {
                "—".to_owned()
            } else {
                r.new_codes.join(", ")
            };
            let when = r
                .version
                .as_ref()
                .map(|v| format!(" {v} {}", r.date.map(|d| d.to_string()).unwrap_or_default()))
                .unwrap_or_default();
            let _ = writeln!(
                s,
                "{} → {} [{}{when}] {} {}",
                pad(&from, 12),
                pad(&to, 16),
                r.event,
                r.documents.join("、"),
                r.name
            );
        }
        let unchanged = rows.iter().filter(|r| r.event == "unchanged").count();
        let _ = writeln!(
            s,
            "{} code(s) changed, {unchanged} unchanged",
            rows.len() - unchanged
        );
        Ok(s)
    }

    fn comparison(&self, c: &Comparison) -> Result<String, RenderError> {
        let mut s = format!(
            "{}\n{}\n",
            crate::publish::report::comparison_title(c),
            crate::publish::report::comparison_summary(c)
        );
        for p in c.matched.iter().filter(|p| !p.differences.is_empty()) {
            let _ = writeln!(
                s,
                "\n  {} {} ↔ {} {} (按{})",
                p.left.code,
                p.left.name,
                p.right.code,
                p.right.name,
                p.how()
            );
            for f in &p.differences {
                let _ = writeln!(s, "      {}", indent(&field_line(f), 8));
            }
        }
        for (name, refs) in [(&c.left_name, &c.only_left), (&c.right_name, &c.only_right)] {
            if !refs.is_empty() {
                let _ = writeln!(s, "\n仅{name}有:");
                for r in refs {
                    let _ = writeln!(s, "  {} {} [{}]", pad(&r.code, 10), r.name, r.category.zh());
                }
            }
        }
        Ok(s)
    }

    fn unit_changes(&self, u: &UnitReport<'_>) -> Result<String, RenderError> {
        let (from, to) = (u.from, u.to);
        let mut s = String::new();
        let (mut a, mut r, mut c) = (0, 0, 0);
        for l in u.lists {
            let _ = writeln!(
                s,
                "{} {from} → {to}: {} added, {} removed, {} changed, {} unchanged units",
                l.authority,
                l.added.len(),
                l.removed.len(),
                l.changed.len(),
                l.common - l.changed.len()
            );
            a += l.added.len();
            r += l.removed.len();
            c += l.changed.len();
            if u.summary {
                continue;
            }
            for x in &l.added {
                let _ = writeln!(s, "  + {x}");
            }
            for x in &l.removed {
                let _ = writeln!(s, "  - {x}");
            }
            for ch in &l.changed {
                let cols: Vec<&str> = l.column_names(ch).collect();
                let _ = writeln!(s, "  ~ {}: {}", ch.unit, cols.join(", "));
            }
        }
        let _ = writeln!(
            s,
            "total: {a} added, {r} removed, {c} changed units in {} list(s)",
            u.lists.len()
        );
        Ok(s)
    }

    fn log(&self, list: &List) -> Result<String, RenderError> {
        Ok(log_text(list))
    }

    fn history(&self, versions: &[ItemVersion<'_>]) -> Result<String, RenderError> {
        let mut s = String::new();
        for v in versions {
            let ops: Vec<String> = v
                .ops
                .iter()
                .map(|k| format!("{} {}", k.id(), k.zh()))
                .collect();
            let docs: Vec<&str> = v.decided_by.iter().map(|d| d.number.as_str()).collect();
            let _ = writeln!(
                s,
                "{} {} [{}] {}",
                v.version,
                v.date,
                ops.join(", "),
                docs.join("、")
            );
            match v.item {
                Some(i) => {
                    let _ = writeln!(
                        s,
                        "    {} {} · {} · {}{}",
                        i.code,
                        i.name,
                        i.category.zh(),
                        i.status.zh(),
                        i.ended.map(|e| format!(" (止于{e})")).unwrap_or_default()
                    );
                }
                None => s.push_str("    (no record)\n"),
            }
        }
        Ok(s)
    }
}

/// The change log, one version per paragraph.
fn log_text(list: &List) -> String {
    if list.log.is_empty() {
        return format!("the list of `{}` has no change log\n", list.authority);
    }
    let mut s = String::new();
    for e in &list.log {
        let docs: Vec<&str> = e
            .entry
            .decided_by
            .iter()
            .map(|d| d.number.as_str())
            .collect();
        let ops: Vec<String> = op_counts(&e.entry)
            .iter()
            .map(|(k, n)| format!("{} {n}", k.id()))
            .collect();
        let _ = writeln!(
            s,
            "{} {} {}",
            e.entry.version,
            e.entry.date,
            docs.join("、")
        );
        if let Some(r) = &e.entry.reason {
            let _ = writeln!(s, "    {r}");
        }
        if !e.entry.answers.is_empty() {
            let _ = writeln!(s, "    answers {}", e.entry.answers.join(", "));
        }
        let _ = writeln!(s, "    {} · {}", ops.join(", "), e.own_hash());
    }
    s
}

/// The kinds of an entry's operations with their counts, in first-use order.
pub(crate) fn op_counts(entry: &crate::model::Entry) -> Vec<(OpKind, usize)> {
    let mut counts: Vec<(OpKind, usize)> = Vec::new();
    for op in &entry.op {
        match counts.iter_mut().find(|(k, _)| *k == op.kind()) {
            Some((_, n)) => *n += 1,
            None => counts.push((op.kind(), 1)),
        }
    }
    counts
}

fn changeset_text(cs: &ChangeSet) -> String {
    let mut s = format!("{}\n", title(cs));
    let _ = writeln!(s, "调整前:{}", cs.sentence_before);
    let _ = writeln!(s, "调整后:{}", cs.sentence_after);
    s.push('\n');
    let _ = writeln!(
        s,
        "  {}{}{}变化",
        pad("类别", 16),
        pad("调整前", 14),
        pad("调整后", 14)
    );
    for [cat, before, after, change] in count_rows(cs) {
        let _ = writeln!(
            s,
            "  {}{}{}{change}",
            pad(&cat, 16),
            pad(&before, 14),
            pad(&after, 14)
        );
    }
    let _ = writeln!(s, "  (项数/含子项数)");
    for (name, items) in groups(cs) {
        let _ = writeln!(s, "\n{name}事项 ({}):", items.len());
        for c in items {
            let (code, item_name, cat) = item_label(c);
            let end = ending(c);
            let end = if end.is_empty() {
                end
            } else {
                format!(" {end}")
            };
            let _ = writeln!(s, "  {} {} [{}]{end}", pad(&code, 10), item_name, cat.zh());
            for f in shown_fields(c) {
                let _ = writeln!(s, "      {}", indent(&field_line(f), 8));
            }
            let _ = writeln!(s, "      依据: {}", accounted(c));
        }
    }
    if !cs.agreements.is_empty() {
        let _ = writeln!(s, "\n委托协议变化 ({}):", cs.agreements.len());
        for a in &cs.agreements {
            let kind = match a.kind {
                ChangeKind::Added => "签订",
                ChangeKind::Removed => "移除",
                ChangeKind::Changed => "变更",
            };
            let _ = writeln!(s, "  {kind} {} {}", a.id, a.title);
            for f in &a.fields {
                let _ = writeln!(s, "      {}", indent(&field_line(f), 8));
            }
        }
    }
    if !cs.entries.is_empty() {
        let _ = writeln!(s, "\n调整依据:");
        for e in &cs.entries {
            let docs = documents_line(&e.documents);
            let _ = writeln!(s, "  {} {} {}", e.version, e.date, docs);
        }
    }
    let _ = writeln!(s, "\n{}", bump_line(cs));
    let _ = writeln!(s, "无调整依据的变化:{}项", cs.unaccounted());
    s
}

/// Continuation lines of a multi-line value, indented under the first, so
/// that a line break in registry text cannot start what looks like a row of
/// its own.
pub(crate) fn indent(text: &str, by: usize) -> String {
    text.replace('\n', &format!("\n{}", " ".repeat(by)))
}
