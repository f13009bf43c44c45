import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/metric-tree.js';
import type { MetricTree } from '../../src/metric-tree.js';

function northStar(): Record<string, unknown> {
  return {
    id: 'wat', name: 'Weekly active teams', value: 12840, previous: 11900, formula: 'sum', kind: 'north-star', unit: 'teams',
    comparison: 'vs last week', href: '/metrics/wat',
    children: [
      {
        id: 'new', name: 'New teams', value: 1420, previous: 1000, formula: 'product',
        children: [
          { id: 'signups', name: 'Signups', value: 3380, previous: 2500, series: [['2026-11-09', 2500], ['2026-11-16', 3380]] },
          { id: 'activation', name: 'Activation rate', value: 0.42, previous: 0.4, format: { style: 'percent' } },
        ],
      },
      {
        id: 'retained', name: 'Retained teams', value: 11710, previous: 11100,
        children: [
          { id: 'integrations', name: 'Teams using integrations', value: 5240, previous: 4900, weight: 0.5 },
          { id: 'tickets', name: 'Support tickets per team', value: 0.31, previous: 0.34, relation: 'negative', direction: 'decrease', weight: 0.2 },
        ],
      },
      { id: 'churned', name: 'Churned teams', value: 290, previous: 200, relation: 'negative', direction: 'decrease' },
    ],
  };
}

const root = (el: MetricTree) => el.shadowRoot!;
/** The nodes drawn as their own treeitems (not the overview paths of a far-zoomed view). */
const nodes = (el: MetricTree) => [...root(el).querySelectorAll<SVGGElement>('g.node[role="treeitem"]')];
const node = (el: MetricTree, id: string) => nodes(el).find((n) => n.dataset.id === id) ?? null;
/** An element of a node's visible text (drawn in the label layer above the cards, in node order). */
const label = (el: MetricTree, id: string, selector: string) => {
  const index = ids(el).indexOf(id);
  const selectorHere = selector === '.toggle' ? '.toggle-text' : selector;
  return index < 0 ? null : root(el).querySelectorAll('g.node-text')[index].querySelector(selectorHere);
};
const ids = (el: MetricTree) => nodes(el).map((n) => n.dataset.id);
const textOf = (n: Node | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const focused = (el: MetricTree) => (root(el).activeElement as SVGGElement | null)?.dataset?.id ?? null;

// Containers are made by hand rather than with fixture(): it waits for an animation frame, which a
// test page running in the background (web-test-runner runs two files at once) never gets.
const containers: HTMLElement[] = [];
afterEach(() => {
  for (const container of containers.splice(0)) container.remove();
});
function container(): HTMLDivElement {
  const div = document.createElement('div');
  document.body.append(div);
  containers.push(div);
  return div;
}

async function tree(data: unknown, attrs: Record<string, string> = {}, width = 900): Promise<MetricTree> {
  const wrapper = container();
  wrapper.style.width = `${width}px`;
  const el = document.createElement('metric-tree') as MetricTree;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  (el as unknown as { followLink: (href: string) => void }).followLink = () => {};
  el.data = data;
  wrapper.appendChild(el);
  await el.updateComplete;
  await aTimeout(30);
  await el.updateComplete;
  return el;
}

async function key(el: MetricTree, name: string): Promise<void> {
  const target = (root(el).activeElement ?? node(el, 'wat')) as Element;
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true }));
  await el.updateComplete;
  await el.updateComplete;
}

