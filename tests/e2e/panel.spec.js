// The breakdown panel, citations, disagreements, sources, timeline and
// downloads as a reader uses them (issue 5).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const bundle = JSON.parse(readFileSync(resolve(repo, 'data/spector.json'), 'utf8'));

async function open(page, width = 640) {
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('svg.map path.on')).toHaveCount(9);
  await expect(widget.locator('.panel')).toBeVisible();
  return widget;
}

/** The demo article's column is 640 px; a wider one shows the wide layout. */
async function widen(page) {
  await page.addStyleTag({ content: 'main{max-width:1160px}' });
}

/** The `data-*` key of the element focused inside the widget. */
const focused = (widget) =>
  widget.evaluate((el) => {
    const a = el.shadowRoot.activeElement;
    if (!a) return null;
    return a.dataset.cite ?? a.dataset.differ ?? (a.classList.contains('pop-close') ? 'close' : a.className);
  });

/** Records the widget's spector-select events in window.__selects. */
const recordSelects = (page) =>
  page.evaluate(() => {
    window.__selects = [];
    document.addEventListener('spector-select', (e) => window.__selects.push({ ...e.detail, target: e.target.tagName }));
  });

test('the operation-wide figures are shown with their qualifiers', async ({ page }) => {
  const widget = await open(page);
  const panel = widget.locator('.panel');
  await expect(panel).toHaveAttribute('data-scope', 'ALL');
  await expect(panel.locator('.panel-title')).toHaveText('Whole operation');
  const value = (id) => panel.locator(`[data-fact="${id}"] > .fig-value`);
  await expect(value('arrests-all')).toHaveText('288 people');
  await expect(value('firearms-all')).toHaveText('117 firearms');
  await expect(value('drugs-all')).toHaveText('850 kg');
  await expect(value('fentanyl-all')).toHaveText('64 kg');
  await expect(value('amphetamines-all')).toHaveText('more than 258 kg');
  await expect(value('cocaine-all')).toHaveText('43 kg');
  await expect(value('mdma-all')).toHaveText('43 kg');
  await expect(value('lsd-ecstasy-all')).toHaveText('more than 10 kg');
  await expect(panel.locator('[data-fact="lsd-ecstasy-all"] .fig-label')).toHaveText('LSD and ecstasy pills');
  await expect(value('cash-crypto-usd')).toHaveText('more than $53.4 million');
  await expect(panel.locator('[data-fact="cash-crypto-usd"] .fig-alt .fig-value')).toHaveText('more than €50.8 million');
  // The euros' parenthesis closes right after the amount, and their
  // marker follows it, with no gap inside the parenthesis.
  const euros = panel.locator('[data-fact="cash-crypto-usd"] .fig-alt');
  await expect(euros).toHaveText('(more than €50.8 million)');
  const [closing, marker] = await euros.evaluate((e) => {
    const range = document.createRange();
    range.setStart(e.lastChild, e.lastChild.length - 1);
    range.setEnd(e.lastChild, e.lastChild.length);
    const next = e.nextElementSibling;
    return [range.getBoundingClientRect().right, next.getBoundingClientRect().left];
  });
  expect(marker).toBeGreaterThan(closing);
  await expect(euros.locator('xpath=following-sibling::button[1]')).toHaveText('[1]');
  await expect(widget.locator('.stat .total')).toHaveText('288');
});

