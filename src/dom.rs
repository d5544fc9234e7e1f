//! The only module that touches the DOM: it inserts the markup the pure
//! core renders, once, and answers events delegated to the shadow root:
//! hover and tap (with a nearest-symbol hit test for tiny countries),
//! keyboard traversal of the countries (roving tabindex), selection (map,
//! tooltip and breakdown panel follow one `selected` value, and the host
//! element hears `spector-select`, the live region says it), the world /
//! Europe view, the table view, and the one open citation or
//! disagreement popover (focus moves through it in reading order).
//!
//! Every listener is removed when the `Widget` is dropped (JS calls
//! `free()` when the element leaves the page), so a removed widget leaves
//! nothing behind. Nothing here panics: a failed DOM call is skipped.

use std::cell::RefCell;
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CustomEvent, CustomEventInit, Element, Event, EventTarget, HtmlElement, KeyboardEvent, MouseEvent, ShadowRoot,
    SvgElement,
};

use crate::facts::{self, Bundle, BundleError, BundleErrors, ErrorKind};
use crate::geo::World;
use crate::i18n::{Key, Lang, Locale};
use crate::render;
use crate::render::map::{self, Symbol, Views};
use crate::render::panel;
use crate::render::view::{is_european, View, ViewKind};
use crate::text::push_fixed;

/// How long the view change takes when motion is welcome, in ms.
const ZOOM_MS: f64 = 380.0;

/// One widget on the page, alive as long as its element is.
#[wasm_bindgen]
pub struct Widget {
    /// `None` for a widget that shows an error instead of the map.
    state: Option<Rc<RefCell<State>>>,
    _listeners: Vec<Listener>,
}

/// The event the host element hears when the selection changes.
const SELECT_EVENT: &str = "spector-select";

