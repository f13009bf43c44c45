// Issue 6 / RELIABILITY G1 — custom-elements.json (written by npm run build) describes every
// attribute, event, part, CSS property and public method SPEC.md names, for all four elements.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TAGS, haveDist, launch, open, root, server, tooltips } from './helpers.mjs';

const file = join(root, 'custom-elements.json');
const skip = !existsSync(file) && 'custom-elements.json is missing: run npm run build first';

const COMMON = {
  attributes: ['data', 'src', 'refresh', 'timeout', 'locale', 'theme', 'exportable'],
  events: ['nsw-load', 'nsw-error', 'nsw-select'],
  parts: ['base', 'error'],
  cssProperties: ['--nsw-font-family', '--nsw-color-text', '--nsw-color-background', '--nsw-color-accent', '--nsw-color-good', '--nsw-color-bad'],
  methods: ['toSVG', 'toPNG'],
  fields: ['data', 'summary'],
};
/** What SPEC.md adds per element. */
const SPEC = {
  'north-star-card': { attributes: ['anomalies', 'stale-after'], events: [], methods: [], fields: [] },
  'metric-tree': { attributes: ['orientation', 'expand-depth'], events: ['nsw-toggle'], methods: ['expandAll', 'collapseAll', 'fit', 'focusNode'], fields: [] },
  'funnel-chart': { attributes: ['orientation'], events: [], methods: [], fields: ['stats'] },
  'goal-progress': {
    attributes: ['as-of', 'view', 'status'],
    events: [],
    methods: [],
    fields: ['progress', 'expected', 'forecast', 'status', 'requiredRate', 'actualRate', 'eta'],
  },
};

const manifest = skip ? null : JSON.parse(readFileSync(file, 'utf8'));
const declarations = () =>
  manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => ({ ...d, module: m.path }))).filter((d) => d.customElement && d.tagName);

test('the manifest is a schema-1.x package with the four elements and their definitions', { skip }, () => {
  assert.match(manifest.schemaVersion, /^(1|2)\.\d+\.\d+$/);
  assert.deepEqual(declarations().map((d) => d.tagName).sort(), [...TAGS].sort());
  for (const tag of TAGS) {
    const definition = manifest.modules.flatMap((m) => m.exports ?? []).find((e) => e.kind === 'custom-element-definition' && e.name === tag);
    assert.ok(definition, `custom-element-definition export for <${tag}> (src/${tag}.ts)`);
  }
});

for (const tag of TAGS) {
  test(`<${tag}>: attributes, events, parts, CSS properties and methods per SPEC, each documented`, { skip }, () => {
    const d = declarations().find((x) => x.tagName === tag);
    assert.ok(d, `<${tag}> is declared`);
    const names = (list) => (list ?? []).map((x) => x.name);
    const missing = (want, have) => want.filter((name) => !have.includes(name));
    const spec = SPEC[tag];
    assert.deepEqual(missing([...COMMON.attributes, ...spec.attributes], names(d.attributes)), [], 'attributes');
    assert.deepEqual(missing([...COMMON.events, ...spec.events], names(d.events)), [], 'events');
    assert.ok(names(d.events).every((n) => /^nsw-/.test(n)), `only nsw-* events: ${names(d.events)}`);
    assert.deepEqual(missing(COMMON.parts, names(d.cssParts)), [], 'parts');
    assert.ok(names(d.cssParts).length >= 4, 'the main pieces are exposed as parts');
    assert.deepEqual(missing(COMMON.cssProperties, names(d.cssProperties)), [], '--nsw-* custom properties');
    assert.ok(names(d.cssProperties).some((n) => n.startsWith(`--${tag}-`)), `at least one --${tag}-* custom property`);
    const members = d.members ?? [];
    const methods = members.filter((m) => m.kind === 'method' && !m.privacy).map((m) => m.name);
    assert.deepEqual(missing([...COMMON.methods, ...spec.methods], methods), [], 'public methods');
    const fields = members.filter((m) => m.kind === 'field' && m.privacy !== 'private' && m.privacy !== 'protected').map((m) => m.name);
    assert.deepEqual(missing([...COMMON.fields, ...spec.fields], fields), [], 'public properties');
    // Documentation: every attribute, event, part and custom property says what it is.
    const undocumented = [
      ...(d.attributes ?? []).filter((a) => !a.description && !members.find((m) => m.name === a.fieldName)?.description).map((a) => `attribute ${a.name}`),
      ...(d.events ?? []).filter((e) => !e.description).map((e) => `event ${e.name}`),
      ...(d.cssParts ?? []).filter((p) => !p.description).map((p) => `part ${p.name}`),
      ...(d.cssProperties ?? []).filter((p) => !p.description).map((p) => `css property ${p.name}`),
    ];
    assert.deepEqual(undocumented, [], 'documented in JSDoc');
    assert.ok((d.summary ?? d.description ?? '').length > 10, 'class summary/description');
  });
}

