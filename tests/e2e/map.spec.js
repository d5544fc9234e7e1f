// The map as a reader uses it: pointer, touch, keyboard, the Europe view,
// and every width from a phone to a desktop.
import { test, expect } from '@playwright/test';

// Each name holds its number and unit together with a no-break space.
const ORDER = [
  ['US', 'United States: 153\u00a0arrests'],
  ['BR', 'Brazil: 1\u00a0arrest'],
  ['GB', 'United Kingdom: 55\u00a0arrests'],
  ['FR', 'France: 5\u00a0arrests'],
  ['NL', 'Netherlands: 10\u00a0arrests'],
  ['CH', 'Switzerland: 2\u00a0arrests'],
  ['DE', 'Germany: 52\u00a0arrests'],
  ['AT', 'Austria: 9\u00a0arrests'],
  ['PL', 'Poland: 1\u00a0arrest'],
];

/** The accessible name of the element focused inside the widget. */
const focusedName = (widget) =>
  widget.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('aria-label') ?? null);

async function open(page, width = 1200) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  return widget;
}

test.describe('pointer', () => {
  test('hovering a country or its symbol shows its figure', async ({ page }) => {
    const widget = await open(page);
    const tip = widget.locator('.tip');
    await widget.locator('.sym.v-w circle[data-c="US"]').hover();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('United States');
    await expect(tip).toContainText('153 arrests');
    await widget.locator('path.on[data-c="BR"]').hover();
    await expect(tip).toContainText('Brazil');
    await expect(tip).toContainText('1 arrest');
  });

  test('the hover tooltip shows its references and the "sources differ" mark as plain text; pinned, they work', async ({ page }) => {
    const widget = await open(page);
    const tip = widget.locator('.tip');
    await widget.locator('.sym.v-w circle[data-c="US"]').hover();
    await expect(tip).toBeVisible();
    // The panel's mark for the disputed U.S. figure is in the tooltip too.
    await expect(tip.locator('.differ')).toHaveText('sources differ');
    // Following the pointer, the tooltip is inert: nothing in it looks
    // like a control, its references are in the tooltip's own text colour
    // with no underline, border or background.
    await expect(tip).toHaveAttribute('inert', '');
    const looks = () =>
      tip.evaluate((t) =>
        ['.cite', '.differ'].map((s) => {
          const c = getComputedStyle(t.querySelector(s));
          return [s, c.color === getComputedStyle(t).color, c.textDecorationLine, c.borderTopColor, c.backgroundColor, c.cursor];
        }),
      );
    expect(await looks()).toEqual([
      ['.cite', true, 'none', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'default'],
      ['.differ', true, 'none', 'rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)', 'default'],
    ]);
    // A country whose sources agree has no mark.
    await widget.locator('.sym.v-w circle[data-c="BR"]').hover();
    await expect(tip).toContainText('Brazil');
    await expect(tip.locator('.differ')).toHaveCount(0);
    // Pinned beside the selected United States, the marker and the mark
    // are buttons again, reachable and working.
    await widget.locator('.sym.v-w circle[data-c="US"]').click();
    await expect(tip).toHaveClass(/pin/);
    await expect(tip).not.toHaveAttribute('inert', '');
    const [cite, differ] = await looks();
    expect(cite[1]).toBe(false);
    expect(differ[4]).not.toBe('rgba(0, 0, 0, 0)');
    await tip.locator('button.differ').click();
    await expect(widget.locator('.pop-differ')).toHaveAttribute('data-for', 'arrests-us');
    await expect(tip.locator('button.differ')).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Escape');
    await expect(widget.locator('.pop')).toHaveCount(0);
    await expect(tip.locator('button.differ')).toBeFocused();
  });

  test('Escape dismisses the tooltip that follows the pointer, without moving it (WCAG 1.4.13)', async ({ page }) => {
    const widget = await open(page);
    const tip = widget.locator('.tip');
    await widget.locator('.sym.v-w circle[data-c="BR"]').hover();
    await expect(tip).toContainText('Brazil');
    // Focus is on the page, not in the widget.
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    // A move over another country shows its figure again.
    await widget.locator('.sym.v-w circle[data-c="US"]').hover();
    await expect(tip).toContainText('United States');
  });

  test('near a symbol counts as on it, within 20 px', async ({ page }) => {
    const widget = await open(page);
    const tip = widget.locator('.tip');
    const box = await widget.locator('.sym.v-w circle[data-c="US"]').boundingBox();
    const under = (x, y) => widget.evaluate((el, [x, y]) => {
      const e = el.shadowRoot.elementFromPoint(x, y);
      return e ? e.tagName + ':' + (e.getAttribute('data-c') ?? '') : null;
    }, [x, y]);
    const x = box.x + box.width / 2;
    // 12 px above the United States' circle, over Canada (no arrests),
    // whose outline the pointer passes through to the map's drawing.
    expect(await under(x, box.y - 12)).toBe('svg:');
    await page.mouse.move(x, box.y - 12);
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('United States');
    // 40 px above it (Canada or Hudson Bay) is too far.
    expect(await under(x, box.y - 40)).toMatch(/^(path|svg):$/);
    await page.mouse.move(x, box.y - 40);
    await expect(tip).toBeHidden();
  });

  // Natural Earth counts French Guiana in France; the map draws it as a
  // country of its own, quiet, so it is not France's orange on Brazil's
  // border, nor France under the pointer.
  test('French Guiana is not France: no tooltip of France over it, and a click there selects nothing', async ({ page }) => {
    const widget = await open(page);
    const tip = widget.locator('.tip');
    const map = widget.locator('svg.map');
    await map.scrollIntoViewIfNeeded();
    // French Guiana's middle, 53° W 4° N, is (980, 645) in the map's grid
    // units (the world view's viewBox).
    const inFill = (selector) =>
      map.evaluate((svg, s) => svg.querySelector(s).isPointInFill(new DOMPoint(980, 645)), selector);
    expect(await inFill('path.on[data-c="FR"]')).toBe(false);
    expect(await inFill('.land path')).toBe(true);
    const at = await map.evaluate((svg) => {
      const p = new DOMPoint(980, 645).matrixTransform(svg.getScreenCTM());
      return { x: p.x, y: p.y };
    });
    // From the United States' figure, a move there leaves no tooltip: no
    // marked country and no symbol within reach (Brazil's is far below).
    await widget.locator('.sym.v-w circle[data-c="US"]').hover();
    await expect(tip).toContainText('United States');
    await page.mouse.move(at.x, at.y);
    await expect(tip).toBeHidden();
    await expect(tip).not.toContainText('France');
    await page.mouse.click(at.x, at.y);
    await expect(widget.locator('path.on[data-c="FR"]')).toHaveAttribute('aria-pressed', 'false');
    await expect(widget.locator('.chip[data-c="FR"]')).toHaveAttribute('aria-pressed', 'false');
    await expect(widget.locator('.panel')).not.toHaveAttribute('data-scope', 'FR');
    await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
    await expect(tip).toBeHidden();
  });
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('a tap selects a country and pins its figure; a tap on text keeps it, one on the sea clears it', async ({ page }) => {
    const widget = await open(page, 640);
    const tip = widget.locator('.tip');
    await widget.locator('.sym.v-w circle[data-c="US"]').tap();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('United States');
    await expect(tip).toHaveClass(/pin/);
    const us = widget.locator('path.on[data-c="US"]');
    await expect(us).toHaveAttribute('aria-pressed', 'true');
    // The title, the summary, the total and the credits are text a reader
    // may select and copy: a tap there is not a choice on the map.
    for (const text of ['.title', '.dek', '.stat .total', '.credits']) {
      await widget.locator(text).tap();
      await expect(us, text).toHaveAttribute('aria-pressed', 'true');
    }
    await expect(tip).toBeVisible();
    // The Pacific, far from any country.
    const map = await widget.locator('.map-wrap').boundingBox();
    await page.touchscreen.tap(map.x + 6, map.y + map.height * 0.55);
    await expect(tip).toBeHidden();
    await expect(us).toHaveAttribute('aria-pressed', 'false');
  });

  test('on a narrow widget the pinned figure docks under the map, and a European tap zooms in', async ({ page }) => {
    const widget = await open(page, 320);
    // Austria's circle is drawn above Germany's, so its centre is Austria.
    await widget.locator('.sym.v-w circle[data-c="AT"]').tap();
    const tip = widget.locator('.tip');
    await expect(tip).toContainText('Austria');
    await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
    await expect(widget.locator('.zoom')).toHaveText('Show world');
    const [t, w] = [await tip.boundingBox(), await widget.locator('.map-wrap').boundingBox()];
    expect(Math.abs(t.y + t.height - (w.y + w.height))).toBeLessThan(1.5);
    expect(Math.abs(t.width - w.width)).toBeLessThan(1.5);
    // Under the map, not over it: every country stays in reach of a tap.
    const map = await widget.locator('svg.map').boundingBox();
    expect(t.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
    await widget.screenshot({ path: 'artifacts/map-320-docked.png' });
  });

  test('on a narrow widget with a country selected, hovering or focusing another moves nothing below the map', async ({ page }) => {
    const widget = await open(page, 400);
    await widget.locator('.chip[data-c="DE"]').click();
    await expect(widget.locator('.tip.pin')).toContainText('Germany');
    const chip = widget.locator('.chip[data-c="FR"]');
    // Measured from the map's top: hovering may scroll the page.
    const below = async () => (await chip.boundingBox()).y - (await widget.locator('svg.map').boundingBox()).y;
    const at = await below();
    await widget.locator('.sym.v-e circle[data-c="GB"]').hover();
    await expect(widget.locator('.tip')).toContainText('United Kingdom');
    expect(Math.abs((await below()) - at)).toBeLessThanOrEqual(2);
    // The tooltip shows the hovered country where the selection's was.
    const [tip, svg] = [await widget.locator('.tip').boundingBox(), await widget.locator('svg.map').boundingBox()];
    expect(tip.y).toBeGreaterThanOrEqual(svg.y + svg.height - 1);
    await chip.click();
    await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'FR');
  });

  test('on a phone, with the United States pinned, a tap on Brazil selects Brazil', async ({ page }) => {
    const widget = await open(page, 360);
    await widget.locator('.sym.v-w circle[data-c="US"]').tap();
    await expect(widget.locator('.tip')).toContainText('United States');
    await widget.locator('.sym.v-w circle[data-c="BR"]').tap();
    await expect(widget.locator('.tip')).toContainText('Brazil');
    await expect(widget.locator('path.on[data-c="BR"]')).toHaveAttribute('aria-pressed', 'true');
  });
});

