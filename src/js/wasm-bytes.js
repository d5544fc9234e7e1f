// The wasm module's bytes, inlined into the bundle as a string with one
// character per byte (U+0000 to U+00FF). tools/embed/build-embed.mjs puts
// the real string in place of the marker below after bundling. Unlike
// base64 this keeps byte boundaries, so the transfer compression (brotli,
// gzip) finds the module's repetitions: about 20 KB less on the wire.

const text = '__SPECTOR_WASM_BYTES__';

// The string holds only characters up to U+00FF when this script was
// decoded as UTF-8 (or escaped to ASCII by a bundler). A host page that
// makes the browser decode it as windows-1252 turns every byte of 0x80 or
// more into two characters, and some of those lie above U+00FF, which is
// how `bytes()` tells (build-embed.mjs checks that this module has such
// bytes). The string itself is the test: a probe like `"é".length === 1`
// is folded to `true` by minifiers (esbuild, terser), and a site's build
// minifies this file again.

// windows-1252 maps bytes 0x80–0x9F to these code points, not to
// U+0080–U+009F. Numbers, not a string, so they read the same however
// this file was decoded.
const CP1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** One byte per character of `chars`, or null when a character is not a
 *  byte. Where the browser has `Uint8Array.fromBase64`, the two native
 *  passes (`btoa` takes exactly such a string, and throws on any other)
 *  take a fraction of a millisecond; a plain loop over the module's
 *  160 KB took about 5 ms of the time to first render, most of it before
 *  V8 optimised the loop. */
function latin1(chars) {
  if (Uint8Array.fromBase64) {
    try {
      return Uint8Array.fromBase64(btoa(chars));
    } catch {
      return null;
    }
  }
  const out = new Uint8Array(chars.length);
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    if (code > 0xff) return null;
    out[i] = code;
  }
  return out;
}

/** The module's bytes, whichever way the script was decoded. Mis-decoded,
 *  the characters go back to the UTF-8 bytes they came from, and those
 *  decode as UTF-8 to one character per module byte. */
export function bytes() {
  return (
    latin1(text) ??
    latin1(
      new TextDecoder().decode(
        Uint8Array.from(text, (c) => {
          const code = c.charCodeAt(0);
          const i = CP1252.indexOf(code);
          return i < 0 ? code : 0x80 + i;
        }),
      ),
    )
  );
}
