#!/usr/bin/env node
// Writes the README's API reference (attributes, properties, methods, events, parts, custom properties of
// each element) from custom-elements.json, so the README cannot drift from the code's JSDoc.
//   node scripts/api-docs.mjs           rewrite the section between the markers in README.md
//   node scripts/api-docs.mjs --check   exit 1 when README.md is out of step (run by the page tests)
// custom-elements.json is written by `npm run build`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BEGIN = '<!-- api:begin (generated from custom-elements.json by npm run docs; do not edit by hand) -->';
export const END = '<!-- api:end -->';
const ORDER = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'];

/** Table cells: one line, pipes escaped. */
const cell = (text) => String(text ?? '').replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|').trim();
const code = (text) => (text ? '`' + String(text).replace(/\s*\n\s*/g, ' ').trim() + '`' : '');
const typeOf = (item) => item.type?.text ?? '';
const isPublic = (member) => !member.privacy || member.privacy === 'public';

function table(headers, rows) {
  if (!rows.length) return '';
  return [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

function elementSection(decl) {
  const attributes = decl.attributes ?? [];
  const attributeFields = new Set(attributes.map((a) => a.fieldName));
  const members = (decl.members ?? []).filter((m) => isPublic(m) && !m.static && !m.name.startsWith('_'));
  const properties = members.filter((m) => m.kind === 'field' && !attributeFields.has(m.name));
  const methods = members.filter((m) => m.kind === 'method');
  const own = (list) => (list ?? []).filter((x) => !x.inheritedFrom);
  const out = [`### \`<${decl.tagName}>\``, '', cell(decl.summary ?? decl.description), '', `Details, data format and examples: [docs/${decl.tagName}.md](docs/${decl.tagName}.md).`, ''];
  const sections = [
    ['Attributes', table(['attribute', 'property', 'type', 'default', 'description'],
      attributes.map((a) => [code(a.name), code(a.fieldName), code(typeOf(a)), code(a.default), a.description]))],
    ['Properties', table(['property', 'type', 'description'],
      properties.map((p) => [code(p.name) + (p.readonly ? ' (read-only)' : ''), code(typeOf(p)), p.description]))],
    ['Methods', table(['method', 'returns', 'description'],
      methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), code(m.return?.type?.text), m.description]))],
    ['Events', table(['event', 'detail', 'description'],
      (decl.events ?? []).map((e) => [code(e.name), code(typeOf(e)), e.description]))],
    ['CSS parts', table(['part', 'description'], (decl.cssParts ?? []).map((p) => [code(p.name), p.description]))],
    ['CSS custom properties (besides the shared `--nsw-*` tokens)', table(['property', 'default', 'description'],
      own(decl.cssProperties).map((p) => [code(p.name), code(p.default), p.description]))],
  ];
  for (const [title, body] of sections) if (body) out.push(`**${title}**`, '', body, '');
  return out.join('\n');
}

/** The generated markdown, from the manifest object. */
export function apiMarkdown(manifest) {
  const decls = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => ORDER.indexOf(a.tagName) - ORDER.indexOf(b.tagName));
  // The theme tokens are declared once, on the base class, and shared by all four elements.
  const tokens = (decls[0]?.cssProperties ?? []).filter((p) => p.inheritedFrom && p.name.startsWith('--nsw-'));
  return [
    BEGIN,
    '',
    '### Shared theme tokens',
    '',
    'Every element reads these custom properties (set them on the element or on any ancestor, e.g. `:root`).',
    '',
    table(['property', 'light default', 'description'], tokens.map((p) => [code(p.name), code(p.default), p.description])),
    '',
    ...decls.map(elementSection),
    END,
  ].join('\n');
}

export function readmeWithApi(readme, manifest) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error('README.md has no api:begin / api:end markers');
  return readme.slice(0, start) + apiMarkdown(manifest) + readme.slice(end + END.length);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  const readmePath = join(root, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const next = readmeWithApi(readme, manifest);
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      console.error('README.md API reference is out of step with custom-elements.json: run npm run docs');
      process.exit(1);
    }
    console.log('README.md API reference matches custom-elements.json');
  } else if (next !== readme) {
    writeFileSync(readmePath, next);
    console.log('README.md API reference updated');
  } else console.log('README.md API reference already up to date');
}
