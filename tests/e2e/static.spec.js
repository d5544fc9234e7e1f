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

  const facts = JSON.parse(readFileSync(resolve(repo, 'data/spector.json'), 'utf8')).facts;
  const rows = (page.match(/<tbody>[\s\S]*?<\/tbody>/)?.[0].match(/<tr[\s>]/g) ?? []).length;
  expect(rows).toBeGreaterThanOrEqual(facts.length);
  for (const text of ['288', '153', '117', '850', '64', 'more than 200,000', '$53.4 million']) {
    expect(page).toContain(text);
  }
});
