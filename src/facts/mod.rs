//! The facts bundle: its JSON shape (`raw`), its checked meaning (`model`),
//! and the one step between them that can fail (`parse_json`, `validate`).

mod country_codes;
pub mod error;
pub mod json;
pub mod model;
pub mod packed;
pub mod raw;
pub mod reader;
pub mod validate;

use alloc::string::{String, ToString};
use alloc::vec;

pub use country_codes::{is_country_code, iso_for_alias};
pub use error::{BundleError, BundleErrors, ErrorKind, Problem};
pub use model::*;
pub use validate::validate;

/// The largest bundle text read, in bytes (2 MB; the shipped bundle is
/// 18 KB). Checked before any parsing, so a huge file costs nothing.
pub const MAX_BYTES: usize = 2_000_000;

/// The deepest nesting of arrays and objects read. A valid bundle nests 8
/// levels; the cap keeps recursive parsers (serde, the browser's object
/// walk) far from a stack overflow.
pub const MAX_DEPTH: usize = 32;

/// The longest single text, in characters (a quote, a title, an id, ...).
pub const MAX_STRING_CHARS: usize = 10_000;

/// The most entries in any one list (sources, facts, dates, citations,
/// claims).
pub const MAX_ITEMS: usize = 1_000;

/// The largest value a figure may have (10^15): beyond this, f64 no longer
/// holds every whole number and no operation has counted that much.
pub const MAX_VALUE: f64 = 1e15;

/// The checks made on bundle text before it is parsed, the same for
/// `parse_json` and the serde path (`parse_json_with_serde`): the size
/// cap, no byte-order mark, and the nesting depth cap, found by one scan of
/// the brackets outside strings. The string-length and list-length caps
/// need the parsed shape and are checked by `validate`.
pub fn check_limits(text: &str) -> Result<(), BundleErrors> {
    let kind = if text.len() > MAX_BYTES {
        ErrorKind::TooLarge {
            bytes: text.len(),
            limit: MAX_BYTES,
        }
    } else if text.starts_with('\u{FEFF}') {
        ErrorKind::ByteOrderMark
    } else if let Some(at) = too_deep(text.as_bytes(), MAX_DEPTH) {
        let (line, column) = line_column(text.as_bytes(), at);
        ErrorKind::TooDeep {
            limit: MAX_DEPTH,
            line,
            column,
        }
    } else {
        return Ok(());
    };
    Err(BundleErrors::whole(kind))
}

/// The line and the column in bytes (both from 1) of the byte at `at`, in
/// one pass.
fn line_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let (mut line, mut line_start) = (1, 0);
    for (i, &b) in bytes.iter().enumerate().take(at) {
        if b == b'\n' {
            line += 1;
            line_start = i + 1;
        }
    }
    (line, at - line_start + 1)
}

/// Bundle bytes as text, as a file or a fetched `src` holds them: UTF-8,
/// with a UTF-8 byte-order mark at the start skipped, as a browser's
/// decoding skips it. Bytes that are not UTF-8 are refused, naming the
/// first that is wrong by its offset in the bytes as given, or saying
/// that they are UTF-16 when they start with its byte-order mark (whose
/// bytes never start UTF-8).
pub fn utf8(bytes: &[u8]) -> Result<&str, BundleErrors> {
    let kind = match core::str::from_utf8(bytes) {
        Ok(text) => return Ok(text.strip_prefix("\u{FEFF}").unwrap_or(text)),
        Err(_) if matches!(bytes, [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..]) => ErrorKind::Utf16,
        Err(e) => {
            let offset = e.valid_up_to();
            let (line, column) = line_column(bytes, offset);
            ErrorKind::NotUtf8 { offset, line, column }
        }
    };
    Err(BundleErrors::whole(kind))
}

