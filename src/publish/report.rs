//! Report formats for auditors: readable text (Chinese aligned), Markdown and
//! HTML that can be attached to an adjustment notice (调整情况说明), CSV, and
//! JSON (the serde form of the report types, in a stable order).

use std::fmt::Write as _;

use crate::model::Category;
use crate::publish::show::pad;
use crate::query::audit::Finding;
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::{ChangeKind, ChangeSet, FieldChange, ItemChange};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Aligned text for a terminal.
    Text,
    /// Markdown.
    Markdown,
    /// A self-contained HTML page.
    Html,
    /// CSV (UTF-8 with BOM, RFC 4180 quoting).
    Csv,
    /// JSON.
    Json,
}

/// A value as shown in reports: strings as they are, other values as TOML,
/// absence as `—`.
pub fn show_value(v: Option<&toml::Value>) -> String {
    match v {
        None => "—".to_owned(),
        Some(toml::Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// A CSV cell: quoted when needed (RFC 4180), and neutralised when a
/// spreadsheet would run it as a formula (it starts with `=`, `+`, `-`, `@`,
/// a tab or a carriage return): such a cell gets a leading `'`.
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

fn csv_line(cells: &[String]) -> String {
    let mut line = cells
        .iter()
        .map(|c| csv_cell(c))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The byte-order mark that makes spreadsheet programs read CSV as UTF-8.
pub const BOM: &str = "\u{feff}";

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

/// Escapes text for a Markdown table cell.
fn md(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

fn kind_zh(c: &ItemChange) -> &'static str {
    match (c.kind, &c.ended, c.restored) {
        (ChangeKind::Added, _, _) => "新增",
        (ChangeKind::Removed, _, _) => "移除",
        (_, Some(_), _) => "终止",
        (_, None, true) => "恢复",
        _ => "变更",
    }
}

fn accounted(c: &ItemChange) -> String {
    if c.accounted_by.is_empty() {
        return "未记录(无调整依据)".to_owned();
    }
    c.accounted_by
        .iter()
        .map(|a| format!("{} {} {}", a.version, a.date, a.documents.join("、")))
        .collect::<Vec<_>>()
        .join("; ")
}

fn ending(c: &ItemChange) -> String {
    match &c.ended {
        Some(e) => {
            let succ = if e.successors.is_empty() {
                String::new()
            } else {
                format!(" → {}", e.successors.join(", "))
            };
            format!(
                "{}{}{succ}",
                e.how.zh(),
                e.date.map(|d| format!(" {d}")).unwrap_or_default()
            )
        }
        None => String::new(),
    }
}

/// The fields worth showing: an ended item's sub-items end with it, and its
/// status, end date and successors are shown as the ending.
fn shown_fields(c: &ItemChange) -> Vec<&FieldChange> {
    c.fields
        .iter()
        .filter(|f| !matches!(f.path.as_str(), "status" | "ended" | "successors"))
        .filter(|f| {
            !(c.ended.is_some()
                && f.path.starts_with("sub[")
                && (f.path.ends_with("].status") || f.path.ends_with("].ended")))
        })
        .collect()
}

fn field_line(f: &FieldChange) -> String {
    // A whole element of a keyed array (a sub-item, an agreement's item)
    // added or removed: name it rather than print the table.
    let label = |v: &toml::Value| {
        let get = |k: &str| v.get(k).and_then(toml::Value::as_str).unwrap_or("");
        let code = if get("code").is_empty() {
            get("item")
        } else {
            get("code")
        };
        format!("{code} {}", get("name")).trim().to_owned()
    };
    if f.path.ends_with(']') {
        match (&f.before, &f.after) {
            (None, Some(v)) if v.is_table() => return format!("{}: 新增 {}", f.path, label(v)),
            (Some(v), None) if v.is_table() => return format!("{}: 移除 {}", f.path, label(v)),
            _ => {}
        }
    }
    format!(
        "{}: {} → {}",
        f.path,
        show_value(f.before.as_ref()),
        show_value(f.after.as_ref())
    )
}

fn item_label(c: &ItemChange) -> (String, String, Category) {
    let r = c.after.as_ref().or(c.before.as_ref());
    match r {
        Some(r) => {
            let code = match (&c.before, &c.after) {
                (Some(b), Some(a)) if b.code != a.code => format!("{} → {}", b.code, a.code),
                _ => r.code.clone(),
            };
            (code, r.name.clone(), r.category)
        }
        None => (String::new(), String::new(), Category::Other),
    }
}

fn groups(cs: &ChangeSet) -> Vec<(&'static str, Vec<&ItemChange>)> {
    let mut out: Vec<(&'static str, Vec<&ItemChange>)> = Vec::new();
    for name in ["新增", "终止", "恢复", "变更", "移除"] {
        let items: Vec<&ItemChange> = cs.items.iter().filter(|c| kind_zh(c) == name).collect();
        if !items.is_empty() {
            out.push((name, items));
        }
    }
    out
}

/// One row of a change table.
struct Row {
    code: String,
    name: String,
    category: &'static str,
    details: Vec<String>,
    basis: String,
    unaccounted: bool,
}

fn row(c: &ItemChange) -> Row {
    let (code, name, cat) = item_label(c);
    let mut details = Vec::new();
    let end = ending(c);
    if !end.is_empty() {
        details.push(end);
    }
    if c.kind == ChangeKind::Changed {
        details.extend(shown_fields(c).into_iter().map(field_line));
    }
    Row {
        code,
        name,
        category: cat.zh(),
        details,
        basis: accounted(c),
        unaccounted: c.accounted_by.is_empty(),
    }
}

/// What an agreement change says, one part per line.
fn agreement_detail(a: &crate::query::diff::AgreementChange) -> Vec<String> {
    match a.kind {
        ChangeKind::Added => vec!["签订".to_owned()],
        ChangeKind::Removed => vec!["移除".to_owned()],
        ChangeKind::Changed => a.fields.iter().map(field_line).collect(),
    }
}

/// The rows of the count table: category and the items/units before, after
/// and their change, for categories present on either side.
fn count_rows(cs: &ChangeSet) -> Vec<[String; 4]> {
    cs.counts
        .iter()
        .filter(|c| c.before.items + c.after.items > 0)
        .map(|c| {
            [
                c.category.zh().to_owned(),
                format!("{}/{}", c.before.items, c.before.units),
                format!("{}/{}", c.after.items, c.after.units),
                format!(
                    "{}/{}",
                    signed(c.after.items as i64 - c.before.items as i64),
                    signed(c.after.units as i64 - c.before.units as i64)
                ),
            ]
        })
        .collect()
}

/// Renders a change set.
pub fn changeset(cs: &ChangeSet, format: Format) -> String {
    match format {
        Format::Text => changeset_text(cs),
        Format::Markdown => changeset_md(cs),
        Format::Html => changeset_html(cs),
        Format::Csv => changeset_csv(cs),
        Format::Json => json(cs),
    }
}

/// Serializes a report as pretty JSON with a final newline.
pub fn json<T: serde::Serialize>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v)
        .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()));
    s.push('\n');
    s
}

fn title(cs: &ChangeSet) -> String {
    format!(
        "{}权责清单调整情况 {} ({}) → {} ({})",
        cs.authority_name, cs.from.version, cs.from.date, cs.to.version, cs.to.date
    )
}

fn bump_line(cs: &ChangeSet) -> String {
    let req = cs
        .bump
        .required
        .map_or("无".to_owned(), |b| b.id().to_owned());
    let dec = cs
        .bump
        .declared
        .map_or("无".to_owned(), |b| b.id().to_owned());
    format!(
        "版本变化需要 {req},实际 {dec}:{}",
        if cs.bump.sufficient {
            "相符"
        } else {
            "不足"
        }
    )
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
                let _ = writeln!(s, "      {}", field_line(f));
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
                let _ = writeln!(s, "      {}", field_line(f));
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

const CSS: &str = "body{font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\",sans-serif;margin:2em auto;max-width:60em;padding:0 1em;line-height:1.6;color:#222}h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #ccc;margin-top:1.6em}table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f2f2f2}.sentence{background:#f8f8f0;padding:.5em;border-left:4px solid #c33}.missing{color:#b00;font-weight:bold}@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}tr{page-break-inside:avoid}}";

fn changeset_html(cs: &ChangeSet) -> String {
    let e = html_escape;
    let mut s = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        e(&title(cs)),
        e(&title(cs))
    );
    let _ = writeln!(
        s,
        "<p class=\"sentence\"><b>调整前:</b>{}</p>",
        e(&cs.sentence_before)
    );
    let _ = writeln!(
        s,
        "<p class=\"sentence\"><b>调整后:</b>{}</p>",
        e(&cs.sentence_after)
    );
    let _ = writeln!(
        s,
        "<h2>数量变化</h2>\n<table>\n<tr><th>类别</th><th>调整前(项/含子项)</th><th>调整后(项/含子项)</th><th>变化</th></tr>"
    );
    for [cat, before, after, change] in count_rows(cs) {
        let _ = writeln!(
            s,
            "<tr><td>{cat}</td><td>{before}</td><td>{after}</td><td>{change}</td></tr>"
        );
    }
    s.push_str("</table>\n");
    for (name, items) in groups(cs) {
        let _ = writeln!(
            s,
            "<h2>{name}事项({}项)</h2>\n<table>\n<tr><th>事项编码</th><th>事项名称</th><th>类型</th><th>情况</th><th>依据</th></tr>",
            items.len()
        );
        for c in items {
            let r = row(c);
            let detail: Vec<String> = r.details.iter().map(|d| e(d)).collect();
            let basis = if r.unaccounted {
                format!("<span class=\"missing\">{}</span>", e(&r.basis))
            } else {
                e(&r.basis)
            };
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{basis}</td></tr>",
                e(&r.code),
                e(&r.name),
                r.category,
                detail.join("<br>")
            );
        }
        s.push_str("</table>\n");
    }
    if !cs.agreements.is_empty() {
        let _ = writeln!(
            s,
            "<h2>委托协议变化</h2>\n<table>\n<tr><th>协议</th><th>名称</th><th>情况</th></tr>"
        );
        for a in &cs.agreements {
            let detail: Vec<String> = agreement_detail(a).iter().map(|d| e(d)).collect();
            let _ = writeln!(
                s,
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
                e(a.id.as_str()),
                e(&a.title),
                detail.join("<br>")
            );
        }
        s.push_str("</table>\n");
    }
    if !cs.entries.is_empty() {
        s.push_str("<h2>调整依据</h2>\n<ul>\n");
        for en in &cs.entries {
            let docs = documents_line(&en.documents);
            let _ = writeln!(s, "<li>{} {}:{}</li>", en.version, en.date, e(&docs));
        }
        s.push_str("</ul>\n");
    }
    let _ = writeln!(
        s,
        "<p>{}。无调整依据的变化:{}项。</p>\n</body>\n</html>",
        e(&bump_line(cs)),
        cs.unaccounted()
    );
    s
}

