// Shared helpers for the page-level tests (node:test + playwright-core) of issue 6 ("embed anywhere").
// Pages live in test/e2e/pages/ and load the BUILT bundles from /dist/ (npm test builds first).
// NSW_DIST=/some/dir serves that folder for /dist/* instead (a private build, for local loops).
import { chromium } from 'playwright-core';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const TAGS = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'];
export const CSP = "default-src 'self'; style-src 'self'; script-src 'self'";
export const TT = "require-trusted-types-for 'script'; trusted-types lit-html";
export const CSP_TT = `${CSP}; ${TT}`;

/** What each element must show with the fixtures (SPEC-shaped data in test/e2e/fixtures/). */
export const EXPECT = {
  'north-star-card': [/Weekly active teams/, /12[,.\u202f\u00a0 ]?840|12[.,]8\s?K/i],
  'metric-tree': [/Weekly active teams/, /New active teams/, /Retained active teams/],
  'funnel-chart': [/Visited pricing/, /Converted to paid/, /48[,.\u202f\u00a0 ]?000|48\s?K/i],
  'goal-progress': [/Grow weekly active teams/, /15[,.\u202f\u00a0 ]?000|15\s?K/i],
};

export const fixture = (name) => readFileSync(join(root, 'test/e2e/fixtures', name), 'utf8');
export const distDir = () => resolve(process.env.NSW_DIST || join(root, 'dist'));
export const haveDist = () => existsSync(join(distDir(), 'north-star-widgets.js'));

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', headless: true, args: ARGS });
}

/** A static server over the project root; `headers` are added to every response (e.g. CSP). */
export async function server(headers = {}) {
  const { server: s, url } = await serve({ port: 0, headers });
  return { url, close: () => new Promise((r) => s.close(r)) };
}

