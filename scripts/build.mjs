#!/usr/bin/env node
// npm run build: bundles (rollup), typings (tsc), the Custom Elements Manifest, the embed page;
// then prints each bundle's minified and gzip size.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

rmSync(join(root, 'dist'), { recursive: true, force: true });
run(bin('rollup'), ['-c', '--silent']);
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('custom-elements-manifest'), ['analyze', '--litelement', '--globs', 'src/**/*.ts', '--outdir', '.', '--quiet']);
mkdirSync(join(root, 'dist'), { recursive: true });
if (existsSync(join(root, 'src/embed/embed.html'))) copyFileSync(join(root, 'src/embed/embed.html'), join(root, 'dist/embed.html'));
// React 19 JSX typings (opt-in subpath `north-star-widgets/jsx`): tsc does not copy .d.ts sources.
if (existsSync(join(root, 'src/jsx.d.ts'))) copyFileSync(join(root, 'src/jsx.d.ts'), join(root, 'dist/types/jsx.d.ts'));

export function sizes() {
  const files = ['dist/north-star-widgets.js', 'dist/north-star-widgets.iife.js'];
  const elementsDir = join(root, 'dist/elements');
  if (existsSync(elementsDir)) for (const file of readdirSync(elementsDir).sort()) if (file.endsWith('.js')) files.push(`dist/elements/${file}`);
  return files.map((file) => {
    const bytes = readFileSync(join(root, file));
    return { file, min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
}

console.log('\nBundle sizes (minified / min+gzip):');
for (const { file, min, gzip } of sizes()) {
  console.log(`  ${file.padEnd(38)} ${(min / 1024).toFixed(1).padStart(7)} KB  ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
}
