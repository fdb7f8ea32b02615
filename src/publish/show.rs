//! One item in full, as aligned text for a terminal.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::model::Date;
use crate::model::{Implementation, Item};
use crate::model::{List, Registry};

/// The language of labels in text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Lang {
    /// Chinese (the default).
    #[default]
    Zh,
    /// English.
    En,
}

fn label(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// Pads `s` with spaces to display width `w` (CJK characters count as 2).
pub(crate) fn pad(s: &str, w: usize) -> String {
    let width = UnicodeWidthStr::width(s);
    format!("{s}{}", " ".repeat(w.saturating_sub(width)))
}

fn implementation(lang: Lang, category: crate::model::Category, imp: &Implementation) -> String {
    let unit = imp.unit(category);
    let mut parts = Vec::new();
    if let Some(d) = imp.legal_days {
        parts.push(match lang {
            Lang::Zh => format!("法定{}", unit.zh(d)),
            Lang::En => format!("legal {}", unit.en(d)),
        });
    }
    if let Some(d) = imp.promised_days {
        parts.push(match (lang, d) {
            (Lang::Zh, 0) => "即办".to_owned(),
            (Lang::En, 0) => "immediate".to_owned(),
            (Lang::Zh, d) => format!("承诺{}", unit.zh(d)),
            (Lang::En, d) => format!("promised {}", unit.en(d)),
        });
    }
    if let Some(h) = imp.handling {
        parts.push(match lang {
            Lang::Zh => h.zh().to_owned(),
            Lang::En => format!("{h:?}").to_lowercase(),
        });
    }
    if imp.online == Some(true) {
        parts.push(label(lang, "网上办理", "online").to_owned());
    }
    if imp.e_licence == Some(true) {
        parts.push(label(lang, "电子证照", "e-licence").to_owned());
    }
    if let Some(c) = &imp.charges {
        parts.push(c.clone());
    }
    if let Some(r) = &imp.result {
        parts.push(r.clone());
    }
    parts.join(" · ")
}

/// Renders one item in full: every element, one per labelled row, Chinese
/// text aligned by display width. Agreements in force on `date` are shown.
pub fn render_item(
    registry: &Registry,
    list: &List,
    item: &Item,
    date: Date,
    lang: Lang,
) -> String {
    let mut rows: Vec<(&str, String)> = Vec::new();
    let l = |zh, en| label(lang, zh, en);
    rows.push((l("事项编码", "code"), item.code.to_string()));
    rows.push((l("内部标识", "id"), item.id.to_string()));
    rows.push((
        l("事项类型", "category"),
        match lang {
            Lang::Zh => format!("{} ({})", item.category.zh(), item.category.letters()),
            Lang::En => item.category.en().to_owned(),
        },
    ));
    let mut status = match lang {
        Lang::Zh => format!("{} 自{}", item.status.zh(), item.effective),
        Lang::En => format!("{} from {}", item.status.id(), item.effective),
    };
    if let Some(e) = item.ended {
        let _ = write!(status, "{}{e}", l(" 止于", " until "));
    }
    rows.push((l("状态", "status"), status));
    let mut source = match lang {
        Lang::Zh => item.source.zh().to_owned(),
        Lang::En => item.source.id().to_owned(),
    };
    if let Some(g) = &item.grantor {
        let _ = write!(source, " — {}", registry.authority_name(g));
    }
    if !item.source_documents.is_empty() {
        let docs: Vec<&str> = item.source_documents.iter().map(|d| d.as_str()).collect();
        let _ = write!(source, " ({})", docs.join("、"));
    }
    rows.push((l("权力来源", "source"), source));
    rows.push((l("实施主体", "body"), item.body.clone()));
    if let Some(u) = &item.unit {
        rows.push((l("承办机构", "unit"), u.clone()));
    }
    for a in list.agreements_for(&item.id, date) {
        let scope = a
            .items
            .iter()
            .find(|e| e.item == item.id)
            .map(|e| {
                let stages: Vec<&str> = e.scope.iter().map(|s| s.zh()).collect();
                format!(
                    "{} ({})",
                    stages.join("、"),
                    if e.full {
                        l("全部", "in full")
                    } else {
                        l("部分", "in part")
                    }
                )
            })
            .unwrap_or_default();
        rows.push((
            l("委托协议", "agreement"),
            format!("{} {} {scope}", a.id, a.title),
        ));
    }
    basis_rows(lang, item, &mut rows);
    if let Some(imp) = &item.implementation {
        rows.push((
            l("实施要素", "handling"),
            implementation(lang, item.category, imp),
        ));
    }
    for sub in &item.sub {
        let mut s = format!("{} {}", sub.code, sub.name);
        if sub.status != crate::model::Status::InForce {
            let _ = write!(s, " [{}]", sub.status.zh());
        }
        if let Some(imp) = &sub.implementation {
            let _ = write!(s, " — {}", implementation(lang, item.category, imp));
        }
        let cases = crate::publish::report::cases_phrase(sub, lang);
        if !cases.is_empty() {
            let _ = write!(s, " ({cases})");
        }
        rows.push((l("子项", "sub-item"), s));
    }
    for r in &item.responsibility {
        rows.push((l("责任事项", "duty"), format!("{}: {}", r.stage, r.duty)));
    }
    for a in &item.accountability {
        rows.push((l("追责情形", "accountable"), a.clone()));
    }
    for (zh, en, texts) in [
        (
            "问责依据",
            "accountability basis",
            &item.accountability_basis,
        ),
        ("监督方式", "supervision", &item.supervision),
        ("救济渠道", "remedies", &item.remedies),
    ] {
        for t in texts {
            rows.push((l(zh, en), t.clone()));
        }
    }
    if let Some(fc) = &item.flowchart {
        let mut s = format!("{} ({})", fc.file, fc.sha256);
        if fc.reconstructed {
            s.push_str(l(" [重构]", " [reconstructed]"));
        }
        rows.push((l("权力运行流程图", "flowchart"), s));
    }
    for d in crate::publish::report::detail_rows(item) {
        let mut text = d.text.clone();
        if d.reconstructed {
            text.push_str(l(" [重构]", " [reconstructed]"));
        }
        rows.push((d.label(lang), text));
    }
    if let Some(r) = &item.remarks {
        rows.push((l("备注", "remarks"), r.clone()));
    }
    if !item.reconstructed.is_empty() {
        let els: Vec<String> = item
            .reconstructed
            .iter()
            .map(|e| match lang {
                Lang::Zh => e.zh().to_owned(),
                Lang::En => format!("{e:?}").to_lowercase(),
            })
            .collect();
        rows.push((l("重构要素", "reconstructed"), els.join("、")));
    }
    labelled(&item.name, rows)
}

/// The title, then one line per row: the label in a column (left blank
/// when it repeats the row above), the value after it, its continuation
/// lines indented under it.
fn labelled(title: &str, rows: Vec<(&str, String)>) -> String {
    const W: usize = 12;
    let mut out = format!("{title}\n");
    let mut last = "";
    for (k, v) in rows {
        let shown = if k == last { "" } else { k };
        // A label as wide as the column still keeps two spaces before its value.
        let width = if UnicodeWidthStr::width(shown) >= W {
            UnicodeWidthStr::width(shown) + 2
        } else {
            W
        };
        let v = crate::publish::text::indent(&v, 2 + width);
        let _ = writeln!(out, "  {}{v}", pad(shown, width));
        last = k;
    }
    out
}

/// The rows of an item's legal bases.
fn basis_rows(lang: Lang, item: &Item, rows: &mut Vec<(&'static str, String)>) {
    let l = |zh, en| label(lang, zh, en);
    for b in &item.basis {
        let mut s = format!("《{}》", b.title);
        if let Some(a) = &b.article {
            s.push_str(a);
        }
        let _ = write!(s, " ({}", b.level.zh());
        if b.level_inferred {
            s.push_str(l(",按名称推定", ", inferred from the title"));
        }
        if let Some(n) = &b.number {
            let _ = write!(s, ", {n}");
        }
        s.push(')');
        if b.reconstructed {
            s.push_str(l(" [重构]", " [reconstructed]"));
        }
        rows.push((
            match (lang, b.role) {
                (Lang::Zh, r) => r.zh(),
                (Lang::En, crate::model::BasisRole::Setting) => "basis",
                (Lang::En, _) => "implementing",
            },
            s,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::pad;

    #[test]
    fn pads_by_display_width() {
        assert_eq!(pad("子项", 6), "子项  ");
        assert_eq!(pad("id", 6), "id    ");
        assert_eq!(pad("事项编码事项编码", 6), "事项编码事项编码");
    }
}
