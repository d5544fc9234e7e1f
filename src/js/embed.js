// Entry point of pkg/embed.js: one classic script, with the wasm inlined
// as bytes, so that one <script> tag is all a page needs, and it also works
// from file:// where a .wasm cannot be fetched. Only a widget with a `src`
// fetches more: the bundle, and the reader next to this script.

import { define } from './element.js';
import { reader } from './reader.js';
import { wasm } from './wasm.js';

// Where there is no DOM (a site's server-side render imports the
// package's `embed.js` too), there is nothing to define.
if (typeof customElements === 'object') {
  // Read while this script runs: `currentScript` is null afterwards.
  const here = document.currentScript?.src || location.href;
  define(wasm, () => reader(() => new URL('spector_reader.wasm', here)));
}
