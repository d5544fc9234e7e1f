// The benchmark: <spector-widget> (pkg/embed.js) against the D3 peer
// (bench/peer/dist/peer.js) in headless Chromium, plus the native render
// time and a twiggy listing of the wasm. Writes bench/RESULTS.md.
//
//   bash scripts/build.sh && node bench/run.mjs [--runs N] [--quick]
//
// Both embeds are served by a tiny node:http server on 127.0.0.1 with
// brotli (quality 11) or gzip (level 9) content encoding. Runs alternate
// widget and peer, each in a fresh browser context; ratios are computed
// pair by pair (widget run i / peer run i), then the median is taken.

import { chromium } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const bench = dirname(fileURLToPath(import.meta.url));
const root = join(bench, '..');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick'); // a smoke test, not a result
// 15 pairs by default, more than the 11 the issue asks for: on this 2-core
// machine single runs swing by tens of milliseconds with other work, and
// the median of 15 moves less from one invocation to the next.
const RUNS = quick ? 1 : Math.max(1, Number(argv[argv.indexOf('--runs') + 1]) || 15);
const RUNS20 = quick ? 1 : Math.max(5, Math.ceil(RUNS / 2)) | 1; // odd, so the median is one run
const MOVES = 100; // pointer moves per run (pooled over all runs: >= 200)
const started = Date.now();
const loadBefore = loadavg()[0];
const log = (...a) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s]`, ...a);

// ---------------------------------------------------------------- inputs

const sh = (cmd, args) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};

if (!existsSync(join(root, 'pkg/embed.js')) || !existsSync(join(root, 'pkg/spector_widget_bg.wasm'))) {
  console.error('pkg/embed.js is missing: run `bash scripts/build.sh` first.');
  process.exit(2);
}
// Other engineers may rebuild pkg/ while this runs: measure a copy taken now.
const work = mkdtempSync(join(tmpdir(), 'spector-bench-'));
for (const f of ['embed.js', 'spector_widget_bg.wasm']) copyFileSync(join(root, 'pkg', f), join(work, f));
const embedFile = join(work, 'embed.js');
const wasmFile = join(work, 'spector_widget_bg.wasm');
const unoptSource = join(root, 'target/wasm32-unknown-unknown/release/spector_widget.wasm');
const unopt = existsSync(unoptSource) && statSync(unoptSource).mtimeMs <= statSync(join(root, 'pkg/spector_widget_bg.wasm')).mtimeMs + 1 ? join(work, 'unopt.wasm') : null;
if (unopt) copyFileSync(unoptSource, unopt);
const peerFile = join(bench, 'peer/dist/peer.js');
const peerInputs = [join(bench, 'peer/src/main.js'), join(bench, 'peer/build.mjs'), join(root, 'data/spector.json')];
if (!existsSync(peerFile) || peerInputs.some((f) => statSync(f).mtimeMs > statSync(peerFile).mtimeMs)) {
  log('building the peer (bench/peer/build.mjs)');
  execFileSync(process.execPath, [join(bench, 'peer/build.mjs')], { stdio: 'inherit' });
}

// ---------------------------------------------------------------- server

const article = readFileSync(join(root, 'www/article.css'), 'utf8');
function page(tag, script, count) {
  const items = Array.from({ length: count }, (_, i) => `<${tag}></${tag}>\n<p>Paragraph ${i + 1} of the article between the maps.</p>`).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title>
<style>${article}</style></head><body>
<header class="masthead"><a href="./">The Ledger</a></header><main><article>
<p class="kicker">Crime · Dark web</p><h1>Police arrest 288 dark-web drug dealers in nine countries</h1>
<p>Law enforcement agencies in the United States and Europe said on Tuesday that they had arrested 288 people.</p>
${items}
<script src="${script}" defer></script>
<p>Europol said investigations were continuing.</p>
</article></main></body></html>`;
}
const pages = {
  '/widget.html': page('spector-widget', '/pkg/embed.js', 1),
  '/peer.html': page('spector-peer', '/peer/peer.js', 1),
  '/widget20.html': page('spector-widget', '/pkg/embed.js', 20),
  '/peer20.html': page('spector-peer', '/peer/peer.js', 20),
};
const assets = { '/pkg/embed.js': embedFile, '/peer/peer.js': peerFile };
const cache = new Map();
function encoded(path, encoding) {
  const key = `${path} ${encoding}`;
  if (!cache.has(key)) {
    const raw = readFileSync(assets[path]);
    cache.set(
      key,
      encoding === 'br'
        ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : encoding === 'gzip'
          ? gzipSync(raw, { level: 9 })
          : raw,
    );
  }
  return cache.get(key);
}

let mode = 'br'; // 'br' or 'gzip': what the server offers
let sent = { bytes: 0, requests: 0, encodings: [] }; // embed assets only, reset per run
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  const headers = { 'cache-control': 'no-store' };
  if (pages[path]) {
    res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
    return;
  }
  if (!assets[path]) {
    res.writeHead(404).end();
    return;
  }
  const accepts = String(req.headers['accept-encoding'] ?? '').split(/\s*,\s*/).map((s) => s.split(';')[0]);
  const encoding = accepts.includes(mode) ? mode : 'identity';
  const body = encoded(path, encoding);
  if (encoding !== 'identity') headers['content-encoding'] = encoding;
  headers.vary = 'accept-encoding';
  res.writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8', 'content-length': body.length });
  res.end(body);
  sent.bytes += body.length;
  sent.requests += 1;
  sent.encodings.push(encoding);
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
log(`serving on ${origin}`);

