//! A checked bundle as bytes: how the reader module hands a bundle it has
//! read to the widget, and how the embedded bundle ships in the widget.
//!
//! The widget itself reads no JSON. Its embedded bundle was checked when it
//! was packed (`spector-facts pack`, held to `data/spector.json` by a test),
//! and a page's other bundles are read by the reader module
//! (`reader_module`), which the page fetches only when it needs one. Both
//! hand the widget these bytes, so the JSON parser, the shape reader, the
//! validator and their messages are not in the widget's wasm.
//!
//! The format: `MAGIC`, then a tag. Tag 0 is a bundle: every field of
//! `model::Bundle` in declaration order, a text as twice its UTF-8 length
//! (an unsigned LEB128) and its bytes, or as a reference into a base text
//! (an odd LEB128, see `pack_in`), a number as 8 bytes of little-endian
//! f64, an `Option` as 0 or 1 and the value, a list as its length and its
//! entries, a qualifier or source kind as one byte, a citation's
//! `attributed_to` as its source index plus one (0 for none). Tag 1 is a
//! refused bundle: its problems, each as its JSON path and its words
//! (`Problem`), as warnings travel too: the widget only shows problems, so
//! it needs none of the code or words that find and describe them.
//! `MAGIC` names the format's version (`SWP2` since citations carry `attributed_to`, `SWP3` since a
//! text may be a reference).
//!
//! The embedded bundle's texts are references into its JSON text, which
//! the widget carries anyway for the download: where a text is a JSON
//! string there, with no escape, its reference is where that string
//! starts, as the distance from the end of the string the reference
//! before it read (zigzag: even forward, odd back), and the string ends
//! at the next `"`. That is a byte or two where the text was its length
//! and its bytes again: embed.js is about 0.5 KB smaller in brotli
//! (brotli matched the copies against the JSON text, but each match and
//! each length cost it bytes). Bytes from the reader module hold no
//! references, and the widget unpacks them against no base text, so a
//! reference in them is refused as damage.

use alloc::string::String;
use alloc::vec::Vec;

use super::error::{BundleErrors, Problem};
use super::model::*;

/// The format's name and version: the reader module and the widget of two
/// different builds (an old one in a cache, say) refuse each other's
/// bytes instead of misreading them.
pub const MAGIC: &[u8; 4] = b"SWP3";

const BUNDLE: u8 = 0;
const REFUSED: u8 = 1;

/// The qualifiers and source kinds by their byte.
const QUALIFIERS: [Qualifier; 5] = [
    Qualifier::Exact,
    Qualifier::MoreThan,
    Qualifier::AtLeast,
    Qualifier::About,
    Qualifier::Nearly,
];

/// A checked bundle, or why it was refused, as bytes.
pub fn pack(result: &Result<Bundle, BundleErrors>) -> Vec<u8> {
    packed_in(result, &[])
}

/// The same, each text found in `base` written as where it is there
/// (native only: `spector-facts`' and the tests' packing of the embedded
/// bundle against its own JSON text; the reader module never needs it).
/// `unpack_in` with the same base reads it.
#[cfg(not(target_arch = "wasm32"))]
pub fn pack_in(result: &Result<Bundle, BundleErrors>, base: &str) -> Vec<u8> {
    packed_in(result, base.as_bytes())
}

fn packed_in(result: &Result<Bundle, BundleErrors>, base: &[u8]) -> Vec<u8> {
    let mut p = Packer {
        out: Vec::with_capacity(4096),
        base,
        end: 0,
    };
    p.out.extend_from_slice(MAGIC);
    match result {
        Ok(bundle) => {
            p.out.push(BUNDLE);
            p.bundle(bundle);
        }
        Err(errors) => {
            p.out.push(REFUSED);
            p.errors(errors);
        }
    }
    p.out
}

/// What `pack` wrote: the bundle, or the problems that refused it. Bytes
/// that are not `pack`'s (damaged, cut short, from another version) give
/// one problem saying so; nothing here can panic.
pub fn unpack(bytes: &[u8]) -> Result<Bundle, Vec<Problem>> {
    unpack_in(bytes, &[])
}

