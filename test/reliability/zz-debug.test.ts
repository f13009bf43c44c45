import { mount, withText, shadowAll } from './helpers.js';
import '../../src/define-all.js';
describe('debug', () => {
  it('funnel', async () => {
    const el = await mount('funnel-chart', withText('funnel-chart', `Very long name ${'x'.repeat(10000)}`), { width: 240 });
    const base = el.shadowRoot.querySelector('[part~="base"]') as HTMLElement;
    console.log('base', base.scrollWidth, base.clientWidth);
    for (const n of shadowAll(el.shadowRoot)) {
      const r = n.getBoundingClientRect();
      if ((n as HTMLElement).scrollWidth > 300 || r.right > 260) console.log(n.localName, n.getAttribute('class'), (n as HTMLElement).scrollWidth, r.left, r.right, getComputedStyle(n).position, getComputedStyle(n).overflow);
    }
  });
});
