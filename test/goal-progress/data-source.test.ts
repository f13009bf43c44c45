import '../../src/goal-progress.js';
import { runDataSourceSuite } from '../suites/data-source.suite.js';

runDataSourceSuite({
  tag: 'goal-progress',
  valid: {
    name: 'Grow weekly active teams', metric: 'Weekly active teams', baseline: 10000, target: 15000, value: 12400,
    start: '2026-10-01', deadline: '2026-12-31',
    series: [['2026-10-01', 10000], ['2026-10-22', 11000], ['2026-11-12', 12000], ['2026-11-19', 12400]],
  },
  invalid: { data: { name: 'Grow weekly active teams', baseline: 10000, target: 15000, value: 12400, start: '2026-10-01', deadline: '2026-09-01' }, path: 'deadline' },
  fixture: '/test/fixtures/goal-progress.json',
});
