//! The change log: one TOML file per adjustment under
//! `registry/<authority>/changelog/<version>.toml`, chained by hashes.

use std::borrow::Cow;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::{Agreement, Category, Item, SubItem};
use crate::model::{Code, Date, DocNumber, Id, Version};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A deciding document as an entry records it: everything needed to cite it,
/// so that the entry is complete on its own and its hash covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Document number (文号).
    pub number: DocNumber,
    /// Title.
    pub title: String,
    /// Issuing authority.
    pub issuer: String,
    /// Date of issue.
    pub date: Date,
}

/// One typed operation of an adjustment. The `kind` key names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Op {
    /// 新增: a new item of the body's own power (or authorized by law).
    Add {
        /// The new item.
        item: Arc<Item>,
    },
    /// 取消: the item ends; its code is never reused.
    Cancel {
        /// The item's code.
        code: Code,
    },
    /// 变更: element values change (name, bases, limits, body, unit, …).
    //
    // `set` is a `toml::Table`, the one toml type of the public API, for a
    // reason: it is the `[op.set]` table of the change-log file exactly as
    // written, whose bytes the hash chain seals; its keys are those of
    // `[[item]]`. Every result type (diffs, stats, catalogues) uses
    // `serde_json::Value` or quanze's own types.
    Modify {
        /// The item's code.
        code: Code,
        /// The new values, by key of `[[item]]`.
        #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
        #[cfg_attr(
            feature = "schema",
            schemars(with = "serde_json::Map<String, serde_json::Value>")
        )]
        set: toml::Table,
        /// Optional keys to remove.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unset: Vec<String>,
    },
    /// 合并: items merge into one; their codes end and point to it.
    Merge {
        /// The items that merge.
        codes: Vec<Code>,
        /// The item that takes them over: an existing code, or …
        #[serde(default, skip_serializing_if = "Option::is_none")]
        into: Option<Code>,
        /// … a new item.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        item: Option<Arc<Item>>,
    },
    /// 拆分: one item splits into new ones; its code ends and points to them.
    Split {
        /// The item that splits.
        code: Code,
        /// The new items.
        items: Vec<Item>,
    },
    /// 编码调整: the code changes; the old code resolves to the new one.
    Recode {
        /// The current code.
        code: Code,
        /// The new code.
        to: Code,
        /// Whether the sub-items' codes follow: each sub-item coded
        /// `<code>-…` becomes `<to>-…`, its old code kept in its
        /// `former_codes`. quanze writes `true` when it records a recode of
        /// an item with such sub-items (unless an operations file says
        /// `false`); an entry without it keeps the sub-items' codes, as
        /// entries written before it existed do.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carry_sub_codes: Option<bool>,
    },
    /// 调整类别: the category changes (and the code, when given).
    Reclassify {
        /// The item's code.
        code: Code,
        /// The new category.
        category: Category,
        /// A new code, when the change of category changes it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<Code>,
    },
    /// 承接下放: a new item devolved from above.
    ReceiveDevolved {
        /// The new item (source `devolved`).
        item: Arc<Item>,
    },
    /// 下放: the item leaves the list; a lower level takes it.
    DevolveOut {
        /// The item's code.
        code: Code,
    },
    /// 承接委托: a new entrusted item, under an agreement in force.
    ReceiveEntrusted {
        /// The new item (source `entrusted`).
        item: Arc<Item>,
        /// The agreement that entrusts it.
        agreement: Id,
    },
    /// 收回: an entrusted or devolved item is taken back.
    Withdraw {
        /// The item's code.
        code: Code,
    },
    /// 暂停.
    Suspend {
        /// The item's code.
        code: Code,
    },
    /// 恢复.
    Resume {
        /// The item's code.
        code: Code,
    },
    /// 子项增加.
    SubAdd {
        /// The item's code.
        code: Code,
        /// The new sub-item.
        sub: SubItem,
    },
    /// 子项减少: the sub-item ends (its record and code stay).
    SubRemove {
        /// The item's code.
        code: Code,
        /// The sub-item's code.
        sub: Code,
    },
    /// 子项变更.
    SubModify {
        /// The item's code.
        code: Code,
        /// The sub-item's code.
        sub: Code,
        /// The new values, by key of `[[item.sub]]`.
        #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
        #[cfg_attr(
            feature = "schema",
            schemars(with = "serde_json::Map<String, serde_json::Value>")
        )]
        set: toml::Table,
        /// Optional keys to remove.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unset: Vec<String>,
    },
    /// 签订委托协议.
    AgreementSign {
        /// The agreement.
        agreement: Box<Agreement>,
    },
    /// 变更委托协议.
    AgreementAmend {
        /// The agreement's id.
        agreement: Id,
        /// The new values, by key of the agreement file.
        #[serde(default, skip_serializing_if = "toml::Table::is_empty")]
        #[cfg_attr(
            feature = "schema",
            schemars(with = "serde_json::Map<String, serde_json::Value>")
        )]
        set: toml::Table,
        /// Optional keys to remove.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unset: Vec<String>,
    },
    /// 终止委托协议: the term ends on `term_end` (its last day).
    AgreementEnd {
        /// The agreement's id.
        agreement: Id,
        /// The last day in force.
        term_end: Date,
    },
}

