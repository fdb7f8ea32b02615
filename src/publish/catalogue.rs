//! Published catalogues: one [`Catalogue`] of a list at a version, written
//! in any format through the [`Writer`] trait (HTML, Markdown, CSV, JSON, and
//! XLSX with the `xlsx` feature).
//!
//! Catalogues are reproducible: the same registry state gives byte-identical
//! files (nothing depends on the clock), and each carries its version and the
//! hash of the change-log entry that made it.

pub use crate::publish::csv::Csv;
pub use crate::publish::html::Html;
pub use crate::publish::json::{Json, VerifyError, VerifyOutcome, verify};
pub use crate::publish::markdown::Markdown;
#[cfg(feature = "xlsx")]
pub use crate::publish::xlsx::Xlsx;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use crate::history::{Error, History, Point, view};
use crate::model::{Agreement, BasisRole, Category, Element, Item, Op, Status};
use crate::model::{Date, Id, Version};
use crate::model::{Decision, HashAlg};
use crate::model::{List, Registry};
use crate::publish::show::Lang;
use crate::query::diff::ChangeSet;
use crate::query::stats::Stats;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The items of one category.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Section {
    /// The category.
    pub category: Category,
    /// Its Chinese name.
    pub name: String,
    /// The items in force, in published order.
    pub items: Vec<Item>,
}

/// An ended code and where it went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct EndedCode {
    /// The code.
    pub code: String,
    /// The item's name.
    pub name: String,
    /// How it ended.
    pub status: Status,
    /// The first day it was no longer in force.
    pub ended: Option<Date>,
    /// The codes in force it resolves to (none: ended without successor).
    pub successors: Vec<String>,
}

/// The date of each recode (and reclassification that changed a code) in
/// the change log up to `version`, by the code that ended.
fn recode_dates(list: &List, version: &Version) -> HashMap<String, Date> {
    let mut out = HashMap::new();
    for e in list.log.iter().filter(|e| e.entry.version <= *version) {
        for op in &e.entry.op {
            match op {
                Op::Recode { code, .. }
                | Op::Reclassify {
                    code, to: Some(_), ..
                } => {
                    out.insert(code.to_string(), e.entry.date);
                }
                _ => {}
            }
        }
    }
    out
}

/// A published catalogue of one list at one version.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Catalogue {
    /// The format of this document: `quanze-catalogue/1`.
    pub format: String,
    /// The holder.
    pub authority: Id,
    /// Its name.
    pub authority_name: String,
    /// The list's title.
    pub title: String,
    /// The version published.
    pub version: Version,
    /// The day that version took effect.
    pub effective: Date,
    /// The day the catalogue counts what is in force.
    pub as_of: Date,
    /// The documents that decided the version.
    pub decided_by: Vec<Decision>,
    /// The hash of the change-log entry that made the version (`sha256:…`),
    /// or `null` for a list without a change log.
    pub entry_hash: Option<String>,
    /// The count sentence in the official phrasing.
    pub sentence: String,
    /// Counts and indicators.
    pub stats: Stats,
    /// The items in force, by category in published order.
    pub sections: Vec<Section>,
    /// The delegation agreements in force.
    pub agreements: Vec<Agreement>,
    /// The changes since the previous version (调整情况).
    pub changes: Option<ChangeSet>,
    /// The codes that ended, with their successors.
    pub ended: Vec<EndedCode>,
    /// The list's note (e.g. that it is a reconstruction).
    pub note: Option<String>,
    /// Whether the list is a reconstruction, not the official list.
    pub reconstructed: bool,
    /// Whether the catalogue was published from a history that does not
    /// verify (`quanze publish --unverified`); absent when it verifies.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub unverified: bool,
    /// The items' flowcharts whose files have the hash their item records,
    /// as `data:` URLs, by item id: the HTML page embeds them (the JSON
    /// names each file and hash in its item).
    #[serde(skip)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub(crate) flowcharts: std::collections::BTreeMap<Id, String>,
}

/// Which state of a list to publish.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// A version of the change log.
    pub at: Option<Version>,
    /// The date to count on (default: the version's date, or today).
    pub as_of: Option<Date>,
}

