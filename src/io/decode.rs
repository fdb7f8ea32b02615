//! Strict parsing of one registry file into typed records, reporting every
//! record's problem with its file, line, column and key path.
//!
//! A file is parsed once into a spanned tree (recovering from syntax errors),
//! then each record (`[[item]]`, `[[authority]]`, …) is deserialized on its
//! own, so that one bad record does not hide the problems of the others.

use std::ops::Range;
use std::path::Path;

use serde::de::{DeserializeOwned, IntoDeserializer};
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::diag::{Diagnostic, Location, Rule, suggest};

/// The outcome of reading one file: the records that parsed (with their index
/// in the file) and the problems.
pub(crate) struct Decoded<T> {
    pub(crate) records: Vec<(usize, T)>,
    pub(crate) problems: Vec<Diagnostic>,
    /// The `id` (or `number`) of each record that could not be read, when it
    /// has one, so that later rules do not call it missing.
    pub(crate) unreadable: Vec<String>,
}

impl<T> Decoded<T> {
    /// Records read without a problem.
    pub(crate) fn clean(records: Vec<(usize, T)>) -> Self {
        Self {
            records,
            problems: Vec::new(),
            unreadable: Vec::new(),
        }
    }
}

/// Reads a file whose top level holds one array of tables named `key`
/// (`item`, `authority`, `document`) and nothing else.
pub(crate) fn decode_records<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    key: &str,
) -> Decoded<T> {
    if let Some(records) = crate::io::fast_toml::records(text, key) {
        return Decoded::clean(records);
    }
    decode_records_fully(file, text, key)
}

/// `decode_records` through the full parser only, which reports every
/// problem with its place.
pub(crate) fn decode_records_fully<T: DeserializeOwned>(
    file: &Path,
    text: &str,
    key: &str,
) -> Decoded<T> {
    let mut out = Decoded::clean(Vec::new());
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        out.problems
            .extend(errors.into_iter().map(|e| syntax(file, text, &e)));
        // What the parser recovered names the records that are now unreadable.
        if let Some(DeValue::Array(records)) = root.get_ref().get(key).map(Spanned::get_ref) {
            out.unreadable.extend(records.iter().filter_map(record_id));
        }
        return out;
    }
    let mut root = root.into_inner();
    let mut records = None;
    for (k, v) in std::mem::take(&mut root) {
        if k.get_ref() == key {
            records = Some(v);
        } else {
            out.problems
                .push(unknown_key(file, text, k.get_ref(), k.span(), "", &[key]));
        }
    }
    let Some(records) = records else {
        return out;
    };
    let span = records.span();
    match records.into_inner() {
        DeValue::Array(array) => {
            for (i, value) in array.into_iter().enumerate() {
                let id = record_id(&value);
                match T::deserialize(value.into_deserializer()) {
                    Ok(record) => out.records.push((i, record)),
                    Err(e) => {
                        out.problems.push(from_de_error(file, text, &e));
                        out.unreadable.extend(id);
                    }
                }
            }
        }
        other => out.problems.push(
            Diagnostic::new(
                Rule::InvalidValue,
                file,
                key,
                format!("`{key}` must be an array of tables"),
            )
            .at(Some(Location::of(text, span)))
            .found(other.type_str())
            .expected(format!("[[{key}]] tables")),
        ),
    }
    out
}

/// The `id` or `number` of a record, when it is a string.
fn record_id(value: &Spanned<DeValue<'_>>) -> Option<String> {
    let table = value.get_ref().as_table()?;
    ["id", "number"].iter().find_map(|k| {
        table
            .iter()
            .find(|(key, _)| key.get_ref() == k)
            .and_then(|(_, v)| v.get_ref().as_str().map(str::to_owned))
    })
}

/// Reads a file that is one record as a whole (`list.toml`, an agreement).
pub(crate) fn decode_whole<T: DeserializeOwned>(
    file: &Path,
    text: &str,
) -> (Option<T>, Vec<Diagnostic>) {
    if let Some(record) = crate::io::fast_toml::whole(text) {
        return (Some(record), Vec::new());
    }
    decode_whole_fully(file, text)
}

/// `decode_whole` through the full parser only.
pub(crate) fn decode_whole_fully<T: DeserializeOwned>(
    file: &Path,
    text: &str,
) -> (Option<T>, Vec<Diagnostic>) {
    let (root, errors) = DeTable::parse_recoverable(text);
    if !errors.is_empty() {
        return (
            None,
            errors.into_iter().map(|e| syntax(file, text, &e)).collect(),
        );
    }
    match T::deserialize(root.into_deserializer()) {
        Ok(v) => (Some(v), Vec::new()),
        Err(e) => (None, vec![from_de_error(file, text, &e)]),
    }
}

