//! `quanze impact`, `pending` and `align`: upstream changes and the lists
//! below them.

use std::process::ExitCode;

use quanze::publish::upstream::{align_table, impact_table, pending_table};
use quanze::query::upstream::{EffectStatus, align as align_of, effects, impact as impact_of};
use quanze::{Date, Registry};

use crate::args::{AlignArgs, ImpactArgs, PendingArgs};
use crate::exit::Failure;
use crate::out::{Ctx, eprint};

/// Every list read cleanly, each history verified, and the laws and the
/// calendar without errors (or `--unverified`).
fn load(ctx: &Ctx, only: &[&str]) -> Result<Registry, Failure> {
    let reg = ctx.load_clean(only)?;
    let upstream: Vec<quanze::Diagnostic> = reg
        .validate_shared()
        .into_iter()
        .filter(|d| {
            d.is_error()
                && (d.file.starts_with(ctx.root.join("laws"))
                    || d.file == ctx.root.join("calendar.toml"))
        })
        .collect();
    ctx.verified_by("laws", upstream)?;
    for list in reg.lists.values() {
        ctx.verified(&reg, list)?;
    }
    Ok(reg)
}

/// The date asked for, or today, said on standard error.
fn date(as_of: Option<Date>) -> Date {
    as_of.unwrap_or_else(|| {
        let d = Date::today();
        eprint(&format!("as of {d} (today; --as-of sets the date)\n"));
        d
    })
}

pub(crate) fn impact(ctx: &Ctx, a: &ImpactArgs) -> Result<ExitCode, Failure> {
    if let Some(article) = &a.article
        && quanze::cited_articles(article).is_empty()
    {
        return Err(Failure::Usage(format!(
            "--article {article:?} names no article: write it 第十八条 (or 第18条)"
        )));
    }
    let reg = load(ctx, &[])?;
    let as_of = date(a.as_of);
    let i = impact_of(&reg, &a.law, a.article.as_deref(), as_of)?;
    ctx.print_report(&impact_table(&i).render(a.format)?, a.format);
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn pending(ctx: &Ctx, a: &PendingArgs) -> Result<ExitCode, Failure> {
    if let Some(auth) = &a.authority {
        ctx.scope(Some(auth))?;
    }
    let reg = load(ctx, &[])?;
    if let Some(auth) = &a.authority
        && reg.list(auth).is_none()
    {
        return Err(ctx.no_list(auth));
    }
    let as_of = date(a.as_of);
    let mut found = effects(&reg, a.authority.as_deref(), as_of)?;
    if !a.all {
        found.retain(|e| e.status != EffectStatus::Resolved);
    }
    ctx.print_report(&pending_table(&found, as_of).render(a.format)?, a.format);
    Ok(if found.iter().any(|e| e.status == EffectStatus::Overdue) {
        ExitCode::from(crate::exit::PROBLEMS)
    } else {
        ExitCode::SUCCESS
    })
}

pub(crate) fn align(ctx: &Ctx, a: &AlignArgs) -> Result<ExitCode, Failure> {
    let reg = load(ctx, &[])?;
    if reg.list(&a.parent).is_none() {
        return Err(ctx.no_list(&a.parent));
    }
    let as_of = date(a.as_of);
    let al = align_of(&reg, &a.parent, as_of)?;
    ctx.print_report(&align_table(&al).render(a.format)?, a.format);
    Ok(ExitCode::SUCCESS)
}

/// The registry with `authority`'s list and the lists above it (read as
/// they are: a problem in them is `check`'s to report).
pub(crate) fn with_parents(ctx: &Ctx, authority: &str) -> Result<Registry, Failure> {
    let mut reg = ctx.load(&[authority])?.registry;
    add_parents(ctx, &mut reg, authority)?;
    Ok(reg)
}

/// Reads the lists above `authority`'s into `reg`.
pub(crate) fn add_parents(ctx: &Ctx, reg: &mut Registry, authority: &str) -> Result<(), Failure> {
    let parents: Vec<String> = reg
        .list(authority)
        .map(|l| l.meta.parent.iter().map(|p| p.list.to_string()).collect())
        .unwrap_or_default();
    let parents: Vec<&str> = parents
        .iter()
        .map(String::as_str)
        .filter(|p| ctx.root.join(p).join("list.toml").is_file())
        .collect();
    if !parents.is_empty() {
        for (id, l) in ctx.load(&parents)?.registry.lists {
            reg.lists.entry(id).or_insert(l);
        }
    }
    Ok(())
}

/// What `adjust` and `apply` say of the upstream events `authority`'s list
/// has still to answer on `date`: one line per event, or nothing.
pub(crate) fn open_effects_note(ctx: &Ctx, authority: &str, date: Date) -> String {
    let Ok(reg) = with_parents(ctx, authority) else {
        return String::new();
    };
    let Ok(found) = effects(&reg, Some(authority), date) else {
        return String::new();
    };
    let mut by_event: Vec<(String, Vec<String>, Date, bool)> = Vec::new();
    for e in found.iter().filter(|e| e.status != EffectStatus::Resolved) {
        match by_event.iter_mut().find(|(id, ..)| *id == e.event) {
            Some((_, codes, ..)) => codes.push(e.code.to_string()),
            None => by_event.push((
                e.event.clone(),
                vec![e.code.to_string()],
                e.deadline,
                e.status == EffectStatus::Overdue,
            )),
        }
    }
    let mut s = String::new();
    for (event, codes, deadline, overdue) in by_event {
        s.push_str(&format!(
            "note: upstream event `{event}` is still to be answered ({}; {} {deadline}): record the answer with --answers {event}\n",
            codes.join(", "),
            if overdue { "overdue since" } else { "due by" },
        ));
    }
    s
}
