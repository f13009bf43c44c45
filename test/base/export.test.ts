// toSVG() / toPNG() and the `exportable` menu on a real element, in Chromium and Firefox.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/funnel-chart.js';
import type { FunnelChart } from '../../src/funnel-chart/funnel-chart.js';

const data = {
  name: 'Trial to paid',
  steps: [
    { name: 'Visited pricing', value: 48000, previous: 45000 },
    { name: 'Started trial', value: 9600, previous: 9400 },
    { name: 'Converted to paid', value: 1150, previous: 1010 },
  ],
};

async function funnel(attrs = ''): Promise<FunnelChart> {
  const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 560px"></div>`);
  const el = document.createElement('funnel-chart') as FunnelChart;
  if (attrs) el.setAttribute(attrs, '');
  wrapper.append(el);
  el.data = data;
  // Poll with timers, not rAF or events: a background tab (concurrent test files) pauses rAF.
  for (let i = 0; i < 100; i++) {
    if (el.shadowRoot?.querySelector('[part~="base"]')?.textContent?.includes('Converted to paid')) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 60));
  return el;
}

describe('export', () => {
  it('toSVG(): a well-formed standalone SVG with the text, no var(), class, style or external reference', async () => {
    const el = await funnel();
    const svg = el.toSVG();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const root = doc.documentElement;
    expect(root.localName).to.equal('svg');
    const base = el.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect();
    expect(Number(root.getAttribute('width'))).to.equal(Math.ceil(base.width));
    expect(Number(root.getAttribute('height'))).to.equal(Math.ceil(base.height));
    expect(svg).not.to.match(/var\(--|\sclass=|\sstyle=|<foreignObject|href="(?!#)/);
    const text = [...doc.querySelectorAll('text')].map((t) => t.textContent).join(' ');
    for (const name of ['Visited pricing', 'Started trial', 'Converted to paid']) expect(text).to.contain(name);
    expect(doc.querySelector('title')?.textContent).to.equal(el.summary);
  });

  it('toSVG(): text from the data stays text (no markup injected into the SVG)', async () => {
    const el = await funnel();
    const hostile = '<img src=x onerror="window.__pwned=1"></text><script>window.__pwned=1</script>&amp;';
    el.data = { name: hostile, steps: [{ name: `"><svg onload=window.__pwned=1>`, value: 10 }, { name: hostile, value: 5 }] };
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 60)); // not rAF: paused in a background tab (concurrent runs)
    const svg = el.toSVG();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    expect(doc.querySelectorAll('img, script, foreignObject').length).to.equal(0);
    expect([...doc.querySelectorAll('svg svg')].filter((s) => s.hasAttribute('onload')).length).to.equal(0);
    expect(doc.documentElement.textContent).to.contain('<script>window.__pwned=1</script>&amp;');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('toSVG() of an element without data is a valid empty picture, not an exception', async () => {
    const el = document.createElement('funnel-chart') as FunnelChart;
    document.body.append(el);
    await el.updateComplete;
    expect(el.toSVG()).to.match(/^<svg /);
    el.remove();
  });

  it('toPNG(): a PNG Blob of the element at the requested scale', async () => {
    const el = await funnel();
    const base = el.shadowRoot!.querySelector('[part~="base"]')!.getBoundingClientRect();
    const blob = await el.toPNG({ scale: 1 });
    expect(blob.type).to.equal('image/png');
    const bitmap = await createImageBitmap(blob);
    expect([bitmap.width, bitmap.height]).to.deep.equal([Math.round(Math.ceil(base.width)), Math.round(Math.ceil(base.height))]);
    // Not blank: some dark text pixels and the accent bars.
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const pixels = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    let dark = 0;
    for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3] > 200 && pixels[i] < 80 && pixels[i + 1] < 80 && pixels[i + 2] < 80) dark++;
    expect(dark).to.be.greaterThan(200);
  });

  it('exportable: a menu button that opens with the keyboard and closes with Escape; left out of the export', async () => {
    const el = await funnel('exportable');
    const root = el.shadowRoot!;
    const toggle = root.querySelector<HTMLButtonElement>('.export-toggle')!;
    expect(toggle).to.exist;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.focus();
    toggle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const items = [...root.querySelectorAll('[role="menuitem"]')].map((i) => i.textContent!.trim());
    expect(items).to.deep.equal(['Download SVG', 'Download PNG', 'Copy summary']);
    expect(root.activeElement?.textContent?.trim()).to.equal('Download SVG');
    root.querySelector('[role="menu"]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r));
    expect(root.querySelector('[role="menu"]')).to.equal(null);
    expect(root.activeElement).to.equal(toggle);
    expect(el.toSVG()).not.to.contain('Export');
  });
});
