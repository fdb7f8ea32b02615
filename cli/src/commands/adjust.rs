//! `quanze adjust`: the edited list files recorded as a new change-log
//! entry.

use std::process::ExitCode;

use quanze::record::{Adjustment, adjust, decisions, read_ops_list};

use crate::args::AdjustArgs;
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &AdjustArgs) -> Result<ExitCode, Failure> {
    // Not `ctx.one`: the files' unrecorded changes are what adjust records;
    // the write checks the whole result, hash chain included, before it
    // writes.
    let reg = ctx.load_clean(&[&a.authority])?;
    ctx.list(&reg, &a.authority)?;
    let decided_by = decisions(&reg, &a.decided_by)?;
    let ops = match &a.ops {
        Some(f) => read_ops_list(f)?,
        None => Vec::new(),
    };
    let adj = Adjustment {
        version: a.version.clone(),
        date: a.date,
        decided_by,
        reason: a.reason.clone(),
        ops,
        hash: a.hash.into(),
        answers: a.answers.clone(),
    };
    let rec = adjust(&ctx.root, &a.authority, &adj, a.dry_run)?;
    print(&super::apply::recorded_text(&rec, a.dry_run));
    crate::out::eprint(&super::upstream::open_effects_note(
        ctx,
        &a.authority,
        a.date,
    ));
    Ok(ExitCode::SUCCESS)
}
