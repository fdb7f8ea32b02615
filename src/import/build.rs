//! Rows into items: grouping the rows of an item (merged, repeated or
//! blank below the first), sub-items, units, codes, and every cell placed
//! in a field or kept as an unmapped note.

use std::collections::{HashMap, HashSet};

use crate::import::header::{Field, Header};
use crate::import::read::Sheet;
use crate::import::text::{self, Limit};
use crate::import::{Grantors, Rejection};
use crate::model::{
    BasisRole, Category, Code, Date, Handling, Id, Implementation, Item, Status, SubItem, Unmapped,
};

use crate::publish::catalogue::ASSIGNED as ASSIGNED_MARK;

/// One data row: where it is and its cells.
pub(crate) struct Row<'a> {
    pub(crate) at: usize,
    pub(crate) cells: &'a [String],
}

impl Row<'_> {
    fn get(&self, header: &Header, f: Field) -> &str {
        header
            .col(f)
            .and_then(|c| self.cells.get(c))
            .map_or("", String::as_str)
    }
}

/// The rows of one item, in sheet order.
pub(crate) struct Group<'a> {
    pub(crate) category: Category,
    pub(crate) rows: Vec<Row<'a>>,
}

/// What a sheet gives: its item groups, the rows it kept as section rows
/// and notes, and what it refused.
#[derive(Default)]
pub(crate) struct SheetRows<'a> {
    pub(crate) groups: Vec<Group<'a>>,
    pub(crate) sections: usize,
    pub(crate) notes: Vec<(usize, String)>,
}

/// Where a cell is, as reports and notes name it: `file!sheet D7`.
pub(crate) fn place(sheet: &Sheet, row: usize, col: Option<usize>) -> String {
    let file = sheet.file.file_name().map_or_else(
        || sheet.file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let sheet_name = sheet
        .name
        .as_deref()
        .map(|n| format!("!{n}"))
        .unwrap_or_default();
    let col = col
        .map(crate::import::read::column_letters)
        .unwrap_or_default();
    format!("{file}{sheet_name} {col}{row}")
}

/// Groups the data rows of a sheet under its header into items.
pub(crate) fn group<'a>(
    sheet: &'a Sheet,
    header: &Header,
    default_category: Option<Category>,
    rejected: &mut Vec<Rejection>,
) -> SheetRows<'a> {
    let mut out = SheetRows::default();
    let name_col = header.col(Field::Name);
    let sub_col = header.col(Field::SubName);
    let mut current = default_category;
    let mut section_break = false;
    let own = code_column_holds_sub_codes(header);
    let first = header.row - 1 + header.rows;
    for (r, cells) in sheet.rows.iter().enumerate().skip(first) {
        let row = Row { at: r + 1, cells };
        let filled: Vec<usize> = (0..cells.len()).filter(|&c| !cells[c].is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        // Control characters (an escape, a bell, a NUL) are no part of any
        // list's text: the row is refused, naming the cell.
        if let Some(c) = filled
            .iter()
            .copied()
            .find(|&c| cells[c].chars().any(forbidden))
        {
            let bad = cells[c].chars().find(|ch| forbidden(*ch)).unwrap_or(' ');
            rejected.push(Rejection {
                row: row.at,
                at: place(sheet, row.at, Some(c)),
                found: format!("the control character U+{:04X}", bad as u32),
                expected: "text without control characters (only line breaks and tabs) or bidirectional overrides".to_owned(),
            });
            continue;
        }
        let name = row.get(header, Field::Name);
        let sub = row.get(header, Field::SubName);
        // A row with one cell, or with the same text in every cell (a
        // merged row across the table), is a section row or a note.
        // A sub-item name alone is a sub-item row (a CSV of merged cells).
        let single = filled.iter().all(|&c| cells[c] == cells[filled[0]])
            && sub_col.is_none_or(|s| filled != [s]);
        if single && (filled.len() == 1 || name_col.is_some_and(|n| filled.contains(&n))) {
            let t = &cells[filled[0]];
            if let Some(c) = text::category(t) {
                current = Some(c);
                out.sections += 1;
                // The rows after a section row start a new item.
                section_break = true;
                continue;
            }
            if filled.len() > 1 || name_col.is_none_or(|n| filled != [n]) || is_note(t) {
                out.notes.push((row.at, t.clone()));
                continue;
            }
        }
        let continues = !section_break
            && out.groups.last().is_some_and(|g| {
                let first = &g.rows[0];
                let first_sub = sub_col
                    .and_then(|c| first.cells.get(c))
                    .is_some_and(|s| !s.is_empty());
                !sub.is_empty()
                && first_sub
                && (name.is_empty() || name == first.get(header, Field::Name))
                && category_cell_agrees(&row, first, header)
                // An item has no two sub-items of one name: a repeated one
                // starts the next item of the same name.
                && !g.rows.iter().any(|r| r.get(header, Field::SubName) == sub)
                // quanze's own catalogue prints every item cell on every row:
                // a row whose item cells differ is another item.
                && (!own || same_item_cells(&row, first, header))
            });
        if continues {
            if let Some(g) = out.groups.last_mut() {
                g.rows.push(row);
            }
            continue;
        }
        if name.is_empty() {
            rejected.push(Rejection {
                row: row.at,
                at: place(sheet, row.at, name_col),
                found: cells.iter().filter(|c| !c.is_empty()).cloned().collect::<Vec<_>>().join(" | "),
                expected: "an item name in the item column, or a sub-item name below an item with sub-items".to_owned(),
            });
            continue;
        }
        let cat_cell = row.get(header, Field::Category);
        let category = if cat_cell.is_empty() {
            current
        } else {
            text::category(cat_cell)
        };
        let Some(category) = category else {
            rejected.push(Rejection {
                row: row.at,
                at: place(sheet, row.at, header.col(Field::Category).or(name_col)),
                found: if cat_cell.is_empty() { format!("no category for {name:?}") } else { format!("category {cat_cell:?}") },
                expected: "a category: a 事项类型 cell such as 行政许可, a sheet named after one, a section row such as 一、行政许可, or `category` in the mapping file".to_owned(),
            });
            continue;
        };
        section_break = false;
        out.groups.push(Group {
            category,
            rows: vec![row],
        });
    }
    out
}

