// Issue 6 — the package as a consumer sees it, after npm run build:
//  · scripts/check-bundles.mjs: no eval / new Function / style attributes / HTML sinks in dist/*.js
//    beyond the reviewed allow-list (with a negative control);
//  · package.json "exports" and "sideEffects" point at files the build wrote;
//  · tree-shaking (RELIABILITY G4): helpers alone define nothing and carry no d3-zoom; a
//    per-element entry keeps its registration;
//  · typings (RELIABILITY G1): HTMLElementTagNameMap and the React 19 JSX declarations compile,
//    and wrong uses do not.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { checkBundles } from '../../scripts/check-bundles.mjs';
import { root } from './helpers.mjs';

const dist = join(root, 'dist');
const skip = !existsSync(join(dist, 'npm/index.js')) && 'dist/ is missing: run npm run build first';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const work = join(root, '.tmp', 'e2e-package');

before(() => {
  if (skip) return;
  rmSync(work, { recursive: true, force: true });
  // A consumer project: node_modules/north-star-widgets → this package (resolved through "exports").
  mkdirSync(join(work, 'node_modules'), { recursive: true });
  symlinkSync(root, join(work, 'node_modules', 'north-star-widgets'), 'dir');
});
after(() => rmSync(work, { recursive: true, force: true }));

test('check-bundles: the built JavaScript has no eval, new Function, style attribute or HTML sink outside the allow-list', { skip }, () => {
  const { files, findings, allowed } = checkBundles(dist);
  assert.ok(files.includes('dist/north-star-widgets.js') && files.includes('dist/north-star-widgets.iife.js') && files.includes('dist/embed.js'), 'bundles scanned');
  assert.ok(files.some((f) => f.startsWith('dist/npm/')), 'the npm build is scanned');
  assert.deepEqual(findings.map((f) => `${f.file}: ${f.pattern} …${f.context}…`), []);
  for (const a of allowed) assert.ok(a.reason.length > 20, `allow-listed ${a.pattern} in ${a.file} has a reason`);
});

test('check-bundles catches each forbidden pattern (negative control)', { skip }, () => {
  const dir = join(work, 'planted');
  mkdirSync(dir, { recursive: true });
  const planted = {
    'eval.js': 'const x = eval("1+1");',
    'function.js': 'const f = new Function("a", "return a");',
    'function2.js': 'const g = Function("return this")();',
    'timer.js': 'setTimeout("alert(1)", 10);',
    'style.js': 'const t = `<div style="color:red">`;',
    'setattr.js': 'el.setAttribute("style", "color:red");',
    'inner.js': 'el.innerHTML = text;',
    'write.js': 'document.write(text);',
  };
  for (const [name, code] of Object.entries(planted)) writeFileSync(join(dir, name), code);
  writeFileSync(join(dir, 'clean.js'), 'el.style.setProperty("--w", "3px"); const fontStyle = `font-style="italic"`;');
  const { findings } = checkBundles(dir);
  const flagged = new Set(findings.map((f) => f.file.split('/').pop()));
  for (const name of Object.keys(planted)) assert.ok(flagged.has(name), `${name} is flagged`);
  assert.ok(!flagged.has('clean.js'), 'CSSOM writes and font-style= are not flagged');
});

