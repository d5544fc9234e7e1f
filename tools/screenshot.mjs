// Takes the README's screenshot (docs/screenshot.png): the demo article's
// widget in headless Chromium. Run after a build: node tools/screenshot.mjs
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';

const port = 4321;
const server = spawn('node', ['tools/serve.mjs', '--port', String(port)], { stdio: 'ignore' });
await new Promise((resolve) => setTimeout(resolve, 400));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1600 }, deviceScaleFactor: 1 });
  // A wide article column, so the seizure panel sits beside the map.
  await page.addInitScript(() => document.addEventListener('DOMContentLoaded', () => {
    document.querySelector('main').style.maxWidth = '1100px';
  }));
  await page.goto(`http://127.0.0.1:${port}/`);
  const widget = page.locator('spector-widget');
  await widget.locator('svg.map').waitFor();
  // Tall enough that taking the picture does not scroll: a scroll would
  // move the widget from under the pointer and close the tooltip.
  await widget.scrollIntoViewIfNeeded();
  await widget.locator('path.on[data-c="US"]').hover({ force: true });
  await page.waitForTimeout(200);
  await widget.screenshot({ path: 'docs/screenshot.png' });
  console.log('wrote docs/screenshot.png');
} finally {
  await browser.close();
  server.kill();
}
