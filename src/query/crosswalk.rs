//! The crosswalk between two versions (old code → new codes) and the
//! comparison of two authorities' lists.

use std::collections::HashSet;

use serde::Serialize;

use crate::history::{Error, History, Point, view};
use crate::model::Item;
use crate::model::{Date, Id, Version};
use crate::model::{List, Registry};
use crate::query::diff::{FieldChange, ItemRef, diff_values};

/// One row of a crosswalk: where an old code (or sub-item code) went.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrosswalkRow {
    /// The item's code on the `from` side.
    pub code: String,
    /// The sub-item's code, for a row about a sub-item.
    pub sub: Option<String>,
    /// The item's name on the `from` side.
    pub name: String,
    /// The codes to use on the `to` side (empty: the power ended without successor).
    pub new_codes: Vec<String>,
    /// What happened (`unchanged`, or the operations in order, e.g. `recode`, `merge`).
    pub event: String,
    /// The version of the last step (none when unchanged).
    pub version: Option<Version>,
    /// Its date.
    pub date: Option<Date>,
    /// The deciding documents of the steps.
    pub documents: Vec<String>,
}

/// The crosswalk of `list` from one point to another: one row per item and
/// per sub-item in force on the `from` side.
///
/// # Errors
/// When the list has no change log or a point does not exist.
pub fn crosswalk(list: &List, from: &Point, to: &Point) -> Result<Vec<CrosswalkRow>, Error> {
    let history = list.history()?;
    if history.versions.is_empty() {
        return Err(Error::NoChangeLog {
            authority: list.authority.clone(),
        });
    }
    let (a, _, ia) = view(list, Some(&history), from)?;
    let (b, side_b, _) = view(list, Some(&history), to)?;
    let to_version = side_b.version.clone();
    let ia = ia.unwrap_or(history.versions.len() - 1);
    let to_index = history
        .versions
        .iter()
        .position(|s| s.entry.version == to_version)
        .unwrap_or(history.versions.len() - 1);
    let mut rows = Vec::new();
    for item in a.items.iter().filter(|i| !i.status.is_ended()) {
        let row = item_row(&history, item, &to_version, ia, to_index);
        let item_after = b.item(&item.id);
        for s in item.sub.iter().filter(|s| !s.status.is_ended()) {
            let sub_after = item_after.and_then(|i| i.sub.iter().find(|x| x.code == s.code));
            let sub_row = match (item_after, sub_after) {
                (Some(i), Some(x)) if !i.status.is_ended() && !x.status.is_ended() => {
                    CrosswalkRow {
                        sub: Some(s.code.to_string()),
                        new_codes: vec![s.code.to_string()],
                        event: "unchanged".into(),
                        version: None,
                        date: None,
                        documents: Vec::new(),
                        ..row.clone()
                    }
                }
                (Some(i), Some(x)) if !i.status.is_ended() && x.status.is_ended() => {
                    let (version, date, documents) =
                        when_changed(&history, ia, to_index, &item.id, |it| {
                            it.sub
                                .iter()
                                .any(|y| y.code == s.code && y.status.is_ended())
                        });
                    CrosswalkRow {
                        sub: Some(s.code.to_string()),
                        new_codes: Vec::new(),
                        event: "sub-remove".into(),
                        version,
                        date,
                        documents,
                        ..row.clone()
                    }
                }
                _ => CrosswalkRow {
                    sub: Some(s.code.to_string()),
                    ..row.clone()
                },
            };
            rows.push(sub_row);
        }
        rows.insert(
            rows.len() - item.sub.iter().filter(|s| !s.status.is_ended()).count(),
            row,
        );
    }
    Ok(rows)
}

