//! Authorities, deciding documents and the facts of a list: the shared
//! files `authorities.toml` and `documents.toml`, and `list.toml`.

use serde::{Deserialize, Serialize};

use crate::model::{Date, DocNumber, Id, Version};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// The level of government an authority belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Level {
    /// 国家 (State Council departments).
    National,
    /// 省级.
    Province,
    /// 地级市 (prefecture-level city).
    Prefecture,
    /// 县级 (county, district, county-level city).
    County,
    /// 乡镇 / 街道.
    Township,
}

impl Level {
    /// The id used in files and JSON.
    pub fn id(self) -> &'static str {
        match self {
            Self::National => "national",
            Self::Province => "province",
            Self::Prefecture => "prefecture",
            Self::County => "county",
            Self::Township => "township",
        }
    }

    /// The Chinese name (`省级`, `市级`, …).
    pub fn zh(self) -> &'static str {
        match self {
            Self::National => "国家级",
            Self::Province => "省级",
            Self::Prefecture => "市级",
            Self::County => "县级",
            Self::Township => "乡镇级",
        }
    }
}

/// A government authority (机关): the holder of a list, or a grantor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Authority {
    /// Stable id, also the name of the authority's directory in the registry.
    pub id: Id,
    /// Official Chinese name, e.g. `广州市工业和信息化局`.
    pub name: String,
    /// English name, used by `--lang en`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Level of government.
    pub level: Level,
    /// Administrative division code (行政区划代码), six digits, e.g. `440100`.
    pub region: String,
}

/// The file `registry/authorities.toml`: every authority the registry names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AuthoritiesFile {
    /// The authorities, in the order they are listed.
    #[serde(default)]
    pub authority: Vec<Authority>,
}

/// A deciding document (文件依据): a decree, a decision, a notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Document number (文号), the key by which data refers to it.
    pub number: DocNumber,
    /// Title.
    pub title: String,
    /// Issuing authority, as printed on the document.
    pub issuer: String,
    /// Date of issue.
    pub date: Date,
    /// True when the entry is a reconstruction, not taken from the document.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
}

/// The file `registry/documents.toml`: the deciding documents data refers to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DocumentsFile {
    /// The documents, in the order they are listed.
    #[serde(default)]
    pub document: Vec<Document>,
}

/// The file `registry/<authority>/list.toml`: facts about one list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ListMeta {
    /// Title of the list, e.g. `广州市工业和信息化局权责清单`.
    pub title: String,
    /// Version of the list (semver, no build metadata).
    pub version: Version,
    /// A note shown with every output (e.g. that the data is reconstructed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// True when the list as a whole is a reconstruction, not the official list.
    #[serde(default, skip_serializing_if = "crate::model::serde_util::is_false")]
    pub reconstructed: bool,
    /// The hash of the last change-log entry (`sha256:…` or `sm3:…`), when
    /// the list has a change log; it seals the last entry as each entry's
    /// `previous` seals the one before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
    /// The list's settings of the rules that are local practice rather than
    /// national law (`[rules]`).
    #[serde(default, skip_serializing_if = "RuleSettings::is_default")]
    pub rules: RuleSettings,
    /// The lists above this one (`[[parent]]`): the grantors' lists its
    /// entrusted and devolved items come from, and the catalogue its items
    /// claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parent: Vec<ParentList>,
    /// How upstream changes are answered (`[upstream]`).
    #[serde(default, skip_serializing_if = "UpstreamSettings::is_default")]
    pub upstream: UpstreamSettings,
}

/// A list above (`[[parent]]` of list.toml).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ParentList {
    /// The parent list (its holder's id, a directory of the registry).
    pub list: Id,
    /// What it is to this list.
    pub kind: ParentKind,
}

/// What a parent list is to its child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ParentKind {
    /// The grantor's list: entrusted and devolved items name their item there.
    Grantor,
    /// A catalogue (基本目录) every item claims, unless declared local.
    Catalogue,
}

impl ParentKind {
    /// The id used in files.
    pub fn id(self) -> &'static str {
        match self {
            Self::Grantor => "grantor",
            Self::Catalogue => "catalogue",
        }
    }
}

/// The `[upstream]` table of list.toml.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct UpstreamSettings {
    /// Working days a list has to answer an upstream change (a law amended
    /// or repealed, a parent item changed): 20 when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline_working_days: Option<u32>,
}

impl UpstreamSettings {
    /// The deadline when the list does not set one.
    pub const DEFAULT_DEADLINE: u32 = 20;

    /// The deadline in working days.
    pub fn deadline(&self) -> u32 {
        self.deadline_working_days.unwrap_or(Self::DEFAULT_DEADLINE)
    }

    fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// The `[rules]` table of `list.toml`: the settings of the rules that are
/// local practice, which differ from province to province. Rules of
/// national law cannot be set here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RuleSettings {
    /// The fewest tiers a penalty's discretion benchmark may have (rule
    /// `discretion-tiers`); 3 when absent, as most provinces require.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discretion_tiers: Option<u32>,
    /// Warning rules this list does not follow (by id, e.g.
    /// `penalty-provision`). Error rules cannot be turned off.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub off: Vec<String>,
}

impl RuleSettings {
    /// The tiers required when the list does not say.
    pub const DEFAULT_DISCRETION_TIERS: u32 = 3;

    /// The fewest tiers a discretion benchmark may have.
    pub fn discretion_tiers(&self) -> u32 {
        self.discretion_tiers
            .unwrap_or(Self::DEFAULT_DISCRETION_TIERS)
    }

    fn is_default(&self) -> bool {
        self == &Self::default()
    }
}
