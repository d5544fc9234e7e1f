import { chromium } from '@playwright/test';
const url = process.argv[2] ?? 'http://127.0.0.1:9111/';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync'] });
const page = await b.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(url);
await page.waitForTimeout(800);
const target = await page.evaluate(() => {
  const host = document.querySelector('spector-widget, spector-peer');
  const root = host.shadowRoot ?? host;
  const svg = root.querySelector('svg.map') ?? root.querySelector('svg');
  svg.scrollIntoView({ block: 'center' });
  const r = svg.getBoundingClientRect();
  const dots = [...svg.querySelectorAll('circle')].map((c) => c.getBoundingClientRect())
    .filter((b) => b.width > 0 && b.left >= r.left && b.right <= r.right && b.top >= r.top && b.bottom <= r.bottom)
    .map((b) => [b.x + b.width / 2, b.y + b.height / 2]);
  return { box: [r.x, r.y, r.width, r.height], dots };
});
const [x, y, w, h] = target.box;
const stops = [[x + 5, y + h / 2], ...target.dots, [x + w - 5, y + h * 0.3], [x + w * 0.5, y + h * 0.8]];
const path = [];
const per = Math.ceil(100 / (stops.length - 1));
for (let i = 0; i + 1 < stops.length; i++) for (let s = 1; s <= per; s++) { const f = s / per; path.push([stops[i][0] + (stops[i + 1][0] - stops[i][0]) * f, stops[i][1] + (stops[i + 1][1] - stops[i][1]) * f]); }
const cdp = await page.context().newCDPSession(page);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await page.mouse.move(stops[0][0], stops[0][1]);
await page.waitForTimeout(100);
await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink,cc,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
for (let rep = 0; rep < 3; rep++) for (const [px, py] of path) { await page.mouse.move(px, py); await page.waitForTimeout(8); }
await page.waitForTimeout(200);
await cdp.send('Tracing.end');
await done;
// main thread: the renderer's CrRendererMain
const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const main = new Set(names.map((e) => `${e.pid}:${e.tid}`));
const sum = {};
const count = {};
for (const e of events) {
  if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
  const n = e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type}` : e.name;
  sum[n] = (sum[n] ?? 0) + (e.dur ?? 0) / 1000;
  count[n] = (count[n] ?? 0) + 1;
}
const rows = Object.entries(sum).sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [n, s] of rows) console.log(n.padEnd(40), s.toFixed(1).padStart(8), 'ms', String(count[n]).padStart(5));
// per pointermove EventDispatch durations distribution
const pm = events.filter((e) => e.ph === 'X' && e.name === 'EventDispatch' && e.args?.data?.type === 'pointermove' && main.has(`${e.pid}:${e.tid}`)).map((e) => e.dur / 1000).sort((a, b) => a - b);
const q = (p) => pm[Math.min(pm.length - 1, Math.floor(p * pm.length))];
console.log('pointermove dispatch n', pm.length, 'p50', q(.5).toFixed(2), 'p90', q(.9).toFixed(2), 'p95', q(.95).toFixed(2), 'max', pm.at(-1).toFixed(2));
await b.close();