// ---------------------------------------------------------------- in-page instrumentation

// Runs before any page script: counts wasm compilations, captures wasm
// memories, detects "rendered" (a map SVG with > 150 country rings, in the
// widget's shadow root or the peer's light DOM) and measures input latency.
const instrument = () => {
  const B = (window.__bench = { t: {}, counts: { Module: 0, Instance: 0, compile: 0, instantiate: 0, compileStreaming: 0, instantiateStreaming: 0 }, lat: [], latDone: [], own: [], proc: [], measuring: false });
  const W = WebAssembly;
  const memories = new Set();
  const grab = (instance) => {
    for (const v of Object.values(instance?.exports ?? {})) if (v instanceof W.Memory) memories.add(v);
  };
  W.Module = new Proxy(W.Module, {
    construct(t, a, n) {
      B.counts.Module++;
      const t0 = performance.now();
      const module = Reflect.construct(t, a, n);
      B.t.compile = (B.t.compile ?? 0) + performance.now() - t0;
      return module;
    },
  });
  W.Instance = new Proxy(W.Instance, {
    construct(t, a, n) {
      B.counts.Instance++;
      const instance = Reflect.construct(t, a, n);
      grab(instance);
      return instance;
    },
  });
  W.Memory = new Proxy(W.Memory, {
    construct(t, a, n) {
      const memory = Reflect.construct(t, a, n);
      memories.add(memory);
      return memory;
    },
  });
  for (const k of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
    const f = W[k];
    if (f)
      W[k] = function (...a) {
        B.counts[k]++;
        const p = f.apply(this, a);
        return k.startsWith('instantiate') ? p.then((r) => (grab(r.instance ?? r), r)) : p;
      };
  }
  B.wasmMemory = () => [...memories].reduce((sum, m) => sum + m.buffer.byteLength, 0);

  const done = new Set();
  // Country rings drawn (each subpath starts with an M): the widget draws
  // its quiet countries as one path, the peer each country as its own.
  const rings = (root) =>
    [...root.querySelectorAll('svg path')].reduce((n, p) => n + ((p.getAttribute('d') ?? '').match(/M/g)?.length ?? 0), 0);
  // Everything in: the widget puts its panel, timeline and sources in
  // after the frame with the map (the last of them, the sources, marks
  // it); the peer inserts its panel with its map.
  const whole = (host) => !!(host.shadowRoot ?? host).querySelector('.sources, .sp-panel');
  const check = () => {
    const hosts = document.querySelectorAll('spector-widget, spector-peer');
    if (hosts.length && B.t.wholeMutation === undefined && [...hosts].every(whole)) {
      B.t.wholeMutation = performance.now();
      requestAnimationFrame(() => (B.t.whole = performance.now()));
    }
    if (!hosts.length || B.t.allMutation !== undefined) return;
    for (const host of hosts) {
      if (done.has(host)) continue;
      if (rings(host.shadowRoot ?? host) > 150) {
        done.add(host);
        if (done.size === 1) {
          B.t.firstMutation = performance.now();
          requestAnimationFrame(() => (B.t.first = performance.now()));
        }
      }
    }
    if (done.size === hosts.length) {
      B.t.allMutation = performance.now();
      B.hosts = hosts.length;
      requestAnimationFrame(() => {
        B.t.all = performance.now();
        // The rest of that frame's main-thread work (style, layout, paint)
        // runs after this callback; a message posted now arrives after it.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          B.t.allPainted = performance.now();
          B.rendered = true;
        };
        channel.port2.postMessage(0);
      });
    }
  };
  const observe = (node) => new MutationObserver(check).observe(node, { childList: true, subtree: true });
  observe(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (...a) {
    const shadow = attachShadow.apply(this, a);
    observe(shadow);
    return shadow;
  };

  // Input latency: event.timeStamp (when the input happened) to the next
  // frame (the rAF callback), and to the end of that frame's main-thread
  // work (a message posted from the rAF callback).
  const onInput = (event) => {
    if (!B.measuring) return;
    // The input's own cost, without the waits for the frame clock: the
    // handlers (capture to bubble at the window) and the work of the frame
    // that shows the result (its rAF callback to the end of its main-thread
    // work). Chromium dispatches pointer moves aligned to frames, so the
    // time from timeStamp to the first listener is the clock's wait too.
    const rec = { t0: event.timeStamp, start: performance.now() };
    event.__benchRecord = rec;
    requestAnimationFrame(() => {
      rec.raf = performance.now();
      B.lat.push(rec.raf - rec.t0);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const done = performance.now();
        B.latDone.push(done - rec.t0);
        B.own.push((rec.end ?? rec.start) - rec.start + (done - rec.raf));
      };
      channel.port2.postMessage(0);
    });
  };
  addEventListener('pointermove', onInput, { capture: true });
  addEventListener('keydown', onInput, { capture: true });
  // Processing: window capture (before the map's handlers) to window
  // bubble (after them): the time the page's own handlers take.
  const onInputEnd = (event) => {
    const rec = event.__benchRecord;
    if (!rec) return;
    rec.end = performance.now();
    if (event.type === 'pointermove') B.proc.push(rec.end - rec.start);
  };
  addEventListener('pointermove', onInputEnd);
  addEventListener('keydown', onInputEnd);
};

