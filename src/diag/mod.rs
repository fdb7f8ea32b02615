//! Problems found in a registry, as data, and their rendering with a caret
//! under the offending text.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

mod rules;

pub use rules::{Rule, Scope, Severity, UnknownRule};

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
    /// Byte range of the offending text in the file.
    pub span: Range<usize>,
    /// The text of the line (without its line break).
    pub line_text: String,
}

impl Location {
    /// Computes line, column and line text of a byte span in `text`.
    pub fn of(text: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start.min(text.len()));
        let end = floor_char_boundary(text, span.end.clamp(start, text.len()));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = text[..start].matches('\n').count() + 1;
        let column = text[line_start..start].chars().count() + 1;
        let line_text = text[line_start..line_end].trim_end_matches('\r').to_owned();
        Self {
            line,
            column,
            span: start..end,
            line_text,
        }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One problem found in a registry.
///
/// Diagnostics are plain data, compared whole in tests. [`Diagnostic::render`]
/// draws one for a terminal, with a caret under the offending text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Diagnostic {
    /// The rule broken.
    pub rule: Rule,
    /// The file, as a path under the registry root given to the loader.
    pub file: PathBuf,
    /// Key path inside the file, e.g. `item[3].sub[0].code` (indexes from 0);
    /// empty for the file as a whole.
    pub key: String,
    /// Where in the file, when the file could be read.
    pub location: Option<Location>,
    /// What is wrong, in one lowercase sentence.
    pub message: String,
    /// The offending text, when there is one.
    pub found: Option<String>,
    /// What was expected.
    pub expected: Option<String>,
}

impl Diagnostic {
    /// Whether the problem is an error (not a warning): errors make `check`
    /// fail, [`Registry::open`](crate::Registry::open) refuse and a write
    /// refuse; warnings are only reported.
    pub fn is_error(&self) -> bool {
        self.severity() == Severity::Error
    }

    /// A diagnostic without location; see [`Diagnostic::at`].
    pub fn new(
        rule: Rule,
        file: impl Into<PathBuf>,
        key: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            rule,
            file: file.into(),
            key: key.into(),
            location: None,
            message: message.into(),
            found: None,
            expected: None,
        }
    }

    /// Sets the location.
    #[must_use]
    pub fn at(mut self, location: Option<Location>) -> Self {
        self.location = location;
        self
    }

    /// Sets what was found.
    #[must_use]
    pub fn found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }

    /// Sets what was expected.
    #[must_use]
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }

    /// How serious the problem is: the severity of its rule. Only errors
    /// make `check` fail and refuse a write; warnings are reported.
    pub fn severity(&self) -> Severity {
        self.rule.severity()
    }

    /// `file:line:column`, or the file alone when there is no location.
    pub fn position(&self) -> String {
        match &self.location {
            Some(l) => format!("{}:{}:{}", display_path(&self.file), l.line, l.column),
            None => display_path(&self.file),
        }
    }

    /// Renders the diagnostic as rustc and cargo do (annotate-snippets),
    /// without colour:
    ///
    /// ```text
    /// error[unknown-key]: unknown key `nmae`; did you mean `name`?
    ///  --> registry/x/items/licensing.toml:4:1
    ///   |
    /// 4 | nmae = "民用爆炸物品销售许可"
    ///   | ^^^^
    ///   |
    ///   = key: item[0].nmae
    ///   = expected: one of `id`, `code`, `name`, …
    /// ```
    pub fn render(&self) -> String {
        self.render_with(&annotate_snippets::Renderer::plain())
    }

    /// [`Diagnostic::render`] with the colours of a terminal (ANSI escapes;
    /// a caller that writes to a pipe strips them, as `anstream` does).
    pub fn render_styled(&self) -> String {
        self.render_with(&annotate_snippets::Renderer::styled())
    }

    fn render_with(&self, renderer: &annotate_snippets::Renderer) -> String {
        use annotate_snippets::{AnnotationKind, Group, Level, Snippet};
        let level = match self.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let path = escape_controls(&display_path(&self.file)).into_owned();
        let message = escape_controls(&self.message);
        let mut group = Group::with_title(level.primary_title(message.as_ref()).id(self.rule.id()));
        match &self.location {
            Some(l) => {
                let before = prefix_by_chars(&l.line_text, l.column - 1);
                let rest = &l.line_text[before.len()..];
                let len = floor_char_boundary(rest, l.span.len().min(rest.len()));
                // At least one character is marked (an empty span marks the
                // character it stands before); the end stays on a character
                // boundary.
                let len = if len == 0 {
                    rest.chars().next().map_or(0, char::len_utf8)
                } else {
                    len
                };
                // The line as a terminal may show it: controls escaped, the
                // span moved with them.
                let (before, marked, after) = (
                    escape_controls(before),
                    escape_controls(&rest[..len]),
                    escape_controls(&rest[len..]),
                );
                let start = before.len();
                let end = start + marked.len();
                let line = format!("{before}{marked}{after}");
                group = group.element(
                    Snippet::source(line)
                        .line_start(l.line)
                        .path(path)
                        .annotation(AnnotationKind::Primary.span(start..end)),
                );
            }
            None => group = group.element(Level::NOTE.with_name("file").message(path)),
        }
        if !self.key.is_empty() {
            group = group.element(
                Level::NOTE
                    .with_name("key")
                    .message(escape_controls(&self.key)),
            );
        }
        if let Some(found) = &self.found {
            group = group.element(
                Level::NOTE
                    .with_name("found")
                    .message(escape_controls(found)),
            );
        }
        if let Some(expected) = &self.expected {
            group = group.element(
                Level::NOTE
                    .with_name("expected")
                    .message(escape_controls(expected)),
            );
        }
        let mut out = renderer.render(&[group]);
        out.push('\n');
        out
    }
}