test('the keyboard reaches all nine countries in geographic order', async ({ page }) => {
  const widget = await open(page);
  await widget.locator('.zoom').focus();
  await page.keyboard.press('Tab');
  expect(await focusedName(widget)).toBe(ORDER[0][1]);
  // One tab stop for the whole map.
  expect(await widget.locator('path.on[tabindex="0"]').count()).toBe(1);
  const tip = widget.locator('.tip');
  for (const [code, name] of ORDER.slice(1)) {
    await page.keyboard.press('ArrowRight');
    expect(await focusedName(widget)).toBe(name);
    await expect(tip).toContainText(name.split(':')[0]);
    // The focus ring is drawn.
    const stroke = await widget.locator(`path.on[data-c="${code}"]`).evaluate((p) => getComputedStyle(p).strokeWidth);
    expect(stroke).toBe('3px');
  }
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(widget)).toBe(ORDER[0][1]);
  await page.keyboard.press('ArrowLeft');
  expect(await focusedName(widget)).toBe('Poland: 1\u00a0arrest');

  // Enter selects (a European country brings the Europe view), Escape clears.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  expect(await focusedName(widget)).toBe('United Kingdom: 55\u00a0arrests');
  await page.keyboard.press('Enter');
  await expect(widget.locator('path.on[data-c="GB"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  await page.keyboard.press('ArrowRight');
  await page.waitForTimeout(500);
  await widget.screenshot({ path: 'artifacts/map-keyboard.png' });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(widget.locator('path.on[data-c="GB"]')).toHaveAttribute('aria-pressed', 'false');
  // Back to a country outside Europe: the world returns so focus stays visible.
  await page.keyboard.press('Home');
  expect(await focusedName(widget)).toBe(ORDER[0][1]);
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await page.keyboard.press(' ');
  await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'true');
});

