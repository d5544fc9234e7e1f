// The table view (issue 7): "Show as table" swaps the map for a data table
// of the same figures and back, by mouse and keyboard; the table's markers
// open their popovers; a polite live region announces a new selection.
// Screenshot: artifacts/table-view.png.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const bundle = JSON.parse(readFileSync(resolve(repo, 'data/spector.json'), 'utf8'));

async function open(page, { width = 640 } = {}) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  await expect(widget.locator('.panel')).toBeVisible();
  return widget;
}

async function expectMap(widget) {
  await expect(widget.locator('button.as-table')).toHaveAttribute('aria-pressed', 'false');
  await expect(widget.locator('.map-wrap')).toBeVisible();
  await expect(widget.locator('button.zoom')).toBeVisible();
  await expect(widget.locator('.ftable')).toBeHidden();
  await expect(widget.locator('.ftable table')).toHaveCount(0);
  // Screen readers hear how to move on the map with the map.
  expect(await widget.locator('.map-col').ariaSnapshot()).toContain('Arrow keys move between countries');
}

async function expectTable(widget) {
  await expect(widget.locator('button.as-table')).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.locator('.map-wrap')).toBeHidden();
  await expect(widget.locator('button.zoom')).toBeHidden();
  await expect(widget.locator('.ftable')).toBeVisible();
  await expect(widget.locator('.ftable table')).toHaveCount(3);
  // The map's keys go with the map: the table has no countries to move
  // between and no view to zoom.
  expect(await widget.locator('.map-col').ariaSnapshot()).not.toContain('Arrow keys');
}

test('"Show as table" swaps the map for the table and back, by mouse', async ({ page }) => {
  const widget = await open(page);
  const button = widget.locator('button.as-table');
  await expect(button).toHaveText('Show as table');
  await expectMap(widget);
  await button.click();
  await expectTable(widget);
  await expect(button).toBeFocused();
  await button.click();
  await expectMap(widget);
});

test('"Show as table" works from the keyboard, Enter and Space', async ({ page }) => {
  const widget = await open(page);
  // Reach it with Tab from the link before the widget.
  await page.locator('.masthead a').focus();
  let found = false;
  for (let i = 0; i < 12 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await widget.evaluate((h) => h.shadowRoot.activeElement?.matches('button.as-table') ?? false);
  }
  expect(found, 'Tab reaches the button').toBe(true);
  await page.keyboard.press('Enter');
  await expectTable(widget);
  await page.keyboard.press('Space');
  await expectMap(widget);
  await page.keyboard.press('Enter');
  await expectTable(widget);
  // The next Tab goes into the table's first marker, not into a hidden map.
  await page.keyboard.press('Tab');
  const next = await widget.evaluate((h) => h.shadowRoot.activeElement?.dataset.cite ?? null);
  expect(next).toBe('arrests-us');
});

test('the table has a row per country and the totals, with the right values', async ({ page }) => {
  const widget = await open(page);
  await widget.locator('button.as-table').click();
  const table = widget.locator('.ftable table.ft-map');
  await expect(table.locator('caption')).toHaveText('Arrests by country');
  await expect(table.locator('thead th[scope=col]')).toHaveText(['Country', 'Arrests', 'Sources']);
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(9);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({ code: tr.dataset.c, name: tr.querySelector('th[scope=row]').textContent, value: tr.querySelector('td.n').textContent, cite: tr.querySelector('button.cite')?.dataset.cite })),
  );
  const expected = bundle.facts
    .filter((f) => f.metric === 'arrests' && f.scope !== 'ALL')
    .sort((a, b) => b.value - a.value)
    .map((f) => ({ code: f.scope, value: String(f.value), cite: f.id }));
  expect(shown.map(({ code, value, cite }) => ({ code, value, cite }))).toEqual(expected);
  expect(shown.map((r) => r.name).slice(0, 3)).toEqual(['United States', 'United Kingdom', 'Germany']);
  // The disputed United States figure carries its mark.
  await expect(table.locator('tr[data-c="US"] button.differ')).toHaveText('sources differ');
  // The total.
  await expect(table.locator('tfoot tr')).toHaveCount(1);
  await expect(table.locator('tfoot th[scope=row]')).toHaveText('Total');
  await expect(table.locator('tfoot td.n')).toHaveText('288');
  await expect(table.locator('tfoot button.cite')).toHaveAttribute('data-cite', 'arrests-all');
  // The operation's other figures, each with its marker.
  const all = widget.locator('.ftable table.ft-all');
  await expect(all.locator('caption')).toHaveText('Figures for the whole operation');
  const others = bundle.facts.filter((f) => f.scope === 'ALL' && f.metric !== 'arrests');
  await expect(all.locator('tbody tr')).toHaveCount(others.length);
  for (const f of others) await expect(all.locator(`button.cite[data-cite="${f.id}"]`), f.id).toHaveCount(1);
  // A value does not repeat the unit its row's header says ("Firearms |
  // 117"); kilograms and money keep theirs.
  await expect(all.locator('tr[data-fact="countries-all"] td.n')).toHaveText('9');
  await expect(all.locator('tr[data-fact="firearms-all"] td.n')).toHaveText('117');
  await expect(all.locator('tr[data-fact="drugs-all"] td.n')).toHaveText('850 kg');
  await expect(all.locator('tr[data-fact="cash-crypto-usd"] td.n')).toHaveText('more than $53.4 million');
  // The same sum in euros, in parentheses under one row header, as the
  // panel has it: not a second "Cash and crypto", a second seizure.
  await expect(all.getByRole('rowheader', { name: 'Cash and crypto' })).toHaveCount(1);
  await expect(all.locator('tr[data-fact="cash-crypto-eur"] td.n')).toHaveText('(more than €50.8 million)');
  // A country's other figures under its name: the United States' firearms
  // and pills, as in the static version.
  const us = widget.locator('.ftable table.ft-one');
  await expect(us.locator('caption')).toHaveText('United States');
  await expect(us.locator('tbody th[scope=row]')).toHaveText(['Firearms', 'Pills']);
  await expect(us.locator('tbody td.n')).toHaveText(['104', 'more than 200,000']);
  for (const id of ['firearms-us', 'pills-us']) await expect(us.locator(`button.cite[data-cite="${id}"]`)).toHaveCount(1);
  // Every figure of the bundle is in the table, once.
  const listed = await widget.locator('.ftable tr[data-fact]').evaluateAll((trs) => trs.map((tr) => tr.dataset.fact).sort());
  expect(listed).toEqual(bundle.facts.map((f) => f.id).sort());
  await widget.screenshot({ path: 'artifacts/table-view.png' });
});

