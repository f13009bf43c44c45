import { aTimeout, expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/north-star-card.js';
import type { NorthStarCard } from '../../src/north-star-card.js';

const HOUR = 3_600_000;
const series = Array.from({ length: 26 }, (_, i) => ({
  date: new Date(Date.UTC(2026, 4, 25 + 7 * i)).toISOString().slice(0, 10),
  value: i === 25 ? 12840 : i === 24 ? 11900 : 8000 + 150 * i,
}));

function wat(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'wat', name: 'Weekly active teams', value: 12840, previous: 11900, target: 15000, unit: 'teams', comparison: 'vs last week',
    href: '/metrics/wat', description: 'Teams where 3+ members collaborated this week.', owner: 'Growth team',
    updated: new Date(Date.now() - 3 * HOUR).toISOString(),
    series: series.map((point) => ({ ...point })),
    guardrails: [
      { id: 'tickets', name: 'Support tickets per team', value: 4.6, previous: 4.1, direction: 'decrease', threshold: 4.5, href: '/g/tickets' },
      { id: 'p95', name: 'p95 page load', value: 1.8, previous: 1.9, direction: 'decrease', threshold: 2.5, unit: 's' },
      { id: 'churn', name: 'Weekly churned teams', value: 212, previous: 230, direction: 'decrease' },
    ],
    inputs: [
      { id: 'new', name: 'New teams activated', value: 1460, previous: 1310 },
      { id: 'retention', name: '4-week team retention', value: 0.812, previous: 0.794, format: { style: 'percent', maximumFractionDigits: 1 } },
      { id: 'invites', name: 'Invites sent per team', value: 3.4, previous: 3.6 },
    ],
    ...extra,
  };
}

