// Entry point of pkg/embed.js: one classic script, with the wasm inlined
// as bytes, so that one <script> tag is all a page needs, and it also works
// from file:// where a .wasm cannot be fetched.

import { define } from './element.js';
import { wasm } from './wasm.js';

define(wasm);
