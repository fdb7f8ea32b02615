//! `quanze stats`: the counts of a list in the official phrasing.

use std::process::ExitCode;

use quanze::{Lang, Stats};

use crate::args::{Format, StatsArgs};
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &StatsArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let list = ctx.list(&reg, &a.authority)?;
    let (list, date) = super::view(list, a.at.as_ref(), a.as_of)?;
    let stats = Stats::compute(&reg, &list, date);
    match a.format {
        Format::Json => print(&quanze::publish::report::json(&stats)),
        Format::Text => print(&match Lang::from(a.lang) {
            Lang::Zh => stats.text_zh(),
            Lang::En => stats.text_en(&reg),
        }),
    }
    Ok(ExitCode::SUCCESS)
}