test('clicking the United States on the map shows its figures and tells the page', async ({ page }) => {
  const widget = await open(page);
  await recordSelects(page);
  await widget.locator('.sym.v-w circle[data-c="US"]').click();
  const panel = widget.locator('.panel');
  await expect(panel).toHaveAttribute('data-scope', 'US');
  await expect(panel.locator('.panel-title')).toHaveText('United States');
  await expect(panel.locator('[data-fact="arrests-us"] > .fig-value')).toHaveText('153 people');
  await expect(panel.locator('[data-fact="firearms-us"] > .fig-value')).toHaveText('104 firearms');
  await expect(panel.locator('[data-fact="pills-us"] > .fig-value')).toHaveText('more than 200,000 pills');
  await expect(panel).not.toContainText('288 people');
  await expect(panel.locator('.chip[data-c="US"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => window.__selects)).toEqual([{ country: 'US', target: 'SPECTOR-WIDGET' }]);

  // The back button returns to the whole operation, and the map follows.
  await panel.locator('button.back').click();
  await expect(panel).toHaveAttribute('data-scope', 'ALL');
  await expect(widget.locator('path.on[data-c="US"]')).toHaveAttribute('aria-pressed', 'false');
  expect(await page.evaluate(() => window.__selects)).toEqual([
    { country: 'US', target: 'SPECTOR-WIDGET' },
    { country: null, target: 'SPECTOR-WIDGET' },
  ]);
});

test('the Poland chip says no seizure figures were published, and the map follows', async ({ page }) => {
  const widget = await open(page);
  await recordSelects(page);
  await widget.locator('.chip[data-c="PL"]').click();
  const panel = widget.locator('.panel');
  await expect(panel).toHaveAttribute('data-scope', 'PL');
  await expect(panel.locator('.no-figures')).toHaveText('Poland: no source gives seizure figures.');
  await expect(panel.locator('[data-fact="arrests-pl"] > .fig-value')).toHaveText('1 person');
  await expect(widget.locator('path.on[data-c="PL"]')).toHaveAttribute('aria-pressed', 'true');
  await expect(widget.locator('.tip')).toContainText('Poland');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  // Focus stays on the chip that was pressed, now re-rendered.
  await expect(panel.locator('.chip[data-c="PL"]')).toBeFocused();
  expect(await page.evaluate(() => window.__selects)).toEqual([{ country: 'PL', target: 'SPECTOR-WIDGET' }]);
});

test('every figure has a citation marker, and every marker opens its sources', async ({ page }) => {
  test.setTimeout(60000);
  const widget = await open(page);
  for (const scope of ['ALL', 'US']) {
    if (scope === 'US') {
      // Select the United States on the map: its pinned tooltip has a marker too.
      await widget.locator('.sym.v-w circle[data-c="US"]').click();
      await expect(widget.locator('.tip.pin .cite')).toHaveCount(1);
    }
    await expect(widget.locator('.panel')).toHaveAttribute('data-scope', scope);
    const missing = await widget.evaluate((el) => {
      const root = el.shadowRoot;
      const out = [];
      for (const fig of root.querySelectorAll('.fig-value, .total, .stat-n, .tip-value')) {
        // A figure in parentheses has its marker after the parenthesis.
        const next = (fig.parentElement.matches('.fig-alt') ? fig.parentElement : fig).nextElementSibling;
        if (!next || !next.matches('button.cite')) out.push(fig.textContent);
      }
      for (const item of root.querySelectorAll('.tl-item')) {
        if (!item.querySelector('button.cite')) out.push(item.textContent);
      }
      return out;
    });
    expect(missing, scope).toEqual([]);

    const markers = widget.locator('button.cite');
    const n = await markers.count();
    // One per figure (operation: 2 in the headline, 11 in the panel; United
    // States: 2, 3 and the tooltip's) and one per date.
    const figures = await widget.locator('.fig-value, .total, .stat-n, .tip-value').count();
    expect(figures, scope).toBe(scope === 'ALL' ? 13 : 6);
    expect(n, scope).toBe(figures + 4);
    for (let i = 0; i < n; i++) {
      const marker = markers.nth(i);
      const id = await marker.getAttribute('data-cite');
      await marker.click();
      const pop = widget.locator('.pop');
      await expect(pop, id).toHaveCount(1);
      await expect(pop).toHaveAttribute('data-for', id);
      await expect(pop).toBeVisible();
      expect(await pop.locator('.cites > li').count(), id).toBeGreaterThanOrEqual(1);
      await expect(pop.locator('blockquote').first()).toBeVisible();
      await expect(marker).toHaveAttribute('aria-expanded', 'true');
      // The popover lies inside the widget.
      const [p, w] = [await pop.boundingBox(), await widget.locator('.sw').boundingBox()];
      expect(p.x, id).toBeGreaterThanOrEqual(w.x - 1);
      expect(p.x + p.width, id).toBeLessThanOrEqual(w.x + w.width + 1);
      await pop.locator('[data-close]').click();
      await expect(pop).toHaveCount(0);
      await expect(marker).toHaveAttribute('aria-expanded', 'false');
      await expect(marker).toBeFocused();
    }
  }
});

test('a citation links only confirmed addresses and quotes the source', async ({ page }) => {
  const widget = await open(page);
  await widget.locator('.tl-item[data-date="announcement"] button.cite').click();
  const pop = widget.locator('.pop');
  await expect(pop.locator('.cites > li')).toHaveCount(4);
  const links = pop.locator('a');
  await expect(links).toHaveCount(1);
  await expect(links).toHaveAttribute('target', '_blank');
  await expect(links).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(links).toHaveAttribute('href', /^https:\/\/www\.ice\.gov\//);
  await expect(pop).toContainText('(address not confirmed)');
  await expect(pop.locator('blockquote').first()).toHaveText('288 dark web vendors arrested in major marketplace seizure');
  // One popover at a time.
  await widget.locator('.stat button.cite').first().click();
  await expect(widget.locator('.pop')).toHaveCount(1);
  await expect(widget.locator('.pop')).toHaveAttribute('data-for', 'arrests-all');
  await expect(widget.locator('.tl-item[data-date="announcement"] button.cite')).toHaveAttribute('aria-expanded', 'false');
  // A click elsewhere closes it.
  await widget.locator('.title').click();
  await expect(widget.locator('.pop')).toHaveCount(0);
});

test('each disagreement has its mark, and its popover lists every claimed value', async ({ page }) => {
  const widget = await open(page);
  const disputed = bundle.facts.filter((f) => f.disagreement);
  expect(disputed).toHaveLength(5);
  for (const fact of disputed) {
    // A country's figure is in the panel once that country is selected.
    const panel = widget.locator('.panel');
    if (fact.scope === 'ALL') {
      if ((await panel.getAttribute('data-scope')) !== 'ALL') await panel.locator('button.back').click();
    } else {
      await panel.locator(`.chip[data-c="${fact.scope}"]`).click();
    }
    await expect(panel).toHaveAttribute('data-scope', fact.scope);
    // The panel's mark (a selected country's pinned tooltip has one too).
    const marks = widget.locator(`.panel button.differ[data-differ="${fact.id}"]`);
    await expect(marks, fact.id).toHaveCount(1);
    await marks.click();
    const pop = widget.locator('.pop-differ');
    await expect(pop).toHaveAttribute('data-for', fact.id);
    const claims = fact.disagreement.claims;
    await expect(pop.locator('.claim-value')).toHaveCount(claims.length + 1);
    const values = await pop.locator('.claim-value').allTextContents();
    expect(values[0]).toContain(fact.value.toLocaleString('en-US'));
    claims.forEach((claim, i) => {
      expect(values[i + 1], fact.id).toContain(claim.value.toLocaleString('en-US'));
      if (claim.qualifier === 'more_than') expect(values[i + 1]).toContain('more than');
    });
    for (const claim of claims) {
      for (const c of claim.citations) await expect(pop).toContainText(c.quote);
    }
    await expect(pop.locator('.reason')).toContainText(fact.disagreement.reason);
    await page.keyboard.press('Escape');
    await expect(pop).toHaveCount(0);
    await expect(marks).toBeFocused();
  }
});

test('the headline marks its disputed figures as the panel does, and the mark opens the disagreement', async ({ page }) => {
  const widget = await open(page);
  const stat = widget.locator('.stat');
  // Each headline figure with a disagreement has the panel's mark after its
  // marker; the others none.
  for (const id of ['arrests-all', 'countries-all']) {
    const fact = bundle.facts.find((f) => f.id === id);
    await expect(stat.locator(`button.differ[data-differ="${id}"]`), id).toHaveCount(fact.disagreement ? 1 : 0);
  }
  const mark = stat.locator('button.differ[data-differ="countries-all"]');
  await expect(mark).toHaveText('sources differ');
  await expect(mark).toHaveAttribute('aria-label', 'Sources differ on Countries');
  await mark.click();
  const pop = widget.locator('.pop-differ');
  await expect(pop).toHaveAttribute('data-for', 'countries-all');
  await expect(pop.locator('.claim-value')).toHaveText(['9 countries', '33 countries']);
  await page.keyboard.press('Escape');
  await expect(pop).toHaveCount(0);
  await expect(mark).toBeFocused();
});

test('the keyboard opens a marker with Enter and Escape returns to it', async ({ page }) => {
  const widget = await open(page);
  await page.locator('.masthead a').focus();
  await page.keyboard.press('Tab');
  expect(await focused(widget)).toBe('arrests-all');
  const marker = widget.locator('.stat button.cite[data-cite="arrests-all"]');
  // The focus ring is drawn.
  expect(await marker.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(widget.locator('.pop')).toHaveAttribute('data-for', 'arrests-all');
  await expect(marker).toHaveAttribute('aria-expanded', 'true');
  expect(await focused(widget)).toBe('close');
  await page.keyboard.press('Escape');
  await expect(widget.locator('.pop')).toHaveCount(0);
  expect(await focused(widget)).toBe('arrests-all');
  await expect(marker).toHaveAttribute('aria-expanded', 'false');
  // Space works too, on a "sources differ" mark; the close button closes.
  const differ = widget.locator('button.differ[data-differ="firearms-all"]');
  await differ.focus();
  await page.keyboard.press(' ');
  await expect(widget.locator('.pop-differ')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.pop')).toHaveCount(0);
  await expect(differ).toBeFocused();
});

test('a click or tap outside the widget closes its popover, and so does Escape from outside; two widgets never have one open at once', async ({ page }) => {
  const widget = await open(page);
  const marker = widget.locator('.stat button.cite[data-cite="arrests-all"]');
  await marker.click();
  await expect(widget.locator('.pop')).toBeVisible();
  // The reader clicks on the article: the popover closes, focus is not
  // pulled back into the widget, and the click still reaches the page.
  await page.locator('article p').first().click();
  await expect(widget.locator('.pop')).toHaveCount(0);
  await expect(marker).toHaveAttribute('aria-expanded', 'false');
  expect(await page.evaluate(() => document.activeElement === document.querySelector('spector-widget'))).toBe(false);

  // Focus is nowhere with the popover open (Safari does not focus a
  // clicked button; here a script blurs it); Escape on the page closes it.
  await marker.click();
  await expect(widget.locator('.pop')).toBeVisible();
  await page.evaluate(() => document.activeElement.blur());
  await expect(widget.locator('.pop')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(widget.locator('.pop')).toHaveCount(0);

  // Two widgets: a popover opened in the second closes the first's.
  await page.goto('/tests/e2e/pages/languages.html');
  const [de, fr] = [page.locator('#de'), page.locator('#fr')];
  await expect(fr.locator('.panel')).toBeVisible();
  await de.locator('.stat button.cite').first().click();
  await expect(de.locator('.pop')).toBeVisible();
  await fr.locator('.stat button.cite').first().click();
  await expect(fr.locator('.pop')).toBeVisible();
  await expect(de.locator('.pop')).toHaveCount(0);
});

test('focus that leaves the widget closes its popover, as a press outside does; focus moving inside keeps it open', async ({ page }) => {
  const widget = await open(page);
  const marker = widget.locator('.stat button.cite[data-cite="arrests-all"]');
  await marker.focus();
  await page.keyboard.press('Enter');
  const pop = widget.locator('.pop');
  await expect(pop).toBeVisible();
  // Tab inside the widget, into the popover: it stays open.
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement === document.querySelector('spector-widget'))).toBe(true);
  await expect(pop).toBeVisible();
  // A screen reader's "next link" or the page's own script moves focus to
  // the page, with no press: the popover closes and focus stays there.
  await page.locator('.masthead a').focus();
  await expect(pop).toHaveCount(0);
  await expect(marker).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('.masthead a')).toBeFocused();
});

test('under a page zoom or scale the pinned tooltip sits beside its country and a popover at its marker', async ({ page }) => {
  // Accessibility toolbars and some themes zoom or scale the article: the
  // browser's boxes are then in the page's px, the widget's places in its own.
  for (const style of ['main{zoom:1.5;max-width:600px}', 'main{zoom:1.25}', 'main{transform:scale(.8);transform-origin:0 0}']) {
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto('/');
    await page.addStyleTag({ content: style });
    const widget = page.locator('spector-widget');
    await expect(widget.locator('.panel')).toBeVisible();
    // A pointer just beside the United States' circle finds it.
    await widget.locator('svg.map').scrollIntoViewIfNeeded();
    const us = await widget.locator('g.sym.v-w circle[data-c=US]').boundingBox();
    await page.mouse.move(us.x + us.width + 6, us.y + us.height / 2);
    await expect(widget.locator('.tip'), style).toContainText('United States');
    await widget.locator('.chip[data-c=GB]').click();
    const tip = widget.locator('.tip.pin');
    await expect(tip).toBeVisible();
    // The tooltip covers no other country's symbol and lies inside the
    // widget, once the map has zoomed to the United Kingdom's view.
    const covered = () => widget.evaluate((el) => {
      const s = el.shadowRoot;
      const t = s.querySelector('.tip').getBoundingClientRect();
      const view = s.querySelector('.map-wrap').getAttribute('data-view');
      return [...s.querySelectorAll(`g.sym.v-${view} circle[data-c]`)]
        .filter((c) => c.getAttribute('data-c') !== 'GB')
        .filter((c) => {
          const b = c.getBoundingClientRect();
          return b.right > t.left && b.left < t.right && b.bottom > t.top && b.top < t.bottom;
        })
        .map((c) => c.getAttribute('data-c'));
    });
    await expect.poll(covered, style).toEqual([]);
    const [host, box] = [await widget.boundingBox(), await tip.boundingBox()];
    expect(box.x, style).toBeGreaterThanOrEqual(host.x - 0.5);
    expect(box.x + box.width, style).toBeLessThanOrEqual(host.x + host.width + 0.5);
    // Its marker's popover opens at the marker, inside the widget.
    const marker = tip.locator('.cite').first();
    await marker.click();
    const pop = widget.locator('.pop');
    await expect(pop).toBeVisible();
    const [p, m] = [await pop.boundingBox(), await marker.boundingBox()];
    expect(p.x, style).toBeGreaterThanOrEqual(host.x - 0.5);
    expect(p.x + p.width, style).toBeLessThanOrEqual(host.x + host.width + 0.5);
    expect(Math.min(Math.abs(p.y - (m.y + m.height)), Math.abs(p.y + p.height - m.y)), style).toBeLessThan(40);
  }
});

test('under a page zoom a popover is still at most 60% of the window tall, and on screen', async ({ page }) => {
  // The stylesheet's 60vh is scaled by an ancestor's zoom: at zoom 2 the
  // 288 arrests' popover was 1,080 px tall in a 900 px window.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.addStyleTag({ content: 'main{zoom:2}' });
  const widget = page.locator('spector-widget');
  await expect(widget.locator('.panel')).toBeVisible();
  await widget.locator('.stat .cite').first().click();
  const pop = widget.locator('.pop');
  await expect(pop).toBeVisible();
  const box = await pop.boundingBox();
  expect(box.height).toBeLessThanOrEqual(900 * 0.6 + 1);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(900 + 1);
  // Its sources scroll inside it instead.
  expect(await pop.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);
});

test('a popover and the pinned tooltip are placed again when the widget changes size', async ({ page }) => {
  // A phone turned from landscape to portrait with a popover open.
  await page.setViewportSize({ width: 740, height: 360 });
  await page.goto('/');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('.panel')).toBeVisible();
  const euro = widget.locator('.fig-alt-w button.cite');
  await euro.scrollIntoViewIfNeeded();
  await euro.click();
  await expect(widget.locator('.pop')).toBeVisible();
  await page.setViewportSize({ width: 360, height: 740 });
  await expect
    .poll(async () => {
      const [pop, host] = [await widget.locator('.pop').boundingBox(), await widget.boundingBox()];
      return pop.x >= host.x - 0.5 && pop.x + pop.width <= host.x + host.width + 0.5;
    })
    .toBe(true);

  // The United States selected on a narrow widget, then a wide one: the
  // tooltip moves off the country's circle to beside it.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 320, height: 800 });
  await widget.evaluate((el) => el.setAttribute('country', 'US'));
  await expect(widget.locator('.tip.pin')).toBeVisible();
  await page.addStyleTag({ content: 'main{max-width:1160px}' });
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect
    .poll(async () => {
      const [tip, circle] = [await widget.locator('.tip').boundingBox(), await widget.locator('.sym.v-w circle[data-c="US"]').boundingBox()];
      return tip.x >= circle.x + circle.width * 0.6 || tip.y + tip.height <= circle.y + 1;
    })
    .toBe(true);
});

test('the pinned tooltip marker opens its sources', async ({ page }) => {
  const widget = await open(page);
  await widget.locator('.sym.v-w circle[data-c="US"]').click();
  const tipMarker = widget.locator('.tip.pin button.cite');
  await expect(tipMarker).toHaveAttribute('data-cite', 'arrests-us');
  await tipMarker.click();
  await expect(widget.locator('.pop')).toHaveAttribute('data-for', 'arrests-us');
  // Europol, whom three of the four reports cite for it, and the four.
  await expect(widget.locator('.pop .cites > li')).toHaveCount(5);
  await expect(widget.locator('.pop .cites > li').first()).toContainText('Cited by [4,7,8]');
  // The selection stays.
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'US');
});

test('the CSV download equals spector-facts export, byte for byte', async ({ page }) => {
  test.setTimeout(180000);
  const widget = await open(page);
  const csvLink = widget.locator('a.dl-csv');
  await expect(csvLink).toHaveAttribute('download', 'spector-facts.csv');
  const [download] = await Promise.all([page.waitForEvent('download'), csvLink.click()]);
  expect(download.suggestedFilename()).toBe('spector-facts.csv');
  const got = readFileSync(await download.path());
  expect(got.equals(readFileSync(resolve(repo, 'tests/fixtures/export/spector.csv')))).toBe(true);
  const cli = execFileSync('cargo', ['run', '--quiet', '--bin', 'spector-facts', '--', 'export', 'data/spector.json'], {
    cwd: repo,
    timeout: 170000,
  });
  expect(got.equals(cli)).toBe(true);

  const jsonLink = widget.locator('a.dl-json');
  const [json] = await Promise.all([page.waitForEvent('download'), jsonLink.click()]);
  expect(json.suggestedFilename()).toBe('spector.json');
  expect(readFileSync(await json.path()).equals(readFileSync(resolve(repo, 'data/spector.json')))).toBe(true);
});

test('the sources and the timeline are in the widget', async ({ page }) => {
  const widget = await open(page);
  const items = widget.locator('.sources .src-list > li');
  await expect(items).toHaveCount(bundle.sources.length);
  for (const [i, s] of bundle.sources.entries()) {
    await expect(items.nth(i)).toHaveAttribute('value', String(i + 1));
    await expect(items.nth(i)).toContainText(s.publisher);
  }
  const dates = widget.locator('.timeline .tl-item time');
  await expect(dates).toHaveText(['2019', 'October 2021', 'December 2021', '2 May 2023']);
});

test('a bundle warning is shown to the reader', async ({ page }) => {
  await page.goto('/tests/e2e/pages/src-bundles.html');
  const widget = page.locator('#other');
  await expect(widget.locator('.panel')).toBeVisible();
  await expect(widget.locator('.warn')).toHaveCount(0);
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/invalid/sum-mismatch.json'));
  await expect(widget.locator('.warn')).toBeVisible();
  await expect(widget.locator('.warn')).toContainText('add up to 16, but the operation-wide figure is 12');
});

test.describe('layout', () => {
  test('the panel sits beside the map on a wide widget and below it on a narrow one', async ({ page }) => {
    const widget = await open(page, 1200);
    let [map, panel] = [await widget.locator('.map-wrap').boundingBox(), await widget.locator('.panel').boundingBox()];
    expect(panel.y, 'below the map at 640 px').toBeGreaterThan(map.y + map.height - 1);
    await widen(page);
    await expect.poll(async () => (await widget.boundingBox()).width).toBeGreaterThan(1000);
    [map, panel] = [await widget.locator('.map-wrap').boundingBox(), await widget.locator('.panel').boundingBox()];
    expect(panel.x, 'beside the map').toBeGreaterThanOrEqual(map.x + map.width);
    expect(panel.y).toBeLessThan(map.y + map.height);
  });

  test('from 1400 to 280 px nothing scrolls sideways and every control is at least 24 px', async ({ page }) => {
    const widget = await open(page, 1400);
    await widen(page);
    for (const width of [1400, 1000, 760, 640, 480, 360, 320, 280]) {
      await page.setViewportSize({ width, height: 900 });
      await expect(widget.locator('.panel')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `at ${width} px`).toBeLessThanOrEqual(0);
      const report = await widget.evaluate((el) => {
        const root = el.shadowRoot;
        const sw = root.querySelector('.sw');
        const small = [...root.querySelectorAll('button, a.dl, [role=button]')]
          .filter((b) => b.getClientRects().length && !b.closest('svg.map'))
          .map((b) => [b.className || b.tagName, b.getBoundingClientRect()])
          .filter(([, r]) => r.width < 24 || r.height < 24)
          .map(([n, r]) => `${n} ${Math.round(r.width)}x${Math.round(r.height)}`);
        return { inner: sw.scrollWidth - sw.clientWidth, small };
      });
      expect(report.inner, `inside the widget at ${width} px`).toBeLessThanOrEqual(0);
      expect(report.small, `at ${width} px`).toEqual([]);
    }
  });
});

test.describe('screenshots', () => {
  for (const width of [320, 640, 1200]) {
    test(`panel at ${width} px`, async ({ page }) => {
      const widget = await open(page, width);
      // At 1200 px the article's column is widened so the widget is wide
      // enough (≥ 720 px) for the panel to sit beside the map.
      if (width === 1200) await widen(page);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await widget.screenshot({ path: `artifacts/panel-${width}.png` });
    });
  }

  test('a citation popover open', async ({ page }) => {
    const widget = await open(page, 640);
    await widget.locator('.panel [data-fact="firearms-all"] > button.cite').click();
    await expect(widget.locator('.pop')).toBeVisible();
    await widget.locator('.panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'artifacts/panel-citation-open.png' });
  });
});

test('a popover opened from the tooltip closes when the tooltip shows another country or the page changes the view, and never jumps to a corner', async ({ page }) => {
  const widget = await open(page);
  await widen(page);
  await widget.locator('.chip[data-c="US"]').click();
  await widget.locator('.tip button.cite').click();
  await expect(widget.locator('.pop')).toBeVisible();
  // The pointer passes over the United Kingdom: the reader is reading the
  // popover, and the tooltip and the popover stay as they are.
  await widget.locator('.sym.v-w circle[data-c="GB"]').hover();
  await expect(widget.locator('.tip')).toContainText('United States');
  await expect(widget.locator('.pop')).toBeVisible();
  await page.setViewportSize({ width: 820, height: 900 });
  await expect(widget.locator('.pop')).toBeVisible();
  // The page selects the United Kingdom: the tooltip the popover belonged
  // to is gone, and so is the popover, never left in a corner.
  await widget.evaluate((el) => el.setAttribute('country', 'GB'));
  await expect(widget.locator('.tip')).toContainText('United Kingdom');
  await expect(widget.locator('.pop')).toHaveCount(0);
  // The page zooms to Europe, which leaves the United States out; focus
  // in the popover goes to the zoom button, not to the page.
  await widget.evaluate((el) => el.setAttribute('country', 'US'));
  await page.mouse.move(0, 0);
  await widget.locator('.tip button.cite').click();
  await expect(widget.locator('.pop')).toBeVisible();
  await widget.evaluate((el) => el.setAttribute('view', 'europe'));
  await expect(widget.locator('.pop')).toHaveCount(0);
  expect(await widget.evaluate((el) => el.shadowRoot.activeElement?.className)).toBe('zoom');
});

test('a click on the pinned tooltip selects a country symbol it covers, and elsewhere on it keeps the selection', async ({ page }) => {
  const widget = await open(page);
  await widen(page);
  await widget.locator('.chip[data-c="US"]').click();
  const tip = widget.locator('.tip.pin');
  await expect(tip).toBeVisible();
  // Laid over Brazil's symbol, as a tooltip with no room of its own may be.
  const br = await widget.locator('.sym.v-w circle[data-c="BR"]').boundingBox();
  const box = await tip.boundingBox();
  await tip.evaluate((el, [dx, dy]) => (el.style.translate = `${dx}px ${dy}px`), [br.x - box.x - 4, br.y - box.y - 4]);
  const moved = await tip.boundingBox();
  // Its text, away from any symbol: nothing changes.
  await page.mouse.click(moved.x + moved.width - 3, moved.y + moved.height - 3);
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'US');
  // Its edge, 8 px from Brazil's symbol, which it does not cover: nothing
  // changes either (a tap beside a symbol on the map itself would take it).
  await tip.evaluate((el, [dx, dy]) => (el.style.translate = `${dx}px ${dy}px`), [br.x + br.width + 8 - box.x, br.y - box.y]);
  const beside = await tip.boundingBox();
  await page.mouse.click(beside.x + 1, br.y + br.height / 2);
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'US');
  await tip.evaluate((el, [dx, dy]) => (el.style.translate = `${dx}px ${dy}px`), [br.x - box.x - 4, br.y - box.y - 4]);
  await page.mouse.click(br.x + br.width / 2, br.y + br.height / 2);
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'BR');
});

