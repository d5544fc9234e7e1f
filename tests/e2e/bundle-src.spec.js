// <spector-widget src="…">: another bundle renders the same widget, and a
// bad or missing one becomes a message in its own widget only.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

test('an invalid bundle shows its problem and JSON path while the other widgets render', async ({ page }) => {
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await page.goto('/tests/e2e/pages/src-bundles.html');

  const invalid = page.locator('#invalid');
  await expect(invalid.getByRole('alert')).toContainText('could not be shown');
  await expect(invalid.getByRole('alert')).toContainText('facts[1].scope: unknown country code "UK"');
  await expect(invalid.locator('svg')).toHaveCount(0);

  const missing = page.locator('#missing');
  await expect(missing.getByRole('alert')).toContainText('could not be loaded (HTTP 404)');

  const other = page.locator('#other');
  await expect(other.locator('svg.map path.on')).toHaveCount(2);
  await expect(other.locator('.title')).toHaveText('Operation Example');
  await expect(other.locator('.total')).toHaveText('12');

  await expect(page.locator('#embedded svg.map path.on')).toHaveCount(9);

  expect(pageErrors).toEqual([]);
  // Named as the widget's, with the address of the bundle refused (the page
  // has two widgets with a `src`), one problem a line.
  const refused = consoleErrors.filter((t) => t.startsWith('spector-widget: the data at '));
  expect(refused).toHaveLength(1);
  expect(refused[0]).toMatch(/^spector-widget: the data at \/tests\/fixtures\/invalid\/unknown-country\.json was refused:\n/);
  expect(refused[0]).toContain('facts[1].scope');
});

test('a bundle that is not UTF-8 is refused in the words of spector-facts check, saying where; a UTF-8 byte-order mark is skipped', async ({ page }) => {
  // The widget fetched the text, so a browser's decoding put U+FFFD in
  // place of a Latin-1 "é" and showed "Polic\uFFFD", and read UTF-16 as a
  // JSON syntax error, where spector-facts said it could not read the
  // file. Now the reader decodes the bytes, and both say this
  // (tests/hostile.rs holds the CLI to the same words).
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e));
  await page.goto('/tests/e2e/pages/src-bundles.html');
  const refused = {
    '#other': ['/tests/fixtures/hostile/invalid-utf8.bin', 'not UTF-8: invalid byte at byte offset 253 (line 12 column 26); save the file as UTF-8'],
    '#invalid': ['/tests/fixtures/hostile/utf16-bom.bin', 'not UTF-8 but UTF-16 (it starts with a UTF-16 byte-order mark); save the file as UTF-8'],
  };
  for (const [id, [src, message]] of Object.entries(refused)) {
    const widget = page.locator(id);
    await widget.evaluate((el, src) => el.setAttribute('src', src), src);
    const alert = widget.getByRole('alert');
    await expect(alert).toContainText('could not be shown');
    await expect(alert).toContainText(message);
    await expect(alert).not.toContainText('spector_reader.wasm');
    await expect(widget.locator('svg')).toHaveCount(0);
    await expect.poll(() => consoleErrors.includes(`spector-widget: the data at ${src} was refused:\n${message}`)).toBe(true);
  }
  // With a UTF-8 byte-order mark, the bundle renders, as spector-facts reads it.
  const bom = page.locator('#missing');
  await bom.evaluate((el) => el.setAttribute('src', '/tests/fixtures/hostile/bom.json'));
  await expect(bom.locator('.title')).toHaveText('Operation Example');
  await expect(bom.getByRole('alert')).toHaveCount(0);
  expect(pageErrors).toEqual([]);
});

test('changing src swaps the bundle in place', async ({ page }) => {
  await page.goto('/tests/e2e/pages/src-bundles.html');
  const widget = page.locator('#invalid');
  await expect(widget.getByRole('alert')).toBeVisible();
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json'));
  await expect(widget.locator('svg.map path.on')).toHaveCount(2);
  await expect(widget.getByRole('alert')).toHaveCount(0);
});

