//! The only module that touches the DOM: it inserts the markup the pure
//! core renders, once, and answers events delegated to the shadow root:
//! hover and tap (with a nearest-symbol hit test for tiny countries),
//! keyboard traversal of the countries (roving tabindex), selection, and
//! the world / Europe view.
//!
//! Every listener is removed when the `Widget` is dropped (JS calls
//! `free()` when the element leaves the page), so a removed widget leaves
//! nothing behind. Nothing here panics: a failed DOM call is skipped.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, KeyboardEvent, MouseEvent, ShadowRoot, SvgElement};

use crate::facts::{self, Bundle, BundleError, BundleErrors, ErrorKind};
use crate::geo::World;
use crate::render::map::{self, Symbol, Views};
use crate::render::view::{is_european, View, ViewKind};
use crate::render::{self, ZOOM_IN, ZOOM_OUT};
use crate::text::push_fixed;

/// How long the view change takes when motion is welcome, in ms.
const ZOOM_MS: f64 = 380.0;

/// One widget on the page, alive as long as its element is.
#[wasm_bindgen]
pub struct Widget {
    _listeners: Vec<Listener>,
}

/// What the event handlers need. The selection is one value here
/// (`selected`); everything that shows it is updated from it.
struct State {
    bundle: Bundle,
    world: World<'static>,
    root: ShadowRoot,
    wrap: Option<Element>,
    svg: Option<Element>,
    tip: Option<HtmlElement>,
    button: Option<HtmlElement>,
    views: Views,
    view: ViewKind,
    /// The viewBox drawn now (differs from `views.get(view)` mid-animation).
    drawn: View,
    /// Bumped by every view change, so an older animation stops.
    animation: u32,
    /// Symbols of the world view and of the Europe view.
    symbols: [Vec<Symbol<'static>>; 2],
    /// The keyboard order of the countries.
    order: Vec<&'static str>,
    /// The country whose figure the tooltip shows ("" when hidden).
    shown: String,
    /// The country the reader selected: pinned tooltip, pressed button.
    selected: Option<&'static str>,
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
        let views = Views::new(&bundle, &world);
        let symbols = [
            map::symbols_in(&bundle, &world, &views.world, ViewKind::World),
            map::symbols_in(&bundle, &world, &views.get(ViewKind::Europe), ViewKind::Europe),
        ];
        let order = map::keyboard_order(&bundle, &world);
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        let state = Rc::new(RefCell::new(State {
            bundle,
            world,
            root: root.clone(),
            wrap: find(".map-wrap"),
            svg: find("svg.map"),
            tip: find(".tip").and_then(|e| e.dyn_into::<HtmlElement>().ok()),
            button: find(".zoom").and_then(|e| e.dyn_into::<HtmlElement>().ok()),
            drawn: views.world,
            views,
            view: ViewKind::World,
            animation: 0,
            symbols,
            order,
            shown: String::new(),
            selected: None,
        }));

        let mut listeners = Vec::with_capacity(6);
        let on = |kind: &'static str, handler: fn(&Rc<RefCell<State>>, &Event)| {
            let state = Rc::clone(&state);
            Listener::new(root, kind, move |event| handler(&state, &event))
        };
        listeners.push(on("pointermove", |s, e| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.hover(e);
            }
        }));
        listeners.push(on("click", click));
        listeners.push(on("keydown", keydown));
        listeners.push(on("focusin", |s, e| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.focused(e);
            }
        }));
        listeners.push(on("focusout", |s, _| {
            if let Ok(mut s) = s.try_borrow_mut() {
                s.rest();
            }
        }));
        if let Some(wrap) = state.borrow().wrap.clone() {
            let on_leave = Rc::clone(&state);
            listeners.push(Listener::new(&wrap, "pointerleave", move |_| {
                if let Ok(mut state) = on_leave.try_borrow_mut() {
                    state.rest();
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

/// A click or tap: the zoom button toggles the view; a country toggles its
/// selection; anywhere else in the widget clears it.
fn click(state: &Rc<RefCell<State>>, event: &Event) {
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let on_button = target.as_ref().and_then(|t| t.closest(".zoom").ok().flatten()).is_some();
    if on_button {
        let next = match state.try_borrow().map(|s| s.view) {
            Ok(ViewKind::World) => ViewKind::Europe,
            Ok(ViewKind::Europe) => ViewKind::World,
            Err(_) => return,
        };
        set_view(state, next);
        return;
    }
    let Ok(mut s) = state.try_borrow_mut() else { return };
    match s.hit(event) {
        Some(code) if s.selected == Some(code) => s.clear(),
        Some(code) => {
            drop(s);
            select(state, code);
        }
        None => s.clear(),
    }
}

/// Keys: E toggles the view anywhere in the widget, Escape clears the
/// selection; on a country, arrows, Home and End move between countries
/// and Enter or Space selects.
fn keydown(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else { return };
    if key.ctrl_key() || key.meta_key() || key.alt_key() {
        return;
    }
    let name = key.key();
    let Ok(s) = state.try_borrow() else { return };
    let current = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|e| e.get_attribute("data-c"))
        .and_then(|c| s.code(&c));
    let index = current.and_then(|c| s.order.iter().position(|o| *o == c));
    let last = s.order.len().saturating_sub(1);
    let view = s.view;
    let has_europe = s.views.europe.is_some();
    let selected = s.selected;
    drop(s);
    let step = |i: usize, forward: bool| {
        if forward {
            if i >= last { 0 } else { i + 1 }
        } else if i == 0 {
            last
        } else {
            i - 1
        }
    };
    let target = match (name.as_str(), index) {
        ("e" | "E", _) if has_europe => {
            event.prevent_default();
            set_view(state, if view == ViewKind::World { ViewKind::Europe } else { ViewKind::World });
            return;
        }
        ("Escape", _) => {
            if let Ok(mut s) = state.try_borrow_mut() {
                s.clear();
            }
            return;
        }
        ("ArrowRight" | "ArrowDown", Some(i)) => step(i, true),
        ("ArrowLeft" | "ArrowUp", Some(i)) => step(i, false),
        ("Home", Some(_)) => 0,
        ("End", Some(_)) => last,
        ("Enter" | " ", Some(_)) => {
            event.prevent_default();
            match current {
                Some(code) if selected == Some(code) => {
                    if let Ok(mut s) = state.try_borrow_mut() {
                        s.clear();
                        s.show_at_symbol(code, false);
                    }
                }
                Some(code) => select(state, code),
                None => {}
            }
            return;
        }
        _ => return,
    };
    event.prevent_default();
    let element = match state.try_borrow() {
        Ok(s) => s.order.get(target).and_then(|code| s.country_element(code)),
        Err(_) => None,
    };
    // Focus with no borrow held: focusin runs at once and needs the state.
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// Selects a country: one place for the selection, then everything that
/// shows it. A European country selected in world view brings the Europe
/// view, where it is large enough to see.
fn select(state: &Rc<RefCell<State>>, code: &'static str) {
    let to_europe = match state.try_borrow_mut() {
        Ok(mut s) => {
            s.selected = Some(code);
            s.show_selection();
            s.rove(code);
            s.view == ViewKind::World && s.views.europe.is_some() && is_european(code)
        }
        Err(_) => return,
    };
    if to_europe {
        set_view(state, ViewKind::Europe);
    }
    if let Ok(mut s) = state.try_borrow_mut() {
        s.show_at_symbol(code, true);
    }
}

/// Switches the view: the viewBox moves to the other box, stepwise over a
/// few frames unless the reader prefers reduced motion.
fn set_view(state: &Rc<RefCell<State>>, kind: ViewKind) {
    let Ok(mut s) = state.try_borrow_mut() else { return };
    if s.view == kind || (kind == ViewKind::Europe && s.views.europe.is_none()) {
        return;
    }
    s.view = kind;
    s.animation = s.animation.wrapping_add(1);
    if let Some(button) = &s.button {
        button.set_text_content(Some(if kind == ViewKind::Europe { ZOOM_OUT } else { ZOOM_IN }));
    }
    let from = s.drawn;
    let to = s.views.get(kind);
    // Zooming in, the smaller Europe symbols show from the start and grow
    // with the zoom; zooming out, they stay until the world is back.
    if kind == ViewKind::Europe {
        s.mark_view(kind);
    }
    let window = web_sys::window();
    let calm = window
        .as_ref()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .map_or(true, |m| m.matches());
    if calm || window.is_none() {
        s.draw(to);
        s.settle();
        return;
    }
    let generation = s.animation;
    drop(s);
    animate(Rc::downgrade(state), generation, from, to);
}

type FrameCallback = Closure<dyn FnMut(f64)>;

/// Steps the viewBox from `from` to `to` on animation frames.
fn animate(state: Weak<RefCell<State>>, generation: u32, from: View, to: View) {
    let Some(window) = web_sys::window() else { return };
    let frame: Rc<RefCell<Option<FrameCallback>>> = Rc::new(RefCell::new(None));
    let again = Rc::clone(&frame);
    let mut start: Option<f64> = None;
    let step = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
        let Some(state) = state.upgrade() else {
            let _ = again.borrow_mut().take();
            return;
        };
        let Ok(mut s) = state.try_borrow_mut() else {
            let _ = again.borrow_mut().take();
            return;
        };
        if s.animation != generation {
            let _ = again.borrow_mut().take();
            return;
        }
        let t0 = *start.get_or_insert(now);
        let t = ((now - t0) / ZOOM_MS).clamp(0.0, 1.0);
        // Ease in and out (smoothstep).
        let eased = t * t * (3.0 - 2.0 * t);
        s.draw(from.lerp(&to, eased));
        if t >= 1.0 {
            s.settle();
            let _ = again.borrow_mut().take();
        } else if let (Some(w), Ok(slot)) = (web_sys::window(), again.try_borrow()) {
            if let Some(cb) = slot.as_ref() {
                let _ = w.request_animation_frame(cb.as_ref().unchecked_ref());
            }
        }
    });
    let _ = window.request_animation_frame(step.as_ref().unchecked_ref());
    *frame.borrow_mut() = Some(step);
}

impl State {
    /// The country code as the geometry spells it, if the map marks it.
    fn code(&self, code: &str) -> Option<&'static str> {
        self.order.iter().copied().find(|c| *c == code)
    }

    /// The symbols of the current view.
    fn view_symbols(&self) -> &[Symbol<'static>] {
        let i = match self.view {
            ViewKind::World => 0,
            ViewKind::Europe => 1,
        };
        self.symbols.get(i).map_or(&[], |v| v.as_slice())
    }

    /// The svg's position and its CSS px per grid unit in the current view.
    fn scale(&self) -> Option<(web_sys::DomRect, f64)> {
        let rect = self.svg.as_ref()?.get_bounding_client_rect();
        let view = self.views.get(self.view);
        let ppu = rect.width() / view.w;
        (ppu.is_finite() && ppu > 0.0).then_some((rect, ppu))
    }

    /// The country under the pointer: the element hit, or else the symbol
    /// within `HIT_REACH_PX` of it, so tiny countries are easy to hit.
    fn hit(&self, event: &Event) -> Option<&'static str> {
        let direct = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("[data-c]").ok().flatten())
            .and_then(|e| e.get_attribute("data-c"))
            .and_then(|c| self.code(&c));
        if direct.is_some() {
            return direct;
        }
        let pointer = event.dyn_ref::<MouseEvent>()?;
        let (rect, ppu) = self.scale()?;
        let view = self.views.get(self.view);
        let x = view.x + (f64::from(pointer.client_x()) - rect.left()) / ppu;
        let y = view.y + (f64::from(pointer.client_y()) - rect.top()) / ppu;
        if !view.contains(x, y) {
            return None;
        }
        map::nearest(self.view_symbols(), x, y, map::HIT_REACH_PX / ppu).map(|s| s.code)
    }

    /// Shows, moves or hides the tooltip for whatever marked country the
    /// pointer is over or near.
    fn hover(&mut self, event: &Event) {
        let Some(code) = self.hit(event) else {
            self.rest();
            return;
        };
        self.highlight(Some(code));
        if !self.fill_tip(code, false) {
            return;
        }
        if let (Some(wrap), Some(pointer)) = (&self.wrap, event.dyn_ref::<MouseEvent>()) {
            let area = wrap.get_bounding_client_rect();
            let x = f64::from(pointer.client_x()) - area.left();
            let y = f64::from(pointer.client_y()) - area.top();
            self.place_tip(x + 14.0, y - 10.0, y + 18.0);
        }
    }

    /// A focused country shows its figure beside its symbol.
    fn focused(&mut self, event: &Event) {
        let code = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .filter(|e| e.has_attribute("role"))
            .and_then(|e| e.get_attribute("data-c"))
            .and_then(|c| self.code(&c));
        let Some(code) = code else { return };
        self.rove(code);
        // Focus must be visible: a country outside the Europe box brings
        // the world back.
        let outside = self
            .symbols
            .first()
            .and_then(|all| all.iter().find(|s| s.code == code))
            .is_some_and(|s| !self.views.get(self.view).contains(s.x, s.y));
        if outside {
            self.view = ViewKind::World;
            self.animation = self.animation.wrapping_add(1);
            if let Some(button) = &self.button {
                button.set_text_content(Some(ZOOM_IN));
            }
            self.draw(self.views.world);
            self.settle();
        }
        self.highlight(Some(code));
        self.show_at_symbol(code, self.selected == Some(code));
    }

    /// Nothing pointed at or focused: the selection's tooltip, or none.
    fn rest(&mut self) {
        self.highlight(None);
        match self.selected {
            Some(code) => self.show_at_symbol(code, true),
            None => self.hide(),
        }
    }

    /// Clears the selection.
    fn clear(&mut self) {
        self.selected = None;
        self.show_selection();
        self.hide();
    }

    /// Writes the selection into the markup: `aria-pressed` on the
    /// countries, `data-sel` on their symbols.
    fn show_selection(&self) {
        let selected = self.selected.unwrap_or("");
        self.each("path.on", |e| {
            let on = e.get_attribute("data-c").is_some_and(|c| c == selected);
            let _ = e.set_attribute("aria-pressed", if on { "true" } else { "false" });
        });
        self.flag("data-sel", self.selected);
    }

    /// Hover or focus highlight on a country and its symbols.
    fn highlight(&self, code: Option<&str>) {
        self.flag("data-hl", code);
    }

    /// Puts `attr` on the elements of one country and takes it off all others.
    fn flag(&self, attr: &str, code: Option<&str>) {
        let mut any = String::with_capacity(12);
        any.push('[');
        any.push_str(attr);
        any.push(']');
        self.each(&any, |e| {
            let _ = e.remove_attribute(attr);
        });
        if let Some(code) = code {
            self.each(&code_selector("[data-c=\"", code), |e| {
                let _ = e.set_attribute(attr, "");
            });
        }
    }

    /// Roving tabindex: the given country is the map's one tab stop.
    fn rove(&self, code: &str) {
        self.each("path.on", |e| {
            let on = e.get_attribute("data-c").is_some_and(|c| c == code);
            let _ = e.set_attribute("tabindex", if on { "0" } else { "-1" });
        });
    }

    /// The focusable element of a country.
    fn country_element(&self, code: &str) -> Option<SvgElement> {
        self.root
            .query_selector(&code_selector("path.on[data-c=\"", code))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<SvgElement>().ok())
    }

    /// Runs `f` on every element matching `selector`.
    fn each(&self, selector: &str, mut f: impl FnMut(Element)) {
        let Ok(list) = self.root.query_selector_all(selector) else { return };
        for i in 0..list.length() {
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                f(e);
            }
        }
    }

    /// Draws a viewBox.
    fn draw(&mut self, view: View) {
        self.drawn = view;
        if let Some(svg) = &self.svg {
            let _ = svg.set_attribute("viewBox", &view.attr());
        }
    }

    /// The view change is complete: its symbols and labels, and the tooltip
    /// back beside its country.
    fn settle(&mut self) {
        self.mark_view(self.view);
        if !self.shown.is_empty() {
            if let Some(code) = self.code(&self.shown.clone()) {
                let pinned = self.selected == Some(code);
                self.show_at_symbol(code, pinned);
            }
        }
    }

    /// Shows the symbols and labels of a view (`data-view` on the wrap).
    fn mark_view(&self, kind: ViewKind) {
        if let Some(wrap) = &self.wrap {
            let _ = wrap.set_attribute("data-view", kind.key());
        }
    }

    /// Fills the tooltip with a country's figure; false when it has none.
    fn fill_tip(&mut self, code: &str, pinned: bool) -> bool {
        let Some(tip) = self.tip.clone() else { return false };
        if code != self.shown {
            match render::tooltip(&self.bundle, &self.world, code) {
                Some(markup) => tip.set_inner_html(&markup),
                None => {
                    self.hide();
                    return false;
                }
            }
            self.shown.clear();
            self.shown.push_str(code);
        }
        tip.set_class_name(if pinned { "tip pin" } else { "tip" });
        tip.set_hidden(false);
        true
    }

    /// The tooltip beside a country's symbol; `pinned` for a selection
    /// (docked under the map on narrow widgets, by the stylesheet).
    fn show_at_symbol(&mut self, code: &'static str, pinned: bool) {
        if !self.fill_tip(code, pinned) {
            return;
        }
        let Some((rect, ppu)) = self.scale() else { return };
        let Some(wrap) = &self.wrap else { return };
        let area = wrap.get_bounding_client_rect();
        let view = self.views.get(self.view);
        let Some(s) = self.view_symbols().iter().find(|s| s.code == code) else { return };
        let x = rect.left() - area.left() + (s.x - view.x) * ppu;
        let y = rect.top() - area.top() + (s.y - view.y) * ppu;
        let r = s.r * ppu;
        self.place_tip(x + r * 0.7 + 6.0, y - r - 6.0, y + r + 8.0);
    }

    /// Places the tooltip with its left edge at `x` and its bottom at
    /// `above`, or its top at `below` when there is no room above; flipped
    /// to the left near the right edge, so it never leaves the widget.
    fn place_tip(&self, x: f64, above: f64, below: f64) {
        let (Some(tip), Some(wrap)) = (&self.tip, &self.wrap) else { return };
        let area = wrap.get_bounding_client_rect();
        let (w, h) = (f64::from(tip.offset_width()), f64::from(tip.offset_height()));
        let mut x = x;
        if x + w > area.width() {
            x = (x - w - 28.0).max(0.0);
        }
        let mut y = above - h;
        if y < 0.0 {
            y = below.min((area.height() - h).max(0.0));
        }
        let mut transform = String::with_capacity(32);
        transform.push_str("translate(");
        push_fixed(&mut transform, x, 0);
        transform.push_str("px,");
        push_fixed(&mut transform, y, 0);
        transform.push_str("px)");
        let _ = tip.style().set_property("transform", &transform);
    }

    fn hide(&mut self) {
        if let Some(tip) = &self.tip {
            tip.set_hidden(true);
            tip.set_class_name("tip");
        }
        self.shown.clear();
    }
}

/// `prefix` + code + `"]`, e.g. `[data-c="DE"]`; codes are two letters A–Z
/// from the geometry, so they need no escaping.
fn code_selector(prefix: &str, code: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + 4);
    s.push_str(prefix);
    s.push_str(code);
    s.push_str("\"]");
    s
}
