// The element's documented API, through the JS shell: the country and view
// attributes, and the spector-select event a host page listens to.
import { test, expect } from '@playwright/test';

test('country and view attributes set the start state, and changing them updates in place', async ({ page }) => {
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  await expect(widget.locator('.panel')).toContainText('52');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');

  await widget.evaluate((el) => el.setAttribute('country', 'us'));
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'US');
  await expect(widget.locator('.panel')).toContainText('104');

  await widget.evaluate((el) => el.setAttribute('view', 'world'));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
});

test('spector-select reaches the host page whenever the reader changes the selection', async ({ page }) => {
  await page.goto('/tests/e2e/pages/element-api.html');
  await page.evaluate(() => {
    window.__selected = [];
    document.addEventListener('spector-select', (e) => window.__selected.push(e.detail.country));
  });
  const widget = page.locator('#de');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  await widget.locator('.chip[data-c="PL"]').click();
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'PL');
  await widget.locator('.back').click();
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'ALL');
  expect(await page.evaluate(() => window.__selected)).toEqual(['PL', null]);
});
