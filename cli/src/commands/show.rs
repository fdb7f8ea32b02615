//! `quanze show`: one item in full.

use std::process::ExitCode;

use crate::args::ShowArgs;
use crate::exit::Failure;
use crate::out::Ctx;

pub(crate) fn run(ctx: &Ctx, a: &ShowArgs) -> Result<ExitCode, Failure> {
    let reg = ctx.one(&a.authority)?;
    let list = ctx.list(&reg, &a.authority)?;
    let (list, date) = super::view(list, a.at.as_ref(), a.as_of)?;
    let code = a.code.as_str();
    // A current code, an id or a sub-item's code; else a former code (a
    // recode, of the item or one that carried its sub-items), which
    // resolves to the item that holds it now.
    let item = list
        .items
        .iter()
        .find(|i| {
            i.code.as_str() == code
                || i.id.as_str() == code
                || i.sub.iter().any(|s| s.code.as_str() == code)
        })
        .or_else(|| {
            list.items.iter().find(|i| {
                i.former_codes.iter().any(|c| c.as_str() == code)
                    || i.sub
                        .iter()
                        .any(|s| s.former_codes.iter().any(|c| c.as_str() == code))
            })
        });
    let Some(item) = item else {
        let codes = list.items.iter().map(|i| i.code.as_str());
        let hint = quanze::diag::suggest(code, codes)
            .map(|s| format!("; did you mean `{s}`?"))
            .unwrap_or_default();
        return Err(Failure::Usage(format!(
            "no item with code or id `{code}` in the list of `{}`{hint}",
            a.authority
        )));
    };
    ctx.print_report(
        &quanze::render_item(&reg, &list, item, date, a.lang.into()),
        quanze::publish::Format::Text,
    );
    Ok(ExitCode::SUCCESS)
}
