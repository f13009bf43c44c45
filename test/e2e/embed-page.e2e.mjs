// Issue 6 / RELIABILITY G5 — dist/embed.html in an iframe of a parent page that uses the documented
// host snippet (demo/embed-host.js). Served with the strict CSP, so the embed page is checked
// CSP-clean at the same time.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, EXPECT, TAGS, fixture, haveDist, launch, open, problems, server, states, waitForElements } from './helpers.mjs';

const skip = !haveDist() && 'dist/ is missing: run npm run build first';
let browser;
let strict;
before(async () => {
  if (skip) return;
  browser = await launch();
  strict = await server({ 'Content-Security-Policy': CSP });
});
after(async () => {
  await browser?.close();
  await strict?.close();
});

const base64url = (text) => Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** Opens the parent page with the iframe pointed at dist/embed.html + `query`. */
async function parent(query) {
  const frameUrl = `/dist/embed.html${query}`;
  const p = await open(browser, `${strict.url}test/e2e/pages/embed-parent.html?frame=${encodeURIComponent(frameUrl)}`, { wait: false });
  const handle = await p.waitForSelector('#frame');
  await p.waitForFunction(() => document.getElementById('frame').contentDocument?.readyState === 'complete');
  const frame = await handle.contentFrame();
  return { p, frame };
}

/** Waits until the iframe's height attribute equals the embed content height (± 1 px). */
async function sized(p, frame) {
  let inner = 0;
  await p.waitForFunction(
    async () => {
      const el = document.getElementById('frame');
      const root = el.contentDocument?.getElementById('nsw-embed');
      if (!root) return false;
      const h = Math.ceil(root.getBoundingClientRect().height);
      return h > 20 && Math.abs(Number(el.getAttribute('height')) - h) <= 1;
    },
    null,
    { timeout: 10_000, polling: 100 },
  );
  inner = await frame.evaluate(() => Math.ceil(document.getElementById('nsw-embed').getBoundingClientRect().height));
  return inner;
}

async function clean(p, frame, label) {
  for (const [where, target] of [['parent', p], ['iframe', frame]]) {
    const found = await problems(target);
    assert.deepEqual(found.violations, [], `${label} ${where}: no CSP violation`);
    assert.deepEqual(found.errors, [], `${label} ${where}: no error`);
  }
  assert.deepEqual(p.log.errors, [], `${label}: no console error / exception`);
}

