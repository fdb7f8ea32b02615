//! A fast reader for the TOML that quanze writes, used before the full parser.
//!
//! The registry's files are large (a province holds gigabytes of TOML) and
//! almost always clean, so reading them through the `toml` crate's spanned
//! document tree, built for precise error messages, was most of a check. This
//! module reads a strict subset of TOML into a plain tree, without spans, and
//! deserializes records from it. It answers only "these are the records";
//! anything it does not accept (a syntax it does not support, anything that
//! might be an error, any record that does not deserialize) makes it answer
//! `None`, and the caller reads the file again with the full parser, which
//! reports every problem with its line, column and key. So the fast reader
//! never changes what quanze reports: it must only never accept what the
//! full parser would read differently, which the tests below check
//! against the `toml` crate on every fixture, on a table of TOML's rules and
//! on random edits of the bundled registry's files.
//!
//! Accepted: `[table]` and `[[array.of.tables]]` headers with bare or quoted
//! keys, `key = value` lines with a bare or quoted key (no dotted keys), basic
//! and literal single-line strings (with the escapes of TOML 1.0), decimal
//! integers that fit an `i64`, booleans, arrays (over several lines, with
//! comments and a trailing comma) and one-line inline tables. Not accepted
//! (the full parser reads them): dotted keys, multi-line strings, floats,
//! dates and times, integers with `_` or in another base, a byte-order mark,
//! control characters anywhere, and the newlines and trailing commas that
//! TOML 1.1 allows in inline tables.

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};

/// A value of the tree.
#[derive(Debug)]
enum Value<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Bool(bool),
    /// An array, and whether `[[header]]`s made it (only those may be
    /// appended to and descended into by later headers).
    Array(Vec<Self>, bool),
    Table(Table<'a>),
}

/// How a table came to be, which decides what later lines may do with it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Made by a header naming one of its sub-tables; a later `[header]` may
    /// define it once.
    Implicit,
    /// Made by its own `[header]` or as an element of `[[header]]`.
    Defined,
    /// Written inline (`{ … }`): closed to every later line.
    Inline,
}

#[derive(Debug)]
struct Table<'a> {
    entries: Vec<(Cow<'a, str>, Value<'a>)>,
    kind: Kind,
}

impl<'a> Table<'a> {
    fn new(kind: Kind) -> Self {
        Table {
            entries: Vec::new(),
            kind,
        }
    }

    fn position(&self, key: &str) -> Option<usize> {
        let (len, last) = (key.len(), key.as_bytes().last());
        // The length and last byte first: most keys of a table differ there.
        self.entries
            .iter()
            .position(|(k, _)| k.len() == len && k.as_bytes().last() == last && k == key)
    }

    /// Adds a key that must be new.
    fn insert(&mut self, key: Cow<'a, str>, value: Value<'a>) -> Option<()> {
        if self.position(&key).is_some() {
            return None;
        }
        self.entries.push((key, value));
        Some(())
    }
}

/// The records of a file whose top level holds exactly one array named `key`
/// (with its index in the file), when the whole file is accepted and every
/// record deserializes; else `None`.
pub(crate) fn records<T: DeserializeOwned>(text: &str, key: &str) -> Option<Vec<(usize, T)>> {
    let mut root = parse(text)?;
    if root.entries.len() != 1 || root.entries[0].0 != key {
        return None;
    }
    let (_, value) = root.entries.pop()?;
    let Value::Array(values, _) = value else {
        return None;
    };
    values
        .into_iter()
        .enumerate()
        .map(|(i, v)| T::deserialize(v).ok().map(|r| (i, r)))
        .collect()
}

/// A file read as one record, when it is accepted and deserializes; else
/// `None`.
pub(crate) fn whole<T: DeserializeOwned>(text: &str) -> Option<T> {
    let root = parse(text)?;
    T::deserialize(Value::Table(root)).ok()
}

/// Parses a document into its root table, or `None` if it is not in the
/// accepted subset.
fn parse(text: &str) -> Option<Table<'_>> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    let mut root = Table::new(Kind::Defined);
    p.body(&mut root)?;
    while p.pos < p.bytes.len() {
        // `body` stops only at a header.
        let (path, array) = p.header()?;
        let table = open(&mut root, path, array)?;
        p.body(table)?;
    }
    Some(root)
}

