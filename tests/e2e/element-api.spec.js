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

test('a page may remove the element from inside its own events, and put it back', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  // Removed by a spector-select listener, which runs while the widget is
  // still answering the click (the event is sent from inside it).
  await page.evaluate(() => {
    window.__selected = [];
    window.__de = document.getElementById('de');
    window.__de.addEventListener('spector-select', (e) => window.__selected.push(e.detail.country));
    window.__de.addEventListener('spector-select', (e) => e.target.remove(), { once: true });
  });
  await widget.locator('.chip[data-c="PL"]').click();
  await expect(widget).toHaveCount(0);
  // Put back, it renders again (with the reader's Poland, and says so)
  // and answers the reader.
  await page.evaluate(() => document.body.prepend(window.__de));
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'PL');
  await widget.locator('.chip[data-c="US"]').click();
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'US');
  expect(await page.evaluate(() => window.__selected)).toEqual(['PL', 'PL', 'US']);

  // Removed by a focusin listener: the arrow key moves focus from inside
  // the widget, and the page hears it at once. (A move inside the shadow
  // root does not reach the document, so the page listens on the root.)
  await widget.locator('svg.map path.on[tabindex="0"]').focus();
  await page.evaluate(() => window.__de.shadowRoot.addEventListener('focusin', () => window.__de.remove()));
  await page.keyboard.press('ArrowRight');
  await expect(widget).toHaveCount(0);
  await page.evaluate(() => document.body.prepend(window.__de));
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'US');

  // Removed by a spector-select listener while the page itself selects
  // (the country attribute): the event comes from inside that call.
  await page.evaluate(() => {
    window.__de.addEventListener('spector-select', (e) => e.target.remove(), { once: true });
    window.__de.setAttribute('country', 'NL');
  });
  await expect(widget).toHaveCount(0);
  await page.evaluate(() => document.body.prepend(window.__de));
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'NL');
  expect(errors).toEqual([]);
});

test('a country value the bundle does not have is named in one console note, and nothing is selected', async ({ page }) => {
  const notes = [];
  page.on('console', (m) => {
    if (m.text().includes('country=')) notes.push([m.type(), m.text()]);
  });
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  await widget.evaluate((el) => el.setAttribute('country', 'xx'));
  // As the note says: the selection before it is cleared, not kept.
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'ALL');
  await expect(widget.locator('path.on[aria-pressed="true"]')).toHaveCount(0);
  await expect.poll(() => notes.length).toBe(1);
  const [type, text] = notes[0];
  expect(type).toBe('info');
  expect(text).toContain('country="xx"');
  expect(text).toContain('not a country of this bundle');
  // A re-render (another language) adds no second note: the selection it
  // keeps is the cleared one. A country the map draws but the bundle has
  // no figure for is named too; a right one selects, with no note.
  await widget.evaluate((el) => el.setAttribute('lang', 'de'));
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'de');
  await widget.evaluate((el) => el.setAttribute('country', 'CN'));
  await widget.evaluate((el) => el.setAttribute('country', 'pl'));
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'PL');
  expect(notes.map(([, t]) => /country="([^"]*)"/.exec(t)[1])).toEqual(['xx', 'CN']);
});

test('country="UK", the code people write for the United Kingdom, selects it (its ISO code is GB), with no note, through a re-render too', async ({ page }) => {
  const notes = [];
  page.on('console', (m) => {
    if (m.text().includes('country=')) notes.push(m.text());
  });
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  const told = widget.evaluate((el) => new Promise((done) => el.addEventListener('spector-select', (e) => done(e.detail.country), { once: true })));
  await widget.evaluate((el) => el.setAttribute('country', 'uk'));
  expect(await told).toBe('GB');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'GB');
  await expect(widget.locator('path.on[aria-pressed="true"]')).toHaveAttribute('data-c', 'GB');
  await widget.evaluate((el) => el.setAttribute('lang', 'fr'));
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'fr');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'GB');
  // EL, the EU's code for Greece, is named as Greece's code (GR) would
  // be: this bundle has no figures for Greece.
  await widget.evaluate((el) => el.setAttribute('country', 'EL'));
  await expect.poll(() => notes.length).toBe(1);
  expect(notes[0]).toContain('country="EL"');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'ALL');
});

