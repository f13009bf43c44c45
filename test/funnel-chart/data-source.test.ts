import '../../src/funnel-chart.js';
import { runDataSourceSuite } from '../suites/data-source.suite.js';

runDataSourceSuite({
  tag: 'funnel-chart',
  valid: { name: 'Signup funnel', steps: [{ name: 'Visit', value: 1000 }, { name: 'Sign up', value: 120 }] },
  invalid: { data: { name: 'F', steps: [{ name: 'A', value: 'abc' }] }, path: 'steps[0].value' },
  csv: { text: 'name,value\nVisit,1000\nSign up,120\n', expect: 'Sign up' },
  fixture: '/test/fixtures/funnel-chart.json',
});