/// A character no list text holds: a control character other than a line
/// break or tab, or a bidirectional override that makes text read other
/// than it is stored.
fn forbidden(ch: char) -> bool {
    (ch.is_control() && ch != '\n' && ch != '\t')
        || matches!(ch, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A note under a table: `注:`, `说明:`, `备注:`, `注1.` and the like.
fn is_note(t: &str) -> bool {
    let mut c = t.chars();
    match (c.next(), c.next(), c.next()) {
        (Some('注'), Some(x), _) => ":：、.．1234567890一".contains(x),
        (Some('说' | '备'), Some('明' | '注'), Some(x)) => ":：".contains(x),
        _ => false,
    }
}

/// Whether two rows say the same in every item cell (not the unit's).
fn same_item_cells(row: &Row<'_>, first: &Row<'_>, header: &Header) -> bool {
    header.columns.iter().enumerate().all(|(c, col)| {
        col.field.is_none_or(Field::per_unit)
            || row.cells.get(c).map_or("", String::as_str)
                == first.cells.get(c).map_or("", String::as_str)
    })
}

fn category_cell_agrees(row: &Row<'_>, first: &Row<'_>, header: &Header) -> bool {
    let c = row.get(header, Field::Category);
    c.is_empty() || c == first.get(header, Field::Category)
}

/// The state of one import across sheets: codes and ids taken, counters.
#[derive(Default)]
pub(crate) struct Codes {
    taken: HashSet<String>,
    /// Codes of the existing list (ended ones and former codes included):
    /// an imported row may carry one, an assigned code never is one, since
    /// codes are never reused.
    avoid: HashSet<String>,
    /// Of those, the codes of ended records and former codes: a row may not
    /// carry one (codes are never reused).
    retired: HashSet<String>,
    ids: HashSet<String>,
    next: HashMap<Category, usize>,
    pub(crate) assigned: usize,
}

impl Codes {
    /// Codes that assigned codes must not be: those a sheet carries (an
    /// assigned code is never one a later row brings).
    pub(crate) fn avoid_sheet(&mut self, sheet: &Sheet, header: &Header) {
        for col in [header.col(Field::Code), header.col(Field::SubCode)]
            .into_iter()
            .flatten()
        {
            self.avoid.extend(
                sheet
                    .rows
                    .iter()
                    .filter_map(|r| r.get(col))
                    .filter(|c| !c.is_empty())
                    .cloned(),
            );
        }
    }

    /// Codes that assigned codes must not be: the existing list's.
    pub(crate) fn avoid_list(&mut self, list: &crate::model::List) {
        for i in &list.items {
            // Codes that can never come back: ended items' and sub-items',
            // and every former code.
            if i.status.is_ended() {
                self.retired.insert(i.code.to_string());
            }
            self.retired
                .extend(i.former_codes.iter().map(ToString::to_string));
            for s in &i.sub {
                if s.status.is_ended() {
                    self.retired.insert(s.code.to_string());
                }
                self.retired
                    .extend(s.former_codes.iter().map(ToString::to_string));
            }
            self.avoid.extend(
                std::iter::once(&i.code)
                    .chain(&i.former_codes)
                    .chain(
                        i.sub
                            .iter()
                            .flat_map(|s| std::iter::once(&s.code).chain(&s.former_codes)),
                    )
                    .map(ToString::to_string),
            );
        }
    }

    /// Reserves the codes and id of an item read whole (from a JSON
    /// catalogue).
    pub(crate) fn reserve(&mut self, item: &Item) {
        self.taken.insert(item.code.to_string());
        self.taken
            .extend(item.sub.iter().map(|s| s.code.to_string()));
        self.ids.insert(item.id.to_string());
    }

    pub(crate) fn is_retired(&self, code: &str) -> bool {
        self.retired.contains(code)
    }

    pub(crate) fn is_taken(&self, code: &str) -> bool {
        self.taken.contains(code)
    }

    fn take(&mut self, code: &str) -> bool {
        self.taken.insert(code.to_owned())
    }

    fn assign(&mut self, category: Category) -> Code {
        loop {
            let n = self.next.entry(category).or_insert(0);
            *n += 1;
            let code = format!("{}-{:03}", category.letters(), n);
            if !self.avoid.contains(&code) && self.taken.insert(code.clone()) {
                self.assigned += 1;
                return code.parse().unwrap_or_else(|_| unreachable_code());
            }
        }
    }

    fn assign_sub(&mut self, item: &Code, n: usize) -> Code {
        let mut k = n;
        loop {
            let code = format!("{item}-{k:02}");
            if !self.avoid.contains(&code) && self.taken.insert(code.clone()) {
                self.assigned += 1;
                return code.parse().unwrap_or_else(|_| unreachable_code());
            }
            k += 1;
        }
    }

    /// A stable id from a code: lowercase, other characters as `-`.
    pub(crate) fn id(&mut self, code: &Code) -> Id {
        let mut base: String = code
            .as_str()
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '-'
                }
            })
            .collect();
        base = base.trim_matches('-').to_owned();
        base.truncate(56);
        if base.is_empty() || base.parse::<Id>().is_err() {
            base = format!("item-{base}").trim_end_matches('-').to_owned();
        }
        let mut id = base.clone();
        let mut k = 2;
        while !self.ids.insert(id.clone()) || id.parse::<Id>().is_err() {
            id = format!("{base}-{k}");
            k += 1;
        }
        id.parse().unwrap_or_else(|_| unreachable_id())
    }
}

