//! The translation file format, read as a whole (native builds only: the
//! tests, and the country names of the CLI and the static version). The
//! interface files reach the crate compiled by `build.rs` instead, which
//! reads their lines with the same `line::read`.
//!
//! ```text
//! # a comment
//! key = value
//! key.one = {n} person        (plural forms: zero one two few many other)
//! key.other = {n} people
//! spaced = " value with spaces at its ends "
//! escaped = 1\u202F000         (\uXXXX is a character, \\ a backslash)
//! ```
//!
//! Keys are letters, digits, `.`, `_` and `-`. Values are trimmed; a value
//! in double quotes keeps its spaces. Parsing never fails as a whole: every
//! bad line is reported with its number and skipped (`build.rs` fails the
//! build on one instead, naming the file and line).

use std::borrow::Cow;

/// One bad line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    pub message: &'static str,
}

/// A parsed file: `(key, value)` sorted by key, for binary search.
#[derive(Debug, Clone, Default)]
pub struct Table {
    entries: Vec<(&'static str, Cow<'static, str>)>,
}

impl Table {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|(k, _)| (*k).cmp(key))
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|(_, v)| v.as_ref())
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|(k, _)| *k)
    }

    /// Every entry, sorted by key.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &str)> + '_ {
        self.entries.iter().map(|(k, v)| (*k, v.as_ref()))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Parses a whole file. Bad lines are skipped and reported; a repeated key
/// keeps its first value.
pub fn parse(text: &'static str) -> (Table, Vec<ParseError>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut entries: Vec<(&'static str, Cow<'static, str>)> = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        match super::line::read(raw) {
            Ok(Some(entry)) => entries.push(entry),
            Ok(None) => {}
            Err(message) => errors.push(ParseError { line: i + 1, message }),
        }
    }
    // Stable sort: the first of two equal keys stays first.
    crate::sort::sort_by(&mut entries, |a, b| a.0.cmp(b.0));
    let mut deduped: Vec<(&'static str, Cow<'static, str>)> = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        if deduped.last().is_some_and(|(k, _)| *k == key) {
            // Report the repeat by key position: find its line.
            let line = text
                .lines()
                .enumerate()
                .filter(|(_, l)| l.split_once('=').is_some_and(|(k, _)| k.trim() == key))
                .nth(1);
            errors.push(ParseError {
                line: line.map_or(0, |(i, _)| i + 1),
                message: "this key is given twice",
            });
            continue;
        }
        deduped.push((key, value));
    }
    crate::sort::sort_by(&mut errors, |a, b| a.line.cmp(&b.line));
    (Table { entries: deduped }, errors)
}

/// The `{name}` placeholders of a value, in order, repeats included.
pub fn placeholders(value: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = value;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open + 1..).unwrap_or("");
        match after.find('}') {
            Some(close) => {
                out.push(after.get(..close).unwrap_or(""));
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_keys_values_comments_quotes_and_escapes() {
        let (t, errors) = parse("\u{feff}# c\n\na = b \n b.one = {n} x\nq = \" s \"\ne = 1\\u202F000\\\\\n");
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(t.get("a"), Some("b"));
        assert_eq!(t.get("b.one"), Some("{n} x"));
        assert_eq!(t.get("q"), Some(" s "));
        assert_eq!(t.get("e"), Some("1\u{202f}000\\"));
        assert_eq!(t.get("zz"), None);
        assert_eq!(t.len(), 4);
    }

    #[test]
    fn bad_lines_are_reported_and_skipped_never_a_panic() {
        let (t, errors) =
            parse("ok = 1\nno equals sign\nbad key! = 2\n = 3\ne = \\x\nu = \\u12\nu2 = \\uD800\nok = 2\n\"\n=\n");
        assert_eq!(t.get("ok"), Some("1"));
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }

    #[test]
    fn finds_placeholders() {
        assert_eq!(placeholders("{n} de {month} de {y}"), vec!["n", "month", "y"]);
        assert_eq!(placeholders("none"), Vec::<&str>::new());
        assert_eq!(placeholders("open { only"), Vec::<&str>::new());
    }
}