macro_rules! op_kinds {
    ($( $variant:ident = $id:literal, $bump:ident, $zh:literal : $desc:literal; )*) => {
        /// The kind of an [`Op`], with its semver rule.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum OpKind { $( #[doc = $zh] $variant, )* }

        impl OpKind {
            /// Every kind, in documentation order.
            pub const ALL: &'static [OpKind] = &[ $( OpKind::$variant, )* ];

            /// The id used as `kind` in change-log files.
            pub fn id(self) -> &'static str {
                match self { $( OpKind::$variant => $id, )* }
            }

            /// The semver bump the operation requires.
            pub fn bump(self) -> Bump {
                match self { $( OpKind::$variant => Bump::$bump, )* }
            }

            /// The Chinese name.
            pub fn zh(self) -> &'static str {
                match self { $( OpKind::$variant => $zh, )* }
            }

            /// Why it requires that bump.
            pub fn rule(self) -> &'static str {
                match self { $( OpKind::$variant => $desc, )* }
            }
        }
    };
}

op_kinds! {
    Add = "add", Minor, "新增": "a new power: references stay valid";
    Cancel = "cancel", Major, "取消": "a power is removed: references to its code break";
    Modify = "modify", Patch, "变更": "element values change; the item and its code stay";
    Merge = "merge", Major, "合并": "codes end and point elsewhere: references must migrate";
    Split = "split", Major, "拆分": "a code ends and points to several: references must migrate";
    Recode = "recode", Major, "编码调整": "a code ends and points to its replacement: references must migrate";
    Reclassify = "reclassify", Major, "调整类别": "the class of a power changes: counts and references by class break";
    ReceiveDevolved = "receive-devolved", Minor, "承接下放": "a new power: references stay valid";
    DevolveOut = "devolve-out", Major, "下放": "a power leaves the list";
    ReceiveEntrusted = "receive-entrusted", Minor, "承接委托": "a new power: references stay valid";
    Withdraw = "withdraw", Major, "收回": "a power leaves the list";
    Suspend = "suspend", Major, "暂停": "a power is out of force";
    Resume = "resume", Minor, "恢复": "a power is back in force";
    SubAdd = "sub-add", Minor, "子项增加": "a new unit: references stay valid";
    SubRemove = "sub-remove", Major, "子项减少": "a unit is removed: references to its code break";
    SubModify = "sub-modify", Patch, "子项变更": "a unit's element values change";
    AgreementSign = "agreement-sign", Minor, "签订委托协议": "a new agreement";
    AgreementAmend = "agreement-amend", Patch, "变更委托协议": "an agreement's terms change";
    AgreementEnd = "agreement-end", Patch, "终止委托协议": "an agreement's term ends; the items it covered end by their own operations";
}

impl Op {
    /// The operation's kind.
    pub fn kind(&self) -> OpKind {
        match self {
            Self::Add { .. } => OpKind::Add,
            Self::Cancel { .. } => OpKind::Cancel,
            Self::Modify { .. } => OpKind::Modify,
            Self::Merge { .. } => OpKind::Merge,
            Self::Split { .. } => OpKind::Split,
            Self::Recode { .. } => OpKind::Recode,
            Self::Reclassify { .. } => OpKind::Reclassify,
            Self::ReceiveDevolved { .. } => OpKind::ReceiveDevolved,
            Self::DevolveOut { .. } => OpKind::DevolveOut,
            Self::ReceiveEntrusted { .. } => OpKind::ReceiveEntrusted,
            Self::Withdraw { .. } => OpKind::Withdraw,
            Self::Suspend { .. } => OpKind::Suspend,
            Self::Resume { .. } => OpKind::Resume,
            Self::SubAdd { .. } => OpKind::SubAdd,
            Self::SubRemove { .. } => OpKind::SubRemove,
            Self::SubModify { .. } => OpKind::SubModify,
            Self::AgreementSign { .. } => OpKind::AgreementSign,
            Self::AgreementAmend { .. } => OpKind::AgreementAmend,
            Self::AgreementEnd { .. } => OpKind::AgreementEnd,
        }
    }
}

