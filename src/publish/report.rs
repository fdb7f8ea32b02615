//! The reports of the commands other than `publish`, in every format: the
//! entry points ([`changeset`], [`findings`], [`crosswalk`],
//! [`comparison`], [`unit_changes`], [`stats`], [`log`], [`history`]) hand
//! the report to the [`Renderer`] of the format asked for, and the helpers
//! here give every format the same rows and phrases.

use crate::history::ItemVersion;
use crate::model::{Category, List, Registry};
use crate::publish::format::{Report, UnitReport, with};
use crate::publish::show::Lang;
use crate::query::audit::Finding;
use crate::query::crosswalk::{Comparison, CrosswalkRow};
use crate::query::diff::{ChangeKind, ChangeSet, FieldChange, ItemChange};
use crate::query::stats::Stats;

pub use crate::publish::format::{Format, RenderError};

/// Renders a change set.
///
/// # Errors
/// When the format does not render change sets.
pub fn changeset(cs: &ChangeSet, format: Format) -> Result<String, RenderError> {
    with(format, Report::Diff, |r| r.changeset(cs))
}

/// Renders audit findings.
///
/// # Errors
/// When the format does not render findings.
pub fn findings(list: &[Finding], format: Format) -> Result<String, RenderError> {
    with(format, Report::Audit, |r| r.findings(list))
}

/// Renders a crosswalk.
///
/// # Errors
/// When the format does not render crosswalks.
pub fn crosswalk(rows: &[CrosswalkRow], format: Format) -> Result<String, RenderError> {
    with(format, Report::Crosswalk, |r| r.crosswalk(rows))
}

/// Renders a comparison of two lists.
///
/// # Errors
/// When the format does not render comparisons.
pub fn comparison(c: &Comparison, format: Format) -> Result<String, RenderError> {
    with(format, Report::Compare, |r| r.comparison(c))
}

/// Renders the unit-level changes of many lists (`quanze changes`).
///
/// # Errors
/// When the format does not render them.
pub fn unit_changes(u: &UnitReport<'_>, format: Format) -> Result<String, RenderError> {
    with(format, Report::Changes, |r| r.unit_changes(u))
}

/// Renders counts.
///
/// # Errors
/// When the format does not render counts.
pub fn stats(
    s: &Stats,
    registry: &Registry,
    lang: Lang,
    format: Format,
) -> Result<String, RenderError> {
    with(format, Report::Stats, |r| r.stats(s, registry, lang))
}

/// Renders a list's change log.
///
/// # Errors
/// When the format does not render change logs.
pub fn log(list: &List, format: Format) -> Result<String, RenderError> {
    with(format, Report::Log, |r| r.log(list))
}

/// Renders the versions of one item.
///
/// # Errors
/// When the format does not render them.
pub fn history(versions: &[ItemVersion<'_>], format: Format) -> Result<String, RenderError> {
    with(format, Report::History, |r| r.history(versions))
}

/// A report as pretty JSON with a final newline.
pub(crate) fn json<T: serde::Serialize>(v: &T) -> Result<String, RenderError> {
    let mut s = serde_json::to_string_pretty(v).map_err(|e| RenderError::Encoder {
        format: Format::Json,
        message: e.to_string(),
    })?;
    s.push('\n');
    Ok(crate::diag::escape_json_hazards(s))
}

/// A value as shown in reports: strings as they are, other values as they
/// are written in registry files (TOML), absence as `—`.
pub(crate) fn show_value(v: Option<&serde_json::Value>) -> String {
    match v {
        None => "—".to_owned(),
        Some(serde_json::Value::String(s)) => s.clone(),
        // Registry values have no nulls, so they convert; JSON is the
        // fallback for one that would not.
        Some(other) => {
            toml::Value::try_from(other).map_or_else(|_| other.to_string(), |t| t.to_string())
        }
    }
}

pub(crate) fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{n}")
    } else {
        n.to_string()
    }
}

pub(crate) fn kind_zh(c: &ItemChange) -> &'static str {
    match (c.kind, &c.ended, c.restored) {
        (ChangeKind::Added, _, _) => "新增",
        (ChangeKind::Removed, _, _) => "移除",
        (_, Some(_), _) => "终止",
        (_, None, true) => "恢复",
        _ => "变更",
    }
}

