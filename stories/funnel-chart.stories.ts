import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/funnel-chart.js';

type Args = { data: unknown; orientation: 'vertical' | 'horizontal'; theme: 'light' | 'dark' | 'auto'; width: number; locale: string };

const AARRR = {
  name: 'Teamwork journey (AARRR), November',
  comparison: 'October',
  steps: [
    { name: 'Visited site', value: 48200, previous: 45900, segments: { organic: 21400, paid: 14800, referral: 6900, partner: 5100 } },
    { name: 'Signed up', value: 6120, previous: 5510, medianTime: 1500, segments: { organic: 2690, paid: 1610, referral: 1170, partner: 650 } },
    { name: 'Created team', value: 4410, previous: 3860, medianTime: 840, segments: { organic: 1990, paid: 1050, referral: 910, partner: 460 } },
    { name: 'Invited teammates (activation)', value: 2380, previous: 2170, medianTime: 8100, segments: { organic: 1100, paid: 500, referral: 540, partner: 240 } },
    { name: 'Active in week 4 (retention)', value: 1520, previous: 1290, medianTime: 1814400, segments: { organic: 720, paid: 290, referral: 370, partner: 140 } },
    { name: 'Referred (referral)', value: 410, previous: 402, medianTime: 777600, segments: { organic: 190, paid: 60, referral: 130, partner: 30 } },
    { name: 'Paid (revenue)', value: 238, previous: 205, medianTime: 518400, segments: { organic: 112, paid: 38, referral: 71, partner: 17 } },
  ],
};
const strip = (keys: string[]) => ({
  ...AARRR,
  steps: AARRR.steps.map((step) => Object.fromEntries(Object.entries(step).filter(([key]) => !keys.includes(key)))),
});

const meta: Meta<Args> = {
  title: 'Widgets/FunnelChart',
  component: 'funnel-chart',
  args: { data: strip(['previous', 'segments']), orientation: 'vertical', theme: 'light', width: 720, locale: 'en-US' },
  argTypes: {
    orientation: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    width: { control: { type: 'range', min: 240, max: 1600, step: 10 } },
  },
  render: ({ data, orientation, theme, width, locale }) => html`<div style="width: ${width}px; max-width: 100%">
    <funnel-chart .data=${data} orientation=${orientation} theme=${theme} locale=${locale}></funnel-chart>
  </div>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Default: Story = {};
export const Comparison: Story = { args: { data: strip(['segments']) } };
export const Segments: Story = { args: { data: strip(['previous']) } };
export const ComparisonAndSegments: Story = { args: { data: AARRR } };
export const Horizontal: Story = { args: { data: AARRR, orientation: 'horizontal', width: 1100 } };
export const SmallSamples: Story = {
  args: {
    data: {
      name: 'Enterprise pilot', comparison: 'last quarter',
      steps: [
        { name: 'Demo booked', value: 64, previous: 58 }, { name: 'Pilot started', value: 22, previous: 25 },
        { name: 'Security review passed', value: 14, previous: 11 }, { name: 'Contract signed', value: 6, previous: 7 },
      ],
    },
  },
};
export const GrowingStep: Story = {
  args: {
    data: {
      name: 'Mobile onboarding',
      steps: [
        { name: 'Installed app', value: 5200 }, { name: 'Logged in', value: 3900 },
        { name: 'Opened a project (also from web links)', value: 4300 }, { name: 'Posted a comment', value: 1700 },
      ],
    },
  },
};
export const ZeroFirstStep: Story = {
  args: { data: { name: 'New market launch', steps: [{ name: 'Visited', value: 0 }, { name: 'Signed up', value: 0 }, { name: 'Paid', value: 0 }] } },
};
export const FiftySteps: Story = {
  args: {
    data: {
      name: 'Onboarding checklist, 50 steps',
      steps: Array.from({ length: 50 }, (_, i) => ({ name: `Checklist item ${i + 1}`, value: Math.round(100000 * 0.93 ** i), previous: Math.round(97000 * 0.93 ** i) })),
    },
  },
};
export const Narrow: Story = { args: { data: AARRR, width: 240 } };
export const Dark: Story = { args: { data: AARRR, theme: 'dark' } };
export const ErrorState: Story = {
  name: 'Error',
  args: { data: { name: 'Broken export', steps: [{ name: 'Visited', value: 1000 }, { name: 'Signed up', value: 300 }, { name: 'Paid', value: 'abc' }] } },
};
