// Three outputs (SPEC "Package and bundles"):
//  1. dist/north-star-widgets.js / .iife.js — self-contained, minified, Lit and d3 inlined;
//  2. dist/npm/ — the npm build: ES modules, lit and d3-* external, one file per source module;
//  3. dist/elements/<tag>.js — each element alone, self-contained, for size reporting only.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild from 'rollup-plugin-esbuild';

const TAGS = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'];
const ts = () => esbuild({ tsconfig: './tsconfig.json', target: 'es2022' });
const minify = () => terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } });
const onwarn = (warning, warn) => {
  // d3's internal circular imports are harmless and expected.
  if (warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
};
const isExternal = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || /^d3-/.test(id);

export default [
  {
    input: 'src/bundle.ts',
    onwarn,
    plugins: [nodeResolve(), ts()],
    output: [
      { file: 'dist/north-star-widgets.js', format: 'es', plugins: [minify()], sourcemap: true },
      { file: 'dist/north-star-widgets.iife.js', format: 'iife', name: 'NorthStarWidgets', plugins: [minify()], sourcemap: true },
    ],
  },
  {
    input: Object.fromEntries(['index', 'define-all', ...TAGS].map((name) => [name, `src/${name}.ts`])),
    onwarn,
    external: isExternal,
    plugins: [nodeResolve(), ts()],
    output: { dir: 'dist/npm', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  },
  ...TAGS.map((tag) => ({
    input: `src/${tag}.ts`,
    onwarn,
    plugins: [nodeResolve(), ts()],
    output: { file: `dist/elements/${tag}.js`, format: 'es', plugins: [minify()] },
  })),
];
