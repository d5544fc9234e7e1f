// The DOM side of src/dom.rs, imported by the wasm-bindgen glue. Rust keeps
// the state and decides what changes; this file only finds elements, says
// what an event is on, and writes what Rust asks for. Every web-sys call
// costs a JS wrapper and a wasm shim, and every `closest` or `instanceof`
// check costs code on both sides, so a handful of functions here replace
// some seventy imports.

// The parts Rust addresses by number (`Part` in dom.rs): the elements found
// once after mounting, then the markers and the shadow root.
const PARTS = ['.sw', '.side', '.pop-slot', '.live', '.ftable', '.as-table', '.map-wrap', 'svg.map', '.tip', '.zoom'];
const SLOT = 2;
const TABLE = 4;
const TIP = 8;
const OPENER = 10; // the marker whose popover is open
const MARKER = 11; // the marker clicked last
const CLOSED = 12; // the marker whose popover closed last
const ROOT = 13;
const POP = 14; // the open popover, found when asked for

// What a click is on, first match first; the position plus `CLICK` is the
// event's kind in dom.rs, and none of them (the map) is the last kind.
// Off the map's drawing, what matches none of them (the title, the
// summary, the panel, the lists, the credits, the line under the Europe
// view) counts as the sixth: a tap on text, or a triple click to copy it,
// keeps the reader's selection.
const CLICKS = ['[data-close]', '.pop', 'button.cite,button.differ', '.as-table', '.zoom', '.side [data-c]', 'a,.tip'];

// The event kinds of dom.rs (`Kind`).
const MOVE = 0;
const OUT = 1;
// Also sent by element.js, only to complete a widget at once (re-rendered,
// or scrolled to in place of the static version).
export const REST = 2;
const FOCUS = 3;
const KEY = 4;
const TAB = 5;
const FRAME = 6;
const LATER = 7;
// The page's `select` and `setView`, which element.js sends.
export const SELECT = 8;
export const VIEW = 9;
const PRINT = 10;
const RESIZE = 11;
const CLICK = 12;
// The table button's click, which element.js sends to keep the table view
// through a re-render.
export const SHOW_TABLE = CLICK + 3;
// A click elsewhere (only an open popover closes), and one on the pinned
// tooltip away from its markers (see `CLICK` in dom.rs).
const ELSEWHERE = CLICK + 6;
const TIP_BODY = CLICK + 8;

// The keys Rust answers, by position (`keydown` in dom.rs).
const KEYS = ['e', 'E', 'Escape', 'ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp', 'Home', 'End', 'Enter', ' '];

// The map's one tab stop (a roving tabindex).
const STOP = 'path.on[tabindex="0"]';

// What Tab can reach inside a popover.
const FOCUSABLE = 'button,a[href],[tabindex]:not([tabindex="-1"])';

// Trusted Types: a page whose Content-Security-Policy says
// `require-trusted-types-for 'script'` refuses plain strings at every HTML
// sink (innerHTML, insertAdjacentHTML). The widget then writes its markup
// through a policy of its own, named `spector-widget`, which the page's
// `trusted-types` directive must allow. The policy passes markup through
// unchanged, because all of it comes from the Rust renderer, which escapes
// every text of a bundle. It is made on the first widget's start, not when
// the script runs, so a second copy of the script, which steps aside, does
// not ask for the name again (a page allows it once), and it is kept under
// a global symbol, so the npm module and embed.js in one page share it.
// `undefined` until then; `null` where there is no policy and strings are
// accepted; `false` where the page does not allow the name.
let policy;
const SHARED = Symbol.for('spector-widget policy');

/** `markup` as this page lets it be written: through the policy, if any. */
const trusted = (markup) => (policy ? policy.createHTML(markup) : markup);

/** Whether this page lets the widget write its markup, decided once,
 *  before any widget attaches its shadow root (which hides the static
 *  version): where it does not, one console message says what to add. */
