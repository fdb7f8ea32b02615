//! The rules of upstream data: the laws file and its log, the bases that
//! cite laws, the parent items lists claim, and the upstream events
//! change-log entries answer.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::diag::Rule;
use crate::lint::{Checker, MEMORY, item_origin};
use crate::model::{BasisRole, Deviation, Item, Law, List, ParentKind, Source, Status, bare_title};

impl Checker<'_> {
    /// The laws file and its log: ids, the hash chain, versions and dates,
    /// the replay, and the file against the replay.
    pub(super) fn laws(&mut self) {
        let calendar = self.reg.root.join("calendar.toml");
        for (n, y) in self.reg.calendar.year.iter().enumerate() {
            if let Some(notice) = &y.notice {
                self.text(&calendar, || format!("year[{n}].notice"), notice, false);
            }
        }
        let laws = &self.reg.laws;
        if !laws.present {
            return;
        }
        let file: PathBuf = laws
            .origin
            .as_deref()
            .map_or_else(|| PathBuf::from(MEMORY), Path::to_owned);
        self.law_texts(&file);
        self.law_dates(&file);
        if laws.log.is_empty() {
            if laws.file.head.is_some() || laws.file.version.is_some() {
                self.push(
                    Rule::HeadMismatch,
                    &file,
                    "head".into(),
                    "laws.toml has a `head` hash or a `version` but there is no laws log".into(),
                    None,
                    "laws/changelog/ with the entries, or no `head` and `version`",
                );
            }
            return;
        }
        self.laws_sequence();
        if laws.unreadable {
            return;
        }
        if let Some((n, message)) =
            crate::history::chain_problem_in(&laws.log, laws.file.head.as_deref(), "laws.toml")
        {
            let (f, key) = match laws.log.get(n) {
                Some(e) => (e.file.clone(), "version"),
                None => (file.clone(), "head"),
            };
            self.push(
                Rule::HashChain,
                &f,
                key.into(),
                message,
                None,
                "entries are never edited: record corrections as a new entry",
            );
        }
        let last = &laws.log[laws.log.len() - 1].entry;
        if laws.file.version.as_ref() != Some(&last.version) {
            self.push(
                Rule::HeadMismatch,
                &file,
                "version".into(),
                format!(
                    "laws.toml says version {}, but the laws log ends at {}",
                    laws.file
                        .version
                        .as_ref()
                        .map_or_else(|| "(none)".to_owned(), ToString::to_string),
                    last.version
                ),
                laws.file.version.as_ref().map(ToString::to_string),
                &format!("{}, the last entry's version", last.version),
            );
        }
        let mut state = Vec::new();
        for (n, e) in laws.log.iter().enumerate() {
            if let Err(err) = crate::history::apply_law_entry(&mut state, n, &e.entry) {
                self.push(
                    Rule::ChangelogOp,
                    &e.file,
                    format!("event[{}]", err.event),
                    format!(
                        "laws-log entry {} event {} ({} {}): {}",
                        e.entry.version, err.event, err.kind, err.law, err.reason
                    ),
                    None,
                    "an event that fits the laws as the entries before it left them",
                );
                return;
            }
        }
        self.replayed_laws(&file, &state);
    }

    /// The laws log's entries one by one: documents, versions, dates.
    fn laws_sequence(&mut self) {
        let laws = &self.reg.laws;
        let mut prev: Option<&crate::model::LawEntry> = None;
        for e in &laws.log {
            if let Some(r) = &e.entry.reason {
                self.text(&e.file, || "reason".into(), r, true);
            }
            for (k, d) in e.entry.decided_by.iter().enumerate() {
                self.document_known(&d.number, &e.file, format!("decided_by[{k}].number"));
                self.text(
                    &e.file,
                    || format!("decided_by[{k}].title"),
                    &d.title,
                    false,
                );
                self.text(
                    &e.file,
                    || format!("decided_by[{k}].issuer"),
                    &d.issuer,
                    false,
                );
            }
            if e.entry.decided_by.is_empty() {
                self.push(
                    Rule::MissingDecision,
                    &e.file,
                    "version".into(),
                    format!("laws-log entry {} names no deciding document", e.entry.version),
                    None,
                    "one or more [[decided_by]] tables: the first is the amending or repealing document",
                );
            }
            if let Some(p) = prev {
                match crate::model::Bump::between(&p.version, &e.entry.version) {
                    None => self.push(
                        Rule::ChangelogVersion,
                        &e.file,
                        "version".into(),
                        format!(
                            "version {} does not follow {}: versions must increase",
                            e.entry.version, p.version
                        ),
                        Some(e.entry.version.to_string()),
                        "a version above the previous one",
                    ),
                    Some(b) if b < e.entry.required_bump() => self.push(
                        Rule::ChangelogVersion,
                        &e.file,
                        "version".into(),
                        format!(
                            "version {} is a {b} bump from {}, but its events require a {} bump (a repeal is major)",
                            e.entry.version,
                            p.version,
                            e.entry.required_bump()
                        ),
                        Some(e.entry.version.to_string()),
                        "a version bumped at least as much as its events require",
                    ),
                    Some(_) => {}
                }
                if e.entry.date < p.date {
                    self.push(
                        Rule::ChangelogDate,
                        &e.file,
                        "date".into(),
                        format!(
                            "version {} is dated {}, before version {} ({})",
                            e.entry.version, e.entry.date, p.version, p.date
                        ),
                        Some(e.entry.date.to_string()),
                        "a date on or after the previous entry's",
                    );
                }
            }
            prev = Some(&e.entry);
        }
    }

    /// Law ids given twice, and the texts of every law record.
    fn law_texts(&mut self, file: &Path) {
        let laws = &self.reg.laws;
        let mut seen = HashSet::new();
        for (n, law) in laws.file.law.iter().enumerate() {
            if !seen.insert(law.id.as_str()) {
                self.push(
                    Rule::DuplicateId,
                    file,
                    format!("law[{n}].id"),
                    format!("duplicate law id `{}`", law.id),
                    Some(law.id.to_string()),
                    "each law once",
                );
            }
            self.text(file, || format!("law[{n}].title"), &law.title, false);
            self.text(file, || format!("law[{n}].issuer"), &law.issuer, false);
            for (key, value) in [("number", &law.number), ("note", &law.note)] {
                if let Some(v) = value {
                    self.text(file, || format!("law[{n}].{key}"), v, key == "note");
                }
            }
            for (k, t) in law.articles.iter().enumerate() {
                self.text(file, || format!("law[{n}].articles[{k}]"), t, false);
            }
            for (k, t) in law.former_titles.iter().enumerate() {
                self.text(file, || format!("law[{n}].former_titles[{k}]"), t, false);
            }
            for (k, a) in law.amendment.iter().enumerate() {
                self.text(file, || format!("law[{n}].amendment[{k}].by"), &a.by, false);
                for (key, value) in [("title", &a.title), ("note", &a.note)] {
                    if let Some(v) = value {
                        self.text(
                            file,
                            || format!("law[{n}].amendment[{k}].{key}"),
                            v,
                            key == "note",
                        );
                    }
                }
            }
            if let Some(r) = &law.repealed {
                self.text(file, || format!("law[{n}].repealed.by"), &r.by, false);
            }
            if law.title.trim().is_empty() {
                self.push(
                    Rule::BlankText,
                    file,
                    format!("law[{n}].title"),
                    format!("the title of law `{}` is blank", law.id),
                    None,
                    "the law's title",
                );
            }
        }
    }

    /// Titles that two laws share, and dates out of order.
    fn law_dates(&mut self, file: &Path) {
        let laws = &self.reg.laws.file.law;
        for (n, law) in laws.iter().enumerate() {
            if let Some(other) = laws[..n].iter().find(|o| o.has_title(&law.title)) {
                self.push(
                    Rule::DuplicateId,
                    file,
                    format!("law[{n}].title"),
                    format!(
                        "laws `{}` and `{}` share the title 《{}》: a basis citing it by title could mean either",
                        other.id,
                        law.id,
                        esc(&law.title)
                    ),
                    None,
                    "each title once (a renamed law keeps its old title in `former_titles`)",
                );
            }
            let mut out_of_order = Vec::new();
            if let Some(p) = law.promulgated
                && p > law.effective
            {
                out_of_order.push(format!(
                    "promulgated {p} after it took effect ({})",
                    law.effective
                ));
            }
            for a in &law.amendment {
                if a.effective < law.effective {
                    out_of_order.push(format!(
                        "an amendment by {} in force from {} before the law ({})",
                        esc(&a.by),
                        a.effective,
                        law.effective
                    ));
                }
            }
            if let Some(r) = &law.repealed {
                if r.effective <= law.effective {
                    out_of_order.push(format!(
                        "repealed from {}, not after it took effect ({})",
                        r.effective, law.effective
                    ));
                }
                if r.replaced_by.as_ref() == Some(&law.id) {
                    out_of_order.push("replaced by itself".to_owned());
                }
            }
            for why in out_of_order {
                self.push(
                    Rule::DatesOutOfOrder,
                    file,
                    format!("law[{n}]"),
                    format!("law `{}`: {why}", law.id),
                    None,
                    "dates in order: promulgated, in force, amended, repealed",
                );
            }
        }
    }

    fn replayed_laws(&mut self, file: &Path, replayed: &[Law]) {
        let files: HashMap<&str, &Law> = self
            .reg
            .laws
            .file
            .law
            .iter()
            .map(|l| (l.id.as_str(), l))
            .collect();
        for (n, law) in self.reg.laws.file.law.iter().enumerate() {
            match replayed.iter().find(|r| r.id == law.id) {
                None => self.push(
                    Rule::UnrecordedChange,
                    file,
                    format!("law[{n}]"),
                    format!(
                        "law `{}` is in laws.toml but no entry of the laws log enacts it",
                        law.id
                    ),
                    None,
                    "`quanze law enact`, which records it",
                ),
                Some(r) if r != law => {
                    let diffs = crate::history::table_differences(r, law);
                    let (key, was, now) = diffs
                        .first()
                        .cloned()
                        .unwrap_or_else(|| (String::new(), String::new(), String::new()));
                    self.push(
                        Rule::UnrecordedChange,
                        file,
                        format!("law[{n}].{key}"),
                        format!(
                            "law `{}`: `{key}` is {now} in laws.toml, but the laws log gives {was}",
                            law.id
                        ),
                        Some(now),
                        "`quanze law amend` or `repeal`, which record the change",
                    );
                }
                Some(_) => {}
            }
        }
        for r in replayed {
            if !files.contains_key(r.id.as_str()) {
                self.push(
                    Rule::UnrecordedChange,
                    file,
                    "law".into(),
                    format!(
                        "the laws log enacts `{}`, which laws.toml does not hold",
                        r.id
                    ),
                    None,
                    "every law the log enacts, as the log leaves it",
                );
            }
        }
    }

    /// The bases of an item against the laws.
    pub(super) fn item_laws(&mut self, list: &List, n: usize, item: &Item) {
        let laws = &self.reg.laws;
        if !laws.present {
            // Without laws/, a basis that names a law id names nothing.
            for (b, basis) in item.basis.iter().enumerate() {
                if let Some(id) = &basis.law {
                    let (file, key) = item_origin(list, n);
                    self.push(
                        Rule::UnknownLaw,
                        &file,
                        format!("{key}.basis[{b}].law"),
                        format!(
                            "`{}` cites law `{id}`, but the registry has no laws/ directory",
                            item.code
                        ),
                        Some(id.to_string()),
                        "laws/laws.toml holding the law, or no `law` key",
                    );
                }
            }
            return;
        }
        let (file, key) = item_origin(list, n);
        for (b, basis) in item.basis.iter().enumerate() {
            let Some(id) = &basis.law else {
                // Only a record that can still change is asked to name the
                // law (an ended item's record is kept as it ended).
                if let Some(law) = laws.cited_by(basis) {
                    self.law_in_force(list, n, item, b, law);
                    self.law_articles(list, n, item, b, law);
                }
                if item.ended.is_none()
                    && let Some(law) = laws.cited_by(basis)
                {
                    self.push(
                        Rule::BasisLawId,
                        &file,
                        format!("{key}.basis[{b}].title"),
                        format!(
                            "`{}` cites 《{}》 by title; laws.toml has it as `{}`",
                            item.code,
                            esc(bare_title(&basis.title)),
                            law.id
                        ),
                        None,
                        &format!("`law = \"{}\"` in the basis", law.id),
                    );
                }
                continue;
            };
            let Some(law) = laws.get(id.as_str()) else {
                let suggestion =
                    crate::diag::suggest(id.as_str(), laws.file.law.iter().map(|l| l.id.as_str()))
                        .map(|s| format!("; did you mean `{s}`?"))
                        .unwrap_or_default();
                self.push(
                    Rule::UnknownLaw,
                    &file,
                    format!("{key}.basis[{b}].law"),
                    format!("`{}` cites unknown law `{id}`{suggestion}", item.code),
                    Some(id.to_string()),
                    "the id of a law in laws/laws.toml",
                );
                continue;
            };
            self.law_in_force(list, n, item, b, law);
            self.law_articles(list, n, item, b, law);
        }
    }

    /// A basis citing articles its law (whose articles are listed) lacks.
    fn law_articles(&mut self, list: &List, n: usize, item: &Item, b: usize, law: &Law) {
        let Some(article) = &item.basis[b].article else {
            return;
        };
        let unknown = law.unknown_articles(article);
        if unknown.is_empty() {
            return;
        }
        let (file, key) = item_origin(list, n);
        self.push(
            Rule::UnknownArticle,
            &file,
            format!("{key}.basis[{b}].article"),
            format!(
                "`{}` cites {} of 《{}》, which laws.toml does not list",
                item.code,
                esc(&unknown.join("、")),
                esc(&law.title)
            ),
            Some(article.clone()),
            &format!("one of the {} articles laws.toml lists", law.articles.len()),
        );
    }

    /// A basis of an item held on the day checked that cites a law not in
    /// force that day.
    fn law_in_force(&mut self, list: &List, n: usize, item: &Item, b: usize, law: &Law) {
        let (file, key) = item_origin(list, n);
        let id = &law.id;
        let field = if item.basis[b].law.is_some() {
            "law"
        } else {
            "title"
        };
        let in_force = matches!(item.status, Status::InForce | Status::Suspended)
            && item.effective <= self.as_of
            && item.ended.is_none_or(|e| self.as_of < e);
        if in_force && !law.in_force_on(self.as_of) {
            let why = match &law.repealed {
                Some(r) if r.effective <= self.as_of => {
                    format!("repealed from {} by {}", r.effective, esc(&r.by))
                }
                _ => format!("in force only from {}", law.effective),
            };
            self.push(
                    Rule::LawNotInForce,
                    &file,
                    format!("{key}.basis[{b}].{field}"),
                    format!(
                        "`{}` cites 《{}》, which is not in force on {}: {why}",
                        item.code,
                        esc(&law.title),
                        self.as_of
                    ),
                    Some(id.to_string()),
                    "a basis in force: re-base the item, or cancel it (`quanze pending` gives the deadline)",
                );
        }
    }

    /// The parents a list declares, the parent items its items claim, and
    /// the upstream events its entries answer.
    pub(super) fn parents(&mut self, list: &List, meta_file: &Path) {
        for (k, p) in list.meta.parent.iter().enumerate() {
            if list.meta.parent[..k].iter().any(|q| q.list == p.list) {
                self.push(
                    Rule::ParentItem,
                    meta_file,
                    format!("parent[{k}].list"),
                    format!("parent list `{}` is declared twice", p.list),
                    Some(p.list.to_string()),
                    "each parent list once",
                );
            }
            if self
                .reg
                .lists
                .get(&p.list)
                .is_some_and(|above| above.meta.parent.iter().any(|q| q.list == list.authority))
            {
                self.push(
                    Rule::ParentItem,
                    meta_file,
                    format!("parent[{k}].list"),
                    format!(
                        "`{}` and `{}` name each other as parent lists",
                        list.authority, p.list
                    ),
                    Some(p.list.to_string()),
                    "lists above that are not also below",
                );
            }
            let known = self.reg.lists.contains_key(&p.list)
                || self
                    .reg
                    .root
                    .join(p.list.as_str())
                    .join("list.toml")
                    .is_file();
            if !known || p.list == list.authority {
                self.push(
                    Rule::ParentItem,
                    meta_file,
                    format!("parent[{k}].list"),
                    if p.list == list.authority {
                        format!("list `{}` names itself as its parent", p.list)
                    } else {
                        format!("parent list `{}` is not in the registry", p.list)
                    },
                    Some(p.list.to_string()),
                    "the id of another list of the registry",
                );
            }
        }
        if let Some(d) = list.meta.upstream.deadline_working_days
            && !(1..=250).contains(&d)
        {
            self.push(
                Rule::InvalidValue,
                meta_file,
                "upstream.deadline_working_days".into(),
                format!("a deadline of {d} working days"),
                Some(d.to_string()),
                "1 to 250 working days (a year's), 20 when absent",
            );
        }
        let mut claimed: HashMap<&str, HashSet<&str>> = HashMap::new();
        for (n, item) in list.items.iter().enumerate() {
            if let Some(reason) = item.parent.as_ref().and_then(|p| p.reason.as_ref()) {
                let (file, key) = item_origin(list, n);
                self.text(&file, || format!("{key}.parent.reason"), reason, true);
            }
            let live = matches!(item.status, Status::InForce | Status::Suspended)
                && item.ended.is_none_or(|e| self.as_of < e)
                && item.effective <= self.as_of;
            if let Some(parent) = &item.parent {
                if live {
                    claimed
                        .entry(parent.list.as_str())
                        .or_default()
                        .insert(parent.code.as_str());
                    self.parent_item(list, n, item, parent);
                }
            } else if live {
                self.missing_parent(list, n, item);
            }
            if item.local && item.parent.is_some() {
                let (file, key) = item_origin(list, n);
                self.push(
                    Rule::ParentMissing,
                    &file,
                    format!("{key}.local"),
                    format!("`{}` is declared local but claims a parent item", item.code),
                    None,
                    "either `local = true` or `[item.parent]`, not both",
                );
            }
        }
        for (k, p) in list.meta.parent.iter().enumerate() {
            if p.kind != ParentKind::Catalogue {
                continue;
            }
            let Some(parent) = self.reg.lists.get(&p.list) else {
                continue;
            };
            let mine = claimed.get(p.list.as_str());
            let unclaimed: Vec<&str> = parent
                .items_on(self.as_of)
                .filter(|i| mine.is_none_or(|m| !m.contains(i.code.as_str())))
                .map(|i| i.code.as_str())
                .collect();
            if !unclaimed.is_empty() {
                let shown: Vec<&str> = unclaimed.iter().take(10).copied().collect();
                let more = unclaimed.len().saturating_sub(shown.len());
                self.push(
                    Rule::ParentUnclaimed,
                    meta_file,
                    format!("parent[{k}].list"),
                    format!(
                        "{} item(s) of catalogue `{}` in force on {} are claimed by no item: {}{}",
                        unclaimed.len(),
                        p.list,
                        self.as_of,
                        shown.join(", "),
                        if more > 0 {
                            format!(" and {more} more")
                        } else {
                            String::new()
                        }
                    ),
                    None,
                    "an item claiming each (`[item.parent]`), or the catalogue's own adjustment",
                );
            }
        }
        self.answers(list);
    }

    fn missing_parent(&mut self, list: &List, n: usize, item: &Item) {
        let catalogue = list
            .meta
            .parent
            .iter()
            .find(|p| p.kind == ParentKind::Catalogue);
        let grantor_list = item.grantor.as_ref().filter(|g| {
            matches!(item.source, Source::Entrusted | Source::Devolved)
                && list
                    .meta
                    .parent
                    .iter()
                    .any(|p| p.kind == ParentKind::Grantor && &p.list == *g)
        });
        let (file, key) = item_origin(list, n);
        if let Some(g) = grantor_list {
            self.push(
                Rule::ParentMissing,
                &file,
                format!("{key}.parent"),
                format!(
                    "`{}` is {} by `{g}`, whose list is a parent of this one, but names no parent item",
                    item.code,
                    item.source.zh()
                ),
                None,
                &format!("`[item.parent]` with `list = \"{g}\"` and the item's code there"),
            );
        } else if let Some(c) = catalogue
            && !item.local
        {
            self.push(
                Rule::ParentMissing,
                &file,
                format!("{key}.parent"),
                format!(
                    "`{}` claims no item of catalogue `{}` and is not declared local",
                    item.code, c.list
                ),
                None,
                "`[item.parent]` naming the catalogue item, or `local = true`",
            );
        }
    }

    fn parent_item(&mut self, list: &List, n: usize, item: &Item, p: &crate::model::ParentRef) {
        let (file, key) = item_origin(list, n);
        if !list.meta.parent.iter().any(|d| d.list == p.list) {
            self.push(
                Rule::ParentItem,
                &file,
                format!("{key}.parent.list"),
                format!(
                    "`{}` claims an item of `{}`, which list.toml does not declare a parent",
                    item.code, p.list
                ),
                Some(p.list.to_string()),
                "a list named in a `[[parent]]` table of list.toml",
            );
            return;
        }
        if !p.deviates.is_empty() && p.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            self.push(
                Rule::ParentDeviation,
                &file,
                format!("{key}.parent.deviates"),
                format!(
                    "`{}` declares deviations from its parent without a reason",
                    item.code
                ),
                None,
                "`reason = \"…\"` beside `deviates`",
            );
        }
        let Some(parent_list) = self.reg.lists.get(&p.list) else {
            // Not loaded (a streaming check reads one list at a time): the
            // check's upstream pass compares it.
            return;
        };
        let found = parent_list.item_by_code(p.code.as_str()).or_else(|| {
            parent_list
                .items
                .iter()
                .find(|i| i.former_codes.contains(&p.code))
        });
        let Some(parent) = found else {
            self.push(
                Rule::ParentItem,
                &file,
                format!("{key}.parent.code"),
                format!(
                    "`{}` claims `{}` of `{}`, which that list does not hold",
                    item.code, p.code, p.list
                ),
                Some(p.code.to_string()),
                "the code of an item of the parent list",
            );
            return;
        };
        let successor = parent
            .successors
            .first()
            .and_then(|s| parent_list.item(s))
            .map(|s| format!(" (it was taken over by `{}`)", s.code))
            .unwrap_or_default();
        if !parent.in_force_on(self.as_of) {
            self.push(
                Rule::ParentNotInForce,
                &file,
                format!("{key}.parent.code"),
                format!(
                    "`{}` claims `{}` of `{}`, which is not in force on {}{successor}",
                    item.code, p.code, p.list, self.as_of
                ),
                Some(p.code.to_string()),
                "a parent item in force: follow the parent's adjustment (`quanze pending`)",
            );
            return;
        }
        let deviations = deviations(item, parent, &self.reg.laws);
        let undeclared: Vec<Deviation> = deviations
            .into_iter()
            .filter(|d| !p.deviates.contains(d))
            .collect();
        if !undeclared.is_empty() {
            let names: Vec<&str> = undeclared.iter().map(|d| d.zh()).collect();
            self.push(
                Rule::ParentDeviation,
                &file,
                format!("{key}.parent"),
                format!(
                    "`{}` differs from its parent `{}` of `{}` in {} without declaring it",
                    item.code,
                    parent.code,
                    p.list,
                    names.join("、")
                ),
                None,
                &format!(
                    "the parent's values, or `deviates = [{}]` with a `reason`",
                    undeclared
                        .iter()
                        .map(|d| format!("\"{}\"", d.id()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
    }

    fn answers(&mut self, list: &List) {
        for e in &list.log {
            for (k, event) in e.entry.answers.iter().enumerate() {
                self.text(&e.file, || format!("answers[{k}]"), event, false);
                let problem = match event_date(self.reg, list, event) {
                    Ok(Some(date)) if date > e.entry.date => Some(format!(
                        "entry {} (dated {}) answers `{}`, dated {date}, after it",
                        e.entry.version,
                        e.entry.date,
                        esc(event)
                    )),
                    Ok(_) => None,
                    Err(why) => Some(format!(
                        "entry {} answers `{}`: {}",
                        e.entry.version,
                        esc(event),
                        esc(&why)
                    )),
                };
                if let Some(message) = problem {
                    self.push(
                        Rule::UnknownUpstreamEvent,
                        &e.file,
                        format!("answers[{k}]"),
                        message,
                        Some(event.clone()),
                        "`laws@<version>` of the laws log, or `<parent list>@<version>` of a declared parent, dated on or before the entry",
                    );
                }
            }
        }
    }
}

/// A text of the registry inside a message, its control characters
/// escaped (messages reach terminals through audit's findings too).
fn esc(s: &str) -> std::borrow::Cow<'_, str> {
    crate::diag::escape_controls(s)
}

/// The elements in which `item` differs from `parent`.
pub(crate) fn deviations(item: &Item, parent: &Item, laws: &crate::model::Laws) -> Vec<Deviation> {
    let mut out = Vec::new();
    let norm = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    if norm(&item.name) != norm(&parent.name) {
        out.push(Deviation::Name);
    }
    if item.category != parent.category {
        out.push(Deviation::Category);
    }
    let setting = |i: &Item| -> Vec<String> {
        let mut v: Vec<String> = i
            .basis
            .iter()
            .filter(|b| b.role == BasisRole::Setting)
            .map(|b| {
                // A basis citing the law by title and one citing it by id
                // cite the same law.
                let id = b
                    .law
                    .clone()
                    .or_else(|| laws.cited_by(b).map(|l| l.id.clone()));
                id.map_or_else(|| norm(bare_title(&b.title)), |l| format!("law:{l}"))
            })
            .collect();
        v.sort();
        v.dedup();
        v
    };
    if setting(item) != setting(parent) {
        out.push(Deviation::SettingBasis);
    }
    let limits = |i: &Item| -> Vec<Option<u32>> {
        let mut v: Vec<Option<u32>> = i
            .implementation
            .iter()
            .chain(i.sub.iter().filter_map(|s| s.implementation.as_ref()))
            .map(|m| m.legal_days)
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let (a, b) = (limits(item), limits(parent));
    if !a.is_empty() && !b.is_empty() && a != b {
        out.push(Deviation::TimeLimit);
    }
    out
}

/// The date of the upstream event `event` as `list` may answer it: `Ok(None)`
/// when its list is not loaded.
///
/// # Errors
/// A description of why the event does not exist for `list`.
fn event_date(
    reg: &crate::model::Registry,
    list: &List,
    event: &str,
) -> Result<Option<crate::model::Date>, String> {
    let Some((source, version)) = event.split_once('@') else {
        return Err("an event is written `laws@<version>` or `<parent list>@<version>`".into());
    };
    let Ok(version) = version.parse::<crate::model::Version>() else {
        return Err(format!("{version:?} is not a version"));
    };
    if source == crate::model::LAWS_SOURCE {
        let entry = reg
            .laws
            .log
            .iter()
            .find(|e| e.entry.version == version)
            .ok_or_else(|| format!("the laws log has no version {version}"))?;
        if entry
            .entry
            .event
            .iter()
            .all(|e| matches!(e, crate::model::LawEvent::Enact { .. }))
        {
            return Err(format!(
                "laws-log entry {version} only enacts: it leaves nothing to answer"
            ));
        }
        return Ok(Some(entry.entry.date));
    }
    if !list.meta.parent.iter().any(|p| p.list.as_str() == source) {
        return Err(format!(
            "`{source}` is not a parent list of `{}`",
            list.authority
        ));
    }
    let Some(parent) = reg.list(source) else {
        return Ok(None);
    };
    let entry = parent
        .log
        .iter()
        .find(|e| e.entry.version == version)
        .ok_or_else(|| format!("the change log of `{source}` has no version {version}"))?;
    // Only a change of an existing item leaves effects below.
    use crate::model::OpKind as K;
    let changes = entry.entry.op.iter().any(|o| {
        !matches!(
            o.kind(),
            K::Add
                | K::ReceiveDevolved
                | K::ReceiveEntrusted
                | K::AgreementSign
                | K::AgreementAmend
                | K::AgreementEnd
                | K::Resume
        )
    });
    if !changes {
        return Err(format!(
            "entry {version} of `{source}` changes no existing item: it leaves nothing to answer"
        ));
    }
    Ok(Some(entry.entry.date))
}