/// The byte offset of the first `[` or `{` that opens level `limit + 1`,
/// counting only brackets outside strings (escapes included).
fn too_deep(bytes: &[u8], limit: usize) -> Option<usize> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in bytes.iter().enumerate() {
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The SpecTor bundle that ships inside the widget: its text, which the
/// widget offers as a download.
pub const EMBEDDED_JSON: &str = include_str!("../../data/spector.json");

/// The same bundle checked and packed (`packed`): what the widget shows,
/// without reading JSON. It is `src/facts/spector.packed` without the
/// first line that says how the file was made, as `build.rs` copies it, so
/// the wasm does not carry that line. `tests/packed.rs` holds the file
/// equal to that line and `EMBEDDED_JSON` packed against itself, and
/// writes it anew when asked.
pub const EMBEDDED_PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/spector.packed"));

/// The embedded bundle, unpacked from `EMBEDDED_PACKED`, whose texts are
/// references into `EMBEDDED_JSON` (`packed::pack_in`).
pub fn embedded() -> Result<Bundle, alloc::vec::Vec<Problem>> {
    packed::unpack_in(EMBEDDED_PACKED, EMBEDDED_JSON.as_bytes())
}

/// Reads a bundle from any serde deserializer, naming the JSON path of a
/// shape error, then validates it.
pub fn from_deserializer<'de, D>(deserializer: D, syntax: impl Fn(&D::Error) -> bool) -> Result<Bundle, BundleErrors>
where
    D: serde::Deserializer<'de>,
{
    match serde_path_to_error::deserialize::<_, raw::RawBundle>(deserializer) {
        Ok(raw) => validate(&raw),
        Err(e) => {
            let inner = e.inner();
            // serde repeats an unknown key as it is: its hidden characters
            // are escaped as every other message escapes them.
            let mut message = String::new();
            for c in inner.to_string().chars() {
                error::push_visible(&mut message, c);
            }
            let kind = if syntax(inner) {
                ErrorKind::Syntax(message)
            } else {
                ErrorKind::Shape(message)
            };
            // A syntax error's line and column say more than the path of the
            // value being read when the text broke off. The path is written
            // as the browser's reader writes it.
            let mut path = String::new();
            if !matches!(kind, ErrorKind::Syntax(_)) {
                for segment in e.path().iter() {
                    path = match segment {
                        serde_path_to_error::Segment::Seq { index } => validate::index(&path, *index),
                        serde_path_to_error::Segment::Map { key } => validate::join(&path, key),
                        serde_path_to_error::Segment::Enum { variant } => validate::join(&path, variant),
                        serde_path_to_error::Segment::Unknown => validate::join(&path, "?"),
                    };
                }
            }
            Err(BundleErrors(vec![BundleError::new(path, kind)]))
        }
    }
}

/// Checks the limits, then parses and validates bundle text with serde
/// instead of `json` and `reader`. No user gets this path: the widget and
/// `spector-facts` both read with `parse_json`, so they say the same
/// words. It is kept (native only) as the tests' second opinion: serde's
/// derived `Deserialize` for `raw::RawBundle` is the shape the hand-written
/// reader must match, and `tests/reader_parity.rs` holds the two to the
/// same answers on every fixture.
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json_with_serde(text: &str) -> Result<Bundle, BundleErrors> {
    check_limits(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let result = from_deserializer(&mut de, |e: &serde_json::Error| {
        matches!(
            e.classify(),
            serde_json::error::Category::Syntax | serde_json::error::Category::Eof
        )
    });
    let bundle = result?;
    if let Err(e) = de.end() {
        return Err(BundleErrors(vec![BundleError::new(
            "",
            ErrorKind::Syntax(e.to_string()),
        )]));
    }
    Ok(bundle)
}

/// Reads bundle bytes (`utf8`), then the text (`parse_json`): how the
/// widget's reader module reads a fetched `src` and `spector-facts` a
/// file, so both say the same about bytes that are not UTF-8.
pub fn parse_bytes(bytes: &[u8]) -> Result<Bundle, BundleErrors> {
    parse_json(utf8(bytes)?)
}

/// Checks the limits, then parses with `json`, reads the shape with
/// `reader` (every shape error, each with its path) and validates: how the
/// widget's reader module reads a bundle's text in the browser, and how
/// `spector-facts` and the tests read one natively.
pub fn parse_json(text: &str) -> Result<Bundle, BundleErrors> {
    check_limits(text)?;
    let value = json::parse(text).map_err(|e| BundleErrors::whole(ErrorKind::Syntax(e.message())))?;
    validate(&reader::read_bundle(&value)?)
}