test('what the reader chose stays through a new language and a move in the page; a country a new bundle lacks is cleared, and the page hears it', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  await page.evaluate(() => {
    window.__selected = [];
    document.addEventListener('spector-select', (e) => window.__selected.push(e.detail.country));
  });
  // The reader picks the United Kingdom and goes back to the world view,
  // against the attributes' Germany and Europe.
  await widget.locator('.chip[data-c="GB"]').click();
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'GB');
  await widget.locator('.zoom').click();
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');

  await widget.evaluate((el) => el.setAttribute('lang', 'fr'));
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'fr');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'GB');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');

  await page.evaluate(() => document.body.append(document.getElementById('de')));
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'GB');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  expect(await page.evaluate(() => window.__selected)).toEqual(['GB', 'GB', 'GB']);

  // Another operation without the United Kingdom: nothing is selected, and
  // the page, told of the United Kingdom before, is told so.
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json'));
  await expect(widget.locator('.title')).toHaveText('Operation Example');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'ALL');
  await expect.poll(() => page.evaluate(() => window.__selected)).toEqual(['GB', 'GB', 'GB', null]);
  expect(errors).toEqual([]);
});

test('removing the view attribute shows the world view, without an error', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  await widget.evaluate((el) => el.removeAttribute('view'));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  expect(errors).toEqual([]);
});

test('the newest view wins: one the page sets just before a re-render, or while the element is out of the page; the table view stays through a re-render', async ({ page }) => {
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  // In one task, with the zoom out still animating.
  await widget.evaluate((el) => {
    el.setAttribute('view', 'world');
    el.setAttribute('lang', 'de');
  });
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'de');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await widget.evaluate((el) => {
    el.remove();
    el.setAttribute('view', 'europe');
    document.body.append(el);
  });
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');

  await widget.locator('.as-table').click();
  await expect(widget.locator('.ftable')).toBeVisible();
  await widget.evaluate((el) => el.setAttribute('lang', 'es'));
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'es');
  await expect(widget.locator('.ftable')).toBeVisible();
  await expect(widget.locator('.as-table')).toHaveAttribute('aria-pressed', 'true');
});

test('a view the map went to by itself (a country it had to show) is the one a re-render keeps; the table view outlasts a refused bundle', async ({ page }) => {
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  // The United States, which the Europe view leaves out, brings the world back.
  await widget.locator('.chip[data-c="US"]').click();
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await widget.evaluate((el) => el.setAttribute('lang', 'pl'));
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'pl');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await expect(widget.locator('.tip.pin')).toBeVisible();

  await widget.locator('.as-table').click();
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/invalid/unknown-country.json'));
  await expect(widget.getByRole('alert')).toBeVisible();
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json'));
  await expect(widget.locator('.title')).toHaveText('Operation Example');
  await expect(widget.locator('.ftable')).toBeVisible();
});

test('when the page zooms to Europe, focus on a country that view leaves out moves to one in it', async ({ page }) => {
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await widget.evaluate((el) => el.setAttribute('view', 'world'));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await widget.locator('svg.map path.on[data-c="US"]').focus();
  await widget.evaluate((el) => el.setAttribute('view', 'europe'));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-to', 'e');
  expect(await widget.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('data-c'))).toBe('GB');
});

test('focus on the pinned tooltip\'s marker stays in the widget when the page selects another country, or none', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.tip.pin')).toContainText('Germany');
  const focused = () =>
    widget.evaluate((el) => {
      const e = el.shadowRoot.activeElement;
      return e && `${e.getAttribute('class')} ${e.dataset.cite ?? e.dataset.c}`;
    });
  // The page selects Austria while the keyboard is on Germany's marker in
  // the tooltip: focus goes to Austria's marker in the new tooltip, as
  // focus on a panel's marker goes to a chip, not to the page.
  await widget.locator('.tip .cite').focus();
  expect(await focused()).toBe('cite arrests-de');
  await widget.evaluate((el) => el.setAttribute('country', 'at'));
  await expect(widget.locator('.tip.pin')).toContainText('Austria');
  expect(await focused()).toBe('cite arrests-at');
  // With no country selected there is no tooltip: focus goes to the map's
  // country just left.
  await widget.evaluate((el) => el.removeAttribute('country'));
  await expect(widget.locator('.tip')).toBeHidden();
  await page.evaluate(() => new Promise(requestAnimationFrame));
  expect(await focused()).toBe('on AT');
});

