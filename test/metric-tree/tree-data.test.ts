import { expect } from '@open-wc/testing';
import { formatIssue } from '../../src/core/issues.js';
import { normalizeTree, pathToRoot } from '../../src/metric-tree/tree-data.js';

const messages = (issues: Array<{ path: string; message: string }>) => issues.map(formatIssue);

describe('metric-tree/tree-data: nested input', () => {
  it('reads a nested tree with ids, depths, pre-order and descendant counts', () => {
    const { value, issues } = normalizeTree({
      name: 'Weekly active teams', value: 12840, previous: 11900, formula: 'sum', kind: 'north-star', comparison: 'vs last week',
      children: [
        { name: 'New teams', value: 1420, previous: 1000, children: [{ name: 'Signups', value: 3380 }, { name: 'Activation rate', value: 0.42 }] },
        { name: 'Retained teams', value: '11710', previous: 11100 },
        { name: 'Churned teams', value: 290, previous: 200, relation: 'negative', weight: 0.2 },
      ],
    });
    expect(issues).to.deep.equal([]);
    const tree = value!;
    expect(tree.rootId).to.equal('weekly-active-teams');
    expect(tree.comparison).to.equal('vs last week');
    expect(tree.order).to.deep.equal(['weekly-active-teams', 'new-teams', 'signups', 'activation-rate', 'retained-teams', 'churned-teams']);
    const root = tree.nodes.get('weekly-active-teams')!;
    expect(root.descendants).to.equal(5);
    expect(root.formula).to.equal('sum');
    expect(root.kind).to.equal('north-star');
    expect(tree.nodes.get('signups')!.depth).to.equal(2);
    expect(tree.nodes.get('signups')!.parentId).to.equal('new-teams');
    expect(tree.nodes.get('retained-teams')!.value).to.equal(11710);
    expect(tree.nodes.get('churned-teams')!.relation).to.equal('negative');
    expect(tree.nodes.get('churned-teams')!.weight).to.equal(0.2);
    expect(tree.height).to.equal(2);
    expect(pathToRoot(tree, 'signups')).to.deep.equal(['signups', 'new-teams', 'weekly-active-teams']);
  });

  it('drops a bad field only (value "abc"), keeping the node', () => {
    const { value, issues } = normalizeTree({ name: 'Root', children: [{ name: 'A', value: 'abc', previous: 3 }] });
    expect(messages(issues)).to.deep.equal(['children[0].value: expected a number, got "abc"']);
    expect(value!.nodes.get('a')!.value).to.equal(undefined);
    expect(value!.nodes.get('a')!.previous).to.equal(3);
  });

  it('drops a node without a name with its subtree, reported by id', () => {
    const { value, issues } = normalizeTree({
      name: 'Root',
      children: [{ id: 'ghost', value: 1, children: [{ name: 'Lost' }, { name: 'Lost too' }] }, { name: 'Kept' }],
    });
    expect(messages(issues)).to.deep.equal(['children[0] (id "ghost"): has no name (required, expected text); dropped with the 2 nodes beneath it']);
    expect([...value!.nodes.keys()]).to.deep.equal(['root', 'kept']);
  });

  it('rejects a root without a name', () => {
    const { value, issues } = normalizeTree({ value: 3, children: [] });
    expect(value).to.equal(null);
    expect(messages(issues)[0]).to.match(/^data: the root has no name/);
  });

  it('makes derived ids unique silently and renames an explicit duplicate with an issue', () => {
    const { value, issues } = normalizeTree({
      name: 'Root',
      children: [{ name: 'Rate' }, { name: 'Rate' }, { id: 'x', name: 'X1' }, { id: 'x', name: 'X2' }],
    });
    expect([...value!.nodes.keys()]).to.deep.equal(['root', 'rate', 'rate-2', 'x', 'x-2']);
    expect(messages(issues)).to.deep.equal(['children[3] (id "x"): duplicate id (also at children[2]); renamed "x-2"']);
  });

  it('reports a JS reference cycle by id instead of hanging', () => {
    const a: Record<string, unknown> = { id: 'a', name: 'A' };
    const b: Record<string, unknown> = { id: 'b', name: 'B' };
    const c: Record<string, unknown> = { id: 'c', name: 'C', children: [a] };
    a.children = [b];
    b.children = [c];
    const { value, issues } = normalizeTree(a);
    expect(messages(issues)).to.deep.equal(['children[0].children[0].children[0] (id "a"): cycle a → b → c → a (an object that contains itself); the repeated link is dropped']);
    expect(value!.order).to.deep.equal(['a', 'b', 'c']);
  });

  it('reports an object shared by two parents once', () => {
    const shared = { name: 'Shared' };
    const { value, issues } = normalizeTree({ name: 'Root', children: [{ name: 'P', children: [shared] }, { name: 'Q', children: [shared] }] });
    expect(messages(issues)).to.deep.equal(['children[1].children[0]: the same node object appears twice in the tree; the second occurrence is dropped']);
    expect(value!.nodes.size).to.equal(4);
  });

  it('walks a 20,000-deep chain without recursion', () => {
    const root: Record<string, unknown> = { id: 'n0', name: 'n0' };
    let cursor = root;
    for (let i = 1; i < 20000; i++) {
      const next = { id: `n${i}`, name: `n${i}` };
      cursor.children = [next];
      cursor = next;
    }
    const { value, issues } = normalizeTree(root);
    expect(issues).to.deep.equal([]);
    expect(value!.height).to.equal(19999);
    expect(value!.nodes.get('n0')!.descendants).to.equal(19999);
    expect(pathToRoot(value!, 'n19999')).to.have.length(20000);
  });

  it('reads tree fields and reports bad ones', () => {
    const { value, issues } = normalizeTree({
      name: 'Root', formula: 'mean', children: [{ name: 'A', relation: 'sideways', weight: 1.5, kind: 7 }],
    });
    expect(messages(issues)).to.deep.equal([
      'formula: expected "sum" or "product", got "mean"; links shown as hypothesised',
      'children[0].relation: expected one of "positive", "negative", got "sideways"; using "positive"',
      'children[0].weight: expected a number from 0 to 1, got 1.5',
    ]);
    const a = value!.nodes.get('a')!;
    expect(a.relation).to.equal('positive');
    expect(a.weight).to.equal(undefined);
    expect(a.kind).to.equal('7');
    expect(value!.nodes.get('root')!.formula).to.equal(undefined);
  });

  it('rejects what is not a tree', () => {
    expect(messages(normalizeTree(42).issues)).to.deep.equal(['data: expected a root node object or { "nodes": [...] }, got 42']);
    expect(normalizeTree(null).value).to.equal(null);
    expect(messages(normalizeTree({ nodes: [] }).issues)).to.deep.equal(['nodes: expected at least one node']);
  });

  it('ignores __proto__ in node data', () => {
    const raw = JSON.parse('{"name": "Root", "__proto__": {"polluted": 1}, "children": [{"name": "A", "constructor": {"prototype": {"polluted": 1}}}]}');
    const { value } = normalizeTree(raw);
    expect(value!.nodes.size).to.equal(2);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });
});

