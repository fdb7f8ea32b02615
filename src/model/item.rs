//! Power items: their classes, sources, statuses, legal bases,
//! responsibilities, sub-items and implementation elements (`items/*.toml`).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Code, Date, DocNumber, Id};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The class of a power (事项类型): the ten national classes and public services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Category {
    /// 行政许可 (XK).
    Licensing,
    /// 行政处罚 (CF).
    Penalty,
    /// 行政强制 (QZ).
    Coercion,
    /// 行政征收 (ZS).
    Levy,
    /// 行政给付 (JF).
    Benefit,
    /// 行政检查 (JC).
    Inspection,
    /// 行政确认 (QR).
    Confirmation,
    /// 行政奖励 (JL).
    Award,
    /// 行政裁决 (CJ).
    Adjudication,
    /// 其他行政权力 (QT).
    Other,
    /// 公共服务 (GG): not a power; listed separately.
    PublicService,
}

impl Category {
    /// All categories in their published order.
    pub const ALL: [Self; 11] = [
        Self::Licensing,
        Self::Penalty,
        Self::Coercion,
        Self::Levy,
        Self::Benefit,
        Self::Inspection,
        Self::Confirmation,
        Self::Award,
        Self::Adjudication,
        Self::Other,
        Self::PublicService,
    ];

    /// The id used in files and JSON (`licensing`, `public-service`, …).
    pub fn id(self) -> &'static str {
        match self {
            Self::Licensing => "licensing",
            Self::Penalty => "penalty",
            Self::Coercion => "coercion",
            Self::Levy => "levy",
            Self::Benefit => "benefit",
            Self::Inspection => "inspection",
            Self::Confirmation => "confirmation",
            Self::Award => "award",
            Self::Adjudication => "adjudication",
            Self::Other => "other",
            Self::PublicService => "public-service",
        }
    }

    /// The full Chinese name (`行政许可`, `其他行政权力`, …).
    pub fn zh(self) -> &'static str {
        match self {
            Self::Licensing => "行政许可",
            Self::Penalty => "行政处罚",
            Self::Coercion => "行政强制",
            Self::Levy => "行政征收",
            Self::Benefit => "行政给付",
            Self::Inspection => "行政检查",
            Self::Confirmation => "行政确认",
            Self::Award => "行政奖励",
            Self::Adjudication => "行政裁决",
            Self::Other => "其他行政权力",
            Self::PublicService => "公共服务",
        }
    }

    /// The short Chinese name used in count sentences (`其他` for other powers).
    pub fn zh_short(self) -> &'static str {
        match self {
            Self::Other => "其他",
            c => c.zh(),
        }
    }

    /// The English name.
    pub fn en(self) -> &'static str {
        match self {
            Self::Licensing => "licensing",
            Self::Penalty => "penalty",
            Self::Coercion => "administrative coercion",
            Self::Levy => "levy",
            Self::Benefit => "benefit",
            Self::Inspection => "inspection",
            Self::Confirmation => "confirmation",
            Self::Award => "award",
            Self::Adjudication => "adjudication",
            Self::Other => "other",
            Self::PublicService => "public services",
        }
    }

    /// The two-letter code (`XK`, `CF`, …).
    pub fn letters(self) -> &'static str {
        match self {
            Self::Licensing => "XK",
            Self::Penalty => "CF",
            Self::Coercion => "QZ",
            Self::Levy => "ZS",
            Self::Benefit => "JF",
            Self::Inspection => "JC",
            Self::Confirmation => "QR",
            Self::Award => "JL",
            Self::Adjudication => "CJ",
            Self::Other => "QT",
            Self::PublicService => "GG",
        }
    }

    /// Whether items of this class are handled on application (依申请), so
    /// that each unit must state its time limits and handling type.
    pub fn on_application(self) -> bool {
        matches!(self, Self::Licensing)
    }

    /// The unit in which the class's time limits are counted when a unit
    /// does not say: calendar days for penalties (行政处罚法 第六十条),
    /// working days for the others (行政许可法 第八十二条; 行政强制法
    /// 第六十九条 for limits of ten days or less).
    pub fn time_unit(self) -> TimeUnit {
        match self {
            Self::Penalty => TimeUnit::CalendarDays,
            _ => TimeUnit::WorkingDays,
        }
    }

    /// Whether the class is a power (职权), which must have a legal basis
    /// (职权法定); public services are not.
    pub fn is_power(self) -> bool {
        !matches!(self, Self::PublicService)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where a power comes from (权力来源).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Source {
    /// 法定本级行使: the department's own statutory power.
    Own,
    /// 上级下放: handed down; exercised in the receiver's own name.
    Devolved,
    /// 上级委托: entrusted; exercised in the entruster's name under an agreement.
    Entrusted,
    /// 授权: a law or regulation authorizes the body to act in its own name.
    Authorized,
}

impl Source {
    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::Own => "own",
            Self::Devolved => "devolved",
            Self::Entrusted => "entrusted",
            Self::Authorized => "authorized",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Own => "法定本级行使",
            Self::Devolved => "上级下放",
            Self::Entrusted => "上级委托",
            Self::Authorized => "授权",
        }
    }
}

