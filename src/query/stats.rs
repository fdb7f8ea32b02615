//! Counts and indicators of a list on a date, and the official count sentence.
//!
//! Counting rule (DOMAIN.md): per category, *items* are the items in force;
//! *units* (含子项) are Σ max(1, sub-items in force) over those items.

use std::fmt::Write as _;

use indexmap::IndexMap;
use serde::Serialize;

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use crate::model::{Category, Implementation, Item, Source};
use crate::model::{Date, Id, Version};
use crate::model::{List, Registry};

/// Items and units of one category (or of a group of items).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Count {
    /// Items (主项) in force.
    pub items: usize,
    /// Units including sub-items (含子项).
    pub units: usize,
}

impl Count {
    fn add(&mut self, item: &Item, date: Date) {
        self.items += 1;
        self.units += item.units_on(date);
    }
}

/// Items from one source and granting authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct SourceCount {
    /// The source.
    pub source: Source,
    /// The granting authority (none for own powers).
    pub grantor: Option<Id>,
    /// Its name.
    pub grantor_name: Option<String>,
    /// Items in force from this source and grantor.
    pub items: usize,
    /// Units of those items.
    pub units: usize,
    /// The name of the first of those items in published order (by
    /// category, then code), used as the example of the count sentence.
    pub example: Option<String>,
}

/// A ratio with its parts, so that readers can recompute it exactly.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Ratio {
    /// Numerator.
    pub numerator: u64,
    /// Denominator.
    pub denominator: u64,
    /// The percentage rounded half up to one decimal; `None` when the
    /// denominator is 0.
    pub percent: Option<f64>,
}

impl Ratio {
    /// Builds a ratio and its rounded percentage.
    pub fn new(numerator: u64, denominator: u64) -> Self {
        let percent = (denominator > 0).then(|| {
            // Round half up in integers: permille = round(1000 · n / d).
            let permille = (2000 * u128::from(numerator) + u128::from(denominator))
                / (2 * u128::from(denominator));
            let permille = u32::try_from(permille).unwrap_or(u32::MAX);
            f64::from(permille) / 10.0
        });
        Self {
            numerator,
            denominator,
            percent,
        }
    }

    /// The percentage as published: `70.6%`, `100%`, or `-` without a denominator.
    pub fn display(&self) -> String {
        match self.percent {
            Some(p) if (p - p.round()).abs() < f64::EPSILON => format!("{p:.0}%"),
            Some(p) => format!("{p:.1}%"),
            None => "-".to_owned(),
        }
    }
}

/// The indicators of handling on application, over licensing units in force.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Indicators {
    /// 即办率: immediate units / licensing units.
    pub immediate: Ratio,
    /// 审批时限压缩率 (by items): licensing items whose promised limit is below
    /// the legal one / licensing items. An item's limit is the longest of its
    /// units' limits; an item with a unit lacking limits does not count as
    /// compressed.
    pub compression_items: Ratio,
    /// 审批时限压缩率 (by days): (Σ legal − Σ promised) / Σ legal, over the
    /// licensing units that state both limits.
    pub compression_days: Ratio,
    /// 电子证照绑定率: units bound to an electronic licence / licensing units.
    pub e_licence: Ratio,
    /// 网上办理率: units handled online / licensing units.
    pub online: Ratio,
}

/// Cases handled in one year, by category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Cases {
    /// The year.
    pub year: i16,
    /// Cases per category id, every category listed (0 where none).
    pub categories: IndexMap<String, u64>,
    /// All cases.
    pub total: u64,
}

/// The counts and indicators of a list on a date.
///
/// The JSON form (`quanze stats --format json`) is this structure; its shape
/// is documented in `docs/format.md` and kept stable.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Stats {
    /// The holder.
    pub authority: Id,
    /// The holder's name.
    pub authority_name: String,
    /// The version of the list.
    pub version: Version,
    /// The date counted.
    pub as_of: Date,
    /// Items and units per category id, every category listed (0 where empty).
    pub categories: IndexMap<String, Count>,
    /// Items and units of all powers (public services excluded).
    pub powers: Count,
    /// 审核转报 items in force: examined here and forwarded to the authority
    /// that decides them. They are left out of every other count and shown
    /// apart.
    pub forwarded: Count,
    /// Items per source and granting authority.
    pub sources: Vec<SourceCount>,
    /// Indicators of handling on application.
    pub indicators: Indicators,
    /// Cases handled in the year of `as_of`, when the list has statistics for it.
    pub cases: Option<Cases>,
    /// The list's note (e.g. that it is a reconstruction).
    pub note: Option<String>,
}

