//! `quanze log`: every version with its date, decisions and operations.

use std::process::ExitCode;

use quanze::{HashAlg, List, OpKind};

use crate::args::LogArgs;
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &LogArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    print(&log_text(ctx.list(&reg, &a.authority)?));
    Ok(ExitCode::SUCCESS)
}

fn log_text(list: &List) -> String {
    let mut s = String::new();
    if list.log.is_empty() {
        return format!("the list of `{}` has no change log\n", list.authority);
    }
    for e in &list.log {
        let docs: Vec<&str> = e
            .entry
            .decided_by
            .iter()
            .map(|d| d.number.as_str())
            .collect();
        let mut counts: Vec<(OpKind, usize)> = Vec::new();
        for op in &e.entry.op {
            match counts.iter_mut().find(|(k, _)| *k == op.kind()) {
                Some((_, n)) => *n += 1,
                None => counts.push((op.kind(), 1)),
            }
        }
        let ops: Vec<String> = counts
            .iter()
            .map(|(k, n)| format!("{} {n}", k.id()))
            .collect();
        let alg = e
            .entry
            .previous
            .as_deref()
            .and_then(HashAlg::of)
            .unwrap_or_default();
        s.push_str(&format!(
            "{} {} {}\n",
            e.entry.version,
            e.entry.date,
            docs.join("、")
        ));
        if let Some(r) = &e.entry.reason {
            s.push_str(&format!("    {r}\n"));
        }
        s.push_str(&format!("    {} · {}\n", ops.join(", "), e.hash(alg)));
    }
    s
}
