//! One line of a translation file. Shared by `build.rs` (which compiles the
//! interface files into tables for the crate, through `#[path]`) and by
//! `parse` (native builds: the tests and the country names files), so both
//! read the format the same way. It uses nothing from the crate for that
//! reason.

use std::borrow::Cow;

/// A key and its value, or the reason a line is bad. Blank lines and
/// comments are `Ok(None)`.
pub type Line<'a> = Result<Option<(&'a str, Cow<'a, str>)>, &'static str>;

/// Reads one line: `key = value`, a value in double quotes keeping its
/// spaces, `\uXXXX` and `\\` resolved.
pub fn read(raw: &str) -> Line<'_> {
    let line = raw.trim();
    if line.is_empty() || line.starts_with('#') {
        return Ok(None);
    }
    let Some((key, value)) = line.split_once('=') else {
        return Err("expected key = value");
    };
    let key = key.trim();
    if !valid_key(key) {
        return Err("a key is letters, digits, '.', '_' and '-'");
    }
    let mut value = value.trim();
    if value.len() >= 2 && value.starts_with('"') && value.ends_with('"') {
        value = value.get(1..value.len() - 1).unwrap_or(value);
    }
    match unescape(value) {
        Some(value) => Ok(Some((key, value))),
        None => Err("a backslash starts \\uXXXX or \\\\ only"),
    }
}

fn valid_key(key: &str) -> bool {
    !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Resolves `\uXXXX` and `\\`; `None` for any other backslash.
fn unescape(value: &str) -> Option<Cow<'_, str>> {
    if !value.contains('\\') {
        return Some(Cow::Borrowed(value));
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().take(4).collect();
                if hex.len() != 4 {
                    return None;
                }
                let code = u32::from_str_radix(&hex, 16).ok()?;
                out.push(char::from_u32(code)?);
            }
            _ => return None,
        }
    }
    Some(Cow::Owned(out))
}