#[allow(clippy::panic)]
fn unreachable_code() -> Code {
    // Codes built here are letters, digits and `-`: always valid.
    panic!("an assigned code is always valid")
}

#[allow(clippy::panic)]
fn unreachable_id() -> Id {
    panic!("an id built from a code is always valid")
}

/// The settings an item is built with.
pub(crate) struct Build<'a> {
    pub(crate) header: &'a Header,
    pub(crate) sheet: &'a Sheet,
    pub(crate) effective: Date,
    pub(crate) body: &'a str,
    pub(crate) holder: &'a Id,
    /// Whether the code column holds the sub-items' own codes on every item
    /// (quanze's own catalogue), rather than the item's code repeated.
    pub(crate) sub_codes: bool,
}

/// Whether the code column holds the sub-items' own codes on every item:
/// quanze's own catalogue says so by its layout (its 事项编码 is the unit's
/// code). Elsewhere each item says so itself, by different codes on its
/// rows ([`Group::own_codes`]).
pub(crate) fn code_column_holds_sub_codes(header: &Header) -> bool {
    let own = |cols: &[&str]| {
        header.columns.len() == cols.len()
            && header
                .columns
                .iter()
                .zip(cols)
                .all(|(c, h)| c.heading == *h)
    };
    own(&crate::publish::catalogue::COLUMNS) || own(&crate::publish::catalogue::COLUMNS_EN)
}

