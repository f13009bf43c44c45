// Issue 6 — "embed anywhere": the page-level test matrix for all four elements.
// plain HTML (module and classic script) · strict CSP · Trusted Types · loaded twice (+ under TT) ·
// late upgrade · version skew · hostile host CSS · print. (The embed page and export have their own files.)
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CSP, CSP_TT, TAGS, TT, assertShows, geometry, haveDist, interact, launch, open, pixelDiff, problems, server, states, tooltips, waitForElements } from './helpers.mjs';

const skip = !haveDist() && 'dist/ is missing: run npm run build first';
let browser;
const servers = {};
before(async () => {
  if (skip) return;
  browser = await launch();
  servers.plain = await server();
  servers.csp = await server({ 'Content-Security-Policy': CSP });
  servers.tt = await server({ 'Content-Security-Policy': TT });
  servers.both = await server({ 'Content-Security-Policy': CSP_TT });
  servers.ttFallback = await server({ 'Content-Security-Policy': `${CSP}; require-trusted-types-for 'script'; trusted-types lit-html north-star-widgets` });
});
after(async () => {
  await browser?.close();
  await Promise.all(Object.values(servers).map((s) => s.close()));
});

const page = (kind, path, options) => open(browser, new URL(`test/e2e/pages/${path}`, servers[kind].url).href, options);

async function expectClean(p, label) {
  const found = await problems(p);
  assert.deepEqual(found.violations, [], `${label}: no securitypolicyviolation`);
  assert.deepEqual(found.errors, [], `${label}: no error or unhandled rejection on window`);
  assert.deepEqual(p.log.errors, [], `${label}: no page exception or console error`);
}

describe('plain HTML', { skip }, () => {
  test('module bundle, data from src (JSON and CSV): all four render the fixture data', async () => {
    const p = await page('plain', 'all-esm.html');
    try {
      const all = await states(p);
      assert.deepEqual(all.map((s) => s.tag), TAGS);
      for (const s of all) assertShows(assert, s, 'ESM ');
      await expectClean(p, 'ESM');
    } finally {
      await p.closeAll();
    }
  });

  test('classic script in <head>, inline JSON children (a wiki page; script before markup)', async () => {
    const p = await page('plain', 'all-iife.html');
    try {
      for (const s of await states(p)) assertShows(assert, s, 'IIFE ');
      assert.equal(await p.evaluate(() => typeof window.NorthStarWidgets?.NswElement), 'function', 'the IIFE exposes window.NorthStarWidgets');
      await expectClean(p, 'IIFE');
    } finally {
      await p.closeAll();
    }
  });

  test('G3: the classic-script page inside a sandboxed iframe (allow-scripts, opaque origin) renders', async () => {
    const p = await page('plain', 'sandboxed.html', { wait: false });
    try {
      const frame = await (await p.waitForSelector('#frame')).contentFrame();
      await frame.waitForLoadState();
      await waitForElements(frame);
      for (const s of await states(frame)) assertShows(assert, s, 'sandboxed ');
      assert.equal(await frame.evaluate(() => origin), 'null', 'opaque origin');
      await expectClean(p, 'sandboxed');
      assert.deepEqual((await problems(frame)).errors, [], 'no error inside the sandbox (no storage or cookie access throws)');
    } finally {
      await p.closeAll();
    }
  });

  test('C2a: markup before the classic script', async () => {
    const p = await page('plain', 'markup-first.html');
    try {
      for (const s of await states(p)) assertShows(assert, s, 'markup-first ');
      await expectClean(p, 'markup-first');
    } finally {
      await p.closeAll();
    }
  });

  test('C2c/C2d: data set before upgrade, createElement before definition', async () => {
    const p = await page('plain', 'upgrade-late.html', { wait: false });
    try {
      await p.waitForFunction(() => window.__loaded === true, null, { timeout: 15_000 });
      assert.deepEqual(await p.evaluate(() => window.__before), [false, false, false, false], 'nothing was defined when the data was set');
      await waitForElements(p);
      const all = await states(p);
      assert.deepEqual(all.map((s) => s.id).sort(), ['card', 'funnel', 'goal', 'tree']);
      for (const s of all) assertShows(assert, s, 'late ');
      const sources = await p.evaluate(() => [...document.querySelectorAll('[id]')].filter((e) => e.shadowRoot).map((e) => e.data && typeof e.data));
      assert.ok(sources.every((t) => t === 'object'), 'the pre-upgrade data property survived the upgrade');
      await expectClean(p, 'late');
    } finally {
      await p.closeAll();
    }
  });
});

