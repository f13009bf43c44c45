// Vue 3 + north-star-widgets: `:data` binds the property, `@nsw-select` listens to the event.
// Tell Vue's template compiler that these tags are custom elements (in a Vite app:
// vue({ template: { compilerOptions: { isCustomElement: (tag) => NSW_TAGS.includes(tag) } } })).
import { createApp, ref } from 'vue';
import 'north-star-widgets/define-all.js';

const NSW_TAGS = ['north-star-card', 'metric-tree', 'funnel-chart', 'goal-progress'];

const root = document.getElementById('app');
const load = async (url) => (await fetch(url)).json();
const [card, funnel] = await Promise.all([load(root.dataset.card), load(root.dataset.funnel)]);

const app = createApp({
  setup() {
    const selected = ref('nothing yet');
    const theme = ref('light');
    const onSelect = (event) => {
      event.preventDefault();
      selected.value = event.detail.id;
    };
    return { card, funnel, selected, theme, onSelect };
  },
  template: `
    <main>
      <button id="theme" type="button" @click="theme = theme === 'light' ? 'dark' : 'light'">Theme: {{ theme }}</button>
      <north-star-card id="card" :data="card" :theme="theme" exportable @nsw-select="onSelect"></north-star-card>
      <funnel-chart id="funnel" :data="funnel" :theme="theme" @nsw-select="onSelect"></funnel-chart>
      <p id="selected">Selected: {{ selected }}</p>
    </main>`,
});
app.config.compilerOptions.isCustomElement = (tag) => NSW_TAGS.includes(tag);
app.mount(root);