impl Group<'_> {
    /// Whether this item's rows carry different codes: its sub-items' own.
    fn own_codes(&self, header: &Header) -> bool {
        let codes: Vec<&str> = self
            .rows
            .iter()
            .map(|r| r.get(header, Field::Code))
            .collect();
        codes.iter().any(|c| *c != codes[0])
    }
}

/// What building an item noticed beside the item itself.
#[derive(Default)]
pub(crate) struct Notices {
    pub(crate) inferred_levels: usize,
    pub(crate) unreadable_limits: Vec<String>,
}

impl Build<'_> {
    fn note(&self, item: &mut Item, row: &Row<'_>, col: usize, value: &str) {
        item.unmapped.push(Unmapped {
            at: place(self.sheet, row.at, Some(col)),
            heading: self
                .header
                .columns
                .get(col)
                .map(|c| c.heading.clone())
                .unwrap_or_default(),
            value: value.to_owned(),
        });
    }

    /// The item of a group of rows, or the rejection of its first row.
    pub(crate) fn item(
        &self,
        g: &Group<'_>,
        codes: &mut Codes,
        grantors: &mut Grantors,
        notices: &mut Notices,
    ) -> Result<Item, Rejection> {
        let h = self.header;
        let first = &g.rows[0];
        let cell = |f: Field| first.get(h, f);
        let has_subs = !cell(Field::SubName).is_empty();
        let code = self.item_code(g, codes, has_subs)?;
        let mut item = Item::new(
            codes.id(&code.0),
            code.0,
            cell(Field::Name),
            g.category,
            self.effective,
        );
        item.code_assigned = code.1;
        // The holder is the body of items in a sheet without a body column.
        item.body = if h.col(Field::Body).is_none() {
            self.body.to_owned()
        } else {
            cell(Field::Body).to_owned()
        };
        item.unit = non_empty(cell(Field::Unit));
        item.source = text::source(cell(Field::Source)).ok_or_else(|| Rejection {
            row: first.at,
            at: place(self.sheet, first.at, h.col(Field::Source)),
            found: format!("source {:?}", cell(Field::Source)),
            expected: "a source: 法定本级行使, 上级下放, 上级委托 or 授权 (or blank for the authority's own)".to_owned(),
        })?;
        let grantor = cell(Field::Grantor);
        if !grantor.is_empty() {
            item.grantor = Some(grantors.id_for(grantor, self.holder));
        }
        for (f, role) in [
            (Field::SettingBasis, BasisRole::Setting),
            (Field::ImplementingBasis, BasisRole::Implementing),
            (Field::Basis, BasisRole::Setting),
        ] {
            let bases = text::bases(cell(f), role);
            notices.inferred_levels += bases.iter().filter(|b| b.level_inferred).count();
            item.basis.extend(bases);
        }
        item.responsibility = text::responsibilities(cell(Field::Responsibility));
        item.accountability = text::clauses(cell(Field::Accountability));
        item.accountability_basis = text::clauses(cell(Field::AccountabilityBasis));
        item.supervision = text::clauses(cell(Field::Supervision));
        item.remedies = text::clauses(cell(Field::Remedies));
        // Every cell no field holds, on every row, is kept.
        for row in &g.rows {
            for (c, col) in h.columns.iter().enumerate() {
                let v = row.cells.get(c).map_or("", String::as_str);
                if v.is_empty() {
                    continue;
                }
                let unheld = matches!(col.field, None | Some(Field::Ignore));
                // An item's cell on a later row that says something else than
                // its first row does is kept too.
                let differs = col
                    .field
                    .is_some_and(|f| !f.per_unit() && f != Field::Ignore)
                    && !std::ptr::eq(row, first)
                    && v != first.cells.get(c).map_or("", String::as_str);
                if unheld || differs {
                    self.note(&mut item, row, c, v);
                }
            }
        }
        self.units(&mut item, g, codes, has_subs, notices);
        Ok(item)
    }

    /// The item's code and whether it was assigned.
    fn item_code(
        &self,
        g: &Group<'_>,
        codes: &mut Codes,
        has_subs: bool,
    ) -> Result<(Code, bool), Rejection> {
        let h = self.header;
        let cells: Vec<&str> = g.rows.iter().map(|r| r.get(h, Field::Code)).collect();
        let first = cells[0];
        let derived =
            has_subs && h.col(Field::SubCode).is_none() && (self.sub_codes || g.own_codes(h));
        let text = if !derived {
            first.to_owned()
        } else {
            // Sub-items' own codes in the code column (XK-001-01, XK-001-02):
            // the item's is the part they share before their last `-`.
            // A new sub-item's blank cell says nothing of it.
            let parents: Vec<&str> = cells
                .iter()
                .filter(|c| !c.is_empty())
                .map(|c| c.rfind(['-', '.']).map_or("", |i| &c[..i]))
                .collect();
            if !parents.is_empty() && parents.iter().all(|p| *p == parents[0]) {
                parents[0].to_owned()
            } else {
                String::new()
            }
        };
        // A code derived from the sub-items' that is no code, or taken, is
        // only a guess that failed: the item gets an assigned one.
        let usable = !text.is_empty()
            && (!derived
                || text
                    .parse::<Code>()
                    .is_ok_and(|c| !codes.is_taken(c.as_str())));
        if !usable {
            return Ok((codes.assign(g.category), true));
        }
        let code: Code = text
            .parse()
            .map_err(|e: crate::model::ParseError| Rejection {
                row: g.rows[0].at,
                at: place(self.sheet, g.rows[0].at, h.col(Field::Code)),
                found: format!("code {text:?}"),
                expected: e.expected.to_owned(),
            })?;
        if codes.is_retired(code.as_str()) {
            return Err(Rejection {
                row: g.rows[0].at,
                at: place(self.sheet, g.rows[0].at, h.col(Field::Code)),
                found: format!("code {text:?}, which the list retired (an ended item's, or a former code)"),
                expected: "a code the list never used: codes are never reused (`quanze resolve` shows where an old code went)".to_owned(),
            });
        }
        if !codes.take(code.as_str()) {
            return Err(Rejection {
                row: g.rows[0].at,
                at: place(self.sheet, g.rows[0].at, h.col(Field::Code)),
                found: format!("code {text:?} a second time"),
                expected: "a code no other item or sub-item of the list has".to_owned(),
            });
        }
        Ok((code, false))
    }

    fn units(
        &self,
        item: &mut Item,
        g: &Group<'_>,
        codes: &mut Codes,
        has_subs: bool,
        notices: &mut Notices,
    ) {
        let h = self.header;
        // Remarks: each row's, less the marks quanze prints; the item's when
        // every row says the same.
        let mut remarks = Vec::new();
        let mut assigned_marks = Vec::new();
        for row in &g.rows {
            let (els, rest) = text::reconstructed_mark(row.get(h, Field::Remarks));
            if std::ptr::eq(row, &g.rows[0]) {
                item.reconstructed = els;
            }
            let had_mark = rest.contains(ASSIGNED_MARK);
            let rest = rest.replace(ASSIGNED_MARK, "").trim().to_owned();
            assigned_marks.push(had_mark);
            remarks.push(rest);
        }
        let shared = remarks.iter().all(|r| *r == remarks[0]);
        if !has_subs {
            item.implementation = self.implementation(item, &g.rows[0], notices);
            item.remarks = non_empty(&remarks[0]);
            item.code_assigned |= assigned_marks[0];
            return;
        }
        if shared {
            item.remarks = non_empty(&remarks[0]);
        }
        let sub_codes: Vec<&str> = g
            .rows
            .iter()
            .map(|r| {
                if h.col(Field::SubCode).is_some() {
                    r.get(h, Field::SubCode)
                } else {
                    r.get(h, Field::Code)
                }
            })
            .collect();
        let own_codes = h.col(Field::SubCode).is_some() || self.sub_codes || g.own_codes(h);
        for (k, row) in g.rows.iter().enumerate() {
            let given = if own_codes { sub_codes[k] } else { "" };
            let (code, assigned) = match given.parse::<Code>() {
                Ok(c) if !codes.is_retired(c.as_str()) && codes.take(c.as_str()) => (c, false),
                Ok(_) | Err(_) => {
                    if !given.is_empty() {
                        self.note(
                            item,
                            row,
                            h.col(Field::SubCode).or(h.col(Field::Code)).unwrap_or(0),
                            given,
                        );
                    }
                    (codes.assign_sub(&item.code, k + 1), true)
                }
            };
            let implementation = self.implementation(item, row, notices);
            item.sub.push(SubItem {
                code,
                code_assigned: assigned || assigned_marks[k],
                name: row.get(h, Field::SubName).to_owned(),
                status: Status::InForce,
                effective: None,
                ended: None,
                implementation,
                remarks: if shared { None } else { non_empty(&remarks[k]) },
                implementation_code: None,
                cases: Vec::new(),
                former_codes: Vec::new(),
            });
        }
    }

    fn implementation(
        &self,
        item: &mut Item,
        row: &Row<'_>,
        notices: &mut Notices,
    ) -> Option<Implementation> {
        let h = self.header;
        let mut imp = Implementation::default();
        let mut unit = None;
        let mut seen_bare = None;
        for f in [Field::LegalDays, Field::PromisedDays] {
            let t = row.get(h, f);
            let (n, u, immediate) = match text::limit(t) {
                Some(Limit::None) => continue,
                Some(Limit::Days(n, u)) => (n, u, false),
                Some(Limit::Immediate) => (0, None, true),
                None => {
                    notices
                        .unreadable_limits
                        .push(format!("{}: {t:?}", place(self.sheet, row.at, h.col(f))));
                    if let Some(c) = h.col(f) {
                        self.note(item, row, c, t);
                    }
                    continue;
                }
            };
            // One unit holds both limits: a promise in another unit than
            // the legal limit is kept as a note, not coerced.
            // A bare number is in the class's unit.
            let stated = u.or(Some(item.category.time_unit())).filter(|_| !immediate);
            if let (Some(a), Some(b)) = (unit.or(seen_bare), stated)
                && a != b
            {
                notices.unreadable_limits.push(format!(
                    "{}: {t:?} (in another unit than the legal limit)",
                    place(self.sheet, row.at, h.col(f))
                ));
                if let Some(c) = h.col(f) {
                    self.note(item, row, c, t);
                }
                continue;
            }
            unit = unit.or(u);
            if u.is_none() && !immediate {
                seen_bare = seen_bare.or(Some(item.category.time_unit()));
            }
            if f == Field::LegalDays {
                imp.legal_days = Some(n);
            } else {
                imp.promised_days = Some(n);
                if immediate && h.col(Field::Handling).is_none() {
                    imp.handling = Some(Handling::Immediate);
                }
            }
        }
        imp.time_unit = unit.filter(|u| *u != item.category.time_unit());
        match text::handling(row.get(h, Field::Handling)) {
            Some(Some(x)) => imp.handling = Some(x),
            Some(None) => {}
            None => {
                if let Some(c) = h.col(Field::Handling) {
                    self.note(item, row, c, row.get(h, Field::Handling));
                }
            }
        }
        if h.col(Field::Handling).is_none()
            && imp.handling.is_none()
            && imp.promised_days.is_some_and(|d| d > 0)
        {
            imp.handling = Some(Handling::Promised);
        }
        (imp != Implementation::default()).then_some(imp)
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}
