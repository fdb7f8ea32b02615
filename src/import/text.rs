//! Reading the text of cells: categories, sources, time limits, handling
//! types, legal bases, responsibilities and the marks quanze prints.

use crate::model::{
    BasisLevel, BasisRole, Category, Element, Handling, LegalBasis, Responsibility, Source,
    TimeUnit,
};

/// The category a cell, sheet name or section row names: the national ten
/// and 公共服务, by full or short name, id or two-letter code, and common
/// variants (行政确权, 其他职权, …). Numbering (`一、`) and counts (`(13项)`)
/// around the name are ignored.
pub fn category(text: &str) -> Option<Category> {
    // A sheet's name may carry its table number: `表2 行政处罚`, `附件1-行政许可`.
    let text = text.trim();
    let text = ["表", "附件", "附表"]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .map_or(text, |rest| {
            rest.trim_start_matches(|c: char| c.is_ascii_digit() || " -_—、.：:".contains(c))
        });
    let t = strip_numbering(text);
    let t: String = t
        .chars()
        .take_while(|c| !matches!(c, '(' | '（' | '[' | '【'))
        .filter(|c| !c.is_whitespace())
        .collect();
    let t = t
        .trim_end_matches(['类', '事', '项'])
        .trim_end_matches("事项");
    if t.is_empty() {
        return None;
    }
    for c in Category::ALL {
        if t == c.zh()
            || t == c.id()
            || t.eq_ignore_ascii_case(c.letters())
            || t.eq_ignore_ascii_case(c.en())
        {
            return Some(c);
        }
    }
    let variants: [(&[&str], Category); 11] = [
        (&["许可", "行政审批"], Category::Licensing),
        (&["处罚"], Category::Penalty),
        (&["强制"], Category::Coercion),
        (&["征收", "征用"], Category::Levy),
        (&["给付"], Category::Benefit),
        (&["检查"], Category::Inspection),
        (&["确认", "确权"], Category::Confirmation),
        (&["奖励"], Category::Award),
        (&["裁决"], Category::Adjudication),
        (&["其他", "其它"], Category::Other),
        (&["公共服务"], Category::PublicService),
    ];
    let t = t.trim_start_matches("行政");
    variants
        .iter()
        .find(|(names, _)| {
            names
                .iter()
                .any(|n| t == *n || t.starts_with(n) && t.chars().count() <= n.chars().count() + 3)
        })
        .map(|(_, c)| *c)
}

/// A section row's text without its numbering: `一、`, `1.`, `(一)`, `第一部分`.
fn strip_numbering(text: &str) -> &str {
    let t = text.trim();
    let t = t.strip_prefix("第").map_or(t, |rest| {
        rest.find(['部', '类']).map_or(t, |i| {
            let after = &rest[i..];
            after
                .strip_prefix("部分")
                .or_else(|| after.strip_prefix('类'))
                .unwrap_or(t)
        })
    });
    let t = t.trim_start_matches(['(', '（']);
    let numerals = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let rest = t.trim_start_matches(numerals);
    if rest.len() == t.len() {
        return t.trim();
    }
    rest.trim_start_matches([')', '）', '、', '.', '．', ' ', '\u{3000}'])
        .trim()
}

/// The source a 权力来源 cell names; blank is the authority's own power.
pub fn source(text: &str) -> Option<Source> {
    let t = text.trim();
    if t.is_empty() {
        return Some(Source::Own);
    }
    for s in [
        Source::Own,
        Source::Devolved,
        Source::Entrusted,
        Source::Authorized,
    ] {
        if t == s.zh() || t == s.id() {
            return Some(s);
        }
    }
    if t.contains("委托") {
        Some(Source::Entrusted)
    } else if t.contains("下放") {
        Some(Source::Devolved)
    } else if t.contains("授权") {
        Some(Source::Authorized)
    } else if t.contains("法定") || t.contains("本级") || t.contains("自有") {
        Some(Source::Own)
    } else {
        None
    }
}

