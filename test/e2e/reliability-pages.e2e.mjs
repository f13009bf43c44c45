// Hardening suite (issue 8), page-level parts that need Chromium-only APIs (playwright-core + CDP):
//   F9  forced colors: every element legible with system colours under `forced-colors: active`, also
//       when switched on after load;                                                          [Cr]
//   E2  retained heap after 100 mount/interact/remove cycles per element < 1 MB (CDP GC + heap usage) [Cr]
//   E5  no Lit dev-mode warnings with the development build of Lit;                           [Cr]
// The library is bundled privately from src/ with esbuild (as scripts/screenshot.mjs does), so
// these tests need no `npm run build` and never touch dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../../scripts/serve.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--js-flags=--expose-gc'];
const TAGS = ['north-star-card', 'funnel-chart', 'goal-progress', 'metric-tree'];

const dir = mkdtempSync(join(tmpdir(), 'nsw-reliability-'));
let server;
let origin;
let browser;

async function bundle(name, conditions) {
  await build({
    entryPoints: ['src/bundle.ts'], bundle: true, format: 'esm', outfile: join(dir, name), tsconfig: 'tsconfig.json',
    target: 'es2022', logLevel: 'error', conditions,
  });
}

/** SPEC-shaped data for each element (the same shapes as test/reliability/helpers.ts). */
const DATA = {
  'north-star-card': {
    name: 'Weekly active teams', value: 12840, previous: 11900, target: 15000, unit: 'teams', comparison: 'vs last week',
    description: 'Teams with at least three active members.', owner: 'Growth', updated: '2026-11-20T08:00:00Z',
    series: Array.from({ length: 12 }, (_, i) => ({ date: new Date(Date.UTC(2026, 8, 4) + i * 7 * 864e5).toISOString().slice(0, 10), value: 9800 + i * 240 })),
    guardrails: [{ name: 'Churned teams', value: 41, previous: 38, threshold: 60, direction: 'decrease' }],
    inputs: [{ name: 'New teams', value: 640, previous: 600 }],
  },
  'funnel-chart': {
    name: 'Team activation', comparison: 'vs last month',
    steps: [
      { name: 'Visited site', value: 48200, previous: 45100, segments: { Organic: 26000, Paid: 15200, Referral: 7000 } },
      { name: 'Signed up', value: 6120, previous: 5600, medianTime: 420 },
      { name: 'Created team', value: 3890, previous: 3700, medianTime: 3600 },
      { name: 'Weekly active', value: 1630, previous: 1500, medianTime: 259200 },
    ],
  },
  'goal-progress': {
    name: 'Grow weekly active teams', metric: 'Weekly active teams', baseline: 10000, target: 15000, value: 12840,
    start: '2026-07-01', deadline: '2026-12-31',
    series: [['2026-07-01', 10000], ['2026-08-01', 10650], ['2026-09-01', 11300], ['2026-10-01', 11950], ['2026-11-01', 12500]],
  },
  'metric-tree': {
    id: 'wat', name: 'Weekly active teams', kind: 'north-star', value: 12840, previous: 11900,
    children: [
      { id: 'new', name: 'New active teams', value: 2840, previous: 2400, children: [{ id: 'signups', name: 'Team sign-ups', value: 6120, previous: 5600 }] },
      { id: 'retained', name: 'Retained teams', value: 10000, previous: 9500 },
    ],
  },
};