/// Finds or makes the table a header names, following TOML's rules for
/// defining tables once and appending to arrays of tables.
fn open<'t, 'a>(
    root: &'t mut Table<'a>,
    path: Vec<Cow<'a, str>>,
    array: bool,
) -> Option<&'t mut Table<'a>> {
    let last = path.len().checked_sub(1)?;
    let mut table = root;
    for (depth, key) in path.into_iter().enumerate() {
        let is_last = depth == last;
        let (index, created) = match table.position(&key) {
            Some(i) => (i, false),
            None => {
                let value = if !is_last {
                    Value::Table(Table::new(Kind::Implicit))
                } else if array {
                    Value::Array(Vec::new(), true)
                } else {
                    Value::Table(Table::new(Kind::Defined))
                };
                table.entries.push((key, value));
                (table.entries.len() - 1, true)
            }
        };
        table = match &mut table.entries[index].1 {
            Value::Table(t) => {
                if !is_last {
                    if t.kind == Kind::Inline {
                        return None;
                    }
                } else if array {
                    return None;
                } else if t.kind == Kind::Implicit {
                    // A table named before only by its sub-tables may be
                    // defined now, once.
                    t.kind = Kind::Defined;
                } else if !created {
                    return None;
                }
                t
            }
            Value::Array(items, true) => {
                if is_last {
                    if !array {
                        return None;
                    }
                    items.push(Value::Table(Table::new(Kind::Defined)));
                }
                match items.last_mut() {
                    Some(Value::Table(t)) => t,
                    _ => return None,
                }
            }
            _ => return None,
        };
    }
    Some(table)
}

/// Whether a byte ends a run of plain string content: a quote, a backslash
/// or a control character (tab is handled by the callers).
fn special(b: u8) -> bool {
    b == b'"' || b == b'\\' || b < 0x20 || b == 0x7f
}

/// The position of the first special byte at or after `i` (or the end),
/// eight bytes at a time: strings are mostly CJK text, which has none.
fn plain_run(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Non-zero exactly when some byte of `x` is below `n` (n <= 128).
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGHS;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let hits = below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1)
            | below(w ^ (ONES * 0x7f), 1)
            | below(w, 0x20);
        if hits != 0 {
            break;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(|&b| !special(b)) {
        i += 1;
    }
    i
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// How many arrays and inline tables enclose the value being read.
    depth: usize,
}

