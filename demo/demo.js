// Demo page behaviour: one theme switch for every widget on the page (no inline script, so the
// demo also runs under a strict Content-Security-Policy).
const widgets = () => document.querySelectorAll('north-star-card, metric-tree, funnel-chart, goal-progress');
const button = document.querySelector('#theme-toggle');
function applyTheme(theme) {
  document.documentElement.classList.toggle('dark', theme === 'dark');
  for (const el of widgets()) el.setAttribute('theme', theme);
  if (button) button.textContent = theme === 'dark' ? 'Light theme' : 'Dark theme';
}
const wanted = new URLSearchParams(location.search).get('theme');
applyTheme(wanted === 'dark' || (!wanted && matchMedia('(prefers-color-scheme: dark)').matches) ? 'dark' : 'light');
button?.addEventListener('click', () => applyTheme(document.documentElement.classList.contains('dark') ? 'light' : 'dark'));
document.addEventListener('nsw-select', (event) => console.info('nsw-select', event.detail.id));
