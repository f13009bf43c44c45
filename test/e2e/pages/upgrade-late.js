// C2c: `data` set on elements that are not upgraded yet; C2d: elements made with
// document.createElement before the definition (one connected at once, one only after the
// bundle has loaded). Then the bundle is loaded; every element must show its data.
(async () => {
  const json = async (name) => (await fetch(`../fixtures/${name}`)).json();
  const [card, tree, funnel, goal] = await Promise.all(['card.json', 'tree.json', 'funnel.json', 'goal.json'].map(json));
  window.__before = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'].map((t) => !!customElements.get(t));
  document.getElementById('card').data = card;
  document.getElementById('tree').data = tree;
  const f = document.createElement('funnel-chart');
  f.id = 'funnel';
  f.data = funnel;
  document.getElementById('slot-funnel').append(f);
  const g = document.createElement('goal-progress');
  g.id = 'goal';
  g.setAttribute('as-of', '2026-11-20');
  g.data = goal;
  const script = document.createElement('script');
  script.src = '/dist/north-star-widgets.iife.js';
  script.onload = () => {
    document.getElementById('slot-goal').append(g);
    window.__loaded = true;
  };
  document.head.append(script);
})();