const CHANGESET_CSV_HEADER: [&str; 11] = [
    "变化",
    "类型",
    "事项编码",
    "事项名称",
    "要素",
    "调整前",
    "调整后",
    "终止情况",
    "接续事项编码",
    "调整版本",
    "决定文件",
];

fn changeset_csv(cs: &ChangeSet) -> String {
    let mut s = String::from(BOM);
    s.push_str(&csv_line(&CHANGESET_CSV_HEADER.map(str::to_owned)));
    for c in &cs.items {
        let (code, name, cat) = item_label(c);
        let versions = c
            .accounted_by
            .iter()
            .map(|a| a.version.to_string())
            .collect::<Vec<_>>()
            .join(";");
        let docs = c
            .accounted_by
            .iter()
            .flat_map(|a| a.documents.clone())
            .collect::<Vec<_>>()
            .join(";");
        let (how, succ) = c
            .ended
            .as_ref()
            .map_or((String::new(), String::new()), |e| {
                (e.how.id().to_owned(), e.successors.join(";"))
            });
        let row = |path: &str, before: String, after: String| {
            vec![
                kind_zh(c).to_owned(),
                cat.zh().to_owned(),
                code.clone(),
                name.clone(),
                path.to_owned(),
                before,
                after,
                how.clone(),
                succ.clone(),
                versions.clone(),
                docs.clone(),
            ]
        };
        if c.kind == ChangeKind::Changed {
            for f in &c.fields {
                s.push_str(&csv_line(&row(
                    &f.path,
                    show_value(f.before.as_ref()),
                    show_value(f.after.as_ref()),
                )));
            }
        } else {
            s.push_str(&csv_line(&row("", String::new(), String::new())));
        }
    }
    s
}