describe('metric-tree/tree-data: flat input', () => {
  it('reads { nodes: [{ id, parent }] } in data order, children before parents allowed', () => {
    const { value, issues } = normalizeTree({
      comparison: 'vs last week',
      nodes: [
        { id: 'b', name: 'B', parent: 'a' },
        { id: 'a', name: 'A', value: 10 },
        { id: 'c', name: 'C', parent: 'a' },
        { id: 'd', name: 'D', parent: 'b' },
      ],
    });
    expect(issues).to.deep.equal([]);
    expect(value!.rootId).to.equal('a');
    expect(value!.order).to.deep.equal(['a', 'b', 'd', 'c']);
    expect(value!.nodes.get('d')!.depth).to.equal(2);
    expect(value!.comparison).to.equal('vs last week');
  });

  it('accepts a bare array and numeric ids', () => {
    const { value, issues } = normalizeTree([{ id: 1, name: 'One' }, { id: 2, name: 'Two', parent: 1 }]);
    expect(issues).to.deep.equal([]);
    expect(value!.nodes.get('2')!.parentId).to.equal('1');
  });

  it('reports duplicate ids, a missing parent, a second root and a cycle, each by id', () => {
    const { value, issues } = normalizeTree({
      nodes: [
        { id: 'a', name: 'A' },
        { id: 'x', name: 'X', parent: 'a' },
        { id: 'x', name: 'X again', parent: 'a' },
        { id: 'o', name: 'Orphan', parent: 'nowhere' },
        { id: 'b', name: 'B', parent: 'c' },
        { id: 'c', name: 'C', parent: 'd' },
        { id: 'd', name: 'D', parent: 'b' },
        { id: 'e', name: 'E', parent: 'd' },
        { id: 'r', name: 'Second root' },
        { id: 'r1', name: 'Under second root', parent: 'r' },
      ],
    });
    expect(messages(issues)).to.deep.equal([
      'nodes[2] (id "x"): duplicate id (first at nodes[1]); dropped',
      'nodes[3] (id "o"): parent "nowhere" not found; dropped',
      'nodes[4] (id "b"): cycle b → c → d → b (each → its parent); all 3 dropped with the 1 node beneath it',
      'nodes[8] (id "r"): a second root (a tree has exactly one; the root is "a" at nodes[0]); dropped with the 1 node beneath it',
    ]);
    expect([...value!.nodes.keys()].sort()).to.deep.equal(['a', 'x']);
  });

  it('reports a node that is its own parent', () => {
    const { issues } = normalizeTree({ nodes: [{ id: 'a', name: 'A' }, { id: 's', name: 'S', parent: 's' }] });
    expect(messages(issues)).to.deep.equal(['nodes[1] (id "s"): cycle s → s (its own parent); dropped']);
  });

  it('has no tree when every node has a parent', () => {
    const { value, issues } = normalizeTree({ nodes: [{ id: 'b', name: 'B', parent: 'c' }, { id: 'c', name: 'C', parent: 'd' }, { id: 'd', name: 'D', parent: 'b' }] });
    expect(value).to.equal(null);
    expect(messages(issues)).to.deep.equal([
      'nodes[0] (id "b"): cycle b → c → d → b (each → its parent); all 3 dropped',
      'nodes: no root: every node has a parent (a tree needs one node without "parent")',
    ]);
  });

  it('drops the children of a node without a name', () => {
    const { value, issues } = normalizeTree({ nodes: [{ id: 'a', name: 'A' }, { id: 'g', parent: 'a' }, { id: 'k', name: 'K', parent: 'g' }] });
    expect(messages(issues)).to.deep.equal([
      'nodes[1] (id "g"): has no name (required, expected text); dropped',
      'nodes[2] (id "k"): its parent "g" was dropped (nodes[1]); dropped',
    ]);
    expect(value!.nodes.size).to.equal(1);
  });

  it('reads a 20,000-long flat chain', () => {
    const nodes = Array.from({ length: 20000 }, (_, i) => ({ id: `n${i}`, name: `N${i}`, ...(i ? { parent: `n${i - 1}` } : {}) }));
    const { value, issues } = normalizeTree({ nodes });
    expect(issues).to.deep.equal([]);
    expect(value!.height).to.equal(19999);
  });
});
