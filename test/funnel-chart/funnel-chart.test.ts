import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/funnel-chart.js';
import type { FunnelChart } from '../../src/funnel-chart.js';

const AARRR = {
  name: 'Signup funnel',
  comparison: 'last month',
  steps: [
    { name: 'Visited site', value: 12000, previous: 11000, segments: { organic: 7000, paid: 5000 } },
    { name: 'Signed up', value: 4800, previous: 3900, medianTime: 8100, segments: { organic: 3000, paid: 1800 } },
    { name: 'Activated', value: 1200, previous: 1600, medianTime: 90000, segments: { organic: 800, paid: 400 } },
    { name: 'Paying', value: 480, previous: 440, segments: { organic: 330, paid: 150 } },
  ],
};

const shadowText = (el: Element) => (el.shadowRoot!.textContent ?? '').replace(/\s+/g, ' ');
const steps = (el: FunnelChart) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="step"]')];

/** A container of a given width. (fixture() of a plain <div> waits for an animation frame, which a background tab never gives.) */
function box(width: number): HTMLDivElement {
  const div = document.createElement('div');
  div.style.width = `${width}px`;
  document.body.append(div);
  return div;
}

async function make(data: unknown, attrs = '') {
  const chart = await fixture<FunnelChart>(html`<funnel-chart .data=${data}></funnel-chart>`, { parentNode: box(800) });
  if (attrs) chart.setAttribute('orientation', attrs);
  await chart.updateComplete;
  await new Promise((r) => setTimeout(r, 30));
  await chart.updateComplete;
  return chart;
}

