//! Delegation agreements (`agreements/*.toml`) and case statistics
//! (`statistics/*.toml`).

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::model::{Date, DocNumber, Id};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A stage of handling that an agreement entrusts (委托权限).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Stage {
    /// 受理.
    Accept,
    /// 审查.
    Review,
    /// 决定.
    Decide,
    /// 送达.
    Deliver,
    /// 监管 / 检查.
    Supervise,
}

impl Stage {
    /// The Chinese name.
    pub fn zh(self) -> &'static str {
        match self {
            Self::Accept => "受理",
            Self::Review => "审查",
            Self::Decide => "决定",
            Self::Deliver => "送达",
            Self::Supervise => "监管",
        }
    }
}

/// In whose name an entrusted power is exercised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Mode {
    /// 以委托机关名义 (the default for entrustment).
    #[default]
    EntrusterName,
}

/// One item an agreement entrusts, with its scope.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AgreementItem {
    /// The item's stable id in the entrusted authority's list.
    pub item: Id,
    /// The stages entrusted.
    pub scope: Vec<Stage>,
    /// Whether the item is entrusted in full (全部) or in part (部分).
    #[serde(default = "yes")]
    pub full: bool,
    /// Limits of a partial entrustment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
}

fn yes() -> bool {
    true
}

/// A delegation agreement (委托协议): the file
/// `registry/<authority>/agreements/<id>.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Agreement {
    /// Stable id, also the file's name.
    pub id: Id,
    /// Title, e.g. `行政职权委托协议书`.
    pub title: String,
    /// 委托机关.
    pub entruster: Id,
    /// 受委托机关: the authority holding the list.
    pub entrusted: Id,
    /// In whose name the powers are exercised.
    #[serde(default)]
    pub mode: Mode,
    /// Date signed.
    pub signed: Date,
    /// First day of the term.
    pub term_start: Date,
    /// Last day of the term; absent means "until the deciding document is repealed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term_end: Option<Date>,
    /// The deciding documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decided_by: Vec<DocNumber>,
    /// 权利义务.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rights_obligations: Vec<String>,
    /// 责任划分.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibility: Vec<String>,
    /// 监督措施.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supervision: Vec<String>,
    /// 终止、收回、续签条件.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub termination: Vec<String>,
    /// True when the agreement's text is a reconstruction.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
    /// The items entrusted and their scope.
    #[serde(default)]
    pub items: Vec<AgreementItem>,
}

impl Agreement {
    /// Whether the agreement is in force on `date` (its term is inclusive).
    pub fn in_force_on(&self, date: Date) -> bool {
        self.term_start <= date && self.term_end.is_none_or(|e| date <= e)
    }

    /// Whether the agreement lists the item with the given id.
    pub fn lists(&self, item: &Id) -> bool {
        self.items.iter().any(|a| &a.item == item)
    }
}

/// The file `registry/<authority>/statistics/<year>.toml`: cases handled in a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Statistics {
    /// The calendar year.
    pub year: i16,
    /// True when the split of cases over items is a reconstruction.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
    /// Cases handled, by item id.
    #[serde(default)]
    pub cases: IndexMap<Id, u32>,
}