/// A licensing unit: the item itself or one of its sub-items in force.
fn units(item: &Item, date: Date) -> Vec<Option<&Implementation>> {
    let subs: Vec<_> = item
        .subs_on(date)
        .map(|s| s.implementation.as_ref())
        .collect();
    if subs.is_empty() {
        vec![item.implementation.as_ref()]
    } else {
        subs
    }
}

/// The items in force on `date` in published order: by category, then by
/// code (lists built in memory need not be sorted).
fn ordered_on(list: &List, date: Date) -> Vec<&Item> {
    let mut items: Vec<&Item> = list.items_on(date).collect();
    items.sort_by(|a, b| Item::published_order(a, b));
    items
}

impl Stats {
    /// Counts `list` of `registry` on `date`.
    pub fn compute(registry: &Registry, list: &List, date: Date) -> Self {
        let (forwarded_items, items): (Vec<&Item>, Vec<&Item>) = ordered_on(list, date)
            .into_iter()
            .partition(|i| i.forwarded);
        let mut forwarded = Count::default();
        for item in &forwarded_items {
            forwarded.add(item, date);
        }
        let mut categories: IndexMap<String, Count> = Category::ALL
            .iter()
            .map(|c| (c.id().to_owned(), Count::default()))
            .collect();
        let mut powers = Count::default();
        let mut sources: Vec<SourceCount> = Vec::new();
        for item in &items {
            if let Some(c) = categories.get_mut(item.category.id()) {
                c.add(item, date);
            }
            // Public services are not powers: they are counted in their
            // category, apart, and the sources partition the powers.
            if item.category == Category::PublicService {
                continue;
            }
            powers.add(item, date);
            let pos = sources
                .iter()
                .position(|s| s.source == item.source && s.grantor == item.grantor);
            let entry = match pos {
                Some(p) => &mut sources[p],
                None => {
                    sources.push(SourceCount {
                        source: item.source,
                        grantor: item.grantor.clone(),
                        grantor_name: item
                            .grantor
                            .as_ref()
                            .map(|g| registry.authority_name(g).to_owned()),
                        items: 0,
                        units: 0,
                        example: Some(item.name.clone()),
                    });
                    let last = sources.len() - 1;
                    &mut sources[last]
                }
            };
            entry.items += 1;
            entry.units += item.units_on(date);
        }
        sources.sort_by_key(|s| s.source);

        let licensing: Vec<&&Item> = items
            .iter()
            .filter(|i| i.category.on_application())
            .collect();
        let (mut n_units, mut immediate, mut e_licence, mut online) = (0u64, 0u64, 0u64, 0u64);
        let (mut legal_sum, mut saved_sum) = (0u64, 0u64);
        let mut compressed_items = 0u64;
        for item in &licensing {
            let mut item_legal = Some(0u32);
            let mut item_promised = Some(0u32);
            for imp in units(item, date) {
                n_units += 1;
                let imp = imp.cloned().unwrap_or_default();
                immediate += u64::from(imp.handling == Some(crate::model::Handling::Immediate));
                e_licence += u64::from(imp.e_licence == Some(true));
                online += u64::from(imp.online == Some(true));
                match (imp.legal_days, imp.promised_days) {
                    (Some(l), Some(p)) => {
                        legal_sum += u64::from(l);
                        saved_sum += u64::from(l.saturating_sub(p));
                        item_legal = item_legal.map(|m| m.max(l));
                        item_promised = item_promised.map(|m| m.max(p));
                    }
                    _ => {
                        item_legal = None;
                        item_promised = None;
                    }
                }
            }
            if let (Some(l), Some(p)) = (item_legal, item_promised) {
                compressed_items += u64::from(p < l);
            }
        }
        let indicators = Indicators {
            immediate: Ratio::new(immediate, n_units),
            compression_items: Ratio::new(compressed_items, licensing.len() as u64),
            compression_days: Ratio::new(saved_sum, legal_sum),
            e_licence: Ratio::new(e_licence, n_units),
            online: Ratio::new(online, n_units),
        };

        let cases = list.statistics_for(date.year()).map(|s| {
            let mut by_category: IndexMap<String, u64> = Category::ALL
                .iter()
                .map(|c| (c.id().to_owned(), 0))
                .collect();
            for (id, n) in &s.cases {
                if let Some(item) = list.item(id)
                    && let Some(c) = by_category.get_mut(item.category.id())
                {
                    *c += u64::from(*n);
                }
            }
            let total = by_category.values().sum();
            Cases {
                year: s.year,
                categories: by_category,
                total,
            }
        });

        Self {
            authority: list.authority.clone(),
            authority_name: registry.authority_name(&list.authority).to_owned(),
            version: list.meta.version.clone(),
            as_of: date,
            categories,
            powers,
            forwarded,
            sources,
            indicators,
            cases,
            note: list.meta.note.clone(),
        }
    }