test('selecting a quote in a popover and letting go outside the widget keeps the popover open', async ({ page }) => {
  const widget = await open(page);
  await widget.locator('.stat button.cite[data-cite="arrests-all"]').click();
  const quote = widget.locator('.pop blockquote').first();
  await expect(quote).toBeVisible();
  const q = await quote.boundingBox();
  await page.mouse.move(q.x + 5, q.y + 5);
  await page.mouse.down();
  await page.mouse.move(5, 5, { steps: 5 });
  await page.mouse.up();
  await expect(widget.locator('.pop')).toBeVisible();
});

test('a reader who scrolled away from an open popover stays where they are when the widget changes size or the page selects a country', async ({ page }) => {
  // A popover scrolls into view when it opens. Placed again because the
  // widget changed size (the system turned dark, the page set a theme, the
  // window narrowed), or closed because the page selected a country (a
  // story that selects as the reader scrolls), it must not pull the page
  // back: it jumped from 2,500 to 1,346 px.
  const text = '<p>' + 'Article text. '.repeat(3000) + '</p>';
  await page.route('**/tall-article.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body>${text}<spector-widget></spector-widget>${text}<script src="/pkg/embed.js"></script></body></html>`,
    }),
  );
  const changes = {
    'the system turns dark': () => page.emulateMedia({ colorScheme: 'dark' }),
    'the page sets theme="dark"': () => page.evaluate(() => document.querySelector('spector-widget').setAttribute('theme', 'dark')),
    'the window narrows': () => page.setViewportSize({ width: 1180, height: 900 }),
    'the page selects a country': () => page.evaluate(() => document.querySelector('spector-widget').setAttribute('country', 'DE')),
  };
  for (const [change, make] of Object.entries(changes)) {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1200, height: 900 });
    await page.goto('/tall-article.html');
    const widget = page.locator('spector-widget');
    // A widget far down the page starts when the reader comes near.
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('.panel')).toBeVisible();
    await widget.locator('.stat button.differ').click();
    await expect(widget.locator('.pop .pop-close')).toBeFocused();
    await page.evaluate(() => scrollTo(0, document.querySelector('spector-widget').getBoundingClientRect().bottom + scrollY + 400));
    await make();
    // Two frames: the resize observer's and the placing after it.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    // The widget still 400 px above the screen (give or take what the
    // browser's scroll anchoring moves as the widget's height changes).
    const below = await widget.evaluate((host) => -host.getBoundingClientRect().bottom);
    expect(below, change).toBeGreaterThan(350);
    expect(below, change).toBeLessThan(450);
  }
});

test('a press that begins outside the widget and is let go inside its popover, or inside the widget, keeps the popover open', async ({ page }) => {
  const widget = await open(page);
  // Tall enough for the article's first paragraph and the whole popover
  // at once: a popover not whole on screen scrolls into view.
  await page.setViewportSize({ width: 640, height: 1400 });
  await widget.locator('.stat button.cite[data-cite="arrests-all"]').click();
  const pop = widget.locator('.pop');
  const quote = pop.locator('blockquote').first();
  await expect(quote).toBeVisible();
  const dragFromPage = async (to) => {
    const p = await page.locator('article p').first().boundingBox();
    await page.mouse.move(p.x + 5, p.y + 5);
    await page.mouse.down();
    const b = await to.boundingBox();
    await page.mouse.move(b.x + 5, b.y + 5, { steps: 5 });
    await page.mouse.up();
  };
  // Into the popover, as when selecting the page's text on to a quote.
  await dragFromPage(quote);
  await expect(pop).toBeVisible();
  // Into the widget beside the popover.
  await dragFromPage(widget.locator('.title'));
  await expect(pop).toBeVisible();
  // A press that begins and ends outside still closes it.
  await page.locator('article p').first().click();
  await expect(pop).toHaveCount(0);
});
