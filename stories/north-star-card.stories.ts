import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/north-star-card.js';

type Args = {
  data: unknown;
  theme: 'light' | 'dark' | 'auto';
  locale: string;
  staleAfter?: number;
  anomalies: boolean;
  width: number;
};

const DAY = 86_400_000;
/** 26 weekly points ending Nov 16, 2026, with the last two given. */
const weekly = (from: number, before: number, last: number, wobble = 0.012) =>
  Array.from({ length: 26 }, (_, i) => {
    const date = new Date(Date.UTC(2026, 4, 25) + i * 7 * DAY).toISOString().slice(0, 10);
    if (i === 24) return [date, before];
    if (i === 25) return [date, last];
    const trend = from + ((before - from) * i) / 24;
    return [date, Math.round(trend * (1 + wobble * Math.sin(i * 1.7)) * 1000) / 1000];
  });

const WAT = {
  id: 'weekly-active-teams', name: 'Weekly active teams', value: 12840, previous: 11900, target: 15000, unit: 'teams',
  comparison: 'vs last week', description: 'Teams where 3+ members collaborated on a shared project this week.',
  owner: 'Growth team', updated: '2026-11-23T06:00:00Z', series: weekly(8100, 11900, 12840),
  guardrails: [
    { name: 'Support tickets per 100 teams', value: 4.6, previous: 4.1, direction: 'decrease', threshold: 4.5 },
    { name: 'p95 page load', value: 1.8, previous: 1.9, direction: 'decrease', threshold: 2.5, unit: 's' },
  ],
  inputs: [
    { name: 'New teams activated', value: 1460, previous: 1310 },
    { name: '4-week team retention', value: 0.812, previous: 0.794, format: { style: 'percent', maximumFractionDigits: 1 } },
    { name: 'Invites sent per team', value: 3.4, previous: 3.6, format: { maximumFractionDigits: 1 } },
  ],
};
const RATE = {
  name: 'Activation rate', value: 0.412, previous: 0.394, target: 0.45, comparison: 'vs last week',
  format: { style: 'percent', maximumFractionDigits: 1 }, series: weekly(0.352, 0.394, 0.412, 0.01),
};
const DECREASE = {
  name: 'Time to first shared project', value: 18.5, previous: 22, target: 12, direction: 'decrease', unit: 'h',
  format: { maximumFractionDigits: 1 }, comparison: 'vs last week', series: weekly(31, 22, 18.5, 0.03),
};
const spiky = weekly(8100, 11900, 12840).map(([d, v], i) => [d, i === 11 ? Math.round(Number(v) * 0.72) : i === 18 ? Math.round(Number(v) * 1.2) : v]);

const meta: Meta<Args> = {
  title: 'Widgets/NorthStarCard',
  component: 'north-star-card',
  args: { data: WAT, theme: 'light', locale: 'en-US', anomalies: false, width: 600 },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    width: { control: { type: 'range', min: 120, max: 900, step: 10 } },
    staleAfter: { control: 'number' },
  },
  render: ({ data, theme, locale, staleAfter, anomalies, width }) => html`<div class=${`story-width-${width}`}>
    <north-star-card
      .data=${data}
      theme=${theme}
      locale=${locale}
      stale-after=${staleAfter ?? ''}
      ?anomalies=${anomalies}
    ></north-star-card>
  </div>`,
  decorators: [
    (story, context) => {
      // Width through CSSOM (no style attribute, so the story also runs under a strict CSP).
      queueMicrotask(() => {
        const box = document.querySelector<HTMLElement>(`.story-width-${context.args.width}`);
        box?.style.setProperty('width', `${context.args.width}px`);
        box?.style.setProperty('max-width', '100%');
      });
      return story();
    },
  ],
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const RateMetric: Story = { args: { data: RATE, width: 380 } };
export const DecreaseIsGood: Story = { args: { data: DECREASE, width: 380 } };
export const BreachedGuardrail: Story = {
  args: { data: { ...WAT, guardrails: [{ name: 'Support tickets per 100 teams', value: 5.2, previous: 4.1, direction: 'decrease', threshold: 4.5 }] } },
};
export const Stale: Story = { args: { data: { ...WAT, updated: '2026-11-01T06:00:00Z' }, staleAfter: 24 } };
export const Anomalies: Story = { args: { data: { ...WAT, guardrails: [], inputs: [], series: spiky }, anomalies: true } };
export const Narrow: Story = { args: { width: 260 } };
export const Dark: Story = { args: { theme: 'dark' }, parameters: { backgrounds: { default: 'dark' } } };
export const LongName: Story = {
  args: { data: { ...WAT, name: 'Weekly active teams collaborating on at least one shared project across every workspace and region' } },
};
export const ErrorPanel: Story = { name: 'Error', args: { data: { name: 'Weekly active teams', value: 'abc' }, width: 380 } };
/** The smallest supported width: rows stack their state under the name, the value shrinks. */
export const VeryNarrow: Story = { name: 'Very narrow (120 px)', args: { width: 120 } };
/** A guardrail with an unusually long unit: cut with an ellipsis, full text in the title. */
export const LongUnit: Story = {
  args: {
    data: { ...WAT, guardrails: [{ ...WAT.guardrails[0], unit: 'tickets per 100 active teams in the enterprise segment (rolling 28 days)' }] },
  },
};
/** 100,000 points (one a minute for ~10 weeks): the line is downsampled per pixel column, the readout reads every point. */
export const LongSeries: Story = {
  args: {
    data: {
      name: 'API requests per minute',
      comparison: 'vs previous minute',
      series: Array.from({ length: 100_000 }, (_, i) => [
        Date.UTC(2026, 8, 1) + i * 60_000,
        Math.round(1000 + 200 * Math.sin(i / 1440) + (i === 61_234 ? 900 : 0) + ((i * 7919) % 97)),
      ]),
    },
  },
};