describe('<metric-tree>: rendering', () => {
  it('shows each open node as a card with name, value, change (arrow, sign, judgement) and kind', async () => {
    const el = await tree(northStar(), { 'expand-depth': '2' });
    expect(ids(el)).to.deep.equal(['wat', 'new', 'signups', 'activation', 'retained', 'integrations', 'tickets', 'churned']);
    expect(textOf(label(el, 'wat', '.name'))).to.equal('Weekly active teams');
    expect(textOf(label(el, 'wat', '.value'))).to.equal('12,840 teams');
    expect(textOf(label(el, 'wat', '.change'))).to.equal('▲ +7.9%');
    expect(label(el, 'wat', '.change')!.classList.contains('good')).to.equal(true);
    expect(textOf(label(el, 'wat', '.kind'))).to.equal('north-star');
    // Churned teams rose: bad for a "decrease" metric, still with an arrow and a sign.
    expect(textOf(label(el, 'churned', '.change'))).to.equal('▲ +45%');
    expect(label(el, 'churned', '.change')!.classList.contains('bad')).to.equal(true);
    // A rate's change is in percentage points.
    expect(textOf(label(el, 'activation', '.change'))).to.equal('▲ +2 pp');
    expect(label(el, 'signups', 'path.spark')!.getAttribute('d')).to.match(/^M[\d.]+,[\d.]+L/);
  });

  it('shows a long name in full, its kind pill moved to the value line, clear of the value', async () => {
    const data = northStar();
    (data.children as Array<Record<string, unknown>>)[1].children = [
      { id: 'onboarding', name: 'Onboarding checklist completion', value: 0.61, previous: 0.55, format: { style: 'percent' }, kind: 'hypothesis', weight: 0.6 },
    ];
    const el = await tree(data, { 'expand-depth': '3' });
    expect(textOf(label(el, 'onboarding', '.name'))).to.equal('Onboarding checklist completion');
    const pill = (label(el, 'onboarding', '.kind') as SVGGraphicsElement).getBoundingClientRect();
    const name = (label(el, 'onboarding', '.name') as SVGGraphicsElement).getBoundingClientRect();
    const value = (label(el, 'onboarding', '.value')!.parentElement as unknown as SVGGraphicsElement).getBoundingClientRect();
    const card = (node(el, 'onboarding')!.querySelector('.card') as SVGGraphicsElement).getBoundingClientRect();
    const apart = (a: DOMRect, b: DOMRect) => a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
    expect(apart(pill, name), 'pill clear of the name').to.equal(true);
    expect(apart(pill, value), 'pill clear of the value and change').to.equal(true);
    expect(pill.right).to.be.at.most(card.right);
    expect(name.right).to.be.at.most(card.right);
  });

  it('writes the summary with the top drivers, as the tree description', async () => {
    const el = await tree(northStar());
    expect(el.summary).to.equal('Weekly active teams 12,840 teams, up 7.9% vs last week; top drivers: Retained teams +610, New teams +420');
    const treeEl = root(el).querySelector('[role="tree"]')!;
    expect(root(el).getElementById(treeEl.getAttribute('aria-describedby')!)!.textContent).to.equal(el.summary);
  });

  it('shows contributions on formula links (matching the maths module), the top driver and weights on hypothesised links', async () => {
    const el = await tree(northStar(), { 'expand-depth': '2' });
    const links = [...root(el).querySelectorAll('g.link')];
    const label = (i: number) => textOf(links[i].querySelector('.link-label'));
    const linkOf = (childId: string) => links[ids(el).indexOf(childId) - 1];
    expect(textOf(linkOf('retained').querySelector('.link-label'))).to.equal('★ +610');
    expect(textOf(linkOf('new').querySelector('.link-label'))).to.equal('+420');
    expect(textOf(linkOf('churned').querySelector('.link-label'))).to.equal('−90');
    const contributions = el.contributionData.contributions;
    expect(textOf(linkOf('signups').querySelector('.link-label'))).to.equal(`★ +${Math.round(contributions.get('signups')!.amount)}`);
    expect(textOf(linkOf('activation').querySelector('.link-label'))).to.equal(`+${contributions.get('activation')!.amount.toFixed(1)}`);
    expect(textOf(linkOf('integrations').querySelector('.link-label'))).to.equal('w 0.5');
    expect(label(0)).to.not.equal('');
    // Formula links solid, hypothesised dashed; negative relations with a "−" marker either way.
    expect(linkOf('retained').classList.contains('formula')).to.equal(true);
    expect(linkOf('integrations').classList.contains('hypothesis')).to.equal(true);
    expect(getComputedStyle(linkOf('integrations').querySelector('path')!).strokeDasharray).to.not.equal('none');
    expect(getComputedStyle(linkOf('retained').querySelector('path')!).strokeDasharray).to.equal('none');
    expect(textOf(linkOf('churned').querySelector('.minus'))).to.equal('−');
    expect(textOf(linkOf('tickets').querySelector('.minus'))).to.equal('−');
    expect(linkOf('retained').querySelector('.minus')).to.equal(null);
    expect(node(el, 'retained')!.classList.contains('top-driver')).to.equal(true);
    // Thicker for a larger share of the change.
    const width = (id: string) => Number(linkOf(id).querySelector('path')!.getAttribute('stroke-width'));
    expect(width('retained')).to.be.above(width('new'));
    expect(width('new')).to.be.above(width('churned'));
  });

  it('flags a parent that disagrees with its formula by more than 1 %', async () => {
    const data = northStar();
    data.value = 13500;
    const el = await tree(data);
    expect(textOf(label(el, 'wat', '.flag'))).to.equal('⚠');
    expect(node(el, 'wat')!.getAttribute('aria-label')).to.contain('warning: differs from the sum of its inputs by 5.1%');
    expect(el.summary).to.contain('1 formula off by more than 1%');
    const fine = await tree(northStar());
    expect(label(fine, 'wat', '.flag')).to.equal(null);
  });

  it('has the ARIA tree semantics: one tab stop, levels, set sizes, positions, expanded states', async () => {
    const el = await tree(northStar(), { 'expand-depth': '1' });
    expect(root(el).querySelector('[role="tree"]')!.getAttribute('aria-label')).to.equal('Metric tree: Weekly active teams');
    expect(nodes(el).every((n) => n.getAttribute('role') === 'treeitem')).to.equal(true);
    expect(nodes(el).filter((n) => n.getAttribute('tabindex') === '0').map((n) => n.dataset.id)).to.deep.equal(['wat']);
    const retained = node(el, 'retained')!;
    expect(retained.getAttribute('aria-level')).to.equal('2');
    expect(retained.getAttribute('aria-setsize')).to.equal('3');
    expect(retained.getAttribute('aria-posinset')).to.equal('2');
    expect(retained.getAttribute('aria-expanded')).to.equal('false');
    expect(node(el, 'wat')!.getAttribute('aria-expanded')).to.equal('true');
    expect(node(el, 'churned')!.hasAttribute('aria-expanded')).to.equal(false);
    expect(retained.getAttribute('aria-label')).to.equal(
      'Retained teams; 11,710; up 5.5% vs last week, good; adds to Weekly active teams, contribution +610; top driver; 2 hidden',
    );
  });

  it('sizes the viewport from the height attribute, and the pointer targets are at least 24 px', async () => {
    const el = await tree(northStar(), { height: '300' });
    expect(root(el).querySelector<HTMLElement>('.viewport')!.getBoundingClientRect().height).to.equal(300);
    el.removeAttribute('height');
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('.viewport')!.getBoundingClientRect().height).to.equal(480);
    for (const button of root(el).querySelectorAll('.toolbar button')) {
      const box = button.getBoundingClientRect();
      expect(box.width).to.be.at.least(24);
      expect(box.height).to.be.at.least(24);
    }
    el.fit();
    const toggle = node(el, 'wat')!.querySelector('.toggle')!;
    // Scaled by the view: the pill is 24 px tall at scale 1 (fit() animates there).
    await waitUntil(() => toggle.getAttribute('height') === '24', `toggle 24 px tall after fit(), is ${toggle.getAttribute('height')}`, { timeout: 5000 });
  });
});

