// Bundles the package's two entry points from the JS shell, the
// wasm-bindgen glue and the wasm bytes: pkg/embed.js, one minified classic
// script (IIFE) that defines nothing global but <spector-widget>, and
// pkg/index.js, the ES module API. Writes pkg/package.json and prints sizes.

import { build, transform } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

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

const shared = {
  bundle: true,
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  plugins: [minifiedCss],
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
  const bytes = readFileSync('pkg/spector_widget_bg.wasm');
  let out = '';
  for (const b of bytes) {
    if (b === 0x27) out += "\\'";
    else if (b === 0x5c) out += '\\\\';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else out += String.fromCharCode(b);
  }
  return out;
})();
for (const file of ['pkg/embed.js', 'pkg/index.js']) {
  const code = readFileSync(file, 'utf8');
  const marker = /(["'])__SPECTOR_WASM_BYTES__\1/;
  if (!marker.test(code)) throw new Error(`${file}: the wasm marker is missing`);
  if (!code.includes('__SPECTOR_DECODED_AS_UTF8__')) throw new Error(`${file}: the UTF-8 probe is missing`);
  const filled = code.replace(marker, () => `'${wasmLiteral}'`).replaceAll('__SPECTOR_DECODED_AS_UTF8__', '("é".length===1)');
  writeFileSync(file, filled);
}
copyFileSync('src/js/index.d.ts', 'pkg/index.d.ts');

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
      repository: { type: 'git', url: 'https://example.invalid/spector-widget.git' },
      keywords: ['news', 'map', 'widget', 'webassembly', 'data-journalism'],
      type: 'module',
      main: './index.js',
      module: './index.js',
      types: './index.d.ts',
      exports: {
        '.': { types: './index.d.ts', import: './index.js' },
        './embed.js': './embed.js',
        './schema/facts.schema.json': './schema/facts.schema.json',
        './package.json': './package.json',
      },
      files: ['index.js', 'index.d.ts', 'embed.js', 'schema/', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE'],
      sideEffects: ['./embed.js'],
    },
    null,
    2,
  ) + '\n',
);
for (const file of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(file, `pkg/${file}`);
rmSync('pkg/schema', { recursive: true, force: true });
mkdirSync('pkg/schema');
copyFileSync('schema/facts.schema.json', 'pkg/schema/facts.schema.json');

export function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

for (const file of ['pkg/spector_widget_bg.wasm', 'pkg/embed.js']) {
  const s = sizes(file);
  console.log(`${file}: ${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli`);
}