test('the legend of a bundle with small counts shows whole numbers of arrests', async ({ page }) => {
  // Germany 7, France 9: the legend once read 7.5 arrests.
  await page.goto('/tests/e2e/pages/src-bundles.html');
  const widget = page.locator('#other');
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/invalid/sum-mismatch.json'));
  await expect(widget.locator('.warn')).toBeVisible();
  const legend = widget.locator('.lb.v-w').filter({ visible: true }).locator('.legend text:not(.cap)');
  await expect(legend).toHaveText(['5', '3']);
  // The circles keep the symbols' scale: area in proportion to the value,
  // France's 9 arrests the largest symbol.
  const r = (loc) => loc.evaluate((c) => Number(c.getAttribute('r')));
  const [r5, r3] = [await r(widget.locator('.lb.v-w').filter({ visible: true }).locator('.legend circle').nth(0)),
    await r(widget.locator('.lb.v-w').filter({ visible: true }).locator('.legend circle').nth(1))];
  const r9 = await r(widget.locator('.sym.v-w circle[data-c="FR"]'));
  expect(Math.abs((r5 / r9) ** 2 - 5 / 9)).toBeLessThan(0.01);
  expect(Math.abs((r3 / r9) ** 2 - 3 / 9)).toBeLessThan(0.01);
  await widget.screenshot({ path: 'artifacts/legend-small-counts.png' });
});

test('a file that never arrives is explained in the widget\'s language, the console in English', async ({ page }) => {
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.goto('/tests/e2e/pages/src-bundles.html');
  const widget = page.locator('#missing');
  await widget.evaluate((el) => {
    el.setAttribute('lang', 'de');
    el.setAttribute('src', '/tests/fixtures/still-no-such-bundle.json');
  });
  const alert = widget.getByRole('alert');
  await expect(alert).toHaveAttribute('lang', 'de');
  await expect(alert).toContainText(
    'Diese Grafik kann nicht angezeigt werden: Die Datendatei /tests/fixtures/still-no-such-bundle.json konnte nicht geladen werden (HTTP 404).',
  );
  expect(consoleErrors.some((t) => t.includes('still-no-such-bundle.json could not be loaded (HTTP 404)'))).toBe(true);
});

test('a src that is not an http or https address or a relative path is said to be one, in the reader\'s language, and nothing is fetched or run', async ({ page }) => {
  // A `javascript:` URL or a file path read "could not be loaded (network
  // error)", and the journalist went looking for a network problem.
  await page.addInitScript(() => {
    window.__fetched = [];
    const fetch = window.fetch;
    window.fetch = (input, init) => {
      window.__fetched.push(String(input));
      return fetch(input, init);
    };
  });
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/tests/e2e/pages/src-address.html');
  const url = page.url();

  const script = page.locator('#script').getByRole('alert');
  await expect(script).toHaveText(
    'This chart could not be shown: the data file javascript:alert(1) could not be loaded (neither an http or https address nor a relative path).',
  );
  const path = page.locator('#path').getByRole('alert');
  await expect(path).toHaveAttribute('lang', 'de');
  await expect(path).toHaveText(
    'Diese Grafik kann nicht angezeigt werden: Die Datendatei C:\\Daten\\bundle.json konnte nicht geladen werden (keine http- oder https-Adresse und kein relativer Pfad).',
  );
  // The console says the same, in English, and nothing about a network.
  expect(consoleErrors).toEqual([
    'spector-widget: the data file javascript:alert(1) could not be loaded (neither an http or https address nor a relative path).',
    'spector-widget: the data file C:\\Daten\\bundle.json could not be loaded (neither an http or https address nor a relative path).',
  ]);

  // However it is written, a `javascript:` src is read as the browser would.
  await page.locator('#script').evaluate((el) => el.setAttribute('src', ' JAVA\tSCRIPT:alert(2)'));
  await expect(script).toContainText('could not be loaded (neither an http or https address nor a relative path)');

  // Nothing was fetched (not the bundle reader either), run or opened.
  expect(await page.evaluate(() => window.__fetched)).toEqual([]);
  expect(requests.filter((r) => !/\/(tests\/e2e\/pages\/src-address\.html|pkg\/embed\.js)$/.test(r))).toEqual([]);
  expect(dialogs).toEqual([]);
  expect(page.url()).toBe(url);

  // A `data:` URL, which a page's script may build from a bundle it holds,
  // is still read.
  const bundle = readFileSync(resolve(import.meta.dirname, '../fixtures/valid-minimal.json'), 'utf8');
  await page.locator('#path').evaluate((el, json) => el.setAttribute('src', `data:application/json,${encodeURIComponent(json)}`), bundle);
  await expect(page.locator('#path .title')).toHaveText('Operation Example');
});

