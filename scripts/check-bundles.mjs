#!/usr/bin/env node
// Scans the BUILT JavaScript (dist/) for what a strict page forbids or what turns text into code:
// eval, new Function / Function("…"), string timers, style attributes (in markup strings or via
// setAttribute; CSSOM writes such as `el.style.setProperty` are allowed by CSP), HTML parsing sinks. Each hit must match an
// entry of ALLOW below, which names the library it comes from and why it is harmless; anything
// else is a finding. Also checks that the self-contained bundles share Lit's Trusted Types policy
// (see rollup.config.mjs, sharedLitPolicy).
//   node scripts/check-bundles.mjs [dist-dir] [--json]   → exit 0 when clean, 1 with the findings.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const PATTERNS = [
  ['eval(', /(?<![\w$.])eval\s*\(/g],
  ['new Function', /\bnew\s+Function\s*\(/g],
  ['Function("…")', /(?<![\w$.])Function\s*\(\s*["'`]/g],
  ['string timer', /\bset(?:Timeout|Interval)\s*\(\s*["'`]/g],
  ['style= in markup', /(?<![-\w$.])style\s*=\s*(?:\\?["'`]|\$\{)/g],
  ['setAttribute("style")', /\.setAttribute(?:NS)?\s*\(\s*(?:null\s*,\s*)?["'`]style["'`]/g],
  ['.attr("style")', /\.attr\s*\(\s*["'`]style["'`]/g],
  ['innerHTML', /\binnerHTML\b/g],
  ['outerHTML', /\bouterHTML\b/g],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/g],
  ['document.write', /\bdocument\.write(?:ln)?\s*\(/g],
  ['DOMParser', /\bDOMParser\b/g],
  ['createContextualFragment', /\bcreateContextualFragment\b/g],
  ['importScripts', /\bimportScripts\b/g],
];

/**
 * Known, reviewed occurrences: `pattern` label + a regular expression the text around the hit
 * (80 characters either side) must match.
 */
export const ALLOW = [
  {
    pattern: 'new Function',
    context: /new Function\("d",\s*"return \{"\s*\+/,
    reason:
      'd3-dsv objectConverter (used by csvParse/dsvFormat().parse). It is bundled because d3-dsv builds all its parsers ' +
      'in one object, but is never called: we parse CSV with csvParseRows (src/core/parse.ts), so no code is generated.',
  },
  {
    pattern: 'Function("…")',
    context: /new Function\("d",\s*"return \{"\s*\+/,
    reason: 'the same d3-dsv objectConverter as above (never called).',
  },
  {
    pattern: 'innerHTML',
    context: /createElement\("template"\);\s*return \w+\.innerHTML\s*=\s*\w+,\s*\w+/,
    reason:
      "Lit's template preparation: the developer-written template strings (never data) are parsed once into a " +
      '<template>, through the Trusted Types policy "lit-html" when Trusted Types are enforced.',
  },
  {
    pattern: 'innerHTML',
    context:
      /function\s*\w*\(\)\{this\.innerHTML=""\}|return function\(\)\{this\.innerHTML=\w+\}|this\.innerHTML=\w+\?\?""\}\}function \w+\(\)\{this\.nextSibling|\.node\(\)\.innerHTML\},raise:/,
    reason:
      "d3-selection's selection.html() (bundled for d3-zoom in <metric-tree>): the selection prototype carries every " +
      'method, so it cannot be tree-shaken, but it is never called — scripts/check-source.mjs forbids .html( in src/.',
  },
  {
    pattern: 'innerHTML',
    context: /innerHTML\s*=\s*e\.createHTML|createHTML\(/,
    reason: "Lit's template preparation (unminified form).",
  },
];

function jsFiles(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) jsFiles(path, out);
    else if (/\.m?js$/.test(name)) out.push(path);
  }
  return out;
}

/** Returns { files, findings, allowed } for every .js file under `dist`. */
export function checkBundles(dist = join(root, 'dist')) {
  const files = jsFiles(dist);
  const findings = [];
  const allowed = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(root, file);
    for (const [label, regex] of PATTERNS) {
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        const context = text.slice(Math.max(0, m.index - 80), m.index + m[0].length + 80);
        const allow = ALLOW.find((a) => a.pattern === label && a.context.test(context));
        (allow ? allowed : findings).push({ file: name, pattern: label, context: context.replace(/\s+/g, ' '), reason: allow?.reason });
      }
    }
    // The self-contained bundles must share Lit's Trusted Types policy (RELIABILITY B4).
    if (/north-star-widgets(\.iife)?\.js$/.test(file)) {
      const policies = text.match(/createPolicy\(/g)?.length ?? 0;
      if (!text.includes('Symbol.for("north-star-widgets.lit-html-policy")') || policies !== 1) {
        findings.push({ file: name, pattern: 'shared lit-html policy', context: `createPolicy( × ${policies}; the shared-policy patch is missing` });
      }
    }
  }
  return { files: files.map((f) => relative(root, f)), findings, allowed };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dist = resolve(args.find((a) => !a.startsWith('--')) ?? join(root, 'dist'));
  const result = checkBundles(dist);
  if (args.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else {
    for (const f of result.findings) console.log(`✗ ${f.file}: ${f.pattern}\n    …${f.context}…`);
    for (const a of result.allowed) console.log(`• allowed ${a.file}: ${a.pattern} — ${a.reason}`);
    console.log(`check-bundles: ${result.files.length} files scanned, ${result.findings.length} findings, ${result.allowed.length} allow-listed`);
  }
  process.exit(result.files.length && result.findings.length === 0 ? 0 : 1);
}
