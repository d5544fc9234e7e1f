// Theming (issue 7): light and dark themes through CSS custom properties,
// contrast in both, reduced motion, forced colours (Windows high contrast),
// print, and a host page whose CSS tries hard to reach the widget.
import { chromium, test, expect } from '@playwright/test';
import { installColour } from './support/colour.js';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';

async function open(page, { width = 640, theme, url = '/' } = {}) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto(url);
  const widget = page.locator('spector-widget').first();
  if (theme) await widget.evaluate((el, t) => el.setAttribute('theme', t), theme);
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  await expect(widget.locator('.panel')).toBeVisible();
  return widget;
}

/** A page of our own, served from the demo's origin so /pkg/embed.js loads. */
async function servePage(page, path, body) {
  await page.route(`**${path}`, (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${body}<script src="/pkg/embed.js"></script></body></html>` }),
  );
}

/** The computed value of a property on an element in the shadow root. */
const css = (widget, selector, prop) =>
  widget.evaluate((el, [s, p]) => getComputedStyle(el.shadowRoot.querySelector(s)).getPropertyValue(p).trim(), [selector, prop]);

/** Contrast of the key colour pairs, from computed styles: foreground
 *  colour (or SVG fill/stroke) against what is painted behind it (own and
 *  ancestors' backgrounds, across the shadow boundary, over white), or
 *  against another element's colour. */
const contrasts = async (widget) => {
  await installColour(widget.page());
  return widget.evaluate((host) => {
    const root = host.shadowRoot;
    const { parse, contrast: ratio, background } = window.__sw;
    let behind = background;
    // Some parts are not in every panel (the euro amount, drug kinds):
    // those pairs are left out when absent; everything else must exist.
    const optional = ['.fig-alt', '.parts-note', '.fig-part .bar-v', '.fig-part .bar'];
    const q = (s) => {
      const el = root.querySelector(s);
      if (!el && !optional.includes(s)) throw new Error('no ' + s);
      return el;
    };
    const prop = (s, p) => (q(s) ? parse(getComputedStyle(q(s))[p]) : undefined);
    const behindOf = behind;
    behind = (el) => (el ? behindOf(el) : undefined);
    // [name, minimum, foreground, background]
    const pairs = [
      ['title', 4.5, prop('.title', 'color'), behind(q('.title'))],
      ['summary (muted)', 4.5, prop('.dek', 'color'), behind(q('.dek'))],
      ['credits', 4.5, prop('.credits', 'color'), behind(q('.credits'))],
      ['citation marker', 4.5, prop('.stat .cite', 'color'), behind(q('.stat .cite'))],
      ['zoom button text', 4.5, prop('.zoom', 'color'), behind(q('.zoom'))],
      ['chip text', 4.5, prop('.chip', 'color'), behind(q('.chip'))],
      ['sources differ', 4.5, prop('.differ', 'color'), behind(q('.differ'))],
      ['amount in euros (muted)', 4.5, prop('.fig-alt', 'color'), behind(q('.fig-alt'))],
      ['parts note (muted)', 4.5, prop('.parts-note', 'color'), behind(q('.parts-note'))],
      ['download link', 4.5, prop('.dl', 'color'), behind(q('.dl'))],
      ['download file name', 4.5, prop('.dl-name', 'color'), behind(q('.dl-name'))],
      ['source link', 4.5, prop('.src-list a', 'color'), behind(q('.src-list a'))],
      ['source kind (muted)', 4.5, prop('.src-kind', 'color'), behind(q('.src-kind'))],
      ['map label on its halo', 4.5, prop('.lb text.val:not(.in)', 'fill'), prop('.lb text.val:not(.in)', 'stroke')],
      ['map label inside a symbol', 4.5, prop('.lb text.in', 'fill'), prop('.sym circle', 'fill')],
      ['zoom button edge', 3, prop('.zoom', 'borderTopColor'), behind(q('.zoombar'))],
      ['chip edge', 3, prop('.chip', 'borderTopColor'), behind(q('.chips'))],
      ['symbol', 3, prop('.sym circle', 'fill'), behind(q('.map'))],
      ['symbol on quiet land', 3, prop('.sym circle', 'fill'), prop('.land path', 'fill')],
      ['country edge on quiet land', 3, prop('.marked path', 'stroke'), prop('.land path', 'fill')],
      ['bar', 3, prop('.bar-v', 'fill'), behind(q('.bar'))],
      ['part bar', 3, prop('.fig-part .bar-v', 'fill'), behind(q('.fig-part .bar'))],
      ['focus ring', 3, parse(getComputedStyle(q('.zoom')).getPropertyValue('--sw-focus').trim().replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgb(${parseInt(r, 16)},${parseInt(g, 16)},${parseInt(b, 16)})`)), behind(q('.zoombar'))],
    ];
    if (root.querySelector('.tip.pin')) {
      pairs.push(['tooltip text', 4.5, prop('.tip', 'color'), behind(q('.tip'))]);
      pairs.push(['tooltip marker', 4.5, prop('.tip .cite', 'color'), behind(q('.tip .cite'))]);
      pairs.push(['pressed chip', 4.5, prop('.chip[aria-pressed="true"]', 'color'), behind(q('.chip[aria-pressed="true"]'))]);
      pairs.push(['selected symbol', 3, prop('.sym.v-w circle[data-sel]', 'fill'), behind(q('.map'))]);
    }
    if (root.querySelector('.pop')) {
      pairs.push(['popover text', 4.5, prop('.pop', 'color'), behind(q('.pop'))]);
      pairs.push(['popover source number', 4.5, prop('.pop .src-n', 'color'), behind(q('.pop .src-n'))]);
      pairs.push(['open marker', 4.5, prop('.differ[aria-expanded="true"]', 'color'), behind(q('.differ[aria-expanded="true"]'))]);
    }
    return pairs.filter(([, , fg, bg]) => fg !== undefined && bg !== undefined).map(([name, min, fg, bg]) => ({ name, min, ratio: fg && bg ? Math.round(ratio(fg, bg) * 100) / 100 : 0 }));
  });
};

