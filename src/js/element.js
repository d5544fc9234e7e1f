// The JS shell around the Rust core: it gives the core a shadow root,
// fetches `src` bundles, and tells the core when to start and stop.
// Everything the reader sees is rendered by Rust (src/render); this file
// only wires life cycles to it. `Controller` is shared by the
// <spector-widget> element and the npm API's `mount()`.

import css from '../render/style.css';
// The page's calls reach the widget's `handle` as events of these kinds.
import { REST, SELECT, SHOW_TABLE, VIEW, html, tell } from './dom.js';

export const TAG = 'spector-widget';

/** How long a `src` bundle may take to arrive before the widget gives up. */
const FETCH_TIMEOUT_MS = 10000;


/** Widgets further than this below the viewport wait until the reader
 *  scrolls near them, so a long page with many widgets starts fast. */
const LAZY_MARGIN = '100% 0px';

let sheet;

/** One constructed stylesheet shared by every widget: no inline <style>,
 *  so a strict style-src Content-Security-Policy is respected. */
function styles() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/**
 * One widget's life: mount into `host`'s shadow root, re-mount when the
 * bundle changes, free the Rust side on destroy. `wasm()` returns the wasm
 * exports, instantiating the module on first use only; `read()` resolves
 * to the bundle reader (reader.js), fetched on first use only.
 */
export class Controller {
  constructor(host, wasm, read, options = {}) {
    this.host = host;
    this.wasm = wasm;
    this.read = read;
    this.options = { ...options };
    this.run = null;
    this.widget = null;
    // Calls into the widget under way, and the widgets stopped during one,
    // to free once it returns (see `stop`).
    this.calls = 0;
    this.stopped = [];
    // The selection the page was last told of (`spector-select`) is the
    // one a re-render keeps (a new `lang` or `src`, or a move in the
    // document); `told` counts the events, so `mountWith` can tell whether
    // the new widget said anything.
    this.told = 0;
    this.heard = (event) => {
      if (event.target !== host) return;
      this.told++;
      this.options.country = event.detail.country ?? '';
    };
    host.addEventListener('spector-select', this.heard);
  }

  /** Stops for good: `mount()`'s `destroy`, after which the element may
   *  get another controller. */
  destroy() {
    this.stop();
    this.host.removeEventListener('spector-select', this.heard);
  }