/// A time limit as read from a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// No limit stated (blank, 无, /, —).
    None,
    /// A number of days or hours; the unit when the text names one.
    Days(u32, Option<TimeUnit>),
    /// 即办 / 当场办结: a promised 0, handled on the spot.
    Immediate,
}

/// Reads a time-limit cell: `20个工作日`, `20日`, `20天`, `24小时`, `20`,
/// `二十个工作日`, `即办`, `当场办结`, blanks. `None` when the text is none
/// of these.
pub fn limit(text: &str) -> Option<Limit> {
    // Full-width digits as ASCII; `20个工作日内` as `20个工作日`.
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' => char::from_digit(c as u32 - '０' as u32, 10).unwrap_or(c),
            c => c,
        })
        .collect();
    let t = t
        .strip_suffix("以内")
        .or_else(|| t.strip_suffix('内'))
        .unwrap_or(&t)
        .to_owned();
    if t.is_empty()
        || matches!(
            t.as_str(),
            "无" | "/" | "／" | "-" | "—" | "——" | "无时限" | "不适用"
        )
    {
        return Some(Limit::None);
    }
    if ["即办", "当场", "即时", "立即"]
        .iter()
        .any(|p| t.starts_with(p))
    {
        return Some(Limit::Immediate);
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let (n, rest) = if digits.is_empty() {
        let numeral: String = t
            .chars()
            .take_while(|c| "零一二三四五六七八九十百两".contains(*c))
            .collect();
        (chinese_number(&numeral)?, &t[numeral.len()..])
    } else {
        (digits.parse().ok()?, &t[digits.len()..])
    };
    let rest = rest.trim_start_matches('个');
    let unit = match rest {
        "" => None,
        "工作日" | "个工作日" => Some(TimeUnit::WorkingDays),
        "日" | "天" | "自然日" | "个自然日" | "日历日" => Some(TimeUnit::CalendarDays),
        "小时" => Some(TimeUnit::Hours),
        _ => return None,
    };
    Some(Limit::Days(n, unit))
}

/// A Chinese numeral up to 999 (`二十`, `十五`, `一百二十`).
fn chinese_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let digit = |c: char| {
        "零一二三四五六七八九"
            .find(c)
            .map(|i| (i / 3) as u32)
            .or((c == '两').then_some(2))
    };
    let (mut total, mut current) = (0u32, 0u32);
    for c in s.chars() {
        match c {
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            c => current = digit(c)?,
        }
    }
    Some(total + current)
}

/// The handling type a 办件类型 cell names.
pub fn handling(text: &str) -> Option<Option<Handling>> {
    match text.trim() {
        "" => Some(None),
        "即办件" | "即办" | "immediate" => Some(Some(Handling::Immediate)),
        "承诺件" | "承诺" | "promised" => Some(Some(Handling::Promised)),
        _ => None,
    }
}

/// The marker quanze prints after a reconstructed basis.
const RECONSTRUCTED: &str = "(重构)";

/// Legal bases from a basis cell. Each `《title》` starts a basis; the text
/// after it up to the next is its article (`第五十二条、第五十四条`), without
/// numbering and separators. A number in brackets right after the title
/// (`(国发〔2020〕13号)`) is its document number. `设定依据:` / `实施依据:`
/// in the text switch the role of the bases after them; otherwise they have
/// `role`. Text without any `《》` is one basis, its title the text up to
/// the first `第…条`.
pub fn bases(text: &str, role: BasisRole) -> Vec<LegalBasis> {
    let text = text.trim();
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut role = role;
    if !text.contains('《') {
        let (title, article) = match text.find('第') {
            Some(i) if i > 0 => (&text[..i], Some(&text[i..])),
            _ => (text, None),
        };
        let title = trim_separators(title);
        out.push(basis(title, article.map(trim_separators), role));
        return out;
    }
    let mut rest = text;
    while let Some(open) = rest.find('《') {
        role = role_in(&rest[..open]).unwrap_or(role);
        let after = &rest[open + '《'.len_utf8()..];
        let Some(close) = after.find('》') else {
            break;
        };
        let title = &after[..close];
        let tail = &after[close + '》'.len_utf8()..];
        let end = tail.find('《').unwrap_or(tail.len());
        // The text before the next title, less the next one's numbering and
        // role words.
        let mut article = &tail[..end];
        let next_role = role_in(article);
        if let Some(i) = ["设定依据", "实施依据"]
            .iter()
            .filter_map(|w| article.find(w))
            .min()
        {
            article = &article[..i];
        }
        let mut b = basis(
            title,
            Some(trim_separators(strip_trailing_number(article))),
            role,
        );
        if let Some((number, rest_article)) = leading_number(b.article.as_deref().unwrap_or("")) {
            b.number = Some(number);
            b.article = (!rest_article.is_empty()).then(|| rest_article.to_owned());
        }
        out.push(b);
        if let Some(r) = next_role {
            role = r;
        }
        rest = &tail[end..];
    }
    out
}

