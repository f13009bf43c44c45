#!/usr/bin/env node
// Screenshots of a page of this project in headless Chromium, without touching dist/:
// bundles src/bundle.ts with esbuild into a private folder and answers the page's requests for
// dist/north-star-widgets.js(.iife.js) with it, so several people can take screenshots at once.
//   node scripts/screenshot.mjs <page path, e.g. demo/index.html> <out.png> [--width 1000] [--height 800]
//        [--dark] [--full] [--wait 'css selector'] [--media print] [--forced-colors]
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from './serve.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const has = (name) => args.includes(`--${name}`);
const [pagePath, out] = args.filter((a, i) => !a.startsWith('--') && !['--width', '--height', '--wait', '--media'].includes(args[i - 1]));
if (!pagePath || !out) {
  console.error('usage: node scripts/screenshot.mjs <page> <out.png> [--width N] [--height N] [--dark] [--full] [--wait sel]');
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'nsw-shot-'));
for (const [format, file] of [['esm', 'north-star-widgets.js'], ['iife', 'north-star-widgets.iife.js']]) {
  await build({
    entryPoints: ['src/bundle.ts'], bundle: true, format, globalName: format === 'iife' ? 'NorthStarWidgets' : undefined,
    outfile: join(dir, file), tsconfig: 'tsconfig.json', target: 'es2022', logLevel: 'error', conditions: ['production'],
  });
}
const { server, url } = await serve({});
const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(flag('width', 1000)), height: Number(flag('height', 800)) },
    colorScheme: has('dark') ? 'dark' : 'light', reducedMotion: 'reduce', forcedColors: has('forced-colors') ? 'active' : 'none',
  });
  if (flag('media')) await page.emulateMedia({ media: flag('media') });
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && console.log(`[page ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => console.log(`[page exception] ${e.message}`));
  await page.route(/\/dist\/north-star-widgets(\.iife)?\.js$/, (route, request) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(dir, request.url().includes('.iife') ? 'north-star-widgets.iife.js' : 'north-star-widgets.js')) }));
  await page.goto(new URL(pagePath, url).href + (has('dark') && !pagePath.includes('?') ? '' : ''));
  if (has('dark')) await page.evaluate(() => document.querySelectorAll('north-star-card,metric-tree,funnel-chart,goal-progress').forEach((el) => el.setAttribute('theme', 'dark')) || document.documentElement.classList.add('dark'));
  if (flag('wait')) await page.waitForSelector(flag('wait'));
  await page.waitForTimeout(600);
  await page.screenshot({ path: out, fullPage: has('full') });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