impl Catalogue {
    /// Builds the catalogue of `list` at the selected version and date.
    ///
    /// # Errors
    /// When the version does not exist, the date precedes the change log, or
    /// the log does not replay.
    pub fn build(registry: &Registry, list: &List, sel: &Selection) -> Result<Self, Error> {
        let history: Option<History> = list.history_if_any()?;
        // The version asked for, else the one in force on the date, else
        // the head; the files of a list without a change log.
        let point = match (&sel.at, sel.as_of, &history) {
            (Some(v), _, _) => Point::Version(v.clone()),
            (None, Some(d), _) => Point::Date(d),
            (None, None, Some(h)) => h
                .head()
                .map_or(Point::Files, |s| Point::Version(s.entry.version.clone())),
            (None, None, None) => Point::Files,
        };
        let (view, _, index) = view(list, history.as_ref(), &point)?;
        let snapshot = index.and_then(|n| history.as_ref().map(|h| &h.versions[n]));
        let effective =
            snapshot.map_or_else(|| sel.as_of.unwrap_or_else(Date::today), |s| s.entry.date);
        let as_of = sel.as_of.unwrap_or(effective);
        let stats = Stats::compute(registry, &view, as_of);
        let sections = Category::ALL
            .iter()
            .filter_map(|c| {
                let items: Vec<Item> = view
                    .items_on(as_of)
                    .filter(|i| i.category == *c)
                    .cloned()
                    .collect();
                (!items.is_empty()).then(|| Section {
                    category: *c,
                    name: c.zh().to_owned(),
                    items,
                })
            })
            .collect();
        let agreements = view
            .agreements
            .iter()
            .filter(|a| a.in_force_on(as_of))
            .cloned()
            .collect();
        let changes = match (index, &history) {
            (Some(n), Some(h)) if n > 0 => Some(ChangeSet::between(
                registry,
                list,
                &Point::Version(h.versions[n - 1].entry.version.clone()),
                &Point::Version(h.versions[n].entry.version.clone()),
            )?),
            _ => None,
        };
        let version_id = view.meta.version.clone();
        let successors_of = |code: &str| -> Vec<String> {
            history
                .as_ref()
                .and_then(|h| h.resolve(code, Some(&version_id)))
                .map(|r| r.codes().iter().map(|c| (*c).to_owned()).collect())
                .unwrap_or_default()
        };
        // In published order: by category, then by code.
        let rank = |i: &Item| Category::ALL.iter().position(|c| *c == i.category);
        let mut ended: Vec<(Option<usize>, EndedCode)> = view
            .items
            .iter()
            .filter(|i| i.status.is_ended() && i.ended.is_none_or(|e| e <= as_of))
            .map(|i| {
                let e = EndedCode {
                    code: i.code.to_string(),
                    name: i.name.clone(),
                    status: i.status,
                    ended: i.ended,
                    successors: successors_of(i.code.as_str()),
                };
                (rank(i), e)
            })
            .collect();
        // A recoded code ended too: the item lives on under its new code.
        let recodes = recode_dates(list, &version_id);
        for i in &view.items {
            for former in &i.former_codes {
                let day = recodes.get(former.as_str()).copied();
                if day.is_some_and(|d| d > as_of) {
                    continue;
                }
                let e = EndedCode {
                    code: former.to_string(),
                    name: i.name.clone(),
                    status: Status::Recoded,
                    ended: day,
                    successors: successors_of(former.as_str()),
                };
                ended.push((rank(i), e));
            }
        }
        ended.sort_by(|(ra, a), (rb, b)| ra.cmp(rb).then_with(|| a.code.cmp(&b.code)));
        let ended: Vec<EndedCode> = ended.into_iter().map(|(_, e)| e).collect();
        let entry_hash = index.map(|n| {
            // The algorithm of the link that seals this entry.
            let alg = list
                .log
                .get(n + 1)
                .and_then(|e| e.entry.previous.as_deref())
                .or(list
                    .meta
                    .head
                    .as_deref()
                    .filter(|_| n + 1 == list.log.len()))
                .and_then(HashAlg::of)
                .unwrap_or_default();
            list.log[n].hash(alg)
        });
        Ok(Self {
            format: "quanze-catalogue/1".to_owned(),
            authority: list.authority.clone(),
            authority_name: registry.authority_name(&list.authority).to_owned(),
            title: view.meta.title.clone(),
            version: view.meta.version.clone(),
            effective,
            as_of,
            decided_by: snapshot
                .map(|s| s.entry.decided_by.clone())
                .unwrap_or_default(),
            entry_hash,
            sentence: stats.sentence_zh(),
            stats,
            sections,
            agreements,
            changes,
            ended,
            note: view.meta.note.clone(),
            reconstructed: view.meta.reconstructed,
            unverified: false,
            flowcharts: BTreeMap::new(),
        }
        .with_flowcharts(list))
    }