// Completeness against the running elements: whatever they observe, render as a part or read as a
// public custom property must be in the manifest.
let browser;
let plain;
const live = !skip && haveDist() ? false : 'needs dist/ and custom-elements.json';
before(async () => {
  if (live) return;
  browser = await launch();
  plain = await server();
});
after(async () => {
  await browser?.close();
  await plain?.close();
});

test('every observed attribute, rendered part and public custom property in use is in the manifest', { skip: live }, async () => {
  const p = await open(browser, `${plain.url}test/e2e/pages/all-esm.html`);
  try {
    await tooltips(p); // tooltips render their parts
    const seen = {};
    for (const tag of TAGS) {
      // Open the export menu, so its parts are rendered too.
      await p.locator(`${tag} .export-toggle`).click();
      seen[tag] = await p.evaluate((t) => {
        const el = document.querySelector(t);
        const parts = new Set();
        for (const node of el.shadowRoot.querySelectorAll('[part]')) for (const part of node.getAttribute('part').split(/\s+/)) if (part) parts.add(part);
        const css = el.shadowRoot.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n');
        const props = new Set([...css.matchAll(new RegExp(`var\\(\\s*(--(?:nsw|${t})-[\\w-]+)`, 'g'))].map((m) => m[1]));
        return { attributes: customElements.get(t).observedAttributes, parts: [...parts], props: [...props] };
      }, tag);
      await p.keyboard.press('Escape');
    }
    const missingAll = [];
    for (const tag of TAGS) {
      const d = declarations().find((x) => x.tagName === tag);
      const has = (list) => new Set((list ?? []).map((x) => x.name));
      const [attrs, parts, props] = [has(d.attributes), has(d.cssParts), has(d.cssProperties)];
      missingAll.push(...seen[tag].attributes.filter((a) => !attrs.has(a)).map((a) => `${tag} attribute ${a}`), ...seen[tag].parts.filter((a) => !parts.has(a)).map((a) => `${tag} part ${a}`), ...seen[tag].props.filter((a) => !props.has(a)).map((a) => `${tag} property ${a}`));
      assert.ok(seen[tag].parts.length >= 4 && seen[tag].props.length >= 4, `<${tag}>: the live scan found parts and properties`);
    }
    assert.deepEqual(missingAll, [], 'observed attributes, rendered parts and custom properties in use that the manifest lacks');
  } finally {
    await p.closeAll();
  }
});

test('the README API reference is in step with custom-elements.json (npm run docs regenerates it)', { skip }, async () => {
  const { readmeWithApi, BEGIN } = await import('../../scripts/api-docs.mjs');
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  assert.ok(readme.includes(BEGIN), 'README.md has the generated API section');
  assert.equal(readmeWithApi(readme, manifest), readme, 'README.md API reference is stale: run npm run docs');
  for (const tag of TAGS) assert.ok(readme.includes(`### \`<${tag}>\``), `README documents <${tag}>`);
});
