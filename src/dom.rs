//! The only module that touches the DOM: it inserts the markup the pure
//! core renders (the map for the first frame, the rest after it) and
//! answers events delegated to the shadow root:
//! hover and tap (with a nearest-symbol hit test for tiny countries),
//! keyboard traversal of the countries (roving tabindex), selection (map,
//! tooltip and breakdown panel follow one `selected` value, and the host
//! element hears `spector-select`, the live region says it), the world /
//! Europe view, the table view, and the one open citation or
//! disagreement popover (focus moves through it in reading order).
//!
//! The DOM calls themselves are in `src/js/dom.js` (`Shell`): it finds the
//! widget's parts once, says what each event is on (a kind, a code and a
//! position), and writes what this module asks for. A few calls there
//! instead of some seventy web-sys imports keep the wasm and its glue
//! small; the state and every decision stay here.
//!
//! The shell's listeners reach Rust through `Widget::handle`, an exported
//! method: JS hands `mount` a function that forwards to it, so no
//! wasm-bindgen `Closure` (and none of its glue) is needed.
//!
//! Every listener is removed when the `Widget` is dropped (JS calls
//! `free()` when the element leaves the page, or once the event it left
//! during is answered), so a removed widget leaves nothing behind.
//! Nothing here panics: a missing element is skipped.

use alloc::boxed::Box;
use alloc::rc::Rc;
use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;
use core::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use web_sys::ShadowRoot;

use crate::facts::{self, Bundle, Problem};
use crate::geo::World;
use crate::i18n::{Key, Lang, Locale};
use crate::render;
use crate::render::layout::{self, BUCKETS};
use crate::render::map::{self, Symbol, Views};
use crate::render::panel;
use crate::render::view::{is_european, View, ViewKind};
use crate::render::LoadFailure;
use crate::text;

/// How long the view change takes when motion is welcome, in ms.
const ZOOM_MS: f64 = 380.0;

#[wasm_bindgen(module = "/src/js/dom.js")]
extern "C" {
    /// One mounted widget's elements and listeners (`src/js/dom.js`).
    #[derive(Clone)]
    type Shell;

    #[wasm_bindgen(constructor)]
    fn new(root: &ShadowRoot, handle: &js_sys::Function) -> Shell;
    #[wasm_bindgen(method)]
    fn set(this: &Shell, part: u32, name: &str, value: &str);
    #[wasm_bindgen(method)]
    fn attr(this: &Shell, part: u32, name: &str, value: Option<&str>);
    #[wasm_bindgen(method)]
    fn flag(this: &Shell, name: &str, code: Option<&str>);
    #[wasm_bindgen(method)]
    fn mark(this: &Shell, name: &str, code: &str, on: &str, off: &str);
    #[wasm_bindgen(method)]
    fn measure(this: &Shell, part: u32) -> bool;
    #[wasm_bindgen(method)]
    fn got(this: &Shell, k: u32) -> f64;
    #[wasm_bindgen(method)]
    fn place(this: &Shell, part: u32, x: f64, y: f64);
    #[wasm_bindgen(method)]
    fn focus(this: &Shell, part: u32, selector: &str, code: &str);
    #[wasm_bindgen(method)]
    fn rescue(this: &Shell, from: u32, to: u32);
    #[wasm_bindgen(method)]
    fn refocus(this: &Shell);
    #[wasm_bindgen(method)]
    fn panel(this: &Shell, markup: &str, before: Option<&str>);
    #[wasm_bindgen(method)]
    fn opened(this: &Shell, open: bool);
    #[wasm_bindgen(method)]
    fn tell(this: &Shell, country: Option<&str>);
    #[wasm_bindgen(method)]
    fn animate(this: &Shell) -> bool;
    #[wasm_bindgen(method)]
    fn labels(this: &Shell, view: &str, bucket: u32, markup: &str);
    #[wasm_bindgen(method)]
    fn later(this: &Shell);
    #[wasm_bindgen(method)]
    fn rest(this: &Shell, side: &str, timeline: &str, end: &str);
    #[wasm_bindgen(method)]
    fn free(this: &Shell);

    /// A console message for the page's developer: an error, or a note.
    fn note(error: bool, text: &str);
    /// Adds `skeleton` to `root`, beside what it shows, and measures its
    /// map column's width in ems of its text.
    #[wasm_bindgen(js_name = columnWidth)]
    fn column_width(root: &ShadowRoot, skeleton: &str) -> f64;
    /// Sets `root`'s markup, through the widget's Trusted Types policy
    /// where the page has one (see dom.js): a plain string, as web-sys
    /// would pass it, is refused on a page that requires Trusted Types.
    fn html(root: &ShadowRoot, markup: &str);
}

// The parts of the widget, numbered as `PARTS` and what follows it in
// dom.js.
const SW: u32 = 0;
// 1 is the panel (`.side`), which the shell's `panel` writes.
const SLOT: u32 = 2;
const LIVE: u32 = 3;
const TABLE: u32 = 4;
const TABLE_BUTTON: u32 = 5;
const WRAP: u32 = 6;
const SVG: u32 = 7;
const TIP: u32 = 8;
const ZOOM: u32 = 9;
/// The marker whose popover is open.
const OPENER: u32 = 10;
/// The marker whose popover closed last.
const CLOSED: u32 = 12;
const ROOT: u32 = 13;
/// The open popover.
const POP: u32 = 14;

// The kinds of event dom.js sends.
/// The pointer moved in the map area: code hit, client x and y.
const MOVE: u32 = 0;
/// The pointer moved outside the map area.
const OUT: u32 = 1;
/// The pointer left the map, or focus left an element.
const REST: u32 = 2;
/// An element took focus: its country code if it is a country (a role
/// and `data-c`), x = 1 when focus left the open popover and its marker.
const FOCUS: u32 = 3;
/// A key of `KEYS` (x is its position), code the country focused on the map.
const KEY: u32 = 4;
/// Tab past the open popover's last control, or Shift+Tab (x = 1)
/// before its first.
const TAB: u32 = 5;
/// An animation frame, x its time.
const FRAME: u32 = 6;
/// The first frame after mounting has been painted.
const LATER: u32 = 7;
/// The page's API (element.js): select the country `code`, as
/// `Widget::select`. Sent through `handle` rather than exported on its own,
/// because each export costs the wasm and the glue a shim for its arguments.
const SELECT: u32 = 8;
/// The page's API: show the view named `code`, as `Widget::set_view`.
const VIEW: u32 = 9;
/// The page is about to print (x = 1), or has printed.
const PRINT: u32 = 10;
/// The widget changed size while a tooltip or a popover showed.
const RESIZE: u32 = 11;
/// A click: this plus the position of what it is on in dom.js' `CLICKS`
/// (one more than the last: the map; two more: the pinned tooltip, away
/// from its markers, with the pointer's position).
const CLICK: u32 = 12;
/// A click on the pinned tooltip, away from its markers (see `CLICK`).
const TIP_BODY: u32 = 8;

