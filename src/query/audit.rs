//! Findings for auditors: every check over a list's history and files, each
//! with a stable id and a severity. The checks are data ([`CHECKS`]).

use std::collections::HashMap;

use serde::Serialize;

use crate::diag::Rule;
use crate::history::{Point, State, view};
use crate::model::{Date, Id, Version};
use crate::model::{List, Registry};
use crate::model::{Source, Status};

pub use crate::diag::Severity;

/// Every audit check (the rules of [`Scope::Audit`](crate::diag::Scope) and
/// [`Scope::Both`](crate::diag::Scope)), in the order findings are reported.
pub const CHECKS: &[Rule] = &[
    Rule::HashChain,
    Rule::UnrecordedChange,
    Rule::BumpTooSmall,
    Rule::UndecidedChange,
    Rule::InvalidOperation,
    Rule::EntrustedWithoutAgreement,
    Rule::AgreementExpired,
    Rule::AgreementExpiring,
    Rule::CodeReused,
    Rule::DanglingSuccessor,
    Rule::UpstreamOverdue,
    Rule::UpstreamPending,
];

/// One finding.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The check (serialized as its id).
    pub check: Rule,
    /// Its severity.
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// The version concerned, when there is one.
    pub version: Option<Version>,
    /// The item or agreement concerned (code or id).
    pub subject: Option<String>,
    /// `file:line:column`, when the finding comes from a file.
    pub location: Option<String>,
}

fn finding(
    check: Rule,
    message: String,
    version: Option<Version>,
    subject: Option<String>,
) -> Finding {
    Finding {
        check,
        severity: check.severity(),
        message,
        version,
        subject,
        location: None,
    }
}

/// What to audit.
#[derive(Debug, Clone)]
pub struct AuditOptions {
    /// The first point (default: the first version).
    pub from: Option<Point>,
    /// The last point (default: the list files).
    pub to: Option<Point>,
    /// The date agreements are judged on (default: today).
    pub as_of: Date,
    /// Warn about agreements ending within this many days.
    pub expiring_within: i64,
}

impl Default for AuditOptions {
    fn default() -> Self {
        Self {
            from: None,
            to: None,
            as_of: Date::today(),
            expiring_within: 90,
        }
    }
}

/// Entrusted items in force on `date` in `state` without cover.
fn uncovered(state: &State, date: Date) -> Vec<(String, Id)> {
    state
        .items
        .iter()
        .filter(|i| i.source == Source::Entrusted && i.in_force_on(date))
        .filter(|i| {
            !state.agreements.iter().any(|a| {
                Some(&a.entruster) == i.grantor.as_ref() && a.lists(&i.id) && a.in_force_on(date)
            })
        })
        .map(|i| (i.code.to_string(), i.id.clone()))
        .collect()
}

fn state_of(list: &List) -> State {
    State::new(list.items.clone(), list.agreements.clone())
}

/// Audits `list` of `registry`: every check of [`CHECKS`] over the versions
/// from `opts.from` to `opts.to` and the list files.
///
/// # Errors
/// When a point of the options does not exist.
pub fn audit(
    registry: &Registry,
    list: &List,
    opts: &AuditOptions,
) -> Result<Vec<Finding>, crate::history::Error> {
    let mut out: Vec<Finding> = Vec::new();
    rule_findings(registry, list, opts, &mut out);
    // A change-log entry that does not read leaves the history unknown: its
    // checks wait until it reads (the unreadable entry is a finding).
    if list.origin.unreadable_entries.is_empty() {
        let (mut states, judged) = audited_states(list, opts)?;
        if !list.origin.unreadable_agreements.is_empty() {
            // The files' agreements are not all read: which items they
            // cover is known once they are (the unreadable file is a
            // finding).
            states.retain(|(version, _, _)| version.is_some());
        }
        uncovered_findings(&states, &mut out);
        agreement_findings(&judged, opts, &mut out);
        code_findings(&states, &mut out);
        successor_findings(&states, &mut out);
        upstream_findings(registry, list, opts.as_of, &mut out);
    }
    for f in out.iter_mut().filter(|f| f.location.is_none()) {
        f.location = place(list, f);
    }
    let order = |f: &Finding| {
        CHECKS
            .iter()
            .position(|c| *c == f.check)
            .unwrap_or(usize::MAX)
    };
    out.sort_by(|a, b| {
        (order(a), &a.version, &a.subject, &a.message).cmp(&(
            order(b),
            &b.version,
            &b.subject,
            &b.message,
        ))
    });
    Ok(out)
}
/// A state the audit looks at: its version (none for the files), its date
/// and the state.
type Audited = (Option<Version>, Date, State);

