// Bundle sizes, measured the way `npm run build` makes the bundles: the repository's own
// rollup.config.mjs (same plugins, terser settings and inputs), generated in memory so dist/ is
// never touched; min+gzip = gzip -9 of the minified file. Peers: the dist files a script-tag user
// loads, plus (for reference) tree-shaken custom builds of ECharts and Chart.js.
import { rollup } from 'rollup';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TAGS = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'];
const gz = (code) => gzipSync(Buffer.from(code), { level: 9 }).length;

async function generate(inputOptions, outputOptions) {
  const bundle = await rollup({ ...inputOptions, onwarn: () => {} });
  try {
    const { output } = await bundle.generate(outputOptions);
    const code = output.filter((o) => o.type === 'chunk').map((o) => o.code).join('\n');
    return { min: Buffer.byteLength(code), gzip: gz(code) };
  } finally {
    await bundle.close();
  }
}

const virtual = (id, code) => ({
  name: 'bench-virtual-entry',
  resolveId: (source) => (source === id ? `\0${id}` : null),
  load: (source) => (source === `\0${id}` ? code : null),
});

/** Our bundles, from rollup.config.mjs. Returns rows { name, min, gzip, note }. */
export async function ourSizes(root) {
  const cwd = process.cwd();
  process.chdir(root);
  const rows = [];
  try {
    const configs = (await import(join(root, 'rollup.config.mjs'))).default;
    const bundleConfig = configs.find((c) => c.input === 'src/bundle.ts');
    const present = TAGS.filter((t) => existsSync(join(root, `src/${t}.ts`)));
    for (const output of bundleConfig.output) {
      const name = output.format === 'iife' ? 'IIFE bundle (north-star-widgets.iife.js)' : 'ESM bundle (north-star-widgets.js)';
      const outOpts = { format: output.format, name: output.name, plugins: output.plugins };
      try {
        rows.push({ name, ...(await generate(bundleConfig, outOpts)), note: '' });
      } catch (error) {
        // An element still missing or not compiling: measure what is there, and say so.
        const code = `${present.map((t) => `import ${JSON.stringify(join(root, `src/${t}.ts`))};`).join('\n')}\nexport * from ${JSON.stringify(join(root, 'src/index.ts'))};`;
        try {
          const partial = await generate({ ...bundleConfig, input: 'bench-entry', plugins: [virtual('bench-entry', code), ...bundleConfig.plugins] }, outOpts);
          rows.push({ name, ...partial, note: `partial: only ${present.join(', ') || 'the base'} (${firstLine(error)})` });
        } catch (error2) {
          rows.push({ name, min: null, gzip: null, note: `not available: ${firstLine(error2)}` });
        }
      }
    }
    for (const tag of TAGS) {
      const config = configs.find((c) => c.input === `src/${tag}.ts`);
      const name = `${tag} alone (dist/elements/${tag}.js)`;
      if (!config || !existsSync(join(root, `src/${tag}.ts`))) {
        rows.push({ name, min: null, gzip: null, note: 'not available yet' });
        continue;
      }
      try {
        rows.push({ name, ...(await generate(config, { format: config.output.format, plugins: config.output.plugins })), note: '' });
      } catch (error) {
        rows.push({ name, min: null, gzip: null, note: `not available: ${firstLine(error)}` });
      }
    }
  } finally {
    process.chdir(cwd);
  }
  return rows;
}

function firstLine(error) {
  return String(error?.message ?? error).split('\n')[0].slice(0, 160);
}

/** What a script-tag user of each peer loads (dist files), plus tree-shaken custom builds for reference. */
export async function peerSizes(root) {
  const nm = (p) => join(root, 'node_modules', p);
  const file = (name, path, note = '') => {
    const bytes = readFileSync(nm(path));
    return { name, min: bytes.length, gzip: gz(bytes), note };
  };
  const rows = [
    file('ECharts — echarts.min.js (tree, funnel, line: the full build)', 'echarts/dist/echarts.min.js'),
    file('ECharts — echarts.simple.min.js (no tree/funnel)', 'echarts/dist/echarts.simple.min.js', 'line/bar/pie only: not enough for tree or funnel'),
    file('Chart.js — chart.umd.js', 'chart.js/dist/chart.umd.js'),
    file('d3-funnel — d3-funnel.min.js', 'd3-funnel/dist/d3-funnel.min.js', 'self-contained: bundles the d3 modules it uses'),
    file('Vega — vega.min.js', 'vega/build/vega.min.js', 'Vega-Lite has no tree layout; Vega alone is what a tree needs'),
  ];
  // Best case for an npm user: tree-shaken builds of exactly the charts used here.
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const terser = (await import('@rollup/plugin-terser')).default;
  const custom = async (name, code, note) => {
    try {
      rows.push({ name, ...(await generate({ input: 'bench-entry', plugins: [virtual('bench-entry', code), nodeResolve({ rootDir: root })] }, { format: 'es', plugins: [terser({ ecma: 2020, module: true, compress: { passes: 2 }, format: { comments: false } })] })), note });
    } catch (error) {
      rows.push({ name, min: null, gzip: null, note: `could not build: ${firstLine(error)}` });
    }
  };
  const cwd = process.cwd();
  process.chdir(root);
  try {
    await custom(
      'ECharts custom build (core + tree + funnel + line + tooltip + canvas)',
      `import * as echarts from 'echarts/core';
       import { TreeChart, FunnelChart, LineChart } from 'echarts/charts';
       import { TooltipComponent, GridComponent } from 'echarts/components';
       import { CanvasRenderer } from 'echarts/renderers';
       echarts.use([TreeChart, FunnelChart, LineChart, TooltipComponent, GridComponent, CanvasRenderer]);
       export { echarts };`,
      'tree-shaken via echarts/core, minified with the same terser settings',
    );
    await custom(
      'Chart.js custom build (line chart only)',
      `import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip } from 'chart.js';
       Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Tooltip);
       export { Chart };`,
      'tree-shaken, minified with the same terser settings',
    );
  } finally {
    process.chdir(cwd);
  }
  return rows;
}

