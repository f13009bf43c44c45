#!/usr/bin/env node
// RELIABILITY A6 — no unsafe directives in the library source.
// Scans src/**/*.ts (tests and stories excluded) for APIs that turn text into markup or code, or
// that write `style` attributes (which a strict CSP blocks):
//   unsafeHTML unsafeSVG innerHTML outerHTML insertAdjacentHTML DOMParser createContextualFragment
//   new Function eval( .html( styleMap .attr('style'
// A justified exception is listed in scripts/check-source.allow as `path:line-substring # reason`
// (one a line; the substring must occur on the matching source line).
//   node scripts/check-source.mjs [--json]   → exit 0 when clean, 1 with every finding listed.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const PATTERNS = [
  ['unsafeHTML', /\bunsafeHTML\b/],
  ['unsafeSVG', /\bunsafeSVG\b/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function(', /(?<![\w.])Function\s*\(\s*['"`]/],
  ['eval(', /(?<![\w.])eval\s*\(/],
  ['.html(', /\.html\s*\(/],
  ['styleMap', /\bstyleMap\b/],
  [".attr('style'", /\.attr\(\s*['"`]style['"`]/],
  ["setAttribute('style'", /\.setAttribute\(\s*['"`]style['"`]/],
  ['style= in a template', /<[a-zA-Z][^>]*\sstyle\s*=/],
  ['d3 csvParse( (new Function)', /\b(csvParse|tsvParse|dsvFormat\([^)]*\)\.parse)\s*\(/],
];

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else if (/\.(ts|js|mjs)$/.test(name) && !/\.(test|stories|d)\.ts$/.test(name)) out.push(path);
  }
  return out;
}

export function readAllowList(file = join(root, 'scripts/check-source.allow')) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [entry, ...reason] = line.split(' # ');
      const colon = entry.indexOf(':');
      return { path: entry.slice(0, colon).trim(), snippet: entry.slice(colon + 1).trim(), reason: reason.join(' # ').trim() };
    });
}

/** Every finding in `src/` (or the given folder): { path, line, pattern, text, allowed }. */
export function scan(srcDir = join(root, 'src'), allow = readAllowList()) {
  const findings = [];
  for (const file of walk(srcDir)) {
    const path = relative(root, file).split('\\').join('/');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, index) => {
      // Comments may name the APIs they avoid ("not csvParse, which uses new Function").
      const code = text.replace(/\/\/.*$/, '').replace(/^\s*\*.*$/, '').replace(/\/\*.*?\*\//g, '');
      for (const [pattern, regex] of PATTERNS) {
        if (!regex.test(code)) continue;
        const allowed = allow.find((a) => a.path === path && code.includes(a.snippet));
        findings.push({ path, line: index + 1, pattern, text: text.trim(), allowed: allowed ? allowed.reason || 'allow-listed' : null });
      }
    });
  }
  return findings;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const findings = scan();
  const bad = findings.filter((f) => !f.allowed);
  if (process.argv.includes('--json')) console.log(JSON.stringify(findings, null, 2));
  else {
    for (const f of findings) console.log(`${f.allowed ? 'allowed' : 'UNSAFE '} ${f.path}:${f.line}  [${f.pattern}]  ${f.text}${f.allowed ? `  (${f.allowed})` : ''}`);
    console.log(`check-source: ${walk(join(root, 'src')).length} files scanned, ${bad.length} unsafe, ${findings.length - bad.length} allow-listed`);
  }
  process.exit(bad.length ? 1 : 0);
}
