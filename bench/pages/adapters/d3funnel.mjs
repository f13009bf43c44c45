// d3-funnel, dist/d3-funnel.min.js (SVG; bundles the d3 modules it uses), animation off (its default).
import { loadScript } from './load-script.mjs';

let D3Funnel;
const options = (n) => ({ chart: { width: 600, height: n > 10 ? 1000 : 400, animate: 0 }, block: { minHeight: 0 }, label: { format: '{l}: {f}' } });
const rows = (input) => input.steps.map((s) => ({ label: s.name, value: s.value }));

export default {
  label: 'd3-funnel',
  version: () => '2.1.3',
  async load() {
    await loadScript('/node_modules/d3-funnel/dist/d3-funnel.min.js');
    D3Funnel = window.D3Funnel?.default ?? window.D3Funnel;
  },
  kinds: {
    funnel: {
      mount(container, input) {
        const chart = new D3Funnel(container);
        chart.draw(rows(input), options(input.steps.length));
        return chart;
      },
      update(chart, input) {
        chart.draw(rows(input), options(input.steps.length));
        return chart;
      },
      destroy(chart) {
        chart.destroy();
      },
    },
  },
};
