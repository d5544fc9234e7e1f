//! The facts bundle: its JSON shape (`raw`), its checked meaning (`model`),
//! and the one step between them that can fail (`parse_json`, `validate`).

mod country_codes;
pub mod error;
pub mod model;
pub mod raw;
pub mod validate;

pub use country_codes::is_country_code;
pub use error::{BundleError, BundleErrors, ErrorKind};
pub use model::*;
pub use validate::validate;

/// The SpecTor bundle that ships inside the widget.
pub const EMBEDDED_JSON: &str = include_str!("../../data/spector.json");

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
            let kind = if syntax(inner) {
                ErrorKind::Syntax(inner.to_string())
            } else {
                ErrorKind::Shape(inner.to_string())
            };
            // A syntax error's line and column say more than the path of the
            // value being read when the text broke off.
            let path = e.path().to_string();
            let path = if path == "." || matches!(kind, ErrorKind::Syntax(_)) { String::new() } else { path };
            Err(BundleErrors(vec![BundleError::new(path, kind)]))
        }
    }
}

/// Parses and validates bundle text (native builds: the CLI and tests).
#[cfg(not(target_arch = "wasm32"))]
pub fn parse_json(text: &str) -> Result<Bundle, BundleErrors> {
    let mut de = serde_json::Deserializer::from_str(text);
    let result = from_deserializer(&mut de, |e: &serde_json::Error| {
        matches!(e.classify(), serde_json::error::Category::Syntax | serde_json::error::Category::Eof)
    });
    let bundle = result?;
    if let Err(e) = de.end() {
        return Err(BundleErrors(vec![BundleError::new("", ErrorKind::Syntax(e.to_string()))]));
    }
    Ok(bundle)
}
