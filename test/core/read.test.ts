import { expect } from '@open-wc/testing';
import type { Issue } from '../../src/core/issues.js';
import { describeValue, field, formatIssue, isRecord, joinPath } from '../../src/core/issues.js';
import {
  errorText, readDate, readEnum, readFormat, readHref, readNumber, readSeries, readString, toNumber, toTime,
} from '../../src/core/read.js';

describe('core/issues', () => {
  it('joins paths the way the data nests', () => {
    expect(joinPath('data', 'value')).to.equal('value');
    expect(joinPath('', 'value')).to.equal('value');
    expect(joinPath('steps', 2)).to.equal('steps[2]');
    expect(joinPath('steps[2]', 'value')).to.equal('steps[2].value');
    expect(joinPath('data', 0)).to.equal('data[0]');
  });
  it('describes bad values briefly and safely', () => {
    expect(describeValue(undefined)).to.equal('nothing');
    expect(describeValue(null)).to.equal('null');
    expect(describeValue('abc')).to.equal('"abc"');
    expect(describeValue(NaN)).to.equal('NaN');
    expect(describeValue([1])).to.equal('an array');
    expect(describeValue({})).to.equal('an object');
    expect(describeValue('x'.repeat(100))).to.have.length.below(45);
  });
  it('formats an issue as "path: message"', () => {
    expect(formatIssue({ path: 'steps[2].value', message: 'bad' })).to.equal('steps[2].value: bad');
  });
  it('reads own fields only and never __proto__ / constructor', () => {
    const raw = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "a": 1}');
    expect(field(raw, '__proto__')).to.equal(undefined);
    expect(field(raw, 'constructor')).to.equal(undefined);
    expect(field(raw, 'prototype')).to.equal(undefined);
    expect(field(raw, 'a')).to.equal(1);
    expect(field({}, 'toString')).to.equal(undefined);
    expect(isRecord([])).to.equal(false);
    expect(isRecord(null)).to.equal(false);
    expect(isRecord({})).to.equal(true);
  });
});

describe('core/read: numbers', () => {
  const rejected: Array<[unknown, string]> = [
    [NaN, 'NaN'], [Infinity, 'Infinity'], [-Infinity, '-Infinity'], [null, 'null'], ['abc', '"abc"'], ['0x10', '"0x10"'],
    ['1e400', '"1e400"'], ['1,234', '"1,234"'], ['1.234,5', '"1.234,5"'], [true, 'true'], [{}, 'an object'], [[1], 'an array'],
    ['12 teams', '"12 teams"'], ['Infinity', '"Infinity"'], ['NaN', '"NaN"'],
  ];
  for (const [value, shown] of rejected) {
    it(`rejects ${shown} with the path and the value`, () => {
      const issues: Issue[] = [];
      expect(readNumber(value, 'steps[2].value', issues)).to.equal(undefined);
      expect(issues).to.deep.equal([{ path: 'steps[2].value', message: `expected a number, got ${shown}` }]);
    });
  }
  it('rejects "" and " " when required, and treats them as absent otherwise', () => {
    for (const blank of ['', ' ']) {
      const issues: Issue[] = [];
      expect(readNumber(blank, 'value', issues, { required: true })).to.equal(undefined);
      expect(issues).to.have.length(1);
      expect(issues[0].path).to.equal('value');
      const optional: Issue[] = [];
      expect(readNumber(blank, 'value', optional)).to.equal(undefined);
      expect(optional).to.deep.equal([]);
    }
  });
  it('accepts finite numbers and strict decimal strings', () => {
    const issues: Issue[] = [];
    expect(readNumber('1234.5', 'v', issues)).to.equal(1234.5);
    expect(readNumber(' -3 ', 'v', issues)).to.equal(-3);
    expect(readNumber('1e6', 'v', issues)).to.equal(1e6);
    expect(readNumber('.5', 'v', issues)).to.equal(0.5);
    expect(readNumber(0, 'v', issues)).to.equal(0);
    expect(readNumber(-0.25, 'v', issues)).to.equal(-0.25);
    expect(issues).to.deep.equal([]);
    expect(toNumber('+7')).to.equal(7);
    expect(toNumber('0x10')).to.equal(undefined);
  });
  it('reports a missing required number', () => {
    const issues: Issue[] = [];
    readNumber(undefined, 'steps[0].value', issues, { required: true, nonNegative: true });
    expect(issues).to.deep.equal([{ path: 'steps[0].value', message: 'required, expected a non-negative number' }]);
  });
  it('checks non-negative and ranges', () => {
    const issues: Issue[] = [];
    expect(readNumber(-1, 'steps[2].value', issues, { nonNegative: true })).to.equal(undefined);
    expect(readNumber('abc', 'steps[2].value', issues, { nonNegative: true })).to.equal(undefined);
    expect(readNumber(1.5, 'weight', issues, { min: 0, max: 1 })).to.equal(undefined);
    expect(issues.map((i) => i.message)).to.deep.equal([
      'expected a non-negative number, got -1',
      'expected a non-negative number, got "abc"',
      'expected a number from 0 to 1, got 1.5',
    ]);
  });
});

