// The static version (spector-facts render --format html --page) is valid
// HTML by a real validator, and holds every figure of the bundle.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { HtmlValidate } from 'html-validate';

const repo = resolve(import.meta.dirname, '../..');
const render = (...args) =>
  execFileSync('cargo', ['run', '--quiet', '--bin', 'spector-facts', '--', 'render', 'data/spector.json', ...args], {
    cwd: repo,
    encoding: 'utf8',
  });

test('the static page validates as HTML and lists every figure', async () => {
  const page = render('--format', 'html', '--page');
  const validator = new HtmlValidate({ extends: ['html-validate:recommended'] });
  const report = await validator.validateString(page);
  const messages = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  expect(messages).toEqual([]);
  expect(report.valid).toBe(true);

  // The same validator refuses broken markup, so a pass means something.
  const broken = await validator.validateString('<!doctype html><html lang="en"><head><title>x</title></head><body><p><div></div></p></body></html>');
  expect(broken.valid).toBe(false);

  // A row per figure, but that a figure in a second currency shares the
  // row of the first (euros beside dollars, as in the panel).
  const facts = JSON.parse(readFileSync(resolve(repo, 'data/spector.json'), 'utf8')).facts;
  const shared = facts.filter((f) => f.metric === 'cash_and_crypto_eur' && facts.some((g) => g.metric === 'cash_and_crypto_usd' && g.scope === f.scope));
  const rows = page.match(/<th scope="row">/g).length;
  expect(rows).toBe(facts.length - shared.length);
  for (const text of ['288', '153', '117', '850', '64', 'more than 200,000', '$53.4 million', '€50.8\u00a0million']) {
    expect(page).toContain(text);
  }
});

// WCAG 1.4.10 (reflow): the static page fits a 320 px phone with the
// browser's default styles in every language, and a screen reader moving
// through a table hears each row's header once (no ten "Arrests").
for (const lang of ['en', 'de', 'fr', 'nl', 'es', 'pt-BR', 'pl']) {
  test.describe(`the static page in ${lang} at 320 px`, () => {
    test.use({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });

    test('does not scroll sideways, and no table repeats a row header', async ({ page }) => {
      const html = render('--format', 'html', '--page', '--lang', lang);
      await page.route('**/static-page.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
      await page.goto('/static-page.html');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      const headers = await page.locator('table').evaluateAll((tables) =>
        tables.map((t) => [...t.querySelectorAll('th[scope=row]')].map((th) => th.textContent)),
      );
      for (const names of headers) expect(new Set(names).size, names.join(', ')).toBe(names.length);
      expect(headers.length).toBeGreaterThan(1);
    });
  });
}
