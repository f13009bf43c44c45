// React 19 + north-star-widgets: properties (`data={object}`) and `nsw-*` events (`onnsw-select`).
// React 19 sets a custom element's property when the element has one of that name, so the
// elements must be defined before the first render: import the registration entry first.
// For TypeScript, add once: `import type {} from 'north-star-widgets/jsx';` (typed props and events).
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'north-star-widgets/define-all.js';

function Dashboard({ card, funnel }) {
  const [selected, setSelected] = useState('nothing yet');
  const [theme, setTheme] = useState('light');
  const onSelect = (event) => {
    event.preventDefault(); // stay in the app instead of following the metric's href
    setSelected(event.detail.id);
  };
  return (
    <main>
      <button id="theme" type="button" onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}>
        Theme: {theme}
      </button>
      <north-star-card id="card" data={card} theme={theme} exportable onnsw-select={onSelect} />
      <funnel-chart id="funnel" data={funnel} theme={theme} onnsw-select={onSelect} />
      <p id="selected">Selected: {selected}</p>
    </main>
  );
}

const root = document.getElementById('app');
const load = async (url) => (await fetch(url)).json();
const [card, funnel] = await Promise.all([load(root.dataset.card), load(root.dataset.funnel)]);
createRoot(root).render(<Dashboard card={card} funnel={funnel} />);
