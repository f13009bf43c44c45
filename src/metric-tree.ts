import { defineElement } from './base/define.js';
import { MetricTree } from './metric-tree/metric-tree.js';

defineElement('metric-tree', MetricTree);

export { MetricTree };

declare global {
  interface HTMLElementTagNameMap {
    'metric-tree': MetricTree;
  }
}
