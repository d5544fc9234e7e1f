// schema/facts.schema.json describes what the widget accepts: the shipped
// bundles satisfy it, and shape mistakes the widget refuses, it refuses too.
// (Runs in the Playwright suite because it is the project's node runner.)
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
const read = (path) => JSON.parse(readFileSync(resolve(repo, path), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(read('schema/facts.schema.json'));

test('the shipped bundles and the examples satisfy the schema', () => {
  for (const path of ['data/spector.json', 'data/example-minimal.json', 'tests/fixtures/valid-minimal.json']) {
    const ok = validate(read(path));
    expect(validate.errors ?? [], path).toEqual([]);
    expect(ok).toBe(true);
  }
  const readme = readFileSync(resolve(repo, 'README.md'), 'utf8');
  const example = /```json\n([\s\S]*?)```/.exec(readme)[1];
  expect(validate(JSON.parse(example))).toBe(true);
});

test('a URL is http(s) in any case, as for the widget and spector-facts', () => {
  const bundle = read('tests/fixtures/valid-minimal.json');
  for (const url of ['HTTPS://police.example/a', 'Http://police.example/a', 'hTtPs://police.example/a', 'https://user:pw@police.example:8080/a?b#c', 'https://[2001:db8::1]/a', 'https://police.example']) {
    bundle.sources[0].url = url;
    const ok = validate(bundle);
    expect(validate.errors ?? [], url).toEqual([]);
    expect(ok, url).toBe(true);
  }
  // No host after the //, before a path, a query or a fragment alike.
  for (const url of [
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'ftp://police.example/a',
    '//police.example/a',
    'https:///a',
    'https://?id=12',
    'https://#arrests',
    'https://user@?x',
    'https://@/x',
    'https://:80/news',
    'https://a@b@/x',
  ]) {
    bundle.sources[0].url = url;
    expect(validate(bundle), url).toBe(false);
  }
});

test('shape mistakes are refused by the schema as by the widget', () => {
  for (const name of [
    'wrong-type',
    'missing-field',
    'unknown-field',
    'no-citation',
    'negative-value',
    'non-http-url',
    'unknown-qualifier',
    'bad-date',
    'unsupported-schema',
    'unknown-source-kind',
    'disagreement-without-claims',
  ]) {
    expect(validate(read(`tests/fixtures/invalid/${name}.json`)), name).toBe(false);
  }
  for (const name of ['empty-facts', 'country-lower-us', 'id-with-space', 'value-above-max', 'url-javascript']) {
    expect(validate(read(`tests/fixtures/hostile/${name}.json`)), name).toBe(false);
  }
});

test('names, units, codes, languages and URLs are refused by the schema as by the widget', () => {
  for (const name of [
    'metric-capitalised',
    'metric-spaces',
    'event-capitalised',
    'named-fields-markup',
    'unit-kg-for-arrests',
    'unit-usd-for-eur',
    'unit-euro-sign',
    'unit-unknown',
    'lang-english',
    'announced-month',
    'country-uk',
    'country-el',
    'country-eu',
    'country-xx',
    'country-lower-all',
    'country-all-space',
    'url-whitespace',
    'url-leading-space',
    'url-no-host-path',
    'url-tab',
    'url-host-space',
  ]) {
    expect(validate(read(`tests/fixtures/hostile/${name}.json`)), name).toBe(false);
  }
  // What the widget accepts, the schema accepts: a metric it has no name
  // for in a listed unit or in one of its own, money in pounds, a
  // kebab-free name with digits.
  const bundle = read('tests/fixtures/valid-minimal.json');
  bundle.facts[1].metric = 'boats_sunk_2023';
  bundle.facts[1].unit = 'GBP';
  bundle.facts[2].metric = 'cocaine_seized_kg';
  bundle.facts[2].unit = 'kg';
  bundle.lang = 'pt-BR';
  const ok = validate(bundle);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
  for (const unit of ['boats', 'Fischerboote', 'rounds of 9 mm', 'm³', '<img src=x onerror=alert(1)> boats']) {
    bundle.facts[1].unit = unit;
    expect(validate(bundle), unit).toBe(true);
  }
  expect(validate(read('tests/fixtures/hostile/unit-own-markup.json'))).toBe(true);
  // A listed unit written another way is refused for such a metric too,
  // as spector-facts refuses it with the spelling to use; so is a known
  // metric's unit of its own.
  for (const unit of ['People', 'Kg', ' kg', 'usd', '$', '€', 'euros', '£', '']) {
    bundle.facts[1].unit = unit;
    expect(validate(bundle), unit).toBe(false);
  }
  bundle.facts[1].unit = 'boats';
  bundle.facts[2].unit = 'bags';
  expect(validate(bundle)).toBe(false);
});

test('counts of people, countries, firearms and pills are whole numbers, as for the widget', () => {
  const bundle = read('tests/fixtures/valid-minimal.json');
  bundle.facts[1].value = 2.5;
  expect(validate(bundle), 'arrests').toBe(false);
  // A metric the widget does not know, counted in people.
  bundle.facts[1].metric = 'boats_sunk';
  expect(validate(bundle), 'boats_sunk in people').toBe(false);
  // In a unit of its own, or in kilograms, a fraction is fine.
  bundle.facts[1].unit = 'boats';
  expect(validate(bundle), 'boats_sunk in boats').toBe(true);
  bundle.facts[1].metric = 'cocaine_seized_kg';
  bundle.facts[1].unit = 'kg';
  expect(validate(bundle), 'kg').toBe(true);
  // A claimed count too.
  const claimed = read('tests/fixtures/valid-minimal.json');
  claimed.facts[0].disagreement = {
    reason: 'sources differ',
    claims: [{ value: 12.5, citations: [{ source: 'agency', quote: '12.5' }] }],
  };
  expect(validate(claimed), 'claim').toBe(false);
  claimed.facts[0].disagreement.claims[0].value = 13;
  expect(validate(claimed), 'whole claim').toBe(true);
  for (const name of ['value-fraction-people', 'value-fraction-firearms', 'claim-fraction-people']) {
    expect(validate(read(`tests/fixtures/hostile/${name}.json`)), name).toBe(false);
  }
});

test('what a schema cannot compare is left to spector-facts, as documented', () => {
  // An impossible day and a claim that repeats the shown value pass the
  // schema; the widget and spector-facts refuse them (tests/hostile.rs).
  for (const name of ['date-february-30', 'claim-same-value', 'claim-same-date']) {
    expect(validate(read(`tests/fixtures/hostile/${name}.json`)), name).toBe(true);
  }
  const docs = readFileSync(resolve(repo, 'docs/bundle.md'), 'utf8');
  expect(docs).toContain('a day its month does not have');
  expect(docs).toContain('claims the same value as the figure');
});

test('the schema lists the country codes spector-facts checks, and no other', () => {
  const source = readFileSync(resolve(repo, 'src/facts/country_codes.rs'), 'utf8');
  const codes = /const CODES: &str = "([A-Z]+)"/.exec(source)[1].match(/../g);
  const schema = read('schema/facts.schema.json');
  expect(schema.$defs.fact.properties.scope.enum).toEqual(['ALL', ...codes]);
});