async function expectContrast(widget, label) {
  const all = await contrasts(widget);
  const low = all.filter((c) => c.ratio < c.min);
  expect(low, `${label}: ${JSON.stringify(all)}`).toEqual([]);
}

const INK = 'rgb(29, 29, 27)';
const PAPER = 'rgb(236, 235, 231)';

test('theme="auto" follows prefers-color-scheme; "light" and "dark" force it', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const widget = await open(page);
  expect(await css(widget, '.title', 'color')).toBe(INK);
  await widget.evaluate((el) => el.setAttribute('theme', 'dark'));
  expect(await css(widget, '.title', 'color')).toBe(PAPER);
  expect(await css(widget, '.sw', 'background-color')).toBe('rgb(27, 27, 25)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await widget.evaluate((el) => el.setAttribute('theme', 'auto'));
  expect(await css(widget, '.title', 'color')).toBe(PAPER);
  await widget.evaluate((el) => el.removeAttribute('theme'));
  expect(await css(widget, '.title', 'color')).toBe(PAPER);
  await widget.evaluate((el) => el.setAttribute('theme', 'light'));
  expect(await css(widget, '.title', 'color')).toBe(INK);
  expect(await css(widget, '.sw', 'background-color')).toBe('rgba(0, 0, 0, 0)');
  // As HTML reads its own keyword attributes, and the widget its `view`:
  // in any ASCII case.
  await widget.evaluate((el) => el.setAttribute('theme', 'LIGHT'));
  expect(await css(widget, '.title', 'color')).toBe(INK);
  await page.emulateMedia({ colorScheme: 'light' });
  await widget.evaluate((el) => el.setAttribute('theme', 'Dark'));
  expect(await css(widget, '.title', 'color')).toBe(PAPER);
});

for (const theme of ['light', 'dark']) {
  test(`key colour pairs keep their contrast in the ${theme} theme`, async ({ page }) => {
    const widget = await open(page, { theme });
    await expectContrast(widget, `${theme}, first render`);
    await widget.locator('.chip[data-c="US"]').click();
    await expect(widget.locator('.tip.pin')).toBeVisible();
    await widget.locator('.panel .differ').first().click();
    await expect(widget.locator('.pop')).toBeVisible();
    await expectContrast(widget, `${theme}, selected, popover`);
  });
}

