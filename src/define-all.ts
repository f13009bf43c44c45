/** Registers all four elements (each one left alone if its tag is already defined). */
import './north-star-card.js';
import './goal-progress.js';
import './funnel-chart.js';
import './metric-tree.js';