/// The status of an item or sub-item in the list files.
///
/// Whether an item counts on a date depends on its status *and* its dates:
/// see [`Item::in_force_on`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Status {
    /// 在用: in force from its effective date.
    #[default]
    InForce,
    /// 暂停: temporarily out of force.
    Suspended,
    /// 取消: cancelled; the code is never reused.
    Cancelled,
    /// 合并: merged into another item.
    Merged,
    /// 拆分: split into several items.
    Split,
    /// 编码调整: replaced by the same item under a new code.
    Recoded,
    /// 下放: handed to a lower level.
    DevolvedOut,
    /// 收回: taken back by the authority that entrusted or devolved it.
    Withdrawn,
}

impl Status {
    /// Whether this status means the item has ended (and needs an end date).
    pub fn is_ended(self) -> bool {
        !matches!(self, Self::InForce | Self::Suspended)
    }

    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::InForce => "in-force",
            Self::Suspended => "suspended",
            Self::Cancelled => "cancelled",
            Self::Merged => "merged",
            Self::Split => "split",
            Self::Recoded => "recoded",
            Self::DevolvedOut => "devolved-out",
            Self::Withdrawn => "withdrawn",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::InForce => "在用",
            Self::Suspended => "暂停",
            Self::Cancelled => "取消",
            Self::Merged => "合并",
            Self::Split => "拆分",
            Self::Recoded => "编码调整",
            Self::DevolvedOut => "下放",
            Self::Withdrawn => "收回",
        }
    }
}

/// How a unit handled on application is handled (办件类型).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Handling {
    /// 即办件: decided on the spot.
    Immediate,
    /// 承诺件: decided within the promised limit.
    Promised,
}

impl Handling {
    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Immediate => "即办件",
            Self::Promised => "承诺件",
        }
    }
}

/// Implementation elements of a unit handled on application (实施要素).
///
/// Every field is optional in the file so that validation can name what is
/// missing; licensing units must state both limits and the handling type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Implementation {
    /// 法定办结时限, counted in [`Implementation::time_unit`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_days: Option<u32>,
    /// 承诺办结时限, counted in [`Implementation::time_unit`] (0 for
    /// immediate handling, printed 即办).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promised_days: Option<u32>,
    /// The unit of both limits; when absent, the class's own unit
    /// ([`Category::time_unit`]): working days for licensing, calendar days
    /// for penalties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_unit: Option<TimeUnit>,
    /// 办件类型.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handling: Option<Handling>,
    /// 网上办理: can be applied for and handled online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<bool>,
    /// 收费: the charges, or `不收费`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub charges: Option<String>,
    /// 审批结果: the result document (licence, approval letter, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    /// 电子证照: whether the result is bound to an electronic licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub e_licence: Option<bool>,
}

/// The unit in which a time limit is counted (期限单位).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum TimeUnit {
    /// 工作日: working days, without the official holidays and with the
    /// weekend days worked in exchange (行政许可法 第八十二条).
    WorkingDays,
    /// 日: calendar days (行政处罚法 第六十条's ninety days).
    CalendarDays,
    /// 小时: hours.
    Hours,
}

