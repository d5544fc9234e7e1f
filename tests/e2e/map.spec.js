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

  test('near a symbol counts as on it, within 20 px', async ({ page }) => {
    const widget = await open(page);
    const tip = widget.locator('.tip');
    const box = await widget.locator('.sym.v-w circle[data-c="US"]').boundingBox();
    const under = (x, y) => widget.evaluate((el, [x, y]) => {
      const e = el.shadowRoot.elementFromPoint(x, y);
      return e ? e.tagName + ':' + (e.getAttribute('data-c') ?? '') : null;
    }, [x, y]);
    const x = box.x + box.width / 2;
    // 12 px above the United States' circle, over Canada (no arrests).
    expect(await under(x, box.y - 12)).toBe('path:');
    await page.mouse.move(x, box.y - 12);
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('United States');
    // 40 px above it (Canada or Hudson Bay) is too far.
    expect(await under(x, box.y - 40)).toMatch(/^(path|svg):$/);
    await page.mouse.move(x, box.y - 40);
    await expect(tip).toBeHidden();
  });
});

test.describe('touch', () => {
  test.use({ hasTouch: true });

  test('a tap selects a country and pins its figure; a tap elsewhere clears it', async ({ page }) => {
    const widget = await open(page, 640);
    const tip = widget.locator('.tip');
    await widget.locator('.sym.v-w circle[data-c="US"]').tap();
    await expect(tip).toBeVisible();
    await expect(tip).toContainText('United States');
    await expect(tip).toHaveClass(/pin/);
    await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'true');
    await widget.locator('.title').tap();
    await expect(tip).toBeHidden();
    await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'false');
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
    await widget.screenshot({ path: 'artifacts/map-320-docked.png' });
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