/// The deepest nesting of arrays and inline tables the fast reader takes;
/// quanze writes at most three levels, and a deeper file goes to the full
/// parser (so that no input can exhaust the stack here).
const MAX_DEPTH: usize = 16;

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The length of the line break at `pos` (`\n` or `\r\n`), 0 if none.
    fn newline(&self) -> usize {
        match self.peek() {
            Some(b'\n') => 1,
            Some(b'\r') if self.bytes.get(self.pos + 1) == Some(&b'\n') => 2,
            _ => 0,
        }
    }

    fn spaces(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// After spaces: an optional comment, then the end of the line (or of
    /// the text), which is consumed.
    fn end_of_line(&mut self) -> Option<()> {
        self.spaces();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.newline() {
            0 if self.peek().is_some() => None,
            n => {
                self.pos += n;
                Some(())
            }
        }
    }

    /// A comment up to (not including) the end of its line; control
    /// characters other than tab are refused.
    fn comment(&mut self) -> Option<()> {
        self.pos += 1;
        while let Some(b) = self.peek() {
            if self.newline() > 0 {
                break;
            }
            if b != b'\t' && (b < 0x20 || b == 0x7f) {
                return None;
            }
            self.pos += 1;
        }
        Some(())
    }

    /// Blank lines, comment lines and spaces, over several lines.
    fn blank(&mut self) -> Option<()> {
        loop {
            self.spaces();
            match (self.peek(), self.newline()) {
                (Some(b'#'), _) => self.comment()?,
                (_, 0) => return Some(()),
                (_, n) => self.pos += n,
            }
        }
    }

    /// The `key = value` lines of a table, up to the next header or the end.
    fn body(&mut self, table: &mut Table<'a>) -> Option<()> {
        loop {
            self.blank()?;
            match self.peek() {
                None | Some(b'[') => return Some(()),
                _ => {}
            }
            let key = self.key()?;
            self.spaces();
            if self.peek() != Some(b'=') {
                return None;
            }
            self.pos += 1;
            self.spaces();
            let value = self.value()?;
            self.end_of_line()?;
            table.insert(key, value)?;
        }
    }

    /// A header line: its path and whether it is `[[…]]`.
    fn header(&mut self) -> Option<(Vec<Cow<'a, str>>, bool)> {
        self.pos += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.pos += 1;
        }
        let mut path = Vec::new();
        loop {
            self.spaces();
            path.push(self.key()?);
            self.spaces();
            match self.peek() {
                Some(b'.') => self.pos += 1,
                Some(b']') => break,
                _ => return None,
            }
        }
        self.pos += 1;
        if array {
            if self.peek() != Some(b']') {
                return None;
            }
            self.pos += 1;
        }
        self.end_of_line()?;
        Some((path, array))
    }

    /// A bare or quoted key.
    fn key(&mut self) -> Option<Cow<'a, str>> {
        match self.peek()? {
            b'"' => self.basic_string(),
            b'\'' => self.literal_string(),
            _ => {
                let start = self.pos;
                while let Some(b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-') = self.peek()
                {
                    self.pos += 1;
                }
                (self.pos > start).then(|| Cow::Borrowed(&self.text[start..self.pos]))
            }
        }
    }

    fn value(&mut self) -> Option<Value<'a>> {
        let value = match self.peek()? {
            b'"' => Value::Str(self.basic_string()?),
            b'\'' => Value::Str(self.literal_string()?),
            b'[' => return self.array(),
            b'{' => return self.inline_table(),
            b't' if self.bytes[self.pos..].starts_with(b"true") => {
                self.pos += 4;
                Value::Bool(true)
            }
            b'f' if self.bytes[self.pos..].starts_with(b"false") => {
                self.pos += 5;
                Value::Bool(false)
            }
            b'0'..=b'9' | b'+' | b'-' => Value::Int(self.integer()?),
            _ => return None,
        };
        // What follows a value is checked by the caller (the end of a line,
        // a comma, `]` or `}`), which refuses `1.5`, `truex`, dates and the
        // like.
        Some(value)
    }

    /// A decimal integer without `_`, leading zeros or overflow.
    fn integer(&mut self) -> Option<i64> {
        let start = self.pos;
        if let Some(b'+' | b'-') = self.peek() {
            self.pos += 1;
        }
        let digits = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        let n = self.pos - digits;
        if n == 0 || (n > 1 && self.bytes[digits] == b'0') {
            return None;
        }
        let text = &self.text[start..self.pos];
        text.strip_prefix('+').unwrap_or(text).parse().ok()
    }

    /// A single-line basic string; multi-line ones are left to the full
    /// parser.
    fn basic_string(&mut self) -> Option<Cow<'a, str>> {
        self.pos += 1;
        if self.bytes[self.pos..].starts_with(b"\"\"") {
            return None;
        }
        let start = self.pos;
        loop {
            self.pos = plain_run(self.bytes, self.pos);
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    let s = &self.text[start..self.pos];
                    self.pos += 1;
                    return Some(Cow::Borrowed(s));
                }
                b'\\' => break,
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
        let mut out = String::from(&self.text[start..self.pos]);
        loop {
            match *self.bytes.get(self.pos)? {
                b'"' => {
                    self.pos += 1;
                    return Some(Cow::Owned(out));
                }
                b'\\' => {
                    self.pos += 1;
                    let c = match *self.bytes.get(self.pos)? {
                        b'b' => '\u{8}',
                        b't' => '\t',
                        b'n' => '\n',
                        b'f' => '\u{c}',
                        b'r' => '\r',
                        b'"' => '"',
                        b'\\' => '\\',
                        b'u' => self.unicode(4)?,
                        b'U' => self.unicode(8)?,
                        _ => return None,
                    };
                    out.push(c);
                    self.pos += 1;
                }
                b'\t' => {
                    out.push('\t');
                    self.pos += 1;
                }
                0..=0x1f | 0x7f => return None,
                _ => {
                    let from = self.pos;
                    self.pos = plain_run(self.bytes, self.pos);
                    out.push_str(&self.text[from..self.pos]);
                }
            }
        }
    }

    /// `\uXXXX` or `\UXXXXXXXX`, with `pos` on the `u`; leaves `pos` on the
    /// last hex digit.
    fn unicode(&mut self, len: usize) -> Option<char> {
        let hex = self.text.get(self.pos + 1..self.pos + 1 + len)?;
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += len;
        char::from_u32(u32::from_str_radix(hex, 16).ok()?)
    }

    /// A single-line literal string.
    fn literal_string(&mut self) -> Option<Cow<'a, str>> {
        self.pos += 1;
        if self.bytes[self.pos..].starts_with(b"''") {
            return None;
        }
        let start = self.pos;
        loop {
            match *self.bytes.get(self.pos)? {
                b'\'' => {
                    let s = &self.text[start..self.pos];
                    self.pos += 1;
                    return Some(Cow::Borrowed(s));
                }
                b'\t' => {}
                0..=0x1f | 0x7f => return None,
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// An array, over any number of lines.
    fn array(&mut self) -> Option<Value<'a>> {
        self.pos += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let value = self.array_items();
        self.depth -= 1;
        value
    }

    fn array_items(&mut self) -> Option<Value<'a>> {
        let mut items = Vec::new();
        loop {
            self.blank()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Some(Value::Array(items, false));
            }
            items.push(self.value()?);
            self.blank()?;
            match self.peek()? {
                b',' => self.pos += 1,
                b']' => {
                    self.pos += 1;
                    return Some(Value::Array(items, false));
                }
                _ => return None,
            }
        }
    }

    /// A one-line inline table without a trailing comma (TOML 1.0).
    fn inline_table(&mut self) -> Option<Value<'a>> {
        self.pos += 1;
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return None;
        }
        let value = self.inline_table_entries();
        self.depth -= 1;
        value
    }

    fn inline_table_entries(&mut self) -> Option<Value<'a>> {
        let mut table = Table::new(Kind::Inline);
        self.spaces();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Some(Value::Table(table));
        }
        loop {
            self.spaces();
            let key = self.key()?;
            self.spaces();
            if self.peek() != Some(b'=') {
                return None;
            }
            self.pos += 1;
            self.spaces();
            let value = self.value()?;
            table.insert(key, value)?;
            self.spaces();
            match self.peek()? {
                b',' => self.pos += 1,
                b'}' => {
                    self.pos += 1;
                    return Some(Value::Table(table));
                }
                _ => return None,
            }
        }
    }
}

