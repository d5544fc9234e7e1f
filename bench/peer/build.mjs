// Builds bench/peer/dist/peer.js: the D3 peer as ONE minified classic
// script, world-atlas topology and data/spector.json inlined (json loader).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  entryPoints: [here + 'src/main.js'],
  outfile: here + 'dist/peer.js',
  bundle: true,
  minify: true,
  format: 'iife',
  target: 'es2020',
  legalComments: 'none',
  loader: { '.json': 'json' },
  logLevel: 'warning',
});
