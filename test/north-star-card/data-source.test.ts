import '../../src/north-star-card.js';
import { runDataSourceSuite } from '../suites/data-source.suite.js';

runDataSourceSuite({
  tag: 'north-star-card',
  valid: {
    name: 'Weekly active teams', value: 12840, previous: 11900, target: 15000, unit: 'teams', comparison: 'vs last week',
    series: [['2026-11-02', 11591], ['2026-11-09', 11900], ['2026-11-16', 12840]],
  },
  invalid: { data: { name: 'Weekly active teams', value: 'abc' }, path: 'value' },
  fixture: '/test/fixtures/north-star-card.json',
  csv: { text: 'date,value,name\n2026-11-09,11900,CSV teams\n2026-11-16,12840,\n', expect: 'CSV teams' },
});