describe('loaded twice', { skip }, () => {
  test('C1: module twice + module ?v=2 + classic bundle: no exception, each tag defined once, all render', async () => {
    const p = await page('plain', 'twice.html');
    try {
      for (const s of await states(p)) assertShows(assert, s, 'twice ');
      const versions = await p.evaluate((tags) => tags.map((t) => customElements.get(t)?.version), TAGS);
      assert.deepEqual(versions, TAGS.map(() => versions[0]), 'one version of every element');
      // Same version twice is silent (the warning is for different versions).
      assert.deepEqual(p.log.warnings.filter((w) => /north-star-widgets/.test(w)), []);
      await expectClean(p, 'twice');
    } finally {
      await p.closeAll();
    }
  });

  test("B4: both bundles under Trusted Types ('lit-html', no 'allow-duplicates'): one shared Lit policy, everything works", async () => {
    const p = await page('tt', 'twice.html');
    try {
      for (const s of await states(p)) assertShows(assert, s, 'twice+TT ');
      await interact(p);
      for (const s of await states(p)) assertShows(assert, s, 'twice+TT after interaction ');
      // Both copies of Lit use the one policy made by whichever bundle ran first.
      assert.equal(await p.evaluate(() => typeof window[Symbol.for('north-star-widgets.lit-html-policy')]?.createHTML), 'function');
      await expectClean(p, 'twice+TT');
    } finally {
      await p.closeAll();
    }
  });

  test("B4: the host's own Lit took 'lit-html' first: our bundle uses its fallback policy 'north-star-widgets'", async () => {
    const p = await page('ttFallback', 'host-lit-policy.html');
    try {
      for (const s of await states(p)) assertShows(assert, s, 'fallback policy ');
      await interact(p);
      assert.equal(await p.evaluate(() => window[Symbol.for('north-star-widgets.lit-html-policy')]?.name), 'north-star-widgets');
      assert.equal(await p.evaluate(() => typeof window.__hostPolicy?.createHTML), 'function', "the host's policy is untouched");
      // Trying 'lit-html' first is reported once by the browser (there is no API to ask which names
      // exist); nothing else is, and nothing throws.
      const found = await problems(p);
      assert.deepEqual(found.violations, ['trusted-types trusted-types-policy lit-html'], 'exactly one report: the refused duplicate name');
      assert.deepEqual(found.errors, []);
      assert.deepEqual(p.log.errors.filter((e) => !/lit-html/.test(e)), []);
    } finally {
      await p.closeAll();
    }
  });

  test('C3: an older north-star-card (0.9.0) is defined first: ours is skipped with a warning naming both versions', async () => {
    const p = await page('plain', 'version-skew.html', { wait: false });
    try {
      await waitForElements(p, 'metric-tree,funnel-chart,goal-progress');
      const versions = await p.evaluate((tags) => tags.map((t) => customElements.get(t)?.version ?? null), TAGS);
      assert.equal(versions[0], '0.9.0', 'the first definition stays');
      assert.ok(versions.slice(1).every((v) => v && v !== '0.9.0'), `the other three are ours: ${versions}`);
      const warning = p.log.warnings.find((w) => /north-star-card/.test(w));
      assert.ok(warning, 'one console warning about <north-star-card>');
      assert.match(warning, /0\.9\.0/);
      assert.match(warning, new RegExp(versions[1].replace(/\./g, '\\.')));
      for (const s of await states(p, 'metric-tree,funnel-chart,goal-progress')) assertShows(assert, s, 'skew ');
      assert.equal(await p.evaluate(() => document.getElementById('card').shadowRoot.textContent), 'old card 0.9.0');
      await expectClean(p, 'skew');
    } finally {
      await p.closeAll();
    }
  });
});