/// Renders audit findings.
pub fn findings(list: &[Finding], format: Format) -> String {
    match format {
        Format::Json => json(&list),
        Format::Csv => {
            let mut s = String::from(BOM);
            s.push_str(&csv_line(
                &[
                    "check", "severity", "version", "subject", "location", "message",
                ]
                .map(str::to_owned),
            ));
            for f in list {
                s.push_str(&csv_line(&[
                    f.check.id().to_owned(),
                    f.severity.id().to_owned(),
                    f.version
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    f.subject.clone().unwrap_or_default(),
                    f.location.clone().unwrap_or_default(),
                    f.message.clone(),
                ]));
            }
            s
        }
        Format::Markdown | Format::Html => {
            let mut s = String::from(
                "| check | severity | version | subject | message |\n|---|---|---|---|---|\n",
            );
            for f in list {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} | {} |",
                    f.check,
                    f.severity.id(),
                    f.version
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                    md(f.subject.as_deref().unwrap_or("")),
                    md(&f.message)
                );
            }
            s
        }
        Format::Text => {
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
                .filter(|f| f.severity == crate::query::audit::Severity::Error)
                .count();
            let _ = writeln!(
                s,
                "{} finding(s): {errors} error(s), {} warning(s)",
                list.len(),
                list.len() - errors
            );
            s
        }
    }
}