const root = (el: NorthStarCard) => el.shadowRoot!;
const part = (el: NorthStarCard, name: string) => root(el).querySelector(`[part~="${name}"]`) as HTMLElement | null;
const parts = (el: NorthStarCard, name: string) => [...root(el).querySelectorAll(`[part~="${name}"]`)] as HTMLElement[];
const textOf = (node: Node | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * A sized container, removed after each test. Not fixture(): it waits for an animation frame, which a
 * background tab (Firefox running two test pages at once) may never give.
 */
const containers: HTMLElement[] = [];
afterEach(() => containers.splice(0).forEach((c) => c.remove()));
function box(width: number): HTMLDivElement {
  const div = document.createElement('div');
  div.style.width = `${width}px`;
  document.body.appendChild(div);
  containers.push(div);
  return div;
}

/**
 * Sizes the container and waits for the element to lay itself out for that width. The element learns
 * its width from a ResizeObserver whose callbacks a background tab (two test pages at once) may hold
 * back, so after a short wait the measured width is handed over directly, as the observer would.
 */
async function resizeTo(el: NorthStarCard, container: HTMLElement, width: number, selector: string): Promise<void> {
  container.style.width = `${width}px`;
  try {
    await waitUntil(() => root(el).querySelector(selector), selector, { timeout: 600 });
  } catch {
    (el as unknown as { width: number }).width = Math.floor(el.getBoundingClientRect().width);
    await el.updateComplete;
  }
  expect(root(el).querySelector(selector), selector).not.to.equal(null);
}

async function card(data: unknown, attrs = ''): Promise<NorthStarCard> {
  const wrapper = box(600);
  const el = document.createElement('north-star-card') as NorthStarCard;
  for (const [name, value] of attrs.split(/\s+/).filter(Boolean).map((a) => a.split('='))) el.setAttribute(name, value ?? '');
  el.data = data;
  wrapper.appendChild(el);
  await el.updateComplete;
  return el;
}

describe('<north-star-card>: rendering', () => {
  it('shows name, value, unit and the change with arrow, sign, % and judgement', async () => {
    const el = await card(wat());
    expect(textOf(part(el, 'name'))).to.equal('Weekly active teams');
    expect(textOf(part(el, 'value'))).to.equal('12,840');
    expect(textOf(root(el).querySelector('.unit'))).to.equal('teams');
    const delta = textOf(part(el, 'delta'));
    expect(delta).to.contain('▲');
    expect(delta).to.contain('+940');
    expect(delta).to.contain('(+7.9%)');
    expect(delta).to.contain('vs last week');
    expect(delta).to.contain('good');
    expect(part(el, 'delta')!.querySelector('.pill')!.classList.contains('good')).to.equal(true);
  });

  it('shows progress towards the target', async () => {
    const el = await card(wat());
    expect(textOf(part(el, 'target'))).to.contain('86% of target 15,000 teams');
    const fill = part(el, 'target')!.querySelector('rect.fill')!;
    const track = part(el, 'target')!.querySelector('rect.track')!;
    const ratio = Number(fill.getAttribute('width')) / Number(track.getAttribute('width'));
    expect(ratio).to.be.closeTo(0.856, 0.002);
  });

  it('shows the change of a rate in percentage points', async () => {
    const el = await card({ name: 'Activation rate', value: 0.412, previous: 0.394, format: { style: 'percent', maximumFractionDigits: 1 } });
    expect(textOf(part(el, 'value'))).to.equal('41.2%');
    expect(textOf(part(el, 'delta'))).to.contain('+1.8 pp');
    expect(textOf(part(el, 'delta'))).not.to.contain('4.6%');
    expect(el.summary).to.equal('Activation rate 41.2%, up 1.8 pp vs previous period (good).');
  });

  it('shows a drop of a decrease-is-good metric as good', async () => {
    const el = await card({ name: 'Time to first shared project', value: 18.5, previous: 22, direction: 'decrease', unit: 'h', comparison: 'vs last week' });
    const delta = textOf(part(el, 'delta'));
    expect(delta).to.contain('▼');
    expect(delta).to.contain('−3.5');
    expect(delta).to.contain('(−15.9%)');
    expect(delta).to.contain('good');
    expect(part(el, 'delta')!.querySelector('.pill')!.classList.contains('good')).to.equal(true);
    expect(el.summary).to.contain('down 15.9% (−3.5) vs last week (good)');
  });

  it('shows a rise of a decrease-is-good metric as bad', async () => {
    const el = await card({ name: 'Tickets', value: 4.6, previous: 4.1, direction: 'decrease' });
    expect(part(el, 'delta')!.querySelector('.pill')!.classList.contains('bad')).to.equal(true);
    expect(textOf(part(el, 'delta'))).to.contain('bad');
  });

  it('writes the summary sentence', async () => {
    const el = await card(wat());
    expect(el.summary).to.equal(
      'Weekly active teams 12,840 teams, up 7.9% (+940) vs last week (good), 86% of target 15,000 teams; 1 guardrail breached: Support tickets per team.',
    );
    expect(textOf(root(el).querySelector('#summary'))).to.contain(el.summary);
  });

  it('formats for the locale attribute', async () => {
    const el = await card(wat(), 'locale=de-DE');
    expect(textOf(part(el, 'value'))).to.equal('12.840');
    expect(textOf(part(el, 'delta'))).to.match(/\+7,9\s%/);
  });

  it('shows guardrails with a breached state (icon, word, colour) and their limits', async () => {
    const el = await card(wat());
    const rows = parts(el, 'guardrail');
    expect(rows).to.have.length(3);
    expect(rows[0].classList.contains('breached')).to.equal(true);
    expect(textOf(rows[0])).to.contain('Support tickets per team');
    expect(textOf(rows[0])).to.contain('4.6');
    expect(textOf(rows[0])).to.contain('⚠ Breached');
    expect(textOf(rows[0])).to.contain('limit ≤ 4.5');
    expect(textOf(rows[1])).to.contain('Within limit');
    expect(textOf(rows[2])).to.contain('▼');
    expect(textOf(rows[2])).to.contain('−7.8%');
    expect(rows[2].querySelector('.state')!.classList.contains('good')).to.equal(true);
    expect(textOf(part(el, 'guardrails'))).to.contain('1 breached');
  });

  it('lists inputs with value and change (pp for rates)', async () => {
    const el = await card(wat());
    const rows = parts(el, 'input').map(textOf);
    expect(rows[0]).to.contain('New teams activated').and.contain('1,460').and.contain('+11.5%');
    expect(rows[1]).to.contain('81.2%').and.contain('+1.8 pp');
    expect(rows[2]).to.contain('▼');
  });

  it('shows description, owner and last update on demand', async () => {
    const el = await card(wat());
    const button = part(el, 'details-button')!;
    const details = part(el, 'details')!;
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(details.hidden).to.equal(true);
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    expect(details.hidden).to.equal(false);
    expect(textOf(details)).to.contain('Teams where 3+ members collaborated this week.');
    expect(textOf(details)).to.contain('Growth team');
    const time = details.querySelector('time')!;
    expect(textOf(time)).to.equal('3 hours ago');
    expect(time.getAttribute('title')).to.match(/2026|20\d\d/);
    expect(time.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('has a data table of the series and no NaN in any attribute', async () => {
    const el = await card(wat());
    const table = part(el, 'table')!;
    await waitUntil(() => !table.hasAttribute('aria-busy'), 'table rows rendered'); // rows render after first paint
    expect(table.querySelectorAll('tbody tr')).to.have.length(26);
    const cells = [...table.querySelectorAll('tbody tr:last-child > *')].map(textOf);
    expect(cells).to.deep.equal(['Nov 16, 2026', '12,840 teams']);
    for (const node of root(el).querySelectorAll('*')) {
      for (const attr of node.attributes) expect(attr.value, `${node.tagName} ${attr.name}`).not.to.match(/NaN|Infinity/);
    }
  });

  it('renders strings from data as text', async () => {
    const payload = '<img src=x onerror="__pwned++"><svg onload=__pwned++>';
    const el = await card(wat({ name: payload, unit: payload, comparison: payload, description: payload, owner: payload }));
    expect(textOf(part(el, 'name'))).to.equal(payload);
    expect(root(el).querySelectorAll('img, script, iframe').length).to.equal(0);
  });
});

describe('<north-star-card>: errors', () => {
  it('shows the error panel with the path when the value is invalid', async () => {
    const el = await card({ name: 'Weekly active teams', value: 'abc' });
    const panel = part(el, 'error')!;
    expect(textOf(panel)).to.contain('Can’t show this card.');
    expect(textOf(panel)).to.contain('value: expected a number, got "abc"');
    expect(part(el, 'value')).to.equal(null);
  });

  it('drops a bad series point, guardrail and input, renders the rest and says so', async () => {
    const data = wat();
    (data.series as unknown[])[3] = { date: '2026-06-15', value: 'n/a' };
    (data.guardrails as unknown[]).push({ name: 'Broken', value: '4,6' });
    (data.inputs as unknown[]).push({ value: 1 });
    const el = document.createElement('north-star-card');
    const wrapper = box(600);
    const failed = oneEvent(el, 'nsw-error');
    el.data = data;
    wrapper.appendChild(el);
    const event = await failed;
    expect(event.detail.partial).to.equal(true);
    expect(event.detail.issues.map((i: { path: string }) => i.path)).to.deep.equal(['series[3].value', 'guardrails[3].value', 'inputs[3].name']);
    await el.updateComplete;
    expect(textOf(part(el, 'value'))).to.equal('12,840');
    expect(parts(el, 'guardrail')).to.have.length(3);
    await waitUntil(() => !part(el, 'table')!.hasAttribute('aria-busy'), 'table rows rendered'); // rows render after first paint
    expect(part(el, 'table')!.querySelectorAll('tbody tr')).to.have.length(25);
    expect(textOf(part(el, 'notice'))).to.contain('3 problems in the data');
  });
});

describe('<north-star-card>: events', () => {
  it('fires nsw-select on click of the header and follows the href', async () => {
    const el = await card(wat());
    const followed: string[] = [];
    (el as unknown as { followLink: (href: string) => void }).followLink = (href) => followed.push(href);
    const selected = oneEvent(el, 'nsw-select');
    part(el, 'header')!.click();
    const event = await selected;
    expect(event.detail.id).to.equal('wat');
    expect(event.detail.metric.name).to.equal('Weekly active teams');
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    expect(followed).to.deep.equal(['/metrics/wat']);
  });

  it('fires nsw-select on Enter and Space of the focusable header', async () => {
    const el = await card(wat());
    (el as unknown as { followLink: () => void }).followLink = () => {};
    const ids: string[] = [];
    el.addEventListener('nsw-select', (e) => ids.push(e.detail.id));
    const header = part(el, 'header')!;
    expect(header.getAttribute('tabindex')).to.equal('0');
    expect(header.getAttribute('role')).to.equal('button');
    header.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    header.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    header.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    expect(ids).to.deep.equal(['wat', 'wat']);
  });

  it('does not follow the link when nsw-select is cancelled', async () => {
    const el = await card(wat());
    const followed: string[] = [];
    (el as unknown as { followLink: (href: string) => void }).followLink = (href) => followed.push(href);
    el.addEventListener('nsw-select', (e) => e.preventDefault());
    part(el, 'header')!.click();
    expect(followed).to.deep.equal([]);
  });

  it('never follows an unsafe href', async () => {
    const el = await card(wat({ href: 'javascript:alert(1)' }));
    const followed: string[] = [];
    (el as unknown as { followLink: (href: string) => void }).followLink = (href) => followed.push(href);
    const selected = oneEvent(el, 'nsw-select');
    part(el, 'header')!.click();
    await selected;
    expect(followed).to.deep.equal([]);
  });

  it('fires nsw-select for guardrail and input rows with their ids', async () => {
    const el = await card(wat());
    const followed: string[] = [];
    (el as unknown as { followLink: (href: string) => void }).followLink = (href) => followed.push(href);
    const ids: string[] = [];
    el.addEventListener('nsw-select', (e) => ids.push(e.detail.id));
    parts(el, 'guardrail')[0].click();
    parts(el, 'input')[1].click();
    expect(ids).to.deep.equal(['tickets', 'retention']);
    expect(followed).to.deep.equal(['/g/tickets']);
    expect(parts(el, 'guardrail')[0].tagName).to.equal('BUTTON');
  });
});

describe('<north-star-card>: sparkline readout', () => {
  const key = (target: HTMLElement, k: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, composed: true, cancelable: true }));

  it('marks the latest point', async () => {
    const el = await card(wat());
    const latest = part(el, 'sparkline')!.querySelector('circle.latest')!;
    const points = part(el, 'sparkline')!.querySelector('svg')!;
    expect(Number(latest.getAttribute('cx'))).to.be.closeTo(Number(points.getAttribute('width')) - 5, 0.01);
  });

  it('reads points with the keyboard: Left/Right/Home/End move, Esc hides', async () => {
    const el = await card(wat());
    const spark = part(el, 'sparkline')!;
    expect(spark.tabIndex).to.equal(0);
    spark.focus();
    // A page running in a background tab gets no focus event from focus(): send it so the test does not depend on that.
    spark.dispatchEvent(new FocusEvent('focus'));
    await el.updateComplete;
    expect(textOf(part(el, 'tooltip'))).to.equal('Nov 16, 2026 12,840 teams');
    expect(spark.getAttribute('aria-valuetext')).to.equal('Nov 16, 2026: 12,840 teams');
    expect(spark.querySelector('circle.marker')).not.to.equal(null);
    key(spark, 'ArrowLeft');
    await el.updateComplete;
    expect(textOf(part(el, 'tooltip'))).to.equal('Nov 9, 2026 11,900 teams');
    expect(spark.getAttribute('aria-valuenow')).to.equal('25');
    expect(spark.getAttribute('aria-valuemax')).to.equal('26');
    key(spark, 'Home');
    await el.updateComplete;
    expect(textOf(part(el, 'tooltip'))).to.equal('May 25, 2026 8,000 teams');
    key(spark, 'ArrowLeft');
    await el.updateComplete;
    expect(spark.getAttribute('aria-valuenow')).to.equal('1');
    key(spark, 'ArrowRight');
    await el.updateComplete;
    expect(textOf(part(el, 'tooltip'))).to.equal('Jun 1, 2026 8,150 teams');
    key(spark, 'End');
    await el.updateComplete;
    expect(spark.getAttribute('aria-valuenow')).to.equal('26');
    key(spark, 'Escape');
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
    expect(spark.querySelector('circle.marker')).to.equal(null);
  });

  it('reads the point under the pointer', async () => {
    const el = await card(wat());
    const svgEl = part(el, 'sparkline')!.querySelector('svg')!;
    const box = svgEl.getBoundingClientRect();
    svgEl.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + 2, clientY: box.top + 10, bubbles: true }));
    await el.updateComplete;
    expect(textOf(part(el, 'tooltip'))).to.equal('May 25, 2026 8,000 teams');
    expect(part(el, 'tooltip')!.style.getPropertyValue('--tip-x')).to.equal('5px');
    expect(part(el, 'tooltip')!.getAttribute('style') === null || !/--tip-x/.test(part(el, 'tooltip')!.getAttribute('style')!)).to.equal(false);
    svgEl.dispatchEvent(new PointerEvent('pointerleave', { bubbles: false }));
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });
});