describe('strict pages', { skip }, () => {
  for (const [kind, label] of [
    ['csp', "B1/B5: CSP default-src 'self'; style-src 'self'; script-src 'self'"],
    ['tt', "B3: require-trusted-types-for 'script'; trusted-types lit-html"],
    ['both', 'B1+B3: strict CSP and Trusted Types together'],
  ]) {
    test(`${label}: all four render (CSV from src too), survive hover/keyboard/theme/resize/export with zero violations`, async () => {
      const p = await page(kind, 'all-esm.html');
      try {
        for (const s of await states(p)) assertShows(assert, s, `${kind} `);
        await interact(p);
        // Tooltips are positioned from script: they must appear without a style attribute.
        assert.deepEqual(await tooltips(p), { card: true, funnel: true, tree: true, goal: true }, `tooltips under ${kind}`);
        // Export under the strict page: SVG string and PNG Blob, and the export menu.
        const exported = await p.evaluate(async (tags) => {
          const out = [];
          for (const tag of tags) {
            const el = document.querySelector(tag);
            const svg = el.toSVG();
            const png = await el.toPNG({ scale: 1 });
            out.push({ tag, svg: svg.length, png: png.size, type: png.type });
          }
          return out;
        }, TAGS);
        for (const e of exported) {
          assert.ok(e.svg > 200, `${e.tag}.toSVG() under ${kind}`);
          assert.equal(e.type, 'image/png', `${e.tag}.toPNG() type under ${kind}`);
          assert.ok(e.png > 500, `${e.tag}.toPNG() size under ${kind}: ${e.png}`);
        }
        const toggle = p.locator('#funnel').locator('.export-toggle');
        await toggle.focus();
        await p.keyboard.press('Enter');
        await p.keyboard.press('Escape');
        for (const s of await states(p)) assertShows(assert, s, `${kind} after interaction `);
        await p.waitForTimeout(100);
        await expectClean(p, kind);
      } finally {
        await p.closeAll();
      }
    });
  }
});

describe('strict pages look the same', { skip }, () => {
  test('B1: each element under CSP + Trusted Types is pixel-identical to the plain page (≤ 0.5 % differ)', async () => {
    const a = await page('plain', 'all-esm.html');
    const b = await page('both', 'all-esm.html');
    try {
      for (const id of ['card', 'tree', 'funnel', 'goal']) {
        const [x, y] = [await a.locator(`#${id}`).screenshot(), await b.locator(`#${id}`).screenshot()];
        const diff = await pixelDiff(a, x, y);
        assert.deepEqual(diff.sizeA, diff.sizeB, `${id}: same size`);
        assert.ok(diff.ratio <= 0.005, `${id}: ${(diff.ratio * 100).toFixed(2)} % of pixels differ`);
      }
    } finally {
      await a.closeAll();
      await b.closeAll();
    }
  });
});

describe('the violation probe itself (negative control)', { skip }, () => {
  test('a style attribute under the CSP and an innerHTML string under Trusted Types are reported', async () => {
    const p = await page('both', 'all-esm.html');
    try {
      const thrown = await p.evaluate(() => {
        document.body.setAttribute('style', 'color: red');
        try {
          document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
          return null;
        } catch (e) {
          return e.name;
        }
      });
      assert.equal(thrown, 'TypeError', 'Trusted Types enforced');
      await p.waitForTimeout(100);
      const { violations } = await problems(p);
      assert.ok(violations.some((v) => /style-src/.test(v)), `style attribute reported: ${violations}`);
      assert.ok(violations.some((v) => /trusted-types|require-trusted-types/.test(v)), `TT sink reported: ${violations}`);
    } finally {
      await p.closeAll();
    }
  });
});

describe('hostile host CSS (C5)', { skip }, () => {
  test('geometry inside every element equals the plain page; inherited colour and font are reset', async () => {
    const a = await page('plain', 'all-esm.html');
    const b = await page('plain', 'hostile.html');
    try {
      const [base, hostile] = [await geometry(a), await geometry(b)];
      for (const id of ['card', 'tree', 'funnel', 'goal']) {
        assert.equal(hostile[id].width, base[id].width, `${id} width`);
        assert.equal(hostile[id].height, base[id].height, `${id} height`);
        assert.equal(hostile[id].boxes.length, base[id].boxes.length, `${id} same rendered parts`);
        const moved = hostile[id].boxes.filter((box, i) => box.some((v, j) => j > 0 && Math.abs(v - base[id].boxes[i][j]) > 1));
        assert.deepEqual(moved.slice(0, 5), [], `${id}: no part moved or resized`);
      }
      const looks = await b.evaluate((tags) =>
        tags.map((t) => {
          const root = document.querySelector(t).shadowRoot;
          const base = root.querySelector('[part~="base"]');
          const svgs = [...root.querySelectorAll('svg')];
          const texts = [...root.querySelectorAll('svg text')];
          return {
            color: getComputedStyle(base).color,
            fontSize: getComputedStyle(base).fontSize,
            direction: getComputedStyle(base).direction,
            letterSpacing: getComputedStyle(base).letterSpacing,
            hiddenSvg: svgs.filter((s) => getComputedStyle(s).display === 'none').length,
            redText: texts.filter((x) => getComputedStyle(x).fill === 'rgb(255, 0, 0)').length,
          };
        }), TAGS);
      looks.forEach((l, i) => {
        assert.notEqual(l.color, 'rgb(255, 255, 0)', `${TAGS[i]}: text colour is not the page's yellow`);
        assert.notEqual(l.fontSize, '8px', `${TAGS[i]}: font size is not the page's 8px`);
        assert.equal(l.direction, 'ltr', `${TAGS[i]}: direction`);
        assert.equal(l.hiddenSvg, 0, `${TAGS[i]}: no SVG hidden by the page`);
        assert.equal(l.redText, 0, `${TAGS[i]}: no SVG text turned red`);
      });
      await expectClean(b, 'hostile');
    } finally {
      await a.closeAll();
      await b.closeAll();
    }
  });
});