/// The first version after `from` (up to `to`) whose item `id` satisfies `pred`.
fn when_changed(
    h: &History,
    from: usize,
    to: usize,
    id: &Id,
    pred: impl Fn(&Item) -> bool,
) -> (Option<Version>, Option<Date>, Vec<String>) {
    for s in h.versions.iter().take(to + 1).skip(from + 1) {
        if s.state.item(id).is_some_and(&pred) {
            return (
                Some(s.entry.version.clone()),
                Some(s.entry.date),
                s.entry
                    .decided_by
                    .iter()
                    .map(|d| d.number.to_string())
                    .collect(),
            );
        }
    }
    (None, None, Vec::new())
}

fn item_row(h: &History, item: &Item, to: &Version, from: usize, to_index: usize) -> CrosswalkRow {
    let base = CrosswalkRow {
        code: item.code.to_string(),
        sub: None,
        name: item.name.clone(),
        new_codes: vec![item.code.to_string()],
        event: "unchanged".into(),
        version: None,
        date: None,
        documents: Vec::new(),
    };
    let Some(r) = h.resolve(item.code.as_str(), Some(to)) else {
        return base;
    };
    let mut steps: Vec<&crate::history::Step> =
        r.outcomes.iter().flat_map(|o| o.path.iter()).collect();
    let mut seen = HashSet::new();
    steps.retain(|s| seen.insert((s.version.clone(), s.from.clone(), s.kind)));
    if steps.is_empty() {
        // In force at both ends, code unchanged; other changes (a category,
        // a name) do not move the code.
        let (version, date, documents) = when_changed(h, from, to_index, &item.id, |it| {
            it.category != item.category
        });
        if let Some(v) = version {
            return CrosswalkRow {
                event: "reclassify".into(),
                version: Some(v),
                date,
                documents,
                ..base
            };
        }
        return base;
    }
    let mut documents: Vec<String> = Vec::new();
    for s in &steps {
        for d in &s.decided_by {
            if !documents.contains(d) {
                documents.push(d.clone());
            }
        }
    }
    let last = steps[steps.len() - 1];
    CrosswalkRow {
        new_codes: r.codes().iter().map(|c| (*c).to_owned()).collect(),
        event: steps
            .iter()
            .map(|s| s.kind.id())
            .collect::<Vec<_>>()
            .join(" → "),
        version: Some(last.version.clone()),
        date: Some(last.date),
        documents,
        ..base
    }
}

/// A pair of matched items of two lists.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pair {
    /// The item of the first list.
    pub left: ItemRef,
    /// The item of the second list.
    pub right: ItemRef,
    /// How they were matched: `code` (the same code, the same category and
    /// compatible names) or `name` (the same category and normalized name).
    pub by: &'static str,
    /// Their differences in the elements that should agree across
    /// authorities: name, category, sub-items, time limits, legal bases.
    pub differences: Vec<FieldChange>,
    /// For a pair matched by `similar` names (a rename): how alike the
    /// normalized names are, in percent (character bigrams, Dice).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<u8>,
}

impl Pair {
    /// How the pair was matched, as reports print it: 编码, 名称, or
    /// 名称相近 83%.
    pub fn how(&self) -> String {
        match (self.by, self.similarity) {
            ("code", _) => "编码".to_owned(),
            (_, Some(p)) => format!("名称相近 {p}%"),
            _ => "名称".to_owned(),
        }
    }
}

/// How alike two names are, in [0, 1]: the Dice coefficient of the
/// character bigrams of their normalized forms.
pub fn similarity(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let c: Vec<char> = normalize(s).chars().collect();
        if c.len() == 1 {
            return vec![(c[0], c[0])];
        }
        c.windows(2).map(|w| (w[0], w[1])).collect()
    };
    let (x, mut y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let total = x.len() + y.len();
    let mut common = 0usize;
    for g in &x {
        if let Some(i) = y.iter().position(|h| h == g) {
            y.swap_remove(i);
            common += 1;
        }
    }
    (2 * common) as f64 / total as f64
}

