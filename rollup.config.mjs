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
// The classic bundle must keep its top-level `var NorthStarWidgets = …` (window.NorthStarWidgets):
// with `module: true` terser treats it as an unused module-scope binding and drops it.
const minifyClassic = () => terser({ ecma: 2022, module: false, compress: { passes: 2 }, format: { comments: false } });
const onwarn = (warning, warn) => {
  // d3's internal circular imports are harmless and expected.
  if (warning.code === 'CIRCULAR_DEPENDENCY') return;
  warn(warning);
};
/**
 * Trusted Types (RELIABILITY B3/B4): every copy of Lit creates a policy named `lit-html` when it
 * loads. Two copies on one page (the ES module and the classic bundle, or the module from two URLs)
 * would create it twice, which a page with `trusted-types lit-html` (no 'allow-duplicates') forbids:
 * the second bundle would throw on load. In the self-contained bundles, Lit's policy is therefore
 * created once per page and shared through a global symbol; if `lit-html` is taken by someone else,
 * `north-star-widgets` is tried next. Lit's policy is the identity on its own template strings.
 */
const LIT_POLICY = 's.createPolicy("lit-html",{createHTML:t=>t})';
const sharedLitPolicy = () => ({
  name: 'nsw-shared-lit-policy',
  transform(code, id) {
    if (!/[\\/]lit-html[\\/]lit-html\.js$/.test(id)) return null;
    if (!code.includes(LIT_POLICY)) this.error(`lit-html changed: "${LIT_POLICY}" not found in ${id}; update sharedLitPolicy()`);
    const shared =
      '(globalThis[Symbol.for("north-star-widgets.lit-html-policy")]??=(()=>{' +
      'for(const n of["lit-html","north-star-widgets"])try{return s.createPolicy(n,{createHTML:t=>t})}catch(e){}' +
      'console.error("north-star-widgets: no Trusted Types policy could be created; allow \'lit-html\' (or \'north-star-widgets\') in the trusted-types directive");' +
      'return void 0})())';
    return { code: code.replace(LIT_POLICY, shared), map: null };
  },
});
const isExternal = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || /^d3-/.test(id);

export default [
  {
    input: 'src/bundle.ts',
    onwarn,
    plugins: [nodeResolve(), sharedLitPolicy(), ts()],
    output: [
      { file: 'dist/north-star-widgets.js', format: 'es', plugins: [minify()], sourcemap: true },
      { file: 'dist/north-star-widgets.iife.js', format: 'iife', name: 'NorthStarWidgets', plugins: [minifyClassic()], sourcemap: true },
    ],
  },
  {
    input: Object.fromEntries(['index', 'define-all', ...TAGS].map((name) => [name, `src/${name}.ts`])),
    onwarn,
    external: isExternal,
    plugins: [nodeResolve(), ts()],
    output: { dir: 'dist/npm', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
  },
  // The embed page's script (dist/embed.js): reads the URL and creates one element; it loads
  // ./north-star-widgets.js itself, so it holds no widget code.
  {
    input: 'src/embed/embed.ts',
    onwarn,
    plugins: [nodeResolve(), ts()],
    output: { file: 'dist/embed.js', format: 'es', plugins: [minify()], sourcemap: true },
  },
  ...TAGS.map((tag) => ({
    input: `src/${tag}.ts`,
    onwarn,
    plugins: [nodeResolve(), ts()],
    output: { file: `dist/elements/${tag}.js`, format: 'es', plugins: [minify()] },
  })),
];