test('a marker in the table opens its popover, and a "sources differ" mark its claims', async ({ page }) => {
  const widget = await open(page);
  await widget.locator('button.as-table').click();
  const marker = widget.locator('.ftable tr[data-c="DE"] button.cite');
  await marker.click();
  const pop = widget.locator('.pop');
  await expect(pop).toBeVisible();
  await expect(pop).toHaveAttribute('data-for', 'arrests-de');
  await expect(marker).toHaveAttribute('aria-expanded', 'true');
  // Europol [1], whom all three reports cite for Germany's 52, and the three.
  await expect(marker).toHaveText('[1,4,7,8]');
  await expect(pop.locator('.cites > li')).toHaveCount(4);
  const europol = pop.locator('.cites > li').first();
  await expect(europol.locator('.src-pub')).toHaveText('Europol');
  await expect(europol.locator('blockquote')).toHaveCount(0);
  await expect(europol.locator('.via')).toHaveText('Cited by [4,7,8]');
  // Each report's quote says whom it cites, and is its own words.
  const via = pop.locator('.cites > li .via + blockquote');
  await expect(via).toHaveCount(3);
  await expect(pop.locator('.cites > li:nth-child(2) .via')).toHaveText('citing Europol [1]:');
  await expect(pop.locator('.cites > li:nth-child(2) blockquote')).toContainText('Germany (52 arrests)');
  await expect(pop.locator('.cites > li:nth-child(2) blockquote')).toContainText('according to Europol.');
  // The popover lies inside the widget.
  const [p, w] = [await pop.boundingBox(), await widget.locator('.sw').boundingBox()];
  expect(p.x).toBeGreaterThanOrEqual(w.x - 1);
  expect(p.x + p.width).toBeLessThanOrEqual(w.x + w.width + 1);
  // Escape closes it and gives focus back to the marker.
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);
  await expect(marker).toBeFocused();
  await widget.locator('.ftable tr[data-c="US"] button.differ').click();
  await expect(widget.locator('.pop-differ')).toHaveAttribute('data-for', 'arrests-us');
  // Tab past the popover's last control: back in the table, after the mark.
  await widget.locator('.pop-close').focus();
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    if (!(await widget.evaluate((h) => !!h.shadowRoot.activeElement?.closest('.pop')))) break;
  }
  expect(await widget.evaluate((h) => h.shadowRoot.activeElement?.closest('tr')?.dataset.c)).toBe('GB');
  await expect(widget.locator('.pop')).toHaveCount(0);
});