impl TimeUnit {
    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::WorkingDays => "working-days",
            Self::CalendarDays => "calendar-days",
            Self::Hours => "hours",
        }
    }

    /// A limit as guides print it: `20个工作日`, `90日`, `24小时`.
    pub fn zh(self, n: u32) -> String {
        match self {
            Self::WorkingDays => format!("{n}个工作日"),
            Self::CalendarDays => format!("{n}日"),
            Self::Hours => format!("{n}小时"),
        }
    }

    /// A limit in English: `20 working days`, `90 days`, `24 hours`.
    pub fn en(self, n: u32) -> String {
        let (one, many) = match self {
            Self::WorkingDays => ("working day", "working days"),
            Self::CalendarDays => ("day", "days"),
            Self::Hours => ("hour", "hours"),
        };
        format!("{n} {}", if n == 1 { one } else { many })
    }
}

impl Implementation {
    /// The unit of the limits: the one stated, or the class's own.
    pub fn unit(&self, category: Category) -> TimeUnit {
        self.time_unit.unwrap_or(category.time_unit())
    }
}

/// The level of a legal basis in the hierarchy of norms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum BasisLevel {
    /// 法律.
    Law,
    /// 行政法规.
    AdministrativeRegulation,
    /// 国务院决定: a decision of the State Council, which 行政许可法 第十四条
    /// names beside laws and administrative regulations.
    StateCouncilDecision,
    /// 部门规章.
    DepartmentalRule,
    /// 地方性法规.
    LocalRegulation,
    /// 地方政府规章.
    LocalRule,
    /// 规范性文件.
    NormativeDocument,
}

impl BasisLevel {
    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::Law => "law",
            Self::AdministrativeRegulation => "administrative-regulation",
            Self::StateCouncilDecision => "state-council-decision",
            Self::DepartmentalRule => "departmental-rule",
            Self::LocalRegulation => "local-regulation",
            Self::LocalRule => "local-rule",
            Self::NormativeDocument => "normative-document",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Law => "法律",
            Self::AdministrativeRegulation => "行政法规",
            Self::StateCouncilDecision => "国务院决定",
            Self::DepartmentalRule => "部门规章",
            Self::LocalRegulation => "地方性法规",
            Self::LocalRule => "地方政府规章",
            Self::NormativeDocument => "规范性文件",
        }
    }
}

/// The role a legal basis plays for an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum BasisRole {
    /// 设定依据: the norm that creates the power.
    #[default]
    Setting,
    /// 实施依据: a norm on how it is exercised.
    Implementing,
}

impl BasisRole {
    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Setting => "设定依据",
            Self::Implementing => "实施依据",
        }
    }
}

/// One legal basis of an item (设定依据 / 实施依据).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LegalBasis {
    /// Title of the law or document, without book-title marks.
    pub title: String,
    /// The law's id in `laws/laws.toml`, when the registry records it: the
    /// basis then follows the law's versions (`quanze impact`, pending
    /// effects) and is checked against them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub law: Option<Id>,
    /// Level in the hierarchy of norms.
    pub level: BasisLevel,
    /// Document number, e.g. `国务院令第466号`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Article(s), e.g. `第五十二条、第五十四条`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Setting or implementing basis.
    #[serde(default)]
    pub role: BasisRole,
    /// True when this basis is plausible but not documented.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
    /// True when `level` was inferred from the title (by `quanze import`)
    /// rather than read from the source: to be confirmed by a person.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub level_inferred: bool,
}

/// A responsibility at one stage of exercising the power (责任事项).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    /// The stage, e.g. `受理`, `审查`, `决定`, `送达`, `事后监管`.
    pub stage: String,
    /// What the body must do at that stage.
    pub duty: String,
    /// The stage's own bases (each responsibility stage carries its basis),
    /// e.g. `《行政许可法》第三十二条`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<String>,
    /// Integrity-risk points of the stage (廉政风险点).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<RiskPoint>,
}

/// An integrity-risk point (廉政风险点) of a stage, with its level and
/// controls.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RiskPoint {
    /// The risk, e.g. `对不符合条件的申请予以受理`.
    pub risk: String,
    /// Its level.
    pub level: RiskLevel,
    /// The controls against it (防控措施).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<String>,
}

