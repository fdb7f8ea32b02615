//! `quanze stats`: the counts of a list in the official phrasing.

use std::process::ExitCode;

use quanze::{Lang, Stats};

use crate::args::StatsArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &StatsArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let list = ctx.list(&reg, &a.authority)?;
    let (list, date) = super::view(list, a.at.as_ref(), a.as_of)?;
    let stats = Stats::compute(&reg, &list, date);
    let mut out = quanze::publish::report::stats(&stats, &reg, Lang::from(a.lang), a.format)?;
    if a.format == quanze::publish::Format::Text {
        out.push_str(&open_effects_line(ctx, &a.authority, date));
    }
    ctx.print_report(&out, a.format);
    Ok(ExitCode::SUCCESS)
}

/// The open effects of upstream changes on the list, when there are any.
fn open_effects_line(ctx: &Ctx, authority: &str, date: quanze::Date) -> String {
    use quanze::query::upstream::{EffectStatus, effects};
    let Ok(reg) = super::upstream::with_parents(ctx, authority) else {
        return String::new();
    };
    let Ok(found) = effects(&reg, Some(authority), date) else {
        return String::new();
    };
    let open = found
        .iter()
        .filter(|e| e.status != EffectStatus::Resolved)
        .count();
    let overdue = found
        .iter()
        .filter(|e| e.status == EffectStatus::Overdue)
        .count();
    if open == 0 {
        return String::new();
    }
    format!("上游变化待调整: {open}项(其中已逾期{overdue}项),`quanze pending {authority}` 列出。\n")
}