test('a newsroom sets the documented custom properties on the element', async ({ page }) => {
  const widget = await open(page);
  await page.addStyleTag({
    content: 'spector-widget{--sw-font:Georgia,serif;--sw-font-size:17px;--sw-accent:rgb(139, 0, 0);--sw-text:rgb(10, 20, 30);--sw-symbol:rgb(0, 90, 50);--sw-bg:rgb(250, 250, 240)}',
  });
  expect(await css(widget, '.sw', 'font-family')).toBe('Georgia, serif');
  expect(await css(widget, '.sw', 'font-size')).toBe('17px');
  expect(await css(widget, '.stat .cite', 'color')).toBe('rgb(139, 0, 0)');
  expect(await css(widget, '.src-list a', 'color')).toBe('rgb(139, 0, 0)');
  expect(await css(widget, '.title', 'color')).toBe('rgb(10, 20, 30)');
  expect(await css(widget, '.sym circle', 'fill')).toBe('rgb(0, 90, 50)');
  expect(await css(widget, '.sw', 'background-color')).toBe('rgb(250, 250, 240)');
});

test('prefers-reduced-motion: the zoom jumps, nothing animates', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await open(page);
  const animated = await widget.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('*')].filter((e) => {
      const s = getComputedStyle(e);
      return (s.animationName !== 'none' && s.animationDuration !== '0s') || s.transitionDuration.split(',').some((d) => parseFloat(d) > 0);
    }).length,
  );
  expect(animated).toBe(0);
  await widget.locator('.zoom').click();
  // Already at the Europe view in the same task: no frames in between.
  const box = await widget.evaluate((el) => {
    const svg = el.shadowRoot.querySelector('svg.map');
    return [svg.getAttribute('viewBox'), svg.dataset.e];
  });
  expect(box[0].split(/\s+/).map(Number)).toEqual(box[1].split(/\s+/).map(Number));
});