/// Renders a crosswalk.
pub fn crosswalk(rows: &[CrosswalkRow], format: Format) -> String {
    let cells = |r: &CrosswalkRow| {
        vec![
            r.code.clone(),
            r.sub.clone().unwrap_or_default(),
            r.name.clone(),
            if r.new_codes.is_empty() {
                "—".to_owned()
            } else {
                r.new_codes.join(";")
            },
            r.event.clone(),
            r.version
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            r.date.map(|d| d.to_string()).unwrap_or_default(),
            r.documents.join(";"),
        ]
    };
    const HEAD: [&str; 8] = [
        "原编码",
        "原子项编码",
        "事项名称",
        "现编码",
        "调整",
        "版本",
        "日期",
        "决定文件",
    ];
    match format {
        Format::Json => json(&rows),
        Format::Csv => {
            let mut s = String::from(BOM);
            s.push_str(&csv_line(&HEAD.map(str::to_owned)));
            for r in rows {
                s.push_str(&csv_line(&cells(r)));
            }
            s
        }
        Format::Markdown | Format::Html => {
            let mut s = format!("| {} |\n|{}\n", HEAD.join(" | "), "---|".repeat(HEAD.len()));
            for r in rows {
                let c: Vec<String> = cells(r).iter().map(|x| md(x)).collect();
                let _ = writeln!(s, "| {} |", c.join(" | "));
            }
            s
        }
        Format::Text => {
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
            s
        }
    }
}

/// Renders a comparison of two lists.
pub fn comparison(c: &Comparison, format: Format) -> String {
    match format {
        Format::Json => json(c),
        Format::Csv => {
            let mut s = String::from(BOM);
            s.push_str(&csv_line(
                &[
                    "情况",
                    "类型",
                    "左编码",
                    "左名称",
                    "右编码",
                    "右名称",
                    "差异",
                ]
                .map(str::to_owned),
            ));
            for p in &c.matched {
                let d: Vec<String> = p.differences.iter().map(field_line).collect();
                s.push_str(&csv_line(&[
                    format!("both ({})", p.by),
                    p.left.category.zh().to_owned(),
                    p.left.code.clone(),
                    p.left.name.clone(),
                    p.right.code.clone(),
                    p.right.name.clone(),
                    d.join("; "),
                ]));
            }
            for r in &c.only_left {
                s.push_str(&csv_line(&[
                    "only left".into(),
                    r.category.zh().into(),
                    r.code.clone(),
                    r.name.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                ]));
            }
            for r in &c.only_right {
                s.push_str(&csv_line(&[
                    "only right".into(),
                    r.category.zh().into(),
                    String::new(),
                    String::new(),
                    r.code.clone(),
                    r.name.clone(),
                    String::new(),
                ]));
            }
            s
        }
        Format::Text | Format::Markdown | Format::Html => {
            let mut s = format!(
                "{} ({}) ↔ {} ({}),截至{}\n",
                c.left_name, c.left, c.right_name, c.right, c.as_of
            );
            let _ = writeln!(
                s,
                "共同事项 {} 项,其中 {} 项有差异;仅{}有 {} 项;仅{}有 {} 项。",
                c.matched.len(),
                c.matched
                    .iter()
                    .filter(|p| !p.differences.is_empty())
                    .count(),
                c.left_name,
                c.only_left.len(),
                c.right_name,
                c.only_right.len()
            );
            for p in c.matched.iter().filter(|p| !p.differences.is_empty()) {
                let _ = writeln!(
                    s,
                    "\n  {} {} ↔ {} {} (按{})",
                    p.left.code,
                    p.left.name,
                    p.right.code,
                    p.right.name,
                    if p.by == "code" { "编码" } else { "名称" }
                );
                for f in &p.differences {
                    let _ = writeln!(s, "      {}", field_line(f));
                }
            }
            if !c.only_left.is_empty() {
                let _ = writeln!(s, "\n仅{}有:", c.left_name);
                for r in &c.only_left {
                    let _ = writeln!(s, "  {} {} [{}]", pad(&r.code, 10), r.name, r.category.zh());
                }
            }
            if !c.only_right.is_empty() {
                let _ = writeln!(s, "\n仅{}有:", c.right_name);
                for r in &c.only_right {
                    let _ = writeln!(s, "  {} {} [{}]", pad(&r.code, 10), r.name, r.category.zh());
                }
            }
            s
        }
    }
}

