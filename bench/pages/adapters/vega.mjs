// Vega, build/vega.min.js: a tidy-tree spec (stratify + tree + treelinks + linkpath), canvas renderer.
// Vega has no built-in zoom or collapse for trees, so only first render and data replacement are measured.
import { loadScript } from './load-script.mjs';

let vega;
function spec(values) {
  return {
    width: 960, height: 660, padding: 20, autosize: 'none',
    data: [
      {
        name: 'tree', values,
        transform: [
          { type: 'stratify', key: 'id', parentKey: 'parent' },
          { type: 'tree', method: 'tidy', size: [{ signal: 'width' }, { signal: 'height' }], as: ['x', 'y', 'depth', 'children'] },
        ],
      },
      { name: 'links', source: 'tree', transform: [{ type: 'treelinks' }, { type: 'linkpath', orient: 'vertical', shape: 'orthogonal' }] },
    ],
    marks: [
      { type: 'path', from: { data: 'links' }, encode: { update: { path: { field: 'path' }, stroke: { value: '#aab' } } } },
      { type: 'symbol', from: { data: 'tree' }, encode: { enter: { size: { value: 36 }, fill: { value: '#4c78a8' } }, update: { x: { field: 'x' }, y: { field: 'y' } } } },
      { type: 'text', from: { data: 'tree' }, encode: { enter: { text: { field: 'name' }, fontSize: { value: 9 }, baseline: { value: 'bottom' }, align: { value: 'center' } }, update: { x: { field: 'x' }, y: { field: 'y' }, dy: { value: -5 } } } },
    ],
  };
}
function flatten(root) {
  const out = [];
  const walk = (node, parent) => {
    out.push({ id: node.id, parent, name: node.name, value: node.value });
    for (const c of node.children ?? []) walk(c, node.id);
  };
  walk(root, null);
  return out;
}

export default {
  label: 'Vega',
  version: () => vega?.version ?? '',
  async load() {
    await loadScript('/node_modules/vega/build/vega.min.js');
    vega = window.vega;
  },
  kinds: {
    tree: {
      prepare: flatten,
      async mount(container, values) {
        const view = new vega.View(vega.parse(spec(values)), { renderer: 'canvas', container, logLevel: vega.Error });
        await view.runAsync();
        return view;
      },
      async update(view, values) {
        view.data('tree', values);
        await view.runAsync();
        return view;
      },
      destroy(view) {
        const el = view.container();
        view.finalize();
        if (el) el.textContent = '';
      },
    },
  },
};