test.describe('Europe view', () => {
  const viewBox = (widget) => widget.locator('svg.map').evaluate((s) => [s.getAttribute('viewBox'), s.dataset.w, s.dataset.e]);

  test('the button zooms to Europe and back', async ({ page }) => {
    const widget = await open(page);
    const button = widget.locator('button.zoom');
    await expect(button).toHaveText('Zoom to Europe');
    const size = await button.boundingBox();
    expect(size.width).toBeGreaterThanOrEqual(24);
    expect(size.height).toBeGreaterThanOrEqual(24);
    await button.click();
    await expect(button).toHaveText('Show world');
    await expect.poll(async () => { const [v, , e] = await viewBox(widget); return v === e; }).toBe(true);
    // Symbols stay readable: the German circle is at least 10 px across.
    const de = await widget.locator('.sym.v-e circle[data-c="DE"]').boundingBox();
    expect(de.width).toBeGreaterThan(10);
    await page.screenshot({ path: 'artifacts/map-1200-europe.png' });
    await button.click();
    await expect(button).toHaveText('Zoom to Europe');
    await expect.poll(async () => { const [v, w] = await viewBox(widget); return v === w; }).toBe(true);
  });

  // The Europe view leaves out the country with the most arrests: a line
  // under it says which countries it leaves out, and only there.
  test('the Europe view names the countries it leaves out, with their arrests', async ({ page }) => {
    const widget = await open(page);
    const outside = widget.locator('.outside');
    await expect(outside).toBeHidden();
    await widget.locator('button.zoom').click();
    await expect(outside).toBeVisible();
    await expect(outside).toHaveText('Outside this view: United States (153) and Brazil (1).');
    // It is text to read and copy, not the sea: a click on it keeps the selection.
    await widget.locator('.chip[data-c="DE"]').click();
    await outside.click({ clickCount: 3 });
    await expect(widget.locator('path.on[data-c="DE"]')).toHaveAttribute('aria-pressed', 'true');
    await widget.evaluate((el) => el.setAttribute('lang', 'de'));
    await expect(widget.locator('.outside')).toHaveText('Außerhalb dieser Ansicht: Vereinigte Staaten (153) und Brasilien (1).');
    await widget.locator('button.zoom').click();
    await expect(widget.locator('.outside')).toBeHidden();
  });

  // Every way of selecting a country outside Europe brings the world back,
  // as the arrow keys do: a chip, and the `country` attribute.
  test('a country outside Europe selected in the Europe view shows the world', async ({ page }) => {
    const widget = await open(page);
    const wrap = widget.locator('.map-wrap');
    const shows = async (view) => {
      await expect(wrap).toHaveAttribute('data-view', view);
      await expect.poll(async () => { const [v, w, e] = await viewBox(widget); return v === (view === 'w' ? w : e); }).toBe(true);
    };
    for (const code of ['US', 'BR']) {
      await widget.locator('.chip[data-c="DE"]').click();
      await shows('e');
      await widget.locator(`.chip[data-c="${code}"]`).click();
      await expect(widget.locator(`path.on[data-c="${code}"]`)).toHaveAttribute('aria-pressed', 'true');
      await shows('w');
      await expect(widget.locator('button.zoom')).toHaveText('Zoom to Europe');
    }
    await widget.evaluate((el) => el.setAttribute('country', 'DE'));
    await shows('e');
    await widget.evaluate((el) => el.setAttribute('country', 'US'));
    await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'true');
    await shows('w');
    // The tooltip sits beside the United States' symbol, on the map.
    const tip = await widget.locator('.tip').boundingBox();
    const map = await widget.locator('svg.map').boundingBox();
    expect(tip.x).toBeLessThan(map.x + map.width / 2);
  });

  test('E toggles the view, at once when the reader prefers reduced motion', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const widget = await open(page);
    await widget.locator('button.zoom').focus();
    await page.keyboard.press('e');
    let [v, w, e] = await viewBox(widget);
    expect(v).toBe(e);
    expect(v).not.toBe(w);
    await page.keyboard.press('e');
    [v, w] = await viewBox(widget);
    expect(v).toBe(w);
  });
});