/// Deciding documents as `number《title》`, joined with 、.
fn documents_line(documents: &[(String, String)]) -> String {
    documents
        .iter()
        .map(|(n, t)| format!("{n}《{t}》"))
        .collect::<Vec<_>>()
        .join("、")
}

/// The unit-level changes of many lists (`quanze changes`) as text, CSV or
/// JSON (Markdown and HTML fall back to text). With `summary`, text gives
/// one line per list and the total only.
pub fn unit_changes(
    lists: &[crate::query::units::UnitChanges],
    from: &str,
    to: &str,
    format: Format,
    summary: bool,
) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    match format {
        Format::Csv => {
            s.push_str("authority,unit,change,columns\n");
            for l in lists {
                let a = csv_cell(l.authority.as_str());
                for u in &l.added {
                    let _ = writeln!(s, "{a},{},added,", csv_cell(u));
                }
                for u in &l.removed {
                    let _ = writeln!(s, "{a},{},removed,", csv_cell(u));
                }
                for c in &l.changed {
                    let cols: Vec<&str> = l.column_names(c).collect();
                    let _ = writeln!(
                        s,
                        "{a},{},changed,{}",
                        csv_cell(&c.unit),
                        csv_cell(&cols.join(";"))
                    );
                }
            }
        }
        Format::Json => {
            let v: Vec<serde_json::Value> = lists
                .iter()
                .map(|l| {
                    serde_json::json!({
                        "authority": l.authority,
                        "from": from,
                        "to": to,
                        "added": l.added,
                        "removed": l.removed,
                        "changed": l.changed.iter().map(|c| serde_json::json!({
                            "unit": c.unit,
                            "columns": l.column_names(c).collect::<Vec<_>>(),
                        })).collect::<Vec<_>>(),
                        "unchanged": l.common - l.changed.len(),
                    })
                })
                .collect();
            s = json(&v);
        }
        Format::Text | Format::Markdown | Format::Html => {
            let (mut a, mut r, mut c) = (0, 0, 0);
            for l in lists {
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
                if summary {
                    continue;
                }
                for u in &l.added {
                    let _ = writeln!(s, "  + {u}");
                }
                for u in &l.removed {
                    let _ = writeln!(s, "  - {u}");
                }
                for ch in &l.changed {
                    let cols: Vec<&str> = l.column_names(ch).collect();
                    let _ = writeln!(s, "  ~ {}: {}", ch.unit, cols.join(", "));
                }
            }
            let _ = writeln!(
                s,
                "total: {a} added, {r} removed, {c} changed units in {} list(s)",
                lists.len()
            );
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_neutralised() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@x"), "'@x");
        assert_eq!(csv_cell("a\nb"), "\"a\nb\"");
        assert_eq!(csv_cell("民爆"), "民爆");
    }

    #[test]
    fn html_is_escaped() {
        assert_eq!(
            html_escape("<script>&\"'"),
            "&lt;script&gt;&amp;&quot;&#39;"
        );
    }
}
