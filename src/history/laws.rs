//! Replaying the laws log: the laws after each entry.

use crate::model::{Amendment, Law, LawEntry, LawEvent, Repeal};

/// Why an event of the laws log does not apply.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("entry {version}, event {event} ({kind} {law}): {reason}")]
#[non_exhaustive]
pub struct LawEventError {
    /// The index of the entry.
    pub entry: usize,
    /// Its version.
    pub version: String,
    /// The index of the event in the entry.
    pub event: usize,
    /// The event's kind.
    pub kind: &'static str,
    /// The law it concerns.
    pub law: String,
    /// Why it does not apply.
    pub reason: String,
}

/// Applies one entry to `laws`.
///
/// # Errors
/// The first event that does not fit (an enacted id in use, an amendment
/// or repeal of a law not in the log or already repealed).
pub fn apply_law_entry(
    laws: &mut Vec<Law>,
    n: usize,
    entry: &LawEntry,
) -> Result<(), LawEventError> {
    let by = entry.decided_by.first();
    for (k, event) in entry.event.iter().enumerate() {
        let fail = |reason: String| LawEventError {
            entry: n,
            version: entry.version.to_string(),
            event: k,
            kind: event.kind(),
            law: event.law().to_string(),
            reason,
        };
        let found = laws.iter().position(|l| &l.id == event.law());
        match event {
            LawEvent::Enact { law } => {
                if found.is_some() {
                    return Err(fail("the id is in use by a law already enacted".into()));
                }
                if law.repealed.is_some() {
                    return Err(fail(
                        "an enacted law is in force or yet to be: record its repeal as a later event"
                            .into(),
                    ));
                }
                // A law enters the registry with the amendments it had
                // before (a baseline); later ones are events of their own.
                if let Some(a) = law.amendment.iter().find(|a| a.date > entry.date) {
                    return Err(fail(format!(
                        "the amendment by {} is dated {}, after this entry: record it as an `amend` event",
                        a.by, a.date
                    )));
                }
                laws.push((**law).clone());
            }
            LawEvent::Amend {
                effective,
                title,
                articles,
                note,
                ..
            } => {
                let Some(i) = found else {
                    return Err(fail("no law with this id was enacted".into()));
                };
                let Some(by) = by else {
                    return Err(fail("the entry names no deciding document".into()));
                };
                let law = &mut laws[i];
                if let Some(r) = &law.repealed {
                    return Err(fail(format!("the law was repealed from {}", r.effective)));
                }
                if let Some(t) = title
                    && *t != law.title
                {
                    let old = std::mem::replace(&mut law.title, t.clone());
                    law.former_titles.push(old);
                }
                if let Some(a) = articles {
                    law.articles.clone_from(a);
                }
                law.amendment.push(Amendment {
                    by: by.number.to_string(),
                    date: by.date,
                    effective: effective.unwrap_or(entry.date),
                    title: title.clone(),
                    note: note.clone(),
                });
            }
            LawEvent::Repeal {
                effective,
                replaced_by,
                ..
            } => {
                let Some(i) = found else {
                    return Err(fail("no law with this id was enacted".into()));
                };
                let Some(by) = by else {
                    return Err(fail("the entry names no deciding document".into()));
                };
                if let Some(r) = replaced_by
                    && !laws.iter().any(|l| &l.id == r)
                {
                    return Err(fail(format!(
                        "`replaced_by` names {r}, which no entry up to this one enacts"
                    )));
                }
                let law = &mut laws[i];
                if let Some(r) = &law.repealed {
                    return Err(fail(format!("the law was repealed from {}", r.effective)));
                }
                law.repealed = Some(Repeal {
                    by: by.number.to_string(),
                    effective: effective.unwrap_or(entry.date),
                    replaced_by: replaced_by.clone(),
                });
            }
        }
    }
    Ok(())
}

/// The laws after every entry of `entries`, in order.
///
/// # Errors
/// The first event that does not apply.
pub fn replay_laws<'a>(
    entries: impl IntoIterator<Item = &'a LawEntry>,
) -> Result<Vec<Vec<Law>>, LawEventError> {
    let mut laws = Vec::new();
    let mut out = Vec::new();
    for (n, e) in entries.into_iter().enumerate() {
        apply_law_entry(&mut laws, n, e)?;
        out.push(laws.clone());
    }
    Ok(out)
}

/// The laws as the log had them on `date` (entries dated on or before it),
/// or `None` for laws without a log (or one that does not replay).
pub fn laws_on(laws: &crate::model::Laws, date: crate::model::Date) -> Option<Vec<Law>> {
    if laws.log.is_empty() {
        return None;
    }
    let entries = laws.log.iter().map(|e| &e.entry).filter(|e| e.date <= date);
    replay_laws(entries)
        .ok()
        .map(|v| v.last().cloned().unwrap_or_default())
}