/// The level of an integrity risk (风险等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RiskLevel {
    /// 高.
    High,
    /// 中.
    Medium,
    /// 低.
    Low,
}

impl RiskLevel {
    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::High => "高",
            Self::Medium => "中",
            Self::Low => "低",
        }
    }
}

/// What a licensing item states beyond its units (行政许可 实施要素).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LicensingDetail {
    /// 主管部门: the competent department, when it is not the implementing body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub competent_department: Option<String>,
    /// 许可条件.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<String>,
    /// 申请材料.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub materials: Vec<String>,
    /// 中介服务: intermediary services the applicant must use.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intermediaries: Vec<String>,
    /// 延长时限: how and by how much the limit may be extended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension: Option<String>,
    /// 特别程序 (不计算在时限内): time excluded from the limit, e.g. 专家评审.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub excluded_time: Vec<String>,
    /// 有效期限 of the licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<String>,
    /// 数量限制.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity_limit: Option<String>,
}

/// What a penalty item states (行政处罚): the provisions and the discretion
/// benchmark (裁量基准).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PenaltyDetail {
    /// 违法条款: the provisions the conduct violates.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub violated: Vec<String>,
    /// 处罚条款: the provisions that set the penalty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provision: Vec<String>,
    /// 处罚种类和幅度, e.g. `警告`, `五万元以上二十万元以下罚款`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sanctions: Vec<String>,
    /// The discretion benchmark (裁量基准), tier by tier from the lightest.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub benchmark: Vec<BenchmarkTier>,
    /// True when these elements are plausible but not documented.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
}

/// One tier of a discretion benchmark (裁量阶次).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BenchmarkTier {
    /// The tier, e.g. `轻微`, `一般`, `严重`.
    pub tier: String,
    /// The circumstances (违法情节) that place a case in it.
    pub circumstances: String,
    /// The sanction (处罚标准) for it.
    pub sanction: String,
}

/// What an inspection item states (行政检查), with its random-inspection
/// entries (双随机、一公开 抽查事项).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InspectionDetail {
    /// 检查类别, e.g. `日常检查`, `专项检查`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// 检查方式, e.g. `现场检查`, `书面检查`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// The most inspections of one object a year (检查频次上限).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_per_year: Option<u32>,
    /// The random-inspection entries.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub random: Vec<RandomInspection>,
    /// True when these elements are plausible but not documented.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
}

/// A random-inspection entry (随机抽查事项).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RandomInspection {
    /// 抽查事项.
    pub matter: String,
    /// 检查依据.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<String>,
    /// 检查对象.
    pub objects: String,
    /// 抽查比例, e.g. `5%`.
    pub ratio: String,
    /// 抽查频次 (cycle), e.g. `每年1次`.
    pub cycle: String,
    /// 检查方式.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
}

/// The flowchart of how a power runs (权力运行流程图): a file of the list
/// directory, sealed into the item's record by its hash, so that a changed
/// flowchart is a change of the item and needs an adjustment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Flowchart {
    /// The file, relative to the list directory: `flowcharts/<name>.svg`
    /// or `.png` (letters, digits, `-`, `_` and `.` only).
    pub file: String,
    /// The SHA-256 of its bytes, `sha256:<64 hex digits>`.
    pub sha256: String,
    /// True when the chart is plausible but not documented.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
}

impl Flowchart {
    /// The largest flowchart file read, in bytes.
    pub const MAX_BYTES: u64 = 2 << 20;

    /// The media type of the file, by its extension (`image/svg+xml`,
    /// `image/png`).
    pub fn media_type(&self) -> Option<&'static str> {
        match self.file.rsplit_once('.').map(|(_, e)| e) {
            Some("svg") => Some("image/svg+xml"),
            Some("png") => Some("image/png"),
            _ => None,
        }
    }

    /// Why the file name is not one a flowchart may have, if it is not:
    /// one file directly under `flowcharts/`, of a safe name, SVG or PNG.
    pub fn path_problem(&self) -> Option<&'static str> {
        let Some(name) = self.file.strip_prefix("flowcharts/") else {
            return Some("a flowchart lives directly under `flowcharts/` in the list directory");
        };
        let safe = !name.is_empty()
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
        if !safe {
            return Some("a file name of letters, digits, `-`, `_` and `.`, not starting with `.`");
        }
        if self.media_type().is_none() {
            return Some("an `.svg` or `.png` file");
        }
        None
    }
}

