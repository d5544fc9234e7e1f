// The wasm module's bytes, inlined into the bundle as a string with one
// character per byte (U+0000 to U+00FF). tools/embed/build-embed.mjs puts
// the real string in place of the marker below after bundling. Unlike
// base64 this keeps byte boundaries, so the transfer compression (brotli,
// gzip) finds the module's repetitions: about 20 KB less on the wire.

const text = '__SPECTOR_WASM_BYTES__';

/* Whether this script was decoded as UTF-8. tools/embed/build-embed.mjs
 * replaces the marker with `"é".length===1` after bundling (the bundler
 * would fold that to `true` and drop the repair below). Decoded as UTF-8,
 * "é" (C3 A9) is one character; if a host page made the browser decode this
 * script as windows-1252 it is two ("Ã©"), and so is every byte ≥ 0x80 of
 * the module, which `bytes()` then repairs. */
/* global __SPECTOR_DECODED_AS_UTF8__ */

// windows-1252 maps bytes 0x80–0x9F to these code points, not to
// U+0080–U+009F. Numbers, not a string, so they read the same however
// this file was decoded.
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** One byte per character of `chars`. Where the browser has
 *  `Uint8Array.fromBase64`, the two native passes (`btoa` takes exactly
 *  such a string) take a fraction of a millisecond; a plain loop over the
 *  module's 160 KB took about 5 ms of the time to first render, most of it
 *  before V8 optimised the loop. */
function latin1(chars) {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(btoa(chars));
  const out = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) out[i] = chars.charCodeAt(i);
  return out;
}

/** The module's bytes, whichever way the script was decoded. */
export function bytes() {
  if (__SPECTOR_DECODED_AS_UTF8__) return latin1(text);
  // Mis-decoded: turn characters back into the UTF-8 bytes they came from,
  // then decode those as UTF-8 to get one character per module byte.
  const raw = Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    const i = CP1252.indexOf(code);
    return i >= 0 ? 0x80 + i : code & 0xff;
  });
  return latin1(new TextDecoder('utf-8').decode(raw));
}
