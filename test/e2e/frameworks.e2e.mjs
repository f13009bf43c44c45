// Issue 6 / RELIABILITY G2 — React 19 and Vue 3 smoke tests: the examples in demo/frameworks/ are
// bundled with esbuild against the npm build (north-star-widgets/define-all.js through the
// package "exports"), run in Chromium, and must render the data given as a *property* and deliver
// `nsw-select` to the app.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { assertShows, launch, open, problems, root, server, states, waitForElements } from './helpers.mjs';

const skip = !existsSync(join(root, 'dist/npm/define-all.js')) && 'dist/ is missing: run npm run build first';
const out = join(root, '.tmp', 'e2e-frameworks');
let browser;
let plain;

before(async () => {
  if (skip) return;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(join(out, 'node_modules'), { recursive: true });
  symlinkSync(root, join(out, 'node_modules', 'north-star-widgets'), 'dir');
  const common = {
    bundle: true, format: 'esm', target: 'es2022', logLevel: 'error', minify: true,
    nodePaths: [join(out, 'node_modules')], define: { 'process.env.NODE_ENV': '"production"' },
  };
  await build({ ...common, entryPoints: [join(root, 'demo/frameworks/react-app.jsx')], outfile: join(out, 'react.js'), jsx: 'automatic' });
  await build({
    ...common,
    entryPoints: [join(root, 'demo/frameworks/vue-app.js')],
    outfile: join(out, 'vue.js'),
    alias: { vue: 'vue/dist/vue.esm-bundler.js' }, // with the template compiler (an app using SFCs compiles ahead)
    define: { ...common.define, __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' },
  });
  for (const name of ['react', 'vue']) {
    writeFileSync(
      join(out, `${name}.html`),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${name}</title></head><body>` +
        `<div id="app" data-card="/test/e2e/fixtures/card.json" data-funnel="/test/e2e/fixtures/funnel.json"></div>` +
        `<script type="module" src="${name}.js"></script></body></html>`,
    );
  }
  browser = await launch();
  plain = await server();
});
after(async () => {
  await browser?.close();
  await plain?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('frameworks', { skip }, () => {
  for (const name of ['react', 'vue']) {
    test(`${name === 'react' ? 'React 19' : 'Vue 3'}: data as a property, theme binding, nsw-select reaches the app`, async () => {
      const p = await open(browser, `${plain.url}.tmp/e2e-frameworks/${name}.html`, { wait: false });
      try {
        await p.waitForSelector('#card', { timeout: 15_000 });
        await waitForElements(p);
        for (const s of await states(p)) assertShows(assert, s, `${name} `);
        const how = await p.evaluate(() =>
          ['card', 'funnel'].map((id) => {
            const el = document.getElementById(id);
            return { attribute: el.getAttribute('data'), type: typeof el.data, exportable: el.exportable };
          }),
        );
        for (const h of how) {
          assert.equal(h.attribute, null, 'data was set as a property, not stringified into the attribute');
          assert.equal(h.type, 'object');
        }
        assert.equal(how[0].exportable, true, 'boolean property');
        // Activate the card's header (click) and a funnel step (keyboard).
        await p.locator('#card [part~="header"]').click();
        await p.waitForFunction(() => document.getElementById('selected').textContent === 'Selected: wat');
        // Keyboard: the funnel's focused step (roving tabindex) + Enter.
        const focused = await p.evaluate(() => {
          const item = document.getElementById('funnel').shadowRoot.querySelector('[part~="step"][tabindex="0"]');
          item?.focus();
          return !!item;
        });
        assert.ok(focused, 'the funnel has a focusable step');
        await p.keyboard.press('Enter');
        await p.waitForFunction(() => /^Selected: (?!wat$)\S/.test(document.getElementById('selected').textContent), null, { timeout: 5000 });
        // Theme binding updates the attribute the elements read.
        await p.click('#theme');
        await p.waitForFunction(() => document.getElementById('card').getAttribute('theme') === 'dark' && document.getElementById('funnel').getAttribute('theme') === 'dark');
        const found = await problems(p);
        assert.deepEqual(found.errors, []);
        assert.deepEqual(p.log.errors, []);
      } finally {
        await p.closeAll();
      }
    });
  }
});
