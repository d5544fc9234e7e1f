// www/embed.html in an iframe on another origin: the host snippet sizes the
// frame to the widget and follows later changes in its height. Without
// JavaScript the frame shows the static version, scrolling inside it.
import { test, expect } from '@playwright/test';

test('the iframe takes the widget height across origins and follows changes', async ({ page, baseURL }) => {
  // The host page is served as 127.0.0.1, the frame as localhost: two origins.
  const frameOrigin = baseURL.replace('127.0.0.1', 'localhost');
  await page.goto('/iframe-host.html');
  await page.evaluate((origin) => {
    document.querySelector('iframe.spector-frame').src = `${origin}embed.html?country=DE`;
  }, frameOrigin);
  // Wait until the frame shows the other origin's document, not the
  // same-origin one the page started with.
  await expect
    .poll(() => page.frames().some((f) => f.url().startsWith(frameOrigin) && f.url().includes('embed.html')))
    .toBe(true);
  const frameEl = page.locator('iframe.spector-frame');
  const frame = page.frameLocator('iframe.spector-frame');
  await expect(frame.locator('spector-widget svg.map path.on')).toHaveCount(9);
  // The host really cannot reach into the frame: only postMessage crosses.
  const blocked = await frameEl.evaluate((f) => {
    try {
      return f.contentDocument === null && (f.contentWindow.document, false);
    } catch {
      return true;
    }
  });
  expect(blocked).toBe(true);

  const contentHeight = () => frame.locator('html').evaluate((html) => Math.ceil(html.getBoundingClientRect().height));
  await expect.poll(async () => Number(await frameEl.getAttribute('height'))).toBe(await contentHeight());
  const before = Number(await frameEl.getAttribute('height'));
  expect(before).toBeGreaterThan(200);

  // The query parameter reached the widget.
  await expect(frame.locator('spector-widget')).toHaveAttribute('country', 'DE');

  // The reader changes the widget: going from Germany (?country=DE) back to
  // the whole operation makes the panel much longer, and the frame follows
  // both ways.
  await frame.locator('.back').click();
  await expect(frame.locator('.panel')).toHaveAttribute('data-scope', 'ALL');
  await expect.poll(async () => Number(await frameEl.getAttribute('height'))).toBe(await contentHeight());
  expect(Number(await frameEl.getAttribute('height'))).toBeGreaterThan(before);
  await frame.locator('.chip[data-c="DE"]').click();
  await expect.poll(async () => Number(await frameEl.getAttribute('height'))).toBe(before);

  // Content grows inside the frame by a known amount: the frame follows
  // exactly.
  await frame.locator('body').evaluate((body) => {
    const extra = document.createElement('div');
    extra.style.height = '300px';
    body.append(extra);
  });
  await expect.poll(async () => Number(await frameEl.getAttribute('height'))).toBe(before + 300);
});

test("the embed page passes its documented parameters, but not a src, which could show anyone's bundle under the page's address", async ({ page }) => {
  await page.goto('/embed.html?country=DE&lang=de&src=/tests/fixtures/valid-minimal.json');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'de');
  await expect(widget).not.toHaveAttribute('src');
});

test.describe('without JavaScript', () => {
  // Neither the host's snippet nor the frame's scripts run, so the iframe
  // keeps the 640 px the host page gives it, and the frame shows the
  // static version, which is several times taller.
  test.use({ javaScriptEnabled: false, viewport: { width: 800, height: 1000 } });

  test('the iframe shows the static version, and the reader scrolls through it inside the frame', async ({ page }) => {
    await page.goto('/iframe-host.html');
    const frameEl = page.locator('iframe.spector-frame');
    const frame = page.frameLocator('iframe.spector-frame');
    await expect(frame.locator('spector-widget h2')).toHaveText('Operation SpecTor');
    await expect(frame.locator('spector-widget figure svg')).toBeVisible();
    await expect(frame.locator('spector-widget table').first().locator('caption')).toHaveText('Arrests by country');
    const box = await frameEl.boundingBox();
    expect(box.height).toBe(640);
    // Nothing reaches past the frame's sides, where no one could scroll to it.
    const sideways = await frame.locator('html').evaluate(() =>
      Math.max(document.documentElement.scrollWidth, ...[...document.querySelectorAll('spector-widget')].map((w) => w.scrollWidth)) - innerWidth);
    expect(sideways).toBeLessThanOrEqual(0);
    // The mouse wheel over the frame brings the last source into the frame.
    const last = frame.locator('spector-widget li[id^="sw-spector-src-"]').last();
    const inFrame = async () => {
      const [outer, inner] = [await frameEl.boundingBox(), await last.boundingBox()];
      return inner.y >= outer.y && inner.y + inner.height <= outer.y + outer.height;
    };
    expect(await inFrame()).toBe(false);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 1500);
        return inFrame();
      })
      .toBe(true);
  });
});
