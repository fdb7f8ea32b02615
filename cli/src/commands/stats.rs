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
    let out = quanze::publish::report::stats(&stats, &reg, Lang::from(a.lang), a.format)?;
    ctx.print_report(&out, a.format);
    Ok(ExitCode::SUCCESS)
}
