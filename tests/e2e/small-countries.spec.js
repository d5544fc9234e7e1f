// A bundle with figures for countries the map does not draw: Singapore and
// Malta are too small for Natural Earth's 110m countries (src/geo/world.bin).
// They are named as any country is, in the reader's language.
import { test, expect } from '@playwright/test';

const NAMES = {
  en: { SG: 'Singapore', MT: 'Malta', DE: 'Germany', notDrawn: 'Map data: Natural Earth. Not on the map: Singapore, Malta.' },
  de: { SG: 'Singapur', MT: 'Malta', DE: 'Deutschland', notDrawn: 'Kartendaten: Natural Earth. Nicht auf der Karte: Singapur, Malta.' },
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

for (const lang of ['en', 'de']) {
  const names = NAMES[lang];

  test(`${lang}: a chip of a country the map does not draw selects it, says so and tells the page`, async ({ page }) => {
    const widget = await open(page, lang);
    await page.evaluate(() => {
      window.__selects = [];
      document.addEventListener('spector-select', (e) => window.__selects.push(e.detail.country));
    });
    const panel = widget.locator('.panel');
    const live = widget.locator('.live');
    const tip = widget.locator('.tip');
    await widget.locator('.chip[data-c="SG"]').click();
    await expect(panel).toHaveAttribute('data-scope', 'SG');
    await expect(panel.locator('.panel-title')).toHaveText(names.SG);
    await expect(panel.locator('[data-fact="arrests-sg"] > .fig-value')).toContainText('8');
    await expect(panel.locator('.chip[data-c="SG"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(live).toContainText(names.SG);
    // The map highlights nothing and shows no tooltip: there is no symbol.
    await expect(widget.locator('path.on[aria-pressed="true"]')).toHaveCount(0);
    await expect(tip).toBeHidden();
    expect(await page.evaluate(() => window.__selects)).toEqual(['SG']);

    // Malta is European but not drawn: the map stays on the world.
    await widget.locator('.chip[data-c="MT"]').click();
    await expect(panel).toHaveAttribute('data-scope', 'MT');
    await expect(live).toContainText(names.MT);
    await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
    await expect(tip).toBeHidden();

    // Germany is drawn: pressed on the map, with its tooltip; then
    // Singapore again hides the tooltip.
    await widget.locator('.chip[data-c="DE"]').click();
    await expect(widget.locator('path.on[data-c="DE"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(tip).toContainText(names.DE);
    await widget.locator('.chip[data-c="SG"]').click();
    await expect(panel).toHaveAttribute('data-scope', 'SG');
    await expect(widget.locator('path.on[data-c="DE"]')).toHaveAttribute('aria-pressed', 'false');
    await expect(tip).toBeHidden();

    // The page's select() reaches it too, and the chip again clears it.
    await widget.evaluate((el) => el.setAttribute('country', 'mt'));
    await expect(panel).toHaveAttribute('data-scope', 'MT');
    await widget.locator('.chip[data-c="MT"]').click();
    await expect(panel).toHaveAttribute('data-scope', 'ALL');
    expect(await page.evaluate(() => window.__selects)).toEqual(['SG', 'MT', 'DE', 'SG', 'MT', null]);
  });
}

for (const lang of ['en', 'de']) {
  test(`${lang}: the credits under the map say which countries it does not draw`, async ({ page }) => {
    const widget = await open(page, lang);
    // In the map's figure, so a screen reader meets it with the map too.
    const credits = widget.locator('figure.map-col .credits');
    await expect(credits).toBeVisible();
    await expect(credits).toContainText(NAMES[lang].notDrawn);
  });
}
