import { expect } from '@open-wc/testing';
import { looksLikeCsv, parseCsv, parseJson } from '../../src/core/parse.js';

describe('core/parse', () => {
  it('parses JSON', () => {
    expect(parseJson('{"a":1}', 'inline JSON')).to.deep.equal({ ok: true, value: { a: 1 } });
  });
  it('turns a JSON syntax error into an issue at the label', () => {
    const result = parseJson('{"a":', 'inline JSON');
    expect(result.ok).to.equal(false);
    if (!result.ok) {
      expect(result.issue.path).to.equal('inline JSON');
      expect(result.issue.message).to.match(/^SyntaxError/);
    }
  });
  it('reports empty text', () => {
    expect(parseJson('  \n', 'data attribute')).to.deep.equal({ ok: false, issue: { path: 'data attribute', message: 'empty, expected JSON' } });
  });
  it('parses CSV rows keyed by trimmed header, skipping blank lines', () => {
    const rows = parseCsv('\uFEFFdate, value ,name\n2026-11-09,11900,"Weekly, active"\n\n2026-11-16,12840,\n');
    expect(rows.map((r) => ({ ...r }))).to.deep.equal([
      { date: '2026-11-09', value: '11900', name: 'Weekly, active' },
      { date: '2026-11-16', value: '12840', name: '' },
    ]);
  });
  it('fills missing cells with "" and ignores __proto__ columns', () => {
    const rows = parseCsv('date,value,__proto__\n2026-11-09\n');
    expect({ ...rows[0] }).to.deep.equal({ date: '2026-11-09', value: '' });
    expect(Object.getPrototypeOf(rows[0])).to.equal(null);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
  it('parses quoted fields with newlines and escaped quotes', () => {
    const rows = parseCsv('name,value\n"Line\nbreak ""x""",1\n');
    expect(rows[0].name).to.equal('Line\nbreak "x"');
  });
  it('returns no rows for a header only or empty text', () => {
    expect(parseCsv('date,value\n')).to.deep.equal([]);
    expect(parseCsv('')).to.deep.equal([]);
  });
  it('recognises CSV by content type or extension', () => {
    expect(looksLikeCsv('text/csv; charset=utf-8', '/x')).to.equal(true);
    expect(looksLikeCsv(null, '/data/wat.csv?v=2')).to.equal(true);
    expect(looksLikeCsv('application/json', '/data/wat.json')).to.equal(false);
  });
});
