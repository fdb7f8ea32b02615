//! `quanze law`: law events recorded in the laws log.

use std::process::ExitCode;

use quanze::record::{LawRecord, decisions, read_law_ops, record_laws};
use quanze::{Date, Id, LawEvent};

use crate::args::{LawCommand, LawCommon};
use crate::exit::Failure;
use crate::out::{Ctx, print};

pub(crate) fn run(ctx: &Ctx, c: &LawCommand) -> Result<ExitCode, Failure> {
    let shared = ctx.load_clean(&[])?;
    let (rec, dry_run) = match c {
        LawCommand::List(a) => return list(&shared, a.as_of),
        LawCommand::Apply(a) => {
            let file = read_law_ops(&a.file)?;
            (file.record(&shared, quanze::HashAlg::Sha256)?, a.dry_run)
        }
        LawCommand::Enact(a) => {
            let id: Id = a
                .law
                .parse()
                .map_err(|e| Failure::Usage(format!("law id {:?}: {e}", a.law)))?;
            let level: quanze::BasisLevel =
                serde_json::from_value(serde_json::Value::String(a.level.clone()))
                .map_err(|_| {
                    Failure::Usage(format!(
                        "--level {:?}: expected law, administrative-regulation, state-council-decision, departmental-rule, local-regulation, local-rule or normative-document",
                        a.level
                    ))
                })?;
            let law = serde_json::json!({
                "id": id, "title": a.title, "level": level, "issuer": a.issuer,
                "number": a.number, "promulgated": a.promulgated, "effective": a.effective,
                "articles": a.articles, "reconstructed": a.reconstructed,
            });
            let law: quanze::Law = serde_json::from_value(strip_nulls(law))
                .map_err(|e| Failure::Usage(e.to_string()))?;
            common(&shared, &a.common, LawEvent::Enact { law: Box::new(law) })?
        }
        LawCommand::Amend(a) => {
            let law = resolve(&shared, &a.law)?;
            let event = serde_json::json!({
                "kind": "amend", "law": law, "effective": a.effective, "title": a.title,
                "articles": (!a.articles.is_empty()).then_some(&a.articles), "note": a.note,
            });
            let event = serde_json::from_value(strip_nulls(event))
                .map_err(|e| Failure::Usage(e.to_string()))?;
            common(&shared, &a.common, event)?
        }
        LawCommand::Repeal(a) => {
            let law = resolve(&shared, &a.law)?;
            let replaced = match &a.replaced_by {
                Some(r) => Some(resolve(&shared, r)?),
                None => None,
            };
            let event = serde_json::json!({
                "kind": "repeal", "law": law, "effective": a.effective, "replaced_by": replaced,
            });
            let event = serde_json::from_value(strip_nulls(event))
                .map_err(|e| Failure::Usage(e.to_string()))?;
            common(&shared, &a.common, event)?
        }
    };
    let done = record_laws(&ctx.root, &rec, dry_run)?;
    let mut s = String::new();
    if dry_run {
        s.push_str("dry run: nothing written.\n\n");
    } else {
        s.push_str(&format!(
            "recorded laws {} ({}); wrote {}\n",
            done.entry.version,
            done.entry
                .event
                .iter()
                .map(|e| format!("{} {}", e.zh(), e.law()))
                .collect::<Vec<_>>()
                .join("、"),
            done.files
                .iter()
                .map(|f| format!("laws/{f}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if done
            .entry
            .event
            .iter()
            .any(|e| !matches!(e, LawEvent::Enact { .. }))
        {
            s.push_str(&format!(
                "the items citing it have pending effects: `quanze pending --as-of {}`\n\n",
                done.entry.date
            ));
        }
    }
    s.push_str(&done.text);
    print(&s);
    Ok(ExitCode::SUCCESS)
}

fn strip_nulls(v: serde_json::Value) -> serde_json::Value {
    match v {
        serde_json::Value::Object(m) => serde_json::Value::Object(
            m.into_iter()
                .filter(|(_, v)| !v.is_null() && *v != serde_json::Value::Bool(false))
                .collect(),
        ),
        other => other,
    }
}

/// The id of the law a reference names (id, document number or exact title).
fn resolve(reg: &quanze::Registry, reference: &str) -> Result<Id, Failure> {
    match reg.laws.find_all(reference).as_slice() {
        [one] => Ok(one.id.clone()),
        [] => Err(Failure::Usage(format!(
            "no law in laws/laws.toml has the id, document number or title {reference:?}"
        ))),
        many => Err(Failure::Usage(format!(
            "{reference:?} names {} laws ({}): give the law's id",
            many.len(),
            many.iter()
                .map(|l| l.id.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

fn common(
    reg: &quanze::Registry,
    c: &LawCommon,
    event: LawEvent,
) -> Result<(LawRecord, bool), Failure> {
    let mut rec = LawRecord::new(c.date, decisions(reg, &c.decided_by)?, vec![event]);
    rec.version.clone_from(&c.version);
    rec.reason.clone_from(&c.reason);
    Ok((rec, c.dry_run))
}

fn list(reg: &quanze::Registry, as_of: Option<Date>) -> Result<ExitCode, Failure> {
    let date = as_of.unwrap_or_else(Date::today);
    // The laws as the log had them that day: later events do not show.
    let version = reg
        .laws
        .log
        .iter()
        .rev()
        .find(|e| e.entry.date <= date)
        .map(|e| e.entry.version.to_string());
    let laws =
        quanze::history::laws_on(&reg.laws, date).unwrap_or_else(|| reg.laws.file.law.clone());
    let mut s = format!(
        "laws {} on {date}{}\n",
        version.unwrap_or_else(|| if reg.laws.log.is_empty() {
            "(no log)"
        } else {
            "(no log entry yet)"
        }
        .to_owned()),
        if as_of.is_none() { " (today)" } else { "" }
    );
    if let Some(note) = &reg.laws.file.note {
        s.push_str(&format!("注:{note}\n"));
    }
    for l in &laws {
        let status = if l.in_force_on(date) {
            "现行有效"
        } else if l.repealed.as_ref().is_some_and(|r| r.effective <= date) {
            "已废止"
        } else {
            "尚未施行"
        };
        s.push_str(&format!(
            "{:<28} {}  《{}》 {}{}\n",
            l.id,
            status,
            l.title,
            l.number.as_deref().unwrap_or(""),
            if l.amendment.is_empty() {
                String::new()
            } else {
                format!(
                    "  修订: {}",
                    l.amendment
                        .iter()
                        .map(|a| format!("{} {}", a.date, a.by))
                        .collect::<Vec<_>>()
                        .join(";")
                )
            }
        ));
    }
    print(&quanze::diag::escape_controls(&s));
    Ok(ExitCode::SUCCESS)
}