/// A box measured by the shell, in CSS px.
#[derive(Clone, Copy)]
struct Rect {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

/// One widget on the page, alive as long as its element is.
#[wasm_bindgen]
pub struct Widget {
    /// `None` for a widget that shows an error instead of the map.
    live: Option<Live>,
}

/// A mounted widget: its shell and its state, freed together.
struct Live {
    shell: Shell,
    state: RefCell<State>,
}

impl Drop for Live {
    /// The listeners go with the widget, so no event reaches it once it is
    /// freed.
    fn drop(&mut self) {
        self.shell.free();
    }
}

/// A view change under way, stepped on animation frames.
struct Zoom {
    from: View,
    to: View,
    /// The time of its first frame.
    start: Option<f64>,
}

/// What the event handlers need. The selection is one value here
/// (`selected`); everything that shows it is updated from it.
struct State {
    /// The reader's language.
    t: &'static Locale,
    bundle: Rc<Bundle>,
    world: World<'static>,
    shell: Shell,
    /// A popover is open.
    open: bool,
    /// The open popover's marker is in the tooltip, so the popover closes
    /// when the tooltip changes country or hides (it had stayed open with
    /// nothing to point at, and a new size moved it to the corner).
    pop_in_tip: bool,
    /// The map's one tab stop (roving tabindex).
    stop: &'static str,
    /// The table is shown instead of the map.
    table_shown: bool,
    /// The pointer is over a country (hover owns the tooltip).
    hovering: bool,
    views: Views,
    view: ViewKind,
    /// The viewBox drawn now (differs from `views.get(view)` mid-animation).
    drawn: View,
    /// The view change under way, if any; a new one replaces it.
    zoom: Option<Zoom>,
    /// Symbols of the world view and of the Europe view.
    symbols: [Vec<Symbol<'static>>; 2],
    /// The keyboard order of the countries.
    order: Vec<&'static str>,
    /// The country whose figure the tooltip shows (`None` when hidden): a
    /// code of the geometry, so it is kept without copying it.
    shown: Option<&'static str>,
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
    /// The label groups filled so far, a bit per view and width bucket.
    labels: u8,
    /// The bundle's text, for the JSON download (`None`: the embedded one).
    text: Option<Rc<String>>,
    /// The panel, timeline, downloads and sources are in (see `complete`).
    complete: bool,
}

#[wasm_bindgen]
impl Widget {
    /// Renders into `root` in the language `lang` (a BCP 47 tag; English
    /// when absent or not spoken, the latter with one console note per
    /// page): the embedded SpecTor bundle when `bundle_text` is absent,
    /// else that bundle as the reader module packed it (`packed`, see
    /// `facts::packed`), or a message saying why it cannot be shown. The
    /// text itself is kept for the reader's JSON download. Never throws: a
    /// bad bundle is the reader's message, not an exception on the host
    /// page.
    ///
    /// The widget's listeners call `handle(kind, code, x, y)` for every
    /// event; it must call the returned widget's `handle` with the same
    /// arguments and return its result, once `mount` has returned, and do
    /// nothing (return false) before that or once the widget is freed.
    ///
    /// `src` is where the bundle came from, if it came from a URL: the
    /// console's note on a refused bundle names it, since a page may show
    /// several. Why a bundle never arrived is shown here too, so the wasm
    /// and the glue need no second export: `failure` is then one more than
    /// the kind of failure and `detail` its number, as `Widget::failed`
    /// takes them, and `handle` is not used. `failure` is 0 otherwise.
    #[allow(clippy::too_many_arguments)]
    pub fn mount(
        root: &ShadowRoot,
        src: Option<String>,
        bundle_text: Option<String>,
        packed: Option<Vec<u8>>,
        lang: Option<String>,
        handle: &js_sys::Function,
        failure: u32,
        detail: u32,
    ) -> Widget {
        let t = locale(lang.as_deref());
        if failure > 0 {
            return Widget::failed(root, failure - 1, src.as_deref().unwrap_or(""), detail, t);
        }
        // Shared as it is: an `Rc<str>` would copy the text into a new
        // allocation, and its layout arithmetic and unwrap cost the wasm
        // 0.5 KB.
        let bundle_text: Option<Rc<String>> = bundle_text.map(Rc::new);
        let given_text = bundle_text.as_deref().map(String::as_str);
        let world = match World::embedded() {
            Ok(world) => world,
            Err(_) => {
                let problem = Problem {
                    path: String::new(),
                    words: String::from("the map geometry is damaged"),
                };
                return Widget::refuse(root, None, &[problem], t.text(Key::ErrorMap), t);
            }
        };
        let (bundle, markup) = match prepared(given_text, t) {
            Some(shared) => shared,
            None => {
                // A text comes with the reader's bytes; without them there
                // is nothing checked to show (`unpack` refuses no bytes).
                let read = match (&packed, given_text) {
                    (Some(bytes), _) => facts::packed::unpack(bytes),
                    (None, Some(_)) => facts::packed::unpack(&[]),
                    (None, None) => facts::embedded(),
                };
                let bundle = match read {
                    Ok(bundle) => Rc::new(bundle),
                    Err(errors) => return Widget::refuse(root, src.as_deref(), &errors, t.text(Key::ErrorData), t),
                };
                // Shrunk to its length before it is kept: the spare capacity
                // of a string grown by doubling would otherwise stay taken
                // for as long as the page (128 KiB of wasm memory).
                let markup = Rc::new(render::widget_first_in(&bundle, &world, t).into_boxed_str());
                remember(bundle_text.clone(), t, &bundle, &markup);
                (bundle, markup)
            }
        };
        // The label group the container queries will show depends on the
        // map column's width. Measured in the skeleton, whose layout costs
        // next to nothing, the browser lays the real markup out only once,
        // in its frame; measured in the real markup, it was laid out twice
        // (here, and again once the labels were in), and the first time
        // inside the script, before the frame could start.
        let bucket = layout::bucket_for(column_width(root, render::SKELETON));
        html(root, &markup);
        let views = Views::new(&bundle, &world);
        let world_symbols = map::symbols_in(&bundle, &world, &views.world, ViewKind::World);
        let order = map::keyboard_order_of(&world_symbols);
        let symbols = [
            world_symbols,
            map::symbols_in(&bundle, &world, views.get(ViewKind::Europe), ViewKind::Europe),
        ];
        let shell = Shell::new(root, handle);
        let state = State {
            t,
            bundle,
            world,
            shell: shell.clone(),
            open: false,
            pop_in_tip: false,
            stop: order.first().copied().unwrap_or(""),
            table_shown: false,
            hovering: false,
            drawn: views.world,
            views,
            view: ViewKind::World,
            zoom: None,
            symbols,
            order,
            shown: None,
            tip_pinned: false,
            tip_size: None,
            lit: None,
            selected: None,
            labels: 0,
            text: bundle_text,
            complete: false,
        };
        let live = Live {
            shell,
            state: RefCell::new(state),
        };
        // The label group the stylesheet shows now goes in before the first
        // frame; the other widths' and the Europe view's after it: laid out
        // while hidden, they made the first layout ~10 ms slower. The rest
        // of the widget follows the first frame too (see `complete`).
        if let Ok(mut s) = live.state.try_borrow_mut() {
            s.fill_labels(ViewKind::World, bucket);
        }
        live.shell.later();
        Widget { live: Some(live) }
    }