test('focus in an open popover stays in the widget when the page selects another country', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.tip.pin')).toContainText('Germany');
  const inside = () => page.evaluate(() => document.activeElement === document.querySelector('#de'));
  // From each kind of marker: the headline's, the panel's, the tooltip's.
  for (const marker of ['.stat .cite', '.panel .cite', '.tip .cite']) {
    await widget.evaluate((el) => el.setAttribute('country', 'de'));
    await expect(widget.locator('.tip.pin')).toContainText('Germany');
    await widget.locator(marker).first().focus();
    await page.keyboard.press('Enter');
    await expect(widget.locator('.pop')).toBeVisible();
    expect(await inside(), marker).toBe(true);
    await widget.evaluate((el) => el.setAttribute('country', 'at'));
    await expect(widget.locator('.tip.pin')).toContainText('Austria');
    await expect(widget.locator('.pop')).toHaveCount(0);
    await page.evaluate(() => new Promise(requestAnimationFrame));
    expect(await inside(), marker).toBe(true);
  }
});

test('focus inside the widget stays on the same control through a re-render for a new language or bundle, without scrolling the page; focus elsewhere stays there', async ({ page }) => {
  await page.setViewportSize({ width: 700, height: 700 });
  await page.goto('/tests/e2e/pages/element-api.html');
  const widget = page.locator('#de');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  const focused = () =>
    widget.evaluate((el) => {
      const e = el.shadowRoot.activeElement;
      return e && `${e.getAttribute('class')}${e.dataset.c ? ' ' + e.dataset.c : ''}`;
    });
  let lang = 0;
  const rerender = async () => {
    const next = ['fr', 'de', 'pl', 'es', 'nl', 'en'][lang++ % 6];
    await widget.evaluate((el, l) => el.setAttribute('lang', l), next);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', next);
  };

  // A country reached with the keyboard: focused again, visibly, with its keys.
  await widget.locator('.zoom').focus();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('on DE');
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('on AT');
  await rerender();
  expect(await focused()).toBe('on AT');
  await expect(widget.locator('#sw-keys')).toHaveText(/./);
  expect(await widget.evaluate((el) => el.shadowRoot.activeElement.matches(':focus-visible'))).toBe(true);
  // The arrow keys go on from there.
  await page.keyboard.press('ArrowRight');
  expect(await focused()).toBe('on PL');

  // A chip, the zoom button, the table button.
  await widget.locator('.chip[data-c="AT"]').focus();
  await rerender();
  expect(await focused()).toBe('chip AT');
  await widget.locator('.zoom').focus();
  await rerender();
  expect(await focused()).toBe('zoom');
  await widget.locator('.as-table').focus();
  await page.keyboard.press('Enter');
  await expect(widget.locator('.ftable')).toBeVisible();
  await rerender();
  expect(await focused()).toBe('as-table');
  await page.keyboard.press('Enter');
  await expect(widget.locator('.map-wrap')).toBeVisible();

  // A popover, which the re-render closes: its marker.
  await widget.locator('.panel .cite').first().click();
  await expect(widget.locator('.pop')).toBeVisible();
  await rerender();
  await expect(widget.locator('.pop')).toHaveCount(0);
  expect(await focused()).toBe('cite');
  expect(await widget.evaluate((el) => el.shadowRoot.activeElement.closest('.panel') !== null)).toBe(true);

  // The page scrolled on, away from the focused chip: it is focused again
  // where it is, and the page does not jump back to it.
  await widget.locator('.chip[data-c="PL"]').focus();
  await page.evaluate(() => {
    document.body.append(Object.assign(document.createElement('div'), { style: 'height:3000px' }));
    scrollTo(0, 2000);
  });
  await rerender();
  expect(await focused()).toBe('chip PL');
  expect(await page.evaluate(() => scrollY)).toBe(2000);
  await page.evaluate(() => scrollTo(0, 0));

  // Another bundle: the control that is still there (the table button).
  await widget.locator('.as-table').focus();
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json'));
  await expect(widget.locator('.title')).toHaveText('Operation Example');
  expect(await focused()).toBe('as-table');
  // A chip this bundle lacks: the map's tab stop.
  await widget.evaluate((el) => el.removeAttribute('src'));
  await expect(widget.locator('.chip[data-c="US"]')).toHaveCount(1);
  await widget.locator('.chip[data-c="US"]').focus();
  await widget.evaluate((el) => el.setAttribute('src', '/tests/fixtures/valid-minimal.json'));
  await expect(widget.locator('.title')).toHaveText('Operation Example');
  expect(await focused()).toMatch(/^on [A-Z]{2}$/);
  expect(await widget.evaluate((el) => el.shadowRoot.activeElement.getAttribute('tabindex'))).toBe('0');

  // Focus outside the widget is not taken.
  await page.evaluate(() => {
    const input = document.body.appendChild(document.createElement('input'));
    input.id = 'page-input';
    input.focus();
  });
  await rerender();
  expect(await page.evaluate(() => document.activeElement.id)).toBe('page-input');
  expect(await focused()).toBe(null);
});