describe('<metric-tree>: layout', () => {
  it('stacks leaf inputs in columns with compact="always", side by side with "never", and lays out horizontally', async () => {
    const el = await tree(northStar(), { 'expand-depth': '2', compact: 'never' });
    const x = (id: string) => Number(/translate\(([-\d.]+),/.exec(node(el, id)!.getAttribute('transform')!)![1]);
    const y = (id: string) => Number(/translate\([-\d.]+,([-\d.]+)\)/.exec(node(el, id)!.getAttribute('transform')!)![1]);
    expect(y('signups')).to.equal(y('activation'));
    expect(x('signups')).to.be.below(x('activation'));
    el.compact = 'always';
    await el.updateComplete;
    expect(x('signups')).to.equal(x('activation'));
    expect(y('activation')).to.be.above(y('signups'));
    el.orientation = 'horizontal';
    await el.updateComplete;
    expect(x('new')).to.be.above(x('wat'));
    expect(x('signups')).to.be.above(x('new'));
  });
});

describe('<metric-tree>: expand and collapse', () => {
  it('opens to expand-depth, shows a count of hidden descendants, toggles on click with nsw-toggle', async () => {
    const el = await tree(northStar(), { 'expand-depth': '1' });
    expect(ids(el)).to.deep.equal(['wat', 'new', 'retained', 'churned']);
    expect(textOf(label(el, 'new', '.toggle'))).to.equal('+2');
    const toggled = oneEvent(el, 'nsw-toggle');
    node(el, 'new')!.querySelector('.toggle')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect((await toggled).detail).to.deep.equal({ id: 'new', expanded: true });
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['wat', 'new', 'signups', 'activation', 'retained', 'churned']);
    expect(textOf(label(el, 'new', '.toggle'))).to.equal('−');
    expect(node(el, 'new')!.getAttribute('aria-expanded')).to.equal('true');
    const closed = oneEvent(el, 'nsw-toggle');
    el.toggle('new');
    expect((await closed).detail).to.deep.equal({ id: 'new', expanded: false });
    await el.updateComplete;
    expect(ids(el)).to.not.include('signups');
  });

  it('expand-depth="0" shows only the root; expandAll() and collapseAll() open and close everything', async () => {
    const el = await tree(northStar(), { 'expand-depth': '0' });
    expect(ids(el)).to.deep.equal(['wat']);
    expect(textOf(label(el, 'wat', '.toggle'))).to.equal('+7');
    el.expandAll();
    await el.updateComplete;
    expect(ids(el)).to.have.length(8);
    el.collapseAll();
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['wat']);
  });

  it('keeps the user’s open/closed choices across a data refresh', async () => {
    const el = await tree(northStar(), { 'expand-depth': '1' });
    el.toggle('retained', true);
    el.toggle('wat', true);
    el.data = { ...northStar(), value: 12900 };
    await el.updateComplete;
    expect(ids(el)).to.include('integrations');
  });
});