fn prefix_by_chars(s: &str, n: usize) -> &str {
    match s.char_indices().nth(n) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// Whether a character acts on what a reader sees rather than showing as
/// itself: a control character (C0, DEL, C1), a bidirectional mark, embedding,
/// override or isolate (U+061C, U+200E, U+200F, U+202A–U+202E,
/// U+2066–U+2069), or a line or paragraph separator (U+2028, U+2029).
pub fn hazardous(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}'
                | '\u{200e}'
                | '\u{200f}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

/// Text made safe for a terminal: every control character but the line
/// break and the tab, and every bidirectional override, becomes a visible
/// escape (`\u{1b}`), so that registry text cannot retitle a window, move
/// the cursor or reorder what is shown.
pub fn escape_controls(s: &str) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| hazardous(c) && !matches!(c, '\n' | '\t');
    if !s.chars().any(bad) {
        return s.into();
    }
    s.chars()
        .map(|c| {
            if bad(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

/// JSON text with every hazardous character that serde_json writes as
/// itself (C1 controls, bidirectional marks, line separators: it escapes
/// only C0) written as a `\uXXXX` escape instead: the same JSON value, but
/// inert when the JSON reaches a terminal. Every hazardous character is in
/// the Basic Multilingual Plane, so one escape each suffices.
pub fn escape_json_hazards(json: String) -> String {
    // Whitespace between tokens is JSON's own; inside strings serde_json
    // has escaped it already.
    let bad = |c: char| hazardous(c) && !matches!(c, '\n' | '\t' | '\r');
    if !json.chars().any(bad) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

/// Paths print with `/` on every platform, so messages and snapshots agree.
pub(crate) fn display_path(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} [{}]",
            self.position(),
            self.message,
            self.rule.id()
        )?;
        if !self.key.is_empty() {
            write!(f, " at {}", self.key)?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word` when it is close enough to be a
/// likely typo (edit distance at most a third of the word, plus one).
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = levenshtein(word, c);
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let limit = (word.chars().count() / 3).max(1) + 1;
    best.filter(|(d, _)| *d <= limit).map(|(_, c)| c)
}

fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur.push((prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod json_tests {
    #[test]
    fn hazards_in_json_are_escaped_and_the_value_is_the_same() {
        let v = serde_json::json!({ "a": "x\u{9b}31m\u{202e}y\u{2028}z\n", "b": ["\u{1b}"] });
        let raw = serde_json::to_string_pretty(&v).unwrap();
        assert!(raw.contains('\u{9b}') && raw.contains('\u{202e}'));
        let safe = super::escape_json_hazards(raw);
        assert!(
            !safe.chars().any(|c| super::hazardous(c) && c != '\n'),
            "{safe}"
        );
        assert!(safe.contains("\\u009b") && safe.contains("\\u202e") && safe.contains("\\u2028"));
        let back: serde_json::Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_characters() {
        let text = "a = 1\nname = \"民爆\" x\n";
        let pos = text.find('x').unwrap_or(0);
        let l = Location::of(text, pos..pos + 1);
        assert_eq!((l.line, l.column), (2, 13));
        assert_eq!(l.line_text, "name = \"民爆\" x");
    }

    #[test]
    fn caret_under_cjk_text() {
        let text = "name = \"民爆\"\n";
        let d = Diagnostic::new(Rule::BlankText, "f.toml", "name", "m")
            .at(Some(Location::of(text, 7..15)));
        let r = d.render();
        assert!(
            r.contains("1 | name = \"民爆\"\n  |        ^^^^^^\n"),
            "{r}"
        );
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("nmae", ["id", "name", "code"]), Some("name"));
        assert_eq!(
            suggest("licencing", ["licensing", "penalty"]),
            Some("licensing")
        );
        assert_eq!(suggest("zzzzzz", ["id", "name"]), None);
    }
}