test('forced colours keep the map, symbols, focus and selection visible', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const widget = await open(page);
  const land = await css(widget, '.land path', 'stroke');
  const edge = await css(widget, '.marked path', 'stroke');
  const symbol = await css(widget, '.sym circle', 'fill');
  const canvas = await css(widget, '.land path', 'fill');
  expect(edge).not.toBe(land);
  expect(symbol).not.toBe(canvas);
  expect(await css(widget, '.lb text.in', 'fill')).not.toBe(symbol);
  // Selection: the pressed chip and the country are in Highlight.
  await widget.locator('.chip[data-c="DE"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('path.on[data-c="DE"]')).toHaveAttribute('aria-pressed', 'true');
  const highlight = await widget.evaluate((el) => {
    const probe = document.createElement('span');
    probe.style.color = 'Highlight';
    el.shadowRoot.appendChild(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  expect(await css(widget, 'path.on[data-c="DE"]', 'fill')).toBe(highlight);
  expect(await css(widget, '.chip[aria-pressed="true"]', 'background-color')).toBe(highlight);
  // Focus: a visible outline on the focused chip.
  expect(await css(widget, '.chip[aria-pressed="true"]', 'outline-style')).toBe('solid');
  // A focused country draws a thick outline.
  await widget.locator('path.on[data-c="DE"]').focus();
  await page.keyboard.press('ArrowRight');
  const focused = await widget.evaluate((el) => el.shadowRoot.activeElement.dataset.c);
  expect(parseFloat(await css(widget, `path.on[data-c="${focused}"]`, 'stroke-width'))).toBeGreaterThanOrEqual(3);
  // The picture: Germany selected, the focus ring on the Netherlands.
  await widget.screenshot({ path: 'artifacts/forced-colors.png' });
});

test('dark theme screenshot', async ({ page }) => {
  const widget = await open(page, { theme: 'dark' });
  await widget.screenshot({ path: 'artifacts/theme-dark.png' });
});

test('print: the map, the figures and the sources with their addresses; no controls', async ({ page }) => {
  const widget = await open(page, { theme: 'dark' });
  await page.emulateMedia({ media: 'print' });
  for (const s of ['.zoom', '.chips', '.data', '.dl']) await expect(widget.locator(s).first(), s).toBeHidden();
  for (const s of ['svg.map', '.panel .figs', '.src-list', '.timeline']) await expect(widget.locator(s), s).toBeVisible();
  // Printed in the light theme whatever the screen's, with the map's colours.
  expect(await css(widget, '.title', 'color')).toBe(INK);
  expect(await css(widget, '.marked path', 'fill')).toBe('rgb(243, 185, 138)');
  // Links print their address.
  const after = await widget.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.src-list a'), '::after').content);
  expect(after).toContain('https://');
  expect(await css(widget, '.fig', 'break-inside')).toBe('avoid');
  expect(await css(widget, '.map-col', 'break-inside')).toBe('avoid');
  await widget.screenshot({ path: 'artifacts/print.png' });
  // An open popover and a pinned tooltip do not print.
  await page.emulateMedia({ media: 'screen' });
  await widget.locator('.chip[data-c="US"]').click();
  await widget.locator('.panel .cite').first().click();
  await page.emulateMedia({ media: 'print' });
  await expect(widget.locator('.pop')).toBeHidden();
  await expect(widget.locator('.tip')).toBeHidden();
});

test('print: every disagreement goes on paper, with the other values and why one is shown', async ({ page }) => {
  const widget = await open(page);
  // The popover open when printing starts closes; the disagreements print.
  await widget.locator('.panel .cite').first().click();
  await expect(widget.locator('.pop')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(widget.locator('.pop-slot > .pop')).toHaveCount(0);
  // Not on screen, even while the print dialog is open.
  await expect(widget.locator('.print')).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  // One for each figure or date of the bundle whose sources differ.
  const bundle = JSON.parse(readFileSync(new URL('../../data/spector.json', import.meta.url), 'utf8'));
  const disputed = [...bundle.facts, ...bundle.dates].filter((item) => item.disagreement).map((item) => item.id);
  expect(disputed.length).toBeGreaterThan(3);
  const printed = widget.locator('.print .pop-differ');
  expect(await printed.evaluateAll((pops) => pops.map((p) => p.dataset.for))).toEqual(disputed);
  for (const pop of await printed.all()) await expect(pop).toBeVisible();
  const text = await widget.locator('.print').innerText();
  expect(text).toContain('Sources differ on Firearms');
  expect(text).toContain('Why this figure is shown');
  expect(text).toContain('more than 280');
  await expect(widget.locator('.print .pop-close').first()).toBeHidden();
  await widget.screenshot({ path: 'artifacts/print-disagreements.png' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(widget.locator('.print')).toHaveCount(0);
});

test('print with a country selected in the Europe view: the world map and the whole operation go on paper too, and the screen is as it was after', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await open(page);
  await widget.locator('.chip[data-c="DE"]').click();
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  const europe = await widget.locator('svg.map').getAttribute('viewBox');
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  expect(await widget.locator('svg.map').getAttribute('viewBox')).not.toBe(europe);
  // Germany's figures where they were, then the whole operation's.
  await expect(widget.locator('.side .panel')).toHaveAttribute('data-scope', 'DE');
  const whole = widget.locator('.print .panel[data-scope="ALL"]');
  await expect(whole).toBeVisible();
  await expect(whole).toContainText('288');
  await expect(whole).toContainText('117');
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  expect(await widget.locator('svg.map').getAttribute('viewBox')).toBe(europe);
  await expect(widget.locator('.print')).toHaveCount(0);
  await expect(widget.locator('.tip.pin')).toBeVisible();
  // From the table view, paper is as from the map view: the world map
  // (the README says it prints), Germany's figures and the whole
  // operation's, each once; the tables, which hold the same figures, do
  // not print. They printed instead of the map, and every figure twice.
  await widget.locator('.as-table').click();
  await expect(widget.locator('.ftable table')).toHaveCount(3);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(widget.locator('svg.map')).toBeVisible();
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await expect(widget.locator('.ftable')).toBeHidden();
  await expect(widget.locator('.side .panel')).toHaveAttribute('data-scope', 'DE');
  await expect(whole).toBeVisible();
  await expect(widget.locator('.print .pop-differ').first()).toBeVisible();
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // And the screen is the table view again.
  await expect(widget.locator('.ftable')).toBeVisible();
  await expect(widget.locator('.map-wrap')).toBeHidden();
});

/** Decodes a Playwright screenshot (8-bit RGB or RGBA PNG, not interlaced). */
function decodePng(buf) {
  let pos = 8;
  let width, height, type;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const kind = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') [width, height, type] = [data.readUInt32BE(0), data.readUInt32BE(4), data[9]];
    if (kind === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const bpp = type === 6 ? 4 : 3;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? out[y * stride + x - bpp] : 0;
      const b = y ? out[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y ? out[(y - 1) * stride + x - bpp] : 0;
      let v = raw[line + x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = v & 255;
    }
  }
  return { width, height, bpp, data: out };
}

/** Pixels that differ visibly (a channel by more than 32 of 255) between
 *  two screenshots of the same size. Antialiasing at another position on
 *  the page moves some edge pixels by a few levels; that is not counted. */
function visibleDifference(pngA, pngB) {
  const [a, b] = [decodePng(pngA), decodePng(pngB)];
  if (a.width !== b.width || a.height !== b.height) return Infinity;
  let n = 0;
  for (let i = 0; i < a.data.length; i += a.bpp) {
    if (Math.abs(a.data[i] - b.data[i]) > 32 || Math.abs(a.data[i + 1] - b.data[i + 1]) > 32 || Math.abs(a.data[i + 2] - b.data[i + 2]) > 32) n++;
  }
  return n;
}

const HOSTILE = `* { all: revert !important; font-size: 40px !important; line-height: 3 !important; box-sizing: content-box !important; color: red !important }
svg { display: none !important }
spector-widget { font-family: "Comic Sans MS" !important; display: inline !important }`;

test('aggressive page CSS leaves the widget pixel-identical', async ({ page }) => {
  await servePage(page, '/plain-page.html', '<spector-widget></spector-widget>');
  const plain = await open(page, { url: '/plain-page.html' });
  const before = { box: await plain.boundingBox(), png: await plain.screenshot() };
  await page.addStyleTag({ content: HOSTILE });
  // The host stays a block, and nothing inherited gets in.
  expect(await plain.evaluate((el) => getComputedStyle(el).display)).toBe('block');
  expect(await css(plain, '.title', 'color')).toBe(INK);
  expect(await css(plain, '.sw', 'font-size')).toBe('15px');
  await expect(plain.locator('svg.map')).toBeVisible();
  const after = { box: await plain.boundingBox(), png: await plain.screenshot() };
  expect(after.box.width).toBe(before.box.width);
  expect(after.box.height).toBe(before.box.height);
  const differ = visibleDifference(before.png, after.png);
  if (differ) {
    writeFileSync(test.info().outputPath('plain.png'), before.png);
    writeFileSync(test.info().outputPath('hostile.png'), after.png);
  }
  expect(differ, 'visibly different pixels').toBe(0);
});

test('aggressive page CSS present before the widget starts changes nothing either', async ({ page }) => {
  await servePage(page, '/plain-page.html', '<spector-widget></spector-widget>');
  const plain = await open(page, { url: '/plain-page.html' });
  const reference = await plain.screenshot();
  await servePage(page, '/hostile-page.html', `<style>${HOSTILE}</style><spector-widget></spector-widget>`);
  const hostile = await open(page, { url: '/hostile-page.html' });
  expect(visibleDifference(await hostile.screenshot(), reference), 'visibly different pixels').toBe(0);
});

/** Runs `use(page)` in a browser whose reader chose a larger default text
 *  size, 24 px (Chromium's Settings → Appearance → Font size), set in a
 *  fresh profile. */
async function withLargeText(testInfo, use) {
  const profile = mkdtempSync(join(tmpdir(), 'sw-font-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default/Preferences'), JSON.stringify({ webkit: { webprefs: { default_font_size: 24 } } }));
  const { launchOptions } = testInfo.project.use;
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions, viewport: { width: 800, height: 900 } });
  try {
    await use(context.pages()[0] ?? (await context.newPage()));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

test("the widget's text follows the reader's default text size, not the page's", async ({ baseURL }, testInfo) => {
  await withLargeText(testInfo, async (page) => {
    await servePage(page, '/reader-size.html', '<p>Article text at the reader\'s size.</p><spector-widget></spector-widget>');
    const widget = await open(page, { width: 800, url: `${baseURL}reader-size.html` });
    expect(await page.locator('p').first().evaluate((p) => getComputedStyle(p).fontSize)).toBe('24px');
    // 15 px at the usual 16 px default, so 22.5 px here: the same ratio.
    expect(await css(widget, '.sw', 'font-size')).toBe('22.5px');
    // A page that sets its own root size does not shrink the widget.
    await page.addStyleTag({ content: 'html { font-size: 62.5% } body { font-size: 1.6rem }' });
    expect(await css(widget, '.sw', 'font-size')).toBe('22.5px');
  });
});

/** The map's labels as drawn: the size of the shown label group's text in
 *  CSS px over the widget's text size, and whether any labels show. */
const labelScale = (widget) =>
  widget.evaluate((host) => {
    const root = host.shadowRoot;
    const svg = root.querySelector('svg.map');
    const group = [...root.querySelectorAll('.lb')].find((g) => getComputedStyle(g).display !== 'none' && g.checkVisibility());
    const px = (Number(group.getAttribute('font-size')) * svg.getBoundingClientRect().width) / svg.viewBox.baseVal.width;
    return { ratio: px / parseFloat(getComputedStyle(root.querySelector('.sw')).fontSize), labels: group.querySelectorAll('text').length };
  });

test("the map's labels grow with the reader's default text size, as the widget's text does", async ({ page, baseURL }, testInfo) => {
  // Labels are drawn in the map's units, so their size on screen follows
  // the map's width; the label group shown is picked by that width in ems
  // of the widget's text, so a reader with a larger text size gets the
  // larger labels of a narrower map: 0.8 to 1.2 of the text at any width,
  // as at the usual size (down to a map of 320 px at the usual size,
  // 21⅓ em, the narrowest the labels are laid out for). In px they stayed
  // 12 to 18 px at 150% text.
  await withLargeText(testInfo, async (large) => {
    for (const width of [560, 800, 1100, 1500]) {
      const usual = await labelScale(await open(page, { width }));
      const widget = await open(large, { width, url: `${baseURL}` });
      expect(await css(widget, '.sw', 'font-size')).toBe('22.5px');
      const scaled = await labelScale(widget);
      for (const [size, { ratio, labels }] of [['usual', usual], ['150%', scaled]]) {
        expect(labels, `${width} px, ${size} text: labels shown`).toBeGreaterThan(0);
        expect(ratio, `${width} px, ${size} text: label size over text size`).toBeGreaterThanOrEqual(0.79);
        expect(ratio, `${width} px, ${size} text: label size over text size`).toBeLessThanOrEqual(1.21);
      }
    }
  });
});

test("a page that hides the widget's container hides the widget and keeps it out of reach, and a right-to-left page leaves it left-to-right", async ({ page }) => {
  // Tabs, carousels and off-canvas panels hide their other panels with
  // `visibility: hidden`, `pointer-events: none` or `inert`; the widget's
  // reset of inherited styles must not undo any of them.
  await servePage(
    page,
    '/hidden-tab.html',
    `<button id="before">before</button>
     <div id="tab" style="visibility:hidden"><spector-widget id="hidden"></spector-widget></div>
     <div id="dead" style="pointer-events:none"><spector-widget id="untouchable"></spector-widget></div>
     <div inert><spector-widget id="inert"></spector-widget></div>
     <button id="after">after</button>`,
  );
  await page.setViewportSize({ width: 640, height: 900 });
  await page.goto('/hidden-tab.html');
  const [hidden, untouchable, inert] = ['#hidden', '#untouchable', '#inert'].map((id) => page.locator(id));
  for (const w of [hidden, untouchable, inert]) await expect(w.locator('.chip')).toHaveCount(9);
  await expect(hidden.locator('.title')).toBeHidden();
  await expect(hidden.locator('svg.map')).toBeHidden();
  // Tab goes past both unreachable widgets, from "before" to the
  // clickable one's first control, and never into the hidden or inert one.
  await page.locator('#before').focus();
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement.id);
    expect(['hidden', 'inert']).not.toContain(at);
    if (at === 'after') break;
  }
  await expect(page.locator('#after')).toBeFocused();
  // A click on a chip of the widget under `pointer-events: none` reaches
  // nothing in it: no country is selected.
  const chip = untouchable.locator('.chip').nth(2);
  await chip.scrollIntoViewIfNeeded();
  const box = await chip.boundingBox();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(untouchable.locator('.chip[aria-pressed=true]')).toHaveCount(0);

  // A right-to-left page (Arabic, Hebrew) around a widget whose seven
  // languages are all written left to right.
  await page.route('**/rtl.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>t</title></head><body><spector-widget lang="en"></spector-widget><script src="/pkg/embed.js"></script></body></html>',
    }),
  );
  const rtl = await open(page, { url: '/rtl.html' });
  expect(await css(rtl, '.sw', 'direction')).toBe('ltr');
  const [host, title] = [await rtl.boundingBox(), await rtl.locator('.title').boundingBox()];
  expect(title.x - host.x).toBeLessThan(20);
});
