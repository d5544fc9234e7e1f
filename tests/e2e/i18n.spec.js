// The widget in the reader's language: the element's lang attribute, else
// the nearest ancestor's (the article's), else English; an unknown language
// falls back to English with one console note per page. Screenshots of
// every language at 640 px go to artifacts/lang-<code>.png.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The German figure tests/i18n.rs also finds in `spector-facts render
 *  --lang de`: the browser and the CLI format numbers the same way. */
const GERMAN_MONEY = 'mehr als 53,4 Mio. US$';

function notes(page) {
  const seen = [];
  page.on('console', (m) => {
    if (m.text().includes('no translation')) seen.push(m.text());
  });
  return seen;
}

test('lang="de" on the element shows German words and German numbers', async ({ page }) => {
  await page.goto('/tests/e2e/pages/languages.html');
  const de = page.locator('#de');
  await expect(de.locator('.sw')).toHaveAttribute('lang', 'de');
  await expect(de.locator('.stat')).toContainText('288 Festnahmen');
  await expect(de.locator('.stat')).toContainText('in 9 Ländern');
  await expect(de.locator('.panel-title')).toHaveText('Gesamte Operation');
  await expect(de.locator('button.zoom')).toHaveText('Europa vergrößern');
  await expect(de.locator('.panel')).toContainText(GERMAN_MONEY);
  await expect(de.locator('.panel')).toContainText('53,4 Mio.');
  await expect(de.locator('.timeline')).toContainText('2. Mai 2023');
  await expect(de.locator('path.on[data-c="DE"]')).toHaveAttribute('aria-label', 'Deutschland: 52\u00a0Festnahmen');
  // The reader's language follows the widget as it changes.
  await de.locator('button.zoom').click();
  await expect(de.locator('button.zoom')).toHaveText('Weltkarte zeigen');
  await de.locator('.chip[data-c="PL"]').click();
  await expect(de.locator('.panel-title')).toHaveText('Polen');
  await expect(de.locator('.panel')).toContainText('Festnahmen 1 Person');
  await expect(de.locator('.panel')).toContainText('Polen: Keine Quelle nennt Zahlen zu Beschlagnahmungen.');
  // Verbatim quotes keep their own language.
  await de.locator('.stat button.cite').first().click();
  await expect(de.locator('.pop-title')).toHaveText('Quellen zu „Festnahmen“');
  await expect(de.locator('.pop blockquote').first()).toHaveAttribute('lang', 'en');
});

test('a widget inside <article lang="fr"> speaks French', async ({ page }) => {
  await page.goto('/tests/e2e/pages/languages.html');
  const fr = page.locator('#fr');
  await fr.scrollIntoViewIfNeeded();
  await expect(fr.locator('.sw')).toHaveAttribute('lang', 'fr');
  await expect(fr.locator('.stat')).toContainText('288 arrestations');
  await expect(fr.locator('.panel-title')).toHaveText('Ensemble de l’opération');
  await expect(fr.locator('.panel')).toContainText('plus de 53,4 millions de dollars');
  await expect(fr.locator('.panel')).toContainText('plus de 50,8 millions d’euros');
  await expect(fr.locator('.timeline')).toContainText('2 mai 2023');
  await expect(fr.locator('.chip[data-c="DE"]')).toHaveText('Allemagne');
  // French sets a narrow no-break space before a colon; German none.
  const colon = (widget) => widget.locator('.fig-label').first().evaluate((el) => getComputedStyle(el, '::after').content);
  expect(await colon(fr)).toBe('"\u202F:"');
  expect(await colon(page.locator('#de'))).toBe('":"');
});

test('an unknown language shows English with exactly one console note, however many widgets', async ({ page }) => {
  const seen = notes(page);
  await page.goto('/tests/e2e/pages/languages.html');
  for (const id of ['#xx1', '#xx2']) {
    // Far down the page, a widget starts when the reader comes near.
    await page.locator(id).scrollIntoViewIfNeeded();
    await expect(page.locator(id).locator('.sw')).toHaveAttribute('lang', 'en');
    await expect(page.locator(id).locator('.panel-title')).toHaveText('Whole operation');
  }
  await expect(page.locator('#de .sw')).toHaveAttribute('lang', 'de');
  // A third one later still adds no note.
  await page.evaluate(() => {
    const w = document.createElement('spector-widget');
    w.setAttribute('lang', 'tlh');
    document.body.prepend(w);
  });
  await expect(page.locator('spector-widget').first().locator('.sw')).toHaveAttribute('lang', 'en');
  expect(seen).toHaveLength(1);
  expect(seen[0]).toContain('"xx"');
});

test('changing lang re-renders; de-AT is German, pt is Brazilian Portuguese; without lang the page language applies', async ({ page }) => {
  await page.goto('/tests/e2e/pages/languages.html');
  const de = page.locator('#de');
  await expect(de.locator('.sw')).toHaveAttribute('lang', 'de');
  await de.evaluate((el) => el.setAttribute('lang', 'pt'));
  await expect(de.locator('.sw')).toHaveAttribute('lang', 'pt-BR');
  await expect(de.locator('.panel')).toContainText('mais de US$ 53,4 milhões');
  await de.evaluate((el) => el.setAttribute('lang', 'de-AT'));
  await expect(de.locator('.sw')).toHaveAttribute('lang', 'de');
  // Without its own lang, the page's (lang="en") applies.
  await de.evaluate((el) => el.removeAttribute('lang'));
  await expect(de.locator('.sw')).toHaveAttribute('lang', 'en');
});

/** `CODE = Name` pairs of i18n/countries/<lang>.txt, the names the CLI
 *  and the static version print. */
function namesOnFile(lang) {
  const names = new Map();
  for (const line of readFileSync(`i18n/countries/${lang}.txt`, 'utf8').split('\n')) {
    const m = /^([A-Z]{2}) = (.+)$/.exec(line);
    if (m) names.set(m[1], m[2]);
  }
  return names;
}

for (const code of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
  test(`country names in ${code} match the static version's`, async ({ page }) => {
    // The nine are built into the wasm from the same files; any other
    // country's name comes from the browser (the tests below).
    await page.goto('/tests/e2e/pages/languages.html');
    const widget = page.locator('#de');
    await widget.evaluate((el, lang) => el.setAttribute('lang', lang), code);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', code);
    const shown = await widget.locator('path.on[data-c]').evaluateAll((paths) =>
      paths.map((p) => [p.getAttribute('data-c'), p.getAttribute('aria-label')]),
    );
    expect(shown.length).toBe(9);
    const names = namesOnFile(code);
    for (const [country, label] of shown) {
      expect(label.startsWith(names.get(country)), `${country}: ${label}`).toBe(true);
    }
  });
}