/// [`compare`], then the items only one side has paired by similar names
/// within a category (renames), best first, where the names are at least
/// `threshold` alike; each such pair shows its similarity.
pub fn compare_similar(
    left_reg: &Registry,
    left: &List,
    right_reg: &Registry,
    right: &List,
    date: Date,
    threshold: f64,
) -> Comparison {
    let mut c = compare(left_reg, left, right_reg, right, date);
    let l = left.as_of(date).unwrap_or_else(|_| left.clone());
    let r = right.as_of(date).unwrap_or_else(|_| right.clone());
    let find = |list: &List, id: &Id| list.items.iter().find(|i| &i.id == id).cloned();
    let mut scored = Vec::new();
    for (i, a) in c.only_left.iter().enumerate() {
        for (j, b) in c.only_right.iter().enumerate() {
            if a.category == b.category {
                let s = similarity(&a.name, &b.name);
                if s >= threshold {
                    scored.push((s, i, j));
                }
            }
        }
    }
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    let (mut used_l, mut used_r) = (HashSet::new(), HashSet::new());
    for (s, i, j) in scored {
        if used_l.contains(&i) || used_r.contains(&j) {
            continue;
        }
        let (Some(a), Some(b)) = (find(&l, &c.only_left[i].id), find(&r, &c.only_right[j].id))
        else {
            continue;
        };
        used_l.insert(i);
        used_r.insert(j);
        let mut p = pair(&a, &b, "similar");
        p.similarity = Some((s * 100.0).round().clamp(0.0, 100.0) as u8);
        c.matched.push(p);
    }
    // An item that moved to another category keeps its name.
    for (i, a) in c.only_left.iter().enumerate() {
        if used_l.contains(&i) {
            continue;
        }
        let j =
            c.only_right.iter().enumerate().position(|(j, b)| {
                !used_r.contains(&j) && normalize(&a.name) == normalize(&b.name)
            });
        let Some(j) = j else { continue };
        let (Some(x), Some(y)) = (find(&l, &a.id), find(&r, &c.only_right[j].id)) else {
            continue;
        };
        used_l.insert(i);
        used_r.insert(j);
        c.matched.push(pair(&x, &y, "name"));
    }
    let mut k = 0;
    c.only_left.retain(|_| {
        k += 1;
        !used_l.contains(&(k - 1))
    });
    let mut k = 0;
    c.only_right.retain(|_| {
        k += 1;
        !used_r.contains(&(k - 1))
    });
    // Between two versions of one list a changed code is a change (a
    // recode); a code import assigned is none.
    for p in &mut c.matched {
        let assigned =
            |list: &List, id: &Id| list.items.iter().any(|i| &i.id == id && i.code_assigned);
        if p.left.code != p.right.code && !assigned(&l, &p.left.id) && !assigned(&r, &p.right.id) {
            p.differences.insert(
                0,
                FieldChange {
                    path: "code".to_owned(),
                    before: Some(serde_json::Value::String(p.left.code.clone())),
                    after: Some(serde_json::Value::String(p.right.code.clone())),
                },
            );
        }
    }
    c
}

/// Two authorities' lists compared on a date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// The first list's holder.
    pub left: Id,
    /// Its name.
    pub left_name: String,
    /// The second list's holder.
    pub right: Id,
    /// Its name.
    pub right_name: String,
    /// The date compared.
    pub as_of: Date,
    /// Items both have.
    pub matched: Vec<Pair>,
    /// Items only the first has.
    pub only_left: Vec<ItemRef>,
    /// Items only the second has.
    pub only_right: Vec<ItemRef>,
}

/// A name for matching: without spaces and punctuation, lowercase.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_ascii_punctuation()
                && !"（）【】、，。；：·“”‘’《》〔〕—－".contains(*c)
        })
        .flat_map(char::to_lowercase)
        .collect()
}

const COMPARED: &[&str] = &["name", "category", "sub", "implementation", "basis"];

fn comparable(item: &Item) -> serde_json::Value {
    let mut t = match serde_json::to_value(item) {
        Ok(serde_json::Value::Object(t)) => t,
        _ => serde_json::Map::new(),
    };
    t.retain(|k, _| COMPARED.contains(&k.as_str()));
    serde_json::Value::Object(t)
}