test('only a page with a src fetches the bundle reader, once for all its widgets', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => r.url().includes('spector_reader') && fetched.push(new URL(r.url()).pathname));
  await page.goto('/tests/e2e/pages/two-widgets.html');
  await expect(page.locator('spector-widget .panel')).toHaveCount(2);
  expect(fetched).toEqual([]);

  await page.goto('/tests/e2e/pages/src-bundles.html');
  await expect(page.locator('#other .title')).toHaveText('Operation Example');
  await expect(page.locator('#invalid').getByRole('alert')).toContainText('facts[1].scope');
  expect(fetched).toEqual(['/pkg/spector_reader.wasm']);
});

test('a bundle reader that does not load is named in the message and the console, and tried again', async ({ page }) => {
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.route('**/spector_reader.wasm', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto('/tests/e2e/pages/src-bundles.html');

  const other = page.locator('#other');
  await expect(other.getByRole('alert')).toContainText(
    "the data file /tests/fixtures/valid-minimal.json could not be read, because the widget's reader (spector_reader.wasm) did not load.",
  );
  // The file that is missing itself is still reported as missing.
  await expect(page.locator('#missing').getByRole('alert')).toContainText('could not be loaded (HTTP 404)');
  await expect(page.locator('#embedded svg.map path.on')).toHaveCount(9);
  expect(consoleErrors.some((t) => t.includes('spector_reader.wasm: HTTP 404'))).toBe(true);

  await page.unroute('**/spector_reader.wasm');
  await other.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json?again'));
  await expect(other.locator('.title')).toHaveText('Operation Example');
});

test('a bundle reader answered by a page instead (a dev server\'s fallback) is named in the console', async ({ page }) => {
  // Vite's dev server before Vite 8 answers a module's missing file with its
  // HTML page and status 200: the console said only that the bytes were
  // not WebAssembly, not which address gave them.
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  await page.route('**/spector_reader.wasm', (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>app</title>' }),
  );
  await page.goto('/tests/e2e/pages/src-bundles.html');
  await expect(page.locator('#other').getByRole('alert')).toContainText("the widget's reader (spector_reader.wasm) did not load.");
  expect(consoleErrors.some((t) => /\/pkg\/spector_reader\.wasm: .*magic/.test(t)), consoleErrors.join('\n')).toBe(true);
});

test('a bundle nested as deep as the limit allows is read by the reader and refused by shape, not by a trap', async ({ page }) => {
  // 32 levels: `facts::MAX_DEPTH`, the deepest the reader's parser recurses.
  const deep = '{"schema":1,"operation":' + '['.repeat(31) + ']'.repeat(31) + '}';
  await page.route('**/deep.json', (route) => route.fulfill({ contentType: 'application/json', body: deep }));
  await page.goto('/tests/e2e/pages/src-bundles.html');
  const other = page.locator('#other');
  await other.evaluate((el) => el.setAttribute('src', '/deep.json'));
  await expect(other.getByRole('alert')).toContainText('operation: ');
  await expect(other.getByRole('alert')).not.toContainText('spector_reader.wasm');
});

test('a src that fails keeps the author\'s static version in view and explains in the console; without one the widget shows the message', async ({ page }) => {
  // Session 14's QA review: a bundle that did not load replaced the static
  // version, which holds every figure, with "This chart could not be
  // shown: …". A refused bundle is the same to the reader.
  const consoleErrors = [];
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.route('**/no-such-bundle.json?network', (route) => route.abort());
  await page.goto('/tests/e2e/pages/src-fallback.html');
  await page.waitForLoadState('load');
  await expect.poll(() => consoleErrors.length).toBeGreaterThanOrEqual(3);

  // What the reader sees: the static version, exactly as the page styles
  // it (none of the widget's stylesheet), and no message.
  const pageFont = await page.locator('.page-text').evaluate((p) => getComputedStyle(p).font);
  for (const id of ['#missing', '#invalid']) {
    const fallback = page.locator(`${id} .fallback`);
    await expect(fallback).toBeVisible();
    expect(await fallback.evaluate((p) => getComputedStyle(p).font)).toBe(pageFont);
    await expect(page.locator(id).getByRole('alert')).toHaveCount(0);
  }
  // Without a static version, the message.
  await expect(page.locator('#bare').getByRole('alert')).toContainText('could not be loaded (HTTP 404)');

  // What the page's developer sees.
  expect(consoleErrors.filter((t) => t.includes('no-such-bundle.json could not be loaded (HTTP 404)'))).toHaveLength(1);
  expect(consoleErrors.filter((t) => t.includes('no-such-bundle.json?bare could not be loaded (HTTP 404)'))).toHaveLength(1);
  expect(consoleErrors.filter((t) => t.startsWith('spector-widget: the data at /tests/fixtures/invalid/unknown-country.json was refused:\n'))).toHaveLength(1);
  expect(pageErrors).toEqual([]);

  // A good bundle then takes the static version's place, styled as the
  // widget; a network failure after it shows the static version again.
  const missing = page.locator('#missing');
  await missing.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json'));
  await expect(missing.locator('.title')).toHaveText('Operation Example');
  await expect(missing.locator('.fallback')).toBeHidden();
  await missing.evaluate((el) => el.setAttribute('src', '/tests/fixtures/no-such-bundle.json?network'));
  await expect(missing.locator('.fallback')).toBeVisible();
  await expect(missing.locator('svg')).toHaveCount(0);
  expect(consoleErrors.some((t) => t.includes('no-such-bundle.json?network could not be loaded (network error)'))).toBe(true);
});

test('a bundle without arrests by country says where its map is described, in the reader\'s language, that no source gives them', async ({ page }) => {
  // The map was empty, described for screen readers only as a map of
  // arrests ("Map of arrests by country."), and a sighted reader was told
  // nothing.
  const bundle = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/valid-minimal.json'), 'utf8'));
  bundle.facts = bundle.facts.filter((f) => f.scope === 'ALL');
  await page.route('**/total-only.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(bundle) }));
  await page.goto('/tests/e2e/pages/src-bundles.html');
  const other = page.locator('#other');
  await other.evaluate((el) => {
    el.setAttribute('lang', 'de');
    el.setAttribute('src', '/total-only.json');
  });
  const desc = other.locator('#sw-desc');
  await expect(desc).toHaveText('Keine Quelle nennt Festnahmen nach Ländern.');
  await expect(desc).toBeVisible();
  await expect(other.locator('figure.map-col')).toHaveAccessibleDescription('Keine Quelle nennt Festnahmen nach Ländern.');
  await expect(other.locator('svg.map path.on')).toHaveCount(0);
  await expect(other.locator('.total')).toHaveText('12');
});