test('the embedded bundle needs no name from the browser; other countries get the browser\'s names', async ({ page }) => {
  // The first Intl.DisplayNames of a page costs 15-35 ms (ICU loads its
  // region names), so the widget asks only for a country it has no name of.
  await page.addInitScript(() => {
    window.regionNamesMade = 0;
    const Made = Intl.DisplayNames;
    Intl.DisplayNames = function (...args) {
      if (args[1]?.type === 'region') window.regionNamesMade += 1;
      return new Made(...args);
    };
  });
  const other = JSON.parse(readFileSync('tests/fixtures/valid-minimal.json', 'utf8').replaceAll('"FR"', '"JP"'));
  await page.route('**/japan.json', (route) => route.fulfill({ json: other }));
  await page.goto('/tests/e2e/pages/languages.html');
  await expect(page.locator('#de path.on[data-c="PL"]')).toHaveAttribute('aria-label', /^Polen: /);
  await expect(page.locator('#fr .chip[data-c="DE"]')).toHaveText('Allemagne');
  await page.locator('#xx2').scrollIntoViewIfNeeded();
  await expect(page.locator('#xx2 path.on[data-c="US"]')).toHaveAttribute('aria-label', /^United States: /);
  expect(await page.evaluate(() => window.regionNamesMade)).toBe(0);

  await page.locator('#de').evaluate((el) => el.setAttribute('src', '/japan.json'));
  await expect(page.locator('#de path.on[data-c="JP"]')).toHaveAttribute('aria-label', /^Japan: /);
  expect(await page.evaluate(() => window.regionNamesMade)).toBe(1);
});

