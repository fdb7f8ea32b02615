//! The one table of rules: every validation rule of `quanze check` and
//! every check of `quanze audit`, each with its stable id, scope, severity,
//! description, documentation and fixture. A new rule is one line here (and
//! its check, and its fixture, which a test requires).

use std::fmt;
use std::str::FromStr;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum Severity {
    /// Must be fixed: the list or its history is wrong.
    Error,
    /// Needs attention soon.
    Warning,
}

impl Severity {
    /// The lowercase name.
    pub fn id(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warning => "warning",
        }
    }
}

/// Where a rule is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Scope {
    /// A validation rule of `quanze check` (and of every write).
    Lint,
    /// A check of `quanze audit` over a list's history.
    Audit,
    /// Both.
    Both,
}

macro_rules! rules {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $scope:ident, $severity:ident : $desc:literal, )*) => {
        /// A rule. Every [`Diagnostic`](crate::Diagnostic) and every audit
        /// finding names the rule it reports.
        ///
        /// Rules are data: each has a stable id (used in messages, fixtures
        /// and docs), a scope, a severity and a description. [`Rule::ALL`]
        /// lists them all; [`Rule::from_str`] reads an id and refuses an
        /// unknown one.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Rule {
            $( $(#[$doc])* $variant, )*
        }

        impl Rule {
            /// Every rule, in documentation order.
            pub const ALL: &'static [Rule] = &[ $( Rule::$variant, )* ];

            /// The stable id, e.g. `unknown-key`.
            pub fn id(self) -> &'static str {
                match self { $( Rule::$variant => $id, )* }
            }

            /// One sentence saying what the rule finds.
            pub fn description(self) -> &'static str {
                match self { $( Rule::$variant => $desc, )* }
            }

            /// Where it is checked.
            pub fn scope(self) -> Scope {
                match self { $( Rule::$variant => Scope::$scope, )* }
            }

            /// How serious what it finds is.
            pub fn severity(self) -> Severity {
                match self { $( Rule::$variant => Severity::$severity, )* }
            }
        }
    };
}