/// Why a record did not deserialize from the tree; never shown, since the
/// full parser then reads the file and reports.
#[derive(Debug)]
pub(crate) struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<M: fmt::Display>(msg: M) -> Self {
        Self(msg.to_string())
    }
}

/// Hands a string to a visitor, borrowed when it is borrowed.
fn visit_str<'de, V: Visitor<'de>>(s: Cow<'de, str>, visitor: V) -> Result<V::Value, Error> {
    match s {
        Cow::Borrowed(s) => visitor.visit_borrowed_str(s),
        Cow::Owned(s) => visitor.visit_string(s),
    }
}

// The deserializer mirrors the `toml` crate's (`toml::de::ValueDeserializer`):
// the same visitor calls for the same values, so a record reads the same
// either way.
impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Str(s) => visit_str(s, visitor),
            Value::Int(i) => visitor.visit_i64(i),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Array(items, _) => visitor.visit_seq(Seq(items.into_iter())),
            Value::Table(t) => visitor.visit_map(Map {
                entries: t.entries.into_iter(),
                value: None,
            }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // toml's spans and datetimes are private structs with `$` names.
        if name.starts_with('$') {
            return Err(de::Error::custom("a toml-private struct"));
        }
        self.deserialize_any(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // Only unit variants written as strings; the rest go to the full
        // parser.
        match self {
            Value::Str(Cow::Borrowed(s)) => visitor.visit_enum(BorrowedStrDeserializer::new(s)),
            Value::Str(Cow::Owned(s)) => visitor.visit_enum(StringDeserializer::new(s)),
            _ => Err(de::Error::custom("an enum that is not a string")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool u8 u16 u32 u64 u128 i8 i16 i32 i64 i128 f32 f64 char str string seq
        bytes byte_buf map unit ignored_any unit_struct tuple_struct tuple identifier
    }
}

impl<'de> IntoDeserializer<'de, Error> for Value<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

struct Seq<'de>(std::vec::IntoIter<Value<'de>>);

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|v| seed.deserialize(v)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Map<'de> {
    entries: std::vec::IntoIter<(Cow<'de, str>, Value<'de>)>,
    value: Option<Value<'de>>,
}

