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
 *  defined it (that copy keeps working); true again on a second call. */
export function define() {
  return defineElement(wasm, read);
}

/** Renders the widget into `element`'s (open) shadow root. */
export function mount(element, options = {}) {
  // The stylesheet reads the theme from the host's attribute, as it does
  // for <spector-widget theme="dark">; `destroy` puts back what was there.
  const theme = element.getAttribute('theme');
  if (options.theme) element.setAttribute('theme', options.theme);
  const controller = new Controller(element, wasm, read, options);
  controller.start();
  return {
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
      controller.destroy();
      element.shadowRoot?.replaceChildren();
      if (options.theme) {
        if (theme === null) element.removeAttribute('theme');
        else element.setAttribute('theme', theme);
      }
    },
  };
}
