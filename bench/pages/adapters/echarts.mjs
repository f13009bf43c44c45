// Apache ECharts, dist/echarts.min.js (canvas renderer, the default), animation off.
import { loadScript } from './load-script.mjs';

let echarts;
const base = { animation: false };

function init(container) {
  return echarts.init(container, null, { renderer: 'canvas' });
}
function treeOption(root) {
  return {
    ...base,
    tooltip: { trigger: 'item' },
    series: [{
      type: 'tree', data: [root], orient: 'TB', layout: 'orthogonal', initialTreeDepth: -1, roam: true,
      expandAndCollapse: true, symbolSize: 6, animation: false,
      label: { show: true, fontSize: 9, position: 'top' }, leaves: { label: { position: 'bottom' } },
      top: 20, bottom: 20, left: 20, right: 20,
    }],
  };
}
/** ECharts tree data: the shared nested shape works as is ({ name, value, children }); `collapsed` marks a closed node. */
function collapsedCopy(node) {
  return { name: node.name, value: node.value, collapsed: true, children: node.children?.map(collapsedCopy) };
}
function funnelOption(input) {
  return {
    ...base,
    tooltip: { trigger: 'item' },
    series: [{
      type: 'funnel', sort: 'none', gap: 2, left: 10, right: 10, top: 10, bottom: 10, animation: false,
      label: { show: true, position: 'inside' },
      data: input.steps.map((s) => ({ name: s.name, value: s.value })),
    }],
  };
}
function lineOption(input) {
  return {
    ...base,
    tooltip: { trigger: 'axis' },
    grid: { left: 4, right: 4, top: 4, bottom: 4 },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: input.series.map((p) => p.date) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', showSymbol: false, data: input.series.map((p) => p.value), animation: false }],
  };
}
const flush = (chart) => chart.getZr().flush();

export default {
  label: 'ECharts',
  version: () => echarts?.version ?? '',
  async load() {
    await loadScript('/node_modules/echarts/dist/echarts.min.js');
    echarts = window.echarts;
  },
  settle(h) {
    const chart = h?.chart ?? h;
    if (chart?.getZr) flush(chart);
  },
  kinds: {
    tree: {
      prepare: (root) => ({ root, collapsed: collapsedCopy(root) }),
      mount(container, input) {
        const chart = init(container);
        chart.setOption(treeOption(input.root));
        return { chart, input };
      },
      zoom(h) {
        // The same action ECharts' own mouse-wheel roam dispatches.
        const { width, height } = { width: h.chart.getWidth(), height: h.chart.getHeight() };
        h.chart.dispatchAction({ type: 'treeRoam', seriesIndex: 0, zoom: 1.25, originX: width / 2, originY: height / 2 });
        return h;
      },
      pan(h) {
        // The action ECharts' own drag roam dispatches, for a 40 × 30 px move.
        h.chart.dispatchAction({ type: 'treeRoam', seriesIndex: 0, dx: 40, dy: 30 });
        return h;
      },
      collapseAll(h) {
        // ECharts has no collapse-all API: a user sets data whose nodes are `collapsed`.
        // (Setting the new data over the old throws inside ECharts 6.1's TreeView when nodes
        // disappear with animation off — "Cannot read properties of null (reading '__edge')", with
        // merge or notMerge — so the chart is cleared first.)
        h.chart.clear();
        h.chart.setOption(treeOption(h.input.collapsed));
        return h;
      },
      expandAll(h) {
        h.chart.setOption(treeOption(h.input.root), { notMerge: true });
        return h;
      },
      update(h, input) {
        h.chart.setOption({ series: [{ data: [input.root] }] });
        h.input = input;
        return h;
      },
      destroy(h) {
        h.chart.dispose();
      },
    },
    funnel: {
      mount(container, input) {
        const chart = init(container);
        chart.setOption(funnelOption(input));
        return chart;
      },
      update(chart, input) {
        chart.setOption(funnelOption(input));
        return chart;
      },
      destroy(chart) {
        chart.dispose();
      },
    },
    spark: {
      mount(container, input) {
        const chart = init(container);
        chart.setOption(lineOption(input));
        return chart;
      },
      destroy(chart) {
        chart.dispose();
      },
    },
  },
};