const PAGE = (bundleName) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reliability</title>
<script type="module" src="/__nsw/${bundleName}"></script></head><body>
<div id="root" style="width: 640px"></div></body></html>`;

async function open(bundleName, options = {}) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1400 }, reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const messages = [];
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => messages.push({ type: 'pageerror', text: e.message }));
  await page.route('**/__nsw/**', (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(join(dir, new URL(route.request().url()).pathname.split('/').pop())) }));
  await page.route('**/reliability.html', (route) => route.fulfill({ contentType: 'text/html', body: PAGE(bundleName) }));
  await page.goto(`${origin}reliability.html`);
  await page.waitForFunction((tags) => tags.every((t) => customElements.get(t)), TAGS);
  return { context, page, messages };
}

/** Mounts all four elements with data; resolves when each rendered. */
async function mountAll(page, theme = 'light') {
  await page.evaluate(async ({ DATA, theme }) => {
    const root = document.getElementById('root');
    root.replaceChildren();
    for (const [tag, data] of Object.entries(DATA)) {
      const el = document.createElement(tag);
      el.setAttribute('theme', theme);
      if (tag === 'goal-progress') el.setAttribute('as-of', '2026-11-20');
      el.followLink = () => {};
      el.data = data;
      root.append(el);
    }
    await Promise.all([...root.children].map((el) => el.updateComplete));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  }, { DATA, theme });
}

before(async () => {
  await bundle('prod.js', ['production']);
  await bundle('dev.js', ['development']);
  ({ server, url: origin } = await serve({}));
  browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** In the page: every painted fill/stroke/colour of visible parts, and the system colours. */
function paintsInPage() {
  const probe = document.createElement('div');
  document.body.append(probe);
  const system = new Set();
  for (const keyword of ['Canvas', 'CanvasText', 'LinkText', 'VisitedText', 'ActiveText', 'ButtonFace', 'ButtonText', 'ButtonBorder', 'Field', 'FieldText', 'Highlight', 'HighlightText', 'SelectedItem', 'SelectedItemText', 'Mark', 'MarkText', 'GrayText', 'AccentColor', 'AccentColorText']) {
    probe.style.color = keyword;
    system.add(getComputedStyle(probe).color);
  }
  probe.remove();
  const transparent = (c) => !c || c === 'none' || c === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(c) || /\/\s*0\)$/.test(c);
  const out = [];
  for (const host of document.querySelectorAll('#root > *')) {
    const all = [];
    const walk = (root) => root.querySelectorAll('*').forEach((n) => { all.push(n); if (n.shadowRoot) walk(n.shadowRoot); });
    walk(host.shadowRoot);
    for (const n of all) {
      if (n.closest('.sr-only, title, desc, defs')) continue;
      const s = getComputedStyle(n);
      const box = n.getBoundingClientRect();
      if (s.display === 'none' || s.visibility === 'hidden' || box.width === 0 || box.height === 0 || parseFloat(s.opacity) === 0) continue;
      const label = `${host.localName} <${n.localName} class="${n.getAttribute('class') ?? ''}">`;
      const ownText = [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
      if (n instanceof SVGElement) {
        if (n instanceof SVGGeometryElement || n instanceof SVGTextContentElement) {
          if (!transparent(s.fill) && !s.fill.startsWith('url(') && parseFloat(s.fillOpacity) > 0) out.push({ label, prop: 'fill', value: s.fill });
          if (!transparent(s.stroke) && parseFloat(s.strokeWidth) > 0 && parseFloat(s.strokeOpacity) > 0) out.push({ label, prop: 'stroke', value: s.stroke });
        }
      } else if (ownText) out.push({ label, prop: 'color', value: s.color });
    }
  }
  return { system: [...system], paints: out };
}

function assertSystemColours({ system, paints }, when) {
  const allowed = new Set(system);
  const offenders = paints.filter((p) => !allowed.has(p.value));
  const perTag = Object.fromEntries(TAGS.map((t) => [t, paints.filter((p) => p.label.startsWith(t)).length]));
  console.log(`[reliability][chromium] F9 forced colors (${when}): ${paints.length} painted parts checked ${JSON.stringify(perTag)}, ${offenders.length} not a system colour`);
  for (const tag of TAGS) assert.ok(perTag[tag] > 3, `${tag}: painted parts found (${perTag[tag]})`);
  assert.deepEqual(offenders.slice(0, 15).map((p) => `${p.label} ${p.prop}: ${p.value}`), [], `${when}: non-system colours under forced-colors`);
}

test('F9 [Cr]: under forced-colors: active every text, line and shape uses a system colour (light and dark themes)', async () => {
  const { context, page, messages } = await open('prod.js', { forcedColors: 'active' });
  try {
    for (const theme of ['light', 'dark']) {
      await mountAll(page, theme);
      assertSystemColours(await page.evaluate(paintsInPage), `loaded active, ${theme}`);
    }
    await page.screenshot({ path: join(dir, 'forced-colors.png'), fullPage: true });
    assert.deepEqual(messages.filter((m) => m.type === 'pageerror'), []);
  } finally {
    await context.close();
  }
});

test('F9 [Cr]: switching forced colors on after load updates the rendering', async () => {
  const { context, page } = await open('prod.js', { forcedColors: 'none' });
  try {
    await mountAll(page);
    const before = await page.evaluate(paintsInPage);
    const systemBefore = new Set(before.system);
    assert.ok(before.paints.some((p) => !systemBefore.has(p.value)), 'brand colours without forced colors (control)');
    await page.emulateMedia({ forcedColors: 'active' });
    await page.waitForTimeout(100);
    assertSystemColours(await page.evaluate(paintsInPage), 'switched on after load');
  } finally {
    await context.close();
  }
});

test('F9 [Cr]: under prefers-reduced-motion nothing animates, also after interaction', async () => {
  const { context, page } = await open('prod.js', { reducedMotion: 'reduce' });
  try {
    await mountAll(page);
    const running = await page.evaluate(async () => {
      for (const host of document.querySelectorAll('#root > *')) {
        host.expandAll?.();
        host.fit?.();
        for (const b of host.shadowRoot.querySelectorAll('button')) if (!/export|download|copy/i.test(b.textContent)) b.click();
      }
      await new Promise((r) => setTimeout(r, 50));
      return [...document.querySelectorAll('#root > *')].flatMap((h) => h.shadowRoot.getAnimations().filter((a) => a.playState === 'running').map((a) => `${h.localName}: ${a.animationName ?? a.transitionProperty}`));
    });
    assert.deepEqual(running, []);
  } finally {
    await context.close();
  }
});

test('E2 [Cr]: retained heap after 100 mount/interact/remove cycles per element stays under 1 MB (CDP, forced GC)', async () => {
  const { context, page } = await open('prod.js');
  const cdp = await context.newCDPSession(page);
  const heap = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const cycles = (n) =>
    page.evaluate(async ({ DATA, n }) => {
      const root = document.getElementById('root');
      for (let i = 0; i < n; i++) {
        for (const [tag, data] of Object.entries(DATA)) {
          const el = document.createElement(tag);
          if (tag === 'goal-progress') el.setAttribute('as-of', '2026-11-20');
          el.followLink = () => {};
          el.data = i % 2 ? data : { ...data, name: `Cycle ${i}` };
          root.append(el);
          await el.updateComplete;
          el.shadowRoot.querySelector('svg')?.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: 50, clientY: 20 }));
          el.shadowRoot.querySelector('[tabindex="0"]')?.focus();
          await el.updateComplete;
          el.remove();
        }
      }
      await new Promise((r) => setTimeout(r, 400));
    }, { DATA, n });
  try {
    await cycles(10); // warm-up: formatter caches, styles, JIT
    const before = await heap();
    await cycles(100);
    const afterSize = await heap();
    const growth = afterSize - before;
    const detached = await page.evaluate(() => document.querySelectorAll('north-star-card, funnel-chart, goal-progress, metric-tree').length);
    console.log(`[reliability][chromium] E2 retained heap growth after 100 cycles × 4 elements: ${(growth / 1024).toFixed(1)} KB (before ${(before / 1048576).toFixed(2)} MB, after ${(afterSize / 1048576).toFixed(2)} MB)`);
    assert.equal(detached, 0);
    assert.ok(growth < 1024 * 1024, `heap grew by ${growth} bytes`);
  } finally {
    await context.close();
  }
});

test('E5 [Cr]: the development build of Lit prints no dev-mode warnings while every element renders and is used', async () => {
  const { context, page, messages } = await open('dev.js');
  try {
    for (const theme of ['light', 'dark']) {
      await mountAll(page, theme);
      await page.evaluate(async () => {
        for (const host of document.querySelectorAll('#root > *')) {
          host.expandAll?.();
          for (const n of host.shadowRoot.querySelectorAll('[tabindex], button, summary')) {
            if (/export|download|copy/i.test(n.textContent ?? '')) continue;
            n.focus?.();
            n.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: 40, clientY: 20 }));
            n.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
          }
          host.data = { ...host.data };
          host.setAttribute('theme', 'dark');
          await host.updateComplete;
        }
        await new Promise((r) => setTimeout(r, 300));
      });
    }
    const lit = messages.filter((m) => (m.type === 'warning' || m.type === 'warn' || m.type === 'error' || m.type === 'pageerror') && !/Lit is in dev mode/.test(m.text));
    const devMode = messages.filter((m) => /Lit is in dev mode/.test(m.text));
    console.log(`[reliability][chromium] E5 Lit dev-mode warnings: ${lit.length} (expected "dev mode" notice seen: ${devMode.length > 0})`);
    assert.ok(devMode.length > 0, 'the development build was really used');
    assert.deepEqual(lit.map((m) => `${m.type}: ${m.text.slice(0, 200)}`), []);
  } finally {
    await context.close();
  }
});
