// Hardening suite (issue 8), RELIABILITY G1 and G4 (G2, G3, G5, G6 are the embedding suite's).
//   G1  Custom Elements Manifest: generated fresh from src/ (analyzer into a temp dir), validated against
//       the custom-elements-manifest JSON schema, and lists every SPEC attribute, the events, parts and
//       --nsw-* / element custom properties; typings: `tsc` compiles `querySelector('metric-tree')!.expandAll()`
//       and `createElement('funnel-chart').stats` without casts.
//   G4  Tree-shaking: consumers bundled with esbuild and rollup from the npm build (dist/npm, built by
//       `npm test` before the page tests): importing only helpers defines no element and carries no
//       d3-zoom; importing `north-star-widgets/metric-tree.js` only defines <metric-tree>.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** A small JSON-schema (draft-07 subset used by the CEM schema) validator: type, enum, required, properties, items, $ref, anyOf. */
function validate(schema, value, rootSchema = schema, path = '$', errors = []) {
  if (schema.$ref) return validate(rootSchema.definitions[schema.$ref.replace('#/definitions/', '')], value, rootSchema, path, errors);
  if (schema.anyOf) {
    const ok = schema.anyOf.some((s) => validate(s, value, rootSchema, path, []).length === 0);
    if (!ok) errors.push(`${path}: matches none of anyOf`);
    return errors;
  }
  const types = [].concat(schema.type ?? []);
  const typeOf = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : Number.isInteger(v) ? 'integer' : typeof v);
  if (types.length && !types.some((t) => t === typeOf(value) || (t === 'number' && typeof value === 'number'))) {
    errors.push(`${path}: expected ${types.join('|')}, got ${typeOf(value)}`);
    return errors;
  }
  if (schema.enum && !schema.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in ${schema.enum.join(', ')}`);
  if (typeOf(value) === 'object') {
    for (const key of schema.required ?? []) if (!(key in value)) errors.push(`${path}: missing ${key}`);
    for (const [key, sub] of Object.entries(schema.properties ?? {})) if (key in value) validate(sub, value[key], rootSchema, `${path}.${key}`, errors);
  }
  if (Array.isArray(value) && schema.items) value.forEach((item, i) => validate(schema.items, item, rootSchema, `${path}[${i}]`, errors));
  return errors;
}

/** What SPEC promises per element (attributes and the public names people type). */
const SPEC = {
  'north-star-card': { attributes: ['data', 'src', 'refresh', 'timeout', 'locale', 'theme', 'anomalies', 'stale-after'] },
  'metric-tree': { attributes: ['data', 'src', 'refresh', 'timeout', 'locale', 'theme', 'orientation', 'expand-depth'], methods: ['expandAll', 'collapseAll', 'fit', 'focusNode'], events: ['nsw-toggle'] },
  'funnel-chart': { attributes: ['data', 'src', 'refresh', 'timeout', 'locale', 'theme', 'orientation'], fields: ['stats'] },
  'goal-progress': { attributes: ['data', 'src', 'refresh', 'timeout', 'locale', 'theme', 'as-of', 'view'], fields: ['progress', 'expected', 'forecast', 'status', 'requiredRate', 'actualRate', 'eta'] },
};
const EVENTS = ['nsw-load', 'nsw-error', 'nsw-select'];

test('G1: the Custom Elements Manifest validates against the schema and lists the SPEC API', () => {
  const out = mkdtempSync(join(tmpdir(), 'nsw-cem-'));
  try {
    execFileSync(bin('custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--exclude', 'src/**/*.test.ts', '--outdir', relative(root, out), '--quiet'], { cwd: root, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
    const schema = JSON.parse(readFileSync(join(root, 'node_modules/custom-elements-manifest/schema.json'), 'utf8'));
    const errors = validate(schema, manifest);
    assert.deepEqual(errors.slice(0, 20), [], 'schema errors');
    const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
    const counts = {};
    for (const [tag, spec] of Object.entries(SPEC)) {
      const d = declarations.find((x) => x.tagName === tag);
      assert.ok(d, `${tag} in the manifest`);
      const attributes = new Set((d.attributes ?? []).map((a) => a.name));
      for (const name of spec.attributes) assert.ok(attributes.has(name), `${tag}: attribute "${name}" documented (${[...attributes].join(', ')})`);
      const events = new Set((d.events ?? []).map((e) => e.name));
      for (const name of [...EVENTS, ...(spec.events ?? [])]) assert.ok(events.has(name), `${tag}: event ${name} documented`);
      const members = new Set((d.members ?? []).map((m) => m.name));
      for (const name of [...(spec.methods ?? []), ...(spec.fields ?? []), 'summary', 'toSVG', 'toPNG']) assert.ok(members.has(name), `${tag}: member ${name} documented`);
      const parts = (d.cssParts ?? []).map((p) => p.name);
      assert.ok(parts.includes('base'), `${tag}: part "base" documented (${parts.join(', ')})`);
      const props = (d.cssProperties ?? []).map((p) => p.name);
      assert.ok(props.some((p) => p.startsWith(`--${tag}-`) || p.startsWith('--nsw-')), `${tag}: custom properties documented (${props.join(', ')})`);
      counts[tag] = `${attributes.size} attributes, ${events.size} events, ${parts.length} parts, ${props.length} custom properties`;
    }
    console.log(`[reliability] G1 manifest: ${JSON.stringify(counts)}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('G1: typings — querySelector("metric-tree")!.expandAll() and createElement("funnel-chart").stats compile without casts', () => {
  const dir = mkdtempSync(join(root, 'test', 'e2e', '.types-'));
  try {
    writeFileSync(
      join(dir, 'consumer.ts'),
      [
        "import '../../../src/define-all.js';",
        "document.querySelector('metric-tree')!.expandAll();",
        "document.querySelector('metric-tree')!.collapseAll();",
        "document.querySelector('metric-tree')!.fit();",
        "const focused: Promise<boolean> | boolean | void = document.querySelector('metric-tree')!.focusNode('x');",
        "const stats = document.createElement('funnel-chart').stats;",
        'const first: number | null = stats[0].fromPrevious;',
        "const progress: number | null = document.createElement('goal-progress').progress;",
        "const summary: string = document.createElement('north-star-card').summary;",
        "document.createElement('funnel-chart').addEventListener('nsw-select', (e) => e.detail.id.toUpperCase());",
        "document.createElement('metric-tree').addEventListener('nsw-toggle', (e) => e.detail.expanded === true);",
        'export { focused, first, progress, summary };',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../../tsconfig.json', compilerOptions: { noEmit: true, types: [] }, include: ['consumer.ts'] }));
    try {
      execFileSync(bin('tsc'), ['-p', join(dir, 'tsconfig.json')], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      assert.fail(`tsc: ${error.stdout?.toString() ?? error}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** A consumer project whose node_modules/north-star-widgets is this repository (as after `npm install`). */
function consumer() {
  const dir = mkdtempSync(join(tmpdir(), 'nsw-consumer-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'north-star-widgets'), 'dir');
  for (const dep of ['lit', '@lit', 'lit-html', 'lit-element', '@lit-labs', 'd3-array', 'd3-dsv', 'd3-format', 'd3-hierarchy', 'd3-scale', 'd3-selection', 'd3-shape', 'd3-zoom', 'd3-color', 'd3-interpolate', 'd3-time', 'd3-time-format', 'd3-path', 'd3-dispatch', 'd3-drag', 'd3-ease', 'd3-timer', 'd3-transition', 'internmap']) {
    if (existsSync(join(root, 'node_modules', dep))) symlinkSync(join(root, 'node_modules', dep), join(dir, 'node_modules', dep), 'dir');
  }
  return dir;
}

async function bundleWith(tool, dir, source) {
  writeFileSync(join(dir, 'main.js'), source);
  if (tool === 'esbuild') {
    const result = await build({ entryPoints: [join(dir, 'main.js')], bundle: true, format: 'esm', write: false, minify: false, treeShaking: true, absWorkingDir: dir, logLevel: 'error', preserveSymlinks: true });
    return result.outputFiles[0].text;
  }
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const bundle = await rollup({ input: join(dir, 'main.js'), plugins: [nodeResolve({ preserveSymlinks: true })], onwarn: () => {} });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}

const haveNpmBuild = existsSync(join(root, 'dist/npm/index.js'));

for (const tool of ['esbuild', 'rollup']) {
  test(`G4 (${tool}): importing only helpers defines no element and carries no d3-zoom`, { skip: haveNpmBuild ? false : 'dist/npm not built (npm test builds it first)' }, async () => {
    const dir = consumer();
    try {
      const code = await bundleWith(tool, dir, "import { safeHref, formatNumber, normalizeFunnel } from 'north-star-widgets';\nconsole.log(safeHref('/x'), formatNumber(1, 'en'), normalizeFunnel({}));\n");
      assert.ok(code.includes('safeHref') || code.includes('http'), 'helpers kept');
      assert.doesNotMatch(code, /customElements\.define\(/, 'no element registered');
      assert.doesNotMatch(code, /zoomIdentity|function zoom\(|__zoom/, 'd3-zoom tree-shaken');
      console.log(`[reliability] G4 ${tool}: helpers-only bundle ${(code.length / 1024).toFixed(1)} KB, no define, no d3-zoom`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test(`G4 (${tool}): importing north-star-widgets/metric-tree.js only defines <metric-tree> (side effect kept)`, { skip: haveNpmBuild ? false : 'dist/npm not built (npm test builds it first)' }, async () => {
    const dir = consumer();
    try {
      const code = await bundleWith(tool, dir, "import 'north-star-widgets/metric-tree.js';\n");
      assert.match(code, /customElements\.define\(/);
      assert.match(code, /['"]metric-tree['"]/);
      assert.doesNotMatch(code, /['"]funnel-chart['"]|['"]goal-progress['"]/, 'only the one element');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
