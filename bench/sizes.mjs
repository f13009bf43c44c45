// Bundle sizes, measured the way `npm run build` makes the bundles: the repository's own
// rollup.config.mjs (same plugins, terser settings and inputs), generated in memory so dist/ is
// never touched; min+gzip = gzip -9 of the minified file. Peers: the dist files a script-tag user
// loads, plus (for reference) tree-shaken custom builds of ECharts and Chart.js.
import { rollup } from 'rollup';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

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