/// What a levy or fee states (行政征收).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LevyDetail {
    /// 征收标准.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// 标准依据: the document that sets the standard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard_basis: Option<String>,
    /// 资金管理: how the proceeds are managed, e.g. `全额缴入国库`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fund: Option<String>,
}

/// An element of an item, named in [`Item::reconstructed`] when its value is
/// a reconstruction rather than taken from an official source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Element {
    /// The item itself: that the list holds it at all.
    Existence,
    /// The public code.
    Code,
    /// The name.
    Name,
    /// The source and grantor.
    Source,
    /// The implementing body.
    Body,
    /// The handling unit.
    Unit,
    /// The sub-items.
    SubItems,
    /// The responsibilities.
    Responsibilities,
    /// The accountability cases.
    Accountability,
    /// The implementation elements (time limits, handling type, …).
    Implementation,
    /// The effective dates.
    Dates,
    /// The remarks.
    Remarks,
}

impl Element {
    /// Every element, in the order of the enum.
    pub const ALL: [Self; 12] = [
        Self::Existence,
        Self::Code,
        Self::Name,
        Self::Source,
        Self::Body,
        Self::Unit,
        Self::SubItems,
        Self::Responsibilities,
        Self::Accountability,
        Self::Implementation,
        Self::Dates,
        Self::Remarks,
    ];

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Existence => "事项",
            Self::Code => "事项编码",
            Self::Name => "事项名称",
            Self::Source => "权力来源",
            Self::Body => "实施主体",
            Self::Unit => "承办机构",
            Self::SubItems => "子项",
            Self::Responsibilities => "责任事项",
            Self::Accountability => "追责情形",
            Self::Implementation => "实施要素",
            Self::Dates => "生效日期",
            Self::Remarks => "备注",
        }
    }
}

/// A level at which a power is exercised, and what is done there
/// (行使层级: 省级审批、市级受理、县级初审 …).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExerciseLevel {
    /// The level of government.
    pub level: crate::model::Level,
    /// What is done at it, e.g. `审批`, `受理`, `初审`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A case of the third tier (业务办理项) under a sub-item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HandlingCase {
    /// Its code, unique among the cases of its sub-item, e.g. `XK-001-01-01`.
    pub code: String,
    /// Its name, e.g. `新办`, `法定代表人变更`.
    pub name: String,
    /// Its own implementation elements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation: Option<Implementation>,
}

/// A cell of an imported spreadsheet that no field holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Unmapped {
    /// Where it was: the file, sheet, row and column (`清单.xlsx!许可 D7`).
    pub at: String,
    /// The column's heading.
    pub heading: String,
    /// The cell's text.
    pub value: String,
}

/// A sub-item (子项): one concrete procedure of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SubItem {
    /// Public code, unique within the list.
    pub code: Code,
    /// True when the code was assigned by `quanze import` because the source
    /// had none: not an official code.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub code_assigned: bool,
    /// Name, e.g. `核发`, `变更`, `延续`.
    pub name: String,
    /// Status; ended sub-items keep their record.
    #[serde(default)]
    pub status: Status,
    /// First day in force; the item's effective date when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<Date>,
    /// First day no longer in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Date>,
    /// Implementation elements of this unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation: Option<Implementation>,
    /// Remarks (备注).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// The implementation code of the unit (实施编码), as a provincial
    /// system gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_code: Option<String>,
    /// The third tier (业务办理项): the concrete cases a unit is handled
    /// as, each with its own implementation elements. They do not change
    /// the count: a unit is counted once, however many it has.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<HandlingCase>,
    /// Codes the unit had before a recode of its item carried it to the new
    /// code (`XK-013-01` for `XK-015-01`); they resolve to it and are never
    /// given to another unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_codes: Vec<Code>,
}