fn syntax(file: &Path, text: &str, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_owned();
    Diagnostic::new(Rule::Syntax, file, "", format!("invalid TOML: {message}"))
        .at(e.span().map(|s| Location::of(text, s)))
        .expected("TOML (https://toml.io/en/v1.0.0)")
}

fn unknown_key(
    file: &Path,
    text: &str,
    key: &str,
    span: Range<usize>,
    parent: &str,
    known: &[&str],
) -> Diagnostic {
    let mut message = format!("unknown key `{key}`");
    if let Some(s) = suggest(key, known.iter().copied()) {
        message.push_str(&format!("; did you mean `{s}`?"));
    }
    Diagnostic::new(Rule::UnknownKey, file, join(parent, key), message)
        .at(Some(Location::of(text, span)))
        .found(key)
        .expected(one_of(known))
}

fn one_of(known: &[&str]) -> String {
    let quoted: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    match quoted.len() {
        0 => "no keys here".to_owned(),
        1 => quoted[0].clone(),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// Splits serde's "`a`, `b`, `c`" (or "`a`") list of names.
fn backticked(list: &str) -> Vec<&str> {
    list.split('`').skip(1).step_by(2).collect()
}

/// Turns a deserialization error into a diagnostic with its rule, key path,
/// found and expected text.
pub(crate) fn from_de_error(file: &Path, text: &str, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim();
    let span = e.span().unwrap_or(0..0);
    let location = Some(Location::of(text, span.clone()));
    let path = path_at(text, span.start).unwrap_or_default();
    let found_text = unquote(text.get(span.clone()).unwrap_or("")).to_owned();

    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let known = tail
            .split_once("expected ")
            .map(|(_, l)| backticked(l))
            .unwrap_or_default();
        let parent = path.rsplit_once('.').map_or("", |(p, _)| p);
        return unknown_key(file, text, name, span, parent, &known);
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (word, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let known = tail
            .split_once("expected ")
            .map(|(_, l)| backticked(l))
            .unwrap_or_default();
        let mut msg = format!("unknown value `{word}`");
        if let Some(s) = suggest(word, known.iter().copied()) {
            msg.push_str(&format!("; did you mean `{s}`?"));
        }
        return Diagnostic::new(Rule::InvalidValue, file, path, msg)
            .at(location)
            .found(word)
            .expected(one_of(&known));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let name = rest.split('`').next().unwrap_or(rest);
        return Diagnostic::new(
            Rule::MissingKey,
            file,
            join(&path, name),
            format!("missing key `{name}`"),
        )
        .at(location)
        .expected(format!("a value for `{name}`"));
    }
    // Our own newtypes: "invalid <what> \"<text>\": expected <...>".
    for (prefix, rule) in [
        ("invalid id ", Rule::UnsafeId),
        ("invalid code ", Rule::MalformedValue),
        ("invalid date ", Rule::MalformedValue),
        ("invalid version ", Rule::MalformedValue),
        ("invalid document number ", Rule::MalformedValue),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (msg, expected) = message.split_once(": expected ").unwrap_or((message, ""));
            // Inside an operation the error's span is the operation's whole
            // table (serde reads a tagged table before it knows its kind):
            // the value refused is found inside it, with its key and place.
            let refused = debug_unquote(rest);
            let (path, location, found) = match refused
                .as_deref()
                .filter(|v| *v != found_text)
                .and_then(|v| string_in(text, &span, v))
            {
                Some((p, s)) => (p, Some(Location::of(text, s)), refused.unwrap_or_default()),
                None => (path, location, refused.unwrap_or(found_text)),
            };
            return Diagnostic::new(rule, file, path, msg)
                .at(location)
                .found(found)
                .expected(expected);
        }
    }
    let (msg, expected) = message.split_once(", expected ").unwrap_or((message, ""));
    let mut d = Diagnostic::new(Rule::InvalidValue, file, path, msg)
        .at(location)
        .found(found_text.clone());
    if !expected.is_empty() {
        d = d.expected(expected);
    }
    if found_text.len() == 10 && found_text.parse::<crate::Date>().is_ok() {
        d.message = format!("unquoted date {found_text}");
        d = d.expected(format!(
            "a quoted date, \"{found_text}\" (dates are strings in registry files)"
        ));
    }
    d
}

/// The text of a Rust string literal (`"a\"b"`, as `{:?}` writes it) at the
/// start of `s`; `None` when it is not one.
fn debug_unquote(s: &str) -> Option<String> {
    let mut chars = s.strip_prefix('"')?.chars();
    let mut out = String::new();
    loop {
        match chars.next()? {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '0' => out.push('\0'),
                'u' => {
                    let hex: String = chars.by_ref().skip(1).take_while(|c| *c != '}').collect();
                    out.push(char::from_u32(u32::from_str_radix(&hex, 16).ok()?)?);
                }
                c => out.push(c),
            },
            c => out.push(c),
        }
    }
}

