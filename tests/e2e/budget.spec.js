// The payload budget (issue 9): what a reader downloads for the whole
// drop-in, pkg/embed.js (code, map, facts, all seven languages), compressed
// as the benchmark's server sends it (brotli, quality 11). The size is
// deterministic for a given toolchain, so this fails on any growth past the
// budget, not on noise.
//
// A widget with a `src` also fetches the bundle reader,
// pkg/spector_reader.wasm, which has a budget of its own below.
//
// The target is 45 KB and not yet met (see bench/RESULTS.md). Until it is,
// the budget is a ratchet: the current size plus a little room. Lower it
// with every saving; raise it only with a line in bench/CHANGES.md saying
// what the bytes bought.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const TARGET_BYTES = 45_000;
const BUDGET_BYTES = 58_550;
/** A budget further than this above the size is stale: lower it. */
const SLACK_BYTES = 2_000;

const embed = readFileSync(resolve(import.meta.dirname, '../../pkg/embed.js'));
const brotli = brotliCompressSync(embed, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test('pkg/embed.js stays within its payload budget, brotli', () => {
  expect(brotli, `embed.js is ${brotli} B brotli; the budget is ${BUDGET_BYTES} B`).toBeLessThanOrEqual(BUDGET_BYTES);
});

test('the budget follows the size down, a ratchet towards the target', () => {
  const next = Math.max(TARGET_BYTES, brotli);
  expect(BUDGET_BYTES - brotli, `embed.js shrank to ${brotli} B: lower BUDGET_BYTES towards ${next}`).toBeLessThanOrEqual(SLACK_BYTES);
});

test('gzip, for servers without brotli, stays within the budget plus a quarter', () => {
  const gzip = gzipSync(embed, { level: 9 }).length;
  expect(gzip).toBeLessThanOrEqual(Math.round(BUDGET_BYTES * 1.25));
});

/** The bundle reader, fetched by a page only for a widget with a `src`. */
const READER_BUDGET_BYTES = 18_200;

test('pkg/spector_reader.wasm, fetched only for a src, stays within its own budget', () => {
  const reader = readFileSync(resolve(import.meta.dirname, '../../pkg/spector_reader.wasm'));
  const size = brotliCompressSync(reader, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  expect(size, `spector_reader.wasm is ${size} B brotli; its budget is ${READER_BUDGET_BYTES} B`).toBeLessThanOrEqual(
    READER_BUDGET_BYTES,
  );
});