test('resizing from 1200 to 320 px never scrolls sideways', async ({ page }) => {
  const widget = await open(page, 1200);
  for (const width of [1200, 900, 640, 480, 400, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await expect(widget.locator('svg.map')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
    const inner = await widget.evaluate((el) => {
      const sw = el.shadowRoot.querySelector('.sw');
      return sw.scrollWidth - sw.clientWidth;
    });
    expect(inner, `inside the widget at ${width} px`).toBeLessThanOrEqual(0);
    // Exactly one label layout is shown for the world view.
    const shown = await widget.evaluate((el) =>
      [...el.shadowRoot.querySelectorAll('.lb.v-w')].filter((g) => getComputedStyle(g).display !== 'none').length);
    expect(shown, `label layouts at ${width} px`).toBe(1);
  }
});

// The labels of the world view in the browser's own fonts: the largest
// values (the Netherlands' 10 once went unlabelled while Poland's 1 was
// labelled), and no label on another label or on another country's symbol.
for (const width of [700, 1000, 1280]) {
  test(`at ${width} px the world view labels the largest values, and nothing overlaps`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/embed.html');
    const widget = page.locator('spector-widget');
    await expect(widget.locator('svg.map path.on')).toHaveCount(9);
    const { labels, circles } = await widget.evaluate((el) => {
      const root = el.shadowRoot;
      const group = [...root.querySelectorAll('.lb.v-w')].find((g) => getComputedStyle(g).display !== 'none');
      const box = (e) => e.getBoundingClientRect();
      return {
        labels: [...group.querySelectorAll('text.val')].map((t) => ({ code: t.dataset.c, value: Number(t.textContent), box: box(t).toJSON() })),
        circles: [...root.querySelectorAll('.sym.v-w circle')].map((c) => ({ code: c.dataset.c, box: box(c).toJSON() })),
      };
    });
    const ORDER_VALUES = Object.fromEntries(ORDER.map(([code, name]) => [code, Number(name.match(/(\d+)\s+arrest/)[1])]));
    expect(labels.map((l) => l.code)).toEqual(['US', 'GB', 'DE']);
    const smallest = Math.min(...labels.map((l) => l.value));
    for (const [code, value] of Object.entries(ORDER_VALUES)) {
      if (!labels.some((l) => l.code === code)) expect(value, code).toBeLessThanOrEqual(smallest);
    }
    // Glyphs sit inside the text's box, which is a little taller than the
    // layout's (1.05 em), hence the pixel of slack.
    const apart = (a, b) => a.right <= b.left + 1 || b.right <= a.left + 1 || a.bottom <= b.top + 1 || b.bottom <= a.top + 1;
    for (const [i, a] of labels.entries()) {
      for (const b of labels.slice(i + 1)) expect(apart(a.box, b.box), `${a.code} and ${b.code}`).toBe(true);
      for (const c of circles.filter((c) => c.code !== a.code)) {
        const r = c.box.width / 2;
        const [cx, cy] = [c.box.x + r, c.box.y + r];
        const nx = Math.min(Math.max(cx, a.box.left), a.box.right);
        const ny = Math.min(Math.max(cy, a.box.top + 2), a.box.bottom - 2);
        expect(Math.hypot(cx - nx, cy - ny), `${a.code} label on ${c.code}`).toBeGreaterThanOrEqual(r - 0.5);
      }
    }
    await widget.locator('.map-wrap').screenshot({ path: `artifacts/map-labels-${width}.png` });
  });
}

for (const width of [320, 640, 1200]) {
  test(`screenshot at ${width} px`, async ({ page }) => {
    const widget = await open(page, width);
    await widget.scrollIntoViewIfNeeded();
    await widget.screenshot({ path: `artifacts/map-${width}.png` });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await widget.locator('button.zoom').click();
    await widget.screenshot({ path: `artifacts/map-${width}-europe.png` });
  });
}

test('in the world view the United States\' tooltip covers no other symbol where there is room, also beside Brazil on a 480 to 560 px widget', async ({ browser }) => {
  for (const [width, height] of [[520, 900], [560, 900], [600, 900], [568, 320]]) {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto('/');
    const widget = page.locator('spector-widget');
    await expect(widget.locator('svg.map path.on')).toHaveCount(9);
    for (const code of ['US', 'BR']) {
      await widget.locator(`.chip[data-c="${code}"]`).tap();
      await expect(widget.locator('.tip.pin')).toBeVisible();
      await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
      const tip = await widget.locator('.tip').boundingBox();
      const covered = [];
      for (const circle of await widget.locator('.sym.v-w circle').all()) {
        const c = await circle.getAttribute('data-c');
        const b = await circle.boundingBox();
        if (c === code || !b) continue;
        // Any part of the symbol, not only its centre: Brazil's is small.
        if (b.x + b.width > tip.x && b.x < tip.x + tip.width && b.y + b.height > tip.y && b.y < tip.y + tip.height) covered.push(c);
      }
      expect(covered, `${width}×${height}, ${code}`).toEqual([]);
      // Beside its own symbol still: the tooltip's nearest edge within
      // a tooltip's width of it.
      const own = await widget.locator(`.sym.v-w circle[data-c="${code}"]`).boundingBox();
      const gap = Math.max(tip.x - (own.x + own.width), own.x - (tip.x + tip.width), 0);
      expect(gap, `${width}×${height}, ${code}`).toBeLessThan(tip.width);
    }
    await context.close();
  }
});

test('on a phone a popover opened from the pinned tooltip scrolls into view whole, where it would have run off the bottom of the screen', async ({ browser }) => {
  // Placed below its marker inside the widget, which is much taller than
  // a phone's screen, the "sources differ" popover of the United States
  // ran to 220 px below a 568 px screen, and nothing scrolled it up: the
  // reader saw its title only.
  for (const [width, height] of [[320, 568], [375, 667], [390, 844]]) {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto('/');
    const widget = page.locator('spector-widget');
    await expect(widget.locator('svg.map path.on')).toHaveCount(9);
    await widget.evaluate((host) => host.scrollIntoView());
    await widget.locator('.chip[data-c="US"]').tap();
    await widget.locator('.tip.pin button.differ').tap();
    await expect(widget.locator('.pop')).toBeVisible();
    await expect(widget.locator('.pop .pop-close')).toBeFocused();
    const box = await widget.locator('.pop').evaluate((e) => {
      const r = e.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, screen: innerHeight };
    });
    expect(box.top, `${width}×${height}: the popover's top on screen`).toBeGreaterThanOrEqual(0);
    expect(box.bottom, `${width}×${height}: the popover's bottom on screen`).toBeLessThanOrEqual(box.screen + 0.5);
    await context.close();
  }
});