// ---------------------------------------------------------------- browser

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const chromiumVersion = browser.version();

async function run(kind, { count = 1, input = false, viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const wire = new Map();
  cdp.on('Network.responseReceived', (e) => wire.set(e.requestId, { url: e.response.url }));
  cdp.on('Network.loadingFinished', (e) => wire.has(e.requestId) && (wire.get(e.requestId).encoded = e.encodedDataLength));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  sent = { bytes: 0, requests: 0, encodings: [] };
  const url = `${origin}/${kind}${count > 1 ? count : ''}.html`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__bench.rendered === true && window.__bench.t.whole !== undefined, null, { timeout: 30000, polling: 10 });
  const result = await page.evaluate(() => ({ script: performance.getEntriesByType('resource').find((e) => /\.js$/.test(e.name))?.responseEnd, t: window.__bench.t, hosts: window.__bench.hosts, counts: window.__bench.counts, wasmMemory: window.__bench.wasmMemory() }));
  result.bytes = sent.bytes;
  result.requests = sent.requests;
  result.encodings = [...new Set(sent.encodings)];
  result.wire = [...wire.values()].filter((w) => !/\.html$/.test(w.url)).reduce((s, w) => s + (w.encoded ?? 0), 0);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  result.heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  if (input) result.latency = await pointerLatency(page);
  result.errors = errors;
  await context.close();
  if (result.hosts !== count) throw new Error(`${url}: ${result.hosts} of ${count} maps rendered`);
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return result;
}

/** Moves the pointer over the map, circle to circle through the countries,
 *  with real input events (CDP), and reads the latencies measured in the page. */
async function pointerLatency(page) {
  const target = await page.evaluate(() => {
    const host = document.querySelector('spector-widget, spector-peer');
    const root = host.shadowRoot ?? host;
    const svg = root.querySelector('svg.map') ?? root.querySelector('svg');
    svg.scrollIntoView({ block: 'center' });
    const r = svg.getBoundingClientRect();
    const dots = [...svg.querySelectorAll('circle')]
      .map((c) => c.getBoundingClientRect())
      .filter((b) => b.width > 0 && b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom)
      .map((b) => [b.x + b.width / 2, b.y + b.height / 2]);
    return { box: [r.x, r.y, r.width, r.height], dots };
  });
  const [x, y, w, h] = target.box;
  // A tour: left edge, the circles (largest first in DOM order, usually),
  // the far corner; interpolated into MOVES steps.
  const stops = [[x + 5, y + h / 2], ...target.dots, [x + w - 5, y + h * 0.3], [x + w * 0.5, y + h * 0.8]];
  const path = [];
  const per = Math.ceil(MOVES / (stops.length - 1));
  for (let i = 0; i + 1 < stops.length && path.length < MOVES; i++) {
    for (let s = 1; s <= per && path.length < MOVES; s++) {
      const f = s / per;
      path.push([stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f, stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f]);
    }
  }
  await page.mouse.move(stops[0][0], stops[0][1]);
  await page.waitForTimeout(50);
  await page.evaluate(() => (window.__bench.measuring = true));
  for (const [px, py] of path) {
    await page.mouse.move(px, py);
    await page.waitForTimeout(8); // a 120 Hz mouse
  }
  await page.waitForTimeout(100);
  return page.evaluate(() => ({ lat: window.__bench.lat, latDone: window.__bench.latDone, own: window.__bench.own, proc: window.__bench.proc }));
}

// ---------------------------------------------------------------- statistics

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (v, p) => {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};
const stats = (v) => ({ median: median(v), min: Math.min(...v), max: Math.max(...v), n: v.length });
const pairRatio = (a, b) => median(a.map((x, i) => x / b[i]));

// ---------------------------------------------------------------- the runs

const results = { widget: [], peer: [], widgetGzip: [], peerGzip: [], widget20: [], peer20: [] };
// The widget is about 1,650 px tall in this article column, so 20 of them
// and their paragraphs take about 34,000 px: a viewport of 18,000 px puts
// all of them within the two viewport heights that render at once.
const vp20 = { width: 1280, height: 18000 };

log(`warm-up (one page each, not counted)`);
for (const kind of ['widget', 'peer']) {
  const r = await run(kind);
  log(`  ${kind}: ${r.bytes} B in ${r.requests} request(s), ${r.encodings.join(',')}, rendered at ${r.t.all.toFixed(1)} ms`);
}