test('the live region announces a selection politely, and the table shows it', async ({ page }) => {
  const widget = await open(page);
  const live = widget.locator('.live');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText('');
  await widget.locator('.chip[data-c="DE"]').click();
  await expect(live).toHaveText('Germany selected: 52 arrests');
  await widget.locator('.chip[data-c="PL"]').click();
  await expect(live).toHaveText('Poland selected: 1 arrest');
  // In the table view the selected country's row is marked; the chips
  // still select, and the live region still speaks.
  await widget.locator('button.as-table').click();
  await expect(widget.locator('.ftable tr[data-sel]')).toHaveAttribute('data-c', 'PL');
  await widget.locator('.chip[data-c="US"]').click();
  await expect(live).toHaveText('United States selected: 153 arrests');
  await expect(widget.locator('.ftable tr[data-sel]')).toHaveAttribute('data-c', 'US');
  // A click inside the table keeps the selection.
  await widget.locator('.ftable caption').first().click();
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'US');
  await widget.locator('.panel button.back').click();
  await expect(live).toHaveText('Whole operation');
  await expect(widget.locator('.ftable tr[data-sel]')).toHaveCount(0);
  // Back on the map, a selection pins its tooltip beside its symbol again.
  await widget.locator('.chip[data-c="GB"]').click();
  await widget.locator('button.as-table').click();
  await expect(widget.locator('.tip.pin')).toBeVisible();
  const [tip, wrap] = [await widget.locator('.tip.pin').boundingBox(), await widget.locator('.map-wrap').boundingBox()];
  expect(tip.y).toBeGreaterThanOrEqual(wrap.y - 1);
  expect(tip.x + tip.width).toBeLessThanOrEqual(wrap.x + wrap.width + 1);
});

test('the table speaks German in a German widget', async ({ page }) => {
  await page.goto('/tests/e2e/pages/languages.html');
  const de = page.locator('#de');
  await expect(de.locator('button.as-table')).toHaveText('Als Tabelle zeigen');
  await de.locator('button.as-table').click();
  await expect(de.locator('.ftable caption').first()).toHaveText('Festnahmen nach Ländern');
  await expect(de.locator('.ftable tr[data-c="DE"] th')).toHaveText('Deutschland');
  await de.locator('.chip[data-c="DE"]').click();
  await expect(de.locator('.live')).toHaveText('Deutschland ausgewählt: 52 Festnahmen');
});

test('at 360 px no word of the tables breaks inside itself, in any language, and the tables fit', async ({ page }) => {
  const widget = await open(page, { width: 360 });
  for (const lang of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
    await widget.evaluate((el, l) => el.setAttribute('lang', l), lang);
    await expect(widget.locator('.panel')).toBeVisible();
    // A new language renders the widget anew, with the map.
    if ((await widget.locator('button.as-table').getAttribute('aria-pressed')) !== 'true') {
      await widget.locator('button.as-table').click();
    }
    await expect(widget.locator('.ftable table').first()).toBeVisible();
    const { broken, widest, room } = await widget.evaluate((el) => {
      const root = el.shadowRoot;
      const broken = [];
      for (const cell of root.querySelectorAll('.ft th, .ft td')) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode()); ) {
          // A word laid out on more than one line broke inside itself; a
          // hyphen ("Royaume-Uni") is a place where a word may break.
          for (const match of node.textContent.matchAll(/[^\s\u00a0-]+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) broken.push(match[0]);
          }
        }
      }
      const widest = Math.max(...[...root.querySelectorAll('.ft')].map((t) => t.getBoundingClientRect().right));
      return { broken, widest, room: root.querySelector('.sw').getBoundingClientRect().right };
    }, lang);
    expect(broken, lang).toEqual([]);
    expect(widest, lang).toBeLessThanOrEqual(room + 0.5);
  }
});

test('at 320 px the tables fit the widget without scrolling sideways, and every "sources differ" mark shows whole, in every language', async ({ page }) => {
  // A 280 px widget (the demo article's column on a 320 px phone): in
  // German, Dutch and Portuguese the whole operation's table once needed
  // 5 to 35 px more, and its marks were cut ("Que / weic / a").
  const widget = await open(page, { width: 320 });
  for (const lang of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
    await widget.evaluate((el, l) => el.setAttribute('lang', l), lang);
    await expect(widget.locator('.panel')).toBeVisible();
    if ((await widget.locator('button.as-table').getAttribute('aria-pressed')) !== 'true') {
      await widget.locator('button.as-table').click();
    }
    await expect(widget.locator(`.sw[lang="${lang}"] .ftable table`)).toHaveCount(3);
    const { scroll, client, cut, marks } = await widget.evaluate((el) => {
      const box = el.shadowRoot.querySelector('.ftable');
      const edge = box.getBoundingClientRect();
      const marks = [...box.querySelectorAll('.differ')];
      const cut = marks
        .filter((m) => {
          const r = m.getBoundingClientRect();
          return r.left < edge.left - 0.5 || r.right > edge.right + 0.5;
        })
        .map((m) => m.dataset.differ);
      return { scroll: box.scrollWidth, client: box.clientWidth, cut, marks: marks.length };
    });
    expect(scroll, `${lang}: the table view scrolls sideways`).toBeLessThanOrEqual(client);
    expect(marks, lang).toBeGreaterThan(0);
    expect(cut, `${lang}: marks cut off`).toEqual([]);
  }
});
