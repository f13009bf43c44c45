import '../../src/metric-tree.js';
import { runDataSourceSuite } from '../suites/data-source.suite.js';

runDataSourceSuite({
  tag: 'metric-tree',
  valid: {
    name: 'Weekly active teams', value: 12840, previous: 11900, formula: 'sum', comparison: 'vs last week',
    children: [
      { name: 'New teams', value: 1420, previous: 1000 },
      { name: 'Retained teams', value: 11710, previous: 11100 },
      { name: 'Churned teams', value: 290, previous: 200, relation: 'negative', direction: 'decrease' },
    ],
  },
  invalid: { data: { nodes: [{ id: 'b', name: 'B', parent: 'c' }, { id: 'c', name: 'C', parent: 'b' }] }, path: 'nodes' },
  fixture: '/test/fixtures/tree-north-star.json',
  csv: { text: 'id,parent,name,value,previous\nwat,,CSV teams,12840,11900\nnew,wat,New teams,1420,1000\n', expect: 'CSV teams' },
});