    /// One event from the widget's listeners, as `mount`'s `handle` passes
    /// it on: a kind, a code and a position (see `MOVE` and what follows
    /// it); true stops the browser's default action. For the shell and
    /// element.js only: the page's `select` and `setView` come here too
    /// (`SELECT`, `VIEW`).
    ///
    /// `&self`, because it is re-entered: moving focus in a handler sends
    /// focus events at once, and wasm-bindgen lets a `&self` method be
    /// called again while it runs (the state's `RefCell` guards the rest),
    /// where a `&mut self` one would throw.
    #[doc(hidden)]
    pub fn handle(&self, kind: u32, code: &str, x: f64, y: f64) -> bool {
        self.live.as_ref().is_some_and(|live| handle(live, kind, code, x, y))
    }

    /// Shows why the bundle at `src` never arrived, in the same panel as a
    /// refused bundle, in the reader's language, and tells the console in
    /// English: `kind` 0 is an HTTP error
    /// (`detail` its status), 1 a network failure, 2 a timeout (`detail`
    /// seconds), 4 a reader module that did not load, 5 a `src` that is not
    /// an address the widget loads (nothing was fetched), anything else
    /// another failure.
    fn failed(root: &ShadowRoot, kind: u32, src: &str, detail: u32, t: &Locale) -> Widget {
        let failure = match kind {
            0 => LoadFailure::Http(detail),
            1 => LoadFailure::Network,
            2 => LoadFailure::Timeout(detail),
            4 => LoadFailure::Reader,
            5 => LoadFailure::Address,
            _ => LoadFailure::Other,
        };
        let reason = render::load_failure_text(failure, src, t);
        html(root, &render::error_panel_in(&[], &reason, t));
        let mut message = String::from("spector-widget: ");
        message.push_str(&render::load_failure_text(failure, src, Locale::english()));
        note(true, &message);
        Widget { live: None }
    }

    /// Shows the reader why nothing else is shown, and the developer every
    /// error in the console, naming the bundle's `src` when there is one.
    fn refuse(root: &ShadowRoot, src: Option<&str>, problems: &[Problem], context: &str, t: &Locale) -> Widget {
        html(root, &render::error_panel_in(problems, context, t));
        // One problem per line, as `BundleErrors::write_to` writes them,
        // after the widget's name and the bundle's address: a page may have
        // several widgets, and other scripts write to the console too.
        let mut message = String::from("spector-widget: the data ");
        if let Some(src) = src {
            message.push_str("at ");
            message.push_str(src);
            message.push(' ');
        }
        message.push_str("was refused:");
        for problem in problems {
            message.push('\n');
            problem.write_to(&mut message);
        }
        note(true, &message);
        Widget { live: None }
    }
}

/// Completes a widget that shows only its first frame (`State::complete`).
fn complete(live: &Live) {
    if let Ok(mut s) = live.state.try_borrow_mut() {
        s.complete();
    }
}

impl Widget {
    /// Renders now what the first frame left out, as the shell does after
    /// that frame or before the first event (for tests that read the whole
    /// widget at once).
    pub fn complete(&self) {
        if let Some(live) = &self.live {
            complete(live);
        }
    }

    /// Selects a country by its ISO 3166-1 alpha-2 code, exactly as a
    /// reader's click would (map, tooltip and panel follow); "" clears the
    /// selection. A code the widget has no figures for is ignored, with a
    /// console note naming it (see `note_unknown`). The page calls
    /// it through `handle` (`SELECT`).
    pub fn select(&self, code: &str) {
        self.handle(SELECT, code, 0.0, 0.0);
    }

    /// Shows the "world" or the "europe" view; anything else is ignored,
    /// with a console note naming it (see `note_unknown`).
    /// The page calls it through `handle` (`VIEW`).
    pub fn set_view(&self, view: &str) {
        self.handle(VIEW, view, 0.0, 0.0);
    }