test('the browser names every country on file as the file does, but the few the wasm keeps in English', async ({ page }) => {
  // A bundle may put any mapped country on the map, so the browser must
  // agree with the files on all of them, not only on the nine shown here.
  // Chromium names a few its own way in every language; for English the
  // wasm keeps the file's names of those (i18n/countries/en-wasm.txt, and
  // tests/web.rs checks every English name the wasm gives).
  const kept = [...namesOnFile('en-wasm').keys()];
  expect(kept.length).toBeGreaterThan(0);
  await page.goto('/tests/e2e/pages/languages.html');
  const all = [];
  for (const code of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
    const onFile = [...namesOnFile(code)];
    const inBrowser = await page.evaluate(
      ([lang, codes]) => {
        const names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
        return codes.map((c) => names.of(c) ?? '');
      },
      [code, onFile.map(([c]) => c)],
    );
    const differ = onFile.flatMap(([c, name], i) =>
      inBrowser[i] === name || kept.includes(c) ? [] : [`${code} ${c}: ${name} / ${inBrowser[i]}`],
    );
    expect(onFile.length).toBeGreaterThan(150);
    all.push(...differ);
  }
  expect(all).toEqual([]);
});

for (const code of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
  test(`screenshot in ${code} at 640 px`, async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 900 });
    await page.goto('/tests/e2e/pages/languages.html');
    const widget = page.locator('#de');
    await widget.evaluate((el, lang) => {
      for (const other of document.querySelectorAll('spector-widget')) if (other !== el) other.remove();
      el.setAttribute('lang', lang);
    }, code);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', code);
    await widget.screenshot({ path: `artifacts/lang-${code}.png` });
  });
}

/** The texts of data/spector.json a reader sees that the bundle's author
 *  wrote (in English, the bundle's language): the operation's name and
 *  summary, publishers, titles, quotes and the reasons of disagreements. */
function bundleTexts() {
  const bundle = JSON.parse(readFileSync('data/spector.json', 'utf8'));
  const texts = [bundle.operation.name, bundle.operation.summary];
  for (const s of bundle.sources) texts.push(s.publisher, s.title);
  for (const item of [...bundle.facts, ...(bundle.dates ?? [])]) {
    for (const c of item.citations) texts.push(c.quote);
    if (item.disagreement) texts.push(item.disagreement.reason);
  }
  return [...new Set(texts)];
}

/** Text nodes of the widget that hold bundle text, with the language of
 *  the nearest element that declares one, where that is not `want`. */
function misMarked(widget, texts, want) {
  return widget.evaluate(
    (el, [texts, want]) => {
      const out = [];
      const walker = document.createTreeWalker(el.shadowRoot, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!texts.some((t) => node.data.includes(t))) continue;
        const lang = node.parentElement.closest('[lang]')?.getAttribute('lang');
        if (lang !== want) out.push(`${lang}: ${node.data.slice(0, 60)}`);
      }
      return out;
    },
    [texts, want],
  );
}

