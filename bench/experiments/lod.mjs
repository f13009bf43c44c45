#!/usr/bin/env node
// node bench/experiments/lod.mjs [nodes]: prices metric-tree's suggested level of detail (RESULTS.md F3).
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { CHROME_ARGS } from '../lib.mjs';

const n = Number(process.argv[2] ?? 10000);
const { server, url } = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: CHROME_ARGS });
try {
  for (const variant of ['per-node', 'aggregated']) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}bench/experiments/lod.html`);
    await page.waitForFunction(() => window.__lod);
    const r = await page.evaluate(([v, count]) => window.__lod(v, count), [variant, n]);
    console.log(`${r.variant.padEnd(11)} ${r.n} nodes, ${String(r.elements).padStart(6)} SVG elements: first frame ${r.first.toFixed(1)} ms, zoom frame ${r.zoom.toFixed(1)} ms, pan frame ${r.pan.toFixed(1)} ms`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
