// Bundles the package's two entry points from the JS shell, the
// wasm-bindgen glue and the wasm bytes: pkg/embed.js, one minified classic
// script (IIFE) that defines nothing global but <spector-widget>, and
// pkg/index.js, the ES module API. Writes pkg/package.json and prints sizes.

import { build, transform } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { leb, toLeb } from './leb.mjs';

const version = /^version = "(.*)"$/m.exec(readFileSync('Cargo.toml', 'utf8'))[1];

// The stylesheet reaches the bundle as a string (the shell hands it to a
// constructed stylesheet), minified by esbuild's CSS minifier on the way.
const minifiedCss = {
  name: 'minified-css-text',
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const css = readFileSync(args.path, 'utf8');
      const { code } = await transform(css, { loader: 'css', minify: true, target: ['chrome100', 'firefox100', 'safari15'] });
      return { contents: code, loader: 'text' };
    });
  },
};

// wasm-bindgen names each import `__wbg_<name>_<16 hex digits>`, a hash
// that keeps imports of the same name from different JS modules apart.
// The hashes are random to brotli and sit in both the glue and the wasm's
// import section (0.27 KB of embed.js, brotli), so the bundle gets the names
// without them: the wasm's import section is rewritten below and the
// glue's import object gets the same names as it is bundled, so pkg/embed.js
// and pkg/index.js each hold a matching pair. The files in pkg/ stay as
// wasm-bindgen wrote them. The build stops if two names would become one,
// if the rewritten module does not read back with the new names, or if an
// old name is not found exactly once in the glue.
const HASHED_IMPORT = /^__wbg_(\w+)_[0-9a-f]{16}$/;
// Every import comes from one module, named after the glue's file; its
// name is repeated for every import, so it becomes one letter too.
const GLUE_MODULE = './spector_widget_bg.js';
const SHORT_GLUE_MODULE = 'g';

/** The wasm with its hashed import names shortened, and the renames made
 *  (old name → new name). Only the import section changes; every other
 *  section is copied as it is. */
function shortenImports(wasm) {
  const renames = new Map();
  const names = [];
  // Sections are kept as slices and joined once: spreading a section of
  // tens of kilobytes into an array's push would hit the engine's limit on
  // arguments as the module grows.
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = leb(wasm, at + 1);
    const end = start + size;
    if (id !== 2) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
    // The import section: a count, then per import its module name, its
    // name and what it imports (a function, table, memory, global or tag).
    const body = [];
    const name = (p) => {
      const [length, from] = leb(wasm, p);
      return [new TextDecoder().decode(wasm.subarray(from, from + length)), from + length];
    };
    const pushName = (text) => {
      const bytes = new TextEncoder().encode(text);
      body.push(...toLeb(bytes.length), ...bytes);
    };
    let [count, p] = leb(wasm, start);
    body.push(...toLeb(count));
    for (; count > 0; count--) {
      let module, field;
      [module, p] = name(p);
      [field, p] = name(p);
      if (module !== GLUE_MODULE) throw new Error(`wasm import ${field} from ${module}, not the glue`);
      const short = HASHED_IMPORT.exec(field)?.[1];
      if (short) renames.set(field, short);
      names.push(short ?? field);
      pushName(SHORT_GLUE_MODULE);
      pushName(short ?? field);
      const descStart = p;
      const kind = wasm[p++];
      const limits = () => {
        const flags = wasm[p++];
        [, p] = leb(wasm, p);
        if (flags & 1) [, p] = leb(wasm, p);
      };
      if (kind === 0) [, p] = leb(wasm, p); // a function: its type
      else if (kind === 1) p++, limits(); // a table: its element type, limits
      else if (kind === 2) limits(); // a memory
      else if (kind === 3) p += 2; // a global: its value type, mutability
      else throw new Error(`wasm import ${field}: unknown kind ${kind}`);
      body.push(...wasm.subarray(descStart, p));
    }
    if (p !== end) throw new Error('wasm import section: unexpected length');
    out.push(Uint8Array.from([id, ...toLeb(body.length), ...body]));
    at = end;
  }
  if (new Set(names).size !== names.length) throw new Error(`wasm imports: two names become one in ${names}`);
  const shortened = new Uint8Array(Buffer.concat(out));
  // The rewritten module must still be valid and import exactly these names.
  const imported = WebAssembly.Module.imports(new WebAssembly.Module(shortened)).map((i) => i.name);
  if (imported.join() !== names.join()) throw new Error('wasm imports: the rewritten module does not read back');
  return { shortened, renames };
}

const { shortened: wasmBytes, renames: importRenames } = shortenImports(readFileSync('pkg/spector_widget_bg.wasm'));