pub(crate) fn accounted(c: &ItemChange) -> String {
    if c.accounted_by.is_empty() {
        return "未记录(无调整依据)".to_owned();
    }
    c.accounted_by
        .iter()
        .map(|a| format!("{} {} {}", a.version, a.date, a.documents.join("、")))
        .collect::<Vec<_>>()
        .join("; ")
}

pub(crate) fn ending(c: &ItemChange) -> String {
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
pub(crate) fn shown_fields(c: &ItemChange) -> Vec<&FieldChange> {
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

pub(crate) fn field_line(f: &FieldChange) -> String {
    // A whole element of a keyed array (a sub-item, an agreement's item)
    // added or removed: name it rather than print the table.
    let label = |v: &serde_json::Value| {
        let get = |k: &str| v.get(k).and_then(serde_json::Value::as_str).unwrap_or("");
        let code = if get("code").is_empty() {
            get("item")
        } else {
            get("code")
        };
        format!("{code} {}", get("name")).trim().to_owned()
    };
    if f.path.ends_with(']') {
        match (&f.before, &f.after) {
            (None, Some(v)) if v.is_object() => return format!("{}: 新增 {}", f.path, label(v)),
            (Some(v), None) if v.is_object() => return format!("{}: 移除 {}", f.path, label(v)),
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

pub(crate) fn item_label(c: &ItemChange) -> (String, String, Category) {
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

pub(crate) fn groups(cs: &ChangeSet) -> Vec<(&'static str, Vec<&ItemChange>)> {
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
pub(crate) struct Row {
    pub(crate) code: String,
    pub(crate) name: String,
    pub(crate) category: &'static str,
    pub(crate) details: Vec<String>,
    pub(crate) basis: String,
    pub(crate) unaccounted: bool,
}

pub(crate) fn row(c: &ItemChange) -> Row {
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
pub(crate) fn agreement_detail(a: &crate::query::diff::AgreementChange) -> Vec<String> {
    match a.kind {
        ChangeKind::Added => vec!["签订".to_owned()],
        ChangeKind::Removed => vec!["移除".to_owned()],
        ChangeKind::Changed => a.fields.iter().map(field_line).collect(),
    }
}

/// The rows of the count table: category and the items/units before, after
/// and their change, for categories present on either side.
pub(crate) fn count_rows(cs: &ChangeSet) -> Vec<[String; 4]> {
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

pub(crate) fn title(cs: &ChangeSet) -> String {
    format!(
        "{}权责清单调整情况 {} ({}) → {} ({})",
        cs.authority_name, cs.from.version, cs.from.date, cs.to.version, cs.to.date
    )
}

pub(crate) fn bump_line(cs: &ChangeSet) -> String {
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

/// Deciding documents as `number《title》`, joined with 、.
pub(crate) fn documents_line(documents: &[(String, String)]) -> String {
    documents
        .iter()
        .map(|(n, t)| format!("{n}《{t}》"))
        .collect::<Vec<_>>()
        .join("、")
}

/// The columns of a crosswalk table.
pub(crate) const CROSSWALK_HEAD: [&str; 8] = [
    "原编码",
    "原子项编码",
    "事项名称",
    "现编码",
    "调整",
    "版本",
    "日期",
    "决定文件",
];

/// The cells of a crosswalk row, in the order of [`CROSSWALK_HEAD`].
pub(crate) fn crosswalk_cells(r: &CrosswalkRow) -> Vec<String> {
    vec![
        r.code.clone(),
        r.sub.clone().unwrap_or_default(),
        r.name.clone(),
        if r.new_codes.is_empty() {
            "—".to_owned()
        } else {
            r.new_codes.join(";")
        },
        event_zh(&r.event),
        r.version
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        r.date.map(|d| d.to_string()).unwrap_or_default(),
        r.documents.join(";"),
    ]
}

/// A crosswalk event under Chinese headers: each operation by its Chinese
/// name (`recode → merge` is `编码调整 → 合并`), `unchanged` as 未变.
fn event_zh(event: &str) -> String {
    event
        .split(" → ")
        .map(|id| match id {
            "unchanged" => "未变",
            id => crate::model::OpKind::ALL
                .iter()
                .find(|k| k.id() == id)
                .map_or(id, |k| k.zh()),
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// The columns of a comparison table.
pub(crate) const COMPARISON_HEAD: [&str; 7] = [
    "情况",
    "类型",
    "左编码",
    "左名称",
    "右编码",
    "右名称",
    "差异",
];

/// The rows of a comparison: matched pairs, then the items only one side has.
pub(crate) fn comparison_rows(c: &Comparison) -> Vec<[String; 7]> {
    let mut rows = Vec::new();
    for p in &c.matched {
        let d: Vec<String> = p.differences.iter().map(field_line).collect();
        rows.push([
            format!("共有(按{})", p.how()),
            p.left.category.zh().to_owned(),
            p.left.code.clone(),
            p.left.name.clone(),
            p.right.code.clone(),
            p.right.name.clone(),
            d.join("; "),
        ]);
    }
    for r in &c.only_left {
        rows.push([
            "仅左方有".into(),
            r.category.zh().into(),
            r.code.clone(),
            r.name.clone(),
            String::new(),
            String::new(),
            String::new(),
        ]);
    }
    for r in &c.only_right {
        rows.push([
            "仅右方有".into(),
            r.category.zh().into(),
            String::new(),
            String::new(),
            r.code.clone(),
            r.name.clone(),
            String::new(),
        ]);
    }
    rows
}

/// The first line of a comparison: the two lists and the date.
pub(crate) fn comparison_title(c: &Comparison) -> String {
    format!(
        "{} ({}) ↔ {} ({}),截至{}",
        c.left_name, c.left, c.right_name, c.right, c.as_of
    )
}

/// The counts of a comparison in one sentence.
pub(crate) fn comparison_summary(c: &Comparison) -> String {
    format!(
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
    )
}

/// The columns of a findings table.
pub(crate) const FINDINGS_HEAD: [&str; 6] = [
    "check", "severity", "version", "subject", "location", "message",
];

/// The cells of a finding, in the order of [`FINDINGS_HEAD`].
pub(crate) fn finding_cells(f: &Finding) -> [String; 6] {
    [
        f.check.id().to_owned(),
        f.severity.id().to_owned(),
        f.version
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        f.subject.clone().unwrap_or_default(),
        f.location.clone().unwrap_or_default(),
        f.message.clone(),
    ]
}

/// The columns of a change set's CSV: one row per changed element.
pub(crate) const CHANGESET_CSV_HEADER: [&str; 11] = [
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

/// The rows of a change set's CSV.
pub(crate) fn changeset_rows(cs: &ChangeSet) -> Vec<Vec<String>> {
    let mut out = Vec::new();
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
                (e.how.zh().to_owned(), e.successors.join(";"))
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
                out.push(row(
                    &f.path,
                    show_value(f.before.as_ref()),
                    show_value(f.after.as_ref()),
                ));
            }
        } else {
            out.push(row("", String::new(), String::new()));
        }
    }
    out
}

/// The rows of the unit-level changes: authority, unit, change, columns.
pub(crate) fn unit_rows(u: &UnitReport<'_>) -> Vec<[String; 4]> {
    let mut rows = Vec::new();
    for l in u.lists {
        let a = l.authority.to_string();
        for x in &l.added {
            rows.push([a.clone(), x.clone(), "added".into(), String::new()]);
        }
        for x in &l.removed {
            rows.push([a.clone(), x.clone(), "removed".into(), String::new()]);
        }
        for c in &l.changed {
            let cols: Vec<&str> = l.column_names(c).collect();
            rows.push([a.clone(), c.unit.clone(), "changed".into(), cols.join(";")]);
        }
    }
    rows
}

/// One row of an item's elements beyond the core columns: the flags, the
/// class-specific blocks (licensing, penalty, inspection, levy) and each
/// stage's bases and integrity risks, as `show` and the HTML catalogue
/// print them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DetailRow {
    pub(crate) zh: &'static str,
    pub(crate) en: &'static str,
    pub(crate) text: String,
    /// The block it comes from is marked reconstructed.
    pub(crate) reconstructed: bool,
}

impl DetailRow {
    /// The label in `lang`.
    pub(crate) fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// A unit's third tier as one phrase: `业务办理项:新办、变更`, or nothing.
pub(crate) fn cases_phrase(sub: &crate::model::SubItem, lang: Lang) -> String {
    if sub.cases.is_empty() {
        return String::new();
    }
    let names: Vec<&str> = sub.cases.iter().map(|c| c.name.as_str()).collect();
    match lang {
        Lang::Zh => format!("业务办理项:{}", names.join("、")),
        Lang::En => format!("cases: {}", names.join(", ")),
    }
}

/// The rows of an item's further elements, in the order the published
/// lists give them.
pub(crate) fn detail_rows(item: &crate::model::Item) -> Vec<DetailRow> {
    let mut rows = Vec::new();
    let mut push = |zh, en, text: String, reconstructed| {
        if !text.trim().is_empty() {
            rows.push(DetailRow {
                zh,
                en,
                text,
                reconstructed,
            });
        }
    };
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    push("基本编码", "basic code", opt(&item.basic_code), false);
    push(
        "实施编码",
        "implementation code",
        opt(&item.implementation_code),
        false,
    );
    let levels: Vec<String> = item
        .levels
        .iter()
        .map(|l| format!("{}{}", l.level.zh(), l.role.as_deref().unwrap_or("")))
        .collect();
    push("行使层级", "levels", levels.join("、"), false);
    if item.forwarded {
        push(
            "事项性质",
            "nature",
            "审核转报(本机关审核后报上级机关决定,不计入事项数)".to_owned(),
            false,
        );
    }
    if item.shared {
        push("事项性质", "nature", "共性事项".to_owned(), false);
    }
    if let Some(x) = &item.licensing {
        push(
            "主管部门",
            "competent department",
            opt(&x.competent_department),
            false,
        );
        for (zh, en, texts) in [
            ("许可条件", "conditions", &x.conditions),
            ("申请材料", "materials", &x.materials),
            ("中介服务", "intermediary services", &x.intermediaries),
            ("不计算在时限内", "excluded time", &x.excluded_time),
        ] {
            for t in texts {
                push(zh, en, t.clone(), false);
            }
        }
        push("延长时限", "extension", opt(&x.extension), false);
        push("有效期限", "validity", opt(&x.validity), false);
        push("数量限制", "quantity limit", opt(&x.quantity_limit), false);
    }
    if let Some(p) = &item.penalty {
        let r = p.reconstructed;
        for (zh, en, texts) in [
            ("违法条款", "violated provision", &p.violated),
            ("处罚条款", "penalty provision", &p.provision),
            ("处罚种类和幅度", "sanctions", &p.sanctions),
        ] {
            for t in texts {
                push(zh, en, t.clone(), r);
            }
        }
        for t in &p.benchmark {
            push(
                "裁量基准",
                "discretion benchmark",
                format!("{}:{} → {}", t.tier, t.circumstances, t.sanction),
                r,
            );
        }
    }
    if let Some(x) = &item.inspection {
        let r = x.reconstructed;
        push(
            "检查类别",
            "inspection kind",
            x.kind.clone().unwrap_or_default(),
            r,
        );
        push("检查方式", "methods", x.methods.join("、"), r);
        if let Some(n) = x.max_per_year {
            push("检查频次上限", "yearly cap", format!("每年不超过{n}次"), r);
        }
        for e in &x.random {
            let mut s = format!(
                "{};检查对象:{};抽查比例:{};抽查频次:{}",
                e.matter, e.objects, e.ratio, e.cycle
            );
            if let Some(b) = &e.basis {
                s.push_str(&format!(";检查依据:{b}"));
            }
            if let Some(m) = &e.method {
                s.push_str(&format!(";检查方式:{m}"));
            }
            push("随机抽查事项", "random inspection", s, r);
        }
    }
    if let Some(x) = &item.levy {
        push("征收标准", "standard", opt(&x.standard), false);
        push("标准依据", "standard basis", opt(&x.standard_basis), false);
        push("资金管理", "fund management", opt(&x.fund), false);
    }
    for r in &item.responsibility {
        if !r.basis.is_empty() {
            push(
                "环节依据",
                "stage basis",
                format!("{}:{}", r.stage, r.basis.join(";")),
                false,
            );
        }
        for k in &r.risks {
            let mut s = format!("{}:{}(风险等级:{}", r.stage, k.risk, k.level.zh());
            if !k.controls.is_empty() {
                s.push_str(&format!(";防控措施:{}", k.controls.join(";")));
            }
            s.push(')');
            push("廉政风险点", "integrity risk", s, false);
        }
    }
    rows
}