/// What the event handlers need. The selection is one value here
/// (`selected`); everything that shows it is updated from it.
struct State {
    /// The reader's language.
    t: &'static Locale,
    bundle: Rc<Bundle>,
    world: World<'static>,
    root: ShadowRoot,
    /// The widget's box: popovers are placed in it.
    sw: Option<Element>,
    /// The breakdown panel's container, re-rendered on a new selection.
    side: Option<Element>,
    /// Where the one open popover goes.
    slot: Option<Element>,
    /// The marker whose popover is open.
    opener: Option<HtmlElement>,
    /// The live region that announces a new selection.
    live: Option<Element>,
    /// The table view's container, filled while it is shown.
    table: Option<Element>,
    /// The "Show as table" button.
    table_button: Option<Element>,
    /// The table is shown instead of the map.
    table_shown: bool,
    /// The pointer is over a country (hover owns the tooltip).
    hovering: bool,
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
    /// Whether the shown tooltip is pinned, and its size in CSS px once
    /// measured: a pointer moving over one country only moves the tooltip,
    /// without touching its content or reading its size again, so a move
    /// forces no layout.
    tip_pinned: bool,
    /// The tooltip's width and height, measured in a map area of the
    /// width that comes third (its text wraps differently in another).
    tip_size: Option<(f64, f64, f64)>,
    /// The country highlighted now, so a move over the same country writes
    /// nothing (each write would restyle the map in the next frame).
    lit: Option<&'static str>,
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
        Listener {
            target: target.clone(),
            kind,
            callback,
        }
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
    /// Renders into `root` in the language `lang` (a BCP 47 tag; English
    /// when absent or not spoken, the latter with one console note per
    /// page): the embedded SpecTor bundle when `bundle_text` is absent,
    /// else that bundle, or a message saying why it cannot be shown. Never
    /// throws: a bad bundle is the reader's message, not an exception on the
    /// host page.
    pub fn mount(root: &ShadowRoot, bundle_text: Option<String>, lang: Option<String>) -> Widget {
        let t = locale(lang.as_deref());
        let text = bundle_text.as_deref().unwrap_or(facts::EMBEDDED_JSON);
        let world = match World::embedded() {
            Ok(world) => world,
            Err(_) => {
                let errors = BundleErrors(vec![BundleError::new(
                    "",
                    ErrorKind::Shape("the map geometry is damaged".into()),
                )]);
                return Widget::refuse(root, &errors, t.text(Key::ErrorMap), t);
            }
        };
        let (bundle, markup) = match prepared(bundle_text.as_deref(), t) {
            Some(shared) => shared,
            None => {
                let bundle = match facts::parse_json_with_reader(text) {
                    Ok(bundle) => Rc::new(bundle),
                    Err(errors) => return Widget::refuse(root, &errors, t.text(Key::ErrorData), t),
                };
                let markup: Rc<str> = render::widget_in(&bundle, &world, Some(text), t).into();
                remember(bundle_text, t, &bundle, &markup);
                (bundle, markup)
            }
        };
        root.set_inner_html(&markup);
        let views = Views::new(&bundle, &world);
        let symbols = [
            map::symbols_in(&bundle, &world, &views.world, ViewKind::World),
            map::symbols_in(&bundle, &world, &views.get(ViewKind::Europe), ViewKind::Europe),
        ];
        let order = map::keyboard_order(&bundle, &world);
        let find = |selector: &str| root.query_selector(selector).ok().flatten();
        let state = Rc::new(RefCell::new(State {
            t,
            bundle,
            world,
            root: root.clone(),
            sw: find(".sw"),
            side: find(".side"),
            slot: find(".pop-slot"),
            opener: None,
            live: find(".live"),
            table: find(".ftable"),
            table_button: find(".as-table"),
            table_shown: false,
            hovering: false,
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
            tip_pinned: false,
            tip_size: None,
            lit: None,
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
                s.focus_left_popover(e);
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
        Widget {
            state: Some(state),
            _listeners: listeners,
        }
    }

    /// Selects a country by its ISO 3166-1 alpha-2 code, exactly as a
    /// reader's click would (map, tooltip and panel follow); "" clears the
    /// selection. A code the widget has no figures for is ignored.
    pub fn select(&self, code: &str) {
        let Some(state) = &self.state else { return };
        let code = code.trim();
        if code.is_empty() {
            clear(state);
            return;
        }
        let upper = code.to_ascii_uppercase();
        let found = state.try_borrow().ok().and_then(|s| s.selectable(&upper));
        if let Some(code) = found {
            select(state, code);
        }
    }

    /// The selected country's code, if any.
    pub fn selected(&self) -> Option<String> {
        let state = self.state.as_ref()?;
        let s = state.try_borrow().ok()?;
        s.selected.map(String::from)
    }

    /// Shows the "world" or the "europe" view (anything else is ignored).
    pub fn set_view(&self, view: &str) {
        let Some(state) = &self.state else { return };
        let kind = match view.trim() {
            "world" => ViewKind::World,
            "europe" => ViewKind::Europe,
            _ => return,
        };
        set_view(state, kind);
    }

    /// Shows why a bundle never arrived (network failure, timeout), in the
    /// same panel as a refused bundle, in the language `lang`.
    pub fn mount_failure(root: &ShadowRoot, reason: &str, lang: Option<String>) -> Widget {
        let t = locale(lang.as_deref());
        root.set_inner_html(&render::error_panel_in(&BundleErrors(Vec::new()), reason, t));
        Widget {
            state: None,
            _listeners: Vec::new(),
        }
    }

    /// Shows the reader why nothing else is shown, and the developer every
    /// error in the console.
    fn refuse(root: &ShadowRoot, errors: &BundleErrors, context: &str, t: &Locale) -> Widget {
        root.set_inner_html(&render::error_panel_in(errors, context, t));
        let mut message = String::new();
        errors.write_to(&mut message);
        web_sys::console::error_1(&JsValue::from_str(&message));
        Widget {
            state: None,
            _listeners: Vec::new(),
        }
    }
}

/// Set once the page has been told that a language is not spoken.
static UNSUPPORTED_NOTED: AtomicBool = AtomicBool::new(false);

/// The last bundle a widget checked and rendered, with its markup: the
/// widgets of one article that show the same bundle in the same language
/// (twenty of them, say) parse and render it once. Only the last is kept,
/// so the cache never grows.
struct Prepared {
    /// The bundle's text; `None` for the embedded bundle.
    text: Option<String>,
    lang: Lang,
    bundle: Rc<Bundle>,
    markup: Rc<str>,
}

/// The one `Prepared`. A plain static rather than `thread_local!`, whose
/// destructor registration costs 2 KB of wasm: statics are never dropped.
static PREPARED: OneThread<Option<Prepared>> = OneThread(RefCell::new(None));

struct OneThread<T>(RefCell<T>);

// SAFETY: the wasm is built without threads (see `heap`), so the cell is
// only ever touched by the one thread there is.
unsafe impl<T> Sync for OneThread<T> {}

/// The checked bundle and markup for this text and language, if the last
/// widget rendered the same.
fn prepared(text: Option<&str>, t: &Locale) -> Option<(Rc<Bundle>, Rc<str>)> {
    let slot = PREPARED.0.try_borrow().ok()?;
    let last = slot.as_ref()?;
    (last.text.as_deref() == text && last.lang == t.lang).then(|| (Rc::clone(&last.bundle), Rc::clone(&last.markup)))
}

fn remember(text: Option<String>, t: &Locale, bundle: &Rc<Bundle>, markup: &Rc<str>) {
    if let Ok(mut slot) = PREPARED.0.try_borrow_mut() {
        *slot = Some(Prepared {
            text,
            lang: t.lang,
            bundle: Rc::clone(bundle),
            markup: Rc::clone(markup),
        });
    }
}

/// The locale for a `lang` tag: English when there is none; English with
/// one console note per page (not per widget) for a language the widget
/// does not speak.
fn locale(lang: Option<&str>) -> &'static Locale {
    let tag = lang.map(str::trim).unwrap_or("");
    if tag.is_empty() {
        return Locale::english();
    }
    match Lang::from_tag(tag) {
        Some(lang) => Locale::get(lang),
        None => {
            if !UNSUPPORTED_NOTED.swap(true, Ordering::Relaxed) {
                let mut note = String::from("spector-widget: no translation for lang=\"");
                note.push_str(tag);
                note.push_str("\"; showing English. Languages: en, de, fr, nl, es, pt-BR, pl.");
                web_sys::console::info_1(&JsValue::from_str(&note));
            }
            Locale::english()
        }
    }
}

/// A click or tap (or Enter / Space on a button). A popover's close
/// button closes it; a citation marker or "sources differ" mark toggles its
/// popover; any other click closes an open one. Then: the zoom button
/// toggles the view; a country chip selects its country (the back button
/// the whole operation); a country on the map toggles its selection; the
/// panel, the lists and the links keep it; anywhere else clears it.
fn click(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let near = |selector: &str| target.closest(selector).ok().flatten();
    if near("[data-close]").is_some() {
        close_popover(state, true);
        return;
    }
    if near(".pop").is_some() {
        return;
    }
    if let Some(marker) = near("button.cite,button.differ") {
        toggle_popover(state, marker);
        return;
    }
    close_popover(state, false);
    if near(".as-table").is_some() {
        toggle_table(state);
        return;
    }
    if near(".zoom").is_some() {
        let next = match state.try_borrow().map(|s| s.view) {
            Ok(ViewKind::World) => ViewKind::Europe,
            Ok(ViewKind::Europe) => ViewKind::World,
            Err(_) => return,
        };
        set_view(state, next);
        return;
    }
    if let Some(chip) = near(".side [data-c]") {
        let code = chip.get_attribute("data-c").unwrap_or_default();
        let (found, selected) = match state.try_borrow() {
            Ok(s) => (s.selectable(&code), s.selected),
            Err(_) => return,
        };
        match found {
            Some(code) if selected != Some(code) => select(state, code),
            _ => clear(state),
        }
        return;
    }
    if near("a,.side,.timeline,.sources,.data,.warn,.tip,.ftable").is_some() {
        return;
    }
    let hit = match state.try_borrow() {
        Ok(s) => s
            .hit(event, s.scale().as_ref())
            .map(|code| (code, s.selected == Some(code))),
        Err(_) => return,
    };
    match hit {
        Some((code, false)) => select(state, code),
        Some((_, true)) | None => clear(state),
    }
}

/// Keys: E toggles the view anywhere in the widget, Escape clears the
/// selection; on a country, arrows, Home and End move between countries
/// and Enter or Space selects.
fn keydown(state: &Rc<RefCell<State>>, event: &Event) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if key.ctrl_key() || key.meta_key() || key.alt_key() {
        return;
    }
    let name = key.key();
    if name == "Tab" {
        tab_from_popover(state, event, key.shift_key());
        return;
    }
    if name == "Escape" && state.try_borrow().is_ok_and(|s| s.opener.is_some()) {
        event.prevent_default();
        close_popover(state, true);
        return;
    }
    let Ok(s) = state.try_borrow() else { return };
    // Only the map's countries move with the arrows; the panel's chips are
    // plain buttons.
    let current = event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .filter(|e| e.matches("svg.map path.on").unwrap_or(false))
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
            if i >= last {
                0
            } else {
                i + 1
            }
        } else if i == 0 {
            last
        } else {
            i - 1
        }
    };
    let target = match (name.as_str(), index) {
        ("e" | "E", _) if has_europe => {
            event.prevent_default();
            set_view(
                state,
                if view == ViewKind::World {
                    ViewKind::Europe
                } else {
                    ViewKind::World
                },
            );
            return;
        }
        ("Escape", _) => {
            clear(state);
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
                    clear(state);
                    if let Ok(mut s) = state.try_borrow_mut() {
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
    let (before, to_europe) = match state.try_borrow_mut() {
        Ok(mut s) => {
            let before = s.selected;
            s.set_selected(Some(code));
            if s.code(code).is_some() {
                s.rove(code);
            }
            let to_europe = s.view == ViewKind::World && s.views.europe.is_some() && is_european(code);
            (before, to_europe)
        }
        Err(_) => return,
    };
    if to_europe {
        set_view(state, ViewKind::Europe);
    }
    if let Ok(mut s) = state.try_borrow_mut() {
        s.show_at_symbol(code, true);
    }
    notify(state, before);
}

/// Clears the selection: the whole operation again.
fn clear(state: &Rc<RefCell<State>>) {
    let before = match state.try_borrow_mut() {
        Ok(mut s) => {
            let before = s.selected;
            s.clear();
            before
        }
        Err(_) => return,
    };
    notify(state, before);
}

/// Tells the page about a new selection: a `spector-select` event on the
/// host element, `detail.country` the code or null. Sent with no borrow
/// held, so a listener may call back into the widget.
fn notify(state: &Rc<RefCell<State>>, before: Option<&'static str>) {
    let (host, now) = match state.try_borrow() {
        Ok(s) => (s.root.host(), s.selected),
        Err(_) => return,
    };
    if now == before {
        return;
    }
    let detail = js_sys::Object::new();
    let country = now.map_or(JsValue::NULL, JsValue::from_str);
    let _ = js_sys::Reflect::set(&detail, &JsValue::from_str("country"), &country);
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(SELECT_EVENT, &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Opens the popover of a citation marker or "sources differ" mark next
/// to it and moves focus to its close button; the marker of the open
/// popover closes it instead. One popover at a time.
fn toggle_popover(state: &Rc<RefCell<State>>, marker: Element) {
    let Ok(marker) = marker.dyn_into::<HtmlElement>() else {
        return;
    };
    let differ = marker.has_attribute("data-differ");
    let id = marker
        .get_attribute(if differ { "data-differ" } else { "data-cite" })
        .unwrap_or_default();
    let close = {
        let Ok(mut s) = state.try_borrow_mut() else { return };
        let same = s.opener.as_ref().is_some_and(|o| *o == marker);
        s.close_pop();
        if same {
            return;
        }
        let Some(markup) = render::popover_in(&s.bundle, &id, differ, s.t) else {
            return;
        };
        let Some(slot) = s.slot.clone() else { return };
        slot.set_inner_html(&markup);
        let _ = marker.set_attribute("aria-expanded", "true");
        s.opener = Some(marker.clone());
        s.place_pop(&marker);
        slot.query_selector(".pop-close")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    };
    // Focus with no borrow held: focusin runs at once and needs the state.
    if let Some(close) = close {
        let _ = close.focus();
    }
}

/// What Tab can reach inside a popover.
const FOCUSABLE: &str = "button,a[href],[tabindex]:not([tabindex=\"-1\"])";

/// Tab past an open popover's last control (or Shift+Tab before its
/// first) closes it and goes on from its marker, so focus follows the
/// reading order although the popover sits at the end of the widget: Tab
/// moves from the marker to the control after it (the browser's own move,
/// so leaving the widget works too), Shift+Tab stops on the marker.
fn tab_from_popover(state: &Rc<RefCell<State>>, event: &Event, back: bool) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let at_edge = {
        let Ok(s) = state.try_borrow() else { return };
        let Some(slot) = s.slot.as_ref().filter(|_| s.opener.is_some()) else {
            return;
        };
        if !slot.contains(Some(&target)) {
            return;
        }
        let Ok(list) = slot.query_selector_all(FOCUSABLE) else {
            return;
        };
        let edge = if back {
            list.item(0)
        } else {
            list.length().checked_sub(1).and_then(|i| list.item(i))
        };
        edge.is_some_and(|e| e.is_same_node(Some(&target)))
    };
    if !at_edge {
        return;
    }
    if back {
        event.prevent_default();
    }
    close_popover(state, true);
}

/// Swaps the map for the table of its figures, or back: the button is
/// pressed while the table shows; the zoom button goes with the map.
fn toggle_table(state: &Rc<RefCell<State>>) {
    let Ok(mut s) = state.try_borrow_mut() else { return };
    let show = !s.table_shown;
    s.table_shown = show;
    if let Some(button) = &s.table_button {
        let _ = button.set_attribute("aria-pressed", if show { "true" } else { "false" });
    }
    if let Some(table) = &s.table {
        if show {
            table.set_inner_html(&render::table_markup_in(&s.bundle, &s.world, s.t));
            let _ = table.remove_attribute("hidden");
        } else {
            let _ = table.set_attribute("hidden", "");
            table.set_inner_html("");
        }
    }
    let hide = |e: &Element, hidden: bool| {
        let _ = if hidden {
            e.set_attribute("hidden", "")
        } else {
            e.remove_attribute("hidden")
        };
    };
    if let Some(wrap) = &s.wrap {
        hide(wrap, show);
    }
    if let Some(zoom) = &s.button {
        hide(zoom, show);
    }
    if show {
        s.flag("data-sel", s.selected);
    } else {
        // The map is back: the selection's tooltip beside its symbol.
        s.rest();
    }
}

/// Closes the open popover, if any; `refocus` gives focus back to its
/// marker (Escape, the close button).
fn close_popover(state: &Rc<RefCell<State>>, refocus: bool) {
    let opener = match state.try_borrow_mut() {
        Ok(mut s) => s.close_pop(),
        Err(_) => return,
    };
    if let (true, Some(opener)) = (refocus, opener) {
        let _ = opener.focus();
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
        button.set_text_content(Some(s.t.text(if kind == ViewKind::Europe {
            Key::MapZoomOut
        } else {
            Key::MapZoomIn
        })));
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
        let t = crate::num::clamp((now - t0) / ZOOM_MS, 0.0, 1.0);
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

    /// A country that can be selected: one on the map, or one the panel
    /// has figures for.
    fn selectable(&self, code: &str) -> Option<&'static str> {
        self.code(code).or_else(|| {
            if panel::countries(&self.bundle).contains(&code) {
                self.world.country(code).map(|c| c.code())
            } else {
                None
            }
        })
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
    fn hit(&self, event: &Event, svg: Option<&(web_sys::DomRect, f64)>) -> Option<&'static str> {
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok())?;
        target.closest(".map-wrap").ok().flatten()?;
        let direct = Some(target)
            .and_then(|e| e.closest("svg.map [data-c]").ok().flatten())
            .and_then(|e| e.get_attribute("data-c"))
            .and_then(|c| self.code(&c));
        if direct.is_some() {
            return direct;
        }
        let pointer = event.dyn_ref::<MouseEvent>()?;
        let (rect, ppu) = svg?;
        let (rect, ppu) = (rect, *ppu);
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
        let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let inside = |selector: &str| {
            target
                .as_ref()
                .and_then(|t| t.closest(selector).ok().flatten())
                .is_some()
        };
        // Over the pinned tooltip (to reach its marker) or a popover: keep.
        if inside(".tip") || inside(".pop") {
            return;
        }
        // Elsewhere outside the map, rest once, not on every move.
        if !inside(".map-wrap") {
            if self.hovering {
                self.hovering = false;
                self.rest();
            }
            return;
        }
        // Every read of the layout comes before the first write: a read
        // after a write would make the browser lay the page out again in
        // the middle of the handler.
        let svg = self.scale();
        let area = self.wrap.as_ref().map(Element::get_bounding_client_rect);
        let Some(code) = self.hit(event, svg.as_ref()) else {
            self.hovering = false;
            self.rest();
            return;
        };
        self.hovering = true;
        self.highlight(Some(code));
        if !self.fill_tip(code, false) {
            return;
        }
        if let (Some(area), Some(pointer)) = (area, event.dyn_ref::<MouseEvent>()) {
            let x = f64::from(pointer.client_x()) - area.left();
            let y = f64::from(pointer.client_y()) - area.top();
            self.place_tip(&area, x + 14.0, y - 10.0, y + 18.0);
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
                button.set_text_content(Some(self.t.text(Key::MapZoomIn)));
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
            // Already there: the pointer moving over the sea writes nothing.
            Some(code) if self.tip_pinned && self.shown == code => {}
            Some(code) => self.show_at_symbol(code, true),
            None => self.hide(),
        }
    }

    /// Clears the selection.
    fn clear(&mut self) {
        self.set_selected(None);
        self.hide();
    }

    /// The one place the selection changes: the map shows it, and a new
    /// one closes any popover and re-renders the panel.
    fn set_selected(&mut self, code: Option<&'static str>) {
        let before = self.selected;
        self.selected = code;
        self.show_selection();
        if before != code {
            self.close_pop();
            self.render_panel(before);
            self.announce();
        }
    }

    /// Says the new selection in the live region: "Germany selected: 52
    /// arrests", or "Whole operation".
    fn announce(&self) {
        if let Some(live) = &self.live {
            live.set_inner_html(&render::announcement_in(
                &self.bundle,
                &self.world,
                self.selected,
                self.t,
            ));
        }
    }

    /// Swaps the panel's markup for the current selection, in one crossing.
    /// Focus inside the panel stays on the same country's chip (after the
    /// back button: the chip of the country just left).
    fn render_panel(&self, before: Option<&str>) {
        let Some(side) = &self.side else { return };
        let focused = self
            .root
            .active_element()
            .filter(|a| side.contains(Some(a)))
            .and_then(|a| a.get_attribute("data-c"));
        side.set_inner_html(&render::panel_markup_in(
            &self.bundle,
            &self.world,
            self.selected,
            self.t,
        ));
        let Some(code) = focused else { return };
        let code = if code.is_empty() {
            before.unwrap_or("")
        } else {
            code.as_str()
        };
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return;
        }
        let chip = side
            .query_selector(&code_selector(".chip[data-c=\"", code))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok());
        if let Some(chip) = chip {
            let _ = chip.focus();
        }
    }

    /// Closes the open popover; returns its marker.
    fn close_pop(&mut self) -> Option<HtmlElement> {
        if let Some(slot) = &self.slot {
            if slot.child_element_count() > 0 {
                slot.set_inner_html("");
            }
        }
        let opener = self.opener.take();
        if let Some(o) = &opener {
            let _ = o.set_attribute("aria-expanded", "false");
        }
        opener
    }

    /// Focus moved somewhere that is neither the popover nor its marker:
    /// the popover closes (focus stays where the reader put it).
    fn focus_left_popover(&mut self, event: &Event) {
        let Some(opener) = &self.opener else { return };
        let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
            return;
        };
        let in_pop = target.closest(".pop").ok().flatten().is_some();
        let on_opener = opener.contains(Some(&target));
        if !in_pop && !on_opener {
            self.close_pop();
        }
    }

    /// Places the popover below its marker (above when there is no room
    /// below), inside the widget's width.
    fn place_pop(&self, marker: &HtmlElement) {
        let (Some(sw), Some(slot)) = (&self.sw, &self.slot) else {
            return;
        };
        let Some(pop) = slot
            .first_element_child()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        else {
            return;
        };
        let area = sw.get_bounding_client_rect();
        let m = marker.get_bounding_client_rect();
        let (w, h) = (f64::from(pop.offset_width()), f64::from(pop.offset_height()));
        let mut x = m.left() - area.left();
        if x + w > area.width() {
            x = (area.width() - w).max(0.0);
        }
        let below = m.bottom() - area.top() + 4.0;
        let above = m.top() - area.top() - h - 4.0;
        let y = if below + h <= area.height() {
            below
        } else if above >= 0.0 {
            above
        } else {
            (area.height() - h).max(0.0)
        };
        let mut transform = String::with_capacity(32);
        transform.push_str("translate(");
        push_fixed(&mut transform, x, 0);
        transform.push_str("px,");
        push_fixed(&mut transform, y, 0);
        transform.push_str("px)");
        let _ = pop.style().set_property("transform", &transform);
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
    fn highlight(&mut self, code: Option<&'static str>) {
        if self.lit != code {
            self.lit = code;
            self.flag("data-hl", code);
        }
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
        let Ok(list) = self.root.query_selector_all(selector) else {
            return;
        };
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
        if code == self.shown && pinned == self.tip_pinned {
            return true;
        }
        if code != self.shown {
            match render::tooltip_in(&self.bundle, &self.world, code, self.t) {
                Some(markup) => tip.set_inner_html(&markup),
                None => {
                    self.hide();
                    return false;
                }
            }
            self.shown.clear();
            self.shown.push_str(code);
        }
        self.tip_pinned = pinned;
        self.tip_size = None;
        tip.set_class_name(if pinned { "tip pin" } else { "tip" });
        // Only a pinned tooltip can be reached: its marker opens the sources.
        let _ = if pinned {
            tip.remove_attribute("inert")
        } else {
            tip.set_attribute("inert", "")
        };
        tip.set_hidden(false);
        true
    }

    /// The tooltip beside a country's symbol; `pinned` for a selection
    /// (docked under the map on narrow widgets, by the stylesheet).
    fn show_at_symbol(&mut self, code: &'static str, pinned: bool) {
        let Some((rect, ppu)) = self.scale() else { return };
        let Some(area) = self.wrap.as_ref().map(Element::get_bounding_client_rect) else {
            return;
        };
        if !self.fill_tip(code, pinned) {
            return;
        }
        let view = self.views.get(self.view);
        let Some(s) = self.view_symbols().iter().find(|s| s.code == code) else {
            return;
        };
        let x = rect.left() - area.left() + (s.x - view.x) * ppu;
        let y = rect.top() - area.top() + (s.y - view.y) * ppu;
        let r = s.r * ppu;
        self.place_tip(&area, x + r * 0.7 + 6.0, y - r - 6.0, y + r + 8.0);
    }

    /// Places the tooltip with its left edge at `x` and its bottom at
    /// `above`, or its top at `below` when there is no room above; flipped
    /// to the left near the right edge, so it never leaves the widget.
    /// `area` is the map area's box, measured before anything was written.
    fn place_tip(&mut self, area: &web_sys::DomRect, x: f64, above: f64, below: f64) {
        let Some(tip) = &self.tip else { return };
        let (w, h) = match self.tip_size {
            Some((w, h, width)) if width == area.width() => (w, h),
            _ => {
                let (w, h) = (f64::from(tip.offset_width()), f64::from(tip.offset_height()));
                self.tip_size = Some((w, h, area.width()));
                (w, h)
            }
        };
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
        // Already hidden: a pointer moving over the sea writes nothing.
        if self.shown.is_empty() {
            return;
        }
        if let Some(tip) = &self.tip {
            tip.set_hidden(true);
            tip.set_class_name("tip");
            let _ = tip.set_attribute("inert", "");
        }
        self.shown.clear();
        self.tip_pinned = false;
        self.tip_size = None;
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