describe('<metric-tree>: keyboard (WAI-ARIA tree pattern)', () => {
  it('moves with Up/Down/Home/End, opens and enters with Right, closes and leaves with Left', async () => {
    const el = await tree(northStar(), { 'expand-depth': '1' });
    node(el, 'wat')!.focus();
    expect(focused(el)).to.equal('wat');
    await key(el, 'ArrowDown');
    expect(focused(el)).to.equal('new');
    expect(node(el, 'new')!.getAttribute('tabindex')).to.equal('0');
    expect(node(el, 'wat')!.getAttribute('tabindex')).to.equal('-1');
    const toggled = oneEvent(el, 'nsw-toggle');
    await key(el, 'ArrowRight');
    expect((await toggled).detail).to.deep.equal({ id: 'new', expanded: true });
    expect(focused(el)).to.equal('new');
    expect(ids(el)).to.include('signups');
    await key(el, 'ArrowRight');
    expect(focused(el)).to.equal('signups');
    await key(el, 'ArrowRight'); // a leaf: nothing
    expect(focused(el)).to.equal('signups');
    await key(el, 'ArrowLeft');
    expect(focused(el)).to.equal('new');
    await key(el, 'ArrowLeft');
    expect(node(el, 'new')!.getAttribute('aria-expanded')).to.equal('false');
    expect(focused(el)).to.equal('new');
    await key(el, 'End');
    expect(focused(el)).to.equal('churned');
    await key(el, 'ArrowUp');
    expect(focused(el)).to.equal('retained');
    await key(el, 'Home');
    expect(focused(el)).to.equal('wat');
    await key(el, 'ArrowUp');
    expect(focused(el)).to.equal('wat');
  });

  it('"*" expands all siblings; Enter and Space fire nsw-select (cancelable) with the node', async () => {
    const el = await tree(northStar(), { 'expand-depth': '1' });
    node(el, 'new')!.focus();
    await key(el, '*');
    expect(ids(el)).to.include.members(['signups', 'integrations']);
    const selected = oneEvent(el, 'nsw-select');
    await key(el, 'Enter');
    const event = await selected;
    expect(event.detail.id).to.equal('new');
    expect((event.detail.metric as { name: string }).name).to.equal('New teams');
    expect(event.cancelable).to.equal(true);
    const space = oneEvent(el, 'nsw-select');
    await key(el, ' ');
    expect((await space).detail.id).to.equal('new');
  });

  it('follows a safe href on Enter unless nsw-select is cancelled', async () => {
    const el = await tree(northStar());
    const followed: string[] = [];
    (el as unknown as { followLink: (href: string) => void }).followLink = (href) => followed.push(href);
    node(el, 'wat')!.focus();
    await key(el, 'Enter');
    expect(followed).to.deep.equal(['/metrics/wat']);
    el.addEventListener('nsw-select', (e) => e.preventDefault(), { once: true });
    await key(el, 'Enter');
    expect(followed).to.have.length(1);
  });

  it('click selects a node and makes it the tab stop', async () => {
    const el = await tree(northStar());
    const selected = oneEvent(el, 'nsw-select');
    node(el, 'churned')!.querySelector('.card')!.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect((await selected).detail.id).to.equal('churned');
    await el.updateComplete;
    expect(node(el, 'churned')!.getAttribute('tabindex')).to.equal('0');
  });

  it('focusNode(id) opens the ancestors, focuses the node and pans it into view', async () => {
    const el = await tree(northStar(), { 'expand-depth': '0', height: '240' }, 400);
    expect(await el.focusNode('nope')).to.equal(false);
    expect(await el.focusNode('tickets')).to.equal(true);
    expect(focused(el)).to.equal('tickets');
    expect(el.isExpanded('retained')).to.equal(true);
    // The pan animates (280 ms, or at once under reduced motion); wait until it has arrived.
    const settled = async () => {
      let last = '';
      for (let i = 0; i < 100; i++) {
        await aTimeout(50);
        const now = root(el).querySelector('g.zoom')!.getAttribute('transform') ?? '';
        if (now === last) return;
        last = now;
      }
    };
    await aTimeout(300);
    await settled();
    const viewport = root(el).querySelector('.viewport')!.getBoundingClientRect();
    const box = node(el, 'tickets')!.querySelector('.card')!.getBoundingClientRect();
    expect(box.left).to.be.at.least(viewport.left - 1);
    expect(box.right).to.be.at.most(viewport.right + 1);
    expect(box.top).to.be.at.least(viewport.top - 1);
    expect(box.bottom).to.be.at.most(viewport.bottom + 1);
  });

  it('highlights the path to the root on hover and focus', async () => {
    const el = await tree(northStar(), { 'expand-depth': '2' });
    node(el, 'tickets')!.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    expect(nodes(el).filter((n) => n.classList.contains('on-path')).map((n) => n.dataset.id)).to.deep.equal(['wat', 'retained', 'tickets']);
    node(el, 'tickets')!.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(root(el).querySelectorAll('.on-path')).to.have.length(0);
    await el.focusNode('signups');
    await el.updateComplete;
    expect(nodes(el).filter((n) => n.classList.contains('on-path')).map((n) => n.dataset.id)).to.deep.equal(['wat', 'new', 'signups']);
    expect(root(el).querySelectorAll('g.link.on-path')).to.have.length(2);
    expect(textOf(root(el).querySelector('[part="tooltip"]'))).to.contain('Signups');
  });
});