rules! {
    /// A file that must exist is missing, or cannot be read as UTF-8 text.
    MissingFile = "missing-file", Lint, Error: "a required file (authorities.toml, list.toml) is missing or is not UTF-8 text",
    /// The file is not valid TOML.
    Syntax = "syntax", Lint, Error: "the file is not valid TOML",
    /// A key the format does not define.
    UnknownKey = "unknown-key", Lint, Error: "a key that the format does not define (with the closest known key as a suggestion)",
    /// A required key is absent.
    MissingKey = "missing-key", Lint, Error: "a required key is absent",
    /// A value of the wrong type, or not one of the allowed words.
    InvalidValue = "invalid-value", Lint, Error: "a value of the wrong type, or a word that is not one of the allowed values",
    /// A code, date, version, region or document number that is malformed.
    MalformedValue = "malformed-value", Lint, Error: "a code, date, version, region code or document number that is malformed",
    /// An id that is not safe as a file name.
    UnsafeId = "unsafe-id", Lint, Error: "an id (or a directory or file named by one) that is not safe as a file name",
    /// A required text is blank.
    BlankText = "blank-text", Lint, Error: "a required text (a name, a title, a body) is blank",
    /// A text with a control character or a bidirectional override.
    ControlCharacter = "control-character", Lint, Error: "a text holds a control character (a line break only where the field is prose) or a bidirectional override, which would act on a terminal or reorder what a reader sees",
    /// Two records share an id.
    DuplicateId = "duplicate-id", Lint, Error: "two authorities, items, agreements or documents share an id or number",
    /// Two items share a code.
    DuplicateCode = "duplicate-code", Lint, Error: "two items of one list share a code (ended items keep theirs: codes are never reused)",
    /// Two sub-items share a code, or a sub-item has an item's code.
    DuplicateSubCode = "duplicate-sub-code", Lint, Error: "two sub-items share a code, or a sub-item has the code of an item",
    /// A file name that does not match the record it holds.
    FileName = "file-name", Lint, Error: "an agreement or statistics file whose name does not match its id or year, or a list directory that is no authority",
    /// An authority id that `authorities.toml` does not define.
    UnknownAuthority = "unknown-authority", Lint, Error: "an authority id that authorities.toml does not define",
    /// A document number that `documents.toml` does not define.
    UnknownDocument = "unknown-document", Lint, Error: "a document number that documents.toml does not define",
    /// An own item that names a grantor.
    OwnWithGrantor = "own-with-grantor", Lint, Error: "an item of the body's own power that names a grantor",
    /// An entrusted, devolved or authorized item without its grantor.
    MissingGrantor = "missing-grantor", Lint, Error: "an entrusted, devolved or authorized item without the authority that granted it",
    /// A devolved or authorized item without its deciding document.
    MissingSourceDocument = "missing-source-document", Lint, Error: "a devolved or authorized item without the document that decided it",
    /// An entrusted item not covered by an agreement in force.
    EntrustedWithoutAgreement = "entrusted-without-agreement", Both, Error: "an entrusted item without an agreement in force that lists it with the same entrusting authority, on some day it is in force",
    /// An agreement that lists an item the list does not hold.
    AgreementUnknownItem = "agreement-unknown-item", Lint, Error: "an agreement that lists an item the list does not hold",
    /// An agreement whose parties do not fit the list.
    AgreementParties = "agreement-parties", Lint, Error: "an agreement in which the list's holder is neither the entrusted authority nor the entruster, or both, or that entrusts out an item the holder itself holds by entrustment (不得再委托)",
    /// Entrusted-out items and the agreements that entrust them out disagree.
    EntrustedOut = "entrusted-out", Lint, Error: "an item marked `entrusted_out` that no agreement of the holder's entrusts out, or an item such an agreement lists that is not marked",
    /// A licensing unit without its legal and promised limits or handling type.
    MissingLimits = "missing-limits", Lint, Error: "a unit handled on application (licensing) without legal and promised time limits and a handling type",
    /// A promised limit above the legal one.
    PromisedExceedsLegal = "promised-exceeds-legal", Lint, Error: "a promised time limit longer than the legal one",
    /// A licence set by a norm that may not set one.
    LicensingBasisLevel = "licensing-basis-level", Lint, Error: "a licensing item whose setting basis is of a level that may not set a licence: a departmental rule or a normative document (行政许可法 第十四条至第十七条)",
    /// A power without a legal basis (职权法定).
    MissingSettingBasis = "missing-setting-basis", Lint, Error: "a power that is in force or suspended without a setting basis: under 职权法定 a power without a legal basis is to be cancelled (public services are exempt)",
    /// A time limit in a unit the law for the class does not count in.
    TimeLimitUnit = "time-limit-unit", Lint, Error: "a time limit in a unit that contradicts the law for its class: licensing limits are working days (行政许可法 第八十二条), coercion limits of ten days or less are working days (行政强制法 第六十九条)",
    /// A penalty that names no penalty provision.
    PenaltyProvision = "penalty-provision", Lint, Warning: "a penalty in force or suspended that names no penalty provision (`penalty.provision`), which list rules require beside the violated provision",
    /// Cells of an imported spreadsheet that no field holds yet.
    UnmappedCells = "unmapped-cells", Lint, Warning: "an item holding cells of an imported spreadsheet that no field holds (`unmapped`): move each into its field, or drop it, then remove the note",
    /// A discretion benchmark with too few tiers.
    DiscretionTiers = "discretion-tiers", Lint, Warning: "a penalty's discretion benchmark (裁量基准), where it has one, with fewer tiers than the list requires (`[rules] discretion_tiers` in list.toml, 3 when absent)",
    /// A flowchart that is missing, unsafe or changed.
    Flowchart = "flowchart", Lint, Error: "an item's flowchart file (权力运行流程图) that is missing, not an SVG or PNG directly under `flowcharts/`, a link, larger than 2 MiB, or changed without a recorded adjustment (its hash differs from the item's)",
    /// A rule setting of list.toml that cannot be honoured.
    RuleSetting = "rule-setting", Lint, Error: "a `[rules]` setting of list.toml that names an unknown rule, or turns off a rule of national law (only warnings can be turned off)",
    /// A basis naming a law id the laws file does not hold.
    UnknownLaw = "unknown-law", Lint, Error: "a legal basis whose `law` names an id that laws/laws.toml does not hold",
    /// A basis citing a law not in force.
    LawNotInForce = "law-not-in-force", Lint, Warning: "an item in force whose basis cites a law that is not in force on the day checked (repealed, or not yet effective): the item must be re-based or cancelled, within the deadline its pending effect gives",
    /// An article the law does not have.
    UnknownArticle = "unknown-article", Lint, Warning: "a legal basis citing an article that its law, whose articles are listed, does not have (a warning: an amendment that renumbers articles must not refuse every write of every list citing the law; its pending effect tracks the gap)",
    /// A basis citing by title a law the laws file has.
    BasisLawId = "basis-law-id", Lint, Warning: "a legal basis that cites by title or number a law of laws/laws.toml without its `law` id: adding the id lets impact and pending effects follow it",
    /// A parent item that does not exist or is not in force.
    ParentItem = "parent-item", Lint, Error: "an item whose claimed parent item is in no parent list the list declares, or does not exist there; a parent list declared twice, that is the list itself or not in the registry, or that names this list as its own parent",
    /// A parent item that ended or is suspended.
    ParentNotInForce = "parent-not-in-force", Lint, Warning: "an item in force whose claimed parent item is not in force on the day checked (cancelled, merged, suspended, …): follow the parent's adjustment within the deadline its pending effect gives",
    /// An item that deviates from its parent undeclared.
    ParentDeviation = "parent-deviation", Lint, Warning: "an item whose name, category, setting basis or time limit differs from its parent item's without `deviates` and a `reason` declaring it",
    /// An item of a derived list with no parent.
    ParentMissing = "parent-missing", Lint, Error: "an item in force of a catalogue-derived list with no parent and not declared `local`, an entrusted or devolved item whose grantor's list is a declared parent but that names no parent item, or a `local` item that claims one",
    /// Catalogue items no item claims.
    ParentUnclaimed = "parent-unclaimed", Lint, Warning: "items in force in a parent catalogue that no item of the list claims",
    /// An entry answering an upstream event that does not exist.
    UnknownUpstreamEvent = "unknown-upstream-event", Lint, Error: "a change-log entry whose `answers` names no entry of the laws log or of a declared parent list, or one dated after the answer",
    /// Implementation elements on an item that has sub-items.
    MisplacedImplementation = "misplaced-implementation", Lint, Error: "implementation elements on an item that has sub-items (they belong on the sub-items)",
    /// Dates out of order.
    DatesOutOfOrder = "dates-out-of-order", Lint, Error: "an end before a start: item, sub-item or agreement term dates out of order, or a sub-item outside its item's dates",
    /// An ended status without an end date.
    MissingEndDate = "missing-end-date", Lint, Error: "an item or sub-item whose status says it ended but which has no end date",
    /// Case statistics for an item the list does not hold.
    StatisticsUnknownItem = "statistics-unknown-item", Lint, Error: "case statistics for an item the list does not hold",
    /// A change-log entry without a deciding document.
    MissingDecision = "missing-decision", Lint, Error: "a change-log entry that names no deciding document",
    /// Versions that do not increase, or a bump smaller than the operations require.
    ChangelogVersion = "changelog-version", Lint, Error: "change-log versions that do not increase, or a version bump smaller than its operations require",
    /// Dates that go back while versions go forward.
    ChangelogDate = "changelog-date", Lint, Error: "a change-log entry dated before the entry it follows",
    /// An operation that does not fit the state it meets.
    ChangelogOp = "changelog-op", Lint, Error: "a change-log operation that does not fit the list it applies to (cancel a code not in force, merge into a missing item, entrust without an agreement, reuse a code, …)",
    /// A broken hash chain.
    HashChain = "hash-chain", Both, Error: "a change-log entry changed after it was written: the hash chain (each entry's `previous`, list.toml's `head`) is broken",
    /// list.toml's version or head does not match the change log.
    HeadMismatch = "head-mismatch", Lint, Error: "list.toml's version is not the last change-log entry's version",
    /// The files differ from what the change log says.
    UnrecordedChange = "unrecorded-change", Both, Error: "a difference between the list files and the replayed change log that no entry records",
    /// An entry bumped less than its operations require.
    BumpTooSmall = "bump-too-small", Audit, Error: "an entry whose declared version bump is smaller than its operations require, or versions that do not increase",
    /// An entry without a deciding document.
    UndecidedChange = "undecided-change", Audit, Error: "a change-log entry that names no deciding document",
    /// An operation that does not fit the list.
    InvalidOperation = "invalid-operation", Audit, Error: "a change-log operation that does not fit the list it applies to",
    /// An agreement ended while items rely on it.
    AgreementExpired = "agreement-expired", Audit, Error: "an agreement whose term has ended while items it lists are still in force",
    /// An agreement that items rely on, ending soon.
    AgreementExpiring = "agreement-expiring", Audit, Warning: "an agreement that items rely on and whose term ends within the given number of days",
    /// A code given to a second item.
    CodeReused = "code-reused", Audit, Error: "a code that was given to another item after it had been used (codes are never reused)",
    /// An upstream change left unanswered past its deadline.
    UpstreamOverdue = "upstream-overdue", Audit, Error: "a pending effect of an upstream change (a cited law amended or repealed, a parent item changed) that no adjustment of the list has answered by its deadline",
    /// An upstream change not yet answered.
    UpstreamPending = "upstream-pending", Audit, Warning: "a pending effect of an upstream change that the list has still to answer, within its deadline",
    /// A successor that is not in the list.
    DanglingSuccessor = "dangling-successor", Audit, Error: "a merged or split item whose successor is not in the list",
}