test('a view value the widget does not have is named in one console note with the views it has, as an unknown country is', async ({ page }) => {
  const notes = [];
  page.on('console', (m) => {
    if (m.text().includes('view=')) notes.push([m.type(), m.text()]);
  });
  await page.goto('/tests/e2e/pages/element-api.html');
  await expect(page.locator('#de .panel')).toHaveAttribute('data-scope', 'DE');
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<spector-widget id="asia" view="asia"></spector-widget>'));
  const widget = page.locator('#asia');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'w');
  await expect.poll(() => notes.length).toBe(1);
  const [type, text] = notes[0];
  expect(type).toBe('info');
  expect(text).toBe('spector-widget: view="asia" is not a view of this widget; the view does not change. Views: world, europe.');
  // A re-render adds no second note; a right value changes the view with
  // none; another wrong one is named and leaves the view as it is.
  await widget.evaluate((el) => el.setAttribute('lang', 'de'));
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'de');
  await widget.evaluate((el) => el.setAttribute('view', 'europe'));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-to', 'e');
  await widget.evaluate((el) => el.setAttribute('view', 'Mars'));
  await expect.poll(() => notes.length).toBe(2);
  expect(notes[1][1]).toContain('view="Mars"');
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-to', 'e');
  // As HTML reads its own keyword attributes: in any case, and an empty
  // value as the default, the world.
  await widget.evaluate((el) => el.setAttribute('view', ' '));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-to', 'w');
  await widget.evaluate((el) => el.setAttribute('view', 'Europe'));
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-to', 'e');
  expect(notes).toHaveLength(2);
});

test('a re-render for a new language leaves the page where the reader had scrolled, also near its end', async ({ page }) => {
  await page.setViewportSize({ width: 1000, height: 1000 });
  await page.route('**/short-page.html', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body><p>Before.</p><spector-widget></spector-widget><p>After.</p><script src="/pkg/embed.js"></script></body></html>',
    }),
  );
  await page.goto('/short-page.html');
  const widget = page.locator('spector-widget');
  await expect(widget.locator('.sources')).toBeAttached();
  // As far down as the page goes, and somewhere in the middle.
  for (const to of [1e6, 300]) {
    const before = await page.evaluate((y) => (window.scrollTo(0, y), scrollY), to);
    expect(before).toBeGreaterThan(0);
    const lang = (await widget.getAttribute('lang')) === 'de' ? 'fr' : 'de';
    await widget.evaluate((el, l) => el.setAttribute('lang', l), lang);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', lang);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(Math.abs((await page.evaluate(() => scrollY)) - before), `scrolled to ${to}`).toBeLessThanOrEqual(1);
  }
});

test('a widget that starts hidden (a closed tab or accordion) shows its selection\'s tooltip once shown', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/tests/e2e/pages/element-api.html');
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.id = 'tab';
    box.style.display = 'none';
    box.innerHTML = '<spector-widget id="hidden" country="DE"></spector-widget>';
    document.body.prepend(box);
  });
  const widget = page.locator('#hidden');
  await expect(widget.locator('.panel')).toHaveAttribute('data-scope', 'DE');
  // The zoom to Europe (Germany's view), which jumps for a reader who
  // prefers less motion, has tried to place the tooltip while hidden.
  await expect(widget.locator('.map-wrap')).toHaveAttribute('data-view', 'e');
  await expect(widget.locator('.tip')).toBeHidden();
  await page.evaluate(() => (document.querySelector('#tab').style.display = ''));
  const tip = widget.locator('.tip');
  await expect(tip).toBeVisible();
  await expect(tip).toContainText('Germany');
  // Beside Germany's symbol, inside the map, as in a widget started visible.
  const [t, map] = [await tip.boundingBox(), await widget.locator('.map-wrap').boundingBox()];
  expect(t.x).toBeGreaterThanOrEqual(map.x);
  expect(t.x + t.width).toBeLessThanOrEqual(map.x + map.width + 0.5);
  expect(t.y).toBeGreaterThanOrEqual(map.y);
});