export function writable() {
  if (policy === undefined) {
    try {
      // A browser without Trusted Types takes plain strings.
      policy = globalThis.trustedTypes
        ? (globalThis[SHARED] ??= trustedTypes.createPolicy('spector-widget', { createHTML: (markup) => markup }))
        : null;
    } catch {
      // The page's `trusted-types` list leaves the name out, which cost it
      // one violation report. Whether it also requires Trusted Types, and
      // so refuses plain strings, only a write would tell, at the price of
      // a second report. The widget does not ask: it takes the list as
      // meant for it and does not start. A page that lists names without
      // requiring them (rare) shows the static version too, and the note
      // says what makes the widget start there as well.
      policy = false;
      console.warn(
        "spector-widget: this page's Content-Security-Policy does not allow the widget's Trusted Types policy, so the widget's static version (if the page has one) is shown. " +
          'Add `trusted-types spector-widget` to the policy.',
      );
    }
  }
  return policy !== false;
}

/** Sets `target`'s markup (the shadow root's, mostly). */
export function html(target, markup) {
  target.innerHTML = trusted(markup);
}

/** Writes a message for the page's developer to the console. */
export function note(error, text) {
  console[error ? 'error' : 'info'](text);
}

/** Tells the page the selection changed: `spector-select` on the host. */
export function tell(host, country) {
  const init = { bubbles: true, composed: true, detail: { country: country ?? null } };
  host.dispatchEvent(new CustomEvent('spector-select', init));
}

/** How many of the page's px one of the widget's own CSS px covers: more
 *  than 1 under a page's `zoom` or `transform: scale()` on an ancestor
 *  (accessibility toolbars and some themes zoom the article). Boxes and
 *  pointer positions come in the page's px, while the widget places its
 *  tooltip and popovers in its own, so the shell hands Rust its own. */
const zoomOf = (e) => (e?.offsetWidth ? e.getBoundingClientRect().width / e.offsetWidth : 1);

/** Adds `skeleton` (the widget's boxes, empty) to `root` and returns the
 *  width of its map column in ems of its text, as the label groups'
 *  container queries measure it; the widget's markup replaces both next.
 *  Beside what `root` shows, not in its place: without the widget for a
 *  moment (a re-render for a new `lang`), the page could be shorter than
 *  the window and scroll back to its top. */
export function columnWidth(root, skeleton) {
  const box = root.ownerDocument.createElement('div');
  html(box, skeleton);
  root.append(box);
  const column = box.querySelector('.map-col');
  return column ? column.getBoundingClientRect().width / zoomOf(box.firstElementChild) / parseFloat(getComputedStyle(column).fontSize) : 0;
}

/** One mounted widget's elements and listeners. `handle(kind, code, x, y)`
 *  forwards to the Rust widget's `handle` (see `mountWith` in element.js);
 *  it returns true when the browser's default action must not happen. */