impl Rule {
    /// Whether `quanze check` checks it.
    pub fn is_lint(self) -> bool {
        matches!(self.scope(), Scope::Lint | Scope::Both)
    }

    /// Whether `quanze audit` reports it.
    pub fn is_audit(self) -> bool {
        matches!(self.scope(), Scope::Audit | Scope::Both)
    }

    /// The page and section of the documentation that describes it.
    pub fn docs(self) -> &'static str {
        if self.is_lint() {
            "docs/format.md#validation-rules"
        } else {
            "docs/auditing.md#findings"
        }
    }

    /// The fixtures that break it: `tests/fixtures/invalid/<id>` for a
    /// validation rule, `tests/fixtures/audit/<id>` for an audit check.
    pub fn fixtures(self) -> Vec<String> {
        let mut out = Vec::new();
        if self.is_lint() {
            out.push(format!("tests/fixtures/invalid/{}", self.id()));
        }
        if self.is_audit() {
            out.push(format!("tests/fixtures/audit/{}", self.id()));
        }
        out
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// A rule id that the table does not hold.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule `{0}`")]
pub struct UnknownRule(pub String);

impl FromStr for Rule {
    type Err = UnknownRule;

    /// The rule with this id; an unknown id is an error, never a fallback.
    fn from_str(s: &str) -> Result<Self, UnknownRule> {
        Self::ALL
            .iter()
            .copied()
            .find(|r| r.id() == s)
            .ok_or_else(|| UnknownRule(s.to_owned()))
    }
}

impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}
