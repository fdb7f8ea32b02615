//! The semantic rules of a registry, checked over the whole of it: every
//! problem is reported, each located at the key it concerns.

pub(crate) mod check;
mod upstream;

pub(crate) use upstream::deviations;

pub use check::{CheckOptions, CheckReport};

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Location, Rule};
use crate::history::{by_id, table_differences};
use crate::io::Error;
use crate::model::{Date, Id, Implementation, Item, List, Registry, Source};

/// Reads files again to locate problems found after parsing; each file is
/// read, kept and parsed at most once per run, and only when a problem
/// needs it.
struct Locator {
    texts: HashMap<PathBuf, Option<String>>,
    /// The spans of each file's keys, parsed once, when a first
    /// diagnostic of the file needs a place.
    spans: HashMap<PathBuf, Option<crate::io::decode::SpanIndex>>,
}

impl Locator {
    fn new(texts: HashMap<PathBuf, Option<String>>) -> Self {
        Self {
            texts,
            spans: HashMap::new(),
        }
    }

    fn locate(&mut self, file: &Path, key: &str, on_key: bool) -> Option<Location> {
        let text = self
            .texts
            .entry(file.to_owned())
            .or_insert_with(|| std::fs::read_to_string(file).ok())
            .as_deref()?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let index = self
            .spans
            .entry(file.to_owned())
            .or_insert_with(|| crate::io::decode::SpanIndex::new(text))
            .as_ref()?;
        Some(Location::of(text, index.span(key, on_key)))
    }
}

struct Checker<'a> {
    reg: &'a Registry,
    as_of: Date,
    locator: Locator,
    out: Vec<Diagnostic>,
}

const MEMORY: &str = "<memory>";

impl Checker<'_> {
    fn push(
        &mut self,
        rule: Rule,
        file: &Path,
        key: String,
        message: String,
        found: Option<String>,
        expected: &str,
    ) {
        let location = if file == Path::new(MEMORY) {
            None
        } else {
            // Problems with a map key (an unknown item id among the cases)
            // point at the key; all others at the value.
            self.locator
                .locate(file, &key, rule == Rule::StatisticsUnknownItem)
        };
        let mut d = Diagnostic::new(rule, file, key, message)
            .at(location)
            .expected(expected);
        d.found = found;
        self.out.push(d);
    }
}

impl Registry {
    /// Reads and validates the registry at `root`, with agreements checked up
    /// to today.
    ///
    /// # Errors
    /// [`Error::Io`] when something cannot be read; [`Error::Invalid`] with
    /// every problem when any is found.
    pub fn open(root: impl AsRef<Path>) -> Result<Self, Error> {
        let loaded = Self::load(root)?;
        let mut problems = loaded.problems;
        problems.extend(loaded.registry.validate(Date::today()));
        // Warnings are reported by `check`; only errors refuse the registry.
        problems.retain(Diagnostic::is_error);
        if problems.is_empty() {
            Ok(loaded.registry)
        } else {
            Err(Error::Invalid(problems))
        }
    }

    /// Checks every semantic rule over the whole registry and returns every
    /// problem, each with its file, location and key path.
    ///
    /// Entrusted items are checked for agreement cover on every day they are
    /// in force up to `as_of` (usually today).
    pub fn validate(&self, as_of: Date) -> Vec<Diagnostic> {
        let mut out = self.validate_shared();
        // Lists are independent: they are checked in parallel and their
        // problems taken in list order.
        let lists: Vec<&List> = self.lists.values().collect();
        for problems in crate::io::par_map(lists, |list| self.validate_list(list, as_of)) {
            out.extend(problems);
        }
        out
    }

    /// Whether the list's history can be trusted: the hash chain holds
    /// (every entry as it was written, `head` sealing the last), list.toml's
    /// version is the last entry's, and the files hold nothing the change
    /// log does not record. Returns those problems only (empty when the
    /// history verifies); [`Registry::validate_list`] gives every rule.
    ///
    /// Every command that reads a list's history asks this first.
    pub fn verify_list(&self, list: &List) -> Vec<Diagnostic> {
        let mut c = Checker {
            reg: self,
            as_of: Date::today(),
            locator: Locator::new(HashMap::new()),
            out: Vec::new(),
        };
        let meta_file: PathBuf = list
            .origin
            .meta
            .as_deref()
            .map_or_else(|| PathBuf::from(MEMORY), Path::to_owned);
        c.changelog(list, &meta_file);
        c.out.retain(|d| {
            matches!(
                d.rule,
                Rule::HashChain | Rule::HeadMismatch | Rule::UnrecordedChange | Rule::ChangelogOp
            )
        });
        c.out
    }

    /// Checks the shared files (`authorities.toml`, `documents.toml`): the
    /// part of [`Registry::validate`] that concerns no list.
    pub fn validate_shared(&self) -> Vec<Diagnostic> {
        let mut c = Checker {
            reg: self,
            as_of: Date::today(),
            locator: Locator::new(HashMap::new()),
            out: Vec::new(),
        };
        c.authorities();
        c.documents();
        c.laws();
        c.out
    }

    /// The rules that compare `list` with its parent lists (which must be
    /// among `self.lists` to be compared).
    pub fn validate_parents(&self, list: &List, as_of: Date) -> Vec<Diagnostic> {
        let mut c = Checker {
            reg: self,
            as_of,
            locator: Locator::new(HashMap::new()),
            out: Vec::new(),
        };
        let meta_file: PathBuf = list
            .origin
            .meta
            .as_deref()
            .map_or_else(|| PathBuf::from(MEMORY), Path::to_owned);
        c.parents(list, &meta_file);
        let off = &list.meta.rules.off;
        c.out
            .retain(|d| d.is_error() || !off.iter().any(|id| id == d.rule.id()));
        c.out
    }

    /// Checks one list against the shared files of this registry: the part
    /// of [`Registry::validate`] that concerns `list`, which need not be
    /// one of `self.lists` (see [`Registry::scan`]). Nothing in a list's
    /// rules looks at another list.
    pub fn validate_list(&self, list: &List, as_of: Date) -> Vec<Diagnostic> {
        self.validate_list_in(list, as_of, HashMap::new())
    }

    /// [`Registry::validate_list`] of a list whose files are (some of
    /// them) not on disk yet: problems in those files are located in
    /// `texts`, by path (a write checks what it is about to write).
    pub(crate) fn validate_list_in(
        &self,
        list: &List,
        as_of: Date,
        texts: HashMap<PathBuf, String>,
    ) -> Vec<Diagnostic> {
        let mut c = Checker {
            reg: self,
            as_of,
            locator: Locator::new(texts.into_iter().map(|(k, v)| (k, Some(v))).collect()),
            out: Vec::new(),
        };
        c.list(list);
        // The warnings the list turned off (error rules cannot be).
        let off = &list.meta.rules.off;
        c.out
            .retain(|d| d.is_error() || !off.iter().any(|id| id == d.rule.id()));
        c.out
    }
}