export class Shell {
  constructor(root, handle) {
    this.e = PARTS.map((selector) => root.querySelector(selector));
    this.e[ROOT] = root;
    this.handle = handle;
    this.frame = 0;
    this.after = 0;
    this.timer = 0;
    this.off = [];
    const on = (target, kind, listener) => {
      if (!target) return;
      target.addEventListener(kind, listener);
      this.off.push(() => target.removeEventListener(kind, listener));
    };
    const send = (event, kind, code = '', x = 0, y = 0) => {
      if (this.handle(kind, code ?? '', x, y)) event.preventDefault();
    };
    // Where on the map a pointer is: the country hit, if any, and the
    // pointer's position.
    const at = (event, kind, k = zoomOf(this.e[0])) =>
      send(event, kind, event.target.closest('svg.map [data-c]')?.getAttribute('data-c'), event.clientX / k, event.clientY / k);
    on(root, 'pointermove', (event) => {
      const target = event.target;
      // Over the pinned tooltip (to reach its marker) or a popover: keep.
      if (target.closest('.tip,.pop')) return;
      if (target.closest('.map-wrap')) at(event, MOVE);
      else send(event, OUT);
    });
    // A press outside the widget, or Escape there, closes its popover,
    // leaving focus where the reader put it, so two widgets never have one
    // open at once and a popover never stays over the page the reader went
    // on to. The press must begin and end outside, as for Chromium's own
    // popovers, so it is told on its release: a press that begins inside
    // (selecting a quote's text) or ends inside (a drag from the page into
    // the popover) is not one. Its click would come too late to tell: on
    // the two ends' common ancestor, the page.
    const outside = (event) => this.e[OPENER] && !event.composedPath().includes(root.host);
    let pressed;
    on(root.ownerDocument, 'pointerdown', (event) => (pressed = !event.composedPath().includes(root.host)));
    on(root.ownerDocument, 'pointerup', (event) => pressed && outside(event) && send(event, ELSEWHERE));
    // Focus that moves out of the widget (Tab, or Enter on a link of the
    // page, which makes no press) leaves the popover behind for a
    // keyboard reader as a press does for a pointer one: it closes too.
    on(root.ownerDocument, 'focusin', (event) => outside(event) && send(event, ELSEWHERE));
    // Escape anywhere on the page dismisses the tooltip that follows the
    // pointer or the focus, without moving either (WCAG 1.4.13); the
    // pinned one is the selection's, which Escape in the widget clears.
    on(root.ownerDocument, 'keydown', (event) => {
      if (event.key !== 'Escape') return;
      const tip = this.e[TIP];
      if (tip && !tip.hidden && !tip.classList.contains('pin')) send(event, REST);
      if (outside(event)) send(event, ELSEWHERE);
    });
    // A new size (a phone turned, a window resized, a hidden widget shown):
    // what is placed beside something, the tooltip and the popover, is
    // placed again, and a selection's tooltip that had no place is shown.
    const resized = new ResizeObserver(
      () => (this.e[OPENER] || !this.e[TIP]?.hidden || root.querySelector('[data-sel]')) && this.handle(RESIZE, '', 0, 0),
    );
    resized.observe(root.host);
    this.off.push(() => resized.disconnect());
    // Printing: the disagreements, which the screen shows in popovers,
    // go on paper after the sources (see `print` in dom.rs).
    const view = root.ownerDocument.defaultView;
    on(view, 'beforeprint', () => this.handle(PRINT, '', 1, 0));
    on(view, 'afterprint', () => this.handle(PRINT, '', 0, 0));
    on(root, 'click', (event) => {
      let kind = 0;
      let found;
      while (kind < CLICKS.length && !(found = event.target.closest(CLICKS[kind]))) kind++;
      if (kind === 1) return;
      if (kind === CLICKS.length && !event.target.closest('svg.map')) kind--;
      if (kind === 2) {
        this.e[MARKER] = found;
        const differ = found.hasAttribute('data-differ');
        // y: 1 for the open popover's own marker, plus 2 for one in the tooltip.
        const y = +(found === this.e[OPENER]) + 2 * !!found.closest('.tip');
        send(event, CLICK + kind, found.getAttribute(differ ? 'data-differ' : 'data-cite'), +differ, y);
      } else if (kind === 5) send(event, CLICK + kind, found.getAttribute('data-c'));
      else if (kind === CLICKS.length) at(event, CLICK + kind);
      // The pinned tooltip away from its markers: whatever it covers.
      else if (found?.matches('.tip')) at(event, TIP_BODY);
      else send(event, CLICK + kind);
    });
    on(root, 'keydown', (event) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target;
      if (event.key === 'Tab') {
        // Only at an open popover's first or last control (see dom.rs).
        const slot = this.e[SLOT];
        if (!this.e[OPENER] || !slot?.contains(target)) return;
        const list = slot.querySelectorAll(FOCUSABLE);
        if (list[event.shiftKey ? 0 : list.length - 1] === target) send(event, TAB, '', +event.shiftKey);
        return;
      }
      const key = KEYS.indexOf(event.key);
      // E is the zoom button's shortcut: anywhere else in the widget (a
      // chip, a popover, the table view) it is only a letter.
      if (key < 0 || (key < 2 && (!target.closest('.map-col') || !this.e[TABLE].hidden))) return;
      send(event, KEY, target.matches('svg.map path.on') ? target.getAttribute('data-c') : '', key);
      // A key that removed or hid the focused control (Escape clears the
      // selection, and with it the pinned tooltip) leaves focus on the
      // map's tab stop, the country just left, not on the page. (A hidden
      // element keeps focus until the browser's next rendering update.)
      // Focus the page moved elsewhere (a listener of the widget's event
      // may) stays there.
      const now = this.e[ROOT].activeElement;
      const page = root.ownerDocument.activeElement;
      if (now ? now.closest('[hidden]') : !page || page === root.ownerDocument.body) this.e[ROOT].querySelector(STOP)?.focus();
    });
    on(root, 'focusin', (event) => {
      const target = event.target;
      const opener = this.e[OPENER];
      const left = opener && !target.closest('.pop') && !opener.contains(target);
      send(event, FOCUS, target.hasAttribute('role') ? target.getAttribute('data-c') : '', +!!left);
    });
    on(root, 'focusout', (event) => send(event, REST));
    on(this.e[6], 'pointerleave', (event) => send(event, REST));
  }

  part(i) {
    return i === POP ? this.e[SLOT]?.firstElementChild : this.e[i];
  }

  /** Sets a property (innerHTML, textContent, className) of a part. Focus
   *  on the pinned tooltip's marker stays in the widget when new markup
   *  replaces it (the page selected another country): on the new marker,
   *  or where there is none (the tooltip emptied as it hides), on the
   *  map's tab stop, rather than on the page. A tooltip that follows the
   *  pointer is inert, and takes no focus. */
  set(i, name, value) {
    const e = this.part(i);
    if (!e) return;
    const kept = (i === TIP || i === SLOT) && e.contains(this.e[ROOT].activeElement);
    e[name] = name === 'innerHTML' ? trusted(value) : value;
    // The popover's slot emptied under focus (the page selected another
    // country): focus goes back to its marker, as Escape takes it.
    // Without scrolling: the page did this, and the reader may be
    // reading elsewhere in it (a story that selects as it scrolls).
    if (kept && !e.inert && !e.contains(this.e[ROOT].activeElement)) ((i === TIP ? e.querySelector('button') : this.e[OPENER]) ?? this.e[ROOT].querySelector(STOP))?.focus({ preventScroll: true });
  }

  /** Sets an attribute of a part, or removes it when `value` is undefined. */
  attr(i, name, value) {
    const e = this.part(i);
    if (value === undefined) e?.removeAttribute(name);
    else e?.setAttribute(name, value);
  }

  /** Puts `name` on the elements of one country and takes it off all others. */
  flag(name, code) {
    const root = this.e[ROOT];
    for (const e of root.querySelectorAll(`[${name}]`)) e.removeAttribute(name);
    if (code) for (const e of root.querySelectorAll(`[data-c="${code}"]`)) e.setAttribute(name, '');
  }

  /** Sets `name` on every country of the map: `on` for `code`, else `off`. */
  mark(name, code, on, off) {
    for (const e of this.e[ROOT].querySelectorAll('path.on')) e.setAttribute(name, e.getAttribute('data-c') === code ? on : off);
  }

  /** Measures a part (its box, then its offset size); false when it is missing. */
  measure(i) {
    const e = (this.m = this.part(i));
    this.k = zoomOf(this.e[0]);
    // A popover is at most 60% of the window's height. In CSS that is
    // 60vh, which a page's `zoom` on an ancestor scales with everything
    // else: at zoom 2 it was taller than the window. So the widget says it
    // in its own px, through a property the print stylesheet can ignore.
    if (i == POP) e?.style.setProperty('--pop-max', (innerHeight * 0.6) / this.k + 'px');
    this.r = e?.getBoundingClientRect();
    return !!e;
  }

  /** The measured part's left, top, width, height (in the widget's own
   *  px, see `zoomOf`), offsetWidth or offsetHeight. */
  got(k) {
    const r = this.r;
    return k < 4 ? [r.left, r.top, r.width, r.height][k] / this.k : k < 5 ? this.m.offsetWidth : this.m.offsetHeight;
  }

  /** Moves a part to `x`, `y` (CSS px) in its container. A popover just
   *  opened then scrolls into view where it is not whole on screen: its
   *  place below its marker is inside the widget, which on a phone is
   *  several screens tall, and focus on its close button, at its top,
   *  scrolls nothing. Placed again later (the widget changed size), it
   *  does not: the reader may have scrolled away from it on purpose. */
  place(i, x, y) {
    const e = this.part(i);
    if (e) e.style.transform = `translate(${Math.round(x)}px,${Math.round(y)}px)`;
    if (i == POP && this.fresh) {
      e?.scrollIntoView({ block: 'nearest' });
      this.fresh = false;
    }
  }

  /** Focuses a part, or the first element in it matching `selector`, or
   *  with a `code`, the first matching `selector` that is that country's
   *  (codes are two letters A–Z from the geometry, so they need no escaping). */
  focus(i, selector, code) {
    const e = this.part(i);
    (selector ? e?.querySelector(code ? `${selector}[data-c="${code}"]` : selector) : e)?.focus();
  }

  /** Moves focus that is inside part `from`, about to hide, to part `to`. */
  rescue(from, to) {
    if (this.part(from)?.contains(this.e[ROOT].activeElement)) this.part(to)?.focus();
  }

  /** Focus on a country that is no longer the map's tab stop moves to the
   *  one that is. */
  refocus() {
    if (this.e[ROOT].activeElement?.matches('path.on[tabindex="-1"]')) this.focus(ROOT, STOP, '');
  }

  /** Replaces the panel's markup. Focus inside it moves to the new chip of
   *  the country focused, or from any other control of the panel to the
   *  chip of `before`, the country just left. */
  panel(markup, before) {
    const e = this.e[1];
    if (!e) return;
    const active = this.e[ROOT].activeElement;
    // The back button (whose `data-c` is empty) and the citations go
    // away with the old markup.
    const code = active && e.contains(active) ? active.getAttribute('data-c') || before : null;
    html(e, markup);
    if (/^[A-Z]{2}$/.test(code)) e.querySelector(`.chip[data-c="${code}"]`)?.focus();
  }

  /** The marker clicked last now has the open popover (`open`), or the
   *  open popover's marker has none; `aria-expanded` follows. */
  opened(open) {
    const e = this.e;
    this.fresh = open;
    if (open) e[OPENER] = e[MARKER];
    else [e[CLOSED], e[OPENER]] = [e[OPENER], null];
    e[open ? OPENER : CLOSED]?.setAttribute('aria-expanded', String(open));
  }

  tell(country) {
    tell(this.e[ROOT].host, country);
  }

  /** Asks for the next animation frame, as a `FRAME` event; false (and no
   *  frame) when the reader prefers reduced motion. */
  animate() {
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) return false;
    this.frame ||= requestAnimationFrame((now) => {
      this.frame = 0;
      this.handle(FRAME, '', now, 0);
    });
    return true;
  }

  /** Fills the label group of a view (`w`, `e`) and width bucket. */
  labels(view, bucket, markup) {
    const group = this.e[ROOT].querySelector(`.lb.v-${view}.b${bucket}`);
    if (group) html(group, markup);
  }

  /** Puts in what the first frame left out (`complete` in dom.rs): the
   *  panel into `.side`, the timeline after it, the downloads and the
   *  sources before the live region. */
  rest(side, timeline, end) {
    const e = this.e;
    if (e[1]) {
      html(e[1], side);
      e[1].insertAdjacentHTML('afterend', trusted(timeline));
    }
    e[3]?.insertAdjacentHTML('beforebegin', trusted(end));
  }

  /** Asks for a `LATER` event once the next frame has been painted. */
  later() {
    this.after ||= requestAnimationFrame(() => {
      this.timer = setTimeout(() => {
        this.after = this.timer = 0;
        this.handle(LATER, '', 0, 0);
      });
    });
  }

  /** Removes every listener and the pending frames: the Rust widget is being freed. */
  free() {
    for (const off of this.off) off();
    this.off = [];
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.after);
    clearTimeout(this.timer);
    this.frame = this.after = this.timer = 0;
  }
}
