//! The browser's side of the bundle reader: `JSON.parse` reads the text
//! (the browser's parser costs the wasm nothing) and `reader` walks the
//! result through this view of a `JsValue`.

use super::reader::{read_bundle, JsonType, JsonValue};
use super::{check_limits, validate, Bundle, BundleError, BundleErrors, ErrorKind};
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

impl JsonValue for JsValue {
    fn json_type(&self) -> JsonType {
        if self.as_bool().is_some() {
            JsonType::Bool
        } else if self.as_f64().is_some() {
            JsonType::Number
        } else if self.is_string() {
            JsonType::String
        } else if Array::is_array(self) {
            JsonType::Array
        } else if self.is_object() {
            JsonType::Object
        } else {
            JsonType::Null
        }
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn string(&self) -> Option<String> {
        self.as_string()
    }
    fn boolean(&self) -> Option<bool> {
        self.as_bool()
    }
    fn items(&self) -> Vec<Self> {
        match self.dyn_ref::<Array>() {
            Some(array) => array.iter().collect(),
            None => Vec::new(),
        }
    }
    fn members(&self) -> Vec<(String, Self)> {
        let Some(object) = self.dyn_ref::<Object>() else {
            return Vec::new();
        };
        Object::entries(object)
            .iter()
            .filter_map(|pair| {
                let pair = pair.dyn_into::<Array>().ok()?;
                Some((pair.get(0).as_string()?, pair.get(1)))
            })
            .collect()
    }
}

/// Parses and validates bundle text in the browser: the same limits as
/// natively, then `JSON.parse`, then the reader, then `validate`.
pub fn parse_in_browser(text: &str) -> Result<Bundle, BundleErrors> {
    check_limits(text)?;
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message: String = e
            .dyn_into::<js_sys::Error>()
            .map(|e| e.message().into())
            .unwrap_or_else(|_| "malformed JSON".into());
        BundleErrors(vec![BundleError::new("", ErrorKind::Syntax(message))])
    })?;
    validate(&read_bundle(&value)?)
}