describe('<metric-tree>: pan and zoom', () => {
  it('zoom buttons and fit() change one transform on the zoom group', async () => {
    const el = await tree(northStar(), { 'expand-depth': '2' });
    const g = root(el).querySelector('g.zoom')!;
    const scale = () => Number(/scale\(([\d.e-]+)\)/.exec(g.getAttribute('transform') ?? '')![1]);
    const before = scale();
    const first = node(el, 'wat');
    root(el).querySelector<HTMLButtonElement>('[part="zoom-in"]')!.click();
    await waitUntil(() => Math.abs(scale() - before * 1.4) < 1e-3, 'zoomed in');
    expect(node(el, 'wat')).to.equal(first); // the nodes were not re-created
    root(el).querySelector<HTMLButtonElement>('[part="zoom-out"]')!.click();
    await waitUntil(() => Math.abs(scale() - before) < 1e-3, 'zoomed out');
    root(el).querySelector<HTMLButtonElement>('[part="zoom-in"]')!.click();
    await aTimeout(400);
    el.fit();
    await waitUntil(() => Math.abs(scale() - before) < 1e-3, 'fitted');
    expect(g.hasAttribute('style')).to.equal(false);
  });

  it('culls a 1,000-node tree to the view and re-culls after panning', async () => {
    const nodesData = [{ id: 'n0', name: 'Root', value: 1000 }];
    for (let i = 1; i < 1000; i++) nodesData.push({ id: `n${i}`, name: `Node ${i}`, parent: `n${Math.floor((i - 1) / 6)}`, value: i } as never);
    const el = await tree({ nodes: nodesData }, { 'expand-depth': '99' });
    const shown = nodes(el).length;
    expect(shown).to.be.above(0).and.below(1000);
    const before = new Set(ids(el));
    // Pan to the last node through the zoom behaviour, as a drag would.
    const internals = el as unknown as { applyTransform: (t: { x: number; y: number; k: number }) => void; layout: { byId: Map<string, { x: number; y: number }> } };
    const far = internals.layout.byId.get('n999')!;
    expect(before.has('n999')).to.equal(false);
    internals.applyTransform({ x: 100 - far.x, y: 100 - far.y, k: 1 });
    // Re-culled on the next animation frame.
    await waitUntil(() => ids(el).includes('n999'), 'culled again after the pan', { timeout: 5000 });
    // Zoomed out to 10 % (plain boxes, above the overview level), the nodes in view are their own elements, without text.
    const top = internals.layout.byId.get('n0')!;
    internals.applyTransform({ x: 450 - top.x * 0.1, y: 24 - top.y * 0.1, k: 0.1 });
    await waitUntil(() => nodes(el).length > 100, 'plain boxes when zoomed out', { timeout: 5000 });
    expect(root(el).querySelectorAll('text.name')).to.have.length(0);
    expect(nodes(el)[5].getAttribute('aria-label')).to.contain('Node');
  });

  it('draws the whole 1,000-node tree as a few overview paths, keeping the tab stop a real treeitem', async () => {
    const nodesData = [{ id: 'n0', name: 'Root', value: 1000, formula: 'sum' }];
    for (let i = 1; i < 1000; i++) nodesData.push({ id: `n${i}`, name: `Node ${i}`, parent: `n${Math.floor((i - 1) / 6)}`, value: i, relation: i % 7 ? undefined : 'negative' } as never);
    const el = await tree({ nodes: nodesData }, { 'expand-depth': '99' });
    const g = root(el).querySelector('g.zoom')!;
    const scale = () => Number(/scale\(([\d.e-]+)\)/.exec(g.getAttribute('transform') ?? '')![1]);
    el.fit();
    await waitUntil(() => root(el).querySelector('g.overview') !== null, 'overview after fit()', { timeout: 5000 });
    expect(scale()).to.be.below(0.05);
    const subpaths = (selector: string) => [...root(el).querySelectorAll(selector)].reduce((sum, p) => sum + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0);
    // Every card once (one rectangle each), every link once; one path per class.
    expect(subpaths('g.overview .card')).to.equal(1000);
    expect(subpaths('.links g.overview path')).to.equal(999);
    const cardClasses = [...root(el).querySelectorAll('g.overview .card')].map((p) => p.parentElement!.getAttribute('class'));
    expect(new Set(cardClasses).size).to.equal(cardClasses.length);
    // Links by class: the root's formula links, the hypothesised ones below, positive and negative.
    expect(root(el).querySelectorAll('.links g.overview path')).to.have.length(3);
    expect(root(el).querySelector('g.overview')!.closest('[aria-hidden="true"]')).to.not.equal(null);
    // Only the tab stop is its own element; it is the one in the accessibility tree and the tab order.
    expect(nodes(el).map((n) => [n.dataset.id, n.getAttribute('tabindex')])).to.deep.equal([['n0', '0']]);
    expect(root(el).querySelectorAll('text.name')).to.have.length(0);
    // The overview cards look like the plain boxes of the level above (same classes, so the same
    // colours in the dark theme and forced colours).
    const overviewCard = getComputedStyle(root(el).querySelector('g.overview .card')!);
    const realCard = getComputedStyle(nodes(el)[0].querySelector('.card')!);
    expect([overviewCard.fill, overviewCard.stroke]).to.deep.equal([realCard.fill, realCard.stroke]);
    // focusNode() zooms in out of the overview, to readable cards around the node.
    expect(await el.focusNode('n500')).to.equal(true);
    await waitUntil(() => Math.abs(scale() - 1) < 1e-6 && root(el).querySelector('g.overview') === null, 'zoomed in to the node', { timeout: 5000 });
    expect(focused(el)).to.equal('n500');
    // The cards around the node (with their text) come with the culling frame that follows the zoom.
    await waitUntil(() => nodes(el).length > 1 && root(el).querySelectorAll('text.name').length > 0, 'readable cards around the node', { timeout: 5000 });
  });

  it('moves keyboard focus from the overview and zooms in to the next node', async () => {
    const nodesData = [{ id: 'n0', name: 'Root', value: 1000 }];
    for (let i = 1; i < 1000; i++) nodesData.push({ id: `n${i}`, name: `Node ${i}`, parent: `n${Math.floor((i - 1) / 6)}`, value: i } as never);
    const el = await tree({ nodes: nodesData }, { 'expand-depth': '99' });
    el.fit();
    await waitUntil(() => root(el).querySelector('g.overview') !== null, 'overview after fit()', { timeout: 5000 });
    const item = node(el, 'n0')!;
    item.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await waitUntil(() => focused(el) === 'n1' && root(el).querySelector('g.overview') === null, 'focus moved and zoomed in', { timeout: 5000 });
    expect(node(el, 'n1')!.getAttribute('tabindex')).to.equal('0');
  });
});

