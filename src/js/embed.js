// Entry point of pkg/embed.js: one classic script, with the wasm inlined
// as bytes, so that one <script> tag is all a page needs, and it also works
// from file:// where a .wasm cannot be fetched.

import init, { Widget } from '../../pkg/spector_widget.js';
import wasmBytes from '../../pkg/spector_widget_bg.wasm';
import { define } from './element.js';

define(() => init({ module_or_path: wasmBytes }).then(() => ({ Widget })));