describe('<funnel-chart>', () => {
  it('renders counts, conversions, users lost and the biggest drop-off in words', async () => {
    const el = await make(AARRR);
    const text = shadowText(el);
    expect(steps(el)).to.have.length(4);
    expect(text).to.contain('12,000 → 480 · 4.0% overall');
    // Signed up: 4800/12000 = 40.0 %; Activated 1200/4800 = 25.0 % of previous, 10.0 % of first, 3,600 lost.
    expect(text).to.contain('10.0% of first');
    expect(text).to.contain('25.0% of previous');
    expect(text).to.contain('−3,600 lost');
    expect(text).to.contain('Biggest drop-off: Signed up → Activated, 75.0% lost (3,600 users)');
    const flags = [...el.shadowRoot!.querySelectorAll('[part="flag"]')].map((f) => f.textContent!.trim());
    expect(flags).to.deep.equal(['▼Biggest drop-off']);
    expect(text).to.contain('median 2 h 15 min');
    expect(text).to.contain('median 1 d 1 h');
  });

  it('exposes stats exactly as SPEC says, matching the screen', async () => {
    const el = await make(AARRR);
    const stats = el.stats;
    expect(Object.keys(stats[1])).to.deep.equal([
      'name', 'value', 'fromPrevious', 'fromFirst', 'dropOff', 'dropOffRate', 'interval', 'smallSample', 'previousFromPrevious', 'change', 'significant',
    ]);
    expect(stats[1].fromPrevious).to.equal(0.4);
    expect(stats[2].dropOff).to.equal(3600);
    expect(stats[2].dropOffRate).to.equal(0.75);
    // change Signed up: 0.4 − 3900/11000 = 0.4 − 0.354545 = +4.5 pp
    expect(stats[1].change).to.be.closeTo(0.045455, 1e-6);
    expect(stats[1].significant).to.equal(true);
    expect(shadowText(el)).to.contain('+4.5 pp vs last month, significant');
    // stats is a copy: mutating it does not change the element
    stats[0].value = 1;
    expect(el.stats[0].value).to.equal(12000);
  });

  it('draws ghosts for the comparison period and stacked segments with a legend', async () => {
    const el = await make(AARRR);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('[part="ghost"]')).to.have.length(4);
    expect(root.querySelectorAll('.seg')).to.have.length(2 * 4 + 2); // 2 per step + 2 legend swatches
    const legend = root.querySelector('[part="legend"]')!.textContent!.replace(/\s+/g, ' ');
    expect(legend).to.contain('organic').and.contain('paid').and.contain('dashed outline: last month');
    // The first step fills the scale (12,000 is the largest count).
    const fill = root.querySelectorAll('[part="step"]')[0].querySelector('.seg-0')!;
    expect(fill.getAttribute('width')).to.equal(`${+((7000 / 12000) * 100).toFixed(3)}%`);
    for (const node of root.querySelectorAll('*')) {
      for (const attr of node.getAttributeNames()) expect(node.getAttribute(attr)).not.to.match(/NaN|Infinity/);
      expect(node.getAttribute('style')).to.equal(null);
    }
  });

  it('flags small samples and growing steps with an icon and a word', async () => {
    const el = await make({ steps: [{ name: 'A', value: 100 }, { name: 'B', value: 20 }, { name: 'C', value: 25 }, { name: 'D', value: 5 }] });
    const flags = [...el.shadowRoot!.querySelectorAll('[part="flag"]')].map((f) => f.textContent!.trim());
    expect(flags).to.include('▲More than previous step');
    expect(flags).to.include('⚠Small sample (n = 20)');
    expect(flags).to.include('⚠Small sample (n = 25)');
    expect(el.summary).to.contain('C is larger than the step before');
  });

  it('a zero first step shows — and never NaN', async () => {
    const el = await make({ name: 'Empty', steps: [{ name: 'A', value: 0 }, { name: 'B', value: 0 }] });
    const text = shadowText(el);
    expect(text).not.to.match(/NaN|Infinity/);
    expect(text).to.contain('— of first');
    expect(el.summary).to.contain('no conversion: the first step is 0');
  });

  it('writes a summary sentence and a data table with every figure', async () => {
    const el = await make(AARRR);
    expect(el.summary).to.equal(
      'Signup funnel: 12,000 Visited site → 480 Paying (4.0% overall); biggest drop-off at Activated (−75.0%); overall conversion 0.0 pp vs last month (not significant).',
    );
    const table = el.shadowRoot!.querySelector('table[part="table"]')!;
    await waitUntil(() => !table.hasAttribute('aria-busy'), 'table rows rendered'); // rows render after first paint
    expect(table.querySelector('caption')!.textContent).to.contain('Signup funnel');
    const rows = [...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent!.trim()));
    expect(rows).to.have.length(4);
    // Wilson 1200/4800: centre = (0.25 + 0.00040015)/1.0008003 = 0.250000; half = 1.959964·√(0.0000390625 + 0.0000000417)/1.0008003 = 0.012247
    expect(rows[2].slice(0, 7)).to.deep.equal(['Activated', '1,200', '25.0%', '23.8% – 26.2%', '10.0%', '3,600', '75.0%']);
    expect(el.shadowRoot!.querySelector('#summary')!.textContent).to.equal(el.summary);
  });

  it('horizontal orientation lays steps out side by side; too narrow falls back', async () => {
    const el = await make(AARRR, 'horizontal');
    expect(el.shadowRoot!.querySelector('.base')!.classList.contains('horizontal')).to.equal(true);
    const [a, b] = steps(el).map((s) => s.getBoundingClientRect());
    expect(b.left).to.be.greaterThan(a.right - 1);
    expect(Math.abs(a.top - b.top)).to.be.lessThan(2);
    const chart = await fixture<FunnelChart>(html`<funnel-chart orientation="horizontal" .data=${AARRR}></funnel-chart>`, { parentNode: box(300) });
    await new Promise((r) => setTimeout(r, 100));
    // The width comes from a ResizeObserver + animation frame; a background test tab has no frames, so stand in for it.
    if (!chart.shadowRoot!.querySelector('.note')) (chart as unknown as { width: number }).width = 300;
    await waitUntil(() => chart.shadowRoot!.querySelector('.note'));
    expect(chart.shadowRoot!.querySelector('.base')!.classList.contains('vertical')).to.equal(true);
  });

  it('never overflows at 240 px with long names, and 50 steps are condensed', async () => {
    const long = {
      name: 'n'.repeat(10000),
      comparison: 'c'.repeat(10000),
      steps: [{ name: 'A very long step name '.repeat(20), value: 1e12, previous: 9e11 }, { name: 'x'.repeat(10000), value: 5e11, previous: 4e11, segments: { ['s'.repeat(5000)]: 1 } }],
    };
    const chart = await fixture<FunnelChart>(html`<funnel-chart .data=${long}></funnel-chart>`, { parentNode: box(240) });
    await new Promise((r) => setTimeout(r, 50));
    const base = chart.shadowRoot!.querySelector<HTMLElement>('.base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    expect(chart.scrollWidth).to.be.at.most(240);
    const many = await make({ steps: Array.from({ length: 50 }, (_, i) => ({ name: `Step ${i}`, value: 1000 - i * 10 })) });
    expect(many.shadowRoot!.querySelector('.base')!.classList.contains('condensed')).to.equal(true);
    expect(steps(many)).to.have.length(50);
  });

  it('a wrapped line of figures neither ends nor starts with a "·" separator', async () => {
    const chart = await fixture<FunnelChart>(html`<funnel-chart .data=${AARRR}></funnel-chart>`, { parentNode: box(230) });
    await chart.updateComplete;
    let wrapped = 0;
    for (const figs of chart.shadowRoot!.querySelectorAll<HTMLElement>('.figs')) {
      const clip = figs.getBoundingClientRect();
      const items = [...figs.querySelectorAll<HTMLElement>('.fig')];
      const tops = items.map((f) => Math.round(f.getBoundingClientRect().top));
      items.forEach((fig, i) => {
        const rect = fig.getBoundingClientRect();
        const pad = parseFloat(getComputedStyle(fig).paddingInlineStart);
        expect(pad, 'room for the separator').to.be.greaterThan(4);
        // The separator sits in the padding: visible only when the figure does not start a line.
        const startsLine = i === 0 || tops[i] > tops[i - 1];
        if (startsLine) expect(rect.left + pad, 'separator of a line start is clipped').to.be.at.most(clip.left + 1);
        else expect(rect.left, 'separator between figures is shown').to.be.at.least(clip.left);
        if (i > 0 && startsLine) wrapped += 1;
      });
    }
    expect(wrapped, 'at 230 px some figures wrap').to.be.greaterThan(0);
    expect(chart.shadowRoot!.querySelector('.sep')).to.equal(null);
  });

  it('horizontal tooltips are readable (≥ 200 px) and stay inside the chart, beside or over their column', async () => {
    for (const width of [1000, 480]) {
      const chart = await fixture<FunnelChart>(html`<funnel-chart orientation="horizontal" .data=${AARRR}></funnel-chart>`, { parentNode: box(width) });
      await new Promise((r) => setTimeout(r, 50));
      // The width comes from a ResizeObserver + animation frame; a background test tab has no frames, so stand in for it.
      if (!(chart as unknown as { width: number }).width) (chart as unknown as { width: number }).width = width - 26;
      await chart.updateComplete;
      const base = chart.shadowRoot!.querySelector('.base')!.getBoundingClientRect();
      for (const [i, step] of steps(chart).entries()) {
        step.parentElement!.dispatchEvent(new PointerEvent('pointerenter'));
        await chart.updateComplete;
        const tip = chart.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!.getBoundingClientRect();
        const column = step.getBoundingClientRect();
        expect(tip.width, `step ${i} at ${width} px`).to.be.at.least(200);
        expect(tip.left, `step ${i} at ${width} px`).to.be.at.least(base.left);
        expect(tip.right, `step ${i} at ${width} px`).to.be.at.most(base.right);
        expect(tip.bottom, `step ${i} at ${width} px`).to.be.at.most(base.bottom);
        // Wide charts: beside the column, so the hovered bar stays visible.
        if (width === 1000) expect(tip.left >= column.right - 1 || tip.right <= column.left + 1, `step ${i} beside`).to.equal(true);
        step.parentElement!.dispatchEvent(new PointerEvent('pointerleave'));
        await chart.updateComplete;
      }
    }
  });

  it('shows errors with paths and fires nsw-error', async () => {
    const el = await fixture<FunnelChart>(html`<funnel-chart></funnel-chart>`);
    const event = oneEvent(el, 'nsw-error');
    el.data = { steps: [{ name: 'A', value: 1 }, { name: 'B', value: 1 }, { name: 'C', value: 'abc' }] };
    const { detail } = await event;
    expect(detail.issues).to.deep.equal([{ path: 'steps[2].value', message: 'expected a non-negative number, got "abc"' }]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('steps[2].value').and.contain('Can’t show this funnel');
    expect(el.stats).to.deep.equal([]);
  });

  it('drops a bad previous with a notice and renders the rest', async () => {
    const el = await make({ steps: [{ name: 'A', value: 10, previous: 'x' }, { name: 'B', value: 5 }] });
    expect(steps(el)).to.have.length(2);
    expect(el.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('steps[0].previous');
  });

  it('reads CSV from src', async () => {
    const el = await fixture<FunnelChart>(html`<funnel-chart src="/test/fixtures/funnel-steps.csv"></funnel-chart>`);
    await waitUntil(() => el.stats.length === 7, 'CSV loaded', { timeout: 5000 });
    expect(el.stats[1].value).to.equal(6120);
    expect(el.stats[1].previousFromPrevious).to.be.closeTo(5510 / 45900, 1e-12);
    await el.updateComplete;
    expect(shadowText(el)).to.contain('median 25 min');
  });

  it('reports a bad CSV cell by path', async () => {
    const el = await fixture<FunnelChart>(html`<funnel-chart src="/test/fixtures/funnel-bad.csv"></funnel-chart>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'error shown', { timeout: 5000 });
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.contain('steps[2].value').and.contain('"abc"');
  });

  it('keyboard: one tab stop, arrows/Home/End move, Enter and Space fire nsw-select, Esc hides the tooltip', async () => {
    const el = await make(AARRR);
    const all = steps(el);
    expect(all.map((s) => s.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    all[0].focus();
    // A test page without window focus gets no focus event from focus(): send the one a user's Tab would.
    if (!document.hasFocus()) all[0].dispatchEvent(new FocusEvent('focus'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('Visited site');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(steps(el)[1]);
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent).to.contain('95 % CI');
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal(steps(el)[3]);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(steps(el).map((s) => s.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    const selected: string[] = [];
    el.addEventListener('nsw-select', (e) => selected.push(e.detail.id));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    expect(selected).to.deep.equal(['signed-up', 'signed-up']);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="tooltip"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(steps(el)[1]);
  });

  it('click fires a cancelable nsw-select with the step and its stats', async () => {
    const el = await make(AARRR);
    const event = oneEvent(el, 'nsw-select');
    steps(el)[2].click();
    const { detail, cancelable, composed } = await event;
    expect(cancelable).to.equal(true);
    expect(composed).to.equal(true);
    expect(detail.id).to.equal('activated');
    expect((detail.metric as { value: number; stats: { fromPrevious: number } }).stats.fromPrevious).to.equal(0.25);
  });

  it('tooltip shows per-segment conversion', async () => {
    const el = await make(AARRR);
    steps(el)[1].dispatchEvent(new PointerEvent('pointerenter'));
    steps(el)[1].parentElement!.dispatchEvent(new PointerEvent('pointerenter'));
    await el.updateComplete;
    const tip = el.shadowRoot!.querySelector('[part="tooltip"]')!.textContent!.replace(/\s+/g, ' ');
    // organic 3000/7000 = 42.9 %; paid 1800/5000 = 36.0 %
    expect(tip).to.contain('organic 3,000 42.9%').and.contain('paid 1,800 36.0%');
  });

  for (const theme of ['light', 'dark']) {
    it(`is accessible (${theme})`, async () => {
      const el = await make(AARRR);
      el.setAttribute('theme', theme);
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.setAttribute('orientation', 'horizontal');
      steps(el)[0].focus();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  }
  it('is accessible with an error', async () => {
    const el = await fixture<FunnelChart>(html`<funnel-chart theme="dark" .data=${{ steps: [] }}></funnel-chart>`);
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
