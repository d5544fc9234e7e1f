// Hostile host pages, part one: a strict Content-Security-Policy. With
// 'wasm-unsafe-eval' the widget works without a single violation; without
// it, the static fallback stays and one console message says why.
import { test, expect } from '@playwright/test';

async function collectViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
}

/** Opens the strict-CSP page with its widget rendered; the page's errors
 *  collect in the returned list. */
async function openStrictPage(page) {
  await collectViolations(page);
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/tests/e2e/pages/csp-strict.html');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  return { widget, errors };
}

test('under a strict CSP the widget renders and works with zero violations', async ({ page }) => {
  const { widget, errors } = await openStrictPage(page);
  await expect(widget.locator('.fallback')).toBeHidden();

  // Styles apply (a constructed stylesheet is allowed by style-src 'self').
  const fill = await widget.locator('path.on[data-c="DE"]').evaluate((p) => getComputedStyle(p).fill);
  expect(fill).not.toBe('rgb(0, 0, 0)');

  // Interaction works: hover and keyboard.
  await widget.locator('path.on[data-c="US"]').hover({ force: true });
  await expect(widget.locator('.tip')).toContainText('153');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');

  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('under the same policy a src bundle loads its reader and renders, with zero violations', async ({ page }) => {
  const { widget, errors } = await openStrictPage(page);
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json'));
  await expect(widget.locator('.title')).toHaveText('Operation Example');
  await expect(widget.locator('svg.map path.on')).toHaveCount(2);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(errors).toEqual([]);
});

test('without wasm-unsafe-eval the static fallback stays visible and one message says why', async ({ page }) => {
  const messages = [];
  page.on('console', (m) => messages.push(m.text()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/tests/e2e/pages/csp-no-wasm.html');
  await page.waitForLoadState('load');
  const fallbacks = page.locator('spector-widget .fallback');
  await expect(fallbacks).toHaveCount(2);
  await expect(fallbacks.first()).toBeVisible();
  await expect(fallbacks.last()).toBeVisible();
  await expect(page.locator('spector-widget svg')).toHaveCount(0);
  const ours = messages.filter((t) => t.startsWith('spector-widget:'));
  expect(ours).toHaveLength(1);
  expect(ours[0]).toContain("'wasm-unsafe-eval'");
  expect(errors).toEqual([]);
});
