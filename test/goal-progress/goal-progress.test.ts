import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/goal-progress.js';
import type { GoalProgress } from '../../src/goal-progress.js';
import { normalizeGoal, type KeyResult } from '../../src/goal-progress/goal-data.js';
import { computeGoalStats, WEEK_MS } from '../../src/goal-progress/goal-math.js';

const AS = '2026-11-23';
const Q4 = { start: '2026-10-01', deadline: '2026-12-31' };
const series = [
  ['2026-10-01', 10000],
  ['2026-10-22', 11000],
  ['2026-11-12', 12000],
  ['2026-11-19', 12400],
];
const goal = { name: 'Grow weekly active teams', metric: 'Weekly active teams', baseline: 10000, target: 15000, value: 12400, ...Q4, series };

/** One goal per status at as-of 2026-11-23 (53 of 91 days gone: expected 58.2 %). */
const STATUS_DATA: Record<string, object> = {
  achieved: { ...goal, name: 'Done', value: 16500 },
  'not-started': { ...goal, name: 'Later', start: '2027-01-01', deadline: '2027-03-31', value: 10000 },
  missed: { ...goal, name: 'Q3', start: '2026-07-01', deadline: '2026-09-30', value: 14000 },
  'on-track': { ...goal, name: 'Fine', value: 12600 },
  'at-risk': { ...goal, name: 'Wobbly', value: 12000 },
  'off-track': { ...goal, name: 'Behind', value: 11000 },
};
const STATUS_WORD: Record<string, string> = {
  achieved: 'Achieved', 'not-started': 'Not started', missed: 'Missed', 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track',
};

const okr = {
  id: 'okr',
  name: 'Make Teamwork the place teams collaborate',
  ...Q4,
  keyResults: [
    { id: 'wat', name: 'Weekly active teams', baseline: 11000, target: 15000, value: 12840, href: 'https://example.com/wat' },
    { id: 'ret', name: 'Week-4 team retention', baseline: 0.38, target: 0.45, value: 0.42, format: { style: 'percent' }, weight: 2 },
    { id: 'tix', name: 'Support tickets per 100 teams', baseline: 9, target: 6.5, value: 8.2, direction: 'decrease' },
  ],
};

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');
const part = (el: Element, name: string) => shadow(el).querySelector(`[part~="${name}"]`);

async function make(data: unknown, attrs: { view?: string; theme?: string; asOf?: string } = {}): Promise<GoalProgress> {
  const el = await fixture<GoalProgress>(
    html`<goal-progress .data=${data} as-of=${attrs.asOf ?? AS} view=${attrs.view ?? 'bar'} theme=${attrs.theme ?? 'light'}></goal-progress>`,
  );
  await el.updateComplete;
  return el;
}

function stubFollow(el: GoalProgress): string[] {
  const followed: string[] = [];
  (el as unknown as { followLink: (href: string) => void }).followLink = (href) => followed.push(href);
  return followed;
}

