// RELIABILITY A6 — no unsafe directives in src/ (scripts/check-source.mjs), with a negative control.
// Owned by the hardening suite (issue 8). Runs with node:test (scripts/test.mjs runs test/e2e/*.e2e.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scan, readAllowList, PATTERNS } from '../../scripts/check-source.mjs';

test('A6: src/ has no unsafe directive outside scripts/check-source.allow', () => {
  const findings = scan();
  const unsafe = findings.filter((f) => !f.allowed);
  console.log(`[reliability] A6 source scan: ${PATTERNS.length} patterns, ${unsafe.length} unsafe, ${findings.length - unsafe.length} allow-listed`);
  assert.deepEqual(unsafe.map((f) => `${f.path}:${f.line} [${f.pattern}] ${f.text}`), []);
});

test('A6: every allow-list entry has a reason and still matches a line (no stale exceptions)', () => {
  const allow = readAllowList();
  const used = new Set(scan().filter((f) => f.allowed).map((f) => f.path));
  for (const entry of allow) {
    assert.ok(entry.reason, `allow-list entry ${entry.path}:${entry.snippet} needs "# reason"`);
    assert.ok(used.has(entry.path), `allow-list entry ${entry.path}:${entry.snippet} matches nothing; remove it`);
  }
});

test('A6: the scanner catches each pattern (negative control)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsw-scan-'));
  try {
    const planted = [
      "import { unsafeHTML } from 'lit/directives/unsafe-html.js';",
      "import { unsafeSVG } from 'lit/directives/unsafe-svg.js';",
      'el.innerHTML = text;',
      'const s = el.outerHTML;',
      "el.insertAdjacentHTML('beforeend', text);",
      'new DOMParser().parseFromString(text, "text/html");',
      'range.createContextualFragment(text);',
      "const f = new Function('a', 'return a');",
      "eval('1');",
      'sel.html(text);',
      "import { styleMap } from 'lit/directives/style-map.js';",
      "sel.attr('style', 'color:red');",
      "el.setAttribute('style', 'x');",
      'html`<div style="color:red"></div>`;',
      'csvParse(text);',
    ];
    writeFileSync(join(dir, 'bad.ts'), planted.join('\n'));
    writeFileSync(join(dir, 'ok.ts'), ['// innerHTML is mentioned in a comment only', ' * eval( in JSDoc', 'csvParseRows(text);', 'el.style.setProperty("--w", "1px");'].join('\n'));
    const findings = scan(dir, []);
    const lines = new Set(findings.map((f) => f.line));
    assert.equal(findings.every((f) => f.path.endsWith('bad.ts')), true, 'comments and safe APIs are not findings');
    for (let i = 1; i <= planted.length; i++) assert.ok(lines.has(i), `line ${i} (${planted[i - 1]}) not caught`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
