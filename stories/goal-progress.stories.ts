import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../src/goal-progress.js';

type Args = { data: unknown; view: 'bar' | 'chart'; theme: 'light' | 'dark' | 'auto'; asOf: string; locale: string };

const Q4 = { start: '2026-10-01', deadline: '2026-12-31' };
/** Weekly points from Oct 1 to Nov 23 moving evenly from `from` to `to`. */
const weekly = (from: number, to: number, start = '2026-10-01', end = '2026-11-23') => {
  const t0 = Date.parse(start);
  const t1 = Date.parse(end);
  const points: Array<[string, number]> = [];
  for (let t = t0; t <= t1; t += 7 * 86_400_000) points.push([new Date(t).toISOString().slice(0, 10), Math.round(from + ((to - from) * (t - t0)) / (t1 - t0))]);
  points.push([end, to]);
  return points;
};
const goal = (name: string, extra: Record<string, unknown>) => ({
  name, metric: 'Weekly active teams', unit: 'teams', owner: 'Growth', baseline: 10000, target: 15000, ...Q4, ...extra,
});

const STATUSES = {
  achieved: goal('Achieved early (130 %)', { target: 14000, value: 15200, series: weekly(10000, 15200) }),
  notStarted: goal('Not started (Q1 2027)', { start: '2027-01-01', deadline: '2027-03-31', baseline: 15000, target: '+20%', value: 15000 }),
  missed: goal('Missed (Q3)', { start: '2026-07-01', deadline: '2026-09-30', baseline: 9000, target: 11000, value: 10350, series: weekly(9000, 10350, '2026-07-01', '2026-09-30') }),
  onTrack: goal('On track', { value: 13100, series: weekly(10000, 13100) }),
  atRisk: goal('At risk', { value: 12300, series: weekly(10000, 12300) }),
  offTrack: goal('Off track', { value: 11100, series: weekly(10000, 11100) }),
};

const OKR = {
  name: 'Make Teamwork the place teams collaborate', metric: 'Q4 2026 company OKR', owner: 'Leadership team', ...Q4,
  keyResults: [
    { name: 'Grow weekly active teams to 15,000', unit: 'teams', baseline: 11000, target: 15000, value: 12840, series: weekly(11000, 12840) },
    { name: 'Lift week-4 team retention to 45%', baseline: 0.38, target: 0.45, value: 0.42, format: { style: 'percent', maximumFractionDigits: 1 } },
    { name: 'Cut support tickets to 6.5 per 100 teams', baseline: 9, target: 6.5, value: 8.2, direction: 'decrease', format: { minimumFractionDigits: 1, maximumFractionDigits: 1 } },
  ],
};

const meta: Meta<Args> = {
  title: 'Widgets/GoalProgress',
  component: 'goal-progress',
  args: { data: STATUSES.atRisk, view: 'bar', theme: 'light', asOf: '2026-11-23', locale: 'en-US' },
  argTypes: {
    view: { control: 'inline-radio', options: ['bar', 'chart'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
  },
  render: ({ data, view, theme, asOf, locale }) =>
    html`<goal-progress .data=${data} view=${view} theme=${theme} as-of=${asOf} locale=${locale}></goal-progress>`,
};
export default meta;

type Story = StoryObj<Args>;
export const Achieved: Story = { args: { data: STATUSES.achieved } };
export const NotStarted: Story = { args: { data: STATUSES.notStarted } };
export const Missed: Story = { args: { data: STATUSES.missed } };
export const OnTrack: Story = { args: { data: STATUSES.onTrack } };
export const AtRisk: Story = { args: { data: STATUSES.atRisk } };
export const OffTrack: Story = { args: { data: STATUSES.offTrack } };
export const AchievedChart: Story = { args: { data: STATUSES.achieved, view: 'chart' } };
export const NotStartedChart: Story = { args: { data: STATUSES.notStarted, view: 'chart' } };
export const MissedChart: Story = { args: { data: STATUSES.missed, view: 'chart' } };
export const OnTrackChart: Story = { args: { data: STATUSES.onTrack, view: 'chart' } };
export const AtRiskChart: Story = { args: { data: STATUSES.atRisk, view: 'chart' } };
export const OffTrackChart: Story = { args: { data: STATUSES.offTrack, view: 'chart' } };
export const Objective: Story = { args: { data: OKR } };
export const ObjectiveChart: Story = { args: { data: OKR, view: 'chart' } };
export const Dark: Story = { args: { data: OKR, theme: 'dark' } };
export const DarkChart: Story = { args: { data: STATUSES.onTrack, view: 'chart', theme: 'dark' } };
export const ErrorWithPaths: Story = { args: { data: { name: 'Broken', baseline: 10, target: '+20%', value: 'abc', start: '2026-12-01', deadline: '2026-10-01' } } };
