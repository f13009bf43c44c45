import { defineElement } from './base/define.js';
import { FunnelChart } from './funnel-chart/funnel-chart.js';

defineElement('funnel-chart', FunnelChart);

export { FunnelChart };

declare global {
  interface HTMLElementTagNameMap {
    'funnel-chart': FunnelChart;
  }
}