// What the glue holds that this package never runs, cut as it is bundled
// (each text must be found exactly once, or the build stops; 0.5 KB raw,
// 0.2 KB brotli): `passStringToWasm0` is always given
// `__wbindgen_realloc`, which the wasm exports; `encodeInto` (Chrome 74,
// Firefox 66, Safari 14.1) is in every browser that can run the widget
// (the shell's syntax needs Chrome 80, its constructable stylesheets
// Firefox 101 and Safari 16.4), so its polyfill is not needed; nothing
// uses `Symbol.dispose` on a widget (element.js frees it), nor the module
// and instance kept beside the exports; wasm.js calls `initSync` once,
// with `{ module }`, so the already-initialised and deprecated-argument
// branches are never taken.
const GLUE_CUTS = [
  [
    `    if (realloc === undefined) {
        const buf = cachedTextEncoder.encode(arg);
        const ptr = malloc(buf.length, 1) >>> 0;
        getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
        WASM_VECTOR_LEN = buf.length;
        return ptr;
    }
`,
    '',
  ],
  [
    `if (!('encodeInto' in cachedTextEncoder)) {
    cachedTextEncoder.encodeInto = function (arg, view) {
        const buf = cachedTextEncoder.encode(arg);
        view.set(buf);
        return {
            read: arg.length,
            written: buf.length
        };
    };
}
`,
    '',
  ],
  ['if (Symbol.dispose) Widget.prototype[Symbol.dispose] = Widget.prototype.free;\n', ''],
  ['let wasmModule, wasmInstance, wasm;', 'let wasm;'],
  ['    wasmInstance = instance;\n', ''],
  ['    wasmModule = module;\n', ''],
  [
    `function initSync(module) {
    if (wasm !== undefined) return wasm;


    if (module !== undefined) {
        if (Object.getPrototypeOf(module) === Object.prototype) {
            ({module} = module)
        } else {
            console.warn('using deprecated parameters for \`initSync()\`; pass a single object instead')
        }
    }
`,
    `function initSync({ module }) {
`,
  ],
];

// The glue's import object, with the same names as the rewritten wasm, and
// its functions written as methods (`attr(…) {…}` instead of
// `attr: function(…) {…}`): the wasm only calls them, never with `new`.
// One per hashed import, and `__wbindgen_init_externref_table`; the build
// stops on any other count.
const IMPORT_FUNCTION = /^( +)(\w+): function\(/gm;
const shortImportsInGlue = {
  name: 'short-import-names',
  setup(b) {
    b.onLoad({ filter: /[\\/]pkg[\\/]spector_widget\.js$/ }, (args) => {
      let glue = readFileSync(args.path, 'utf8');
      for (const [hashed, short] of [...importRenames, [`"${GLUE_MODULE}":`, `"${SHORT_GLUE_MODULE}":`], ...GLUE_CUTS]) {
        const parts = glue.split(hashed);
        if (parts.length !== 2) throw new Error(`glue: ${hashed} found ${parts.length - 1} times, not once`);
        glue = parts.join(short);
      }
      const functions = glue.match(IMPORT_FUNCTION)?.length ?? 0;
      if (functions !== importRenames.size + 1) throw new Error(`glue: ${functions} import functions, not ${importRenames.size + 1}`);
      glue = glue.replace(IMPORT_FUNCTION, '$1$2(');
      return { contents: glue, loader: 'js' };
    });
  },
};

// The shell's element.js and wasm.js import src/js/dom.js, and the glue
// imports the copy wasm-pack made of it in pkg/snippets. Both resolve to
// that copy, so the bundle holds the module once: one Trusted Types policy
// (a page allows a policy name once) and one `tell`, not two of each.
const domCopy = /from '\.\/(snippets\/[^']+\/src\/js\/dom\.js)'/.exec(readFileSync('pkg/spector_widget.js', 'utf8'))?.[1];
if (!domCopy) throw new Error('glue: no import of src/js/dom.js from pkg/snippets');
const oneDomModule = {
  name: 'one-dom-module',
  setup(b) {
    b.onResolve({ filter: /^\.\/dom\.js$/ }, () => ({ path: resolve('pkg', domCopy) }));
  },
};

const shared = {
  bundle: true,
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  plugins: [minifiedCss, shortImportsInGlue, oneDomModule],
  // Keep non-ASCII characters as they are (the probe in wasm-bytes.js);
  // the files are written and served as UTF-8.
  charset: 'utf8',
  // The glue's fallback `new URL('…_bg.wasm', import.meta.url)` is never
  // reached: the bytes are always passed in.
  logOverride: { 'empty-import-meta': 'silent' },
  banner: {
    js: `/*! spector-widget ${version} | MIT OR Apache-2.0 | map data: Natural Earth (public domain) */`,
  },
};

// The drop-in: a classic script that defines <spector-widget> and nothing
// global besides it.
await build({ ...shared, entryPoints: ['src/js/embed.js'], outfile: 'pkg/embed.js', format: 'iife' });

// The ES module API for site builds: define() and mount().
await build({ ...shared, entryPoints: ['src/js/index.js'], outfile: 'pkg/index.js', format: 'esm' });