/**
 * Where the bytes of the ESM bundle come from: rendered size of each module after minification
 * (terser per module, so the split is approximate), grouped by package or source file; and the
 * whole bundle's min+gzip under source-free what-if experiments (build-time aliases/transforms).
 */
export async function sizeDetail(root) {
  const { minify } = await import('terser');
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const configs = (await import(join(root, 'rollup.config.mjs'))).default;
    const c = configs.find((x) => x.input === 'src/bundle.ts');
    const outPlugins = c.output[0].plugins;
    const bundle = await rollup({ ...c, onwarn: () => {} });
    const { output } = await bundle.generate({ format: 'es' });
    await bundle.close();
    const groups = new Map();
    const categories = new Map();
    const categoryOf = (key) =>
      /^(lit|@lit|lit-html|lit-element)/.test(key) ? 'Lit' : key.startsWith('d3-') ? (/^d3-(zoom|selection|transition|dispatch|ease|timer|drag)$/.test(key) ? 'd3-zoom and its deps' : /^d3-(scale|interpolate|color|format|time|time-format)$/.test(key) ? 'd3-scale and its deps' : 'other d3') : key.replace(/^src\/([^/]+)\/.*$/, 'src/$1/').replace(/\.styles\.ts$/, '');
    for (const [id, m] of Object.entries(output[0].modules)) {
      if (!m.code) continue;
      const key = id.includes('node_modules/')
        ? id.replace(/.*node_modules\//, '').split('/').slice(0, id.includes('node_modules/@') ? 2 : 1).join('/')
        : id.replace(root + '/', '');
      const min = (await minify(m.code, { module: true, compress: false, mangle: true })).code ?? '';
      groups.set(key, (groups.get(key) ?? 0) + min.length);
      const cat = (key.endsWith('.styles.ts') || key.endsWith('shared-styles.ts')) ? 'CSS (css`` literals)' : categoryOf(key);
      categories.set(cat, (categories.get(cat) ?? '') + min + '\n');
    }
    const byCategory = [...categories].map(([name, code]) => ({ name, min: Buffer.byteLength(code), gzip: gz(code) })).sort((a, b) => b.gzip - a.gzip);
    const experiments = [];
    const measure = async (name, plugins) => {
      const b = await rollup({ ...c, plugins, onwarn: () => {} });
      const { output: out } = await b.generate({ format: 'es', plugins: outPlugins });
      await b.close();
      experiments.push({ name, min: Buffer.byteLength(out[0].code), gzip: gz(out[0].code) });
    };
    // Upper bound of replacing d3-zoom (+ d3-selection, d3-transition, …) with own code: both
    // aliased to a no-op stand-in; a real wheel + pointer handler would add ≈ 1–1.5 KB gzip back.
    const zoomStub = {
      name: 'stub-d3-zoom',
      resolveId: (s) => (s === 'd3-zoom' || s === 'd3-selection' ? `\0stub:${s}` : null),
      load: (id) =>
        id === '\0stub:d3-zoom'
          ? 'const t = { x: 0, y: 0, k: 1, translate() { return t; }, scale() { return t; } }; export const zoomIdentity = t; export function zoom() { const z = () => {}; z.scaleExtent = z.filter = z.on = z.transform = () => z; return z; }'
          : id === '\0stub:d3-selection'
            ? 'export function select() { const s = { call: () => s, on: () => s, attr: () => s }; return s; }'
            : null,
    };
    // The CSS minification (F6) is applied in rollup.config.mjs; the second line prices it the other way
    // round. (A hand-written d3-scale subset saved 6.7 KB and was withdrawn: see RESULTS.md F6.)
    const withoutCssMin = c.plugins.filter((p) => p?.name !== 'nsw-css-literal-min');
    await measure('as is', c.plugins);
    await measure('without the CSS minifier', withoutCssMin);
    await measure('d3-zoom + d3-selection removed (upper bound)', [zoomStub, ...c.plugins]);
    return { modules: [...groups].sort((a, b) => b[1] - a[1]), byCategory, experiments };
  } finally {
    process.chdir(cwd);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const { modules, byCategory, experiments } = await sizeDetail(root);
  console.log('By part (each part minified and gzipped on its own, so the sum exceeds the bundle):');
  for (const c of byCategory) console.log(`  ${c.name.padEnd(26)} ${(c.min / 1024).toFixed(1).padStart(7)} KB  ${(c.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
  console.log('');
  const total = modules.reduce((a, [, b]) => a + b, 0);
  console.log('Minified bytes per module group of the ESM bundle (approximate):');
  for (const [k, v] of modules.slice(0, Number(process.argv[2] ?? 40))) console.log(`${String(v).padStart(8)}  ${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}`);
  console.log(`${String(total).padStart(8)}  total\n\nWhat-if (whole ESM bundle, min / min+gzip):`);
  for (const e of experiments) console.log(`  ${e.name.padEnd(42)} ${(e.min / 1024).toFixed(1).padStart(7)} KB  ${(e.gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
}