    fn count(&self, c: Category) -> Count {
        self.categories.get(c.id()).copied().unwrap_or_default()
    }

    /// The count sentence in the official phrasing, e.g.
    /// `共有行政许可13项(含子项共34项),行政处罚35项(含子项共39项),行政征收1项,…。其中,承接广东省工业和信息化厅“民用爆炸物品销售许可”等29个委托事项、…。`
    pub fn sentence_zh(&self) -> String {
        let parts: Vec<String> = Category::ALL
            .iter()
            .filter(|c| **c != Category::PublicService)
            .filter_map(|c| {
                let n = self.count(*c);
                (n.items > 0).then(|| {
                    if n.units == n.items {
                        format!("{}{}项", c.zh_short(), n.items)
                    } else {
                        format!("{}{}项(含子项共{}项)", c.zh_short(), n.items, n.units)
                    }
                })
            })
            .collect();
        let mut s = if parts.is_empty() {
            "共有行政权力事项0项".to_owned()
        } else {
            format!("共有{}", parts.join(","))
        };
        let gg = self.count(Category::PublicService);
        if gg.items > 0 {
            let _ = write!(s, ";另有公共服务事项{}项", gg.items);
        }
        if self.forwarded.items > 0 {
            let _ = write!(s, ";另有审核转报事项{}项(不计入)", self.forwarded.items);
        }
        s.push('。');
        let mut granted = Vec::new();
        for source in [Source::Entrusted, Source::Devolved, Source::Authorized] {
            let word = match source {
                Source::Entrusted => "委托",
                Source::Devolved => "下放",
                _ => "授权",
            };
            for g in self.sources.iter().filter(|g| g.source == source) {
                let name = g.grantor_name.as_deref().unwrap_or("");
                let example = g.example.as_deref().unwrap_or("");
                let deng = if g.items > 1 { "等" } else { "" };
                granted.push(format!("{name}“{example}”{deng}{}个{word}事项", g.items));
            }
        }
        if !granted.is_empty() {
            let _ = write!(s, "其中,承接{}。", granted.join("、"));
        }
        s
    }

    /// The count sentence in English.
    pub fn sentence_en(&self, registry: &Registry) -> String {
        let parts: Vec<String> = Category::ALL
            .iter()
            .filter(|c| **c != Category::PublicService)
            .filter_map(|c| {
                let n = self.count(*c);
                (n.items > 0).then(|| {
                    let noun = if n.items == 1 { "item" } else { "items" };
                    if n.units == n.items {
                        format!("{} {} {noun}", n.items, c.en())
                    } else {
                        format!(
                            "{} {} {noun} ({} units including sub-items)",
                            n.items,
                            c.en(),
                            n.units
                        )
                    }
                })
            })
            .collect();
        let mut s = format!(
            "As of {} the list holds {}.",
            self.as_of,
            english_join(&parts)
        );
        // In the order of the Chinese sentence: entrusted, devolved, authorized.
        let granted: Vec<String> = [Source::Entrusted, Source::Devolved, Source::Authorized]
            .iter()
            .flat_map(|s| self.sources.iter().filter(move |g| g.source == *s))
            .map(|g| {
                let name = g
                    .grantor
                    .as_ref()
                    .and_then(|id| registry.authorities.get(id))
                    .map_or_else(
                        || g.grantor_name.clone().unwrap_or_default(),
                        |a| a.name_en.clone().unwrap_or_else(|| a.name.clone()),
                    );
                let verb = match g.source {
                    Source::Entrusted => "entrusted",
                    Source::Devolved => "devolved",
                    _ => "authorized",
                };
                format!(
                    "{} {verb} by {name} (such as “{}”)",
                    g.items,
                    g.example.as_deref().unwrap_or("")
                )
            })
            .collect();
        if !granted.is_empty() {
            let _ = write!(s, " Among them: {}.", english_join(&granted));
        }
        if self.forwarded.items > 0 {
            let _ = write!(
                s,
                " Besides, {} item(s) examined and forwarded to a higher authority (审核转报), not counted.",
                self.forwarded.items
            );
        }
        s
    }

