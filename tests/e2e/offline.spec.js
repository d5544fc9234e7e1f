// www/offline.html opened from disk renders and stays interactive without a
// single network request.
import { test, expect } from '@playwright/test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const offline = pathToFileURL(resolve(fileURLToPath(import.meta.url), '../../../www/offline.html')).href;

test('the offline page renders from file:// with no network request', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(offline);
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  await expect(widget.locator('.total')).toHaveText('288');

  // Germany's symbol covers the middle of the country, so the pointer lands on
  // the symbol: either way the tooltip must name Germany.
  await widget.locator('path.on[data-c="DE"]').hover({ force: true });
  await expect(widget.locator('.tip')).toContainText('Germany');
  await expect(widget.locator('.tip')).toContainText('52');

  const network = requests.filter((u) => !u.startsWith('file://'));
  expect(network).toEqual([]);
  expect(requests.every((u) => u.startsWith('file://'))).toBe(true);
});
