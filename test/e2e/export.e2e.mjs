// Issue 6 / RELIABILITY G6 — toSVG() / toPNG() and the `exportable` menu, for all four elements.
// The SVG is opened on its own (as an image/svg+xml document, without our CSS) and compared with a
// screenshot of the element; the PNG likewise. (PNG under the strict CSP: embedding.e2e.mjs.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP_TT, TAGS, haveDist, launch, open, pixelDiff, problems, server } from './helpers.mjs';

const skip = !haveDist() && 'dist/ is missing: run npm run build first';
let browser;
let plain;
let strict;
let page;
let scratch;
before(async () => {
  if (skip) return;
  browser = await launch();
  plain = await server();
  strict = await server({ 'Content-Security-Policy': CSP_TT });
  page = await open(browser, `${plain.url}test/e2e/pages/all-esm.html`, { viewport: { width: 760, height: 900 } });
  scratch = await open(browser, null, { viewport: { width: 760, height: 900 } });
});
after(async () => {
  await browser?.close();
  await plain?.close();
  await strict?.close();
});

/** Screenshot of the element's rendered box (its part="base"), at 1 device pixel per CSS pixel. */
async function shot(tag) {
  await page.locator(tag).scrollIntoViewIfNeeded();
  await page.mouse.move(0, 0);
  const box = await page.evaluate((t) => {
    const r = document.querySelector(t).shadowRoot.querySelector('[part~="base"]').getBoundingClientRect();
    return { x: r.left + scrollX, y: r.top + scrollY, width: Math.ceil(r.width), height: Math.ceil(r.height) };
  }, tag);
  return { png: await page.screenshot({ clip: box, fullPage: true }), box };
}

