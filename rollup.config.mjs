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
/**
 * Minifies the CSS inside Lit `css` tagged templates (about −2 KB gzip, bench/RESULTS.md F6): drops
 * comments and whitespace that CSS does not need. Strings ('…', "…") and `${…}` interpolations are
 * copied unchanged; whitespace before `(` and `:` is kept (`and (…)` in media queries, `.a :hover`).
 * The styles modules end with their literal, so no code after it moves (map: null is accurate).
 */
export function minifyCss(body) {
  let out = '';
  let space = false;
  const drop = '{};,>:';
  for (let i = 0; i < body.length; ) {
    const c = body[i];
    if (c === '/' && body[i + 1] === '*') {
      const end = body.indexOf('*/', i + 2);
      i = end < 0 ? body.length : end + 2;
      space = true;
      continue;
    }
    if (/\s/.test(c)) {
      space = true;
      i++;
      continue;
    }
    let token = c;
    let j = i + 1;
    if (c === '"' || c === "'") {
      while (j < body.length && body[j] !== c) j += body[j] === '\\' ? 2 : 1;
      token = body.slice(i, j + 1);
      j++;
    } else if (c === '$' && body[j] === '{') {
      let depth = 0;
      for (; j < body.length; j++) {
        if (body[j] === '{') depth++;
        else if (body[j] === '}' && --depth === 0) break;
      }
      token = body.slice(i, j + 1);
      j++;
    } else if (c === '\\') {
      token = body.slice(i, i + 2);
      j = i + 2;
    }
    if (space && out && !drop.includes(out[out.length - 1]) && !'{};,>)'.includes(c)) out += ' ';
    if (c === '}' && out.endsWith(';')) out = out.slice(0, -1);
    out += token;
    space = false;
    i = j;
  }
  return out;
}
const cssLiteralMin = () => ({
  name: 'nsw-css-literal-min',
  transform(code, id) {
    if (!/\.ts$/.test(id) || !code.includes('css`')) return null;
    let result = '';
    let from = 0;
    for (let at = code.indexOf('css`'); at >= 0; at = code.indexOf('css`', from)) {
      const start = at + 4;
      let end = start;
      let depth = 0;
      for (; end < code.length; end++) {
        const c = code[end];
        if (c === '\\') end++;
        else if (c === '$' && code[end + 1] === '{') depth++;
        else if (c === '}' && depth > 0) depth--;
        else if (c === '`' && depth === 0) break;
      }
      result += code.slice(from, start) + minifyCss(code.slice(start, end));
      from = end;
    }
    return { code: result + code.slice(from), map: null };
  },
});
const isExternal = (id) => id === 'lit' || id.startsWith('lit/') || id.startsWith('@lit/') || /^d3-/.test(id);

export default [
  {
    input: 'src/bundle.ts',
    onwarn,
    plugins: [nodeResolve(), sharedLitPolicy(), cssLiteralMin(), ts()],
    output: [
      { file: 'dist/north-star-widgets.js', format: 'es', plugins: [minify()], sourcemap: true },
      { file: 'dist/north-star-widgets.iife.js', format: 'iife', name: 'NorthStarWidgets', plugins: [minifyClassic()], sourcemap: true },
    ],
  },
  {
    input: Object.fromEntries(['index', 'define-all', ...TAGS].map((name) => [name, `src/${name}.ts`])),
    onwarn,
    external: isExternal,
    plugins: [nodeResolve(), cssLiteralMin(), ts()],
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
    plugins: [nodeResolve(), cssLiteralMin(), ts()],
    output: { file: `dist/elements/${tag}.js`, format: 'es', plugins: [minify()] },
  })),
];
