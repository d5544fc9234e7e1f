// Keyboard only (issue 7): Tab walks every control of the widget in order,
// each focused control shows a visible focus indicator, nothing traps
// focus, and every interactive target is at least 24 by 24 CSS px
// (WCAG 2.2, 2.5.8 Target Size (Minimum)).
import { test, expect } from '@playwright/test';
import { installColour } from './support/colour.js';

async function open(page, { width = 640, theme } = {}) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/');
  const widget = page.locator('spector-widget');
  if (theme) await widget.evaluate((el, t) => el.setAttribute('theme', t), theme);
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  await expect(widget.locator('.panel')).toBeVisible();
  return widget;
}

/** Colour helpers, installed in the page: relative luminance, contrast,
 *  and the colour actually painted behind an element (its own and its
 *  ancestors' backgrounds, across the shadow boundary, over white). */

/** What has focus: inside the widget, a description of the element and
 *  its focus indicator; outside it, null. */
const focusState = (page) =>
  page.evaluate(() => {
    const host = document.querySelector('spector-widget');
    if (document.activeElement !== host) return null;
    const el = host.shadowRoot.activeElement;
    if (!el) return { key: 'host', visible: false };
    const { parse, contrast, background } = window.__sw;
    const s = getComputedStyle(el);
    const key =
      el.tagName.toLowerCase() +
      (el.classList.length ? '.' + [...el.classList].join('.') : '') +
      (el.dataset.c ? `[${el.dataset.c}]` : '') +
      (el.dataset.cite ? `[cite=${el.dataset.cite}]` : '') +
      (el.dataset.differ ? `[differ=${el.dataset.differ}]` : '');
    if (el instanceof SVGElement) {
      // A country: its outline thickens and darkens.
      const stroke = parse(s.stroke);
      const fill = parse(s.fill);
      return { key, visible: parseFloat(s.strokeWidth) >= 3 && !!stroke, ratio: stroke && fill ? contrast(stroke, fill) : 0, indicator: `stroke ${s.stroke} ${s.strokeWidth}` };
    }
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
    const shadow = s.boxShadow !== 'none';
    const colour = parse(outline ? s.outlineColor : s.boxShadow);
    return {
      key,
      visible: outline || shadow,
      ratio: colour ? contrast(colour, background(el.parentElement ?? el)) : 0,
      indicator: outline ? `outline ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : `box-shadow ${s.boxShadow}`,
    };
  });

/** Every element the reader can reach with Tab, in document order. */
const tabStops = (widget) =>
  widget.evaluate((host) => {
    const out = [];
    for (const el of host.shadowRoot.querySelectorAll('button, a[href], [tabindex]')) {
      if (el.closest('[inert],[hidden]') || el.tabIndex < 0) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      out.push(el);
    }
    return out.map(
      (el) =>
        el.tagName.toLowerCase() +
        (el.classList.length ? '.' + [...el.classList].join('.') : '') +
        (el.dataset.c ? `[${el.dataset.c}]` : '') +
        (el.dataset.cite ? `[cite=${el.dataset.cite}]` : '') +
        (el.dataset.differ ? `[differ=${el.dataset.differ}]` : ''),
    );
  });

/** Tabs from the link before the widget until focus leaves it; returns
 *  each stop's focus state. Fails if focus never leaves. */
async function walk(page, key = 'Tab') {
  await installColour(page);
  const stops = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(key);
    const state = await focusState(page);
    if (!state) {
      if (stops.length) return stops;
      continue; // not yet in the widget
    }
    stops.push(state);
  }
  throw new Error('focus did not leave the widget after 80 presses of ' + key + ': ' + stops.map((s) => s.key).join(', '));
}

for (const theme of ['light', 'dark']) {
  test(`Tab reaches every control in order with a visible focus indicator, and leaves the widget (${theme})`, async ({ page }) => {
    const widget = await open(page, { theme });
    const expected = await tabStops(widget);
    await page.locator('.masthead a').focus();
    const stops = await walk(page);
    expect(stops.map((s) => s.key)).toEqual(expected);
    // Every kind of control is on the way.
    const keys = stops.map((s) => s.key).join(' ');
    for (const kind of ['path.on[US]', 'button.zoom', 'button.chip[', 'button.cite[', 'button.differ[', 'a.dl.dl-csv', 'a.dl.dl-json']) {
      expect(keys, kind).toContain(kind);
    }
    // The sources with a confirmed address: ICE, Mimikama, the Daily News.
    expect(stops.filter((s) => s.key === 'a').length, 'source links').toBe(3);
    // One tab stop for the map.
    expect(stops.filter((s) => s.key.startsWith('path.on')).length).toBe(1);
    for (const s of stops) {
      expect(s.visible, `${s.key}: no visible focus indicator (${s.indicator})`).toBe(true);
      expect(s.ratio, `${s.key}: focus indicator contrast ${s.ratio.toFixed(2)} (${s.indicator})`).toBeGreaterThanOrEqual(3);
    }
    await page.screenshot({ path: `test-results/keyboard-${theme}.png` });
  });
}

test('Shift+Tab walks the same controls backwards and leaves the widget', async ({ page }) => {
  const widget = await open(page);
  const expected = await tabStops(widget);
  // Start after the widget: from its last control.
  await widget.locator('.src-list a').last().focus();
  await installColour(page);
  const first = await focusState(page);
  const back = await walk(page, 'Shift+Tab');
  expect([first.key, ...back.map((s) => s.key)]).toEqual([...expected].reverse());
});

test('focus is visible on the controls inside an open popover, a selected country and the pinned tooltip, and never trapped', async ({ page }) => {
  const widget = await open(page);
  await installColour(page);
  // Select Germany from the keyboard: its chip, then Enter.
  await widget.locator('.chip[data-c="DE"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  let state = await focusState(page);
  expect(state.key).toContain('chip');
  expect(state.visible).toBe(true);
  expect(state.ratio).toBeGreaterThanOrEqual(3);
  // The pinned tooltip's marker (light on dark).
  await widget.locator('.tip.pin .cite').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  state = await focusState(page);
  expect(state.key).toBe('button.cite[cite=arrests-de]');
  expect(state.visible, state.indicator).toBe(true);
  expect(state.ratio, state.indicator).toBeGreaterThanOrEqual(3);
  // The back button.
  await widget.locator('.back').focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  state = await focusState(page);
  expect(state.key).toContain('back');
  expect(state.visible, state.indicator).toBe(true);
  // A marker opens its popover; focus moves to the close button.
  await widget.locator('.panel .cite').first().focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.pop')).toBeVisible();
  state = await focusState(page);
  expect(state.key).toContain('pop-close');
  expect(state.visible, state.indicator).toBe(true);
  expect(state.ratio).toBeGreaterThanOrEqual(3);
  // Tab moves on through the popover's links and out of the widget: no trap.
  const rest = await walk(page);
  expect(rest.length).toBeGreaterThan(0);
  for (const s of rest) expect(s.visible, `${s.key}: ${s.indicator}`).toBe(true);
});

// The popover sits at the end of the widget (.pop-slot), but focus follows
// the reading order (WCAG 2.4.3 Focus Order): Tab past its last control
// closes it and goes on to the control after its marker; Shift+Tab before
// its first control closes it and returns to the marker.
async function tabOutOfPopover(page, widget, key) {
  let state;
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press(key);
    state = await focusState(page);
    if (!state || !(await widget.evaluate((h) => !!h.shadowRoot.activeElement?.closest('.pop')))) break;
  }
  return state;
}

test('Tab past an open popover continues with the control after its marker', async ({ page }) => {
  const widget = await open(page);
  await installColour(page);
  await widget.locator('.panel .cite[data-cite="firearms-all"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.pop')).toBeVisible();
  const state = await tabOutOfPopover(page, widget, 'Tab');
  expect(state?.key).toBe('button.differ[differ=firearms-all]');
  await expect(widget.locator('.pop')).toHaveCount(0);
  await expect(widget.locator('.panel .cite[data-cite="firearms-all"]')).toHaveAttribute('aria-expanded', 'false');
  // And on from there as usual.
  await page.keyboard.press('Tab');
  expect((await focusState(page))?.key).toBe('button.cite[cite=drugs-all]');
});

test('Shift+Tab before an open popover\'s first control returns to its marker', async ({ page }) => {
  const widget = await open(page);
  await installColour(page);
  await widget.locator('.panel .differ[data-differ="firearms-all"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.pop-differ')).toBeVisible();
  expect((await focusState(page))?.key).toContain('pop-close');
  await page.keyboard.press('Shift+Tab');
  expect((await focusState(page))?.key).toBe('button.differ[differ=firearms-all]');
  await expect(widget.locator('.pop')).toHaveCount(0);
  // Tab inside the popover still walks its own controls first.
  await widget.locator('.stat .cite[data-cite="arrests-all"]').focus();
  await page.keyboard.press('Enter');
  const links = await widget.locator('.pop a[href]').count();
  expect(links).toBeGreaterThan(0);
  for (let i = 0; i < links; i++) {
    await page.keyboard.press('Tab');
    expect(await widget.evaluate((h) => h.shadowRoot.activeElement?.matches('.pop a[href]'))).toBe(true);
  }
  // Past the last link: the control after the headline's first marker.
  await page.keyboard.press('Tab');
  expect((await focusState(page))?.key).toBe('button.cite[cite=countries-all]');
  await expect(widget.locator('.pop')).toHaveCount(0);
});

test('Tab past a popover opened in the timeline goes on to the downloads', async ({ page }) => {
  const widget = await open(page);
  await installColour(page);
  await widget.locator('.tl-item button.cite').last().focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.pop')).toBeVisible();
  const state = await tabOutOfPopover(page, widget, 'Tab');
  expect(state?.key).toBe('a.dl.dl-csv');
});

/** Bounding boxes of every visible button, link and [tabindex] in the
 *  shadow root smaller than 24 by 24. */
const smallTargets = (widget) =>
  widget.evaluate((host) => {
    const out = [];
    for (const el of host.shadowRoot.querySelectorAll('button, a[href], [tabindex], [role=button]')) {
      if (el.closest('[hidden]')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (r.width < 24 || r.height < 24) {
        const key = el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].join('.') : '') + (el.dataset.c ? `[${el.dataset.c}]` : '');
        out.push({ key, width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10, inline: !!el.closest('.src-list') });
      }
    }
    return out;
  });

/** WCAG 2.5.8 exceptions that apply here:
 *  - the countries on the map (path.on) are small at world scale, but each
 *    has an equivalent control of full size, its chip in the panel, and the
 *    pointer reaches a country from 20 px around its symbol;
 *  - links inside the sentences of the sources list are inline. */
const exempt = (t) => t.key.startsWith('path.on') || (t.key === 'a' && t.inline);

for (const width of [320, 640, 1200]) {
  test(`interactive targets are at least 24 by 24 px at ${width} px`, async ({ page }) => {
    const widget = await open(page, { width });
    if (width === 1200) await page.addStyleTag({ content: 'main{max-width:1160px}' });
    expect((await smallTargets(widget)).filter((t) => !exempt(t))).toEqual([]);
    // With a country selected: the back button and the pinned tooltip's marker.
    await widget.locator('.chip[data-c="US"]').click();
    await expect(widget.locator('.tip.pin')).toBeVisible();
    expect((await smallTargets(widget)).filter((t) => !exempt(t))).toEqual([]);
    // With a popover open: its close button and its links.
    await widget.locator('.panel .differ').first().click();
    await expect(widget.locator('.pop')).toBeVisible();
    expect((await smallTargets(widget)).filter((t) => !exempt(t))).toEqual([]);
    // The table view: its markers and marks.
    await widget.locator('button.as-table').click();
    await expect(widget.locator('.ftable table')).toHaveCount(3);
    expect((await smallTargets(widget)).filter((t) => !exempt(t))).toEqual([]);
  });
}

// Escape clears the selection, and the controls that showed it (the
// country's panel, the pinned tooltip) go away with it: focus must land
// on something that is still there, never on the page (WCAG 2.4.3).
test('Escape that clears the selection leaves focus in the widget, where the reader was', async ({ page }) => {
  const widget = await open(page);
  const active = () => widget.evaluate((h) => {
    const el = h.shadowRoot.activeElement;
    return el ? el.tagName.toLowerCase() + '.' + el.getAttribute('class') + '[' + (el.getAttribute('data-c') ?? '') + ']' : null;
  });
  // From a citation in Germany's panel: to Germany's chip.
  await widget.locator('.chip[data-c="DE"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  await widget.locator('.panel .cite').first().focus();
  await page.keyboard.press('Escape');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'ALL');
  expect(await active()).toBe('button.chip[DE]');
  // From the back button: the same.
  await page.keyboard.press('Enter');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  await widget.locator('.back').focus();
  await page.keyboard.press('Escape');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'ALL');
  expect(await active()).toBe('button.chip[DE]');
  // From a reference in the pinned tooltip: to the country on the map.
  await widget.locator('path.on[data-c="US"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'true');
  await widget.locator('.tip.pin .cite').first().focus();
  await page.keyboard.press('Escape');
  await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'false');
  expect(await active()).toBe('path.on[US]');
});

test('the pinned tooltip\'s "sources differ" mark has a focus ring that stands out on the tooltip', async ({ page }) => {
  const widget = await open(page);
  await installColour(page);
  await widget.locator('.chip[data-c="US"]').click();
  const differ = widget.locator('.tip.pin .differ');
  await expect(differ).toHaveCount(1);
  await differ.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const state = await focusState(page);
  expect(state.key).toBe('button.differ[differ=arrests-us]');
  expect(state.visible, state.indicator).toBe(true);
  expect(state.ratio, state.indicator).toBeGreaterThanOrEqual(3);
});

test('E switches the view from the map only, says so, and keeps the focused country in sight', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await open(page);
  const view = () => widget.locator('.map-wrap').getAttribute('data-view');
  // On a chip or in a popover, E is a letter.
  await widget.locator('.chip[data-c="DE"]').focus();
  await page.keyboard.press('e');
  expect(await view()).toBe('w');
  await widget.locator('.panel .cite').first().focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.pop')).toBeVisible();
  await page.keyboard.press('e');
  expect(await view()).toBe('w');
  await page.keyboard.press('Escape');
  // On the United States, which the Europe view leaves out: focus moves to
  // the first country of that view, and the live region says the view.
  await widget.locator('.zoom').focus();
  await page.keyboard.press('Tab');
  expect(await widget.evaluate((h) => h.shadowRoot.activeElement.getAttribute('data-c'))).toBe('US');
  await page.keyboard.press('e');
  expect(await view()).toBe('e');
  await expect(widget.locator('.live')).toHaveText('View: Europe');
  expect(await widget.evaluate((h) => h.shadowRoot.activeElement.getAttribute('data-c'))).toBe('GB');
  await expect(widget.locator('.tip')).toBeVisible();
  // Back to the world: focus stays where it is.
  await page.keyboard.press('e');
  expect(await view()).toBe('w');
  await expect(widget.locator('.live')).toHaveText('View: world');
  expect(await widget.evaluate((h) => h.shadowRoot.activeElement.getAttribute('data-c'))).toBe('GB');
});

test('the map\'s keys are shown while a country has keyboard focus, and only then, moving nothing', async ({ page }) => {
  const widget = await open(page);
  const keys = widget.locator('#sw-keys');
  const height = async () => (await keys.boundingBox()).height;
  const zoom = widget.locator('.zoom');
  const zoomAt = await zoom.boundingBox();
  expect(await height()).toBeLessThanOrEqual(1);
  // A click focuses a country, but not visibly: the keys stay hidden.
  await widget.locator('.sym.v-w circle[data-c="US"]').click();
  expect(await height()).toBeLessThanOrEqual(1);
  await page.keyboard.press('Escape');
  await widget.locator('.zoom').focus();
  await page.keyboard.press('Tab');
  await expect(keys).toHaveText(/Arrow keys move between countries/);
  await expect.poll(height).toBeGreaterThan(10);
  // Laid over what comes before the map: nothing moves, and a click aimed
  // at what is under them (here the zoom button) reaches it.
  expect(await zoom.boundingBox()).toEqual(zoomAt);
  const k = await keys.boundingBox();
  expect(k.y).toBeLessThan(zoomAt.y);
  expect(k.y + k.height).toBeGreaterThan(zoomAt.y + zoomAt.height);
  await zoom.click();
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-to', 'e');
  await expect.poll(height).toBeLessThanOrEqual(1);
  // Not on paper.
  await widget.locator('path.on[data-c="DE"]').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(height).toBeGreaterThan(10);
  await page.emulateMedia({ media: 'print' });
  await expect(keys).toBeHidden();
});

test('in the table view E is only a letter', async ({ page }) => {
  const widget = await open(page);
  await widget.locator('.as-table').click();
  await expect(widget.locator('.ftable')).toBeVisible();
  await widget.locator('.as-table').focus();
  await page.keyboard.press('e');
  await widget.locator('.ftable .cite').first().focus();
  await page.keyboard.press('e');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await expect(widget.locator('.live')).not.toHaveText(/View/);
});

test('a key on the map leaves focus where the page\'s own listener put it', async ({ page }) => {
  const widget = await open(page);
  await page.evaluate(() => {
    const input = document.body.appendChild(document.createElement('input'));
    input.id = 'page-input';
    document.querySelector('spector-widget').addEventListener('spector-select', () => input.focus());
  });
  await widget.locator('path.on[data-c="DE"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  expect(await page.evaluate(() => document.activeElement.id)).toBe('page-input');
});

test('a selected country the Europe view leaves out keeps no tooltip outside the widget, and focus in that tooltip goes to the zoom button', async ({ page }) => {
  const widget = await open(page, { width: 1000 });
  const view = () => widget.locator('.map-wrap').getAttribute('data-view');
  // Animated, as most readers see it: the tooltip moves once the zoom ends.
  await widget.locator('svg.map path.on[data-c="US"]').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.tip.pin')).toBeVisible();
  await page.keyboard.press('Tab');
  expect(await widget.evaluate((h) => h.shadowRoot.activeElement.closest('.tip') !== null)).toBe(true);
  await page.keyboard.press('e');
  await expect.poll(view).toBe('e');
  await expect(widget.locator('.tip')).toBeHidden();
  await expect
    .poll(() => widget.evaluate((h) => h.shadowRoot.activeElement?.className))
    .toBe('zoom');
  // Nothing the keyboard reaches lies outside the widget.
  const box = await widget.boundingBox();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press('Shift+Tab');
    const at = await page.evaluate(() => document.querySelector('spector-widget').shadowRoot.activeElement?.getBoundingClientRect().toJSON());
    if (!at) break;
    expect(at.left).toBeGreaterThanOrEqual(box.x - 1);
    expect(at.right).toBeLessThanOrEqual(box.x + box.width + 1);
  }
  // Back to the world view, the selection's tooltip is back beside it.
  await widget.locator('.zoom').click();
  await expect.poll(view).toBe('w');
  await expect(widget.locator('.tip.pin')).toBeVisible();
  const tip = await widget.locator('.tip').boundingBox();
  expect(tip.x).toBeGreaterThanOrEqual(box.x);
});

test('after E, Tab reaches a country of the Europe view, not one it leaves out', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const widget = await open(page, { width: 1000 });
  const view = () => widget.locator('.map-wrap').getAttribute('data-view');
  await widget.locator('svg.map path.on[data-c="US"]').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('e');
  await expect.poll(view).toBe('e');
  // From the zoom button, Shift+Tab and Tab again lead back onto the map.
  await widget.locator('.zoom').focus();
  await page.keyboard.press('Tab');
  const code = await widget.evaluate((h) => h.shadowRoot.activeElement.getAttribute('data-c'));
  expect(code).toBe('GB');
  expect(await view()).toBe('e');
});

test('the map\'s keys cover neither the headline, the map, its figure, nor the chips, at any width and in every language', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const narrow = ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl'].map((lang) => [320, lang]);
  // German's sentence took three lines in a 480 to 530 px map column, in
  // one column (a 520 px window) or beside the panel (an 850 px one).
  for (const [width, lang] of [...narrow, [480, 'en'], [480, 'de'], [520, 'de'], [560, 'fr'], [700, 'en'], [700, 'de'], [850, 'de'], [1000, 'en']]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    // The widget as wide as the window; at 320 px, as wide as the demo
    // article's column (280 px), where the headline takes two lines.
    await page.addStyleTag({ content: `main{max-width:none!important;padding:0 ${width === 320 ? 20 : 8}px!important}` });
    const widget = page.locator('spector-widget');
    await widget.evaluate((el, l) => el.setAttribute('lang', l), lang);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', lang);
    await expect(widget.locator('.chip')).toHaveCount(9);
    const keys = widget.locator('#sw-keys');
    // The panel's place in the widget (focus may scroll the page).
    const side = () => widget.evaluate((el) => el.shadowRoot.querySelector('.side').getBoundingClientRect().top - el.getBoundingClientRect().top);
    const before = await side();
    await widget.locator('.zoom').focus();
    await page.keyboard.press('Tab');
    for (const step of ['focused', 'selected']) {
      if (step === 'selected') await page.keyboard.press('Enter');
      await expect.poll(async () => (await keys.boundingBox()).height, `${width} ${lang} ${step}`).toBeGreaterThan(20);
      const k = await keys.boundingBox();
      const host = await widget.boundingBox();
      const covered = [];
      // Nor the headline above the buttons ("288 arrests in 9 countries").
      for (const part of ['.map-wrap', '.chip', '.panel', '.stat']) {
        for (const box of await widget.locator(part).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()))) {
          const overlap = Math.min(k.y + k.height, box.bottom) - Math.max(k.y, box.top);
          const across = Math.min(k.x + k.width, box.right) - Math.max(k.x, box.left);
          if (overlap > 0.5 && across > 0.5) covered.push(`${part} by ${overlap.toFixed(0)} px`);
        }
      }
      expect(covered, `${width} px, ${lang}, ${step}`).toEqual([]);
      expect(k.y).toBeGreaterThanOrEqual(host.y);
      expect(k.x + k.width).toBeLessThanOrEqual(host.x + host.width + 0.5);
      // Nothing moved for them. (A selection then docks its figure under
      // a narrow map, which moves the panel down, as with the mouse.)
      if (step === 'focused') expect(await side()).toBe(before);
    }
    // A narrow widget shows the keys in short; a screen reader still
    // hears the whole sentence as the map's description, in English
    // "Arrow keys move between countries, …", and nothing twice.
    if (lang === 'en') {
      const focused = widget.locator('svg.map');
      const sentence = /^Arrow keys move between countries, Enter or Space selects one, Escape clears the selection, E zooms to Europe and back\.$/;
      await expect(focused).toHaveAccessibleDescription(sentence);
      const [long, short] = [keys.locator('.kl'), keys.locator('.ks')];
      // The stylesheet asks the map column's width, not the window's.
      if ((await widget.locator('.map-col').boundingBox()).width < 600) {
        await expect(short).toHaveText('Arrow keys: move. Enter: select. Esc: clear. E: Europe.');
        await expect(short).toBeVisible();
        expect((await long.boundingBox()).width).toBeLessThanOrEqual(1);
      } else {
        await expect(short).toBeHidden();
        expect((await long.boundingBox()).width).toBeGreaterThan(100);
      }
    }
  }
});
