import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import '../src/metric-tree.js';

type Args = {
  data: unknown;
  orientation: 'vertical' | 'horizontal';
  expandDepth: number;
  height: number;
  theme: 'light' | 'dark' | 'auto';
  compact: 'auto' | 'always' | 'never';
  width: string;
};

/** Twelve weekly points ending at `previous`, then `value`. */
const series = (value: number, previous: number) =>
  Array.from({ length: 12 }, (_, i) => [
    new Date(Date.UTC(2026, 8, 7) + i * 7 * 86_400_000).toISOString().slice(0, 10),
    i === 11 ? value : Math.round((previous - (previous - value) * 0.1 * (10 - i)) * 1000) / 1000,
  ]);
const m = (name: string, value: number, previous: number, extra: Record<string, unknown> = {}) => ({ name, value, previous, series: series(value, previous), ...extra });
const pct = { style: 'percent', maximumFractionDigits: 1 };

const HYPOTHESISED = m('Retained teams', 11710, 11100, {
  kind: 'input', unit: 'teams', comparison: 'vs last week',
  children: [
    m('Teams using integrations', 5240, 4900, { weight: 0.5, kind: 'hypothesis' }),
    m('Weekly collaboration sessions', 48200, 45100, { weight: 0.3, kind: 'hypothesis' }),
    m('Support tickets per team', 0.31, 0.34, { weight: 0.2, relation: 'negative', direction: 'decrease', kind: 'guardrail', format: { maximumFractionDigits: 2 } }),
  ],
});

const FORMULA = m('Weekly active teams', 12840, 11900, {
  kind: 'north-star', unit: 'teams', formula: 'sum', comparison: 'vs last week',
  description: 'Teams where 3+ members collaborated on a shared project this week.',
  children: [
    m('New teams', 1420, 1000, {
      kind: 'input', formula: 'product',
      children: [
        m('Signups', 3380, 2500, { formula: 'sum', children: [m('Organic signups', 1960, 1500), m('Paid signups', 920, 700), m('Referral signups', 500, 300)] }),
        m('Activation rate', 0.42, 0.4, {
          format: pct,
          children: [
            m('Onboarding checklist completion', 0.61, 0.55, { format: pct, weight: 0.6, kind: 'hypothesis' }),
            m('Days to first shared project', 2.1, 2.6, { weight: 0.4, relation: 'negative', direction: 'decrease', kind: 'hypothesis' }),
          ],
        }),
      ],
    }),
    { ...HYPOTHESISED, comparison: undefined },
    m('Churned teams', 290, 200, {
      kind: 'input', relation: 'negative', direction: 'decrease',
      children: [m('Failed payments', 120, 70, { weight: 0.5, kind: 'hypothesis' }), m('Downgrades to free', 95, 80, { weight: 0.3, kind: 'hypothesis' })],
    }),
  ],
});

const SMALL = {
  name: 'Weekly active teams', value: 12840, previous: 11900, formula: 'sum', unit: 'teams', comparison: 'vs last week',
  children: [
    { name: 'New teams', value: 1420, previous: 1000 },
    { name: 'Retained teams', value: 11710, previous: 11100 },
    { name: 'Churned teams', value: 290, previous: 200, relation: 'negative', direction: 'decrease' },
  ],
};

/** A flat tree of `count` nodes whose parents are the sums of their children (seeded, deterministic). */
function bigTree(count: number) {
  let seed = 1000;
  const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 4294967296);
  const nodes: Array<{ id: string; name: string; parent?: string; formula?: string; value: number; previous: number; children: number[] }> = [
    { id: 'n0', name: 'Weekly active teams', formula: 'sum', value: 0, previous: 0, children: [] },
  ];
  for (let cursor = 0; nodes.length < count; cursor++) {
    const fanOut = Math.min(count - nodes.length, 3 + Math.floor(rand() * 6));
    for (let i = 0; i < fanOut; i++) {
      nodes[cursor].children.push(nodes.length);
      nodes.push({ id: `n${nodes.length}`, name: `Segment ${nodes.length}`, parent: `n${cursor}`, value: 0, previous: 0, children: [] });
    }
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.children.length) {
      node.formula = 'sum';
      node.value = node.children.reduce((s, c) => s + nodes[c].value, 0);
      node.previous = node.children.reduce((s, c) => s + nodes[c].previous, 0);
    } else {
      node.value = 20 + Math.floor(rand() * 400);
      node.previous = Math.round(node.value * (0.85 + rand() * 0.25));
    }
  }
  return { comparison: 'vs last week', nodes: nodes.map(({ children: _children, ...node }) => node) };
}

const ERRORS = {
  nodes: [
    { id: 'a', name: 'Weekly active teams', value: 12840, previous: 11900, formula: 'sum' },
    { id: 'b', name: 'New teams', parent: 'a', value: 'abc', previous: 1000 },
    { id: 'b', name: 'New teams (duplicate)', parent: 'a' },
    { id: 'r', name: 'Retained teams', parent: 'a', value: 11710, previous: 11100 },
    { id: 'x', name: 'Orphan', parent: 'nowhere' },
    { id: 'c', name: 'Loop one', parent: 'd' },
    { id: 'd', name: 'Loop two', parent: 'c' },
  ],
};

const meta: Meta<Args> = {
  title: 'Widgets/MetricTree',
  component: 'metric-tree',
  args: { data: FORMULA, orientation: 'vertical', expandDepth: 3, height: 520, theme: 'light', compact: 'auto', width: '100%' },
  argTypes: {
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    compact: { control: 'inline-radio', options: ['auto', 'always', 'never'] },
    expandDepth: { control: { type: 'number', min: 0, max: 99 } },
  },
  // The container width is set through CSSOM (no style attribute), as a strict-CSP page would.
  render: ({ data, orientation, expandDepth, height, theme, compact, width }) =>
    html`<div ${ref((el) => (el as HTMLElement | undefined)?.style.setProperty('max-width', width))}>
      <metric-tree .data=${data} orientation=${orientation} expand-depth=${expandDepth} height=${height} theme=${theme} compact=${compact}></metric-tree>
    </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Small: Story = { args: { data: SMALL, expandDepth: 1, height: 320 } };
export const Formula: Story = {};
export const Hypothesised: Story = { args: { data: HYPOTHESISED, height: 360 } };
export const Horizontal: Story = { args: { orientation: 'horizontal', height: 640 } };
export const Narrow: Story = { args: { width: '360px', expandDepth: 1, height: 320 } };
export const Dark: Story = { args: { theme: 'dark' } };
export const ThousandNodes: Story = { name: '1,000 nodes', args: { data: bigTree(1000), expandDepth: 99 } };
export const ThousandNodesHorizontal: Story = { name: '1,000 nodes, horizontal', args: { data: bigTree(1000), expandDepth: 99, orientation: 'horizontal' } };
export const Errors: Story = { args: { data: ERRORS, expandDepth: 2, height: 320 } };
export const NoRoot: Story = { args: { data: { nodes: [{ id: 'b', name: 'B', parent: 'c' }, { id: 'c', name: 'C', parent: 'd' }, { id: 'd', name: 'D', parent: 'b' }] } } };