  /** The shadow root, attached only once the module runs: until then the
   *  author's light-DOM fallback (the static version) stays visible. Its
   *  stylesheet is put back each time, since `fellBack` may take it away. */
  get root() {
    const root = this.host.shadowRoot ?? this.host.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styles()];
    return root;
  }

  /** Renders now: synchronously for the embedded bundle, so the page never
   *  lays out a widget without its content; after the fetch for `src`. */
  start() {
    this.stop();
    const run = (this.run = {});
    if (!this.wasm()) return;
    const { src } = this.options;
    if (!src) {
      this.mountWith(run);
      return;
    }
    const fail = (error) => {
      if (this.run !== run) return;
      // Rust words the failure: for the article's reader in the widget's
      // language, for the console in English. Anything unforeseen, and what
      // kept the bundle reader from loading, is logged as is. `mount` shows
      // a failure when its `failure` is not 0 (no handler).
      if (!error?.failure || error.cause) console.error('spector-widget:', error?.cause ?? error);
      const [kind, detail] = error?.failure ?? [3, 0];
      this.widget = this.wasm().Widget.mount(this.root, src, null, null, this.lang(), null, kind + 1, detail);
      fellBack(this.host);
    };
    // A `src` the widget does not load is said to be one, at once, and
    // nothing is fetched, the reader neither: fetch refuses a
    // `javascript:` URL or a file path as it refuses an unreachable
    // server, and the journalist went looking for a network problem.
    if (!loads(src)) return fail(failed(5, 0));
    // The reader loads while the bundle does; a failed fetch of the bundle
    // is reported before anything about the reader.
    const reading = this.read();
    reading.catch(() => {});
    fetchBundle(src, run)
      .then((bytes) => reading.then((read) => [asText(bytes), read(bytes)]))
      .then(([text, packed]) => this.run === run && this.mountWith(run, text, packed), fail);
  }

  /** The interface language: the `lang` option (the element's attribute),
   *  else the nearest ancestor's `lang` (the article's), else English. Rust
   *  maps it to a language it speaks (`de-AT` → German) and notes once per
   *  page when it cannot. */
  lang() {
    const own = this.options.lang?.trim();
    if (own) return own;
    const near = this.host.closest?.('[lang]')?.getAttribute('lang')?.trim();
    return near || 'en';
  }

  mountWith(run, text, packed) {
    const { Widget } = this.wasm();
    const host = this.host;
    // Where the widget takes the static version's place, a reader who had
    // scrolled into that (some 13,000 px on a phone, the widget 2,000)
    // would land wherever the shorter widget left the page, at the end of
    // its sources: the widget's top comes to the top of the screen instead,
    // the widget completed first, so the text after it does not show under
    // the map for one frame and then move away. A reader below the static
    // version keeps the text in view through the browser's scroll
    // anchoring, and one above its top is not moved. The static version
    // is what shows while the shadow root, if any, holds no widget markup
    // (`.sw`): none yet, or only the slot `fellBack` puts in. A refused
    // bundle leaves it in view, and the reader where they were.
    const again = host.shadowRoot?.querySelector('.sw');
    const { top, bottom } = again ? {} : host.getBoundingClientRect();
    const root = this.root;
    // Focus inside the widget (a keyboard or screen-reader user on a
    // country, a chip, a button) would fall to the page when the markup is
    // replaced: it goes to the same control in the new markup, found by
    // its tag, class and code, and among several alike (a figure's marker
    // in the headline and in the panel) by its place among them. Focus in
    // a popover, which a re-render closes, goes to its marker.
    let old = root.activeElement;
    if (old?.closest('.pop-slot')) old = root.querySelector('[aria-expanded=true]');
    const same = () =>
      [...root.querySelectorAll(old.localName)].filter((e) =>
        ['class', 'data-c', 'data-cite', 'data-differ'].every((name) => e.getAttribute(name) === old.getAttribute(name)),
      );
    const nth = old && same().indexOf(old);
    // The shell's listeners reach the widget through `handle`, which
    // forwards only while this controller shows that widget: not before
    // `mount` has returned it, and not once `stop` has let it go, because
    // calling a freed widget throws.
    let widget;
    const handle = (kind, code, x, y) =>
      this.widget === widget && this.call((w) => w.handle(kind, code, x, y));
    widget = this.widget = Widget.mount(root, this.options.src, text, packed, this.lang(), handle, 0, 0);
    // A re-render replaces a whole widget: the new one is whole at once
    // too, or for a frame the page would be shorter and, read near its end,
    // scroll back. So is one the reader is brought to.
    const inside = !again && top < 0 && bottom > 0;
    if (!fellBack(host) && (again || inside)) {
      handle(REST, '', 0, 0);
      if (inside) host.scrollIntoView();
    }
    const { view, country } = this.options;
    if (country) {
      // As written: Rust reads the code in any case, and names it so in a note.
      const told = this.told;
      this.call((w) => w.handle(SELECT, country, 0, 0));
      // A selection the page was told of and this bundle lacks (a new
      // `src`) is gone, and the page hears so.
      if (this.told === told && told) {
        this.options.country = '';
        tell(this.host, null);
      }
    }
    // After the selection, which zooms to Europe for a country there: the
    // view asked for, or the reader's, wins.
    if (view) this.call((w) => w.handle(VIEW, view, 0, 0));
    if (this.table) this.call((w) => w.handle(SHOW_TABLE, '', 0, 0));
    // Unless the page moved focus meanwhile (a `spector-select` listener
    // may): the same control (focus was in the widget, so this is a
    // re-render, whole at once above), else the map's tab stop, else (the
    // table view) the table button. The page does not scroll: the control
    // is where it was.
    const doc = root.ownerDocument;
    if (old && doc.activeElement === doc.body) {
      for (const e of [same()[nth], root.querySelector('path.on[tabindex="0"]'), root.querySelector('.as-table')]) {
        if (!root.activeElement) e?.focus({ preventScroll: true });
      }
    }
  }

  /** `f(widget)` for the widget shown, if any, counted as a call under way
   *  (see `stop`): selecting sends `spector-select`, and its listeners may
   *  remove the element. */
  call(f) {
    const widget = this.widget;
    if (!widget) return false;
    this.calls++;
    try {
      return f(widget);
    } finally {
      if (!--this.calls) for (const stopped of this.stopped.splice(0)) stopped.free();
    }
  }

  select(country) {
    this.options.country = country ?? '';
    this.call((w) => w.handle(SELECT, country ?? '', 0, 0));
  }

  /** Shows `view`; none (a removed attribute) is the default, the world. */
  setView(view) {
    this.options.view = view;
    this.call((w) => w.handle(VIEW, view || 'world', 0, 0));
  }

  /** Re-renders with new options (a new `src` or `lang`), keeping what the
   *  reader chose (see `stop`). */
  update(options) {
    Object.assign(this.options, options);
    if (this.run) this.start();
  }

  stop() {
    this.run?.abort?.();
    this.run = null;
    const widget = this.widget;
    this.widget = null;
    // The view the reader chose (where a zoom is going, else the one
    // shown) and the table view stay through a re-render too, unless the
    // page asks otherwise meanwhile.
    const shown = widget && this.host.shadowRoot;
    const wrap = shown?.querySelector('.map-wrap');
    const view = wrap?.getAttribute('data-to') || wrap?.getAttribute('data-view');
    if (view) this.options.view = view === 'e' ? 'europe' : 'world';
    // (A bundle refused shows no table button, and says nothing about it.)
    const table = shown?.querySelector('.as-table');
    if (table) this.table = table.getAttribute('aria-pressed') === 'true';
    // A page may remove the element while the widget answers an event (a
    // `spector-select` listener, a focus listener). wasm-bindgen throws when
    // an object is freed while one of its methods runs, so such a widget is
    // freed once that call has returned; no event reaches it meanwhile.
    if (!widget) return;
    if (this.calls) this.stopped.push(widget);
    else widget.free();
  }
}