test('package.json exports, types and sideEffects point at files the build wrote', { skip }, () => {
  const targets = [];
  const collect = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  for (const [key, value] of Object.entries(pkg.exports)) if (!key.includes('*')) collect(value);
  collect(pkg.types);
  collect(pkg.main);
  for (const target of targets) assert.ok(existsSync(join(root, target)), `${target} exists`);
  for (const tag of ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress']) {
    assert.ok(pkg.exports[`./${tag}.js`], `exports ./${tag}.js`);
    assert.ok(pkg.sideEffects.includes(`./dist/npm/${tag}.js`), `${tag} entry is marked as having side effects`);
  }
  assert.ok(pkg.exports['./jsx']?.types, 'React JSX typings are exported');
  // Only the registering entries (and the self-contained bundles) have side effects.
  for (const file of pkg.sideEffects) {
    assert.ok(existsSync(join(root, file)), `${file} exists`);
    assert.match(readFileSync(join(root, file), 'utf8'), /customElements|defineElement|import\s*["']\.\/[a-z-]+\.js["']|nsw-embed/, `${file} registers something`);
  }
  assert.ok(!pkg.sideEffects.some((f) => /index\.js$|\/base\/|\/core\//.test(f)), 'the main entry and helpers are side-effect free');
});

async function bundle(name, source) {
  const entry = join(work, `${name}.mjs`);
  writeFileSync(entry, source);
  const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'esm', minify: false, logLevel: 'silent', absWorkingDir: work });
  return result.outputFiles[0].text;
}

test('G4: importing helpers only defines nothing and leaves d3-zoom out; a per-element entry registers it', { skip }, async () => {
  const helpers = await bundle('helpers', "import { formatNumber, computeDelta, safeHref } from 'north-star-widgets';\nconsole.log(formatNumber(1234, 'en-US'), computeDelta(2, 1, 'increase'), safeHref('/x'));\n");
  assert.doesNotMatch(helpers, /customElements\.define\(/, 'no registration');
  assert.doesNotMatch(helpers, /d3-zoom|__zoom|wheelDelta/, 'no d3-zoom');
  assert.doesNotMatch(helpers, /class \w+ extends (LitElement|ReactiveElement)/, 'no element classes');
  const tree = await bundle('tree', "import 'north-star-widgets/metric-tree.js';\n");
  assert.match(tree, /customElements\.define\(/, 'the side-effect import is kept');
  assert.match(tree, /"metric-tree"/);
  assert.doesNotMatch(tree, /"funnel-chart"/, 'only the imported element is registered');
  const alias = await bundle('alias', "import 'north-star-widgets/define/funnel-chart';\n");
  assert.match(alias, /"funnel-chart"/, 'north-star-widgets/define/<tag> works too');
});

test('G1 typings: tag name map and React 19 JSX compile; wrong uses are errors', { skip }, () => {
  // A minimal stand-in for @types/react (same shape: `export = React` with a JSX namespace).
  const types = join(work, 'node_modules', '@types', 'react');
  mkdirSync(types, { recursive: true });
  writeFileSync(join(types, 'package.json'), JSON.stringify({ name: '@types/react', version: '19.0.0', types: 'index.d.ts' }));
  writeFileSync(
    join(types, 'index.d.ts'),
    `export = React;\nexport as namespace React;\ndeclare namespace React {\n  interface HTMLAttributes<T> { id?: string; className?: string; children?: unknown; onClick?: (e: unknown) => void }\n  interface RefAttributes<T> { ref?: { current: T | null } | ((el: T | null) => void); key?: string | number }\n  function createElement(type: unknown, props?: unknown, ...children: unknown[]): JSX.Element;\n  namespace JSX { interface Element {} interface IntrinsicElements {} }\n}\n`,
  );
  writeFileSync(
    join(work, 'good.ts'),
    `import 'north-star-widgets/define-all.js';\nimport type { FunnelChart } from 'north-star-widgets';\nconst tree = document.querySelector('metric-tree')!;\ntree.expandAll();\ntree.focusNode('wat');\nconst stats = document.createElement('funnel-chart').stats;\nconst f: FunnelChart = document.createElement('funnel-chart');\nconst svg: string = f.toSVG();\nconst png: Promise<Blob> = f.toPNG();\ndocument.querySelector('goal-progress')!.addEventListener('nsw-select', (e) => e.detail.id);\nexport { stats, svg, png };\n`,
  );
  writeFileSync(
    join(work, 'good.tsx'),
    `import * as React from 'react';\nimport type {} from 'north-star-widgets/jsx';\nexport const Card = () => <north-star-card data={{ name: 'x', value: 1 }} theme="dark" exportable onnsw-select={(e) => e.detail.id} />;\nexport const Tree = () => <metric-tree src="/tree.json" orientation="horizontal" expand-depth={2} onnsw-toggle={(e) => e.detail.expanded} />;\nexport const Funnel = () => <funnel-chart data={{ steps: [] }} ref={(el) => el?.stats} />;\nexport const Goal = () => <goal-progress as-of="2026-11-20" view="chart" onnsw-error={(e) => e.detail.issues.length} />;\n`,
  );
  writeFileSync(join(work, 'bad.ts'), `import 'north-star-widgets/define-all.js';\ndocument.querySelector('metric-tree')!.expandEverything();\nconst n: number = document.createElement('funnel-chart').summary;\nexport { n };\n`);
  writeFileSync(
    join(work, 'bad.tsx'),
    `import * as React from 'react';\nimport type {} from 'north-star-widgets/jsx';\nexport const A = () => <funnel-chart orientation="diagonal" />;\nexport const B = () => <goal-progress view="pie" />;\nexport const C = () => <metric-tree onnsw-toggle={(e: CustomEvent<{ nope: string }>) => e.detail.nope} />;\n`,
  );
  writeFileSync(
    join(work, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'], strict: true, noEmit: true, jsx: 'react', skipLibCheck: false, types: [],
        // The package is symlinked, so its typings resolve 'react' from this repository (untyped): point at the stand-in.
        paths: { react: ['./node_modules/@types/react/index.d.ts'] } },
      files: ['good.ts', 'good.tsx', 'bad.ts', 'bad.tsx'],
    }),
  );
  let output = '';
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', work], { encoding: 'utf8', cwd: work });
  } catch (error) {
    output = String(error.stdout);
  }
  const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
  assert.deepEqual(errors.filter((l) => l.startsWith('good')), [], 'the correct uses compile');
  const lines = (file) => new Set(errors.filter((l) => l.startsWith(file)).map((l) => Number(/\((\d+),/.exec(l)?.[1])));
  assert.deepEqual([...lines('bad.ts(')].sort(), [2, 3], `bad.ts errors: ${errors.join('\n')}`);
  assert.deepEqual([...lines('bad.tsx(')].sort(), [3, 4, 5], `bad.tsx errors: ${errors.join('\n')}`);
});