/// The file the `n`th record of a kind came from (`<memory>` for a list
/// built in memory).
fn origin_file(files: &[std::sync::Arc<Path>], n: usize) -> PathBuf {
    files
        .get(n)
        .map_or_else(|| PathBuf::from(MEMORY), |p| p.to_path_buf())
}

/// The file and key path of the `n`th item of `list`.
fn item_origin(list: &List, n: usize) -> (PathBuf, String) {
    list.item_file(n).map_or_else(
        || (PathBuf::from(MEMORY), format!("item[{n}]")),
        |(f, k)| (f.to_owned(), k),
    )
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

impl Checker<'_> {
    fn authorities(&mut self) {
        for (id, a) in &self.reg.authorities {
            let Some(o) = self.reg.origin.authorities.get(id) else {
                continue;
            };
            let file = o.file.clone();
            let key = format!("authority[{}]", o.index);
            if a.region.len() != 6 || !a.region.bytes().all(|b| b.is_ascii_digit()) {
                self.push(
                    Rule::MalformedValue,
                    &file,
                    format!("{key}.region"),
                    format!("invalid region code {:?}", a.region),
                    Some(a.region.clone()),
                    "a six-digit administrative division code, e.g. \"440100\"",
                );
            }
            self.text(&file, || format!("{key}.name"), &a.name, false);
            if blank(&a.name) {
                self.push(
                    Rule::BlankText,
                    &file,
                    format!("{key}.name"),
                    "the authority's name is blank".into(),
                    None,
                    "the official name",
                );
            }
        }
    }

    fn documents(&mut self) {
        for (number, d) in &self.reg.documents {
            let Some(o) = self.reg.origin.documents.get(number) else {
                continue;
            };
            let file = o.file.clone();
            for (field, value) in [("title", &d.title), ("issuer", &d.issuer)] {
                self.text(
                    &file,
                    || format!("document[{}].{field}", o.index),
                    value,
                    false,
                );
                if blank(value) {
                    self.push(
                        Rule::BlankText,
                        &file,
                        format!("document[{}].{field}", o.index),
                        format!("the {field} of document `{number}` is blank"),
                        None,
                        "text",
                    );
                }
            }
        }
    }

    fn authority_known(&mut self, id: &Id, file: &Path, key: String) {
        if !self.reg.authorities.contains_key(id)
            && !self.reg.origin.unreadable.contains(id.as_str())
        {
            let suggestion =
                crate::diag::suggest(id.as_str(), self.reg.authorities.keys().map(Id::as_str))
                    .map(|s| format!("; did you mean `{s}`?"))
                    .unwrap_or_default();
            self.push(
                Rule::UnknownAuthority,
                file,
                key,
                format!("unknown authority `{id}`{suggestion}"),
                Some(id.to_string()),
                "an id defined in authorities.toml",
            );
        }
    }

    fn document_known(&mut self, number: &crate::DocNumber, file: &Path, key: String) {
        if !self.reg.documents.contains_key(number)
            && !self.reg.origin.unreadable.contains(number.as_str())
        {
            self.push(
                Rule::UnknownDocument,
                file,
                key,
                format!("unknown document `{number}`"),
                Some(number.to_string()),
                "a document number defined in documents.toml",
            );
        }
    }

    fn list(&mut self, list: &List) {
        let meta_file: PathBuf = list
            .origin
            .meta
            .as_deref()
            .map_or_else(|| PathBuf::from(MEMORY), Path::to_owned);
        if !self.reg.authorities.contains_key(&list.authority)
            && !self.reg.origin.unreadable.contains(list.authority.as_str())
        {
            self.push(
                Rule::FileName,
                &meta_file,
                String::new(),
                format!("list directory `{}` names no authority", list.authority),
                Some(list.authority.to_string()),
                "a directory named after an authority of authorities.toml",
            );
        }
        self.text(&meta_file, || "title".into(), &list.meta.title, false);
        if let Some(note) = &list.meta.note {
            self.text(&meta_file, || "note".into(), note, true);
        }
        if blank(&list.meta.title) {
            self.push(
                Rule::BlankText,
                &meta_file,
                "title".into(),
                "the list's title is blank".into(),
                None,
                "a title",
            );
        }

        self.rule_settings(list, &meta_file);
        let ids = self.items(list);
        self.agreements(list, &ids);
        self.changelog(list, &meta_file);
        self.parents(list, &meta_file);

        for (n, s) in list.statistics.iter().enumerate() {
            let file = origin_file(&list.origin.statistics, n);
            for id in s.cases.keys() {
                if !ids.contains(id) && !list.origin.unreadable.contains(id.as_str()) {
                    self.push(
                        Rule::StatisticsUnknownItem,
                        &file,
                        format!("cases.{id}"),
                        format!("cases for item `{id}`, which the list does not hold"),
                        Some(id.to_string()),
                        "the id of an item of the list",
                    );
                }
            }
        }
    }

    /// The rules over the items of a list: ids, codes, sub-items and each
    /// item's own rules. Returns the ids of the items.
    fn items<'l>(&mut self, list: &'l List) -> HashSet<&'l Id> {
        let mut ids: HashSet<&Id> = HashSet::new();
        let mut codes: HashSet<&str> = HashSet::new();
        for item in &list.items {
            codes.insert(item.code.as_str());
        }
        let mut seen_codes: HashSet<&str> = HashSet::new();
        let mut sub_codes: HashSet<&str> = HashSet::new();
        for (n, item) in list.items.iter().enumerate() {
            let (file, key) = item_origin(list, n);
            if !ids.insert(&item.id) {
                self.push(
                    Rule::DuplicateId,
                    &file,
                    format!("{key}.id"),
                    format!("duplicate item id `{}`", item.id),
                    Some(item.id.to_string()),
                    "an id no other item of the list has",
                );
            }
            if !seen_codes.insert(item.code.as_str()) {
                self.push(
                    Rule::DuplicateCode,
                    &file,
                    format!("{key}.code"),
                    format!("duplicate item code `{}`", item.code),
                    Some(item.code.to_string()),
                    "a code no other item of the list has, now or before (codes are never reused)",
                );
            }
            for (j, sub) in item.sub.iter().enumerate() {
                let skey = format!("{key}.sub[{j}]");
                if codes.contains(sub.code.as_str()) || !sub_codes.insert(sub.code.as_str()) {
                    self.push(
                        Rule::DuplicateSubCode,
                        &file,
                        format!("{skey}.code"),
                        format!(
                            "duplicate sub-item code `{}` (in item `{}`)",
                            sub.code, item.code
                        ),
                        Some(sub.code.to_string()),
                        "a code no other item or sub-item of the list has",
                    );
                }
                if blank(&sub.name) {
                    self.push(
                        Rule::BlankText,
                        &file,
                        format!("{skey}.name"),
                        format!("sub-item `{}` has a blank name", sub.code),
                        None,
                        "a name",
                    );
                }
            }
            self.item(list, item, &file, &key);
            self.item_laws(list, n, item);
        }
        ids
    }

    /// The rules over the agreements of a list.
    fn agreements(&mut self, list: &List, ids: &HashSet<&Id>) {
        for (n, a) in list.agreements.iter().enumerate() {
            let file = origin_file(&list.origin.agreements, n);
            let outgoing = a.entruster == list.authority;
            if a.entrusted != list.authority && !outgoing {
                self.push(
                    Rule::AgreementParties,
                    &file,
                    "entrusted".into(),
                    format!(
                        "agreement `{}` entrusts `{}`, and the list's holder is not its entruster either",
                        a.id, a.entrusted
                    ),
                    Some(a.entrusted.to_string()),
                    &format!(
                        "`{}`, the authority whose list holds the agreement (or it as the entruster, for powers it entrusts out)",
                        list.authority
                    ),
                );
            }
            if outgoing && a.entrusted == list.authority {
                self.push(
                    Rule::AgreementParties,
                    &file,
                    "entruster".into(),
                    format!("agreement `{}` has the list's holder entrust itself", a.id),
                    Some(a.entruster.to_string()),
                    "the higher authority that entrusts the powers, or the body the holder entrusts",
                );
            } else if outgoing {
                self.authority_known(&a.entrusted, &file, "entrusted".into());
                self.entrusted_out_items(list, a, &file);
            }
            self.authority_known(&a.entruster, &file, "entruster".into());
            self.text(&file, || "title".into(), &a.title, false);
            for (field, texts) in [
                ("rights_obligations", &a.rights_obligations),
                ("responsibility", &a.responsibility),
                ("supervision", &a.supervision),
                ("termination", &a.termination),
            ] {
                for (k, t) in texts.iter().enumerate() {
                    self.text(&file, || format!("{field}[{k}]"), t, true);
                }
            }
            if blank(&a.title) {
                self.push(
                    Rule::BlankText,
                    &file,
                    "title".into(),
                    format!("agreement `{}` has a blank title", a.id),
                    None,
                    "a title",
                );
            }
            if let Some(end) = a.term_end
                && end < a.term_start
            {
                self.push(
                    Rule::DatesOutOfOrder,
                    &file,
                    "term_end".into(),
                    format!(
                        "the term of agreement `{}` ends on {end}, before it starts on {}",
                        a.id, a.term_start
                    ),
                    Some(end.to_string()),
                    &format!("a date on or after term_start ({})", a.term_start),
                );
            }
            for (k, doc) in a.decided_by.iter().enumerate() {
                self.document_known(doc, &file, format!("decided_by[{k}]"));
            }
            for (k, entry) in a.items.iter().enumerate() {
                if !ids.contains(&entry.item)
                    && !list.origin.unreadable.contains(entry.item.as_str())
                {
                    self.push(
                        Rule::AgreementUnknownItem,
                        &file,
                        format!("items[{k}].item"),
                        format!(
                            "agreement `{}` lists item `{}`, which the list does not hold",
                            a.id, entry.item
                        ),
                        Some(entry.item.to_string()),
                        "the id of an item of the list",
                    );
                }
            }
        }
    }

    /// The change log: decisions, versions, dates, the hash chain, the replay
    /// and the head files against the replay.
    fn changelog(&mut self, list: &List, meta_file: &Path) {
        use crate::history::{History, chain_problem, version_problems};
        if list.log.is_empty() {
            if list.meta.head.is_some() {
                self.push(
                    Rule::HeadMismatch,
                    meta_file,
                    "head".into(),
                    "list.toml has a `head` hash but the list has no change log".into(),
                    None,
                    "no `head`, or a changelog/ directory",
                );
            }
            return;
        }
        for e in &list.log {
            if let Some(r) = &e.entry.reason {
                self.text(&e.file, || "reason".into(), r, true);
            }
            if e.entry.decided_by.is_empty() {
                self.push(
                    Rule::MissingDecision,
                    &e.file,
                    "version".into(),
                    format!("entry {} names no deciding document", e.entry.version),
                    None,
                    "one or more [[decided_by]] tables (number, title, issuer, date)",
                );
            }
        }
        let entries: Vec<&crate::model::Entry> = list.log.iter().map(|e| &e.entry).collect();
        for (n, message, what) in version_problems(&entries) {
            let (rule, key) = if what == "date" {
                (Rule::ChangelogDate, "date")
            } else {
                (Rule::ChangelogVersion, "version")
            };
            let e = &list.log[n];
            let found = if what == "date" {
                e.entry.date.to_string()
            } else {
                e.entry.version.to_string()
            };
            let expected = if what == "date" {
                "a date on or after the previous entry's"
            } else {
                "a version above the previous one, bumped at least as much as its operations require (see docs/adjusting.md)"
            };
            self.push(rule, &e.file, key.into(), message, Some(found), expected);
        }
        if !list.origin.unreadable_entries.is_empty() {
            // An entry that does not read leaves a gap: the chain, the head
            // and the replay are judged once it reads (its problem stands).
            return;
        }
        if let Some((n, message)) = chain_problem(&list.log, list.meta.head.as_deref()) {
            // Point at the entry that was changed, or at list.toml's head.
            let (file, key) = match list.log.get(n) {
                Some(e) => (e.file.clone(), "version"),
                None => (meta_file.to_owned(), "head"),
            };
            self.push(
                Rule::HashChain,
                &file,
                key.into(),
                message,
                None,
                "entries are never edited: record corrections as a new entry",
            );
        }
        let last = &list.log[list.log.len() - 1].entry;
        if list.meta.version != last.version {
            self.push(
                Rule::HeadMismatch,
                meta_file,
                "version".into(),
                format!(
                    "list.toml says version {}, but the change log ends at {}",
                    list.meta.version, last.version
                ),
                Some(list.meta.version.to_string()),
                &format!("{}, the last entry's version", last.version),
            );
        }
        let history = match History::replay(&list.authority, entries.iter().copied()) {
            Ok(h) => h,
            Err(crate::history::Error::Replay {
                entry: n,
                source: e,
                ..
            }) => {
                let entry = &list.log[n];
                self.push(
                    Rule::ChangelogOp,
                    &entry.file,
                    format!("op[{}]", e.index),
                    format!(
                        "entry {} operation {}: {}",
                        entry.entry.version, e.index, e.reason
                    ),
                    None,
                    "an operation that fits the list as the entries before it left it",
                );
                return;
            }
            Err(_) => return,
        };
        let Some(head) = history.head() else { return };
        self.replayed_items(list, meta_file, &head.state);
        self.replayed_agreements(list, meta_file, &head.state);
    }

    /// The item records of the files against the replayed head.
    fn replayed_items(&mut self, list: &List, meta_file: &Path, head: &crate::history::State) {
        let replayed = by_id(head.items.iter().map(|i| &**i));
        let files = by_id(&list.items);
        for (n, item) in list.items.iter().enumerate() {
            let (file, key) = item_origin(list, n);
            match replayed.get(&item.id) {
                None => self.push(
                    Rule::UnrecordedChange,
                    &file,
                    format!("{key}.id"),
                    format!(
                        "item `{}` ({}) is in the files, but no change-log entry adds it",
                        item.id, item.code
                    ),
                    Some(item.id.to_string()),
                    "an entry that adds it (quanze adjust)",
                ),
                // Equal records (nearly all) need no field-by-field look.
                Some(before) if *before == item => {}
                Some(before) => {
                    for (field, was, now) in table_differences(*before, item) {
                        self.push(
                            Rule::UnrecordedChange,
                            &file,
                            format!("{key}.{field}"),
                            format!(
                                "item `{}` ({}): `{field}` differs from the change log",
                                item.id, item.code
                            ),
                            Some(now),
                            &format!("{was}, as the change log has it"),
                        );
                    }
                }
            }
        }
        for item in &head.items {
            if !files.contains_key(&item.id) && !list.origin.unreadable.contains(item.id.as_str()) {
                self.push(
                    Rule::UnrecordedChange,
                    meta_file,
                    String::new(),
                    format!("item `{}` ({}) is in the change log but not in the files (items are never deleted; ended items keep their records)", item.id, item.code),
                    None,
                    "its [[item]] record in items/",
                );
            }
        }
    }

    /// The agreements of the files against the replayed head.
    fn replayed_agreements(&mut self, list: &List, meta_file: &Path, head: &crate::history::State) {
        for (n, a) in list.agreements.iter().enumerate() {
            let file = origin_file(&list.origin.agreements, n);
            match head.agreements.iter().find(|x| x.id == a.id) {
                None => self.push(
                    Rule::UnrecordedChange,
                    &file,
                    "id".into(),
                    format!(
                        "agreement `{}` is in the files, but no change-log entry signs it",
                        a.id
                    ),
                    Some(a.id.to_string()),
                    "an entry with `agreement-sign`",
                ),
                Some(before) => {
                    for (field, was, now) in table_differences(before, a) {
                        self.push(
                            Rule::UnrecordedChange,
                            &file,
                            field.clone(),
                            format!(
                                "agreement `{}`: `{field}` differs from the change log",
                                a.id
                            ),
                            Some(now),
                            &format!("{was}, as the change log has it"),
                        );
                    }
                }
            }
        }
        for a in &head.agreements {
            if !list.agreements.iter().any(|x| x.id == a.id)
                && !list.origin.unreadable_agreements.contains(a.id.as_str())
            {
                self.push(
                    Rule::UnrecordedChange,
                    meta_file,
                    String::new(),
                    format!(
                        "agreement `{}` is in the change log but not in the files",
                        a.id
                    ),
                    None,
                    &format!("agreements/{}.toml", a.id),
                );
            }
        }
    }

    /// Refuses control characters and bidirectional overrides in a text:
    /// a line break or tab only where the field is prose (`prose`).
    fn text(&mut self, file: &Path, key: impl FnOnce() -> String, value: &str, prose: bool) {
        // Nearly every text has none of the bytes that can start one.
        if !value
            .bytes()
            .any(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xd8 || b == 0xe2)
        {
            return;
        }
        let bad = value
            .chars()
            .find(|&c| crate::diag::hazardous(c) && !(prose && matches!(c, '\n' | '\t')));
        if let Some(c) = bad {
            self.push(
                Rule::ControlCharacter,
                file,
                key(),
                format!("a text holds the character U+{:04X}", u32::from(c)),
                Some(format!("{:?}", value.chars().take(40).collect::<String>())),
                if prose {
                    "text without control characters (line breaks and tabs are allowed here)"
                } else {
                    "text on one line, without control characters"
                },
            );
        }
    }

    /// A licence is set only by a law, an administrative regulation, a State
    /// Council decision (行政许可法 第十四条), a local regulation or a local
    /// government rule (第十五条); a departmental rule or another normative
    /// document may not set one (第十六条、第十七条), though either may be
    /// a basis of how it is exercised.
    fn licensing_basis(&mut self, item: &Item, file: &Path, key: &str) {
        if item.category != crate::model::Category::Licensing {
            return;
        }
        for (k, b) in item.basis.iter().enumerate() {
            if b.role == crate::model::BasisRole::Setting
                && matches!(
                    b.level,
                    crate::model::BasisLevel::DepartmentalRule
                        | crate::model::BasisLevel::NormativeDocument
                )
            {
                self.push(
                    Rule::LicensingBasisLevel,
                    file,
                    format!("{key}.basis[{k}].level"),
                    format!(
                        "licensing item `{}` is set by 《{}》, a {} ({}), which may not set a licence",
                        item.code,
                        b.title,
                        b.level.id(),
                        b.level.zh()
                    ),
                    Some(b.level.id().to_owned()),
                    "a setting basis that is a law, an administrative regulation, a State Council decision, a local regulation or a local government rule (行政许可法 第十四条、第十五条); a departmental rule or a normative document may be an implementing basis (`role = \"implementing\"`)",
                );
            }
        }
    }

    /// The texts of an item, its bases, responsibilities and sub-items.
    fn item_texts(&mut self, item: &Item, file: &Path, key: &str) {
        self.text(file, || format!("{key}.name"), &item.name, false);
        self.text(file, || format!("{key}.body"), &item.body, false);
        if let Some(u) = &item.unit {
            self.text(file, || format!("{key}.unit"), u, false);
        }
        if let Some(r) = &item.remarks {
            self.text(file, || format!("{key}.remarks"), r, true);
        }
        for (field, texts) in [
            ("accountability", &item.accountability),
            ("accountability_basis", &item.accountability_basis),
            ("supervision", &item.supervision),
            ("remedies", &item.remedies),
        ] {
            for (k, a) in texts.iter().enumerate() {
                self.text(file, || format!("{key}.{field}[{k}]"), a, true);
            }
        }
        for (k, b) in item.basis.iter().enumerate() {
            self.text(file, || format!("{key}.basis[{k}].title"), &b.title, false);
            for (field, v) in [("number", &b.number), ("article", &b.article)] {
                if let Some(v) = v {
                    self.text(file, || format!("{key}.basis[{k}].{field}"), v, false);
                }
            }
        }
        for (k, r) in item.responsibility.iter().enumerate() {
            self.text(
                file,
                || format!("{key}.responsibility[{k}].stage"),
                &r.stage,
                false,
            );
            self.text(
                file,
                || format!("{key}.responsibility[{k}].duty"),
                &r.duty,
                true,
            );
        }
        self.detail_texts(item, file, key);
        for (k, u) in item.unmapped.iter().enumerate() {
            self.text(file, || format!("{key}.unmapped[{k}].at"), &u.at, false);
            self.text(
                file,
                || format!("{key}.unmapped[{k}].heading"),
                &u.heading,
                true,
            );
            self.text(
                file,
                || format!("{key}.unmapped[{k}].value"),
                &u.value,
                true,
            );
        }
        for (j, s) in item.sub.iter().enumerate() {
            self.text(file, || format!("{key}.sub[{j}].name"), &s.name, false);
            if let Some(r) = &s.remarks {
                self.text(file, || format!("{key}.sub[{j}].remarks"), r, true);
            }
        }
    }

    fn item(&mut self, list: &List, item: &Item, file: &Path, key: &str) {
        self.item_texts(item, file, key);
        self.licensing_basis(item, file, key);
        self.setting_basis(item, file, key);
        self.penalty(list, item, file, key);
        self.flowchart(list, item, file, key);
        self.entrusted_out_flag(list, item, file, key);
        if let Some(u) = item.unmapped.first() {
            self.push(
                Rule::UnmappedCells,
                file,
                format!("{key}.unmapped"),
                format!(
                    "item `{}` holds {} cell(s) of an imported spreadsheet that no field holds, the first from {} ({})",
                    item.code,
                    item.unmapped.len(),
                    u.at,
                    u.heading
                ),
                Some(u.value.clone()),
                "each cell moved into its field (or dropped), and `unmapped` removed",
            );
        }
        for (field, value) in [("name", &item.name), ("body", &item.body)] {
            if blank(value) {
                self.push(
                    Rule::BlankText,
                    file,
                    format!("{key}.{field}"),
                    format!("item `{}` has a blank {field}", item.code),
                    None,
                    "text",
                );
            }
        }
        self.dates(item, file, key);
        self.source(list, item, file, key);
        self.implementation(item, file, key);
    }

    fn dates(&mut self, item: &Item, file: &Path, key: &str) {
        if item.status.is_ended() && item.ended.is_none() {
            self.push(
                Rule::MissingEndDate,
                file,
                format!("{key}.status"),
                format!(
                    "item `{}` is {} but has no `ended` date",
                    item.code,
                    item.status.id()
                ),
                Some(item.status.id().to_owned()),
                "an `ended` date (the first day the item is no longer in force)",
            );
        }
        if let Some(end) = item.ended
            && end <= item.effective
        {
            self.push(
                Rule::DatesOutOfOrder,
                file,
                format!("{key}.ended"),
                format!(
                    "item `{}` ends on {end}, not after it takes effect on {}",
                    item.code, item.effective
                ),
                Some(end.to_string()),
                &format!("a date after `effective` ({})", item.effective),
            );
        }
        for (j, sub) in item.sub.iter().enumerate() {
            let skey = format!("{key}.sub[{j}]");
            if sub.status.is_ended() && sub.ended.is_none() {
                self.push(
                    Rule::MissingEndDate,
                    file,
                    format!("{skey}.status"),
                    format!(
                        "sub-item `{}` is {} but has no `ended` date",
                        sub.code,
                        sub.status.id()
                    ),
                    Some(sub.status.id().to_owned()),
                    "an `ended` date",
                );
            }
            let start = sub.effective.unwrap_or(item.effective);
            if start < item.effective {
                self.push(
                    Rule::DatesOutOfOrder,
                    file,
                    format!("{skey}.effective"),
                    format!(
                        "sub-item `{}` takes effect on {start}, before its item (on {})",
                        sub.code, item.effective
                    ),
                    Some(start.to_string()),
                    &format!(
                        "a date on or after the item's `effective` ({})",
                        item.effective
                    ),
                );
            }
            if let Some(end) = sub.ended {
                if end <= start {
                    self.push(
                        Rule::DatesOutOfOrder,
                        file,
                        format!("{skey}.ended"),
                        format!(
                            "sub-item `{}` ends on {end}, not after it takes effect on {start}",
                            sub.code
                        ),
                        Some(end.to_string()),
                        &format!("a date after {start}"),
                    );
                } else if item.ended.is_some_and(|ie| end > ie) {
                    self.push(
                        Rule::DatesOutOfOrder,
                        file,
                        format!("{skey}.ended"),
                        format!(
                            "sub-item `{}` ends on {end}, after its item has ended",
                            sub.code
                        ),
                        Some(end.to_string()),
                        "a date on or before the item's `ended`",
                    );
                }
            }
        }
    }

    fn source(&mut self, list: &List, item: &Item, file: &Path, key: &str) {
        match (item.source, &item.grantor) {
            (Source::Own, Some(g)) => self.push(
                Rule::OwnWithGrantor,
                file,
                format!("{key}.grantor"),
                format!(
                    "item `{}` is the body's own power but names grantor `{g}`",
                    item.code
                ),
                Some(g.to_string()),
                "no grantor, or a source other than `own`",
            ),
            (Source::Own, None) => {}
            (source, None) => self.push(
                Rule::MissingGrantor,
                file,
                format!("{key}.source"),
                format!(
                    "{} item `{}` does not name the authority that granted it",
                    source.id(),
                    item.code
                ),
                None,
                "a `grantor` key with the granting authority's id",
            ),
            (_, Some(g)) => self.authority_known(g, file, format!("{key}.grantor")),
        }
        if matches!(item.source, Source::Devolved | Source::Authorized)
            && item.source_documents.is_empty()
        {
            self.push(
                Rule::MissingSourceDocument,
                file,
                format!("{key}.source"),
                format!(
                    "{} item `{}` does not name the document that decided it",
                    item.source.id(),
                    item.code
                ),
                None,
                "a `source_documents` list with the deciding document's number",
            );
        }
        for (k, doc) in item.source_documents.iter().enumerate() {
            self.document_known(doc, file, format!("{key}.source_documents[{k}]"));
        }
        // An agreement file that does not read may be the one that covers
        // the item: the check waits until every agreement reads, rather
        // than report an error for each item it covers.
        if item.source == Source::Entrusted
            && list.origin.unreadable_agreements.is_empty()
            && let Some(grantor) = &item.grantor
            && let Some(day) = uncovered_day(list, item, grantor, self.as_of)
        {
            self.push(
                        Rule::EntrustedWithoutAgreement,
                        file,
                        format!("{key}.source"),
                        format!(
                            "entrusted item `{}` has no agreement with `{grantor}` in force on {day} that lists it",
                            item.code
                        ),
                        Some(format!("no agreement covering {day}")),
                        &format!("an agreement of `{grantor}` listing item `{}` whose term covers every day the item is in force", item.id),
                    );
        }
    }

    fn implementation(&mut self, item: &Item, file: &Path, key: &str) {
        if !item.sub.is_empty() && item.implementation.is_some() {
            self.push(
                Rule::MisplacedImplementation,
                file,
                format!("{key}.implementation"),
                format!("item `{}` has sub-items, so its implementation elements belong on each sub-item", item.code),
                None,
                "`[item.sub.implementation]` tables, one per sub-item",
            );
        }
        if item.sub.is_empty() {
            self.unit(
                item.category,
                &item.code.to_string(),
                item.implementation.as_ref(),
                file,
                &format!("{key}.implementation"),
            );
        } else {
            for (j, sub) in item.sub.iter().enumerate() {
                self.unit(
                    item.category,
                    &sub.code.to_string(),
                    sub.implementation.as_ref(),
                    file,
                    &format!("{key}.sub[{j}].implementation"),
                );
                self.cases(item, sub, file, &format!("{key}.sub[{j}]"));
            }
        }
    }

    fn unit(
        &mut self,
        category: crate::model::Category,
        code: &str,
        imp: Option<&Implementation>,
        file: &Path,
        key: &str,
    ) {
        let empty = Implementation::default();
        let imp_or_empty = imp.unwrap_or(&empty);
        self.time_unit(category, code, imp_or_empty, file, key);
        if category.on_application() {
            let missing: Vec<&str> = [
                ("legal_days", imp_or_empty.legal_days.is_none()),
                ("promised_days", imp_or_empty.promised_days.is_none()),
                ("handling", imp_or_empty.handling.is_none()),
            ]
            .into_iter()
            .filter_map(|(k, m)| m.then_some(k))
            .collect();
            if !missing.is_empty() {
                self.push(
                    Rule::MissingLimits,
                    file,
                    key.to_owned(),
                    format!("licensing unit `{code}` lacks {}", missing.join(", ")),
                    None,
                    "legal_days, promised_days and handling in its implementation table",
                );
            }
        }
        self.promise(code, imp_or_empty, file, key, category);
    }

    /// A promise no longer than the legal limit.
    fn promise(
        &mut self,
        code: &str,
        imp: &Implementation,
        file: &Path,
        key: &str,
        category: crate::model::Category,
    ) {
        let unit = imp.unit(category);
        if let (Some(legal), Some(promised)) = (imp.legal_days, imp.promised_days)
            && promised > legal
        {
            self.push(
                Rule::PromisedExceedsLegal,
                file,
                format!("{key}.promised_days"),
                format!(
                    "unit `{code}` promises {}, more than the legal {}",
                    unit.en(promised),
                    unit.en(legal)
                ),
                Some(promised.to_string()),
                &format!("at most {legal}, the legal limit"),
            );
        }
    }
}

