// The foundation: the two lines a journalist pastes give a reader the map.
import { test, expect } from '@playwright/test';

test('the article page shows the world map with the nine countries and 288 arrests', async ({ page }) => {
  await page.goto('/');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map')).toBeVisible();

  const counts = await widget.evaluate((el) => ({
    open: el.shadowRoot !== null,
    // Rings drawn: the quiet countries are one path, the nine one each.
    rings: [...el.shadowRoot.querySelectorAll('svg.map path')].reduce((n, p) => n + p.getAttribute('d').split('M').length - 1, 0),
    marked: [...el.shadowRoot.querySelectorAll('svg.map path.on')].map((p) => p.dataset.c).sort(),
    text: el.shadowRoot.textContent,
  }));
  expect(counts.open).toBe(true);
  expect(counts.rings).toBeGreaterThan(200);
  expect(counts.marked).toEqual(['AT', 'BR', 'CH', 'DE', 'FR', 'GB', 'NL', 'PL', 'US']);
  expect(counts.text).toContain('288');

  await page.screenshot({ path: 'artifacts/foundation-article.png', fullPage: true });
});

test('the first frame shows the map; the panel, timeline and sources follow by themselves', async ({ page }) => {
  // What the shadow root holds when the map first appears, and in the
  // frame painted with it.
  await page.addInitScript(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (...args) {
      const root = attach.apply(this, args);
      const parts = () => ['svg.map', '.panel', '.timeline', '.sources'].filter((s) => root.querySelector(s));
      new MutationObserver((_, observer) => {
        if (!root.querySelector('svg.map')) return;
        observer.disconnect();
        window.firstParts = parts();
        requestAnimationFrame(() => (window.paintedParts = parts()));
      }).observe(root, { childList: true, subtree: true });
      return root;
    };
  });
  await page.goto('/');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('.side .panel')).toBeVisible();
  await expect(widget.locator('.timeline')).toBeAttached();
  await expect(widget.locator('.sources li')).not.toHaveCount(0);
  expect(await page.evaluate(() => window.firstParts)).toEqual(['svg.map']);
  expect(await page.evaluate(() => window.paintedParts)).toEqual(['svg.map']);
});

for (const width of [1280, 390]) {
  test(`at ${width} px the first painted frame has the labels of the width it is shown at`, async ({ page }) => {
    // The label group the container queries show, filled in that frame:
    // the shell picks it before the map is laid out (see `mount` in dom.rs).
    await page.setViewportSize({ width, height: 900 });
    await page.addInitScript(() => {
      const attach = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (...args) {
        const root = attach.apply(this, args);
        new MutationObserver((_, observer) => {
          if (!root.querySelector('svg.map')) return;
          observer.disconnect();
          requestAnimationFrame(() => {
            const shown = [...root.querySelectorAll('.lb.v-w')].filter((g) => getComputedStyle(g).display !== 'none');
            window.paintedLabels = shown.map((g) => [...g.querySelectorAll('text')].map((t) => t.textContent));
          });
        }).observe(root, { childList: true, subtree: true });
        return root;
      };
    });
    await page.goto('/');
    await page.waitForFunction(() => window.paintedLabels);
    const groups = await page.evaluate(() => window.paintedLabels);
    expect(groups).toHaveLength(1);
    expect(groups[0].join(' ')).toContain('153');
  });
}

test('hovering the United States shows its name and 153 arrests', async ({ page }) => {
  await page.goto('/');
  const widget = page.locator('spector-widget');
  const tip = widget.locator('.tip');
  await expect(tip).toBeHidden();

  await widget.locator('path.on[data-c="US"]').hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('United States');
  await expect(tip).toContainText('153');

  // Leaving the map hides it again.
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();
});

test('the host page CSS does not reach inside the widget', async ({ page }) => {
  await page.goto('/');
  await page.addStyleTag({ content: 'path { fill: rgb(255, 0, 255) !important } .tip { display: block !important }' });
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map')).toBeVisible();
  const fill = await widget.locator('path.on[data-c="DE"]').evaluate((p) => getComputedStyle(p).fill);
  expect(fill).not.toBe('rgb(255, 0, 255)');
  await expect(widget.locator('.tip')).toBeHidden();
});

test('several widgets on one page each render', async ({ page }) => {
  await page.goto('/tests/e2e/pages/two-widgets.html');
  const widgets = page.locator('spector-widget');
  await expect(widgets).toHaveCount(2);
  for (const w of await widgets.all()) {
    await expect(w.locator('svg.map path.on')).toHaveCount(9);
  }
});