describe('theming', { skip }, () => {
  test('one :root rule with --nsw-* properties restyles all four (accent colour, font)', async () => {
    const p = await page('plain', 'themed.html');
    try {
      const report = await p.evaluate((tags) =>
        tags.map((t) => {
          const root = document.querySelector(t).shadowRoot;
          const base = root.querySelector('[part~="base"]');
          const style = getComputedStyle(base);
          // The page's accent, good, bad and warning colours (themed.css).
          const palette = ['rgb(109, 40, 217)', 'rgb(15, 118, 110)', 'rgb(190, 18, 60)', 'rgb(161, 98, 7)'];
          const painted = [...root.querySelectorAll('*')].filter((n) => {
            const c = getComputedStyle(n);
            return [c.fill, c.stroke, c.backgroundColor, c.color, c.borderTopColor].some((v) => palette.includes(v));
          }).length;
          return { tag: t, font: style.fontFamily, painted };
        }), TAGS);
      for (const r of report) {
        assert.match(r.font, /Courier New/, `${r.tag} font`);
        assert.ok(r.painted > 0, `${r.tag}: something is painted in the page's palette`);
      }
    } finally {
      await p.closeAll();
    }
  });
});

describe('print', { skip }, () => {
  test('@media print: black on white, nothing clipped or outside the element, export menu hidden', async () => {
    const p = await page('plain', 'all-esm.html', { viewport: { width: 760, height: 1000 } });
    try {
      await p.emulateMedia({ media: 'print', colorScheme: 'dark' });
      await p.$$eval(TAGS.join(','), (els) => els.forEach((el) => el.setAttribute('theme', 'dark')));
      await p.waitForTimeout(150);
      const report = await p.evaluate((tags) => {
        const luminance = (c) => {
          const [r, g, b] = (c.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => {
            const x = Number(v) / 255;
            return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        };
        return tags.map((t) => {
          const host = document.querySelector(t);
          const root = host.shadowRoot;
          const base = root.querySelector('[part~="base"]');
          const hostBox = host.getBoundingClientRect();
          const outside = [];
          const clipped = [];
          for (const node of root.querySelectorAll('*')) {
            const r = node.getBoundingClientRect();
            if (r.width <= 1 || r.height <= 1) continue;
            if (node.closest('svg') && node.localName !== 'svg') continue;
            if (node.closest('.sr-only')) continue; // visually hidden (screen-reader tables)
            if (r.left < hostBox.left - 1 || r.right > hostBox.right + 1) outside.push(`${node.localName}.${node.className?.baseVal ?? node.className}`);
            const style = getComputedStyle(node);
            if (node.firstChild?.nodeType === 3 && style.textOverflow !== 'ellipsis' && style.overflowX !== 'visible' && node.scrollWidth > node.clientWidth + 1) clipped.push(node.localName);
          }
          const bg = getComputedStyle(base).backgroundColor;
          const fg = getComputedStyle(base).color;
          const exportMenu = root.querySelector('.export');
          return {
            tag: t,
            bg,
            contrast: (Math.max(luminance(bg), luminance(fg)) + 0.05) / (Math.min(luminance(bg), luminance(fg)) + 0.05),
            outside,
            clipped,
            baseClips: base.scrollWidth > base.clientWidth + 1,
            exportShown: exportMenu ? getComputedStyle(exportMenu).display !== 'none' : false,
          };
        });
      }, TAGS);
      for (const r of report) {
        assert.equal(r.bg, 'rgb(255, 255, 255)', `${r.tag}: white background in print (even with theme=dark)`);
        assert.ok(r.contrast >= 7, `${r.tag}: text contrast ${r.contrast.toFixed(1)} in print`);
        assert.deepEqual(r.outside, [], `${r.tag}: no part outside the element`);
        assert.deepEqual(r.clipped, [], `${r.tag}: no clipped text box`);
        assert.equal(r.baseClips, false, `${r.tag}: content fits the width`);
        assert.equal(r.exportShown, false, `${r.tag}: the export menu is not printed`);
      }
      const pdf = await p.pdf({ format: 'A4' });
      assert.ok(pdf.length > 5000, 'a PDF is printed');
    } finally {
      await p.closeAll();
    }
  });
});