describe('core/read: text, dates, enums, formats, links', () => {
  it('reads strings, numbers as text, and reports the rest', () => {
    const issues: Issue[] = [];
    expect(readString('x', 'name', issues)).to.equal('x');
    expect(readString(42, 'name', issues)).to.equal('42');
    expect(readString(null, 'name', issues)).to.equal(undefined);
    expect(readString({}, 'name', issues)).to.equal(undefined);
    expect(readString(undefined, 'name', issues, true)).to.equal(undefined);
    expect(readString('  ', 'name', issues, true)).to.equal(undefined);
    expect(issues).to.deep.equal([
      { path: 'name', message: 'expected text, got an object' },
      { path: 'name', message: 'required, expected text' },
      { path: 'name', message: 'required, expected non-empty text' },
    ]);
  });
  it('reads ISO 8601 dates and epoch milliseconds', () => {
    expect(toTime('2026-11-20')).to.equal(Date.UTC(2026, 10, 20));
    expect(toTime('2026-11-20T08:00:00Z')).to.equal(Date.UTC(2026, 10, 20, 8));
    expect(toTime(Date.UTC(2026, 0, 1))).to.equal(Date.UTC(2026, 0, 1));
    expect(toTime('20 Nov 2026')).to.equal(undefined);
    expect(toTime('2026-13-45')).to.equal(undefined);
    expect(toTime(NaN)).to.equal(undefined);
    const issues: Issue[] = [];
    readDate('yesterday', 'updated', issues);
    expect(issues).to.deep.equal([{ path: 'updated', message: 'expected an ISO 8601 date or epoch milliseconds, got "yesterday"' }]);
  });
  it('reads enums with a fallback', () => {
    const issues: Issue[] = [];
    expect(readEnum('decrease', 'direction', issues, ['increase', 'decrease'] as const, 'increase')).to.equal('decrease');
    expect(readEnum(undefined, 'direction', issues, ['increase', 'decrease'] as const, 'increase')).to.equal('increase');
    expect(readEnum('up', 'direction', issues, ['increase', 'decrease'] as const, 'increase')).to.equal('increase');
    expect(issues).to.deep.equal([{ path: 'direction', message: 'expected one of "increase", "decrease", got "up"; using "increase"' }]);
  });
  it('validates Intl.NumberFormat options and drops unknown keys', () => {
    const issues: Issue[] = [];
    expect(readFormat({ style: 'percent', maximumFractionDigits: 1, evil: 'x' }, 'format', issues)).to.deep.equal({
      style: 'percent', maximumFractionDigits: 1,
    });
    expect(readFormat({ style: 'currency' }, 'format', issues)).to.equal(undefined);
    expect(readFormat({ maximumFractionDigits: 500 }, 'format', issues)).to.equal(undefined);
    expect(readFormat({ style: 'currency', currency: 'XXXX1' }, 'format', issues)).to.equal(undefined);
    expect(readFormat({ notation: 'bogus' }, 'format', issues)).to.equal(undefined);
    expect(readFormat('percent', 'format', issues)).to.equal(undefined);
    expect(issues).to.have.length(5);
    for (const issue of issues) {
      expect(issue.path).to.equal('format');
      expect(issue.message).to.match(/using the default format$/);
    }
    expect(issues[0].message).to.match(/^TypeError/);
    expect(issues[1].message).to.match(/^RangeError/);
  });
  it('ignores __proto__ inside format', () => {
    const issues: Issue[] = [];
    const format = readFormat(JSON.parse('{"__proto__": {"polluted": 1}, "style": "decimal"}'), 'format', issues);
    expect(format).to.deep.equal({ style: 'decimal' });
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
  it('keeps only safe links', () => {
    const issues: Issue[] = [];
    expect(readHref('https://ok.example/x', 'href', issues)).to.equal('https://ok.example/x');
    expect(readHref('javascript:alert(1)', 'href', issues)).to.equal(undefined);
    expect(issues).to.deep.equal([
      { path: 'href', message: 'only http(s) and relative links are followed, got "javascript:alert(1)"; link removed' },
    ]);
  });
  it('describes errors', () => {
    expect(errorText(new TypeError('boom'))).to.equal('TypeError: boom');
    expect(errorText('plain')).to.equal('plain');
  });
});

describe('core/read: series', () => {
  it('reads objects and pairs, sorted by date', () => {
    const issues: Issue[] = [];
    const series = readSeries([{ date: '2026-11-16', value: 2 }, ['2026-11-09', '1'], { date: Date.UTC(2026, 10, 23), value: 3 }], 'series', issues);
    expect(series.map((p) => p.value)).to.deep.equal([1, 2, 3]);
    expect(series[0].date).to.equal(Date.UTC(2026, 10, 9));
    expect(issues).to.deep.equal([]);
  });
  it('drops a bad point with its path and keeps the rest', () => {
    const issues: Issue[] = [];
    const series = readSeries([['2026-11-09', 1], { date: '2026-11-16', value: 'abc' }, 7, { date: 'soon', value: 3 }], 'series', issues);
    expect(series).to.have.length(1);
    expect(issues).to.deep.equal([
      { path: 'series[1].value', message: 'expected a number, got "abc"; point dropped' },
      { path: 'series[2]', message: 'expected {date, value} or [date, value], got 7; point dropped' },
      { path: 'series[3].date', message: 'expected an ISO 8601 date or epoch milliseconds, got "soon"; point dropped' },
    ]);
  });
  it('reports a series that is not an array and treats null as empty', () => {
    const issues: Issue[] = [];
    expect(readSeries({}, 'series', issues)).to.deep.equal([]);
    expect(readSeries(null, 'series', issues)).to.deep.equal([]);
    expect(issues).to.deep.equal([{ path: 'series', message: 'expected an array of {date, value} points, got an object' }]);
  });
});
