import { expect } from '@open-wc/testing';
import { normalizeTree, type MetricTreeData } from '../../src/metric-tree/tree-data.js';
import { layoutTree, type LayoutLink, type LayoutNode, type TreeLayout } from '../../src/metric-tree/tree-layout.js';
import { AGGREGATE_BELOW, aggregatePaths, centreOn, isAggregate, rectPath } from '../../src/metric-tree/tree-lod.js';

function node(id: string, x: number, y: number, width: number, height: number, parentId: string | null = null): LayoutNode {
  return { id, x, y, width, height, depth: parentId ? 1 : 0, parentId, posinset: 1, setsize: 1, shownChildren: 0 };
}
function link(id: string, parentId: string, d: string): LayoutLink {
  return { id, parentId, d, mid: [0, 0], label: [0, 0], labelAnchor: 'start', bounds: { x0: 0, y0: 0, x1: 0, y1: 0 } };
}

describe('tree-lod', () => {
  it('draws a card as one closed rectangle sub-path, rounded to 0.1 px', () => {
    expect(rectPath(node('a', 10, 20, 148, 60))).to.equal('M10,20h148v60h-148z');
    expect(rectPath(node('a', -0.04, 1.26, 150.55, 82))).to.equal('M0,1.3h150.6v82h-150.6z');
  });

  it('groups a tiny layout into one path per card class and per link class, in first-seen order', () => {
    const nodes = [node('r', 0, 0, 100, 60), node('a', -80, 140, 100, 60, 'r'), node('b', 80, 140, 120, 82, 'r'), node('c', 200, 140, 100, 60, 'r')];
    const layout: TreeLayout = {
      orientation: 'vertical',
      nodes,
      byId: new Map(nodes.map((n) => [n.id, n])),
      links: [link('a', 'r', 'M50,60C50,100 -30,100 -30,140'), link('b', 'r', 'M50,60C50,100 140,100 140,140'), link('c', 'r', 'M50,60C50,100 250,100 250,140')],
      bounds: { x0: -80, y0: 0, x1: 300, y1: 222 },
    };
    const classes: Record<string, string> = { r: 'node north-star', a: 'node', b: 'node top-driver', c: 'node' };
    const paths = aggregatePaths(layout, (n) => classes[n.id], (l) => (l.id === 'c' ? 'link formula negative' : 'link formula positive'));
    expect(paths.nodes).to.deep.equal([
      { className: 'node north-star', d: 'M0,0h100v60h-100z' },
      { className: 'node', d: 'M-80,140h100v60h-100zM200,140h100v60h-100z' },
      { className: 'node top-driver', d: 'M80,140h120v82h-120z' },
    ]);
    expect(paths.links).to.deep.equal([
      { className: 'link formula positive', d: 'M50,60C50,100 -30,100 -30,140M50,60C50,100 140,100 140,140' },
      { className: 'link formula negative', d: 'M50,60C50,100 250,100 250,140' },
    ]);
  });

  it('covers every shown node and link of a real layout exactly once', () => {
    const raw = { nodes: [{ id: 'r', name: 'R' }, ...Array.from({ length: 40 }, (_, i) => ({ id: `n${i}`, name: `N${i}`, parent: i < 5 ? 'r' : `n${i % 5}` }))] };
    const tree = normalizeTree(raw).value as MetricTreeData;
    const layout = layoutTree(tree, () => true, () => ({ width: 150, height: 60 }), { orientation: 'horizontal' });
    const paths = aggregatePaths(layout, (n) => (n.depth % 2 ? 'odd' : 'even'), () => 'link');
    const count = (list: { d: string }[]) => list.reduce((sum, p) => sum + (p.d.match(/M/g) ?? []).length, 0);
    expect(count(paths.nodes)).to.equal(layout.nodes.length);
    expect(layout.nodes.length).to.equal(41);
    expect(count(paths.links)).to.equal(layout.links.length);
    expect(layout.links.length).to.equal(40);
    expect(paths.nodes.map((p) => p.className)).to.deep.equal(['even', 'odd']);
    expect(paths.links.map((p) => p.d).join('')).to.equal(layout.links.map((l) => l.d).join(''));
  });

  it('switches to the overview below a scale where a card is a few px tall', () => {
    expect(isAggregate(0.001)).to.equal(true);
    expect(isAggregate(AGGREGATE_BELOW - 1e-6)).to.equal(true);
    expect(isAggregate(AGGREGATE_BELOW)).to.equal(false);
    expect(60 * AGGREGATE_BELOW).to.be.at.most(4);
  });

  it('centres a rectangle in the view at a given scale', () => {
    expect(centreOn({ x0: 100, y0: 200, x1: 300, y1: 260 }, 600, 400, 1)).to.deep.equal({ k: 1, x: 100, y: -30 });
    expect(centreOn({ x0: 100, y0: 200, x1: 300, y1: 260 }, 600, 400, 0.5)).to.deep.equal({ k: 0.5, x: 200, y: 85 });
  });
});
