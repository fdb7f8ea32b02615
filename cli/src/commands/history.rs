//! `quanze history`: every version of one item, with its decisions.

use std::process::ExitCode;

use crate::args::HistoryArgs;
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, a: &HistoryArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let history = super::replayed(ctx.list(&reg, &a.authority)?)?;
    let versions = history.item_history(&a.code);
    if versions.is_empty() {
        return Err(Failure::Usage(format!(
            "no item has or had code or id `{}` in the change log of `{}`",
            a.code, a.authority
        )));
    }
    let mut s = String::new();
    for v in versions {
        let ops: Vec<String> = v
            .ops
            .iter()
            .map(|k| format!("{} {}", k.id(), k.zh()))
            .collect();
        let docs: Vec<&str> = v.decided_by.iter().map(|d| d.number.as_str()).collect();
        s.push_str(&format!(
            "{} {} [{}] {}\n",
            v.version,
            v.date,
            ops.join(", "),
            docs.join("、")
        ));
        match v.item {
            Some(i) => s.push_str(&format!(
                "    {} {} · {} · {}{}\n",
                i.code,
                i.name,
                i.category.zh(),
                i.status.zh(),
                i.ended.map(|e| format!(" (止于{e})")).unwrap_or_default()
            )),
            None => s.push_str("    (no record)\n"),
        }
    }
    print(&s);
    Ok(ExitCode::SUCCESS)
}