/// What `pack_in` wrote against `base`.
pub fn unpack_in(bytes: &[u8], base: &[u8]) -> Result<Bundle, Vec<Problem>> {
    let mut u = Unpacker {
        bytes,
        at: 0,
        failed: false,
        base,
        end: 0,
    };
    let magic_ok = u.take(MAGIC.len()) == MAGIC;
    let result = match u.byte() {
        BUNDLE => Ok(u.bundle()),
        REFUSED => Err(u.problems()),
        _ => Err(Vec::new()),
    };
    if !magic_ok || u.failed || u.at != bytes.len() {
        return Err(alloc::vec![Problem {
            path: String::new(),
            words: String::from("the widget could not read the checked bundle (its reader is from another version?)"),
        }]);
    }
    result
}

/// Writes the format; used by the reader module and `spector-facts pack`.
struct Packer<'a> {
    out: Vec<u8>,
    /// The text the texts are looked for in (empty: none is), and where
    /// the last one found there ends. Only native builds look.
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    base: &'a [u8],
    #[cfg_attr(target_arch = "wasm32", allow(dead_code))]
    end: usize,
}

impl Packer<'_> {
    fn uint(&mut self, mut value: usize) {
        loop {
            let low = (value & 0x7f) as u8;
            value >>= 7;
            if value == 0 {
                self.out.push(low);
                return;
            }
            self.out.push(low | 0x80);
        }
    }

    fn text(&mut self, text: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(distance) = self.reference(text.as_bytes()) {
            self.uint(distance * 2 + 1);
            return;
        }
        self.uint(text.len() * 2);
        self.out.extend_from_slice(text.as_bytes());
    }

    /// Where `text` is a JSON string in the base text, written as
    /// `Unpacker::reference` reads it: the string's first place from the
    /// end of the last one found, else its first place at all. `None` for
    /// a text that holds a `"`, which its string would escape, or one not
    /// there.
    #[cfg(not(target_arch = "wasm32"))]
    fn reference(&mut self, text: &[u8]) -> Option<usize> {
        if text.contains(&b'"') {
            return None;
        }
        let mut quoted = Vec::with_capacity(text.len() + 2);
        quoted.push(b'"');
        quoted.extend_from_slice(text);
        quoted.push(b'"');
        let base = self.base;
        let find = |from: usize| {
            base.get(from..)?
                .windows(quoted.len())
                .position(|w| w == quoted)
                .map(|i| i + from + 1)
        };
        let at = find(self.end.saturating_sub(1)).or_else(|| find(0))?;
        let distance = if at >= self.end {
            (at - self.end) * 2
        } else {
            (self.end - at) * 2 - 1
        };
        self.end = at + text.len();
        Some(distance)
    }

    fn optional(&mut self, text: &Option<String>) {
        match text {
            Some(text) => {
                self.out.push(1);
                self.text(text);
            }
            None => self.out.push(0),
        }
    }

    fn number(&mut self, value: f64) {
        self.out.extend_from_slice(&value.to_le_bytes());
    }

    fn qualifier(&mut self, qualifier: Qualifier) {
        self.out
            .push(QUALIFIERS.iter().position(|&q| q == qualifier).unwrap_or(0) as u8);
    }

    fn bundle(&mut self, b: &Bundle) {
        let o = &b.operation;
        for text in [&o.id, &o.name, &o.summary, &o.announced, &b.lang] {
            self.text(text);
        }
        self.uint(b.sources.len());
        for s in &b.sources {
            for text in [&s.id, &s.publisher, &s.title, &s.date] {
                self.text(text);
            }
            self.optional(&s.url);
            self.out.push(u8::from(s.url_confirmed));
            self.out.push(u8::from(s.kind == SourceKind::Secondary));
            self.optional(&s.seed);
            self.text(&s.lang);
        }
        self.uint(b.facts.len());
        for f in &b.facts {
            self.text(&f.id);
            self.text(&f.metric);
            self.optional(&match &f.scope {
                Scope::All => None,
                Scope::Country(code) => Some(code.clone()),
            });
            self.number(f.value);
            self.text(&f.unit);
            self.qualifier(f.qualifier);
            self.optional(&f.label);
            self.citations(&f.citations);
            self.disagreement(&f.disagreement);
        }
        self.uint(b.dates.len());
        for d in &b.dates {
            self.text(&d.id);
            self.text(&d.event);
            self.text(&d.date);
            self.optional(&d.label);
            self.citations(&d.citations);
            self.disagreement(&d.disagreement);
        }
        self.problems(&b.warnings);
    }

    fn citations(&mut self, citations: &[Citation]) {
        self.uint(citations.len());
        for c in citations {
            self.uint(c.source);
            self.text(&c.quote);
            // The agency's index plus one, 0 for none.
            self.uint(c.attributed_to.map_or(0, |a| a + 1));
        }
    }

    fn disagreement(&mut self, disagreement: &Option<Disagreement>) {
        let Some(d) = disagreement else {
            self.out.push(0);
            return;
        };
        self.out.push(1);
        self.text(&d.reason);
        self.uint(d.claims.len());
        for c in &d.claims {
            match &c.value {
                ClaimValue::Number(value) => {
                    self.out.push(0);
                    self.number(*value);
                }
                ClaimValue::Date(date) => {
                    self.out.push(1);
                    self.text(date);
                }
            }
            self.qualifier(c.qualifier);
            self.citations(&c.citations);
        }
    }

    fn problems(&mut self, problems: &[Problem]) {
        self.uint(problems.len());
        for problem in problems {
            self.text(&problem.path);
            self.text(&problem.words);
        }
    }

    /// The same as `problems(&errors.worded())`, without building the
    /// list first (a copy that cost the reader module 0.2 KB).
    fn errors(&mut self, errors: &BundleErrors) {
        self.uint(errors.0.len());
        let mut words = String::new();
        for error in &errors.0 {
            self.text(&error.path);
            words.clear();
            error.kind.write_to(&mut words);
            self.text(&words);
        }
    }
}