log(`${RUNS} alternating runs, brotli, with ${MOVES} pointer moves each`);
mode = 'br';
for (let i = 0; i < RUNS; i++) {
  results.widget.push(await run('widget', { input: true }));
  results.peer.push(await run('peer', { input: true }));
  // Each pair as it comes, so a run disturbed by other work shows.
  const [w, p] = [results.widget[i], results.peer[i]];
  log(`  ${i + 1}: widget ${w.t.all.toFixed(1)} ms (script in at ${w.script.toFixed(1)}), peer ${p.t.all.toFixed(1)} ms (${p.script.toFixed(1)})`);
}
log(`${RUNS} alternating runs, gzip`);
mode = 'gzip';
for (let i = 0; i < RUNS; i++) {
  results.widgetGzip.push(await run('widget'));
  results.peerGzip.push(await run('peer'));
}
mode = 'br';
log(`${RUNS20} alternating runs with 20 maps per page (viewport ${vp20.width}x${vp20.height})`);
for (let i = 0; i < RUNS20; i++) {
  results.widget20.push(await run('widget', { count: 20, viewport: vp20 }));
  results.peer20.push(await run('peer', { count: 20, viewport: vp20 }));
}
await browser.close();
server.close();

// ---------------------------------------------------------------- native, twiggy, sizes

log('native render time (cargo run --release --manifest-path bench/native/Cargo.toml)');
// Other people may be editing src/ while this runs: if the working tree
// does not compile, time the last commit instead (a read-only `git
// archive` into a temporary directory) and say so in the results.
function nativeBench(crateRoot) {
  const manifest = join(crateRoot, 'bench/native/Cargo.toml');
  return spawnSync('cargo', ['run', '--quiet', '--release', '--manifest-path', manifest], {
    cwd: crateRoot,
    encoding: 'utf8',
    env: { ...process.env, CARGO_TARGET_DIR: join(bench, 'native/target') },
  });
}
let nativeSource = 'the working tree';
let nativeRun = nativeBench(root);
if (nativeRun.status !== 0) {
  const head = sh('git', ['-C', root, 'rev-parse', 'HEAD']);
  log(`the working tree does not compile natively; timing commit ${head.slice(0, 10)} instead`);
  const snap = mkdtempSync(join(tmpdir(), 'spector-native-'));
  execFileSync('sh', ['-c', `git -C "$1" archive HEAD | tar -x -C "$2"`, 'sh', root, snap]);
  mkdirSync(join(snap, 'bench/native/src'), { recursive: true });
  for (const f of ['Cargo.toml', 'Cargo.lock', 'src/main.rs']) copyFileSync(join(bench, 'native', f), join(snap, 'bench/native', f));
  nativeRun = nativeBench(snap);
  nativeSource = `commit ${head.slice(0, 10)} (the working tree did not compile at the time)`;
  rmSync(snap, { recursive: true, force: true });
}
if (nativeRun.status !== 0) {
  console.error(nativeRun.stderr);
  process.exit(1);
}
const native = JSON.parse(nativeRun.stdout.trim().split('\n').pop());

