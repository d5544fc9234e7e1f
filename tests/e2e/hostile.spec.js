// Hostile input in a real page: bundles with markup and script in every
// text field, broken bundles, and a widget added and removed a thousand
// times. Nothing may run, nothing may be injected, nothing may leak, and
// the other widgets on the page keep working.
import { test, expect } from '@playwright/test';

const fixture = (name) => `/tests/fixtures/hostile/${name}.json`;

test('markup and script in a bundle are shown as text, never run', async ({ page }) => {
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const valid = ['markup-script', 'markup-img-onerror', 'markup-svg-close', 'markup-svg-use', 'markup-foreign-object', 'markup-attribute-breakout', 'markup-entities'];
  // A UTF-8 byte-order mark is skipped, as by spector-facts (and as a
  // browser's decoding skips it), so the bundle simply renders.
  valid.push('bom');
  const refused = ['url-javascript', 'url-data', 'nesting-33', 'truncated-half', 'value-fraction-people', 'control-nul-in-quote'];
  const widgets = [...valid, ...refused].map((name) => `<spector-widget id="${name}" src="${fixture(name)}"></spector-widget>`).join('\n');
  await page.goto('/tests/e2e/pages/two-widgets.html');
  await page.evaluate((html) => {
    const box = document.createElement('div');
    box.innerHTML = html;
    document.body.append(box);
  }, widgets);

  // Widgets far down the page start when the reader scrolls near them.
  for (const name of valid) {
    await page.locator(`#${name}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#${name} svg.map path.on`).first()).toBeAttached();
  }
  for (const name of refused) {
    await page.locator(`#${name}`).scrollIntoViewIfNeeded();
    await expect(page.locator(`#${name} [role=alert]`)).toBeVisible();
  }
  // The two widgets that were on the page before keep working.
  for (const w of await page.locator('body > spector-widget').all()) {
    await expect(w.locator('svg.map path.on')).toHaveCount(9);
  }

  const injected = await page.evaluate(() => {
    const found = [];
    for (const host of document.querySelectorAll('spector-widget')) {
      const root = host.shadowRoot;
      if (!root) continue;
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        if (['script', 'img', 'iframe', 'object', 'embed', 'foreignobject', 'style'].includes(tag)) found.push(`${host.id}: <${tag}>`);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) found.push(`${host.id}: ${tag}[${attr.name}]`);
          if (/href$/i.test(attr.name) && /^\s*(javascript|vbscript):/i.test(attr.value)) found.push(`${host.id}: ${tag}[href=${attr.value}]`);
        }
      }
    }
    return found;
  });
  expect(injected).toEqual([]);
  // The payload text is visible, as text.
  await expect(page.locator('#markup-script .title')).toContainText('<script>');
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('adding and removing a widget a thousand times does not grow the JS heap or the wasm memory', async ({ page }) => {
  await page.addInitScript(() => {
    // Keep a handle on the module's memory to read its size.
    const Instance = WebAssembly.Instance;
    WebAssembly.Instance = function (...args) {
      const instance = new Instance(...args);
      window.__wasmMemory = Object.values(instance.exports).find((v) => v instanceof WebAssembly.Memory);
      return instance;
    };
    WebAssembly.Instance.prototype = Instance.prototype;
  });
  await page.goto('/tests/e2e/pages/two-widgets.html');
  await expect(page.locator('spector-widget').first().locator('svg.map')).toBeVisible();
  const cdp = await page.context().newCDPSession(page);

  const cycle = (n) =>
    page.evaluate((n) => {
      for (let i = 0; i < n; i++) {
        const w = document.createElement('spector-widget');
        document.body.prepend(w); // in view, so it renders at once
        if (!w.shadowRoot?.querySelector('svg.map')) throw new Error(`widget ${i} did not render`);
        w.remove();
      }
    }, n);
  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemory.buffer.byteLength);
    return { js: usedSize, wasm };
  };

  await cycle(200); // warm up: allocator pools, caches
  const before = await measure();
  await cycle(800);
  const after = await measure();
  // A leak of even one rendered widget per cycle (~60 KB of markup and
  // state) would add tens of megabytes over 800 cycles.
  expect(after.js - before.js).toBeLessThan(2 * 1024 * 1024);
  expect(after.wasm).toBe(before.wasm);
});

test('a slow src fetch is cancelled when the widget is removed and never blocks the page', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/slow-bundle.json', async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }).catch(() => {});
  });
  const failed = [];
  page.on('requestfailed', (r) => failed.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText}`));
  await page.goto('/tests/e2e/pages/two-widgets.html');
  await page.evaluate(() => {
    const w = document.createElement('spector-widget');
    w.id = 'slow';
    w.setAttribute('src', '/slow-bundle.json');
    document.body.prepend(w);
  });
  // The rest of the page is already interactive.
  await expect(page.locator('spector-widget:not(#slow)').first().locator('svg.map path.on')).toHaveCount(9);
  await page.waitForTimeout(200);
  await page.evaluate(() => document.getElementById('slow').remove());
  await expect.poll(() => failed).toEqual(['/slow-bundle.json net::ERR_ABORTED']);
  release();
});

test('a key with terminal and bidirectional control characters is named escaped in the message and the console', async ({ page }) => {
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto('/tests/e2e/pages/two-widgets.html');
  await page.evaluate((src) => {
    const w = document.createElement('spector-widget');
    w.id = 'hidden-key';
    w.setAttribute('src', src);
    document.body.prepend(w);
  }, fixture('unknown-field-hidden-key'));
  const alert = page.locator('#hidden-key').getByRole('alert');
  await expect(alert).toContainText('operation["a\\u001B[2J\\u202Eb"]: unknown field `a\\u001B[2J\\u202Eb`');
  // Line breaks between the lines of the alert are its own.
  const hidden = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  expect(await alert.innerText()).not.toMatch(hidden);
  const logged = consoleErrors.filter((t) => t.includes('unknown field'));
  expect(logged.length).toBeGreaterThan(0);
  for (const t of logged) expect(t).not.toMatch(hidden);
});