describe('embed page (dist/embed.html) in an iframe, strict CSP', { skip }, () => {
  test('?el=funnel-chart&src=<CSV> renders; the parent sizes the iframe from nsw:resize messages', async () => {
    const { p, frame } = await parent('?el=funnel-chart&src=/test/e2e/fixtures/funnel.csv&orientation=horizontal&theme=dark');
    try {
      await waitForElements(frame);
      const [s] = await states(frame);
      assert.equal(s.tag, 'funnel-chart');
      assert.equal(s.error, null);
      for (const pattern of EXPECT['funnel-chart']) assert.match(s.text, pattern);
      const attrs = await frame.evaluate(() => {
        const el = document.querySelector('funnel-chart');
        return { orientation: el.getAttribute('orientation'), theme: el.getAttribute('theme'), src: el.getAttribute('src') };
      });
      assert.deepEqual(attrs, { orientation: 'horizontal', theme: 'dark', src: '/test/e2e/fixtures/funnel.csv' });
      const height = await sized(p, frame);
      assert.ok(height > 100, `content height ${height}`);
      const messages = await p.evaluate(() => window.__messages);
      assert.ok(messages.length >= 1 && messages.every((m) => m.fromFrame), 'messages come from the iframe');
      assert.equal(messages.at(-1).height, height, 'the last message is the current content height');
      await clean(p, frame, 'src');
    } finally {
      await p.closeAll();
    }
  });

  test('every element from #data=<base64url JSON> (the card with a ~10 KB payload)', async () => {
    const card = JSON.parse(fixture('card.json'));
    // ~10 KB: a long series (daily for a year) and a long description.
    const start = Date.UTC(2025, 10, 21);
    card.series = Array.from({ length: 365 }, (_, i) => [new Date(start + i * 86_400_000).toISOString().slice(0, 10), 10_000 + i * 7 + (i % 7) * 13]);
    card.series.push(['2026-11-21', 12840]);
    card.description = 'Teams where three or more members collaborated on a shared project this week. '.repeat(30);
    const payloads = {
      'north-star-card': JSON.stringify(card),
      'metric-tree': fixture('tree.json'),
      'funnel-chart': fixture('funnel.json'),
      'goal-progress': fixture('goal.json'),
    };
    assert.ok(payloads['north-star-card'].length >= 10_000, `payload is ${payloads['north-star-card'].length} bytes`);
    for (const tag of TAGS) {
      const extra = tag === 'goal-progress' ? '&as-of=2026-11-20' : '';
      const { p, frame } = await parent(`?el=${tag}${extra}#data=${base64url(payloads[tag])}`);
      try {
        await waitForElements(frame);
        const [s] = await states(frame);
        assert.equal(s.tag, tag);
        assert.equal(s.error, null, `${tag}: ${s.error}`);
        for (const pattern of EXPECT[tag]) assert.match(s.text, pattern, `${tag} shows ${pattern}`);
        assert.ok((await sized(p, frame)) > 40);
        await clean(p, frame, tag);
      } finally {
        await p.closeAll();
      }
    }
  });

  test('rejected: unknown el, javascript:/data: src, bad base64; the message is text; no handler attribute is set', async () => {
    const cases = [
      ['?el=script&src=/test/e2e/fixtures/card.json', /“script” is not an element this page can show/],
      ['?el=<img src=x onerror=alert(1)>&src=x.json', /is not an element this page can show/],
      ['?el=north-star-card&src=javascript:alert(1)', /src “javascript:alert\(1\)” is not allowed/],
      ['?el=north-star-card&src=' + encodeURIComponent('java\tscript:alert(1)'), /is not allowed/],
      ['?el=funnel-chart&src=' + encodeURIComponent('data:application/json,{"steps":[]}'), /is not allowed/],
      ['?el=goal-progress#data=%%%not-base64', /not valid base64url/],
      ['?el=metric-tree', /No data given/],
      ['', /No element chosen/],
    ];
    for (const [query, message] of cases) {
      const { p, frame } = await parent(query);
      try {
        await frame.waitForSelector('.nsw-embed-message', { timeout: 10_000 }).catch((e) => assert.fail(`${query}: no message (${e.message})`));
        const shown = await frame.evaluate(() => {
          const m = document.querySelector('.nsw-embed-message');
          return { text: m.textContent, children: m.children.length, elements: document.querySelectorAll('north-star-card,metric-tree,funnel-chart,goal-progress,img').length };
        });
        assert.match(shown.text, message, query);
        assert.equal(shown.children, 0, 'the message is plain text');
        assert.equal(shown.elements, 0, 'no element (and no injected <img>) was created');
        assert.ok((await sized(p, frame)) > 20, 'the message is sized too');
        await clean(p, frame, query);
      } finally {
        await p.closeAll();
      }
    }
    // Attributes come only from the element's own observedAttributes: onclick/style are dropped.
    const { p, frame } = await parent('?el=north-star-card&src=/test/e2e/fixtures/card.json&onclick=alert(1)&style=color:red&exportable=');
    try {
      await waitForElements(frame);
      const attrs = await frame.evaluate(() => document.querySelector('north-star-card').getAttributeNames().sort());
      assert.ok(!attrs.includes('onclick') && !attrs.includes('style'), `attributes: ${attrs}`);
      assert.ok(attrs.includes('exportable') && attrs.includes('src'), `attributes: ${attrs}`);
      await clean(p, frame, 'attributes');
    } finally {
      await p.closeAll();
    }
  });

  test('resize messages track the content; a message from another source is ignored by the host snippet', async () => {
    const { p, frame } = await parent(`?el=funnel-chart#data=${base64url(fixture('funnel.json'))}`);
    try {
      await waitForElements(frame);
      const first = await sized(p, frame);
      // Fewer steps → shorter content → a new message → the iframe shrinks.
      const small = JSON.parse(fixture('funnel.json'));
      small.steps = small.steps.slice(0, 2);
      await p.evaluate((hash) => {
        document.getElementById('frame').contentWindow.location.hash = hash;
      }, `data=${base64url(JSON.stringify(small))}`);
      await p.waitForFunction((h) => Number(document.getElementById('frame').getAttribute('height')) < h - 20, first, { timeout: 10_000 });
      const second = await sized(p, frame);
      assert.ok(second < first - 20, `height went from ${first} to ${second}`);
      // Narrower iframe → wrapping → taller or equal; the iframe follows again.
      await p.evaluate(() => document.getElementById('frame').setAttribute('width', '320'));
      const third = await sized(p, frame);
      assert.ok(third >= second, `narrow: ${third} ≥ ${second}`);
      // A forged message from the parent window itself (not the iframe) must not resize it.
      await p.evaluate(() => window.postMessage({ type: 'nsw:resize', height: 7 }, '*'));
      await p.waitForTimeout(150);
      assert.equal(Number(await p.getAttribute('#frame', 'height')), third, 'forged message ignored');
      const heights = await p.evaluate(() => window.__messages.filter((m) => m.fromFrame).map((m) => m.height));
      assert.ok(heights.includes(first) && heights.includes(second) && heights.includes(third), `messages: ${heights}`);
      await clean(p, frame, 'resize');
    } finally {
      await p.closeAll();
    }
  });
});
