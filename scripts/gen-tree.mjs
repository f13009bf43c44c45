#!/usr/bin/env node
// Generates the <metric-tree> demo data (deterministic: a seeded random generator):
//   demo/data/tree-north-star.json — Teamwork's North Star tree (17 nodes, formulas + hypotheses)
//   demo/data/tree-1000.json       — a 1,000-node tree of sums, for the scale demo
//   node scripts/gen-tree.mjs [--nodes 1000] [--out demo/data/tree-1000.json]
import { writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};

/** mulberry32: small, seeded, good enough for demo data. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Twelve weekly points ending at `value`, starting near `previous`-ish, with some noise. */
function weekly(value, previous, rand, decimals = 0) {
  const points = [];
  const end = Date.UTC(2026, 10, 16);
  const start = previous - (value - previous) * 6;
  for (let i = 0; i < 12; i++) {
    const base = i === 10 ? previous : i === 11 ? value : start + (previous - start) * (i / 10);
    const noise = i >= 10 ? 0 : (rand() - 0.5) * Math.abs(value - previous) * 0.8;
    const v = Number((base + noise).toFixed(decimals));
    points.push({ date: new Date(end - (11 - i) * 7 * 86400000).toISOString().slice(0, 10), value: v });
  }
  return points;
}

function northStar() {
  const rand = random(47);
  const pct = { style: 'percent', maximumFractionDigits: 1 };
  const m = (name, value, previous, extra = {}) => ({
    name,
    value,
    previous,
    series: weekly(value, previous, rand, extra.format?.style === 'percent' ? 3 : Number.isInteger(value) ? 0 : 2),
    ...extra,
  });
  return {
    comparison: 'vs last week',
    ...m('Weekly active teams', 12840, 11900, {
      id: 'weekly-active-teams',
      kind: 'north-star',
      unit: 'teams',
      formula: 'sum',
      owner: 'Product leadership',
      description: 'Teams where 3+ members collaborated on a shared project this week.',
    }),
    children: [
      m('New teams', 1420, 1000, {
        id: 'new-teams',
        kind: 'input',
        formula: 'product',
        owner: 'Growth',
        description: 'Teams that became active for the first time this week: signups × activation rate.',
        children: [
          m('Signups', 3380, 2500, {
            id: 'signups',
            formula: 'sum',
            owner: 'Marketing',
            children: [
              m('Organic signups', 1960, 1500, { id: 'organic-signups' }),
              m('Paid signups', 920, 700, { id: 'paid-signups' }),
              m('Referral signups', 500, 300, { id: 'referral-signups' }),
            ],
          }),
          m('Activation rate', 0.42, 0.4, {
            id: 'activation-rate',
            format: pct,
            owner: 'Onboarding squad',
            children: [
              m('Onboarding checklist completion', 0.61, 0.55, { id: 'checklist-completion', format: pct, weight: 0.6, kind: 'hypothesis' }),
              m('Days to first shared project', 2.1, 2.6, {
                id: 'days-to-first-project',
                direction: 'decrease',
                relation: 'negative',
                weight: 0.4,
                kind: 'hypothesis',
                format: { maximumFractionDigits: 1 },
              }),
            ],
          }),
        ],
      }),
      m('Retained teams', 11710, 11100, {
        id: 'retained-teams',
        kind: 'input',
        owner: 'Core product',
        description: 'Teams active last week that are active again this week.',
        children: [
          m('Teams using integrations', 5240, 4900, { id: 'integrations', weight: 0.5, kind: 'hypothesis' }),
          m('Weekly collaboration sessions', 48200, 45100, { id: 'collab-sessions', weight: 0.3, kind: 'hypothesis' }),
          m('Support tickets per team', 0.31, 0.34, {
            id: 'tickets-per-team',
            direction: 'decrease',
            relation: 'negative',
            weight: 0.2,
            kind: 'guardrail',
            format: { maximumFractionDigits: 2 },
          }),
        ],
      }),
      m('Churned teams', 290, 200, {
        id: 'churned-teams',
        kind: 'input',
        relation: 'negative',
        direction: 'decrease',
        owner: 'Customer success',
        children: [
          m('Failed payments', 120, 70, { id: 'failed-payments', weight: 0.5, kind: 'hypothesis' }),
          m('Downgrades to free', 95, 80, { id: 'downgrades', weight: 0.3, kind: 'hypothesis' }),
        ],
      }),
    ],
  };
}

const WORDS = {
  region: ['EMEA', 'North America', 'LATAM', 'APAC', 'Nordics', 'DACH', 'UK & Ireland', 'Benelux', 'Iberia', 'India'],
  channel: ['Organic search', 'Paid social', 'Partners', 'Referrals', 'Events', 'Outbound', 'App marketplace', 'Content'],
  plan: ['Free', 'Starter', 'Business', 'Enterprise', 'Education', 'Non-profit'],
  feature: ['Boards', 'Docs', 'Chat', 'Calendar', 'Automations', 'Forms', 'Dashboards', 'Whiteboard', 'Time tracking', 'Goals'],
};
const LEVELS = ['region', 'channel', 'plan', 'feature'];

/** A tree of `count` nodes whose parents are sums of their children (flat form with `parent`). */
function bigTree(count) {
  const rand = random(1000);
  const nodes = [{ id: 'n0', name: 'Weekly active teams', kind: 'north-star', unit: 'teams', formula: 'sum', depth: 0, children: [] }];
  // Breadth-first growth with 3–8 children per node until `count` nodes exist.
  let cursor = 0;
  while (nodes.length < count) {
    const parent = nodes[cursor++];
    const level = LEVELS[Math.min(parent.depth, LEVELS.length - 1)];
    const pool = WORDS[level];
    const n = Math.min(count - nodes.length, 3 + Math.floor(rand() * 6));
    const offset = Math.floor(rand() * pool.length);
    for (let i = 0; i < n; i++) {
      const word = pool[(offset + i) % pool.length];
      const node = {
        id: `n${nodes.length}`,
        name: parent.depth === 0 ? `${word} teams` : `${word} · ${parent.short ?? parent.name}`.slice(0, 48),
        short: word,
        parent: parent.id,
        depth: parent.depth + 1,
        children: [],
      };
      parent.children.push(node);
      nodes.push(node);
    }
  }
  // Leaves get values; parents are sums (so every formula holds and contributions are exact).
  for (let i = nodes.length - 1; i >= 0; i--) {
    const node = nodes[i];
    if (node.children.length) {
      node.formula = 'sum';
      node.value = node.children.reduce((s, c) => s + c.value, 0);
      node.previous = node.children.reduce((s, c) => s + c.previous, 0);
    } else {
      node.value = 20 + Math.floor(rand() * 400);
      node.previous = Math.max(0, Math.round(node.value * (0.85 + rand() * 0.25)));
    }
  }
  return {
    comparison: 'vs last week',
    nodes: nodes.map(({ id, name, parent, kind, unit, formula, value, previous }) => ({ id, name, ...(parent ? { parent } : {}), ...(kind ? { kind } : {}), ...(unit ? { unit } : {}), ...(formula ? { formula } : {}), value, previous })),
  };
}

const count = Number(flag('nodes', 1000));
const out = flag('out', `demo/data/tree-${count}.json`);
writeFileSync(out, `${JSON.stringify(bigTree(count))}\n`);
console.log(`wrote ${out}`);
if (!args.includes('--nodes')) {
  writeFileSync('demo/data/tree-north-star.json', `${JSON.stringify(northStar(), null, 1)}\n`);
  console.log('wrote demo/data/tree-north-star.json');
}