fn role_in(text: &str) -> Option<BasisRole> {
    let s = text.rfind("设定依据");
    let i = text.rfind("实施依据");
    match (s, i) {
        (Some(a), Some(b)) => Some(if a > b {
            BasisRole::Setting
        } else {
            BasisRole::Implementing
        }),
        (Some(_), None) => Some(BasisRole::Setting),
        (None, Some(_)) => Some(BasisRole::Implementing),
        (None, None) => None,
    }
}

/// An article without the numbering of the basis after it (`;2.`).
fn strip_trailing_number(article: &str) -> &str {
    let t = article.trim_end();
    let digits = t.trim_end_matches(['.', '．', '、', ')', '）']);
    if digits.len() == t.len() {
        return t;
    }
    let without =
        digits.trim_end_matches(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
    if without.len() == digits.len() {
        return t;
    }
    without.trim_end_matches(['(', '（'])
}

/// A document number in brackets at the start of the article text.
fn leading_number(article: &str) -> Option<(String, &str)> {
    let open = article.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let inner = &article[open.len_utf8()..];
    let close = inner.find([')', '）'])?;
    let number = &inner[..close];
    if !number.ends_with('号') {
        return None;
    }
    let close_len = inner[close..].chars().next().map_or(1, char::len_utf8);
    Some((
        number.to_owned(),
        trim_separators(&inner[close + close_len..]),
    ))
}

fn trim_separators(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || ";；,，。:：、".contains(c))
}

fn basis(title: &str, article: Option<&str>, role: BasisRole) -> LegalBasis {
    let (article, reconstructed) = match article {
        Some(a) => match a.strip_suffix(RECONSTRUCTED) {
            Some(a) => (Some(a), true),
            None => (Some(a), false),
        },
        None => (None, false),
    };
    let (level, inferred) = level_of(title);
    LegalBasis {
        title: title.trim().to_owned(),
        law: None,
        level,
        number: None,
        article: article.filter(|a| !a.is_empty()).map(str::to_owned),
        role,
        reconstructed,
        level_inferred: inferred,
    }
}

/// Where a title names its level reliably: 中华人民共和国…法 and other
/// titles ending in 法 are laws; 国务院关于…的决定 is a State Council
/// decision; …条例 of a province or city is a local regulation, other
/// 条例 administrative regulations. Anything else (办法, 规定, 通知 …) could
/// be a rule or a normative document: it is read as a normative document,
/// the level that claims nothing, and marked as inferred like the others.
pub fn level_of(title: &str) -> (BasisLevel, bool) {
    let t = title.trim();
    let local = ["省", "市", "自治区", "自治州", "县"].iter().any(|p| {
        t.find(p).is_some_and(|i| i <= 12)
            && !t.starts_with("中华人民共和国")
            && !t.starts_with("国务院")
    });
    let level = if t.ends_with('法') && !t.ends_with("办法")
        || t.starts_with("中华人民共和国") && t.contains('法') && !t.ends_with("条例")
    {
        BasisLevel::Law
    } else if t.starts_with("国务院") && t.ends_with("决定") {
        BasisLevel::StateCouncilDecision
    } else if t.ends_with("条例") && local {
        BasisLevel::LocalRegulation
    } else if t.ends_with("条例") {
        BasisLevel::AdministrativeRegulation
    } else {
        BasisLevel::NormativeDocument
    };
    (level, true)
}

