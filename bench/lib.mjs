// Shared by bench/run.mjs and bench/profile.mjs: Chromium flags and the private build of our elements.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');

export const CHROME_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--js-flags=--expose-gc',
];

const TAGS = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'];
/**
 * What-if experiments: source patches applied to the private build only (never to src/), to measure
 * a suggested fix before anyone makes it. `first-width`: ResizeController reads the host's width
 * once when connected, so the first render already has the real width instead of re-rendering one
 * frame later.
 */
export const WHAT_IF = {
  'first-width': {
    file: /src[\\/]base[\\/]resize-controller\.ts$/,
    patch: (code) =>
      code.replace(
        'this.observer.observe(this.host);',
        `this.observer.observe(this.host);
    const first = Math.floor(this.host.clientWidth);
    if (first > 0 && first !== this.width) {
      this.width = first;
      this.onResize(first);
    }`,
      ),
  },
  // The hidden data table for assistive technology, capped at its last 30 rows (to price the
  // 365-row table of spark-365; not a proposal to drop rows without a replacement).
  'table-cap': {
    file: /src[\\/]base[\\/]templates\.ts$/,
    patch: (code) => code.replace('${table.rows.map(', '${table.rows.slice(-30).map('),
  },
  // metric-tree measures every node's texts with canvas measureText() before layout (10,000 nodes:
  // ~30,000 measurements); price the character-width estimate it falls back to without a canvas.
  'tree-estimate-text': {
    file: /src[\\/]metric-tree[\\/]metric-tree\.ts$/,
    patch: (code) => code.replace('private measurer(): MeasureText | undefined {', 'private measurer(): MeasureText | undefined {\n    if (this) return undefined;'),
  },
  // Price of the hidden data tables altogether (rows rendered only on demand, e.g. when a screen
  // reader user opens a "data" disclosure, or when the table first receives focus).
  'table-rows-on-demand': {
    file: /src[\\/]base[\\/]templates\.ts$/,
    patch: (code) => code.replace('${table.rows.map(', '${table.rows.slice(0, 0).map('),
  },
  // The same, batched: the first width is read in NswElement.willUpdate of the first update, so the
  // first updates of elements appended together share one style/layout.
  'first-width-batched': {
    file: /src[\\/]base[\\/]nsw-element\.ts$/,
    patch: (code) =>
      code.replace(
        'protected override willUpdate(changed: PropertyValues<this>): void {',
        `protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated && this.width === 0 && this.isConnected) {
      const first = Math.floor(this.getBoundingClientRect().width);
      if (first > 0) this.width = first;
    }`,
      ),
  },
  // The first observation applied at once in the ResizeObserver callback (before paint, no layout
  // read), later ones still deferred to a frame. Checks for "ResizeObserver loop" errors too.
  'first-width-ro': {
    file: /src[\\/]base[\\/]resize-controller\.ts$/,
    patch: (code) =>
      code.replace(
        'cancelAnimationFrame(this.frame);\n      this.frame = requestAnimationFrame(() => {',
        `if (this.width === 0 && width > 0) {
        this.width = width;
        this.onResize(width);
        return;
      }
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {`,
      ),
  },
};

function whatIfPlugin(names) {
  const patches = names.map((n) => WHAT_IF[n]).filter(Boolean);
  return {
    name: 'bench-what-if',
    setup(b) {
      // One onLoad per file, applying every patch for that file.
      b.onLoad({ filter: /src[\\/].*\.ts$/ }, (args) => {
        const mine = patches.filter((p) => p.file.test(args.path));
        if (!mine.length) return undefined;
        let code = readFileSync(args.path, 'utf8');
        for (const { patch } of mine) {
          const patched = patch(code);
          if (patched === code) throw new Error(`what-if patch did not apply to ${args.path}`);
          code = patched;
        }
        return { contents: code, loader: 'ts' };
      });
    },
  };
}

export async function buildOurs({ dir = 'ours', minify = true, whatIf = [] } = {}) {
  const out = join(here, '.build', dir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const present = TAGS.filter((t) => existsSync(join(root, `src/${t}.ts`)));
  const common = { bundle: true, format: 'esm', minify, keepNames: !minify, sourcemap: !minify, target: 'es2022', tsconfig: join(root, 'tsconfig.json'), logLevel: 'silent', conditions: ['production'], absWorkingDir: root,
    // package.json "sideEffects" lists only dist files, so esbuild would drop the registering imports of src/<tag>.ts.
    ignoreAnnotations: true, plugins: whatIf.length ? [whatIfPlugin(whatIf)] : [] };
  const notes = [];
  const files = [];
  // One bundle with everything that is there; if one element does not compile yet, each element alone.
  try {
    await build({ ...common, stdin: { contents: present.map((t) => `import './src/${t}.js';`).join('\n') || 'export {}', resolveDir: root, loader: 'ts' }, outfile: join(out, 'all.js') });
    files.push('all.js');
  } catch {
    for (const tag of present) {
      try {
        await build({ ...common, entryPoints: [join(root, `src/${tag}.ts`)], outfile: join(out, `${tag}.js`) });
        files.push(`${tag}.js`);
      } catch (error) {
        notes.push(`${tag}: does not build yet (${String(error.errors?.[0]?.text ?? error.message).split('\n')[0]})`);
      }
    }
  }
  for (const tag of TAGS.filter((t) => !present.includes(t))) notes.push(`${tag}: no src/${tag}.ts yet`);
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  writeFileSync(join(out, 'manifest.json'), JSON.stringify({ files, tags: present, version, notes }, null, 2));
  return { files, present, notes };
}