impl<'de> de::MapAccess<'de> for Map<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        match key {
            Cow::Borrowed(k) => seed.deserialize(BorrowedStrDeserializer::new(k)),
            Cow::Owned(k) => seed.deserialize(StringDeserializer::new(k)),
        }
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let value = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value asked for twice"))?;
        seed.deserialize(value)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Debug;
    use std::path::{Path, PathBuf};

    use proptest::prelude::*;

    use super::*;
    use crate::io::decode::{decode_records_fully, decode_whole_fully};
    use crate::model::Entry;
    use crate::model::{Agreement, Authority, Document, Item, ListMeta, Statistics};

    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                out.push(path);
            }
        }
    }

    fn files(under: &str) -> Vec<(PathBuf, String)> {
        let mut paths = Vec::new();
        walk(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join(under),
            &mut paths,
        );
        paths
            .into_iter()
            .filter_map(|p| std::fs::read_to_string(&p).ok().map(|t| (p, t)))
            .collect()
    }

    /// When the fast reader reads the records, the full parser reads the
    /// same records and reports nothing. Returns whether it read them.
    fn records_agree<T: DeserializeOwned + PartialEq + Debug>(
        path: &Path,
        text: &str,
        key: &str,
    ) -> bool {
        let Some(fast) = records::<T>(text, key) else {
            return false;
        };
        let full = decode_records_fully::<T>(path, text, key);
        let problems: Vec<String> = full.problems.iter().map(ToString::to_string).collect();
        assert!(
            problems.is_empty() && full.unreadable.is_empty(),
            "{}: the fast reader read what the full parser refuses: {problems:?}\n{text}",
            path.display()
        );
        assert_eq!(fast, full.records, "{}:\n{text}", path.display());
        true
    }

    fn whole_agrees<T: DeserializeOwned + PartialEq + Debug>(path: &Path, text: &str) -> bool {
        let Some(fast) = whole::<T>(text) else {
            return false;
        };
        let (full, problems) = decode_whole_fully::<T>(path, text);
        let problems: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            problems.is_empty(),
            "{}: the fast reader read what the full parser refuses: {problems:?}\n{text}",
            path.display()
        );
        assert_eq!(Some(fast), full, "{}:\n{text}", path.display());
        true
    }

    /// Any text the fast reader takes, `toml` reads as the same table.
    fn values_agree(text: &str) -> bool {
        let Some(fast) = whole::<toml::Table>(text) else {
            return false;
        };
        match text.parse::<toml::Table>() {
            Ok(full) => assert_eq!(fast, full, "{text}"),
            Err(e) => panic!("the fast reader took what toml refuses ({e}):\n{text}"),
        }
        true
    }

    /// Checks a registry file, read as what its place makes it; returns
    /// whether the fast reader read it.
    fn agrees(path: &Path, text: &str) -> bool {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let dir = path
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
            .unwrap_or("");
        let as_values = values_agree(text);
        let in_laws = path.components().any(|c| c.as_os_str() == "laws");
        let as_records = match (dir, name) {
            (_, "laws.toml") => whole_agrees::<crate::model::LawsFile>(path, text),
            (_, "calendar.toml") => whole_agrees::<crate::model::Calendar>(path, text),
            ("changelog", _) if in_laws => whole_agrees::<crate::model::LawEntry>(path, text),
            (_, "authorities.toml") => records_agree::<Authority>(path, text, "authority"),
            (_, "documents.toml") => records_agree::<Document>(path, text, "document"),
            (_, "list.toml") => whole_agrees::<ListMeta>(path, text),
            ("items", _) => records_agree::<Item>(path, text, "item"),
            ("changelog", _) => whole_agrees::<Entry>(path, text),
            ("agreements", _) => whole_agrees::<Agreement>(path, text),
            ("statistics", _) => whole_agrees::<Statistics>(path, text),
            _ => as_values,
        };
        as_values && as_records
    }

    #[test]
    fn reads_every_fixture_as_the_full_parser_does() {
        let all = files("tests/fixtures");
        assert!(all.len() > 300, "found {} fixture files", all.len());
        let fast = all.iter().filter(|(p, t)| agrees(p, t)).count();
        // Most fixtures are clean files with one planted problem elsewhere.
        assert!(
            fast * 10 > all.len() * 8,
            "{fast} of {} read fast",
            all.len()
        );
    }

    #[test]
    fn reads_all_of_the_bundled_registry() {
        // Were the fast reader to decline these, a check would silently
        // become several times slower.
        let bundled = files("registry");
        assert!(bundled.len() > 15);
        for (path, text) in &bundled {
            assert!(agrees(path, text), "{} not read fast", path.display());
        }
    }

    #[test]
    fn follows_the_rules_for_tables_keys_and_values() {
        let cases: &[(&str, bool)] = &[
            ("[a]\nx = 1\n[a]\ny = 2\n", false),
            ("[a.b]\nx = 1\n[a]\ny = 2\n", true),
            ("[a.b]\n[a]\n[a]\n", false),
            ("[a]\n[a.b]\n", true),
            ("[[a]]\n[a]\n", false),
            ("[a]\n[[a]]\n", false),
            ("a = [1]\n[[a]]\n", false),
            ("a = [{ x = 1 }]\n[a.b]\n", false),
            ("a = { x = 1 }\n[a.b]\n", false),
            ("a = { x = 1 }\n[a]\n", false),
            (
                "[[a]]\nx = 1\n[a.b]\ny = 2\n[[a]]\nx = 2\n[[a.c]]\n[[a.c]]\n",
                true,
            ),
            ("[[a.b]]\n[a]\nx = 1\n", true),
            ("[a]\nb = 1\n[a.b]\n", false),
            ("x = 1\nx = 2\n", false),
            ("x = 1\n\"x\" = 2\n", false),
            ("\"quoted key\" = 1\n'literal' = 2\n\"\" = 3\n", true),
            ("[ a . \"b\" ]\nx = 1\n", true),
            ("[[ a ]]\n", true),
            ("[ [a] ]\n", false),
            ("a.b = 1\n", false),
            ("x = \"\\e\"\n", false),
            ("x = \"\\x41\"\n", false),
            ("x = \"\\u00e9 \\U0001F600 \\t \\\" \\\\ \\n\"\n", true),
            ("x = \"\\uD800\"\n", false),
            ("x = 'C:\\path'\n", true),
            ("x = \"a\tb\"\n", true),
            ("x = \"a\u{1}b\"\n", false),
            ("x = \"a\u{7f}b\"\n", false),
            ("x = \"\"\"multi\"\"\"\n", false),
            ("x = '''multi'''\n", false),
            ("x = \"\"\n", true),
            ("x = ''\n", true),
            ("x = \"unterminated\n", false),
            ("x = 1_000\n", false),
            ("x = 1.5\n", false),
            ("x = 1e5\n", false),
            ("x = 0x1F\n", false),
            ("x = 01\n", false),
            ("x = -0\ny = +7\nz = 0\n", true),
            ("x = 9223372036854775807\n", true),
            ("x = 9223372036854775808\n", false),
            ("x = 1979-05-27\n", false),
            ("x = 07:32:00\n", false),
            ("x = inf\n", false),
            ("x = true\ny = false\n", true),
            ("x = truex\n", false),
            ("x = [\n  1, # one\n  \"two\",\n  [3],\n]\n", true),
            ("x = []\ny = [ ]\n", true),
            ("x = [,]\n", false),
            ("x = [1 2]\n", false),
            ("x = { a = 1, b = \"c\", d = { e = [1] } }\n", true),
            ("x = {}\n", true),
            ("x = { a = 1, }\n", false),
            ("x = { a = 1,\n b = 2 }\n", false),
            ("x = { a = 1, a = 2 }\n", false),
            ("x = \"a\"  # comment\n# another\n\n", true),
            ("x = \"a\" y = 1\n", false),
            ("x = 1 # a \u{1} control\n", false),
            ("x =\n1\n", false),
            ("= 1\n", false),
            ("[a]\r\nx = 1\r\n", true),
            ("x = 1\ry = 2\n", false),
            ("\u{feff}x = 1\n", false),
            ("x = 1", true),
            ("", true),
            ("[a]x = 1\n", false),
            ("[a\nx = 1\n", false),
            ("[]\n", false),
            ("[[a]\n", false),
            ("key with space = 1\n", false),
            ("中文 = 1\n", false),
        ];
        for (text, accepted) in cases {
            assert_eq!(values_agree(text), *accepted, "{text:?}");
        }
    }

    #[test]
    fn declines_deep_nesting_instead_of_exhausting_the_stack() {
        // 20,000 nested arrays once overflowed the stack (exit 134, no
        // message); the reader now declines past MAX_DEPTH and the full
        // parser reports the file.
        for open in ["[", "{ a = "] {
            let text = format!("x = {}\n", open.repeat(20_000));
            assert!(parse(&text).is_none());
            let d = crate::io::decode::decode_records::<crate::model::Item>(
                std::path::Path::new("deep.toml"),
                &text,
                "item",
            );
            assert!(!d.problems.is_empty());
        }
        // Nesting as deep as the limit still reads.
        let ok = format!("x = {}1{}\n", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_some());
        let deeper = format!(
            "x = {}1{}\n",
            "[".repeat(MAX_DEPTH + 1),
            "]".repeat(MAX_DEPTH + 1)
        );
        assert!(parse(&deeper).is_none());
    }

    #[test]
    fn refuses_a_key_twice_where_a_map_would_keep_the_last() {
        // A struct refuses a duplicate field by itself; a map does not, so
        // the reader must.
        let text = "year = 2021\n[cases]\na = 1\nb = 2\na = 3\n";
        assert!(whole::<Statistics>(text).is_none());
        let (_, problems) = decode_whole_fully::<Statistics>(Path::new("s.toml"), text);
        assert!(!problems.is_empty());
        assert!(whole::<Statistics>("year = 2021\n[cases]\na = 1\nb = 2\n").is_some());
    }

    const SNIPPETS: &[&str] = &[
        "\"",
        "'",
        "\\",
        "[",
        "]",
        "[[",
        "]]",
        "=",
        ".",
        ",",
        "{",
        "}",
        "#",
        "\n",
        " ",
        "\t",
        "\r",
        "\r\n",
        "0",
        "-",
        "1.5",
        "_",
        "true",
        "\"\"\"",
        "\\u00e9",
        "\\e",
        "a.b",
        "[item]",
        "[[item]]",
        "[[item.basis]]",
        "[op.item]",
        "{}",
        "= 1",
        "\u{7f}",
        "\u{0}",
        "\u{1}",
        "é",
        "中",
        "\u{feff}",
        "x = 1\n",
        "id = \"x\"\n",
        "1979-05-27",
    ];

    /// A clean file with a few random edits: whatever the fast reader takes,
    /// the full parser reads the same way, with nothing to report.
    fn edited() -> impl Strategy<Value = (PathBuf, String)> {
        let clean = files("registry");
        let n = clean.len();
        (
            0..n,
            prop::collection::vec(
                (
                    any::<prop::sample::Index>(),
                    0..SNIPPETS.len() + 2,
                    1..4usize,
                ),
                1..4,
            ),
        )
            .prop_map(move |(f, edits)| {
                let (path, mut text) = clean[f].clone();
                for (at, what, len) in edits {
                    let mut i = at.index(text.len() + 1);
                    while !text.is_char_boundary(i) {
                        i -= 1;
                    }
                    match what {
                        w if w < SNIPPETS.len() => text.insert_str(i, SNIPPETS[w]),
                        w if w == SNIPPETS.len() => {
                            // Delete a few characters.
                            let end = text[i..]
                                .char_indices()
                                .nth(len)
                                .map_or(text.len(), |(j, _)| i + j);
                            text.replace_range(i..end, "");
                        }
                        _ => {
                            // Swap the line with the next one.
                            let start = text[..i].rfind('\n').map_or(0, |j| j + 1);
                            if let Some(nl) = text[start..].find('\n') {
                                let line = text[start..=start + nl].to_owned();
                                text.replace_range(start..=start + nl, "");
                                let to = text[start..]
                                    .find('\n')
                                    .map_or(text.len(), |j| start + j + 1);
                                text.insert_str(to, &line);
                            }
                        }
                    }
                }
                (path, text)
            })
    }

    proptest! {
        // 1,000 cases by default; CI runs more (PROPTEST_CASES).
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(1000)
        ))]

        #[test]
        fn random_edits_never_make_it_disagree((path, text) in edited()) {
            agrees(&path, &text);
        }
    }
}