/// A semver bump.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Bump {
    /// Descriptive edits.
    Patch,
    /// Additions.
    Minor,
    /// What breaks a reference or removes a power.
    Major,
}

impl Bump {
    /// The bump from `from` to `to`, or `None` when `to` is not greater.
    pub fn between(from: &Version, to: &Version) -> Option<Self> {
        let (a, b) = (from.semver(), to.semver());
        if b <= a {
            return None;
        }
        Some(if b.major > a.major {
            Self::Major
        } else if b.minor > a.minor {
            Self::Minor
        } else {
            Self::Patch
        })
    }

    /// The lowercase name.
    pub fn id(self) -> &'static str {
        match self {
            Self::Patch => "patch",
            Self::Minor => "minor",
            Self::Major => "major",
        }
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One adjustment: the file `changelog/<version>.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The version this adjustment produces.
    pub version: Version,
    /// The date it takes effect.
    pub date: Date,
    /// Why, in a sentence or two.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The hash of the previous entry (absent on the first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// The deciding documents.
    #[serde(default)]
    pub decided_by: Vec<Decision>,
    /// The upstream events this adjustment answers (`laws@<version>` for
    /// an entry of the laws log, `<parent list>@<version>` for an entry of
    /// a parent list): their pending effects on this list are resolved.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    /// The operations, applied in order.
    #[serde(default)]
    pub op: Vec<Op>,
}

impl Entry {
    /// The bump the operations require (patch for an entry without any).
    pub fn required_bump(&self) -> Bump {
        self.op
            .iter()
            .map(|o| o.kind().bump())
            .max()
            .unwrap_or(Bump::Patch)
    }
}

/// A hash algorithm for the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum HashAlg {
    /// SHA-256 (the default).
    #[default]
    Sha256,
    /// SM3, China's GB/T 32905-2016 hash.
    Sm3,
}

impl HashAlg {
    /// The prefix used in `previous` and `head` (`sha256`, `sm3`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Sha256 => "sha256",
            Self::Sm3 => "sm3",
        }
    }

    /// Reads the algorithm of a hash written `alg:hex`.
    pub fn of(hash: &str) -> Option<Self> {
        match hash.split_once(':')?.0 {
            "sha256" => Some(Self::Sha256),
            "sm3" => Some(Self::Sm3),
            _ => None,
        }
    }

    /// Hashes `bytes`, written `alg:hex`.
    pub fn hash(self, bytes: &[u8]) -> String {
        use sha2::Digest as _;
        let digest: Vec<u8> = match self {
            Self::Sha256 => sha2::Sha256::digest(bytes).to_vec(),
            Self::Sm3 => sm3::Sm3::digest(bytes).to_vec(),
        };
        let mut s = format!("{}:", self.id());
        for b in digest {
            s.push_str(&format!("{b:02x}"));
        }
        s
    }
}

/// The canonical bytes of an entry file, which its hash covers: the file's
/// text with a leading byte-order mark dropped and every CRLF turned into LF.
/// Every other byte counts, comments included: an entry, once written, is
/// never edited.
pub fn canonical_bytes(text: &str) -> Vec<u8> {
    canonical(text).into_owned()
}

/// `canonical_bytes` without a copy when the text has nothing to change.
pub(crate) fn canonical(text: &str) -> Cow<'_, [u8]> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").into_bytes())
    } else {
        Cow::Borrowed(text.as_bytes())
    }
}

/// An entry as read from disk, with its file and hash.
#[derive(Debug, Clone)]
pub struct LoggedEntry {
    /// The entry.
    pub entry: Entry,
    /// Its file.
    pub file: PathBuf,
    /// The hash of its canonical bytes, with the algorithm of its own
    /// `previous` (SHA-256 for the first entry unless the next says otherwise).
    pub text: String,
}

impl LoggedEntry {
    /// The entry's hash with the given algorithm.
    pub fn hash(&self, alg: HashAlg) -> String {
        alg.hash(&canonical(&self.text))
    }

    /// The entry's hash with the algorithm of its own `previous` link
    /// (SHA-256 for the first entry), as `quanze log` shows it.
    pub fn own_hash(&self) -> String {
        let alg = self
            .entry
            .previous
            .as_deref()
            .and_then(HashAlg::of)
            .unwrap_or_default();
        self.hash(alg)
    }
}

/// The file name of the entry for `version`.
pub(crate) fn file_name(version: &Version) -> String {
    format!("{version}.toml")
}