/**
 * Whether `host`'s widget shows why it has nothing to show (a bundle that
 * did not arrive or was refused; the console has said why). Where the
 * element holds the author's static version, that is shown instead, since
 * it has every figure: a default slot and no stylesheet show it exactly as
 * it was before the widget started.
 */
function fellBack(host) {
  const root = host.shadowRoot;
  const failed = root.querySelector('.sw-error');
  if (failed && (host.children.length || host.textContent.trim())) {
    root.adoptedStyleSheets = [];
    html(root, '<slot>');
  }
  return failed;
}

/** The element class this copy defined, if it did. */
let defined;

/**
 * Registers <spector-widget>, unless another copy (another version) of the
 * widget already did: then this copy steps aside with a note, because
 * defining an element twice would throw on the host page. Called again,
 * this copy's own definition stands, in silence.
 */
export function define(wasm, read) {
  const existing = customElements.get(TAG);
  if (existing) {
    if (existing === defined) return true;
    console.info('spector-widget: <spector-widget> is already defined on this page; this copy is not used.');
    return false;
  }
  let lazy;
  const observer = () =>
    (lazy ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) {
            lazy.unobserve(entry.target);
            entry.target._begin();
          }
        }
      },
      { rootMargin: LAZY_MARGIN },
    ));

  class SpectorWidget extends HTMLElement {
    static get observedAttributes() {
      return ['src', 'lang', 'country', 'view'];
    }

    connectedCallback() {
      this._controller ??= new Controller(this, wasm, read, this._options());
      // Near the viewport: render right away, before the page paints on.
      // Far below it: wait until the reader comes near.
      const { top } = this.getBoundingClientRect();
      if (top < innerHeight * 2) this._begin();
      else observer().observe(this);
    }

    disconnectedCallback() {
      lazy?.unobserve(this);
      this._controller?.stop();
    }

    // Only the attribute that changed: the others may be out of date, since
    // the reader has chosen since (a country, a view).
    attributeChangedCallback(name, _, value) {
      const controller = this._controller;
      if (!controller) return;
      value ||= undefined;
      if (!controller.run) controller.options[name] = value;
      else if (name === 'country') controller.select(value);
      else if (name === 'view') controller.setView(value);
      else controller.update({ [name]: value });
    }

    _begin() {
      this._controller.start();
    }

    _options() {
      return {
        src: this.getAttribute('src') || undefined,
        lang: this.getAttribute('lang') || undefined,
        country: this.getAttribute('country') || undefined,
        view: this.getAttribute('view') || undefined,
      };
    }
  }

  customElements.define(TAG, (defined = SpectorWidget));
  return true;
}

/** A failed fetch: a kind (0 HTTP, 1 network, 2 timeout, 5 an address the
 *  widget does not load; 4, the reader, is reader.js's) and a number (the
 *  status, the seconds), which `mount` takes as `failure` (the kind plus
 *  one) and `detail`. */
function failed(kind, detail) {
  const error = new Error(`fetch failed (${kind}, ${detail})`);
  error.failure = [kind, detail];
  return error;
}

/** Whether the widget fetches `src`: an http or https address or a path
 *  relative to the page (resolved here against an http base, so that one
 *  stays relative on a `file:` page too, where the fetch then fails as
 *  before), or a `data:` or `blob:` URL, which a page's script may build
 *  from a bundle it holds. Read by the URL parser, as fetch would read it,
 *  so a tab inside `java\tscript:` or spaces before it change nothing.
 *  What the parser refuses ("http://exa mple.org/") is left to fetch,
 *  which says it could not load it. */
function loads(src) {
  try {
    return /^(https?|data|blob):$/.test(new URL(src, 'http://x').protocol);
  } catch {
    return true;
  }
}

/** A bundle's bytes as text, for its download and for sharing one render
 *  among widgets showing the same text; '' (no bundle's text) where they
 *  are not UTF-8, which the reader refuses in its own words. Decoding
 *  skips a UTF-8 byte-order mark, as the reader does. */
function asText(bytes) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return '';
  }
}

/** Fetches a bundle's bytes (not its text: the reader decodes them, so
 *  bytes that are not UTF-8 are refused as `spector-facts` refuses them),
 *  cancelled when the widget stops or after the timeout; a failure says
 *  what went wrong (see `failed`), and Rust turns it into a sentence a
 *  journalist can act on. */
function fetchBundle(src, run) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), FETCH_TIMEOUT_MS);
  run.abort = () => controller.abort(new Error('removed'));
  return fetch(src, { signal: controller.signal })
    .then((response) => {
      if (!response.ok) throw failed(0, response.status);
      return response.arrayBuffer();
    })
    .catch((error) => {
      if (controller.signal.reason?.message === 'timeout') {
        throw failed(2, FETCH_TIMEOUT_MS / 1000);
      }
      if (error instanceof TypeError) throw failed(1, 0);
      throw error;
    })
    .finally(() => clearTimeout(timer));
}