for (const code of ['de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
  test(`in ${code}, every text from the bundle is marked as the bundle's language, English`, async ({ page }) => {
    await page.goto('/tests/e2e/pages/languages.html');
    const widget = page.locator('#de');
    await widget.evaluate((el, lang) => el.setAttribute('lang', lang), code);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', code);
    await expect(widget.locator('.sources')).toHaveCount(1);
    const texts = bundleTexts();
    const bad = await misMarked(widget, texts, 'en');
    // The reasons are in the "sources differ" popovers, the publishers also
    // in the citation popovers: open one of each kind for every figure.
    await widget.locator('.chip[data-c="US"]').click();
    for (const selector of ['button.differ', 'button.cite']) {
      const marks = widget.locator(`.panel ${selector}, .stat ${selector}`);
      const n = await marks.count();
      for (let i = 0; i < n; i++) {
        await marks.nth(i).click();
        await expect(widget.locator('.pop')).toHaveCount(1);
        bad.push(...(await misMarked(widget, texts, 'en')));
        await widget.locator('.pop-close').click();
      }
      if (selector === 'button.differ') expect(n).toBeGreaterThan(0);
    }
    await widget.locator('.back').click();
    const marks = widget.locator('.panel button.differ');
    for (let i = 0; i < (await marks.count()); i++) {
      await marks.nth(i).click();
      await expect(widget.locator('.pop-differ .reason')).toHaveCount(1);
      bad.push(...(await misMarked(widget, texts, 'en')));
      await widget.locator('.pop-close').click();
    }
    expect([...new Set(bad)]).toEqual([]);
  });
}

test('in English, bundle text gets no lang of its own: only quotes and titles, which carry their source\'s', async ({ page }) => {
  await page.goto('/tests/e2e/pages/languages.html');
  const widget = page.locator('#de');
  await widget.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(widget.locator('.sw')).toHaveAttribute('lang', 'en');
  await expect(widget.locator('.sources')).toHaveCount(1);
  await widget.locator('.panel button.differ').first().click();
  await expect(widget.locator('.pop-differ .reason')).toHaveCount(1);
  const marked = await widget.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('.sw [lang]')].map((e) => e.localName).filter((n) => !['blockquote', 'q', 'cite'].includes(n)),
  );
  expect(marked).toEqual([]);
  expect(await misMarked(widget, bundleTexts(), 'en')).toEqual([]);
});

/** Where, in the widget's figures as laid out now, a number and the unit,
 *  currency or scale word beside it landed on different lines: after a
 *  number, the word that follows it; after a scale word (Mio., mln, …) the
 *  currency; before a number, a currency symbol. Marker buttons are left
 *  out (their digits are references, not amounts). */
function brokenAmounts(widget) {
  return widget.evaluate((el) => {
    const out = [];
    const root = el.shadowRoot;
    for (const figure of root.querySelectorAll('.stat, .panel .fig')) {
      // The box's text, and for each character its node and offset.
      const chars = [];
      const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('button')) continue;
        for (let i = 0; i < node.data.length; i++) chars.push([node, i]);
      }
      const text = chars.map(([node, i]) => node.data[i]).join('');
      const box = (i) => {
        const range = document.createRange();
        range.setStart(chars[i][0], chars[i][1]);
        range.setEnd(chars[i][0], chars[i][1] + 1);
        return range.getClientRects()[0] ?? null;
      };
      const space = /[\s\u00a0\u202f]/;
      // The first character of the token after position `i`'s gap, if any.
      const after = (i) => {
        let j = i + 1;
        if (!space.test(text[j] ?? '')) return null;
        while (j < text.length && space.test(text[j])) j++;
        return j < text.length ? j : null;
      };
      // Two characters on different lines do not overlap vertically (on
      // one line they do, whatever their font sizes).
      const apart = (i, j, what) => {
        const [a, b] = [box(i), box(j)];
        if (a && b && (a.bottom <= b.top + 1 || b.bottom <= a.top + 1)) {
          out.push(`${what}: ${text.slice(Math.max(0, i - 12), j + 8)}`);
        }
      };
      for (const m of text.matchAll(/\d(?:[\d.,\u00a0\u202f]*\d)?/g)) {
        const last = m.index + m[0].length - 1;
        const next = after(last);
        if (next !== null) apart(last, next, 'number|unit');
        // A scale word or abbreviation and the currency after it.
        const word = next === null ? '' : /^\S+/.exec(text.slice(next).replace(/[\u00a0\u202f]/g, ' '))[0];
        if (/^(Mio\.|Mrd\.|mln|mld)$/.test(word)) {
          const currency = after(next + word.length - 1);
          if (currency !== null) apart(next + word.length - 1, currency, 'scale|currency');
        }
        // A currency symbol before the number.
        let k = m.index - 1;
        while (k >= 0 && space.test(text[k])) k--;
        if (k >= 0 && k < m.index - 1 && /[$€£]/.test(text[k])) apart(k, m.index, 'currency|number');
      }
    }
    return out;
  });
}

