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
 * What-if experiments: source patches applied to the private build only (never to src/), to price a
 * change in the same run as the unpatched build. The fixes F1, F2 and F4 of bench/RESULTS.md are
 * applied in src/ now; the patches below undo each of them, so `--what-if` measures what each fix
 * is worth against the current code (the earlier forward patches are described in RESULTS.md).
 */
export const WHAT_IF = {
  // F1 undone: the width comes only from the ResizeObserver, one frame after the first render.
  'no-first-width': {
    file: /src[\\/]base[\\/]resize-controller\.ts$/,
    patch: (code) => code.replace('const first = contentWidth(this.host);', 'const first = 0;'),
  },
  // F2 undone: the hidden data table's headers and rows render with the element, not after paint.
  'eager-table': {
    file: /src[\\/]base[\\/]templates\.ts$/,
    patch: (code) =>
      code.replace('render(table: DataTable): TemplateResult {', 'render(table: DataTable): TemplateResult {\n    if (this) return tableTemplate(table, rowsOf(table));'),
  },
  // F4 undone: every node of a large tree measured with canvas measureText() before layout.
  'measure-text': {
    file: /src[\\/]metric-tree[\\/]metric-tree\.ts$/,
    patch: (code) => code.replace('this.estimateText = tree.order.length > LARGE;', 'this.estimateText = false;'),
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