    /// The selected country's code, if any. For tests only: the page hears
    /// the selection from `spector-select`, so it is not exported, and the
    /// wasm keeps no glue for returning an optional string.
    pub fn selected(&self) -> Option<String> {
        let live = self.live.as_ref()?;
        let s = live.state.try_borrow().ok()?;
        s.selected.map(String::from)
    }
}

/// The codes of countries the map does not draw that have been selected:
/// a selection is a `&'static str` (a drawn country's is the geometry's),
/// so each of these codes is copied once and kept, two bytes each.
static OFF_MAP: OneThread<Vec<&'static str>> = OneThread(RefCell::new(Vec::new()));

/// `code` as a `&'static str`, for a country the map does not draw.
fn off_map(code: &str) -> Option<&'static str> {
    let mut kept = OFF_MAP.0.try_borrow_mut().ok()?;
    for &c in kept.iter() {
        if c == code {
            return Some(c);
        }
    }
    let c: &'static str = String::from(code).leak();
    kept.push(c);
    Some(c)
}

/// Set once the page has been told that a language is not spoken.
static UNSUPPORTED_NOTED: AtomicBool = AtomicBool::new(false);

/// The last bundle a widget checked and rendered, with its markup: the
/// widgets of one article that show the same bundle in the same language
/// (twenty of them, say) unpack and render it once. Only the last is kept,
/// so the cache never grows.
struct Prepared {
    /// The bundle's text; `None` for the embedded bundle.
    text: Option<Rc<String>>,
    lang: Lang,
    bundle: Rc<Bundle>,
    markup: Rc<Box<str>>,
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
fn prepared(text: Option<&str>, t: &Locale) -> Option<(Rc<Bundle>, Rc<Box<str>>)> {
    let slot = PREPARED.0.try_borrow().ok()?;
    let last = slot.as_ref()?;
    (last.text.as_deref().map(String::as_str) == text && last.lang == t.lang)
        .then(|| (Rc::clone(&last.bundle), Rc::clone(&last.markup)))
}

fn remember(text: Option<Rc<String>>, t: &Locale, bundle: &Rc<Bundle>, markup: &Rc<Box<str>>) {
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
    let tag = lang.map(text::trim).unwrap_or("");
    if tag.is_empty() {
        return Locale::english();
    }
    match Lang::from_tag(tag) {
        Some(lang) => Locale::get(lang),
        None => {
            if !UNSUPPORTED_NOTED.swap(true, Ordering::Relaxed) {
                let mut message = String::from("spector-widget: no translation for lang=\"");
                message.push_str(tag);
                message.push_str("\"; showing English. Languages: en, de, fr, nl, es, pt-BR, pl.");
                note(false, &message);
            }
            Locale::english()
        }
    }
}

/// One event from the shell; true stops the browser's default action.
fn handle(live: &Live, kind: u32, code: &str, x: f64, y: f64) -> bool {
    complete(live);
    match kind {
        KEY => return keydown(live, code, x),
        // Tab or Shift+Tab at the popover's edge: it closes, and focus goes
        // on from its marker, so focus follows the reading order although
        // the popover sits at the end of the widget. Tab moves from the
        // marker to the control after it (the browser's own move, so
        // leaving the widget works too); Shift+Tab stops on the marker.
        TAB => {
            close_popover(live, true);
            return x > 0.0;
        }
        SELECT => select_code(live, code),
        VIEW => show_view(live, code),
        PRINT => print(live, x > 0.0),
        CLICK.. => click(live, kind - CLICK, code, x, y),
        _ => {
            let Ok(mut s) = live.state.try_borrow_mut() else {
                return false;
            };
            match kind {
                MOVE => s.hover(code, x, y),
                // Outside the map, rest once, not on every move.
                OUT if s.hovering => {
                    s.hovering = false;
                    s.rest();
                }
                REST => s.rest(),
                FOCUS => {
                    // Focus moved somewhere that is neither the popover nor
                    // its marker: the popover closes (focus stays where the
                    // reader put it).
                    if x > 0.0 {
                        s.close_pop();
                    }
                    s.focused(code);
                }
                FRAME => s.frame(x),
                LATER => s.fill_all_labels(),
                RESIZE => s.replace(),
                _ => {}
            }
        }
    }
    false
}

/// Before printing (`on`), every disagreement the screen shows in a
/// popover goes into the popover slot at the end of the widget, which only
/// print shows: on paper a "sources differ" mark cannot be opened. With a
/// country selected, the whole operation's figures go there first, and the
/// map shows the world while printing. After printing the slot empties
/// again and the map shows the reader's view. An open popover closes
/// either way.
fn print(live: &Live, on: bool) {
    let Ok(mut s) = live.state.try_borrow_mut() else { return };
    s.close_pop();
    // Paper shows the whole story whatever the screen shows: the world,
    // which the Europe view cuts to leave out the United States' 153
    // arrests, and with a country selected, the whole operation's figures
    // too, which the disagreements after them are about.
    let kind = if on { ViewKind::World } else { s.view };
    let view = *s.views.get(kind);
    s.draw(view);
    s.mark_view(kind);
    let mut markup = String::new();
    if on {
        markup.push_str("<div class=\"print\">");
        // From the table view too: paper has the map and the panel in
        // place of the tables (see the stylesheet's print rules).
        if s.selected.is_some() {
            panel::push_panel(&mut markup, &s.bundle, None, s.t);
        }
        let bundle = &s.bundle;
        let ids = bundle
            .facts
            .iter()
            .map(|f| &f.id)
            .chain(bundle.dates.iter().map(|d| &d.id));
        for id in ids {
            if let Some(pop) = render::popover_in(bundle, id, true, s.t) {
                markup.push_str(&pop);
            }
        }
        markup.push_str("</div>");
    }
    s.shell.set(SLOT, "innerHTML", &markup);
}

/// The page selects the country `code` (see `Widget::select`).
fn select_code(live: &Live, code: &str) {
    let code = text::trim(code);
    if code.is_empty() {
        clear(live);
        return;
    }
    // The codes people write for the United Kingdom and Greece, UK and
    // EL, select them, rather than a note that the country is not there.
    let upper = match crate::facts::iso_for_alias(code) {
        Some(iso) => String::from(iso),
        None => code.to_ascii_uppercase(),
    };
    let found = live.state.try_borrow().ok().and_then(|s| s.selectable(&upper));
    match found {
        Some(code) => select(live, code),
        None => {
            // Without the bundle's list of countries: the map and the
            // chips show them, and writing the list here cost the wasm 120 B
            // brotli.
            note_unknown(
                "country",
                code,
                "\" is not a country of this bundle; nothing is selected.",
            );
            clear(live);
        }
    }
}

/// The note on a `country` or `view` value noted last: a re-render (a new
/// `lang`, say) sends the value again, and the page hears of it once. The
/// last note only: a list of every value noted cost 78 B more brotli.
static NOTED: OneThread<String> = OneThread(RefCell::new(String::new()));

/// Tells the page's developer that an attribute's `value` means nothing
/// to the widget (a typo, or a country without figures), which it would
/// otherwise ignore in silence, once: `spector-widget: name="value`, then
/// `rest`, which closes the quote and says what the widget does instead.
fn note_unknown(name: &str, value: &str, rest: &str) {
    let mut message = String::from("spector-widget: ");
    message.push_str(name);
    message.push_str("=\"");
    message.push_str(value);
    message.push_str(rest);
    let Ok(mut noted) = NOTED.0.try_borrow_mut() else {
        return;
    };
    if *noted != message {
        note(false, &message);
        *noted = message;
    }
}

/// The page shows the view named `view` (see `Widget::set_view`).
fn show_view(live: &Live, view: &str) {
    // As HTML's own keyword attributes are read: in any ASCII case, and
    // an empty value as the default.
    let view = text::trim(view);
    let kind = if view.is_empty() || view.eq_ignore_ascii_case("world") {
        ViewKind::World
    } else if view.eq_ignore_ascii_case("europe") {
        ViewKind::Europe
    } else {
        note_unknown(
            "view",
            view,
            "\" is not a view of this widget; the view does not change. Views: world, europe.",
        );
        return;
    };
    if let Ok(mut s) = live.state.try_borrow_mut() {
        s.set_view(kind);
    }
    // A focused country the new view leaves out gives focus to the map's
    // tab stop, which `set_view` moved into the view (with no borrow held:
    // the focus event comes at once).
    live.shell.refocus();
}

/// A click or tap (or Enter / Space on a button), `what` the position of
/// what it is on in dom.js' `CLICKS`. A popover's close button closes it;
/// a citation marker or "sources differ" mark toggles its popover; any
/// other click closes an open one (a click in the popover never comes
/// here). Then: the table button swaps map and table; the zoom button
/// toggles the view; a country chip selects its country (the back button
/// the whole operation); links, the tooltip, and text or space outside
/// the map keep the selection; a country on the map toggles it; the
/// map's sea clears it.
fn click(live: &Live, what: u32, code: &str, x: f64, y: f64) {
    match what {
        0 => return close_popover(live, true),
        2 => return toggle_popover(live, code, x > 0.0, y as u32 & 1 == 1, y >= 2.0),
        _ => close_popover(live, false),
    }
    match what {
        3 | 4 => {
            if let Ok(mut s) = live.state.try_borrow_mut() {
                if what == 3 {
                    s.toggle_table();
                } else {
                    s.toggle_view();
                }
            }
        }
        5 => {
            let (found, selected) = match live.state.try_borrow() {
                Ok(s) => (s.selectable(code), s.selected),
                Err(_) => return,
            };
            match found {
                Some(code) if selected != Some(code) => select(live, code),
                _ => clear(live),
            }
        }
        6 => {}
        _ => {
            let hit = match live.state.try_borrow() {
                // On the tooltip, only a symbol right under the pointer: the
                // reach that makes tiny countries easy to hit would take a
                // neighbour beside the tooltip.
                Ok(s) => {
                    let reach = if what == TIP_BODY { 0.0 } else { map::HIT_REACH_PX };
                    s.hit(code, x, y, reach).map(|code| (code, s.selected == Some(code)))
                }
                Err(_) => return,
            };
            match hit {
                Some((code, false)) => select(live, code),
                // On the pinned tooltip (`TIP_BODY`), which may cover a
                // country where it has no room of its own: only a symbol
                // under it counts.
                _ if what == TIP_BODY => {}
                _ => clear(live),
            }
        }
    }
}

/// The other view.
fn other(kind: ViewKind) -> ViewKind {
    match kind {
        ViewKind::World => ViewKind::Europe,
        ViewKind::Europe => ViewKind::World,
    }
}

/// Keys (`key` is the position in dom.js' `KEYS`: e, E, Escape,
/// ArrowRight, ArrowDown, ArrowLeft, ArrowUp, Home, End, Enter, Space): E
/// toggles the view (the shell sends it only from the map's figure: the
/// map, its buttons, the pinned tooltip), Escape closes the popover or
/// else clears the selection; on a country (`code`), arrows, Home and End
/// move between countries and Enter or Space selects. Only the map's
/// countries move with the arrows; the panel's chips are plain buttons.
fn keydown(live: &Live, code: &str, key: f64) -> bool {
    let key = key as u32;
    if key == 2 && live.state.try_borrow().is_ok_and(|s| s.open) {
        close_popover(live, true);
        return true;
    }
    let Ok(mut s) = live.state.try_borrow_mut() else {
        return false;
    };
    let place = s.place(code);
    let (index, current) = (place.map(|(i, _)| i), place.map(|(_, c)| c));
    let last = s.order.len().saturating_sub(1);
    let target = match (key, index) {
        (0 | 1, _) if s.views.europe.is_some() => {
            s.toggle_view();
            drop(s);
            // A focused country the new view leaves out is no longer the
            // tab stop (`set_view` moved it into the view): focus follows
            // it, as when the page changes the view.
            live.shell.refocus();
            return true;
        }
        (2, _) => {
            drop(s);
            clear(live);
            return false;
        }
        (3 | 4, Some(i)) => {
            if i >= last {
                0
            } else {
                i + 1
            }
        }
        (5 | 6, Some(i)) => {
            if i == 0 {
                last
            } else {
                i - 1
            }
        }
        (7, Some(_)) => 0,
        (8, Some(_)) => last,
        (9 | 10, Some(_)) => {
            let selected = s.selected;
            drop(s);
            match current {
                Some(code) if selected == Some(code) => {
                    clear(live);
                    if let Ok(mut s) = live.state.try_borrow_mut() {
                        s.show_at_symbol(code, false);
                    }
                }
                Some(code) => select(live, code),
                None => {}
            }
            return true;
        }
        _ => return false,
    };
    let to = s.order.get(target).copied();
    drop(s);
    // Focus with no borrow held: focusin runs at once and needs the state.
    if let Some(code) = to {
        live.shell.focus(ROOT, "path.on", code);
    }
    true
}

/// Selects a country: one place for the selection, then everything that
/// shows it. A European country selected in world view brings the Europe
/// view, where it is large enough to see; a country outside the Europe
/// view brings the world back (`State::reveal`), whether a chip, the map
/// or the page selected it. A country the map does not mark (one without
/// arrests, or not drawn at all: a chip) leaves the view as it is, with
/// nothing highlighted and no tooltip.
fn select(live: &Live, code: &'static str) {
    let before = {
        let Ok(mut s) = live.state.try_borrow_mut() else { return };
        let before = s.selected;
        s.set_selected(Some(code));
        let marked = s.code(code).is_some();
        if marked {
            s.rove(code);
        }
        if s.view == ViewKind::World && is_european(code) && marked {
            s.set_view(ViewKind::Europe);
        } else {
            s.reveal(code);
        }
        s.show_at_symbol(code, true);
        before
    };
    notify(live, before);
}

/// Clears the selection: the whole operation again.
fn clear(live: &Live) {
    let before = match live.state.try_borrow_mut() {
        Ok(mut s) => {
            let before = s.selected;
            s.clear();
            before
        }
        Err(_) => return,
    };
    notify(live, before);
}

/// Tells the page about a new selection: a `spector-select` event on the
/// host element, `detail.country` the code or null. Sent with no borrow
/// held, so a listener may call back into the widget.
fn notify(live: &Live, before: Option<&'static str>) {
    let Ok(now) = live.state.try_borrow().map(|s| s.selected) else {
        return;
    };
    if now != before {
        live.shell.tell(now);
    }
}

/// Opens the popover of a citation marker or "sources differ" mark (`id`
/// its citation or fact) next to it and moves focus to its close button;
/// the marker of the open popover (`same`) closes it instead. One popover
/// at a time.
fn toggle_popover(live: &Live, id: &str, differ: bool, same: bool, in_tip: bool) {
    {
        let Ok(mut s) = live.state.try_borrow_mut() else { return };
        s.close_pop();
        if same {
            return;
        }
        let Some(markup) = render::popover_in(&s.bundle, id, differ, s.t) else {
            return;
        };
        s.shell.set(SLOT, "innerHTML", &markup);
        s.shell.opened(true);
        s.open = true;
        s.pop_in_tip = in_tip;
        s.place_pop();
    }
    // Focus with no borrow held: focusin runs at once and needs the state.
    live.shell.focus(SLOT, ".pop-close", "");
}

/// Closes the open popover, if any; `refocus` gives focus back to its
/// marker (Escape, the close button).
fn close_popover(live: &Live, refocus: bool) {
    let closed = live.state.try_borrow_mut().is_ok_and(|mut s| s.close_pop());
    if refocus && closed {
        live.shell.focus(CLOSED, "", "");
    }
}

impl State {
    /// The country code as the geometry spells it, if the map marks it.
    fn code(&self, code: &str) -> Option<&'static str> {
        self.place(code).map(|(_, c)| c)
    }