/// Compares the items in force on `date` of two lists (of two registries, or
/// of one): matched by code, then by category and normalized name.
pub fn compare(
    left_reg: &Registry,
    left: &List,
    right_reg: &Registry,
    right: &List,
    date: Date,
) -> Comparison {
    // Before a list's first entry (or with a log that does not replay,
    // which `check` reports), its files are compared.
    let l = left.as_of(date).unwrap_or_else(|_| left.clone());
    let r = right.as_of(date).unwrap_or_else(|_| right.clone());
    let li: Vec<&Item> = l.items_on(date).collect();
    let ri: Vec<&Item> = r.items_on(date).collect();
    let mut used_r: HashSet<usize> = HashSet::new();
    let mut matched = Vec::new();
    let mut only_left = Vec::new();
    let key = |i: &Item| (i.category, normalize(&i.name));
    let mut pending = Vec::new();
    // Codes of two authorities may come from different schemes: a shared
    // code is a match only when the category agrees and the names are
    // compatible (equal, or one contains the other, once normalized).
    let compatible = |a: &Item, b: &Item| {
        let (x, y) = (normalize(&a.name), normalize(&b.name));
        a.category == b.category && (x == y || x.contains(&y) || y.contains(&x))
    };
    for a in &li {
        if let Some((n, b)) = ri.iter().enumerate().find(|(n, b)| {
            // A code `quanze import` made up matches nothing.
            !used_r.contains(n)
                && b.code == a.code
                && !a.code_assigned
                && !b.code_assigned
                && compatible(a, b)
        }) {
            used_r.insert(n);
            matched.push(pair(a, b, "code"));
        } else {
            pending.push(*a);
        }
    }
    for a in pending {
        if let Some((n, b)) = ri
            .iter()
            .enumerate()
            .find(|(n, b)| !used_r.contains(n) && key(b) == key(a))
        {
            used_r.insert(n);
            matched.push(pair(a, b, "name"));
        } else {
            only_left.push(ref_of(a));
        }
    }
    let only_right = ri
        .iter()
        .enumerate()
        .filter(|(n, _)| !used_r.contains(n))
        .map(|(_, b)| ref_of(b))
        .collect();
    Comparison {
        left: left.authority.clone(),
        left_name: left_reg.authority_name(&left.authority).to_owned(),
        right: right.authority.clone(),
        right_name: right_reg.authority_name(&right.authority).to_owned(),
        as_of: date,
        matched,
        only_left,
        only_right,
    }
}

fn ref_of(i: &Item) -> ItemRef {
    ItemRef {
        id: i.id.clone(),
        code: i.code.to_string(),
        name: i.name.clone(),
        category: i.category,
    }
}

fn pair(a: &Item, b: &Item, by: &'static str) -> Pair {
    let mut differences = Vec::new();
    diff_values(
        "",
        "",
        Some(&comparable(a)),
        Some(&comparable(b)),
        &mut differences,
    );
    Pair {
        left: ref_of(a),
        right: ref_of(b),
        by,
        differences,
        similarity: None,
    }
}

#[cfg(test)]
mod tests {
    use super::similarity;

    #[test]
    fn similar_names_score_by_shared_bigrams() {
        assert!((similarity("对盗窃电能的处罚", "对盗窃电能的处罚") - 1.0).abs() < 1e-9);
        // 7 and 9 bigrams, 6 shared: 12 / 16.
        assert!((similarity("对盗窃电能的处罚", "对盗窃电能行为的处罚") - 0.75).abs() < 1e-9);
        assert!(similarity("民用爆炸物品销售许可", "无线电台设置审批") < 0.2);
        assert_eq!(similarity("", "许可"), 0.0);
        // Punctuation and spaces do not count.
        assert!((similarity("无线电台(站)设置", "无线电台站设置") - 1.0).abs() < 1e-9);
    }
}