    /// The full text report in Chinese: title, count sentence, indicators, cases.
    pub fn text_zh(&self) -> String {
        let mut s = format!(
            "{}权责清单 {} (截至{})\n",
            self.authority_name, self.version, self.as_of
        );
        s.push_str(&self.sentence_zh());
        s.push('\n');
        let i = &self.indicators;
        let _ = writeln!(
            s,
            "即办率{}({}/{});审批时限压缩率{}({}/{}项承诺时限短于法定时限),按办结天数计{};电子证照绑定率{};网上办理率{}。",
            i.immediate.display(),
            i.immediate.numerator,
            i.immediate.denominator,
            i.compression_items.display(),
            i.compression_items.numerator,
            i.compression_items.denominator,
            i.compression_days.display(),
            i.e_licence.display(),
            i.online.display(),
        );
        if let Some(c) = &self.cases {
            let parts: Vec<String> = Category::ALL
                .iter()
                .filter_map(|cat| {
                    let n = c.categories.get(cat.id()).copied().unwrap_or(0);
                    (n > 0).then(|| match cat {
                        Category::Licensing => format!("办理行政许可事项{n}件"),
                        Category::Penalty | Category::Inspection | Category::Coercion => {
                            format!("实施{}{n}件", cat.zh())
                        }
                        _ => format!("{}{n}件", cat.zh()),
                    })
                })
                .collect();
            if !parts.is_empty() {
                let _ = writeln!(s, "{}年共{}。", c.year, parts.join(","));
            }
        }
        if let Some(note) = &self.note {
            let _ = writeln!(s, "注:{note}");
        }
        s
    }

    /// The full text report in English.
    pub fn text_en(&self, registry: &Registry) -> String {
        let name = registry
            .authorities
            .get(&self.authority)
            .and_then(|a| a.name_en.clone())
            .unwrap_or_else(|| self.authority_name.clone());
        let mut s = format!("{name}: power list {} as of {}\n", self.version, self.as_of);
        s.push_str(&self.sentence_en(registry));
        s.push('\n');
        let i = &self.indicators;
        let _ = writeln!(
            s,
            "Immediate handling {} ({}/{} units); time limits compressed for {} of items ({}/{}), {} of legal days; e-licence binding {}; online handling {}.",
            i.immediate.display(),
            i.immediate.numerator,
            i.immediate.denominator,
            i.compression_items.display(),
            i.compression_items.numerator,
            i.compression_items.denominator,
            i.compression_days.display(),
            i.e_licence.display(),
            i.online.display(),
        );
        if let Some(c) = &self.cases {
            let parts: Vec<String> = Category::ALL
                .iter()
                .filter_map(|cat| {
                    let n = c.categories.get(cat.id()).copied().unwrap_or(0);
                    (n > 0).then(|| format!("{n} {}", cat.en()))
                })
                .collect();
            if !parts.is_empty() {
                let _ = writeln!(s, "Cases handled in {}: {}.", c.year, english_join(&parts));
            }
        }
        if let Some(note) = &self.note {
            let _ = writeln!(s, "Note: {note}");
        }
        s
    }
}

fn english_join(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// One line of the JSON Lines export: the item's record with its list's
/// `authority` and `version` first.
///
pub fn export_line(list: &List, item: &Item) -> String {
    // An item is plain data with string keys: it always converts.
    let mut v = serde_json::to_value(item).unwrap_or_default();
    let mut line = serde_json::Map::new();
    line.insert(
        "authority".into(),
        serde_json::Value::String(list.authority.to_string()),
    );
    line.insert(
        "version".into(),
        serde_json::Value::String(list.meta.version.to_string()),
    );
    if let Some(obj) = v.as_object_mut() {
        line.append(obj);
    }
    let mut s = serde_json::Value::Object(line).to_string();
    s.push('\n');
    crate::diag::escape_json_hazards(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratio_rounding() {
        assert_eq!(Ratio::new(24, 34).percent, Some(70.6));
        assert_eq!(Ratio::new(24, 34).display(), "70.6%");
        assert_eq!(Ratio::new(12, 13).display(), "92.3%");
        assert_eq!(Ratio::new(34, 34).display(), "100%");
        assert_eq!(Ratio::new(1, 8).display(), "12.5%");
        assert_eq!(Ratio::new(1, 0).display(), "-");
    }
}
