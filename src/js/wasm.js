// The wasm module, inlined as bytes and instantiated synchronously on first
// use: once per page, however many widgets it has. Synchronous, so a widget
// near the top of an article renders before the page lays out further and
// nothing below it jumps.

import { initSync, Widget } from '../../pkg/spector_widget.js';
import { writable } from './dom.js';
import { bytes } from './wasm-bytes.js';

let exports;

/** The wasm exports, or null when this page cannot run WebAssembly (its
 *  Content-Security-Policy lacks 'wasm-unsafe-eval', say) or lets the
 *  widget write no markup (see `writable`). Then widgets leave their static
 *  fallback content in place, and one console message says why. */
export function wasm() {
  if (exports === undefined) {
    exports = null;
    if (!writable()) return exports;
    try {
      initSync({ module: bytes() });
      exports = { Widget };
    } catch (error) {
      console.warn(
        "spector-widget: WebAssembly cannot run on this page, so the widget's static version (if the page has one) is shown. " +
          "If the page has a Content-Security-Policy, its script-src needs 'wasm-unsafe-eval'; and the script must be served as UTF-8. (" +
          (error?.message ?? error) +
          ')',
      );
    }
  }
  return exports;
}