    /// The country's place in the keyboard order, and its code as the
    /// geometry spells it. A plain loop: `find` and `position` on the slice
    /// are unrolled fourfold.
    fn place(&self, code: &str) -> Option<(usize, &'static str)> {
        for (i, &c) in self.order.iter().enumerate() {
            if c == code {
                return Some((i, c));
            }
        }
        None
    }

    /// A country that can be selected: one on the map, or one the panel
    /// has figures for, drawn or not (Singapore and Malta are too small
    /// for the map's Natural Earth 110m countries).
    fn selectable(&self, code: &str) -> Option<&'static str> {
        self.code(code).or_else(|| {
            if panel::countries(&self.bundle).contains(&code) {
                self.world.country(code).map(|c| c.code()).or_else(|| off_map(code))
            } else {
                None
            }
        })
    }

    /// The symbols of the current view.
    fn view_symbols(&self) -> &[Symbol<'static>] {
        self.symbols_of(self.view)
    }

    /// The symbols of a view.
    fn symbols_of(&self, kind: ViewKind) -> &[Symbol<'static>] {
        let i = match kind {
            ViewKind::World => 0,
            ViewKind::Europe => 1,
        };
        self.symbols.get(i).map_or(&[], |v| v.as_slice())
    }

    /// A part's box, if it is there.
    fn rect(&self, part: u32) -> Option<Rect> {
        let shell = &self.shell;
        shell.measure(part).then(|| Rect {
            left: shell.got(0),
            top: shell.got(1),
            width: shell.got(2),
            height: shell.got(3),
        })
    }