describe('<goal-progress> bar view', () => {
  it('shows progress, expected pace, target, status in words and the numbers of the maths module', async () => {
    const el = await make(goal);
    const model = normalizeGoal(goal).value as KeyResult;
    const stats = computeGoalStats(model, Date.parse(AS));
    expect(el.progress).to.equal(stats.progress);
    expect(el.progress).to.equal(0.48);
    expect(el.expected).to.be.closeTo(53 / 91, 1e-12);
    expect(el.forecast).to.equal(stats.forecast);
    expect(el.requiredRate).to.equal(stats.requiredRate);
    expect(el.actualRate).to.equal(stats.actualRate);
    expect(el.eta).to.equal(stats.eta);
    expect(el.status).to.equal('at-risk');
    expect(el.getAttribute('status')).to.equal('at-risk');
    const t = text(el);
    expect(t).to.include('48%');
    expect(t).to.include('12,400 of 15,000');
    expect(t).to.include('58% expected by now');
    expect(t).to.include('At risk');
    expect(t).to.include('38 days left');
    expect(t).to.include(`forecast ${Math.round(stats.forecast!).toLocaleString('en-US')} by Dec 31, 2026`);
    const needs = Math.round(stats.requiredRate!);
    const doing = Math.round(stats.actualRate!);
    expect(t).to.include(`needs +${needs}/week, doing +${doing}/week`);
  });

  it('the bar is a meter with value, range and a text value', async () => {
    const el = await make(goal);
    const meter = shadow(el).querySelector('[role="meter"]')!;
    expect(meter.getAttribute('aria-valuenow')).to.equal('48');
    expect(meter.getAttribute('aria-valuemin')).to.equal('0');
    expect(meter.getAttribute('aria-valuemax')).to.equal('100');
    expect(meter.getAttribute('aria-valuetext')).to.equal('48% of the way, 58% expected by now, at risk');
    expect(meter.getAttribute('aria-labelledby')).to.equal('title');
    const pace = part(el, 'pace')!;
    expect(pace.getAttribute('x')).to.equal('58.24%');
    expect(part(el, 'fill')!.getAttribute('width')).to.equal('48%');
  });

  for (const [status, data] of Object.entries(STATUS_DATA)) {
    it(`status ${status}: attribute, word and icon`, async () => {
      const el = await make(data);
      expect(el.status).to.equal(status);
      expect(el.getAttribute('status')).to.equal(status);
      const badge = part(el, 'status')!;
      expect(badge.textContent!.trim()).to.equal(STATUS_WORD[status]);
      expect(badge.querySelector('svg')).to.exist;
      expect(el.summary).to.include(`: ${STATUS_WORD[status].toLowerCase()} — `);
    });
  }

  it('0 % still shows a visible sliver', async () => {
    const el = await make({ ...goal, value: 10000 });
    expect(part(el, 'fill')).to.equal(null);
    const sliver = shadow(el).querySelector('.sliver')!;
    expect(sliver.getAttribute('width')).to.equal('4');
    expect(sliver.getBoundingClientRect().width).to.be.greaterThan(3);
    expect(getComputedStyle(sliver).fill).to.not.equal('none');
  });

  it('130 % overshoots without breaking the layout: the target moves in, the fill spans the bar', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 300px"><goal-progress as-of=${AS} .data=${{ ...goal, value: 16500 }}></goal-progress></div>`);
    const el = wrapper.querySelector('goal-progress')!;
    await el.updateComplete;
    expect(el.progress).to.be.closeTo(1.3, 1e-12);
    expect(part(el, 'fill')!.getAttribute('width')).to.equal('100%');
    expect(part(el, 'target')!.getAttribute('x1')).to.equal('76.92%');
    expect(text(el)).to.include('130%');
    expect(shadow(el).querySelector('[role="meter"]')!.getAttribute('aria-valuemax')).to.equal('130');
    expect(el.scrollWidth).to.be.at.most(el.clientWidth + 1);
    const base = part(el, 'base') as HTMLElement;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('a decreasing goal reads the right way round', async () => {
    const el = await make({ name: 'Tickets', baseline: 9, target: 6.5, value: 8, direction: 'decrease', ...Q4 });
    expect(el.progress).to.be.closeTo(0.4, 1e-12);
    expect(el.status).to.equal('at-risk');
    expect(text(el)).to.include('needs −0.28/week');
  });

  it('target === baseline never shows Infinity or NaN', async () => {
    const el = await make({ name: 'Hold', baseline: 5, target: 5, value: 4, direction: 'decrease', ...Q4 });
    expect(el.progress).to.equal(1);
    expect(el.status).to.equal('achieved');
    expect(shadow(el).innerHTML).to.not.match(/NaN|Infinity/);
  });

  it('fewer than 3 points: no forecast, no actual rate, no eta', async () => {
    const el = await make({ ...goal, series: series.slice(0, 2) });
    expect(el.forecast).to.equal(null);
    expect(el.actualRate).to.equal(null);
    expect(el.eta).to.equal(null);
    expect(text(el)).to.not.include('forecast');
    expect(text(el)).to.not.include('doing');
  });

  it('as-of changes "now" and every number with it', async () => {
    const el = await make(goal);
    el.asOf = '2026-12-31';
    await el.updateComplete;
    expect(el.expected).to.equal(1);
    expect(el.status).to.equal('off-track');
    el.asOf = '2027-01-01';
    await el.updateComplete;
    expect(el.status).to.equal('missed');
    expect(el.getAttribute('status')).to.equal('missed');
    el.asOf = 'soon';
    await el.updateComplete;
    expect(text(el)).to.include('as-of: expected an ISO 8601 date');
  });

  it('summary sentence', async () => {
    const el = await make(goal);
    expect(el.summary).to.match(
      /^Grow weekly active teams: at risk — 48% of the way from 10,000 to 15,000 with 58% of the time gone; needs \+\d+\/week, doing \+\d+\/week; forecast [\d,]+ by Dec 31, 2026\.$/,
    );
    expect(shadow(el).querySelector('#summary')!.textContent).to.equal(el.summary);
  });

  it('title click, Enter and Space fire nsw-select with the goal; the href is followed unless cancelled', async () => {
    const el = await make({ ...goal, id: 'g1', href: 'https://example.com/g' });
    const followed = stubFollow(el);
    const title = part(el, 'title') as HTMLButtonElement;
    setTimeout(() => title.click());
    const event = await oneEvent(el, 'nsw-select');
    expect(event.detail.id).to.equal('g1');
    expect((event.detail.metric as KeyResult).name).to.equal('Grow weekly active teams');
    expect(followed).to.deep.equal(['https://example.com/g']);
    const ids: string[] = [];
    el.addEventListener('nsw-select', (e) => {
      ids.push(e.detail.id);
      e.preventDefault();
    });
    title.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    expect(ids).to.deep.equal(['g1', 'g1']);
    expect(followed).to.have.length(1);
  });

  it('hostile text stays text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1">';
    const el = await make({ ...goal, name: payload, metric: payload, owner: payload });
    expect(text(el)).to.include(payload);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible (${theme})`, async () => {
      const el = await make(goal, { theme });
      await expect(el).to.be.accessible();
    });
  }
});

describe('<goal-progress> objective', () => {
  it('rolls up key results by weight and lists them', async () => {
    const el = await make(okr);
    const wat = (12840 - 11000) / 4000;
    const ret = (0.42 - 0.38) / (0.45 - 0.38);
    const tix = (8.2 - 9) / (6.5 - 9);
    expect(el.progress).to.be.closeTo((wat + 2 * ret + tix) / 4, 1e-12);
    expect(el.forecast).to.equal(null);
    const rows = shadow(el).querySelectorAll('[part~="key-result"]');
    expect(rows).to.have.length(3);
    expect(rows[1].textContent).to.include('57%');
    expect(rows[1].textContent).to.include('42% of 45%');
    expect(rows[1].textContent).to.include('weight 2');
    expect(rows[2].textContent).to.include('Off track');
    expect(text(el)).to.include('average of 3 key results, weighted');
    expect(shadow(el).querySelectorAll('[role="meter"]')).to.have.length(4);
    expect(el.summary).to.match(/^Make Teamwork the place teams collaborate: at risk — 48% of the way with 58% of the time gone; 3 key results: /);
  });

  it('a key result row activates by click and by Enter on its name', async () => {
    const el = await make(okr);
    const followed = stubFollow(el);
    const ids: string[] = [];
    el.addEventListener('nsw-select', (e) => ids.push(e.detail.id));
    const rows = shadow(el).querySelectorAll<HTMLElement>('[part~="key-result"]');
    rows[0].querySelector<HTMLElement>('.kr-figures')!.click();
    expect(ids).to.deep.equal(['wat']);
    expect(followed).to.deep.equal(['https://example.com/wat']);
    rows[2].querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    expect(ids).to.deep.equal(['wat', 'tix', 'tix']);
  });

  it('a bad key result is dropped, named by its path, and the rest shown', async () => {
    const data = { ...okr, keyResults: [okr.keyResults[0], { name: 'Bad', baseline: 0, target: '+20%', value: 1 }] };
    const el = await fixture<GoalProgress>(html`<goal-progress as-of=${AS}></goal-progress>`);
    setTimeout(() => (el.data = data));
    const event = await oneEvent(el, 'nsw-error');
    expect(event.detail.partial).to.equal(true);
    expect(event.detail.issues[0].path).to.equal('keyResults[1].target');
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part~="key-result"]')).to.have.length(1);
    expect(part(el, 'notice')!.textContent).to.include('keyResults[1].target');
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible (${theme})`, async () => {
      await expect(await make(okr, { theme })).to.be.accessible();
    });
  }
});

