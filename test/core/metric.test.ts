import { expect } from '@open-wc/testing';
import type { Issue } from '../../src/core/issues.js';
import { idFromName } from '../../src/core/ids.js';
import { isRate, readMetric, readMetricList } from '../../src/core/metric.js';

describe('core/metric', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it('reads a full metric', () => {
    const issues: Issue[] = [];
    const metric = readMetric(
      {
        name: 'Weekly active teams', value: '12840', previous: 11900, target: 15000, direction: 'increase', unit: 'teams',
        format: { maximumFractionDigits: 0 }, series: [['2026-11-16', 11900]], description: 'd', owner: 'o', href: '/wat',
        updated: '2026-11-23T06:00:00Z', extra: 'ignored',
      },
      'data', issues,
    );
    expect(issues).to.deep.equal([]);
    expect(metric).to.deep.include({ id: 'weekly-active-teams', name: 'Weekly active teams', value: 12840, previous: 11900, target: 15000, unit: 'teams', href: '/wat' });
    expect(metric!.updated).to.equal(Date.UTC(2026, 10, 23, 6));
  });

  const bad: Array<[unknown, string]> = [
    [NaN, 'expected a number, got NaN'], [Infinity, 'expected a number, got Infinity'], [null, 'expected a number, got null'],
    ['abc', 'expected a number, got "abc"'], ['0x10', 'expected a number, got "0x10"'], ['1e400', 'expected a number, got "1e400"'],
    ['1,234', 'expected a number, got "1,234"'],
    ['', 'required, expected a number (or a series to take the latest value from)'],
    [' ', 'required, expected a number (or a series to take the latest value from)'],
  ];
  for (const [value, message] of bad) {
    it(`rejects value ${JSON.stringify(String(value))} when a value is required`, () => {
      const issues: Issue[] = [];
      expect(readMetric({ name: 'X', value }, 'data', issues, { requireValue: true })).to.equal(undefined);
      expect(issues).to.deep.equal([{ path: 'value', message }]);
    });
  }

  it('takes the value from the last series point when value is absent', () => {
    const issues: Issue[] = [];
    const metric = readMetric({ name: 'X', series: [['2026-11-16', 5], ['2026-11-09', 4]] }, 'data', issues, { requireValue: true });
    expect(metric!.value).to.equal(5);
  });

  it('requires a name', () => {
    const issues: Issue[] = [];
    expect(readMetric({ value: 1 }, 'guardrails[0]', issues)).to.equal(undefined);
    expect(issues).to.deep.equal([{ path: 'guardrails[0].name', message: 'required, expected text' }]);
  });

  it('drops bad optional fields with issues and keeps the metric', () => {
    const issues: Issue[] = [];
    const metric = readMetric({ name: 'X', value: 1, previous: 'n/a', direction: 'up', href: 'javascript:x' }, 'data', issues);
    expect(metric!.previous).to.equal(undefined);
    expect(metric!.direction).to.equal('increase');
    expect(metric!.href).to.equal(undefined);
    expect(issues.map((i) => i.path)).to.deep.equal(['previous', 'direction', 'href']);
  });

  it('reads lists, dropping metrics that cannot be shown', () => {
    const issues: Issue[] = [];
    const list = readMetricList([{ name: 'A', value: 1 }, { name: 'B', value: 'abc' }, 'x'], 'inputs', issues, { requireValue: true });
    expect(list.map((m) => m.name)).to.deep.equal(['A']);
    expect(issues).to.deep.equal([
      { path: 'inputs[1].value', message: 'expected a number, got "abc"; metric dropped' },
      { path: 'inputs[2]', message: 'expected a metric object, got "x"; metric dropped' },
    ]);
    expect(readMetricList({}, 'inputs', [])).to.deep.equal([]);
  });

  it('leaves Object.prototype untouched by __proto__ / constructor payloads', () => {
    const raw = JSON.parse(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}}, "name": "X", "value": 1,' +
        ' "format": {"__proto__": {"polluted": 1}}, "series": [{"__proto__": {"polluted": 1}, "date": "2026-01-01", "value": 1}]}',
    );
    const issues: Issue[] = [];
    const metric = readMetric(raw, 'data', issues);
    readMetric(raw, 'data', issues);
    expect(metric!.name).to.equal('X');
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).to.equal(false);
  });

  it('knows rates and derives ids', () => {
    expect(isRate({ style: 'percent' })).to.equal(true);
    expect(isRate({ style: 'decimal' })).to.equal(false);
    expect(isRate(undefined)).to.equal(false);
    expect(idFromName('Weekly active teams')).to.equal('weekly-active-teams');
    expect(idFromName('p95 page load (s)')).to.equal('p95-page-load-s');
    expect(idFromName('!!!')).to.equal('metric');
  });
});
