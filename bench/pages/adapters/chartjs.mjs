// Chart.js, dist/chart.umd.js (canvas), animation off, responsive inside a sized box.
import { loadScript } from './load-script.mjs';

let Chart;
export default {
  label: 'Chart.js',
  version: () => Chart?.version ?? '',
  async load() {
    await loadScript('/node_modules/chart.js/dist/chart.umd.js');
    Chart = window.Chart;
  },
  kinds: {
    spark: {
      mount(container, input) {
        const canvas = document.createElement('canvas');
        container.append(canvas);
        return new Chart(canvas, {
          type: 'line',
          data: {
            labels: input.series.map((p) => p.date),
            datasets: [{ data: input.series.map((p) => p.value), pointRadius: 0, borderWidth: 1.5, tension: 0 }],
          },
          options: {
            animation: false, responsive: true, maintainAspectRatio: false,
            plugins: { legend: { display: false } },
            scales: { x: { display: false }, y: { display: false } },
          },
        });
      },
      destroy(chart) {
        const canvas = chart.canvas;
        chart.destroy();
        canvas.remove();
      },
    },
  },
};