/// Reads the format. A read past the end or a malformed value sets
/// `failed` and gives an empty value, so the bundle is built in one pass
/// and checked once at the end (as `geo::reader` does for the map).
struct Unpacker<'a> {
    bytes: &'a [u8],
    at: usize,
    failed: bool,
    /// The text references point into, and where the last one ended.
    base: &'a [u8],
    end: usize,
}

impl<'a> Unpacker<'a> {
    fn take(&mut self, n: usize) -> &'a [u8] {
        let end = self.at.saturating_add(n);
        match self.bytes.get(self.at..end) {
            Some(out) => {
                self.at = end;
                out
            }
            None => {
                self.failed = true;
                &[]
            }
        }
    }

    fn byte(&mut self) -> u8 {
        self.take(1).first().copied().unwrap_or(u8::MAX)
    }

    /// Unsigned LEB128 below 2^28 (no list or text comes near).
    fn uint(&mut self) -> usize {
        let mut value = 0;
        for shift in [0, 7, 14, 21] {
            let b = self.byte();
            value |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return value;
            }
        }
        self.failed = true;
        0
    }

    fn flag(&mut self) -> bool {
        match self.byte() {
            0 => false,
            1 => true,
            _ => {
                self.failed = true;
                false
            }
        }
    }

    fn text(&mut self) -> String {
        let n = self.uint();
        let bytes = if n & 1 == 0 {
            self.take(n / 2)
        } else {
            self.reference(n / 2)
        };
        match crate::text::utf8(bytes) {
            Some(text) => String::from(text),
            None => {
                self.failed = true;
                String::new()
            }
        }
    }

    /// The base text from `distance` (`Packer::reference`) to the next
    /// `"`; outside the base text, or with no base text, the bytes are
    /// damaged.
    fn reference(&mut self, distance: usize) -> &'a [u8] {
        let from = if distance & 1 == 0 {
            self.end.wrapping_add(distance / 2)
        } else {
            self.end.wrapping_sub(distance / 2 + 1)
        };
        let rest = self.base.get(from..).unwrap_or_default();
        match rest.iter().position(|&b| b == b'"') {
            Some(len) => {
                self.end = from + len;
                rest.get(..len).unwrap_or_default()
            }
            None => {
                self.failed = true;
                &[]
            }
        }
    }

    fn optional(&mut self) -> Option<String> {
        if self.flag() {
            Some(self.text())
        } else {
            None
        }
    }

    fn number(&mut self) -> f64 {
        match self.take(8).first_chunk::<8>() {
            Some(bytes) => f64::from_le_bytes(*bytes),
            None => 0.0,
        }
    }

    fn qualifier(&mut self) -> Qualifier {
        let b = self.byte();
        match QUALIFIERS.get(usize::from(b)) {
            Some(&q) => q,
            None => {
                self.failed = true;
                Qualifier::Exact
            }
        }
    }

    /// A list's length, no more than the bytes left (every entry takes at
    /// least one), so damaged bytes cannot ask for a huge loop.
    fn count(&mut self) -> usize {
        let n = self.uint();
        if n > self.bytes.len() - self.at.min(self.bytes.len()) {
            self.failed = true;
            return 0;
        }
        n
    }

    fn bundle(&mut self) -> Bundle {
        let operation = Operation {
            id: self.text(),
            name: self.text(),
            summary: self.text(),
            announced: self.text(),
        };
        let lang = self.text();
        let mut sources = Vec::new();
        for _ in 0..self.count() {
            sources.push(Source {
                id: self.text(),
                publisher: self.text(),
                title: self.text(),
                date: self.text(),
                url: self.optional(),
                url_confirmed: self.flag(),
                kind: if self.flag() {
                    SourceKind::Secondary
                } else {
                    SourceKind::Primary
                },
                seed: self.optional(),
                lang: self.text(),
            });
        }
        let mut facts = Vec::new();
        for _ in 0..self.count() {
            facts.push(Fact {
                id: self.text(),
                metric: self.text(),
                scope: self.optional().map_or(Scope::All, Scope::Country),
                value: self.number(),
                unit: self.text(),
                qualifier: self.qualifier(),
                label: self.optional(),
                citations: self.citations(),
                disagreement: self.disagreement(),
            });
        }
        let mut dates = Vec::new();
        for _ in 0..self.count() {
            dates.push(DateEntry {
                id: self.text(),
                event: self.text(),
                date: self.text(),
                label: self.optional(),
                citations: self.citations(),
                disagreement: self.disagreement(),
            });
        }
        Bundle {
            operation,
            lang,
            sources,
            facts,
            dates,
            warnings: self.problems(),
        }
    }

    fn citations(&mut self) -> Vec<Citation> {
        let mut out = Vec::new();
        for _ in 0..self.count() {
            out.push(Citation {
                source: self.uint(),
                quote: self.text(),
                attributed_to: self.uint().checked_sub(1),
            });
        }
        out
    }

    fn disagreement(&mut self) -> Option<Disagreement> {
        if !self.flag() {
            return None;
        }
        let reason = self.text();
        let mut claims = Vec::new();
        for _ in 0..self.count() {
            claims.push(Claim {
                value: if self.flag() {
                    ClaimValue::Date(self.text())
                } else {
                    ClaimValue::Number(self.number())
                },
                qualifier: self.qualifier(),
                citations: self.citations(),
            });
        }
        Some(Disagreement { reason, claims })
    }

    fn problems(&mut self) -> Vec<Problem> {
        let mut out = Vec::new();
        for _ in 0..self.count() {
            out.push(Problem {
                path: self.text(),
                words: self.text(),
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::{parse_json, EMBEDDED_JSON};

    fn spector() -> Bundle {
        parse_json(EMBEDDED_JSON).expect("the embedded bundle is valid")
    }

    #[test]
    fn a_bundle_comes_back_as_it_was_packed() {
        let bundle = spector();
        assert_eq!(unpack(&pack(&Ok(bundle.clone()))), Ok(bundle));
    }

    #[test]
    fn a_refusal_comes_back_with_the_same_messages() {
        let text = EMBEDDED_JSON.replacen("\"schema\": 1", "\"schema\": 2", 1);
        let errors = parse_json(&text).expect_err("schema 2 is refused");
        let back = unpack(&pack(&Err(errors.clone()))).expect_err("still refused");
        assert_eq!(back, errors.worded());
        assert!(
            back.iter()
                .any(|p| p.words == "unsupported schema version 2, expected 1"),
            "{back:?}"
        );
    }

    #[test]
    fn bytes_cut_short_or_damaged_are_refused_without_panicking() {
        let bytes = pack(&Ok(spector()));
        for end in 0..bytes.len() {
            assert!(unpack(&bytes[..end]).is_err(), "cut at {end}");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(unpack(&longer).is_err(), "a byte too many");
        let mut other_version = bytes.clone();
        other_version[3] = b'9';
        assert!(unpack(&other_version).is_err(), "another version");
        // Every single byte changed: any outcome but a panic.
        for at in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0xA5;
            let _ = unpack(&damaged);
        }
    }
}
