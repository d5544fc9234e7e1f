// Bundles pkg/embed.js: the element shell, the wasm-bindgen glue and the
// wasm bytes, as one minified classic script (IIFE) that defines nothing
// global but <spector-widget>. Prints its size raw, gzip and brotli.

import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const version = /^version = "(.*)"$/m.exec(readFileSync('Cargo.toml', 'utf8'))[1];

await build({
  entryPoints: ['src/js/embed.js'],
  outfile: 'pkg/embed.js',
  bundle: true,
  format: 'iife',
  minify: true,
  target: 'es2020',
  legalComments: 'none',
  loader: { '.wasm': 'binary', '.css': 'text' },
  // The glue's fallback `new URL('…_bg.wasm', import.meta.url)` is never
  // reached: the bytes are always passed in.
  logOverride: { 'empty-import-meta': 'silent' },
  banner: {
    js: `/*! spector-widget ${version} | MIT OR Apache-2.0 | map data: Natural Earth (public domain) */`,
  },
});

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
      main: './embed.js',
      exports: {
        './embed.js': './embed.js',
        './schema/facts.schema.json': './schema/facts.schema.json',
        './package.json': './package.json',
      },
      files: ['embed.js', 'schema/', 'README.md', 'LICENSE-MIT', 'LICENSE-APACHE'],
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
