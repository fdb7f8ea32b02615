//! The upstream reports (`quanze impact`, `pending`, `align`) as tables
//! every report format renders, with the report's own JSON.

use crate::publish::Format;
use crate::publish::format::{RenderError, Report, with};
use crate::query::upstream::{Alignment, Effect, Impact};

/// A report that is one titled table: what the upstream commands print.
/// The JSON format prints [`Table::json`], the typed result itself.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Table {
    /// Which report it is.
    pub report: Report,
    /// The title.
    pub title: String,
    /// Sentences above the table.
    pub paragraphs: Vec<String>,
    /// The column headings.
    pub head: Vec<String>,
    /// The rows, one cell per heading.
    pub rows: Vec<Vec<String>>,
    /// The result as JSON.
    pub json: serde_json::Value,
}

impl Table {
    /// Renders the table in `format`.
    ///
    /// # Errors
    /// When the format does not render it, or its encoder fails.
    pub fn render(&self, format: Format) -> Result<String, RenderError> {
        with(format, self.report, |r| r.table(self))
    }
}

fn to_json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap_or(serde_json::Value::Null)
}

/// The table of `quanze impact`.
pub fn impact_table(i: &Impact) -> Table {
    let article = i
        .article
        .as_ref()
        .map(|a| format!(" {a}"))
        .unwrap_or_default();
    Table {
        report: Report::Impact,
        title: crate::diag::escape_controls(&format!(
            "《{}》{article}的影响({})",
            i.law.title, i.as_of
        ))
        .into_owned(),
        paragraphs: vec![
            format!("{}:{}", i.law.id, i.meaning),
            format!("{} 个事项引用({} 处依据)", i.codes.len(), i.items.len()),
        ],
        head: [
            "清单",
            "事项编码",
            "事项名称",
            "依据类型",
            "条款",
            "引用方式",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: i
            .items
            .iter()
            .map(|c| {
                vec![
                    c.list.to_string(),
                    c.code.to_string(),
                    c.name.clone(),
                    c.role.zh().to_owned(),
                    c.article.clone().unwrap_or_default(),
                    match c.cited_by {
                        "id" => "法规库编号",
                        "title" => "名称",
                        _ => "文号",
                    }
                    .to_owned(),
                ]
            })
            .collect(),
        json: to_json(i),
    }
}

/// The table of `quanze pending`.
pub fn pending_table(effects: &[Effect], as_of: crate::model::Date) -> Table {
    let open = effects
        .iter()
        .filter(|e| e.status != crate::query::upstream::EffectStatus::Resolved)
        .count();
    let overdue = effects
        .iter()
        .filter(|e| e.status == crate::query::upstream::EffectStatus::Overdue)
        .count();
    Table {
        report: Report::Pending,
        title: format!("上游变化待调整事项({as_of})"),
        paragraphs: {
            let mut p = vec![format!(
                "{} 项影响:{open} 项未调整(其中 {overdue} 项已逾期),{} 项已调整",
                effects.len(),
                effects.len() - open
            )];
            let mut missing: Vec<i16> = effects
                .iter()
                .flat_map(|e| e.calendar_missing.iter().copied())
                .collect();
            missing.sort_unstable();
            missing.dedup();
            if !missing.is_empty() {
                p.push(format!(
                    "注意:calendar.toml 缺少 {} 年的节假日安排,这些年份的期限按周一至周五计算。",
                    missing
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("、")
                ));
            }
            p
        },
        head: [
            "上游事件",
            "变化",
            "对象",
            "清单",
            "事项编码",
            "事项名称",
            "上游日期",
            "期限",
            "状态",
            "调整版本",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: effects
            .iter()
            .map(|e| {
                vec![
                    e.event.clone(),
                    e.change.zh.clone(),
                    format!("{} {}", e.change.subject, e.change.title),
                    e.list.to_string(),
                    e.code.to_string(),
                    e.name.clone(),
                    e.upstream_date.to_string(),
                    e.deadline.to_string(),
                    e.status.zh().to_owned(),
                    e.resolved_by
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default(),
                ]
            })
            .collect(),
        json: serde_json::json!({ "as_of": as_of, "effects": to_json(&effects) }),
    }
}

/// The table of `quanze align`.
pub fn align_table(a: &Alignment) -> Table {
    let mut head = vec![
        "父项编码".to_owned(),
        "父项名称".to_owned(),
        "法定时限".to_owned(),
    ];
    for c in &a.children {
        head.push(format!("{c} 事项编码"));
        head.push(format!("{c} 事项名称"));
        head.push(format!("{c} 偏差"));
    }
    let days = |d: &[u32]| {
        d.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("/")
    };
    let rows = a
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.code.to_string(), r.name.clone(), days(&r.legal_days)];
            for claims in &r.claims {
                if claims.is_empty() {
                    row.extend(["(未承接)".to_owned(), String::new(), String::new()]);
                    continue;
                }
                row.push(
                    claims
                        .iter()
                        .map(|c| c.code.to_string())
                        .collect::<Vec<_>>()
                        .join(";"),
                );
                row.push(
                    claims
                        .iter()
                        .map(|c| c.name.clone())
                        .collect::<Vec<_>>()
                        .join(";"),
                );
                row.push(
                    claims
                        .iter()
                        .map(|c| {
                            c.deviations
                                .iter()
                                .map(|d| {
                                    let mark = if c.declared.contains(d) {
                                        "(已说明)"
                                    } else {
                                        ""
                                    };
                                    match d {
                                        crate::model::Deviation::TimeLimit => {
                                            format!("{}{} {}", d.zh(), mark, days(&c.legal_days))
                                        }
                                        _ => format!("{}{mark}", d.zh()),
                                    }
                                })
                                .collect::<Vec<_>>()
                                .join("、")
                        })
                        .collect::<Vec<_>>()
                        .join(";"),
                );
            }
            row
        })
        .collect();
    let claimed = a
        .rows
        .iter()
        .filter(|r| r.claims.iter().any(|c| !c.is_empty()))
        .count();
    Table {
        report: Report::Align,
        title: format!("{} 与下级清单对照({})", a.parent, a.as_of),
        paragraphs: vec![format!(
            "父清单在用事项 {} 项,{} 项有下级清单承接;下级清单 {} 个",
            a.rows.len(),
            claimed,
            a.children.len()
        )],
        head,
        rows,
        json: to_json(a),
    }
}