    /// A part's offset width and height, if it is there.
    fn size(&self, part: u32) -> Option<(f64, f64)> {
        let shell = &self.shell;
        shell.measure(part).then(|| (shell.got(4), shell.got(5)))
    }

    /// The svg's position and its CSS px per grid unit in the current view.
    fn scale(&self) -> Option<(Rect, f64)> {
        let rect = self.rect(SVG)?;
        let ppu = rect.width / self.views.get(self.view).w;
        (ppu.is_finite() && ppu > 0.0).then_some((rect, ppu))
    }

    /// The country under the pointer: `code`, the country hit, or else the
    /// symbol within `reach` px (`HIT_REACH_PX`, so tiny countries are easy
    /// to hit) of the pointer at `x`, `y` (client px; NaN outside the map
    /// area).
    fn hit(&self, code: &str, x: f64, y: f64, reach: f64) -> Option<&'static str> {
        let direct = self.code(code);
        if direct.is_some() {
            return direct;
        }
        // Measured only off the countries: a move over one needs no layout.
        let (rect, ppu) = self.scale()?;
        let view = self.views.get(self.view);
        let x = view.x + (x - rect.left) / ppu;
        let y = view.y + (y - rect.top) / ppu;
        if !view.contains(x, y) {
            return None;
        }
        map::nearest(self.view_symbols(), x, y, reach / ppu).map(|s| s.code)
    }

    /// Shows, moves or hides the tooltip for whatever marked country the
    /// pointer is over (`code`) or near (at `x`, `y`).
    fn hover(&mut self, code: &str, x: f64, y: f64) {
        // Every read of the layout comes before the first write: a read
        // after a write would make the browser lay the page out again in
        // the middle of the handler.
        // The reader is reading a popover of the pinned tooltip: a pointer
        // passing over the map on the way leaves both as they are.
        if self.open && self.pop_in_tip {
            return;
        }
        let area = self.rect(WRAP);
        let Some(code) = self.hit(code, x, y, map::HIT_REACH_PX) else {
            self.hovering = false;
            self.rest();
            return;
        };
        self.hovering = true;
        self.highlight(Some(code));
        if !self.fill_tip(code, false) {
            return;
        }
        if let Some(area) = area {
            let (x, y) = (x - area.left, y - area.top);
            self.place_tip(&area, x + 14.0, y - 10.0, y + 18.0);
        }
    }

    /// A focused country shows its figure beside its symbol.
    fn focused(&mut self, code: &str) {
        let Some(code) = self.code(code) else { return };
        self.rove(code);
        // Focus must be visible.
        self.reveal(code);
        self.highlight(Some(code));
        self.show_at_symbol(code, self.selected == Some(code));
    }

    /// A country focused or selected must be visible: one whose symbol
    /// lies outside the current view's box brings the world back at once.
    /// The one rule for every way a country is reached (arrow keys, the
    /// map, a chip, `select`, the `country` attribute).
    fn reveal(&mut self, code: &str) {
        if self.outside(code) {
            self.aim(ViewKind::World);
            self.zoom = None;
            self.shell.set(ZOOM, "textContent", self.t.text(Key::MapZoomIn));
            self.draw(self.views.world);
            self.settle();
        }
    }

    /// Whether the country's symbol lies outside the current view's box.
    fn outside(&self, code: &str) -> bool {
        self.symbols
            .first()
            .and_then(|all| all.iter().find(|s| s.code == code))
            .is_some_and(|s| !self.views.get(self.view).contains(s.x, s.y))
    }

    /// Nothing pointed at or focused: the selection's tooltip, or none.
    fn rest(&mut self) {
        self.highlight(None);
        match self.selected {
            // Already there: the pointer moving over the sea writes nothing.
            Some(code) if self.tip_pinned && self.shown == Some(code) => {}
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
        let text = render::announcement_in(&self.bundle, self.selected, self.t);
        self.shell.set(LIVE, "innerHTML", &text);
    }

    /// Swaps the panel's markup for the current selection, in one crossing.
    /// Focus inside the panel stays on the same country's chip (after the
    /// back button: the chip of `before`, the country just left); the shell
    /// does that, so the focused element's code never crosses to Rust.
    fn render_panel(&self, before: Option<&str>) {
        let markup = render::panel_markup_in(&self.bundle, self.selected, self.t);
        self.shell.panel(&markup, before);
    }

    /// Closes the open popover if its marker is in the tooltip, which is
    /// about to change or hide.
    fn close_tip_pop(&mut self) {
        if self.pop_in_tip {
            // Focus in it goes to the zoom button, beside the map, rather
            // than to the page.
            self.shell.rescue(SLOT, ZOOM);
            self.close_pop();
        }
    }

    /// Closes the open popover; false when none was open.
    fn close_pop(&mut self) -> bool {
        let was_open = self.open;
        if was_open {
            self.open = false;
            self.shell.set(SLOT, "innerHTML", "");
            self.shell.opened(false);
        }
        was_open
    }

    /// Places the tooltip and the open popover again, for the widget's new
    /// size: placed for the old one, a phone turned sideways left the
    /// popover off the screen, and a wider widget left the tooltip over
    /// its own country. A selection without its tooltip gets it now: a
    /// widget that started hidden (in a closed tab or accordion) had no
    /// size to place it by.
    fn replace(&mut self) {
        self.tip_again();
        if self.open {
            self.place_pop();
        }
    }

    /// Places the popover below its marker (above when there is no room
    /// below), inside the widget's width.
    fn place_pop(&self) {
        let (Some(area), Some(m), Some((w, h))) = (self.rect(SW), self.rect(OPENER), self.size(POP)) else {
            return;
        };
        let mut x = m.left - area.left;
        if x + w > area.width {
            x = (area.width - w).max(0.0);
        }
        let below = m.top + m.height - area.top + 4.0;
        let above = m.top - area.top - h - 4.0;
        let y = if below + h <= area.height {
            below
        } else if above >= 0.0 {
            above
        } else {
            (area.height - h).max(0.0)
        };
        self.shell.place(POP, x, y);
    }

    /// Writes the selection into the markup: `aria-pressed` on the
    /// countries, `data-sel` on their symbols.
    fn show_selection(&self) {
        self.shell
            .mark("aria-pressed", self.selected.unwrap_or(""), "true", "false");
        self.shell.flag("data-sel", self.selected);
    }

    /// Hover or focus highlight on a country and its symbols.
    fn highlight(&mut self, code: Option<&'static str>) {
        if self.lit != code {
            self.lit = code;
            self.shell.flag("data-hl", code);
        }
    }

    /// Roving tabindex: the given country is the map's one tab stop.
    fn rove(&mut self, code: &'static str) {
        self.stop = code;
        self.shell.mark("tabindex", code, "0", "-1");
    }

    /// The other view, from the E key or the zoom button, said in the live
    /// region: the zoom button's new label alone is not announced.
    fn toggle_view(&mut self) {
        let next = other(self.view);
        self.set_view(next);
        if self.view == next {
            let said = match next {
                ViewKind::Europe => Key::LiveViewEurope,
                ViewKind::World => Key::LiveViewWorld,
            };
            self.shell.set(LIVE, "textContent", self.t.text(said));
        }
    }

    /// The view from now on, also for the shell, which keeps it through a
    /// re-render (`data-to`: `data-view` changes only once a zoom out is
    /// done).
    fn aim(&mut self, kind: ViewKind) {
        self.view = kind;
        self.shell.attr(WRAP, "data-to", Some(kind.key()));
    }

    /// Switches the view: the viewBox moves to the other box, stepwise over
    /// a few frames unless the reader prefers reduced motion.
    fn set_view(&mut self, kind: ViewKind) {
        if self.view == kind || (kind == ViewKind::Europe && self.views.europe.is_none()) {
            return;
        }
        self.aim(kind);
        // A tab stop the view leaves out would bring the world back as soon
        // as Tab reached it (`reveal`): the first country in view instead.
        if self.outside(self.stop) {
            if let Some(code) = self.order.iter().copied().find(|&c| !self.outside(c)) {
                self.rove(code);
            }
        }
        // A zoom before the first frame was painted: its labels now.
        self.fill_all_labels();
        let label = if kind == ViewKind::Europe {
            Key::MapZoomOut
        } else {
            Key::MapZoomIn
        };
        self.shell.set(ZOOM, "textContent", self.t.text(label));
        let (from, to) = (self.drawn, *self.views.get(kind));
        // Zooming in, the smaller Europe symbols show from the start and grow
        // with the zoom; zooming out, they stay until the world is back.
        if kind == ViewKind::Europe {
            self.mark_view(kind);
        }
        self.zoom = None;
        if self.shell.animate() {
            self.zoom = Some(Zoom { from, to, start: None });
        } else {
            self.draw(to);
            self.settle();
        }
    }

    /// One animation frame of the view change, at time `now` (ms).
    fn frame(&mut self, now: f64) {
        let Some(zoom) = &mut self.zoom else { return };
        let start = *zoom.start.get_or_insert(now);
        let (from, to) = (zoom.from, zoom.to);
        let t = crate::num::clamp((now - start) / ZOOM_MS, 0.0, 1.0);
        // The last step, or the reader asked for less motion meanwhile.
        if t >= 1.0 || !self.shell.animate() {
            self.zoom = None;
            self.draw(to);
            self.settle();
        } else {
            // Ease in and out (smoothstep).
            self.draw(from.lerp(&to, t * t * (3.0 - 2.0 * t)));
        }
    }

    /// Draws a viewBox.
    fn draw(&mut self, view: View) {
        self.drawn = view;
        self.shell.attr(SVG, "viewBox", Some(&view.attr()));
    }

    /// The view change is complete: its symbols and labels, and the tooltip
    /// back beside its country.
    fn settle(&mut self) {
        self.mark_view(self.view);
        self.tip_again();
    }

    /// The tooltip beside its country again: the one shown, else the
    /// selection's, which a view without its country, or a widget with no
    /// size yet, left hidden. Pinned for the selection, as focus pins it.
    fn tip_again(&mut self) {
        if let Some(code) = self.shown.and_then(|shown| self.code(shown)).or(self.selected) {
            let pinned = self.selected == Some(code);
            self.show_at_symbol(code, pinned);
        }
    }

    /// Puts a view's legend and labels for one width bucket into their
    /// group, once.
    fn fill_labels(&mut self, kind: ViewKind, bucket: usize) {
        let bit = 1u8 << ((kind as usize * BUCKETS.len() + bucket) & 7);
        if self.labels & bit == 0 {
            self.labels |= bit;
            let view = self.views.get(kind);
            let markup = map::annotations_markup_with(&self.bundle, view, self.symbols_of(kind), kind, bucket, self.t);
            self.shell.labels(kind.key(), bucket as u32, &markup);
        }
    }

    /// Puts in what the first frame left out (`render::widget_rest_in`):
    /// the panel, the timeline, the downloads and the sources. The shell
    /// asks once the first frame is painted (`LATER`), and every event and
    /// API call asks first, so nothing a reader or a page does meets half
    /// a widget.
    fn complete(&mut self) {
        if self.complete {
            return;
        }
        self.complete = true;
        let json = self.text.as_deref().map_or(facts::EMBEDDED_JSON, String::as_str);
        let rest = render::widget_rest_in(&self.bundle, Some(json), self.t);
        self.shell.rest(&rest.side, &rest.timeline, &rest.end);
    }

    /// Every label group: for any width the widget may take, and for the
    /// Europe view.
    fn fill_all_labels(&mut self) {
        for &kind in self.views.kinds() {
            for bucket in 0..BUCKETS.len() {
                self.fill_labels(kind, bucket);
            }
        }
    }

    /// Shows the symbols and labels of a view (`data-view` on the wrap).
    fn mark_view(&self, kind: ViewKind) {
        self.shell.attr(WRAP, "data-view", Some(kind.key()));
    }

    /// Swaps the map for the table of its figures, or back: the button is
    /// pressed while the table shows; the zoom button goes with the map.
    fn toggle_table(&mut self) {
        let show = !self.table_shown;
        self.table_shown = show;
        let shell = &self.shell;
        shell.attr(TABLE_BUTTON, "aria-pressed", Some(if show { "true" } else { "false" }));
        if show {
            shell.set(TABLE, "innerHTML", &render::table_markup_in(&self.bundle, self.t));
            shell.attr(TABLE, "hidden", None);
        } else {
            shell.attr(TABLE, "hidden", Some(""));
            shell.set(TABLE, "innerHTML", "");
        }
        let hidden = show.then_some("");
        shell.attr(WRAP, "hidden", hidden);
        shell.attr(ZOOM, "hidden", hidden);
        if show {
            shell.flag("data-sel", self.selected);
        } else {
            // The map is back: the selection's tooltip beside its symbol.
            self.rest();
        }
    }

    /// Fills the tooltip with a country's figure; false when it has none.
    fn fill_tip(&mut self, code: &'static str, pinned: bool) -> bool {
        if self.shown == Some(code) && pinned == self.tip_pinned {
            return true;
        }
        self.close_tip_pop();
        self.shell.set(TIP, "className", if pinned { "tip pin" } else { "tip" });
        // Only a pinned tooltip can be reached: its marker opens the sources.
        // Set before new markup goes in, so that focus on the old marker
        // moves to the new one in a pinned tooltip only (see `set` in
        // dom.js), not in one that follows the pointer.
        self.shell.attr(TIP, "inert", if pinned { None } else { Some("") });
        if self.shown != Some(code) {
            match render::tooltip_in(&self.bundle, code, self.t) {
                Some(markup) => self.shell.set(TIP, "innerHTML", &markup),
                None => {
                    self.hide();
                    return false;
                }
            }
            self.shown = Some(code);
        }
        self.tip_pinned = pinned;
        self.tip_size = None;
        self.shell.attr(TIP, "hidden", None);
        true
    }

    /// The tooltip beside a country's symbol; `pinned` for a selection
    /// (docked under the map on narrow widgets, by the stylesheet).
    /// A country without a symbol (one the map does not draw) hides it.
    fn show_at_symbol(&mut self, code: &'static str, pinned: bool) {
        let view = *self.views.get(self.view);
        // A symbol the view leaves out (the United States in the Europe
        // view) has no place for a tooltip inside the widget: none is
        // shown, and focus in it goes to the zoom button, which brings
        // the country back.
        let Some(&Symbol {
            x: sx, y: sy, r: sr, ..
        }) = self
            .view_symbols()
            .iter()
            .find(|s| s.code == code && view.contains(s.x, s.y))
        else {
            self.shell.rescue(TIP, ZOOM);
            self.hide();
            return;
        };
        let Some((rect, ppu)) = self.scale() else { return };
        let Some(area) = self.rect(WRAP) else { return };
        if !self.fill_tip(code, pinned) {
            return;
        }
        let x = rect.left - area.left + (sx - view.x) * ppu;
        let y = rect.top - area.top + (sy - view.y) * ppu;
        let r = sr * ppu;
        let (right, above, below) = (x + r * 0.7 + 6.0, y - r - 6.0, y + r + 8.0);
        // Above or below the symbol, right or left of it, wherever the
        // tooltip lies inside the view and covers no other symbol: in the
        // Europe view France's covered Germany's, which a tap then could
        // not reach. Then the same four places moved away from the symbol
        // sideways, by a quarter of the tooltip's width at a time, up to
        // its whole width: on a 480 to 560 px widget the United States'
        // tooltip covered Brazil's symbol below it, with open sea further
        // right. Checked in the view's units, as the labels are.
        let Some((w, h)) = self.tip_wh(&area) else { return };
        let (uw, uh, gap) = (w / ppu, h / ppu, 6.0 / ppu);
        for i in 0..20 {
            let slide = f64::from(i / 4) * uw / 4.0;
            let ux = if i % 4 < 2 {
                sx + sr * 0.7 + gap + slide
            } else {
                sx - sr * 0.7 - gap - uw - slide
            };
            let uy = if i % 2 == 0 { sy - sr - gap - uh } else { sy + sr + gap };
            let b = layout::Rect {
                x0: ux,
                y0: uy,
                x1: ux + uw,
                y1: uy + uh,
            };
            if b.inside(&view)
                && self
                    .view_symbols()
                    .iter()
                    .all(|o| o.code == code || !b.meets_circle(o.x, o.y, o.r))
            {
                self.shell.place(TIP, x + (ux - sx) * ppu, y + (uy - sy) * ppu);
                return;
            }
        }
        self.place_tip(&area, right, above, below);
    }

    /// The tooltip's width and height, measured once per content and
    /// widget width.
    fn tip_wh(&mut self, area: &Rect) -> Option<(f64, f64)> {
        match self.tip_size {
            Some((w, h, width)) if width == area.width => Some((w, h)),
            _ => {
                let (w, h) = self.size(TIP)?;
                self.tip_size = Some((w, h, area.width));
                Some((w, h))
            }
        }
    }

    /// Places the tooltip with its left edge at `x` and its bottom at
    /// `above`, or its top at `below` when there is no room above; flipped
    /// to the left near the right edge, so it never leaves the widget.
    /// `area` is the map area's box, measured before anything was written.
    fn place_tip(&mut self, area: &Rect, x: f64, above: f64, below: f64) {
        let Some((w, h)) = self.tip_wh(area) else { return };
        let mut x = x;
        if x + w > area.width {
            x = (x - w - 28.0).max(0.0);
        }
        let mut y = above - h;
        if y < 0.0 {
            y = below.min((area.height - h).max(0.0));
        }
        self.shell.place(TIP, x, y);
    }

    fn hide(&mut self) {
        // Already hidden: a pointer moving over the sea writes nothing.
        if self.shown.is_none() {
            return;
        }
        self.close_tip_pop();
        // Emptied, so that focus on its marker (the page cleared the
        // selection) goes to the map's tab stop (see `set` in dom.js),
        // not to the page once the browser notices the marker is hidden.
        self.shell.set(TIP, "innerHTML", "");
        self.shell.attr(TIP, "hidden", Some(""));
        self.shell.set(TIP, "className", "tip");
        self.shell.attr(TIP, "inert", Some(""));
        self.shown = None;
        self.tip_pinned = false;
        self.tip_size = None;
    }
}