describe('<goal-progress> errors', () => {
  it('deadline before start: error panel with the path and nsw-error', async () => {
    const el = await fixture<GoalProgress>(html`<goal-progress as-of=${AS}></goal-progress>`);
    setTimeout(() => (el.data = { ...goal, deadline: '2026-09-01' }));
    const event = await oneEvent(el, 'nsw-error');
    expect(event.detail.issues[0].path).to.equal('deadline');
    await el.updateComplete;
    const panel = part(el, 'error')!;
    expect(panel.textContent!.replace(/\s+/g, ' ')).to.include('Can’t show this goal.');
    expect(panel.textContent).to.include('deadline');
    expect(panel.textContent).to.include('must be after start (2026-10-01)');
    expect(el.status).to.equal(null);
    expect(el.hasAttribute('status')).to.equal(false);
    expect(el.progress).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('CSV from src is refused with a clear message', async () => {
    const url = URL.createObjectURL(new Blob(['date,value\n2026-10-01,1\n'], { type: 'text/csv' }));
    const el = await fixture<GoalProgress>(html`<goal-progress></goal-progress>`);
    setTimeout(() => (el.src = url));
    const event = await oneEvent(el, 'nsw-error');
    expect(event.detail.message).to.match(/CSV is not accepted for a goal/);
  });
});

describe('<goal-progress> text layout', () => {
  it('a wrapped line of "·"-separated phrases neither ends nor starts with a separator; dates do not break', async () => {
    const wrapper = document.createElement('div');
    wrapper.style.width = '260px';
    document.body.append(wrapper);
    const el = await fixture<GoalProgress>(
      html`<goal-progress .data=${{ ...goal, owner: 'Growth and activation team' }} as-of=${AS}></goal-progress>`,
      { parentNode: wrapper },
    );
    await el.updateComplete;
    let wrapped = 0;
    for (const row of shadow(el).querySelectorAll<HTMLElement>('.phrases')) {
      const clip = row.parentElement!.getBoundingClientRect();
      expect(getComputedStyle(row.parentElement!).overflowX).to.equal('hidden');
      const items = [...row.querySelectorAll<HTMLElement>(':scope > .phrase')];
      items.forEach((item, i) => {
        const rect = item.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(item).paddingInlineStart);
        expect(pad, 'room for the separator').to.be.greaterThan(4);
        const startsLine = i === 0 || Math.round(rect.top) > Math.round(items[i - 1].getBoundingClientRect().top);
        if (startsLine) expect(rect.left + pad, 'separator of a line start is clipped').to.be.at.most(clip.left + 1);
        else expect(rect.left, 'separator between phrases is shown').to.be.at.least(clip.left);
        if (i > 0 && startsLine) wrapped += 1;
      });
    }
    expect(wrapped, 'at 260 px some phrases wrap').to.be.greaterThan(0);
    for (const date of shadow(el).querySelectorAll<HTMLElement>('.meta .date')) {
      expect(date.getClientRects(), date.textContent!).to.have.length(1);
    }
  });
});

describe('<goal-progress> chart view', () => {
  it('draws the series, pace line, target line, today and the dashed forecast', async () => {
    const el = await make(goal, { view: 'chart' });
    const root = shadow(el);
    expect(root.querySelector('.series-line')!.getAttribute('d')).to.match(/^M/);
    expect(root.querySelector('.pace-path')!.getAttribute('d')).to.match(/^M/);
    expect(root.querySelector('.target-rule')).to.exist;
    expect(root.querySelector('.today-line')).to.exist;
    expect(root.querySelector('.forecast-path')!.getAttribute('d')).to.match(/^M/);
    expect(root.querySelectorAll('.series-dot')).to.have.length(4);
    expect(text(el)).to.include('Target 15,000');
    expect(text(el)).to.include('As of Nov 23');
    for (const node of root.querySelectorAll('*')) {
      for (const attr of node.attributes) expect(attr.value, `${node.tagName} ${attr.name}`).to.not.match(/NaN|Infinity/);
    }
  });

  it('shows the headline progress above the chart, as the bar view does', async () => {
    const el = await make(goal, { view: 'chart' });
    const line = shadow(el).querySelector('.progress-line')!;
    // (12,400 − 10,000) / (15,000 − 10,000) = 48 %
    expect(line.textContent!.replace(/\s+/g, ' ').trim()).to.equal('48% 12,400 of 15,000 (from 10,000)');
    expect(line.compareDocumentPosition(part(el, 'chart')!) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.greaterThan(0);
  });

  it('has a data table with one row per point and the forecast', async () => {
    const el = await make(goal, { view: 'chart' });
    const table = shadow(el).querySelector('table')!;
    await waitUntil(() => !table.hasAttribute('aria-busy'), 'table rows rendered'); // rows render after first paint
    expect(table.querySelector('caption')!.textContent).to.equal('Grow weekly active teams: values over time');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(rows).to.have.length(5);
    expect(rows[3]).to.deep.equal(['Nov 19, 2026', '12,400', paceText(Date.parse('2026-11-19'))]);
    expect(rows[4][0]).to.equal('Dec 31, 2026 (forecast)');
    expect(rows[4][1]).to.equal(Math.round(el.forecast!).toLocaleString('en-US'));
  });

  it('keyboard: arrows move a marker and the tooltip; Home/End; Esc hides', async () => {
    const el = await make(goal, { view: 'chart' });
    const chart = part(el, 'chart') as HTMLElement;
    expect(chart.getAttribute('tabindex')).to.equal('0');
    chart.focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    let tip = part(el, 'tooltip')!;
    expect(tip.textContent).to.include('Oct 1, 2026: 10,000');
    expect(tip.getRootNode()).to.equal(shadow(el));
    expect(shadow(el).querySelector('.active-ring')).to.exist;
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.include('Oct 22, 2026: 11,000');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    tip = part(el, 'tooltip')!;
    expect(tip.textContent).to.include('forecast');
    expect(shadow(el).querySelector('[aria-live="polite"]')!.textContent).to.equal(tip.textContent);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(part(el, 'tooltip')!.textContent).to.include('Oct 1, 2026');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(chart);
  });

  it('hover shows the nearest point', async () => {
    const el = await make(goal, { view: 'chart' });
    const svgEl = shadow(el).querySelector('.chart svg')!;
    const box = svgEl.getBoundingClientRect();
    svgEl.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + 1, clientY: box.top + box.height / 2, bubbles: true }));
    await el.updateComplete;
    await waitUntil(() => part(el, 'tooltip'));
    expect(part(el, 'tooltip')!.textContent).to.include('Oct 1, 2026');
    svgEl.dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });

  it('an objective shows one chart per key result', async () => {
    const el = await make(okr, { view: 'chart' });
    expect(shadow(el).querySelectorAll('[part~="chart"]')).to.have.length(3);
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible (${theme})`, async () => {
      const el = await make(goal, { view: 'chart', theme });
      await expect(el).to.be.accessible();
      (part(el, 'chart') as HTMLElement).focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
});

function paceText(time: number): string {
  const start = Date.parse(Q4.start);
  const deadline = Date.parse(Q4.deadline);
  return Math.round(10000 + 5000 * ((time - start) / (deadline - start))).toLocaleString('en-US');
}

// Keep the WEEK_MS import meaningful for readers: rates are per 7 days.
void WEEK_MS;