/** Installed before any page script: collects CSP/TT violations, errors and rejections. */
function probe() {
  const w = window;
  w.__nsw = { violations: [], errors: [], warnings: [] };
  document.addEventListener(
    'securitypolicyviolation',
    (e) => w.__nsw.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ''}`.trim()),
    true,
  );
  w.addEventListener('error', (e) => w.__nsw.errors.push(`error: ${e.message}`));
  w.addEventListener('unhandledrejection', (e) => w.__nsw.errors.push(`rejection: ${e.reason && e.reason.message ? e.reason.message : e.reason}`));
}

/**
 * A page with the probe installed and console/page errors recorded in `page.log`.
 * Options: viewport, colorScheme, media.
 */
export async function open(browser, url, { viewport = { width: 900, height: 900 }, reducedMotion = 'reduce', wait = true, context } = {}) {
  const ctx = context ?? (await browser.newContext({ viewport, reducedMotion }));
  const page = await ctx.newPage();
  page.log = { errors: [], warnings: [], console: [] };
  page.on('pageerror', (e) => page.log.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    page.log.console.push(`${m.type()}: ${text}`);
    if (m.type() === 'error' && !/favicon\.ico|Failed to load resource: the server responded with a status of 404/.test(text)) page.log.errors.push(`console: ${text}`);
    if (m.type() === 'warning') page.log.warnings.push(text);
  });
  await page.addInitScript(probe);
  if (process.env.NSW_DIST) {
    await page.route(/\/dist\/[^?#]+/, async (route, request) => {
      const path = new URL(request.url()).pathname.replace(/^\/dist\//, '');
      const file = join(distDir(), path);
      if (!existsSync(file)) return route.continue();
      const type = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' }[extname(file)] ?? 'application/octet-stream';
      // Keep the server's headers (a CSP header matters for embed.html).
      const original = await route.fetch().catch(() => null);
      const headers = { ...(original?.headers() ?? {}), 'content-type': type };
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      return route.fulfill({ status: 200, headers, body: readFileSync(file) });
    });
  }
  if (url) {
    await page.goto(url);
    if (wait) await waitForElements(page);
  }
  page.closeAll = () => (context ? page.close() : ctx.close());
  return page;
}

/** Waits until every listed element (default: every element of ours on the page) has rendered data or an error. */
export async function waitForElements(page, selector = TAGS.join(','), timeout = 15_000) {
  await page.waitForFunction(
    (sel) => {
      const all = [...document.querySelectorAll(sel)];
      return all.length > 0 && all.every((el) => {
        const root = el.shadowRoot;
        if (!root) return false;
        if (root.querySelector('[part~="error"]')) return true;
        const base = root.querySelector('[part~="base"]');
        return base && !root.querySelector('.loading') && base.getBoundingClientRect().height > 40;
      });
    },
    selector,
    { timeout, polling: 100 },
  );
  // Layout settles after the first ResizeObserver frame.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** State of each element on the page (or inside `frame`): defined, error text, visible text, size, summary. */
export function states(pageOrFrame, selector = TAGS.join(',')) {
  return pageOrFrame.evaluate((sel) => {
    return [...document.querySelectorAll(sel)].map((el) => {
      const root = el.shadowRoot;
      const base = root?.querySelector('[part~="base"]');
      const error = root?.querySelector('[part~="error"]');
      const rect = (base ?? el).getBoundingClientRect();
      let summary = '';
      try {
        summary = String(el.summary ?? '');
      } catch (e) {
        summary = `summary threw: ${e}`;
      }
      // Rendered text: the shadow tree's text, without the visually hidden parts.
      const texts = [];
      const walk = (node) => {
        for (const child of node.childNodes) {
          if (child.nodeType === 3) texts.push(child.data);
          else if (child.nodeType === 1) {
            const r = child.getBoundingClientRect();
            if ((r.width > 1 || r.height > 1) && getComputedStyle(child).display !== 'none') walk(child);
          }
        }
      };
      if (base) walk(base);
      return {
        tag: el.localName,
        id: el.id,
        defined: !!customElements.get(el.localName) && el.matches(':defined'),
        upgraded: !!root,
        error: error ? error.textContent.replace(/\s+/g, ' ').trim() : null,
        text: texts.join(' ').replace(/\s+/g, ' '),
        width: Math.round(rect.width),
        height: Math.round(rect.height),
        svgs: root ? [...root.querySelectorAll('svg')].filter((s) => s.getBoundingClientRect().width > 2).length : 0,
        summary,
      };
    });
  }, selector);
}

/** Asserts that one element state shows the fixture data (used by every mode of the matrix). */
export function assertShows(assert, state, label = '') {
  const where = `${label}<${state.tag}${state.id ? '#' + state.id : ''}>`;
  assert.ok(state.upgraded && state.defined, `${where} is defined and upgraded`);
  assert.equal(state.error, null, `${where} shows no error panel`);
  assert.ok(state.width > 200 && state.height > 40, `${where} has a real size (${state.width}×${state.height})`);
  for (const pattern of EXPECT[state.tag]) assert.match(state.text, pattern, `${where} shows ${pattern}`);
  assert.ok(state.summary.length > 10 && !/NaN|undefined|threw/.test(state.summary), `${where} summary: ${state.summary}`);
}

/** Violations, errors and rejections seen by the probe (all frames' own arrays are separate). */
export async function problems(pageOrFrame) {
  return pageOrFrame.evaluate(() => ({ violations: window.__nsw?.violations ?? [], errors: window.__nsw?.errors ?? [] }));
}

/** Boxes of every rendered element inside each widget's shadow root, relative to the widget. */
export function geometry(page, selector = TAGS.join(',')) {
  return page.evaluate((sel) => {
    const out = {};
    for (const el of document.querySelectorAll(sel)) {
      const host = el.getBoundingClientRect();
      const boxes = [];
      for (const node of el.shadowRoot.querySelectorAll('*')) {
        const r = node.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        boxes.push([node.localName, Math.round(r.left - host.left), Math.round(r.top - host.top), Math.round(r.width), Math.round(r.height)]);
      }
      out[el.id || el.localName] = { width: Math.round(host.width), height: Math.round(host.height), boxes };
    }
    return out;
  }, selector);
}

/** Interaction that exercises what a CSP could break: hover, keyboard focus, theme switch, resize. */
export async function interact(page, selector = TAGS.join(',')) {
  const ids = await page.$$eval(selector, (els) => els.map((el, i) => (el.id ||= `nsw-el-${i}`)));
  for (const id of ids) {
    const el = page.locator(`#${id}`);
    await el.scrollIntoViewIfNeeded();
    const box = await el.boundingBox();
    if (!box) continue;
    // Hover across the element (tooltips, highlighted paths).
    for (const fx of [0.2, 0.4, 0.6, 0.8]) await page.mouse.move(box.x + box.width * fx, box.y + Math.min(box.height * 0.5, 150));
    // Keyboard: focus what is focusable inside and move with the arrow keys.
    const focusable = await page.evaluate((id) => {
      const host = document.getElementById(id);
      const item = host.shadowRoot.querySelector('[tabindex="0"], button, a[href], [role="treeitem"], [role="button"]');
      if (!item) return false;
      item.focus();
      return true;
    }, id);
    if (focusable) for (const key of ['ArrowDown', 'ArrowRight', 'ArrowLeft', 'ArrowUp']) await page.keyboard.press(key);
  }
  await page.mouse.move(1, 1);
  // Theme switch: dark, auto, back to light.
  for (const theme of ['dark', 'auto', 'light']) {
    await page.$$eval(selector, (els, t) => els.forEach((el) => el.setAttribute('theme', t)), theme);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  }
  // Resize: narrow, then back.
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 420, height: viewport.height });
  await page.waitForTimeout(80);
  await page.setViewportSize(viewport);
  await page.waitForTimeout(80);
}