describe('<metric-tree>: errors', () => {
  it('reports cycles, duplicate ids and missing parents by id, rendering the rest', async () => {
    const errors: CustomEvent[] = [];
    const wrapper = container();
    const el = document.createElement('metric-tree') as MetricTree;
    el.addEventListener('nsw-error', (e) => errors.push(e as CustomEvent));
    el.data = {
      nodes: [
        { id: 'a', name: 'A', value: 1 },
        { id: 'x', name: 'X', parent: 'a' },
        { id: 'x', name: 'X2', parent: 'a' },
        { id: 'o', name: 'O', parent: 'nowhere' },
        { id: 'b', name: 'B', parent: 'c' },
        { id: 'c', name: 'C', parent: 'd' },
        { id: 'd', name: 'D', parent: 'b' },
      ],
    };
    wrapper.appendChild(el);
    await waitUntil(() => errors.length > 0);
    expect(errors[0].detail.partial).to.equal(true);
    expect(errors[0].detail.message).to.contain('nodes[4] (id "b"): cycle b → c → d → b');
    expect(errors[0].detail.message).to.contain('nodes[2] (id "x"): duplicate id');
    expect(errors[0].detail.message).to.contain('nodes[3] (id "o"): parent "nowhere" not found');
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['a', 'x']);
    expect(textOf(root(el).querySelector('[part="notice"]'))).to.contain('3 problems in the data');
  });

  it('shows the error panel when no root is left', async () => {
    const el = await tree({ nodes: [{ id: 'b', name: 'B', parent: 'c' }, { id: 'c', name: 'C', parent: 'b' }] });
    const panel = root(el).querySelector('[part="error"]')!;
    expect(textOf(panel)).to.contain('Can’t show this metric tree.');
    expect(textOf(panel)).to.contain('nodes[0] (id "b"): cycle b → c → b');
    expect(nodes(el)).to.have.length(0);
  });

  it('reports a JS reference cycle set via the property instead of hanging', async () => {
    const a: Record<string, unknown> = { id: 'a', name: 'A' };
    a.children = [{ id: 'b', name: 'B', children: [a] }];
    const el = await tree(a);
    expect(ids(el)).to.deep.equal(['a', 'b']);
    expect(textOf(root(el).querySelector('[part="notice"]'))).to.contain('cycle a → b → a');
  });

  it('drops a bad value (shown as —) and a nameless node with its subtree, and says so', async () => {
    const el = await tree({
      name: 'Root', formula: 'sum',
      children: [{ id: 'n', name: 'New teams', value: 'abc', previous: 1 }, { id: 'ghost', value: 2, children: [{ name: 'Lost' }] }],
    });
    expect(ids(el)).to.deep.equal(['root', 'n']);
    expect(textOf(label(el, 'n', '.value'))).to.equal('—');
    const notice = textOf(root(el).querySelector('[part="notice"]'));
    expect(notice).to.contain('children[0].value: expected a number, got "abc"');
    expect(notice).to.contain('children[1] (id "ghost"): has no name');
  });

  it('renders hostile text as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const el = await tree({ name: payload, kind: payload, children: [{ name: `"><svg onload=alert(1)>`, href: 'javascript:alert(1)' }] });
    expect(root(el).querySelectorAll('img, script, iframe, foreignObject')).to.have.length(0);
    expect(el.summary).to.contain(payload);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('<metric-tree>: accessibility', () => {
  it('passes axe in the light theme', async () => {
    const el = await tree(northStar(), { 'expand-depth': '2' });
    await expect(el).to.be.accessible();
  });
  it('passes axe in the dark theme', async () => {
    const el = await tree(northStar(), { 'expand-depth': '2', theme: 'dark' });
    await expect(el).to.be.accessible();
  });
  it('passes axe with the error panel', async () => {
    const el = await tree({ nodes: [{ id: 'b', name: 'B', parent: 'b' }] });
    await expect(el).to.be.accessible();
  });
});