/// The key path and span of the first string value `value` that starts at
/// or after `within.start` (the span of an array-of-tables element is its
/// header only, so its values lie after it).
fn string_in(text: &str, within: &Range<usize>, value: &str) -> Option<(String, Range<usize>)> {
    fn in_value(
        v: &Spanned<DeValue<'_>>,
        within: &Range<usize>,
        value: &str,
        path: &mut String,
    ) -> Option<Range<usize>> {
        match v.get_ref() {
            DeValue::String(s) if s.as_ref() == value && within.start <= v.span().start => {
                Some(v.span())
            }
            DeValue::Table(t) => in_table(t, within, value, path),
            DeValue::Array(a) => a.iter().enumerate().find_map(|(i, e)| {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                let found = in_value(e, within, value, path);
                if found.is_none() {
                    path.truncate(len);
                }
                found
            }),
            _ => None,
        }
    }
    fn in_table(
        t: &DeTable<'_>,
        within: &Range<usize>,
        value: &str,
        path: &mut String,
    ) -> Option<Range<usize>> {
        t.iter().find_map(|(k, v)| {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(k.get_ref());
            let found = in_value(v, within, value, path);
            if found.is_none() {
                path.truncate(len);
            }
            found
        })
    }
    let root = DeTable::parse(text).ok()?;
    let mut path = String::new();
    let span = in_table(root.get_ref(), within, value, &mut path)?;
    Some((path, span))
}

/// A TOML string's text without its quotes (escapes are left as written).
fn unquote(s: &str) -> &str {
    for q in ["\"\"\"", "'''", "\"", "'"] {
        if s.len() >= 2 * q.len()
            && let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q))
        {
            return inner;
        }
    }
    s
}

/// The key path (`item[3].sub[0].code`) of the deepest key or value whose
/// text contains byte `pos`, for locating errors. `None` when the text does
/// not parse.
pub(crate) fn path_at(text: &str, pos: usize) -> Option<String> {
    let root = DeTable::parse(text).ok()?;
    let mut path = String::new();
    find_in_table(root.get_ref(), pos, &mut path);
    Some(path)
}

fn find_in_table(table: &DeTable<'_>, pos: usize, path: &mut String) -> bool {
    for (k, v) in table {
        let len = path.len();
        if !path.is_empty() {
            path.push('.');
        }
        path.push_str(k.get_ref());
        if k.span().contains(&pos) || find_in_value(v, pos, path) {
            return true;
        }
        path.truncate(len);
    }
    false
}

fn find_in_value(v: &Spanned<DeValue<'_>>, pos: usize, path: &mut String) -> bool {
    match v.get_ref() {
        DeValue::Table(t) => find_in_table(t, pos, path) || v.span().contains(&pos),
        DeValue::Array(a) => {
            for (i, e) in a.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                if find_in_value(e, pos, path) {
                    return true;
                }
                path.truncate(len);
            }
            // Between the elements of an inline array.
            v.span().contains(&pos)
        }
        _ => v.span().contains(&pos),
    }
}

/// The byte span of the value at a key path, or of the nearest enclosing
/// table that exists (for a key that is missing).
pub(crate) fn span_of(text: &str, path: &str) -> Option<Range<usize>> {
    Some(SpanIndex::new(text)?.span(path, false))
}

/// Key path (`item[3].sub`) → the key's span (none for an array element),
/// the value's span, and whether the value is an array.
type Nodes = std::collections::HashMap<String, (Option<Range<usize>>, Range<usize>, bool)>;

/// The spans of every key and value of a file, by key path, parsed once:
/// a file with many diagnostics is not parsed again for each.
#[derive(Debug)]
pub(crate) struct SpanIndex {
    nodes: Nodes,
}