impl Checker<'_> {
    /// The unit of a unit's limits against the law of its class:
    /// licensing limits are working days (行政许可法 第八十二条); a coercion
    /// limit of ten days or less is in working days (行政强制法 第六十九条).
    fn time_unit(
        &mut self,
        category: crate::model::Category,
        code: &str,
        imp: &Implementation,
        file: &Path,
        key: &str,
    ) {
        use crate::model::{Category, TimeUnit};
        let unit = imp.unit(category);
        let short = [imp.legal_days, imp.promised_days]
            .into_iter()
            .flatten()
            .any(|d| d <= 10);
        let (why, expected) = match (category, unit) {
            (Category::Licensing, TimeUnit::WorkingDays) => return,
            (Category::Licensing, _) => (
                "licensing limits are counted in working days (行政许可法 第八十二条)",
                "`working-days` (or no `time_unit`)",
            ),
            (Category::Coercion, TimeUnit::CalendarDays) if short => (
                "coercion limits of ten days or less are working days (行政强制法 第六十九条)",
                "`working-days` for a limit of ten days or less",
            ),
            _ => return,
        };
        let found = unit.id().to_owned();
        self.push(
            Rule::TimeLimitUnit,
            file,
            format!("{key}.time_unit"),
            format!(
                "{} unit `{code}` counts its limits in {found}: {why}",
                category.en()
            ),
            Some(found),
            expected,
        );
    }

    /// The texts of the class-specific blocks, the stages' bases and risks
    /// and the flowchart's file name (the penalty's are checked with it).
    fn detail_texts(&mut self, item: &Item, file: &Path, key: &str) {
        let mut texts: Vec<(String, &str, bool)> = Vec::new();
        if let Some(x) = &item.licensing {
            for (f, v) in [
                ("competent_department", &x.competent_department),
                ("extension", &x.extension),
                ("validity", &x.validity),
                ("quantity_limit", &x.quantity_limit),
            ] {
                if let Some(v) = v {
                    texts.push((format!("{key}.licensing.{f}"), v, true));
                }
            }
            for (f, vs) in [
                ("conditions", &x.conditions),
                ("materials", &x.materials),
                ("intermediaries", &x.intermediaries),
                ("excluded_time", &x.excluded_time),
            ] {
                for (k, v) in vs.iter().enumerate() {
                    texts.push((format!("{key}.licensing.{f}[{k}]"), v, true));
                }
            }
        }
        if let Some(p) = &item.penalty {
            for (f, vs) in [
                ("violated", &p.violated),
                ("provision", &p.provision),
                ("sanctions", &p.sanctions),
            ] {
                for (k, v) in vs.iter().enumerate() {
                    texts.push((format!("{key}.penalty.{f}[{k}]"), v, false));
                }
            }
            for (k, t) in p.benchmark.iter().enumerate() {
                for (f, v) in [
                    ("tier", &t.tier),
                    ("circumstances", &t.circumstances),
                    ("sanction", &t.sanction),
                ] {
                    let at = format!("{key}.penalty.benchmark[{k}].{f}");
                    if blank(v) {
                        self.push(
                            Rule::BlankText,
                            file,
                            at.clone(),
                            format!("a benchmark tier of `{}` has a blank {f}", item.code),
                            None,
                            "text",
                        );
                    }
                    texts.push((at, v, true));
                }
            }
        }
        if let Some(x) = &item.inspection {
            if let Some(v) = &x.kind {
                texts.push((format!("{key}.inspection.kind"), v, false));
            }
            for (k, v) in x.methods.iter().enumerate() {
                texts.push((format!("{key}.inspection.methods[{k}]"), v, false));
            }
            for (k, e) in x.random.iter().enumerate() {
                for (f, v) in [
                    ("matter", Some(&e.matter)),
                    ("basis", e.basis.as_ref()),
                    ("objects", Some(&e.objects)),
                    ("ratio", Some(&e.ratio)),
                    ("cycle", Some(&e.cycle)),
                    ("method", e.method.as_ref()),
                ] {
                    if let Some(v) = v {
                        texts.push((format!("{key}.inspection.random[{k}].{f}"), v, false));
                    }
                }
            }
        }
        if let Some(x) = &item.levy {
            for (f, v) in [
                ("standard", &x.standard),
                ("standard_basis", &x.standard_basis),
                ("fund", &x.fund),
            ] {
                if let Some(v) = v {
                    texts.push((format!("{key}.levy.{f}"), v, true));
                }
            }
        }
        for (k, r) in item.responsibility.iter().enumerate() {
            for (j, b) in r.basis.iter().enumerate() {
                texts.push((format!("{key}.responsibility[{k}].basis[{j}]"), b, false));
            }
            for (j, risk) in r.risks.iter().enumerate() {
                texts.push((
                    format!("{key}.responsibility[{k}].risks[{j}].risk"),
                    &risk.risk,
                    true,
                ));
                for (c, v) in risk.controls.iter().enumerate() {
                    texts.push((
                        format!("{key}.responsibility[{k}].risks[{j}].controls[{c}]"),
                        v,
                        true,
                    ));
                }
            }
        }
        if let Some(fc) = &item.flowchart {
            texts.push((format!("{key}.flowchart.file"), &fc.file, false));
        }
        for (f, v) in [
            ("basic_code", &item.basic_code),
            ("implementation_code", &item.implementation_code),
        ] {
            if let Some(v) = v {
                texts.push((format!("{key}.{f}"), v, false));
            }
        }
        for (k, l) in item.levels.iter().enumerate() {
            if let Some(r) = &l.role {
                texts.push((format!("{key}.levels[{k}].role"), r, false));
            }
        }
        for (j, s) in item.sub.iter().enumerate() {
            if let Some(v) = &s.implementation_code {
                texts.push((format!("{key}.sub[{j}].implementation_code"), v, false));
            }
        }
        for (k, v, prose) in texts {
            self.text(file, || k, v, prose);
        }
    }

    /// The third tier of a unit: codes unique among its cases, names not
    /// blank, and each case's own limits held to the unit's rules (a case
    /// without elements has the unit's).
    fn cases(&mut self, item: &Item, sub: &crate::model::SubItem, file: &Path, key: &str) {
        let mut seen: HashSet<&str> = HashSet::new();
        for (k, case) in sub.cases.iter().enumerate() {
            let at = format!("{key}.cases[{k}]");
            self.text(file, || format!("{at}.code"), &case.code, false);
            self.text(file, || format!("{at}.name"), &case.name, false);
            if !seen.insert(case.code.as_str()) {
                self.push(
                    Rule::DuplicateSubCode,
                    file,
                    format!("{at}.code"),
                    format!(
                        "two cases of unit `{}` have the code `{}`",
                        sub.code, case.code
                    ),
                    Some(case.code.clone()),
                    "a code unique among the unit's cases",
                );
            }
            for (field, v) in [("code", &case.code), ("name", &case.name)] {
                if blank(v) {
                    self.push(
                        Rule::BlankText,
                        file,
                        format!("{at}.{field}"),
                        format!("a case of unit `{}` has a blank {field}", sub.code),
                        None,
                        "text",
                    );
                }
            }
            if let Some(imp) = &case.implementation {
                self.time_unit(
                    item.category,
                    &case.code,
                    imp,
                    file,
                    &format!("{at}.implementation"),
                );
                self.promise(
                    &case.code,
                    imp,
                    file,
                    &format!("{at}.implementation"),
                    item.category,
                );
            }
        }
    }

    /// An agreement the holder gives: each item it lists is the holder's own
    /// (not held by entrustment: 不得再委托) and marked `entrusted_out`.
    fn entrusted_out_items(&mut self, list: &List, a: &crate::model::Agreement, file: &Path) {
        for (k, entry) in a.items.iter().enumerate() {
            let Some(item) = list.items.iter().find(|i| i.id == entry.item) else {
                continue;
            };
            if item.source == crate::model::Source::Entrusted {
                self.push(
                    Rule::AgreementParties,
                    file,
                    format!("items[{k}].item"),
                    format!(
                        "agreement `{}` entrusts out `{}` ({}), which the holder itself holds by entrustment: an entrusted body may not entrust again (不得再委托)",
                        a.id, item.code, item.id
                    ),
                    Some(entry.item.to_string()),
                    "an item of the holder's own power, or one devolved to it",
                );
            } else if !item.entrusted_out {
                let (ifile, ikey) = list.items.iter().position(|i| i.id == item.id).map_or_else(
                    || (file.to_owned(), String::new()),
                    |n| item_origin(list, n),
                );
                self.push(
                    Rule::EntrustedOut,
                    &ifile,
                    if ikey.is_empty() { String::new() } else { format!("{ikey}.entrusted_out") },
                    format!(
                        "item `{}` is entrusted out by agreement `{}` but not marked `entrusted_out`",
                        item.code, a.id
                    ),
                    None,
                    "`entrusted_out = true`",
                );
            }
        }
    }

    /// An item marked `entrusted_out` is listed by an agreement the holder
    /// gives.
    fn entrusted_out_flag(&mut self, list: &List, item: &Item, file: &Path, key: &str) {
        if !item.entrusted_out {
            return;
        }
        let given = list
            .agreements
            .iter()
            .any(|a| a.entruster == list.authority && a.lists(&item.id));
        if !given && list.origin.unreadable_agreements.is_empty() {
            self.push(
                Rule::EntrustedOut,
                file,
                format!("{key}.entrusted_out"),
                format!(
                    "item `{}` is marked `entrusted_out`, but no agreement of `{}` entrusts it out",
                    item.code, list.authority
                ),
                Some("true".into()),
                "an agreement in agreements/ whose entruster is the holder and that lists the item, or no mark",
            );
        }
    }

    /// 职权法定: a power in force (or suspended) needs a setting basis.
    fn setting_basis(&mut self, item: &Item, file: &Path, key: &str) {
        if !item.category.is_power()
            || item.status.is_ended()
            || item
                .basis
                .iter()
                .any(|b| b.role == crate::model::BasisRole::Setting)
        {
            return;
        }
        let found = if item.basis.is_empty() {
            "no basis".to_owned()
        } else {
            format!("implementing bases only ({})", item.basis.len())
        };
        self.push(
            Rule::MissingSettingBasis,
            file,
            format!("{key}.basis"),
            format!(
                "{} item `{}` is {} without a setting basis: under 职权法定 a power without a legal basis is to be cancelled",
                item.category.en(),
                item.code,
                if item.status == crate::model::Status::Suspended {
                    "suspended".to_owned()
                } else if item.effective > self.as_of {
                    format!("to take effect on {}", item.effective)
                } else {
                    "in force".to_owned()
                }
            ),
            Some(found),
            "a `[[item.basis]]` with `role = \"setting\"` (the default), or cancel the item",
        );
    }

    /// A penalty names its penalty provision, and its discretion benchmark
    /// has as many tiers as the list requires.
    fn penalty(&mut self, list: &List, item: &Item, file: &Path, key: &str) {
        if item.category != crate::model::Category::Penalty || item.status.is_ended() {
            return;
        }
        let detail = item.penalty.as_ref();
        if detail.is_none_or(|p| p.provision.iter().all(|t| blank(t))) {
            self.push(
                Rule::PenaltyProvision,
                file,
                format!("{key}.penalty.provision"),
                format!("penalty item `{}` names no penalty provision", item.code),
                None,
                "`[item.penalty]` with `provision = [\"《…》第…条\"]`, the provision that sets the penalty",
            );
        }
        let tiers = detail.map_or(0, |p| p.benchmark.len());
        let required = list.meta.rules.discretion_tiers();
        if tiers > 0 && (tiers as u64) < u64::from(required) {
            self.push(
                Rule::DiscretionTiers,
                file,
                format!("{key}.penalty.benchmark"),
                format!(
                    "penalty item `{}` has a discretion benchmark of {tiers} tier(s), fewer than the {required} the list requires",
                    item.code
                ),
                Some(tiers.to_string()),
                &format!("at least {required} `[[item.penalty.benchmark]]` tiers (or set `[rules] discretion_tiers` in list.toml)"),
            );
        }
    }

    /// An item's flowchart file is there, safe, and has the recorded hash.
    fn flowchart(&mut self, list: &List, item: &Item, file: &Path, key: &str) {
        let Some(fc) = &item.flowchart else { return };
        let hex = fc.sha256.strip_prefix("sha256:").unwrap_or("");
        if hex.len() != 64
            || !hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
        {
            self.push(
                Rule::MalformedValue,
                file,
                format!("{key}.flowchart.sha256"),
                format!(
                    "the flowchart hash of `{}` is not a SHA-256 hash",
                    item.code
                ),
                Some(fc.sha256.clone()),
                "`sha256:` and 64 lowercase hexadecimal digits (`sha256sum FILE`)",
            );
            return;
        }
        // A list built in memory has no directory to read from.
        let Some(dir) = list.dir() else { return };
        if let Err(p) = crate::io::flowchart::read(dir, fc) {
            let (k, found, expected) = match &p {
                crate::io::flowchart::Problem::Hash(h) => (
                    "sha256",
                    h.clone(),
                    "the hash the item records: restore the file, or, if the new chart is meant, write the hash found as the item's `flowchart.sha256` and record the change with `quanze adjust`",
                ),
                crate::io::flowchart::Problem::Path(why) => ("file", fc.file.clone(), *why),
                _ => (
                    "file",
                    fc.file.clone(),
                    "a regular SVG or PNG file of at most 2 MiB in the list's `flowcharts/`",
                ),
            };
            self.push(
                Rule::Flowchart,
                file,
                format!("{key}.flowchart.{k}"),
                p.message(fc),
                Some(found),
                expected,
            );
        }
    }

    /// The settings of `[rules]` in list.toml: known rules, and only
    /// warnings turned off.
    fn rule_settings(&mut self, list: &List, meta_file: &Path) {
        for (k, id) in list.meta.rules.off.iter().enumerate() {
            let problem = match id.parse::<Rule>() {
                Err(_) => Some(format!("`[rules] off` names `{id}`, which is no rule")),
                Ok(r) if r.severity() == crate::diag::Severity::Error => Some(format!(
                    "`[rules] off` names `{id}`, a rule of national law (an error), which cannot be turned off"
                )),
                Ok(_) => None,
            };
            if let Some(message) = problem {
                self.push(
                    Rule::RuleSetting,
                    meta_file,
                    format!("rules.off[{k}]"),
                    message,
                    Some(id.clone()),
                    "the id of a warning rule (docs/format.md#validation-rules)",
                );
            }
        }
        if list.meta.rules.discretion_tiers == Some(0) {
            self.push(
                Rule::RuleSetting,
                meta_file,
                "rules.discretion_tiers".into(),
                "`[rules] discretion_tiers` is 0".into(),
                Some("0".into()),
                "a number of tiers from 1",
            );
        }
    }
}

/// The first day, up to `as_of`, on which the entrusted `item` is in force
/// but no agreement of `grantor` listing it is; `None` when every day is covered.
fn uncovered_day(list: &List, item: &Item, grantor: &Id, as_of: Date) -> Option<Date> {
    let start = item.effective;
    if start > as_of {
        return None;
    }
    // The last day to check: the day before the item ends, or `as_of`.
    let last = match item.ended {
        Some(e) if e <= as_of => e.previous_day()?,
        _ => as_of,
    };
    if last < start {
        return None;
    }
    let mut terms: Vec<(Date, Option<Date>)> = list
        .agreements
        .iter()
        .filter(|a| &a.entruster == grantor && a.lists(&item.id))
        .map(|a| (a.term_start, a.term_end))
        .collect();
    terms.sort();
    // Walk from `start`: `day` is the first day not yet known to be covered.
    let mut day = start;
    for (from, to) in terms {
        if from > day {
            break;
        }
        match to {
            None => return None,
            Some(to) if to >= day => match to.next_day() {
                Some(next) => day = next,
                None => return None,
            },
            Some(_) => {}
        }
        if day > last {
            return None;
        }
    }
    (day <= last).then_some(day)
}