test('in the Europe view a selected country\'s tooltip covers no other symbol where there is room, so a tap reaches its neighbours', async ({ browser }) => {
  for (const width of [600, 1000]) {
    const context = await browser.newContext({ viewport: { width, height: 900 }, hasTouch: true, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto('/');
    await page.addStyleTag({ content: 'main{max-width:1160px}' });
    const widget = page.locator('spector-widget');
    await expect(widget.locator('svg.map path.on')).toHaveCount(9);
    await widget.locator('.zoom').tap();
    await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
    for (const code of ['FR', 'CH', 'AT', 'NL', 'GB']) {
      await widget.locator(`.chip[data-c="${code}"]`).tap();
      await expect(widget.locator('.tip.pin')).toBeVisible();
      const tip = await widget.locator('.tip').boundingBox();
      const covered = [];
      for (const circle of await widget.locator('.sym.v-e circle').all()) {
        const c = await circle.getAttribute('data-c');
        const b = await circle.boundingBox();
        if (c === code || !b) continue;
        const [cx, cy] = [b.x + b.width / 2, b.y + b.height / 2];
        if (cx > tip.x && cx < tip.x + tip.width && cy > tip.y && cy < tip.y + tip.height) covered.push(c);
      }
      expect(covered, `${width} px, ${code}`).toEqual([]);
    }
    // Germany's symbol, beside France's tooltip, takes the tap.
    await widget.locator('.chip[data-c="FR"]').tap();
    const de = await widget.locator('.sym.v-e circle[data-c="DE"]').boundingBox();
    await page.touchscreen.tap(de.x + de.width / 2, de.y + de.height / 2);
    await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
    await context.close();
  }
});
