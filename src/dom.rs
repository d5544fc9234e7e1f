//! The only module that touches the DOM: it inserts the markup the pure
//! core renders, once, and answers pointer events delegated to the root.
//!
//! Every listener is removed when the `Widget` is dropped (JS calls
//! `free()` when the element leaves the page), so a removed widget leaves
//! nothing behind. Nothing here panics: a failed DOM call is skipped.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, PointerEvent, ShadowRoot};

use crate::facts::{self, Bundle, BundleError, BundleErrors, ErrorKind};
use crate::geo::World;
use crate::render;
use crate::text::push_fixed;

/// One widget on the page, alive as long as its element is.
#[wasm_bindgen]
pub struct Widget {
    _listeners: Vec<Listener>,
}

/// What the event handlers need: the bundle shown and the hover state.
struct State {
    bundle: Bundle,
    world: World<'static>,
    wrap: Option<Element>,
    tip: Option<HtmlElement>,
    hovered: String,
}

/// An event listener that removes itself when dropped, as gloo's does.
struct Listener {
    target: EventTarget,
    kind: &'static str,
    callback: Closure<dyn FnMut(Event)>,
}

impl Listener {
    fn new(target: &EventTarget, kind: &'static str, handler: impl FnMut(Event) + 'static) -> Self {
        let callback = Closure::<dyn FnMut(Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(kind, callback.as_ref().unchecked_ref());
        Listener { target: target.clone(), kind, callback }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .target
            .remove_event_listener_with_callback(self.kind, self.callback.as_ref().unchecked_ref());
    }
}

#[wasm_bindgen]
impl Widget {
    /// Renders into `root`: the embedded SpecTor bundle when `bundle_text`
    /// is absent, else that bundle, or a message saying why it cannot be
    /// shown. Never throws: a bad bundle is the reader's message, not an
    /// exception on the host page.
    pub fn mount(root: &ShadowRoot, bundle_text: Option<String>) -> Widget {
        let text = bundle_text.as_deref().unwrap_or(facts::EMBEDDED_JSON);
        let world = match World::embedded() {
            Ok(world) => world,
            Err(_) => {
                let errors = BundleErrors(vec![BundleError::new("", ErrorKind::Shape("the map geometry is damaged".into()))]);
                return Widget::refuse(root, &errors, "the map could not be read.");
            }
        };
        let bundle = match parse_in_browser(text) {
            Ok(bundle) => bundle,
            Err(errors) => return Widget::refuse(root, &errors, "its data has errors."),
        };
        root.set_inner_html(&render::widget(&bundle, &world));
        let state = Rc::new(RefCell::new(State {
            bundle,
            world,
            wrap: root.query_selector(".map-wrap").ok().flatten(),
            tip: root
                .query_selector(".tip")
                .ok()
                .flatten()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok()),
            hovered: String::new(),
        }));

        let mut listeners = Vec::with_capacity(2);
        let on_move = Rc::clone(&state);
        listeners.push(Listener::new(root, "pointermove", move |event| {
            if let Ok(mut state) = on_move.try_borrow_mut() {
                state.hover(&event);
            }
        }));
        if let Some(wrap) = state.borrow().wrap.clone() {
            let on_leave = Rc::clone(&state);
            listeners.push(Listener::new(&wrap, "pointerleave", move |_| {
                if let Ok(mut state) = on_leave.try_borrow_mut() {
                    state.hide();
                }
            }));
        }
        Widget { _listeners: listeners }
    }

    /// Shows why a bundle never arrived (network failure, timeout), in the
    /// same panel as a refused bundle.
    pub fn mount_failure(root: &ShadowRoot, reason: &str) -> Widget {
        root.set_inner_html(&render::error_panel(&BundleErrors(Vec::new()), reason));
        Widget { _listeners: Vec::new() }
    }

    /// Shows the reader why nothing else is shown, and the developer every
    /// error in the console.
    fn refuse(root: &ShadowRoot, errors: &BundleErrors, context: &str) -> Widget {
        root.set_inner_html(&render::error_panel(errors, context));
        web_sys::console::error_1(&JsValue::from_str(&errors.to_string()));
        Widget { _listeners: Vec::new() }
    }
}

/// The browser's own JSON parser reads the text (no JSON parser in the
/// wasm), then serde reads the resulting object.
fn parse_in_browser(text: &str) -> Result<Bundle, BundleErrors> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let message: String = e
            .dyn_into::<js_sys::Error>()
            .map(|e| e.message().into())
            .unwrap_or_else(|_| "malformed JSON".into());
        BundleErrors(vec![BundleError::new("", ErrorKind::Syntax(message))])
    })?;
    let de = serde_wasm_bindgen::Deserializer::from(value);
    facts::from_deserializer(de, |_| false)
}

impl State {
    /// Shows, moves or hides the tooltip for whatever marked country the
    /// pointer is over.
    fn hover(&mut self, event: &Event) {
        let code = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("[data-c]").ok().flatten())
            .and_then(|e| e.get_attribute("data-c"));
        let Some(code) = code else {
            self.hide();
            return;
        };
        let Some(tip) = self.tip.clone() else { return };
        if code != self.hovered {
            match render::tooltip(&self.bundle, &self.world, &code) {
                Some(markup) => tip.set_inner_html(&markup),
                None => {
                    self.hide();
                    return;
                }
            }
            self.hovered = code;
            tip.set_hidden(false);
        }
        if let (Some(wrap), Some(pointer)) = (&self.wrap, event.dyn_ref::<PointerEvent>()) {
            let area = wrap.get_bounding_client_rect();
            let (w, h) = (tip.offset_width() as f64, tip.offset_height() as f64);
            // Beside the pointer, flipped to the other side near the edges,
            // so the tooltip never covers what is being pointed at nor
            // leaves the widget.
            let mut x = pointer.client_x() as f64 - area.left() + 14.0;
            if x + w > area.width() {
                x = (x - w - 28.0).max(0.0);
            }
            let mut y = pointer.client_y() as f64 - area.top() - h - 10.0;
            if y < 0.0 {
                y = pointer.client_y() as f64 - area.top() + 18.0;
            }
            let mut transform = String::with_capacity(32);
            transform.push_str("translate(");
            push_fixed(&mut transform, x, 0);
            transform.push_str("px,");
            push_fixed(&mut transform, y, 0);
            transform.push_str("px)");
            let _ = tip.style().set_property("transform", &transform);
        }
    }

    fn hide(&mut self) {
        if let Some(tip) = &self.tip {
            tip.set_hidden(true);
        }
        self.hovered.clear();
    }
}