/// A power item (事项, 主项).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Stable internal id: never changes, even when the code does.
    pub id: Id,
    /// Public code (事项编码), unique within the list; may change by recode.
    pub code: Code,
    /// Name (事项名称).
    pub name: String,
    /// Class of power.
    pub category: Category,
    /// Status.
    #[serde(default)]
    pub status: Status,
    /// First day in force.
    pub effective: Date,
    /// First day no longer in force (required for ended statuses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ended: Option<Date>,
    /// Where the power comes from.
    #[serde(default = "own")]
    pub source: Source,
    /// The entrusting, devolving or authorizing authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grantor: Option<Id>,
    /// The documents that entrusted, devolved or authorized the power.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_documents: Vec<DocNumber>,
    /// Implementing body (实施主体).
    pub body: String,
    /// Handling unit (承办机构 / 处室).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Remarks (备注), e.g. the scope limits of an entrustment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// Cells of an imported spreadsheet that no field holds (rule
    /// `unmapped-cells`): kept so that nothing is lost, until a person
    /// moves them into fields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unmapped: Vec<Unmapped>,
    /// Elements whose values are reconstructed rather than documented.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reconstructed: Vec<Element>,
    /// True when the code was assigned by `quanze import` because the source
    /// had none: not an official code.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub code_assigned: bool,
    /// Accountability cases (追责情形).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accountability: Vec<String>,
    /// The bases of accountability (问责依据 / 追责依据), e.g.
    /// `《行政许可法》第七十二条`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accountability_basis: Vec<String>,
    /// How the exercise of the power is supervised (监督方式).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supervision: Vec<String>,
    /// The remedies open to the person concerned (救济渠道), e.g.
    /// `依法申请行政复议或者提起行政诉讼`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub remedies: Vec<String>,
    /// Implementation elements, for an item without sub-items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation: Option<Implementation>,
    /// 审核转报: the body examines and forwards the application to a higher
    /// authority that decides it. Such items are listed apart and left out
    /// of the counts.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub forwarded: bool,
    /// The holder entrusts this power out (委托出) to another body, under an
    /// agreement of its list whose entruster is the holder.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub entrusted_out: bool,
    /// 共性事项: an item every department of the level holds alike.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub shared: bool,
    /// The basic code (基本编码) of the matter in the catalogue it belongs
    /// to (a province's unified catalogue), beside the list's own `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_code: Option<String>,
    /// The implementation code (实施编码) of the item at this body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation_code: Option<String>,
    /// The levels at which the power is exercised, and what each does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels: Vec<ExerciseLevel>,
    /// Licensing elements beyond the units. (The blocks are boxed: most
    /// items have none, and an item is moved and compared often.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licensing: Option<Box<LicensingDetail>>,
    /// Penalty provisions and the discretion benchmark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penalty: Option<Box<PenaltyDetail>>,
    /// Inspection elements and random-inspection entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inspection: Option<Box<InspectionDetail>>,
    /// Levy standard and fund management.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub levy: Option<Box<LevyDetail>>,
    /// The flowchart of how the power runs (权力运行流程图).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flowchart: Option<Box<Flowchart>>,
    /// Legal bases.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basis: Vec<LegalBasis>,
    /// Responsibilities by stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibility: Vec<Responsibility>,
    /// Sub-items.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub: Vec<SubItem>,
    /// Codes the item had before a recode (编码调整); they stay reserved and
    /// resolve to the item.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_codes: Vec<Code>,
    /// For an item that ended by merge or split: the ids of the items that
    /// took it over.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub successors: Vec<Id>,
    /// The item of a list above that this one derives from: the grantor's
    /// item it is entrusted or devolved from, or the catalogue item it
    /// implements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Box<ParentRef>>,
    /// Declared local: an item of a catalogue-derived list that no
    /// catalogue item covers, on purpose.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub local: bool,
}

/// The parent item an item claims (`[item.parent]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ParentRef {
    /// The parent list (its holder's id).
    pub list: Id,
    /// The parent item's code (a former code resolves to its successor).
    pub code: Code,
    /// Elements in which the item deviates from its parent on purpose.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deviates: Vec<Deviation>,
    /// Why it deviates (required with `deviates`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// An element in which an item may deviate from its parent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Deviation {
    /// 事项名称.
    Name,
    /// 职权类别.
    Category,
    /// 设定依据.
    SettingBasis,
    /// 办理时限.
    TimeLimit,
}