/// The place a finding of the audit's own checks concerns, as
/// `file:line:column`: in the change-log entry of its version, where the
/// entry first names its subject; else in the files, the code of its item
/// or the term of its agreement. `None` for a list built in memory.
fn place(list: &List, f: &Finding) -> Option<String> {
    let at = |file: &std::path::Path, text: &str, pos: usize| {
        let l = crate::diag::Location::of(text, pos..pos);
        format!(
            "{}:{}:{}",
            crate::diag::display_path(file),
            l.line,
            l.column
        )
    };
    let subject = f.subject.as_deref();
    if let Some(v) = &f.version {
        let e = list.log.iter().find(|e| e.entry.version == *v)?;
        let pos = subject
            .and_then(|s| e.text.find(&format!("\"{s}\"")))
            .unwrap_or(0);
        return Some(at(&e.file, &e.text, pos));
    }
    let s = subject?;
    let (file, key) = if let Some(n) = list.items.iter().position(|i| i.code.as_str() == s) {
        let (file, key) = list.item_file(n)?;
        let field = if f.check == Rule::EntrustedWithoutAgreement {
            "source"
        } else {
            "code"
        };
        (file.to_owned(), format!("{key}.{field}"))
    } else {
        let n = list.agreements.iter().position(|a| a.id.as_str() == s)?;
        let field = match f.check {
            Rule::AgreementExpired | Rule::AgreementExpiring => "term_end",
            _ => "id",
        };
        (
            list.origin.agreements.get(n)?.to_path_buf(),
            field.to_owned(),
        )
    };
    let text = std::fs::read_to_string(&file).ok()?;
    let span = crate::io::decode::span_of(&text, &key)?;
    Some(at(&file, &text, span.start))
}

/// The findings of the validation rules that are audit checks too.
fn rule_findings(registry: &Registry, list: &List, opts: &AuditOptions, out: &mut Vec<Finding>) {
    // Every validation rule of the list is a finding: the ones that judge
    // the history under their audit names, the others as themselves (the
    // audit's own checks cover entrusted items across versions).
    let list_dir = registry.root.join(list.authority.as_str());
    // What could not be read is a finding too: an audit of a list with an
    // unreadable file never says it found nothing.
    let shared = registry.origin.problems.iter().cloned();
    let read = list.origin.problems.iter().cloned();
    for d in shared.chain(read) {
        out.push(rule_finding(&d, d.rule));
    }
    for d in registry.validate_list(list, opts.as_of) {
        if !d.file.starts_with(&list_dir) {
            continue;
        }
        let id = match d.rule {
            Rule::HashChain => Rule::HashChain,
            Rule::UnrecordedChange | Rule::HeadMismatch => Rule::UnrecordedChange,
            Rule::ChangelogVersion => Rule::BumpTooSmall,
            Rule::MissingDecision => Rule::UndecidedChange,
            Rule::ChangelogOp => Rule::InvalidOperation,
            r if r.scope() == crate::diag::Scope::Lint => r,
            _ => continue,
        };
        out.push(rule_finding(&d, id));
    }
}

/// The findings of the problems met reading a list that did not load (its
/// `list.toml` does not read), so that an audit of it reports them rather
/// than no list.
pub fn read_findings(problems: &[crate::diag::Diagnostic]) -> Vec<Finding> {
    problems.iter().map(|d| rule_finding(d, d.rule)).collect()
}