/** Compares two PNG screenshots in a scratch page: share of pixels that differ noticeably. */
export async function pixelDiff(page, pngA, pngB) {
  return page.evaluate(
    async ([a, b]) => {
      const load = async (b64) => createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
      const [ia, ib] = await Promise.all([load(a), load(b)]);
      const w = Math.min(ia.width, ib.width);
      const h = Math.min(ia.height, ib.height);
      const read = (img) => {
        const c = new OffscreenCanvas(w, h);
        const ctx = c.getContext('2d');
        ctx.fillStyle = '#fff';
        ctx.fillRect(0, 0, w, h);
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, w, h).data;
      };
      const da = read(ia);
      const db = read(ib);
      let differ = 0;
      for (let i = 0; i < da.length; i += 4) {
        const d = Math.max(Math.abs(da[i] - db[i]), Math.abs(da[i + 1] - db[i + 1]), Math.abs(da[i + 2] - db[i + 2]));
        if (d > 64) differ++;
      }
      return { ratio: differ / (w * h), sizeA: [ia.width, ia.height], sizeB: [ib.width, ib.height] };
    },
    [pngA.toString('base64'), pngB.toString('base64')],
  );
}

/** Hovers each element's main graphic and reports whether its tooltip part appears (goal: in chart view). */
export async function tooltips(page) {
  const targets = [
    ['card', '[part~="sparkline"]'],
    ['funnel', '[part~="step"]'],
    ['tree', '[part~="node"]'],
    ['goal', '[part~="chart"]'],
  ];
  await page.$eval('#goal', (el) => el.setAttribute('view', 'chart'));
  await page.waitForTimeout(100);
  const shown = {};
  for (const [id, selector] of targets) {
    const target = page.locator(`#${id} ${selector}`).first();
    await target.scrollIntoViewIfNeeded();
    const box = await target.boundingBox();
    shown[id] = false;
    if (!box) continue;
    for (const fx of [0.5, 0.7, 0.9, 0.3]) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * 0.5, { steps: 3 });
      shown[id] = await page.evaluate((hostId) => {
        const tip = document.getElementById(hostId).shadowRoot.querySelector('[part~="tooltip"]');
        if (!tip) return false;
        const r = tip.getBoundingClientRect();
        return r.width > 10 && r.height > 10 && getComputedStyle(tip).visibility !== 'hidden' && getComputedStyle(tip).display !== 'none' && tip.textContent.trim().length > 0;
      }, id);
      if (shown[id]) break;
    }
  }
  await page.mouse.move(1, 1);
  await page.$eval('#goal', (el) => el.setAttribute('view', 'bar'));
  return shown;
}