describe('export', { skip }, () => {
  for (const tag of TAGS) {
    test(`${tag}: toSVG() is standalone (no var(), class, style, external refs) and looks like the element`, async () => {
      const svg = await page.evaluate((t) => document.querySelector(t).toSVG(), tag);
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+">/);
      assert.doesNotMatch(svg, /var\(--/, 'no CSS variable left');
      assert.doesNotMatch(svg, /\sclass=|\sstyle=|\spart=/, 'no class, style or part attribute');
      assert.doesNotMatch(svg, /(?:href|src)="(?!#)|url\((?!#)/, 'no external reference');
      assert.doesNotMatch(svg, /<foreignObject|<script|<style|\son[a-z]+=/i, 'no foreignObject, script, style or handler');
      assert.match(svg, /<title>[^<]{10,}<\/title>/, 'the summary is the title');
      const { png, box } = await shot(tag);
      // Open it on its own: a fresh document of type image/svg+xml, no stylesheet.
      const url = `http://export.invalid/${tag}.svg`;
      await scratch.route(url, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
      await scratch.goto(url);
      const wellFormed = await scratch.evaluate(() => document.documentElement.localName === 'svg' && !document.querySelector('parsererror'));
      assert.ok(wellFormed, 'the SVG parses as an XML document');
      const size = await scratch.evaluate(() => [document.documentElement.width.baseVal.value, document.documentElement.height.baseVal.value]);
      assert.deepEqual(size, [box.width, box.height], 'same size as the element');
      const alone = await scratch.screenshot({ clip: { x: 0, y: 0, width: box.width, height: box.height } });
      const diff = await pixelDiff(scratch, png, alone);
      assert.ok(diff.ratio < 0.02, `${tag}: ${(diff.ratio * 100).toFixed(2)} % of pixels differ between the element and its SVG`);
    });

    test(`${tag}: toPNG() resolves a PNG Blob of what is shown`, async () => {
      const result = await page.evaluate(async (t) => {
        const el = document.querySelector(t);
        const blob = await el.toPNG({ scale: 1 });
        const two = await el.toPNG();
        const bytes = new Uint8Array(await blob.arrayBuffer());
        let binary = '';
        for (const b of bytes) binary += String.fromCharCode(b);
        const bitmap2 = await createImageBitmap(two);
        return { type: blob.type, size: blob.size, base64: btoa(binary), scale2: [bitmap2.width, bitmap2.height] };
      }, tag);
      assert.equal(result.type, 'image/png');
      assert.ok(result.size > 1000, `PNG of ${result.size} bytes`);
      const { png, box } = await shot(tag);
      assert.deepEqual(result.scale2, [box.width * 2, box.height * 2], 'default scale is 2');
      const diff = await pixelDiff(scratch, png, Buffer.from(result.base64, 'base64'));
      assert.ok(diff.ratio < 0.02, `${tag}: ${(diff.ratio * 100).toFixed(2)} % of pixels differ between the element and its PNG`);
    });
  }

  test('other states export as shown too: dark theme, goal chart view, horizontal tree, error panel', async () => {
    await page.evaluate(() => {
      document.getElementById('card').setAttribute('theme', 'dark');
      document.getElementById('goal').setAttribute('view', 'chart');
      document.getElementById('tree').setAttribute('orientation', 'horizontal');
      document.getElementById('funnel').data = { steps: [{ name: 'Visited', value: 'abc' }] };
    });
    await page.waitForTimeout(500);
    try {
      for (const tag of TAGS) {
        const { png, box } = await shot(tag);
        const svg = await page.evaluate((t) => document.querySelector(t).toSVG(), tag);
        const url = `http://export.invalid/alt-${tag}.svg`;
        await scratch.route(url, (route) => route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg }));
        await scratch.goto(url);
        const alone = await scratch.screenshot({ clip: { x: 0, y: 0, width: box.width, height: box.height } });
        const bytes = await page.evaluate(async (t) => {
          const blob = await document.querySelector(t).toPNG({ scale: 1 });
          const u = new Uint8Array(await blob.arrayBuffer());
          let b = '';
          for (const x of u) b += String.fromCharCode(x);
          return btoa(b);
        }, tag);
        const [a, b] = [await pixelDiff(scratch, png, alone), await pixelDiff(scratch, png, Buffer.from(bytes, 'base64'))];
        assert.ok(a.ratio < 0.02, `${tag} SVG: ${(a.ratio * 100).toFixed(2)} % differ`);
        assert.ok(b.ratio < 0.02, `${tag} PNG: ${(b.ratio * 100).toFixed(2)} % differ`);
      }
    } finally {
      await page.reload();
      await page.waitForTimeout(300);
    }
  });

  test('exportable menu under CSP + Trusted Types: keyboard operable (menu button pattern), downloads SVG and PNG, copies the summary', async () => {
    const context = await browser.newContext({ viewport: { width: 760, height: 900 }, acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] });
    const p = await open(browser, `${strict.url}test/e2e/pages/all-esm.html`, { context });
    try {
      await p.evaluate(() => {
        window.__exports = [];
        document.addEventListener('nsw-export', (e) => window.__exports.push(e.detail));
      });
      const host = p.locator('#goal');
      const toggle = host.locator('.export-toggle');
      assert.equal(await toggle.getAttribute('aria-haspopup'), 'menu');
      assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
      await toggle.focus();
      await p.keyboard.press('Enter');
      await host.locator('[role="menu"]').waitFor();
      assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
      const focused = () => p.evaluate(() => document.getElementById('goal').shadowRoot.activeElement?.textContent.trim());
      assert.equal(await focused(), 'Download SVG', 'the first item has focus');
      await p.keyboard.press('ArrowDown');
      assert.equal(await focused(), 'Download PNG');
      await p.keyboard.press('End');
      assert.equal(await focused(), 'Copy summary');
      await p.keyboard.press('ArrowDown');
      assert.equal(await focused(), 'Download SVG', 'wraps around');
      await p.keyboard.press('Escape');
      assert.equal(await host.locator('[role="menu"]').count(), 0, 'Escape closes');
      assert.match(await focused(), /^Export/, 'focus returns to the button');

      const [svgDownload] = await Promise.all([p.waitForEvent('download'), (async () => {
        await p.keyboard.press('Enter');
        await host.locator('[role="menuitem"]').first().waitFor();
        await p.keyboard.press('Enter');
      })()]);
      assert.equal(svgDownload.suggestedFilename(), 'goal-progress.svg');
      const [pngDownload] = await Promise.all([p.waitForEvent('download'), (async () => {
        await toggle.click();
        await host.locator('[role="menuitem"]', { hasText: 'Download PNG' }).click();
      })()]);
      assert.equal(pngDownload.suggestedFilename(), 'goal-progress.png');

      await toggle.click();
      await host.locator('[role="menuitem"]', { hasText: 'Copy summary' }).click();
      await p.waitForFunction(() => window.__exports.length === 3);
      const [clip, summary] = await p.evaluate(async () => [await navigator.clipboard.readText(), document.getElementById('goal').summary]);
      assert.equal(clip, summary);
      assert.deepEqual(await p.evaluate(() => window.__exports), [
        { format: 'svg', ok: true },
        { format: 'png', ok: true },
        { format: 'summary', ok: true },
      ]);
      // Clicking elsewhere (focus leaves) closes an open menu.
      await toggle.click();
      await p.locator('body').click({ position: { x: 700, y: 5 } });
      assert.equal(await host.locator('[role="menu"]').count(), 0);
      const found = await problems(p);
      assert.deepEqual(found.violations, [], 'no CSP or Trusted Types violation from downloading or copying');
      assert.deepEqual(found.errors, []);
    } finally {
      await context.close();
    }
  });
});