log('twiggy');
const twiggyBin = [join(process.env.HOME ?? '', '.cargo/bin/twiggy'), 'twiggy'].find((b) => b === 'twiggy' || existsSync(b));
const twiggy = (...a) => execFileSync(twiggyBin, a, { encoding: 'utf8', maxBuffer: 64 << 20 });
const twiggyTop = twiggy('top', '-n', '20', wasmFile).trimEnd();
// The shipped wasm has no names. For names, build it again from the
// pre-wasm-bindgen wasm as wasm-pack does (the wasm-bindgen CLI, whose
// output keeps the names, then npm's wasm-opt with Cargo.toml's flags and
// -g). Without the CLI, the pre-wasm-bindgen wasm is optimised instead;
// it still holds what wasm-bindgen removes (its descriptors, and the
// `core::fmt` code only they use).
const wasmOpt = join(root, 'node_modules/.bin/wasm-opt');
const bindgenBin = join(process.env.HOME ?? '', '.cargo/bin/wasm-bindgen');
const named = unopt && existsSync(wasmOpt) ? join(work, 'named.wasm') : null;
if (named) {
  const flags = JSON.parse('[' + (/wasm-opt = \[(.*)\]/.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))?.[1] ?? '"-Oz"') + ']');
  let input = unopt;
  if (existsSync(bindgenBin)) {
    execFileSync(bindgenBin, [unopt, '--out-dir', join(work, 'bindgen'), '--target', 'web']);
    input = join(work, 'bindgen/unopt_bg.wasm');
  }
  execFileSync(wasmOpt, [...flags, '-g', input, '-o', named]);
}
const notShipped = /custom section|names" subsection|__wbindgen_describe|wasm_bindgen_unstable/;
function groups(file) {
  const items = JSON.parse(twiggy('top', '-f', 'json', file)).filter((it) => !notShipped.test(it.name));
  const sum = (re) => items.filter((it) => re.test(it.name)).reduce((s, it) => s + it.shallow_size, 0);
  return {
    items: items.slice(0, 20),
    total: items.reduce((s, it) => s + it.shallow_size, 0),
    fmt: sum(/core(\[[0-9a-f]+\])?::fmt|core::fmt/),
    json: sum(/spector_widget::facts::/),
    dom: sum(/spector_widget::dom::/),
    render: sum(/spector_widget::render::/),
    data: sum(/^data/),
    largest: items.find((it) => !/^data|^"|^custom|^import|^export/.test(it.name))?.name ?? '?',
  };
}
const groupsUnopt = unopt ? groups(unopt) : null;
const groupsOpt = named ? groups(named) : null;
const namedTop = groupsOpt
  ? ' Shallow Bytes │ Item\n' + groupsOpt.items.map((it) => `${String(it.shallow_size).padStart(14)} ┊ ${it.name.length > 110 ? it.name.slice(0, 107) + '...' : it.name}`).join('\n')
  : '(no pre-wasm-bindgen build in target/ to name the items)';

// Bytes: raw wasm against the wasm as embed.js carries it.
const br = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length;
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const wasmBytes = readFileSync(wasmFile);
const embedText = readFileSync(embedFile, 'latin1');
const b64 = wasmBytes.toString('base64');
const b64At = embedText.indexOf(b64.slice(0, 200));
const shell = b64At >= 0 ? embedText.slice(0, b64At) + embedText.slice(b64At + b64.length) : null;
// A Latin-1 string literal: one character per byte, only ', \, CR and LF escaped.
const latin1Literal = Buffer.from(
  "var w='" + [...wasmBytes].map((c) => (c === 0x27 ? "\\'" : c === 0x5c ? '\\\\' : c === 0x0a ? '\\n' : c === 0x0d ? '\\r' : String.fromCharCode(c))).join('') + "';",
  'latin1',
);
const sizes = {
  wasmRaw: wasmBytes.length,
  wasmBr: br(wasmBytes),
  wasmGz: gz(wasmBytes),
  b64Raw: b64.length,
  b64Br: br(Buffer.from(b64)),
  latin1Raw: latin1Literal.length,
  latin1Br: br(latin1Literal),
  embedRaw: statSync(embedFile).size,
  embedBr: br(readFileSync(embedFile)),
  embedGz: gz(readFileSync(embedFile)),
  shellRaw: shell?.length,
  shellBr: shell ? br(Buffer.from(shell, 'latin1')) : null,
  peerRaw: statSync(peerFile).size,
  peerBr: br(readFileSync(peerFile)),
  peerGz: gz(readFileSync(peerFile)),
  topoRaw: statSync(join(root, 'node_modules/world-atlas/countries-110m.json')).size,
  topoBr: br(readFileSync(join(root, 'node_modules/world-atlas/countries-110m.json'))),
  worldBin: existsSync(join(root, 'src/geo/world.bin')) ? statSync(join(root, 'src/geo/world.bin')).size : null,
  worldBinBr: existsSync(join(root, 'src/geo/world.bin')) ? br(readFileSync(join(root, 'src/geo/world.bin'))) : null,
  readerRaw: statSync(join(root, 'pkg/spector_reader.wasm')).size,
  readerBr: br(readFileSync(join(root, 'pkg/spector_reader.wasm'))),
  readerGz: gz(readFileSync(join(root, 'pkg/spector_reader.wasm'))),
};

// ---------------------------------------------------------------- report

const cpuModel = (/model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8')) ?? [])[1] ?? cpus()[0]?.model;
const machine = {
  nproc: sh('nproc', []),
  cpu: cpuModel,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  chromium: chromiumVersion,
  node: process.version,
  rustc: sh('rustc', ['--version']),
  crate: /^version = "(.*)"$/m.exec(readFileSync(join(root, 'Cargo.toml'), 'utf8'))[1],
  commit: sh('git', ['-C', root, 'rev-parse', '--short', 'HEAD']),
};

const kb = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x) => `${x.toFixed(x < 10 ? 2 : 1)} ms`;
const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;
const ratio = (r) => `${r.toFixed(2)}×`;
const col = (rows, key) => rows.map((r) => key(r));

function line(label, w, p, fmt, note = '') {
  const a = stats(w);
  const b = stats(p);
  return `| ${label} | ${fmt(a.median)} (${fmt(a.min)}–${fmt(a.max)}) | ${fmt(b.median)} (${fmt(b.min)}–${fmt(b.max)}) | ${ratio(pairRatio(w, p))} |${note ? ' ' + note : ''}`;
}

const W = results.widget, P = results.peer;
const latW = W.flatMap((r) => r.latency.lat), latP = P.flatMap((r) => r.latency.lat);
const doneW = W.flatMap((r) => r.latency.latDone), doneP = P.flatMap((r) => r.latency.latDone);
const procW = W.flatMap((r) => r.latency.proc), procP = P.flatMap((r) => r.latency.proc);
const ownW = W.flatMap((r) => r.latency.own), ownP = P.flatMap((r) => r.latency.own);
const runP95 = (rows, k) => rows.map((r) => pct(r.latency[k], 95));
const runP50 = (rows, k) => rows.map((r) => pct(r.latency[k], 50));

const tRender = (rows) => col(rows, (r) => r.t.all);
const tWidget = median(tRender(W)), tPeer = median(tRender(P));
const t20W = median(tRender(results.widget20)), t20P = median(tRender(results.peer20));
const compiles20 = results.widget20.map((r) => r.counts.Module + r.counts.compile + r.counts.compileStreaming + r.counts.instantiate + r.counts.instantiateStreaming);
const instances20 = results.widget20.map((r) => r.counts.Instance + r.counts.instantiate + r.counts.instantiateStreaming);
const brW = median(col(W, (r) => r.bytes)), brP = median(col(P, (r) => r.bytes));

const targets = [
  [`Payload ≤ 45 KB brotli`, brW <= 45000, `${kb(brW)}`],
  [`Payload smaller than the peer's`, brW < brP, `${kb(brW)} vs ${kb(brP)}`],
  [`Time to rendered ≤ half the peer's`, pairRatio(tRender(W), tRender(P)) <= 0.5, `${ms(tWidget)} vs ${ms(tPeer)} (pairwise ratio ${ratio(pairRatio(tRender(W), tRender(P)))})`],
  [`Input latency p95 < 4 ms`, pct(ownW, 95) < 4, `p95 ${ms(pct(ownW, 95))} of the input's own work, without the wait for the frame clock (peer ${ms(pct(ownP, 95))}); with that wait, ${ms(pct(latW, 95))} to the next frame (peer ${ms(pct(latP, 95))}); the handlers alone p95 ${ms(pct(procW, 95))} (peer ${ms(pct(procP, 95))})`],
  [`20 widgets: module compiled once`, compiles20.every((c) => c === 1), `compilations per page: ${[...new Set(compiles20)].join(', ')}; instances: ${[...new Set(instances20)].join(', ')}`],
  [`20 widgets: total < 3× one widget`, t20W < 3 * tWidget, `${ms(t20W)} vs 3 × ${ms(tWidget)} = ${ms(3 * tWidget)} (${(t20W / tWidget).toFixed(2)}×)`],
];

const md = `# Benchmark results

Generated by \`node bench/run.mjs\` (after \`bash scripts/build.sh\`) on
${machine.date}. Do not edit by hand; re-run to refresh.

**Widget**: \`pkg/embed.js\`, \`<spector-widget>\` (Rust + wasm, everything
inlined). **Peer**: \`bench/peer/dist/peer.js\`, \`<spector-peer>\` (d3-geo,
d3-selection, topojson-client, world-atlas 110m and \`data/spector.json\`,
bundled and minified by esbuild): the same nine circles on Equal Earth, the
countries tinted, a hover tooltip and a five-figure panel. The widget shows
much more than the peer (every figure with its sources and quotes, the
disagreements, the timeline, a Europe view, keyboard navigation, the data
downloads); the peer is the map a graphics desk would ship for the same
story.

## Machine

| | |
|---|---|
| CPU | ${machine.cpu}, ${machine.nproc} cores (\`nproc\`) |
| Memory | ${machine.memory} |
| Load average (1 min) | ${loadBefore.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end (other work was running on the machine) |
| Date | ${machine.date} |
| Chromium | ${machine.chromium} (headless, \`--disable-gpu\`) |
| Node | ${machine.node} |
| rustc | ${machine.rustc} |
| spector-widget | ${machine.crate} (commit ${machine.commit} plus the working tree) |

## Results

${RUNS} runs each for one map per page (brotli, then gzip), ${RUNS20} runs
each for 20 maps per page; widget and peer alternate, each run in a fresh
browser context, served from 127.0.0.1 (no network latency, no throttling).
Times depend on the machine's load (see the load average above): with
other work on both cores, a re-run moves the time medians by tens of per
cent and can flip a target that is close to its limit. Bytes, heap, wasm
memory and the compilation count are exact and stable.
Median (min–max); the ratio is widget ÷ peer, computed for each pair of
runs, then the median of those ratios (< 1: the widget is smaller/faster).

| | widget | peer | widget / peer |
|---|---|---|---|
${line('Bytes transferred, brotli (all the embed loads)', col(W, (r) => r.bytes), col(P, (r) => r.bytes), kb)}
${line('Bytes transferred, gzip', col(results.widgetGzip, (r) => r.bytes), col(results.peerGzip, (r) => r.bytes), kb)}
| Requests made by the embed | ${median(col(W, (r) => r.requests))} | ${median(col(P, (r) => r.requests))} | |
${line('Time to rendered, brotli (navigation start → first frame with the map)', tRender(W), tRender(P), ms)}
${line('Time to rendered, gzip', tRender(results.widgetGzip), tRender(results.peerGzip), ms)}
${line('Time to the map\'s frame done, brotli (navigation start → the end of that frame\'s main-thread work: its style, layout and paint)', col(W, (r) => r.t.allPainted), col(P, (r) => r.t.allPainted), ms)}
${line('Time to everything in, brotli (the widget\'s panel, timeline and sources follow the map\'s frame; the peer\'s panel comes with its map)', col(W, (r) => r.t.whole), col(P, (r) => r.t.whole), ms)}
| Of which (brotli): script received (responseEnd) / wasm compile (\`new WebAssembly.Module\`) | ${ms(median(col(W, (r) => r.script)))} / ${ms(median(col(W, (r) => r.t.compile ?? 0)))} | ${ms(median(col(P, (r) => r.script)))} / – | |
${line('Input latency p50, the input\'s own work (handlers + its frame\'s work), per run', runP50(W, 'own'), runP50(P, 'own'), ms)}
${line('Input latency p95, the input\'s own work, per run', runP95(W, 'own'), runP95(P, 'own'), ms)}
| Input latency, own work, over all ${ownW.length} / ${ownP.length} events: p50, p95 | ${ms(pct(ownW, 50))}, ${ms(pct(ownW, 95))} | ${ms(pct(ownP, 50))}, ${ms(pct(ownP, 95))} | |
${line('Input latency p50 (pointer move → next frame), per run', runP50(W, 'lat'), runP50(P, 'lat'), ms)}
${line('Input latency p95 (pointer move → next frame), per run', runP95(W, 'lat'), runP95(P, 'lat'), ms)}
| Input latency over all ${latW.length} / ${latP.length} events: p50, p95 | ${ms(pct(latW, 50))}, ${ms(pct(latW, 95))} | ${ms(pct(latP, 50))}, ${ms(pct(latP, 95))} | |
| Handler processing per pointer move (window capture → window bubble): p50, p95 | ${ms(pct(procW, 50))}, ${ms(pct(procW, 95))} | ${ms(pct(procP, 50))}, ${ms(pct(procP, 95))} | |
| Pointer move → end of the next frame's main-thread work: p50, p95 | ${ms(pct(doneW, 50))}, ${ms(pct(doneW, 95))} | ${ms(pct(doneP, 50))}, ${ms(pct(doneP, 95))} | |
${line('JS heap after render (after a GC)', col(W, (r) => r.heap), col(P, (r) => r.heap), mb)}
| wasm memory after render | ${mb(median(col(W, (r) => r.wasmMemory)))} | none | |
${line('20 maps: time until all 20 rendered', tRender(results.widget20), tRender(results.peer20), ms)}
${line('20 maps: JS heap after render', col(results.widget20, (r) => r.heap), col(results.peer20, (r) => r.heap), mb)}
| 20 maps: wasm memory | ${mb(median(col(results.widget20, (r) => r.wasmMemory)))} | none | |
| 20 maps: wasm modules compiled / instantiated per page | ${[...new Set(compiles20)].join(', ')} / ${[...new Set(instances20)].join(', ')} | – | |
| Native: \`render::widget\` per call (release, opt-level z, ${native.render_us.calls} calls, ${nativeSource}) | ${native.render_us.median.toFixed(0)} µs (${native.render_us.min.toFixed(0)}–${native.render_us.max.toFixed(0)}) | | |
| Native: \`parse_json\` of the bundle / \`World::embedded()\` per call | ${native.parse_us.median.toFixed(0)} µs / ${native.world_us.median.toFixed(2)} µs | | |

Notes on method:

- Bytes are the response bodies as sent by the benchmark's server (brotli
  quality 11 or gzip level 9, whichever the mode allows and the request
  accepts; Chromium's requests accepted ${[...new Set([...W, ...results.widgetGzip].flatMap((r) => r.encodings))].join(' and ')}). The host page itself is not counted. Chromium's
  own count (CDP \`encodedDataLength\`, headers included) agrees within the
  header size: ${kb(median(col(W, (r) => r.wire)))} vs ${kb(median(col(P, (r) => r.wire)))}.
- "Rendered": an init script watches the document and every shadow root
  with a MutationObserver; once the map SVG's paths draw more than 150
  country rings (subpaths; ${native.rings} in the widget's markup, whose quiet
  countries are one path, 281 in the peer's), it records
  the next \`requestAnimationFrame\` callback's \`performance.now()\`
  (navigation start is 0). Both scripts load with \`defer\`.
- "The map's frame done": a message posted from that \`requestAnimationFrame\`
  callback, which arrives once the frame's style, layout and paint on the
  main thread are done.
- "Everything in": the same, for the frame after the widget's \`.sources\`
  (the last part it puts in, once the map's frame is painted) or the
  peer's \`.sp-panel\` (inserted with its map) is in the document.
- Input latency: ${MOVES} \`page.mouse.move\` per run across the map, from circle
  to circle through the nine countries, 8 ms apart; a capture-phase
  \`pointermove\` listener takes \`event.timeStamp\`, the next
  \`requestAnimationFrame\` callback the frame time; the second figure
  adds the frame's remaining main-thread work (a message posted from that
  callback). Pooled over all runs. The headless browser's 60 Hz frame
  clock makes every input wait for the next vsync (up to 16.7 ms, whatever
  the page does; Chromium also holds pointer moves until the next frame
  begins, so \`timeStamp\` to the first listener is that wait as well),
  so the 4 ms target is judged on the input's own work: the handlers
  (window capture to window bubble) plus the work of the frame that shows
  the result (its rAF callback to the end of its main-thread work).
- JS heap: CDP \`HeapProfiler.collectGarbage\`, then
  \`Runtime.getHeapUsage\`. wasm memory: the byte length of every
  \`WebAssembly.Memory\` created or exported (captured by wrapping the
  constructors in an init script, which also counts compilations).
- 20 maps: 20 elements in one article, one script; viewport
  ${vp20.width}×${vp20.height}, so every widget is within the two viewport
  heights that the widget renders at once (none waits for its
  IntersectionObserver). Time until the frame after the 20th map.
- Native: \`bench/native\` (its own cargo workspace, the same release
  profile as the wasm: opt-level z, LTO) times \`render::widget(&bundle,
  &world)\` with \`std::time::Instant\`: 51 batches of 40 calls, median of
  the per-call batch means; ${kb(native.markup_bytes)} of markup.

## Targets

| target | met? | measured |
|---|---|---|
${targets.map(([t, ok, m]) => `| ${t} | ${ok ? '**met**' : '**not met**'} | ${m} |`).join('\n')}

## Where the bytes go

| | raw | gzip | brotli |
|---|---|---|---|
| \`pkg/embed.js\` (what the widget loads) | ${kb(sizes.embedRaw)} | ${kb(sizes.embedGz)} | ${kb(sizes.embedBr)} |
| \`pkg/spector_widget_bg.wasm\` alone | ${kb(sizes.wasmRaw)} | ${kb(sizes.wasmGz)} | ${kb(sizes.wasmBr)} |
| \`pkg/spector_reader.wasm\` (the bundle reader, fetched only for a widget with a \`src\`; not in the runs above) | ${kb(sizes.readerRaw)} | ${kb(sizes.readerGz)} | ${kb(sizes.readerBr)} |
| the wasm as base64 | ${kb(sizes.b64Raw)} | | ${kb(sizes.b64Br)} |
| the wasm as a Latin-1 string literal | ${kb(sizes.latin1Raw)} | | ${kb(sizes.latin1Br)} |
| \`src/geo/world.bin\` (map geometry, inside the wasm) | ${sizes.worldBin ? kb(sizes.worldBin) : '?'} | | ${sizes.worldBinBr ? kb(sizes.worldBinBr) : '?'} |
| \`bench/peer/dist/peer.js\` (what the peer loads) | ${kb(sizes.peerRaw)} | ${kb(sizes.peerGz)} | ${kb(sizes.peerBr)} |
| world-atlas \`countries-110m.json\` (inside peer.js) | ${kb(sizes.topoRaw)} | | ${kb(sizes.topoBr)} |

- embed.js carries the wasm ${b64At >= 0 ? 'as base64' : 'not as base64 (as its own string encoding, `src/js/wasm-bytes.js`)'}; embed.js is
  ${kb(sizes.embedBr - sizes.wasmBr)} brotli more than the raw wasm alone (JS shell, wasm-bindgen glue,
  CSS, and the cost of the encoding). The wasm is ${((sizes.wasmBr / sizes.embedBr) * 100).toFixed(0)}% of the payload.
- **Base64 would cost ${kb(sizes.b64Br - sizes.wasmBr)} brotli** over the raw wasm
  (${kb(sizes.b64Br)} vs ${kb(sizes.wasmBr)}): brotli cannot see through the
  6-bit encoding. A Latin-1 string literal of the same bytes compresses to
  ${kb(sizes.latin1Br)} (${sizes.latin1Br > sizes.wasmBr ? '+' : ''}${kb(sizes.latin1Br - sizes.wasmBr)} vs the raw wasm, ${kb(sizes.b64Br - sizes.latin1Br)} less than base64).
- Where the wasm's bytes are (twiggy, shallow sizes summed by name, on the
  build optimised like the shipped one but with names; before wasm-opt in
  brackets): the DOM shell (\`dom::\`) ${groupsOpt ? kb(groupsOpt.dom) : '?'} (${groupsUnopt ? kb(groupsUnopt.dom) : '?'});
  the renderer (\`render::\`) ${groupsOpt ? kb(groupsOpt.render) : '?'} (${groupsUnopt ? kb(groupsUnopt.render) : '?'});
  the bundle (\`facts::\`: unpacking only, since parsing and checking are the reader module's) ${groupsOpt ? kb(groupsOpt.json) : '?'} (${groupsUnopt ? kb(groupsUnopt.json) : '?'});
  \`core::fmt\` (in brackets only: wasm-bindgen's processing leaves none of it) ${groupsOpt ? kb(groupsOpt.fmt) : '?'} (${groupsUnopt ? kb(groupsUnopt.fmt) : '?'});
  data segments (map geometry, bundle, words, strings) ${groupsOpt ? kb(groupsOpt.data) : '?'}. Shallow sums
  undercount: after wasm-opt much of this code is inlined into larger
  functions (the largest, \`${groupsOpt ? groupsOpt.largest : '?'}\`, is an
  entry point with its callees inlined).

### \`twiggy top -n 20 pkg/spector_widget_bg.wasm\`

\`\`\`
${twiggyTop}
\`\`\`

### The same, named (\`twiggy top\` on the named build, custom sections and wasm-bindgen's descriptors left out)

\`\`\`
${namedTop}
\`\`\`
`;
// The hand-kept history of size work goes at the end, so a new run never
// loses it.
const changes = existsSync(join(bench, 'CHANGES.md')) ? '\n' + readFileSync(join(bench, 'CHANGES.md'), 'utf8') : '';
writeFileSync(join(bench, 'RESULTS.md'), md + changes);
writeFileSync(join(bench, 'results.json'), JSON.stringify({ machine, native, nativeSource, sizes, groupsOpt, groupsUnopt, results }, null, 1));
rmSync(work, { recursive: true, force: true });
log('wrote bench/RESULTS.md');
console.log(`
widget ${kb(brW)} br, ${ms(tWidget)} to rendered, p95 input ${ms(pct(ownW, 95))} own work (${ms(pct(latW, 95))} to the next frame); peer ${kb(brP)} br, ${ms(tPeer)}
20 maps: widget ${ms(t20W)}, peer ${ms(t20P)}; compiled ${[...new Set(compiles20)].join(',')}x
targets: ${targets.map(([t, ok]) => `${ok ? 'MET' : 'NOT MET'}: ${t}`).join('; ')}`);