describe('<north-star-card>: stale-after and anomalies', () => {
  it('marks a value older than stale-after hours with a Stale badge and its age', async () => {
    const el = await card(wat({ updated: new Date(Date.now() - 50 * HOUR).toISOString() }), 'stale-after=24');
    const badge = part(el, 'stale-badge')!;
    expect(textOf(badge)).to.equal('Stale · 2 days ago');
    expect(badge.getAttribute('title')).to.match(/^Last updated /);
    expect(el.summary).to.contain('stale: updated 2 days ago');
    el.staleAfter = 72;
    await el.updateComplete;
    expect(part(el, 'stale-badge')).to.equal(null);
  });

  it('does not mark a fresh value or one without stale-after', async () => {
    expect(part(await card(wat(), 'stale-after=24'), 'stale-badge')).to.equal(null);
    expect(part(await card(wat({ updated: '2020-01-01' })), 'stale-badge')).to.equal(null);
  });

  const spiky = () => {
    const values = [100, 102, 101, 103, 102, 104, 60, 103, 105, 104, 106, 150, 105, 107, 106];
    return { name: 'Spiky', series: values.map((v, i) => [new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10), v]) };
  };

  it('marks unusual points with the anomalies attribute and lists them in the text alternative', async () => {
    const el = await card(spiky(), 'anomalies');
    expect(part(el, 'sparkline')!.querySelectorAll('circle.anomaly')).to.have.length(2);
    const alt = textOf(root(el).querySelector('#summary'));
    expect(alt).to.contain('2 unusual points: Feb 16, 2026: 60 (expected about');
    expect(alt).to.contain('Mar 23, 2026: 150');
    expect(textOf(root(el).querySelector('.anomaly-note'))).to.equal('2 unusual points');
    await waitUntil(() => !part(el, 'table')!.hasAttribute('aria-busy'), 'table rows rendered'); // rows render after first paint
    expect(textOf(part(el, 'table'))).to.contain('unusual');
  });

  it('marks nothing without the attribute', async () => {
    const el = await card(spiky());
    expect(part(el, 'sparkline')!.querySelectorAll('circle.anomaly')).to.have.length(0);
    expect(textOf(root(el).querySelector('#summary'))).not.to.contain('unusual');
  });
});