/// A diagnostic as a finding of `id`, at its place, with the version of
/// its change-log entry when it is in one.
fn rule_finding(d: &crate::diag::Diagnostic, id: Rule) -> Finding {
    let version = d
        .file
        .file_stem()
        .and_then(|s| s.to_str())
        .and_then(|s| s.parse::<Version>().ok());
    let mut f = finding(id, d.message.clone(), version, None);
    f.location = Some(d.position());
    f
}

/// The states to look at (each version in the range, then the files), and
/// the state agreements are judged in.
fn audited_states(
    list: &List,
    opts: &AuditOptions,
) -> Result<(Vec<Audited>, Audited), crate::history::Error> {
    let history = if list.log.is_empty() {
        None
    } else {
        list.history().ok()
    };
    let from = opts.from.clone();
    let to = opts.to.clone().unwrap_or(Point::Files);
    // The states to look at: each version in the range, then the files.
    let mut states: Vec<(Option<Version>, Date, State)> = Vec::new();
    if let Some(h) = &history {
        let start = match &from {
            None => 0,
            Some(p) => view(list, Some(h), p)?.2.unwrap_or(0),
        };
        let end = match &to {
            Point::Files => h.versions.len().saturating_sub(1),
            p => view(list, Some(h), p)?
                .2
                .unwrap_or(h.versions.len().saturating_sub(1)),
        };
        for s in h.versions.iter().take(end + 1).skip(start) {
            states.push((Some(s.entry.version.clone()), s.entry.date, s.state.clone()));
        }
    }
    let judged = match &to {
        Point::Files => (None, opts.as_of, state_of(list)),
        p => {
            let (l, side, _) = view(list, history.as_ref(), p)?;
            (Some(side.version), side.date, state_of(&l))
        }
    };
    if to == Point::Files {
        states.push((None, opts.as_of, state_of(list)));
    }
    Ok((states, judged))
}

/// Entrusted items without cover, at each version's date.
fn uncovered_findings(states: &[Audited], out: &mut Vec<Finding>) {
    // Entrusted items without cover, at each version's date.
    let mut seen: HashMap<Id, ()> = HashMap::new();
    for (version, date, state) in states {
        for (code, id) in uncovered(state, *date) {
            if seen.insert(id.clone(), ()).is_none() {
                let at = version
                    .as_ref()
                    .map_or_else(|| "in the files".to_owned(), |v| format!("at version {v}"));
                out.push(finding(
                    Rule::EntrustedWithoutAgreement,
                    format!("entrusted item `{code}` has no agreement in force on {date} {at}"),
                    version.clone(),
                    Some(code),
                ));
            }
        }
    }
}

/// Agreements expired or expiring, judged on `as_of` in the last state.
fn agreement_findings(judged: &Audited, opts: &AuditOptions, out: &mut Vec<Finding>) {
    // Agreements expired or expiring, judged on `as_of` in the last state.
    let (jv, _, jstate) = judged;
    for a in &jstate.agreements {
        let Some(end) = a.term_end else { continue };
        // Items that rely on this agreement: listed by it, in force on
        // `as_of`, and not covered beyond its end by another agreement with
        // the same entruster (a renewal).
        let relying: Vec<String> = jstate
            .items
            .iter()
            .filter(|i| {
                i.source == Source::Entrusted && a.lists(&i.id) && i.in_force_on(opts.as_of)
            })
            .filter(|i| {
                !jstate.agreements.iter().any(|other| {
                    other.id != a.id
                        && other.entruster == a.entruster
                        && other.lists(&i.id)
                        && other.term_end.is_none_or(|e| e > end)
                        // A renewal takes over the day after the end, even
                        // if it has ended since (then it is the one
                        // reported).
                        && end.next_day().is_some_and(|d| other.in_force_on(d))
                })
            })
            .map(|i| i.code.to_string())
            .collect();
        if relying.is_empty() {
            continue;
        }
        let days = opts.as_of.days_until(end);
        if days < 0 {
            out.push(finding(
                Rule::AgreementExpired,
                format!(
                    "agreement `{}` ended on {end}, but {} item(s) it lists are still in force on {} ({})",
                    a.id,
                    relying.len(),
                    opts.as_of,
                    relying.join(", ")
                ),
                jv.clone(),
                Some(a.id.to_string()),
            ));
        } else if days <= opts.expiring_within {
            out.push(finding(
                Rule::AgreementExpiring,
                format!(
                    "agreement `{}` ends on {end}, in {days} day(s); {} item(s) rely on it ({})",
                    a.id,
                    relying.len(),
                    relying.join(", ")
                ),
                jv.clone(),
                Some(a.id.to_string()),
            ));
        }
    }
}