    /// Reads the flowchart of every item published, from the list's
    /// directory; a chart whose file is missing or has changed since the
    /// version published is left out (its item still names it).
    fn with_flowcharts(mut self, list: &List) -> Self {
        use base64::prelude::{BASE64_STANDARD, Engine as _};
        let Some(dir) = list.dir() else { return self };
        for item in self.sections.iter().flat_map(|s| &s.items) {
            let Some(fc) = &item.flowchart else { continue };
            let (Some(media), Ok(bytes)) = (fc.media_type(), crate::io::flowchart::read(dir, fc))
            else {
                continue;
            };
            let url = format!("data:{media};base64,{}", BASE64_STANDARD.encode(bytes));
            self.flowcharts.insert(item.id.clone(), url);
        }
        self
    }

    /// The catalogue's file name for an extension: `<authority>-<version>.<ext>`.
    pub fn file_name(&self, extension: &str) -> String {
        format!("{}-{}.{extension}", self.authority, self.version)
    }

    /// The published rows: one per unit (a sub-item, or an item without any),
    /// numbered from 1 within each category.
    pub fn rows(&self, section: &Section) -> Vec<Row> {
        let mut rows = Vec::new();
        for item in &section.items {
            let subs: Vec<_> = item.subs_on(self.as_of).collect();
            if subs.is_empty() {
                rows.push(Row::of(self, item, None, rows.len() + 1));
            } else {
                for s in subs {
                    rows.push(Row::of(self, item, Some(s), rows.len() + 1));
                }
            }
        }
        rows
    }
}

/// One row of a published list (one unit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// 序号.
    pub seq: usize,
    /// 事项编码: the sub-item's code for a sub-item's row.
    pub code: String,
    /// 事项名称.
    pub name: String,
    /// 子项名称.
    pub sub_name: String,
    /// 事项类型.
    pub category: String,
    /// 实施主体.
    pub body: String,
    /// 承办机构.
    pub unit: String,
    /// 权力来源.
    pub source: String,
    /// 委托/下放机关.
    pub grantor: String,
    /// 设定依据: the bases that create the power, with articles
    /// (reconstructed ones marked).
    pub setting_basis: String,
    /// 实施依据: the bases on how it is exercised.
    pub implementing_basis: String,
    /// 法定时限 (working days).
    pub legal_days: String,
    /// 承诺时限 (working days).
    pub promised_days: String,
    /// 办件类型.
    pub handling: String,
    /// 责任事项: the duties by stage (`受理:…;审查:…`).
    pub responsibility: String,
    /// 追责情形: the cases in which the body is held to account.
    pub accountability: String,
    /// 问责依据: the bases of accountability.
    pub accountability_basis: String,
    /// 监督方式: how the exercise of the power is supervised.
    pub supervision: String,
    /// 救济渠道: the remedies open to the person concerned.
    pub remedies: String,
    /// 备注 (with the reconstructed elements named).
    pub remarks: String,
}

/// The column headings of published lists.
pub const COLUMNS: [&str; 20] = [
    "序号",
    "事项编码",
    "事项名称",
    "子项名称",
    "事项类型",
    "实施主体",
    "承办机构",
    "权力来源",
    "委托/下放机关",
    "设定依据",
    "实施依据",
    "法定时限",
    "承诺时限",
    "办件类型",
    "责任事项",
    "追责情形",
    "问责依据",
    "监督方式",
    "救济渠道",
    "备注",
];

