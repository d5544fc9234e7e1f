// A bundle with figures for countries the map does not draw: Singapore and
// Malta are too small for Natural Earth's 110m countries (src/geo/world.bin).
// They are named as any country is, in the reader's language.
import { test, expect } from '@playwright/test';

const NAMES = {
  en: { SG: 'Singapore', MT: 'Malta', DE: 'Germany' },
  de: { SG: 'Singapur', MT: 'Malta', DE: 'Deutschland' },
};

/** A page of our own with one widget showing the fixture in `lang`. */
async function open(page, lang) {
  await page.route('**/small-countries.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><spector-widget lang="${lang}" src="/tests/fixtures/valid-small-countries.json"></spector-widget><script src="/pkg/embed.js"></script></body></html>`,
    }),
  );
  await page.goto('/small-countries.html');
  const widget = page.locator('spector-widget');
  // Germany is the only country the map draws.
  await expect(widget.locator('svg.map path.on')).toHaveCount(1);
  await expect(widget.locator('.panel')).toBeVisible();
  return widget;
}

for (const lang of ['en', 'de']) {
  const names = NAMES[lang];

  test(`${lang}: chips, table rows and the map's description name Singapore and Malta`, async ({ page }) => {
    const widget = await open(page, lang);
    const chips = widget.locator('.chip');
    await expect(chips).toHaveText([names.SG, names.DE, names.MT]);
    await expect(widget.locator('#sw-desc')).toContainText(`${names.SG} (8)`);
    await expect(widget.locator('#sw-desc')).toContainText(`${names.MT} (5)`);
    await widget.locator('button.as-table').click();
    const rows = widget.locator('.ftable table.ft-map tbody th[scope=row]');
    await expect(rows).toHaveText([names.SG, names.DE, names.MT]);
  });
}
