// The npm package's ES module API (pkg/index.js).
//
//   import { define, mount } from 'spector-widget';
//   define();                                   // <spector-widget> elements
//   const handle = mount(el, { country: 'DE' }); // or render into any element
//   handle.select('US'); handle.destroy();

import { Controller, define as defineElement } from './element.js';
import { reader } from './reader.js';
import { wasm } from './wasm.js';

/** The bundle reader, fetched for a `src` only; bundlers see the URL and
 *  ship the file with the build. */
const read = () => reader(() => new URL('./spector_reader.wasm', import.meta.url));

/** Registers <spector-widget>. Returns false when another copy already
 *  defined it (that copy keeps working), and where there is no DOM to
 *  define it in: a site's server-side render runs the same module, and
 *  calls this there too. True again on a second call. */
export function define() {
  return typeof customElements === 'object' && defineElement(wasm, read);
}

/** The handle of the widget mounted into each element: a second `mount`
 *  into one element replaces the first, which would otherwise keep
 *  listening and wipe the second's markup on its `destroy`. */
const mounted = new WeakMap();

/** Renders the widget into `element`'s (open) shadow root. */
export function mount(element, options = {}) {
  // A server-side render runs this module too: say that mount() belongs in
  // the browser, rather than "Element is not defined".
  if (typeof Element !== 'function') throw new TypeError('spector-widget: mount() needs a browser DOM, and there is none here: call it in the browser');
  // The usual slip is a selector that matched nothing: say so, rather
  // than "cannot read properties of null" from inside the widget.
  if (!(element instanceof Element)) throw new TypeError(`spector-widget: mount() needs an element, and got ${element}`);
  // The widget draws in a shadow root, which HTML allows only on these
  // elements and custom ones; attachShadow's own refusal names neither the
  // widget nor an element that would do.
  if (!element.shadowRoot && !(element instanceof HTMLElement && /^(article|aside|blockquote|body|div|footer|h[1-6]|header|main|nav|p|section|span|[a-z].*-.*)$/.test(element.localName))) {
    throw new TypeError(`spector-widget: mount() needs an element that can hold a shadow root, such as a div, and <${element.localName}> cannot`);
  }
  mounted.get(element)?.destroy();
  // The stylesheet reads the theme from the host's attribute, as it does
  // for <spector-widget theme="dark">; `destroy` puts back what was there.
  const theme = element.getAttribute('theme');
  if (options.theme) element.setAttribute('theme', options.theme);
  const controller = new Controller(element, wasm, read, options);
  controller.start();
  const handle = {
    select(country) {
      controller.select(country);
    },
    setView(view) {
      controller.setView(view);
    },
    setLang(lang) {
      controller.update({ lang });
    },
    destroy() {
      if (mounted.get(element) !== handle) return;
      mounted.delete(element);
      controller.destroy();
      // A shadow root cannot be taken away: one with a slot and no
      // stylesheet shows the element's own content again, as it was.
      const root = element.shadowRoot;
      if (root) {
        root.adoptedStyleSheets = [];
        root.replaceChildren(element.ownerDocument.createElement('slot'));
      }
      if (options.theme) {
        if (theme === null) element.removeAttribute('theme');
        else element.setAttribute('theme', theme);
      }
    },
  };
  mounted.set(element, handle);
  return handle;
}