// Put the wasm bytes in place of the marker, one character per byte. Only
// the characters a string literal cannot hold raw are escaped: the quote,
// the backslash and the two line terminators.
const wasmLiteral = (() => {
  let out = '';
  for (const b of wasmBytes) {
    if (b === 0x27) out += "\\'";
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else out += String.fromCharCode(b);
  }
  return out;
})();
// src/js/wasm-bytes.js tells a script mis-decoded as windows-1252 by a
// character above U+00FF in the literal. A byte of 0x80 or more is two in
// UTF-8, the second 0x80–0xBF; windows-1252 maps that second byte above
// U+00FF when it lies in 0x80–0x9F, except for the five it leaves
// undefined. (Node's TextDecoder decodes 'windows-1252' as Latin-1, so the
// check is written out.)
const shows = (byte) => {
  const second = byte < 0xc0 ? byte : byte - 0x40;
  return byte >= 0x80 && second <= 0x9f && ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(second);
};
if (!wasmBytes.some(shows)) throw new Error('no byte of the wasm would show a windows-1252 decoding of embed.js');
for (const file of ['pkg/embed.js', 'pkg/index.js']) {
  const code = readFileSync(file, 'utf8');
  const marker = /(["'])__SPECTOR_WASM_BYTES__\1/;
  if (!marker.test(code)) throw new Error(`${file}: the wasm marker is missing`);
  const filled = code.replace(marker, () => `'${wasmLiteral}'`);
  writeFileSync(file, filled);
}
copyFileSync('src/js/index.d.ts', 'pkg/index.d.ts');

// The README links documents of the repository. The package ships the
// one a user of the package needs, the bundle format (9.8 KB; the schema
// ships too); every other relative link or image (screenshots, the
// benchmark, ARCHITECTURE.md) would not resolve in the package, so the
// package's README has it as plain text: a link as its text (in code
// when the text is the path), an image not at all. tests/e2e/
// distribution.spec.js checks the installed package: every relative link
// and image in its README names a file it holds.
const PACKAGED_DOCS = ['docs/bundle.md'];

/** `markdown` with each relative link or image whose file is not in
 *  `shipped` rewritten as plain text. Fenced code blocks and code spans
 *  are left as they are: their brackets are code, not links. */
function packageReadme(markdown, shipped) {
  const link = /(!?)\[([^\]]*)\]\(([^()\s]+)\)/g;
  const plain = (text) =>
    text.replace(link, (whole, image, label, target) => {
      if (/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target) || shipped.has(target.split('#')[0])) return whole;
      if (image) return '';
      return label === target.split('#')[0] ? `\`${label}\`` : label;
    });
  let fenced = false;
  const out = markdown.split('\n').map((line) => {
    if (/^\s*```/.test(line)) fenced = !fenced;
    if (fenced || /^\s*```/.test(line)) return line;
    // Code spans are the odd pieces between backticks.
    return line.split('`').map((piece, i) => (i % 2 ? piece : plain(piece))).join('`');
  });
  // An image alone on its line leaves the line empty: drop it, and a
  // blank line it would double.
  return out.join('\n').replace(/\n\n\n+/g, '\n\n');
}

// pkg/ is the npm package: wasm-pack's own package.json is not used
// (--no-pack) because the package's entry points are ours.
writeFileSync(
  'pkg/package.json',
  JSON.stringify(
    {
      name: 'spector-widget',
      version,
      description: 'An accessible, source-cited map of Operation SpecTor for news articles, in Rust compiled to WebAssembly.',
      license: 'MIT OR Apache-2.0',
      keywords: ['news', 'map', 'widget', 'webassembly', 'data-journalism'],
      type: 'module',
      main: './index.js',
      module: './index.js',
      types: './index.d.ts',
      exports: {
        '.': { types: './index.d.ts', import: './index.js', default: './index.js' },
        './embed.js': './embed.js',
        './spector_reader.wasm': './spector_reader.wasm',
        './schema/facts.schema.json': './schema/facts.schema.json',
        './package.json': './package.json',
      },
      files: ['index.js', 'index.d.ts', 'embed.js', 'spector_reader.wasm', 'schema/', ...PACKAGED_DOCS, 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE'],
      sideEffects: ['./embed.js'],
    },
    null,
    2,
  ) + '\n',
);
for (const file of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(file, `pkg/${file}`);
rmSync('pkg/schema', { recursive: true, force: true });
mkdirSync('pkg/schema');
copyFileSync('schema/facts.schema.json', 'pkg/schema/facts.schema.json');
rmSync('pkg/docs', { recursive: true, force: true });
mkdirSync('pkg/docs');
for (const file of PACKAGED_DOCS) copyFileSync(file, `pkg/${file}`);
writeFileSync('pkg/README.md', packageReadme(readFileSync('README.md', 'utf8'), new Set(PACKAGED_DOCS)));

export function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

for (const file of ['pkg/spector_widget_bg.wasm', 'pkg/embed.js', 'pkg/spector_reader.wasm']) {
  const s = sizes(file);
  console.log(`${file}: ${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli`);
}