impl Deviation {
    /// Every element compared, in report order.
    pub const ALL: &'static [Self] = &[
        Self::Name,
        Self::Category,
        Self::SettingBasis,
        Self::TimeLimit,
    ];

    /// The id used in files.
    pub fn id(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Category => "category",
            Self::SettingBasis => "setting-basis",
            Self::TimeLimit => "time-limit",
        }
    }

    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Name => "事项名称",
            Self::Category => "职权类别",
            Self::SettingBasis => "设定依据",
            Self::TimeLimit => "办理时限",
        }
    }
}

fn own() -> Source {
    Source::Own
}

/// Whether a record with a status and `[effective, ended)` dates is in force on `date`.
fn in_force(status: Status, effective: Date, ended: Option<Date>, date: Date) -> bool {
    status != Status::Suspended && effective <= date && ended.is_none_or(|e| date < e)
}

impl Item {
    /// An item with only what every item has: in force from `effective`,
    /// the authority's own power, with an empty body and nothing else
    /// (every other field set by the caller).
    ///
    /// ```
    /// use quanze::{Category, Item};
    /// let mut item = Item::new("x".parse()?, "XK-001".parse()?, "许可", Category::Licensing, "2024-01-01".parse()?);
    /// item.body = "某局".into();
    /// assert!(item.in_force_on("2024-01-01".parse()?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(id: Id, code: Code, name: &str, category: Category, effective: Date) -> Self {
        Self {
            id,
            code,
            name: name.to_owned(),
            category,
            status: Status::InForce,
            effective,
            ended: None,
            source: Source::Own,
            grantor: None,
            source_documents: Vec::new(),
            body: String::new(),
            unit: None,
            remarks: None,
            unmapped: Vec::new(),
            reconstructed: Vec::new(),
            code_assigned: false,
            accountability: Vec::new(),
            accountability_basis: Vec::new(),
            supervision: Vec::new(),
            remedies: Vec::new(),
            implementation: None,
            forwarded: false,
            entrusted_out: false,
            shared: false,
            basic_code: None,
            implementation_code: None,
            levels: Vec::new(),
            licensing: None,
            penalty: None,
            inspection: None,
            levy: None,
            flowchart: None,
            basis: Vec::new(),
            responsibility: Vec::new(),
            sub: Vec::new(),
            former_codes: Vec::new(),
            successors: Vec::new(),
            parent: None,
            local: false,
        }
    }

    /// Whether the item counts on `date`: it is not suspended, its effective
    /// date has come, and it has not ended by then. An item that has since
    /// ended (cancelled in 2023, say) still counts on a date before its end.
    pub fn in_force_on(&self, date: Date) -> bool {
        in_force(self.status, self.effective, self.ended, date)
    }

    /// The sub-items in force on `date` (none when the item itself is not).
    pub fn subs_on(&self, date: Date) -> impl Iterator<Item = &SubItem> {
        let item_in_force = self.in_force_on(date);
        self.sub.iter().filter(move |s| {
            item_in_force
                && in_force(
                    s.status,
                    s.effective.unwrap_or(self.effective),
                    s.ended,
                    date,
                )
        })
    }

    /// Units on `date` (含子项 count): the number of sub-items in force, or 1
    /// for an item in force without any; 0 when the item is not in force.
    pub fn units_on(&self, date: Date) -> usize {
        if !self.in_force_on(date) {
            return 0;
        }
        self.subs_on(date).count().max(1)
    }

    /// The published order of items: by category (in the order of
    /// [`Category::ALL`]), then by code (as text).
    pub fn published_order(a: &Self, b: &Self) -> std::cmp::Ordering {
        (a.category, &a.code).cmp(&(b.category, &b.code))
    }

    /// Whether the element is marked as reconstructed.
    pub fn is_reconstructed(&self, element: Element) -> bool {
        self.reconstructed.contains(&element)
    }
}

/// The file `registry/<authority>/items/<name>.toml`: a group of items.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ItemsFile {
    /// The items, in the order they are listed.
    #[serde(default)]
    pub item: Vec<Item>,
}