impl SpanIndex {
    /// `None` when the text does not parse.
    pub(crate) fn new(text: &str) -> Option<Self> {
        fn value(
            v: &Spanned<DeValue<'_>>,
            path: &str,
            key: Option<Range<usize>>,
            nodes: &mut Nodes,
        ) {
            let is_array = matches!(v.get_ref(), DeValue::Array(_));
            nodes.insert(path.to_owned(), (key, v.span(), is_array));
            match v.get_ref() {
                DeValue::Table(t) => table(t, path, nodes),
                DeValue::Array(a) => {
                    for (i, e) in a.iter().enumerate() {
                        value(e, &format!("{path}[{i}]"), None, nodes);
                    }
                }
                _ => {}
            }
        }
        fn table(t: &DeTable<'_>, prefix: &str, nodes: &mut Nodes) {
            for (k, v) in t {
                let path = if prefix.is_empty() {
                    k.get_ref().to_string()
                } else {
                    format!("{prefix}.{}", k.get_ref())
                };
                value(v, &path, Some(k.span()), nodes);
            }
        }
        let root = DeTable::parse(text).ok()?;
        let mut nodes = std::collections::HashMap::new();
        table(root.get_ref(), "", &mut nodes);
        Some(Self { nodes })
    }

    /// The span of the value at `path` (of its last key, with `want_key`),
    /// or of the nearest enclosing value that exists.
    pub(crate) fn span(&self, path: &str, want_key: bool) -> Range<usize> {
        let mut span: Range<usize> = 0..0;
        let mut prefix = String::new();
        for seg in path.split('.').filter(|s| !s.is_empty()) {
            let (name, index) = match seg.split_once('[') {
                Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
                None => (seg, None),
            };
            let key_path = if prefix.is_empty() {
                name.to_owned()
            } else {
                format!("{prefix}.{name}")
            };
            let Some((key, value, is_array)) = self.nodes.get(&key_path) else {
                break;
            };
            if want_key && index.is_none() {
                span = key.clone().unwrap_or_else(|| value.clone());
            }
            let (here, value) = match index {
                Some(i) if *is_array => {
                    let element = format!("{key_path}[{i}]");
                    match self.nodes.get(&element) {
                        Some((_, e, _)) => (element, e.clone()),
                        None => break,
                    }
                }
                _ => (key_path, value.clone()),
            };
            if !(want_key && index.is_none()) {
                span = value;
            }
            prefix = here;
        }
        span
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "[[item]]\nid = \"a\"\n[[item]]\nid = \"b\"\n[[item.sub]]\ncode = \"X\"\n";

    #[test]
    fn finds_paths() {
        let pos = TEXT.find("\"X\"").unwrap_or(0);
        assert_eq!(path_at(TEXT, pos).as_deref(), Some("item[1].sub[0].code"));
        let pos = TEXT.find("\"b\"").unwrap_or(0);
        assert_eq!(path_at(TEXT, pos).as_deref(), Some("item[1].id"));
    }

    #[test]
    fn a_bad_value_inside_an_operation_is_named_by_its_key_and_place() {
        // serde reads a tagged operation as a whole, so the error's span is
        // the operation's table; the diagnostic names the value within.
        let text = "version = \"1.1.0\"\ndate = \"2020-03-01\"\n\n[[op]]\nkind = \"agreement-sign\"\n\n[op.agreement]\nid = \"Bad Id\"\ntitle = \"t\"\n";
        let (entry, problems) =
            decode_whole_fully::<crate::model::Entry>(Path::new("1.1.0.toml"), text);
        assert!(entry.is_none());
        let d = problems.first().expect("a problem");
        assert_eq!(d.rule, Rule::UnsafeId, "{d}");
        assert_eq!(d.key, "op[0].agreement.id", "{d}");
        assert_eq!(d.found.as_deref(), Some("Bad Id"), "{d}");
        assert_eq!(
            d.location.as_ref().map(|l| (l.line, l.column)),
            Some((8, 6)),
            "{d}"
        );
    }

    #[test]
    fn finds_spans() {
        let s = span_of(TEXT, "item[1].sub[0].code").unwrap_or(0..0);
        assert_eq!(&TEXT[s], "\"X\"");
        // A missing key falls back to the enclosing table's header.
        let s = span_of(TEXT, "item[0].grantor").unwrap_or(0..0);
        assert_eq!(&TEXT[s], "[[item]]");
    }
}