/// Responsibilities from a 责任事项 cell as quanze prints it
/// (`受理:…;审查:…`): each `stage:duty` clause starts a responsibility, a
/// clause without a stage continues the one before. Text with no stage at
/// all is one responsibility of stage `履职`.
pub fn responsibilities(text: &str) -> Vec<Responsibility> {
    let mut out: Vec<Responsibility> = Vec::new();
    if text.trim().is_empty() {
        return out;
    }
    for clause in text.split(';') {
        let staged = clause.split_once([':', '：']).filter(|(stage, _)| {
            let n = stage.chars().count();
            n > 0 && n <= 8 && !stage.contains(['，', ',', '。'])
        });
        match (staged, out.last_mut()) {
            (Some((stage, duty)), _) => out.push(Responsibility {
                stage: stage.trim().to_owned(),
                duty: duty.trim().to_owned(),
                basis: Vec::new(),
                risks: Vec::new(),
            }),
            (None, Some(last)) => {
                last.duty.push(';');
                last.duty.push_str(clause);
            }
            (None, None) => out.push(Responsibility {
                stage: "履职".to_owned(),
                duty: clause.trim().to_owned(),
                basis: Vec::new(),
                risks: Vec::new(),
            }),
        }
    }
    out
}

/// `;`-separated clauses as a list of sentences.
pub fn clauses(text: &str) -> Vec<String> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    text.split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The elements a remark marks as reconstructed (`[重构要素:事项编码、子项]`),
/// and the remark without the mark.
pub fn reconstructed_mark(remarks: &str) -> (Vec<Element>, String) {
    let Some(start) = remarks.find("[重构要素:") else {
        return (Vec::new(), remarks.to_owned());
    };
    let inner = &remarks[start + "[重构要素:".len()..];
    let Some(end) = inner.find(']') else {
        return (Vec::new(), remarks.to_owned());
    };
    let mut elements = Vec::new();
    for name in inner[..end].split('、') {
        match Element::ALL.iter().find(|e| e.zh() == name) {
            Some(e) => elements.push(*e),
            None => return (Vec::new(), remarks.to_owned()),
        }
    }
    let rest = format!("{}{}", &remarks[..start], &inner[end + 1..]);
    (elements, rest.trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_by_name_and_variant() {
        assert_eq!(category("行政许可"), Some(Category::Licensing));
        assert_eq!(category("一、行政许可(13项)"), Some(Category::Licensing));
        assert_eq!(category("许可"), Some(Category::Licensing));
        assert_eq!(category("XK"), Some(Category::Licensing));
        assert_eq!(category("其他行政权力"), Some(Category::Other));
        assert_eq!(category("其他职权"), Some(Category::Other));
        assert_eq!(category("行政确权"), Some(Category::Confirmation));
        assert_eq!(category("公共服务事项"), Some(Category::PublicService));
        assert_eq!(category("（二）行政处罚类"), Some(Category::Penalty));
        assert_eq!(category("民用爆炸物品销售许可"), None);
        assert_eq!(category("表2 行政处罚"), Some(Category::Penalty));
        assert_eq!(category("附件1-行政许可"), Some(Category::Licensing));
        assert_eq!(category(""), None);
    }

    #[test]
    fn time_limits_in_text() {
        assert_eq!(
            limit("20个工作日"),
            Some(Limit::Days(20, Some(TimeUnit::WorkingDays)))
        );
        assert_eq!(
            limit("20日"),
            Some(Limit::Days(20, Some(TimeUnit::CalendarDays)))
        );
        assert_eq!(
            limit("90 天"),
            Some(Limit::Days(90, Some(TimeUnit::CalendarDays)))
        );
        assert_eq!(
            limit("24小时"),
            Some(Limit::Days(24, Some(TimeUnit::Hours)))
        );
        assert_eq!(
            limit("二十个工作日"),
            Some(Limit::Days(20, Some(TimeUnit::WorkingDays)))
        );
        assert_eq!(
            limit("十五日"),
            Some(Limit::Days(15, Some(TimeUnit::CalendarDays)))
        );
        assert_eq!(limit("20"), Some(Limit::Days(20, None)));
        assert_eq!(limit("即办"), Some(Limit::Immediate));
        assert_eq!(limit("当场办结"), Some(Limit::Immediate));
        assert_eq!(limit(""), Some(Limit::None));
        assert_eq!(limit("/"), Some(Limit::None));
        assert_eq!(limit("视情况而定"), None);
        assert_eq!(limit("20个月"), None);
        assert_eq!(
            limit("20个工作日内"),
            Some(Limit::Days(20, Some(TimeUnit::WorkingDays)))
        );
        assert_eq!(
            limit("１０个工作日"),
            Some(Limit::Days(10, Some(TimeUnit::WorkingDays)))
        );
        assert_eq!(limit("／"), Some(Limit::None));
    }

    #[test]
    fn basis_text_becomes_bases() {
        let b = bases(
            "1.《中华人民共和国电力法》第五十二条、第五十四条;2.《电力设施保护条例》第十七条",
            BasisRole::Setting,
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].title, "中华人民共和国电力法");
        assert_eq!(b[0].article.as_deref(), Some("第五十二条、第五十四条"));
        assert_eq!(b[0].level, BasisLevel::Law);
        assert!(b[0].level_inferred);
        assert_eq!(b[1].title, "电力设施保护条例");
        assert_eq!(b[1].article.as_deref(), Some("第十七条"));
        assert_eq!(b[1].level, BasisLevel::AdministrativeRegulation);
    }

    #[test]
    fn roles_numbers_and_marks_in_basis_text() {
        let b = bases(
            "设定依据:《广东省民用爆炸物品安全管理条例》第八条(重构);实施依据:《国务院关于深化\"证照分离\"改革的通知》(国发〔2020〕13号)附件",
            BasisRole::Setting,
        );
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].role, BasisRole::Setting);
        assert_eq!(b[0].level, BasisLevel::LocalRegulation);
        assert!(b[0].reconstructed);
        assert_eq!(b[0].article.as_deref(), Some("第八条"));
        assert_eq!(b[1].role, BasisRole::Implementing);
        assert_eq!(b[1].number.as_deref(), Some("国发〔2020〕13号"));
        assert_eq!(b[1].article.as_deref(), Some("附件"));
        assert_eq!(b[1].level, BasisLevel::NormativeDocument);
        assert_eq!(
            level_of("成品油市场管理办法").0,
            BasisLevel::NormativeDocument
        );
        let plain = bases("中华人民共和国节约能源法第十二条", BasisRole::Implementing);
        assert_eq!(plain[0].title, "中华人民共和国节约能源法");
        assert_eq!(plain[0].article.as_deref(), Some("第十二条"));
        assert_eq!(plain[0].role, BasisRole::Implementing);
    }

    #[test]
    fn responsibilities_by_stage() {
        let r = responsibilities("受理:公示材料;审查:审查材料;提出意见;决定:作出决定");
        assert_eq!(r.len(), 3);
        assert_eq!(r[1].duty, "审查材料;提出意见");
        assert_eq!(responsibilities("依法履行监管职责")[0].stage, "履职");
    }

    #[test]
    fn reconstructed_marks_are_read_back() {
        let (els, rest) = reconstructed_mark("受委托实施。 [重构要素:事项编码、子项]");
        assert_eq!(els, vec![Element::Code, Element::SubItems]);
        assert_eq!(rest, "受委托实施。");
        assert_eq!(reconstructed_mark("[重构要素:不存在]").0, Vec::new());
    }
}
