// Issue 6: "the README shows each host's snippet, tried as a new user would". Every ```html block and
// embed URL of README.md is pasted into a page as is — only the placeholder CDN/static hosts are pointed
// at dist/ and the example data URLs at the test fixtures — and must render with no error panel, no
// exception and (for the pages) no CSP violation under the strict policy.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP, TAGS, fixture, haveDist, launch, open, problems, root, server, states, waitForElements } from './helpers.mjs';

const skip = !haveDist() && 'dist/ is missing: run npm run build first';
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```html\n([\s\S]*?)```/g)].map((m) => m[1]);
const embedUrls = [...readme.matchAll(/^https:\/\/static\.example\.com\/nsw\/(embed\.html\?[^\s#]+)(#data=\S+)?$/gm)].map((m) => ({ query: m[1], fragment: m[2] }));

/** The placeholder hosts of the README → our build. */
const localise = (html) =>
  html
    .replace(/https:\/\/your\.cdn\/(north-star-widgets\/)?/g, '/dist/')
    .replace(/https:\/\/static\.example\.com\/north-star-widgets\//g, '/dist/')
    .replace(/https:\/\/static\.example\.com\/nsw\//g, '/dist/');

/** What the README's example data URLs answer with. */
const DATA = {
  '/metrics/weekly-active-teams.json': ['application/json', () => fixture('card.json')],
  '/metrics/signup-funnel.csv': ['text/csv', () => fixture('funnel.csv')],
  '/dist/data/signup.csv': ['text/csv', () => fixture('funnel.csv')],
  '/embed-host.js': ['text/javascript', () => readFileSync(join(root, 'demo/embed-host.js'), 'utf8')],
};

let browser;
let site;
before(async () => {
  if (skip) return;
  browser = await launch();
  site = await server({ 'Content-Security-Policy': CSP });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function pageWith(html, { csp = true } = {}) {
  const page = await open(browser, null);
  await page.route(/\/(metrics|dist\/data|embed-host\.js)/, (route) => {
    const entry = DATA[new URL(route.request().url()).pathname];
    return entry ? route.fulfill({ status: 200, contentType: entry[0], body: entry[1]() }) : route.continue();
  });
  await page.route(/\/readme-snippet\.html$/, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      headers: csp ? { 'Content-Security-Policy': CSP } : {},
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>README snippet</title></head><body>${localise(html)}</body></html>`,
    }),
  );
  await page.goto(new URL("readme-snippet.html", site.url).href);
  return page;
}

test('the README has the snippets this test tries', { skip }, () => {
  assert.ok(blocks.length >= 4, `found ${blocks.length} html blocks`);
  assert.equal(embedUrls.length, 2, 'two embed URLs');
});

for (const [index, html] of blocks.entries()) {
  const tags = TAGS.filter((tag) => html.includes(`<${tag}`));
  const iframe = html.includes('<iframe');
  test(`README html snippet #${index + 1} (${iframe ? 'iframe host' : tags.join(', ')}) works as pasted`, { skip }, async () => {
    // The iframe snippet's own `style="border:0"` is for hosts without a CSP (the README says so).
    const page = await pageWith(html, { csp: !iframe });
    try {
      if (iframe) {
        const frame = page.frameLocator('iframe[data-nsw-embed]');
        await frame.locator('funnel-chart').waitFor({ state: 'attached', timeout: 15_000 });
        const inner = page.frames().find((f) => f.url().includes('embed.html'));
        await waitForElements(inner);
        const [state] = await states(inner);
        assert.equal(state.error, null, 'the embedded funnel shows no error');
        // embed-host.js sizes the iframe to its content from the nsw:resize message.
        await page.waitForFunction(() => document.querySelector('iframe').height !== '400', null, { timeout: 10_000 });
        const height = Number(await page.$eval('iframe', (f) => f.height));
        assert.ok(height > 100 && height < 3000, `iframe sized to its content (${height})`);
      } else {
        assert.ok(tags.length > 0, 'the snippet has one of our elements');
        await waitForElements(page, tags.join(','));
        for (const state of await states(page, tags.join(','))) {
          assert.equal(state.error, null, `<${state.tag}> shows no error: ${state.error}`);
          assert.ok(state.width > 200 && state.height > 40, `<${state.tag}> has a real size`);
          assert.ok(state.summary.length > 10 && !/NaN|undefined/.test(state.summary), `<${state.tag}> summary: ${state.summary}`);
        }
        assert.deepEqual((await problems(page)).violations, [], 'no CSP violation');
      }
      assert.deepEqual(page.log.errors, [], 'no error in the console');
    } finally {
      await page.closeAll();
    }
  });
}

for (const { query, fragment } of embedUrls) {
  test(`README embed URL ${query.slice(0, 40)}… shows its element`, { skip }, async () => {
    let url = new URL(`dist/${query}`, site.url).href;
    let expectedName = null;
    if (fragment) {
      // The README abbreviates the base64url payload (`eyJuYW1lIjoi…`); a user encodes their own JSON
      // with the README's recipe, so the test does the same with a goal fixture.
      const json = fixture('goal.json');
      expectedName = JSON.parse(json).name;
      url += `#data=${Buffer.from(json, 'utf8').toString('base64url')}`;
    }
    const page = await open(browser, null);
    await page.route(/\/dist\/data\/signup\.csv$/, (route) => route.fulfill({ status: 200, contentType: 'text/csv', body: fixture('funnel.csv') }));
    try {
      await page.goto(url);
      await waitForElements(page);
      const [state] = await states(page);
      assert.equal(state.error, null, `no error panel: ${state.error}`);
      if (expectedName) assert.match(state.text, new RegExp(expectedName));
      assert.deepEqual((await problems(page)).violations, []);
      assert.deepEqual(page.log.errors, []);
    } finally {
      await page.closeAll();
    }
  });
}
