// A small static server for the demo and the tests, on 127.0.0.1 only.
// It maps the site root to www/ and serves the built package under /pkg/
// and the bundles under /data/, so www/index.html can use exactly the
// two lines a journalist pastes: <spector-widget> and pkg/embed.js.

import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const port = Number(args[args.indexOf('--port') + 1] || 8080);
const root = resolve(new URL('..', import.meta.url).pathname);
const mounts = [
  ['/pkg/', 'pkg'],
  ['/data/', 'data'],
  ['/tests/', 'tests'],
  ['/', 'www'],
];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  const [prefix, dir] = mounts.find(([p]) => path.startsWith(p));
  let rel = normalize(path.slice(prefix.length));
  if (rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
  const file = join(root, dir, rel);
  if (!file.startsWith(join(root, dir))) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  }
});

server.listen(port, '127.0.0.1', () => {
  console.log(`spector-widget demo: http://127.0.0.1:${port}/`);
});