/// The column headings in English.
pub const COLUMNS_EN: [&str; 20] = [
    "No.",
    "Code",
    "Item",
    "Sub-item",
    "Category",
    "Implementing body",
    "Handling unit",
    "Source",
    "Grantor",
    "Setting basis",
    "Implementing basis",
    "Legal limit",
    "Promised limit",
    "Handling",
    "Responsibilities",
    "Accountability",
    "Accountability basis",
    "Supervision",
    "Remedies",
    "Remarks",
];

/// The column headings in `lang`.
pub fn columns(lang: Lang) -> [&'static str; 20] {
    match lang {
        Lang::Zh => COLUMNS,
        Lang::En => COLUMNS_EN,
    }
}

/// The mark of a catalogue published from a history that does not verify.
pub const UNVERIFIED: &str = "未经核验:本目录所依据的调整记录未通过核验(哈希链断开或存在未记录的变更),不得作为正式公布文本。Unverified: the change log this catalogue was made from does not verify.";

/// The mark printed in the remarks of a unit whose code `quanze import`
/// assigned (the source had none): not an official code.
pub const ASSIGNED: &str = "[编码为导入时编排]";

/// The marker of reconstructed data in published text.
pub const RECONSTRUCTED: &str = "重构";

/// The 设定依据 or 实施依据 cell of an item.
pub(crate) fn basis_text(item: &Item, role: BasisRole) -> String {
    item.basis
        .iter()
        .filter(|b| b.role == role)
        .map(|b| {
            let mut s = format!("《{}》{}", b.title, b.article.as_deref().unwrap_or(""));
            if b.reconstructed {
                s.push_str(&format!("({RECONSTRUCTED})"));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// The 责任事项 cell of an item: `stage:duty` clauses.
pub(crate) fn responsibility_text(item: &Item) -> String {
    item.responsibility
        .iter()
        .map(|r| format!("{}:{}", r.stage, clause(&r.duty)))
        .collect::<Vec<_>>()
        .join(";")
}

/// A sentence as one clause of a `;`-separated cell: without its final stop.
fn clause(s: &str) -> &str {
    s.trim_end().trim_end_matches(['。', ';', '；'])
}

/// Sentences as one `;`-separated cell.
pub(crate) fn clauses(texts: &[String]) -> String {
    texts
        .iter()
        .map(|t| clause(t))
        .collect::<Vec<_>>()
        .join(";")
}

fn reconstructed_text(item: &Item) -> String {
    if item.reconstructed.is_empty() {
        return String::new();
    }
    let els: Vec<&str> = item
        .reconstructed
        .iter()
        .map(|e: &Element| e.zh())
        .collect();
    format!("[{RECONSTRUCTED}要素:{}]", els.join("、"))
}

impl Row {
    fn of(c: &Catalogue, item: &Item, sub: Option<&crate::model::SubItem>, seq: usize) -> Self {
        let imp = sub.map_or(item.implementation.as_ref(), |s| s.implementation.as_ref());
        let unit = imp.map_or(item.category.time_unit(), |i| i.unit(item.category));
        let days = |d: Option<u32>| d.map(|n| unit.zh(n)).unwrap_or_default();
        // A promise of no days is written as guides write it: 即办.
        let promised = |d: Option<u32>| match d {
            Some(0) => "即办".to_owned(),
            d => days(d),
        };
        let mut remarks = item.remarks.clone().unwrap_or_default();
        if let Some(r) = sub.and_then(|s| s.remarks.as_deref()) {
            if !remarks.is_empty() {
                remarks.push(' ');
            }
            remarks.push_str(r);
        }
        let rec = reconstructed_text(item);
        if !rec.is_empty() {
            if !remarks.is_empty() {
                remarks.push(' ');
            }
            remarks.push_str(&rec);
        }
        // A code `quanze import` assigned is not an official code.
        if sub.map_or(item.code_assigned, |s| s.code_assigned) {
            if !remarks.is_empty() {
                remarks.push(' ');
            }
            remarks.push_str(ASSIGNED);
        }
        Self {
            seq,
            code: sub.map_or_else(|| item.code.to_string(), |s| s.code.to_string()),
            name: item.name.clone(),
            sub_name: sub.map(|s| s.name.clone()).unwrap_or_default(),
            category: item.category.zh().to_owned(),
            body: item.body.clone(),
            unit: item.unit.clone().unwrap_or_default(),
            source: item.source.zh().to_owned(),
            grantor: item
                .grantor
                .as_ref()
                .map(|g| c.grantor_name(g))
                .unwrap_or_default(),
            setting_basis: basis_text(item, BasisRole::Setting),
            implementing_basis: basis_text(item, BasisRole::Implementing),
            legal_days: days(imp.and_then(|i| i.legal_days)),
            promised_days: promised(imp.and_then(|i| i.promised_days)),
            handling: imp
                .and_then(|i| i.handling)
                .map(|h| h.zh().to_owned())
                .unwrap_or_default(),
            responsibility: responsibility_text(item),
            accountability: clauses(&item.accountability),
            accountability_basis: clauses(&item.accountability_basis),
            supervision: clauses(&item.supervision),
            remedies: clauses(&item.remedies),
            remarks,
        }
    }

    /// The cells in the order of [`COLUMNS`].
    pub fn cells(&self) -> [String; 20] {
        [
            self.seq.to_string(),
            self.code.clone(),
            self.name.clone(),
            self.sub_name.clone(),
            self.category.clone(),
            self.body.clone(),
            self.unit.clone(),
            self.source.clone(),
            self.grantor.clone(),
            self.setting_basis.clone(),
            self.implementing_basis.clone(),
            self.legal_days.clone(),
            self.promised_days.clone(),
            self.handling.clone(),
            self.responsibility.clone(),
            self.accountability.clone(),
            self.accountability_basis.clone(),
            self.supervision.clone(),
            self.remedies.clone(),
            self.remarks.clone(),
        ]
    }
}

impl Catalogue {
    /// The items and units of a category, as the stats count them.
    pub(crate) fn count(&self, category: Category) -> crate::query::stats::Count {
        self.stats
            .categories
            .get(category.id())
            .copied()
            .unwrap_or_default()
    }

    /// The name of a granting authority, as the stats know it.
    pub(crate) fn grantor_name(&self, id: &Id) -> String {
        self.stats
            .sources
            .iter()
            .find(|s| s.grantor.as_ref() == Some(id))
            .and_then(|s| s.grantor_name.clone())
            .unwrap_or_else(|| id.to_string())
    }
}

pub use crate::publish::format::{RenderError, Renderer as Writer};

/// Every format built into this binary, in a fixed order.
pub fn writers() -> Vec<&'static dyn Writer> {
    crate::publish::format::Report::Catalogue
        .formats()
        .iter()
        .filter_map(|f| crate::publish::format::renderer(*f))
        .collect()
}

/// The labels of a catalogue in one language.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Labels {
    pub(crate) lang: Lang,
    pub(crate) contents: &'static str,
    pub(crate) items: &'static str,
    pub(crate) units: &'static str,
    pub(crate) agreements: &'static str,
    pub(crate) changes: &'static str,
    pub(crate) ended: &'static str,
    pub(crate) ended_columns: [&'static str; 4],
    pub(crate) version: &'static str,
    pub(crate) effective: &'static str,
    pub(crate) source: &'static str,
    pub(crate) body: &'static str,
    pub(crate) unit: &'static str,
    pub(crate) basis: &'static str,
    pub(crate) limits: &'static str,
    pub(crate) responsibilities: &'static str,
    pub(crate) accountability: &'static str,
    pub(crate) accountability_basis: &'static str,
    pub(crate) supervision: &'static str,
    pub(crate) remedies: &'static str,
    pub(crate) remarks: &'static str,
    pub(crate) reconstructed: &'static str,
    pub(crate) sub_code: &'static str,
    pub(crate) sub_name: &'static str,
    pub(crate) term: &'static str,
    pub(crate) documents: &'static str,
    pub(crate) entrusted_items: &'static str,
    pub(crate) entry_hash: &'static str,
}

pub(crate) fn labels(lang: Lang) -> Labels {
    match lang {
        Lang::Zh => Labels {
            lang,
            contents: "目录",
            items: "项",
            units: "含子项",
            agreements: "委托协议",
            changes: "调整情况",
            ended: "已终止事项编码",
            ended_columns: ["原编码", "事项名称", "终止方式", "现编码"],
            version: "版本",
            effective: "生效日期",
            source: "权力来源",
            body: "实施主体",
            unit: "承办机构",
            basis: "法律依据",
            limits: "办理时限",
            responsibilities: "责任事项",
            accountability: "追责情形",
            accountability_basis: "问责依据",
            supervision: "监督方式",
            remedies: "救济渠道",
            remarks: "备注",
            reconstructed: "重构要素",
            sub_code: "子项编码",
            sub_name: "子项名称",
            term: "期限",
            documents: "依据文件",
            entrusted_items: "委托事项",
            entry_hash: "调整记录哈希",
        },
        Lang::En => Labels {
            lang,
            contents: "Contents",
            items: "items",
            units: "units",
            agreements: "Delegation agreements",
            changes: "Changes since the previous version",
            ended: "Ended codes",
            ended_columns: ["Code", "Item", "Ended by", "Now"],
            version: "Version",
            effective: "Effective",
            source: "Source",
            body: "Implementing body",
            unit: "Handling unit",
            basis: "Legal bases",
            limits: "Time limits",
            responsibilities: "Responsibilities",
            accountability: "Accountability",
            accountability_basis: "Accountability basis",
            supervision: "Supervision",
            remedies: "Remedies",
            remarks: "Remarks",
            reconstructed: "Reconstructed",
            sub_code: "Sub-item code",
            sub_name: "Sub-item",
            term: "Term",
            documents: "Documents",
            entrusted_items: "Items",
            entry_hash: "Change-log entry hash",
        },
    }
}

impl Catalogue {
    /// The facts shown at the top of a catalogue, labelled.
    pub(crate) fn meta(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let zh = lang == Lang::Zh;
        let docs: Vec<String> = self
            .decided_by
            .iter()
            .map(|d| format!("{}《{}》", d.number, d.title))
            .collect();
        let mut v = vec![
            (
                if zh { "机关" } else { "Authority" },
                self.authority_name.clone(),
            ),
            (
                if zh { "版本" } else { "Version" },
                self.version.to_string(),
            ),
            (
                if zh { "生效日期" } else { "Effective" },
                self.effective.to_string(),
            ),
            (
                if zh { "统计日期" } else { "Counted on" },
                self.as_of.to_string(),
            ),
        ];
        if !docs.is_empty() {
            v.push((if zh { "决定文件" } else { "Decided by" }, docs.join("、")));
        }
        if let Some(h) = &self.entry_hash {
            v.push((
                if zh {
                    "调整记录哈希"
                } else {
                    "Change-log entry hash"
                },
                h.clone(),
            ));
        }
        v
    }

    /// An agreement's term as text.
    pub(crate) fn term(&self, a: &Agreement) -> String {
        match a.term_end {
            Some(end) => format!("{} 至 {end}", a.term_start),
            None => format!("{} 起,至决定文件废止", a.term_start),
        }
    }

    /// The changes since the previous version, one line each.
    pub(crate) fn change_lines(&self, cs: &ChangeSet) -> Vec<String> {
        use crate::query::diff::ChangeKind;
        let mut lines = Vec::new();
        for c in &cs.items {
            let r = c.after.as_ref().or(c.before.as_ref());
            let Some(r) = r else { continue };
            let docs: Vec<String> = c
                .accounted_by
                .iter()
                .flat_map(|a| a.documents.clone())
                .collect();
            let what = match (c.kind, &c.ended) {
                (ChangeKind::Added, _) => "新增".to_owned(),
                (ChangeKind::Removed, _) => "移除".to_owned(),
                (_, Some(en)) => {
                    let succ = if en.successors.is_empty() {
                        String::new()
                    } else {
                        format!(" → {}", en.successors.join(", "))
                    };
                    format!("{}{succ}", en.how.zh())
                }
                _ => match (&c.before, &c.after) {
                    (Some(b), Some(a)) if b.code != a.code => {
                        format!("编码 {} → {}", b.code, a.code)
                    }
                    _ => "变更".to_owned(),
                },
            };
            lines.push(format!("{} {}:{what}({})", r.code, r.name, docs.join("、")));
        }
        for a in &cs.agreements {
            let what = match a.kind {
                ChangeKind::Added => "签订",
                ChangeKind::Removed => "移除",
                ChangeKind::Changed => "变更",
            };
            lines.push(format!("委托协议 {} {}:{what}", a.id, a.title));
        }
        lines
    }
}