test('numbers stay on one line with their units, currencies and scale words, in every language and width', async ({ page }) => {
  test.setTimeout(120000);
  await page.goto('/tests/e2e/pages/languages.html');
  const widget = page.locator('#de');
  await widget.evaluate((el) => {
    for (const other of document.querySelectorAll('spector-widget')) if (other !== el) other.remove();
  });
  const broken = [];
  for (const code of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
    await widget.evaluate((el, lang) => el.setAttribute('lang', lang), code);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', code);
    await expect(widget.locator('.panel')).toHaveCount(1);
    for (const scope of ['ALL', 'US']) {
      if (scope === 'US') await widget.locator('.chip[data-c="US"]').click();
      await expect(widget.locator('.panel')).toHaveAttribute('data-scope', scope);
      for (let width = 280; width <= 480; width += 8) {
        await widget.evaluate((el, w) => (el.style.width = `${w}px`), width);
        for (const b of await brokenAmounts(widget)) broken.push(`${code} ${scope} ${width}px ${b}`);
      }
      await widget.evaluate((el) => (el.style.width = ''));
    }
    await widget.locator('.back').click();
  }
  expect(broken).toEqual([]);
});

test('a country\'s figure is named by the country\'s name in the reader\'s language, never its code', async ({ page }) => {
  await page.goto('/tests/e2e/pages/languages.html');
  const de = page.locator('#de');
  await de.locator('.chip[data-c="CH"]').click();
  await de.locator('.panel .cite[data-cite="arrests-ch"]').click();
  await expect(de.locator('.pop-title')).toHaveText('Quellen zu „Festnahmen (Schweiz)“');
  await expect(de.locator('.pop')).toHaveAttribute('aria-label', 'Quellen zu „Festnahmen (Schweiz)“');
  await de.evaluate((el) => el.setAttribute('lang', 'pl'));
  await expect(de.locator('.sw')).toHaveAttribute('lang', 'pl');
  await de.locator('.chip[data-c="US"]').click();
  await expect(de.locator('.panel .differ[data-differ="arrests-us"]')).toHaveAttribute(
    'aria-label',
    'Źródła się różnią: Zatrzymania (Stany Zjednoczone)',
  );
  await expect(de.locator('.panel .cite[data-cite="arrests-us"]')).toHaveAttribute('aria-label', /^\[1,4,6,7,8\] Źródła – Zatrzymania \(Stany Zjednoczone\): /);
  // Nowhere in the widget, in any attribute or text, a code in parentheses.
  const codes = await de.evaluate((el) => {
    const html = el.shadowRoot.innerHTML;
    return html.match(/\([A-Z]{2}\)/g) ?? [];
  });
  expect(codes).toEqual([]);
});

test('with WCAG 1.4.12 text spacing at 320 px, every figure and citation marker of the panel stays inside the widget, in every language', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.goto('/tests/e2e/pages/languages.html');
  const widget = page.locator('#de');
  await widget.evaluate((el) => {
    for (const other of document.querySelectorAll('spector-widget')) if (other !== el) other.remove();
  });
  const outside = [];
  for (const code of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
    await widget.evaluate((el, lang) => el.setAttribute('lang', lang), code);
    await expect(widget.locator('.sw')).toHaveAttribute('lang', code);
    await expect(widget.locator('.panel')).toHaveCount(1);
    const found = await widget.evaluate((el) => {
      const spacing = new CSSStyleSheet();
      spacing.replaceSync('*{line-height:1.5!important;letter-spacing:.12em!important;word-spacing:.16em!important} p{margin-bottom:2em!important}');
      el.shadowRoot.adoptedStyleSheets = [...el.shadowRoot.adoptedStyleSheets, spacing];
      const box = el.getBoundingClientRect();
      return [...el.shadowRoot.querySelectorAll('.panel :is(.cite, .differ, .fig-alt)')]
        .filter((e) => {
          const r = e.getBoundingClientRect();
          return r.left < box.left - 0.5 || r.right > box.right + 0.5;
        })
        .map((e) => e.textContent);
    });
    for (const text of found) outside.push(`${code}: ${text}`);
  }
  expect(outside).toEqual([]);
});