/// Codes reused: a code that stands for two items, in any state.
fn code_findings(states: &[Audited], out: &mut Vec<Finding>) {
    // Codes reused: a code that stands for two items, in any state.
    let mut owner: HashMap<String, Id> = HashMap::new();
    let mut reported = HashMap::new();
    for (version, _, state) in states {
        for i in &state.items {
            let codes = std::iter::once(i.code.to_string())
                .chain(i.former_codes.iter().map(ToString::to_string))
                .chain(i.sub.iter().map(|s| s.code.to_string()));
            for c in codes {
                match owner.get(&c) {
                    Some(o) if o != &i.id => {
                        if reported.insert(c.clone(), ()).is_none() {
                            out.push(finding(
                                Rule::CodeReused,
                                format!("code `{c}` stands for item `{o}` and for item `{}`", i.id),
                                version.clone(),
                                Some(c),
                            ));
                        }
                    }
                    Some(_) => {}
                    None => {
                        owner.insert(c, i.id.clone());
                    }
                }
            }
        }
    }
}

/// Successors that point nowhere, in the last state.
fn successor_findings(states: &[Audited], out: &mut Vec<Finding>) {
    // Successors that point nowhere.
    for (version, _, state) in states.iter().rev().take(1) {
        for i in &state.items {
            for s in &i.successors {
                if state.item(s).is_none() {
                    out.push(finding(
                        Rule::DanglingSuccessor,
                        format!(
                            "item `{}` ({}) names successor `{s}`, which the list does not hold",
                            i.code,
                            i.status.id()
                        ),
                        version.clone(),
                        Some(i.code.to_string()),
                    ));
                }
            }
            if !i.successors.is_empty() && !matches!(i.status, Status::Merged | Status::Split) {
                out.push(finding(
                    Rule::DanglingSuccessor,
                    format!(
                        "item `{}` names successors but is {}, not merged or split",
                        i.code,
                        i.status.id()
                    ),
                    version.clone(),
                    Some(i.code.to_string()),
                ));
            }
        }
    }
}

/// Whether any finding is an error.
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// The pending effects of upstream changes on `list` not yet answered:
/// overdue ones are errors, open ones warnings. (The parent lists must be
/// in `registry` for their changes to count.)
fn upstream_findings(registry: &Registry, list: &List, as_of: Date, out: &mut Vec<Finding>) {
    use crate::query::upstream::{EffectStatus, effects};
    let Ok(found) = effects(registry, Some(list.authority.as_str()), as_of) else {
        return;
    };
    for e in found {
        let check = match e.status {
            EffectStatus::Overdue => Rule::UpstreamOverdue,
            EffectStatus::Open => Rule::UpstreamPending,
            _ => continue,
        };
        let when = if e.status == EffectStatus::Overdue {
            format!("the deadline was {}", e.deadline)
        } else {
            format!("answer by {}", e.deadline)
        };
        out.push(finding(
            check,
            format!(
                "`{}` {}: {} {}《{}》on {} ({}); no adjustment answers `{}` ({when})",
                e.code,
                crate::diag::escape_controls(&e.name),
                e.change.zh,
                e.change.subject,
                crate::diag::escape_controls(&e.change.title),
                e.upstream_date,
                e.event,
                e.event
            ),
            None,
            Some(e.code.to_string()),
        ));
    }
}
