// The wasm module, inlined as bytes and instantiated synchronously on first
// use: once per page, however many widgets it has. Synchronous, so a widget
// near the top of an article renders before the page lays out further and
// nothing below it jumps.

import { initSync, Widget } from '../../pkg/spector_widget.js';
import wasmBytes from '../../pkg/spector_widget_bg.wasm';

let exports;

export function wasm() {
  if (!exports) {
    initSync({ module: wasmBytes });
    exports = { Widget };
  }
  return exports;
}