describe('<north-star-card>: narrow layout', () => {
  it('switches to the compact layout at 260 px and still shows name, value and change', async () => {
    const wrapper = box(600);
    const el = document.createElement('north-star-card') as NorthStarCard;
    el.data = wat({ name: 'Weekly active teams collaborating on at least one shared project in every region' });
    wrapper.appendChild(el);
    await el.updateComplete;
    await resizeTo(el, wrapper, 260, '.compact');
    expect(part(el, 'name')!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(textOf(part(el, 'value'))).to.equal('12,840');
    expect(textOf(part(el, 'delta'))).to.contain('+940');
    expect(part(el, 'sparkline')!.querySelector('svg')!.getAttribute('height')).to.equal('36');
    expect(Number(part(el, 'sparkline')!.querySelector('svg')!.getAttribute('width'))).to.be.at.most(236);
    expect(el.getBoundingClientRect().width).to.be.at.most(260);
    expect(part(el, 'base')!.scrollWidth).to.be.at.most(260);
    expect(part(el, 'details-button')!.getAttribute('aria-label')).to.equal('Details');
  });

  it('returns to the regular layout when widened', async () => {
    const wrapper = box(600);
    const el = document.createElement('north-star-card') as NorthStarCard;
    el.data = wat();
    wrapper.appendChild(el);
    await el.updateComplete;
    await resizeTo(el, wrapper, 260, '.compact');
    await resizeTo(el, wrapper, 600, '.regular');
    expect(part(el, 'sparkline')!.querySelector('svg')!.getAttribute('height')).to.equal('72');
  });
});

describe('<north-star-card>: very narrow, long text, theme token, long series', () => {
  it('holds at 120 px: rows stack their state under the name, the change wraps, nothing overflows', async () => {
    const wrapper = box(600);
    const el = document.createElement('north-star-card') as NorthStarCard;
    el.data = wat({ name: 'Weekly active teams in the enterprise segment with SSO enabled (rolling 7 days)' });
    wrapper.appendChild(el);
    await el.updateComplete;
    await resizeTo(el, wrapper, 120, '.tiny');
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    for (const node of root(el).querySelectorAll('.headline, .delta, .pill, .row, .target-text')) {
      expect(node.scrollWidth, node.className).to.be.at.most((node as HTMLElement).clientWidth + 1);
    }
    // Name and state of a row: state below the name (one column), both visible.
    const row = parts(el, 'guardrail')[0];
    const name = row.querySelector('.row-name')!.getBoundingClientRect();
    const state = row.querySelector('.state')!.getBoundingClientRect();
    expect(state.top).to.be.at.least(name.bottom - 1);
    expect(name.width).to.be.greaterThan(40);
    expect(textOf(part(el, 'value'))).to.equal('12,840');
    // The value is on one line.
    const value = part(el, 'value')!;
    expect(value.getBoundingClientRect().height).to.be.lessThan(parseFloat(getComputedStyle(value).fontSize) * 1.6);
  });

  it('lines the figures of every row up in one column (subgrid)', async () => {
    const el = await card(wat());
    const rights = parts(el, 'guardrail').map((row) => Math.round(row.querySelector('.row-value')!.getBoundingClientRect().right));
    expect(new Set(rights).size, `figure right edges ${rights}`).to.equal(1);
    const inputRights = parts(el, 'input').map((row) => Math.round(row.querySelector('.row-value')!.getBoundingClientRect().right));
    expect(new Set(inputRights).size, `input figure right edges ${inputRights}`).to.equal(1);
  });

  it('cuts a very long unit in a row with an ellipsis; the full text stays in the title and the accessible name', async () => {
    const unit = `per team ${'x'.repeat(2_000)}`;
    const data = wat();
    (data.guardrails as Array<Record<string, unknown>>)[0].unit = unit;
    const el = await card(data);
    const base = part(el, 'base')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    const row = parts(el, 'guardrail')[0];
    const value = row.querySelector('.row-value') as HTMLElement;
    expect(value.getAttribute('title')).to.equal(`4.6 ${unit}`);
    expect(getComputedStyle(value).textOverflow).to.equal('ellipsis');
    expect(value.getBoundingClientRect().width).to.be.lessThan(base.clientWidth / 2);
    expect(textOf(row)).to.contain(unit);
    expect(row.querySelector('.row-limit')!.getAttribute('title')).to.contain(unit);
    // A short unit needs no title.
    expect(parts(el, 'guardrail')[1].querySelector('.row-value')!.hasAttribute('title')).to.equal(false);
  });

  it('takes its corner radius from --nsw-radius (and --north-star-card-radius over it)', async () => {
    const wrapper = box(600);
    wrapper.style.setProperty('--nsw-radius', '3px');
    const el = document.createElement('north-star-card') as NorthStarCard;
    el.data = wat();
    wrapper.appendChild(el);
    await el.updateComplete;
    expect(getComputedStyle(part(el, 'base')!).borderTopLeftRadius).to.equal('3px');
    el.style.setProperty('--north-star-card-radius', '20px');
    expect(getComputedStyle(part(el, 'base')!).borderTopLeftRadius).to.equal('20px');
    el.style.removeProperty('--north-star-card-radius');
    wrapper.style.removeProperty('--nsw-radius');
    expect(getComputedStyle(part(el, 'base')!).borderTopLeftRadius).to.equal('8px');
  });

  it('draws a 100,000-point series downsampled, and reads exact points with the keyboard', async () => {
    const start = Date.UTC(2020, 0, 1);
    const long = Array.from({ length: 100_000 }, (_, i) => [start + i * 60_000, i === 50_000 ? 9_999 : 1000 + (i % 7)]);
    const el = await card({ name: 'Requests', series: long });
    const path = part(el, 'sparkline')!.querySelector('path.line')!.getAttribute('d')!;
    expect(path.length).to.be.lessThan(100_000);
    const spark = part(el, 'sparkline')!;
    expect(spark.getAttribute('aria-valuemax')).to.equal('100000');
    spark.focus();
    spark.dispatchEvent(new FocusEvent('focus'));
    await el.updateComplete;
    expect(spark.getAttribute('aria-valuenow')).to.equal('100000');
    spark.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    await el.updateComplete;
    expect(spark.getAttribute('aria-valuenow')).to.equal('99999');
    expect(spark.getAttribute('aria-valuetext')).to.match(/: 1,00[0-6]$/);
    // PageDown / PageUp move by a tenth of the series.
    spark.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    await el.updateComplete;
    expect(spark.getAttribute('aria-valuenow')).to.equal('89999');
    spark.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
    spark.dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
    await el.updateComplete;
    expect(spark.getAttribute('aria-valuenow')).to.equal('100000');
  });
});

describe('<north-star-card>: accessibility', () => {
  for (const theme of ['light', 'dark']) {
    it(`is accessible in the ${theme} theme, details open`, async () => {
      const el = await card(wat({ updated: new Date(Date.now() - 50 * HOUR).toISOString() }), `theme=${theme} stale-after=24 anomalies`);
      part(el, 'details-button')!.click();
      part(el, 'sparkline')!.focus();
      await el.updateComplete;
      await aTimeout(0);
      await expect(el).to.be.accessible();
    });
  }
  it('is accessible in the compact layout and with the error panel', async () => {
    const wrapper = box(600);
    const el = document.createElement('north-star-card') as NorthStarCard;
    el.data = wat();
    wrapper.appendChild(el);
    await el.updateComplete;
    await resizeTo(el, wrapper, 260, '.compact');
    await expect(el).to.be.accessible();
    await expect(await card({ name: 'X', value: 'abc' }, 'theme=dark')).to.be.accessible();
  });
});
